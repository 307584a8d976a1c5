"""Settings (technician only, checked, logged, inspection paused) and the retention policy."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timedelta, timezone

import numpy as np
import pytest

from station.controllers.settings import check

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, trained_models, tmp_path):
    from station.app import make_window

    w = make_window(trained_models, tmp_path / "data", station="bench-1", operator="op")
    w.confirm_quit = False
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.model_info is not None, timeout=20000)
    yield w
    w.shutdown()


def test_bad_settings_are_named_and_nothing_is_kept(window, tmp_path):
    flow = window.settings_flow
    good = flow.current()
    assert check(good) == ""
    assert "Shifts" in check(dict(good, **{"shifts/hours": "25:00=Late"}))
    assert "Watched folder" in check(dict(good, **{"source/folder": str(tmp_path / "nowhere")}))
    assert "Technicians" in check(dict(good, **{"roles/mode": "os", "roles/technicians": ""}))
    assert "Retention" in check(dict(good, **{"retention/pass_days": 30, "retention/reject_days": 7}))
    assert not flow.apply(dict(good, **{"shifts/hours": "nonsense"}))
    assert flow.current() == good


def test_settings_need_the_technician_pause_inspection_and_are_logged(window, qtbot):
    window.ask_pin = lambda action, names: None
    window.settings_flow.open()
    assert window.settings_flow.dialog is None and "technician" in window.banner.text()
    window.authority.add_technician("Tess", "1357")
    window.ask_pin = lambda action, names: ("Tess", "1357")
    window.settings_flow.open()
    dialog = window.settings_flow.dialog
    assert dialog is not None and window.pause_reason
    values = dict(dialog.values(), **{"display/hold_ms": 250, "shifts/hours": "07:00=A,19:00=B"})
    assert window.settings_flow.apply(values)
    qtbot.waitUntil(lambda: not window.pause_reason, timeout=5000)
    assert window.hold_ms == 250 and window.shift_spec() == "07:00=A,19:00=B"
    with sqlite3.connect(window.data_dir / "history.sqlite") as db:
        rows = db.execute("SELECT who, subject, old_value, new_value FROM changes ORDER BY id").fetchall()
    assert ("Tess", "setting:display/hold_ms", "600", "250") in rows
    assert ("Tess", "setting:shifts/hours", "06:00=Early,14:00=Late,22:00=Night", "07:00=A,19:00=B") in rows


def test_retention_removes_old_files_inside_the_data_folder_only(trained_models, demo_data, tmp_path):
    from engine.judging.inspector import Inspector
    from station.storage.history import HistoryStore
    from station.storage.retention import apply_retention

    insp = Inspector.load(trained_models, "washer")
    store = HistoryStore(tmp_path / "data")
    outside = sorted((demo_data / "test" / "good").iterdir())[0]
    old = (datetime.now(timezone.utc) - timedelta(days=40)).isoformat()
    frame = np.full((64, 64, 3), 128, np.uint8)
    pass_old = store.record(insp.inspect_path(outside), "file", ts=old)  # map inside, image outside
    fail_old = store.record(insp.inspect_array(frame, "camera"), "camera", frame, ts=old)
    new = store.record(insp.inspect_path(outside))
    maps = {i: store.get(i).map_path for i in (pass_old, fail_old, new)}
    r = apply_retention(store, pass_days=30, reject_days=60)
    assert not os.path.exists(maps[pass_old]) and os.path.exists(maps[new])
    assert os.path.exists(store.get(fail_old).image_path), "the camera frame's verdict keeps it for 60 days"
    assert outside.is_file(), "images from the line's folders are never touched"
    assert r.files_removed == 1 and store.get(pass_old) is not None, "rows are never deleted"
    store.close()
