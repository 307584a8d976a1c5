"""Where parts come from: the file dialog, a watched folder (judged once, also across restarts)
and a camera (preview, trigger, auto). Parts go to the window's ``submit_paths`` / the worker."""

from __future__ import annotations

from pathlib import Path
from time import monotonic

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QFileDialog

from station.sources import CameraSource, FolderWatcher
from station.settings_values import number
from ui.feed_bar import FeedBar


class FeedController(QObject):
    def __init__(self, window, bar: FeedBar, camera_factory) -> None:
        super().__init__(window)
        self.window, self.bar, self.camera_factory = window, bar, camera_factory
        self.camera: CameraSource | None = None
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
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Folder the line camera writes to"),
                                                  self.window.settings.value("source/folder", ""))
        if folder:
            self.watch_folder(folder)

    def watch_folder(self, folder: str) -> None:
        self.window.settings.setValue("source/folder", folder)
        self.window.settings.setValue("source/kind", "watch")
        self.watcher.start(folder)

    def toggle_camera(self, on: bool) -> None:
        s = self.window.settings
        if on:
            address = str(s.value("camera/address", "0"))
            self.camera = CameraSource(self.camera_factory(address), name=self.tr("camera {0}").format(address), parent=self)
            self.camera.frameReady.connect(self.on_preview)
            self.camera.status.connect(self.set_status)
            self.camera.start()
            s.setValue("source/kind", "camera")
        elif self.camera is not None:
            self.bar.auto_box.setChecked(False)
            self.camera.stop()
            self.camera = None
            self.set_status(self.tr("Camera stopped"), True)
        self.bar.trigger_button.setEnabled(on)

    def trigger(self) -> None:
        w = self.window
        if self.camera is None or self.camera.latest is None:
            w.show_message(self.tr("No camera frame to inspect: start the camera first."))
            return
        if w.pause_reason:
            w.show_message(self.tr("Inspection is paused while {0}.").format(w.pause_reason))
            return
        w.submit_frame(self.camera.latest.copy(), self.camera.name)

    def auto_trigger(self) -> None:
        if self.window.pending == 0 and self.camera is not None and self.camera.latest is not None:
            self.trigger()

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
