"""Technician sign-in: name and PIN (or a new PIN, entered twice, on a station without one)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget


class PinDialog(QDialog):
    def __init__(self, action: str, new_pin: bool, name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Technician sign-in"))
        self.name = QLineEdit(name)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.Password)
        form = QFormLayout(self)
        text = self.tr("Only a technician may {0}.").format(action)
        if new_pin:
            text += "<br>" + self.tr("This station has no technician PIN yet: choose one (4 digits or more).")
        form.addRow(QLabel(text))
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("PIN"), self.pin)
        if new_pin:
            form.addRow(self.tr("PIN again"), self.again)
        else:
            self.again.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, str, str]:
        return self.name.text().strip(), self.pin.text(), self.again.text()
