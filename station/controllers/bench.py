"""At the bench: the operator settles REVIEW parts (a decision like any other, context
"bench"), and the window warns when the parts' scores drift towards the threshold."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject

from engine.judging.drift import good_score_drift
from station.storage.reviews import ReviewStore
from station.storage.shifts import current_shift
from ui.bench_bar import BenchBar

DRIFT_EVERY = 25
"""Drift is looked at again after this many parts."""


class BenchController(QObject):
    def __init__(self, window, bar: BenchBar) -> None:
        super().__init__(window)
        self.window, self.bar = window, bar
        self.store = ReviewStore(window.reader)
        self.row_id = -1
        self.seen = 0
        self.drifting = False
        bar.settled.connect(self.settle)

    def on_displayed(self, result, row_id: int) -> None:
        if result.verdict.value == "REVIEW" and row_id >= 0:
            self.row_id = row_id
            self.bar.ask(row_id)
        else:
            self.row_id = -1
            self.bar.hide()
        self.seen += 1
        if self.seen % DRIFT_EVERY == 0:
            self.check_drift(result.category)

    def settle(self, how: str) -> None:
        if self.row_id < 0:
            return
        a = self.window.authority
        if how == "accept":
            self.store.decide(self.row_id, a.who, a.role, "good", reason=self.tr("accepted at the bench"), context="bench")
        else:
            self.store.decide(self.row_id, a.who, a.role, "defect", defect_type=self.tr("rejected at the bench"),
                              context="bench")
        self.window.show_message(self.tr("Part #{0} {1} at the bench.").format(
            self.row_id, self.tr("accepted") if how == "accept" else self.tr("rejected")), 5)
        self.row_id = -1
        self.bar.hide()

    def check_drift(self, category: str) -> None:
        if not category:
            return
        start = current_shift(self.window.shift_spec()).start_utc
        rows = self.window.reader.db.execute(
            "SELECT normalised_score FROM inspections WHERE category=? AND ts >= ? AND verdict != 'ERROR' "
            "AND source_kind IS NOT 'master' ORDER BY id", (category, start)).fetchall()
        drift = good_score_drift(np.array([r[0] for r in rows], dtype=np.float64))
        if drift.drifting and not self.drifting:
            self.window.show_message(self.tr("{0}: {1}").format(category, drift.message), 60)
            self.window.verdict.set_drift(drift.message)
        elif not drift.drifting and self.drifting:
            self.window.verdict.set_drift("")
        self.drifting = drift.drifting
