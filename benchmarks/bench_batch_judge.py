"""A run of images judged one at a time against pipelined (``engine.judging.batch_judge``), in process,
models loaded and imports done: ms per image, medians of alternating runs, and whether every
score, map and embedding is the same.

    python benchmarks/bench_batch_judge.py MODELS CATEGORY DATA/<category> [--runs 5] [--out F.json]

Besides the pipeline as built (feature graph on a one-thread ONNX Runtime session in a worker,
FAISS on one OpenMP thread in the caller), two variants it was chosen over: the graph on the
model's own session (all cores), and FAISS on all cores. Also each phase alone on one thread and
on all cores (24 images), and the batch embedding of training (up to 96 good training images in
batches of 8): side by side on the one-thread session against one after another.
"""

from __future__ import annotations

import contextlib
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_args import model_and_data_parser, parsed_with_model  # noqa: E402


@contextlib.contextmanager
def variant(name: str):
    """Patch ``engine.judging.batch_judge`` into one of the variants for the block."""
    from engine.judging import batch_judge
    from engine.patchcore.stored_graph import StoredGraphEmbedder

    saved = (batch_judge.search_threads, StoredGraphEmbedder.single_threaded)
    if name == "pipelined, graph on all cores":
        StoredGraphEmbedder.single_threaded = lambda self: self
    if name == "pipelined, FAISS on all cores":
        batch_judge.search_threads = lambda n: contextlib.nullcontext()
    try:
        yield
    finally:
        batch_judge.search_threads, StoredGraphEmbedder.single_threaded = saved


def same(a, b) -> bool:
    import numpy as np

    if a.ok != b.ok or a.source != b.source:
        return False
    return not a.ok or (a.score == b.score and np.array_equal(a.anomaly_map, b.anomaly_map)
                        and np.array_equal(a.embedding, b.embedding))


def phases_alone(insp, paths: list[str], runs: int) -> dict:
    """Median ms of the feature graph and of FAISS's search alone, on one thread and on all cores."""
    from engine.imaging import load_image
    from engine.patchcore.knn import search_threads

    prepared = [insp.prepare(load_image(p)) for p in paths]
    graphs = {"features, all cores": insp.model.embedder, "features, one thread": insp.model.embedder.single_threaded()}
    out: dict[str, list[float]] = {}
    for _ in range(runs):
        for name, graph in graphs.items():
            out.setdefault(name, []).extend(insp.prepare(p.image, graph).features_ms for p in prepared)
        for name, n in (("search, all cores", os.cpu_count() or 1), ("search, one thread", 1)):
            with search_threads(n):
                out.setdefault(name, []).extend(insp.search(p)[1] for p in prepared)
    return {k: round(statistics.median(v), 2) for k, v in out.items()}


def batch_embedding(insp, data: str, runs: int, batch: int = 8) -> dict:
    """ms per image of ``embed`` over the category's good training images in batches of ``batch``
    (as training embeds them): side by side on the one-thread session against one image after
    another on all cores (``MAX_LANES`` = 1), alternating; and whether the outputs are equal."""
    import numpy as np

    from engine.imaging import load_image, resize_to
    from engine.patchcore import stored_graph
    from engine.training import list_images

    graph = insp.model.embedder
    smalls = [resize_to(load_image(p), insp.model.config.input_size)
              for p in list_images(Path(data) / "train" / "good")[:96]]
    batches = [smalls[i:i + batch] for i in range(0, len(smalls), batch)]
    saved, times, outs = stored_graph.MAX_LANES, {"side by side": [], "one after another": []}, {}
    try:
        for _ in range(runs):
            for name, lanes in (("side by side", saved), ("one after another", 1)):
                stored_graph.MAX_LANES = lanes
                t0 = time.perf_counter()
                outs[name] = [graph.embed(b) for b in batches]
                times[name].append((time.perf_counter() - t0) * 1000.0 / len(smalls))
    finally:
        stored_graph.MAX_LANES = saved
    same = all(np.array_equal(a, b) for a, b in zip(outs["side by side"], outs["one after another"]))
    return {"images": len(smalls), "batch": batch, "ms_per_image": {k: round(statistics.median(v), 2)
                                                                    for k, v in times.items()},
            "all_runs_ms": {k: [round(x, 2) for x in v] for k, v in times.items()}, "same_outputs": same}


def main() -> None:
    ap = model_and_data_parser(__doc__)
    ap.add_argument("--runs", type=int, default=5)
    a, insp = parsed_with_model(ap)
    from engine.training import list_images

    paths = [str(p) for p in list_images(Path(a.data) / "test")]
    names = ["in turn", "pipelined", "pipelined, graph on all cores", "pipelined, FAISS on all cores"]
    list(insp.iter_paths(paths[:4], pipeline=True))  # warm: the one-thread session, page cache
    baseline = list(insp.iter_paths(paths, pipeline=False))
    times: dict[str, list[float]] = {n: [] for n in names}
    identical = {n: True for n in names}
    for _ in range(a.runs):
        for name in names:
            with variant(name):
                t0 = time.perf_counter()
                results = list(insp.iter_paths(paths, pipeline=name != "in turn"))
                times[name].append((time.perf_counter() - t0) * 1000.0 / len(paths))
            identical[name] &= len(results) == len(baseline) and all(map(same, results, baseline))
    alone = phases_alone(insp, paths[:24], a.runs)
    embedding = batch_embedding(insp, a.data, a.runs)
    out = {"category": a.category, "models": a.models, "images": len(paths), "runs": a.runs, "cpus": os.cpu_count(),
           "input_size": list(insp.model.config.input_size), "bank": insp.model.index.size,
           "ms_per_image": {n: round(statistics.median(t), 2) for n, t in times.items()},
           "all_runs_ms": {n: [round(x, 2) for x in t] for n, t in times.items()},
           "same_results_as_in_turn": identical, "phases_alone_ms": alone, "batch_embedding": embedding}
    print("phases alone (ms):", json.dumps(alone))
    print("batch embedding (ms per image):", json.dumps(embedding["ms_per_image"]), "same:", embedding["same_outputs"])
    for n in names:
        print(f"{n:32s} {out['ms_per_image'][n]:7.2f} ms/image  same results: {identical[n]}")
    if a.out:
        Path(a.out).parent.mkdir(parents=True, exist_ok=True)
        Path(a.out).write_text(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
