"""FAISS flat search: its two ways of computing distances against the number of queries, and
where the engine switches between them.

    python benchmarks/bench_search_paths.py [--bank 3000] [--out FILE]

FAISS (1.15) computes a flat search's distances either one query at a time (SIMD) or as one
matrix product (BLAS), and takes the product only when queries x width reaches
``distance_compute_blas_threshold``, 128,000 by default: 2,000 queries of 64 dimensions. The map's
second view, searched for an image's warmest cells alone (a few hundred queries), fell on the
slow side. Random float32 vectors, k = 3 as the map searches, both threads; median of 30 runs, ms.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import faiss
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_search_dims import median_ms  # noqa: E402
from engine.patchcore.knn import SEARCH_BLAS_FROM, NearestNeighbourIndex  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bank", type=int, default=3000)
    ap.add_argument("--queries", default="1,8,16,24,32,64,128,256,670,2304")
    ap.add_argument("--dims", default="64,152")
    ap.add_argument("--out")
    a = ap.parse_args()
    rng = np.random.default_rng(0)
    rows = []
    print("| width | queries | one at a time, ms | matrix product, ms | the engine, ms |")
    print("|---|---|---|---|---|")
    for d in [int(x) for x in a.dims.split(",")]:
        index = NearestNeighbourIndex.fit(rng.standard_normal((a.bank, d)).astype(np.float32))
        for nq in [int(x) for x in a.queries.split(",")]:
            q = rng.standard_normal((nq, d)).astype(np.float32)
            row = {"dims": d, "queries": nq}
            for name, threshold in (("seq_ms", 2 ** 31 - 1), ("blas_ms", 1), ("engine_ms", SEARCH_BLAS_FROM)):
                faiss.cvar.distance_compute_blas_threshold = threshold
                row[name] = median_ms(lambda: index.search(q, 3), runs=30, digits=3)
            faiss.cvar.distance_compute_blas_threshold = SEARCH_BLAS_FROM
            rows.append(row)
            print(f"| {d} | {nq} | {row['seq_ms']:.3f} | {row['blas_ms']:.3f} | {row['engine_ms']:.3f} |", flush=True)
    if a.out:
        Path(a.out).write_text(json.dumps({"bank": a.bank, "k": 3, "threads": faiss.omp_get_max_threads(),
                                           "engine_threshold": SEARCH_BLAS_FROM, "faiss": faiss.__version__,
                                           "rows": rows}, indent=2))


if __name__ == "__main__":
    main()
