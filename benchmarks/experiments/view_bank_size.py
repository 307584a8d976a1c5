"""How can the map's second view cost less? A model with ``--map-stages 2`` (engine 0.4.1-0.4.2)
searches a second bank, as large as the full view's, for every cell of every image: about 6 ms
a judgement on bottle, which kept the view from being the default. This redraws a trained
model's maps three ways and evaluates each with ``engine.evaluation.evaluate_folder`` (the
verdicts stay the model's own):

* ``--shares``: the view's bank cut by greedy k-center (the training's own coreset) to a share
  of its size, searched for every cell;
* ``--from-full``: the view's bank replaced by the full bank's first channels (no second coreset
  at training);
* ``--warmest``: the whole bank, searched only for each image's warmest share of cells
  (``MapView.share``, what engine 0.4.3 builds), the view elsewhere taken as the full view's
  cell times ``--cool-ratio``.

    python benchmarks/experiments/view_bank_size.py DATA/<category> MODELS:CATEGORY \
        [--shares 1,0.5,0.33,0.2] [--from-full] [--warmest 0.1,0.2] [--cool-ratio 1] [--out FILE]

Screens, not trainings: a cut bank is a coreset of the saved coreset (the training picks from
all candidate patches), and the view's scale is kept (a constant factor on every cell, which
moves neither the pixel metrics nor the peak).
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.bench_search_dims import median_ms  # noqa: E402
from benchmarks.experiments.map_rows import header, map_row, model_parser, parsed_model, save_rows  # noqa: E402
from engine.patchcore.coreset import greedy_coreset  # noqa: E402
from engine.patchcore.model import MapView  # noqa: E402


def searched_share(inspector, data: str, images: int = 40) -> float:
    """Mean share of an image's cells the model's view is searched for (``MapView.searched_for``),
    over ``images`` test images spread through the folder."""
    from engine.imaging import load_image
    from engine.training import list_images

    model = inspector.model
    paths = list_images(Path(data) / "test")
    shares = []
    for path in paths[::max(1, len(paths) // images)][:images]:
        emb = model.embed([load_image(path)])
        b, h, w, d = emb.shape
        full = model.index.search(emb.reshape(-1, d), k=model.config.map_neighbours)[0].mean(axis=1).reshape(b, h, w)
        shares.append(float(model.map_view.searched_for(full, model.config).mean()))
    return round(float(np.mean(shares)), 3)


def main() -> None:
    ap = model_parser(__doc__)
    ap.add_argument("--shares", default="1,0.5,0.33,0.2", help="shares of the view's bank kept")
    ap.add_argument("--from-full", action="store_true", help="the view's bank: the full bank's first channels")
    ap.add_argument("--warmest", default="", help="shares of each image's cells the view is searched for")
    ap.add_argument("--cool-ratio", type=float, default=1.0,
                    help="scaled view / full view taken where the view is not searched (a model of engine 0.4.3 "
                         "measures its own)")
    a, base = parsed_model(ap)
    view = base.model.map_view
    if view is None:
        raise SystemExit("view_bank_size: the model has no map view; train it with --map-stages")
    vectors = view.bank_vectors()
    emb = base.model.embed([np.zeros((*base.model.config.input_size, 3), np.uint8)])
    rows = []
    header("setting", "bank", "view search ms")
    if a.from_full:
        full = base.model.index.vectors(np.arange(base.model.index.size))[:, :view.channels]
        base.model.map_view = replace(view, index=MapView.bank_index(full))
        rows.append(map_row(base, a.data, {"bank": "full bank's first channels", "size": len(full)},
                            ["the full bank's channels", str(len(full)), "-"]))
        save_rows(a.out, rows, data=a.data, model=a.model, version=a.version)
    for share in [float(s) for s in a.warmest.split(",") if s]:
        base.model.map_view = replace(view, share=share, cool_ratio=a.cool_ratio)
        searched = searched_share(base, a.data)
        rows.append(map_row(base, a.data, {"warmest": share, "cool_ratio": a.cool_ratio, "searched_share": searched},
                            [f"searched for the warmest {share:g} ({100 * searched:.0f} % of cells searched)",
                             str(view.index.size), "-"]))
        save_rows(a.out, rows, data=a.data, model=a.model, version=a.version)
    for share in [float(s) for s in a.shares.split(",") if s]:
        n = max(1, round(share * len(vectors)))
        idx = np.arange(len(vectors)) if n >= len(vectors) else np.sort(greedy_coreset(vectors, n, 64, 0))
        cut = replace(view, index=MapView.bank_index(vectors[idx]))
        base.model.map_view = cut
        ms = median_ms(lambda: cut.distances(emb, base.model.config.map_neighbours), runs=20)
        rows.append(map_row(base, a.data, {"share": share, "bank": n, "view_search_ms": round(ms, 2)},
                            [f"bank cut to {share:g}", str(n), f"{ms:.1f}"]))
        save_rows(a.out, rows, data=a.data, model=a.model, version=a.version)


if __name__ == "__main__":
    main()
