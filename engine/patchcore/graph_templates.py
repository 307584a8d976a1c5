"""Feature graphs shipped with the station, so a first training on a fresh install needs no torch.

A training copies a feature graph from a model of the same settings in its models folder
(``graph_reuse``); on a fresh install there is none, and building one (importing torch and timm,
building the backbone, exporting and probing it) costs about 5 s of every first training. The
graphs of the embedded default backbone at its default stages, for both photometric steps, are
therefore made once and kept in ``resources/graphs/<name>/``: ``features.onnx`` (free of input
size) and a ``manifest.json`` with the fields of a model manifest that ``GraphKey`` reads (the
weights' SHA-256, the layers, padding, photometric step, patch size, grid offset, engine
version). A template is used only when all of them match the training's settings and the
installed weights, and its file still has its checksum; otherwise the training builds its graph.

    python -m engine.patchcore.graph_templates [--out resources/graphs]

makes them again (after an engine or a weights change; ``tests/engine/test_graph_templates.py``
fails while a shipped template disagrees with what the installed engine and weights compute).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
from pathlib import Path

from engine import ENGINE_VERSION
from engine.backbones import DEFAULT_BACKBONE, DEFAULT_LAYERS, file_sha256, resolve_weights
from engine.patchcore.graph_reuse import GraphKey, ReusableGraph, first_match
from engine.patchcore.stored_graph import GRAPH_FILE
from engine.model_store.store import MANIFEST, sha256_file

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "resources" / "graphs"
SHIPPED = tuple((DEFAULT_BACKBONE, DEFAULT_LAYERS, 0, photometric) for photometric in ("none", "standardise"))
"""(backbone, layers, input padding, photometric step) of the templates kept in the repository."""


def template_name(backbone: str, layers: tuple[int, ...], input_pad: int, photometric: str) -> str:
    """Folder name of a template, e.g. ``efficientnet_lite0-stages2-3-pad0-none``."""
    return f"{backbone}-stages{'-'.join(str(v) for v in layers)}-pad{input_pad}-{photometric}"


def find_template(key: GraphKey, root: str | os.PathLike[str] | None = None) -> ReusableGraph | None:
    """The template under ``root`` (default ``resources/graphs``) whose graph matches ``key``
    (input size aside: templates take any size) and still has its checksum; None when none does."""
    base = Path(root) if root is not None else TEMPLATES_DIR
    if not base.is_dir():
        return None
    manifests = sorted(base.glob(f"*/{MANIFEST}"))
    return first_match(manifests, key, lambda folder: f"resources/graphs/{folder.name}")


def write_template(backbone: str, layers: tuple[int, ...], input_pad: int, photometric: str,
                   root: str | os.PathLike[str], probe_size: tuple[int, int] = (256, 320)) -> Path:
    """Build the backbone in PyTorch, export its feature graph free of input size, check it
    against eager PyTorch at two sizes, measure its grid offset, and write the template folder
    ``root/<template_name>``; returns that folder. Imports torch and timm."""
    import timm
    import torch

    from engine.backbones import load_backbone
    from engine.patchcore.features import PatchEmbedder
    from engine.patchcore.stored_graph import export_graph, is_free_of_size

    bb = load_backbone(backbone, None, tuple(layers))
    eager = PatchEmbedder(bb, input_pad=input_pad, photometric=photometric)
    folder = Path(root) / template_name(backbone, tuple(layers), input_pad, photometric)
    work = Path(tempfile.mkdtemp(prefix=".template-", dir=Path(root)))
    try:
        facts = export_graph(eager, probe_size, work / GRAPH_FILE)
        if not is_free_of_size(facts):
            raise RuntimeError(f"{backbone} {layers}: the graph could only be exported for one input size")
        _, source = resolve_weights(backbone, None, None)
        manifest = {
            "kind": "feature graph template",
            "engine_version": ENGINE_VERSION,
            "made_with": {"torch": torch.__version__, "timm": timm.__version__},
            "backbone": {"name": bb.name, "weights_sha256": bb.weights_sha256, "weights_source": source,
                         "layers": list(bb.layers), "feature_dim": eager.dim, "channels": list(bb.channels)},
            "patchcore": {"input_pad": eager.input_pad, "photometric": eager.photometric,
                          "patch_size": eager.patch_size, "centred": eager.centred,
                          "grid_offset_px": list(eager.measure_grid_offset())},
            "input_size": None,
            "stored_graph": facts,
            "files": {"features_onnx": {"name": GRAPH_FILE, "sha256": sha256_file(work / GRAPH_FILE)}},
        }
        (work / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        if folder.exists():
            shutil.rmtree(folder)
        work.rename(folder)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return folder


def shipped_keys(weights_sha256: str | None = None) -> list[GraphKey]:
    """The ``GraphKey`` of each shipped template, for the installed default weights."""
    sha = weights_sha256 or file_sha256(resolve_weights(DEFAULT_BACKBONE, None, None)[0])
    return [GraphKey(bb, sha, tuple(layers), (0, 0), pad, phot) for bb, layers, pad, phot in SHIPPED]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Make the feature-graph templates shipped in resources/graphs.")
    ap.add_argument("--out", default=str(TEMPLATES_DIR))
    a = ap.parse_args(argv)
    Path(a.out).mkdir(parents=True, exist_ok=True)
    for backbone, layers, pad, photometric in SHIPPED:
        folder = write_template(backbone, layers, pad, photometric, a.out)
        m = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        print(f"{folder}: {(folder / GRAPH_FILE).stat().st_size / 1e6:.1f} MB, "
              f"largest difference to eager PyTorch {m['stored_graph']['max_abs_diff']:.1e}, "
              f"grid offset {m['patchcore']['grid_offset_px']} px")


if __name__ == "__main__":
    main()
