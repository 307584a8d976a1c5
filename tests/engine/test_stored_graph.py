"""The feature graph stored at training: judging starts without torch and scores as eager PyTorch."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from engine.judging.inspector import Inspector
from engine.model_store.store import read_manifest
from engine.training import list_images
from tests.tolerances import SAME_SUMS


def test_judging_with_the_stored_graph_imports_no_torch(trained_models, demo_data):
    image = str(list_images(demo_data / "test" / "scratch")[0])
    probe = ("import sys; from engine.judging.inspector import Inspector; i = Inspector.load(sys.argv[1], 'washer'); "
             "r = i.inspect_path(sys.argv[2]); print(i.runtime, '|', r.verdict.value, '|', "
             "sorted(m for m in sys.modules if m == 'torch' or m.startswith('torch.')))")
    out = subprocess.run([sys.executable, "-c", probe, str(trained_models), image], capture_output=True, text=True,
                         check=True).stdout.strip()
    runtime, verdict, torch_modules = (x.strip() for x in out.split("|"))
    assert runtime == "onnxruntime (stored graph)" and verdict == "FAIL" and torch_modules == "[]"


def test_stored_graph_scores_as_eager_pytorch(trained_models, demo_data):
    m = read_manifest(trained_models / "washer")
    assert m["stored_graph"]["input"] == [1, 3, "h", "w"] and m["stored_graph"]["max_abs_diff"] < 1e-3
    fast = Inspector.load(trained_models, "washer")
    eager = Inspector.load(trained_models, "washer", compile_onnx=False)
    assert fast.runtime == "onnxruntime (stored graph)" and eager.runtime == "torch"
    for p in list_images(demo_data / "test")[:4]:
        a, b = fast.inspect_path(p), eager.inspect_path(p)
        assert a.score == pytest.approx(b.score, rel=1e-3) and a.verdict == b.verdict
        assert np.abs(a.anomaly_map - b.anomaly_map).max() < 1e-2 * max(1.0, float(b.anomaly_map.max()))


def test_prefetching_batch_keeps_order_and_names_bad_files(trained_models, demo_data, tmp_path):
    (tmp_path / "bad.png").write_bytes(b"not an image")
    paths = [str(p) for p in list_images(demo_data / "test")[:5]]
    paths.insert(2, str(tmp_path / "bad.png"))
    insp = Inspector.load(trained_models, "washer")
    results = list(insp.iter_paths(paths, prefetch=2))
    assert [r.source for r in results] == paths
    assert results[2].verdict.value == "ERROR" and "bad.png" in results[2].error
    plain = [insp.inspect_path(p) for p in paths]
    # the prefetching batch runs on the one-thread twin session, the plain path on every core
    assert [r.score is None for r in results] == [r.score is None for r in plain] == [i == 2 for i in range(len(paths))]
    assert [r.score for r in results if r.ok] == pytest.approx([r.score for r in plain if r.ok], rel=SAME_SUMS)


def test_station_runtime_torch_keeps_the_eager_path(trained_models, monkeypatch):
    monkeypatch.setenv("STATION_RUNTIME", "torch")
    assert Inspector.load(trained_models, "washer").runtime == "torch"


def test_reflect_padding_and_patch_size_are_recorded_and_judge_alike(demo_data, tmp_path):
    from engine.training import TrainConfig, train_category

    goods = list_images(demo_data / "train" / "good")[:10]
    train_category("p", goods, tmp_path, TrainConfig(image_size=96, coreset_ratio=0.1, input_pad=16, patch_size=5,
                                                     selftest_per_image=0))
    m = read_manifest(tmp_path / "p")
    assert m["patchcore"]["input_pad"] == 16 and m["patchcore"]["patch_size"] == 5
    fast, eager = Inspector.load(tmp_path, "p"), Inspector.load(tmp_path, "p", compile_onnx=False)
    assert eager.model.embedder.patch_size == 5
    img = list_images(demo_data / "test" / "scratch")[0]
    a, b = fast.inspect_path(img), eager.inspect_path(img)
    assert a.score == pytest.approx(b.score, rel=1e-3) and a.anomaly_map.shape == b.anomaly_map.shape
    assert np.abs(a.anomaly_map - b.anomaly_map).max() < 1e-2 * max(1.0, float(b.anomaly_map.max()))


def test_patch_size_must_be_odd():
    from engine.backbones import load_backbone
    from engine.patchcore.features import PatchEmbedder

    with pytest.raises(ValueError, match="odd number of cells"):
        PatchEmbedder(load_backbone("efficientnet_lite0"), patch_size=4)


def test_padding_must_fit_the_coarsest_stride():
    from engine.backbones import load_backbone
    from engine.patchcore.features import PatchEmbedder

    with pytest.raises(ValueError, match="multiple of the coarsest stride"):
        PatchEmbedder(load_backbone("efficientnet_lite0"), input_pad=8)


def _relit(image: np.ndarray, gain: float, offset: float) -> np.ndarray:
    return np.clip(image.astype(np.float32) * gain + offset, 0, 255).astype(np.uint8)


def test_standardised_features_do_not_see_lighting():
    from engine.backbones import load_backbone
    from engine.demo import make_part
    from engine.patchcore.features import PatchEmbedder

    part = make_part(np.random.default_rng(1), 128, "scratch")[0]
    darker = _relit(part, 0.6, 10)
    plain = PatchEmbedder(load_backbone("efficientnet_lite0"))
    std = PatchEmbedder(load_backbone("efficientnet_lite0"), photometric="standardise")
    gap = lambda e: float(np.abs(e.embed([part]) - e.embed([darker])).mean() / np.abs(e.embed([part])).mean())  # noqa: E731
    assert gap(std) < 0.35 * gap(plain), (gap(std), gap(plain))  # 0.045 vs 0.170 measured
    with pytest.raises(ValueError, match="photometric must be one of"):
        PatchEmbedder(load_backbone("efficientnet_lite0"), photometric="equalise")


def test_auto_photometric_follows_the_good_images_lighting(demo_data, tmp_path):
    from engine.imaging import load_image
    from engine.training.adaptations import LIGHTING_VARIATION_LIMIT, lighting_variation
    from engine.training import TrainConfig, train_category

    goods = list_images(demo_data / "train" / "good")[:12]
    assert lighting_variation(goods) < LIGHTING_VARIATION_LIMIT
    lit = tmp_path / "lit"
    lit.mkdir()
    for k, p in enumerate(goods):  # the same parts under a lamp that varies from part to part
        from PIL import Image

        Image.fromarray(_relit(load_image(p), 0.55 + 0.08 * k, 0)).save(lit / p.name)
    relit = list_images(lit)
    assert lighting_variation(relit) > LIGHTING_VARIATION_LIMIT
    train_category("lit", relit, tmp_path / "m", TrainConfig(image_size=96, coreset_ratio=0.1, selftest_per_image=0))
    pc = read_manifest(tmp_path / "m" / "lit")["patchcore"]
    assert pc["photometric"] == "standardise" and pc["photometric_choice"]["asked"] == "auto"
    assert pc["photometric_choice"]["lighting_variation"] > LIGHTING_VARIATION_LIMIT
    assert pc["score_margin"] == pc["border_effect"]["score_margin"] and pc["border_effect"]["images"] >= 1
    assert pc["map_ring_clip"] == (2 if pc["score_margin"] else 0)
    fast, eager = Inspector.load(tmp_path / "m", "lit"), Inspector.load(tmp_path / "m", "lit", compile_onnx=False)
    assert eager.model.embedder.photometric == "standardise"
    assert pc["map_neighbours"] == 3 and fast.model.config.map_neighbours == eager.model.config.map_neighbours == 3
    img = list_images(demo_data / "test" / "scratch")[0]
    assert fast.inspect_path(img).score == pytest.approx(eager.inspect_path(img).score, rel=1e-3)


def test_a_batch_runs_side_by_side_with_the_same_outputs(trained_models, demo_data, monkeypatch):
    from engine.imaging import load_image
    from engine.patchcore import stored_graph

    insp = Inspector.load(trained_models, "washer")
    graph = insp.model.embedder
    monkeypatch.setattr(graph, "threads", 2)  # lanes on any machine
    images = [load_image(p) for p in list_images(demo_data / "test")[:5]]
    calls = []
    twin_run = graph.single_threaded().session.run
    monkeypatch.setattr(graph.single_threaded().session, "run", lambda *a, **k: calls.append(1) or twin_run(*a, **k),
                        raising=False)
    side_by_side = insp.model.embed(images)
    assert len(calls) == 5  # every image went through the one-thread session
    monkeypatch.setattr(stored_graph, "MAX_LANES", 1)
    one_after_another = insp.model.embed(images)
    assert len(calls) == 5
    assert np.allclose(side_by_side, one_after_another, rtol=1e-5, atol=1e-5)
