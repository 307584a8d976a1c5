"""One model, the part seen mirrored: do grain hotspots move with the view while defects stay?

    python benchmarks/experiments/flip_views.py DATA/<category> MODELS:CATEGORY [--out FILE]

Each test image is judged by the engine as it comes and mirrored left-right, top-bottom and
both (``Inspector.inspect_array``; the bank is the model's own, built from unmirrored images).
Each mirrored map is mirrored back, and the maps of a group of views are combined by their mean,
geometric mean or minimum. The image score stays the unmirrored judgement's, so the verdicts
do not change and only the map does; the score combined the same way is reported beside it.
Every group is evaluated with ``engine.evaluation.evaluate_folder`` (pixel AUROC, AUPRO, the
pointing game strict and within 15 px). Judging time is the sum of the views'.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from engine.evaluation import evaluate_folder  # noqa: E402
from engine.imaging import load_image  # noqa: E402
from engine.judging.inspector import Inspector  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from map_pair import COMBINE  # noqa: E402  (the same combinations)

VIEWS = {"as is": (), "left-right": (1,), "top-bottom": (0,), "both": (0, 1)}
GROUPS = [("as is",), ("as is", "left-right"), ("as is", "top-bottom"), ("as is", "both"),
          ("as is", "left-right", "top-bottom"), ("as is", "left-right", "top-bottom", "both")]


class FlipInspector:
    """Looks like an ``Inspector`` to ``evaluate_folder``."""

    def __init__(self, inner: Inspector, views: tuple[str, ...], combine, combined_score: bool, cache: dict) -> None:
        self.inner, self.views, self.combine, self.combined_score, self.cache = inner, views, combine, combined_score, cache
        self.decision, self.info = inner.decision, inner.info

    def _judged(self, path, view: str):
        key = (str(path), view)
        if key not in self.cache:
            image = load_image(path)
            axes = VIEWS[view]
            r = self.inner.inspect_array(np.ascontiguousarray(np.flip(image, axes) if axes else image), str(path))
            if r.ok and axes:
                r = replace(r, anomaly_map=np.ascontiguousarray(np.flip(r.anomaly_map, axes)))
            self.cache[key] = r
        return self.cache[key]

    def inspect_path(self, path):
        try:
            results = [self._judged(path, v) for v in self.views]
        except Exception:
            return self.inner.inspect_path(path)  # an unreadable file: the engine's own error record
        bad = next((r for r in results if not r.ok), None)
        if bad is not None:
            return bad
        amap = self.combine([r.anomaly_map for r in results]).astype(np.float32)
        score = float(self.combine([np.float64(r.score) for r in results])) if self.combined_score else results[0].score
        ms = sum(r.timing.total_ms for r in results)
        return replace(results[0], anomaly_map=amap, score=score, timing=replace(results[0].timing, total_ms=ms))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data")
    ap.add_argument("model", help="MODELS_DIR:CATEGORY")
    ap.add_argument("--combine", default="geometric mean,mean", help="comma-separated: " + ", ".join(COMBINE))
    ap.add_argument("--out")
    a = ap.parse_args()
    inner = Inspector.load(*a.model.rsplit(":", 1))
    cache: dict = {}
    rows = []
    print("| views | combined by | score | image AUROC | pixel AUROC | AUPRO | pointing (15 px) | judge ms |")
    print("|---|---|---|---|---|---|---|---|")
    for group in GROUPS:
        for how in a.combine.split(",") if len(group) > 1 else ["geometric mean"]:
            for combined_score in (False, True) if len(group) > 1 else (False,):
                res = evaluate_folder(FlipInspector(inner, group, COMBINE[how], combined_score, cache), a.data)
                row = {"views": list(group), "combine": how, "score": "combined" if combined_score else "as is",
                       **{k: res.get(k) for k in ("image_auroc", "pixel_auroc", "aupro", "pointing_game",
                                                   "pointing_game_tolerant", "median_ms_per_image")},
                       "per_type_pointing": {k: v.get("pointing") for k, v in res["per_type"].items() if k != "good"}}
                rows.append(row)
                print(f"| {' + '.join(group)} | {how} | {row['score']} | {row['image_auroc']:.3f} | "
                      f"{row['pixel_auroc']:.3f} | {row['aupro']:.3f} | {100 * row['pointing_game']:.1f} % "
                      f"({100 * row['pointing_game_tolerant']['rate']:.1f} %) | {row['median_ms_per_image']} |", flush=True)
    if a.out:
        Path(a.out).write_text(json.dumps({"data": a.data, "model": a.model, "rows": rows}, indent=2))


if __name__ == "__main__":
    main()
