"""The map's second view (``--map-stages``; stage 2 by default since engine 0.4.3): the map is the
geometric mean of the full embedding's cell scores and those of its first stages against a bank
of their own, the view searched for each image's warmest cells; the image score, and so the
verdict, stays the full view's. Extend grows both banks; rebuild keeps it."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from engine.judging.inspector import Inspector
from engine.model_store.updates import extend_category, rebuild_category
from engine.patchcore.model import PatchCore
from engine.model_store.store import read_manifest
from engine.training import TrainConfig, TrainingError, list_images, train_category
from tests.tolerances import SAME_SUMS

CONFIG = TrainConfig(image_size=96, coreset_ratio=0.1, holdout_fraction=0.3, layers=(2, 3, 4), map_stages=(2, 3),
                     map_view_share=0.1, selftest_per_image=1)


@pytest.fixture(scope="module")
def viewed(demo_data, tmp_path_factory):
    models = tmp_path_factory.mktemp("viewed")
    train_category("v", list_images(demo_data / "train" / "good")[:14], models, CONFIG)
    return models


def test_map_is_the_geometric_mean_of_both_views_and_the_score_the_full_views(viewed, demo_data):
    m = read_manifest(viewed / "v")
    view_facts = m["patchcore"]["map_view"]
    assert view_facts["stages"] == [2, 3] and view_facts["channels"] == 40 + 112 == sum(m["backbone"]["channels"][:2])
    assert view_facts["bank_size"] > 0 and view_facts["scale"] > 0 and "map_view_bank" in m["files"]
    # stage 4 moves where the full view's cells look; the second view is placed where its own do
    assert view_facts["grid_offset_px"] != m["patchcore"]["grid_offset_px"]
    insp = Inspector.load(viewed, "v")
    model, view = insp.model, insp.model.map_view
    assert view is not None and view.index.size == view_facts["bank_size"]
    plain = PatchCore(model.embedder, model.index, model.config)  # the full view alone
    image = list_images(demo_data / "test" / "scratch")[0]
    from engine.imaging import load_image

    emb = model.embed([load_image(image)])
    patch, _, cells = model.search(emb)
    k = model.config.map_neighbours
    full = model.index.search(emb.reshape(-1, emb.shape[-1]), k=k)[0].mean(axis=1).reshape(patch.shape)
    other = view.index.search(np.ascontiguousarray(emb[..., :view.channels]).reshape(-1, view.channels), k=k)[0]
    other = other.mean(axis=1).reshape(patch.shape)
    h, w = patch.shape[1:]
    stride = (model.config.input_size[0] / h, model.config.input_size[1] / w)
    # the view searched for the image's warmest tenth, grown by a cell; elsewhere it follows the full view
    assert view_facts["share"] == view.share == 0.1 and view.cool_ratio == view_facts["cool_ratio"] > 0
    reach = view.reach(model.config.grid_offset, stride)
    searched = view.searched(full, reach)
    assert 0.1 <= searched.mean() < 0.9 and searched.flat[full.argmax()]
    near = np.where(searched, other, full * view.cool_ratio / view.scale)
    want = np.sqrt(full * view.placed(near.astype(np.float32), model.config.grid_offset, stride) * view.scale)
    assert np.allclose(cells, want, rtol=1e-5)
    everywhere = np.sqrt(full * view.placed(other, model.config.grid_offset, stride) * view.scale)
    inner = cv2.erode(searched[0].astype(np.uint8), np.ones((2 * reach + 1,) * 2, np.uint8)).astype(bool)[None]
    assert inner.any() and np.allclose(cells[inner], everywhere[inner], rtol=1e-5)  # searched: the same map
    assert not np.allclose(cells, full, rtol=1e-3)  # the second view changes the map...
    assert model.scores(emb)[0] == pytest.approx(plain.scores(emb)[0], rel=SAME_SUMS)  # ...and not the score
    eager = Inspector.load(viewed, "v", compile_onnx=False)
    a, b = insp.inspect_path(image), eager.inspect_path(image)
    assert a.score == pytest.approx(b.score, rel=1e-3) and a.verdict == b.verdict
    assert np.abs(a.anomaly_map - b.anomaly_map).max() < 1e-2 * float(b.anomaly_map.max())


def test_map_stages_must_lead_the_layers(demo_data, tmp_path):
    goods = list_images(demo_data / "train" / "good")[:6]
    for layers, stages in (((2, 3, 4), (3, 4)), ((2, 3), (2, 3)), ((2, 3, 4), (2, 4))):
        with pytest.raises(TrainingError, match="must be the first stages"):
            train_category("bad", goods, tmp_path, TrainConfig(image_size=64, coreset_ratio=0.1, layers=layers,
                                                               map_stages=stages, selftest_per_image=0))


def test_extend_grows_both_banks_and_rebuild_keeps_the_view(viewed, demo_data, tmp_path):
    import shutil

    models = tmp_path / "m"
    shutil.copytree(viewed, models)
    before = read_manifest(models / "v")["patchcore"]
    extra = list_images(demo_data / "train" / "good")[14:18]
    extend_category(models, "v", extra)
    after = read_manifest(models / "v")["patchcore"]
    grown = after["memory_bank_size"] - before["memory_bank_size"]
    assert grown > 0 and after["map_view"]["bank_size"] - before["map_view"]["bank_size"] == grown
    assert Inspector.load(models, "v").model.map_view.index.size == after["map_view"]["bank_size"]
    rebuild_category(models, "v", [])
    assert read_manifest(models / "v")["patchcore"]["map_view"]["stages"] == [2, 3]


def test_the_view_is_searched_for_each_images_warmest_share_grown_by_a_cell():
    from engine.patchcore.model import MapView

    rng = np.random.default_rng(1)
    view = MapView(MapView.bank_index(rng.standard_normal((20, 8)).astype(np.float32)), 8, 1.0, (0.0, 0.0), share=0.05)
    full = rng.random((2, 20, 30)).astype(np.float32)
    full[0, 5, 7] = full[1, 0, 29] = 5.0  # each image's peak, one inside, one in a corner
    mask = view.searched(full)
    for b in range(2):
        cut = np.sort(full[b].ravel())[-30]  # 5 % of 600 cells
        warm = full[b] >= cut
        assert warm.sum() == 30 and mask[b][warm].all()  # every warm cell searched...
        grown = cv2.dilate(warm.astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool)
        assert np.array_equal(mask[b], grown)  # ...and its neighbours, nothing else
    assert mask[0, 4:7, 6:9].all() and mask[1, 0:2, 28:30].all()
    assert MapView(view.index, 8, 1.0, (0.0, 0.0)).searched(full).all()  # share 1: every cell, as before 0.4.3


def test_default_training_draws_the_map_also_from_stage_2_and_none_turns_it_off(demo_data, tmp_path):
    import json
    from dataclasses import replace

    from engine.model_store.updates import rebuild_category

    goods = list_images(demo_data / "train" / "good")[:8]
    base = TrainConfig(image_size=64, coreset_ratio=0.1, selftest_per_image=0)
    train_category("d", goods, tmp_path / "a", base)
    facts = read_manifest(tmp_path / "a" / "d")["patchcore"]
    assert facts["map_view"]["stages"] == [2] and facts["map_view"]["channels"] == 40 and facts["map_view_share"] == 0.1
    assert facts["map_view"]["share"] == 0.1 and facts["map_view"]["cool_ratio"] > 0
    train_category("s", goods, tmp_path / "a", replace(base, map_stages=(2,)))  # asked for: every cell, as before
    facts = read_manifest(tmp_path / "a" / "s")["patchcore"]
    assert facts["map_view"]["share"] == facts["map_view_share"] == 1.0 and facts["map_view"]["cool_ratio"] == 1.0
    train_category("n", goods, tmp_path / "b", replace(base, map_stages=()))
    assert read_manifest(tmp_path / "b" / "n")["patchcore"]["map_view"] is None
    rebuild_category(tmp_path / "b", "n", [])  # asked for none: the rebuild keeps none
    assert read_manifest(tmp_path / "b" / "n")["patchcore"]["map_view"] is None
    for mpath in (tmp_path / "b" / "n").glob("**/manifest.json"):  # as a model from before engine 0.4.3
        m = json.loads(mpath.read_text())
        m["patchcore"].pop("map_view_share")
        mpath.write_text(json.dumps(m))
    rebuild_category(tmp_path / "b", "n", [])  # the rebuild takes today's default, as it does the fill
    assert read_manifest(tmp_path / "b" / "n")["patchcore"]["map_view"]["stages"] == [2]


def test_a_narrow_view_is_searched_padded_with_the_same_distances():
    from engine.patchcore.model import SEARCH_DIM_MIN, MapView

    rng = np.random.default_rng(0)
    bank, emb = rng.standard_normal((50, 40)).astype(np.float32), rng.standard_normal((1, 3, 4, 100)).astype(np.float32)
    view = MapView(MapView.bank_index(bank), 40, 1.0, (0.0, 0.0))
    assert view.index.dim == SEARCH_DIM_MIN and np.array_equal(view.bank_vectors(), bank)
    want = np.sort(np.linalg.norm(emb[..., :40].reshape(-1, 1, 40) - bank[None], axis=2), axis=1)[:, :3]
    assert np.allclose(view.distances(emb, 3), want, rtol=1e-4, atol=1e-4)


def test_a_map_view_without_its_bank_is_a_clear_error(viewed, tmp_path):
    import json
    import shutil

    from engine.model_store.store import ModelError

    models = tmp_path / "m"
    shutil.copytree(viewed, models)
    for mpath in models.glob("v/**/manifest.json"):
        m = json.loads(mpath.read_text())
        m["files"].pop("map_view_bank", None)
        mpath.write_text(json.dumps(m))
    with pytest.raises(ModelError, match="map view but its bank file is missing"):
        Inspector.load(models, "v")
