"""The operator settles a REVIEW part at the bench: accept or reject, large enough for gloves."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget


class BenchBar(QFrame):
    settled = Signal(str)  # "accept" | "reject"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("benchBar")
        self.label = QLabel("")
        self.label.setWordWrap(True)
        f = self.label.font()
        f.setPointSize(13)
        f.setBold(True)
        self.label.setFont(f)
        self.accept_button = QPushButton(self.tr("Accept (A)"))
        self.reject_button = QPushButton(self.tr("Reject (X)"))
        self.accept_button.setObjectName("benchAccept")
        self.reject_button.setObjectName("benchReject")
        for b in (self.accept_button, self.reject_button):
            b.setMinimumHeight(48)
            b.setMinimumWidth(130)
        lay = QHBoxLayout(self)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.accept_button)
        lay.addWidget(self.reject_button)
        self.accept_button.clicked.connect(lambda: self.settled.emit("accept"))
        self.reject_button.clicked.connect(lambda: self.settled.emit("reject"))
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)
        self.hide()

    def ask(self, row_id: int) -> None:
        self.label.setText(self.tr("REVIEW part #{0}: accept or reject it").format(row_id))
        self.show()
