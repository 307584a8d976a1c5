"""Proper k-fold calibration tried against the held-out threshold, on a trained model.

    python benchmarks/experiments/kfold_threshold.py MODELS CATEGORY DATA/<category> [--folds 5]

Re-embeds the model's training images, and for each fold builds the memory bank the way training
does (greedy coreset at the model's ratio) from the other folds' patches only, so every training
image is scored against a bank that never saw it. Then compares, on the test images judged by
the model itself, the threshold from the held-out goods with the one from held-out plus fold
scores: test false-reject rate, recall and F1 at each.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from engine.judging.calibration import threshold_for_frr  # noqa: E402
from engine.imaging import is_image_path, load_image  # noqa: E402
from engine.judging.inspector import Inspector  # noqa: E402
from engine.metrics import confusion  # noqa: E402
from engine.patchcore.coreset import greedy_coreset  # noqa: E402
from engine.patchcore.knn import NearestNeighbourIndex  # noqa: E402
from engine.patchcore.model import PatchCore  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("models")
    ap.add_argument("category")
    ap.add_argument("data")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--same-size", action="store_true",
                    help="each fold's bank gets as many patches as the model's (not the ratio of its own pool)")
    a = ap.parse_args()
    insp = Inspector.load(a.models, a.category)
    m = insp.stored.manifest
    pc, tr = m["patchcore"], m["training"]
    model = insp.model
    rng = np.random.default_rng(0)
    per_image = pc["candidate_patches"] // tr["train_images"]
    cands, owners, embs = [], [], []
    for j, p in enumerate(tr["embedded_images"]):
        e = model.embed([load_image(p)])
        embs.append(e.astype(np.float16))
        flat = e.reshape(-1, e.shape[-1])
        cands.append(flat[rng.choice(len(flat), min(per_image, len(flat)), replace=False)])
        owners.append(np.full(len(cands[-1]), j))
    cand, owner = np.concatenate(cands), np.concatenate(owners)
    fold_scores = np.zeros(len(embs))
    for f in range(a.folds):
        keep = owner % a.folds != f
        pool = cand[keep]
        n = pc["memory_bank_size"] if a.same_size else math.ceil(pc["coreset_ratio"] * len(pool))
        idx = greedy_coreset(pool, n, pc["projection_dim"], 0)
        fold = PatchCore(model.embedder, NearestNeighbourIndex.fit(pool[np.sort(idx)]), model.config)
        for j in range(f, len(embs), a.folds):
            fold_scores[j] = fold.scores(embs[j].astype(np.float32))[0]
        print(f"fold {f}: bank {len(idx)}", flush=True)
    held = insp.stored.good_scores
    y, s = [], []
    for d in sorted((Path(a.data) / "test").iterdir()):
        for p in sorted(q for q in d.iterdir() if is_image_path(q)):
            r = insp.inspect_path(p)
            if r.ok:
                y.append(int(d.name != "good"))
                s.append(r.score)
    y, s = np.asarray(y), np.asarray(s)
    target = m["threshold"]["target_frr"]
    rows = {"model": m["threshold"]["value"],
            "holdout": threshold_for_frr(held, target).value,
            "kfold": threshold_for_frr(np.r_[held, fold_scores], target).value,
            "folds_only": threshold_for_frr(fold_scores, target).value}
    print(json.dumps({"held_out": int(held.size), "fold_scored": int(fold_scores.size),
                      "held_median": round(float(np.median(held)), 3), "fold_median": round(float(np.median(fold_scores)), 3),
                      "test_good_median": round(float(np.median(s[y == 0])), 3)}))
    for name, thr in rows.items():
        c = confusion(y, s, thr)
        print(json.dumps({"threshold": name, "value": round(thr, 3), "test_frr": round(c["false_reject_rate"], 4),
                          "recall": round(c["recall"], 4), "f1": round(c["f1"], 4)}), flush=True)


if __name__ == "__main__":
    main()
