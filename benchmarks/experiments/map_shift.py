"""Is the map drawn where the cells look? A trained model's maps shifted by (dy, dx) input pixels
after they are drawn: if the impulse probe's placement (``grid_offset_px``) were off, a shift
would move the strict pointing game, which thin cracks and pinholes make sensitive to a few pixels.

    python benchmarks/experiments/map_shift.py DATA/<category> MODELS:CATEGORY [--version vN]
        [--shifts 0:0,3:0,-3:0,0:3,0:-3]

Each shift's maps are evaluated with ``engine.evaluation.evaluate_folder``; the verdicts stay the
model's own. A pixel shifted in from outside the frame repeats the edge.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from engine.evaluation import evaluate_folder  # noqa: E402
from engine.inspector import Inspector  # noqa: E402
from engine.patchcore.model import PatchCore  # noqa: E402


class ShiftedMap(PatchCore):
    """The model's own map, moved by ``shift`` = (dy, dx) input pixels (positive: down, right)."""

    def __init__(self, model: PatchCore, shift: tuple[float, float]) -> None:
        super().__init__(model.embedder, model.index, model.config, model.map_view)
        self.shift = shift

    def anomaly_map(self, patch_scores, out_size, score_cell=None):
        m = super().anomaly_map(patch_scores, out_size, score_cell)
        dy, dx = self.shift
        if dy == 0 and dx == 0:
            return m
        ih, iw = self.config.input_size
        ty, tx = dy * out_size[0] / ih, dx * out_size[1] / iw
        return cv2.warpAffine(m, np.float32([[1, 0, tx], [0, 1, ty]]), (out_size[1], out_size[0]),
                              flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data")
    ap.add_argument("model", help="MODELS_DIR:CATEGORY")
    ap.add_argument("--version", help="model version (v1, v2, ...; default: the active one)")
    ap.add_argument("--shifts", default="0:0,3:0,-3:0,0:3,0:-3", help="dy:dx pairs, input pixels")
    ap.add_argument("--out")
    a = ap.parse_args()
    base = Inspector.load(*a.model.rsplit(":", 1), version=a.version)
    rows = []
    print("| shift dy, dx (input px) | pixel AUROC | AUPRO | pointing (15 px) | per type |")
    print("|---|---|---|---|---|")
    for spec in a.shifts.split(","):
        dy, dx = (float(v) for v in spec.split(":"))
        insp = copy.copy(base)
        insp.model = ShiftedMap(base.model, (dy, dx))
        res = evaluate_folder(insp, a.data)
        per = {t: round(v["pointing"], 3) for t, v in res["per_type"].items() if t != "good"}
        rows.append({"shift_px": [dy, dx], "pixel_auroc": res["pixel_auroc"], "aupro": res["aupro"],
                     "pointing_game": res["pointing_game"],
                     "pointing_tolerant": res["pointing_game_tolerant"]["rate"], "per_type_pointing": per})
        print(f"| {dy:g}, {dx:g} | {res['pixel_auroc']:.3f} | {res['aupro']:.3f} | {100 * res['pointing_game']:.1f} % "
              f"({100 * res['pointing_game_tolerant']['rate']:.1f} %) | {per} |", flush=True)
        if a.out:
            Path(a.out).write_text(json.dumps({"data": a.data, "model": a.model, "version": a.version,
                                               "rows": rows}, indent=2))


if __name__ == "__main__":
    main()
