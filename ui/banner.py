"""A message that floats over the top of its parent instead of taking a row of the layout: when
it appears, nothing under it moves, so a click meant for a button never lands on another one.
A click on the banner dismisses it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget


class Banner(QLabel):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setWordWrap(True)
        self.setStyleSheet("background:#5a2a82; color:white; padding:6px; font-weight:bold;")
        self.setToolTip(self.tr("Click to dismiss"))
        self._timer = QTimer(self, singleShot=True, timeout=self.hide)
        parent.installEventFilter(self)
        self.hide()

    def say(self, text: str, seconds: int = 10) -> None:
        self.setText(text)
        self._place()
        self.show()
        self.raise_()
        self._timer.start(seconds * 1000)

    def _place(self) -> None:
        width = self.parentWidget().width()
        text = self.fontMetrics().boundingRect(0, 0, max(40, width - 24), 10_000, Qt.TextWordWrap, self.text())
        self.setGeometry(0, 0, width, text.height() + 16)  # 6 px padding and the frame, above and below

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Resize and not self.isHidden():
            self._place()
        return False

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.hide()
