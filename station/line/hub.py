"""The line beside the window: the links that are turned on, triggers in, verdicts out.

A trigger (OPC UA, an MQTT trigger topic, a Modbus input) is one more feed: it judges the next
camera frame, or names the next watched file. A trigger that comes while a part is still being
judged (or while the line is paused, or without a model or a feed) is refused at once, said on
the link (OPC UA: BusyRefusals and ErrorText), logged and counted; it is never queued.

Every verdict goes to the PLC and the I/O module from the inspection worker's thread the moment
its row is committed, and to MQTT from a thread of the hub's own (which adds the map's regions);
the window never waits for the line. The links' states
show in the status bar."""

from __future__ import annotations

import queue
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from station.line.config import LineConfig, read_line_config
from station.line.message import regions_of, verdict_message
from station.line.outbox import Outbox
from ui.line_status import LineStatus


class LineHub(QObject):
    triggered = Signal(str, str)
    """(link, part id) from a link's thread; handled on the window's."""
    stateChanged = Signal(str, str, str)
    """(link, state, detail) from a link's thread."""
    answered = Signal(str, str, str)
    """(part id, verdict, link) once a triggered part's verdict was handed to the links."""

    def __init__(self, window, config: LineConfig | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.config = config or read_line_config(window.settings, window.reader.station)
        self.links: dict[str, object] = {}
        self.awaiting: tuple[str, str] | None = None
        """(link, part id) of the trigger whose part is being judged (``_lock``: the worker's
        thread clears it)."""
        self._lock = threading.Lock()
        self.refused = 0
        self.triggers = 0
        self.events = Outbox(window.data_dir, "line", self.config.station)
        self._jobs: queue.Queue = queue.Queue()
        self._sender = threading.Thread(target=self._send_loop, name="line-messages", daemon=True)
        self.status = LineStatus()
        self.triggered.connect(self.on_trigger)
        self.stateChanged.connect(self.status.set_state)
        for problem in self.config.problems:
            self.events.log_event("not started", problem)
            window.show_message(self.tr("Line settings: {0}").format(problem), 30)
        self._make_links(Path(window.data_dir))
        if self.links:
            window.statusBar().addPermanentWidget(self.status)
            # in the worker's own thread, the moment the result is logged: the line never waits
            # for the window to show it (nor the window for the line)
            window.worker.inspected.connect(self.on_inspected, Qt.DirectConnection)
            self._ready: bool | None = None
            self._ready_timer = QTimer(self, interval=500, timeout=self.update_ready)  # model, pause
            self._ready_timer.start()
            self._sender.start()
            for link in self.links.values():
                link.start()
            self.update_ready()

    def _make_links(self, data_dir: Path) -> None:
        c, emit_state, emit_trigger = self.config, self.stateChanged.emit, self.triggered.emit
        if c.mqtt is not None:
            from station.line.mqtt_link import MqttLink

            self.links["mqtt"] = MqttLink(c.mqtt, c.station, Outbox(data_dir, "mqtt", c.station), emit_state, emit_trigger)
        if c.opcua is not None:
            from station.line.opcua_server import OpcUaLink

            self.links["opcua"] = OpcUaLink(c.opcua, c.station, Outbox(data_dir, "opcua", c.station), data_dir,
                                            emit_state, emit_trigger)
        if c.modbus is not None:
            from station.line.modbus_io import ModbusIoLink

            self.links["modbus"] = ModbusIoLink(c.modbus, c.station, Outbox(data_dir, "modbus", c.station),
                                                emit_state, emit_trigger)
        for name in self.links:
            self.status.set_state(name, "connecting", "")

    # ---- triggers in -------------------------------------------------------------------------
    def _busy_reason(self) -> str:
        w, feed = self.window, self.window.feed
        if self.awaiting is not None:
            return self.tr("busy with part {0}").format(self.awaiting[1])
        if w.pending or feed.camera_in_flight:
            return self.tr("busy: {0} part(s) being judged").format(max(w.pending, feed.camera_in_flight))
        if w.pause_reason:
            return self.tr("paused while {0}").format(w.pause_reason)
        if w.model_info is None:
            return self.tr("no model loaded")
        if (feed.camera is None or feed.camera.latest is None) and not feed.watcher.active:
            return self.tr("no camera frame and no watched folder to judge")
        return ""

    def on_trigger(self, link: str, part_id: str) -> None:
        self.triggers += 1
        part = part_id or f"T{self.triggers}"
        why = self._busy_reason()
        if why:
            self.refused += 1
            detail = self.tr("trigger {0} from {1} refused: {2}").format(part, link, why)
            self.events.log_event("trigger refused", detail)
            self.status.set_refused(self.refused)
            for each in self.links.values():
                if hasattr(each, "refuse"):
                    each.refuse(detail)
            return
        with self._lock:
            self.awaiting = (link, part)
        for each in self.links.values():
            if hasattr(each, "accept"):
                each.accept(part)
        feed = self.window.feed
        if feed.camera is not None and feed.camera.latest is not None:
            feed.trigger()
        # else: the next watched file is this part (``on_inspected``)

    def update_ready(self) -> None:
        ready = self.window.model_info is not None and not self.window.pause_reason
        if ready == self._ready:
            return
        self._ready = ready
        for link in self.links.values():
            if hasattr(link, "set_ready"):
                link.set_ready(ready)

    # ---- verdicts out ------------------------------------------------------------------------
    def on_inspected(self, result, row_id: int, kind: str) -> None:
        """Runs in the inspection worker's thread (the row is committed): the PLC and the gate
        are told here at once (both only queue it: no waiting), MQTT by the hub's thread, which
        first reads the map's regions."""
        if kind == "master":
            return
        part, link = "", ""
        with self._lock:
            if self.awaiting is not None and kind in ("camera", "watch"):
                (link, part), self.awaiting = self.awaiting, None
        row = row_id if row_id >= 0 else None
        msg = verdict_message(result, row_id, self.config.station, part, kind, regions=False)
        for name in ("opcua", "modbus"):
            if name in self.links:
                self.links[name].publish(msg, row)
        if "mqtt" in self.links:
            self._jobs.put((result, msg, row))
        if part:
            self.answered.emit(part, result.verdict.value, link)

    def _send_loop(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            result, msg, row = job
            try:
                msg = {**msg, "regions": regions_of(result)}
            except Exception as exc:  # a map the regions cannot be read from: the verdict still goes out
                self.events.log_event("regions left out", str(exc))
            self.links["mqtt"].publish(msg, row)

    def stop(self) -> None:
        if getattr(self, "_stopped", False):
            return
        self._stopped = True
        if hasattr(self, "_ready_timer"):
            self._ready_timer.stop()
            try:
                self.window.worker.inspected.disconnect(self.on_inspected)
            except (RuntimeError, TypeError):  # the worker has gone first
                pass
        self._jobs.put(None)
        if self._sender.is_alive():
            self._sender.join(5)
        for link in self.links.values():
            link.stop()
        self.events.close()


def attach_line(window) -> LineHub | None:
    """The window's line (``window.line``) when settings turn a link on, or name a bad one."""
    old = getattr(window, "line", None)
    if old is not None:
        old.stop()
        window.statusBar().removeWidget(old.status)
    config = read_line_config(window.settings, window.reader.station)
    window.line = LineHub(window, config) if (config.any or config.problems) else None
    return window.line
