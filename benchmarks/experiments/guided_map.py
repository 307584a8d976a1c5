"""Should the map follow the image's own edges? The map is drawn from 8 px cells and blurred, so
a pinhole or a hairline crack a few pixels wide gets a blob whose peak can sit beside it. A
guided filter (He, Sun and Tang 2010) with the grey image as the guide redraws the map as a
locally linear function of the image, a * I + b, fitted in windows of ``radius`` pixels: where
the map rises over a dark pinhole, the redrawn map is highest on the pinhole itself.

    python benchmarks/experiments/guided_map.py DATA/<category> MODELS:CATEGORY [--version vN]
        [--radii 4,8] [--eps 0.01,0.05] [--detail-only]

``eps`` is the filter's regulariser in units of the grey level's own spread on [0, 1]: small
follows the image closely, large leaves the map as it is. The redrawn map is linear in the map
for a fixed image, so the pixel metrics compare across images. Each setting is evaluated with
``engine.evaluation.evaluate_folder``; the verdicts stay the model's own.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.experiments.map_rows import header, map_row, model_parser, parsed_model, save_rows  # noqa: E402
from engine.judging.inspector import Inspector  # noqa: E402
from engine.patchcore.map_guide import grey_guide, guided_detail  # noqa: E402


def guided(guide: np.ndarray, src: np.ndarray, radius: int, eps: float, detail_only: bool = False) -> np.ndarray:
    """Guided filter: grey ``guide`` (H, W) float32 on [0, 1], map ``src`` (H, W) -> (H, W); ``eps``
    relative to the guide's variance. ``detail_only``: the engine's ``guided_detail``, the map as
    it is plus the image-following part alone, so the filter's own smoothing is left out;
    otherwise the whole filter, a * I + b with a and b averaged over the window."""
    if detail_only:
        return guided_detail(src, guide, radius, eps)
    k = (2 * radius + 1, 2 * radius + 1)

    def box(x: np.ndarray) -> np.ndarray:
        return cv2.boxFilter(x, cv2.CV_32F, k, borderType=cv2.BORDER_REFLECT)

    mi, mp = box(guide), box(src)
    a = (box(guide * src) - mi * mp) / (box(guide * guide) - mi * mi + eps * (float(guide.var()) + 1e-6))
    return box(a) * guide + box(mp - a * mi)


class GuidedInspector:
    """Looks like an ``Inspector`` to ``evaluate_folder``; each map redrawn by ``guided``."""

    def __init__(self, base: Inspector, radius: int, eps: float, detail_only: bool = False) -> None:
        self.base, self.radius, self.eps, self.detail_only = base, radius, eps, detail_only
        self.decision, self.info = base.decision, base.info

    def inspect_path(self, path):
        r = self.base.inspect_path(path, keep_image=True)
        if not r.ok or self.radius == 0:
            return replace(r, image=None)
        grey = grey_guide(r.image, r.anomaly_map.shape)
        amap = guided(grey, r.anomaly_map.astype(np.float32), self.radius, self.eps, self.detail_only)
        return replace(r, anomaly_map=amap.astype(np.float32), image=None)


def main() -> None:
    ap = model_parser(__doc__)
    ap.add_argument("--radii", default="4,8", help="window radii, image pixels (0: the model's map)")
    ap.add_argument("--eps", default="0.01,0.05")
    ap.add_argument("--detail-only", action="store_true", help="add the image-following part to the map as it is")
    a, base = parsed_model(ap)
    settings = [(int(r), float(e)) for r in a.radii.split(",") for e in (a.eps.split(",") if int(r) else ["0"])]
    rows = []
    header("radius", "eps")
    for radius, eps in settings:
        rows.append(map_row(GuidedInspector(base, radius, eps, a.detail_only), a.data, {"radius": radius, "eps": eps},
                            [str(radius), f"{eps:g}"]))
        save_rows(a.out, rows, data=a.data, model=a.model, version=a.version, detail_only=a.detail_only)


if __name__ == "__main__":
    main()
