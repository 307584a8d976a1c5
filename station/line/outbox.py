"""The line's outbox: every message for a link is written here before it is sent, and marked
sent only once the other side has it (MQTT: the broker's PUBACK). A link that is away keeps its
messages; they go out in order, once each, when it is back, also after a restart.

It lives in the history database (``line_outbox``, ``line_events``: migration 7), on its own
connection, so the thread that sends can use it while the window logs inspections."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

from station.storage.history import utc_now


class Outbox:
    def __init__(self, data_dir: str | Path, link: str, station: str = "") -> None:
        from station.storage.history import HistoryStore

        HistoryStore(data_dir).close()  # creates or migrates the schema
        self.link, self.station = link, station
        self.db = sqlite3.connect(Path(data_dir) / "history.sqlite", timeout=10, isolation_level=None,
                                  check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.lock = threading.Lock()
        """One connection, used by the link's sender thread and its network callbacks in turn."""

    def close(self) -> None:
        self.db.close()

    def put(self, payload: dict, inspection_id: int | None = None) -> int:
        with self.lock:
            cur = self.db.execute("INSERT INTO line_outbox (ts, link, inspection_id, payload) VALUES (?,?,?,?)",
                                  (utc_now(), self.link, inspection_id, json.dumps(payload, separators=(",", ":"))))
        return int(cur.lastrowid)

    def pending(self, limit: int = 100) -> list[tuple[int, str]]:
        """(id, payload JSON) not yet sent, oldest first."""
        with self.lock:
            return self.db.execute("SELECT id, payload FROM line_outbox WHERE link = ? AND sent_ts IS NULL "
                                   "ORDER BY id LIMIT ?", (self.link, limit)).fetchall()

    def count_pending(self) -> int:
        with self.lock:
            return int(self.db.execute("SELECT COUNT(*) FROM line_outbox WHERE link = ? AND sent_ts IS NULL",
                                       (self.link,)).fetchone()[0])

    def mark_sent(self, message_id: int) -> None:
        with self.lock:
            self.db.execute("UPDATE line_outbox SET sent_ts = ? WHERE id = ?", (utc_now(), message_id))

    def log_event(self, event: str, detail: str = "") -> None:
        """A link episode (connected, lost, back, refused, busy, ...) for the shift report."""
        with self.lock:
            self.db.execute("INSERT INTO line_events (ts, station, link, event, detail) VALUES (?,?,?,?,?)",
                            (utc_now(), self.station, self.link, event, detail))


def line_events(db: sqlite3.Connection, start: str, end: str) -> list[tuple[str, str, str, str]]:
    """(ts, link, event, detail) of [start, end), oldest first."""
    try:
        return db.execute("SELECT ts, link, event, detail FROM line_events WHERE ts >= ? AND ts < ? ORDER BY id",
                          (start, end)).fetchall()
    except sqlite3.OperationalError:  # a database from before migration 7
        return []


def line_summary(db: sqlite3.Connection, start: str, end: str) -> str:
    """One line for the shift report: each link's outages (and seconds away), refused triggers,
    verdicts the I/O could not signal, and messages still waiting; "" when no link ran."""
    from datetime import datetime

    events = line_events(db, start, end)
    if not events:
        return ""
    names = {"mqtt": "MQTT", "opcua": "OPC UA", "modbus": "Modbus"}
    away: dict[str, str] = {}
    outages: dict[str, list[float | None]] = {}
    refused = not_signalled = 0
    for ts, link, event, _ in events:
        if event == "lost":
            away.setdefault(link, ts)
        elif event in ("back", "connected") and link in away:
            began = away.pop(link)
            outages.setdefault(link, []).append((datetime.fromisoformat(ts) - datetime.fromisoformat(began)).total_seconds())
        refused += event == "trigger refused"
        not_signalled += event == "not signalled"
    for link in away:
        outages.setdefault(link, []).append(None)
    parts = []
    for link, spans in sorted(outages.items()):
        down = sum(s for s in spans if s is not None)
        still = sum(s is None for s in spans)
        parts.append(f"{names.get(link, link)} away {len(spans)}x, {down:.0f} s" + (f" ({still} not back)" if still else ""))
    if not parts:
        parts.append("no link lost")
    parts.append(f"{refused} trigger(s) refused")
    if not_signalled:
        parts.append(f"{not_signalled} verdict(s) not signalled to the I/O")
    waiting = db.execute("SELECT COUNT(*) FROM line_outbox WHERE sent_ts IS NULL").fetchone()[0]
    parts.append(f"{waiting} message(s) waiting to be sent")
    return "; ".join(parts)
