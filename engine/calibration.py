"""Thresholds from good images only, the F1-optimal threshold when defects are known, and the
score normalisation that puts the threshold at 0.5."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import NormalDist

import numpy as np

from engine.types import Decision

DEFAULT_TARGET_FRR = 0.01
DEFAULT_REVIEW_MARGIN = 0.05


@dataclass(frozen=True)
class Threshold:
    value: float
    method: str
    """"frr-quantile" (empirical), "frr-gaussian" (too few goods for the quantile), "f1", "manual"."""
    target_frr: float


def threshold_for_frr(good_scores: np.ndarray, target_frr: float = DEFAULT_TARGET_FRR) -> Threshold:
    """Threshold that rejects about ``target_frr`` of good parts.

    With at least 1 / target_frr held-out goods this is their empirical (1 - frr) quantile; with
    fewer, the quantile of a normal fitted to them (the empirical one would just be the maximum).
    """
    s = np.asarray(good_scores, dtype=np.float64)
    if s.size == 0:
        raise ValueError("no good scores to calibrate on")
    if not 0.0 < target_frr < 0.5:
        raise ValueError(f"target false-reject rate must be in (0, 0.5), got {target_frr}")
    if s.size * target_frr >= 1.0:
        return Threshold(float(np.quantile(s, 1.0 - target_frr)), "frr-quantile", target_frr)
    std = float(s.std(ddof=1)) if s.size > 1 else abs(float(s[0])) * 0.1
    z = NormalDist().inv_cdf(1.0 - target_frr)
    value = max(float(s.mean()) + z * std, float(s.max()))
    return Threshold(value, "frr-gaussian", target_frr)


def f1_optimal_threshold(good_scores: np.ndarray, defect_scores: np.ndarray) -> tuple[float, float]:
    """(threshold, F1) maximising F1 with defect as the positive class and score >= t positive.

    The threshold is placed halfway between the last good and first defect score it separates.
    """
    g = np.asarray(good_scores, dtype=np.float64)
    d = np.asarray(defect_scores, dtype=np.float64)
    if g.size == 0 or d.size == 0:
        raise ValueError("F1-optimal threshold needs good and defect scores")
    scores = np.concatenate([g, d])
    labels = np.concatenate([np.zeros(g.size), np.ones(d.size)])
    order = np.argsort(-scores, kind="stable")
    s, y = scores[order], labels[order]
    tp = np.cumsum(y)
    fp = np.cumsum(1 - y)
    f1 = 2 * tp / (tp + fp + d.size)
    # only cut between distinct scores
    valid = np.r_[s[1:] < s[:-1], True]
    f1 = np.where(valid, f1, -1.0)
    i = int(np.argmax(f1))
    below = s[i + 1] if i + 1 < s.size else s[i] - abs(s[i]) * 0.01 - 1e-6
    return float((s[i] + below) / 2.0), float(f1[i])


def make_decision(threshold: float, good_scores: np.ndarray, review_margin: float = DEFAULT_REVIEW_MARGIN) -> Decision:
    """Decision whose normalisation maps the median good score to 0 and ``threshold`` to 0.5."""
    g = np.asarray(good_scores, dtype=np.float64)
    scale = threshold - float(np.median(g)) if g.size else 0.0
    if not scale > 0:
        spread = float(g.std()) if g.size > 1 else 0.0
        scale = max(spread, abs(threshold) * 0.05, 1e-6)
    return Decision(threshold=float(threshold), scale=float(scale), review_margin=float(review_margin))


def score_quantiles(scores: np.ndarray) -> dict[str, float]:
    """Summary of good scores a technician sees next to the threshold."""
    s = np.asarray(scores, dtype=np.float64)
    if s.size == 0:
        return {}
    qs = {"min": 0.0, "p05": 0.05, "median": 0.5, "p95": 0.95, "max": 1.0}
    out = {k: float(np.quantile(s, q)) for k, q in qs.items()}
    out["mean"] = float(s.mean())
    out["std"] = float(s.std(ddof=1)) if s.size > 1 else 0.0
    return out
