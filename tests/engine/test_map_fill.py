"""The map filled in from around (``engine.patchcore.map_fill``): the peak never moves and keeps
its value, a region between warm edges fills in, a flat map stays flat, the coarse grid's mean
is close to a full-size blur; new models record the sigma and judge with it, older models (no
sigma in the manifest) keep their maps, and a rebuild keeps the setting."""

from __future__ import annotations

from dataclasses import replace

import cv2
import numpy as np
import pytest

from engine.patchcore.map_fill import filled, wide_mean
from engine.patchcore.model import PatchCore
from engine.training import TrainConfig
from tests.engine.map_steps import check_off_and_kept_by_rebuild, judged_scratch

DEFAULT_SIGMA = TrainConfig.map_fill_sigma  # what new models train with


def _step_scene() -> tuple[np.ndarray, np.ndarray]:
    """A map (120, 300) that lights the two edges of a band (rows 40-79, columns 20-139), grain
    elsewhere, and the band's mask."""
    rng = np.random.default_rng(1)
    m = (1.0 + rng.normal(0, 0.05, (120, 300))).astype(np.float32)
    m[38:42, 20:140] += 1.5
    m[78:82, 20:140] += 1.2
    m[40, 90] += 0.5  # the peak, on the upper edge
    band = np.zeros(m.shape, bool)
    band[40:80, 20:140] = True
    return m, band


def test_the_peak_stays_and_the_band_between_its_edges_fills_in():
    m, band = _step_scene()
    f = filled(m, 24)
    assert f.dtype == np.float32 and f.shape == m.shape
    assert int(f.argmax()) == int(m.argmax()) and f.max() == m.max()
    assert (f >= m).all()
    inner = band.copy()
    inner[36:44] = inner[76:84] = False  # the band's inside, away from its lit edges
    assert f[inner].mean() > m[inner].mean() + 0.08  # the region behind the lit edges warms up
    far = np.zeros(m.shape, bool)
    far[:, 240:] = True  # far from the band: only the grain's dips are lifted, to the grain's mean
    assert f[far].mean() - m[far].mean() < 0.03


def test_a_flat_map_stays_flat_and_sigma_zero_is_off():
    flat = np.full((50, 70), 3.0, np.float32)
    assert np.allclose(filled(flat, DEFAULT_SIGMA), flat, atol=1e-5)
    m, _ = _step_scene()
    assert filled(m, 0) is m


@pytest.mark.parametrize("shape", [(384, 384), (416, 288), (60, 900), (7, 9)])
def test_the_coarse_mean_never_tops_the_map_and_is_close_to_a_full_blur(shape):
    rng = np.random.default_rng(2)
    m = cv2.GaussianBlur(rng.random(shape).astype(np.float32), (0, 0), 3)
    m[shape[0] // 3, shape[1] // 2] += 2.0
    w = wide_mean(m, DEFAULT_SIGMA)
    assert w.shape == m.shape and w.max() <= m.max() + 1e-6
    assert int(filled(m, DEFAULT_SIGMA).argmax()) == int(m.argmax())
    full = cv2.GaussianBlur(m, (0, 0), DEFAULT_SIGMA, borderType=cv2.BORDER_REFLECT)
    if min(shape) >= 60:  # large enough for a coarse grid to mean something
        assert np.abs(w - full).max() < 0.05 * float(m.max() - m.min())


def test_new_models_judge_with_the_fill_and_older_ones_keep_their_maps(trained_models, demo_data):
    insp, res, size, cell, small = judged_scratch(trained_models, demo_data, "map_fill_sigma", DEFAULT_SIGMA)
    # an older model: no sigma in its manifest, so its map is drawn as before
    old = PatchCore(insp.model.embedder, insp.model.index, replace(insp.model.config, map_fill_sigma=0.0))
    unfilled = old.anomaly_map(res.patch_scores, size, cell, small)
    assert not np.allclose(res.anomaly_map, unfilled, atol=1e-4)
    assert (res.anomaly_map >= unfilled - 1e-5).all()
    assert int(res.anomaly_map.argmax()) == int(unfilled.argmax())


def test_the_fill_can_be_turned_off_and_a_rebuild_keeps_that(demo_data, tmp_path):
    check_off_and_kept_by_rebuild(demo_data, tmp_path, "map_fill_sigma")
