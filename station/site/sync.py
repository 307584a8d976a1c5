"""Shipping a station's log to the site PostgreSQL: offline first, idempotent, resumable, in order.

The station's SQLite history stays its own log and never waits for the site. For each shipped
table (``schema.SHIPPED``) a cursor in the local database (``site_cursor``, migration 8) says the
last local id the site has. A round reads the rows after it, oldest first, in batches; each batch
goes to PostgreSQL in one transaction (``INSERT ... ON CONFLICT DO NOTHING`` on station id +
local id) and only then moves the cursor. A round cut anywhere (the server gone, the station
killed) is run again from the cursor: a row the site already has is skipped, none is lost, and
the order of local ids is kept. Images and maps stay on the station (their paths are shipped)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from station.site.schema import SHIPPED

BATCH = 2000


@dataclass(frozen=True)
class SyncReport:
    shipped: dict[str, int]
    """Rows sent this round, per table."""
    waiting: int
    """Rows the site does not have yet (all tables), after the round."""
    oldest_waiting: str | None
    """Time (UTC, ISO) of the oldest inspection not yet shipped; None when none waits."""
    error: str = ""
    """Why the round stopped early ("" when it reached the end)."""


def _local(data_dir: Path) -> sqlite3.Connection:
    from station.storage.history import HistoryStore

    HistoryStore(data_dir).close()  # creates or migrates the schema (site_cursor included)
    db = sqlite3.connect(Path(data_dir) / "history.sqlite", timeout=10, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    return db


def _cursor(db: sqlite3.Connection, table: str) -> int:
    row = db.execute("SELECT last_id FROM site_cursor WHERE tbl = ?", (table,)).fetchone()
    return int(row[0]) if row else 0


def waiting(db: sqlite3.Connection) -> tuple[int, str | None]:
    """(rows not yet at the site, time of the oldest inspection among them)."""
    total = 0
    for table, _ in SHIPPED:
        total += db.execute(f"SELECT COUNT(*) FROM {table} WHERE id > ?", (_cursor(db, table),)).fetchone()[0]
    oldest = db.execute("SELECT MIN(ts) FROM inspections WHERE id > ?", (_cursor(db, "inspections"),)).fetchone()[0]
    return total, oldest


class SiteSync:
    """One station's shipping; ``connect`` gives a psycopg connection as the station's own role."""

    def __init__(self, data_dir: str | Path, station_id: str, connect) -> None:
        self.data_dir, self.station_id, self.connect = Path(data_dir), station_id, connect

    def run(self, max_batches: int | None = None) -> SyncReport:
        db = _local(self.data_dir)
        shipped = {t: 0 for t, _ in SHIPPED}
        error = ""
        batches = 0
        try:
            pg = self.connect()
        except Exception as exc:  # psycopg.OperationalError and the socket's own: the site is away
            n, oldest = waiting(db)
            db.close()
            return SyncReport(shipped, n, oldest, f"site database not reachable: {first_line(exc)}")
        try:
            for table, cols in SHIPPED:
                names = [c for c, _ in cols]
                local_cols = {r[1] for r in db.execute(f"PRAGMA table_info({table})")}
                picked = [c if c in local_cols else "NULL" for c in names]
                insert = (f"INSERT INTO {table} (station_id, local_id, {', '.join(names)}) VALUES "
                          f"(%s, %s, {', '.join(['%s'] * len(names))}) ON CONFLICT DO NOTHING")
                while max_batches is None or batches < max_batches:
                    last = _cursor(db, table)
                    rows = db.execute(f"SELECT id, {', '.join(picked)} FROM {table} WHERE id > ? ORDER BY id LIMIT ?",
                                      (last, BATCH)).fetchall()
                    if not rows:
                        break
                    with pg.transaction():
                        with pg.cursor() as cur:
                            cur.executemany(insert, [(self.station_id, *r) for r in rows])
                        pg.execute("INSERT INTO stations (station_id, last_seen, shipped_to) VALUES (%s, %s, %s) "
                                   "ON CONFLICT (station_id) DO UPDATE SET last_seen = EXCLUDED.last_seen, "
                                   "shipped_to = GREATEST(stations.shipped_to, EXCLUDED.shipped_to)",
                                   (self.station_id, _now(), rows[-1][1 + names.index("ts")]))
                    db.execute("INSERT INTO site_cursor (tbl, last_id) VALUES (?, ?) ON CONFLICT (tbl) "
                               "DO UPDATE SET last_id = excluded.last_id", (table, rows[-1][0]))
                    shipped[table] += len(rows)
                    batches += 1
        except Exception as exc:  # the server went away mid-round: the cursor holds what it has
            error = f"stopped: {first_line(exc)}"
        finally:
            try:
                pg.close()
            except Exception:
                pass
        n, oldest = waiting(db)
        db.close()
        return SyncReport(shipped, n, oldest, error)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def first_line(exc: BaseException) -> str:
    """An exception's first line (psycopg's messages run on with hints), or its type's name."""
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
