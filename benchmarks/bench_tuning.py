"""Does the self-test choose the settings the real defects would? ``station train --tune`` on a
category folder in MVTec layout, then every candidate judged on the real test set.

    python benchmarks/bench_tuning.py ../shared/data/mtd/magnetic_tile --out bench-out/tune-tile

Per candidate: the self-test on synthetic defects (what tuning sees) beside image / pixel AUROC,
AUPRO, the pointing game and the false-reject rate on the real test images (what it should have
chosen), training time and judging time (median ms per image). Prints a table and writes JSON
to --out/tuning.json. The real defects never reach the choice.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", help="category folder in MVTec layout")
    ap.add_argument("--out", default="bench-out/tuning")
    ap.add_argument("--speed-images", type=int, default=30)
    a = ap.parse_args()

    from engine.evaluation import evaluate_folder
    from engine.judging.inspector import Inspector
    from engine.training import list_images
    from engine.training.tuning import tune_category
    from engine.model_store.versions import activate_version

    data, out = Path(a.data), Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    category = data.name
    work = out / "candidates"
    if work.exists() and any(work.iterdir()):
        print(f"error: {work} is not empty", file=sys.stderr)
        return 2
    t = time.perf_counter()
    rep = tune_category(category, list_images(data / "train" / "good"), out / "models", work_dir=work,
                        progress=None)
    tune_s = time.perf_counter() - t
    tests = list_images(data / "test")[: a.speed_images]
    rows = []
    for r in rep.results:
        activate_version(work / category, rep.kept[r.name].name)
        insp = Inspector.load(work, category)
        ev = evaluate_folder(insp, data, out / "eval" / r.name.replace(" ", "_").replace("%", "pc").replace(",", ""))
        insp.inspect_path(tests[0])
        ms = []
        for p in tests:
            t = time.perf_counter()
            insp.inspect_path(p)
            ms.append((time.perf_counter() - t) * 1000)
        at = ev.get("at_threshold") or {}
        rows.append({"name": r.name, "chosen": r.name == rep.chosen, "self_test": r.record(),
                     "real": {"image_auroc": ev["image_auroc"], "pixel_auroc": ev["pixel_auroc"], "aupro": ev["aupro"],
                              "pointing_game": ev["pointing_game"], "test_frr": at.get("false_reject_rate"),
                              "recall": at.get("recall"), "f1": at.get("f1")},
                     "judge_ms_median": round(float(np.median(ms)), 1)})
    doc = {"category": category, "data": str(data), "chosen": rep.chosen, "tune_seconds": round(tune_s, 1),
           "candidates": rows}
    (out / "tuning.json").write_text(json.dumps(doc, indent=2))
    print(json.dumps(doc, indent=2))
    f = lambda v: "–" if v is None else f"{v:.3f}"  # noqa: E731
    print(f"\n{category}: chosen {rep.chosen!r} in {tune_s:.0f} s")
    print("candidate            | synthetic image / pixel AUROC | real image / pixel AUROC, pointing, test FRR | train s | judge ms")
    for r in rows:
        s, e = r["self_test"], r["real"]
        print(f"{r['name'] + (' *' if r['chosen'] else ''):20} | {f(s['image_auroc'])} / {f(s['pixel_auroc'])} "
              f"| {f(e['image_auroc'])} / {f(e['pixel_auroc'])}, {f(e['pointing_game'])}, {f(e['test_frr'])} "
              f"| {s['train_seconds']:.1f} | {r['judge_ms_median']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
