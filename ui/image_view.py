"""Image view with the anomaly heat layer on top: toggle, opacity, wheel zoom, drag pan."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import QGraphicsPixmapItem, QGraphicsScene, QGraphicsView, QWidget


def to_pixmap(rgb: np.ndarray) -> QPixmap:
    """uint8 (H, W, 3) RGB or (H, W, 4) RGBA -> QPixmap (copied)."""
    a = np.ascontiguousarray(rgb)
    fmt = QImage.Format_RGBA8888 if a.shape[2] == 4 else QImage.Format_RGB888
    img = QImage(a.data, a.shape[1], a.shape[0], a.strides[0], fmt)
    return QPixmap.fromImage(img.copy())


class ImageView(QGraphicsView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.Antialiasing | QPainter.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.AnchorUnderMouse)
        self.setBackgroundBrush(Qt.black)
        self.setMinimumSize(320, 240)
        self._image = QGraphicsPixmapItem()
        self._overlay = QGraphicsPixmapItem()
        self._overlay.setOpacity(0.5)
        self.scene().addItem(self._image)
        self.scene().addItem(self._overlay)
        self._fit = True

    def show_image(self, rgb: np.ndarray | None, heat_rgba: np.ndarray | None = None) -> None:
        """Show ``rgb`` (H, W, 3) with an optional heat layer (H, W, 4) of the same size."""
        self._image.setPixmap(to_pixmap(rgb) if rgb is not None else QPixmap())
        self._overlay.setPixmap(to_pixmap(heat_rgba) if heat_rgba is not None else QPixmap())
        self.scene().setSceneRect(self._image.boundingRect())
        if self._fit:
            self.fit()

    def set_overlay_visible(self, on: bool) -> None:
        self._overlay.setVisible(on)

    def set_overlay_opacity(self, percent: int) -> None:
        self._overlay.setOpacity(max(0, min(100, percent)) / 100.0)

    def fit(self) -> None:
        self._fit = True
        if not self._image.pixmap().isNull():
            self.fitInView(self._image, Qt.KeepAspectRatio)

    def zoom(self, factor: float) -> None:
        self._fit = False
        self.scale(factor, factor)

    def wheelEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.zoom(1.25 if event.angleDelta().y() > 0 else 0.8)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._fit:
            self.fit()
