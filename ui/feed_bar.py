"""The feed row: open files, watch a folder, camera with trigger and auto, and the source's state."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    """One line that never widens the window: a long text is cut with "…" and shown whole as tooltip."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.setMinimumWidth(80)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802
        self._full = text
        self.setToolTip(text)
        self._elide()

    def text(self) -> str:
        return self._full

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        super().setText(self.fontMetrics().elidedText(self._full, Qt.ElideMiddle, max(self.width() - 4, 76)))


class FeedBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.open_button = QPushButton(self.tr("Open images… (Ctrl+O)"))
        self.watch_button = QPushButton(self.tr("Watch folder… (Ctrl+W)"))
        self.camera_button = QPushButton(self.tr("Camera (Ctrl+K)"))
        self.camera_button.setCheckable(True)
        self.trigger_button = QPushButton(self.tr("Trigger (Space)"))
        self.trigger_button.setEnabled(False)
        self.auto_box = QCheckBox(self.tr("Auto"))
        self.status = ElidedLabel(self.tr("Source: files (drop images here)"))
        self.dropped = QLabel()
        self.dropped.setObjectName("droppedFrames")
        self.dropped.setToolTip(self.tr("Camera triggers that came while the previous frame was still being judged; "
                                        "they are dropped, never queued"))
        self.dropped.hide()
        self.retry_button = QPushButton()
        self.retry_button.setObjectName("retryButton")
        self.retry_button.setToolTip(self.tr("Parts the station could not judge because of its own fault "
                                             "(not the part's): judge them again"))
        self.retry_button.hide()
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        for w in (self.open_button, self.watch_button, self.camera_button, self.trigger_button, self.auto_box):
            lay.addWidget(w)
        lay.addWidget(self.status, 1)
        lay.addWidget(self.dropped)
        lay.addWidget(self.retry_button)

    def set_retry(self, n: int) -> None:
        self.retry_button.setText(self.tr("Retry {0} failed (Ctrl+Shift+R)").format(n))
        self.retry_button.setVisible(n > 0)

    def set_dropped(self, n: int) -> None:
        self.dropped.setText(self.tr("Dropped: {0}").format(n))
        self.dropped.setStyleSheet("color:#b35c00; font-weight:bold;" if n else "")
        self.dropped.setVisible(n > 0)

    def set_status(self, text: str, ok: bool) -> None:
        self.status.setStyleSheet("" if ok else "color:#b3141b; font-weight:bold;")
        self.status.ensurePolished()  # the bold font first, so the text is cut to its real width
        self.status.setText(text)
