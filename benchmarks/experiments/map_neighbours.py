"""How many bank neighbours the anomaly map should average (engine 0.4 draws 3).

    python benchmarks/experiments/map_neighbours.py MODELS CATEGORY DATA/<category> [--k 1,2,3,5]

Loads one trained model and judges the test set once per k through the engine's own path
(``engine.evaluation.evaluate_folder`` with the model's ``map_neighbours`` set to k): the image
scores, the threshold and every verdict are the same for every k, only the map changes. Prints
pixel AUROC, AUPRO, the pointing game (strict and within 15 px), the map peaks near the border
(of all test images, and of the good ones with the median of their map's peak over the threshold),
and then the judging time of k = 1 against each other k, alternating image by image over
``--timing-images`` test images (median ms per image, file to verdict and map).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from engine.evaluation import evaluate_folder, peak_near_border  # noqa: E402
from engine.imaging import is_image_path, load_image  # noqa: E402
from engine.judging.inspector import Inspector  # noqa: E402
from engine.patchcore.model import PatchCore  # noqa: E402


def with_neighbours(insp: Inspector, k: int) -> Inspector:
    model = PatchCore(insp.model.embedder, insp.model.index, replace(insp.model.config, map_neighbours=k))
    return Inspector(model, insp.decision, insp.info, insp.stored, insp.models_dir)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("models")
    ap.add_argument("category")
    ap.add_argument("data")
    ap.add_argument("--k", default="1,2,3,5")
    ap.add_argument("--timing-images", type=int, default=40, help="0: no timing")
    a = ap.parse_args()
    base = Inspector.load(a.models, a.category)
    ks = [int(k) for k in a.k.split(",")]
    goods = sorted(p for p in (Path(a.data) / "test" / "good").iterdir() if is_image_path(p))
    out = {"model": base.info.model_id, "trained_with": base.model.config.map_neighbours, "per_k": {}}
    for k in ks:
        r = evaluate_folder(with_neighbours(base, k), a.data)
        row = {"image_auroc": round(r["image_auroc"], 4), "pixel_auroc": round(r["pixel_auroc"], 4),
               "aupro": round(r["aupro"], 4), "pointing": round(r["pointing_game"], 3),
               "pointing_15px": round(r["pointing_game_tolerant"]["rate"], 3),
               "border_peaks": r["border_peaks"]["images"],
               "pointing_per_type": {t: round(v["pointing"], 2) for t, v in r["per_type"].items() if "pointing" in v},
               "pixel_auroc_per_type": {t: round(v["pixel_auroc"], 3) for t, v in r["per_type"].items() if "pixel_auroc" in v}}
        good_maps = [r.anomaly_map for r in with_neighbours(base, k).inspect_paths(goods) if r.ok]
        row["good_border_peaks"] = f"{sum(peak_near_border(m) for m in good_maps)} of {len(good_maps)}"
        row["good_peak_over_threshold"] = round(float(np.median([m.max() for m in good_maps])) / base.decision.threshold, 3)
        out["per_k"][k] = row
        print(f"k={k}", json.dumps(row), flush=True)
    if a.timing_images <= 0:
        return
    paths = sorted(p for p in (Path(a.data) / "test").rglob("*") if p.is_file() and is_image_path(p))
    images = [load_image(p) for p in paths[:: max(1, len(paths) // a.timing_images)][: a.timing_images]]
    judges = {k: with_neighbours(base, k) for k in ks}
    times: dict[int, list[float]] = {k: [] for k in ks}
    for im in images:
        for k in ks:
            t = time.perf_counter()
            judges[k].judge(im, "timing")
            times[k].append((time.perf_counter() - t) * 1000.0)
    out["judge_ms_median"] = {k: round(float(np.median(v[1:])), 2) for k, v in times.items()}
    print("judge ms, median, alternating:", json.dumps(out["judge_ms_median"]))


if __name__ == "__main__":
    main()
