"""The line links' settings (technician only): MQTT to the MES, the OPC UA server for the PLC,
Modbus TCP to remote I/O. Each is off until its box is ticked. *Test* tries each link once and
shows one line per link; the dialog itself never connects."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget)


FIELDS = {  # key: (label, kind, default)
    "line/mqtt/host": (QT_TRANSLATE_NOOP("LineDialog", "Broker host"), "text", "127.0.0.1"),
    "line/mqtt/port": (QT_TRANSLATE_NOOP("LineDialog", "Port"), "port", 1883),
    "line/mqtt/user": (QT_TRANSLATE_NOOP("LineDialog", "User"), "text", ""),
    "line/mqtt/password_file": (QT_TRANSLATE_NOOP("LineDialog", "Password file"), "text", ""),
    "line/mqtt/tls": (QT_TRANSLATE_NOOP("LineDialog", "TLS"), "bool", False),
    "line/mqtt/ca_file": (QT_TRANSLATE_NOOP("LineDialog", "CA certificate"), "text", ""),
    "line/mqtt/topic": (QT_TRANSLATE_NOOP("LineDialog", "Topic"), "text", "station/{station}"),
    "line/mqtt/trigger_topic": (QT_TRANSLATE_NOOP("LineDialog", "Trigger topic"), "text", ""),
    "line/opcua/host": (QT_TRANSLATE_NOOP("LineDialog", "Listen on"), "text", "127.0.0.1"),
    "line/opcua/port": (QT_TRANSLATE_NOOP("LineDialog", "Port"), "port", 4840),
    "line/opcua/user": (QT_TRANSLATE_NOOP("LineDialog", "PLC user"), "text", "plc"),
    "line/opcua/security": (QT_TRANSLATE_NOOP("LineDialog", "Security"), "security", "sign_encrypt"),
    "line/modbus/host": (QT_TRANSLATE_NOOP("LineDialog", "I/O module host"), "text", "127.0.0.1"),
    "line/modbus/port": (QT_TRANSLATE_NOOP("LineDialog", "Port"), "port", 502),
    "line/modbus/unit": (QT_TRANSLATE_NOOP("LineDialog", "Unit"), "unit", 1),
    "line/modbus/trigger_input": (QT_TRANSLATE_NOOP("LineDialog", "Trigger input"), "address", 0),
    "line/modbus/pulse_ms": (QT_TRANSLATE_NOOP("LineDialog", "Pulse"), "ms", 500),
}
GROUPS = (("mqtt", QT_TRANSLATE_NOOP("LineDialog", "MQTT to the MES")),
          ("opcua", QT_TRANSLATE_NOOP("LineDialog", "OPC UA server for the PLC")),
          ("modbus", QT_TRANSLATE_NOOP("LineDialog", "Modbus TCP to remote I/O")))


class LineDialog(QDialog):
    testRequested = Signal(dict)
    applyRequested = Signal(dict)

    def __init__(self, values: dict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Line links"))
        self.setMinimumWidth(560)
        self.widgets: dict[str, QWidget] = {}
        outer = QVBoxLayout(self)
        for link, title in GROUPS:
            box = QGroupBox(QCoreApplication.translate("LineDialog", title))
            box.setCheckable(True)
            box.setChecked(bool(values.get(f"line/{link}/enabled", False)))
            self.widgets[f"line/{link}/enabled"] = box
            form = QFormLayout(box)
            for key, (label, kind, default) in FIELDS.items():
                if key.startswith(f"line/{link}/"):
                    field = self._field(kind, values.get(key, default), key)
                    form.addRow(QCoreApplication.translate("LineDialog", label), field)
            if link == "opcua":
                self.password = QLineEdit()
                self.password.setEchoMode(QLineEdit.Password)
                self.password.setPlaceholderText(self.tr("set: type a new one to change it")
                                                 if values.get("line/opcua/password_hash") else self.tr("not set"))
                form.addRow(self.tr("PLC password"), self.password)
            outer.addWidget(box)
        self.result_label = QLabel("")
        self.result_label.setWordWrap(True)
        self.error = QLabel("")
        self.error.setStyleSheet("color:#b3141b; font-weight:bold;")
        self.error.setWordWrap(True)
        outer.addWidget(self.result_label)
        outer.addWidget(self.error)
        row = QHBoxLayout()
        test = QPushButton(self.tr("Test"))
        test.clicked.connect(lambda: self.testRequested.emit(self.values()))
        row.addWidget(test)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(lambda: self.applyRequested.emit(self.values()))
        buttons.rejected.connect(self.reject)
        row.addWidget(buttons, 1)
        outer.addLayout(row)

    def _field(self, kind: str, value, key: str) -> QWidget:
        if kind == "bool":
            w = QCheckBox()
            w.setChecked(str(value).lower() in ("true", "1"))
        elif kind == "security":
            w = QComboBox()
            w.addItem(self.tr("Basic256Sha256, Sign & Encrypt"), "sign_encrypt")
            w.addItem(self.tr("None (the password crosses the network readable)"), "none")
            w.setCurrentIndex(max(0, w.findData(str(value))))
        elif kind == "text":
            w = QLineEdit(str(value))
        else:
            w = QSpinBox()
            lo, hi, suffix = {"port": (1, 65535, ""), "unit": (0, 255, ""), "address": (-1, 65535, ""),
                              "ms": (0, 60_000, " ms")}[kind]
            w.setRange(lo, hi)
            w.setSuffix(suffix)
            w.setValue(int(value))
        self.widgets[key] = w
        return w

    def values(self) -> dict:
        out: dict = {}
        for key, w in self.widgets.items():
            if isinstance(w, QGroupBox):
                out[key] = w.isChecked()
            elif isinstance(w, QCheckBox):
                out[key] = w.isChecked()
            elif isinstance(w, QComboBox):
                out[key] = w.currentData()
            elif isinstance(w, QSpinBox):
                out[key] = w.value()
            else:
                out[key] = w.text().strip()
        out["opcua_password"] = self.password.text()
        return out

    def show_results(self, lines: list[str]) -> None:
        self.result_label.setText("\n".join(lines))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
