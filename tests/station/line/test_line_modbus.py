"""The Modbus link against a pymodbus server playing the remote I/O module: a rising edge on the
trigger input is a trigger, each verdict pulses its coil, a module that goes away is named and
found again, and a verdict meanwhile is logged as not signalled."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

pytest.importorskip("pymodbus")
from pymodbus.server import ModbusTcpServer  # noqa: E402
from pymodbus.simulator import DataType, SimData, SimDevice  # noqa: E402

from station.line.config import ModbusConfig  # noqa: E402
from station.line.modbus_io import ModbusIoLink  # noqa: E402
from tests.station.line.servers import free_port, wait_port  # noqa: E402


class IoModule:
    """16 coils and 16 discrete inputs on unit 1, served from a thread of its own."""

    def __init__(self, port: int) -> None:
        self.port, self.loop, self.server = port, None, None
        self._ready = threading.Event()
        self._thread = threading.Thread(target=lambda: asyncio.run(self._main()), daemon=True)
        self._thread.start()
        self._ready.wait(10)
        wait_port(port)

    async def _main(self) -> None:
        self.loop = asyncio.get_running_loop()
        bits = lambda: [SimData(0, 16, False, DataType.BITS)]  # noqa: E731
        device = SimDevice(1, simdata=(bits(), bits(), [SimData(0, 1, 0, DataType.REGISTERS)],
                                       [SimData(0, 1, 0, DataType.REGISTERS)]))
        self.server = ModbusTcpServer(device, address=("127.0.0.1", self.port))
        self._ready.set()
        await self.server.serve_forever()

    def _do(self, coro):
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(5)

    def coils(self) -> list[bool]:
        return [bool(v) for v in self._do(self.server.async_getValues(1, 1, 0, 4))]

    def set_input(self, on: bool) -> None:
        self._do(self.server.async_setValues(1, 2, 0, [on]))

    def stop(self) -> None:
        self._do(self.server.shutdown())
        self._thread.join(5)


class Events:
    def __init__(self):
        self.logged = []

    def log_event(self, event, detail=""):
        self.logged.append((event, detail))


def wait_for(cond, timeout_s=10.0):
    end = time.monotonic() + timeout_s
    while not cond():
        if time.monotonic() > end:
            raise AssertionError("timed out")
        time.sleep(0.01)


def test_trigger_input_and_verdict_coils(tmp_path):
    port = free_port()
    io = IoModule(port)
    triggers = []
    link = ModbusIoLink(ModbusConfig(port=port, pulse_ms=200, poll_ms=10), "bench-1", Events(),
                        on_trigger=lambda n, p: triggers.append(n))
    link.start()
    try:
        wait_for(lambda: link.state == "connected")
        io.set_input(True)
        wait_for(lambda: triggers == ["modbus"])
        time.sleep(0.1)
        assert triggers == ["modbus"], "a held input is one trigger"
        io.set_input(False)
        wait_for(lambda: not link._last_input)  # a sensor's low phase lasts longer than a poll
        io.set_input(True)
        wait_for(lambda: len(triggers) == 2)
        link.publish({"verdict": "FAIL"})
        wait_for(lambda: io.coils() == [False, True, False, False])  # PASS, FAIL, REVIEW, ERROR
        wait_for(lambda: io.coils() == [False] * 4, 2)  # the pulse ends
        link.publish({"verdict": "PASS"})
        wait_for(lambda: io.coils()[0])
    finally:
        link.stop()
        io.stop()


def test_a_module_that_goes_away_is_named_and_found_again(tmp_path):
    port = free_port()
    io = IoModule(port)
    events = Events()
    link = ModbusIoLink(ModbusConfig(port=port, pulse_ms=0, poll_ms=10), "bench-1", events)
    link.start()
    try:
        wait_for(lambda: link.state == "connected")
        io.stop()
        wait_for(lambda: link.state == "lost")
        assert f"127.0.0.1:{port}" in link.detail
        link.publish({"verdict": "FAIL"})
        wait_for(lambda: link.not_signalled == 1, 5)
        io = IoModule(port)
        wait_for(lambda: link.state == "connected", 10)
        link.publish({"verdict": "REVIEW"})
        wait_for(lambda: io.coils() == [False, False, True, False])
        assert [e for e, _ in events.logged].count("back") == 1
        assert any(e == "not signalled" for e, _ in events.logged)
    finally:
        link.stop()
        io.stop()
