"""A real PostgreSQL for the tests (Debian package ``postgresql``; skipped with the reason where it
is not installed): ``initdb`` in a temporary folder, loopback only, a free port, password login
(scram-sha-256). Run as root (CI), the server runs as the ``postgres`` user, as PostgreSQL
requires. It can be stopped and started again mid-test."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.station.line.servers import free_port, wait_port

BIN = (sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name)) or [None])[-1]
OWNER, OWNER_PASSWORD = "site_owner", "owner-pw"


class Postgres:
    def __init__(self) -> None:
        if BIN is None or shutil.which("initdb", path=BIN) is None:
            pytest.skip("PostgreSQL is not installed (Debian package postgresql; .ci/run installs it)")
        pytest.importorskip("psycopg")
        # its own folder under /tmp: pytest's are private to root, and the server runs as 'postgres'
        self.folder, self.port = Path(tempfile.mkdtemp(prefix="station-pg-")), free_port()
        folder = self.folder
        self.as_user: list[str] = []
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            try:
                pwd.getpwnam("postgres")
            except KeyError:
                pytest.skip("running as root and there is no 'postgres' user to run PostgreSQL as")
            shutil.chown(folder, "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]
        pw = folder / "pw"
        pw.write_text(OWNER_PASSWORD)
        if self.as_user:
            shutil.chown(pw, "postgres")
        self._run("initdb", "-D", str(folder / "data"), "-U", OWNER, "--pwfile", str(pw), "-A", "scram-sha-256",
                  "--no-sync", "-E", "UTF8")
        with open(folder / "data" / "postgresql.conf", "a") as conf:
            conf.write(f"listen_addresses = '127.0.0.1'\nport = {self.port}\nunix_socket_directories = '{folder}'\n"
                       "fsync = off\nfull_page_writes = off\n")
        self.start()
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, dbname="postgres", user=OWNER,
                             password=OWNER_PASSWORD, autocommit=True) as c:
            c.execute("CREATE DATABASE inspection_site")

    def _run(self, tool: str, *args: str) -> None:
        r = subprocess.run([*self.as_user, f"{BIN}/{tool}", *args], capture_output=True, text=True)
        if r.returncode != 0:
            pytest.skip(f"{tool} failed: {(r.stderr or r.stdout).strip()[-300:]}")

    def start(self) -> None:
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-l", str(self.folder / "log"), "-w", "start")
        wait_port(self.port)

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop")
        wait_port(self.port, up=False)

    def remove(self) -> None:
        try:
            self.stop()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def connect(self, user: str = OWNER, password: str = OWNER_PASSWORD, dbname: str = "inspection_site"):
        import psycopg

        return psycopg.connect(host="127.0.0.1", port=self.port, dbname=dbname, user=user, password=password,
                               autocommit=True, connect_timeout=3)
