"""An OPC UA server for the PLC (asyncua), in its own thread with its own event loop.

Nodes under ``Objects/Station`` (namespace ``urn:inspection-station``): Ready, Busy, Trigger,
PartId, ResultValid, ResultAck, Verdict, VerdictCode (1 PASS, 2 FAIL, 3 REVIEW, 4 ERROR), Score,
Threshold, Category, ModelVersion, ResultCounter, Heartbeat (once a second), ErrorText,
BusyRefusals. The handshake, as PLC programmers expect it:

1. the PLC waits for Ready and not Busy, writes PartId, then Trigger = true;
2. the station takes it: Trigger = false, Busy = true, ResultValid = false;
3. with the verdict: Verdict, VerdictCode, Score, ... then ResultCounter + 1, ResultValid = true,
   Busy = false;
4. the PLC reads them and writes ResultAck = true; the station clears ResultValid and ResultAck.

A trigger while Busy is refused: Trigger = false, BusyRefusals + 1, ErrorText says so.

Security: anonymous clients may read and browse, never write. Writes need the user and password
of ``line/opcua`` (checked against its PBKDF2 hash). By default the only endpoint is
Basic256Sha256 with Sign & Encrypt; the server's certificate is made at first start and kept
(``opcua-server-cert.der`` / ``-key.pem`` in the certificate folder)."""

from __future__ import annotations

import asyncio
import socket
import threading
from pathlib import Path
from typing import Callable

from asyncua import Server, ua
from asyncua.common.callback import CallbackType
from asyncua.crypto import permission_rules as rules
from asyncua.crypto.cert_gen import setup_self_signed_certificate
from asyncua.crypto.permission_rules import User, UserRole
from cryptography.x509.oid import ExtendedKeyUsageOID

from station.line.config import OpcUaConfig
from station.roles import check_pin

NAMESPACE = "urn:inspection-station"
VERDICT_CODES = {"PASS": 1, "FAIL": 2, "REVIEW": 3, "ERROR": 4}
NODES = {  # name: (variant type, initial value, PLC may write)
    "Ready": (ua.VariantType.Boolean, False, False), "Busy": (ua.VariantType.Boolean, False, False),
    "Trigger": (ua.VariantType.Boolean, False, True), "PartId": (ua.VariantType.String, "", True),
    "ResultValid": (ua.VariantType.Boolean, False, False), "ResultAck": (ua.VariantType.Boolean, False, True),
    "Verdict": (ua.VariantType.String, "", False), "VerdictCode": (ua.VariantType.Int32, 0, False),
    "Score": (ua.VariantType.Double, 0.0, False), "Threshold": (ua.VariantType.Double, 0.0, False),
    "Category": (ua.VariantType.String, "", False), "ModelVersion": (ua.VariantType.String, "", False),
    "ResultCounter": (ua.VariantType.UInt32, 0, False), "Heartbeat": (ua.VariantType.UInt32, 0, False),
    "ErrorText": (ua.VariantType.String, "", False), "BusyRefusals": (ua.VariantType.UInt32, 0, False),
}


class _ReadOnlyAnonymous(rules.PermissionRuleset):
    """Users read and write; anonymous clients read, browse and subscribe, never write or call."""

    def __init__(self) -> None:
        user = set(map(ua.NodeId, rules.USER_TYPES))
        no = {ua.NodeId(ua.ObjectIds.WriteRequest_Encoding_DefaultBinary),
              ua.NodeId(ua.ObjectIds.CallRequest_Encoding_DefaultBinary)}
        self.allowed = {UserRole.Admin: user, UserRole.User: user, UserRole.Anonymous: user - no}

    def check_validity(self, user, action_type, body) -> bool:
        return action_type in self.allowed.get(user.role if user else UserRole.Anonymous, set())


class _PlcUsers:
    def __init__(self, cfg: OpcUaConfig, on_refused: Callable[[str], None]) -> None:
        self.cfg, self.on_refused = cfg, on_refused

    def get_user(self, iserver, username=None, password=None, certificate=None):
        if username is None:
            return User(role=UserRole.Anonymous)
        if username == self.cfg.user and self.cfg.password_hash and check_pin(password or "", self.cfg.password_hash):
            return User(role=UserRole.User, name=username)
        self.on_refused(f"user {username!r}: wrong user name or password")
        return None


class OpcUaLink:
    name = "opcua"

    def __init__(self, cfg: OpcUaConfig, station: str, events, cert_dir: Path,
                 on_state=None, on_trigger=None) -> None:
        self.cfg, self.station, self.events = cfg, station, events
        self.cert_dir = Path(cfg.cert_dir or cert_dir)
        self.on_state = on_state or (lambda *a: None)
        self.on_trigger = on_trigger or (lambda *a: None)
        self.endpoint = f"opc.tcp://{cfg.host}:{cfg.port}/station"
        self.state, self.detail = "off", ""
        self.loop: asyncio.AbstractEventLoop | None = None
        self.nodes: dict = {}
        self.server: Server | None = None
        self._counts = {"ResultCounter": 0, "BusyRefusals": 0}
        """The two counters the station alone writes, kept here: no read before each write."""
        self._started = threading.Event()
        self._ready = False
        self._stop: asyncio.Event | None = None
        self._thread = threading.Thread(target=self._run, name="opcua-server", daemon=True)

    # ---- called from the station's side (any thread) -----------------------------------------
    def start(self) -> None:
        """Returns at once; the state says ``listening`` once the server is up (``wait_started``)."""
        self._thread.start()

    def wait_started(self, timeout_s: float = 20.0) -> bool:
        return self._started.wait(timeout_s)

    def stop(self) -> None:
        if self._thread.is_alive() and self.loop is not None and self._stop is not None:
            self.loop.call_soon_threadsafe(self._stop.set)
            self._thread.join(10)

    def _call(self, coro_fn, *args) -> None:
        if self.loop is not None and self.loop.is_running():
            asyncio.run_coroutine_threadsafe(coro_fn(*args), self.loop)

    def set_ready(self, ready: bool) -> None:
        self._ready = ready
        self._call(self._write, {"Ready": ready})

    def accept(self, part_id: str) -> None:
        self._call(self._write, {"Trigger": False, "ResultValid": False, "Busy": True, "ErrorText": ""})

    def refuse(self, detail: str) -> None:
        self._call(self._refuse, detail)

    def publish(self, payload: dict, inspection_id: int | None = None) -> None:
        self._call(self._result, payload)

    # ---- the server's loop -------------------------------------------------------------------
    def _set(self, state: str, detail: str = "") -> None:
        self.state, self.detail = state, detail
        self.events.log_event(state, detail)
        self.on_state(self.name, state, detail)

    def _run(self) -> None:
        try:
            asyncio.run(self._main())
        except Exception as exc:  # a port in use, a certificate that cannot be written: named, the station goes on
            self._set("refused", f"{self.endpoint}: {exc}")
            self._started.set()

    async def _main(self) -> None:
        self.loop, self._stop = asyncio.get_running_loop(), asyncio.Event()
        self.server = server = Server(user_manager=_PlcUsers(self.cfg, lambda d: self.events.log_event("refused", d)))
        await server.init()
        server.set_endpoint(self.endpoint)
        server.set_server_name(f"Inspection station {self.station}".strip())
        if self.cfg.security == "sign_encrypt":
            policies = [ua.SecurityPolicyType.Basic256Sha256_SignAndEncrypt]
            self.cert_dir.mkdir(parents=True, exist_ok=True)
            cert, key = self.cert_dir / "opcua-server-cert.der", self.cert_dir / "opcua-server-key.pem"
            await setup_self_signed_certificate(key, cert, "urn:inspection-station:server", socket.gethostname(),
                                                [ExtendedKeyUsageOID.SERVER_AUTH], {"commonName": "inspection-station"})
            await server.load_certificate(str(cert))
            await server.load_private_key(str(key))
        else:
            policies = [ua.SecurityPolicyType.NoSecurity]
        server.set_security_policy(policies, permission_ruleset=_ReadOnlyAnonymous())
        server.set_identity_tokens([ua.AnonymousIdentityToken, ua.UserNameIdentityToken])
        ns = await server.register_namespace(NAMESPACE)
        obj = await server.nodes.objects.add_object(ns, "Station")
        for name, (vtype, value, writable) in NODES.items():
            node = await obj.add_variable(ua.NodeId(name, ns), name, ua.Variant(value, vtype))
            if writable:
                await node.set_writable()
            self.nodes[name] = node
        self._by_id = {node.nodeid: name for name, node in self.nodes.items()}
        server.iserver.subscribe_server_callback(CallbackType.PostWrite, self._on_write)
        async with server:
            await self._write({"Ready": self._ready})
            self._set("listening", self.endpoint)
            self._started.set()
            beat = 0
            while not self._stop.is_set():
                try:
                    await asyncio.wait_for(self._stop.wait(), 1.0)
                except asyncio.TimeoutError:
                    beat += 1
                    await self._write({"Heartbeat": beat})
        self._set("off", "stopped")

    async def _write(self, values: dict) -> None:
        """The station's own writes, in order, straight into the address space (the server's
        fast path: no internal session, no write callbacks; subscribers are told as usual)."""
        for name, value in values.items():
            await self.server.write_attribute_value(self.nodes[name].nodeid,
                                                    ua.DataValue(ua.Variant(value, NODES[name][0])))

    def _read(self, name: str):
        return self.server.read_attribute_value(self.nodes[name].nodeid).Value.Value

    async def _on_write(self, event, _dispatcher) -> None:
        for item, status in zip(event.request_params.NodesToWrite, event.response_params or []):
            if not status.is_good():
                continue
            name = self._by_id.get(item.NodeId)
            if name == "Trigger" and item.Value.Value.Value is True:
                self.on_trigger(self.name, str(self._read("PartId")))
            elif name == "ResultAck" and item.Value.Value.Value is True:
                await self._write({"ResultValid": False, "ResultAck": False})

    async def _refuse(self, detail: str) -> None:
        self._counts["BusyRefusals"] += 1
        await self._write({"Trigger": False, "BusyRefusals": self._counts["BusyRefusals"], "ErrorText": detail})

    async def _result(self, msg: dict) -> None:
        self._counts["ResultCounter"] += 1
        await self._write({
            "Verdict": msg.get("verdict", ""), "VerdictCode": VERDICT_CODES.get(msg.get("verdict", ""), 0),
            "Score": float(msg.get("score") or 0.0), "Threshold": float(msg.get("threshold") or 0.0),
            "Category": msg.get("category", ""), "ModelVersion": msg.get("model_version", ""),
            "ErrorText": msg.get("error") or "", "PartId": msg.get("part_id", ""),
        })
        await self._write({"ResultCounter": self._counts["ResultCounter"], "ResultValid": True, "Busy": False})
