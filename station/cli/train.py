"""``station train``: its options and the command (one category, every category of a dataset root, or
tuned by the self-test)."""

from __future__ import annotations

import argparse
import json
import sys

from engine.judging.calibration import DEFAULT_REVIEW_LOAD
from station.cli.common import EXIT_BAD_INPUT, fail, progress_bar


def parse_stages(text: str) -> tuple[int, ...]:
    """``--layers 2,3,4`` -> (2, 3, 4): distinct stage numbers of the backbone's feature pyramid (the
    backbone says which it has)."""
    try:
        stages = tuple(int(x) for x in text.split(","))
    except ValueError:
        stages = ()
    if not stages or len(set(stages)) != len(stages) or any(s < 0 for s in stages):
        raise argparse.ArgumentTypeError(f"expected distinct stage numbers separated by commas (e.g. 2,3,4), got {text!r}")
    return tuple(sorted(stages))


def parse_map_stages(text: str) -> tuple[int, ...]:
    """``--map-stages 2,3`` -> (2, 3); ``none`` or ``0`` -> (), the map from ``--layers`` alone."""
    return () if text.strip().lower() in ("none", "0") else parse_stages(text)


def add_train_parser(sub) -> None:
    """The ``train`` sub-command's options, on the sub-parsers ``sub``."""
    t = sub.add_parser("train", help="learn a category from good images")
    t.add_argument("--category")
    t.add_argument("--good", help="folder of good images (searched recursively)")
    t.add_argument("--all", action="store_true", help="every category under --data ROOT (MVTec layout: ROOT/<name>/train/good)")
    t.add_argument("--data", help="dataset root for --all")
    t.add_argument("--defects", action="append", help="folder of defect images (optional, repeatable)")
    t.add_argument("--backbone", default="efficientnet_lite0", help="timm model name (default: embedded Lite0)")
    t.add_argument("--weights", help="local weights file for a non-embedded backbone")
    t.add_argument("--image-size", type=int, default=None, help="side of the backbone input's area, pixels (default 384)")
    t.add_argument("--coreset-ratio", type=float, default=None, help="share of the candidate patches kept (default 0.01)")
    t.add_argument("--layers", type=parse_stages, default=None,
                   help="backbone feature stages, comma-separated (default 2,3; 2,3,4 adds the stride-32 stage)")
    t.add_argument("--tune", action="store_true",
                   help="train each candidate input size, bank size and feature stages, keep the one the self-test on synthetic "
                        "defects prefers (one training per candidate)")
    t.add_argument("--target-frr", type=float, default=0.01, help="false-reject rate the threshold aims for")
    t.add_argument("--review-load", type=float, default=DEFAULT_REVIEW_LOAD,
                   help="share of good parts the REVIEW band below the threshold takes (default 0.04: the band "
                        "runs from the good scores' 5 %% quantile to the threshold at a 1 %% target)")
    t.add_argument("--threshold", choices=("frr", "f1"), default="frr")
    t.add_argument("--seed", type=int, default=0)
    t.add_argument("--classifier", action="store_true",
                   help="also fine-tune the defect classifier (for Grad-CAM++; about a minute)")
    t.add_argument("--max-synthetic-miss", type=float, default=None, metavar="RATE",
                   help="threshold policy: lower the threshold until at most RATE of the synthetic defects pass")
    t.add_argument("--calibration", choices=("holdout", "kfold"), default="kfold",
                   help="threshold from the held-out goods and every training image scored against a bank built "
                        "without its fold (kfold, 2 folds), or from the held-out goods only (faster)")
    t.add_argument("--input-pad", type=int, default=0, metavar="PX",
                   help="reflect-pad the backbone input (multiple of 16) against the border effect")
    t.add_argument("--photometric", choices=("auto", "none", "standardise"), default="auto",
                   help="bring each image's grey level to a fixed mean and spread before the backbone; auto: when "
                        "the good images' brightness varies from image to image (recorded in the manifest)")
    t.add_argument("--score-margin", choices=("auto", "0", "1", "2"), default="auto",
                   help="grid cells at the edge left out of the image score (the map keeps them); auto: 1 when "
                        "the held-out goods' largest patch sits on the outer ring far more often than chance")
    t.add_argument("--selftest-per-image", type=int, default=2,
                   help="synthetic defects painted on each held-out good image for the self-test (0: none)")
    t.add_argument("--map-stages", type=parse_map_stages, default=None, metavar="STAGES",
                   help="also draw the anomaly map from these first stages of --layers against a bank of their own "
                        "(e.g. --layers 2,3,4 --map-stages 2,3; default: the first of --layers; none: off); "
                        "the verdict stays the full view's")
    t.add_argument("--map-view-share", type=float, default=None, metavar="SHARE",
                   help="share of each image's cells, its warmest, that second view is searched for (default 0.1 "
                        "for the default view, 1 (every cell) for --map-stages given)")
    t.add_argument("--map-guide", type=int, default=None, metavar="PIXELS",
                   help="the map also follows the judged image's edges within this radius in input pixels, so a "
                        "pinhole's peak lands on it (default 16; 0: off)")
    t.add_argument("--map-fill", type=float, default=None, metavar="PIXELS",
                   help="each map pixel drawn at least as warm as the map's Gaussian mean over this sigma in input "
                        "pixels, so a defect that is a whole region fills in; the peak never moves (default 48; 0: off)")
    t.add_argument("--build-graph", action="store_true",
                   help="build the feature graph from the backbone (imports torch) even when a model in the models "
                        "folder or a graph shipped with the station has one for these settings")
    t.set_defaults(func=cmd_train)


def cmd_train(a: argparse.Namespace) -> int:
    from engine.types import BackboneError
    from engine.model_store.store import ModelError
    from engine.training import TrainConfig, TrainingError, list_images
    from engine.training.tuning import train_or_tune

    if a.all and (a.good or a.category or not a.data):
        return fail("--all trains every category under --data ROOT; leave out --category and --good", EXIT_BAD_INPUT)
    if not a.all and not (a.category and a.good):
        return fail("give --category and --good (or --all --data ROOT)", EXIT_BAD_INPUT)
    if a.map_guide is not None and a.map_guide < 0:
        return fail(f"--map-guide {a.map_guide}: give a radius in pixels, or 0 to turn the guide off", EXIT_BAD_INPUT)
    if a.map_view_share is not None and not 0 < a.map_view_share <= 1:
        return fail(f"--map-view-share {a.map_view_share}: give a share above 0 and at most 1", EXIT_BAD_INPUT)
    if a.map_fill is not None and not a.map_fill >= 0:
        return fail(f"--map-fill {a.map_fill}: give a sigma in pixels, or 0 to turn the fill off", EXIT_BAD_INPUT)
    if a.tune and (a.image_size is not None or a.coreset_ratio is not None or a.layers is not None
                   or a.map_stages is not None):
        return fail("--tune chooses the input size, the bank's size and the feature stages; leave out --image-size, "
                    "--coreset-ratio, --layers and --map-stages, or give them without --tune", EXIT_BAD_INPUT)
    try:
        goods = list_images(a.good) if a.good else []
        defects = [p for d in (a.defects or []) for p in list_images(d)]
        cfg = TrainConfig(backbone=a.backbone, weights=a.weights, layers=a.layers or TrainConfig.layers,
                          image_size=a.image_size or TrainConfig.image_size,
                          coreset_ratio=a.coreset_ratio or TrainConfig.coreset_ratio, target_frr=a.target_frr, review_load=a.review_load,
                          threshold_method=a.threshold, seed=a.seed,
                          max_synthetic_miss=a.max_synthetic_miss, train_classifier=a.classifier,
                          selftest_per_image=a.selftest_per_image, calibration=a.calibration,
                          input_pad=a.input_pad, photometric=a.photometric,
                          score_margin=None if a.score_margin == "auto" else int(a.score_margin),
                          reuse_graph=not a.build_graph, map_stages=a.map_stages,
                          map_guide_radius=TrainConfig.map_guide_radius if a.map_guide is None else a.map_guide,
                          map_fill_sigma=TrainConfig.map_fill_sigma if a.map_fill is None else a.map_fill,
                          map_view_share=a.map_view_share)
        report, close = progress_bar()
        try:
            if a.all:
                from station.cli.dataset_runs import train_all

                _rows, failed = train_all(a.data, a.models, cfg, progress=report, tune=a.tune)
                return EXIT_BAD_INPUT if failed else 0
            rep = train_or_tune(a.category, goods, a.models, cfg, a.tune, defects, progress=report)
        finally:
            close()
    except (TrainingError, BackboneError, ModelError, FileNotFoundError) as exc:
        return fail(str(exc), EXIT_BAD_INPUT)
    for line in rep.skipped:
        print(f"skipped: {line}", file=sys.stderr)
    out = {"folder": str(rep.folder), "model": rep.info.to_dict(), "skipped": rep.skipped, "seconds": rep.seconds}
    if a.tune:
        out["tuning"] = rep.info.adaptations["tuning"]
    print(json.dumps(out, indent=2))
    return 0
