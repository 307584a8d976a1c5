"""What keeps the line honest when the station itself is the problem: parts that arrive without a
usable model wait (counted) and are judged once one loads; parts whose ERROR was the station's
fault (a runtime fault, memory) are kept and retried (Ctrl+Shift+R, and when a model loads);
results that cannot be logged raise a standing NOT LOGGED banner, are counted, and can stop the
line until logging works again."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QKeySequence, QShortcut

from station.storage.shifts import current_shift

RETRY_MS = 5000
MAX_KEPT_FRAMES = 10


class LineGuard(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.waiting: list[tuple[str, str]] = []
        """Parts that arrived while no model could judge them: (path, kind)."""
        self.unlogged = 0
        """Parts judged but not written to the history since logging last worked."""
        self.line_stopped = False
        self.retry: list[tuple[object, str, str]] = []
        """Parts whose ERROR was the station's fault: (path or frame, kind, source)."""
        QShortcut(QKeySequence("Ctrl+Shift+R"), window, activated=self.retry_failed)
        window.feed_bar.retry_button.clicked.connect(self.retry_failed)
        self.restore()

    # ---- no model ----------------------------------------------------------------------------------
    def on_waiting(self, path: str, kind: str) -> None:
        """A part the worker could not judge for want of a model: it waits, counted, for one."""
        w = self.window
        if (path, kind) not in self.waiting:
            self.waiting.append((path, kind))
        w.job_done()
        w.verdict.set_state("NO MODEL", self.tr("{0} part(s) waiting for a model: choose or train a category; "
                                                "they are judged as soon as one loads.").format(len(self.waiting)))

    def release_waiting(self, category: str) -> None:
        """A model loaded: the waiting parts go to it, in their order, and station ERRORs are retried."""
        self.retry_failed()
        if not self.waiting:
            return
        parts, self.waiting = self.waiting, []
        self.window.show_message(self.tr("{0} waiting part(s) are judged now by {1}.").format(len(parts), category))
        for path, kind in parts:
            self.window.submit_paths([path], kind)

    # ---- station ERRORs ----------------------------------------------------------------------------
    def on_retryable(self, item, kind: str, source: str, reason: str) -> None:
        """An ERROR that was the station's fault, not the part's: kept (frames: the last few) for a retry."""
        if isinstance(item, str) and any(isinstance(i, str) and i == item and k == kind for i, k, _ in self.retry):
            return
        self.retry.append((item, kind, source))
        frames = [r for r in self.retry if not isinstance(r[0], str)]
        if len(frames) > MAX_KEPT_FRAMES:  # frames are held in memory: only the last few
            self.retry = [r for r in self.retry if r is not frames[0]]
        self.window.feed_bar.set_retry(len(self.retry))
        self.window.show_message(self.tr("{0} part(s) could not be judged because of a station fault ({1}); "
                                         "Ctrl+Shift+R retries them.").format(len(self.retry), reason), 60)

    def restore(self) -> None:
        """At start: files of this shift whose last verdict was a station ERROR (before a crash or
        restart, say) are offered for a retry again, if they are still on disk."""
        try:
            since = current_shift(self.window.shift_spec()).start_utc
            files = self.window.reader.unretried_station_errors(since)
        except Exception:  # a history from before error causes: nothing to restore
            return
        self.retry = [(f, "file", f) for f in files if Path(f).is_file()]
        self.window.feed_bar.set_retry(len(self.retry))

    def retry_failed(self) -> None:
        """Judge the kept parts again (a new row each; the ERROR row stays as it was)."""
        if not self.retry:
            return
        parts, self.retry = self.retry, []
        self.window.feed_bar.set_retry(0)
        self.window.show_message(self.tr("Retrying {0} part(s).").format(len(parts)))
        for item, kind, source in parts:
            if isinstance(item, str):
                self.window.submit_paths([item], kind)
            else:
                self.window.submit_frame(item, source)

    # ---- logging -----------------------------------------------------------------------------------
    def on_not_logged(self, reason: str) -> None:
        """The verdict stands, but its record is lost: say so loudly, count, and stop the line if set."""
        w = self.window
        self.unlogged += 1
        w.verdict.set_not_logged(self.unlogged, reason)
        if str(w.settings.value("logging/stop_line", "false")).lower() == "true" and not self.line_stopped:
            self.line_stopped = True
            w.pause(self.tr("logging to the history fails ({0})").format(reason))
            QTimer.singleShot(RETRY_MS, self.retry_logging)

    def on_logged(self) -> None:
        """A record was written: logging works (unless the line is held for the probe)."""
        if self.unlogged and not self.line_stopped:
            self.logging_works()

    def retry_logging(self) -> None:
        """With the line stopped for logging: resume once the data folder takes a write again."""
        w = self.window
        probe = w.data_dir / ".write-probe"
        try:
            probe.write_bytes(b"ok")
            probe.unlink()
            with w.reader.db:
                w.reader.db.execute("CREATE TEMP TABLE IF NOT EXISTS probe (x)")
        except Exception as exc:
            w.queue_label.setText(self.tr("Stopped: logging still fails ({0})").format(exc))
            QTimer.singleShot(RETRY_MS, self.retry_logging)
            return
        self.logging_works()

    def logging_works(self) -> None:
        w = self.window
        if self.unlogged:
            w.show_message(self.tr("Logging works again; {0} part(s) were not logged.").format(self.unlogged), 30)
        self.unlogged = 0
        w.verdict.set_not_logged(0, "")
        if self.line_stopped:
            self.line_stopped = False
            w.resume()
