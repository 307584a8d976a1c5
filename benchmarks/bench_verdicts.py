"""The verdict at the station's own threshold, for one data folder in MVTec layout: trains a model
(the defaults, good images only), judges every test image and reports

- image AUROC; defects caught as FAIL and as FAIL or REVIEW; the review load (share of the judged
  parts sent to REVIEW, and of the good ones);
- the false-reject rate the training predicted (its calibration goods, with a 90 % interval)
  against the one measured on the judged goods (with its Clopper-Pearson interval);
- the same after learning from k confirmed defects (k = 5, 10, 20 by default: k test defects
  drawn at random as "confirmed", the rest and every good judged; medians over ``--repeats``
  draws).

    python benchmarks/bench_verdicts.py DATA/<category> [--train-goods N] [--backbone NAME] [--image-size PX]
        [--confirmed 5,10,20] [--repeats 3] [--out FILE]

``--train-goods N`` trains on N of train/good (drawn with a fixed seed) and judges the others
with test/good: more goods to measure a 1 % rate on, and the few-images case (N = 50).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine.judging.calibration import decision_for, frr_interval  # noqa: E402
from engine.judging.known_defects import Judged, known_defect_ratio, propose, review_start_for  # noqa: E402
from engine.metrics import auroc  # noqa: E402


def _rates(scores: np.ndarray, good: np.ndarray, fail_at: float, review_from: float | None,
           known: np.ndarray | None = None) -> dict:
    fail = scores >= fail_at
    if known is not None:  # the known-defect rule settles the REVIEW band
        fail |= known & (scores >= review_from)
    review = ~fail & (scores >= review_from) if review_from is not None else np.zeros_like(fail)
    d = ~good
    lo, hi = frr_interval(scores[good], fail_at) if known is None else (None, None)
    return {"caught_fail": round(float(fail[d].mean()), 4), "caught_fail_or_review": round(float((fail | review)[d].mean()), 4),
            "measured_frr": round(float(fail[good].mean()), 4),
            "measured_frr_interval": None if lo is None else [round(lo, 4), round(hi, 4)],
            "review_load": round(float(review.mean()), 4), "review_load_goods": round(float(review[good].mean()), 4),
            "goods": int(good.sum()), "defects": int(d.sum())}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data")
    ap.add_argument("--train-goods", type=int, default=0)
    ap.add_argument("--backbone", default=None)
    ap.add_argument("--image-size", type=int, default=None, help="the training's input side (default: its own)")
    ap.add_argument("--confirmed", default="5,10,20")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--models", default=None, help="models folder to train into (default: a temporary one)")
    ap.add_argument("--out")
    a = ap.parse_args()
    from engine.judging.inspector import Inspector
    from engine.judging.known_defects import judge_for_learning
    from engine.training import TrainConfig, list_images, train_category

    data = Path(a.data)
    goods = list_images(data / "train" / "good")
    extra: list[Path] = []
    if a.train_goods:
        order = np.random.default_rng(0).permutation(len(goods))
        extra = [goods[i] for i in sorted(order[a.train_goods:])]
        goods = [goods[i] for i in sorted(order[:a.train_goods])]
    models = a.models or tempfile.mkdtemp(prefix="bench-verdicts-")
    cfg = TrainConfig(backbone=a.backbone or TrainConfig.backbone, image_size=a.image_size or TrainConfig.image_size)
    t0 = time.perf_counter()
    report = train_category(data.name, goods, models, cfg)
    train_s = time.perf_counter() - t0
    insp = Inspector.load(models, data.name)
    thr_doc, margin = insp.stored.manifest["threshold"], insp.model.config.score_margin
    items = [(d.name, p) for d in sorted((data / "test").iterdir()) if d.is_dir() for p in sorted(d.iterdir())
             if p.is_file()] + [("good", p) for p in extra]
    skipped: list[str] = []
    t0 = time.perf_counter()
    judged = judge_for_learning(insp, [p for _, p in items], skipped)
    judge_ms = 1000 * (time.perf_counter() - t0) / max(1, len(judged))
    kind_of = {str(p): k for k, p in items}
    kinds = np.asarray([kind_of[j.path] for j in judged])
    scores = np.asarray([j.score for j in judged])
    good = kinds == "good"
    judged = [Judged(j.path, j.score, j.emb.astype(np.float16), j.cells) for j in judged]
    d = insp.decision
    base = _rates(scores, good, d.threshold, d.review_from)
    base.update(image_auroc=round(auroc((~good).astype(int), scores), 4), threshold=d.threshold,
                review_from=d.review_from, target_frr=float(thr_doc["target_frr"]),
                predicted_frr=thr_doc.get("calibration_frr"), predicted_frr_interval=thr_doc.get("frr_interval"),
                threshold_interval=thr_doc.get("threshold_interval"), calibration_goods=int(insp.stored.good_scores.size),
                per_type={k: round(float((scores[kinds == k] >= d.threshold).mean()), 3)
                          for k in sorted(set(kinds)) if k != "good"})
    print(json.dumps({"train_s": round(train_s, 1), **{k: base[k] for k in (
        "image_auroc", "caught_fail", "caught_fail_or_review", "review_load", "predicted_frr", "measured_frr",
        "measured_frr_interval")}}), flush=True)

    held = judge_for_learning(insp, insp.stored.manifest["training"].get("holdout_images", []), skipped)
    defect_idx = np.flatnonzero(~good)
    learned: dict[str, dict] = {}
    for k in [int(x) for x in a.confirmed.split(",") if x]:
        runs, ms = [], []
        for r in range(a.repeats):
            pick = np.random.default_rng(100 + r).choice(defect_idx, k, replace=False)
            conf = [Judged(judged[i].path, judged[i].score, judged[i].emb.astype(np.float32), judged[i].cells) for i in pick]
            prop = propose(insp.stored.good_scores, d.threshold, float(thr_doc["target_frr"]), conf, held, margin,
                           review_start_for(insp))
            rest = np.setdiff1d(np.arange(len(judged)), pick)
            known = None
            if prop.known is not None:
                t1 = time.perf_counter()
                ratio = np.asarray([known_defect_ratio(judged[i].emb.astype(np.float32), judged[i].cells,
                                                       prop.known.bank, margin) for i in rest])
                ms.append(1000 * (time.perf_counter() - t1) / len(rest))
                known = ratio >= prop.known.threshold
            nd = decision_for(thr_doc, insp.stored.good_scores, prop.threshold)
            row = _rates(scores[rest], good[rest], nd.threshold, nd.review_from, known)
            row.update(threshold=prop.threshold, predicted_frr=round(prop.predicted_frr, 4),
                       caught_confirmed_before=prop.caught_now, caught_confirmed=prop.caught)
            runs.append(row)
        learned[str(k)] = {key: float(np.median([r[key] for r in runs])) for key in (
            "caught_fail", "caught_fail_or_review", "measured_frr", "review_load", "predicted_frr", "threshold")}
        learned[str(k)].update(repeats=runs, known_score_ms=round(float(np.median(ms)), 2) if ms else None)
        print(f"k={k}:", json.dumps({key: learned[str(k)][key] for key in (
            "caught_fail", "caught_fail_or_review", "measured_frr", "review_load", "predicted_frr")}), flush=True)
    out = {"data": str(data), "category": data.name, "backbone": insp.info.backbone, "train_goods": len(goods),
           "judged_goods": int(good.sum()), "judged_defects": int((~good).sum()), "train_s": round(train_s, 1),
           "train_stage_s": report.seconds, "judge_ms_no_map": round(judge_ms, 1), "skipped": skipped,
           "at_station_threshold": base, "learned": learned}
    if a.out:
        Path(a.out).parent.mkdir(parents=True, exist_ok=True)
        Path(a.out).write_text(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
