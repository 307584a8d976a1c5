"""k-fold calibration: every training image scored against a memory bank that never saw it.

The held-out goods alone are a few dozen scores (15 % of the good images), too few to place a
1 % tail: on magnetic tile the held-out threshold rejected 2.6 % of the test goods for a 1 %
target. Here image j (in embedding order) belongs to fold j % k. For each fold a bank is chosen
the way training chooses the real one (greedy coreset) from the other folds' candidate patches
only, with as many patches as the real bank so it covers as densely, and the fold's images are
embedded again and scored against it. The threshold then rests on every good image.

Measured on magnetic tile (``benchmarks/experiments/kfold_threshold.py``): 3 folds of the
model's bank size give a threshold that rejects 1.6 % of the test goods (holdout: 2.6 %); 5
folds at the coreset ratio 1.6 %, 2 folds 1.1 %. Bottle: unchanged (0 %, every defect caught).
Three folds cost 1.3 coresets and one more pass over the training images.
"""

from __future__ import annotations

from typing import Callable, Sequence

import numpy as np

from engine.imaging import decode_ahead, resize_to
from engine.patchcore.coreset import Cancelled, greedy_coreset
from engine.patchcore.knn import NearestNeighbourIndex
from engine.patchcore.model import PatchCore, PatchCoreConfig


def fold_banks(candidates: np.ndarray, owner: np.ndarray, folds: int, bank_size: int, projection_dim: int, seed: int,
               should_cancel: Callable[[], bool] | None = None) -> list[np.ndarray | None]:
    """Per fold, a memory bank (at most ``bank_size``, D) chosen from the candidate patches (N, D)
    whose owning image (``owner`` (N,), embedding order) is in another fold; None for a fold
    with no others."""
    banks: list[np.ndarray | None] = []
    for f in range(folds):
        keep = np.flatnonzero(owner % folds != f)
        if keep.size == 0:
            banks.append(None)
            continue
        pool = candidates[keep]
        idx = greedy_coreset(pool, min(len(pool), bank_size), projection_dim, seed + f, should_cancel=should_cancel)
        banks.append(pool[np.sort(idx)])
    return banks


def fold_scores(paths: Sequence[str], banks: list[np.ndarray | None], embedder, cfg: PatchCoreConfig,
                skipped: list[str], progress: Callable[[int, int], None],
                should_cancel: Callable[[], bool]) -> np.ndarray:
    """Image scores (N,) of the training images ``paths`` (embedding order), image j against the
    bank of fold j % len(banks); unreadable images go to ``skipped``, images of a fold without a
    bank are left out."""
    folds = len(banks)
    models = {f: PatchCore(embedder, NearestNeighbourIndex.fit(b), cfg) for f, b in enumerate(banks) if b is not None}
    out = []
    for j, (p, image, exc, _) in enumerate(decode_ahead(paths)):
        if should_cancel():
            raise Cancelled()
        model = models.get(j % folds)
        if exc is not None:
            skipped.append(str(exc))
        elif model is not None:
            out.append(float(model.score_embeddings(embedder.embed([resize_to(image, cfg.input_size)]))[1][0]))
        progress(j + 1, len(paths))
    return np.asarray(out, dtype=np.float64)
