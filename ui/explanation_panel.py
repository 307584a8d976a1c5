"""The explanation viewer: WHERE, WHICH features, WHY this number, WHAT it resembles, in tabs
beside the image, and the history as the last tab. A status line says what is being shown."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QTabWidget, QVBoxLayout, QWidget

from ui.cam_tab import CamTab
from ui.similar_tab import SimilarTab
from ui.where_tab import WhereTab
from ui.why_tab import WhyTab


class ExplanationPanel(QWidget):
    compareRequested = Signal()

    def __init__(self, history: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = QLabel(self.tr("Explanations appear here after each verdict."))
        self.status.setWordWrap(False)  # one line: the tabs under it keep their height
        self.status.setStyleSheet("color:#555;")
        self.where, self.which, self.why, self.similar = WhereTab(), CamTab(), WhyTab(), SimilarTab()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.where, self.tr("Where"))
        self.tabs.addTab(self.which, self.tr("Which features"))
        self.tabs.addTab(self.why, self.tr("Why this number"))
        self.tabs.addTab(self.similar, self.tr("Resembles"))
        self.tabs.addTab(history, self.tr("History"))
        # every tab in view at once: a clicked tab never scrolls the bar (the tabs would move)
        self.tabs.setUsesScrollButtons(False)
        self.tabs.setElideMode(Qt.ElideRight)
        self.status.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.compare_button = QPushButton(self.tr("Compare with…"))
        self.compare_button.setToolTip(self.tr("Judge this image with another category's model, side by side"))
        self.compare_button.clicked.connect(self.compareRequested)
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.compare_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(top)
        lay.addWidget(self.tabs, 1)

    def set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setToolTip(text)

    def clear(self, text: str) -> None:
        """Empty the four tabs, each saying ``text``, so that nothing of the part shown before
        stays beside a new verdict while its explanation is on its way."""
        self.where.summary.setText(text)
        self.where.table.setRowCount(0)
        self.which.show_cams({}, text)
        self.why.show_shap(None, None, {}, 0.0, text)
        self.similar.show_neighbours([], text)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt name)
        """No: the tabs take the height left under the verdict; their wrapping labels must not
        make a box layout squeeze the verdict instead."""
        return False
