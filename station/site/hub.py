"""The site beside the window: a shipping round every few seconds in a thread of its own (one at
a time), and its lag in the status bar ("Site: 0 waiting", or "Site: away …, 124 waiting since
14:02"). The station's own log never waits for the site."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

from station.site.config import read_site_config
from station.site.sync import SiteSync, SyncReport


class SiteHub(QObject):
    reported = Signal(object)
    """A ``SyncReport`` from the shipping thread."""

    def __init__(self, window, config) -> None:
        super().__init__(window)
        self.window, self.config = window, config
        self.sync = SiteSync(window.data_dir, config.user, config.connect)
        self.label = QLabel(self.tr("Site: connecting"))
        self.label.setObjectName("siteStatus")
        self.label.setContentsMargins(12, 0, 12, 0)
        window.statusBar().addPermanentWidget(self.label)
        self.last: SyncReport | None = None
        self._busy = threading.Lock()
        self.reported.connect(self.show)
        self.timer = QTimer(self, interval=config.every_s * 1000, timeout=self.round)
        self.timer.start()
        QTimer.singleShot(0, self.round)

    def round(self) -> None:
        if not self._busy.acquire(blocking=False):
            return  # the last round is still shipping

        def run() -> None:
            try:
                self.reported.emit(self.sync.run())
            finally:
                self._busy.release()

        threading.Thread(target=run, name="site-sync", daemon=True).start()

    def show(self, report: SyncReport) -> None:
        self.last = report
        since = report.oldest_waiting[11:16] if report.oldest_waiting else ""
        if report.error:
            text = self.tr("Site: away, {0} waiting").format(report.waiting) + (
                self.tr(" since {0}").format(since) if since else "")
            self.label.setStyleSheet("color: #b00020; font-weight: bold;")
        else:
            text = self.tr("Site: {0} waiting").format(report.waiting)
            self.label.setStyleSheet("color: #1b7a2e;")
        self.label.setText(text)
        self.label.setToolTip(report.error or self.tr("shipped to {0}:{1}/{2} as {3}").format(
            self.config.host, self.config.port, self.config.dbname, self.config.user))

    def stop(self) -> None:
        self.timer.stop()
        with self._busy:  # a round in flight finishes (its batch commits or is left for the next start)
            pass


def attach_site(window) -> SiteHub | None:
    """``window.site`` when the settings name a site database; a bad setting is said and left off."""
    try:
        config = read_site_config(window.settings, window.reader.station)
    except ValueError as exc:
        window.show_message(window.tr("Site settings: {0}").format(exc), 30)
        config = None
    window.site = SiteHub(window, config) if config is not None else None
    return window.site
