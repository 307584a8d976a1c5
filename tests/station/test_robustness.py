"""A station that runs all week: parts that wait for a model, logging that fails loudly, a damaged
database at start."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

pytestmark = pytest.mark.gui


def _images(demo_data, kind):
    return sorted(str(p) for p in (demo_data / "test" / kind).iterdir())


def test_watched_files_wait_for_a_model_and_are_judged_once_one_loads(qtbot, trained_models, demo_data, tmp_path):
    from station.app import make_window

    models = tmp_path / "models"
    models.mkdir()
    w = make_window(models, tmp_path / "data", station="bench-1", operator="op")
    w.confirm_quit, w.hold_ms = False, 0
    w.settings.setValue("bench/fail_streak", 0)  # these tests judge defects in a row on purpose
    qtbot.addWidget(w)
    w.show()
    try:
        inbox = tmp_path / "inbox"
        inbox.mkdir()
        w.watch_folder(str(inbox))
        for k, p in enumerate(_images(demo_data, "good")[:2]):
            shutil.copy(p, inbox / f"part{k}.png")
        qtbot.waitUntil(lambda: len(w.guard.waiting) == 2, timeout=20000)
        assert w.reader.latest(10) == [], "nothing judged, nothing logged as an ERROR"
        assert not any(w.reader.already_seen(str(inbox / f"part{k}.png"), 0, 0) for k in range(2))
        assert "2 part(s) waiting" in w.verdict.detail.text() and "waiting for a model" in w.queue_label.text()
        shutil.copytree(trained_models / "washer", models / "washer")
        w.refresh_categories("washer")
        qtbot.waitUntil(lambda: len(w.reader.latest(10)) == 2, timeout=30000)
        assert not w.guard.waiting and {r.verdict for r in w.reader.latest(10)} <= {"PASS", "REVIEW", "FAIL"}
        qtbot.wait(1200)  # the watcher's next polls: judged once only
        assert len(w.reader.latest(10)) == 2
    finally:
        w.shutdown()


@pytest.fixture
def window(qtbot, trained_models, tmp_path):
    from station.app import make_window

    w = make_window(trained_models, tmp_path / "data", station="bench-1", operator="op")
    w.confirm_quit, w.hold_ms = False, 0
    w.settings.setValue("bench/fail_streak", 0)  # these tests judge defects in a row on purpose
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.model_info is not None, timeout=20000)
    yield w
    w.shutdown()


def test_a_failing_history_write_shows_not_logged_and_can_stop_the_line(window, qtbot, demo_data, monkeypatch):
    history = window.worker.history
    real = history.record

    def full_disk(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(history, "record", full_disk)
    window.submit_paths(_images(demo_data, "scratch")[:2])
    qtbot.waitUntil(lambda: window.guard.unlogged == 2, timeout=20000)
    assert window.verdict.state == "FAIL", "the verdict is still shown"
    assert window.verdict.not_logged.isVisible() and "NOT LOGGED: 2" in window.verdict.not_logged.text()
    assert "No space left" in window.verdict.not_logged.text()
    window.settings.setValue("logging/stop_line", "true")
    window.submit_paths(_images(demo_data, "good")[:1])
    qtbot.waitUntil(lambda: window.guard.unlogged == 3 and bool(window.pause_reason), timeout=20000)
    window.submit_paths(_images(demo_data, "good")[1:2])
    assert len(window.paused) == 1, "no further inspection while logging fails"
    monkeypatch.setattr(history, "record", real)
    window.guard.retry_logging()
    assert not window.pause_reason and window.guard.unlogged == 0 and not window.verdict.not_logged.isVisible()
    qtbot.waitUntil(lambda: len(window.reader.latest(10)) == 1, timeout=20000)  # the held part, now logged


def test_a_damaged_database_is_set_aside_and_a_fresh_one_started(qtbot, trained_models, tmp_path):
    from station.app import make_window
    from station.storage.history import HistoryStore

    data = tmp_path / "data"
    store = HistoryStore(data)
    store.close()
    db = data / "history.sqlite"
    raw = bytearray(db.read_bytes())
    raw[0:16] = b"this is not sqli"  # the header is gone
    db.write_bytes(bytes(raw))
    w = make_window(trained_models, data, station="bench-1", operator="op")
    w.confirm_quit = False
    qtbot.addWidget(w)
    try:
        kept = w.reader.recovered_from
        assert kept is not None and kept.is_file() and kept.name.startswith("history.damaged-")
        assert str(kept) in w.banner.text()
        assert w.reader.schema_version >= 3 and w.reader.latest(5) == []
        assert (kept.parent / f"{kept.name}.why.txt").read_text().strip()
    finally:
        w.shutdown()
    with sqlite3.connect(data / "history.sqlite") as fresh:
        assert fresh.execute("PRAGMA quick_check").fetchone()[0] == "ok"


def test_low_disk_space_is_shown_and_warned(window, monkeypatch):
    from collections import namedtuple

    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr("shutil.disk_usage", lambda p: usage(100e9, 99.5e9, 0.5e9))
    assert window.health.check() == pytest.approx(0.5)
    assert "0.5 GB free" in window.health.label.text() and "Only 0.5 GB free" in window.banner.text()


def test_the_systemd_unit_restarts_the_station_after_a_crash():
    import configparser
    import shutil as sh
    import subprocess
    from pathlib import Path

    unit = Path(__file__).resolve().parents[2] / "resources" / "systemd" / "inspection-station.service"
    cp = configparser.ConfigParser(strict=False, interpolation=None)
    cp.optionxform = str
    cp.read_string(unit.read_text())
    assert set(cp.sections()) == {"Unit", "Service", "Install"}
    assert cp["Service"]["ExecStart"].endswith("station gui") and cp["Service"]["Restart"] == "on-failure"
    assert cp["Install"]["WantedBy"] == "graphical-session.target"
    if sh.which("systemd-analyze"):
        r = subprocess.run(["systemd-analyze", "verify", "--user", str(unit)], capture_output=True, text=True)
        assert "Unknown key" not in r.stderr and "Invalid section" not in r.stderr, r.stderr


def test_nonsense_in_settings_ini_falls_back_to_defaults_and_is_named(qtbot, trained_models, tmp_path):
    from station.app import make_window

    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.ini").write_text("[display]\nhold_ms=soon\nopacity=250\n[shifts]\nhours=lunch\n"
                                       "[camera]\nauto_interval_ms=-3\n")
    w = make_window(trained_models, data, station="bench-1", operator="op")
    w.confirm_quit = False
    qtbot.addWidget(w)
    try:
        assert w.hold_ms == 600 and w.opacity.value() == 50 and w.feed.auto_timer.interval() == 1000
        assert w.shift_spec() == "06:00=Early,14:00=Late,22:00=Night"
        assert "display/hold_ms='soon'" in w.banner.text() and "display/opacity" in w.banner.text()
    finally:
        w.shutdown()


def test_a_version_made_by_another_program_is_picked_up_before_the_next_part(qtbot, trained_models, demo_data, tmp_path):
    from engine.model_store.updates import extend_category
    from station.app import make_window

    models = tmp_path / "models"
    shutil.copytree(trained_models, models)
    w = make_window(models, tmp_path / "data", station="bench-1", operator="op")
    w.confirm_quit, w.hold_ms = False, 0
    w.settings.setValue("bench/fail_streak", 0)  # these tests judge defects in a row on purpose
    qtbot.addWidget(w)
    w.show()
    try:
        qtbot.waitUntil(lambda: w.model_info is not None, timeout=20000)
        old = w.model_info.model_id
        info = extend_category(models, "washer", _images(demo_data, "good")[:1])  # e.g. `station` on another terminal
        w.submit_paths(_images(demo_data, "good")[1:2])
        qtbot.waitUntil(lambda: len(w.reader.latest(5)) == 1, timeout=30000)
        assert w.reader.latest(1)[0].model_id == info.model_id != old
        qtbot.waitUntil(lambda: w.model_info.model_id == info.model_id, timeout=5000)
    finally:
        w.shutdown()


def test_a_result_still_queued_when_the_window_closes_reaches_it_before_its_history_closes(qtbot, trained_models,
                                                                                           tmp_path):
    import threading

    from engine.types import error_result
    from station.app import make_window

    w = make_window(trained_models, tmp_path / "data", station="bench-1", operator="t")
    w.confirm_quit, w.hold_ms = False, 0
    w.settings.setValue("bench/fail_streak", 0)  # these tests judge defects in a row on purpose
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.model_info is not None, timeout=20000)
    row = w.reader.record(error_result(str(tmp_path / "late.png"), "not an image", "washer"))
    w.pending += 1  # as if submitted
    # emitted from another thread: queued for the window, as the worker's results are
    t = threading.Thread(target=lambda: w.worker.inspected.emit(
        error_result(str(tmp_path / "late.png"), "not an image", "washer"), row, "files"))
    t.start()
    t.join()
    w.shutdown()  # before the window's event loop saw the result
    qtbot.wait(50)  # any call still queued would now find the history closed
    assert w.pending == 0, "the result reached the window during shutdown"
