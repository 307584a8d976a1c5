"""Technicians' review by keyboard, learning from it as a new model version, and the threshold role."""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from PySide6.QtCore import Qt

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, trained_models, tmp_path):
    from station.app import make_window

    models = tmp_path / "models"
    shutil.copytree(trained_models, models)
    w = make_window(models, tmp_path / "data", station="bench-1", operator="op")
    w.confirm_quit = False
    w.hold_ms = 0
    w.settings.setValue("bench/fail_streak", 0)  # these tests judge defects in a row on purpose
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.model_info is not None, timeout=20000)
    yield w
    w.shutdown()


def _judge(window, qtbot, paths):
    before = window.reader.counts()
    window.submit_paths(paths)
    qtbot.waitUntil(lambda: sum(window.reader.counts().values()) == sum(before.values()) + len(paths), timeout=60000)


def _snapshot(db_path):
    with sqlite3.connect(db_path) as db:
        return db.execute("SELECT id, verdict, score, threshold, model_id FROM inspections ORDER BY id").fetchall()


def test_review_by_keyboard_then_learn_from_it(window, qtbot, demo_data):
    defects = sorted(str(p) for k in ("scratch", "stain") for p in (demo_data / "test" / k).iterdir())
    _judge(window, qtbot, defects)
    db_path = window.data_dir / "history.sqlite"
    originals = _snapshot(db_path)
    window.authority.add_technician("Tess", "4321")
    window.ask_pin = lambda action, names: ("Tess", "4321")
    window.enter_review(0, "washer")
    view = window.review.view
    assert window.pages.currentWidget() is view
    n = view.queue.count()
    assert n >= 3, "the generated defects are rejected"
    ids = [int(view.queue.item(i).data(Qt.UserRole)) for i in range(n)]
    scores = [window.reader.get(i).score / window.reader.get(i).threshold for i in ids]
    assert scores == sorted(scores, reverse=True), "worst first: farthest over the threshold"
    view.activateWindow()
    view.queue.setFocus()
    qtbot.keyClick(view.queue, Qt.Key_D)  # no type chosen yet: nothing is recorded
    assert window.review.store.latest(ids[0]) is None and "choose the defect type" in window.banner.text()
    view.defect_type.setCurrentText("scratch")
    view.queue.setFocus()
    qtbot.keyClick(view.queue, Qt.Key_D)  # first: confirmed defect
    qtbot.keyClick(view.queue, Qt.Key_G)  # second: overruled as good (the default reason)
    qtbot.keyClick(view.queue, Qt.Key_S)  # third: skipped
    qtbot.keyClick(view.queue, Qt.Key_P)
    qtbot.keyClick(view.queue, Qt.Key_P)
    qtbot.keyClick(view.queue, Qt.Key_P)
    assert view.current_id == ids[0]
    view.reason.setCurrentText("lighting")
    qtbot.keyClick(view.queue, Qt.Key_G)  # the first decision revised
    with sqlite3.connect(db_path) as db:
        rows = db.execute("SELECT inspection_id, who, role, decision, defect_type, reason, context, supersedes "
                          "FROM decisions ORDER BY id").fetchall()
    assert [(r[0], r[3]) for r in rows] == [(ids[0], "defect"), (ids[1], "good"), (ids[0], "good")]
    assert rows[0][4] == "scratch" and rows[1][5] == "over-call" and rows[2][5] == "lighting"
    assert all(r[1] == "Tess" and r[2] == "technician" and r[6] == "review" for r in rows)
    assert rows[2][7] is not None and rows[0][7] is None, "the revision points at what it supersedes"
    assert _snapshot(db_path) == originals, "verdict rows untouched"
    assert "2 decided" in view.summary.text()

    # learn from the two overruled parts: a new version, under which they pass; v1 still loads
    from engine.judging.inspector import Inspector

    overruled = window.review.overruled_images("washer")
    assert len(overruled) == 2
    old_id = window.model_info.model_id
    window.review.learn("extend")
    qtbot.waitUntil(lambda: window.model_info is not None and window.model_info.model_id != old_id, timeout=60000)
    assert window.model_info.version == "v2"
    window.leave_review()
    assert window.pages.currentIndex() == 0
    _judge(window, qtbot, overruled[:1])
    last = window.reader.latest(1)[0]
    assert last.verdict == "PASS" and last.model_id == window.model_info.model_id
    assert Inspector.load(window.models_dir, "washer", version="v1").inspect_path(overruled[0]).verdict.value == "FAIL"
    with sqlite3.connect(db_path) as db:
        assert db.execute("SELECT event, version, who FROM model_versions").fetchall() == [("extend", "v2", "Tess")]
        assert db.execute("SELECT subject, old_value, new_value FROM changes").fetchall() == [
            ("model:washer", old_id, window.model_info.model_id)]


def test_threshold_change_needs_the_technician_and_is_logged(window, qtbot, demo_data):
    _judge(window, qtbot, sorted(str(p) for p in (demo_data / "test" / "good").iterdir()))
    old = window.model_info.threshold
    window.ask_pin = lambda action, names: None  # the operator cancels the sign-in
    assert not window.thresholds.apply("washer", old * 2, "fewer rejects")
    assert "technician" in window.banner.text()
    with sqlite3.connect(window.data_dir / "history.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM changes").fetchone()[0] == 0
    window.authority.add_technician("Tess", "4321")
    window.ask_pin = lambda action, names: ("Tess", "0000")  # wrong PIN: still refused
    assert not window.thresholds.apply("washer", old * 2, "fewer rejects")
    window.ask_pin = lambda action, names: ("Tess", "4321")
    text = window.thresholds.preview("washer", old * 0.01, 100)
    assert "would change verdict" in text and "PASS→FAIL" in text
    assert window.thresholds.apply("washer", old * 2, "fewer rejects")
    qtbot.waitUntil(lambda: window.model_info is not None and abs(window.model_info.threshold - old * 2) < 1e-6, timeout=20000)
    with sqlite3.connect(window.data_dir / "history.sqlite") as db:
        (who, role, subject, o, n, why), = db.execute("SELECT who, role, subject, old_value, new_value, why FROM changes")
    assert (who, role, subject, why) == ("Tess", "technician", "threshold:washer", "fewer rejects")
    assert float(o) == pytest.approx(old, abs=1e-4) and float(n) == pytest.approx(old * 2, abs=1e-4)


def test_inspection_waits_while_paused(window, qtbot, demo_data):
    good = sorted(str(p) for p in (demo_data / "test" / "good").iterdir())[:2]
    before = sum(window.reader.counts().values())
    window.pause("testing")
    window.submit_paths(good)
    qtbot.wait(300)
    assert sum(window.reader.counts().values()) == before and len(window.paused) == 2
    window.resume()
    qtbot.waitUntil(lambda: sum(window.reader.counts().values()) == before + 2, timeout=30000)


def test_master_check_logs_results_and_alarms_when_a_master_defect_passes(window, qtbot, demo_data, tmp_path):
    masters = tmp_path / "masters"
    (masters / "good").mkdir(parents=True)
    (masters / "defect").mkdir()
    shutil.copy(sorted((demo_data / "test" / "good").iterdir())[0], masters / "good" / "g.png")
    shutil.copy(sorted((demo_data / "test" / "scratch").iterdir())[0], masters / "defect" / "d.png")
    window.authority.add_technician("Tess", "4321")
    window.ask_pin = lambda action, names: ("Tess", "4321")
    assert window.masters.register_folder("washer", masters) == 2
    counts = window.reader.counts()
    assert window.masters.run()
    qtbot.waitUntil(lambda: not window.masters.pending, timeout=30000)
    assert window.reader.counts() == counts, "master parts stay out of the shift's counts"
    with sqlite3.connect(window.data_dir / "history.sqlite") as db:
        rows = db.execute("SELECT expected, verdict, ok FROM master_checks ORDER BY id").fetchall()
    assert sorted(rows) == [("defect", "FAIL", 1), ("good", "PASS", 1)]
    assert window.masters.alarm is None and "2 of 2 as expected" in window.banner.text()
    # a threshold far too high lets the master defect pass: the alarm is raised and logged
    high = window.model_info.threshold * 50
    assert window.thresholds.apply("washer", high, "test")
    qtbot.waitUntil(lambda: window.model_info is not None and abs(window.model_info.threshold - high) < 1e-6, timeout=20000)
    window.masters.run()
    qtbot.waitUntil(lambda: not window.masters.pending, timeout=30000)
    assert window.masters.alarm is not None and window.masters.alarm.isVisible()
    assert "NOT as expected" in window.banner.text()


def test_operator_settles_a_review_part_at_the_bench(window, qtbot, demo_data):
    from types import SimpleNamespace

    from engine.types import Verdict

    _judge(window, qtbot, sorted(str(p) for p in (demo_data / "test" / "good").iterdir())[:1])
    row_id = window.reader.latest(1)[0].id
    window.bench.on_displayed(SimpleNamespace(verdict=Verdict.REVIEW, category="washer"), row_id)
    assert window.bench_bar.isVisible() and f"#{row_id}" in window.bench_bar.label.text()
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key_A)
    with sqlite3.connect(window.data_dir / "history.sqlite") as db:
        assert db.execute("SELECT inspection_id, decision, role, context FROM decisions").fetchall() == [
            (row_id, "good", "operator", "bench")]
    assert not window.bench_bar.isVisible()


def test_drift_over_the_shift_raises_a_standing_warning(window, qtbot):
    from engine.types import InspectionResult, Verdict

    store = window.reader
    for k in range(60):  # the parts' scores creep from 0.05 to 0.45 (threshold 0.50)
        n = 0.05 + 0.4 * k / 59
        store.record(InspectionResult(source=f"p{k}.png", verdict=Verdict.PASS, score=n, normalised_score=n,
                                      threshold=1.0, category="washer", model_id=window.model_info.model_id))
    window.bench.check_drift("washer")
    assert window.verdict.drift.isVisible() and "DRIFT" in window.verdict.drift.text()
    assert "DRIFT" in window.banner.text()


def test_kiosk_mode_is_full_screen_with_the_kiosk_style(window, qtbot):
    window.tools.kiosk()
    assert window.property("kiosk") is True
    window.tools.kiosk()
    assert window.property("kiosk") is False
