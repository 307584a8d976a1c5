"""A long shift through the station's worker: resident memory, database size and judge time.

    python benchmarks/bench_soak.py --models MODELS --category bottle --data DATA/bottle --count 10000 \\
        --out docs/benchmarks/soak.json

Frames are the category's test images with a little fresh noise each (so no two are equal),
judged through ``InspectionWorker.inspect_frame`` (the camera path: judge, store the frame, map
and thumbnail, commit) with a fresh data folder. Every 1,000 frames: resident memory (VmRSS),
database + frames + maps size on disk, and the median judge time of that block. The explanation
thread of the window is not part of this run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def disk_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--models", required=True)
    ap.add_argument("--category", required=True)
    ap.add_argument("--data", required=True, help="MVTec-layout folder: its test images are the frames")
    ap.add_argument("--count", type=int, default=10_000)
    ap.add_argument("--every", type=int, default=1000)
    ap.add_argument("--out")
    a = ap.parse_args()
    from PySide6.QtCore import QCoreApplication

    from engine.imaging import load_image
    from station.workers.inspection import InspectionWorker

    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])  # noqa: F841 (signals need it)
    frames = [load_image(p) for p in sorted(Path(a.data, "test").rglob("*.png"))]
    data = Path(tempfile.mkdtemp(prefix="soak-"))
    worker = InspectionWorker(a.models, data, "soak", "bench")
    worker.load_category(a.category)
    times: list[float] = []
    verdicts: dict[str, int] = {}
    worker.inspected.connect(lambda r, row, kind: (times.append(r.timing.total_ms),
                                                   verdicts.__setitem__(r.verdict.value, verdicts.get(r.verdict.value, 0) + 1)))
    rng = np.random.default_rng(0)
    blocks = []
    t0 = time.perf_counter()
    for i in range(1, a.count + 1):
        f = frames[i % len(frames)]
        noisy = np.clip(f.astype(np.int16) + rng.integers(-2, 3, f.shape, dtype=np.int16), 0, 255).astype(np.uint8)
        worker.inspect_frame(noisy, "soak-camera")
        if i % a.every == 0:
            block = times[-a.every:]
            blocks.append({"frames": i, "rss_mb": round(rss_mb(), 1), "disk_mb": round(disk_mb(data), 1),
                           "judge_ms_median": round(statistics.median(block), 2),
                           "elapsed_s": round(time.perf_counter() - t0, 1)})
            print(json.dumps(blocks[-1]), flush=True)
    worker.shutdown()
    first = next((b for b in blocks if b["frames"] >= min(1000, a.count)), blocks[0])
    out = {"count": a.count, "blocks": blocks, "verdicts": verdicts,
           "rss_growth_mb_from_1000": round(blocks[-1]["rss_mb"] - first["rss_mb"], 1),
           "judge_ms_first_block": blocks[0]["judge_ms_median"], "judge_ms_last_block": blocks[-1]["judge_ms_median"],
           "disk_mb_per_1000": round(blocks[-1]["disk_mb"] / (a.count / 1000), 1), "cpus": os.cpu_count()}
    print(json.dumps({k: v for k, v in out.items() if k != "blocks"}, indent=2))
    if a.out:
        Path(a.out).write_text(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
