"""The image score by the pruned peak search against the search of every patch, on real images.

    python benchmarks/bench_peak_search.py MODELS CATEGORY DATA/<category> [--out FILE.json]

Embeds the category's test goods and held-out training goods once (images the memory bank never
saw, as in k-fold calibration; kept as float16 as k-fold keeps them), then scores them back to
back against the model's bank both ways, one way over all images then the other, twice: every patch
searched (``PatchCore.scores``) and ``engine.patchcore.peak_search``. Prints medians
of the time per image, the share of patches searched, and the largest difference of the scores
(0 when exact).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine.imaging import is_image_path, load_image  # noqa: E402
from engine.judging.inspector import Inspector  # noqa: E402
from engine.patchcore.model import score_window  # noqa: E402
from engine.patchcore.peak_search import PeakSearch  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("models")
    ap.add_argument("category")
    ap.add_argument("data")
    ap.add_argument("--out")
    a = ap.parse_args()
    insp = Inspector.load(a.models, a.category)
    model = insp.model
    goods = sorted(p for p in (Path(a.data) / "test" / "good").iterdir() if is_image_path(p))
    paths = goods + [Path(p) for p in insp.stored.manifest["training"]["holdout_images"]]
    search = PeakSearch(model.index.index.reconstruct_n(0, model.index.size))
    embs = [model.embed([load_image(p)]).astype(np.float16) for p in paths]  # as k-fold keeps them
    full_ms, peak_ms, share, diff, want = [], [], [], [], []
    ys, xs = score_window(embs[0].shape[1], embs[0].shape[2], model.config.score_margin)
    for _ in range(2):  # each way over every image in turn, twice: the fold scores run one way only
        want = []
        for e in embs:
            emb = e.astype(np.float32)
            t0 = time.perf_counter()
            want.append(float(model.scores(emb)[0]))
            full_ms.append((time.perf_counter() - t0) * 1e3)
        for k, e in enumerate(embs):
            window = e[0, ys, xs].astype(np.float32)
            t0 = time.perf_counter()
            got = search(window)
            peak_ms.append((time.perf_counter() - t0) * 1e3)
            share.append(got.searched / (window.shape[0] * window.shape[1]))
            diff.append(abs(got.distance - want[k]) / want[k])
    emb = embs[0]
    out = {"category": a.category, "images": len(paths), "bank": model.index.size, "grid": list(emb.shape[1:3]),
           "window": list(window.shape[:2]), "full_search_ms_median": round(float(np.median(full_ms)), 2),
           "peak_search_ms_median": round(float(np.median(peak_ms)), 2),
           "searched_share_median": round(float(np.median(share)), 3),
           "searched_share_max": round(float(np.max(share)), 3),
           "largest_relative_difference": float(np.max(diff))}
    print(json.dumps(out, indent=2))
    if a.out:
        Path(a.out).write_text(json.dumps(out, indent=2) + "\n")


if __name__ == "__main__":
    main()
