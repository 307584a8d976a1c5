"""The map guided by the judged image (``engine.patchcore.map_guide``): a flat map stays flat, a
blob beside a pinhole peaks on the pinhole, new models record the radius and judge with it,
older models (no radius in the manifest) keep their maps, and a rebuild keeps the setting."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from engine.imaging import load_image, resize_to
from engine.inspector import Inspector
from engine.model_update import rebuild_category
from engine.patchcore.map_guide import grey_guide, guided_detail
from engine.patchcore.model import PatchCore
from engine.store import read_manifest
from engine.training import TrainConfig, list_images, train_category

DEFAULT_RADIUS = TrainConfig.map_guide_radius  # what new models train with


def _pinhole_scene() -> tuple[np.ndarray, np.ndarray, tuple[slice, slice]]:
    """A grey guide with a dark 3x3 pinhole, and a map blob centred 5 px to its left."""
    rng = np.random.default_rng(0)
    guide = (0.5 + rng.normal(0, 0.02, (96, 96))).astype(np.float32)
    hole = (slice(39, 42), slice(43, 46))
    guide[hole] = 0.1
    yy, xx = np.mgrid[0:96, 0:96]
    blob = np.exp(-((yy - 40) ** 2 + (xx - 38) ** 2) / (2 * 6.0 ** 2)).astype(np.float32)
    return guide, blob, hole


def test_a_blob_beside_a_pinhole_peaks_on_it():
    guide, blob, hole = _pinhole_scene()
    inside = np.zeros(blob.shape, bool)
    inside[hole] = True
    assert not inside.flat[int(blob.argmax())]  # the map as drawn peaks beside the pinhole
    guided = guided_detail(blob, guide, DEFAULT_RADIUS)
    assert inside.flat[int(guided.argmax())]
    assert guided.dtype == np.float32 and guided.shape == blob.shape
    # far from the blob the map is flat and stays as it was
    assert np.abs(guided[:, 80:] - blob[:, 80:]).max() < 1e-3


def test_a_flat_map_is_unchanged_and_radius_zero_is_off():
    guide, blob, _ = _pinhole_scene()
    flat = np.full(blob.shape, 2.0, np.float32)
    assert np.allclose(guided_detail(flat, guide, DEFAULT_RADIUS), flat, atol=1e-5)
    assert guided_detail(blob, guide, 0) is blob
    with pytest.raises(ValueError, match="differ in size"):
        guided_detail(blob, guide[:50], DEFAULT_RADIUS)


def test_grey_guide_takes_rgb_or_grey_at_any_size():
    rgb = np.zeros((40, 60, 3), np.uint8)
    rgb[..., 1] = 255
    g = grey_guide(rgb, (20, 30))
    assert g.shape == (20, 30) and g.dtype == np.float32 and 0.5 < float(g.mean()) < 0.7
    assert grey_guide(np.full((20, 30), 255, np.uint8), (20, 30)).max() == pytest.approx(1.0)


def test_new_models_judge_with_the_guide_and_older_ones_keep_their_maps(trained_models, demo_data):
    m = read_manifest(trained_models / "washer")
    assert m["patchcore"]["map_guide_radius"] == DEFAULT_RADIUS
    insp = Inspector.load(trained_models, "washer")
    assert insp.model.config.map_guide_radius == DEFAULT_RADIUS
    assert insp.info.adaptations["map_guide_radius"] == DEFAULT_RADIUS  # what the model-facts dialog reads
    path = list_images(demo_data / "test" / "scratch")[0]
    image = load_image(path)
    res = insp.inspect_path(path)
    small = resize_to(image, insp.model.config.input_size)
    cell = int(insp.model.scored(insp.model.embed([image])).score_cells[0])
    want = insp.model.anomaly_map(res.patch_scores, image.shape[:2], cell, small)
    assert np.allclose(res.anomaly_map, want, atol=1e-5)
    unguided = insp.model.anomaly_map(res.patch_scores, image.shape[:2], cell)
    assert not np.allclose(res.anomaly_map, unguided, atol=1e-4)
    # an older model: no radius in its manifest, so its map is drawn as before
    old = PatchCore(insp.model.embedder, insp.model.index, replace(insp.model.config, map_guide_radius=0))
    assert np.array_equal(old.anomaly_map(res.patch_scores, image.shape[:2], cell, small), unguided)


def test_the_guide_can_be_turned_off_and_a_rebuild_keeps_that(demo_data, tmp_path):
    goods = list_images(demo_data / "train" / "good")[:8]
    cfg = TrainConfig(image_size=64, coreset_ratio=0.2, holdout_fraction=0.3, selftest_per_image=0, map_guide_radius=0)
    train_category("plain", goods, tmp_path, cfg)
    assert read_manifest(tmp_path / "plain")["patchcore"]["map_guide_radius"] == 0
    rebuild_category(tmp_path, "plain", [], note="check")
    m = read_manifest(tmp_path / "plain")
    assert m["version"]["kind"] == "rebuild" and m["patchcore"]["map_guide_radius"] == 0
    assert Inspector.load(tmp_path, "plain").model.config.map_guide_radius == 0
