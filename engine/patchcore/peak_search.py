"""The image score alone, exactly, with a fraction of the nearest-neighbour searches.

The image score is the largest patch distance in the score window: s = max_p min_b ||p - b||.
Calibration needs only s for every training image (k-fold), not the whole map, so most patches
need not be searched:

1. search every third row and column of the window exactly (a ninth of the patches); the
   largest of those distances is a lower bound ``best`` on s;
2. every other patch gets an upper bound on its own distance: its distance to the nearest of the
   bank patches that matched the lattice (one matrix product with a few hundred rows). Neighbouring
   cells share most of their receptive field, so a neighbour's match is near;
3. only the patches whose upper bound exceeds ``best`` are searched, largest bound first and a
   chunk at a time, ``best`` rising as they go. Every patch left out has a distance at most its
   bound, at most ``best``, so the maximum is exact (to float32 rounding).

Measured on training images against banks that never saw them: ``benchmarks/bench_peak_search.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SLACK = 1e-5
"""Relative margin on the bound test: distances from dot products round differently from one
matrix product to another; a patch within this of ``best`` is searched rather than assumed."""


@dataclass(frozen=True)
class PeakMatch:
    distance: float
    """The largest nearest-neighbour distance in the window (the image score before re-weighting)."""
    patch: int
    """Flat index (row * w + col) of that patch in the window."""
    match: int
    """Its nearest memory-bank patch."""
    searched: int
    """Patches searched exactly, of h * w."""


LATTICE_STEP = 3
"""Every LATTICE_STEP-th row and column of the window is searched first. Of 2, 3 and 4, 3 was
quickest on both sets (``bench_peak_search.py``, ms per image: bottle 10.1 / 7.8 / 10.0,
magnetic tile 7.3 / 3.5 / 3.4)."""

CHUNK = 64
"""Patches left to search are searched this many at a time, largest bound first."""


def _lattice(n: int) -> np.ndarray:
    """Every ``LATTICE_STEP``-th position of 0..n-1, and the last."""
    lat = np.arange(0, n, LATTICE_STEP)
    return lat if lat[-1] == n - 1 else np.append(lat, n - 1)


class PeakSearch:
    """The largest nearest-neighbour distance of a patch grid to one memory bank (M, D)."""

    def __init__(self, bank: np.ndarray) -> None:
        bank = np.asarray(bank, dtype=np.float32)
        self.bank_m2 = np.ascontiguousarray(-2.0 * bank)  # -2 b: one pass less per search
        self.bank_sq = (bank * bank).sum(axis=1)

    def nearest(self, x: np.ndarray, rows: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Queries (Q, D) -> distance (Q,) and index (Q,) of their nearest bank patch (among
        ``rows`` of the bank when given), from |x|^2 + |b|^2 - 2 x.b as FAISS computes it."""
        bank_m2, bank_sq = (self.bank_m2, self.bank_sq) if rows is None else (self.bank_m2[rows], self.bank_sq[rows])
        g = x @ bank_m2.T
        g += bank_sq[None, :]
        k = g.argmin(axis=1)
        d2 = g[np.arange(len(x)), k] + (x * x).sum(axis=1)
        return np.sqrt(np.maximum(d2, 0.0)), (k if rows is None else rows[k])

    def __call__(self, grid: np.ndarray) -> PeakMatch:
        """Embeddings of a score window (h, w, D) -> its largest nearest-neighbour distance, the
        same as searching every patch (to float32 rounding)."""
        h, w, d = grid.shape
        flat = np.ascontiguousarray(grid.reshape(h * w, d), dtype=np.float32)
        lat_ids = (_lattice(h)[:, None] * w + _lattice(w)[None, :]).ravel()
        dist, nn = self.nearest(flat[lat_ids])
        k = int(np.argmax(dist))
        best, best_id, best_nn = float(dist[k]), int(lat_ids[k]), int(nn[k])
        # upper bounds: the distance to the nearest of the bank patches the lattice matched
        bound, _ = self.nearest(flat, np.unique(nn))
        bound[lat_ids] = -np.inf  # searched already
        todo = np.flatnonzero(bound > best * (1.0 - SLACK))
        todo = todo[np.argsort(-bound[todo], kind="stable")]  # likeliest first: ``best`` rises fast
        searched = lat_ids.size
        while todo.size:
            chunk, todo = todo[:CHUNK], todo[CHUNK:]
            dist2, nn2 = self.nearest(flat[chunk])
            searched += chunk.size
            k2 = int(np.argmax(dist2))
            if float(dist2[k2]) > best:
                best, best_id, best_nn = float(dist2[k2]), int(chunk[k2]), int(nn2[k2])
            todo = todo[bound[todo] > best * (1.0 - SLACK)]
        return PeakMatch(best, best_id, best_nn, int(searched))
