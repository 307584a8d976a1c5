"""Shipping to a real PostgreSQL: idempotent and in order; the server stopped in the middle of a
sync and started again, twice, loses nothing and doubles nothing; a station cannot write another
station's rows; the site report covers every station."""

from __future__ import annotations

import threading
import time

import pytest

from engine.types import InspectionResult, Verdict
from station.site import sync as site_sync
from station.site.sync import SiteSync
from station.storage.history import HistoryStore


def _log(data_dir, n: int, station: str) -> HistoryStore:
    h = HistoryStore(data_dir, station=station, operator="op")
    for k in range(n):
        verdict = (Verdict.PASS, Verdict.FAIL, Verdict.REVIEW)[k % 3]
        h.record(InspectionResult(source=f"part{k:04d}.png", verdict=verdict, score=1.0 + k % 7, normalised_score=0.3,
                                  threshold=5.0, category="washer", model_id="washer-v1"))
    return h


def _sync(pg, data_dir, station):
    return SiteSync(data_dir, station, lambda: pg.connect(station, f"{station}-pw"))


def _site_ids(pg, station):
    with pg.connect() as c:
        return [r[0] for r in c.execute("SELECT local_id FROM inspections WHERE station_id = %s ORDER BY local_id",
                                        (station,)).fetchall()]


def test_shipping_is_idempotent_and_in_order(pg, tmp_path):
    _log(tmp_path, 40, "bench_1").close()
    first = _sync(pg, tmp_path, "bench_1").run()
    assert first.shipped["inspections"] == 40 and first.waiting == 0 and first.error == ""
    assert _sync(pg, tmp_path, "bench_1").run().shipped["inspections"] == 0  # nothing twice
    assert _site_ids(pg, "bench_1") == list(range(1, 41))


def test_the_server_stopped_mid_sync_twice_loses_nothing_and_doubles_nothing(pg, tmp_path, monkeypatch):
    monkeypatch.setattr(site_sync, "BATCH", 10)
    h = _log(tmp_path, 600, "bench_2")
    for stop_at in (100, 300):
        result = {}
        t = threading.Thread(target=lambda: result.setdefault("r", _sync(pg, tmp_path, "bench_2").run()))
        t.start()
        end = time.monotonic() + 60
        while site_sync._cursor(h.db, "inspections") < stop_at and t.is_alive():
            assert time.monotonic() < end
            time.sleep(0.005)
        pg.stop()  # immediate: in the middle of a batch's transaction
        t.join(30)
        assert result["r"].error, "the round noticed"
        away = _sync(pg, tmp_path, "bench_2").run()
        assert away.error.startswith("site database not reachable") and away.waiting > 0
        pg.start()
    h.record(InspectionResult(source="late.png", verdict=Verdict.PASS, score=1.0, normalised_score=0.1, threshold=5.0,
                              category="washer", model_id="washer-v1"))
    final = _sync(pg, tmp_path, "bench_2").run()
    assert final.error == "" and final.waiting == 0
    assert _site_ids(pg, "bench_2") == list(range(1, 602))  # every row once, none missing
    h.close()


def test_a_station_writes_its_own_rows_only(pg, tmp_path):
    import psycopg

    with pg.connect("bench_3", "bench_3-pw") as c:
        c.execute("INSERT INTO inspections (station_id, local_id, ts, verdict) VALUES ('bench_3', 1, '2026-12-07', 'PASS')")
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            c.execute("INSERT INTO inspections (station_id, local_id, ts, verdict) "
                      "VALUES ('bench_1', 999, '2026-12-07', 'FAIL')")
        assert {r[0] for r in c.execute("SELECT station_id FROM inspections").fetchall()} == {"bench_3"}
    with pg.connect("quality", "quality-pw") as c:
        assert len({r[0] for r in c.execute("SELECT station_id FROM inspections").fetchall()}) >= 2
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            c.execute("INSERT INTO inspections (station_id, local_id, ts, verdict) VALUES ('x', 1, '2026', 'PASS')")


def test_the_site_report_covers_every_station(pg, tmp_path, capsys):
    from station.cli.main import main
    from tests.station.site.conftest import site_settings

    a, b = tmp_path / "a", tmp_path / "b"
    _log(a, 30, "bench_4").close()
    _sync(pg, a, "bench_4").run()
    q = tmp_path / "quality"
    site_settings(q, pg, "quality", "quality-pw")
    assert main(["report", "--site", "--shift", "current", "--data-dir", str(q), "--out", str(b)]) == 0
    assert (b / "report.pdf").is_file()
    csv = (b / "inspections.csv").read_text()
    assert "bench_4" in csv or "part0001.png" in csv
    html = (b / "report.html").read_text()
    assert "Stations" in html and "bench_4: 30 parts" in html


def test_the_window_ships_its_parts_and_shows_the_lag(pg, qtbot, trained_models, demo_data, tmp_path):
    from station.app import make_window
    from tests.station.site.conftest import site_settings
    from tests.station.test_window import _images

    data = tmp_path / "data"
    site_settings(data, pg, "bench_5", "bench_5-pw", every_s=2)
    w = make_window(trained_models, data, station="bench-5", operator="tester")
    w.confirm_quit, w.hold_ms = False, 0
    qtbot.addWidget(w)
    try:
        qtbot.waitUntil(lambda: w.model_info is not None, timeout=20000)
        w.submit_paths(_images(demo_data, "good")[:3])
        qtbot.waitUntil(lambda: len(_site_ids(pg, "bench_5")) == 3, timeout=20000)
        qtbot.waitUntil(lambda: w.site.label.text() == "Site: 0 waiting", timeout=10000)
        pg.stop()
        try:
            w.submit_paths(_images(demo_data, "good")[3:4])  # the station goes on while the site is away
            qtbot.waitUntil(lambda: w.site.last is not None and w.site.last.error != "", timeout=20000)
            qtbot.waitUntil(lambda: "Site: away, 1 waiting" in w.site.label.text(), timeout=20000)
        finally:
            pg.start()
        qtbot.waitUntil(lambda: len(_site_ids(pg, "bench_5")) == 4, timeout=20000)
    finally:
        w.shutdown()
