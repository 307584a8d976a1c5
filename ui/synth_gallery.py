"""A row of synthetic-defect thumbnails with their kind: the preview a technician sees before
training. Receives ready-made RGB arrays (outlines already drawn); computes nothing."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from ui.image_view import to_pixmap


class SynthGallery(QWidget):
    """Up to ``columns`` x 2 thumbnails, each with a caption under it."""

    def __init__(self, columns: int = 4, side: int = 120, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns, self.side = columns, side
        self.grid = QGridLayout()
        self.grid.setSpacing(6)
        self.message = QLabel(self.tr("Choose a folder of good images to preview synthetic defects."))
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color:#555;")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.message)
        lay.addLayout(self.grid)
        self.tiles: list[QLabel] = []

    def clear(self, message: str = "") -> None:
        while self.grid.count():
            w = self.grid.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        self.tiles = []
        self.message.setText(message)
        self.message.setVisible(bool(message))

    def show_items(self, items: list[tuple[np.ndarray, str]], message: str = "") -> None:
        """``items``: (uint8 RGB thumbnail, caption) pairs, shown in order."""
        self.clear(message)
        for i, (rgb, caption) in enumerate(items):
            r, c = divmod(i, self.columns)
            pic = QLabel()
            pic.setAlignment(Qt.AlignCenter)
            pic.setPixmap(to_pixmap(rgb).scaled(self.side, self.side, Qt.KeepAspectRatio, Qt.SmoothTransformation))
            cap = QLabel(caption)
            cap.setAlignment(Qt.AlignCenter)
            self.grid.addWidget(pic, 2 * r, c)
            self.grid.addWidget(cap, 2 * r + 1, c)
            self.tiles.append(pic)
