"""Modbus TCP to a remote I/O module (pymodbus): a trigger from a discrete input's rising edge,
the verdict to coils (a stack light, the reject gate), each pulsed for ``pulse_ms``.

One thread polls the trigger input every ``poll_ms`` and drives the coils. A verdict's coil goes
on with the other verdict coils off, and off again after the pulse (0: it stays until the next
verdict). When the module is away the link says so and reconnects every second. A verdict that
comes meanwhile is not replayed later: the part it was for has left the gate by then, so it is
logged as "not signalled" (and counted in the shift report) instead."""

from __future__ import annotations

import queue
import threading
import time

from pymodbus.client import ModbusTcpClient
from pymodbus.exceptions import ModbusException

from station.line.config import ModbusConfig


class ModbusIoLink:
    name = "modbus"

    def __init__(self, cfg: ModbusConfig, station: str, events, on_state=None, on_trigger=None) -> None:
        self.cfg, self.station, self.events = cfg, station, events
        self.on_state = on_state or (lambda *a: None)
        self.on_trigger = on_trigger or (lambda *a: None)
        self.state, self.detail = "off", ""
        self.not_signalled = 0
        self._jobs: queue.Queue = queue.Queue()
        self._stop = threading.Event()
        self._pulse_off: float | None = None
        self._last_input = False
        self.client = ModbusTcpClient(cfg.host, port=cfg.port, timeout=1, retries=0, reconnect_delay=0)
        self._thread = threading.Thread(target=self._run, name="modbus-io", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self.client.close()

    def publish(self, payload: dict, inspection_id: int | None = None) -> None:
        """Signal one verdict on its coil (any thread)."""
        self._jobs.put(payload.get("verdict", ""))

    # ---- the I/O thread ----------------------------------------------------------------------
    def _set(self, state: str, detail: str = "") -> None:
        if (state, detail) == (self.state, self.detail):
            return
        was = self.state
        self.state, self.detail = state, detail
        self.events.log_event("back" if state == "connected" and was == "lost" else state, detail)
        self.on_state(self.name, state, detail)

    def _run(self) -> None:
        where = f"{self.cfg.host}:{self.cfg.port}"
        self._set("connecting", where)
        while not self._stop.is_set():
            if not self.client.connected and not self.client.connect():
                self._set("lost", f"{where} does not answer")
                self._drop_waiting()
                self._stop.wait(1.0)
                continue
            try:
                if self.state != "connected":
                    self._last_input = self._read_trigger()  # an input already on is not a new part
                    self._set("connected", where)  # (said after that read: an edge from now on is a trigger)
                self._cycle()
            except (ModbusException, OSError, ValueError) as exc:
                self.client.close()
                self._set("lost", f"{where}: {exc}")
                continue
            self._stop.wait(self.cfg.poll_ms / 1000.0)

    def _drop_waiting(self) -> None:
        while True:
            try:
                verdict = self._jobs.get_nowait()
            except queue.Empty:
                return
            self.not_signalled += 1
            self.events.log_event("not signalled", f"{verdict}: the I/O module is away")

    def _read_trigger(self) -> bool:
        if self.cfg.trigger_input < 0:
            return False
        r = self.client.read_discrete_inputs(self.cfg.trigger_input, count=1, device_id=self.cfg.unit)
        if r.isError():
            raise ValueError(f"discrete input {self.cfg.trigger_input}: {r}")
        return bool(r.bits[0])

    def _write(self, coil: int, on: bool) -> None:
        r = self.client.write_coil(coil, on, device_id=self.cfg.unit)
        if r.isError():
            raise ValueError(f"coil {coil}: {r}")

    def _cycle(self) -> None:
        now = self._read_trigger()
        if now and not self._last_input:
            self.on_trigger(self.name, "")
        self._last_input = now
        while True:
            try:
                verdict = self._jobs.get_nowait()
            except queue.Empty:
                break
            for name, coil in self.cfg.coils.items():
                if name != verdict:
                    self._write(coil, False)
            if verdict in self.cfg.coils:
                self._write(self.cfg.coils[verdict], True)
                self._pulse_off = time.monotonic() + self.cfg.pulse_ms / 1000.0 if self.cfg.pulse_ms else None
        if self._pulse_off is not None and time.monotonic() >= self._pulse_off:
            for coil in self.cfg.coils.values():
                self._write(coil, False)
            self._pulse_off = None
