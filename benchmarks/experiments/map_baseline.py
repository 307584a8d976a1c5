"""Does a per-image baseline help the pooled pixel figures? Pixel AUROC ranks the pixels of all
test images together, so a good image whose whole map sits high (grain, a brighter tile) costs
as much as a defect's pixels are worth. Each map is redrawn as max(map - q-quantile of its own
values, 0) (``--quantiles``; 0 leaves it as drawn), or the other way, raised as a whole by a
share of its image score over the good images' median (``--lifts``); the verdicts the model's
own. Pointing is unchanged by either, so the pixel figures are what this measures.

    python benchmarks/experiments/map_baseline.py DATA/<category> MODELS:CATEGORY [--version vN]
        [--quantiles 0,0.1,0.5] [--lifts 0.25,1] [--out FILE]

Each image is judged once; the settings redraw its map.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.experiments.map_rows import header, map_row, model_parser, parsed_model, save_rows  # noqa: E402
from engine.judging.inspector import Inspector  # noqa: E402


class BaselineInspector:
    """Looks like an ``Inspector`` to ``evaluate_folder``; each map less its ``q``-quantile."""

    def __init__(self, base: Inspector, cache: dict, q: float, lift: float = 0.0) -> None:
        self.base, self.cache, self.q, self.lift = base, cache, q, lift
        self.decision, self.info = base.decision, base.info

    def inspect_path(self, path):
        key = str(path)
        if key not in self.cache:
            self.cache[key] = self.base.inspect_path(path)
        r = self.cache[key]
        if not r.ok or (self.q <= 0 and not self.lift):
            return r
        amap = r.anomaly_map
        if self.q > 0:
            amap = np.maximum(amap - np.quantile(amap, self.q), 0)
        if self.lift:  # the whole map raised by a share of the image score above the good median
            amap = amap + self.lift * max(r.score - self.good_median, 0.0)
        return replace(r, anomaly_map=amap.astype(np.float32))

    @property
    def good_median(self) -> float:
        return float(np.median(self.base.stored.good_scores))


def main() -> None:
    ap = model_parser(__doc__)
    ap.add_argument("--quantiles", default="0,0.1,0.5", help="the baseline's quantile of each map (0: none)")
    ap.add_argument("--lifts", default="", help="also: the map raised by this share of the image score over the good median")
    a, base = parsed_model(ap)
    cache: dict = {}
    rows = []
    header("baseline quantile")
    for q in (float(x) for x in a.quantiles.split(",")):
        rows.append(map_row(BaselineInspector(base, cache, q), a.data, {"quantile": q}, [f"{q:g}"]))
        save_rows(a.out, rows, data=a.data, model=a.model, version=a.version)
    for lift in (float(x) for x in a.lifts.split(",") if x):
        rows.append(map_row(BaselineInspector(base, cache, 0.0, lift), a.data, {"lift": lift}, [f"lift {lift:g}"]))
        save_rows(a.out, rows, data=a.data, model=a.model, version=a.version)


if __name__ == "__main__":
    main()
