"""Synthetic defects against real ones, on an MVTec-layout category folder.

    python benchmarks/bench_synth.py ../shared/data/mvtec_ad/bottle --out bench-out/synth-bottle

Trains the category (with the defect classifier unless --no-classifier), then compares what the
self-test on synthetic defects predicts with what the real test set shows:

- the self-test figures (detection rate, image and pixel AUROC, pointing game) beside the real
  test set's;
- at several thresholds (false-reject targets on held-out goods, and miss-rate caps on synthetic
  defects), the synthetic miss rate against the real miss rate and the real false-reject rate;
- the defect classifier: training seconds, held-out synthetic AUROC, real test AUROC;
- quality measures of a written set of synthetic defects (leakage must be 0), and a gallery PNG.

Prints JSON and writes it, the gallery and the trade-off plot to --out.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", help="category folder in MVTec layout")
    ap.add_argument("--out", default="bench-out/synth")
    ap.add_argument("--no-classifier", action="store_true")
    ap.add_argument("--count", type=int, default=14, help="synthetic images written for the measures and gallery")
    a = ap.parse_args()

    from engine.judging.calibration import threshold_for_frr
    from engine.imaging import load_image
    from engine.judging.inspector import Inspector
    from engine.metrics import auroc
    from engine.training.selftest import threshold_for_miss_cap
    from engine.synth import PartMask, gallery_png, generate_defects, write_defect_set
    from engine.training import TrainConfig, list_images, train_category

    data, out = Path(a.data), Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    category = data.name
    models = out / "models"
    t = time.perf_counter()
    rep = train_category(category, list_images(data / "train" / "good"), models,
                         TrainConfig(train_classifier=not a.no_classifier))
    train_s = time.perf_counter() - t
    insp = Inspector.load(models, category)
    stored = insp.stored
    good_held = stored.good_scores
    synth = np.load(stored.files["synthetic_scores"])

    # real test set: scores, labels, maps' pointing game, classifier probabilities
    clf = None
    if rep.info.classifier is not None:
        from engine.classifier import load_classifier
        from engine.patchcore import PatchEmbedder

        clf = load_classifier(stored.files["classifier"], rep.info.classifier["weights_sha256"])
    items = [(d.name, p) for d in sorted((data / "test").iterdir()) if d.is_dir() for p in list_images(d)]
    scores, labels, probs = [], [], []
    for kind, p in items:
        r = insp.inspect_path(p)
        if not r.ok:
            continue
        scores.append(r.score)
        labels.append(0 if kind == "good" else 1)
        if clf is not None:
            probs.append(float(clf.probability([PatchEmbedder.preprocess(load_image(p), insp.info.input_size)])[0]))
    s, y = np.asarray(scores), np.asarray(labels)
    real_good, real_bad = s[y == 0], s[y == 1]

    rows = []
    for label, thr in ([(f"FRR target {q:.0%}", threshold_for_frr(good_held, q).value) for q in (0.01, 0.05, 0.10)]
                       + [(f"synthetic miss cap {m:.0%}", min(threshold_for_frr(good_held, 0.01).value,
                                                             threshold_for_miss_cap(synth, m))) for m in (0.05, 0.10, 0.20)]):
        rows.append({"policy": label, "threshold": round(thr, 4),
                     "synthetic_miss": round(float((synth < thr).mean()), 4),
                     "real_miss": round(float((real_bad < thr).mean()), 4),
                     "held_out_frr": round(float((good_held >= thr).mean()), 4),
                     "real_frr": round(float((real_good >= thr).mean()), 4)})

    from engine.evaluation import evaluate_folder

    ev = evaluate_folder(insp, data)
    part = PartMask.load_png(stored.files["part_mask"], rep.info.part_mask)
    goods = list_images(data / "train" / "good")
    bases = [(p.name, load_image(p)) for p in goods[:: max(1, len(goods) // a.count)][: a.count]]
    t = time.perf_counter()
    defects = generate_defects(bases, part, a.count, seed=0)
    synth_ms = (time.perf_counter() - t) / max(1, len(defects)) * 1000
    doc = write_defect_set(out / "set", defects, dict(bases), part)
    gallery_png(defects, out / "gallery.png", cols=7, title=f"{category}: synthetic defects (outlined: exact mask)")

    result = {
        "category": category, "train_seconds": round(train_s, 2), "train_stage_seconds": rep.seconds,
        "part_mask": rep.info.part_mask, "self_test": rep.info.self_test,
        "real_test": {"image_auroc": ev["image_auroc"], "pixel_auroc": ev["pixel_auroc"],
                      "pointing_game": ev["pointing_game"], "per_type": ev["per_type"],
                      "at_threshold": ev["at_threshold"]},
        "miss_rate_prediction": rows,
        "classifier": None if clf is None else {**rep.info.classifier,
                                                "real_test_auroc": auroc(y, np.asarray(probs)),
                                                "real_test_accuracy": float(((np.asarray(probs) >= 0.5) == (y == 1)).mean())},
        "synthetic_set": {"images": doc["count"], "summary": doc["summary"], "ms_per_image": round(synth_ms, 1)},
    }
    (out / "synth_benchmark.json").write_text(json.dumps(result, indent=2))
    import shutil

    shutil.copy(stored.files["tradeoff_plot"], out / "tradeoff.png")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
