"""`station train` as a user runs it: whole process, medians, cold and warm.

    python benchmarks/bench_training.py ../shared/data/mvtec_ad/bottle [--runs 5] \\
        [--before-repo /tmp/old-checkout] [--out docs/benchmarks/training.json]

* cold: a new, empty models folder every run (the first training on a fresh install): the
  feature graph is copied from the one shipped in ``resources/graphs`` for the default settings.
* built: the same with ``--build-graph``: the backbone is built in PyTorch, exported to the stored
  graph and probed, as a first training of settings no shipped graph covers (another backbone,
  other stages, padding), and as every cold training did before the shipped graphs.
* warm: a models folder that already holds a model of the same backbone, stages and
  photometric step, so its graph is copied and torch is not imported (a retrain, a rebuild,
  another category from the same camera).
* cold_holdout (``--holdout``): cold, with ``--calibration holdout`` (what k-fold costs).
* before (``--before-repo``): the same command run from another checkout (an older commit), cold,
  for the before/after line. The kinds alternate run by run so drift on this VM hits all.

Each run's stage seconds come from the command's own JSON report; its peak memory from
``os.wait4`` on that process.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def train_once(repo: Path, data: str, models: Path, category: str, extra: list[str] = ()) -> dict:
    """One whole `station train` process; wall seconds and its reported stage seconds."""
    cmd = [sys.executable, "-m", "station.cli", "train", "--category", category,
           "--good", str(Path(data, "train", "good")), "--models", str(models), *extra]
    env = {**os.environ, "PYTHONPATH": str(repo)}
    with tempfile.TemporaryFile("w+") as out:
        t0 = time.perf_counter()
        child = subprocess.Popen(cmd, cwd=repo, env=env, stdout=out, stderr=subprocess.DEVNULL, text=True)
        _, status, usage = os.wait4(child.pid, 0)  # this run's own peak memory (ru_maxrss, KiB)
        wall = time.perf_counter() - t0
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode:
            raise subprocess.CalledProcessError(child.returncode, cmd)
        out.seek(0)
        text = out.read()
    report = json.loads(text[text.index("{"):])
    return {"wall_s": round(wall, 3), "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
            "stages_s": report.get("seconds", {})}


def summary(runs: list[dict]) -> dict:
    stages = sorted({k for r in runs for k in r["stages_s"]})
    return {"median_wall_s": round(statistics.median(r["wall_s"] for r in runs), 3),
            "median_peak_rss_mb": round(statistics.median(r["peak_rss_mb"] for r in runs), 1),
            "median_stages_s": {k: round(statistics.median(r["stages_s"].get(k, 0.0) for r in runs), 3)
                                for k in stages},
            "runs": runs}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", help="category folder in MVTec layout (its train/good images are used)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--before-repo", help="a checkout of an older commit, timed cold the same way")
    ap.add_argument("--holdout", action="store_true",
                    help="also time cold runs with --calibration holdout (what k-fold calibration costs)")
    ap.add_argument("--out")
    a = ap.parse_args()
    category = Path(a.data).name
    work = Path(tempfile.mkdtemp(prefix="bench-training-"))
    warm_models = work / "warm"
    train_once(ROOT, a.data, warm_models, category)  # the model whose graph the warm runs reuse
    kinds = {"cold": [], "built": [], "warm": []}
    if a.holdout:
        kinds["cold_holdout"] = []
    if a.before_repo:
        kinds["before"] = []
    for k in range(a.runs):
        for kind, runs in kinds.items():
            models = warm_models if kind == "warm" else work / f"{kind}-{k}"
            extra = {"cold_holdout": ["--calibration", "holdout"], "built": ["--build-graph"]}.get(kind, [])
            runs.append(train_once(Path(a.before_repo) if kind == "before" else ROOT, a.data, models, category, extra))
            print(kind, k, json.dumps(runs[-1]), flush=True)
            if kind != "warm":
                shutil.rmtree(models, ignore_errors=True)
    out = {"category": category, "images": len(list(Path(a.data, "train", "good").iterdir())), "cpus": os.cpu_count(),
           **{kind: summary(runs) for kind, runs in kinds.items()}}
    if a.before_repo:
        out["before_commit"] = subprocess.run(["git", "-C", a.before_repo, "rev-parse", "--short", "HEAD"],
                                              capture_output=True, text=True).stdout.strip()
    shutil.rmtree(work, ignore_errors=True)
    for kind in kinds:
        print(kind, out[kind]["median_wall_s"], out[kind]["median_peak_rss_mb"], out[kind]["median_stages_s"])
    if a.out:
        Path(a.out).parent.mkdir(parents=True, exist_ok=True)
        Path(a.out).write_text(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
