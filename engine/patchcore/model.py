"""PatchCore scoring: patch distances to the memory bank, image score, anomaly map (§3.3)."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from engine.imaging import resize_to
from engine.patchcore.border import clip_ring
from engine.patchcore.knn import NearestNeighbourIndex
from engine.patchcore.map_fill import filled
from engine.patchcore.map_guide import DEFAULT_EPS, grey_guide, guided_detail


@dataclass(frozen=True)
class PatchCoreConfig:
    input_size: tuple[int, int]
    """(height, width) fed to the backbone, pixels."""
    blur_sigma: float = 4.0
    """Gaussian smoothing of the map, in input-size pixels."""
    centred: bool = True
    """Place patch scores on the pixels their cells look at (engine >= 0.2); False keeps the
    plain resize older models were calibrated with."""
    grid_offset: tuple[float, float] = (0.0, 0.0)
    """(dy, dx) input pixels: cell (i, j) looks at (s*i - dy, s*j - dx); measured at training."""
    score_margin: int = 0
    """Cells at the grid's edge left out of the image score (not of the map); chosen at training
    from the good images' border effect (``engine.patchcore.border``)."""
    map_ring_clip: int = 0
    """Outer rings of cells the map draws no hotter than the cells just inside them, except the
    cell the image score came from (0: none; set at training with the score margin; older
    models keep 0)."""
    map_neighbours: int = 1
    """k: each map cell draws the mean distance to its k nearest bank patches (engine >= 0.4
    trains with 3; older models keep 1). The image score stays the distance to the nearest."""
    map_guide_radius: int = 0
    """Input pixels: the map also follows the judged image's edges within this radius
    (``engine.patchcore.map_guide``; new models train with 16, older ones keep 0)."""
    map_guide_eps: float = DEFAULT_EPS
    map_fill_sigma: float = 0.0
    """Input pixels: each map pixel drawn at least as warm as the map's Gaussian mean over this
    sigma, so a warm region fills in while the peak stays put (``engine.patchcore.map_fill``;
    new models train with 48, older ones keep 0)."""


SEARCH_DIM_MIN = 64
"""FAISS's flat search (1.15, its default settings) takes a path about twice as slow below some
56 dimensions (``benchmarks/bench_search_dims.py``: 40-d vectors of bottle's 2,304 cells against a
3,000-patch bank, 18.2 ms; zero-padded to 64, 9.0 ms); a map view narrower than this is searched
zero-padded to it. The slower path was FAISS's query-at-a-time one, which it takes below 128,000
queries x dimensions (``knn.SEARCH_BLAS_FROM`` now moves that switch); the padding stays, as saved
view banks have it."""


def padded_dim(channels: int) -> int:
    return max(int(channels), SEARCH_DIM_MIN)


def _stride(config: PatchCoreConfig, grid: tuple[int, int]) -> tuple[float, float]:
    """(sy, sx) input pixels per cell of an (h, w) grid at ``config.input_size``."""
    return config.input_size[0] / grid[0], config.input_size[1] / grid[1]


def _padded(x: np.ndarray, dim: int) -> np.ndarray:
    """(N, d) -> (N, dim) float32 with zeros after column d (nothing done when d == dim)."""
    if x.shape[1] == dim:
        return np.ascontiguousarray(x, dtype=np.float32)
    out = np.zeros((x.shape[0], dim), np.float32)
    out[:, :x.shape[1]] = x
    return out


@dataclass(frozen=True)
class MapView:
    """A second view the map also draws from: the embedding's first ``channels`` (the backbone's
    finer stages, e.g. stages 2-3 of a stages 2-4 model) against a bank of their own. Each map
    cell is then the geometric mean of the two views' cell scores, the view's scaled by ``scale``
    to the full embedding's level; the image score, and so every verdict, stays the full view's.
    Grain that only one view finds unusual is damped; a defect both see keeps its strength.

    The view is searched only where the map can peak: each image's warmest ``share`` of cells by
    the full view, grown as far as its placement reads (``searched_for``). Elsewhere it is taken to agree with the full view as it
    does on good images there (``cool_ratio``), which at 0.1 spares about four fifths of the
    view's search and keeps where the map peaks (README, issue 9)."""

    index: NearestNeighbourIndex
    """The view's bank, its vectors zero-padded to ``padded_dim(channels)`` (distances unchanged)."""
    channels: int
    scale: float
    """Ratio of the full view's to this view's typical cell score on held-out goods."""
    grid_offset: tuple[float, float]
    """(dy, dx) input pixels: where this view's cells look (``grid_offset``), which is not where
    the full view's do (stage 4 moves them: about 13 px against 6 on EfficientNet-Lite0); its
    cell scores are resampled onto the full view's placement before they are combined."""
    share: float = 1.0
    """Share of each image's cells, its warmest by the full view, the view is searched for (then
    grown as far as its placement reads, so the resampling reads searched cells); 1.0: every cell
    (models before engine 0.4.3)."""
    cool_ratio: float = 1.0
    """Where the view is not searched its cell is the full view's times ``cool_ratio / scale``:
    the median of (scaled view / full view) over held-out goods' cells outside the searched ones."""

    @staticmethod
    def bank_index(vectors: np.ndarray) -> NearestNeighbourIndex:
        """The view's bank from its (N, channels) vectors, padded with zeros to ``padded_dim``."""
        return NearestNeighbourIndex.fit(_padded(np.asarray(vectors, np.float32), padded_dim(vectors.shape[1])))

    def bank_vectors(self) -> np.ndarray:
        """The bank's (N, channels) vectors, without their padding."""
        return self.index.vectors(np.arange(self.index.size))[:, :self.channels].astype(np.float32)

    def distances(self, emb: np.ndarray, k: int) -> np.ndarray:
        """Embeddings (..., D) -> (N, k) distances of their first ``channels`` to this bank, N the
        product of the leading dimensions."""
        q = _padded(np.ascontiguousarray(emb[..., :self.channels]).reshape(-1, self.channels), self.index.dim)
        return self.index.search(q, k=max(1, min(k, self.index.size)))[0]

    def searched(self, full: np.ndarray, grow: int = 1) -> np.ndarray:
        """The full view's cells (B, h, w) -> bool (B, h, w): the cells this view is searched for,
        each image's warmest ``share`` grown by ``grow`` cells (all of them at ``share`` >= 1)."""
        b = full.shape[0]
        flat = full.reshape(b, -1)
        n = flat.shape[1]
        if self.share >= 1.0 or n == 0:
            return np.ones(full.shape, bool)
        keep = min(n, max(1, int(np.ceil(self.share * n))))
        cut = np.partition(flat, n - keep, axis=1)[:, n - keep]
        warm = (full >= cut[:, None, None]).astype(np.uint8)
        kernel = np.ones((2 * grow + 1, 2 * grow + 1), np.uint8)
        return np.stack([cv2.dilate(w, kernel) for w in warm]).astype(bool)

    def reach(self, full_offset: tuple[float, float], stride: tuple[float, float]) -> int:
        """Cells the placement reads away from each cell (at least 1): how far ``searched`` grows."""
        shift = max(abs(self.grid_offset[0] - full_offset[0]) / stride[0], abs(self.grid_offset[1] - full_offset[1]) / stride[1])
        return max(1, int(np.ceil(shift - 1e-6)))

    def searched_for(self, full: np.ndarray, config: "PatchCoreConfig") -> np.ndarray:
        """``searched`` of the full view's cells (B, h, w), grown by the ``reach`` of this view's
        placement on their grid: the cells ``cells`` searches (judging and training alike)."""
        return self.searched(full, self.reach(config.grid_offset, _stride(config, full.shape[1:])))

    def cells(self, emb: np.ndarray, config: "PatchCoreConfig", full: np.ndarray | None = None) -> np.ndarray:
        """Embeddings (B, h, w, D) -> this view's map cells (B, h, w): the mean distance of their
        first ``channels`` to the ``config.map_neighbours`` nearest of this bank, placed where the
        full view's cells look (``config.grid_offset``). Given the full view's cells ``full``
        (B, h, w), the view is searched for the ``searched`` cells alone (grown as far as the
        placement reads) and taken as ``full * cool_ratio / scale`` elsewhere; without them, for
        every cell."""
        b, h, w, _ = emb.shape
        k = config.map_neighbours
        if full is None or self.share >= 1.0:
            near = self.distances(emb, k).mean(axis=1).reshape(b, h, w).astype(np.float32)
        else:
            mask = self.searched_for(full, config)
            near = np.asarray(full, np.float32) * np.float32(self.cool_ratio / self.scale)
            near[mask] = self.distances(emb[mask], k).mean(axis=1)
        return self.placed(near, config.grid_offset, _stride(config, (h, w)))

    def combined(self, full: np.ndarray, view: np.ndarray) -> np.ndarray:
        """The map's cells: the geometric mean of the full view's cells and this view's (scaled)."""
        return np.sqrt(np.maximum(full, 0) * np.maximum(view, 0) * self.scale).astype(np.float32)

    def placed(self, cells: np.ndarray, full_offset: tuple[float, float], stride: tuple[float, float]) -> np.ndarray:
        """This view's cell scores (B, h, w) resampled so that cell (i, j) describes the input
        pixel the full view's cell (i, j) looks at; ``stride``: (sy, sx) input pixels per cell."""
        sy = (self.grid_offset[0] - full_offset[0]) / stride[0]
        sx = (self.grid_offset[1] - full_offset[1]) / stride[1]
        if abs(sy) < 1e-3 and abs(sx) < 1e-3:
            return cells
        shift = np.float32([[1, 0, sx], [0, 1, sy]])  # output (i, j) reads the view at (i + sy, j + sx)
        h, w = cells.shape[1:]
        return np.stack([cv2.warpAffine(c.astype(np.float32), shift, (w, h), flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
                                        borderMode=cv2.BORDER_REPLICATE) for c in cells])


@dataclass(frozen=True)
class ScoredPatches:
    """One batch judged: what the map draws and what the verdict rests on."""

    cells: np.ndarray
    """(B, h, w) float32: each cell's mean distance to its ``map_neighbours`` nearest bank patches."""
    scores: np.ndarray
    """(B,) float64 image scores: the largest nearest-patch distance inside the score window."""
    score_cells: np.ndarray
    """(B,) flat index of the cell each image score came from."""


def score_window(h: int, w: int, margin: int) -> tuple[slice, slice]:
    """Rows and columns of an (h, w) patch grid the image score is taken over: all but ``margin``
    cells at each edge, or the whole grid when it is too small for that."""
    if margin > 0 and h > 2 * margin and w > 2 * margin:
        return slice(margin, h - margin), slice(margin, w - margin)
    return slice(0, h), slice(0, w)


def score_cells(patch: np.ndarray, margin: int) -> np.ndarray:
    """Patch scores (B, h, w) -> flat index (B,) of the cell each image score is taken from: the
    largest inside ``score_window``."""
    b, h, w = patch.shape
    ys, xs = score_window(h, w, margin)
    window = patch[:, ys, xs]
    wy, wx = np.unravel_index(window.reshape(b, -1).argmax(axis=1), window.shape[1:])
    return (wy + ys.start) * w + (wx + xs.start)


class PatchCore:
    """Frozen embedder + memory bank index -> scores and maps. Holds no training logic."""

    def __init__(self, embedder, index: NearestNeighbourIndex, config: PatchCoreConfig,
                 map_view: MapView | None = None) -> None:
        """``embedder``: a ``PatchEmbedder`` (eager PyTorch) or a ``StoredGraphEmbedder`` (ONNX Runtime)."""
        if index.dim != embedder.dim:
            raise ValueError(f"memory bank has {index.dim} dims, embedder gives {embedder.dim}")
        if map_view is not None and not (map_view.index.dim == padded_dim(map_view.channels)
                                         and map_view.channels < embedder.dim):
            raise ValueError(f"map view bank has {map_view.index.dim} dims for {map_view.channels} of "
                             f"{embedder.dim} channels")
        self.embedder = embedder
        self.index = index
        self.config = config
        self.map_view = map_view

    def embed(self, images: list[np.ndarray]) -> np.ndarray:
        """uint8 RGB images of any size -> float32 embeddings (B, h, w, D)."""
        size = self.config.input_size
        return self.embedder.embed([resize_to(im, size) for im in images])

    def score_embeddings(self, emb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Embeddings (B, h, w, D) -> the map's cell scores (B, h, w) and image scores (B,)."""
        s = self.scored(emb)
        return s.cells, s.scores

    def scores(self, emb: np.ndarray) -> np.ndarray:
        """Embeddings (B, h, w, D) -> image scores (B,) alone: one nearest-patch search, no map."""
        return self.image_scores(emb, *self.patch_distances(emb))[0]

    def scored(self, emb: np.ndarray) -> ScoredPatches:
        """Embeddings (B, h, w, D) -> map cells, image scores and the cells the scores came from."""
        return self.scored_from(emb, *self.search(emb))

    def scored_from(self, emb: np.ndarray, patch: np.ndarray, nn_idx: np.ndarray, cells: np.ndarray) -> ScoredPatches:
        """``ScoredPatches`` from a ``search`` already made (the training's border probe reuses it)."""
        scores, top = self.image_scores(emb, patch, nn_idx)
        return ScoredPatches(cells, scores, top)

    def search(self, emb: np.ndarray, with_map: bool = True) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Embeddings (B, h, w, D) -> nearest-patch distances (B, h, w) float32, that patch's bank
        index (B, h, w) int64, and the map's cell scores (B, h, w) float32: the mean distance to the
        ``map_neighbours`` nearest bank patches (the nearest-patch distances themselves when k = 1
        or ``with_map`` is False, which searches the nearest alone).

        The 1-NN distance to a coreset carries the coreset's spacing: a sound patch that falls
        between two bank patches scores as high as a faint defect, and on grainy texture that noise
        decides where the map peaks. The mean over a few neighbours varies smoothly (README, issue 9)."""
        b, h, w, d = emb.shape
        k = max(1, min(self.config.map_neighbours, self.index.size)) if with_map else 1
        dist, nn_idx = self.index.search(emb.reshape(-1, d), k=k)
        patch = dist[:, 0].reshape(b, h, w).astype(np.float32)
        cells = patch if k == 1 else dist.mean(axis=1).reshape(b, h, w).astype(np.float32)
        if with_map and self.map_view is not None:
            cells = self.map_view.combined(cells, self.map_view.cells(emb, self.config, cells))
        return patch, nn_idx[:, 0].reshape(b, h, w), cells

    def patch_distances(self, emb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Embeddings (B, h, w, D) -> patch scores (B, h, w) float32, the distance to the nearest
        memory-bank patch, and that patch's bank index (B, h, w) int64."""
        return self.search(emb, with_map=False)[:2]

    def image_scores(self, emb: np.ndarray, patch: np.ndarray, nn_idx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Image scores (B,) from ``patch_distances``: s*, the largest patch score inside
        ``score_window`` (the grid less its ``score_margin`` ring), and the flat index (B,) of the
        cell each came from. (The paper's re-weighting, eq. 7, was dropped: it moved no figure on
        the shared sets; docs/design.md.)"""
        b, h, w, d = emb.shape
        top = score_cells(patch, self.config.score_margin)
        scores = patch.reshape(b, h * w)[np.arange(b), top].astype(np.float64)
        return scores, top

    def anomaly_map(self, patch_scores: np.ndarray, out_size: tuple[int, int], score_cell: int | None = None,
                    image: np.ndarray | None = None) -> np.ndarray:
        """Cell scores (h, w) -> map (H, W) = ``out_size``: outer rings capped (``map_ring_clip``),
        bilinear to input size, Gaussian blur, the judged ``image`` (uint8 RGB, any size; None:
        not used) followed within ``map_guide_radius``, filled from around (``map_fill_sigma``),
        resize. ``score_cell``: flat index of the
        cell the image score came from, kept uncapped (default: the largest cell inside the score
        window)."""
        ih, iw = self.config.input_size
        ps = patch_scores.astype(np.float32)
        if self.config.map_ring_clip:  # the rim capped, but the cell the image score came from kept
            top = int(score_cells(ps[None], self.config.score_margin)[0]) if score_cell is None else int(score_cell)
            capped = clip_ring(ps, self.config.map_ring_clip)
            capped.flat[top] = ps.flat[top]
            ps = capped
        if self.config.centred:
            # cell (i, j) of a stride-s grid looks at input pixel (s*i - dy, s*j - dx)
            sy, sx = _stride(self.config, ps.shape)
            dy, dx = self.config.grid_offset
            m = cv2.warpAffine(ps, np.float32([[sx, 0, -dx], [0, sy, -dy]]), (iw, ih), flags=cv2.INTER_LINEAR,
                               borderMode=cv2.BORDER_REPLICATE)
        else:
            m = cv2.resize(ps, (iw, ih), interpolation=cv2.INTER_LINEAR)
        if self.config.blur_sigma > 0:
            m = cv2.GaussianBlur(m, (0, 0), sigmaX=self.config.blur_sigma, borderType=cv2.BORDER_REFLECT)
        if self.config.map_guide_radius > 0 and image is not None:
            m = guided_detail(m, grey_guide(image, (ih, iw)), self.config.map_guide_radius, self.config.map_guide_eps)
        if self.config.map_fill_sigma > 0:
            m = filled(m, self.config.map_fill_sigma)
        if (ih, iw) != tuple(out_size):
            m = cv2.resize(m, (out_size[1], out_size[0]), interpolation=cv2.INTER_LINEAR)
        return m

    def score_images(self, images: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        """uint8 RGB images -> (patch scores (B, h, w), image scores (B,))."""
        return self.score_embeddings(self.embed(images))
