"""One PostgreSQL for the site tests (each test uses stations and rows of its own)."""

from __future__ import annotations

import pytest

from station.site.schema import add_station, migrate
from tests.station.site.pg_server import Postgres

STATIONS = ("bench_1", "bench_2", "bench_3", "bench_4", "bench_5", "bench_6", "bench_7")


@pytest.fixture(scope="session")
def pg():
    server = Postgres()
    with server.connect() as owner:
        migrate(owner)
        for station in STATIONS:
            add_station(owner, station, f"{station}-pw")
        owner.execute("CREATE ROLE quality LOGIN PASSWORD 'quality-pw' IN ROLE site_reader")
        owner.execute("CREATE ROLE tess LOGIN PASSWORD 'tess-pw' IN ROLE site_technician")
    yield server
    server.remove()


def site_settings(data, pg, role: str, password: str, **extra) -> None:
    """``data/settings.ini`` naming the test's PostgreSQL as the site, ``role`` signing in through
    a libpq password file beside it; ``extra``: more ``site/`` keys."""
    from PySide6.QtCore import QSettings

    data.mkdir(parents=True, exist_ok=True)
    passfile = data / "pgpass"
    passfile.write_text(f"127.0.0.1:{pg.port}:inspection_site:{role}:{password}\n")
    passfile.chmod(0o600)
    s = QSettings(str(data / "settings.ini"), QSettings.IniFormat)
    for k, v in {"enabled": "true", "port": pg.port, "user": role, "passfile": str(passfile), **extra}.items():
        s.setValue(f"site/{k}", v)
    s.sync()
