"""The image score from a pruned search equals the search of every patch."""

from __future__ import annotations

import numpy as np
import pytest

from engine.patchcore.knn import NearestNeighbourIndex
from engine.patchcore.peak_search import PeakSearch


def smooth_grid(rng: np.random.Generator, h: int, w: int, d: int) -> np.ndarray:
    """Embeddings that vary smoothly over the grid, as neighbouring cells of a backbone do."""
    base = rng.normal(size=(h // 3 + 2, w // 3 + 2, d)).astype(np.float32)
    ys, xs = np.linspace(0, h // 3, h), np.linspace(0, w // 3, w)
    y0, x0 = ys.astype(int), xs.astype(int)
    fy, fx = (ys - y0)[:, None, None], (xs - x0)[None, :, None]
    g = (base[y0][:, x0] * (1 - fy) * (1 - fx) + base[y0 + 1][:, x0] * fy * (1 - fx)
         + base[y0][:, x0 + 1] * (1 - fy) * fx + base[y0 + 1][:, x0 + 1] * fy * fx)
    return (g + 0.05 * rng.normal(size=g.shape)).astype(np.float32)


@pytest.mark.parametrize("h,w", [(12, 10), (13, 11), (2, 7), (1, 1), (30, 26)])
def test_pruned_peak_equals_the_full_search(h, w):
    rng = np.random.default_rng(h * 100 + w)
    bank = np.concatenate([smooth_grid(rng, 30, 26, 16).reshape(-1, 16)[::3] for _ in range(3)])
    index = NearestNeighbourIndex.fit(bank)
    for trial in range(8):
        grid = smooth_grid(rng, h, w, 16)
        if trial % 2:  # a defect: one patch far from everything, off the lattice where it can be
            grid[min(h - 1, 1), min(w - 1, 1)] += 4.0
        dist, nn = index.search(grid.reshape(-1, 16), k=1)
        got = PeakSearch(bank)(grid)
        assert got.distance == pytest.approx(float(dist.max()), rel=1e-5), "the FAISS search of every patch"
        assert dist[got.patch, 0] == pytest.approx(got.distance, rel=1e-5) and got.match == nn[got.patch, 0]
        assert got.searched <= h * w


def test_smooth_grids_are_mostly_not_searched():
    rng = np.random.default_rng(0)
    bank = smooth_grid(rng, 60, 60, 32).reshape(-1, 32)[::2]
    search = PeakSearch(bank)
    searched = [search(smooth_grid(rng, 40, 36, 32)).searched for _ in range(5)]
    assert np.median(searched) < 0.6 * 40 * 36
