"""The window's technician tools: review, threshold, versions, change log, report, sign-in,
kiosk mode. Each flow has its own controller; this module wires them to a toolbar and keys."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QToolBar

from engine.store import ModelError
from engine.versions import activate_version, list_versions
from station.master_controller import MasterController
from station.review_controller import ReviewController
from station.review_store import ReviewStore
from station.threshold_controller import ThresholdController
from ui.record_tables import ChangeLogDialog, VersionsDialog


class ReportController(QObject):
    """Writes a shift report off the UI thread and says where it is."""

    written = Signal(str, str)  # folder, error ('' when fine)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.written.connect(self._done)

    def ask(self, shift=None, category: str | None = None) -> None:
        from station.shifts import current_shift

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
                    write_report(collect(db, shift, category), out)
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


def show_versions(window) -> None:
    info = window.model_info
    if info is None:
        window.show_message(window.tr("No model loaded: choose a category first."))
        return
    folder = Path(window.models_dir) / info.category
    dialog = VersionsDialog(info.category, list_versions(folder), window)

    def activate(vid: str) -> None:
        if not window.require_technician(window.tr("make another model version active")):
            return
        try:
            m = activate_version(folder, vid)
        except ModelError as exc:
            window.show_message(str(exc))
            return
        store = ReviewStore(window.reader)
        a = window.authority
        store.log_version(info.category, m["model_id"], vid, "activated", a.who)
        store.log_change(a.who, a.role, f"model:{info.category}", info.model_id, m["model_id"], f"rolled to {vid}")
        dialog.accept()
        window.refresh_categories(info.category)

    dialog.activateRequested.connect(activate)
    dialog.open()


def install_actions(window) -> None:
    """Toolbar, controllers and keys of the technician's tools."""
    window.review = ReviewController(window)
    window.thresholds = ThresholdController(window)
    window.reports = ReportController(window)
    window.masters = MasterController(window)
    bar = QToolBar(window.tr("Tools"))
    bar.setObjectName("toolsBar")
    bar.setMovable(False)
    window.addToolBar(Qt.TopToolBarArea, bar)
    role = QLabel()
    role.setObjectName("roleLabel")

    def show_role(r: str, who: str) -> None:
        role.setText(window.tr("  Technician: {0}  ").format(who) if r == "technician" else window.tr("  Operator  "))
        role.setProperty("technician", r == "technician")
        role.style().unpolish(role)
        role.style().polish(role)
        sign.setText(window.tr("Sign out") if r == "technician" else window.tr("Technician sign-in"))

    def sign_in_out() -> None:
        if window.authority.role == "technician":
            window.authority.logout()
        else:
            window.require_technician(window.tr("sign in"))

    def kiosk() -> None:
        window.setWindowState(window.windowState() ^ Qt.WindowFullScreen)

    actions = [
        (window.tr("Review shift"), "Ctrl+R", lambda: window.enter_review()),
        (window.tr("Threshold…"), "Ctrl+T", window.thresholds.open),
        (window.tr("Versions…"), None, lambda: show_versions(window)),
        (window.tr("Change log"), None, lambda: ChangeLogDialog(ReviewStore(window.reader).changes(), window).open()),
        (window.tr("Shift report…"), None, lambda: window.reports.ask()),
        (window.tr("Master check"), "Ctrl+M", window.masters.run),
        (window.tr("Register masters…"), None, window.masters.register),
        (window.tr("Full screen (F11)"), "F11", kiosk),
    ]
    window.tool_actions = {}
    for text, keys, slot in actions:
        act = QAction(text, window)
        if keys:
            act.setShortcut(QKeySequence(keys))
            act.setShortcutContext(Qt.ApplicationShortcut)
        act.triggered.connect(slot)
        bar.addAction(act)
        window.tool_actions[text] = act
    bar.addSeparator()
    bar.addWidget(role)
    sign = QAction(window)
    sign.triggered.connect(sign_in_out)
    bar.addAction(sign)
    window.authority.roleChanged.connect(show_role)
    show_role(window.authority.role, window.authority.who)
