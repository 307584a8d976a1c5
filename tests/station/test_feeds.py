"""Feeds under trouble: a camera whose read blocks, a camera that never opens, triggers faster than
judging, a watched folder that stalls or vanishes, odd file names, and ERRORs that were the
station's fault rather than the part's."""

from __future__ import annotations

import os
import shutil
import threading
import time

import numpy as np
import pytest

from tests.station.test_window import FakeCamera, window  # noqa: F401  (the window fixture)

pytestmark = pytest.mark.gui


class BlockingCamera(FakeCamera):
    """Delivers a few frames, then a read blocks until ``unblock`` is set (a stalled network camera)."""

    def __init__(self, frames: int = 3) -> None:
        super().__init__(frames)
        self.unblock = threading.Event()
        self.released = threading.Event()

    def read(self):
        if self.left <= 0:
            self.unblock.wait()
            return False, None
        return super().read()

    def release(self) -> None:
        self.released.set()


class DeadCamera(FakeCamera):
    def open(self) -> bool:
        self.opens += 1
        return False


def test_a_blocking_read_trips_the_loss_timer_and_a_fresh_connection_takes_over(qtbot):
    from station.feeds.camera import CameraSource

    blocked = BlockingCamera()
    first = iter([blocked])
    cam = CameraSource(lambda: next(first, None) or FakeCamera(), lost_after_s=0.3, retry_s=0.1)
    events = []
    cam.episode.connect(lambda e, d: events.append((e, d)))
    cam.start()
    try:
        qtbot.waitUntil(lambda: [e for e, _ in events] == ["connected", "lost", "reconnected"], timeout=5000)
        assert "blocked" in events[1][1], events
        assert cam.connections == 2 and cam.provider is not blocked
        qtbot.waitUntil(lambda: cam.provider.left < 10_000 - 3, timeout=2000)  # the fresh device delivers
        assert not blocked.released.is_set(), "never released from another thread while its read runs"
        blocked.unblock.set()  # the stalled read returns at last: its reader releases the device itself
        assert blocked.released.wait(2.0)
    finally:
        cam.stop()
        blocked.unblock.set()


def test_a_camera_that_never_opens_is_one_episode_and_retried(qtbot):
    from station.feeds.camera import CameraSource

    dead = DeadCamera()
    cam = CameraSource(lambda: dead, name="cam X", retry_s=0.05)
    events, said = [], []
    cam.episode.connect(lambda e, d: events.append(e))
    cam.status.connect(lambda t, ok: said.append((t, ok)))
    cam.start()
    try:
        qtbot.waitUntil(lambda: dead.opens >= 4, timeout=5000)
    finally:
        cam.stop()
    assert events == ["no_signal"], "one episode for the outage, not one per attempt"
    assert said[-1][0].startswith("cam X: no signal, retrying") and not said[-1][1]


def test_triggers_faster_than_judging_are_dropped_counted_and_logged(window, qtbot):  # noqa: F811
    window.camera_button.setChecked(True)
    qtbot.waitUntil(lambda: window.camera is not None and window.camera.latest is not None, timeout=5000)
    before = len(window.reader.latest(100))
    for _ in range(6):  # one frame is judged; the five triggers that come meanwhile are dropped
        window.trigger()
    assert window.feed.dropped == 5
    assert window.feed_bar.dropped.isVisibleTo(window) and window.feed_bar.dropped.text() == "Dropped: 5"
    qtbot.waitUntil(lambda: window.feed.camera_in_flight == 0, timeout=20000)
    qtbot.wait(200)
    assert len(window.reader.latest(100)) == before + 1, "dropped triggers are never queued"
    window.trigger()  # judging done: the next trigger goes through
    qtbot.waitUntil(lambda: len(window.reader.latest(100)) == before + 2, timeout=20000)
    window.camera_button.setChecked(False)
    qtbot.waitUntil(lambda: "stopped" in [e[2] for e in window.reader.camera_events()], timeout=5000)
    dropped = [e for e in window.reader.camera_events() if e[2] == "dropped"]
    assert [d[3] for d in dropped] == ["5"]


def test_a_stalled_folder_listing_never_blocks_the_window(qtbot, tmp_path):
    from PySide6.QtCore import QElapsedTimer, QTimer

    from station.feeds.watched_folder import FolderWatcher, list_images

    gate = threading.Event()
    calls = []

    def stalling_lister(folder):
        calls.append(time.monotonic())
        if len(calls) == 1:
            gate.wait()  # the first listing hangs like a stalled network share
        return list_images(folder)

    (tmp_path / "a.png").write_bytes(b"x" * 10)
    w = FolderWatcher(lambda *k: False, interval_ms=30, stall_s=0.3, lister=stalling_lister)
    said, got = [], []
    w.status.connect(lambda t, ok: said.append((t, ok)))
    w.imageReady.connect(got.append)
    clock, gaps = QElapsedTimer(), []
    tick = QTimer(interval=10, timeout=lambda: gaps.append(clock.restart()))
    clock.start()
    tick.start()
    w.start(tmp_path)
    try:
        qtbot.waitUntil(lambda: any("does not answer" in t for t, _ in said), timeout=3000)
        assert len(calls) == 1, "no second listing while the first hangs"
        # the event loop kept ticking while the listing hangs (a blocking listing would stall it for
        # good); no millisecond bound: another program busy on both cores stalls any thread 300 ms
        assert len(gaps) > 3 and max(gaps) < 0.8 * sum(gaps), gaps
        gate.set()
        qtbot.waitUntil(lambda: got == [str(tmp_path / "a.png")], timeout=3000)
        assert any(t.startswith("Watching") and t.endswith("again") and ok for t, ok in said)
    finally:
        gate.set()
        tick.stop()
        w.stop()


def test_a_watched_folder_that_vanishes_is_reported_once_and_picked_up_again(qtbot, tmp_path):
    from station.feeds.watched_folder import FolderWatcher

    inbox, away = tmp_path / "inbox", tmp_path / "away"
    inbox.mkdir()
    w = FolderWatcher(lambda *k: False, interval_ms=30)
    said, got = [], []
    w.status.connect(lambda t, ok: said.append((t, ok)))
    w.imageReady.connect(got.append)
    w.start(inbox)
    inbox.rename(away)
    qtbot.waitUntil(lambda: len(said) >= 2, timeout=3000)
    qtbot.wait(300)  # many polls, one message
    problems = [t for t, ok in said if not ok]
    assert len(problems) == 1 and "not there" in problems[0]
    away.rename(inbox)
    (inbox / "part.png").write_bytes(b"x" * 10)
    qtbot.waitUntil(lambda: got == [str(inbox / "part.png")], timeout=3000)
    assert said[-1] == (f"Watching {inbox} again", True)
    w.stop()


ODD_NAMES = ["teil ü 1.png", "部品#2 (copy).png", "it's 50% – done.png", "semi;colon & $HOME.png"]


def test_odd_characters_in_paths_are_judged_and_logged(window, qtbot, demo_data, tmp_path):  # noqa: F811
    inbox = tmp_path / "eingang ü"
    inbox.mkdir()
    src = sorted((demo_data / "test" / "good").iterdir())[0]
    window.watch_folder(str(inbox))
    for name in ODD_NAMES:
        shutil.copy(src, inbox / name)
    qtbot.waitUntil(lambda: len(window.reader.latest(10)) == len(ODD_NAMES), timeout=30000)
    rows = window.reader.latest(10)
    assert sorted(r.source for r in rows) == sorted(str(inbox / n) for n in ODD_NAMES)
    assert all(r.verdict in ("PASS", "REVIEW", "FAIL") and r.image_path and r.map_path for r in rows)
    assert all(window.reader.already_seen(str(inbox / n), (inbox / n).stat().st_size,
                                          (inbox / n).stat().st_mtime_ns) for n in ODD_NAMES)


def test_a_station_fault_is_an_error_that_is_retried_not_a_judged_part(window, qtbot, demo_data, tmp_path):  # noqa: F811
    inspector = window.worker._inspector
    judge, faults = inspector.judge, [1]

    def flaky(*a, **k):
        if faults:
            faults.pop()
            raise RuntimeError("onnxruntime: allocation failed")
        return judge(*a, **k)

    inspector.judge = flaky
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    part = inbox / "part.png"
    (inbox / "broken.png").write_bytes(b"not an image at all")
    shutil.copy(sorted((demo_data / "test" / "chip").iterdir())[0], part)
    os.utime(part, ns=((inbox / "broken.png").stat().st_mtime_ns + 10**9,) * 2)  # arrived last: judged last
    window.watch_folder(str(inbox))
    qtbot.waitUntil(lambda: len(window.reader.latest(10)) == 2, timeout=30000)
    causes = dict(window.reader.db.execute("SELECT source, error_cause FROM inspections").fetchall())
    assert causes == {str(inbox / "broken.png"): "input", str(part): "station"}
    st = part.stat()
    assert not window.reader.already_seen(str(part), st.st_size, st.st_mtime_ns), "a station ERROR is not 'judged'"
    qtbot.waitUntil(lambda: [(i, k) for i, k, _ in window.guard.retry] == [(str(part), "watch")], timeout=5000)
    assert "Ctrl+Shift+R" in window.banner.text()
    button = window.feed_bar.retry_button
    assert button.isVisibleTo(window) and button.text() == "Retry 1 failed (Ctrl+Shift+R)"
    button.click()
    qtbot.waitUntil(lambda: len(window.reader.latest(10)) == 3, timeout=30000)
    last = window.reader.latest(1)[0]
    assert last.source == str(part) and last.verdict in ("FAIL", "REVIEW")
    assert window.reader.already_seen(str(part), st.st_size, st.st_mtime_ns)
    assert window.guard.retry == [] and not button.isVisibleTo(window)


def test_a_station_fault_on_a_camera_frame_keeps_the_frame_for_a_retry(window, qtbot):  # noqa: F811
    frame = FakeCamera().frame
    window.worker._inspector = None  # no model: the frame is the station's problem, not the part's
    window.submit_frame(frame, "camera 0")
    qtbot.waitUntil(lambda: len(window.guard.retry) == 1, timeout=10000)
    item, kind, source = window.guard.retry[0]
    assert kind == "camera" and source == "camera 0" and np.array_equal(item, frame)
    window.choose_category(window.category_bar.current())
    qtbot.waitUntil(lambda: window.reader.latest(1)[0].verdict == "FAIL", timeout=20000)
    assert window.guard.retry == []


def test_a_camera_address_that_is_not_a_camera_says_so_and_keeps_trying(qtbot):
    from station.feeds.camera import CameraSource, OpenCVProvider

    cam = CameraSource(lambda: OpenCVProvider("not-a-camera"), name="camera not-a-camera", retry_s=0.05)
    events, said = [], []
    cam.episode.connect(lambda e, d: events.append(e))
    cam.status.connect(lambda t, ok: said.append((t, ok)))
    cam.start()
    try:
        qtbot.waitUntil(lambda: len(said) >= 2, timeout=10000)
    finally:
        cam.stop()
    assert events == ["no_signal"] and cam.connections == 0
    assert said[0] == ("camera not-a-camera: no signal, retrying in 0 s", False)


def test_station_errors_of_the_shift_are_offered_again_after_a_restart(qtbot, trained_models, demo_data, tmp_path):
    from engine.types import error_result
    from station.app import make_window
    from station.storage.history import HistoryStore

    part = tmp_path / "opened.png"
    shutil.copy(sorted((demo_data / "test" / "chip").iterdir())[0], part)
    gone = tmp_path / "gone.png"
    store = HistoryStore(tmp_path / "data", "bench-1")
    store.record(error_result(str(part), "internal error: RuntimeError: out of memory", "washer", cause="station"))
    store.record(error_result(str(gone), "internal error", "washer", cause="station"))  # no longer on disk
    store.record(error_result(str(tmp_path / "bad.png"), "not an image", "washer"))  # the file's own fault
    store.close()
    w = make_window(trained_models, tmp_path / "data", station="bench-1", operator="t",
                    camera_factory=lambda address: FakeCamera())
    w.confirm_quit, w.hold_ms = False, 0
    qtbot.addWidget(w)
    w.show()
    try:
        assert [i for i, _, _ in w.guard.retry] == [str(part)]
        assert w.feed_bar.retry_button.isVisibleTo(w)
        qtbot.waitUntil(lambda: w.model_info is not None, timeout=20000)
        qtbot.waitUntil(lambda: w.reader.latest(1)[0].source == str(part) and w.reader.latest(1)[0].verdict != "ERROR",
                        timeout=20000)  # retried when the model loaded
        assert w.reader.unretried_station_errors() == [str(gone)]  # gone from disk: left as it was
    finally:
        w.shutdown()
