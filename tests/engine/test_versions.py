"""Model versions: nothing deleted, extend and rebuild as new versions, rollback, legacy folders."""

from __future__ import annotations

import json
import shutil

import pytest

from engine.judging.inspector import Inspector
from engine.model_store.updates import extend_category, rebuild_category, set_threshold
from engine.model_store.store import ModelError, read_manifest
from engine.training import TrainConfig, list_images, train_category
from engine.model_store.versions import activate_version, list_versions


@pytest.fixture(scope="module")
def small_models(tmp_path_factory, demo_data):
    models = tmp_path_factory.mktemp("vmodels")
    train_category("w", list_images(demo_data / "train" / "good")[:12], models,
                   TrainConfig(image_size=96, coreset_ratio=0.1, holdout_fraction=0.3, selftest_per_image=1))
    return models


def test_extend_makes_an_overruled_image_pass_and_keeps_the_old_version(small_models, demo_data, tmp_path):
    models = tmp_path / "m"
    shutil.copytree(small_models, models)
    part = str(list_images(demo_data / "test" / "scratch")[0])
    before = Inspector.load(models, "w").inspect_path(part)
    assert before.verdict.value == "FAIL"
    info = extend_category(models, "w", [part], note="overruled as good in review")
    after = Inspector.load(models, "w")
    assert after.info.model_id == info.model_id != before.model_id
    assert after.inspect_path(part).verdict.value == "PASS"
    vs = list_versions(models / "w")
    assert [(v.vid, v.kind, v.active) for v in vs] == [("v1", "train", False), ("v2", "extend", True)]
    assert vs[1].parent == before.model_id and "1 images added" in vs[1].note
    old = Inspector.load(models, "w", version="v1")  # the old version still loads and judges as it did
    assert old.info.model_id == before.model_id and old.inspect_path(part).score == pytest.approx(before.score)
    listed = json.loads((models / "w" / read_manifest(models / "w")["files"]["image_list"]["name"]).read_text())
    assert listed[-1]["path"].endswith(part.split("/")[-1]) and len(listed[-1]["sha256"]) == 64
    activate_version(models / "w", "v1")  # rollback
    assert Inspector.load(models, "w").info.model_id == before.model_id
    assert len(list(list_versions(models / "w"))) == 2


def test_rebuild_is_a_new_version_with_the_added_images(small_models, demo_data, tmp_path):
    models = tmp_path / "m"
    shutil.copytree(small_models, models)
    part = str(list_images(demo_data / "test" / "scratch")[0])
    rep = rebuild_category(models, "w", [part], note="review of shift")
    m = read_manifest(models / "w")
    assert m["version"]["kind"] == "rebuild" and m["version"]["number"] == 2 and rep.info.model_id == m["model_id"]
    assert any(p.endswith(part.split("/")[-1]) for p in m["training"]["good_images"])
    assert Inspector.load(models, "w", version="v1").info.model_id != rep.info.model_id


def test_damaged_version_is_refused_for_rollback_and_the_active_one_stays(small_models, demo_data, tmp_path):
    models = tmp_path / "m"
    shutil.copytree(small_models, models)
    extend_category(models, "w", [list_images(demo_data / "test" / "good")[0]])
    (models / "w" / "versions" / "v1" / "memory_bank.faiss").write_bytes(b"junk")
    with pytest.raises(ModelError, match="damaged"):
        activate_version(models / "w", "v1")
    assert read_manifest(models / "w")["active_version"] == "v2"


def test_a_folder_from_before_versions_becomes_version_one(small_models, demo_data, tmp_path):
    legacy = tmp_path / "m" / "w"
    shutil.copytree(small_models / "w" / "versions" / "v1", legacy)
    m = json.loads((legacy / "manifest.json").read_text())
    m.pop("version")
    (legacy / "manifest.json").write_text(json.dumps(m))
    assert [v.vid for v in list_versions(legacy)] == [""]
    extend_category(tmp_path / "m", "w", [list_images(demo_data / "test" / "good")[0]])
    assert [v.vid for v in list_versions(legacy)] == ["v1", "v2"]
    assert Inspector.load(tmp_path / "m", "w", version="v1").info.model_id == m["model_id"]


def test_threshold_set_by_hand_keeps_the_calibrated_value(small_models, tmp_path):
    models = tmp_path / "m"
    shutil.copytree(small_models, models)
    old = read_manifest(models / "w")["threshold"]["value"]
    set_threshold(models, "w", old * 1.5)
    thr = read_manifest(models / "w")["threshold"]
    assert thr["value"] == pytest.approx(old * 1.5) and thr["calibrated_value"] == old and thr["method"] == "manual"
    assert Inspector.load(models, "w").info.threshold == pytest.approx(old * 1.5)
    with pytest.raises(ModelError, match="positive"):
        set_threshold(models, "w", -1.0)


def test_rebuild_keeps_the_calibration_the_model_was_trained_with(small_models, demo_data, tmp_path, monkeypatch):
    import engine.training

    models = tmp_path / "m"
    shutil.copytree(small_models, models)
    mpath = models / "w" / "manifest.json"
    m = json.loads(mpath.read_text())
    m["threshold"]["calibration_asked"], m["threshold"]["folds"] = "holdout", 0
    mpath.write_text(json.dumps(m))
    seen = []
    monkeypatch.setattr(engine.training, "train_category", lambda *a, **k: seen.append(a[3]))
    rebuild_category(models, "w", [], note="same images")
    assert seen[0].calibration == "holdout" and seen[0].calibration_folds == TrainConfig.calibration_folds


def test_extend_keeps_the_k_fold_scores_the_threshold_rests_on(trained_models, demo_data, tmp_path):
    models = tmp_path / "m"
    shutil.copytree(trained_models, models)
    before = Inspector.load(models, "washer").stored
    n_fold = int(before.manifest["threshold"]["fold_scores"])
    n_held = len(before.manifest["training"]["holdout_images"])
    assert n_fold >= 20 and before.good_scores.size == n_held + n_fold, "the session's model is k-fold calibrated"
    part = str(list_images(demo_data / "test" / "scratch")[0])
    extend_category(models, "washer", [part], note="overruled")
    after = Inspector.load(models, "washer").stored
    assert after.good_scores.size == n_held + n_fold
    assert (after.good_scores[n_held:] == before.good_scores[n_held:]).all()
    assert (after.good_scores[:n_held] <= before.good_scores[:n_held] * (1 + 1e-5)).all(), "a grown bank only lowers scores"
    assert f"{n_fold} k-fold scores kept" in after.manifest["version"]["note"]
