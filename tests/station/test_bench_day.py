"""The bench as an operator and a technician live it (issue 32): each test is one thing a real
window showed going wrong, driven through the window offscreen at 1366x768."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections import Counter

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.station.people import technician

pytestmark = pytest.mark.gui


def _open(qtbot, models, data, **settings):
    from station.app import make_window

    w = make_window(models, data, station="bench-1", operator="op")
    for k, v in settings.items():
        w.settings.setValue(k.replace("__", "/"), v)
    w.confirm_quit, w.hold_ms = False, 0
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitUntil(lambda: w.model_info is not None, timeout=20000)
    return w


@pytest.fixture
def models(trained_models, tmp_path):
    shutil.copytree(trained_models, tmp_path / "models")
    return tmp_path / "models"


@pytest.fixture
def bench(qtbot, models, tmp_path):
    w = _open(qtbot, models, tmp_path / "data", bench__fail_streak=0)
    yield w
    w.shutdown()


def _images(demo_data, kind):
    return sorted(str(p) for p in (demo_data / "test" / kind).iterdir())


def _judge(w, qtbot, paths):
    before = sum(w.reader.counts().values())
    w.submit_paths([str(p) for p in paths])
    qtbot.waitUntil(lambda: sum(w.reader.counts().values()) == before + len(paths) and w.pending == 0, timeout=60000)
    return [r.id for r in w.reader.latest(len(paths))][::-1]


# ---- 1. a verdict beside another part's image -----------------------------------------------------
def test_back_from_review_the_image_and_tabs_are_the_verdicts_own(bench, qtbot, demo_data, tmp_path):
    first, = _judge(bench, qtbot, _images(demo_data, "stain")[:1])
    bench.enter_review(0, "washer")
    bench.review.show_row(first)
    assert bench.explain.current_row == first and bench.explain.shown[0] is not None
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"not an image")
    error, = _judge(bench, qtbot, [bad])  # judged behind the review
    assert bench.verdict.state == "ERROR" and bench.explain.current_row == first  # the tabs are the review's
    bench.leave_review()
    assert bench.explain.current_row == -1 and bench.explain.shown[0] is None, "no image beside an ERROR"
    assert "not judged" in bench.explanations.where.summary.text()


def test_tabs_never_show_the_last_parts_explanation_under_a_new_verdict(bench, qtbot, demo_data):
    row, = _judge(bench, qtbot, _images(demo_data, "stain")[:1])
    qtbot.waitUntil(lambda: "explained" in bench.explanations.status.text(), timeout=60000)
    said = bench.explanations.where.summary.text()
    assert said and "#" not in said
    bench.explain.on_displayed(row + 1000, bench.explain.shown[0], None, None)  # the next part, its explanation on the way
    assert bench.explanations.where.summary.text() == f"Inspection #{row + 1000}: explaining…"
    assert bench.explanations.where.table.rowCount() == 0 and bench.explanations.similar.list.count() == 0


# ---- 2. training beside the line ---------------------------------------------------------------------
def test_training_keeps_the_line_judging_cancel_cancels_and_nothing_goes_live_unasked(bench, qtbot, demo_data):
    technician(bench)
    cats = bench.categories
    cats.open_dialog()
    dialog = cats.dialog
    shown = []
    # recorded in the GUI thread, as the bar moves (a slot on the trainer's signal would read the
    # bar from the training thread, before the GUI has drawn the step: a race under load)
    dialog.bar.valueChanged.connect(shown.append)
    live = bench.model_info.model_id
    # Cancel while it runs: the button, not a queued call, stops it
    with qtbot.waitSignal(cats.trainer.trainingFailed, timeout=60000) as failed:
        cats.start("washer", str(demo_data / "train" / "good"))
        qtbot.waitUntil(lambda: len(shown) > 0, timeout=30000)
        dialog.cancel_button.click()
    assert "cancelled" in failed.args[0] and bench.model_info.model_id == live
    # a full retraining: parts sent meanwhile are judged while it runs, by the model on the line
    shown.clear()
    during = []
    bench.worker.inspected.connect(lambda *_: during.append(cats.training))
    cats.start("washer", str(demo_data / "train" / "good"))
    qtbot.waitUntil(lambda: len(shown) > 0, timeout=30000)
    ids = _judge(bench, qtbot, _images(demo_data, "good")[:2])
    assert during[0] == "washer", "judged while the training ran"
    assert {bench.reader.get(i).model_id for i in ids} == {live}
    qtbot.waitUntil(lambda: dialog.golive_button.isVisible(), timeout=90000)
    assert shown == sorted(shown) and shown[-1] > 0, "the bar never goes back"
    # trained, not live: the line and the folder's active version are still the old model
    qtbot.wait(300)
    assert bench.model_info.model_id == live
    later, = _judge(bench, qtbot, _images(demo_data, "good")[2:3])
    assert bench.reader.get(later).model_id == live
    dialog.golive_button.click()
    qtbot.waitUntil(lambda: bench.model_info is not None and bench.model_info.model_id != live, timeout=20000)
    assert bench.model_info.version == "v2"
    with sqlite3.connect(bench.data_dir / "history.sqlite") as db:
        assert db.execute("SELECT who, subject, new_value FROM changes").fetchall() == [
            ("Tess", "model:washer", bench.model_info.model_id)]


def test_overall_progress_only_moves_forward_through_the_stages():
    from station.workers.training import overall_fraction

    steps = [("features", 9, 10), ("coreset", 1, 10), ("calibration", 5, 10), ("classifier", 1, 4), ("saving", 1, 1)]
    values = [overall_fraction(*s) for s in steps]
    assert values == sorted(values) and values[-1] == pytest.approx(1.0)


# ---- 3. a burst ---------------------------------------------------------------------------------------
def test_a_burst_is_judged_in_arrival_order_and_no_part_is_hidden(bench, qtbot, demo_data, tmp_path):
    bench.hold_ms = 600  # the station's own pace: verdicts come faster than they are shown
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    sources = _images(demo_data, "good") + _images(demo_data, "stain")
    names = [f"z{9 - i}.png" for i in range(6)]  # arrival order is the reverse of name order
    base = 1_700_000_000 * 10**9
    for i, (name, src) in enumerate(zip(names, sources)):
        shutil.copy(src, inbox / name)
        os.utime(inbox / name, ns=(base + i * 10**9,) * 2)
    bench.watch_folder(str(inbox))
    qtbot.waitUntil(lambda: sum(bench.reader.counts().values()) == 6 and bench.pending == 0, timeout=60000)
    rows = bench.reader.latest(6)[::-1]
    assert [os.path.basename(r.source) for r in rows] == names, "judged in the order they arrived"
    assert [r for r, _ in bench.shift_bar.strip.verdicts()] == [r.id for r in rows][::-1], "every part in the strip"
    qtbot.waitUntil(lambda: bench.verdict.shown_row == rows[-1].id, timeout=5000)  # the screen ends on the newest


# ---- 4. Enter, acknowledgements ----------------------------------------------------------------------
def test_enter_acknowledges_one_fail_at_a_time_logged_and_kept_across_a_restart(bench, qtbot, demo_data, models):
    fails = _judge(bench, qtbot, _images(demo_data, "stain") + _images(demo_data, "scratch"))
    assert bench.verdict.ack_rows == fails
    qtbot.keyClick(bench, Qt.Key_Return)
    assert bench.verdict.ack_rows == fails[1:], "one Enter, one FAIL"
    with sqlite3.connect(bench.data_dir / "history.sqlite") as db:
        assert db.execute("SELECT inspection_id, who FROM acknowledgements").fetchall() == [(fails[0], "op")]
    data = bench.data_dir
    bench.shutdown()
    again = _open(qtbot, models, data)
    try:
        assert again.verdict.ack_rows == fails[1:] and again.verdict.ack_button.isVisible()
        assert [r for r, _ in again.shift_bar.strip.verdicts()][:len(fails)] == fails[::-1]
    finally:
        again.shutdown()


def test_enter_never_closes_the_station(bench, qtbot):
    bench.confirm_quit = True
    answered = []

    def press_enter():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            answered.append(box.defaultButton() is box.button(QMessageBox.No))
            qtbot.keyClick(box, Qt.Key_Return)

    QTimer.singleShot(200, press_enter)
    bench.close()
    assert answered == [True] and bench.isVisible(), "Enter answered No"
    bench.confirm_quit = False


# ---- 5. who is a technician ------------------------------------------------------------------------------
def test_no_technician_until_the_set_up_and_each_signs_with_their_own_pin(bench, qtbot):
    a = bench.authority
    asked = []
    bench.ask_pin = lambda action, names: asked.append(names) or ("Mallory", "1234")
    assert not bench.require_technician("change the threshold") and asked == [], "no PIN is made by a sign-in"
    assert "set it up first" in bench.banner.text()
    # the set-up step makes the first technician and the operators' list
    bench.floor.ask_setup = lambda operators, first: first and ("Tess", "4321", "4321", ["Anna", "Ben"])
    assert bench.floor.setup() and a.is_technician and a.who == "Tess"
    a.logout()
    bench.floor.ask_setup = lambda operators, first: ("Mallory", "1234", "1234", [])
    bench.ask_pin = lambda action, names: None
    assert not bench.floor.setup(), "a second set-up needs a technician"
    assert a.technician_names() == ["Tess"] and a.operators() == ["Anna", "Ben"]
    bench.ask_pin = lambda action, names: asked.append(names) or ("Tess", "0000")
    assert not bench.require_technician("change the threshold") and asked == [["Tess"]]
    # the category, the watched folder and the threshold's reason are a technician's
    bench.ask_pin = lambda action, names: None
    bench.categories.switch("washer-other")
    assert bench.model_info.category == "washer" and "switch the line" in bench.banner.text()
    bench.feed.choose_watch_folder()
    assert "change the watched folder" in bench.banner.text()
    bench.ask_pin = lambda action, names: ("Tess", "4321")
    assert not bench.thresholds.apply("washer", bench.model_info.threshold * 2, "  ")
    assert "a reason is needed" in bench.banner.text()
    with sqlite3.connect(bench.data_dir / "history.sqlite") as db:
        assert db.execute("SELECT who, subject, why FROM changes").fetchall() == [("Tess", "technicians", "station set up")]


def test_operators_sign_in_by_name_and_their_name_goes_on_each_part(bench, qtbot, demo_data):
    bench.authority.set_operators(["Anna", "Ben"])
    bench.floor.ask_operator = lambda names: "Eve"
    assert not bench.floor.sign_in_operator() and "not on this station's operator list" in bench.banner.text()
    bench.floor.ask_operator = lambda names: "Anna"
    assert bench.floor.sign_in_operator()
    row, = _judge(bench, qtbot, _images(demo_data, "stain")[:1])
    qtbot.keyClick(bench, Qt.Key_Return)
    with sqlite3.connect(bench.data_dir / "history.sqlite") as db:
        assert db.execute("SELECT operator FROM inspections WHERE id=?", (row,)).fetchone() == ("Anna",)
        assert db.execute("SELECT who FROM acknowledgements").fetchall() == [("Anna",)]
        assert db.execute("SELECT who, event FROM bench_events").fetchall() == [("Anna", "operator signed in")]


# ---- 6. review hides the line; nothing says PAUSED ------------------------------------------------------------
def test_the_review_shows_the_live_line_and_a_held_line_says_so(bench, qtbot, demo_data):
    bench.enter_review(0, "washer")
    row, = _judge(bench, qtbot, _images(demo_data, "good")[:1])
    assert bench.review.view.live_strip.verdicts()[0][0] == row and bench.review.view.live_strip.isVisible()
    bench.leave_review()
    bench.pause("the settings are being changed")
    bench.submit_paths(_images(demo_data, "good")[1:3])
    held = bench.verdict.hold_bar
    assert held.isVisible() and "PAUSED" in held.text() and "2 part(s) waiting" in held.text()
    bench.resume()
    assert not held.isVisible()


def test_three_fails_in_a_row_stop_the_line_until_a_technician_releases_it(qtbot, models, tmp_path, demo_data):
    w = _open(qtbot, models, tmp_path / "data")  # the default rule: 3 FAIL in a row
    try:
        fails = _images(demo_data, "stain") + _images(demo_data, "scratch")[:1]
        _judge(w, qtbot, fails)
        assert w.floor.stopped and "STOPPED" in w.verdict.hold_bar.text()
        w.submit_paths(_images(demo_data, "good")[:1])
        qtbot.wait(300)
        assert sum(w.reader.counts().values()) == 3 and len(w.paused) == 1, "held, in order, not judged"
        w.ask_pin = lambda action, names: None
        assert not w.floor.release() and w.floor.stopped
        technician(w)
        qtbot.mouseClick(w.verdict.hold_bar, Qt.LeftButton)
        qtbot.waitUntil(lambda: sum(w.reader.counts().values()) == 4, timeout=20000)
        assert not w.floor.stopped and not w.verdict.hold_bar.isVisible()
        with sqlite3.connect(w.data_dir / "history.sqlite") as db:
            assert [e for e, in db.execute("SELECT event FROM bench_events")] == ["line stopped", "line released"]
    finally:
        w.shutdown()


# ---- 7. a layout that holds still ---------------------------------------------------------------------------
def test_the_layout_holds_still(bench, qtbot, demo_data):
    _judge(bench, qtbot, _images(demo_data, "good")[:1])
    qtbot.wait(100)
    width, top = bench.view.width(), bench.verdict.mapTo(bench, bench.verdict.rect().topLeft()).y()
    bench.verdict.show_verdict("PASS", 1.0, 0.2, 2.0, "a/" + "very_long_file_name_" * 20 + ".png")
    bench.show_message("A long message " * 20)
    qtbot.wait(100)
    assert bench.view.width() == width, "text on the right never takes width from the image"
    assert bench.verdict.mapTo(bench, bench.verdict.rect().topLeft()).y() == top, "a banner pushes nothing down"
    tabs = bench.explanations.tabs
    x = tabs.tabBar().tabRect(0).x()
    tabs.setCurrentIndex(tabs.count() - 1)
    assert tabs.tabBar().tabRect(0).x() == x, "tabs stay where they are when clicked"


def test_the_new_category_dialog_fits_the_screen_and_opens_empty(bench, qtbot, demo_data):
    technician(bench)
    bench.categories.open_dialog()
    dialog = bench.categories.dialog
    dialog.folder.setText(str(demo_data / "train" / "good"))
    dialog._folder_changed()
    qtbot.waitUntil(lambda: len(dialog.gallery.tiles) == 7, timeout=20000)
    dialog.finish("Done: a result", None, "Self-test: " + "a long result " * 60)
    dialog.adjustSize()
    assert dialog.frameGeometry().height() <= dialog.screen().availableGeometry().height()
    dialog.close()
    bench.categories.open_dialog()
    assert dialog.result.text() == "" and dialog.folder.text() == "" and not dialog.golive_button.isVisible()


# ---- 8. scores on one scale ---------------------------------------------------------------------------------
def test_scores_far_over_the_threshold_stay_apart_and_the_worst_come_first(bench, qtbot, demo_data):
    panel = bench.verdict
    panel.show_verdict("FAIL", 45.0, 1.0, 41.0, "a.png")
    a = panel.detail.text()
    panel.show_verdict("FAIL", 76.0, 1.0, 41.0, "b.png")
    assert a != panel.detail.text() and "76.00" in panel.detail.text() and "41.00" in panel.detail.text()
    from station.report.shift_data import ShiftData

    rows = [type("R", (), dict(id=i, score=s, threshold=2.0, verdict="FAIL", normalised_score=1.0))()
            for i, s in enumerate([3.0, 9.0, 5.0])]
    assert [r.id for r in ShiftData.worst(type("D", (), {"rows": rows})(), 2)] == [1, 2]


# ---- 9. smaller things --------------------------------------------------------------------------------------
def test_review_keys_work_with_a_button_focused_and_each_part_gets_its_own_type(bench, qtbot, demo_data):
    _judge(bench, qtbot, _images(demo_data, "stain") + _images(demo_data, "scratch"))
    technician(bench)
    bench.enter_review(0, "washer")
    view = bench.review.view
    first = view.current_id
    view.defect_type.setCurrentText("contamination")
    view.confirm_button.setFocus()
    qtbot.keyClick(view.confirm_button, Qt.Key_D)
    assert bench.review.store.latest(first).defect_type == "contamination"
    assert view.current_id != first and view.chosen_type is None, "the next part's type is not preset"
    view.overrule_button.setFocus()
    qtbot.keyClick(view.overrule_button, Qt.Key_G)
    assert bench.review.store.latest(view.queue.item(1).data(Qt.UserRole)).decision == "good"


def test_a_category_trained_elsewhere_is_listed_and_a_new_threshold_shows(bench, qtbot, models):
    shutil.copytree(models / "washer", models / "washer-cli")
    qtbot.waitUntil(lambda: bench.category_bar.combo.findData("washer-cli") >= 0, timeout=10000)
    assert bench.model_info.category == "washer"
    technician(bench)
    old = bench.model_info.threshold
    assert bench.thresholds.apply("washer", old * 2, "fewer over-calls")
    qtbot.waitUntil(lambda: bench.model_info is not None and abs(bench.model_info.threshold - old * 2) < 1e-9,
                    timeout=20000)
    assert f"threshold {old * 2:.2f}" in bench.category_bar.facts.text()


# ---- also expected at a bench ---------------------------------------------------------------------------
def test_lots_count_their_parts_and_a_retest_is_linked_to_its_first_verdict(bench, qtbot, demo_data):
    bench.floor.ask_lot = lambda current: " L-0042 "
    bench.floor.enter_lot()
    first, = _judge(bench, qtbot, _images(demo_data, "stain")[:1])
    assert bench.shift_bar.retest_button.isVisible() and f"#{first}" in bench.shift_bar.retest_button.text()
    bench.shift_bar.retest_button.click()
    again, = _judge(bench, qtbot, _images(demo_data, "good")[:1])
    other, = _judge(bench, qtbot, _images(demo_data, "good")[1:2])
    assert bench.floor.store.retests(first) == [(again, bench.reader.get(again).verdict)]
    assert bench.floor.store.retest_of(other) is None, "one part re-tests, the next is a part of its own"
    assert f"#{again} re-tests #{first}: FAIL →" in bench.shift_bar.retest_note.text()
    assert bench.floor.store.lot_counts("L-0042") == Counter(bench.reader.get(i).verdict for i in (first, again, other))
    assert "3 parts" in bench.shift_bar.lot_counts.text()


def test_the_hand_over_is_signed_by_a_technician_and_in_the_report(bench, qtbot, demo_data, tmp_path):
    from station.report import collect
    from station.report.shift_data import open_readonly
    from station.report.writers import handover_text
    from station.storage.shifts import current_shift

    fails = _judge(bench, qtbot, _images(demo_data, "stain"))
    bench.floor.ask_handover = lambda question, names: ("Ben", "watch the stains")
    bench.ask_pin = lambda action, names: None
    assert not bench.floor.handover(), "a technician signs"
    technician(bench)
    assert bench.floor.handover()
    db = open_readonly(bench.data_dir)
    try:
        data = collect(db, current_shift(bench.shift_spec()))
    finally:
        db.close()
    text = handover_text(data)
    assert data.handover.unacknowledged == fails and f"{len(fails)} FAIL not acknowledged" in text
    assert "Signed off by technician Tess" in text and "handed to Ben" in text and "watch the stains" in text


def test_the_first_technician_can_be_made_from_a_shell(tmp_path, qtbot, models):
    import subprocess
    import sys

    data = tmp_path / "data"
    run = lambda *args, stdin="": subprocess.run([sys.executable, "-m", "station.cli", *args, "--data-dir", str(data)],  # noqa: E731
                                                 input=stdin, capture_output=True, text=True)
    assert run("technicians", "add", "Tess", "--pin-stdin", stdin="12\n").returncode == 2
    assert run("technicians", "add", "Tess", "--pin-stdin", stdin="2468\n").returncode == 0
    assert run("operators", "set", "Anna", "Ben").returncode == 0
    w = _open(qtbot, models, data)
    try:
        assert w.authority.technician_names() == ["Tess"] and w.authority.operators() == ["Anna", "Ben"]
        w.ask_pin = lambda action, names: ("Tess", "2468")
        assert w.require_technician("change the threshold") and w.authority.who == "Tess"
    finally:
        w.shutdown()


def test_review_filters_by_verdict_history_by_shift_and_closing_says_what_it_waits_for(bench, qtbot, demo_data):
    from engine.types import InspectionResult, Verdict

    ids = _judge(bench, qtbot, _images(demo_data, "stain")[:1] + _images(demo_data, "good")[:1])
    old = bench.reader.record(InspectionResult(source="last-week.png", verdict=Verdict.FAIL, score=9.0,
                                               normalised_score=1.0, threshold=2.0, category="washer"),
                              "file", ts="2020-01-01T00:00:00.000+00:00")
    bench.refresh_history()
    assert old not in bench.history.row_ids() and ids[0] in bench.history.row_ids(), "this shift by default"
    bench.history.shift_filter.setCurrentIndex(1)
    assert old in bench.history.row_ids()
    technician(bench)
    bench.enter_review(0, "washer")
    view = bench.review.view
    view.verdict.setCurrentIndex(view.verdict.findText("REVIEW only"))
    assert all(bench.reader.get(i).verdict == "REVIEW" for i in bench.review.rows)
    view.verdict.setCurrentIndex(view.verdict.findText("FAIL only"))
    assert ids[0] in bench.review.rows and all(bench.reader.get(i).verdict == "FAIL" for i in bench.review.rows)
    bench.leave_review()
    bench.shutdown()
    assert "Closing" in bench.queue_label.text()


def test_the_waterfall_opens_at_its_own_size(qtbot, tmp_path):
    import numpy as np
    from PySide6.QtGui import QImage

    from ui.why_tab import WhyTab

    png = tmp_path / "w.png"
    img = QImage(560, 340, QImage.Format_RGB32)
    img.fill(0xFFFFFF)
    img.save(str(png))
    tab = WhyTab()
    qtbot.addWidget(tab)
    tab.resize(300, 160)
    tab.show()
    tab.show_shap({"cv_r2": 0.9, "prediction": 1.0, "base_value": 0.5, "score": 1.0,
                   "measures": {"mean_patch_distance": float(np.float32(1.0))}}, str(png), {}, 0.8)
    assert tab.plot.pixmap().width() < 560, "scaled down in the tab"
    qtbot.mouseClick(tab.plot, Qt.LeftButton)
    shown = tab.full_size.findChild(type(tab.plot))
    assert shown.pixmap().width() == 560 and shown.pixmap().height() == 340
