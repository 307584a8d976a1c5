"""The feature graphs shipped in resources/graphs: they compute what the installed engine and
weights compute (else this fails: remake them with ``python -m engine.patchcore.graph_templates``),
and a first training on a fresh install copies one instead of importing torch."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import replace

import numpy as np
import pytest

from engine import ENGINE_VERSION
from engine.judging.inspector import Inspector
from engine.patchcore.graph_templates import TEMPLATES_DIR, find_template, shipped_keys, template_name
from engine.patchcore.stored_graph import PARITY_TOL, StoredGraphEmbedder, is_free_of_size
from engine.model_store.store import read_manifest
from engine.training import TrainConfig, list_images, train_category

FIRST_TRAINING = """
import json, sys
from engine.training import TrainConfig, list_images, train_category
train_category("fresh", list_images(sys.argv[2]), sys.argv[1],
               TrainConfig(image_size=128, coreset_ratio=0.1, holdout_fraction=0.3, photometric="none"))
print(json.dumps({"torch": sorted(m for m in sys.modules if m == "torch" or m.startswith("torch.")),
                  "timm": "timm" in sys.modules}))
"""


@pytest.mark.parametrize("key", shipped_keys(), ids=lambda k: k.photometric)
def test_shipped_template_computes_what_the_engine_computes(key):
    from engine.backbones import load_backbone
    from engine.patchcore.features import PatchEmbedder

    found = find_template(key)
    assert found is not None, f"no template for {key}: run python -m engine.patchcore.graph_templates"
    m = json.loads((found.path.parent / "manifest.json").read_text())
    assert m["engine_version"] == ENGINE_VERSION and is_free_of_size(found.facts)
    assert found.source == f"resources/graphs/{template_name(key.backbone, key.layers, 0, key.photometric)}"
    eager = PatchEmbedder(load_backbone(key.backbone, None, key.layers), photometric=key.photometric)
    assert found.channels == tuple(eager.backbone.channels)  # what a map view reads its stages' widths from
    rng = np.random.default_rng(3)
    for size in ((96, 160), (128, 128)):  # neither is a size the template was checked at
        graph = StoredGraphEmbedder(found.path, found.feature_dim, size)
        images = [rng.integers(0, 256, (*size, 3), dtype=np.uint8) for _ in range(2)]
        got, want = graph.embed(images), eager.embed(images)
        assert got.shape == want.shape == (2, size[0] // 8, size[1] // 8, eager.dim)
        assert float(np.abs(got - want).max()) < PARITY_TOL
    assert found.grid_offset == pytest.approx(eager.measure_grid_offset(), abs=0.02)


def test_first_training_on_a_fresh_install_copies_the_template_without_torch(demo_data, tmp_path):
    models = tmp_path / "models"
    out = subprocess.run([sys.executable, "-c", FIRST_TRAINING, str(models), str(demo_data / "train" / "good")],
                         capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
    assert json.loads(out) == {"torch": [], "timm": False}
    m = read_manifest(models / "fresh")
    name = template_name("efficientnet_lite0", (2, 3), 0, "none")
    assert m["patchcore"]["graph_reused_from"] == f"resources/graphs/{name}"
    shipped = json.loads((TEMPLATES_DIR / name / "manifest.json").read_text())
    assert m["files"]["features_onnx"]["sha256"] == shipped["files"]["features_onnx"]["sha256"]
    assert m["patchcore"]["grid_offset_px"] == shipped["patchcore"]["grid_offset_px"]
    fast, eager = Inspector.load(models, "fresh"), Inspector.load(models, "fresh", compile_onnx=False)
    assert fast.runtime == "onnxruntime (stored graph)" and eager.runtime == "torch"
    for p in list_images(demo_data / "test")[:3]:
        a, b = fast.inspect_path(p), eager.inspect_path(p)
        assert a.score == pytest.approx(b.score, rel=1e-3) and a.verdict == b.verdict


def test_only_a_matching_intact_template_is_used(tmp_path):
    key = shipped_keys()[0]
    assert find_template(key) is not None
    for other in (replace(key, input_pad=16), replace(key, layers=(1, 2)), replace(key, patch_size=5),
                  replace(key, weights_sha256="0" * 64), replace(key, backbone="wide_resnet50_2")):
        assert find_template(other) is None, other
    copy = tmp_path / "graphs"
    shutil.copytree(TEMPLATES_DIR, copy)
    assert find_template(key, copy) is not None
    name = template_name(key.backbone, key.layers, key.input_pad, key.photometric)
    with open(copy / name / "features.onnx", "ab") as fh:  # changed after its manifest was written
        fh.write(b"\0")
    assert find_template(key, copy) is None
    assert find_template(key, tmp_path / "nowhere") is None


def test_a_training_that_may_not_reuse_builds_a_graph_free_of_size(demo_data, tmp_path):
    goods = list_images(demo_data / "train" / "good")[:10]
    train_category("built", goods, tmp_path, TrainConfig(image_size=96, coreset_ratio=0.1, selftest_per_image=0,
                                                         photometric="none", reuse_graph=False))
    m = read_manifest(tmp_path / "built")
    assert m["patchcore"]["graph_reused_from"] is None
    assert is_free_of_size(m["stored_graph"]) and len(m["stored_graph"]["sizes_checked"]) == 2
    assert m["stored_graph"]["max_abs_diff"] < PARITY_TOL
    key = shipped_keys()[0]
    assert m["patchcore"]["grid_offset_px"] == list(find_template(key).grid_offset)  # measured again, the same
