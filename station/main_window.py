"""The station window: feed, verdict, category, history. Composes small widgets from ``ui``
and talks to the engine only through the worker thread's queued signals."""

from __future__ import annotations

from pathlib import Path
from time import monotonic

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QApplication, QLabel, QMainWindow, QMessageBox, QProgressBar, QSizePolicy,
                               QSplitter, QStackedWidget, QVBoxLayout, QWidget)

from engine.imaging import is_image_path
from engine.model_store.store import list_models
from station.controllers.bench import BenchController
from station.controllers.category import CategoryController
from station.controllers.explain import ExplainController
from station.line_guard import LineGuard
from station.storage.history import HistoryStore, load_map, load_stored_image
from station.roles import Authority
from station.storage.shifts import DEFAULT_SHIFTS, ShiftError, current_shift
from station.controllers.feed import FeedController
from station.feeds.camera import OpenCVProvider
from station.closing import close_station, reason_text, short_source
from station.workers.inspection import InspectionWorker, WorkerThread
from station.settings_values import BAD, number
from station.verdict_pacer import VerdictPacer
from station.bench.floor import BenchFloor
from ui.banner import Banner
from ui.bench_bar import BenchBar
from ui.shift_bar import ShiftBar
from ui.category_bar import CategoryBar, model_facts
from ui.feed_bar import FeedBar
from ui.explanation_panel import ExplanationPanel
from ui.history_panel import HistoryPanel
from ui.image_pane import ImagePane
from ui.verdict_panel import VerdictPanel


class MainWindow(QMainWindow):
    requestLoad = Signal(str)
    requestInspect = Signal(str, str)
    requestFrame = Signal(object, str)

    def __init__(self, models_dir: Path, data_dir: Path, settings: QSettings, station: str = "",
                 operator: str = "", camera_factory=OpenCVProvider) -> None:
        super().__init__()
        BAD.clear()  # values of this settings file that fell back to defaults, named once the window is up
        self.models_dir, self.data_dir, self.settings = Path(models_dir), Path(data_dir), settings
        self.setWindowTitle(self.tr("Inspection station"))
        self.setAcceptDrops(True)
        self.model_info = None
        self.pending = 0
        self.burst_total = 0
        self.confirm_quit = True
        self.hold_ms = number(settings, "display/hold_ms", 600, 0, 60_000)
        self.ack_fail = str(settings.value("display/acknowledge_fail", "true")).lower() == "true"
        self.last_display = 0.0
        self.reader = HistoryStore(self.data_dir, station, operator, check=True)
        self.authority = Authority(settings, operator, self)
        self.ask_pin = None
        """Sign-in prompt (None: the PIN dialog); tests put their own answer here."""
        self.on_screen = None
        """What the verdict panel shows: (result, row id) of a live part, or a history row id."""
        self.paused: list[tuple[str, tuple]] = []
        self.pause_reason = ""
        self._build()
        self.feed = FeedController(self, self.feed_bar, camera_factory)
        self.camera_button, self.source_status = self.feed_bar.camera_button, self.feed_bar.status
        self._start_worker(station, operator)
        from station.controllers.technician_tools import ToolActions

        self.tools = ToolActions(self)
        self.floor = BenchFloor(self, self.shift_bar, self.review.view.live_strip)
        self.pacer = VerdictPacer(self)
        self._shortcuts()
        self.refresh_categories(settings.value("category/last", None))
        self.refresh_history()
        geo = settings.value("window/geometry")
        if geo is not None:
            self.restoreGeometry(geo)
        else:
            self.resize(1280, 760)
        self.feed.resume_source()
        if BAD:
            self.show_message(self.tr("settings.ini: {0} not usable, the default is used.").format(", ".join(BAD)), 60)
        if self.reader.recovered_from is not None:
            self.show_message(self.tr("The history database was damaged; it is kept as {0} and a fresh one was "
                                      "started.").format(self.reader.recovered_from), 120)

    # ---- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        self.category_bar = CategoryBar()
        self.category_bar.categoryChosen.connect(lambda name: self.categories.switch(name))
        self.category_bar.newCategoryRequested.connect(lambda: self.categories.open_dialog())
        self.category_bar.factsRequested.connect(lambda name: self.categories.show_facts(name))
        self.feed_bar = FeedBar()

        left = ImagePane(number(self.settings, "display/opacity", 50, 0, 100))
        self.view, self.overlay_box, self.opacity = left.view, left.overlay_box, left.opacity

        self.verdict = VerdictPanel()
        self.history = HistoryPanel()
        self.history.rowSelected.connect(self.show_history_row)
        self.history.filtersChanged.connect(lambda *_: self.refresh_history())
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        self.explanations = ExplanationPanel(self.history)
        # the tabs take the height left under the verdict (their wrapping labels must not squeeze it)
        self.explanations.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Ignored)
        self.explanations.setMinimumHeight(130)
        rl.addWidget(self.verdict)
        self.bench_bar = BenchBar()
        rl.addWidget(self.bench_bar)
        rl.addWidget(self.explanations, 1)
        split = QSplitter(Qt.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        # text on the right (a long file name, a message) never takes width from the image
        right.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        right.setMinimumWidth(420)
        self.splitter = split

        self.left, self.right_layout = left, rl
        inspect_page = QWidget()
        lay = QVBoxLayout(inspect_page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.category_bar)
        lay.addWidget(self.feed_bar)
        lay.addWidget(split, 1)
        self.shift_bar = ShiftBar()
        lay.addWidget(self.shift_bar)
        self.pages = QStackedWidget()
        self.pages.addWidget(inspect_page)
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.banner = Banner(central)  # floats over the top: nothing moves when a message comes
        self.queue_label = QLabel(self.tr("Idle"))
        self.queue_bar = QProgressBar()
        self.queue_bar.setMaximumWidth(220)
        self.queue_bar.hide()
        self.statusBar().addWidget(self.queue_label, 1)
        self.statusBar().addPermanentWidget(self.queue_bar)

    def _shortcuts(self) -> None:
        f = self.feed
        for keys, slot in [("Ctrl+O", f.open_files), ("Ctrl+W", f.choose_watch_folder),
                           ("Ctrl+K", self.camera_button.toggle), ("Space", f.trigger), ("F5", f.trigger),
                           ("M", self.overlay_box.toggle), ("F", self.view.fit), ("Ctrl+N", self.categories.open_dialog),
                           ("Ctrl+Q", self.close),
                           ("Return", self.verdict.acknowledge), ("Enter", self.verdict.acknowledge),
                           ("A", lambda: self.bench.settle("accept")), ("X", lambda: self.bench.settle("reject"))]:
            QShortcut(QKeySequence(keys), self, activated=slot)

    def _start_worker(self, station: str, operator: str) -> None:
        self.worker = InspectionWorker(self.models_dir, self.data_dir, station, operator)
        self.thread = WorkerThread(self.worker, self)
        self.requestLoad.connect(self.worker.load_category)
        self.requestInspect.connect(self.worker.inspect_path)
        self.requestFrame.connect(self.worker.inspect_frame)
        self.categories = CategoryController(self, self.worker)
        self.bench = BenchController(self, self.bench_bar)
        self.explain = ExplainController(self, self.explanations)
        self.explanations.which.trainClassifierRequested.connect(self.categories.open_dialog)
        self.worker.modelLoaded.connect(self.on_model_loaded)
        self.worker.modelFailed.connect(self.on_model_failed)
        self.worker.inspected.connect(self.on_inspected)
        self.worker.inspected.connect(self.feed.on_inspected)
        self.feed.cameraEvent.connect(self.worker.log_camera_event)
        self.guard = LineGuard(self)
        self.worker.waiting.connect(self.guard.on_waiting)
        self.worker.retryable.connect(self.guard.on_retryable)
        self.worker.notLogged.connect(self.guard.on_not_logged)
        self.thread.start()

    # ---- categories and models ------------------------------------------------------------
    def refresh_categories(self, select: str | None = None, load: bool = True) -> None:
        """List the models folder's categories and load ``select`` (``load`` False: list only)."""
        models = list_models(self.models_dir)
        self.category_bar.set_models(models, select)
        usable = [n for n, info, _ in models if info is not None]
        target = select if select in usable else (usable[0] if usable else None)
        if target:
            self.category_bar.select(target)
            if load:
                self.choose_category(target)
        elif not models:
            self.verdict.set_state("NO MODEL", self.tr("No trained category yet: click “New category…”."))

    def choose_category(self, name: str) -> None:
        if not name:
            return
        self.model_info = None
        self.verdict.set_state("NO MODEL", self.tr("Loading {0}…").format(name))
        self.settings.setValue("category/last", name)
        self.requestLoad.emit(name)

    def on_model_loaded(self, info) -> None:
        self.model_info = info
        self.guard.release_waiting(info.category)
        self.category_bar.update_info(info)
        self.verdict.set_model(info.category, f"{info.version} · {info.model_id}" if info.version else info.model_id,
                               model_facts(info))
        self.verdict.set_state("READY", self.tr("Feed a part: open, drop, watch a folder or trigger the camera."))

    def on_model_failed(self, category: str, message: str) -> None:
        self.verdict.set_state("NO MODEL", message)
        self.show_message(self.tr("Model '{0}' could not be loaded: {1}").format(category, message))

    # ---- feeding ----------------------------------------------------------------------------
    def _enqueue(self, n: int) -> None:
        """Count ``n`` jobs about to be sent to the worker, for the queue display."""
        self.pending += n
        self.burst_total += n
        self.update_queue()

    def submit_paths(self, paths: list[str], kind: str = "file") -> None:
        if self.pause_reason:
            self.paused += [("path", (str(p), kind)) for p in paths]
            self.queue_label.setText(self.tr("Paused ({0}): {1} part(s) waiting").format(self.pause_reason, len(self.paused)))
            self.floor.show_hold()
            return
        self._enqueue(len(paths))
        for p in paths:
            self.requestInspect.emit(str(p), kind)

    def submit_frame(self, frame, source: str) -> None:
        self._enqueue(1)
        self.requestFrame.emit(frame, source)

    # the feed's entry points, kept on the window for scripts and tests
    def trigger(self) -> None:
        self.feed.trigger()

    def watch_folder(self, folder: str) -> None:
        self.feed.watch_folder(folder)

    @property
    def camera(self):
        return self.feed.camera

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = []
        for url in event.mimeData().urls():
            p = Path(url.toLocalFile())
            paths += sorted(str(f) for f in p.rglob("*") if is_image_path(f)) if p.is_dir() else [str(p)]
        self.submit_paths(paths)

    # ---- results -----------------------------------------------------------------------------
    def job_done(self) -> None:
        """One job sent to the worker came back (judged, or waiting for a model)."""
        self.pending = max(0, self.pending - 1)
        if self.pending == 0:
            self.burst_total = 0
        self.update_queue()

    def on_inspected(self, result, row_id: int, kind: str) -> None:
        self.job_done()
        if row_id >= 0:
            self.guard.on_logged()
        if kind == "master":
            self.masters.on_result(result, row_id)
            return
        self.explain.on_inspected(result, row_id)
        row = self.reader.get(row_id) if row_id >= 0 else None
        if row is not None and self.history.shows(row.verdict, row.category):
            self.history.prepend(row)
        self.floor.on_inspected(result, row)
        self.refresh_counters()
        if not result.ok:
            self.show_message(result.error)
        if result.verdict.value == "FAIL":
            self.alert_sound()
            if self.ack_fail:
                self.verdict.demand_acknowledgement(row_id)
        self.pacer.offer(result, row_id)

    def display(self, result, row_id: int = -1) -> None:
        self.last_display, self.on_screen = monotonic(), (result, row_id)
        if self.pages.currentIndex() == 0:  # while a technician reviews, the tabs are theirs
            self.explain.on_displayed(row_id if result.ok else -1, result.image, result.anomaly_map, result.threshold)
        self.verdict.show_verdict(result.verdict.value, result.score, result.normalised_score,
                                  result.threshold, self.tr("#{0} {1}").format(row_id, short_source(result.source)),
                                  reason_text(result), row_id)
        self.bench.on_displayed(result, row_id)
        self.floor.on_displayed(result, row_id)

    def show_history_row(self, row_id: int) -> None:
        row = self.reader.get(row_id)
        if row is None:
            return
        image, amap = load_stored_image(row), load_map(row)
        self.on_screen = row_id
        self.explain.on_displayed(row.id if row.verdict != "ERROR" else -1, image, amap, row.threshold, stored=True)
        self.verdict.show_verdict(row.verdict, row.score, row.normalised_score, row.threshold,
                                  self.tr("history #{0}, {1}").format(row.id, short_source(row.source)), reason_text(row), row.id)

    def refresh_history(self) -> None:
        self.history.set_categories(self.reader.categories())
        v, c = self.history.filters()
        since = current_shift(self.shift_spec()).start_utc if self.history.this_shift else None
        self.history.set_rows(self.reader.latest(200, v or None, c or None, since))
        self.refresh_counters()

    def refresh_counters(self) -> None:
        self.verdict.counters.set_counts(self.reader.counts(current_shift(self.shift_spec()).start_utc))

    # ---- review view ------------------------------------------------------------------------------
    def enter_review(self, shift_index: int = 0, category: str | None = None) -> None:
        self.review.enter(shift_index, category)

    def leave_review(self) -> None:
        self.review.leave()

    def alert_sound(self) -> None:
        """The system beep on a FAIL or an alarm, when switched on (display/fail_sound)."""
        if str(self.settings.value("display/fail_sound", "true")).lower() == "true":
            QApplication.beep()

    # ---- roles, shifts, pausing ----------------------------------------------------------------
    def shift_spec(self) -> str:
        spec = str(self.settings.value("shifts/hours", DEFAULT_SHIFTS))
        try:
            current_shift(spec)
        except ShiftError:
            return DEFAULT_SHIFTS
        return spec

    def require_technician(self, action: str) -> bool:
        """True when the technician role is held (asking for it if needed); else says why not."""
        ok, why = self.authority.require(self, action, self.ask_pin)
        if not ok:
            self.show_message(why)
        return ok

    def pause(self, reason: str) -> None:
        """Hold new parts (they wait, in order) while settings or the threshold change."""
        self.pause_reason = reason
        self.queue_label.setText(self.tr("Paused: {0}").format(reason))
        self.floor.show_hold()

    def resume(self) -> None:
        if self.floor.stopped:  # a stopped line waits for a technician, whatever else ends
            self.pause(self.tr("line stopped: {0}").format(self.floor.stopped))
            return
        self.pause_reason = ""
        self.floor.show_hold()
        waiting, self.paused = self.paused, []
        for kind, args in waiting:
            self.submit_paths([args[0]], args[1])
        self.update_queue()

    def update_queue(self) -> None:
        if self.pending:
            done = self.burst_total - self.pending
            self.queue_label.setText(self.tr("Inspecting: {0} of {1} done, {2} waiting").format(done, self.burst_total, self.pending))
            self.queue_bar.setMaximum(self.burst_total)
            self.queue_bar.setValue(done)
            self.queue_bar.show()
            if self.verdict.state in ("READY",):
                self.verdict.set_state("INSPECTING", "")
        else:
            waiting = self.guard.waiting if hasattr(self, "guard") else []
            self.queue_label.setText(self.tr("{0} part(s) waiting for a model").format(len(waiting))
                                     if waiting else self.tr("Idle"))
            self.queue_bar.hide()

    def show_message(self, text: str, seconds: int = 10) -> None:
        """Non-modal message; the window keeps working."""
        self.banner.say(text, seconds)

    # ---- leaving -----------------------------------------------------------------------------
    def closeEvent(self, event) -> None:  # noqa: N802
        # No is the default: Enter, the key that acknowledges a FAIL, must never close the station
        if self.confirm_quit and QMessageBox.question(self, self.tr("Leave the station?"),
                                                      self.tr("Stop inspecting and close the station?"),
                                                      QMessageBox.Yes | QMessageBox.No, QMessageBox.No) != QMessageBox.Yes:
            event.ignore()
            return
        self.shutdown()
        event.accept()

    def shutdown(self) -> None:
        close_station(self)
