"""A training whose settings match a model in the models folder copies its feature graph instead
of building the backbone again: no torch import, the same graph, the same scores. Nor does a
training import scikit-learn (the WHY surrogate is fitted where the explanations load it)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import replace

import pytest

from engine.judging.inspector import Inspector
from engine.patchcore.graph_reuse import GraphKey, find_reusable_graph
from engine.model_store.store import read_manifest
from engine.training import list_images
from tests.tolerances import SAME_SUMS

TRAIN_AGAIN = """
import json, sys
from engine.training import TrainConfig, list_images, train_category
rep = train_category("washer2", list_images(sys.argv[2]), sys.argv[1],
                     TrainConfig(image_size=128, coreset_ratio=0.1, holdout_fraction=0.3))
print(json.dumps({"torch": sorted(m for m in sys.modules if m == "torch" or m.startswith("torch.")),
                  "timm": "timm" in sys.modules, "sklearn": "sklearn" in sys.modules}))
"""


def _key_of(models, category: str) -> GraphKey:
    m = read_manifest(models / category)
    pc, bb = m["patchcore"], m["backbone"]
    return GraphKey(bb["name"], bb["weights_sha256"], tuple(bb["layers"]), tuple(m["input_size"]), pc["input_pad"],
                    pc["photometric"])


def test_second_training_reuses_the_graph_without_torch(trained_models, demo_data, tmp_path):
    models = tmp_path / "models"
    shutil.copytree(trained_models, models)
    out = subprocess.run([sys.executable, "-c", TRAIN_AGAIN, str(models), str(demo_data / "train" / "good")],
                         capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
    assert json.loads(out) == {"torch": [], "timm": False, "sklearn": False}
    first, second = read_manifest(models / "washer"), read_manifest(models / "washer2")
    assert second["surrogate"]["pairs"] >= 10 and "surrogate_pairs" in second["files"]  # the self-test ran
    assert second["patchcore"]["graph_reused_from"] == f"washer/{first['active_version']}"
    assert second["files"]["features_onnx"]["sha256"] == first["files"]["features_onnx"]["sha256"]
    assert second["patchcore"]["grid_offset_px"] == first["patchcore"]["grid_offset_px"]
    assert second["backbone"] == first["backbone"] and second["stored_graph"] == first["stored_graph"]
    image = list_images(demo_data / "test" / "scratch")[0]
    reused = Inspector.load(models, "washer2")
    assert reused.runtime == "onnxruntime (stored graph)"
    a, b = Inspector.load(models, "washer").inspect_path(image), reused.inspect_path(image)
    # same images, same seed: the same model (summed in whatever order the threads take)
    assert a.score == pytest.approx(b.score, rel=SAME_SUMS) and a.verdict == b.verdict


def test_only_a_matching_intact_graph_is_reused(trained_models, tmp_path):
    models = tmp_path / "models"
    shutil.copytree(trained_models, models)
    key = _key_of(models, "washer")
    found = find_reusable_graph(models, key)
    assert found is not None and found.source.startswith("washer/v")
    for other in (replace(key, photometric="standardise" if key.photometric == "none" else "none"),
                  replace(key, input_pad=16), replace(key, weights_sha256="0" * 64), replace(key, layers=(1, 2)),
                  replace(key, patch_size=5)):
        assert find_reusable_graph(models, other) is None, other
    taller = replace(key, input_size=(key.input_size[0] + 32, key.input_size[1]))
    assert find_reusable_graph(models, taller) is not None  # the graph takes any input size
    mpath = next(models.glob("washer/versions/*/manifest.json"))
    m = json.loads(mpath.read_text())
    m["stored_graph"]["input"] = [1, 3, *key.input_size]  # a graph of engine 0.4.0: one size only
    mpath.write_text(json.dumps(m))
    assert find_reusable_graph(models, taller) is None and find_reusable_graph(models, key) is not None
    with open(found.path, "ab") as fh:  # damaged after its manifest was written: never copied
        fh.write(b"\0")
    assert find_reusable_graph(models, key) is None
    assert find_reusable_graph(tmp_path / "nowhere", key) is None
