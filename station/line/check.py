"""``station line-test``: each link turned on in the settings is tried once, and one line says
whether it works or what is wrong (host, port, certificate, credentials), with what the station
would publish. Nothing is judged, nothing is written to the history."""

from __future__ import annotations

import errno
import json
import socket
import ssl
import threading
from pathlib import Path

from station.line.config import LineConfig, ModbusConfig, MqttConfig, OpcUaConfig

SAMPLE = {"part_id": "P-0001", "inspection_id": 1, "time": "2026-12-07T08:00:00.000+00:00", "station": "",
          "category": "bottle", "model_version": "bottle-v3", "verdict": "FAIL", "score": 41.2, "threshold": 34.1,
          "regions": [{"box": [120, 88, 40, 22], "area_px": 610, "peak": [138, 97]}], "source": "camera",
          "error": None, "seq": 1}


def _socket_problem(host: str, port: int, exc: OSError) -> str:
    if isinstance(exc, socket.gaierror):
        return f"host {host!r} not found"
    if isinstance(exc, ssl.SSLError):
        return f"TLS: {exc.reason or exc}"
    if isinstance(exc, ConnectionRefusedError) or exc.errno == errno.ECONNREFUSED:
        return f"{host}:{port} refused the connection (nothing listens on port {port})"
    if isinstance(exc, (TimeoutError, socket.timeout)):
        return f"{host}:{port} does not answer (a firewall, or the wrong host)"
    return f"{host}:{port}: {exc}"


def check_mqtt(cfg: MqttConfig, station: str, timeout_s: float = 5.0) -> tuple[bool, str]:
    import paho.mqtt.client as mqtt

    from station.line.mqtt_link import connect_problem

    try:
        password = cfg.password()
    except OSError as exc:
        return False, f"password file: {exc}"
    c = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=f"station-{station or 'station'}-test",
                    protocol=mqtt.MQTTv311)
    if cfg.user:
        c.username_pw_set(cfg.user, password)
    done, answer = threading.Event(), {}

    def on_connect(_c, _u, _f, reason, _p):
        answer["reason"] = reason
        done.set()

    c.on_connect = on_connect
    try:
        if cfg.tls:
            c.tls_set(ca_certs=cfg.ca_file or None, cert_reqs=ssl.CERT_REQUIRED)
        c.connect(cfg.host, cfg.port, keepalive=cfg.keepalive_s)
    except (OSError, ValueError) as exc:
        return False, _socket_problem(cfg.host, cfg.port, exc) if isinstance(exc, OSError) else str(exc)
    c.loop_start()
    try:
        if not done.wait(timeout_s):
            return False, f"{cfg.host}:{cfg.port} accepted the connection but sent no MQTT answer in {timeout_s:.0f} s"
        if answer["reason"].is_failure:
            return False, connect_problem(answer["reason"])
    finally:
        c.disconnect()
        c.loop_stop()
    topic = cfg.topic_for(station)
    sample = json.dumps({**SAMPLE, "station": station}, separators=(",", ":"))
    return True, f"connected to {cfg.host}:{cfg.port}{' over TLS' if cfg.tls else ''}" + \
        (f" as {cfg.user}" if cfg.user else "") + f"; would publish to {topic}/verdict (QoS 1): {sample}"


def check_opcua(cfg: OpcUaConfig, cert_dir: Path) -> tuple[bool, str]:
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((cfg.host, cfg.port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return False, f"port {cfg.port} on {cfg.host} is in use by another program"
            return False, f"cannot listen on {cfg.host}:{cfg.port}: {exc.strerror or exc}"
    if not cfg.password_hash:
        return False, f"no password set for the PLC user {cfg.user!r} (line/opcua/password_hash): nobody could write"
    cert = Path(cfg.cert_dir or cert_dir) / "opcua-server-cert.der"
    if cfg.security == "sign_encrypt":
        if cert.is_file():
            from cryptography import x509

            try:
                x509.load_der_x509_certificate(cert.read_bytes())
            except ValueError as exc:
                return False, f"server certificate {cert} is damaged ({exc}): delete it to make a new one"
            where = f"certificate {cert}"
        else:
            if not cert.parent.exists() and not cert.parent.parent.exists():
                return False, f"certificate folder {cert.parent} cannot be made"
            where = f"certificate made at first start in {cert.parent}"
        mode = f"Basic256Sha256 Sign & Encrypt, {where}"
    else:
        mode = "no encryption (the password crosses the network readable)"
    return True, (f"would listen on opc.tcp://{cfg.host}:{cfg.port}/station, {mode}; user {cfg.user!r} may "
                  "write Trigger, PartId, ResultAck; anonymous clients read only")


def check_modbus(cfg: ModbusConfig) -> tuple[bool, str]:
    from pymodbus.client import ModbusTcpClient

    c = ModbusTcpClient(cfg.host, port=cfg.port, timeout=2, retries=0)
    try:
        if not c.connect():
            return False, f"{cfg.host}:{cfg.port} does not answer (nothing listens, or the wrong host)"
        if cfg.trigger_input >= 0:
            r = c.read_discrete_inputs(cfg.trigger_input, count=1, device_id=cfg.unit)
            if r.isError():
                return False, f"unit {cfg.unit} refused discrete input {cfg.trigger_input}: {r}"
            state = f"trigger input {cfg.trigger_input} is {'on' if r.bits[0] else 'off'}"
        else:
            state = "no trigger input"
    finally:
        c.close()
    coils = ", ".join(f"{v} on coil {n}" for v, n in cfg.coils.items())
    return True, f"connected to {cfg.host}:{cfg.port} unit {cfg.unit}; {state}; {coils}, pulsed {cfg.pulse_ms} ms"


def check_all(config: LineConfig, data_dir: Path) -> list[tuple[str, bool, str]]:
    """(link, ok, one line) for each link turned on, and each setting that kept one off."""
    out = [("settings", False, p) for p in config.problems]
    if config.mqtt is not None:
        out.append(("MQTT", *check_mqtt(config.mqtt, config.station)))
    if config.opcua is not None:
        out.append(("OPC UA", *check_opcua(config.opcua, data_dir)))
    if config.modbus is not None:
        out.append(("Modbus", *check_modbus(config.modbus)))
    return out
