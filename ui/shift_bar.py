"""The bench's own line under the image: the strip of the last parts, who is operating, the lot
with its counts, and a re-test of the part on screen. Shows data and emits what is asked."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ui.recent_strip import RecentStrip


class ShiftBar(QFrame):
    operatorRequested = Signal()
    lotRequested = Signal()
    retestRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shiftBar")
        self.strip = RecentStrip()
        self.operator_button = QPushButton("")
        self.operator_button.setObjectName("operatorButton")
        self.lot_button = QPushButton("")
        self.lot_button.setObjectName("lotButton")
        self.lot_counts = QLabel("")
        self.retest_button = QPushButton("")
        self.retest_button.setObjectName("retestButton")
        keep = self.retest_button.sizePolicy()
        keep.setRetainSizeWhenHidden(True)  # the bar keeps its height: nothing under it moves
        self.retest_button.setSizePolicy(keep)
        self.retest_button.hide()
        self.retest_note = QLabel("")
        self.retest_note.setStyleSheet("color:#1f5f99; font-weight:bold;")
        for b in (self.operator_button, self.lot_button, self.retest_button):
            b.setMinimumHeight(28)
        side = QVBoxLayout()
        side.setSpacing(2)
        top = QHBoxLayout()
        top.addWidget(self.operator_button)
        top.addWidget(self.lot_button)
        top.addWidget(self.retest_button)
        top.addStretch(1)
        side.addLayout(top)
        side.addWidget(self.lot_counts)
        side.addWidget(self.retest_note)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 2, 0, 2)
        lay.addWidget(self.strip)
        lay.addLayout(side, 1)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)
        self.operator_button.clicked.connect(self.operatorRequested)
        self.lot_button.clicked.connect(self.lotRequested)
        self.retest_button.clicked.connect(self.retestRequested)
        self.show_operator("")
        self.show_lot("", {})

    def show_operator(self, name: str) -> None:
        self.operator_button.setText(self.tr("Operator: {0}").format(name) if name else self.tr("Operator sign-in…"))

    def show_lot(self, lot: str, counts: dict[str, int]) -> None:
        self.lot_button.setText(self.tr("Lot: {0}").format(lot) if lot else self.tr("Enter lot…"))
        if not lot:
            self.lot_counts.setText("")
            return
        total = sum(counts.values())
        self.lot_counts.setText(self.tr("{0} parts · {1} PASS · {2} FAIL · {3} REVIEW · {4} ERROR").format(
            total, counts.get("PASS", 0), counts.get("FAIL", 0), counts.get("REVIEW", 0), counts.get("ERROR", 0)))

    def offer_retest(self, row_id: int) -> None:
        """The part on screen was rejected: offer to judge it again as a re-test (-1 hides)."""
        self.retest_button.setText(self.tr("Re-test part #{0}…").format(row_id))
        self.retest_button.setVisible(row_id >= 0)

    def show_retest(self, text: str) -> None:
        self.retest_note.setText(text)
