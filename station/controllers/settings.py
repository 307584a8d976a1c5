"""The settings flow: technician only, inspection paused while the dialog is open, every value
checked (the message names the field), every change logged with old and new value."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from station.resources import LANGUAGES
from station.storage.retention import apply_retention
from station.storage.reviews import ReviewStore
from station.storage.shifts import DEFAULT_SHIFTS, ShiftError, parse_spec
from station.feeds.camera import OpenCVProvider
from ui.settings_dialog import SettingsDialog

DEFAULTS = {"camera/address": "0", "source/folder": "", "display/hold_ms": 600, "shifts/hours": DEFAULT_SHIFTS,
            "display/acknowledge_fail": True, "display/fail_sound": True, "ui/language": "", "roles/mode": "pin",
            "roles/technicians": "", "retention/pass_days": 0, "retention/reject_days": 0}
CAMERA_TEST_S = 5.0
RETENTION_EVERY_MS = 3_600_000


def _as_bool(v) -> bool:
    return str(v).lower() in ("true", "1", "yes")


def check(values: dict) -> str:
    """'' when every value is usable, else a message naming the first bad field."""
    try:
        parse_spec(values["shifts/hours"] or None)
    except ShiftError as exc:
        return f"Shifts: {exc}"
    folder = values["source/folder"]
    if folder and not Path(folder).is_dir():
        return f"Watched folder: {folder} is not a folder"
    if not values["camera/address"]:
        return "Camera: give an index (0, 1, ...) or a URL"
    if values["roles/mode"] == "os" and not values["roles/technicians"]:
        return "Technicians: name at least one user for sign-in by operating-system user"
    if 0 < values["retention/reject_days"] < values["retention/pass_days"]:
        return "Retention: rejects are kept at least as long as passes"
    return ""


class SettingsController(QObject):
    cameraTested = Signal(str)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: SettingsDialog | None = None
        self.cameraTested.connect(lambda text: self.dialog and self.dialog.show_camera_status(text))
        self.retention_timer = QTimer(self, interval=RETENTION_EVERY_MS, timeout=self.run_retention)
        self.retention_timer.start()

    def current(self) -> dict:
        s = self.window.settings
        out = {}
        for key, default in DEFAULTS.items():
            v = s.value(key, default)
            out[key] = _as_bool(v) if isinstance(default, bool) else int(v) if isinstance(default, int) else str(v)
        return out

    def open(self) -> None:
        if not self.window.require_technician(self.tr("change the station's settings")):
            return
        self.dialog = d = SettingsDialog(self.current(), LANGUAGES, self.window)
        d.applyRequested.connect(self.apply)
        d.cameraTestRequested.connect(self.test_camera)
        self.window.pause(self.tr("the settings are being changed"))
        d.finished.connect(lambda _r: self.window.resume())
        d.open()

    def apply(self, values: dict) -> bool:
        problem = check(values)
        if problem:
            if self.dialog is not None:
                self.dialog.show_error(problem)
            return False
        old = self.current()
        store = ReviewStore(self.window.reader)
        a = self.window.authority
        for key, value in values.items():
            if str(old[key]) != str(value):
                self.window.settings.setValue(key, "true" if value is True else "false" if value is False else value)
                store.log_change(a.who, a.role, f"setting:{key}", old[key], value, "settings dialog")
        self.window.settings.sync()
        w = self.window
        w.hold_ms = int(values["display/hold_ms"])
        w.ack_fail = bool(values["display/acknowledge_fail"])
        w.refresh_counters()
        if values["source/folder"] and values["source/folder"] != old["source/folder"] and \
                w.settings.value("source/kind", "") == "watch":
            w.watch_folder(values["source/folder"])
        if self.dialog is not None:
            self.dialog.accept()
        return True

    def test_camera(self, address: str) -> None:
        """Open the camera and read one frame in a thread (a stalled network camera cannot hang the window)."""
        if self.dialog is not None:
            self.dialog.show_camera_status(self.tr("Testing {0}…").format(address))

        def run() -> None:
            cam = OpenCVProvider(address)
            try:
                if not cam.open():
                    self.cameraTested.emit(self.tr("{0}: no camera answers there").format(address))
                    return
                ok, frame = cam.read()
                self.cameraTested.emit(self.tr("{0}: camera works, {1}×{2} frame").format(address, frame.shape[1], frame.shape[0])
                                       if ok else self.tr("{0}: opened, but no frame came").format(address))
            except Exception as exc:
                self.cameraTested.emit(self.tr("{0}: {1}").format(address, exc))
            finally:
                cam.release()

        t = threading.Thread(target=run, name="camera-test", daemon=True)
        t.start()
        QTimer.singleShot(int(CAMERA_TEST_S * 1000), lambda: t.is_alive() and self.cameraTested.emit(
            self.tr("{0}: no answer within {1:.0f} s").format(address, CAMERA_TEST_S)))

    def run_retention(self) -> None:
        v = self.current()
        if v["retention/pass_days"] or v["retention/reject_days"]:
            r = apply_retention(self.window.reader, v["retention/pass_days"], v["retention/reject_days"])
            if r.files_removed:
                ReviewStore(self.window.reader).log_change("station", "system", "retention", None,
                                                           f"{r.files_removed} files, {r.bytes_freed / 1e6:.1f} MB",
                                                           f"files of {r.inspections} inspections past their retention")
