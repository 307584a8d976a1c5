"""Station settings, checked before they are kept: camera (with a live test), watched folder,
hold time, shift hours, acknowledgement, sound, language, technician sign-in, retention."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QWidget)


class SettingsDialog(QDialog):
    cameraTestRequested = Signal(str)
    applyRequested = Signal(dict)

    def __init__(self, values: dict, languages: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Station settings"))
        self.setMinimumWidth(560)
        self.camera = QLineEdit(str(values["camera/address"]))
        test = QPushButton(self.tr("Test"))
        self.camera_status = QLabel("")
        self.camera_status.setWordWrap(True)
        self.folder = QLineEdit(str(values["source/folder"]))
        browse = QPushButton(self.tr("Browse…"))
        self.hold = QSpinBox()
        self.hold.setRange(0, 10_000)
        self.hold.setSuffix(" ms")
        self.hold.setValue(int(values["display/hold_ms"]))
        self.shifts = QLineEdit(str(values["shifts/hours"]))
        self.shifts.setPlaceholderText(self.tr("06:00=Early,14:00=Late,22:00=Night"))
        self.ack = QCheckBox(self.tr("The operator acknowledges every FAIL"))
        self.ack.setChecked(values["display/acknowledge_fail"])
        self.sound = QCheckBox(self.tr("Beep on FAIL"))
        self.sound.setChecked(values["display/fail_sound"])
        self.language = QComboBox()
        self.language.addItem(self.tr("System language"), "")
        for code, name in languages.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(values["ui/language"])))
        self.mode = QComboBox()
        self.mode.addItem(self.tr("Technician PIN"), "pin")
        self.mode.addItem(self.tr("Operating-system users"), "os")
        self.mode.setCurrentIndex(max(0, self.mode.findData(values["roles/mode"])))
        self.technicians = QLineEdit(str(values["roles/technicians"]))
        self.technicians.setPlaceholderText(self.tr("user names, comma-separated (OS mode)"))
        self.keep_pass = QSpinBox()
        self.keep_reject = QSpinBox()
        for box, key in ((self.keep_pass, "retention/pass_days"), (self.keep_reject, "retention/reject_days")):
            box.setRange(0, 3650)
            box.setSuffix(self.tr(" days"))
            box.setSpecialValueText(self.tr("forever"))
            box.setValue(int(values[key]))
        self.error = QLabel("")
        self.error.setStyleSheet("color:#b3141b; font-weight:bold;")
        self.error.setWordWrap(True)
        cam_row = QHBoxLayout()
        cam_row.addWidget(self.camera, 1)
        cam_row.addWidget(test)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(self.tr("Camera (index or URL)"), cam_row)
        form.addRow("", self.camera_status)
        form.addRow(self.tr("Watched folder"), folder_row)
        form.addRow(self.tr("Hold each verdict"), self.hold)
        form.addRow(self.tr("Shifts (start=name)"), self.shifts)
        form.addRow("", self.ack)
        form.addRow("", self.sound)
        form.addRow(self.tr("Language (at next start)"), self.language)
        form.addRow(self.tr("Technician sign-in"), self.mode)
        form.addRow(self.tr("Technicians"), self.technicians)
        form.addRow(self.tr("Keep images and maps of PASS parts"), self.keep_pass)
        form.addRow(self.tr("Keep images and maps of rejects"), self.keep_reject)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(lambda: self.applyRequested.emit(self.values()))
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        test.clicked.connect(lambda: self.cameraTestRequested.emit(self.camera.text().strip()))
        browse.clicked.connect(self._browse)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Watched folder"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def values(self) -> dict:
        return {"camera/address": self.camera.text().strip(), "source/folder": self.folder.text().strip(),
                "display/hold_ms": self.hold.value(), "shifts/hours": self.shifts.text().strip(),
                "display/acknowledge_fail": self.ack.isChecked(), "display/fail_sound": self.sound.isChecked(),
                "ui/language": self.language.currentData(), "roles/mode": self.mode.currentData(),
                "roles/technicians": self.technicians.text().strip(),
                "retention/pass_days": self.keep_pass.value(), "retention/reject_days": self.keep_reject.value()}

    def show_error(self, text: str) -> None:
        self.error.setText(text)

    def show_camera_status(self, text: str) -> None:
        self.camera_status.setText(text)
