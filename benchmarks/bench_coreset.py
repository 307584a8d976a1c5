"""The greedy coreset against the textbook loop on a category's real patch features.

    python benchmarks/bench_coreset.py DATA/bottle [--ratio 0.01] [--out docs/benchmarks/coreset-bottle.json]

Embeds the training images as training does (default settings, stored graph, at most 300,000
candidate patches drawn evenly), then chooses the bank three times: with ``engine``'s lazy
greedy, with the pooled greedy it replaced (every point updated after each pool, kept here to
compare), and with PatchCore's Alg. 1 as written (one matrix-vector pass over all points per
chosen patch, in the same 64-d projection). Reports the times and how far the selections agree.
"""

from __future__ import annotations

import argparse
import json
import math
import time
from pathlib import Path

import numpy as np


def textbook_greedy(features: np.ndarray, n_select: int, projection_dim: int, seed: int) -> np.ndarray:
    """Alg. 1 with the engine's projection and first point; one pass over all points per step."""
    rng = np.random.default_rng(seed)
    x = np.ascontiguousarray(features, dtype=np.float32)
    if projection_dim and x.shape[1] > projection_dim:
        x = x @ (rng.standard_normal((x.shape[1], projection_dim), dtype=np.float32) / np.float32(projection_dim**0.5))
    sq = np.einsum("ij,ij->i", x, x)
    chosen = [int(rng.integers(len(x)))]
    min_d = np.full(len(x), np.inf, np.float32)
    for _ in range(n_select - 1):
        c = chosen[-1]
        np.minimum(min_d, sq - 2.0 * (x @ x[c]) + sq[c], out=min_d)
        min_d[chosen] = -1.0
        chosen.append(int(np.argmax(min_d)))
    return np.asarray(chosen)


def pooled_greedy(features: np.ndarray, n_select: int, projection_dim: int, seed: int, pool_size: int = 4096,
                  chunk_rows: int = 4096) -> np.ndarray:
    """The engine's greedy before the lazy one: greedy steps inside a pool of the farthest points,
    then every point updated against the round's centres (engine 0.4 until this benchmark's change)."""
    from engine.patchcore.coreset import _squared_distances

    rng = np.random.default_rng(seed)
    x = np.ascontiguousarray(features, dtype=np.float32)
    n = len(x)
    if projection_dim and x.shape[1] > projection_dim:
        x = x @ (rng.standard_normal((x.shape[1], projection_dim), dtype=np.float32) / np.float32(projection_dim**0.5))
    sq = np.einsum("ij,ij->i", x, x)
    chosen = np.empty(n_select, dtype=np.int64)
    chosen[0] = int(rng.integers(n))
    min_d = _squared_distances(x, sq, x[chosen[:1]], sq[chosen[:1]])[:, 0]
    min_d[chosen[0]] = -1.0
    count = 1
    while count < n_select:
        p = min(pool_size, n - 1)
        order = np.argpartition(min_d, n - p - 1)
        pool, cutoff = order[n - p:], min_d[order[n - p - 1]]
        pool_x, pool_sq, pool_d = x[pool], sq[pool], min_d[pool]
        first = count
        while count < n_select:
            j = int(np.argmax(pool_d))
            if pool_d[j] < cutoff:
                break
            c = int(pool[j])
            chosen[count] = c
            count += 1
            np.minimum(pool_d, _squared_distances(pool_x, pool_sq, x[c:c + 1], sq[c:c + 1])[:, 0], out=pool_d)
            pool_d[j] = -1.0
        new = chosen[first:count]
        for s in range(0, n, chunk_rows):
            block = _squared_distances(x[s:s + chunk_rows], sq[s:s + chunk_rows], x[new], sq[new])
            np.minimum(min_d[s:s + chunk_rows], block.min(axis=1), out=min_d[s:s + chunk_rows])
        min_d[new] = -1.0
    return chosen


def candidates(data: Path, max_patches: int, seed: int) -> np.ndarray:
    from engine.training.adaptations import choose_photometric
    from engine.imaging import load_image, resize_to
    from engine.patchcore.extractor import training_extractor
    from engine.training import TrainConfig, choose_input_size, list_images

    cfg = TrainConfig()
    paths = list_images(data / "train" / "good")
    size = choose_input_size(paths, cfg.image_size)
    photometric, _ = choose_photometric(cfg.photometric, paths)
    ex = training_extractor(cfg.backbone, cfg.weights, cfg.layers, "models", size, cfg.input_pad, photometric,
                            reuse=False)
    rng = np.random.default_rng(seed)
    per_image = max(1, max_patches // len(paths))
    out = []
    for p in paths:
        f = ex.embedder.embed([resize_to(load_image(p), size)]).reshape(-1, ex.dim)
        out.append(f if per_image >= len(f) else f[rng.choice(len(f), per_image, replace=False)])
    return np.concatenate(out)


def main() -> None:
    from engine.patchcore.coreset import greedy_coreset
    from engine.training import TrainConfig

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", help="category folder in MVTec layout")
    ap.add_argument("--ratio", type=float, default=TrainConfig().coreset_ratio)
    ap.add_argument("--out")
    a = ap.parse_args()
    cfg = TrainConfig()
    x = candidates(Path(a.data), cfg.max_patches, cfg.seed)
    k = math.ceil(a.ratio * len(x))
    t0 = time.perf_counter()
    ours = greedy_coreset(x, k, cfg.projection_dim, cfg.seed)
    t1 = time.perf_counter()
    pooled = pooled_greedy(x, k, cfg.projection_dim, cfg.seed)
    t2 = time.perf_counter()
    plain = textbook_greedy(x, k, cfg.projection_dim, cfg.seed)
    t3 = time.perf_counter()
    out = {"category": Path(a.data).name, "candidates": int(len(x)), "dims": int(x.shape[1]), "chosen": k,
           "projection_dim": cfg.projection_dim, "engine_s": round(t1 - t0, 2), "pooled_s": round(t2 - t1, 2),
           "textbook_s": round(t3 - t2, 2),
           "same_set": round(len(set(ours.tolist()) & set(plain.tolist())) / k, 4),
           "same_order": round(float(np.mean(ours == plain)), 4),
           "pooled_same_set": round(len(set(pooled.tolist()) & set(plain.tolist())) / k, 4)}
    print(json.dumps(out))
    if a.out:
        Path(a.out).parent.mkdir(parents=True, exist_ok=True)
        Path(a.out).write_text(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
