"""FAISS flat search time against the vectors' width: why a narrow map view is searched padded.

    python benchmarks/bench_search_dims.py [--queries 2304] [--bank 3000] [--out FILE]

Random float32 vectors, a bank of ``--bank`` and ``--queries`` queries (bottle's 48x48 grid by
default), k = 3 as the map searches; each width searched as it is and zero-padded to
``engine.patchcore.model.SEARCH_DIM_MIN`` (the distances are the same). Median of 15 runs, ms.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine.patchcore.knn import NearestNeighbourIndex  # noqa: E402
from engine.patchcore.model import SEARCH_DIM_MIN, MapView  # noqa: E402


def median_ms(fn, runs: int = 15, digits: int = 2) -> float:
    """Median milliseconds of ``runs`` calls of ``fn`` after one to warm up."""
    fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return round(float(np.median(times)) * 1000, digits)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--queries", type=int, default=2304)
    ap.add_argument("--bank", type=int, default=3000)
    ap.add_argument("--dims", default="32,40,48,56,64,152")
    ap.add_argument("--out")
    a = ap.parse_args()
    rng = np.random.default_rng(0)
    rows = []
    for d in (int(x) for x in a.dims.split(",")):
        bank = rng.standard_normal((a.bank, d)).astype(np.float32)
        emb = rng.standard_normal((1, a.queries, 1, d)).astype(np.float32)
        plain = NearestNeighbourIndex.fit(bank)
        view = MapView(MapView.bank_index(bank), d, 1.0, (0.0, 0.0))
        q = emb.reshape(-1, d)
        row = {"dim": d, "plain_ms": median_ms(lambda: plain.search(q, k=3)),
               "padded_to": view.index.dim, "padded_ms": median_ms(lambda: view.distances(emb, 3))}
        rows.append(row)
        print(f"{d:4d} dims: {row['plain_ms']:6.2f} ms as it is, {row['padded_ms']:6.2f} ms searched at {row['padded_to']}")
    if a.out:
        Path(a.out).write_text(json.dumps({"queries": a.queries, "bank": a.bank, "k": 3,
                                           "search_dim_min": SEARCH_DIM_MIN, "rows": rows}, indent=2))


if __name__ == "__main__":
    main()
