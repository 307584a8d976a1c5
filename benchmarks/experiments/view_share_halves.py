"""Does a share of the map's second view chosen on half a test set hold on the other half?
Each test folder's images are split by their place in it (even: half A, odd: half B). A model
trained with ``--map-stages`` redraws its maps with the view's share w (``view_weight.py``'s
``WeightedView``), and pixel AUROC, AUPRO and the pointing game are computed on each half.

    python benchmarks/experiments/view_share_halves.py DATA/<category> MODELS:CATEGORY [--version vN]
        [--weights 0.5,0.6,0.65,0.7] [--out FILE]

Scores and verdicts are the model's own at every share, so only the map figures are reported.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path
from typing import Any

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchmarks.experiments.map_rows import model_parser, parsed_model, save_rows  # noqa: E402
from benchmarks.experiments.view_weight import WeightedView  # noqa: E402
from engine.evaluation import _mask_for, _shrink  # noqa: E402
from engine.imaging import is_image_path  # noqa: E402
from engine.judging.inspector import Inspector  # noqa: E402
from engine.metrics import aupro, peak_distance, pixel_auroc  # noqa: E402

HALVES = ("A", "B")


def test_items(root: Path) -> list[tuple[str, str, Path]]:
    """(half, defect type, path) of every test image; a folder's images alternate A, B."""
    test = root / "test"
    out = []
    for d in sorted(p for p in test.iterdir() if p.is_dir()):
        files = sorted(p for p in d.iterdir() if p.is_file() and is_image_path(p))
        out += [(HALVES[k % 2], d.name, p) for k, p in enumerate(files)]
    return out


def half_figures(inspector: Inspector, root: Path, items: list[tuple[str, str, Path]]) -> dict[str, Any]:
    """Judge every item -> per half: pixel AUROC, AUPRO, pointing (strict) over its defect images."""
    masks: dict[str, list[np.ndarray]] = {h: [] for h in HALVES}
    maps: dict[str, list[np.ndarray]] = {h: [] for h in HALVES}
    hits: dict[str, list[bool]] = {h: [] for h in HALVES}
    for half, kind, path in items:
        res = inspector.inspect_path(path)
        if not res.ok:
            raise SystemExit(f"{path}: {res.error}")
        amap = res.anomaly_map
        mask = np.zeros(amap.shape, bool) if kind == "good" else _mask_for(root, kind, path)
        if mask is None or (kind != "good" and not mask.any()):
            continue
        if mask.shape != amap.shape:
            mask = cv2.resize(mask.astype(np.uint8), amap.shape[::-1], interpolation=cv2.INTER_NEAREST) > 0
        if kind != "good":
            hits[half].append(peak_distance(mask, amap) == 0.0)
        masks[half].append(_shrink(mask, True))
        maps[half].append(_shrink(amap, False))
    return {h: {"pixel_auroc": pixel_auroc(masks[h], maps[h]), "aupro": aupro(masks[h], maps[h]),
                "pointing_game": float(np.mean(hits[h])), "defect_images": len(hits[h])} for h in HALVES}


def main() -> None:
    ap = model_parser(__doc__, "MODELS_DIR:CATEGORY of a model trained with --map-stages")
    ap.add_argument("--weights", default="0.5,0.6,0.65,0.7")
    a, base = parsed_model(ap)
    if base.model.map_view is None:
        raise SystemExit(f"{a.model}: no map view (train with --map-stages)")
    root = Path(a.data)
    items = test_items(root)
    rows = []
    print("| view's share | " + " | ".join(f"{h}: pixel AUROC / AUPRO / pointing" for h in HALVES) + " |")
    print("|---|---|---|", flush=True)
    for w in (float(x) for x in a.weights.split(",")):
        insp = copy.copy(base)
        insp.model = WeightedView(base.model, w)
        fig = half_figures(insp, root, items)
        rows.append({"weight": w, **fig})
        print(f"| {w:g} | " + " | ".join(
            f"{fig[h]['pixel_auroc']:.3f} / {fig[h]['aupro']:.3f} / {100 * fig[h]['pointing_game']:.1f} %"
            f" ({fig[h]['defect_images']})" for h in HALVES) + " |", flush=True)
        save_rows(a.out, rows, data=a.data, model=a.model, version=a.version)


if __name__ == "__main__":
    main()
