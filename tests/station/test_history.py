"""SQLite history: schema version, migrations, error rows, stored maps, watched-file memory."""

from __future__ import annotations

import numpy as np

from engine.types import InspectionResult, Timing, Verdict, error_result
from station.storage.history import SCHEMA_VERSION, HistoryStore, load_map


def test_records_results_and_errors(tmp_path):
    h = HistoryStore(tmp_path, "st", "op")
    assert h.schema_version == SCHEMA_VERSION
    amap = np.random.default_rng(0).random((20, 30)).astype(np.float32)
    ok = InspectionResult(source="x.png", verdict=Verdict.FAIL, score=3.0, normalised_score=0.9, threshold=2.0,
                          category="c", model_id="m", anomaly_map=amap, image=np.zeros((20, 30, 3), np.uint8),
                          timing=Timing(total_ms=12.0))
    a = h.record(ok)
    b = h.record(error_result("y.png", "y.png: file is empty (0 bytes)", "c", "m"))
    rows = h.latest()
    assert [r.id for r in rows] == [b, a]
    assert rows[0].verdict == "ERROR" and "empty" in rows[0].error
    assert np.allclose(load_map(rows[1]), amap, atol=1e-3)
    assert rows[1].thumbnail[:2] == b"\xff\xd8"
    assert h.counts() == {"PASS": 0, "FAIL": 1, "REVIEW": 0, "ERROR": 1}
    assert [r.id for r in h.latest(verdict="FAIL")] == [a]
    h.close()
    # reopening keeps every record and does not migrate twice
    h2 = HistoryStore(tmp_path)
    assert len(h2.latest()) == 2 and h2.schema_version == SCHEMA_VERSION


def test_watched_files_are_remembered(tmp_path):
    h = HistoryStore(tmp_path)
    assert not h.already_seen("/a.png", 10, 5)
    h.mark_seen("/a.png", 10, 5, 1)
    assert h.already_seen("/a.png", 10, 5)
    assert not h.already_seen("/a.png", 11, 6)  # rewritten file is new
