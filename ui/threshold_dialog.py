"""Threshold change: the new value, how many recent parts would flip, and why (required)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QLabel, QLineEdit,
                               QSpinBox, QWidget)


class ThresholdDialog(QDialog):
    previewRequested = Signal(float, int)  # threshold, last N parts

    def __init__(self, category: str, current: float, calibrated: float | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Threshold of {0}").format(category))
        self.value = QDoubleSpinBox()
        self.value.setDecimals(3)
        self.value.setRange(0.001, max(1000.0, current * 10))
        self.value.setSingleStep(max(0.001, round(current * 0.02, 3)))
        self.value.setValue(current)
        self.last_n = QSpinBox()
        self.last_n.setRange(10, 100_000)
        self.last_n.setValue(500)
        self.preview = QLabel("")
        self.preview.setWordWrap(True)
        self.preview.setObjectName("flipPreview")
        self.preview.setMinimumHeight(54)
        self.setMinimumWidth(560)
        self.why = QLineEdit()
        self.why.setPlaceholderText(self.tr("Why (kept in the change log)"))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Current threshold {0:.3f}{1}").format(
            current, self.tr(", calibrated {0:.3f}").format(calibrated) if calibrated is not None else "")))
        form.addRow(self.tr("New threshold"), self.value)
        form.addRow(self.tr("Preview over the last parts"), self.last_n)
        form.addRow(self.preview)
        form.addRow(self.tr("Reason"), self.why)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Apply | QDialogButtonBox.Cancel)
        apply = self.buttons.button(QDialogButtonBox.Apply)
        apply.clicked.connect(self.accept)
        apply.setEnabled(False)  # a change needs its reason
        self.why.textChanged.connect(lambda text: apply.setEnabled(bool(text.strip())))
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.value.valueChanged.connect(lambda v: self.previewRequested.emit(v, self.last_n.value()))
        self.last_n.valueChanged.connect(lambda n: self.previewRequested.emit(self.value.value(), n))

    def show_preview(self, text: str) -> None:
        self.preview.setText(text)
