"""Start-of-shift check with master parts: known-good and known-defect images of a category
are judged like any part (kept out of the shift's counts), the results logged, and a master
defect that passes raises an alarm that stays until acknowledged."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from engine.imaging import is_image_path
from station.storage.reviews import ReviewStore
from station.storage.shifts import current_shift


class MasterController(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.store = ReviewStore(window.reader)
        self.pending: dict[str, tuple[int, str]] = {}
        """Source path -> (master id, expected) of masters sent to the worker and not yet back."""
        self.results: list[tuple[str, str, str, bool]] = []
        self.alarm: QMessageBox | None = None
        self.reminder = QTimer(self, interval=60_000, timeout=self.remind)
        self.reminder.start()

    def register_folder(self, category: str, folder: str | Path) -> int:
        """Masters from ``folder/good`` and ``folder/defect`` (technician only); returns how many."""
        n = 0
        for expected in ("good", "defect"):
            sub = Path(folder) / expected
            for p in sorted(sub.rglob("*")) if sub.is_dir() else []:
                if p.is_file() and is_image_path(p):
                    self.store.add_master(category, str(p.resolve()), expected, self.window.authority.who)
                    n += 1
        return n

    def register(self) -> None:
        info = self.window.model_info
        if info is None or not self.window.require_technician(self.tr("register master parts")):
            return
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("Folder of {0}'s master parts (with good/ and defect/ inside)").format(info.category))
        if folder:
            n = self.register_folder(info.category, folder)
            a = self.window.authority
            self.store.log_change(a.who, a.role, f"masters:{info.category}", None, f"{n} images from {folder}",
                                  "master parts registered")
            self.window.show_message(self.tr("{0} master part(s) registered for {1}.").format(n, info.category))

    def run(self) -> bool:
        """Send the current category's masters to the worker; False when there are none."""
        info = self.window.model_info
        if info is None:
            return False
        masters = [(i, p, e) for i, p, e in self.store.masters(info.category)]
        if not masters:
            self.window.show_message(self.tr("No master parts registered for {0}: a technician registers them "
                                             "(Master parts… ▸ register).").format(info.category))
            return False
        self.results = []
        for i, p, e in masters:
            self.pending[p] = (i, e)
        self.window.submit_paths([p for _, p, _ in masters], "master")
        return True

    def on_result(self, result, row_id: int) -> None:
        entry = self.pending.pop(result.source, None)
        if entry is None:
            return
        master_id, expected = entry
        verdict = result.verdict.value
        ok = self.store.record_master_check(result.category, master_id, row_id, expected, verdict,
                                            self.window.authority.who)
        self.results.append((Path(result.source).name, expected, verdict, ok))
        if not self.pending:
            self.finish()

    def finish(self) -> None:
        bad = [r for r in self.results if not r[3]]
        escaped = [r for r in bad if r[1] == "defect"]
        if escaped:  # loud, and it stays until someone acknowledges it (non-blocking: the window runs on)
            self.alarm = QMessageBox(QMessageBox.Critical, self.tr("MASTER DEFECT PASSED"), self.tr(
                "The station passed {0} known-defect master part(s): {1}.\n\nDo not run production: call a "
                "technician (threshold, lighting, camera, model).").format(len(escaped), ", ".join(r[0] for r in escaped)),
                QMessageBox.Ok, self.window)
            self.alarm.open()
            self.window.alert_sound()
        text = self.tr("Master check: {0} of {1} as expected").format(len(self.results) - len(bad), len(self.results))
        if bad:
            text += self.tr("; NOT as expected: {0}").format(", ".join(f"{n} ({e} → {v})" for n, e, v, _ in bad))
        self.window.show_message(text, 30)

    def remind(self) -> None:
        """At the start of a shift, ask for the master check until it has been run."""
        info = self.window.model_info
        if info is None or not self.store.masters(info.category):
            return
        if not self.store.master_checked_since(info.category, current_shift(self.window.shift_spec()).start_utc):
            self.window.show_message(self.tr("Start of shift: run the master-part check for {0} (Ctrl+M).").format(
                info.category), 50)
