"""`station evaluate`'s evaluation judged as a pipelined run against one image at a time: the
whole evaluation's wall time per image (judging, masks, metrics), medians of alternating runs,
and a check that every figure is the same either way.

    python benchmarks/bench_evaluate.py MODELS CATEGORY DATA/<category> [--runs 3] [--out FILE]
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_args import model_and_data_parser, parsed_with_model  # noqa: E402

FIGURES = ("image_auroc", "pixel_auroc", "aupro", "pointing_game", "verdicts", "at_threshold")


def main() -> None:
    ap = model_and_data_parser(__doc__, "evaluated")
    ap.add_argument("--runs", type=int, default=3)
    a, insp = parsed_with_model(ap)
    from engine.evaluation import evaluate_folder

    walls: dict[str, list[float]] = {"pipelined": [], "one at a time": []}
    figures: dict[str, dict] = {}
    for _ in range(a.runs):
        for kind, env in (("pipelined", "1"), ("one at a time", "0")):
            os.environ["STATION_PIPELINE"] = env
            t = time.perf_counter()
            res = evaluate_folder(insp, a.data)
            walls[kind].append(round(time.perf_counter() - t, 2))
            figures[kind] = {k: res[k] for k in FIGURES}
            print(kind, walls[kind][-1], "s", flush=True)
    same = figures["pipelined"] == figures["one at a time"]
    n = res["images"]
    out = {"models": a.models, "category": a.category, "data": a.data, "images": n, "runs": a.runs,
           "seconds": walls, "median_s": {k: float(np.median(v)) for k, v in walls.items()},
           "median_ms_per_image": {k: round(1000 * float(np.median(v)) / n, 1) for k, v in walls.items()},
           "figures_identical": same, "figures": figures["pipelined"]}
    print(json.dumps({k: out[k] for k in ("images", "median_s", "median_ms_per_image", "figures_identical")}))
    if a.out:
        Path(a.out).write_text(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
