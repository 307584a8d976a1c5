"""Everything the shift report shows, read from the history database (no drawing here)."""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np

from engine.judging.drift import Drift, good_score_drift
from station.line.outbox import line_summary
from station.storage.shifts import Shift


@dataclass(frozen=True)
class ReportRow:
    id: int
    ts: str
    category: str
    model_id: str
    verdict: str
    score: float | None
    normalised_score: float | None
    threshold: float | None
    source: str
    image_path: str | None
    map_path: str | None
    decision: str | None
    defect_type: str | None
    reason: str | None
    decided_by: str | None


@dataclass(frozen=True)
class DayTrend:
    day: str
    parts: int
    rejects: int
    overcalls: int
    escapes: int

    @property
    def overcall_rate(self) -> float:
        return self.overcalls / self.rejects if self.rejects else 0.0


@dataclass(frozen=True)
class Handover:
    """What one shift hands the next: open items, who, and the technician's sign-off."""

    unacknowledged: list[int]
    """FAILs nobody acknowledged, by inspection id."""
    stops: list[tuple[str, str]]
    """Line stops of the shift: (time, why)."""
    operators: list[str]
    lots: list[str]
    signed: tuple[str, str, dict] | None
    """(time, technician, details: incoming operator, note) of the last sign-off, or None."""


@dataclass(frozen=True)
class ShiftData:
    shift: Shift
    category: str | None
    rows: list[ReportRow]
    counts: dict[str, int]
    defects_by_type: dict[str, int]
    overcalls: int
    confirmed: int
    undecided: int
    escapes: int
    models: dict[str, int]
    drift: Drift
    trend: list[DayTrend] = field(default_factory=list)
    masters: list[tuple[str, str, str, bool]] = field(default_factory=list)
    """Master-part checks in the shift: (time, expected, verdict, ok)."""
    camera: CameraSummary | None = None
    station_errors: int = 0
    model_facts: dict[str, str] = field(default_factory=dict)
    """model_id -> one line on how it decides (backbone, REVIEW band, false rejects, confirmed
    defects learnt from), for the models still in the models folder."""
    """ERRORs that were the station's fault (retryable), not the part's."""
    handover: Handover | None = None
    line: str = ""
    """The line links' episodes in the shift (``station.line.outbox.line_summary``); "" when none ran."""
    site: str = ""
    """The per-station comparison of a site report (``station.site.report``); "" for one station."""

    @property
    def judged(self) -> int:
        return sum(self.counts.get(k, 0) for k in ("PASS", "FAIL", "REVIEW"))

    @property
    def total(self) -> int:
        return self.judged + self.counts.get("ERROR", 0)

    def rate(self, verdict: str) -> float:
        return self.counts.get(verdict, 0) / self.judged if self.judged else 0.0

    @property
    def yield_(self) -> float:
        return self.rate("PASS")

    def worst(self, n: int = 6) -> list[ReportRow]:
        """The ``n`` rejects farthest over their threshold (raw score / threshold: the normalised
        score saturates at 1, which left the first rejects by id)."""
        judged = [r for r in self.rows if r.score is not None and r.threshold and r.verdict in ("FAIL", "REVIEW")]
        return sorted(judged, key=lambda r: (-r.score / r.threshold, r.id))[:n]


@dataclass(frozen=True)
class CameraSummary:
    """The camera's episodes in a shift: outages with their lengths (s), dropped triggers."""

    outages: list[tuple[str, str, float | None]]
    """(start time UTC, source, seconds until it delivered again; None: not back within the shift)."""
    dropped: int
    no_signal: int

    @property
    def down_s(self) -> float:
        return sum(s for *_, s in self.outages if s is not None)


def camera_summary(events: list[tuple[str, str, str, str]]) -> CameraSummary:
    """From (ts, source, event, detail) rows, oldest first: each ``lost`` paired with the next
    ``reconnected`` (or ``stopped``) of the same source."""
    open_at: dict[str, str] = {}
    outages, dropped, no_signal = [], 0, 0
    for ts, source, event, detail in events:
        if event == "lost":
            open_at.setdefault(source, ts)
        elif event in ("reconnected", "stopped") and source in open_at:
            start = open_at.pop(source)
            secs = (datetime.fromisoformat(ts) - datetime.fromisoformat(start)).total_seconds()
            outages.append((start, source, secs if event == "reconnected" else None))
        elif event == "dropped" and detail.isdigit():
            dropped += int(detail)
        elif event == "no_signal":
            no_signal += 1
    outages += [(start, source, None) for source, start in open_at.items()]
    return CameraSummary(sorted(outages), dropped, no_signal)


def _camera(db: sqlite3.Connection, start: str, end: str) -> CameraSummary:
    return camera_summary(db.execute("SELECT ts, source, event, detail FROM camera_events WHERE ts >= ? AND ts < ? "
                                     "ORDER BY id", (start, end)).fetchall())


def _station_errors(db: sqlite3.Connection, start: str, end: str, category: str | None) -> int:
    sql = "SELECT COUNT(*) FROM inspections WHERE ts >= ? AND ts < ? AND error_cause = 'station'"
    args: tuple = (start, end)
    if category:
        sql, args = sql + " AND category = ?", (*args, category)
    return int(db.execute(sql, args).fetchone()[0])


_ROWS = """
SELECT i.id, i.ts, i.category, i.model_id, i.verdict, i.score, i.normalised_score, i.threshold, i.source,
       i.image_path, i.map_path, d.decision, d.defect_type, d.reason, d.who
FROM inspections i
LEFT JOIN decisions d ON d.id = (SELECT MAX(id) FROM decisions WHERE inspection_id = i.id)
WHERE i.ts >= ? AND i.ts < ? AND i.source_kind IS NOT 'master' {cat}
ORDER BY i.id
"""


def _rows(db: sqlite3.Connection, start: str, end: str, category: str | None) -> list[ReportRow]:
    sql = _ROWS.format(cat="AND i.category = ?" if category else "")
    args = (start, end, category) if category else (start, end)
    return [ReportRow(*r) for r in db.execute(sql, args).fetchall()]


def _escapes(rows: list[ReportRow], masters: list[tuple[str, str, str, bool]]) -> int:
    """Defects the station let through: PASS parts later confirmed defective, master defects passed."""
    return sum(1 for r in rows if r.verdict == "PASS" and r.decision == "defect") + \
        sum(1 for _t, exp, verdict, _ok in masters if exp == "defect" and verdict == "PASS")


def _masters(db: sqlite3.Connection, start: str, end: str, category: str | None) -> list[tuple[str, str, str, bool]]:
    sql = "SELECT ts, expected, verdict, ok FROM master_checks WHERE ts >= ? AND ts < ?"
    args: tuple = (start, end)
    if category:
        sql, args = sql + " AND category = ?", (*args, category)
    return [(t, e, v, bool(o)) for t, e, v, o in db.execute(sql + " ORDER BY id", args)]


def _handover(db: sqlite3.Connection, start: str, end: str) -> Handover:
    import json

    from station.storage.bench_log import bench_events, unacknowledged_fails

    unack = unacknowledged_fails(db, start, end)
    events = bench_events(db, start, end)
    operators = [r[0] for r in db.execute("SELECT DISTINCT operator FROM inspections WHERE ts >= ? AND ts < ? AND "
                                          "operator IS NOT NULL ORDER BY operator", (start, end))]
    lots = [r[0] for r in db.execute("SELECT DISTINCT lot FROM inspections WHERE ts >= ? AND ts < ? AND lot IS NOT NULL "
                                     "ORDER BY lot", (start, end))]
    signs = [(e.ts, e.who, json.loads(e.detail or "{}")) for e in events if e.event == "handover signed"]
    return Handover(unack, [(e.ts, e.detail) for e in events if e.event == "line stopped"], operators, lots,
                    signs[-1] if signs else None)


def model_facts(models_dir: str | Path | None, model_ids) -> dict[str, str]:
    """One line per model version in ``model_ids`` found in ``models_dir``'s version manifests."""
    import json

    wanted, out = set(model_ids), {}
    if not models_dir or not wanted:
        return out
    for path in Path(models_dir).glob("*/versions/*/manifest.json"):
        try:
            m = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if m.get("model_id") not in wanted:
            continue
        thr, known = m.get("threshold") or {}, m.get("known_defects")
        parts = [str((m.get("backbone") or {}).get("name", "?")), f"threshold {thr.get('value', 0):.3f} ({thr.get('method')})"]
        if thr.get("frr_interval"):
            lo, hi = thr["frr_interval"]
            parts.append(f"false rejects {100 * lo:.1f}-{100 * hi:.1f} %")
        if thr.get("expected_review_load") is not None:
            parts.append(f"REVIEW band ~{100 * thr['expected_review_load']:.1f} % of good parts")
        if known:
            parts.append(f"learnt from {known['confirmed']} confirmed defects"
                         + (", likeness score on" if known.get("known_threshold") else ""))
        out[m["model_id"]] = "; ".join(parts)
    return out


def collect(db: sqlite3.Connection, shift: Shift, category: str | None = None, trend_days: int = 7,
            models_dir: str | Path | None = None) -> ShiftData:
    """The report's facts for ``shift`` (and ``category``, or all) from an open history database;
    ``models_dir``: where the versions named in it are described from."""
    rows = _rows(db, shift.start_utc, shift.end_utc, category)
    episodes = db.execute("PRAGMA user_version").fetchone()[0] >= 4  # error causes and camera events logged
    masters = _masters(db, shift.start_utc, shift.end_utc, category)
    counts = Counter(r.verdict for r in rows)
    rejects = [r for r in rows if r.verdict in ("FAIL", "REVIEW")]
    defects = Counter(r.defect_type for r in rejects if r.decision == "defect")
    judged = np.array([r.normalised_score for r in rows if r.normalised_score is not None and r.verdict != "ERROR"])
    trend = []
    for k in range(trend_days - 1, -1, -1):
        day_end = shift.end - timedelta(days=k)
        day_start = day_end - timedelta(days=1)
        day_rows = _rows(db, _utc(day_start), _utc(day_end), category)
        day_masters = _masters(db, _utc(day_start), _utc(day_end), category)
        rj = [r for r in day_rows if r.verdict in ("FAIL", "REVIEW")]
        trend.append(DayTrend(f"{day_end:%m-%d}", len(day_rows), len(rj),
                              sum(1 for r in rj if r.decision == "good"), _escapes(day_rows, day_masters)))
    return ShiftData(
        shift=shift, category=category, rows=rows, counts=dict(counts), defects_by_type=dict(defects.most_common()),
        overcalls=sum(1 for r in rejects if r.decision == "good"), confirmed=sum(defects.values()),
        undecided=sum(1 for r in rejects if r.decision is None), escapes=_escapes(rows, masters),
        models=dict(Counter(r.model_id for r in rows if r.model_id)), drift=good_score_drift(judged),
        model_facts=model_facts(models_dir, {r.model_id for r in rows if r.model_id}),
        trend=trend, masters=masters, camera=_camera(db, shift.start_utc, shift.end_utc) if episodes else None,
        station_errors=_station_errors(db, shift.start_utc, shift.end_utc, category) if episodes else 0,
        handover=_handover(db, shift.start_utc, shift.end_utc)
        if db.execute("PRAGMA user_version").fetchone()[0] >= 5 else None,
        line=line_summary(db, shift.start_utc, shift.end_utc))


def _utc(t) -> str:
    from datetime import timezone

    return t.astimezone(timezone.utc).isoformat(timespec="milliseconds")


def open_readonly(data_dir: str | Path) -> sqlite3.Connection:
    """The station's history database opened read-only (the report never writes)."""
    path = Path(data_dir) / "history.sqlite"
    if not path.is_file():
        raise FileNotFoundError(f"no history database at {path}")
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)
