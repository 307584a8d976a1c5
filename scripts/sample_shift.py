"""A scripted shift on real images, for the sample shift report under docs/report_sample/.

    python scripts/sample_shift.py --data ../shared/data/mvtec_ad/bottle --work /tmp/sample --out docs/report_sample

What it does, all of it real judging by the station's engine and written through its stores:

1. trains ``bottle`` on the first 150 good training images (once; kept in WORK/models);
2. judges a shift of 140 parts (good parts drawn from the 59 unused training goods and the
   20 test goods, 20 real defects), spread over the current shift up to now; from the middle
   of the shift on, the lamp dims (brightness falls linearly to 88 %), as a real drift would;
3. three earlier days of 60 parts each, no drift;
4. a technician's review: real defects confirmed with their MVTec defect type, rejected goods
   overruled ("lighting" when dimmed, else "over-call"), one reject in ten left open;
5. a master-part check (one good, one defect image) at the end of the shift;
6. the report for the current shift into OUT (PDF, HTML, PNG pages, CSV).

The timestamps are scripted (the parts are spread over the shift); everything else is measured.
"""

from __future__ import annotations

import argparse
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
from PIL import Image

from engine.imaging import load_image
from engine.judging.inspector import Inspector
from engine.model_store.store import ModelError, read_manifest
from engine.training import TrainConfig, list_images, train_category
from station.storage.history import HistoryStore
from station.report import collect, write_report
from station.report.shift_data import open_readonly
from station.storage.reviews import ReviewStore
from station.storage.shifts import current_shift


def dimmed(img: np.ndarray, factor: float) -> np.ndarray:
    return np.clip(img.astype(np.float32) * factor, 0, 255).astype(np.uint8)


def judge_parts(insp, store, review, parts, times, work: Path, tag: str, rng) -> None:
    for k, ((path, kind, factor), ts) in enumerate(zip(parts, times)):
        img = load_image(path)
        if factor < 0.999:
            img = dimmed(img, factor)
        out = work / "parts" / f"{tag}-{k:03d}-{kind}.png"
        Image.fromarray(img).save(out)
        row = store.record(insp.judge(img, str(out), keep_image=True), "watch", ts=ts.isoformat(timespec="milliseconds"))
        r = store.get(row)
        if r.verdict not in ("FAIL", "REVIEW") or rng.random() < 0.1:
            continue
        if kind == "good":
            review.decide(row, "Tess", "technician", "good", reason="lighting" if factor < 0.95 else "over-call")
        else:
            review.decide(row, "Tess", "technician", "defect", defect_type=kind.replace("_", " "))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", required=True, help="MVTec-layout folder of bottle")
    ap.add_argument("--work", required=True, help="scratch folder (models, history, part images)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    data, work = Path(a.data), Path(a.work)
    rng = np.random.default_rng(a.seed)
    train_goods = list_images(data / "train" / "good")
    try:
        read_manifest(work / "models" / "bottle")
    except ModelError:
        train_category("bottle", train_goods[:150], work / "models", TrainConfig())
    insp = Inspector.load(work / "models", "bottle")
    if (work / "data").exists():
        shutil.rmtree(work / "data")
    (work / "parts").mkdir(parents=True, exist_ok=True)
    store = HistoryStore(work / "data", "bench-1", "op")
    review = ReviewStore(store)
    goods = [str(p) for p in train_goods[150:] + list_images(data / "test" / "good")]
    defects = [(str(p), p.parent.name) for k in ("broken_large", "broken_small", "contamination")
               for p in list_images(data / "test" / k)]

    def day_parts(n_good: int, n_bad: int, drift: bool):
        g = [(goods[i], "good") for i in rng.choice(len(goods), n_good, replace=True)]
        b = [defects[i] for i in rng.choice(len(defects), n_bad, replace=False)]
        parts = [g_ for g_ in g + b]
        order = rng.permutation(len(parts))
        parts = [parts[i] for i in order]
        n = len(parts)
        return [(p, kind, 1.0 - 0.12 * max(0.0, (k - n / 2) / (n / 2)) if drift else 1.0)
                for k, (p, kind) in enumerate(parts)]

    shift = current_shift()
    now = datetime.now().astimezone()
    for days_ago in (3, 2, 1):
        start, end = shift.start - timedelta(days=days_ago), now - timedelta(days=days_ago)
        parts = day_parts(52, 8, False)
        times = [start + (end - start) * (k + 0.5) / len(parts) for k in range(len(parts))]
        judge_parts(insp, store, review, parts, [t.astimezone(timezone.utc) for t in times], work, f"d{days_ago}", rng)
    parts = day_parts(120, 20, True)
    times = [shift.start + (now - shift.start) * (k + 0.5) / (len(parts) + 2) for k in range(len(parts))]
    judge_parts(insp, store, review, parts, [t.astimezone(timezone.utc) for t in times], work, "shift", rng)
    for path, expected in ((goods[0], "good"), (defects[0][0], "defect")):
        review.add_master("bottle", path, expected, "Tess")
    for master_id, path, expected in review.masters("bottle"):
        row = store.record(insp.inspect_path(path, keep_image=True), "master")
        review.record_master_check("bottle", master_id, row, expected, store.get(row).verdict, "op")
    store.close()
    db = open_readonly(work / "data")
    d = collect(db, current_shift(), "bottle")
    db.close()
    files = write_report(d, a.out)
    print(f"{d.total} parts, yield {d.yield_:.1%}, FAIL {d.rate('FAIL'):.1%}, REVIEW {d.rate('REVIEW'):.1%}, "
          f"confirmed {d.confirmed}, over-calls {d.overcalls}, open {d.undecided}; {d.drift.message}")
    for k, v in files.items():
        print(k, v)


if __name__ == "__main__":
    main()
