"""Greedy (k-center) coreset subsampling of the memory bank (PatchCore §3.2, Alg. 1).

Distances are taken in a random projection (Johnson-Lindenstrauss) of the features, and each
step is one matrix-vector product over all points, so 200k patches take seconds.
"""

from __future__ import annotations

from typing import Callable

import numpy as np


class Cancelled(Exception):
    """Raised when the caller's cancel check says stop."""


def greedy_coreset(
    features: np.ndarray,
    n_select: int,
    projection_dim: int = 128,
    seed: int = 0,
    progress: Callable[[int, int], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> np.ndarray:
    """Indices of ``n_select`` rows of ``features`` (N, D) chosen by greedy k-center.

    Each step adds the point farthest from all chosen so far (minimax facility location).

    Returns:
        int64 array (n_select,), in selection order.
    """
    n = features.shape[0]
    if n_select >= n:
        return np.arange(n, dtype=np.int64)
    if n_select <= 0:
        raise ValueError("n_select must be positive")
    rng = np.random.default_rng(seed)
    x = np.ascontiguousarray(features, dtype=np.float32)
    if projection_dim and x.shape[1] > projection_dim:
        proj = rng.standard_normal((x.shape[1], projection_dim), dtype=np.float32) / np.float32(projection_dim**0.5)
        x = x @ proj
    sq = np.einsum("ij,ij->i", x, x)
    chosen = np.empty(n_select, dtype=np.int64)
    idx = int(rng.integers(n))
    min_d = np.full(n, np.inf, dtype=np.float32)
    dist = np.empty(n, dtype=np.float32)
    step = max(1, n_select // 100)
    for i in range(n_select):
        chosen[i] = idx
        # ||x - c||^2 = ||x||^2 - 2 x.c + ||c||^2, one matrix-vector product per step.
        np.matmul(x, x[idx], out=dist)
        dist *= -2.0
        dist += sq
        dist += sq[idx]
        np.minimum(min_d, dist, out=min_d)
        idx = int(np.argmax(min_d))
        if i % step == 0:
            if should_cancel is not None and should_cancel():
                raise Cancelled()
            if progress is not None:
                progress(i, n_select)
    if progress is not None:
        progress(n_select, n_select)
    return chosen
