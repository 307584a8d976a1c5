"""Trigger to verdict over the line: OPC UA and MQTT, against judging alone.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_line.py --data DATA/bottle [--models M --category bottle] \\
        [--parts 1000] [--out docs/benchmarks/line.json]

The whole window (offscreen), the category's test images as a stand-in camera. A second process
plays the PLC and the MES, as they would be other machines: an asyncua client (Basic256Sha256,
Sign & Encrypt, user and password: the station's defaults) runs the handshake for ``--parts``
parts back to back (PartId, Trigger, wait for ResultValid, ResultAck), and an MQTT subscriber
(a Mosquitto broker of the benchmark's own on a loopback port) notes when each verdict arrives.
Clocks are ``time.monotonic`` on one machine, so the two processes' times compare.

Reports p50 and p99 of: trigger to the verdict in the station (the window has taken the
worker's result), trigger to ResultValid seen by the PLC (a monitored item, 5 ms publishing
interval), trigger to the MQTT message received by the stand-in MES, and to the broker's PUBACK (the
outbox's ``sent_ts``: when any subscriber could have it; wall clock); and, in a first run of the same window without
any link, trigger (``feed.trigger``) to the window having the verdict: judging alone (and to the
worker's result, before the window logs and shows it). The PLC and MES stand-in runs at nice 19,
as it would be on another machine, but shares this machine's two cores. The explanation thread is switched off in both runs (its cost is
``bench_explain.py``'s); without a model folder the default model is trained on ``train/good``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def pct(xs: list[float], q: float) -> float:
    import numpy as np

    return round(float(np.percentile(np.asarray(xs) * 1000.0, q)), 1) if xs else float("nan")


# ---- the PLC and the MES (the second process) ----------------------------------------------------
async def _plc(endpoint: str, parts: int, certs: Path, out: Path, mqtt_port: int) -> None:
    import paho.mqtt.client as mqtt
    from asyncua import Client, ua
    from asyncua.crypto.cert_gen import setup_self_signed_certificate
    from cryptography.x509.oid import ExtendedKeyUsageOID

    arrived: dict[str, float] = {}
    sub = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id="mes-bench")
    sub.username_pw_set("line", "secret")  # the benchmark broker's user (tests/station/line/servers.py)
    sub.on_connect = lambda c, *_: c.subscribe("station/+/verdict", qos=1)
    sub.on_message = lambda _c, _u, m: arrived.setdefault(json.loads(m.payload)["part_id"], time.monotonic())
    sub.connect("127.0.0.1", mqtt_port)
    sub.loop_start()
    key, cert = certs / "plc-key.pem", certs / "plc-cert.der"
    await setup_self_signed_certificate(key, cert, "urn:plc", "localhost", [ExtendedKeyUsageOID.CLIENT_AUTH],
                                        {"commonName": "plc"})
    c = Client(endpoint, timeout=10)
    c.application_uri = "urn:plc"
    await c.set_security_string(f"Basic256Sha256,SignAndEncrypt,{cert},{key}")
    c.set_user("plc")
    c.set_password("bench")
    rows = []
    async with c:
        ns = await c.get_namespace_index("urn:inspection-station")
        n = {k: c.get_node(ua.NodeId(k, ns)) for k in ("Trigger", "PartId", "ResultValid", "ResultAck", "Ready")}
        on = ua.DataValue(ua.Variant(True, ua.VariantType.Boolean))
        while not await n["Ready"].read_value():
            await asyncio.sleep(0.05)
        valid = {True: asyncio.Event(), False: asyncio.Event()}

        class Changes:  # ResultValid as a PLC sees it: a monitored item, not a polling loop
            def datachange_notification(self, node, value, data):
                valid[bool(value)].set()

        sub_ua = await c.create_subscription(5, Changes())  # 5 ms publishing interval
        await sub_ua.subscribe_data_change(n["ResultValid"], sampling_interval=0)
        await valid[False].wait()
        for k in range(parts):
            part = f"P{k:05d}"
            valid[True].clear()
            valid[False].clear()
            await n["PartId"].write_value(ua.DataValue(ua.Variant(part, ua.VariantType.String)))
            t0, wall0 = time.monotonic(), time.time()
            await n["Trigger"].write_value(on)
            await asyncio.wait_for(valid[True].wait(), 30)
            t1 = time.monotonic()
            await n["ResultAck"].write_value(on)
            await asyncio.wait_for(valid[False].wait(), 30)
            rows.append((part, t0, t1, wall0))
    end = time.monotonic() + 10
    while len(arrived) < parts and time.monotonic() < end:
        time.sleep(0.05)
    sub.loop_stop()
    out.write_text(json.dumps({"rows": rows, "mqtt": arrived}))


# ---- the station (this process) --------------------------------------------------------------------
def _window(models: Path, data_dir: Path, frames, settings: dict):
    from PySide6.QtCore import QSettings

    from station.app import make_window

    data_dir.mkdir(parents=True, exist_ok=True)
    s = QSettings(str(data_dir / "settings.ini"), QSettings.IniFormat)
    for k, v in {"display/fail_sound": "false", "display/acknowledge_fail": "false", "bench/fail_streak": 0,
                 **settings}.items():
        s.setValue(k, v)
    s.sync()
    from bench_camera import CycleCamera

    w = make_window(models, data_dir, station="bench", operator="bench", camera_factory=lambda a: CycleCamera(frames, 30))
    w.confirm_quit, w.hold_ms = False, 0
    w.explain.on_inspected = lambda *_: None  # the judging path alone (explanations: bench_explain.py)
    w.show()
    return w


def _pump(app, until, seconds=60.0) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end and not until():
        app.processEvents()
        time.sleep(0.0005)


def run(a) -> dict:
    from PySide6.QtWidgets import QApplication

    from engine.imaging import load_image
    from station.roles import hash_pin
    from tests.station.line.servers import Broker, free_port

    app = QApplication.instance() or QApplication(sys.argv[:1])
    frames = [load_image(p) for p in sorted(Path(a.data, "test").rglob("*.png"))]
    work = Path(tempfile.mkdtemp(prefix="line-bench-"))
    models = Path(a.models) if a.models else _train(Path(a.data), work / "models", a.category)

    # judging alone: the camera triggered from here, no link
    w = _window(models, work / "alone", frames, {})
    _pump(app, lambda: w.model_info is not None)
    w.camera_button.setChecked(True)
    _pump(app, lambda: w.camera is not None and w.camera.latest is not None, 10)
    alone, worker_only, t = [], [], [0.0]
    w.worker.inspected.connect(lambda *_: worker_only.append(time.monotonic() - t[0]))  # in the worker's thread
    for _ in range(a.parts):
        t[0] = time.monotonic()
        w.feed.trigger()
        _pump(app, lambda: w.feed.camera_in_flight == 0, 30)  # the window has taken the verdict
        alone.append(time.monotonic() - t[0])
    w.camera_button.setChecked(False)
    w.shutdown()

    # the same through the line
    broker = Broker(work / "broker")
    (work / "pw").write_text(broker.password)
    opc = free_port()
    w = _window(models, work / "line", frames, {
        "line/mqtt/enabled": "true", "line/mqtt/port": broker.port, "line/mqtt/user": broker.user,
        "line/mqtt/password_file": str(work / "pw"), "line/opcua/enabled": "true", "line/opcua/port": opc,
        "line/opcua/password_hash": hash_pin("bench")})
    judged: dict[str, float] = {}
    w.line.answered.connect(lambda part, *_: judged.setdefault(part, time.monotonic()))
    _pump(app, lambda: w.model_info is not None and w.line.links["opcua"].state == "listening", 60)
    w.camera_button.setChecked(True)
    _pump(app, lambda: w.camera is not None and w.camera.latest is not None, 10)
    result = work / "plc.json"
    plc = subprocess.Popen(["nice", "-n", "19", sys.executable, __file__, "--plc", w.line.links["opcua"].endpoint, "--parts", str(a.parts),
                            "--certs", str(work), "--plc-out", str(result), "--mqtt-port", str(broker.port)])
    _pump(app, lambda: plc.poll() is not None, 60 + a.parts * 2.0)
    w.camera_button.setChecked(False)
    w.shutdown()
    broker.stop()
    got = json.loads(result.read_text())
    rows, mqtt = got["rows"], got["mqtt"]
    in_station = [judged[p] - t0 for p, t0, _, _ in rows if p in judged]
    opcua = [t1 - t0 for _, t0, t1, _ in rows]
    over_mqtt = [mqtt[p] - t0 for p, t0, _, _ in rows if p in mqtt]
    import sqlite3
    from datetime import datetime

    db = sqlite3.connect(work / "line" / "history.sqlite")
    acked = {json.loads(payload)["part_id"]: datetime.fromisoformat(sent).timestamp()
             for payload, sent in db.execute("SELECT payload, sent_ts FROM line_outbox WHERE link = 'mqtt' "
                                             "AND sent_ts IS NOT NULL")}
    db.close()
    broker_has = [acked[p] - wall0 for p, _, _, wall0 in rows if p in acked]
    return {
        "parts": a.parts, "models": str(models), "category": a.category,
        "judging_alone_ms": {"p50": pct(alone, 50), "p99": pct(alone, 99), "n": len(alone)},
        "judging_alone_worker_ms": {"p50": pct(worker_only, 50), "p99": pct(worker_only, 99), "n": len(worker_only)},
        "trigger_to_verdict_in_station_ms": {"p50": pct(in_station, 50), "p99": pct(in_station, 99), "n": len(in_station)},
        "trigger_to_opcua_result_ms": {"p50": pct(opcua, 50), "p99": pct(opcua, 99), "n": len(opcua)},
        "trigger_to_mqtt_message_ms": {"p50": pct(over_mqtt, 50), "p99": pct(over_mqtt, 99), "n": len(over_mqtt)},
        "trigger_to_mqtt_puback_ms": {"p50": pct(broker_has, 50), "p99": pct(broker_has, 99), "n": len(broker_has)},
        "line_adds_to_p50_ms": {"opcua": round(pct(opcua, 50) - pct(alone, 50), 1),
                                "mqtt": round(pct(over_mqtt, 50) - pct(alone, 50), 1)},
        "line_adds_to_worker_p50_ms": {"opcua": round(pct(opcua, 50) - pct(worker_only, 50), 1),
                                       "mqtt_puback": round(pct(broker_has, 50) - pct(worker_only, 50), 1),
                                       "mqtt_received": round(pct(over_mqtt, 50) - pct(worker_only, 50), 1)},
        "machine": {"cpu_threads": os.cpu_count()},
    }


def _train(data: Path, models: Path, category: str) -> Path:
    from engine.training import list_images, train_category

    train_category(category, list_images(data / "train" / "good"), models)
    return models


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data")
    ap.add_argument("--models")
    ap.add_argument("--category", default="bottle")
    ap.add_argument("--parts", type=int, default=1000)
    ap.add_argument("--out")
    ap.add_argument("--plc", help=argparse.SUPPRESS)
    ap.add_argument("--certs", help=argparse.SUPPRESS)
    ap.add_argument("--plc-out", help=argparse.SUPPRESS)
    ap.add_argument("--mqtt-port", type=int, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.plc:
        asyncio.run(_plc(a.plc, a.parts, Path(a.certs), Path(a.plc_out), a.mqtt_port))
        return
    out = run(a)
    print(json.dumps(out, indent=1))
    if a.out:
        Path(a.out).write_text(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
