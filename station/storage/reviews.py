"""Technicians' records in the history database: decisions, the change log, model-version events,
defect types, master parts. A verdict row is never changed; every decision is a new row, and a
revised decision points at the one it supersedes.
"""

from __future__ import annotations

from dataclasses import dataclass

from station.storage.history import _SELECT, HistoryRow, HistoryStore, utc_now

DEFAULT_DEFECT_TYPES = ("scratch", "crack", "dent", "contamination", "missing part", "colour", "other")
OVERRULE_REASONS = ("over-call", "lighting", "dirt on the lens", "part misplaced", "reflection", "other")
DECISIONS = ("defect", "good")
"""defect: the reject was real (with a type); good: overruled (with a reason)."""


@dataclass(frozen=True)
class Decision:
    id: int
    inspection_id: int
    ts: str
    who: str
    role: str
    decision: str
    defect_type: str | None
    reason: str | None
    note: str | None
    context: str
    """"review" (technician after the shift) or "bench" (operator settling a REVIEW part)."""
    supersedes: int | None


@dataclass(frozen=True)
class Change:
    id: int
    ts: str
    who: str
    role: str | None
    subject: str
    old_value: str | None
    new_value: str | None
    why: str | None


_DEC = "SELECT id, inspection_id, ts, who, role, decision, defect_type, reason, note, context, supersedes FROM decisions"


class ReviewStore:
    """Queries over one HistoryStore's connection (same thread as the store)."""

    def __init__(self, history: HistoryStore) -> None:
        self.history = history
        self.db = history.db

    # ---- the review queue ---------------------------------------------------------------------
    def queue(self, start_utc: str, end_utc: str, category: str | None = None,
              verdicts: tuple[str, ...] = ("FAIL", "REVIEW")) -> list[HistoryRow]:
        """The shift's rejects and REVIEW parts, worst first: highest raw score over its threshold
        (the normalised score saturates at 1 and would leave them in id order)."""
        marks = ",".join("?" * len(verdicts))
        sql = f"{_SELECT} WHERE ts >= ? AND ts < ? AND verdict IN ({marks}) AND source_kind IS NOT 'master'"
        args: list = [start_utc, end_utc, *verdicts]
        if category:
            sql += " AND category = ?"
            args.append(category)
        rows = self.db.execute(sql + " ORDER BY score / NULLIF(threshold, 0) DESC, id", args).fetchall()
        return [HistoryRow(*r) for r in rows]

    # ---- decisions ----------------------------------------------------------------------------
    def decide(self, inspection_id: int, who: str, role: str, decision: str, defect_type: str | None = None,
               reason: str | None = None, note: str | None = None, context: str = "review") -> int:
        """A new decision on an inspection (the verdict row is not touched); returns its id."""
        if decision not in DECISIONS:
            raise ValueError(f"decision must be one of {DECISIONS}, got {decision!r}")
        if decision == "defect" and not defect_type:
            raise ValueError("a confirmed defect needs a defect type")
        if decision == "good" and not reason:
            raise ValueError("an overruled reject needs a reason")
        if self.history.get(inspection_id) is None:
            raise ValueError(f"no inspection #{inspection_id}")
        prev = self.latest(inspection_id)
        with self.db:
            cur = self.db.execute(
                "INSERT INTO decisions (inspection_id, ts, who, role, decision, defect_type, reason, note, context, "
                "supersedes) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (inspection_id, utc_now(), who, role, decision, defect_type, reason, note, context,
                 prev.id if prev else None))
        return int(cur.lastrowid)

    def latest(self, inspection_id: int) -> Decision | None:
        r = self.db.execute(f"{_DEC} WHERE inspection_id=? ORDER BY id DESC LIMIT 1", (inspection_id,)).fetchone()
        return Decision(*r) if r else None

    def latest_for(self, ids: list[int]) -> dict[int, Decision]:
        """The standing decision of each inspection in ``ids`` that has one."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self.db.execute(f"{_DEC} WHERE id IN (SELECT MAX(id) FROM decisions WHERE inspection_id IN ({marks}) "
                               "GROUP BY inspection_id)", ids).fetchall()
        return {r[1]: Decision(*r) for r in rows}

    def decisions(self, inspection_id: int) -> list[Decision]:
        """Every decision on an inspection, oldest first (revisions included)."""
        return [Decision(*r) for r in self.db.execute(f"{_DEC} WHERE inspection_id=? ORDER BY id", (inspection_id,))]

    # ---- defect types -------------------------------------------------------------------------
    def defect_types(self, category: str) -> list[str]:
        """The defaults, the types added for ``category`` and those already used in its decisions."""
        added = [r[0] for r in self.db.execute(
            "SELECT name FROM defect_types WHERE category=? UNION SELECT d.defect_type FROM decisions d "
            "JOIN inspections i ON i.id = d.inspection_id WHERE i.category=? AND d.defect_type IS NOT NULL "
            "AND d.context = 'review' ORDER BY 1", (category, category))]
        return list(DEFAULT_DEFECT_TYPES[:-1]) + [a for a in added if a not in DEFAULT_DEFECT_TYPES] + ["other"]

    def add_defect_type(self, category: str, name: str) -> None:
        name = " ".join(name.split())
        if not name or len(name) > 40:
            raise ValueError("a defect type needs 1 to 40 characters")
        with self.db:
            self.db.execute("INSERT OR IGNORE INTO defect_types VALUES (?, ?)", (category, name))

    # ---- the change log -----------------------------------------------------------------------
    def log_change(self, who: str, role: str, subject: str, old: object, new: object, why: str = "") -> int:
        with self.db:
            cur = self.db.execute("INSERT INTO changes (ts, who, role, subject, old_value, new_value, why) "
                                  "VALUES (?,?,?,?,?,?,?)", (utc_now(), who, role, subject,
                                                             None if old is None else str(old),
                                                             None if new is None else str(new), why))
        return int(cur.lastrowid)

    def changes(self, limit: int = 500) -> list[Change]:
        rows = self.db.execute("SELECT id, ts, who, role, subject, old_value, new_value, why FROM changes "
                               "ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
        return [Change(*r) for r in rows]

    def log_version(self, category: str, model_id: str, version: str, event: str, who: str, note: str = "") -> None:
        with self.db:
            self.db.execute("INSERT INTO model_versions (ts, category, model_id, version, event, who, note) "
                            "VALUES (?,?,?,?,?,?,?)", (utc_now(), category, model_id, version, event, who, note))

    # ---- recent scores (threshold preview, drift) --------------------------------------------
    def recent_scores(self, category: str, limit: int) -> list[tuple[int, float, str]]:
        """(id, raw score, verdict) of the last ``limit`` judged parts of ``category``, newest first."""
        rows = self.db.execute("SELECT id, score, verdict FROM inspections WHERE category=? AND verdict != 'ERROR' "
                               "AND score IS NOT NULL AND source_kind IS NOT 'master' ORDER BY id DESC LIMIT ?",
                               (category, limit)).fetchall()
        return [(int(i), float(s), str(v)) for i, s, v in rows]

    def confirmed_defects(self, category: str) -> list[str]:
        """Image paths of ``category``'s confirmed real defects: parts whose standing decision is
        "defect", then master defects; each once, only those still on disk."""
        from pathlib import Path

        rows = self.db.execute(
            "SELECT i.image_path FROM inspections i JOIN decisions d ON d.inspection_id = i.id "
            "WHERE i.category=? AND d.decision='defect' AND i.image_path IS NOT NULL AND d.id = "
            "(SELECT MAX(id) FROM decisions WHERE inspection_id = i.id) ORDER BY i.id", (category,)).fetchall()
        masters = [p for _, p, e in self.masters(category) if e == "defect"]
        return [p for p in dict.fromkeys([r[0] for r in rows] + masters) if Path(p).is_file()]

    # ---- master parts -------------------------------------------------------------------------
    def add_master(self, category: str, path: str, expected: str, who: str) -> None:
        """A known-good (``expected`` = "good") or known-defect ("defect") image of ``category``."""
        from engine.model_store.store import sha256_file

        if expected not in ("good", "defect"):
            raise ValueError(f"a master part is 'good' or 'defect', not {expected!r}")
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO masters (category, path, expected, sha256, ts, who) "
                            "VALUES (?,?,?,?,?,?)", (category, path, expected, sha256_file(path), utc_now(), who))

    def masters(self, category: str) -> list[tuple[int, str, str]]:
        """(id, path, expected) of the category's master parts."""
        return [(int(i), p, e) for i, p, e in self.db.execute(
            "SELECT id, path, expected FROM masters WHERE category=? ORDER BY expected DESC, id", (category,))]

    def record_master_check(self, category: str, master_id: int, inspection_id: int, expected: str,
                            verdict: str, who: str) -> bool:
        """Log one master part's result; True when the station judged it as expected."""
        ok = (verdict == "PASS") if expected == "good" else (verdict in ("FAIL", "REVIEW"))
        with self.db:
            self.db.execute("INSERT INTO master_checks (ts, category, master_id, inspection_id, expected, verdict, ok, who) "
                            "VALUES (?,?,?,?,?,?,?,?)", (utc_now(), category, master_id, inspection_id, expected, verdict,
                                                        int(ok), who))
        return ok

    def master_checked_since(self, category: str, since_utc: str) -> bool:
        return self.db.execute("SELECT 1 FROM master_checks WHERE category=? AND ts >= ? LIMIT 1",
                               (category, since_utc)).fetchone() is not None
