"""MQTT to the MES (paho-mqtt): each verdict published as JSON with QoS 1, a retained station
state (``online``, and ``offline`` as the last will), an optional trigger topic.

Every verdict goes to the outbox first (``station.line.outbox``). One sender thread publishes
the outbox in order, one message at a time, and marks it sent when the broker's PUBACK comes; a
broker that is away keeps the rest waiting, and they go out in order once it is back (also after
a restart). QoS 1 is at-least-once: a broker that dies between receiving a message and
acknowledging it gets it again after it is back, so each message carries ``seq`` (its outbox id)
for a consumer to drop a repeat. Nothing here touches Qt: the window, ``station line-test`` and
the benchmark use it alike."""

from __future__ import annotations

import json
import queue
import ssl
import threading
from typing import Callable

import paho.mqtt.client as mqtt

from station.line.config import MqttConfig
from station.line.outbox import Outbox

StateCallback = Callable[[str, str, str], None]
"""(link, state, detail): state one of connecting, connected, lost, refused."""
TriggerCallback = Callable[[str, str], None]
"""(link, part id)."""

ACK_TIMEOUT_S = 10.0


def connect_problem(reason) -> str:
    """The broker's CONNACK reason in words an operator's technician can act on."""
    text = str(reason)
    low = text.lower()
    if "password" in low or "user name" in low or "username" in low or "authori" in low:
        return f"the broker refused the user name or password (it says: {text})"
    return f"the broker refused the connection: {text}"


class MqttLink:
    name = "mqtt"

    def __init__(self, cfg: MqttConfig, station: str, outbox: Outbox,
                 on_state: StateCallback | None = None, on_trigger: TriggerCallback | None = None) -> None:
        self.cfg, self.station, self.outbox = cfg, station, outbox
        self.on_state = on_state or (lambda *a: None)
        self.on_trigger = on_trigger or (lambda *a: None)
        self.base = cfg.topic_for(station)
        self.state, self.detail = "off", ""
        self._connected = threading.Event()
        self._acked: dict[int, threading.Event] = {}
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._jobs: queue.Queue = queue.Queue()
        self.sent = 0
        self.client = self._make_client()
        self._sender = threading.Thread(target=self._send_loop, name="mqtt-sender", daemon=True)

    # ---- the client --------------------------------------------------------------------------
    def _make_client(self) -> mqtt.Client:
        c = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=f"station-{self.station or 'station'}",
                        protocol=mqtt.MQTTv311, clean_session=True)
        if self.cfg.user:
            c.username_pw_set(self.cfg.user, self.cfg.password())
        if self.cfg.tls:
            c.tls_set(ca_certs=self.cfg.ca_file or None, cert_reqs=ssl.CERT_REQUIRED)
        c.will_set(f"{self.base}/state", json.dumps({"station": self.station, "state": "offline"}), qos=1, retain=True)
        c.reconnect_delay_set(min_delay=1, max_delay=5)
        c.on_connect, c.on_disconnect, c.on_publish = self._on_connect, self._on_disconnect, self._on_publish
        c.on_connect_fail, c.on_message = self._on_connect_fail, self._on_message
        return c

    def _set(self, state: str, detail: str = "") -> None:
        if (state, detail) == (self.state, self.detail):
            return
        was = self.state
        self.state, self.detail = state, detail
        event = {"connected": "back" if was in ("lost", "refused") else "connected"}.get(state, state)
        self.outbox.log_event(event, detail)
        self.on_state(self.name, state, detail)

    def _on_connect(self, client, _userdata, _flags, reason, _props) -> None:
        if reason.is_failure:
            self._set("refused", connect_problem(reason))
            return
        client.publish(f"{self.base}/state", json.dumps({"station": self.station, "state": "online"}), qos=1, retain=True)
        if self.cfg.trigger_topic:
            client.subscribe(self.cfg.trigger_topic, qos=1)
        self._connected.set()
        self._wake.set()
        self._set("connected", f"{self.cfg.host}:{self.cfg.port}")

    def _on_connect_fail(self, _client, _userdata) -> None:
        self._set("lost", f"{self.cfg.host}:{self.cfg.port} does not answer")

    def _on_disconnect(self, _client, _userdata, _flags, reason, _props) -> None:
        self._connected.clear()
        if not self._stop.is_set() and self.state != "refused":  # a refusal stays named until it connects
            self._set("lost", f"{self.cfg.host}:{self.cfg.port}: {reason}")

    def _on_publish(self, _client, _userdata, mid, _reason, _props) -> None:
        ev = self._acked.get(mid)
        if ev is not None:
            ev.set()

    def _on_message(self, _client, _userdata, msg) -> None:
        text = msg.payload.decode("utf-8", "replace").strip()
        try:
            doc = json.loads(text)
            part = str(doc.get("part_id", "")) if isinstance(doc, dict) else str(doc)
        except ValueError:
            part = text
        self.on_trigger(self.name, part[:120])

    # ---- life --------------------------------------------------------------------------------
    def start(self) -> None:
        self._set("connecting", f"{self.cfg.host}:{self.cfg.port}")
        self.client.connect_async(self.cfg.host, self.cfg.port, keepalive=self.cfg.keepalive_s)
        self.client.loop_start()
        self._sender.start()

    def stop(self, timeout_s: float = 2.0) -> None:
        """Says ``offline`` (retained) when connected, then leaves; unsent messages stay in the outbox."""
        self._stop.set()
        self._wake.set()
        if self._sender.is_alive():
            self._sender.join(timeout_s)
        if self._connected.is_set():
            info = self.client.publish(f"{self.base}/state", json.dumps({"station": self.station, "state": "offline"}),
                                       qos=1, retain=True)
            try:
                info.wait_for_publish(timeout_s)
            except (RuntimeError, ValueError):
                pass
        self.client.disconnect()
        self.client.loop_stop()
        self.outbox.close()

    def publish(self, payload: dict, inspection_id: int | None = None) -> None:
        """Queue one verdict (any thread); the sender thread writes it to the outbox and sends it."""
        self._jobs.put((payload, inspection_id))
        self._wake.set()

    # ---- the sender thread -------------------------------------------------------------------
    def _send_loop(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(0.5)
            self._wake.clear()
            while True:
                try:
                    payload, row = self._jobs.get_nowait()
                except queue.Empty:
                    break
                self.outbox.put(payload, row)
            while self._connected.is_set() and not self._stop.is_set():
                batch = self.outbox.pending(50)
                if not batch:
                    break
                for message_id, text in batch:
                    if not self._send_one(message_id, text):
                        break
        while True:  # what came in while stopping is kept for the next start
            try:
                payload, row = self._jobs.get_nowait()
            except queue.Empty:
                break
            self.outbox.put(payload, row)

    def _send_one(self, message_id: int, text: str) -> bool:
        doc = json.loads(text)
        doc["seq"] = message_id
        ev = threading.Event()
        info = self.client.publish(f"{self.base}/verdict", json.dumps(doc, separators=(",", ":")), qos=1)
        if info.rc != mqtt.MQTT_ERR_SUCCESS:
            return False
        self._acked[info.mid] = ev
        if info.is_published():
            ev.set()
        ok = False
        while not ok and not self._stop.is_set():  # paho sends it again itself after a reconnect
            ok = ev.wait(0.2)
        self._acked.pop(info.mid, None)
        if ok:
            self.outbox.mark_sent(message_id)
            self.sent += 1
        return ok
