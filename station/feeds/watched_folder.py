"""The watched folder: a line camera drops files there; each new image is emitted once.

Listing runs in a short-lived thread, so a folder on a network share that stalls cannot freeze
the window: the stall is reported after ``stall_s`` and no second listing starts until the first
returns. A folder that vanishes (or is not there yet) is reported once and watched on; its return
is reported too. Which files were judged is asked on the owner's thread (``seen``)."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from engine.imaging import is_image_path

Entry = tuple[str, int, int]
"""(path, size in bytes, mtime in ns) of one image file."""


def list_images(folder: Path) -> list[Entry]:
    """The folder's image files (by name; the watcher orders them by arrival); raises OSError
    when the folder cannot be read."""
    out = []
    for e in sorted(os.scandir(folder), key=lambda e: e.name):
        if e.name.startswith(".") or not is_image_path(e.name):
            continue
        try:
            if not e.is_file():
                continue
            st = e.stat()
        except OSError:
            continue
        out.append((e.path, st.st_size, st.st_mtime_ns))
    return out


class FolderWatcher(QObject):
    """Polls a folder; each new image is emitted once, after its size and mtime stop changing.

    ``seen(path, size, mtime_ns)`` tells files judged before (also before a restart).
    Signals: ``imageReady(path)``; ``status(text, ok)`` on start, trouble and recovery.
    """

    imageReady = Signal(str)
    status = Signal(str, bool)
    _listed = Signal(int, object, str)  # generation, entries or None, error

    def __init__(self, seen: Callable[[str, int, int], bool], interval_ms: int = 400, stall_s: float = 5.0,
                 lister: Callable[[Path], list[Entry]] = list_images, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._seen, self._lister, self.stall_s = seen, lister, stall_s
        self.folder: Path | None = None
        self._pending: dict[str, tuple[int, int]] = {}
        self._emitted: set[Entry] = set()
        self._generation = 0
        self._listing_since: float | None = None
        self.trouble = ""
        """What is wrong with the folder now ("" when it reads fine)."""
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)
        self._listed.connect(self._on_listed)

    def start(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)
        self._pending.clear()
        self._generation += 1
        self._listing_since, self.trouble = None, ""
        self.status.emit(self.tr("Watching {0}").format(self.folder), True)
        self._timer.start()
        self.poll()

    def stop(self) -> None:
        self._timer.stop()
        self._generation += 1

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def poll(self) -> None:
        if self.folder is None:
            return
        if self._listing_since is not None:  # the last listing has not returned
            waited = time.monotonic() - self._listing_since
            if waited > self.stall_s and not self.trouble:
                self._say_trouble(self.tr("{0} does not answer for {1:.0f} s (a stalled network share?); "
                                          "waiting for it").format(self.folder, waited))
            return
        self._listing_since = time.monotonic()
        gen, folder = self._generation, self.folder
        threading.Thread(target=self._list, args=(gen, folder), name="watch-list", daemon=True).start()

    def _list(self, generation: int, folder: Path) -> None:
        try:
            self._listed.emit(generation, self._lister(folder), "")
        except OSError as exc:
            reason = exc.strerror or str(exc)
            if isinstance(exc, FileNotFoundError) or not folder.exists():
                reason = self.tr("the folder is not there (removed, renamed or not mounted)")
            self._listed.emit(generation, None, reason)

    def _on_listed(self, generation: int, entries: list[Entry] | None, error: str) -> None:
        if generation != self._generation:
            return  # a listing of a folder no longer watched
        self._listing_since = None
        if entries is None:
            if self.trouble != error:
                self._say_trouble(self.tr("Cannot read watched folder {0}: {1}; retrying").format(self.folder, error), error)
            return
        if self.trouble:
            self.trouble = ""
            self.status.emit(self.tr("Watching {0} again").format(self.folder), True)
        # judged in the order the files arrived (their mtime), the name only between equals
        for key in sorted(entries, key=lambda e: (e[2], e[0])):
            path, size, mtime = key
            if key in self._emitted or self._seen(*key):
                continue
            # a writer is finished when two polls see the same size and mtime
            if self._pending.get(path) == (size, mtime) and size > 0:
                del self._pending[path]
                self._emitted.add(key)
                self.imageReady.emit(path)
            else:
                self._pending[path] = (size, mtime)

    def _say_trouble(self, text: str, key: str | None = None) -> None:
        self.trouble = key or text
        self.status.emit(text, False)
