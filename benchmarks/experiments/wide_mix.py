"""Does a share of a widely blurred map lift the pixel AUROC of the map that now follows the
image, and at what cost in pointing? Each map as the model draws it (guided, for models trained
with the guide) redrawn as (map + mix * wide) / (1 + mix), where wide is the same map blurred
with a Gaussian of ``sigma`` input pixels: the regions of uneven surfaces fill in, while the
fine map keeps where the peak is.

    python benchmarks/experiments/wide_mix.py DATA/<category> MODELS:CATEGORY [--version vN]
        [--sigmas 16,32] [--mixes 0.5,1]

Each setting's maps are evaluated with ``engine.evaluation.evaluate_folder``; the verdicts stay
the model's own.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.experiments.map_rows import (  # noqa: E402
    header, map_row, model_parser, parsed_model, refuse_filled, save_rows)
from engine.judging.inspector import Inspector  # noqa: E402


class WideMixInspector:
    """Looks like an ``Inspector`` to ``evaluate_folder``; each map mixed with its wide blur."""

    def __init__(self, base: Inspector, sigma: float, mix: float, combine: str = "mean") -> None:
        self.base, self.sigma, self.mix, self.combine = base, sigma, mix, combine
        self.decision, self.info = base.decision, base.info

    def inspect_path(self, path):
        r = self.base.inspect_path(path)
        if not r.ok or self.mix == 0:
            return r
        ih = self.base.model.config.input_size[0]
        sigma = self.sigma * r.anomaly_map.shape[0] / ih  # input pixels -> image pixels
        wide = cv2.GaussianBlur(r.anomaly_map, (0, 0), sigmaX=sigma, borderType=cv2.BORDER_REFLECT)
        if self.combine == "max":  # the wide map, scaled by mix <= 1, never tops the map's own peak
            return replace(r, anomaly_map=np.maximum(r.anomaly_map, self.mix * wide).astype("float32"))
        return replace(r, anomaly_map=((r.anomaly_map + self.mix * wide) / (1 + self.mix)).astype("float32"))


def main() -> None:
    ap = model_parser(__doc__)
    ap.add_argument("--sigmas", default="16,32", help="the wide blur, input pixels")
    ap.add_argument("--mixes", default="0.5,1", help="the wide map's share (0: the model's map)")
    ap.add_argument("--combine", choices=("mean", "max"), default="mean",
                    help="mean: (map + mix * wide) / (1 + mix); max: max(map, mix * wide), which keeps "
                         "the map's peak where it is when mix <= 1")
    a, base = parsed_model(ap)
    if a.combine == "max":
        refuse_filled(base, a.model)
    rows = []
    header("sigma", "mix")  # combined as --combine says
    for mix in (float(m) for m in a.mixes.split(",")):
        for sigma in ((float(s) for s in a.sigmas.split(",")) if mix else [0.0]):
            rows.append(map_row(WideMixInspector(base, sigma, mix, a.combine), a.data,
                                {"sigma": sigma, "mix": mix, "combine": a.combine},
                                [f"{sigma:g}", f"{mix:g}"]))
            save_rows(a.out, rows, data=a.data, model=a.model, version=a.version)


if __name__ == "__main__":
    main()
