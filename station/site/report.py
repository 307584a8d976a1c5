"""The site's shift report: every station's rows of a shift from PostgreSQL, as one report.

The rows are copied into an in-memory SQLite database with the station's own schema (each
row keeps its station's name; ids are renumbered, decisions follow their inspection), so the
site report is the same report a station writes (``station.report``), from the same code,
plus a per-station comparison."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import timedelta

from station.site.schema import SHIPPED
from station.storage.history import MIGRATIONS


@dataclass(frozen=True)
class StationRow:
    station: str
    parts: int
    passed: int
    failed: int
    review: int
    errors: int
    last_seen: str | None

    @property
    def yield_(self) -> float:
        judged = self.passed + self.failed + self.review
        return self.passed / judged if judged else 0.0


def snapshot(pg, start: str, end: str, trend_days: int = 7) -> sqlite3.Connection:
    """An in-memory history holding the site's rows of [start - trend_days, end)."""
    from datetime import datetime

    since = (datetime.fromisoformat(start) - timedelta(days=trend_days)).isoformat(timespec="milliseconds")
    mem = sqlite3.connect(":memory:")
    for script in MIGRATIONS:
        mem.executescript(script)
    mem.execute(f"PRAGMA user_version={len(MIGRATIONS)}")
    cols = dict(SHIPPED)
    names = [c for c, _ in cols["inspections"]]
    ids: dict[tuple[str, int], int] = {}
    rows = pg.execute(f"SELECT station_id, local_id, {', '.join(names)} FROM inspections WHERE ts >= %s AND ts < %s "
                      "ORDER BY ts, station_id, local_id", (since, end)).fetchall()
    retest = names.index("retest_of")
    for new_id, (station_id, local_id, *values) in enumerate(rows, start=1):
        ids[(station_id, local_id)] = new_id
    for new_id, (station_id, local_id, *values) in enumerate(rows, start=1):
        if values[retest] is not None:
            values[retest] = ids.get((station_id, values[retest]))
        mem.execute(f"INSERT INTO inspections (id, {', '.join(names)}) VALUES (?, {', '.join('?' * len(names))})",
                    (new_id, *values))
    d_names = [c for c, _ in cols["decisions"]]
    for station_id, _local, *values in pg.execute(
            f"SELECT station_id, local_id, {', '.join(d_names)} FROM decisions WHERE ts >= %s ORDER BY station_id, local_id",
            (since,)).fetchall():
        inspection = ids.get((station_id, values[0]))
        if inspection is not None:
            values[0] = inspection
            values[-1] = None  # ``supersedes``: decisions are read newest first, which holds without it
            mem.execute(f"INSERT INTO decisions ({', '.join(d_names)}) VALUES ({', '.join('?' * len(d_names))})", values)
    for table in ("changes", "camera_events", "bench_events", "line_events"):
        t_names = [c for c, _ in cols[table]]
        for values in pg.execute(f"SELECT {', '.join(t_names)} FROM {table} WHERE ts >= %s AND ts < %s ORDER BY ts",
                                 (since, end)).fetchall():
            mem.execute(f"INSERT INTO {table} ({', '.join(t_names)}) VALUES ({', '.join('?' * len(t_names))})", values)
    mem.commit()
    return mem


def stations(pg, start: str, end: str) -> list[StationRow]:
    """Per station: parts, PASS, FAIL, REVIEW, ERROR in [start, end), and when it last shipped."""
    rows = pg.execute(
        "SELECT s.station_id, COUNT(i.local_id), COUNT(*) FILTER (WHERE i.verdict = 'PASS'), "
        "COUNT(*) FILTER (WHERE i.verdict = 'FAIL'), COUNT(*) FILTER (WHERE i.verdict = 'REVIEW'), "
        "COUNT(*) FILTER (WHERE i.verdict = 'ERROR'), s.last_seen FROM stations s LEFT JOIN inspections i "
        "ON i.station_id = s.station_id AND i.ts >= %s AND i.ts < %s GROUP BY s.station_id, s.last_seen "
        "ORDER BY s.station_id", (start, end)).fetchall()
    return [StationRow(*r) for r in rows]


def stations_line(rows: list[StationRow]) -> str:
    return "; ".join(f"{r.station}: {r.parts} parts, yield {r.yield_:.1%}, {r.failed} FAIL" for r in rows)
