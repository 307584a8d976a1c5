"""The bench's own records in the history database: FAIL acknowledgements (who, when), the
bench's events (operator sign-in, a FAIL streak that stopped the line, the hand-over sign-off),
counts per lot, and re-tests linked to the part's first verdict. Every write is one transaction."""

from __future__ import annotations

from dataclasses import dataclass

from station.storage.history import HistoryStore, utc_now


@dataclass(frozen=True)
class BenchEvent:
    ts: str
    who: str
    event: str
    detail: str


def unacknowledged_fails(db, since_utc: str, until_utc: str | None = None) -> list[int]:
    """FAILs judged from ``since_utc`` (before ``until_utc``) that nobody acknowledged, oldest
    first; on any connection to the history (the report's is read-only)."""
    sql = ("SELECT i.id FROM inspections i LEFT JOIN acknowledgements a ON a.inspection_id = i.id "
           "WHERE i.verdict='FAIL' AND i.ts >= ? AND a.id IS NULL AND i.source_kind IS NOT 'master'")
    args = [since_utc]
    if until_utc:
        sql += " AND i.ts < ?"
        args.append(until_utc)
    return [int(r[0]) for r in db.execute(sql + " ORDER BY i.id", args).fetchall()]


def bench_events(db, since_utc: str, until_utc: str | None = None, event: str | None = None) -> list[BenchEvent]:
    """The bench's events from ``since_utc`` (before ``until_utc``; of one ``event`` kind), in order."""
    sql, args = "SELECT ts, who, event, detail FROM bench_events WHERE ts >= ?", [since_utc]
    if until_utc:
        sql += " AND ts < ?"
        args.append(until_utc)
    if event:
        sql += " AND event = ?"
        args.append(event)
    return [BenchEvent(*r) for r in db.execute(sql + " ORDER BY id", args).fetchall()]


class BenchStore:
    """Reads and writes through the window's history connection (the UI thread's)."""

    def __init__(self, history: HistoryStore) -> None:
        self.history = history

    @property
    def db(self):
        return self.history.db

    # ---- acknowledgements ---------------------------------------------------------------------
    def acknowledge(self, row_id: int, who: str) -> bool:
        """Record that ``who`` acknowledged FAIL ``row_id`` now; False when it was already."""
        with self.db:
            cur = self.db.execute("INSERT OR IGNORE INTO acknowledgements (inspection_id, ts, who, station) "
                                  "VALUES (?,?,?,?)", (row_id, utc_now(), who or "?", self.history.station))
        return cur.rowcount == 1

    def unacknowledged(self, since_utc: str) -> list[int]:
        """FAILs judged since ``since_utc`` (the shift's start) that nobody acknowledged, oldest first."""
        return unacknowledged_fails(self.db, since_utc)

    # ---- events ---------------------------------------------------------------------------------
    def log(self, who: str, event: str, detail: str = "") -> None:
        with self.db:
            self.db.execute("INSERT INTO bench_events (ts, station, who, event, detail) VALUES (?,?,?,?,?)",
                            (utc_now(), self.history.station, who, event, detail))

    def events(self, since_utc: str, until_utc: str | None = None, event: str | None = None) -> list[BenchEvent]:
        return bench_events(self.db, since_utc, until_utc, event)

    # ---- lots and re-tests ------------------------------------------------------------------------
    def lot_counts(self, lot: str) -> dict[str, int]:
        """Verdict -> count of the lot's parts (masters left out)."""
        rows = self.db.execute("SELECT verdict, COUNT(*) FROM inspections WHERE lot=? AND source_kind IS NOT 'master' "
                               "GROUP BY verdict", (lot,)).fetchall()
        return {v: int(n) for v, n in rows}

    def retest_of(self, row_id: int) -> int | None:
        r = self.db.execute("SELECT retest_of FROM inspections WHERE id=?", (row_id,)).fetchone()
        return int(r[0]) if r and r[0] is not None else None

    def retests(self, row_id: int) -> list[tuple[int, str]]:
        """(id, verdict) of the re-tests of inspection ``row_id``, oldest first."""
        return [(int(i), v) for i, v in self.db.execute(
            "SELECT id, verdict FROM inspections WHERE retest_of=? ORDER BY id", (row_id,)).fetchall()]
