"""The pace of verdicts on screen: each held for hold_ms, the newest of a burst shown next."""

from __future__ import annotations

from time import monotonic
from types import SimpleNamespace

from PySide6.QtWidgets import QWidget

from station.verdict_pacer import VerdictPacer


class _Window(QWidget):
    def __init__(self, hold_ms: int) -> None:
        super().__init__()
        self.hold_ms, self.last_display, self.shown = hold_ms, 0.0, []

    def display(self, result, row_id: int) -> None:
        self.last_display = monotonic()
        self.shown.append((result.verdict.value, row_id))


def _result(verdict: str):
    return SimpleNamespace(verdict=SimpleNamespace(value=verdict))


def test_a_burst_shows_the_first_at_once_then_the_newest(qtbot):
    w = _Window(hold_ms=150)
    pacer = VerdictPacer(w)
    pacer.offer(_result("PASS"), 1)
    assert w.shown == [("PASS", 1)], "nothing shown lately: at once"
    for verdict, row in [("REVIEW", 2), ("FAIL", 3), ("PASS", 4), ("FAIL", 5), ("REVIEW", 6)]:
        pacer.offer(_result(verdict), row)
    assert w.shown == [("PASS", 1)], "held while the first is up"
    qtbot.waitUntil(lambda: len(w.shown) == 2, timeout=2000)
    assert w.shown[1] == ("REVIEW", 6), "the screen ends on the part judged last (the strip shows the rest)"
    qtbot.wait(300)
    assert len(w.shown) == 2, "the rest were logged, not queued on screen"


def test_without_a_hold_every_verdict_is_shown(qtbot):
    w = _Window(hold_ms=0)
    pacer = VerdictPacer(w)
    for row, verdict in enumerate(["FAIL", "PASS", "PASS"]):
        pacer.offer(_result(verdict), row)
    assert [v for v, _ in w.shown] == ["FAIL", "PASS", "PASS"]
