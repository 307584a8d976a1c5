"""How large must the map's second view's bank be? A model with ``--map-stages 2`` searches a
second bank, as large as the full view's, for every cell of every image: about 6 ms a judgement
on bottle, which keeps the view from being the default. Stage 2's 40 channels see 8 px cells,
so their good patches may be covered by fewer bank vectors. This redraws a trained model's maps
with its view's bank cut by greedy k-center (the training's own coreset) to a share of its size,
and evaluates each with ``engine.evaluation.evaluate_folder``; the verdicts stay the model's own.

    python benchmarks/experiments/view_bank_size.py DATA/<category> MODELS:CATEGORY \
        [--shares 1,0.5,0.33,0.2] [--out FILE]

A screen, not the training: the cut bank is a coreset of the saved coreset (the training picks
from all candidate patches), and the view's scale is kept (a constant factor on every cell,
which moves neither the pixel metrics nor the peak).
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.experiments.map_rows import header, map_row, model_parser, parsed_model, save_rows  # noqa: E402
from engine.patchcore.coreset import greedy_coreset  # noqa: E402
from engine.patchcore.model import MapView  # noqa: E402


def search_ms(view: MapView, emb: np.ndarray, k: int, repeats: int = 20) -> float:
    """Median milliseconds of the view's search for one image's embedding (1, h, w, D)."""
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        view.distances(emb, k)
        times.append(1000 * (time.perf_counter() - t0))
    return float(np.median(times))


class WarmestView:
    """Stands in for a ``MapView`` inside ``PatchCore.search``: the view is searched only for the
    warmest ``share`` of each image's cells (by the full view's cells, grown by one cell so the
    view's resampling reads searched cells); elsewhere the view is taken to agree with the full
    view (its cell = full / scale, so the geometric mean is the full view's cell)."""

    def __init__(self, view: MapView, share: float, cool_ratio: float = 1.0) -> None:
        self.view, self.share, self.searched, self.cool_ratio = view, share, [], cool_ratio
        self.channels, self.scale, self.index = view.channels, view.scale, view.index

    def cells(self, emb: np.ndarray, config) -> tuple[np.ndarray, object]:
        return emb, config

    def combined(self, full: np.ndarray, deferred: tuple[np.ndarray, object]) -> np.ndarray:
        emb, config = deferred
        b, h, w, _ = emb.shape
        view = full * (self.cool_ratio / self.view.scale)
        for i in range(b):
            cut = np.quantile(full[i], 1.0 - self.share)
            chosen = cv2.dilate((full[i] >= cut).astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool)
            self.searched.append(float(chosen.mean()))
            near = self.view.distances(emb[i][chosen][None, None], config.map_neighbours).mean(axis=1)
            view[i][chosen] = near
        view = self.view.placed(view.astype(np.float32), config.grid_offset,
                                (config.input_size[0] / h, config.input_size[1] / w))
        return self.view.combined(full, view)


def main() -> None:
    ap = model_parser(__doc__)
    ap.add_argument("--shares", default="1,0.5,0.33,0.2", help="shares of the view's bank kept")
    ap.add_argument("--from-full", action="store_true", help="the view's bank: the full bank's first channels")
    ap.add_argument("--warmest", default="", help="shares of each image's cells the view is searched for")
    ap.add_argument("--cool-ratio", type=float, default=1.0, help="view / full assumed where not searched")
    a, base = parsed_model(ap)
    view = base.model.map_view
    if view is None:
        raise SystemExit("view_bank_size: the model has no map view; train it with --map-stages")
    vectors = view.bank_vectors()
    emb = base.model.embed([np.zeros((*base.model.config.input_size, 3), np.uint8)])
    rows = []
    if a.from_full:
        full = base.model.index.vectors(np.arange(base.model.index.size))[:, :view.channels]
        base.model.map_view = replace(view, index=MapView.bank_index(full))
        rows.append(map_row(base, a.data, {"bank": "full bank's first channels", "size": len(full)},
                            ["full's", str(len(full)), "-"]))
        base.model.map_view = view
    for share in [float(s) for s in a.warmest.split(",") if s]:
        warm = WarmestView(view, share, a.cool_ratio)
        base.model.map_view = warm
        rows.append(map_row(base, a.data, {"warmest": share, "cool_ratio": a.cool_ratio}, [f"warmest {share:g}", "", ""]))
        rows[-1]["searched_share"] = round(float(np.mean(warm.searched)), 3)
        print("searched share", rows[-1]["searched_share"])
        base.model.map_view = view
    header("share", "bank", "view search ms")
    for share in [float(s) for s in a.shares.split(",") if s]:
        n = max(1, round(share * len(vectors)))
        idx = np.arange(len(vectors)) if n >= len(vectors) else np.sort(greedy_coreset(vectors, n, 64, 0))
        cut = replace(view, index=MapView.bank_index(vectors[idx]))
        base.model.map_view = cut
        ms = search_ms(cut, emb, base.model.config.map_neighbours)
        rows.append(map_row(base, a.data, {"share": share, "bank": n, "view_search_ms": round(ms, 2)},
                            [f"{share:g}", str(n), f"{ms:.1f}"]))
        save_rows(a.out, rows, data=a.data, model=a.model, version=a.version)


if __name__ == "__main__":
    main()
