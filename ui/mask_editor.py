"""Drawing a part mask by hand: a rectangle (drag) or a polygon (click the corners, double-click
or Enter to close) over a good image with the current mask on it. Emits the shape in the
image's pixel coordinates; the controller turns it into a mask and saves it."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QRadioButton,
                               QVBoxLayout, QWidget)

from ui.image_view import to_pixmap


class MaskCanvas(QWidget):
    """The image scaled to fit, and the shape being drawn; coordinates kept in image pixels."""

    changed = Signal()

    def __init__(self, image: np.ndarray, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pixmap = to_pixmap(image)
        self.image_size = (image.shape[1], image.shape[0])  # (w, h)
        self.mode = "rectangle"
        self.points: list[QPointF] = []  # image pixels
        self.closed = False
        self.setMinimumSize(360, 360)
        self.setMouseTracking(False)
        self.setFocusPolicy(Qt.StrongFocus)

    def _scale(self) -> tuple[float, float, float]:
        w, h = self.image_size
        s = min(self.width() / w, self.height() / h)
        return s, (self.width() - w * s) / 2, (self.height() - h * s) / 2

    def to_image(self, p: QPointF) -> QPointF:
        s, ox, oy = self._scale()
        w, h = self.image_size
        return QPointF(min(max((p.x() - ox) / s, 0.0), w), min(max((p.y() - oy) / s, 0.0), h))

    def set_mode(self, mode: str) -> None:
        self.mode, self.points, self.closed = mode, [], False
        self.update()
        self.changed.emit()

    def shape(self) -> tuple[str, list[tuple[float, float]]] | None:
        """("rectangle", [x, y, w, h]) or ("polygon", [(x, y), ...]) once complete, else None."""
        if self.mode == "rectangle" and len(self.points) == 2:
            a, b = self.points
            x0, y0, x1, y1 = min(a.x(), b.x()), min(a.y(), b.y()), max(a.x(), b.x()), max(a.y(), b.y())
            return ("rectangle", [x0, y0, x1 - x0, y1 - y0]) if x1 - x0 >= 2 and y1 - y0 >= 2 else None
        if self.mode == "polygon" and self.closed and len(self.points) >= 3:
            return "polygon", [(p.x(), p.y()) for p in self.points]
        return None

    def mousePressEvent(self, event) -> None:  # noqa: N802
        p = self.to_image(event.position())
        if self.mode == "rectangle":
            self.points = [p, p]
        else:
            if self.closed:
                self.points, self.closed = [], False
            self.points.append(p)
        self.update()
        self.changed.emit()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if self.mode == "rectangle" and self.points:
            self.points[1] = self.to_image(event.position())
            self.update()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        self.changed.emit()

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        self.close_polygon()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            self.close_polygon()
        else:
            super().keyPressEvent(event)

    def close_polygon(self) -> None:
        if self.mode == "polygon" and len(self.points) >= 3:
            self.closed = True
            self.update()
            self.changed.emit()

    def paintEvent(self, event) -> None:  # noqa: N802
        s, ox, oy = self._scale()
        w, h = self.image_size
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.black)
        painter.drawPixmap(QRectF(ox, oy, w * s, h * s), self.pixmap, QRectF(0, 0, w, h))
        painter.setPen(QPen(QColor("#ffcc00"), 2))
        painter.setBrush(QColor(255, 204, 0, 50))
        pts = [QPointF(ox + p.x() * s, oy + p.y() * s) for p in self.points]
        if self.mode == "rectangle" and len(pts) == 2:
            painter.drawRect(QRectF(pts[0], pts[1]).normalized())
        elif pts:
            (painter.drawPolygon if self.closed else painter.drawPolyline)(QPolygonF(pts))
        painter.end()


class MaskEditorDialog(QDialog):
    """Emits ``maskDrawn(kind, values)``: kind "rectangle" (x, y, w, h) or "polygon" [(x, y), ...]
    in pixels of the image it was given, or ``relearnRequested`` / ``fullFrameRequested``."""

    maskDrawn = Signal(str, object)
    relearnRequested = Signal()
    fullFrameRequested = Signal()

    def __init__(self, image: np.ndarray, category: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Part mask: {0}").format(category))
        self.canvas = MaskCanvas(image)
        rect, poly = QRadioButton(self.tr("Rectangle (drag)")), QRadioButton(self.tr("Polygon (click corners, double-click to close)"))
        self.rect_button, self.polygon_button = rect, poly
        rect.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(rect)
        group.addButton(poly)
        rect.toggled.connect(lambda on: self.canvas.set_mode("rectangle" if on else "polygon"))
        modes = QHBoxLayout()
        modes.addWidget(rect)
        modes.addWidget(poly)
        modes.addStretch(1)
        self.hint = QLabel(self.tr("Green: the part as the station sees it now. Draw the part; defects will only be painted inside."))
        self.hint.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(self.tr("Use this shape"), QDialogButtonBox.AcceptRole)
        learn = self.buttons.addButton(self.tr("Learn again"), QDialogButtonBox.ResetRole)
        full = self.buttons.addButton(self.tr("Whole frame"), QDialogButtonBox.ResetRole)
        self.buttons.addButton(QDialogButtonBox.Cancel).clicked.connect(self.reject)
        self.save_button.setEnabled(False)
        self.canvas.changed.connect(lambda: self.save_button.setEnabled(self.canvas.shape() is not None))
        self.save_button.clicked.connect(self._save)
        learn.clicked.connect(self.relearnRequested)
        full.clicked.connect(self.fullFrameRequested)
        lay = QVBoxLayout(self)
        lay.addLayout(modes)
        lay.addWidget(self.canvas, 1)
        lay.addWidget(self.hint)
        lay.addWidget(self.buttons)
        self.resize(640, 700)

    def _save(self) -> None:
        shape = self.canvas.shape()
        if shape is not None:
            self.maskDrawn.emit(*shape)

    def done_with(self, message: str, ok: bool) -> None:
        """The controller's answer: close on success, else show why."""
        if ok:
            self.accept()
        else:
            self.hint.setText(message)
            self.hint.setStyleSheet("color:#b3141b; font-weight:bold;")
