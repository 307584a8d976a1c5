"""Drift of the parts' scores over a shift: lighting, camera or material creeping towards the
threshold before parts start to fail.

The normalised scores (threshold = 0.5) of the judged parts in time order are split into
thirds; medians are used, so the few defective parts do not move them. The shift drifts when
the last third's median has risen by ``min_rise`` or more over the first third's and stands at
``min_level`` or more, with the rise also seen as a positive slope. PASS parts alone would not
do: once drifting goods start to fail they leave that set, and its median stays put.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MIN_PARTS = 30
MIN_RISE = 0.08
MIN_LEVEL = 0.30


@dataclass(frozen=True)
class Drift:
    parts: int
    early_median: float
    late_median: float
    slope_per_100: float
    """Least-squares slope of the normalised score per 100 parts."""
    drifting: bool

    @property
    def message(self) -> str:
        if self.parts < MIN_PARTS:
            return f"too few parts ({self.parts}) to judge drift"
        if not self.drifting:
            return f"no drift: median score {self.early_median:.2f} → {self.late_median:.2f} over the shift (threshold 0.50)"
        return (f"DRIFT: the parts' scores are creeping towards the threshold, median {self.early_median:.2f} → "
                f"{self.late_median:.2f} (threshold 0.50); check lighting, camera and material")


def good_score_drift(normalised: np.ndarray, min_rise: float = MIN_RISE, min_level: float = MIN_LEVEL) -> Drift:
    """``normalised``: judged parts' normalised scores in time order, shape (N,)."""
    s = np.asarray(normalised, dtype=np.float64)
    n = int(s.size)
    if n < MIN_PARTS:
        med = float(np.median(s)) if n else 0.0
        return Drift(n, med, med, 0.0, False)
    third = n // 3
    early, late = float(np.median(s[:third])), float(np.median(s[-third:]))
    slope = float(np.polyfit(np.arange(n, dtype=np.float64), s, 1)[0]) * 100.0
    drifting = late - early >= min_rise and late >= min_level and slope > 0
    return Drift(n, early, late, slope, drifting)
