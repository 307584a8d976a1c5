"""The feature extractor a training runs on: a stored graph another model in the models folder
already made for the same settings, else one shipped with the station for them (no torch import
either way), else the backbone built, exported to a new graph and probed for its grid offset
(``graph_reuse``, ``graph_templates``, ``stored_graph``)."""

from __future__ import annotations

import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engine.backbones import file_sha256, resolve_weights
from engine.patchcore.graph_reuse import GraphKey, find_reusable_graph
from engine.patchcore.graph_templates import find_template
from engine.patchcore.stored_graph import StoredGraphEmbedder, export_graph

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TrainingExtractor:
    """What training embeds with, and the facts its manifest records about it."""

    embedder: Any
    """A ``StoredGraphEmbedder`` (ONNX Runtime) or, when no graph could be exported, the eager
    ``PatchEmbedder``."""
    graph: tuple[Path, dict] | None
    """(temporary .onnx file to move into the model folder, its ``stored_graph`` facts)."""
    dim: int
    grid_offset: tuple[float, float]
    backbone_facts: dict[str, Any]
    """The manifest's ``backbone`` entry."""
    key: GraphKey
    reused_from: str | None = None
    """``<category>/<version>`` or ``resources/graphs/<template>`` whose graph was copied, or
    None when it was built here."""


def training_extractor(backbone: str, weights: str | os.PathLike[str] | None, layers: tuple[int, ...],
                       models_dir: str | os.PathLike[str], input_size: tuple[int, int], input_pad: int,
                       photometric: str, reuse: bool = True, patch_size: int = 3) -> TrainingExtractor:
    """Reuse a matching stored graph from ``models_dir`` or a shipped template when ``reuse``,
    else build one.

    Raises:
        BackboneError: no local weights for ``backbone`` (nothing is downloaded).
    """
    path, source = resolve_weights(backbone, weights, models_dir)
    key = GraphKey(backbone, file_sha256(path), tuple(layers), tuple(input_size), int(input_pad), photometric,
                   int(patch_size))
    found = (find_reusable_graph(models_dir, key) or find_template(key)) if reuse else None
    if found is not None:
        fd, name = tempfile.mkstemp(suffix=".onnx")
        os.close(fd)
        try:
            found.copy_to(name)
            embedder = StoredGraphEmbedder(name, found.feature_dim, key.input_size, key.patch_size, key.centred)
        except Exception as exc:  # unreadable after all: build it as if none were found
            Path(name).unlink(missing_ok=True)
            log.warning("stored graph of %s not reused: %s", found.source, exc)
        else:
            facts = {"name": backbone, "weights_sha256": key.weights_sha256, "weights_source": found.weights_source,
                     "layers": list(key.layers), "feature_dim": found.feature_dim,
                     "channels": list(found.channels) if found.channels else None}
            return TrainingExtractor(embedder, (Path(name), found.facts), found.feature_dim, found.grid_offset,
                                     facts, key, found.source)
    return _built(backbone, weights, key, models_dir)


def _built(backbone: str, weights, key: GraphKey, models_dir) -> TrainingExtractor:
    """Backbone built in PyTorch, exported to a graph (eager stays when that fails) and probed."""
    from engine.judging.inspector import cached_backbone
    from engine.patchcore.features import PatchEmbedder

    bb = cached_backbone(backbone, weights, key.layers, models_dir)
    eager = PatchEmbedder(bb, patch_size=key.patch_size, centred=key.centred, input_pad=key.input_pad,
                          photometric=key.photometric)
    graph = _export_graph(eager, key.input_size)
    embedder = StoredGraphEmbedder(graph[0], eager.dim, key.input_size, eager.patch_size, eager.centred) \
        if graph is not None else eager
    facts = {"name": bb.name, "weights_sha256": bb.weights_sha256, "weights_source": bb.weights_source,
             "layers": list(bb.layers), "feature_dim": eager.dim,
             "channels": list(bb.channels) if eager.dim == sum(bb.channels) else None}
    return TrainingExtractor(embedder, graph, eager.dim, eager.measure_grid_offset(), facts, key)


def _export_graph(embedder, size: tuple[int, int]) -> tuple[Path, dict] | None:
    """The feature graph exported for ONNX Runtime (judging then starts without torch), or None
    when it cannot be made here; the model then judges with eager PyTorch, as before."""
    fd, name = tempfile.mkstemp(suffix=".onnx")
    os.close(fd)
    try:
        return Path(name), export_graph(embedder, size, name)
    except Exception as exc:  # onnx missing, exporter or parity failure: eager stays correct
        Path(name).unlink(missing_ok=True)
        log.warning("no stored feature graph for this model: %s", exc)
        return None
