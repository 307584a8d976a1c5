"""WHY this number: the SHAP waterfall of the surrogate (drawn by shap), its cross-validated R^2
with a warning below 0.8, and the measures in words. Shows what it is given."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget


class WhyTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fit = QLabel("")
        self.fit.setWordWrap(True)
        self.plot = QLabel()
        self.plot.setAlignment(Qt.AlignCenter)
        self.plot.setMinimumHeight(120)
        self._pixmap = QPixmap()
        lay = QVBoxLayout(self)
        lay.addWidget(self.fit)
        lay.addWidget(self.plot, 1)
        self.measures = self.plot  # the measures' meanings are the plot's tooltip
        self.plot.setCursor(Qt.PointingHandCursor)
        self.plot.mousePressEvent = lambda _e: self.open_full_size()
        self.full_size: QDialog | None = None

    def open_full_size(self) -> None:
        """The waterfall at its own size (about 11 px text), where the tab is too small for it."""
        if self._pixmap.isNull():
            return
        self.full_size = QDialog(self)
        self.full_size.setWindowTitle(self.tr("Why this number"))
        label = QLabel()
        label.setPixmap(self._pixmap)
        QVBoxLayout(self.full_size).addWidget(label)
        self.full_size.show()

    def show_shap(self, shap: dict | None, waterfall_png: str | None, meanings: dict[str, str], min_r2: float,
                  note: str = "") -> None:
        if not shap:
            self.fit.setText(note or self.tr("No SHAP explanation for this inspection."))
            self.plot.clear()
            self.plot.setToolTip("")
            self._pixmap = QPixmap()
            return
        r2 = shap["cv_r2"]
        warn = (self.tr(" <b style='color:#b3141b'>Below {0}: the measures explain this category's scores only "
                        "roughly; read the bars as a hint.</b>").format(min_r2) if r2 < min_r2 else "")
        self.fit.setText(self.tr("The score {0:.2f} is explained by a surrogate (gradient boosting on the measures "
                                 "below, cross-validated R² {1:.2f}), which predicts {2:.2f}. Bars: how much each "
                                 "measure moves it from the category's average {3:.2f}.").format(
            shap.get("score") or 0.0, r2, shap["prediction"], shap["base_value"]) + warn)
        self._pixmap = QPixmap(waterfall_png) if waterfall_png else QPixmap()
        self._fit_plot()
        rows = [f"<b>{k.replace('_', ' ')}</b> = {v:.4g}: {meanings.get(k, '')}" for k, v in shap["measures"].items()]
        self.plot.setToolTip("<br>".join(rows) + "<br><i>" + self.tr("Click: full size") + "</i>")

    def _fit_plot(self) -> None:
        if not self._pixmap.isNull():
            self.plot.setPixmap(self._pixmap.scaled(self.plot.width(), max(self.plot.height(), 120),
                                                    Qt.KeepAspectRatio, Qt.SmoothTransformation))

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_plot()
