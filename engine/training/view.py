"""The map's second view at training (``patchcore.model.MapView``): which stages it reads, and
its bank's place, scale and agreement with the full view, measured on held-out goods."""

from __future__ import annotations

import logging
from dataclasses import replace

import numpy as np

from engine.patchcore.grid_offset import measure_grid_offset
from engine.patchcore.knn import NearestNeighbourIndex
from engine.patchcore.model import MapView, PatchCoreConfig
from engine.training.config import TrainConfig

log = logging.getLogger(__name__)


DEFAULT_VIEW_SHARE = 0.1
"""Share of each image's warmest cells the default second view is searched for (README, issue 9:
on magnetic tile 3 / 6 / 10 / 15 % pointed 69.6 / 70.1 / 70.9 / 70.9 %)."""


def resolved_map_view(config: TrainConfig, channels: list[int] | None) -> tuple[TrainConfig, int]:
    """``config`` with the map's second view settled: ``map_stages`` (None: the first of the
    layers, when there are two or more and the graph keeps each stage's channels; () for none)
    and ``map_view_share`` (None: ``DEFAULT_VIEW_SHARE`` for that default view, 1.0 for stages
    asked for); and the embedding channels the view reads (0 for none).

    Raises:
        ValueError: the map stages asked for are not a shorter leading part of ``config.layers``,
            or the feature graph does not record each stage's channels (a wide backbone pooled down).
    """
    layers = tuple(config.layers)
    kept = bool(channels) and len(channels) == len(layers)
    asked = config.map_stages is not None
    stages = tuple(config.map_stages) if asked else (layers[:1] if len(layers) > 1 and kept else ())
    share = config.map_view_share if config.map_view_share is not None else (1.0 if asked else DEFAULT_VIEW_SHARE)
    settled = replace(config, map_stages=stages, map_view_share=float(share))
    if not stages:
        return settled, 0
    if not (len(stages) < len(layers) and layers[:len(stages)] == stages):
        raise ValueError(f"map stages {stages} must be the first stages of the layers {layers}, fewer of them")
    if not kept:
        raise ValueError("map stages need each stage's channels, which this backbone's feature graph does not keep")
    return settled, int(sum(channels[:len(stages)]))


def fit_map_view(bank: NearestNeighbourIndex, channels: int, probed: dict[int, tuple[np.ndarray, ...]],
                 cfg: PatchCoreConfig, embedder, share: float = 1.0) -> MapView:
    """The map's second view: where its cells look (the impulse probe on its channels; the full
    view's place when the graph takes one input size only); its scale, the ratio of the two
    views' median largest cell score over the probed held-out goods, so the combined map keeps
    the full view's level; and, searched for each image's warmest ``share`` of cells, how it
    agrees with the full view elsewhere on those goods (``MapView.cool_ratio``). The probes' map
    cells are replaced by the combined ones, drawn as judging draws them (calibration reuses them)."""
    try:
        offset = measure_grid_offset(embedder.embed, channels)
    except Exception as exc:  # a graph for one input size cannot take the probe's square
        log.warning("map view placed as the full view: %s", exc)
        offset = cfg.grid_offset
    view = MapView(bank, channels, 1.0, offset)
    other = {key: view.cells(emb, cfg) for key, (emb, *_) in probed.items()}
    if other:
        full = np.median([float(cells.max()) for *_, cells in probed.values()])
        view = replace(view, scale=round(float(full / max(float(np.median([o.max() for o in other.values()])), 1e-12)), 6))
    view = replace(view, share=float(min(max(share, 0.0), 1.0)))
    if other and view.share < 1.0:
        pooled = []
        for key, o in other.items():
            cells = probed[key][3]
            pooled.append((o * view.scale / np.maximum(cells, 1e-12))[~view.searched_for(cells, cfg)])
        pooled = np.concatenate(pooled)
        view = replace(view, cool_ratio=round(float(np.median(pooled)), 6) if pooled.size else 1.0)
    for key in other:
        emb, patch, idx, cells = probed[key]
        probed[key] = (emb, patch, idx, view.combined(cells, view.cells(emb, cfg, cells)))
    return view
