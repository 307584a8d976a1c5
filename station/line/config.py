"""The line links' settings, read from ``settings.ini`` (group ``line/``) and checked.

Every link is off until a technician turns it on. A value that cannot be used is named in one
line (``LineConfig.problems``) and its link stays off; the others still start. Secrets are never
kept in the settings file in plain text: the MQTT client reads its password from a file
(``line/mqtt/password_file``, readable by the station's user only), and the OPC UA server keeps
its user's password as a salted PBKDF2 hash (``line/opcua/password_hash``, as technicians' PINs).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class MqttConfig:
    host: str = "127.0.0.1"
    port: int = 1883
    user: str = ""
    password_file: str = ""
    tls: bool = False
    ca_file: str = ""
    topic: str = "station/{station}"
    """Verdicts go to ``<topic>/verdict`` (QoS 1), the retained state to ``<topic>/state``."""
    trigger_topic: str = ""
    """Optional: a message here (JSON with ``part_id``, or the part id as text) is a trigger."""
    keepalive_s: int = 10

    def password(self) -> str | None:
        if not self.password_file:
            return None
        return Path(self.password_file).read_text(encoding="utf-8").strip()

    def topic_for(self, station: str) -> str:
        return self.topic.replace("{station}", station or "station").rstrip("/")


@dataclass(frozen=True)
class OpcUaConfig:
    host: str = "127.0.0.1"
    port: int = 4840
    user: str = "plc"
    password_hash: str = ""
    """PBKDF2 hash of the PLC user's password (``station line-password``); empty: nobody may write."""
    security: str = "sign_encrypt"
    """``sign_encrypt`` (Basic256Sha256, Sign & Encrypt, the default) or ``none`` (a PLC that
    cannot encrypt: user and password still needed for writes)."""
    cert_dir: str = ""
    """Where the server's certificate is made at first start and kept (default: the data folder)."""


@dataclass(frozen=True)
class ModbusConfig:
    host: str = "127.0.0.1"
    port: int = 502
    unit: int = 1
    trigger_input: int = 0
    """Discrete input whose rising edge is a trigger (-1: none)."""
    coils: dict = field(default_factory=lambda: {"PASS": 0, "FAIL": 1, "REVIEW": 2, "ERROR": 3})
    pulse_ms: int = 500
    """How long a verdict's coil stays on (0: until the next verdict)."""
    poll_ms: int = 20


@dataclass(frozen=True)
class LineConfig:
    station: str = ""
    mqtt: MqttConfig | None = None
    opcua: OpcUaConfig | None = None
    modbus: ModbusConfig | None = None
    problems: tuple[str, ...] = ()

    @property
    def any(self) -> bool:
        return any((self.mqtt, self.opcua, self.modbus))


def _on(settings, key: str) -> bool:
    return str(settings.value(key, "false")).lower() in ("1", "true", "yes", "on")


class _Reader:
    """Typed reads of one link's keys; a bad value is noted, and the link is then left off."""

    def __init__(self, settings, prefix: str) -> None:
        self.s, self.prefix, self.problems = settings, prefix, []

    def text(self, key: str, default: str) -> str:
        return str(self.s.value(self.prefix + key, default)).strip()

    def integer(self, key: str, default: int, lo: int, hi: int) -> int:
        raw = self.s.value(self.prefix + key, default)
        try:
            v = int(str(raw).strip())
        except ValueError:
            self.problems.append(f"{self.prefix}{key}={raw!r} is not a whole number")
            return default
        if not lo <= v <= hi:
            self.problems.append(f"{self.prefix}{key}={v} is outside {lo}..{hi}")
            return default
        return v

    def host(self, key: str, default: str) -> str:
        h = self.text(key, default)
        if not h or any(c.isspace() for c in h):
            self.problems.append(f"{self.prefix}{key}={h!r} is not a host name or address")
        return h

    def file(self, key: str) -> str:
        p = self.text(key, "")
        if p and not Path(p).is_file():
            self.problems.append(f"{self.prefix}{key}: {p} does not exist")
        return p


def read_line_config(settings, station: str = "") -> LineConfig:
    """The links turned on in ``settings`` (a QSettings), each checked."""
    problems: list[str] = []
    links: dict[str, object] = {}
    if _on(settings, "line/mqtt/enabled"):
        r = _Reader(settings, "line/mqtt/")
        cfg = MqttConfig(host=r.host("host", "127.0.0.1"), port=r.integer("port", 1883, 1, 65535),
                         user=r.text("user", ""), password_file=r.file("password_file"),
                         tls=_on(settings, "line/mqtt/tls"), ca_file=r.file("ca_file"),
                         topic=r.text("topic", "station/{station}") or "station/{station}",
                         trigger_topic=r.text("trigger_topic", ""),
                         keepalive_s=r.integer("keepalive_s", 10, 2, 3600))
        if cfg.user and not cfg.password_file:
            r.problems.append("line/mqtt/user is set but line/mqtt/password_file is not")
        problems += r.problems
        links["mqtt"] = None if r.problems else cfg
    if _on(settings, "line/opcua/enabled"):
        r = _Reader(settings, "line/opcua/")
        cfg = OpcUaConfig(host=r.host("host", "127.0.0.1"), port=r.integer("port", 4840, 1, 65535),
                          user=r.text("user", "plc"), password_hash=r.text("password_hash", ""),
                          security=r.text("security", "sign_encrypt"), cert_dir=r.text("cert_dir", ""))
        if cfg.security not in ("sign_encrypt", "none"):
            r.problems.append(f"line/opcua/security={cfg.security!r}: use sign_encrypt or none")
        problems += r.problems
        links["opcua"] = None if r.problems else cfg
    if _on(settings, "line/modbus/enabled"):
        r = _Reader(settings, "line/modbus/")
        coils = {v: r.integer(f"coil_{v.lower()}", d, -1, 65535) for v, d in
                 (("PASS", 0), ("FAIL", 1), ("REVIEW", 2), ("ERROR", 3))}
        cfg = ModbusConfig(host=r.host("host", "127.0.0.1"), port=r.integer("port", 502, 1, 65535),
                           unit=r.integer("unit", 1, 0, 255), trigger_input=r.integer("trigger_input", 0, -1, 65535),
                           coils={k: v for k, v in coils.items() if v >= 0},
                           pulse_ms=r.integer("pulse_ms", 500, 0, 60_000), poll_ms=r.integer("poll_ms", 20, 5, 5_000))
        problems += r.problems
        links["modbus"] = None if r.problems else cfg
    name = str(settings.value("line/station", "")).strip() or station
    return LineConfig(station=name, problems=tuple(problems), **links)  # type: ignore[arg-type]

