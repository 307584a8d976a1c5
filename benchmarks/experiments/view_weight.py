"""How much of the map should the second view draw? A model trained with ``--map-stages`` redrawn
with the view's share w: cell = full^(1 - w) * (scale * view)^w (the engine draws w = 0.5, the
geometric mean; w = 0 is the full view alone).

    python benchmarks/experiments/view_weight.py DATA/<category> MODELS:CATEGORY [--version vN] [--weights 0,0.5,0.7]
        [--sigmas 2,4]

``--sigmas`` also redraws each weight's map with each Gaussian blur (input pixels; the model's
own is 4).

Each weight's maps are evaluated with ``engine.evaluation.evaluate_folder`` (pixel AUROC, AUPRO,
the pointing game); the scores and verdicts are the model's own at every weight.
"""

from __future__ import annotations

import copy
import dataclasses
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.experiments.map_rows import header, map_row, model_parser, parsed_model, save_rows  # noqa: E402
from engine.patchcore.model import PatchCore  # noqa: E402


class WeightedView(PatchCore):
    """The model's own search, its map cells combined with the view's share ``weight``."""

    def __init__(self, model: PatchCore, weight: float, blur_sigma: float | None = None) -> None:
        config = model.config if blur_sigma is None else dataclasses.replace(model.config, blur_sigma=blur_sigma)
        super().__init__(model.embedder, model.index, config, model.map_view)
        self.weight = weight

    def search(self, emb, with_map: bool = True):
        view, self.map_view = self.map_view, None
        try:
            patch, idx, cells = super().search(emb, with_map)
        finally:
            self.map_view = view
        if not with_map or self.weight == 0:
            return patch, idx, cells
        other = view.cells(emb, self.config)
        a = self.weight
        mixed = np.maximum(cells, 0) ** (1 - a) * (np.maximum(other, 0) * view.scale) ** a
        return patch, idx, mixed.astype(np.float32)


def main() -> None:
    ap = model_parser(__doc__, "MODELS_DIR:CATEGORY of a model trained with --map-stages")
    ap.add_argument("--weights", default="0,0.3,0.5,0.6,0.7,0.85,1")
    ap.add_argument("--sigmas", help="map blurs to try, input pixels (default: the model's own)")
    a, base = parsed_model(ap)
    if base.model.map_view is None:
        raise SystemExit(f"{a.model}: no map view (train with --map-stages)")
    rows = []
    sigmas = [float(x) for x in a.sigmas.split(",")] if a.sigmas else [base.model.config.blur_sigma]
    header("view's share", "blur sigma")
    for w, sigma in ((float(x), s) for x in a.weights.split(",") for s in sigmas):
        insp = copy.copy(base)
        insp.model = WeightedView(base.model, w, sigma)
        rows.append(map_row(insp, a.data, {"weight": w, "blur_sigma": sigma}, [f"{w:g}", f"{sigma:g}"]))
        save_rows(a.out, rows, data=a.data, model=a.model, version=a.version)


if __name__ == "__main__":
    main()
