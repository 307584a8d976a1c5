"""The shift report from a scripted history: counts, decisions, files, and the command line."""

from __future__ import annotations

import csv
import json

from engine.judging.inspector import Inspector
from station.cli.main import main
from station.storage.history import HistoryStore
from station.report import collect, write_report
from station.report.shift_data import open_readonly
from station.storage.reviews import ReviewStore
from station.storage.shifts import resolve_shift


def _shift_history(trained_models, demo_data, data_dir):
    insp = Inspector.load(trained_models, "washer")
    store = HistoryStore(data_dir, "bench-1", "op")
    review = ReviewStore(store)
    ids = {}
    for kind in ("good", "scratch", "stain"):
        for p in sorted((demo_data / "test" / kind).iterdir()):
            ids[str(p)] = (kind, store.record(insp.inspect_path(p, keep_image=True)))
    rejected = [(k, i) for k, i in ids.values() if store.get(i).verdict in ("FAIL", "REVIEW")]
    for n, (kind, i) in enumerate(rejected):
        if kind == "good":
            review.decide(i, "Tess", "technician", "good", reason="over-call")
        elif n % 2 == 0:
            review.decide(i, "Tess", "technician", "defect", defect_type=kind)
    store.close()
    return ids, rejected


def test_report_counts_decisions_and_writes_every_file(trained_models, demo_data, tmp_path):
    data_dir = tmp_path / "data"
    ids, rejected = _shift_history(trained_models, demo_data, data_dir)
    shift = resolve_shift("current")
    db = open_readonly(data_dir)
    d = collect(db, shift, "washer")
    db.close()
    assert d.total == len(ids) and sum(d.counts.values()) == len(ids)
    assert d.confirmed == sum(d.defects_by_type.values()) and set(d.defects_by_type) <= {"scratch", "stain"}
    assert d.overcalls == sum(1 for k, _ in rejected if k == "good")
    assert d.undecided == len(rejected) - d.confirmed - d.overcalls
    assert list(d.models) == [Inspector.load(trained_models, "washer").info.model_id]
    files = write_report(d, tmp_path / "out")
    for key in ("pdf", "html", "csv", "page1", "page2", "page3"):
        assert files[key].is_file() and files[key].stat().st_size > 1000 or key == "csv"
    assert files["pdf"].read_bytes()[:5] == b"%PDF-"
    rows = list(csv.DictReader(open(files["csv"], encoding="utf-8")))
    assert len(rows) == len(ids) and {r["decided_by"] for r in rows} <= {"", "Tess"}
    assert "Over-calls found by review" in files["html"].read_text(encoding="utf-8")


def test_report_command(trained_models, demo_data, tmp_path, capsys):
    data_dir = tmp_path / "data"
    _shift_history(trained_models, demo_data, data_dir)
    assert main(["report", "--shift", "current", "--data-dir", str(data_dir), "--out", str(tmp_path / "r")]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["parts"] > 0 and (tmp_path / "r" / "report.pdf").is_file()
    assert main(["report", "--shift", "2026-11-23/Lunch", "--data-dir", str(data_dir), "--out", str(tmp_path / "x")]) == 2
    assert "no shift called 'Lunch'" in capsys.readouterr().err
    assert main(["report", "--data-dir", str(tmp_path / "nothing"), "--out", str(tmp_path / "y")]) == 2


def test_report_and_review_help(capsys):
    import pytest

    for cmd in ("report", "review"):
        with pytest.raises(SystemExit) as exc:
            main([cmd, "--help"])
        assert exc.value.code == 0
    text = capsys.readouterr().out
    assert "--shift" in text and "YYYY-MM-DD/Name" in text and "review mode" in text


def test_camera_outages_dropped_triggers_and_station_faults_are_in_the_report(tmp_path):
    from engine.types import error_result
    from station.report.shift_data import camera_summary
    from station.report.writers import kpis

    events = [("2026-11-23T06:00:00.000+00:00", "camera 0", "connected", ""),
              ("2026-11-23T06:10:00.000+00:00", "camera 0", "lost", "stopped delivering frames"),
              ("2026-11-23T06:10:42.500+00:00", "camera 0", "reconnected", "after 42.5 s"),
              ("2026-11-23T06:11:00.000+00:00", "camera 0", "dropped", "7"),
              ("2026-11-23T07:00:00.000+00:00", "camera 0", "lost", "a read blocked for 2.1 s"),
              ("2026-11-23T07:00:01.000+00:00", "camera 0", "dropped", "2")]
    c = camera_summary(events)
    assert c.outages == [(events[1][0], "camera 0", 42.5), (events[4][0], "camera 0", None)]
    assert c.dropped == 9 and c.down_s == 42.5
    store = HistoryStore(tmp_path, "bench-1")
    for ts, source, event, detail in events:
        store.record_camera_event(source, event, detail, ts=ts)
    store.record(error_result("a.png", "internal error", "washer", cause="station"), ts="2026-11-23T06:30:00.000+00:00")
    store.record(error_result("b.png", "not an image", "washer"), ts="2026-11-23T06:31:00.000+00:00")
    store.close()
    db = open_readonly(tmp_path)
    d = collect(db, resolve_shift("2026-11-22T12:00..2026-11-24T12:00"), "washer")  # any time zone
    db.close()
    lines = dict(kpis(d))
    assert lines["Camera"] == "2 outage(s), 42 s down, 1 not back; 9 trigger(s) dropped"
    assert lines["ERROR (not judged)"] == "2  (1 station faults, retryable)"
