"""Is the map drawn where the cells look? A trained model's maps shifted by (dy, dx) input pixels
after they are drawn: if the impulse probe's placement (``grid_offset_px``) were off, a shift
would move the strict pointing game, which thin cracks and pinholes make sensitive to a few pixels.

    python benchmarks/experiments/map_shift.py DATA/<category> MODELS:CATEGORY [--version vN]
        [--shifts 0:0,3:0,-3:0,0:3,0:-3]

Each shift's maps are evaluated with ``engine.evaluation.evaluate_folder``; the verdicts stay the
model's own. A pixel shifted in from outside the frame repeats the edge.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.experiments.map_rows import header, map_row, model_parser, parsed_model, save_rows  # noqa: E402
from engine.patchcore.model import PatchCore  # noqa: E402


class ShiftedMap(PatchCore):
    """The model's own map, moved by ``shift`` = (dy, dx) input pixels (positive: down, right)."""

    def __init__(self, model: PatchCore, shift: tuple[float, float]) -> None:
        super().__init__(model.embedder, model.index, model.config, model.map_view)
        self.shift = shift

    def anomaly_map(self, patch_scores, out_size, score_cell=None, image=None):
        m = super().anomaly_map(patch_scores, out_size, score_cell, image)
        dy, dx = self.shift
        if dy == 0 and dx == 0:
            return m
        ih, iw = self.config.input_size
        ty, tx = dy * out_size[0] / ih, dx * out_size[1] / iw
        return cv2.warpAffine(m, np.float32([[1, 0, tx], [0, 1, ty]]), (out_size[1], out_size[0]),
                              flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)


def main() -> None:
    ap = model_parser(__doc__)
    ap.add_argument("--shifts", default="0:0,3:0,-3:0,0:3,0:-3", help="dy:dx pairs, input pixels")
    a, base = parsed_model(ap)
    rows = []
    header("shift dy, dx (input px)")
    for spec in a.shifts.split(","):
        dy, dx = (float(v) for v in spec.split(":"))
        insp = copy.copy(base)
        insp.model = ShiftedMap(base.model, (dy, dx))
        rows.append(map_row(insp, a.data, {"shift_px": [dy, dx]}, [f"{dy:g}, {dx:g}"]))
        save_rows(a.out, rows, data=a.data, model=a.model, version=a.version)


if __name__ == "__main__":
    main()
