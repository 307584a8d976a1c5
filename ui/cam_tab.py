"""WHICH features: a CAM over the image (Grad-CAM++ and Grad-CAM of the defect classifier,
LayerCAM of the anomaly score), which model and layer it explains, and the classifier's defect
probability as a second opinion. Shows ready-made overlays; asks for other layers by signal."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from ui.image_view import ImageView


class CamTab(QWidget):
    layersRequested = Signal(list)  # classifier layer names to combine
    trainClassifierRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.method = QComboBox()
        self.layer = QComboBox()
        self.layer.setToolTip(self.tr("Classifier layer(s) the CAM is taken at"))
        self.method.currentIndexChanged.connect(self._show_current)
        self.layer.activated.connect(lambda i: self.layersRequested.emit(list(self.layer.itemData(i) or [])))
        top = QHBoxLayout()
        top.addWidget(self.method, 1)
        top.addWidget(self.layer, 1)
        self.view = ImageView()
        self.view.setMinimumSize(160, 100)
        self.caption = QLabel("")
        self.caption.setWordWrap(True)
        # the caption has its own scrolled strip under the CAM: never drawn over it, never cut
        caption_box = QScrollArea()
        caption_box.setWidgetResizable(True)
        caption_box.setFrameShape(QScrollArea.NoFrame)
        caption_box.setWidget(self.caption)
        caption_box.setFixedHeight(64)
        self.train_button = QPushButton(self.tr("Train the defect classifier…"))
        self.train_button.clicked.connect(self.trainClassifierRequested)
        self.train_button.hide()
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.view, 1)
        lay.addWidget(caption_box)
        lay.addWidget(self.train_button)
        self._overlays: dict[str, tuple[np.ndarray, str]] = {}

    def set_layers(self, options: list[tuple[str, list[str]]], current: list[str]) -> None:
        """``options``: (label, layer names) pairs."""
        self.layer.blockSignals(True)
        self.layer.clear()
        for label, names in options:
            self.layer.addItem(label, names)
            if names == current:
                self.layer.setCurrentIndex(self.layer.count() - 1)
        self.layer.setEnabled(bool(options))
        self.layer.blockSignals(False)

    def show_cams(self, overlays: dict[str, tuple[np.ndarray, str]], note: str = "", offer_training: bool = False) -> None:
        """``overlays``: method label -> (uint8 RGB overlay, caption), Grad-CAM++ first."""
        self._overlays = overlays
        keep = self.method.currentText()
        self.method.blockSignals(True)
        self.method.clear()
        self.method.addItems(list(overlays))
        if keep in overlays:
            self.method.setCurrentText(keep)
        self.method.blockSignals(False)
        self.train_button.setVisible(offer_training)
        self._note = note
        self._show_current()

    def _show_current(self) -> None:
        name = self.method.currentText()
        if name in self._overlays:
            rgb, caption = self._overlays[name]
            self.view.show_image(rgb)
            self.caption.setText(caption + (f"<br><i>{self._note}</i>" if getattr(self, "_note", "") else ""))
        else:
            self.view.show_image(None)
            self.caption.setText(getattr(self, "_note", ""))
