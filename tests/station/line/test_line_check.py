"""``station line-test``: one line per link, naming what is wrong (host, port, credentials)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from station.cli.main import main
from tests.station.line.servers import Broker, free_port


@pytest.fixture
def broker(tmp_path):
    b = Broker(tmp_path / "broker")
    yield b
    b.stop()


def _settings(data, **values):
    data.mkdir(exist_ok=True)
    s = QSettings(str(data / "settings.ini"), QSettings.IniFormat)
    for k, v in values.items():
        s.setValue(k.replace("__", "/"), v)
    s.sync()


def test_line_test_says_what_works_and_what_is_wrong(broker, tmp_path, capsys):
    data = tmp_path / "data"
    (tmp_path / "pw").write_text("secret")
    (tmp_path / "bad").write_text("guess")
    _settings(data, line__mqtt__enabled="true", line__mqtt__port=broker.port, line__mqtt__user="line",
              line__mqtt__password_file=str(tmp_path / "pw"), line__opcua__enabled="true",
              line__opcua__port=free_port())
    assert main(["line-test", "--data-dir", str(data), "--station", "bench-1"]) == 6
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("MQTT: ok: connected to 127.0.0.1:") and "station/bench-1/verdict" in out[0]
    assert out[1].startswith("OPC UA: PROBLEM: no password set for the PLC user")

    _settings(data, line__mqtt__password_file=str(tmp_path / "bad"))
    main(["line-test", "--data-dir", str(data)])
    assert "MQTT: PROBLEM: the broker refused the user name or password" in capsys.readouterr().out

    dead = free_port()
    _settings(data, line__mqtt__port=dead, line__modbus__enabled="true", line__modbus__port=free_port(),
              line__opcua__port="forty")
    main(["line-test", "--data-dir", str(data)])
    out = capsys.readouterr().out
    assert f"MQTT: PROBLEM: 127.0.0.1:{dead} refused the connection (nothing listens on port {dead})" in out
    assert "settings: PROBLEM: line/opcua/port='forty' is not a whole number" in out
    assert "Modbus: PROBLEM: 127.0.0.1:" in out and "does not answer" in out


def test_line_test_with_nothing_turned_on(tmp_path, capsys):
    assert main(["line-test", "--data-dir", str(tmp_path)]) == 0
    assert "no line link is turned on" in capsys.readouterr().out
