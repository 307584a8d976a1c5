"""The camera source: a device read in its own thread, watched by a supervisor thread.

A read that blocks (a network camera that stalls) cannot be interrupted, so each connection gets
its own reader thread and its own provider from a factory; when no frame arrives for
``lost_after_s`` the supervisor reports the loss, abandons that reader (it releases its device when
its read returns) and connects a fresh provider. Every episode (connected, lost, reconnected, no
signal) is emitted once for the history; the preview is throttled; only the latest frame is kept.
"""

from __future__ import annotations

import threading
import time
from typing import Callable, Protocol

import numpy as np
from PySide6.QtCore import QObject, QThread, Signal

OPEN_TIMEOUT_S = 10.0


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


class _Reader(threading.Thread):
    """One connection: opens its provider, then reads until abandoned; releases the provider itself
    (never from another thread while a read may be running)."""

    def __init__(self, provider: FrameProvider) -> None:
        super().__init__(name="camera-read", daemon=True)
        self.provider = provider
        self.opened = threading.Event()
        self.open_ok = False
        self.open_error = ""
        self.abandoned = threading.Event()
        self.lock = threading.Lock()
        self.latest: np.ndarray | None = None
        self.frames = 0
        self.last_frame = time.monotonic()
        self.in_read_since: float | None = None

    def run(self) -> None:
        try:
            self.open_ok = bool(self.provider.open())
        except Exception as exc:  # a driver that raises is a camera that did not open
            self.open_error = f"{type(exc).__name__}: {exc}"
        self.last_frame = time.monotonic()
        self.opened.set()
        while self.open_ok and not self.abandoned.is_set():
            self.in_read_since = time.monotonic()
            try:
                ok, frame = self.provider.read()
            except Exception:
                ok, frame = False, None
            self.in_read_since = None
            if ok and frame is not None:
                with self.lock:
                    self.latest, self.frames, self.last_frame = frame, self.frames + 1, time.monotonic()
            else:
                time.sleep(0.02)
        try:
            self.provider.release()
        except Exception:
            pass


class CameraSource(QThread):
    """Supervises reader threads and reconnects by itself when the device stops delivering.

    Signals: ``frameReady(frame)`` for the preview (throttled), ``status(text, ok)`` for the feed
    bar, ``episode(event, detail)`` once per event for the history: ``connected``, ``no_signal``,
    ``lost``, ``reconnected``.
    """

    frameReady = Signal(object)
    status = Signal(str, bool)
    episode = Signal(str, str)

    def __init__(self, factory: Callable[[], FrameProvider], name: str = "camera", preview_fps: float = 15.0,
                 lost_after_s: float = 2.0, retry_s: float = 2.0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.factory, self.name = factory, name
        self.preview_dt, self.lost_after_s, self.retry_s = 1.0 / preview_fps, lost_after_s, retry_s
        self._stop = False
        self.latest: np.ndarray | None = None
        self.provider: FrameProvider | None = None
        """The provider of the current connection."""
        self.connections = 0

    def stop(self) -> None:
        self._stop = True
        self.wait(5000)

    def run(self) -> None:
        self._stop = False
        lost_at: float | None = None  # when the current outage began (None: never connected yet)
        said_no_signal = False
        while not self._stop:
            reader = _Reader(self.factory())
            self.provider = reader.provider
            reader.start()
            if not self._wait_open(reader):
                reader.abandoned.set()
                why = reader.open_error or (self.tr("no answer within {0:.0f} s").format(OPEN_TIMEOUT_S)
                                            if not reader.opened.is_set() else self.tr("no signal"))
                if not said_no_signal:
                    said_no_signal = True
                    self.episode.emit("no_signal", why)
                self.status.emit(self.tr("{0}: {1}, retrying in {2:.0f} s").format(self.name, why, self.retry_s), False)
                self._sleep(self.retry_s)
                continue
            said_no_signal = False
            self.connections += 1
            if lost_at is None:
                self.episode.emit("connected", "")
            else:
                self.episode.emit("reconnected", self.tr("after {0:.1f} s").format(time.monotonic() - lost_at))
            self.status.emit(self.tr("{0}: connected").format(self.name), True)
            why = self._serve(reader)
            reader.abandoned.set()
            if why is None:  # stopped by the operator
                break
            lost_at = time.monotonic()
            self.episode.emit("lost", why)
            self.status.emit(self.tr("{0}: {1}, reconnecting").format(self.name, why), False)
            self._sleep(self.retry_s)
        self.provider = None

    def _wait_open(self, reader: _Reader) -> bool:
        end = time.monotonic() + OPEN_TIMEOUT_S
        while not self._stop and time.monotonic() < end:
            if reader.opened.wait(0.05):
                return reader.open_ok
        return False

    def _serve(self, reader: _Reader) -> str | None:
        """Pass frames on until the reader stops delivering; returns why, or None when stopped."""
        seen, last_emit = 0, 0.0
        while not self._stop:
            with reader.lock:
                frames, frame, last_frame = reader.frames, reader.latest, reader.last_frame
            now = time.monotonic()
            if frames != seen:
                seen, self.latest = frames, frame
                if now - last_emit >= self.preview_dt:
                    last_emit = now
                    self.frameReady.emit(frame)
            elif now - last_frame > self.lost_after_s:
                since = reader.in_read_since
                if since is not None and now - since > self.lost_after_s:
                    return self.tr("a read blocked for {0:.1f} s").format(now - since)
                return self.tr("stopped delivering frames")
            time.sleep(0.01)
        return None

    def _sleep(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while not self._stop and time.monotonic() < end:
            time.sleep(0.05)
