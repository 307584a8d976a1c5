"""Learning from confirmed defects: a threshold proposed from them, and a bank of their patches.

Technicians confirm real defects in the review (D) and register master defects. Once a category
has some, two things use them:

- **A threshold proposal.** Among the good scores' quantiles for false-reject rates from the
  target to twice the target, the highest threshold that still catches as many confirmed
  defects as the lowest one does (never above the target's own threshold: the site asked for that
  rate). Catches and the predicted false-reject rate are previewed before anything changes.
- **The known-defect score.** The hottest ``HOT_PATCHES`` patches of each confirmed defect make a
  small bank. A judged part's known-defect score is the largest, over the score window, of a
  patch's distance to the good patches divided by its distance to the nearest known-defect
  patch: high where a patch is both unlike the good parts and like a defect seen before. Its
  threshold rests on the held-out goods (their quantile for half the target rate). A REVIEW part
  at or above it FAILs: the rule only settles the grey zone, so a good part must both score in
  the REVIEW band and look like a confirmed defect to be rejected by it, and it is computed for
  REVIEW parts only. Allowed on every part (not only the band), it doubled the false rejects (a
  prototype on magnetic tile with 400 training goods: 4.5 % for 50 % caught).

Measured by ``benchmarks/bench_verdicts.py`` (README, *Catching defects at the station's threshold*).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from engine.judging.calibration import frr_interval, threshold_for_frr
from engine.patchcore.model import score_window
from engine.patchcore.peak_search import PeakSearch

KNOWN_DEFECTS_FILE = "known_defects.npy"
HOT_PATCHES = 16
"""Patches taken from each confirmed defect: its hottest cells (16 and 32 measured alike on tile)."""
PROPOSAL_SPAN = (1.0, 1.25, 1.5, 1.75, 2.0)
"""Multiples of the target false-reject rate the proposal's thresholds are taken at."""
MIN_CONFIRMED = 3
MIN_GAIN = 2
"""The known-defect score is kept only when it FAILs at least this many more confirmed defects
(each against the others' patches) than the threshold alone: where it adds nothing (bottle,
whose defects all FAIL already) it could only add false rejects."""


def hot_patches(emb: np.ndarray, cells: np.ndarray, margin: int, floor: float, top: int = HOT_PATCHES) -> np.ndarray:
    """Embeddings (h, w, D) and map cells (h, w) of one defect -> its hottest patches (at most
    ``top``, D) inside the score window whose cell is at least ``floor`` (the median good part's
    score: hotter than a typical good part's hottest patch, so no sound patch joins the bank)."""
    ys, xs = score_window(cells.shape[0], cells.shape[1], margin)
    window = cells[ys, xs].ravel()
    vectors = emb[ys, xs].reshape(window.size, -1)
    pick = np.argsort(window)[-min(top, window.size):]
    pick = pick[window[pick] >= floor]
    return np.ascontiguousarray(vectors[pick], dtype=np.float32)


def known_defect_ratio(emb: np.ndarray, cells: np.ndarray, bank: np.ndarray | PeakSearch, margin: int) -> float:
    """The known-defect score of one part: embeddings (h, w, D), map cells (h, w) -> the largest
    over the score window of cell / (distance to the nearest known-defect patch); ``bank``: the
    patches (M, D), or a ``PeakSearch`` over them made once."""
    ys, xs = score_window(cells.shape[0], cells.shape[1], margin)
    c = cells[ys, xs].ravel().astype(np.float32)
    x = np.ascontiguousarray(emb[ys, xs].reshape(c.size, -1), dtype=np.float32)
    d = (bank if isinstance(bank, PeakSearch) else PeakSearch(bank)).nearest(x)[0]
    eps = 1e-3 * float(c.mean()) + 1e-9
    return float(np.max(c / (d + eps)))


@dataclass(frozen=True)
class KnownDefects:
    """The bank of confirmed defects' patches (M, D) float32 and the threshold on its score."""

    bank: np.ndarray
    threshold: float
    margin: int
    search: PeakSearch = field(init=False, repr=False, compare=False)
    """The bank's nearest-patch search, its norms computed once (not per judgement)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "search", PeakSearch(self.bank))

    def score(self, emb: np.ndarray, cells: np.ndarray) -> float:
        """Known-defect score over the threshold (>= 1: a REVIEW part FAILs) for embeddings (h, w, D)
        and cells (h, w)."""
        return known_defect_ratio(emb, cells, self.search, self.margin) / self.threshold


@dataclass(frozen=True)
class Judged:
    """One image as the proposal needs it: anomaly score, embeddings (h, w, D) and cells (h, w)."""

    path: str
    score: float
    emb: np.ndarray
    cells: np.ndarray


@dataclass(frozen=True)
class Proposal:
    """What learning from ``confirmed`` defects would change; nothing is saved until ``save_learned``."""

    confirmed: int
    skipped: list[str]
    current_threshold: float
    threshold: float
    """The proposed anomaly threshold."""
    rows: list[dict]
    """Per candidate threshold (each lower than the one before): frr_multiple, threshold,
    predicted_frr, caught (confirmed defects)."""
    caught_now: int
    """Confirmed defects at or above the current threshold."""
    caught: int
    """Confirmed defects the proposal FAILs: over the anomaly threshold, or in the REVIEW band and
    over the known-defect threshold (each defect's own patches left out of the bank it meets)."""
    predicted_frr: float
    """Calibration goods over the proposed threshold plus held-out goods in its REVIEW band and
    over the known-defect threshold."""
    frr_interval: tuple[float, float]
    known: KnownDefects | None
    """None when the held-out goods are not on disk (the threshold proposal alone)."""
    known_frr: float | None = None
    held_out_goods: int = 0

    def facts(self) -> dict:
        """The manifest's ``known_defects`` section."""
        return {"confirmed": self.confirmed, "threshold_before": self.current_threshold, "threshold": self.threshold,
                "caught_before": self.caught_now, "caught": self.caught, "predicted_frr": round(self.predicted_frr, 5),
                "frr_interval": [round(v, 5) for v in self.frr_interval], "held_out_goods": self.held_out_goods,
                "known_threshold": None if self.known is None else self.known.threshold,
                "known_frr": self.known_frr, "bank_patches": 0 if self.known is None else int(len(self.known.bank)),
                "hot_patches": HOT_PATCHES, "rows": self.rows}


def _loo_ratios(defects: list[Judged], margin: int, floor: float) -> np.ndarray:
    """Each confirmed defect's known-defect ratio against the others' patches (its own left out)."""
    patches = [hot_patches(d.emb, d.cells, margin, floor) for d in defects]
    out = []
    for i, d in enumerate(defects):
        others = [p for j, p in enumerate(patches) if j != i and len(p)]
        out.append(known_defect_ratio(d.emb, d.cells, np.concatenate(others), margin) if others else 0.0)
    return np.asarray(out)


def propose(good_scores: np.ndarray, current: float, target_frr: float, defects: list[Judged],
            held_goods: list[Judged], margin: int, review_from: Callable[[float], float],
            skipped: Sequence[str] = ()) -> Proposal:
    """The proposal from the model's calibration ``good_scores``, its threshold ``current``, the
    judged confirmed ``defects`` and held-out goods (``held_goods``; may be empty);
    ``review_from(threshold)``: where the REVIEW band starts below a threshold."""
    if len(defects) < MIN_CONFIRMED:
        raise ValueError(f"learning needs at least {MIN_CONFIRMED} readable confirmed defects, got {len(defects)}")
    g = np.asarray(good_scores, np.float64)
    s = np.asarray([d.score for d in defects])
    known, loo, held_r = None, np.zeros(len(defects), bool), np.zeros(0)
    held_s = np.asarray([h.score for h in held_goods])
    floor = float(np.median(g))
    bank = np.concatenate([hot_patches(d.emb, d.cells, margin, floor) for d in defects])
    if len(held_goods) >= 2 and len(bank):
        search = PeakSearch(bank)
        held_r = np.asarray([known_defect_ratio(h.emb, h.cells, search, margin) for h in held_goods])
        t_r = threshold_for_frr(held_r, target_frr / 2).value
        known = KnownDefects(bank=bank, threshold=float(t_r), margin=margin)
        loo = _loo_ratios(defects, margin, floor) >= t_r
    rows = []
    for k in PROPOSAL_SPAN:
        t = min(threshold_for_frr(g, target_frr * k).value, current) if k > 1 else current
        if rows and t >= rows[-1]["threshold"]:
            continue  # too few goods to tell these rates apart: one row for them
        edge = review_from(t)
        by_known = float(((held_s >= edge) & (held_s < t) & (held_r >= known.threshold)).mean()) if known else 0.0
        rows.append({"frr_multiple": k, "threshold": float(t), "review_from": float(edge),
                     "predicted_frr": round(float((g >= t).mean()), 5), "known_frr": round(by_known, 5),
                     "caught": int(((s >= t) | ((s >= edge) & loo)).sum()), "caught_by_threshold": int((s >= t).sum())})
    if known is not None and max(r["caught"] - r["caught_by_threshold"] for r in rows) < MIN_GAIN:
        known = None  # it adds nothing measurable here
        for r in rows:
            r.update(caught=r["caught_by_threshold"], known_frr=0.0)
    best = max(r["caught"] for r in rows)
    chosen = next(r for r in rows if r["caught"] == best)  # the highest threshold with the most catches
    t, known_frr = chosen["threshold"], chosen["known_frr"]
    lo, hi = frr_interval(g, t)
    return Proposal(confirmed=len(defects), skipped=list(skipped), current_threshold=float(current), threshold=t,
                    rows=rows, caught_now=int((s >= current).sum()), caught=chosen["caught"],
                    predicted_frr=chosen["predicted_frr"] + known_frr, frr_interval=(lo, min(1.0, hi + known_frr)),
                    known=known, known_frr=None if known is None else round(known_frr, 5),
                    held_out_goods=len(held_goods))


def judge_for_learning(inspector, paths: Sequence[str | Path], skipped: list[str],
                       should_cancel: Callable[[], bool] | None = None) -> list[Judged]:
    """Judge ``paths`` with ``inspector``'s model, keeping what the proposal needs; unreadable
    images go to ``skipped`` with the reason."""
    from engine.imaging import load_image

    out = []
    for p in paths:
        if should_cancel and should_cancel():
            break
        try:
            image = load_image(p)
        except Exception as exc:  # a bad file is named and left out, the rest go on
            skipped.append(f"{p}: {exc}")
            continue
        prepared = inspector.prepare(image)
        scored, _ = inspector.search(prepared)
        out.append(Judged(str(p), float(scored.scores[0]), prepared.emb[0].astype(np.float32), scored.cells[0]))
    return out


def review_start_for(inspector) -> Callable[[float], float]:
    """threshold -> where the REVIEW band starts below it, for ``inspector``'s model."""
    from engine.judging.calibration import decision_for

    goods, doc = inspector.stored.good_scores, inspector.stored.manifest["threshold"]
    return lambda t: decision_for(doc, goods, t).review_start


def proposal_for(inspector, defect_paths: Sequence[str | Path],
                 should_cancel: Callable[[], bool] | None = None) -> Proposal:
    """Judge the confirmed defects and the model's held-out goods (those still on disk) and
    propose; raises ValueError when too few defects can be read."""
    m = inspector.stored.manifest
    skipped: list[str] = []
    defects = judge_for_learning(inspector, defect_paths, skipped, should_cancel)
    held_paths = [p for p in m["training"].get("holdout_images", []) if Path(p).is_file()]
    held = judge_for_learning(inspector, held_paths, skipped, should_cancel)
    return propose(inspector.stored.good_scores, inspector.decision.threshold, float(m["threshold"]["target_frr"]),
                   defects, held, inspector.model.config.score_margin, review_start_for(inspector), skipped)
