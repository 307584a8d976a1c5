"""The part's picture with its tools: the anomaly map's toggle (M) and opacity, and fit (F)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget

from ui.image_view import ImageView


class ImagePane(QWidget):
    """An ``ImageView`` above its tool row. ``opacity`` is the heat layer's opacity in percent
    (0-100); the window saves it, and the WHERE tab's own slider follows it."""

    def __init__(self, opacity: int = 50, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = ImageView()
        self.overlay_box = QCheckBox(self.tr("Anomaly map (M)"))
        self.overlay_box.setChecked(True)
        self.overlay_box.toggled.connect(self.view.set_overlay_visible)
        self.opacity = QSlider(Qt.Horizontal)
        self.opacity.setRange(0, 100)
        self.opacity.setValue(opacity)
        self.opacity.setMaximumWidth(160)
        self.opacity.valueChanged.connect(self.view.set_overlay_opacity)
        self.view.set_overlay_opacity(self.opacity.value())
        fit = QPushButton(self.tr("Fit (F)"))
        fit.clicked.connect(self.view.fit)
        tools = QHBoxLayout()
        tools.addWidget(self.overlay_box)
        tools.addWidget(QLabel(self.tr("Opacity")))
        tools.addWidget(self.opacity)
        tools.addStretch(1)
        tools.addWidget(fit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(tools)
