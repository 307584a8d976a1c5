"""Training, stage 3: the threshold, from good images the bank never saw, with the self-test.

Scores come from the k-fold banks (every training image against a bank built without it), the
held-out goods, the synthetic defects painted on those goods (the self-test) and, when given,
known defects. The threshold holds the target false-reject rate on the good scores, unless the
user asked for a miss-rate cap on the synthetic defects or the F1 optimum on known defects.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from engine.judging.calibration import Threshold, f1_optimal_threshold, make_decision, threshold_for_frr
from engine.explain.measures import mean_lab
from engine.explain.surrogate import check_pairs
from engine.imaging import resize_to
from engine.training.kfold import fold_scores as kfold_scores
from engine.patchcore.coreset import Cancelled
from engine.training.selftest import SelfTestCollector, threshold_for_miss_cap
from engine.synth import learn_part_mask
from engine.training.config import TrainConfig
from engine.types import Decision
from engine.training.features import FeaturePass, load_all


class CalibrationError(RuntimeError):
    """The threshold cannot be set as asked; the message says why (raised as a TrainingError)."""


@dataclass(frozen=True)
class ThresholdChoice:
    """The model's threshold and how it was reached."""

    frr: Threshold
    """The threshold for the target false-reject rate on the good scores."""
    method: str
    value: float
    f1_optimal: float | None
    miss_cap: float | None


@dataclass
class Calibration:
    """What stage 3 leaves for the manifest and the model folder; scores are float64."""

    good_scores: np.ndarray
    """Held-out goods first, then the k-fold scores (``fold_scores``)."""
    fold_scores: np.ndarray
    defect_scores: np.ndarray | None
    synth_scores: np.ndarray
    choice: ThresholdChoice
    decision: Decision
    self_test: dict
    pairs: tuple | None
    """The WHY surrogate's (measures, scores), or None when too few (no WHY tab)."""
    collector: SelfTestCollector
    part: object
    """The learnt part mask (``engine.synth.part_mask.PartMask``)."""
    good_lab: np.ndarray
    """Mean CIELAB colour of the good parts, (3,)."""
    classifier_defect_bases: list[np.ndarray]
    """Held-out goods resized to the input size, for the classifier's synthetic defects."""


def choose_threshold(good: np.ndarray, defects: np.ndarray | None, synth: np.ndarray,
                     config: TrainConfig) -> ThresholdChoice:
    """The FRR-target threshold, lowered by the miss-rate cap or replaced by the F1 optimum when asked."""
    thr = threshold_for_frr(good, config.target_frr)
    f1_thr = f1_optimal_threshold(good, defects)[0] if defects is not None and defects.size else None
    method, value, cap_thr = thr.method, thr.value, None
    if config.max_synthetic_miss is not None:
        if synth.size == 0:
            raise CalibrationError("the miss-rate cap needs the self-test (synthetic defects per image > 0)")
        cap_thr = threshold_for_miss_cap(synth, config.max_synthetic_miss)
        if cap_thr < value:
            method, value = f"{thr.method}+miss-cap", cap_thr
    if config.threshold_method == "f1":
        if f1_thr is None:
            raise CalibrationError("threshold method 'f1' needs defect images (--defects DIR)")
        method, value = "f1", f1_thr
    return ThresholdChoice(frr=thr, method=method, value=value, f1_optimal=f1_thr, miss_cap=cap_thr)


def calibrate(model, feats: FeaturePass, held: list[tuple[Path, np.ndarray]], probed: dict[int, tuple],
              banks_by_fold: list, defect_images: Sequence[Path], kfold: bool, config: TrainConfig,
              skipped: list[str], report: Callable[[str, int, int], None],
              cancelled: Callable[[], bool]) -> Calibration:
    """Score, paint the self-test, and choose the threshold.

    ``model``: the PatchCore with its score margin; ``held``: the held-out goods (emptied here to
    free them); ``probed``: the border probe's (embedding, distances...) by index into ``held``,
    reused instead of embedding again. The k-fold scores come first so that their kept
    embeddings (``feats.kept``) are freed before the self-test."""
    fold_scores = np.zeros(0)
    if kfold:
        fold_scores = kfold_scores(feats.embedded, banks_by_fold, model.embedder, model.config, skipped,
                                   lambda d_, n_: report("calibration", d_, n_), cancelled, feats.kept)
    feats.kept.close()
    banks_by_fold.clear()
    part = learn_part_mask(feats.mask_images, feats.mask_shapes)
    good_lab = np.mean([mean_lab(im, part.at(im.shape[:2])) for im in feats.mask_images], axis=0)
    collector = SelfTestCollector(part, config.selftest_per_image, config.seed, good_lab=good_lab)
    bases: list[np.ndarray] = []

    def judge(im: np.ndarray, probe: tuple[np.ndarray, ...] | None = None) -> tuple[float, np.ndarray, np.ndarray]:
        # scored by the border probe already, when given; only the image score depends on the margin
        small = resize_to(im, model.config.input_size)  # embedded and guiding the map alike, resized once
        s = model.scored(model.embed([small])) if probe is None else model.scored_from(*probe)
        return float(s.scores[0]), model.anomaly_map(s.cells[0], im.shape[:2], int(s.score_cells[0]), small), s.cells[0]

    def score(items: list[tuple[Path, np.ndarray]], held_out: bool = False) -> np.ndarray:
        out = []
        for k, (p, im) in enumerate(items):
            if cancelled():
                raise Cancelled()
            judged = judge(im, probed.pop(k, None) if held_out else None)
            out.append(judged[0])
            if held_out and config.selftest_per_image > 0:
                collector.add(p.name, im, judge, judged)
            if held_out and config.train_classifier:
                bases.append(resize_to(im, model.config.input_size))
            report("calibration", k + 1, len(items))
        return np.asarray(out, dtype=np.float64)

    good = score(held, held_out=True)
    held.clear()
    if good.size == 0:
        raise CalibrationError("no held-out good image could be read for calibration")
    if kfold:
        good = np.concatenate([good, fold_scores])
    defects = score(load_all(defect_images, skipped)) if defect_images else None
    synth = np.asarray(collector.scores, np.float64)
    choice = choose_threshold(good, defects, synth, config)
    decision = make_decision(choice.value, good, config.review_margin, config.review_load)
    self_test = collector.summary(decision.threshold, good)
    pairs = None
    if synth.size:
        self_test["at_frr_threshold"] = {"threshold": choice.frr.value,
                                         "miss_rate": round(float((synth < choice.frr.value).mean()), 4)}
        try:
            pairs = check_pairs(*collector.surrogate_pairs(decision.threshold))
        except ValueError:  # too few pairs: no WHY tab for this model
            pairs = None
    return Calibration(good_scores=good, fold_scores=fold_scores, defect_scores=defects, synth_scores=synth,
                       choice=choice, decision=decision, self_test=self_test, pairs=pairs, collector=collector,
                       part=part, good_lab=good_lab, classifier_defect_bases=bases)
