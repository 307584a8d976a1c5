"""Thresholds from good images only, the F1-optimal threshold when defects are known, and the
score normalisation that puts the threshold at 0.5."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import NormalDist

import numpy as np

from engine.types import Decision

DEFAULT_TARGET_FRR = 0.01
DEFAULT_REVIEW_MARGIN = 0.05
"""Half-width of the REVIEW band on the normalised scale, for models trained before the band
came from the data (``review_load`` None)."""
DEFAULT_REVIEW_LOAD = 0.04
"""Share of good parts the REVIEW band below the threshold takes: its lower edge is the good
scores' quantile for the threshold's false-reject rate plus this. 4 % puts the edge at the 5 %
quantile for a 1 % target: on magnetic tile FAIL+REVIEW then catches 64 % of the defects, FAIL
alone 36 % (``benchmarks/bench_verdicts.py``; README, *Catching defects at the station's threshold*)."""
INTERVAL_LEVEL = 0.9
"""Confidence level of the intervals the facts give around the threshold and its false-reject rate."""


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


def review_edge(good_scores: np.ndarray, threshold: float, review_load: float) -> float:
    """Raw score from which a part goes to REVIEW: the good scores' quantile for the share of them
    at or above ``threshold`` plus ``review_load`` (never above the threshold)."""
    g = np.asarray(good_scores, dtype=np.float64)
    rejected = float((g >= threshold).mean())
    edge = threshold_for_frr(g, min(0.49, max(rejected, 1e-4) + review_load)).value
    return float(min(edge, threshold))


def make_decision(threshold: float, good_scores: np.ndarray, review_margin: float = DEFAULT_REVIEW_MARGIN,
                  review_load: float | None = None, review_width: float | None = None) -> Decision:
    """Decision whose normalisation maps the median good score to 0 and ``threshold`` to 0.5;
    with ``review_load`` the REVIEW band is ``[review_edge, threshold)``, at most ``review_width``
    wide (raw; the band's width at calibration, so a threshold set far above every good part
    keeps a band near it), else ``review_margin`` around 0.5 (models from before the band came
    from the data)."""
    g = np.asarray(good_scores, dtype=np.float64)
    scale = threshold - float(np.median(g)) if g.size else 0.0
    if not scale > 0:
        spread = float(g.std()) if g.size > 1 else 0.0
        scale = max(spread, abs(threshold) * 0.05, 1e-6)
    edge = review_edge(g, threshold, review_load) if review_load is not None and g.size > 1 else None
    if edge is not None and review_width is not None:
        edge = max(edge, float(threshold) - review_width)
    return Decision(threshold=float(threshold), scale=float(scale), review_margin=float(review_margin),
                    review_from=edge)


def decision_for(threshold_doc: dict, good_scores: np.ndarray, threshold: float | None = None) -> Decision:
    """The Decision a manifest's ``threshold`` section describes (at ``threshold`` when given)."""
    load, width = threshold_doc.get("review_load"), threshold_doc.get("review_width")
    return make_decision(float(threshold_doc["value"] if threshold is None else threshold), good_scores,
                         float(threshold_doc.get("review_margin", DEFAULT_REVIEW_MARGIN)),
                         None if load is None else float(load), None if width is None else float(width))


def frr_interval(good_scores: np.ndarray, threshold: float, level: float = INTERVAL_LEVEL) -> tuple[float, float]:
    """Clopper-Pearson interval of the share of good parts at or above ``threshold``, from the
    calibration goods (k of n above): what the site's false-reject rate may be, at ``level``."""
    from scipy.stats import beta

    g = np.asarray(good_scores, dtype=np.float64)
    n, k = int(g.size), int((g >= threshold).sum())
    a = (1.0 - level) / 2.0
    lo = 0.0 if k == 0 else float(beta.ppf(a, k, n - k + 1))
    hi = 1.0 if k == n else float(beta.ppf(1.0 - a, k + 1, n - k))
    return lo, hi


def threshold_interval(good_scores: np.ndarray, target_frr: float, level: float = INTERVAL_LEVEL,
                       resamples: int = 400, seed: int = 0) -> tuple[float, float]:
    """Bootstrap interval of the false-reject threshold: where it could have landed with another
    draw of as many good images (raw score, at ``level``)."""
    g = np.asarray(good_scores, dtype=np.float64)
    rng = np.random.default_rng(seed)
    values = [threshold_for_frr(g[rng.integers(0, g.size, g.size)], target_frr).value for _ in range(resamples)]
    a = (1.0 - level) / 2.0
    return float(np.quantile(values, a)), float(np.quantile(values, 1.0 - a))


def threshold_facts(good_scores: np.ndarray, decision: Decision, target_frr: float,
                    review_load: float | None, review_width: float | None = None) -> dict:
    """What the manifest keeps beside the threshold: the calibration goods' share at or above
    it with its interval, the threshold's own interval, the REVIEW band's edge and load."""
    g = np.asarray(good_scores, dtype=np.float64)
    out: dict = {"review_load": review_load, "interval_level": INTERVAL_LEVEL}
    if g.size < 2:
        return out
    t = decision.threshold
    out["calibration_frr"] = round(float((g >= t).mean()), 5)
    out["frr_interval"] = [round(v, 5) for v in frr_interval(g, t)]
    out["threshold_interval"] = [round(v, 4) for v in threshold_interval(g, target_frr)]
    if decision.review_from is not None:
        out["review_from"] = decision.review_from
        out["review_width"] = review_width if review_width is not None else t - decision.review_from
        out["expected_review_load"] = round(float(((g >= decision.review_from) & (g < t)).mean()), 5)
    return out


def refresh_threshold_facts(threshold_doc: dict, good_scores: np.ndarray, decision: Decision) -> None:
    """Bring a manifest's threshold section's facts (``threshold_facts``) up to ``decision``, in
    place, keeping the calibrated REVIEW width; a section from before those facts is left as it is."""
    if "review_load" in threshold_doc:
        threshold_doc.update(threshold_facts(good_scores, decision, float(threshold_doc["target_frr"]),
                                             threshold_doc["review_load"], threshold_doc.get("review_width")))


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
