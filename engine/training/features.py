"""Training, stage 1: one pass over the training images through the feature graph.

The pass keeps a bounded, evenly drawn share of every image's patches as the coreset's
candidates, and on the way collects what the later stages need from the same decoded images
(the part mask's samples, the retrieval vectors, the classifier's goods, the k-fold embeddings),
so no image is decoded or embedded twice.
"""

from __future__ import annotations

import contextlib
import itertools
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Sequence

import numpy as np

from engine.explain.retrieval import global_embedding
from engine.imaging import decode_ahead, resize_to, shrink
from engine.training.kfold import KeptEmbeddings
from engine.patchcore.coreset import Cancelled
from engine.synth.part_mask import WORK_SIDE
from engine.training.config import TrainConfig

CLASSIFIER_MAX_GOODS = 200
"""The defect classifier trains on at most this many good images (evenly spread), and as many
synthetic defects: about a minute on 2 cores whatever the category's size."""
MASK_SAMPLES = 64
"""Training images (evenly spread, at most) the part mask and the good colour are learnt from."""


@dataclass
class FeaturePass:
    """What stage 1 leaves for the others; ``candidates`` (N, D) float32 and ``owner`` (N,)
    (the index of the image each came from) are freed by the coreset stage."""

    candidates: np.ndarray
    owner: np.ndarray
    per_image: int
    """Candidate patches drawn from each image (all of its patches when there are fewer)."""
    grid: tuple[int, int]
    """(h, w) cells of the feature grid."""
    used: int
    """Training images embedded (the unreadable ones are in ``skipped``)."""
    embedded: list[str] = field(default_factory=list)
    """Resolved paths of the embedded images, in embedding order."""
    vectors: list[np.ndarray] = field(default_factory=list)
    """One retrieval vector per embedded image (the WHAT tab's history search)."""
    mask_images: list[np.ndarray] = field(default_factory=list)
    """Up to ``MASK_SAMPLES`` images shrunk to the part mask's working side."""
    mask_shapes: list[tuple[int, int]] = field(default_factory=list)
    """Their original (h, w)."""
    classifier_goods: list[np.ndarray] = field(default_factory=list)
    """Images resized to the input size for the defect classifier (when it is trained)."""
    kept: KeptEmbeddings = field(default_factory=KeptEmbeddings)
    """The embeddings kept for the k-fold scores (float16; empty without k-fold)."""


def loaded(decoded: Iterator, n: int, skipped: list[str]) -> Iterator[tuple[Path, np.ndarray]]:
    """The next ``n`` items of a ``decode_ahead`` stream as (path, image); unreadable ones go to ``skipped``."""
    for p, image, exc, _ in itertools.islice(decoded, n):
        if exc is not None:
            skipped.append(str(exc))
        else:
            yield Path(p), image


def load_all(paths: Sequence[Path], skipped: list[str]) -> list[tuple[Path, np.ndarray]]:
    """Every readable image of ``paths``, decoded ahead in threads; unreadable ones go to ``skipped``."""
    return list(loaded(decode_ahead(paths), len(paths), skipped))


def feature_pass(embedder, dim: int, input_size: tuple[int, int], train_paths: Sequence[Path], config: TrainConfig,
                 kfold: bool, rng: np.random.Generator, skipped: list[str],
                 report: Callable[[str, int, int], None], cancelled: Callable[[], bool]) -> FeaturePass:
    """Embed ``train_paths`` in batches (decoding overlaps ONNX Runtime) and draw the candidates.

    At most ``config.max_patches`` candidates (and 1 GB of them) are kept, the same number from
    every image, however many images there are. ``embedder.embed(list of HxWx3 uint8)`` returns
    (B, h, w, ``dim``) float32. Raises ``Cancelled`` when ``cancelled()`` turns true."""
    n = len(train_paths)
    max_patches = int(min(config.max_patches, 1_000_000_000 // (4 * dim)))
    mask_every = max(1, n // MASK_SAMPLES)
    classifier_every = max(1, math.ceil(n / CLASSIFIER_MAX_GOODS))
    out = FeaturePass(candidates=np.zeros((0, dim), np.float32), owner=np.zeros(0, np.int32), per_image=0,
                      grid=(0, 0), used=0)
    filled = 0
    with contextlib.closing(decode_ahead(train_paths, config.batch_size)) as decoded:
        for start in range(0, n, config.batch_size):
            if cancelled():
                raise Cancelled()
            batch = list(loaded(decoded, config.batch_size, skipped))
            if batch:
                small = [resize_to(im, input_size) for _, im in batch]
                emb = embedder.embed(small)
                for k, (_, im) in enumerate(batch):
                    if (start + k) % mask_every == 0 and len(out.mask_images) < MASK_SAMPLES:
                        out.mask_images.append(shrink(im, WORK_SIDE))
                        out.mask_shapes.append(im.shape[:2])
                if config.train_classifier:
                    out.classifier_goods.extend(im for k, im in enumerate(small) if (start + k) % classifier_every == 0)
                out.grid = (int(emb.shape[1]), int(emb.shape[2]))
                out.vectors.extend(global_embedding(e) for e in emb)
                out.embedded.extend(str(Path(p).resolve()) for p, _ in batch)
                flat = emb.reshape(len(batch), -1, dim)
                if out.per_image == 0:  # filled in place: no concatenation copy
                    out.per_image = max(1, min(flat.shape[1], max_patches // n))
                    out.candidates = np.empty((out.per_image * n, dim), np.float32)
                    out.owner = np.empty(out.per_image * n, np.int32)
                if kfold:
                    for k, e in enumerate(emb):
                        out.kept.add(out.used + k, e)
                for k, f in enumerate(flat):
                    keep = f if out.per_image >= f.shape[0] else f[rng.choice(f.shape[0], out.per_image, replace=False)]
                    out.candidates[filled:filled + len(keep)] = keep
                    out.owner[filled:filled + len(keep)] = out.used + k
                    filled += len(keep)
                out.used += len(batch)
            report("features", min(start + config.batch_size, n), n)
    out.candidates, out.owner = out.candidates[:filled], out.owner[:filled]
    return out
