"""WHERE: the regions above the threshold (count, area in px and % of the part, boxes) and the
heat layer's colour map and opacity. Shows numbers it is given; the window draws the outlines."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QSlider, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

COLORMAPS = ("inferno", "jet", "viridis", "magma")


class WhereTab(QWidget):
    colormapChanged = Signal(str)
    opacityChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.colormap = QComboBox()
        self.colormap.addItems(COLORMAPS)
        self.opacity = QSlider(Qt.Horizontal)
        self.opacity.setRange(0, 100)
        self.opacity.setValue(50)
        self.colormap.currentTextChanged.connect(self.colormapChanged)
        self.opacity.valueChanged.connect(self.opacityChanged)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Colours")))
        row.addWidget(self.colormap)
        row.addWidget(QLabel(self.tr("Opacity")))
        row.addWidget(self.opacity, 1)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Area (px)"), self.tr("% of part"), self.tr("Box x, y, w, h"),
                                              self.tr("Peak")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addLayout(row)
        lay.addWidget(self.table, 1)

    def show_regions(self, regions: dict) -> None:
        """``regions``: the dict of ``RegionReport.to_dict``."""
        n = regions.get("count", 0)
        if n == 0:
            self.summary.setText(self.tr("No region reaches the threshold: nothing on the part looks anomalous enough to fail."))
        else:
            self.summary.setText(self.tr("<b>{0} region(s)</b> at or above the threshold, {1} px in all, "
                                         "{2:.2f} % of the part (outlined on the image).").format(
                n, regions.get("total_area_px", 0), 100 * regions.get("area_of_part", 0.0)))
        rows = regions.get("regions", [])
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            for j, text in enumerate([str(r["area_px"]), f"{100 * r['area_of_part']:.2f}",
                                      ", ".join(str(v) for v in r["box"]), f"{r['peak_score']:.2f}"]):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.table.setItem(i, j, item)
