"""The MQTT link against a real Mosquitto broker on a loopback port: in order, once, through a
broker that goes away mid-shift; a wrong password named; the retained state; the trigger topic."""

from __future__ import annotations

import json
import time

import pytest

from station.line.config import MqttConfig
from station.line.mqtt_link import MqttLink
from station.line.outbox import Outbox, line_summary
from tests.station.line.servers import Broker, Listener


def wait_for(cond, timeout_s: float = 15.0) -> None:
    end = time.monotonic() + timeout_s
    while not cond():
        if time.monotonic() > end:
            raise AssertionError("timed out")
        time.sleep(0.02)


@pytest.fixture
def broker(tmp_path):
    b = Broker(tmp_path / "broker")
    yield b
    b.stop()


def _link(broker, tmp_path, password="secret", **kw):
    pw = tmp_path / "mqtt-password"
    pw.write_text(password + "\n")
    cfg = MqttConfig(port=broker.port, user=broker.user, password_file=str(pw), **kw)
    states, triggers = [], []
    link = MqttLink(cfg, "bench-1", Outbox(tmp_path / "data", "mqtt", "bench-1"),
                    on_state=lambda n, s, d: states.append((s, d)), on_trigger=lambda n, p: triggers.append(p))
    return link, states, triggers


def _verdicts(listener):
    return [json.loads(p) for t, p, _ in listener.messages if t.endswith("/verdict")]


def test_every_verdict_arrives_once_in_order_through_a_broker_outage(broker, tmp_path):
    mes = Listener(broker, "station/#")
    link, states, _ = _link(broker, tmp_path)
    link.start()
    try:
        wait_for(lambda: link.state == "connected")
        for i in range(3):
            link.publish({"part_id": f"P{i}", "verdict": "PASS"}, i)
        wait_for(lambda: len(_verdicts(mes)) == 3)
        broker.stop()
        wait_for(lambda: link.state == "lost")
        for i in range(3, 10):  # the shift goes on while the broker is away
            link.publish({"part_id": f"P{i}", "verdict": "FAIL" if i % 3 == 0 else "PASS"}, i)
        wait_for(lambda: link.outbox.count_pending() == 7)
        broker.start()
        wait_for(lambda: len(_verdicts(mes)) >= 10, 30)
        time.sleep(0.5)  # a repeat would come now
        got = _verdicts(mes)
        assert [m["part_id"] for m in got] == [f"P{i}" for i in range(10)]
        assert [m["seq"] for m in got] == sorted({m["seq"] for m in got})
        assert link.outbox.count_pending() == 0
        assert ("lost" in [s for s, _ in states]) and states[-1][0] == "connected"
        events = [e for (e,) in link.outbox.db.execute("SELECT event FROM line_events ORDER BY id")]
        assert events[:2] == ["connecting", "connected"] and "lost" in events and events[-1] == "back"
        summary = line_summary(link.outbox.db, "2000-01-01", "9999-12-31")  # the shift report's line
        assert summary.startswith("MQTT away 1x, ") and summary.endswith("0 message(s) waiting to be sent")
    finally:
        link.stop()
        mes.close()


def test_messages_left_unsent_go_out_after_a_restart(broker, tmp_path):
    mes = Listener(broker, "station/+/verdict")
    broker.stop()
    link, _, _ = _link(broker, tmp_path)
    link.start()
    for i in range(4):
        link.publish({"part_id": f"Q{i}", "verdict": "PASS"}, i)
    wait_for(lambda: link.outbox.count_pending() == 4)
    link.stop()  # the station closes with the broker still away
    broker.start()
    again, _, _ = _link(broker, tmp_path)
    again.start()
    try:
        wait_for(lambda: len(_verdicts(mes)) == 4, 30)
        assert [m["part_id"] for m in _verdicts(mes)] == ["Q0", "Q1", "Q2", "Q3"]
    finally:
        again.stop()
        mes.close()


def test_a_wrong_password_is_refused_and_named(broker, tmp_path):
    link, states, _ = _link(broker, tmp_path, password="wrong")
    link.start()
    try:
        wait_for(lambda: link.state == "refused")
        assert "refused the user name or password" in link.detail
    finally:
        link.stop()


def test_the_retained_state_and_the_trigger_topic(broker, tmp_path):
    link, _, triggers = _link(broker, tmp_path, trigger_topic="line/trigger")
    link.start()
    wait_for(lambda: link.state == "connected")
    late = Listener(broker, "station/bench-1/state", client_id="late")
    try:
        wait_for(lambda: late.messages)  # live or retained, depending on who was first: the broker has it now
        later = Listener(broker, "station/bench-1/state", client_id="later")  # retained: a late subscriber sees it
        wait_for(lambda: later.messages)
        later.close()
        assert json.loads(later.messages[-1][1])["state"] == "online" and later.messages[-1][2]
        late.client.publish("line/trigger", json.dumps({"part_id": "PLC-42"}), qos=1)
        late.client.publish("line/trigger", "PLC-43", qos=1)
        wait_for(lambda: len(triggers) == 2)
        assert triggers == ["PLC-42", "PLC-43"]
    finally:
        link.stop()
        wait_for(lambda: any(json.loads(p)["state"] == "offline" for _, p, _ in late.messages))
        late.close()


def test_tls_to_the_broker_and_a_certificate_it_cannot_trust(tmp_path):
    from station.line.check import check_mqtt
    from tests.station.line.servers import make_certificate

    broker = Broker(tmp_path / "tls-broker", tls=True)
    try:
        (tmp_path / "pw").write_text("secret")
        cfg = MqttConfig(port=broker.port, user=broker.user, password_file=str(tmp_path / "pw"), tls=True,
                         ca_file=str(broker.ca))
        ok, line = check_mqtt(cfg, "bench-1")
        assert ok and "over TLS" in line, line
        link, states, _ = _link(broker, tmp_path, tls=True, ca_file=str(broker.ca))
        link.start()
        try:
            wait_for(lambda: link.state == "connected")
            link.publish({"part_id": "T1", "verdict": "PASS"}, 1)
            wait_for(lambda: link.outbox.count_pending() == 0)
        finally:
            link.stop()
        other = tmp_path / "other-ca.pem"
        make_certificate(tmp_path, "other", "127.0.0.1", other)
        ok, line = check_mqtt(MqttConfig(port=broker.port, user=broker.user, password_file=str(tmp_path / "pw"),
                                         tls=True, ca_file=str(other)), "bench-1")
        assert not ok and line.startswith("TLS: ") and "CERTIFICATE_VERIFY_FAILED" in line.upper().replace(" ", "_")
    finally:
        broker.stop()
