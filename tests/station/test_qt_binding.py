"""The Qt binding itself must survive a long shift: PySide6 6.12.0's Signal.emit dropped one
reference to ``True`` per call, so the station crashed (``bool_dealloc``) after a few thousand
parts (found by benchmarks/bench_soak.py). pyproject.toml excludes it; this keeps it out."""

from __future__ import annotations

import sys


def test_signal_emit_keeps_the_reference_counts_of_true_and_false(qapp):
    from PySide6.QtCore import QObject, Signal

    class Emitter(QObject):
        fired = Signal(object, int, str)

    e = Emitter()
    got = []
    e.fired.connect(lambda *args: got.append(1))
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(200):  # fewer than True's references, so a leaking binding fails here, not aborts
        e.fired.emit(None, 1, "x")
    assert len(got) == 200
    assert (sys.getrefcount(True), sys.getrefcount(False)) >= before
