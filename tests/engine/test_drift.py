import numpy as np

from engine.judging.drift import good_score_drift


def test_rising_scores_are_drift_and_steady_ones_are_not():
    rng = np.random.default_rng(0)
    steady = np.clip(0.2 + rng.normal(0, 0.04, 120), 0, 0.49)
    rising = np.clip(np.linspace(0.18, 0.42, 120) + rng.normal(0, 0.03, 120), 0, 0.49)
    assert not good_score_drift(steady).drifting
    d = good_score_drift(rising)
    assert d.drifting and d.late_median > d.early_median + 0.15 and "DRIFT" in d.message
    assert not good_score_drift(rising[:20]).drifting  # too few parts to say
