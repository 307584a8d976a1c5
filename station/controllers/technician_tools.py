"""The window's technician tools: review, threshold, versions, change log, report, sign-in,
kiosk mode. Each flow has its own controller; this module wires them to a toolbar and keys."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMenu, QPushButton, QToolBar, QToolButton, QWidget

from engine.model_store.store import ModelError
from engine.model_store.versions import activate_version, list_versions
from station.health import HealthMonitor
from station.line.settings_flow import LineSettingsFlow
from station.controllers.learning import LearningController
from station.controllers.master import MasterController
from station.controllers.review import ReviewController
from station.resources import icon
from station.storage.reviews import ReviewStore
from station.controllers.settings import SettingsController
from station.controllers.threshold import ThresholdController
from ui.record_tables import ChangeLogDialog, VersionsDialog


class ReportController(QObject):
    """Writes a shift report off the UI thread and says where it is."""

    written = Signal(str, str)  # folder, error ('' when fine)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.written.connect(self._done)

    def ask(self, shift=None, category: str | None = None) -> None:
        from station.storage.shifts import current_shift

        shift = shift or current_shift(self.window.shift_spec())
        default = str(self.window.data_dir / "reports" / shift.label.replace("/", "_"))
        out = QFileDialog.getExistingDirectory(self.window, self.tr("Folder for the report of {0}").format(shift), default)
        if out:
            self.write(shift, category, out)

    def write(self, shift, category: str | None, out: str) -> threading.Thread:
        from station.report import collect, write_report
        from station.report.shift_data import open_readonly

        def run() -> None:
            try:
                db = open_readonly(self.window.data_dir)
                try:
                    write_report(collect(db, shift, category, models_dir=self.window.models_dir), out)
                finally:
                    db.close()
                self.written.emit(out, "")
            except Exception as exc:  # a report that fails must say so, the station goes on
                self.written.emit(out, f"{type(exc).__name__}: {exc}")

        self.window.show_message(self.tr("Writing the report of {0}…").format(shift))
        t = threading.Thread(target=run, name="shift-report", daemon=True)
        t.start()
        return t

    def _done(self, out: str, error: str) -> None:
        self.window.show_message(self.tr("Report not written: {0}").format(error) if error else
                                 self.tr("Report written to {0} (report.pdf, report.html, inspections.csv)").format(out), 20)


class ToolActions(QObject):
    """Toolbar, controllers and keys of the technician's tools, and kiosk mode."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        window.review = ReviewController(window)
        window.thresholds = ThresholdController(window)
        window.reports = ReportController(window)
        window.masters = MasterController(window)
        window.learning = LearningController(window)
        window.settings_flow = SettingsController(window)
        window.line_settings = LineSettingsFlow(window)
        window.health = HealthMonitor(window)
        bar = QToolBar(self.tr("Tools"))
        bar.setObjectName("toolsBar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        window.addToolBar(Qt.TopToolBarArea, bar)
        # (icon, text, keys, slot, on the bar itself): the rest go in the "More" menu, so the bar
        # fits a 1366 px screen without an overflow arrow
        actions = [
            ("review", self.tr("Review shift"), "Ctrl+R", lambda: window.enter_review(), True),
            ("threshold", self.tr("Threshold…"), "Ctrl+T", window.thresholds.open, True),
            ("report", self.tr("Shift report…"), None, lambda: window.reports.ask(), True),
            ("report", self.tr("Hand over shift…"), None, lambda: window.floor.handover() and window.reports.ask(), True),
            ("master", self.tr("Master check"), "Ctrl+M", window.masters.run, True),
            ("settings", self.tr("Settings…"), "Ctrl+,", window.settings_flow.open, True),
            ("versions", self.tr("Versions…"), None, self.show_versions, False),
            ("changelog", self.tr("Change log"), None,
             lambda: ChangeLogDialog(ReviewStore(window.reader).changes(), window).open(), False),
            ("master", self.tr("Register masters…"), None, window.masters.register, False),
            ("learn", self.tr("Learn from confirmed defects…"), None, window.learning.open, False),
            ("settings", self.tr("Line links…"), None, window.line_settings.open, False),
            ("signin", self.tr("Set up station…"), None, lambda: window.floor.setup(), False),
            ("fullscreen", self.tr("Full screen (F11)"), "F11", self.kiosk, False),
        ]
        window.tool_actions = {}
        more = QMenu(window)
        for icon_name, text, keys, slot, on_bar in actions:
            act = QAction(icon(icon_name), text, window)
            if keys:
                act.setShortcut(QKeySequence(keys))
                act.setShortcutContext(Qt.ApplicationShortcut)
            act.triggered.connect(slot)
            (bar if on_bar else more).addAction(act)
            window.addAction(act)  # its key works wherever the action sits
            window.tool_actions[icon_name if icon_name not in window.tool_actions else text] = act
        more_button = QToolButton()
        more_button.setText(self.tr("More"))
        more_button.setMenu(more)
        more_button.setPopupMode(QToolButton.InstantPopup)
        bar.addWidget(more_button)
        # who is signed in, always visible (the toolbar may overflow on a narrow screen)
        self.role = QLabel()
        self.role.setObjectName("roleLabel")
        self.sign = QPushButton(icon("signin"), "")
        self.sign.setObjectName("signButton")
        self.sign.clicked.connect(self.sign_in_out)
        window.statusBar().addPermanentWidget(self.role)
        window.statusBar().addPermanentWidget(self.sign)
        window.authority.roleChanged.connect(self.show_role)
        self.show_role(window.authority.role, window.authority.who)

    def show_role(self, role: str, who: str) -> None:
        self.role.setText(self.tr("  Technician: {0}  ").format(who) if role == "technician" else self.tr("  Operator  "))
        self.role.setProperty("technician", role == "technician")
        self.role.style().unpolish(self.role)
        self.role.style().polish(self.role)
        self.sign.setText(self.tr("Sign out") if role == "technician" else self.tr("Technician sign-in"))

    def sign_in_out(self) -> None:
        if self.window.authority.role == "technician":
            self.window.authority.logout()
        else:
            self.window.require_technician(self.tr("sign in"))

    def kiosk(self) -> None:
        """Full screen for the bench, with controls large enough for gloves (the stylesheet's kiosk rules)."""
        w = self.window
        on = not bool(w.windowState() & Qt.WindowFullScreen)
        w.setWindowState(w.windowState() ^ Qt.WindowFullScreen)
        w.setProperty("kiosk", on)
        for widget in [w, *w.findChildren(QWidget)]:
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def show_versions(self) -> None:
        w = self.window
        info = w.model_info
        if info is None:
            w.show_message(self.tr("No model loaded: choose a category first."))
            return
        folder = Path(w.models_dir) / info.category
        dialog = VersionsDialog(info.category, list_versions(folder), w)
        dialog.activateRequested.connect(lambda vid: self.activate(dialog, info, folder, vid))
        dialog.open()

    def activate(self, dialog, info, folder: Path, vid: str) -> bool:
        """Roll the category to version ``vid`` (technician only), logged."""
        w = self.window
        if not w.require_technician(self.tr("make another model version active")):
            return False
        try:
            m = activate_version(folder, vid)
        except ModelError as exc:
            w.show_message(str(exc))
            return False
        store = ReviewStore(w.reader)
        a = w.authority
        store.log_version(info.category, m["model_id"], vid, "activated", a.who)
        store.log_change(a.who, a.role, f"model:{info.category}", info.model_id, m["model_id"],
                         self.tr("rolled to {0}").format(vid))
        if dialog is not None:
            dialog.accept()
        w.refresh_categories(info.category)
        return True
