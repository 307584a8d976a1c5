"""The line links' settings flow: technician only, every value checked before it is kept (the
message names the field), every change logged with old and new value (a password only as
"changed"), and the links started again with the new settings. *Test* runs ``station
line-test``'s checks in a thread, so a host that does not answer cannot hang the window."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from station.line.check import check_all
from station.line.config import read_line_config
from station.line.hub import attach_line
from station.roles import hash_pin
from station.storage.reviews import ReviewStore
from ui.line_dialog import FIELDS, GROUPS, LineDialog


class _Values:
    """A dict seen as settings (``value(key, default)``), to check values before they are kept."""

    def __init__(self, values: dict) -> None:
        self.values = values

    def value(self, key: str, default=None):
        v = self.values.get(key, default)
        return "true" if v is True else "false" if v is False else v


class LineSettingsFlow(QObject):
    tested = Signal(list)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: LineDialog | None = None
        self.tested.connect(lambda lines: self.dialog and self.dialog.show_results(lines))

    def current(self) -> dict:
        s = self.window.settings
        out = {f"line/{link}/enabled": str(s.value(f"line/{link}/enabled", "false")).lower() == "true"
               for link, _ in GROUPS}
        for key, (_, kind, default) in FIELDS.items():
            v = s.value(key, default)
            if kind == "bool":
                out[key] = str(v).lower() == "true"
            elif isinstance(default, int):
                try:
                    out[key] = int(v)
                except (TypeError, ValueError):
                    out[key] = default
            else:
                out[key] = str(v)
        out["line/opcua/password_hash"] = str(s.value("line/opcua/password_hash", ""))
        return out

    def open(self) -> None:
        if not self.window.require_technician(self.tr("change the line links")):
            return
        self.dialog = d = LineDialog(self.current(), self.window)
        d.applyRequested.connect(self.apply)
        d.testRequested.connect(self.test)
        d.open()

    def _with_password(self, values: dict) -> dict:
        out = {k: v for k, v in values.items() if k != "opcua_password"}
        out["line/opcua/password_hash"] = hash_pin(values["opcua_password"]) if values.get("opcua_password") \
            else self.current()["line/opcua/password_hash"]
        return out

    def apply(self, values: dict) -> bool:
        new = self._with_password(values)
        config = read_line_config(_Values(new), self.window.reader.station)
        if config.problems:
            if self.dialog is not None:
                self.dialog.show_error("; ".join(config.problems))
            return False
        old = self.current()
        store, a = ReviewStore(self.window.reader), self.window.authority
        for key, value in new.items():
            if str(old.get(key)) != str(value):
                self.window.settings.setValue(key, "true" if value is True else "false" if value is False else value)
                shown = ("(changed)", "(changed)") if key.endswith("password_hash") else (old.get(key), value)
                store.log_change(a.who, a.role, f"setting:{key}", shown[0], shown[1], "line links dialog")
        self.window.settings.sync()
        attach_line(self.window)
        if self.dialog is not None:
            self.dialog.accept()
        return True

    def test(self, values: dict) -> None:
        config = read_line_config(_Values(self._with_password(values)), self.window.reader.station)
        if self.dialog is not None:
            self.dialog.show_results([self.tr("Testing…")])
        data_dir = self.window.data_dir

        line = getattr(self.window, "line", None)
        serving = line.links.get("opcua") if line is not None else None

        def run() -> None:
            results = check_all(config, data_dir)
            if serving is not None and serving.state == "listening" and config.opcua is not None and \
                    serving.endpoint.endswith(f":{config.opcua.port}/station"):
                results = [(k, True, f"this station listens on {serving.endpoint} now") if k == "OPC UA" else (k, ok, t)
                           for k, ok, t in results]
            self.tested.emit([f"{link}: {'ok' if ok else 'PROBLEM'}: {line}" for link, ok, line in results]
                             or [self.tr("No link is turned on.")])

        threading.Thread(target=run, name="line-test", daemon=True).start()
