"""Accuracy and speed of the engine on an MVTec-layout category folder.

    python benchmarks/bench_engine.py ../shared/data/mvtec_ad/bottle --out bench-out/bottle

Trains from train/good (timed), evaluates test/ (image/pixel AUROC, AUPRO, F1, per-type
rates, plots), and times judging one image, file to verdict and anomaly map, over several
rounds. Prints JSON; writes it with the plots to --out. Medians throughout.
"""

from __future__ import annotations

import argparse
import json
import resource
import platform
import sys
import time
from pathlib import Path

import numpy as np


def _overrides(a: argparse.Namespace) -> dict:
    """The ``TrainConfig`` fields the command line sets; the engine's defaults for the rest."""
    from station.cli.train import parse_map_stages, parse_stages  # `station train`'s own reading of them

    given = {"projection_dim": a.projection_dim or None, "max_patches": a.max_patches or None,
             "input_pad": a.input_pad or None, "patch_size": a.patch_size or None, "calibration": a.calibration,
             "layers": parse_stages(a.layers) if a.layers else None,
             "map_stages": parse_map_stages(a.map_stages) if a.map_stages else None,
             "photometric": a.photometric, "map_guide_radius": a.map_guide, "map_fill_sigma": a.map_fill,
             "map_view_share": a.map_view_share, "score_margin": a.score_margin, "image_size": a.image_size or None,
}
    return {k: v for k, v in given.items() if v is not None}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", help="category folder in MVTec layout")
    ap.add_argument("--out", default="bench-out")
    ap.add_argument("--category", help="model name (default: the folder's name)")
    ap.add_argument("--coreset-ratio", type=float, default=0.01)
    ap.add_argument("--image-size", type=int, default=None, help="backbone input side (default: engine's)")
    ap.add_argument("--projection-dim", type=int, default=None, help="coreset projection (default: engine's)")
    ap.add_argument("--max-patches", type=int, default=None, help="coreset candidates kept (default: engine's)")
    ap.add_argument("--input-pad", type=int, default=None, help="reflect padding of the backbone input, px")
    ap.add_argument("--patch-size", type=int, default=None, help="feature cells averaged around each patch (odd)")
    ap.add_argument("--calibration", choices=("holdout", "kfold"), default=None)
    ap.add_argument("--photometric", choices=("auto", "none", "standardise"), default=None)
    ap.add_argument("--score-margin", type=int, default=None, help="image-score margin, cells (default: auto)")
    ap.add_argument("--layers", help="backbone feature levels, comma-separated (default: engine's, 2,3)")
    ap.add_argument("--map-stages", help="first stages of --layers the map also draws from, comma-separated "
                                         "(default: the engine's; none: off)")
    ap.add_argument("--map-view-share", type=float, default=None,
                    help="share of each image's cells the map view is searched for (default: the engine's)")
    ap.add_argument("--map-guide", type=int, default=None, help="map guide radius, input px (default: engine's; 0 off)")
    ap.add_argument("--map-fill", type=float, default=None, help="map fill sigma, input px (default: engine's; 0 off)")
    ap.add_argument("--speed-images", type=int, default=30)
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()

    import torch

    from engine.evaluation import evaluate_folder
    from engine.judging.inspector import Inspector
    from engine.training import TrainConfig, list_images, train_category

    data, out = Path(a.data), Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    category = a.category or data.name
    models = out / "models"
    goods = list_images(data / "train" / "good")
    t = time.perf_counter()
    rep = train_category(category, goods, models, TrainConfig(coreset_ratio=a.coreset_ratio, **_overrides(a)))
    train_s = time.perf_counter() - t
    train_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    insp = Inspector.load(models, category)
    result = evaluate_folder(insp, data, out)
    tests = list_images(data / "test")[: a.speed_images]
    insp.inspect_path(tests[0])  # warm-up
    totals, feats = [], []
    for _ in range(a.rounds):
        for p in tests:
            t = time.perf_counter()
            r = insp.inspect_path(p)
            totals.append((time.perf_counter() - t) * 1000)
            feats.append(r.timing.features_ms)
    result.update({
        "train_images": rep.info.train_images, "calibration_images": rep.info.calibration_images,
        "train_seconds": round(train_s, 2), "train_stage_seconds": rep.seconds,
        "memory_bank_size": rep.info.memory_bank_size, "self_test": rep.info.self_test,
        "part_mask": rep.info.part_mask, "input_size": list(rep.info.input_size),
        "judge_ms_median": round(float(np.median(totals)), 2),
        "judge_ms_p90": round(float(np.percentile(totals, 90)), 2),
        "features_ms_median": round(float(np.median(feats)), 2),
        "peak_rss_mb_training": round(train_peak, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "layers": list(rep.info.layers),
        "grid_offset_px": insp.stored.manifest["patchcore"].get("grid_offset_px"),
        "map_view": insp.stored.manifest["patchcore"].get("map_view"),
        "map_guide_radius": insp.stored.manifest["patchcore"].get("map_guide_radius", 0),
        "map_fill_sigma": insp.stored.manifest["patchcore"].get("map_fill_sigma", 0),
        "photometric": insp.stored.manifest["patchcore"].get("photometric_choice"),
        "border_effect": insp.stored.manifest["patchcore"].get("border_effect"),
        "machine": {"cpu_threads": torch.get_num_threads(), "python": platform.python_version(),
                    "torch": torch.__version__},
    })
    result.pop("errors", None)
    (out / "benchmark.json").write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
