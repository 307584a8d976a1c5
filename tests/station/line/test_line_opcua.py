"""The OPC UA server against an asyncua client playing the PLC: the trigger/result handshake,
Sign & Encrypt with a user and password, anonymous clients read-only, a wrong password named, a
PLC that drops and comes back, a trigger while busy refused and counted."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest
from asyncua import Client, ua
from asyncua.crypto.cert_gen import setup_self_signed_certificate
from cryptography.x509.oid import ExtendedKeyUsageOID

from station.line.config import OpcUaConfig
from station.line.opcua_server import NAMESPACE, OpcUaLink
from station.roles import hash_pin
from tests.station.line.servers import free_port


class Events:
    def __init__(self):
        self.logged = []

    def log_event(self, event, detail=""):
        self.logged.append((event, detail))


class FakeStation:
    """What the hub does with a trigger: take it, judge for a moment, answer (busy meanwhile)."""

    def __init__(self, judge_s=0.05):
        self.link, self.busy, self.judge_s, self.parts = None, False, judge_s, []

    def on_trigger(self, _name, part_id):
        if self.busy:
            self.link.refuse(f"trigger refused: busy with part {self.parts[-1]}")
            return
        self.busy = True
        self.parts.append(part_id)
        self.link.accept(part_id)

        def answer():
            time.sleep(self.judge_s)
            self.busy = False
            self.link.publish({"part_id": part_id, "verdict": "FAIL", "score": 3.5, "threshold": 2.0,
                               "category": "washer", "model_version": "washer-v1"})

        threading.Thread(target=answer, daemon=True).start()


@pytest.fixture
def server(tmp_path):
    station = FakeStation()
    cfg = OpcUaConfig(port=free_port(), user="plc", password_hash=hash_pin("plc-secret"))
    link = OpcUaLink(cfg, "bench-1", Events(), tmp_path / "certs", on_trigger=station.on_trigger)
    station.link = link
    link.start()
    assert link.wait_started() and link.state == "listening", link.detail
    link.set_ready(True)
    yield link, station
    link.stop()


async def _client(link, tmp_path, user="plc", password="plc-secret", secure=True) -> Client:
    c = Client(link.endpoint, timeout=10)
    if secure:
        key, cert = tmp_path / "plc-key.pem", tmp_path / "plc-cert.der"
        await setup_self_signed_certificate(key, cert, "urn:plc", "localhost", [ExtendedKeyUsageOID.CLIENT_AUTH],
                                            {"commonName": "plc"})
        c.application_uri = "urn:plc"
        await c.set_security_string(f"Basic256Sha256,SignAndEncrypt,{cert},{key}")
    if user:
        c.set_user(user)
        c.set_password(password)
    return c


async def _node(c: Client, name: str):
    ns = await c.get_namespace_index(NAMESPACE)
    return c.get_node(ua.NodeId(name, ns))


async def _wait(node, value, timeout_s=10.0):
    end = time.monotonic() + timeout_s
    while await node.read_value() != value:
        if time.monotonic() > end:
            raise AssertionError(f"{node} never became {value}")
        await asyncio.sleep(0.01)


async def _handshake(c: Client, part: str) -> tuple[str, int]:
    trig, pid, valid, ack = [await _node(c, n) for n in ("Trigger", "PartId", "ResultValid", "ResultAck")]
    await pid.write_value(ua.DataValue(ua.Variant(part, ua.VariantType.String)))
    await trig.write_value(ua.DataValue(ua.Variant(True, ua.VariantType.Boolean)))
    await _wait(valid, True)
    verdict = await (await _node(c, "Verdict")).read_value()
    counter = await (await _node(c, "ResultCounter")).read_value()
    assert await (await _node(c, "PartId")).read_value() == part
    await ack.write_value(ua.DataValue(ua.Variant(True, ua.VariantType.Boolean)))
    await _wait(valid, False)
    return verdict, counter


def test_the_plc_handshake_over_sign_and_encrypt(server, tmp_path):
    link, station = server

    async def plc():
        c = await _client(link, tmp_path)
        async with c:
            assert await (await _node(c, "Ready")).read_value() is True
            assert await _handshake(c, "P-1") == ("FAIL", 1)
            assert await _handshake(c, "P-2") == ("FAIL", 2)
            beat = await (await _node(c, "Heartbeat")).read_value()
            await asyncio.sleep(1.2)
            assert await (await _node(c, "Heartbeat")).read_value() > beat
        c2 = await _client(link, tmp_path)  # the PLC drops and comes back
        async with c2:
            assert await _handshake(c2, "P-3") == ("FAIL", 3)

    asyncio.run(plc())
    assert station.parts == ["P-1", "P-2", "P-3"]
    assert (tmp_path / "certs" / "opcua-server-cert.der").is_file()


def test_anonymous_may_read_but_not_write_and_a_wrong_password_is_refused(server, tmp_path):
    link, station = server

    async def plc():
        c = await _client(link, tmp_path, user=None)
        async with c:
            assert await (await _node(c, "Ready")).read_value() is True
            with pytest.raises(ua.UaStatusCodeError):
                await (await _node(c, "Trigger")).write_value(ua.DataValue(ua.Variant(True, ua.VariantType.Boolean)))
        bad = await _client(link, tmp_path, password="guess")
        with pytest.raises(Exception) as refused:
            await bad.connect()
        return refused

    refused = asyncio.run(plc())
    assert "BadUserAccessDenied" in repr(refused.value) or "IdentityToken" in repr(refused.value)
    assert station.parts == []
    assert any(e == "refused" and "wrong user name or password" in d for e, d in link.events.logged)


def test_a_trigger_while_busy_is_refused_and_counted(server, tmp_path):
    link, station = server
    station.judge_s = 1.0

    async def plc():
        c = await _client(link, tmp_path)
        async with c:
            trig = await _node(c, "Trigger")
            on = ua.DataValue(ua.Variant(True, ua.VariantType.Boolean))
            await trig.write_value(on)
            await _wait(await _node(c, "Busy"), True)
            await trig.write_value(on)  # the line triggers again before the verdict
            await _wait(await _node(c, "BusyRefusals"), 1)
            assert "busy" in await (await _node(c, "ErrorText")).read_value()
            await _wait(await _node(c, "ResultValid"), True, 5)

    asyncio.run(plc())
    assert len(station.parts) == 1
