"""The site beside the window: a shipping round every few seconds in a thread of its own (one at
a time), and its lag in the status bar ("Site: 0 waiting", or "Site: away …, 124 waiting since
14:02"). The station's own log never waits for the site."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

from station.site.config import read_site_config
from station.site.sync import SiteSync, SyncReport, first_line


class SiteHub(QObject):
    reported = Signal(object, list, str)
    """A ``SyncReport``, the models pulled (``site.models.Pulled``) and why a pull failed, from
    the shipping thread."""

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

        share = str(self.window.settings.value("site/share", ""))
        pull = str(self.window.settings.value("site/pull_models", "false")).lower() == "true"
        models_dir = self.window.models_dir

        def run() -> None:
            try:
                report = self.sync.run()
                pulled, problem = [], ""
                if share and pull and not report.error:
                    pulled, problem = self._pull(models_dir, Path(share))
                self.reported.emit(report, pulled, problem)
            finally:
                self._busy.release()

        threading.Thread(target=run, name="site-sync", daemon=True).start()

    def _pull(self, models_dir: Path, share: Path) -> tuple[list, str]:
        """Each local category's site-approved version, put on the line (``site.models.pull``)."""
        from station.site.models import pull

        done, problems = [], []
        try:
            pg = self.config.connect()
        except Exception as exc:
            return [], first_line(exc)
        try:
            for folder in sorted(p for p in Path(models_dir).iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
                try:
                    got = pull(pg, models_dir, folder.name, share)
                    if got.action in ("installed", "activated"):
                        done.append(got)
                except Exception as exc:  # a damaged copy: refused, named, the station keeps its model
                    problems.append(str(exc))
        finally:
            pg.close()
        return done, "; ".join(problems)

    def show(self, report: SyncReport, pulled: list | None = None, problem: str = "") -> None:
        from station.storage.reviews import ReviewStore

        for got in pulled or []:
            ReviewStore(self.window.reader).log_change("site", "system", f"model:{got.category}", None,
                                                       f"{got.model_id} ({got.version})",
                                                       f"site-approved version {got.action}")
            self.window.show_message(self.tr("{0}: the site's approved model {1} is on the line").format(
                got.category, got.model_id), 30)
        if problem:
            self.window.show_message(self.tr("Site model not taken: {0}").format(problem), 60)
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
