"""Would a category's own synthetic defects choose the combined views of ``map_pair.py``?

    python benchmarks/experiments/selftest_views.py MODELS:CATEGORY MODELS:CATEGORY [...] [--score N]

The models must be trained on the same good images with the same seed (as ``station train`` with
different ``--layers`` does), so they hold out the same good images and learn the same part mask.
This script paints the self-test's synthetic defects again, the same ones each model's training
painted (the same held-out images in the same order, the same seeds), judges them with every
model, and runs the self-test's own summary on each model alone, on every pair and on all of them:
maps divided by each model's threshold and combined by their geometric mean, the verdict from
model ``--score`` (default 0). No real defect is used. A model alone should reproduce the
self-test figures in its manifest (printed beside it; the image AUROC differs where the manifest
also counted the k-fold scores of the training images, which this script cannot rebuild).
With ``--real`` (``map_pair.py``'s JSON for the same models) it prints how the synthetic figures
rank the groups against the real test defects.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Callable

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from engine.imaging import load_image  # noqa: E402
from engine.judging.inspector import Inspector  # noqa: E402
from engine.training.selftest import SelfTestCollector  # noqa: E402
from engine.synth.part_mask import PartMask  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from map_pair import COMBINE, groups_of  # noqa: E402  (the same groups and the same combination)


def self_test_of(insp: Inspector) -> tuple[list[str], Callable[[], SelfTestCollector]]:
    """The held-out goods of ``insp``'s training, in order, and a maker of a collector that paints
    what its self-test painted (the same part mask, defects per image, seed and part colour)."""
    m = insp.stored.manifest
    held = m["training"]["holdout_images"]
    part = PartMask.load_png(insp.stored.files["part_mask"], m["part_mask"])
    per_image = int(m["self_test"]["images"]) // len(held)
    seed, lab = int(m["training"]["seed"]), np.asarray(m["good_colour_lab"], np.float64)
    return held, lambda: SelfTestCollector(part, per_image, seed, good_lab=lab)


def self_test_again(held: list[str], collector: SelfTestCollector, judge) -> dict:
    """The self-test's defects painted again on the held-out goods ``held`` (in the manifest's
    order) and judged with ``judge(image) -> (score / threshold, map, patch scores)``; its summary."""
    goods = []
    for p in held:
        image = load_image(p)
        judged = judge(image)
        goods.append(judged[0])
        collector.add(Path(p).name, image, judge, judged)
    return collector.summary(1.0, np.asarray(goods))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("models", nargs="+", help="MODELS_DIR:CATEGORY, two or more")
    ap.add_argument("--score", type=int, default=0, help="the model whose score is the verdict (0-based)")
    ap.add_argument("--real", help="map_pair.py's JSON for the same models: print the rank agreement")
    ap.add_argument("--out", help="JSON file for the rows")
    a = ap.parse_args()
    inspectors = [Inspector.load(*spec.rsplit(":", 1)) for spec in a.models]
    held, new_collector = self_test_of(inspectors[0])
    for insp in inspectors[1:]:
        if insp.stored.manifest["training"]["holdout_images"] != held:
            raise SystemExit("the models held out different good images: train them on the same images and seed")
    groups = groups_of(len(inspectors))
    verdict = inspectors[a.score]
    cache: dict[tuple[str, int], object] = {}
    rows = {}
    print("| maps of | synthetic image AUROC (vs held-out goods) | synthetic pixel AUROC | synthetic pointing | manifest's self-test (image / pixel / pointing) |")
    print("|---|---|---|---|---|")
    for g in groups:
        collector = new_collector()
        members = [inspectors[i] for i in g]

        def judge(image: np.ndarray, members=members):
            digest = hashlib.sha1(image.tobytes()).hexdigest()  # the same picture is painted for every group
            results = []
            for insp in members + [verdict]:
                if (digest, id(insp)) not in cache:
                    cache[(digest, id(insp))] = insp.inspect_array(image, "synthetic")
                results.append(cache[(digest, id(insp))])
            *rs, rv = results
            amap = COMBINE["geometric mean"]([r.anomaly_map / m.decision.threshold for r, m in zip(rs, members)])
            return rv.score / verdict.decision.threshold, amap.astype(np.float32), rv.patch_scores

        st = self_test_again(held, collector, judge)
        key = "+".join(map(str, g))
        own = members[0].stored.manifest["self_test"] if len(g) == 1 else None
        rows[key] = {"image_auroc": st["image_auroc"], "pixel_auroc": st["pixel_auroc"],
                     "pointing": st["pointing_game"], "images": st["images"],
                     "manifest": None if own is None else {k: own.get(k) for k in ("image_auroc", "pixel_auroc",
                                                                                  "pointing_game")}}
        mf = "" if own is None else f"{own.get('image_auroc')} / {own.get('pixel_auroc')} / {own.get('pointing_game')}"
        print(f"| {key} | {st['image_auroc']} | {st['pixel_auroc']} | {st['pointing_game']} | {mf} |", flush=True)
    result = {"models": a.models, "score_from": a.score, "rows": rows}
    if a.real:
        result["agreement"] = agreement(rows, json.loads(Path(a.real).read_text())["rows"])
        for metric, (rho, p) in result["agreement"].items():
            print(f"{metric}: Spearman's rho {rho:.2f} (p = {p:.2g}) between the synthetic and the real figures")
    if a.out:
        Path(a.out).write_text(json.dumps(result, indent=1))


def agreement(synthetic: dict, real: dict) -> dict[str, tuple[float, float]]:
    """Spearman's rho (and p) of the synthetic against the real pointing game and pixel AUROC over
    the same groups; ``real``: the rows of ``map_pair.py`` (geometric mean) with the same models."""
    from scipy.stats import spearmanr

    keys = list(synthetic)
    real_row = lambda k: real[f"{k} alone" if "+" not in k else f"{k} geometric mean"]  # noqa: E731
    out = {}
    for metric, real_key in (("pointing", "pointing"), ("pixel_auroc", "pixel_auroc")):
        rho, p = spearmanr([synthetic[k][metric] for k in keys], [real_row(k)[real_key] for k in keys])
        out[metric] = (round(float(rho), 3), round(float(p), 4))
    return out


if __name__ == "__main__":
    main()
