"""Nearest-neighbour search over the memory bank: a small FAISS wrapper with fit/search/save/load."""

from __future__ import annotations

import contextlib
import os
from typing import Iterator

import faiss
import numpy as np

SEARCH_BLOCKS = (1024, 4096)
"""(queries, bank vectors) FAISS's flat search multiplies at a time. Its defaults (4096 x 1024)
cut a memory bank of 3,000 into three blocks and keep every query's nearest across each; one
block of 4,096 and smaller query blocks take about a tenth less time on a judgement's 2,304
cells, with the same distances and indices (``benchmarks/bench_search_blocks.py``)."""


def search_blocks() -> tuple[int, int]:
    """FAISS's (query, database) block sizes now in effect."""
    return int(faiss.cvar.distance_compute_blas_query_bs), int(faiss.cvar.distance_compute_blas_database_bs)


faiss.cvar.distance_compute_blas_query_bs, faiss.cvar.distance_compute_blas_database_bs = SEARCH_BLOCKS

SEARCH_BLAS_FROM = 1536
"""Queries x width from which FAISS's flat search computes distances as one matrix product
instead of one query at a time. FAISS 1.15 waits for 128,000 (2,000 queries of 64 dimensions);
the product is as fast from 16-32 queries here and twice to three times as fast from 64, and the
map's second view searches a few hundred cells of an image (``benchmarks/bench_search_paths.py``:
670 queries of 64 dimensions against 3,000, 5.4 ms one at a time, 2.5 ms as a product)."""

faiss.cvar.distance_compute_blas_threshold = SEARCH_BLAS_FROM


@contextlib.contextmanager
def search_threads(n: int) -> Iterator[None]:
    """FAISS searches made on this thread inside the block use ``n`` OpenMP threads (BLAS included);
    other threads keep their own setting, and this one's is restored after."""
    before = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(max(1, int(n)))
    try:
        yield
    finally:
        faiss.omp_set_num_threads(before)


class NearestNeighbourIndex:
    """Exact L2 search (``IndexFlatL2``); distances are returned as Euclidean, not squared."""

    def __init__(self, index: faiss.Index | None = None) -> None:
        self._index = index

    @classmethod
    def fit(cls, bank: np.ndarray) -> "NearestNeighbourIndex":
        """Build from a memory bank (M, D) float32."""
        bank = np.ascontiguousarray(bank, dtype=np.float32)
        index = faiss.IndexFlatL2(bank.shape[1])
        index.add(bank)
        return cls(index)

    @property
    def index(self) -> faiss.Index:
        if self._index is None:
            raise RuntimeError("index is empty: fit or load it first")
        return self._index

    @property
    def size(self) -> int:
        return int(self.index.ntotal)

    @property
    def dim(self) -> int:
        return int(self.index.d)

    def search(self, queries: np.ndarray, k: int = 1) -> tuple[np.ndarray, np.ndarray]:
        """(Q, D) queries -> distances (Q, k) float32 and indices (Q, k) int64."""
        q = np.ascontiguousarray(queries, dtype=np.float32)
        d2, idx = self.index.search(q, k)
        return np.sqrt(np.maximum(d2, 0.0)), idx

    def vectors(self, ids: np.ndarray) -> np.ndarray:
        """Memory-bank rows for ``ids`` (any shape) -> (*ids.shape, D)."""
        flat = np.asarray(ids, dtype=np.int64).ravel()
        out = np.stack([self.index.reconstruct(int(i)) for i in flat]) if flat.size else np.empty((0, self.dim), np.float32)
        return out.reshape(*np.shape(ids), self.dim)

    def save(self, path: str | os.PathLike[str]) -> None:
        faiss.write_index(self.index, os.fspath(path))

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> "NearestNeighbourIndex":
        return cls(faiss.read_index(os.fspath(path)))
