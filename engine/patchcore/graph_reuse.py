"""Reusing a feature graph another model in the same models folder already exported.

The stored graph (``features.onnx``) depends only on the backbone and its weights, the layers,
the input padding and the photometric step (and, for graphs made before engine 0.4.1, the input
size), never on the images a model was trained on. A training whose settings match a version
already in the models folder (the same category retrained, a rebuild, another category of the
same camera) copies that graph and the grid offset measured with it instead of importing torch,
building the backbone, exporting and probing it again: several seconds of every training after
the first. The graph is checked
against its manifest's SHA-256 before it is copied, and a graph made by another engine version
is never reused.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from engine import ENGINE_VERSION
from engine.patchcore.stored_graph import GRAPH_FILE, OPSET, is_free_of_size
from engine.model_store.store import MANIFEST, sha256_file


@dataclass(frozen=True)
class GraphKey:
    """Everything a stored feature graph depends on."""

    backbone: str
    weights_sha256: str
    layers: tuple[int, ...]
    input_size: tuple[int, int]
    """(height, width) pixels."""
    input_pad: int
    photometric: str
    patch_size: int = 3
    centred: bool = True

    def matches(self, m: dict[str, Any]) -> bool:
        """Whether the manifest ``m`` describes a graph made with this key by this engine."""
        bb, pc, sg = m.get("backbone") or {}, m.get("patchcore") or {}, m.get("stored_graph") or {}
        return (m.get("engine_version") == ENGINE_VERSION and sg.get("opset") == OPSET
                and bb.get("name") == self.backbone and bb.get("weights_sha256") == self.weights_sha256
                and tuple(bb.get("layers") or ()) == self.layers
                and (is_free_of_size(sg) or tuple(m.get("input_size") or ()) == self.input_size)
                and int(pc.get("input_pad", -1)) == self.input_pad and pc.get("photometric") == self.photometric
                and int(pc.get("patch_size", -1)) == self.patch_size and bool(pc.get("centred")) == self.centred
                and "features_onnx" in (m.get("files") or {}))


@dataclass(frozen=True)
class ReusableGraph:
    """A matching graph found in the models folder, with the facts measured when it was made."""

    path: Path
    sha256: str
    facts: dict[str, Any]
    """The manifest's ``stored_graph`` entry (file, input shape, opset, parity with PyTorch)."""
    feature_dim: int
    channels: tuple[int, ...] | None
    """Channels of each stage in the embedding, in order (None: not recorded, before engine 0.4.1)."""
    grid_offset: tuple[float, float]
    """(dy, dx) input pixels, measured by the impulse probe at its export."""
    weights_source: str
    source: str
    """Where it comes from, as the manifest records it: ``<category>/<version>`` of a model in the
    folder, or ``resources/graphs/<name>`` for a template shipped with the station."""

    def copy_to(self, dest: str | os.PathLike[str]) -> None:
        """Copy the graph to ``dest``, checking it is still the file its manifest names."""
        shutil.copyfile(self.path, dest)
        if sha256_file(dest) != self.sha256:
            Path(dest).unlink(missing_ok=True)
            raise OSError(f"{self.path} changed while it was copied")


def find_reusable_graph(models_dir: str | os.PathLike[str], key: GraphKey) -> ReusableGraph | None:
    """The newest version under ``models_dir/<category>/versions/`` whose graph matches ``key``
    and whose file still has its manifest's checksum; None when there is none."""
    root = Path(models_dir)
    if not root.is_dir():
        return None
    found = []
    for mpath in root.glob(f"*/versions/*/{MANIFEST}"):
        if mpath.parent.name.startswith("."):  # an unfinished save
            continue
        try:
            found.append((mpath.stat().st_mtime_ns, mpath))
        except OSError:
            continue
    return first_match([m for _, m in sorted(found, reverse=True)], key,
                       lambda folder: f"{folder.parent.parent.name}/{folder.name}")


def first_match(manifests: list[Path], key: GraphKey, source_of: Callable[[Path], str]) -> ReusableGraph | None:
    """The first of ``manifests`` whose graph matches ``key`` and still has its checksum;
    ``source_of(folder)`` names where it came from."""
    for mpath in manifests:
        try:
            m = json.loads(mpath.read_text(encoding="utf-8"))
            if not isinstance(m, dict) or not key.matches(m):
                continue
            entry = m["files"]["features_onnx"]
            graph = mpath.parent / entry["name"]
            if entry["name"] != GRAPH_FILE or not graph.is_file() or sha256_file(graph) != entry["sha256"]:
                continue  # damaged or changed: not a source to copy from
            pc = m["patchcore"]
            channels = m["backbone"].get("channels")
            return ReusableGraph(graph, entry["sha256"], dict(m["stored_graph"]), int(m["backbone"]["feature_dim"]),
                                 tuple(int(c) for c in channels) if channels else None,
                                 (float(pc["grid_offset_px"][0]), float(pc["grid_offset_px"][1])),
                                 str(m["backbone"].get("weights_source", "")), source_of(mpath.parent))
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            continue  # an unreadable manifest is skipped here; loading that model reports it
    return None
