"""Feed sources behind one interface: each emits ``imageReady(path)`` or ``frameReady(frame,
source)`` and ``status(text, ok)``. Files come from the dialog and drag-and-drop (the window),
a watched folder, or a camera read in its own thread."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Callable, Protocol

import numpy as np
from PySide6.QtCore import QObject, QThread, QTimer, Signal

from engine.imaging import is_image_path


class FolderWatcher(QObject):
    """Polls a folder; each new image is emitted once, after its size and mtime stop changing.

    ``seen(path, size, mtime_ns)`` tells files judged before (also before a restart).
    """

    imageReady = Signal(str)
    status = Signal(str, bool)

    def __init__(self, seen: Callable[[str, int, int], bool], interval_ms: int = 400, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._seen = seen
        self.folder: Path | None = None
        self._pending: dict[str, tuple[int, int]] = {}
        self._emitted: set[tuple[str, int, int]] = set()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)

    def start(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)
        self._pending.clear()
        if not self.folder.is_dir():
            self.status.emit(self.tr("Watched folder not found: {0}").format(self.folder), False)
            return
        self.status.emit(self.tr("Watching {0}").format(self.folder), True)
        self._timer.start()
        self.poll()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def poll(self) -> None:
        if self.folder is None:
            return
        try:
            entries = sorted(os.scandir(self.folder), key=lambda e: e.name)
        except OSError as exc:
            self.status.emit(self.tr("Cannot read watched folder: {0}").format(exc.strerror), False)
            return
        for e in entries:
            if not e.is_file() or not is_image_path(e.name) or e.name.startswith("."):
                continue
            try:
                st = e.stat()
            except OSError:
                continue
            key = (e.path, st.st_size, st.st_mtime_ns)
            if key in self._emitted or self._seen(*key):
                continue
            # a writer is finished when two polls see the same size and mtime
            if self._pending.get(e.path) == key[1:] and st.st_size > 0:
                del self._pending[e.path]
                self._emitted.add(key)
                self.imageReady.emit(e.path)
            else:
                self._pending[e.path] = key[1:]


class FrameProvider(Protocol):
    """What the camera thread needs from a device; OpenCV's VideoCapture or a test stand-in."""

    def open(self) -> bool: ...
    def read(self) -> tuple[bool, np.ndarray | None]: ...
    def release(self) -> None: ...


class OpenCVProvider:
    """``cv2.VideoCapture`` by index ("0") or URL; frames come back as RGB."""

    def __init__(self, address: str) -> None:
        self.address = int(address) if address.strip().isdigit() else address
        self._cap = None

    def open(self) -> bool:
        import cv2

        self._cap = cv2.VideoCapture(self.address)
        return bool(self._cap.isOpened())

    def read(self) -> tuple[bool, np.ndarray | None]:
        import cv2

        if self._cap is None:
            return False, None
        ok, frame = self._cap.read()
        return (True, cv2.cvtColor(frame, cv2.COLOR_BGR2RGB)) if ok and frame is not None else (False, None)

    def release(self) -> None:
        if self._cap is not None:
            self._cap.release()
            self._cap = None


class CameraSource(QThread):
    """Reads frames in its own thread; reconnects by itself when the device stops delivering.

    Signals: ``frameReady(frame)`` for the preview (throttled), ``status(text, ok)`` on connect,
    loss and each reconnect attempt.
    """

    frameReady = Signal(object)
    status = Signal(str, bool)

    def __init__(self, provider: FrameProvider, name: str = "camera", preview_fps: float = 15.0,
                 lost_after_s: float = 2.0, retry_s: float = 2.0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.provider, self.name = provider, name
        self.preview_dt, self.lost_after_s, self.retry_s = 1.0 / preview_fps, lost_after_s, retry_s
        self._stop = False
        self.latest: np.ndarray | None = None

    def stop(self) -> None:
        self._stop = True
        self.wait(5000)

    def run(self) -> None:
        self._stop = False
        connected, last_frame, last_emit = False, 0.0, 0.0
        while not self._stop:
            if not connected:
                if self.provider.open():
                    connected, last_frame = True, time.monotonic()
                    self.status.emit(self.tr("{0}: connected").format(self.name), True)
                else:
                    self.status.emit(self.tr("{0}: no signal, retrying in {1:.0f} s").format(self.name, self.retry_s), False)
                    self._sleep(self.retry_s)
                    continue
            ok, frame = self.provider.read()
            now = time.monotonic()
            if ok and frame is not None:
                last_frame, self.latest = now, frame
                if now - last_emit >= self.preview_dt:
                    last_emit = now
                    self.frameReady.emit(frame)
            elif now - last_frame > self.lost_after_s:
                self.provider.release()
                connected = False
                self.status.emit(self.tr("{0}: stopped delivering frames, reconnecting").format(self.name), False)
            else:
                self._sleep(0.02)
        self.provider.release()

    def _sleep(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while not self._stop and time.monotonic() < end:
            time.sleep(0.05)
