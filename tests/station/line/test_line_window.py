"""The line beside a real window: a PLC trigger over OPC UA judges the next camera frame and the
verdict comes back to the PLC and to the MES over MQTT; a trigger while busy is refused and
counted; every judged part is published; the links' state is in the status bar."""

from __future__ import annotations

import asyncio
import json
import time

import pytest
from asyncua import Client, ua
from PySide6.QtCore import QSettings

from station.line.opcua_server import NAMESPACE
from station.roles import hash_pin
from tests.station.line.servers import Broker, Listener, free_port
from tests.station.test_window import FakeCamera, _images


@pytest.fixture
def broker(tmp_path):
    b = Broker(tmp_path / "broker")
    yield b
    b.stop()


@pytest.fixture
def line_window(qtbot, trained_models, tmp_path, broker):
    from station.app import make_window

    data = tmp_path / "data"
    data.mkdir()
    (tmp_path / "pw").write_text(broker.password)
    s = QSettings(str(data / "settings.ini"), QSettings.IniFormat)
    opc_port = free_port()
    for k, v in {"line/mqtt/enabled": "true", "line/mqtt/port": broker.port, "line/mqtt/user": broker.user,
                 "line/mqtt/password_file": str(tmp_path / "pw"), "line/opcua/enabled": "true",
                 "line/opcua/port": opc_port, "line/opcua/security": "none", "line/opcua/user": "plc",
                 "line/opcua/password_hash": hash_pin("plc-pw"), "bench/fail_streak": 0}.items():
        s.setValue(k, v)
    s.sync()
    w = make_window(trained_models, data, station="bench-1", operator="tester", camera_factory=lambda a: FakeCamera())
    w.confirm_quit, w.hold_ms = False, 0
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.model_info is not None, timeout=20000)
    qtbot.waitUntil(lambda: w.line.links["mqtt"].state == "connected" and w.line.links["opcua"].state == "listening",
                    timeout=20000)
    yield w, f"opc.tcp://127.0.0.1:{opc_port}/station"
    w.shutdown()


async def _plc(endpoint: str, parts: list[str], twice: bool = False) -> list[tuple[str, str, int]]:
    c = Client(endpoint, timeout=10)
    c.set_user("plc")
    c.set_password("plc-pw")
    out = []
    async with c:
        ns = await c.get_namespace_index(NAMESPACE)
        node = {n: c.get_node(ua.NodeId(n, ns)) for n in ("Trigger", "PartId", "ResultValid", "ResultAck",
                                                           "Verdict", "ResultCounter", "BusyRefusals", "Ready")}
        boolean = lambda v: ua.DataValue(ua.Variant(v, ua.VariantType.Boolean))  # noqa: E731
        assert await node["Ready"].read_value() is True
        for part in parts:
            await node["PartId"].write_value(ua.DataValue(ua.Variant(part, ua.VariantType.String)))
            await node["Trigger"].write_value(boolean(True))
            if twice:
                await node["Trigger"].write_value(boolean(True))  # again, before the verdict
            end = time.monotonic() + 20
            while not await node["ResultValid"].read_value():
                assert time.monotonic() < end, "no result"
                await asyncio.sleep(0.01)
            out.append((await node["PartId"].read_value(), await node["Verdict"].read_value(),
                        await node["BusyRefusals"].read_value()))
            await node["ResultAck"].write_value(boolean(True))
            while await node["ResultValid"].read_value():
                await asyncio.sleep(0.01)
    return out


def _spin_until(qtbot, cond, timeout_ms=20000):
    qtbot.waitUntil(cond, timeout=timeout_ms)


def test_a_plc_trigger_judges_the_next_frame_and_both_links_hear_the_verdict(line_window, broker, qtbot, demo_data):
    w, endpoint = line_window
    mes = Listener(broker, "station/bench-1/verdict")
    try:
        w.camera_button.setChecked(True)
        qtbot.waitUntil(lambda: w.camera.latest is not None, timeout=10000)
        import threading

        got: list = []
        t = threading.Thread(target=lambda: got.extend(asyncio.run(_plc(endpoint, ["P-1", "P-2"]))), daemon=True)
        t.start()
        _spin_until(qtbot, lambda: not t.is_alive(), 60000)
        assert [(p, v in ("PASS", "FAIL", "REVIEW")) for p, v, _ in got] == [("P-1", True), ("P-2", True)]
        qtbot.waitUntil(lambda: len(mes.messages) >= 2, timeout=10000)
        sent = [json.loads(p) for _, p, _ in mes.messages]
        assert [m["part_id"] for m in sent] == ["P-1", "P-2"]
        assert sent[0]["station"] == "bench-1" and sent[0]["category"] == "washer" and sent[0]["source"] == "camera"
        assert "MQTT connected" in w.line.status.text() and "OPC UA listening" in w.line.status.text()

        t = threading.Thread(target=lambda: got.extend(asyncio.run(_plc(endpoint, ["P-3"], twice=True))), daemon=True)
        t.start()
        _spin_until(qtbot, lambda: not t.is_alive(), 60000)
        assert got[-1][0] == "P-3" and got[-1][2] == 1, "the second trigger was refused and counted"
        assert w.line.refused == 1 and "1 trigger(s) refused" in w.line.status.text()

        w.camera_button.setChecked(False)
        files = _images(demo_data, "good")[:2]
        w.submit_paths(files)  # parts from the file dialog go to the MES too
        qtbot.waitUntil(lambda: len(mes.messages) >= 5, timeout=20000)
        assert [json.loads(p)["source"] for _, p, _ in mes.messages[-2:]] == ["file", "file"]
    finally:
        mes.close()


def test_the_line_links_dialog_checks_logs_and_restarts_the_links(qtbot, trained_models, tmp_path, broker):
    from station.app import make_window
    from station.storage.reviews import ReviewStore
    from tests.station.people import technician

    w = make_window(trained_models, tmp_path / "data", station="bench-2", operator="tester")
    w.confirm_quit = False
    qtbot.addWidget(w)
    try:
        assert w.line is None  # nothing turned on: no link, nothing in the status bar
        w.line_settings.open()
        assert w.line_settings.dialog is None, "an operator cannot open it"
        technician(w)
        w.line_settings.open()
        d = w.line_settings.dialog
        (tmp_path / "pw").write_text(broker.password)
        d.widgets["line/mqtt/enabled"].setChecked(True)
        d.widgets["line/mqtt/port"].setValue(broker.port)
        d.widgets["line/mqtt/user"].setText(broker.user)
        d.widgets["line/mqtt/password_file"].setText(str(tmp_path / "missing"))
        assert not w.line_settings.apply(d.values())
        assert "password_file" in d.error.text() and "does not exist" in d.error.text()
        d.widgets["line/mqtt/password_file"].setText(str(tmp_path / "pw"))
        d.testRequested.emit(d.values())
        qtbot.waitUntil(lambda: d.result_label.text().startswith("MQTT: ok"), timeout=10000)
        assert w.line_settings.apply(d.values())
        qtbot.waitUntil(lambda: w.line is not None and w.line.links["mqtt"].state == "connected", timeout=10000)
        changes = [c for c in ReviewStore(w.reader).changes() if "line/mqtt" in str(c)]
        assert len(changes) >= 4 and any("Tess" in str(c) for c in changes)
    finally:
        w.shutdown()
