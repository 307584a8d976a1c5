"""FAISS flat search time against its BLAS block sizes, on a trained model's own bank and test
images: which blocks ``engine.patchcore.knn`` sets.

    python benchmarks/bench_search_blocks.py MODELS CATEGORY DATA/<category> [--images 10] [--out FILE]

FAISS 1.15 searches a flat index by matrix products of ``query_bs`` queries against
``database_bs`` bank vectors at a time, then keeps each query's k nearest. Its defaults are
4096 x 1024. Each setting here is timed on the test images' embeddings (k = 3, as judging
searches; median of 7 passes, ms per image). The bank is searched as trained, and also tiled
three and ten times, for a 3 % and a 10 % bank. Every setting's distances and indices are
checked against the defaults': the blocks change the order of the work, not the result.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import faiss
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_args import model_and_data_parser, parsed_with_model  # noqa: E402
from benchmarks.bench_search_dims import median_ms  # noqa: E402
from engine.imaging import load_image  # noqa: E402
from engine.patchcore.knn import NearestNeighbourIndex, search_blocks  # noqa: E402
from engine.training import list_images  # noqa: E402

SETTINGS = [(4096, 1024), (1024, 4096), (768, 4096), (2048, 2048), (1024, 1024)]


def main() -> None:
    ap = model_and_data_parser(__doc__, "embedded")
    ap.add_argument("--images", type=int, default=10)
    a, insp = parsed_with_model(ap)
    paths = list_images(Path(a.data) / "test")[:: max(1, len(list_images(Path(a.data) / "test")) // a.images)][:a.images]
    queries = [e.reshape(-1, e.shape[-1]) for e in (insp.model.embed([load_image(p)]) for p in paths)]
    bank = insp.model.index.vectors(np.arange(insp.model.index.size))
    rows = []
    print(f"engine's blocks: {search_blocks()}; {len(queries)} images of {queries[0].shape[0]} cells, "
          f"{queries[0].shape[1]} dims")
    print("| bank | query x database block | ms per image | same result as FAISS's defaults |")
    print("|---|---|---|---|")
    for tiles in (1, 3, 10):
        index = NearestNeighbourIndex.fit(np.tile(bank, (tiles, 1)) + np.float32(1e-3) * np.arange(tiles).repeat(len(bank))[:, None])
        reference = None
        for qbs, dbs in SETTINGS:
            faiss.cvar.distance_compute_blas_query_bs, faiss.cvar.distance_compute_blas_database_bs = qbs, dbs
            out = [index.search(q, 3) for q in queries]
            reference = reference or out
            same = all(np.array_equal(x[0], y[0]) and np.array_equal(x[1], y[1]) for x, y in zip(out, reference))
            ms = round(median_ms(lambda: [index.search(q, 3) for q in queries], runs=7) / len(queries), 2)
            rows.append({"bank": index.size, "query_bs": qbs, "database_bs": dbs, "ms_per_image": ms, "same": same})
            print(f"| {index.size} | {qbs} x {dbs} | {ms} | {same} |", flush=True)
    if a.out:
        Path(a.out).write_text(json.dumps({"model": f"{a.models}:{a.category}", "data": a.data,
                                           "faiss": faiss.__version__, "rows": rows}, indent=2))


if __name__ == "__main__":
    main()
