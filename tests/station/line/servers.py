"""Real line servers for the tests, each on a free loopback port in a temporary folder: a
Mosquitto broker (Debian package ``mosquitto``; skipped with the reason where it is not
installed) that can be stopped and started again mid-test, with its sessions kept on disk."""

from __future__ import annotations

import getpass
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

MOSQUITTO = shutil.which("mosquitto") or ("/usr/sbin/mosquitto" if Path("/usr/sbin/mosquitto").exists() else None)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port: int, up: bool = True, timeout_s: float = 10.0) -> None:
    end = time.monotonic() + timeout_s
    while time.monotonic() < end:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                if up:
                    return
        except OSError:
            if not up:
                return
        time.sleep(0.05)
    raise TimeoutError(f"port {port} not {'open' if up else 'closed'} after {timeout_s} s")


class Broker:
    """``mosquitto`` with user ``line`` / password ``secret`` and anonymous access refused."""

    user, password = "line", "secret"

    def __init__(self, folder: Path, tls: bool = False) -> None:
        if MOSQUITTO is None:
            pytest.skip("mosquitto is not installed (Debian package mosquitto; .ci/run installs it)")
        self.folder, self.port = folder, free_port()
        folder.mkdir(parents=True, exist_ok=True)
        pw = folder / "passwords"
        subprocess.run(["mosquitto_passwd", "-b", "-c", str(pw), self.user, self.password], check=True,
                       capture_output=True)
        pw.chmod(0o600)
        (folder / "mosquitto.conf").write_text(
            f"user {getpass.getuser()}\n"  # run as root (CI), it would drop to 'mosquitto', who cannot write here
            f"listener {self.port} 127.0.0.1\nallow_anonymous false\npassword_file {pw}\n"
            f"persistence true\npersistence_location {folder}/\nautosave_interval 1\n"
            f"log_dest file {folder}/mosquitto.log\n" + (self._tls_lines(folder) if tls else ""))
        self.proc: subprocess.Popen | None = None
        self.start()

    def _tls_lines(self, folder: Path) -> str:
        """A CA of its own and a server certificate for 127.0.0.1 signed by it (``self.ca``)."""
        self.ca = folder / "ca.pem"
        key, cert = make_certificate(folder, "server", "127.0.0.1", self.ca)
        return f"cafile {self.ca}\ncertfile {cert}\nkeyfile {key}\n"

    def start(self) -> None:
        self.proc = subprocess.Popen([MOSQUITTO, "-c", str(self.folder / "mosquitto.conf")],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_port(self.port)
        except TimeoutError:
            self.stop()
            log = self.folder / "mosquitto.log"
            pytest.skip(f"mosquitto did not start: {log.read_text()[-300:] if log.exists() else 'no log'}")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()  # SIGTERM: it saves its sessions and queued messages first
            self.proc.wait(10)
        self.proc = None
        wait_port(self.port, up=False)


class Listener:
    """An MES stand-in: a persistent MQTT session that collects what the station publishes."""

    def __init__(self, broker: Broker, topic: str, client_id: str = "mes") -> None:
        import paho.mqtt.client as mqtt

        self.messages: list[tuple[str, bytes, bool]] = []
        self.connected = self.subscribed = 0
        c = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=client_id, protocol=mqtt.MQTTv311,
                        clean_session=False)
        c.username_pw_set(broker.user, broker.password)
        c.reconnect_delay_set(0.2, 1)

        def on_connect(client, *_):
            self.connected += 1
            client.subscribe(topic, qos=1)

        def on_subscribe(*_):
            self.subscribed += 1

        c.on_connect, c.on_subscribe = on_connect, on_subscribe
        c.on_message = lambda _c, _u, m: self.messages.append((m.topic, m.payload, m.retain))
        c.connect("127.0.0.1", broker.port)
        c.loop_start()
        self.client = c
        deadline = time.monotonic() + 5
        while not self.subscribed and time.monotonic() < deadline:  # SUBACK: nothing published from now is missed
            time.sleep(0.02)

    def close(self) -> None:
        self.client.disconnect()
        self.client.loop_stop()


def make_certificate(folder: Path, name: str, host: str, ca_path: Path) -> tuple[Path, Path]:
    """(key, certificate) PEM files for ``host``, signed by a new CA written to ``ca_path``."""
    import datetime
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.datetime.now(datetime.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"{name} test CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number()).not_valid_before(now).not_valid_after(now + datetime.timedelta(days=2))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True).sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder().subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host)]))
            .issuer_name(ca_name).public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now).not_valid_after(now + datetime.timedelta(days=2))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(host))]), critical=False)
            .sign(ca_key, hashes.SHA256()))
    ca_path.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    key_path, cert_path = folder / f"{name}.key", folder / f"{name}.pem"
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                                           serialization.NoEncryption()))
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key_path, cert_path
