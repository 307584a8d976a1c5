"""Retention of the files the station stores: camera frames, anomaly maps and explanation files
of old inspections are removed after a configurable number of days (rejects kept longer than
passes). The inspection rows, decisions and logs are never deleted; a row whose files are gone
shows "image no longer on disk". Only files under the station's data folder are touched: images
that came from the line's own folders belong to the line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from station.storage.history import HistoryStore


@dataclass(frozen=True)
class RetentionResult:
    files_removed: int
    bytes_freed: int
    inspections: int


def apply_retention(history: HistoryStore, pass_days: int, reject_days: int,
                    now: datetime | None = None) -> RetentionResult:
    """Remove stored files of PASS parts older than ``pass_days`` and of the others older than
    ``reject_days`` (0: keep forever)."""
    now = now or datetime.now(timezone.utc)
    root = history.data_dir.resolve()
    removed = freed = touched = 0
    rules = [("verdict = 'PASS'", pass_days), ("verdict != 'PASS'", reject_days)]
    for where, days in rules:
        if days <= 0:
            continue
        cutoff = (now - timedelta(days=days)).isoformat(timespec="milliseconds")
        rows = history.db.execute(f"SELECT id, image_path, map_path FROM inspections WHERE ts < ? AND {where}",
                                  (cutoff,)).fetchall()
        for row_id, image_path, map_path in rows:
            paths = [p for p in (image_path, map_path) if p]
            r = history.db.execute("SELECT files_json FROM explanations WHERE inspection_id=?", (row_id,)).fetchone()
            if r:
                paths += list(json.loads(r[0]).values())
            hit = False
            for p in paths:
                path = Path(p)
                try:
                    inside = path.resolve().is_relative_to(root)
                except OSError:
                    continue
                if inside and path.is_file():
                    freed += path.stat().st_size
                    path.unlink()
                    removed += 1
                    hit = True
            touched += hit
    return RetentionResult(removed, freed, touched)
