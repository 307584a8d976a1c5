"""The map guided by the judged image (``engine.patchcore.map_guide``): a flat map stays flat, a
blob beside a pinhole peaks on the pinhole, new models record the radius and judge with it,
older models (no radius in the manifest) keep their maps, and a rebuild keeps the setting."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from engine.patchcore.map_guide import grey_guide, guided_detail
from engine.patchcore.model import PatchCore
from engine.training import TrainConfig
from tests.engine.map_steps import check_off_and_kept_by_rebuild, judged_scratch

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
    insp, res, size, cell, small = judged_scratch(trained_models, demo_data, "map_guide_radius", DEFAULT_RADIUS)
    unguided = insp.model.anomaly_map(res.patch_scores, size, cell)
    assert not np.allclose(res.anomaly_map, unguided, atol=1e-4)
    # an older model: no radius in its manifest, so its map is drawn as before
    old = PatchCore(insp.model.embedder, insp.model.index, replace(insp.model.config, map_guide_radius=0))
    assert np.array_equal(old.anomaly_map(res.patch_scores, size, cell, small), unguided)


def test_the_guide_can_be_turned_off_and_a_rebuild_keeps_that(demo_data, tmp_path):
    check_off_and_kept_by_rebuild(demo_data, tmp_path, "map_guide_radius")
