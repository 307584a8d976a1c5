"""Changing a category's threshold: technician only, previewed on stored parts, logged, with
inspection paused while it happens."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject

from engine.judging.calibration import decision_for, frr_interval
from engine.model_store.updates import set_threshold
from engine.model_store.store import ModelError, load_model
from station.storage.reviews import ReviewStore
from ui.threshold_dialog import ThresholdDialog


def flips(scores: list[tuple[int, float, str]], good_scores, old: float, new: float, threshold_doc: dict) -> Counter:
    """How the verdicts of stored parts (id, raw score, verdict) would change: Counter of 'A→B'
    (``threshold_doc``: the manifest's threshold section, for the REVIEW band)."""
    before = decision_for(threshold_doc, good_scores, old)
    after = decision_for(threshold_doc, good_scores, new)
    out: Counter = Counter()
    for _i, s, _v in scores:
        a, b = before.verdict(s).value, after.verdict(s).value
        if a != b:
            out[f"{a}→{b}"] += 1
    return out


class ThresholdController(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.store = ReviewStore(window.reader)
        self.dialog: ThresholdDialog | None = None
        self._good, self._doc = None, {}

    def preview(self, category: str, new: float, last_n: int) -> str:
        return self.flip_text(category, new, last_n) + "<br>" + self.cost_text(new)

    def flip_text(self, category: str, new: float, last_n: int) -> str:
        info = self.window.model_info
        scores = self.store.recent_scores(category, last_n)
        if not scores:
            return self.tr("No stored parts of {0} yet to preview on.").format(category)
        c = flips(scores, self._good, info.threshold, new, self._doc)
        if not c:
            return self.tr("Of the last {0} parts of {1}, none would change verdict.").format(len(scores), category)
        return self.tr("Of the last {0} parts of {1}, {2} would change verdict: {3}").format(
            len(scores), category, sum(c.values()), ", ".join(f"{k} {n}" for k, n in sorted(c.items())))

    def cost_text(self, new: float) -> str:
        """What the new threshold costs on the calibration goods: FAIL and REVIEW shares."""
        g = np.asarray(self._good, dtype=np.float64)
        if g.size < 2:
            return ""
        d = decision_for(self._doc, g, new)
        lo, hi = frr_interval(g, new)
        review = float(((g >= d.review_start) & (g < new)).mean())
        return self.tr("Good parts: about {0:.1%} FAIL (between {1:.1%} and {2:.1%}), {3:.1%} to REVIEW from {4:.3f} "
                       "(the {5} calibration goods).").format(float((g >= new).mean()), lo, hi, review,
                                                             d.review_start, g.size)

    def open(self) -> None:
        info = self.window.model_info
        if info is None:
            self.window.show_message(self.tr("No model loaded: choose a category first."))
            return
        if not self.window.require_technician(self.tr("change the threshold")):
            return
        folder = Path(self.window.models_dir) / info.category
        stored = load_model(folder)
        self._good, self._doc = stored.good_scores, stored.manifest["threshold"]
        calibrated = stored.manifest["threshold"].get("calibrated_value")
        self.dialog = d = ThresholdDialog(info.category, info.threshold, calibrated, self.window)
        d.previewRequested.connect(lambda v, n: d.show_preview(self.preview(info.category, v, n)))
        d.show_preview(self.preview(info.category, info.threshold, d.last_n.value()))
        self.window.pause(self.tr("the threshold is being changed"))
        d.finished.connect(lambda result: self.finish(result, info))
        d.open()

    def finish(self, result: int, info) -> None:
        d, self.dialog = self.dialog, None
        try:
            if result and d is not None:
                self.apply(info.category, d.value.value(), d.why.text().strip())
        finally:
            self.window.resume()

    def apply(self, category: str, value: float, why: str) -> bool:
        """Set the threshold (technician only), log old and new, reload the model."""
        if not why.strip():
            self.window.show_message(self.tr("Threshold of {0} not changed: a reason is needed (it goes in the "
                                             "change log).").format(category))
            return False
        if not self.window.require_technician(self.tr("change the threshold")):
            return False
        old = self.window.model_info.threshold if self.window.model_info else None
        try:
            set_threshold(self.window.models_dir, category, value)
        except ModelError as exc:
            self.window.show_message(str(exc))
            return False
        a = self.window.authority
        self.store.log_change(a.who, a.role, f"threshold:{category}", f"{old:.4f}" if old is not None else None,
                              f"{value:.4f}", why.strip())
        self.window.show_message(self.tr("Threshold of {0}: {1:.3f} → {2:.3f}").format(category, old or 0.0, value))
        self.window.requestLoad.emit(category)
        return True
