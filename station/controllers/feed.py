"""Where parts come from: the file dialog, a watched folder (judged once, also across restarts)
and a camera (preview, trigger, auto). Parts go to the window's ``submit_paths`` / the worker."""

from __future__ import annotations

from pathlib import Path
from time import monotonic

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog

from station.feeds.camera import CameraSource
from station.feeds.watched_folder import FolderWatcher
from station.settings_values import number
from ui.feed_bar import FeedBar


class FeedController(QObject):
    cameraEvent = Signal(str, str, str)  # source, event, detail: for the history (camera_events)

    def __init__(self, window, bar: FeedBar, camera_factory) -> None:
        super().__init__(window)
        self.window, self.bar, self.camera_factory = window, bar, camera_factory
        self.camera: CameraSource | None = None
        self.camera_in_flight = 0
        """Camera frames sent to the worker and not yet judged: at most one, so nothing queues."""
        self.dropped = 0
        """Triggers of this camera run that came while the previous frame was still being judged."""
        self._dropped_logged = 0
        self._drop_log = QTimer(self, interval=60_000, timeout=self._log_drops)
        s = window.settings
        self.watcher = FolderWatcher(window.reader.already_seen, parent=self)
        self.watcher.imageReady.connect(lambda p: window.submit_paths([p], "watch"))
        self.watcher.status.connect(self.set_status)
        self.auto_timer = QTimer(self, interval=number(s, "camera/auto_interval_ms", 1000, 50, 3_600_000), timeout=self.auto_trigger)
        bar.open_button.clicked.connect(self.open_files)
        bar.watch_button.clicked.connect(self.choose_watch_folder)
        bar.camera_button.toggled.connect(self.toggle_camera)
        bar.trigger_button.clicked.connect(self.trigger)
        bar.auto_box.toggled.connect(lambda on: self.auto_timer.start() if on else self.auto_timer.stop())

    def resume_source(self) -> None:
        """At start: watch the folder again if that was the last source."""
        folder = self.window.settings.value("source/folder", "")
        if self.window.settings.value("source/kind", "") == "watch" and folder:
            self.watcher.start(folder)

    def open_files(self) -> None:
        w = self.window
        start = w.settings.value("source/last_dir", str(Path.home()))
        files, _ = QFileDialog.getOpenFileNames(w, self.tr("Images to inspect"), start,
                                                self.tr("Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)"))
        if files:
            w.settings.setValue("source/last_dir", str(Path(files[0]).parent))
            w.settings.setValue("source/kind", "file")
            w.submit_paths(files)

    def choose_watch_folder(self) -> None:
        """Where the line camera writes is a technician's setting, logged."""
        w = self.window
        if not w.require_technician(self.tr("change the watched folder")):
            return
        old = str(w.settings.value("source/folder", ""))
        folder = QFileDialog.getExistingDirectory(w, self.tr("Folder the line camera writes to"), old)
        if folder:
            from station.storage.reviews import ReviewStore

            a = w.authority
            ReviewStore(w.reader).log_change(a.who, a.role, "watched folder", old, folder, self.tr("set in the window"))
            self.watch_folder(folder)

    def watch_folder(self, folder: str) -> None:
        self.window.settings.setValue("source/folder", folder)
        self.window.settings.setValue("source/kind", "watch")
        self.watcher.start(folder)

    def toggle_camera(self, on: bool) -> None:
        s = self.window.settings
        if on:
            address = str(s.value("camera/address", "0"))
            self.camera = CameraSource(lambda: self.camera_factory(address), name=self.tr("camera {0}").format(address), parent=self)
            self.camera.frameReady.connect(self.on_preview)
            self.camera.status.connect(self.set_status)
            self.camera.episode.connect(lambda event, detail, name=self.camera.name: self.cameraEvent.emit(name, event, detail))
            self.dropped = self._dropped_logged = 0
            self.bar.set_dropped(0)
            self._drop_log.start()
            self.camera.start()
            s.setValue("source/kind", "camera")
        elif self.camera is not None:
            self.bar.auto_box.setChecked(False)
            self.camera.stop()
            self._log_drops()
            self._drop_log.stop()
            self.cameraEvent.emit(self.camera.name, "stopped", self.tr("by the operator"))
            self.camera = None
            self.set_status(self.tr("Camera stopped"), True)
        self.bar.trigger_button.setEnabled(on)

    def trigger(self, auto: bool = False) -> None:
        """Judge the latest frame; a trigger while the previous frame is still being judged (or, in
        auto mode, while files are) is dropped and counted, never queued."""
        w = self.window
        if self.camera is None or self.camera.latest is None:
            if not auto:
                w.show_message(self.tr("No camera frame to inspect: start the camera first."))
            return
        if w.pause_reason:
            if not auto:
                w.show_message(self.tr("Inspection is paused while {0}.").format(w.pause_reason))
            return
        if self.camera_in_flight or (auto and w.pending):
            self.dropped += 1
            self.bar.set_dropped(self.dropped)
            return
        self.camera_in_flight += 1
        w.submit_frame(self.camera.latest.copy(), self.camera.name)

    def auto_trigger(self) -> None:
        self.trigger(auto=True)

    def on_inspected(self, _result, _row: int, kind: str) -> None:
        if kind == "camera":
            self.camera_in_flight = max(0, self.camera_in_flight - 1)

    def _log_drops(self) -> None:
        """Dropped triggers go to the camera log (detail: how many since the last entry) at most once a
        minute, and when the camera stops."""
        if self.camera is not None and self.dropped > self._dropped_logged:
            self.cameraEvent.emit(self.camera.name, "dropped", str(self.dropped - self._dropped_logged))
            self._dropped_logged = self.dropped

    def on_preview(self, frame) -> None:
        w = self.window
        if monotonic() - w.last_display > w.hold_ms / 1000.0 * 3 and w.pending == 0:
            w.view.show_image(frame)

    def set_status(self, text: str, ok: bool) -> None:
        self.bar.set_status(text, ok)
        if not ok:
            self.window.show_message(text)

    def stop(self) -> None:
        self.watcher.stop()
        self.auto_timer.stop()
        if self.camera is not None:
            self.camera.stop()
            self.camera = None
