"""Two models' verdicts and maps on the same image, side by side, with their agreement."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from ui.image_view import to_pixmap
from ui.verdict_panel import STYLES


class CompareDialog(QDialog):
    def __init__(self, sides: list[tuple[str, str, np.ndarray]], agreement: str, parent: QWidget | None = None) -> None:
        """``sides``: (model label, verdict, uint8 RGB overlay) for each model."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Two models, one image"))
        grid = QGridLayout()
        self.verdicts = []
        for col, (label, verdict, rgb) in enumerate(sides):
            title = QLabel(f"<b>{label}</b>")
            title.setWordWrap(True)
            word = QLabel(verdict)
            word.setAlignment(Qt.AlignCenter)
            bg, fg = STYLES.get(verdict, ("#6b6b6b", "white"))
            word.setStyleSheet(f"background:{bg}; color:{fg}; font-size:20pt; font-weight:bold; padding:4px;")
            pic = QLabel()
            pic.setPixmap(to_pixmap(rgb).scaled(420, 420, Qt.KeepAspectRatio, Qt.SmoothTransformation))
            grid.addWidget(title, 0, col)
            grid.addWidget(word, 1, col)
            grid.addWidget(pic, 2, col)
            self.verdicts.append(word)
        self.agreement = QLabel(agreement)
        self.agreement.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(grid)
        lay.addWidget(self.agreement)
        lay.addWidget(buttons)
