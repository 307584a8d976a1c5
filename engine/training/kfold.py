"""k-fold calibration: every training image scored against a memory bank that never saw it.

The held-out goods alone are a few dozen scores (15 % of the good images), too few to place a
1 % tail: on magnetic tile the held-out threshold rejected 2.6 % of the test goods for a 1 %
target. Here image j (in embedding order) belongs to fold j % k. For each fold a bank is chosen
the way training chooses the real one (greedy coreset) from the other folds' candidate patches
only, with as many patches as the real bank so it covers as densely, and the fold's images are
embedded again and scored against it. The threshold then rests on every good image. Only the
image score is needed, so most patches are bounded rather than searched (``peak_search``).

Measured on magnetic tile (``benchmarks/experiments/kfold_threshold.py``): 2 folds of the
model's bank size give a threshold that rejects 1.1 % of the test goods (holdout: 2.6 %); 3
folds 1.6 %, 5 folds at the coreset ratio 1.6 %. Bottle: unchanged (0 %, every defect caught).
Two folds cost one coreset (two of half the patches) and one search per training image; the
embeddings of the features pass are kept for it (``KeptEmbeddings``: memory, then a temporary
file) so the images need not be embedded again.
"""

from __future__ import annotations

import shutil
import tempfile
from typing import Callable, Iterator, Sequence

import numpy as np

from engine.imaging import decode_ahead, resize_to
from engine.patchcore.coreset import Cancelled, greedy_coreset
from engine.patchcore.model import PatchCoreConfig, score_window
from engine.patchcore.peak_search import PeakSearch


def fold_banks(candidates: np.ndarray, owner: np.ndarray, folds: int, bank_size: int, projection_dim: int, seed: int,
               should_cancel: Callable[[], bool] | None = None,
               progress: Callable[[int, int], None] | None = None) -> list[np.ndarray | None]:
    """Per fold, a memory bank (at most ``bank_size``, D) chosen from the candidate patches (N, D)
    whose owning image (``owner`` (N,), embedding order) is in another fold; None for a fold
    with no others. ``progress(done, total)`` counts chosen patches over all folds."""
    banks: list[np.ndarray | None] = []
    for f in range(folds):
        keep = np.flatnonzero(owner % folds != f)
        if keep.size == 0:
            banks.append(None)
            continue
        pool = candidates[keep]
        step = None if progress is None else (lambda i, n, f=f: progress(f * bank_size + i, folds * bank_size))
        idx = greedy_coreset(pool, min(len(pool), bank_size), projection_dim, seed + f, progress=step,
                             should_cancel=should_cancel)
        banks.append(pool[np.sort(idx)])
    return banks


MIN_IMAGES_PER_FOLD = 10
"""k-fold calibration needs this many training images per fold; with fewer, a fold's bank is
built from too few images to stand in for the model's, and the held-out goods alone are used."""


def folds_possible(train_images: int, folds: int) -> bool:
    return folds >= 2 and train_images >= folds * MIN_IMAGES_PER_FOLD


KEEP_BYTES = 128 * 2**20
"""Training images' embeddings kept in memory (float16) from the features pass for the fold
scores, up to this many bytes (bottle: all 178 fit in 125 MB; magnetic tile: 193 of 648)."""

SPILL_BYTES = 2**30
"""Beyond ``KEEP_BYTES``, embeddings are written to a temporary file (deleted when closed) up to
this many bytes; the rest, or all of them when the disk refuses, are decoded and embedded again."""

SPILL_FLOOR_BYTES = 4 * 2**30
"""The file never takes the temporary folder's free space below this: a station that trains
while it inspects must keep room for its history (the window warns below 2 GB)."""


class KeptEmbeddings:
    """Training images' embeddings (h, w, D), float16, by embedding index: in memory within
    ``memory_bytes``, then in an unlinked temporary file within ``spill_bytes``. Reads like a
    dict for ``fold_scores`` (``in``, ``len``, ``items``)."""

    def __init__(self, memory_bytes: int = KEEP_BYTES, spill_bytes: int = SPILL_BYTES) -> None:
        self.memory_bytes, self.spill_bytes = memory_bytes, spill_bytes
        self._memory: dict[int, np.ndarray] = {}
        self._spilled: dict[int, tuple[int, tuple[int, ...]]] = {}  # offset in the file, shape
        self._file = None
        self._used = 0  # bytes in memory
        self._written = 0  # bytes in the file

    def add(self, j: int, emb: np.ndarray) -> None:
        e = np.asarray(emb, dtype=np.float16)
        if self._used + e.nbytes <= self.memory_bytes:
            self._memory[j] = e
            self._used += e.nbytes
        elif self._written + e.nbytes <= self.spill_bytes:
            try:
                if self._file is None:
                    room = shutil.disk_usage(tempfile.gettempdir()).free - SPILL_FLOOR_BYTES
                    self.spill_bytes = max(0, min(self.spill_bytes, room))
                    if e.nbytes > self.spill_bytes:
                        return
                    self._file = tempfile.TemporaryFile(prefix="station-kfold-")
                self._file.write(e.tobytes())
            except OSError:  # a full or read-only disk: these images are embedded again
                self.spill_bytes = self._written
                return
            self._spilled[j] = (self._written, e.shape)
            self._written += e.nbytes

    def __contains__(self, j: int) -> bool:
        return j in self._memory or j in self._spilled

    def __len__(self) -> int:
        return len(self._memory) + len(self._spilled)

    def items(self) -> Iterator[tuple[int, np.ndarray]]:
        """(index, float16 embedding): the ones in memory, then the spilled ones, read one by one."""
        yield from self._memory.items()
        if self._file is not None:
            self._file.flush()
        for j, (offset, shape) in self._spilled.items():
            self._file.seek(offset)
            data = self._file.read(int(np.prod(shape)) * 2)
            yield j, np.frombuffer(data, dtype=np.float16).reshape(shape)

    def close(self) -> None:
        """Free the memory and delete the file."""
        self._memory.clear()
        self._spilled.clear()
        if self._file is not None:
            self._file.close()
            self._file = None


def fold_scores(paths: Sequence[str], banks: list[np.ndarray | None], embedder, cfg: PatchCoreConfig,
                skipped: list[str], progress: Callable[[int, int], None], should_cancel: Callable[[], bool],
                kept: KeptEmbeddings | dict[int, np.ndarray] | None = None) -> np.ndarray:
    """Image scores of the training images ``paths`` (embedding order), image j against the bank
    of fold j % len(banks), from its ``kept`` embedding or embedded again; unreadable images go
    to ``skipped``, images of a fold without a bank are left out. Shape (N,), in no set order."""
    folds, kept = len(banks), kept or {}
    models = {f: PeakSearch(b) for f, b in enumerate(banks) if b is not None}  # the largest patch distance, exactly
    out: list[float] = []

    def score(j: int, emb: np.ndarray) -> None:
        if should_cancel():
            raise Cancelled()
        model = models.get(j % folds)
        if model is not None:
            ys, xs = score_window(emb.shape[1], emb.shape[2], cfg.score_margin)
            out.append(model(emb[0, ys, xs]).distance)
        progress(len(out), len(paths))

    for j, emb in kept.items():
        score(j, emb[None].astype(np.float32))
    again = [j for j in range(len(paths)) if j not in kept]
    for j, (_, image, exc, _) in zip(again, decode_ahead([paths[j] for j in again])):
        if exc is not None:
            skipped.append(str(exc))
        else:
            score(j, embedder.embed([resize_to(image, cfg.input_size)]))
    return np.asarray(out, dtype=np.float64)
