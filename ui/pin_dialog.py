"""Sign-in dialogs: a technician picks their name and gives their PIN; the station's set-up
makes the first technician; an operator picks their name (or scans a badge)."""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QWidget)


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class PinDialog(QDialog):
    """Technician sign-in: a name from the station's list (typed where the station has only the
    older shared PIN) and that person's PIN."""

    def __init__(self, action: str, names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Technician sign-in"))
        self.name = QComboBox()
        self.name.addItems(names)
        self.name.setEditable(not names)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.Password)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Only a technician may {0}.").format(action)))
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("PIN"), self.pin)
        form.addRow(_buttons(self))
        self.pin.setFocus()

    def values(self) -> tuple[str, str]:
        return self.name.currentText().strip(), self.pin.text()


class SetupDialog(QDialog):
    """The station's set-up: a technician's name and PIN (twice), and the operators' names.
    First start: it makes the first technician; later a signed-in technician adds one."""

    def __init__(self, operators: list[str], first: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set up station"))
        self.name = QLineEdit()
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.Password)
        self.operators = QPlainTextEdit("\n".join(operators))
        self.operators.setPlaceholderText(self.tr("One name (or badge) a line"))
        self.operators.setMaximumHeight(120)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("This station has no technician yet: the first one sets it up.") if first else
                           self.tr("Add a technician (or give one a new PIN), and keep the operators' list.")))
        form.addRow(self.tr("Technician name"), self.name)
        form.addRow(self.tr("PIN (4 digits or more)"), self.pin)
        form.addRow(self.tr("PIN again"), self.again)
        form.addRow(self.tr("Operators"), self.operators)
        form.addRow(_buttons(self))

    def values(self) -> tuple[str, str, str, list[str]]:
        """(technician name, PIN, PIN again, operators)."""
        ops = [n.strip() for n in self.operators.toPlainText().splitlines() if n.strip()]
        return self.name.text().strip(), self.pin.text(), self.again.text(), ops


class OperatorDialog(QDialog):
    """Operator sign-in at the start of a shift: a name from the list, or a badge scanned."""

    def __init__(self, names: list[str], current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Operator sign-in"))
        self.name = QComboBox()
        self.name.setEditable(True)  # a badge reader types into it
        self.name.addItems(names)
        if current in names:
            self.name.setCurrentText(current)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Choose your name or scan your badge.")))
        form.addRow(self.tr("Operator"), self.name)
        form.addRow(_buttons(self))

    def value(self) -> str:
        return " ".join(self.name.currentText().split())
