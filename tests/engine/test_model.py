"""Training, judging, saving and loading a category built from generated images."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from engine.backbones import BackboneError, load_backbone
from engine.demo import make_part
from engine.evaluation import evaluate_folder
from engine.judging.inspector import Inspector
from engine.model_store.store import ModelError, list_models
from engine.training import TrainConfig, TrainingError, list_images, train_category
from engine.types import Verdict
from tests.tolerances import SAME_SUMS


def test_detects_generated_defects(trained_models, demo_data):
    insp = Inspector.load(trained_models, "washer")
    goods = insp.inspect_paths(list_images(demo_data / "test" / "good"))
    bads = insp.inspect_paths(p for k in ("scratch", "stain", "chip") for p in list_images(demo_data / "test" / k))
    assert all(r.ok for r in goods + bads)
    assert min(r.score for r in bads) > max(r.score for r in goods)
    assert all(r.verdict is Verdict.FAIL for r in bads)
    r = bads[0]
    assert r.anomaly_map.shape == (128, 128) and r.anomaly_map.dtype == np.float32
    assert r.threshold == insp.decision.threshold and r.model_id == insp.info.model_id
    assert r.timing.total_ms > 0


def test_map_points_at_the_defect(trained_models):
    insp = Inspector.load(trained_models, "washer")
    rng = np.random.default_rng(123)
    img, mask = make_part(rng, 128, "stain")
    res = insp.inspect_array(img, source="frame")
    y, x = np.unravel_index(np.argmax(res.anomaly_map), res.anomaly_map.shape)
    ys, xs = np.nonzero(mask)
    assert np.hypot(y - ys.mean(), x - xs.mean()) < 20


def test_save_load_gives_identical_scores(trained_models, demo_data, tmp_path):
    shutil.copytree(trained_models / "washer", tmp_path / "washer")
    a = Inspector.load(trained_models, "washer")
    b = Inspector.load(tmp_path, "washer")
    imgs = list_images(demo_data / "test")[:4]
    assert [a.inspect_path(p).score for p in imgs] == pytest.approx([b.inspect_path(p).score for p in imgs], rel=SAME_SUMS)
    assert a.info == b.info


def test_bad_images_do_not_stop_the_batch(trained_models, demo_data, tmp_path):
    (tmp_path / "zero.png").write_bytes(b"")
    (tmp_path / "doc.png").write_text("hello")
    good = list_images(demo_data / "test" / "good")[0]
    res = Inspector.load(trained_models, "washer").inspect_paths([tmp_path / "zero.png", tmp_path / "doc.png", good])
    assert [r.verdict for r in res[:2]] == [Verdict.ERROR, Verdict.ERROR]
    assert "empty" in res[0].error and "not an image" in res[1].error
    assert res[2].ok


def test_large_and_odd_shapes_are_judged(trained_models):
    insp = Inspector.load(trained_models, "washer")
    for shape in [(2000, 2600, 3), (600, 90, 3), (64, 64)]:
        frame = np.random.default_rng(0).integers(0, 255, shape, dtype=np.uint8)
        res = insp.inspect_array(frame)
        assert res.ok and res.anomaly_map.shape == shape[:2]


def test_corrupt_and_incompatible_folders_are_named(trained_models, tmp_path):
    shutil.copytree(trained_models / "washer", tmp_path / "a")
    bank = json.loads((tmp_path / "a" / "manifest.json").read_text())["files"]["index"]["name"]
    (tmp_path / "a" / bank).write_bytes(b"garbage")
    with pytest.raises(ModelError, match="damaged"):
        Inspector.load(tmp_path, "a")
    shutil.copytree(trained_models / "washer", tmp_path / "b")
    m = json.loads((tmp_path / "b" / "manifest.json").read_text())
    m["schema_version"] = 99
    (tmp_path / "b" / "manifest.json").write_text(json.dumps(m))
    with pytest.raises(ModelError, match="made by a newer version of the station .model schema 99"):
        Inspector.load(tmp_path, "b")
    m["schema_version"] = 0
    (tmp_path / "b" / "manifest.json").write_text(json.dumps(m))
    with pytest.raises(ModelError, match="schema version 0 is not supported.*retrain"):
        Inspector.load(tmp_path, "b")
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "manifest.json").write_text("{not json")
    with pytest.raises(ModelError, match="not valid JSON"):
        Inspector.load(tmp_path, "c")
    with pytest.raises(ModelError, match="no model for category"):
        Inspector.load(tmp_path, "nothing")
    names = {n: err for n, _, err in list_models(tmp_path)}
    assert names["c"] and names["b"]


def test_missing_weights_says_where(tmp_path):
    with pytest.raises(BackboneError, match=r"_backbones.wide_resnet50_2\.pth"):
        load_backbone("wide_resnet50_2", models_dir=tmp_path)


def test_other_backbone_from_local_weights(tmp_path):
    import timm
    import torch

    torch.save(timm.create_model("resnet18", pretrained=False).state_dict(), tmp_path / "r18.pth")
    bb = load_backbone("resnet18", weights=tmp_path / "r18.pth")
    assert bb.channels == (128, 256) and bb.strides == (8, 16)


def test_training_with_defects_reports_f1_threshold_and_skips_bad(demo_data, tmp_path):
    goods = list_images(demo_data / "train" / "good")[:8]
    (tmp_path / "broken.png").write_bytes(b"\x89PNG broken")
    defects = list_images(demo_data / "test" / "scratch")
    rep = train_category("w2", [*goods, tmp_path / "broken.png"], tmp_path / "m",
                         TrainConfig(image_size=96, coreset_ratio=0.1), defect_images=defects)
    assert rep.info.f1_threshold is not None
    assert len(rep.skipped) == 1 and "broken.png" in rep.skipped[0]
    with pytest.raises(TrainingError, match="at least 2"):
        train_category("w3", goods[:1], tmp_path / "m")


def test_evaluate_reports_metrics_and_plots(trained_models, demo_data, tmp_path):
    out = evaluate_folder(Inspector.load(trained_models, "washer"), demo_data, tmp_path / "plots")
    assert out["image_auroc"] == 1.0 and out["pixel_auroc"] > 0.9 and out["aupro"] > 0.5
    assert set(out["per_type"]) == {"good", "scratch", "stain", "chip"}
    assert out["pointing_game"] <= out["pointing_game_tolerant"]["rate"] and out["pointing_game_tolerant"]["pixels"] == 15
    assert all(0.0 <= out["per_type"][k]["pointing"] <= 1.0 for k in ("scratch", "stain", "chip"))
    assert all(out["per_type"][k]["pixel_auroc"] > 0.5 and out["per_type"][k]["defect_pixels"] > 0
               for k in ("scratch", "stain", "chip"))
    assert "pixel_auroc" not in out["per_type"]["good"]
    assert all((tmp_path / "plots" / n).stat().st_size > 1000 for n in ("roc.png", "score_histogram.png"))
    assert out["run_ms_per_image"] > 0


def test_evaluation_judges_as_a_run_with_the_figures_of_one_at_a_time(trained_models, demo_data, monkeypatch):
    insp = Inspector.load(trained_models, "washer")
    calls = []
    run = insp.iter_paths
    monkeypatch.setattr(insp, "iter_paths", lambda paths: calls.append(len(paths)) or run(paths))
    piped = evaluate_folder(insp, demo_data)
    assert calls == [piped["images"]]  # one run over every test image
    monkeypatch.setenv("STATION_PIPELINE", "0")
    serial = evaluate_folder(insp, demo_data)
    for key in ("image_auroc", "pixel_auroc", "aupro", "pointing_game", "threshold", "verdicts", "at_threshold"):
        assert piped[key] == pytest.approx(serial[key], rel=SAME_SUMS), key


def test_onnx_runtime_matches_eager_pytorch(trained_models, demo_data, monkeypatch, tmp_path):
    # a model from before the stored graph: its backbone is exported to ONNX Runtime at load
    shutil.copytree(trained_models / "washer", tmp_path / "washer")
    m = json.loads((tmp_path / "washer" / "manifest.json").read_text())
    m["files"].pop("features_onnx")
    (tmp_path / "washer" / "manifest.json").write_text(json.dumps(m))
    fast = Inspector.load(tmp_path, "washer")
    assert fast.model.embedder.runtime == "onnxruntime"
    monkeypatch.setenv("STATION_RUNTIME", "torch")
    eager = Inspector.load(tmp_path, "washer")
    assert eager.model.embedder.runtime == "torch"
    for p in list_images(demo_data / "test")[:3]:
        a, b = fast.inspect_path(p), eager.inspect_path(p)
        assert abs(a.score - b.score) < 1e-3 * b.score
        assert np.allclose(a.anomaly_map, b.anomaly_map, rtol=1e-3, atol=1e-3)
