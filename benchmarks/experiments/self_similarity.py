"""Does the part itself say which patches are unusual? Each map cell also measured against the
other cells of the same image: the mean distance to its ``k`` nearest cells outside a square of
``radius`` cells around it. Grain recurs across a tile, a crack or a pinhole does not; so the map
is redrawn as model^(1 - a) * self^a (a = 0: the model's own map).

    python benchmarks/experiments/self_similarity.py DATA/<category> MODELS:CATEGORY [--version vN]
        [--alphas 0,0.3,0.5] [--ks 5,20] [--radius 2]

Each setting's maps are evaluated with ``engine.evaluation.evaluate_folder`` (pixel AUROC, AUPRO,
the pointing game); the image scores and verdicts stay the model's own. A constant factor on
either term changes neither the pixel ranking nor the peak, so no scale is needed.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.experiments.map_rows import header, map_row, model_parser, parsed_model, save_rows  # noqa: E402
from engine.patchcore.model import PatchCore  # noqa: E402


def self_distances(emb: np.ndarray, k: int, radius: int) -> np.ndarray:
    """Embeddings (B, h, w, D) -> (B, h, w): each cell's mean distance to its ``k`` nearest cells
    of the same image, leaving out the (2 * radius + 1)^2 square around it."""
    b, h, w, d = emb.shape
    ys, xs = np.divmod(np.arange(h * w), w)
    near = (np.abs(ys[:, None] - ys[None, :]) <= radius) & (np.abs(xs[:, None] - xs[None, :]) <= radius)
    out = np.empty((b, h * w), np.float32)
    for i in range(b):
        x = emb[i].reshape(-1, d).astype(np.float32)
        sq = np.einsum("ij,ij->i", x, x)
        d2 = sq[:, None] + sq[None, :] - 2.0 * (x @ x.T)
        d2[near] = np.inf
        part = np.partition(d2, k - 1, axis=1)[:, :k]
        out[i] = np.sqrt(np.maximum(part, 0)).mean(axis=1)
    return out.reshape(b, h, w)


class SelfSimilar(PatchCore):
    """The model's own search; its map cells combined with the image's own distances."""

    def __init__(self, model: PatchCore, alpha: float, k: int, radius: int) -> None:
        super().__init__(model.embedder, model.index, model.config, model.map_view)
        self.alpha, self.k, self.radius = alpha, k, radius

    def search(self, emb, with_map: bool = True):
        patch, idx, cells = super().search(emb, with_map)
        if not with_map or self.alpha == 0:
            return patch, idx, cells
        own = self_distances(emb, self.k, self.radius)
        a = self.alpha
        return patch, idx, (np.maximum(cells, 0) ** (1 - a) * own ** a).astype(np.float32)


def main() -> None:
    ap = model_parser(__doc__)
    ap.add_argument("--alphas", default="0,0.3,0.5")
    ap.add_argument("--ks", default="5,20")
    ap.add_argument("--radius", type=int, default=2)
    a, base = parsed_model(ap)
    settings = [(0.0, 0)] if "0" in a.alphas.split(",") else []
    settings += [(float(al), int(k)) for al in a.alphas.split(",") if float(al) > 0 for k in a.ks.split(",")]
    rows = []
    header("self share", "k")
    for alpha, k in settings:
        insp = copy.copy(base)
        insp.model = SelfSimilar(base.model, alpha, k, a.radius)
        rows.append(map_row(insp, a.data, {"alpha": alpha, "k": k, "radius": a.radius}, [f"{alpha:g}", str(k)]))
        save_rows(a.out, rows, data=a.data, model=a.model, version=a.version)


if __name__ == "__main__":
    main()
