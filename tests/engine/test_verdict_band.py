"""The REVIEW band from the good scores' quantiles, and the intervals the facts give."""

from __future__ import annotations

import numpy as np
import pytest

from engine.judging.calibration import (decision_for, frr_interval, make_decision, review_edge, threshold_facts,
                                threshold_for_frr, threshold_interval)
from engine.types import Verdict


def _goods(n: int = 1000, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).gumbel(30.0, 2.0, n)


def test_band_runs_from_the_review_quantile_to_the_threshold():
    g = _goods()
    t = threshold_for_frr(g, 0.01).value
    d = make_decision(t, g, review_load=0.04)
    assert d.review_from == pytest.approx(np.quantile(g, 1 - 0.05), rel=1e-3)
    assert d.verdict(t) is Verdict.FAIL
    assert d.verdict(np.nextafter(t, 0)) is Verdict.REVIEW
    assert d.verdict(d.review_from) is Verdict.REVIEW
    assert d.verdict(np.nextafter(d.review_from, 0)) is Verdict.PASS
    in_band = ((g >= d.review_from) & (g < t)).mean()
    assert in_band == pytest.approx(0.04, abs=0.002)
    assert d.normalise(t) == pytest.approx(0.5)  # the normalised scale is unchanged


def test_band_follows_a_threshold_change_with_the_same_load():
    g = _goods()
    lower = threshold_for_frr(g, 0.02).value
    d = make_decision(lower, g, review_load=0.04)
    assert ((g >= d.review_from) & (g < lower)).mean() == pytest.approx(0.04, abs=0.003)
    assert review_edge(g, lower, 0.04) == d.review_from


def test_models_without_a_review_load_keep_the_band_around_the_threshold():
    g = _goods()
    doc = {"value": 36.0, "review_margin": 0.05}
    d = decision_for(doc, g)
    assert d.review_from is None
    assert d.verdict(36.0) is Verdict.REVIEW  # symmetric band: the threshold itself is REVIEW
    assert decision_for(dict(doc, review_load=0.04), g).verdict(36.0) is Verdict.FAIL


def test_frr_interval_is_clopper_pearson():
    g = np.arange(100, dtype=float)
    lo, hi = frr_interval(g, 1000.0, level=0.9)  # none of 100 above
    assert lo == 0.0 and hi == pytest.approx(1 - 0.05 ** (1 / 100), rel=1e-6)
    lo, hi = frr_interval(g, 99.0, level=0.9)  # one of 100
    assert 0.0 < lo < 0.01 < hi < 0.06


def test_threshold_interval_brackets_the_threshold_and_narrows_with_more_goods():
    few, many = _goods(50), _goods(2000)
    lo_f, hi_f = threshold_interval(few, 0.01)
    lo_m, hi_m = threshold_interval(many, 0.01)
    assert lo_m <= threshold_for_frr(many, 0.01).value <= hi_m
    assert hi_m - lo_m < hi_f - lo_f


def test_threshold_facts_state_the_load_and_the_intervals():
    g = _goods()
    d = make_decision(threshold_for_frr(g, 0.01).value, g, review_load=0.04)
    f = threshold_facts(g, d, 0.01, 0.04)
    assert f["calibration_frr"] == pytest.approx(0.01, abs=0.002)
    assert f["frr_interval"][0] < 0.01 < f["frr_interval"][1]
    assert f["threshold_interval"][0] <= d.threshold <= f["threshold_interval"][1]
    assert f["expected_review_load"] == pytest.approx(0.04, abs=0.003)
    assert f["review_from"] == d.review_from


def test_a_threshold_set_far_above_the_goods_keeps_a_band_near_it():
    g = _goods()
    t = threshold_for_frr(g, 0.01).value
    calibrated = make_decision(t, g, review_load=0.04)
    doc = {"value": t, "review_margin": 0.05, "review_load": 0.04, "review_width": t - calibrated.review_from}
    far = decision_for(doc, g, t * 50)
    assert far.review_from == pytest.approx(t * 50 - (t - calibrated.review_from))
    assert far.verdict(t * 2) is Verdict.PASS

