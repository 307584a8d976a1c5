"""Typed records that leave the engine. Importing this module does not import torch."""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np


class Verdict(str, enum.Enum):
    """The decision for one part. ERROR is never a PASS: it means nothing was judged."""

    PASS = "PASS"
    FAIL = "FAIL"
    REVIEW = "REVIEW"
    ERROR = "ERROR"


@dataclass(frozen=True)
class Timing:
    """Milliseconds spent in each stage of one inspection."""

    load_ms: float = 0.0
    preprocess_ms: float = 0.0
    features_ms: float = 0.0
    search_ms: float = 0.0
    map_ms: float = 0.0
    total_ms: float = 0.0


@dataclass(frozen=True)
class Decision:
    """How a raw score becomes a verdict (see ``engine.judging.calibration``)."""

    threshold: float
    """Raw score at which a part stops being good; maps to normalised 0.5."""
    scale: float
    """Raw-score distance from the median good score to the threshold (> 0)."""
    review_margin: float = 0.05
    """Half-width of the REVIEW band on the normalised scale, around 0.5 (when ``review_from`` is None)."""
    review_from: float | None = None
    """Raw score from which a part is REVIEW, up to the threshold (FAIL at and above it): the band
    the good scores' quantiles set (``engine.judging.calibration.review_edge``)."""

    def normalise(self, raw: float) -> float:
        """Map a raw score to [0, 1]: median good -> 0, threshold -> 0.5."""
        return float(np.clip(0.5 + (raw - self.threshold) / (2.0 * self.scale), 0.0, 1.0))

    @property
    def review_start(self) -> float:
        """Raw score at which REVIEW begins."""
        return self.review_from if self.review_from is not None else self.threshold - 2 * self.scale * self.review_margin

    def verdict(self, raw: float) -> Verdict:
        if self.review_from is not None:
            return Verdict.FAIL if raw >= self.threshold else Verdict.REVIEW if raw >= self.review_from else Verdict.PASS
        n = self.normalise(raw)
        if n < 0.5 - self.review_margin:
            return Verdict.PASS
        if n >= 0.5 + self.review_margin:
            return Verdict.FAIL
        return Verdict.REVIEW


@dataclass(frozen=True)
class ModelInfo:
    """Facts about one trained category model, as read from its manifest."""

    category: str
    model_id: str
    backbone: str
    weights_sha256: str
    layers: tuple[int, ...]
    input_size: tuple[int, int]
    """(height, width) in pixels fed to the backbone."""
    feature_dim: int
    memory_bank_size: int
    coreset_ratio: float
    train_images: int
    calibration_images: int
    """Good scores the threshold rests on: the held-out images plus, with k-fold calibration,
    every training image scored against a bank built without its fold (``fold_scored``)."""
    threshold: float
    threshold_method: str
    target_frr: float
    f1_threshold: float | None
    review_margin: float
    created: str
    engine_version: str
    good_score_quantiles: dict[str, float] = field(default_factory=dict)
    part_mask: dict[str, Any] = field(default_factory=dict)
    """How the part mask was decided (method, reason, area share); the pixels are in part_mask.png."""
    self_test: dict[str, Any] = field(default_factory=dict)
    """The model on its own synthetic defects: detection and miss rate at the threshold, image
    and pixel AUROC, per kind."""
    classifier: dict[str, Any] | None = None
    """Facts of the fine-tuned defect classifier, or None when it was not trained."""
    version: str = ""
    """The version in its category folder (``v1``, ``v2``, ...); "" for a folder from before versions."""
    version_kind: str = ""
    """How the version was made: train, rebuild or extend."""
    fold_scored: int = 0
    """Training images among ``calibration_images`` (k-fold calibration; 0 for held-out only)."""
    adaptations: dict[str, Any] = field(default_factory=dict)
    """What training chose for these parts from their good images: ``photometric`` (none or
    standardise) with ``lighting_variation``, ``score_margin`` with the ring shares behind it."""
    review_load: float | None = None
    """Share of good parts the REVIEW band takes below the threshold; None: the older band of
    ``review_margin`` around it."""
    known_defects: dict[str, Any] | None = None
    """What the version learnt from confirmed defects (``Proposal.facts``), or None."""
    uncertainty: dict[str, Any] = field(default_factory=dict)
    """``engine.judging.calibration.threshold_facts``: the calibration goods rejected with their interval,
    the threshold's interval, the REVIEW band's edge and expected load."""
    map_stages: tuple[int, ...] = ()
    """The first stages the map also draws from against a bank of their own (``--map-stages``);
    empty when the map comes from ``layers`` alone."""

    @property
    def held_out_images(self) -> int:
        """Good images kept out of training for calibration and the self-test."""
        return self.calibration_images - self.fold_scored

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, eq=False)
class InspectionResult:
    """Everything the engine says about one image.

    On error ``verdict`` is ERROR, ``error`` names what was wrong, and the numeric fields
    are None.
    """

    source: str
    verdict: Verdict
    score: float | None = None
    """Raw PatchCore score (distance in feature space; larger = more anomalous)."""
    normalised_score: float | None = None
    """Score on [0, 1] with the threshold at 0.5."""
    threshold: float | None = None
    category: str = ""
    model_id: str = ""
    anomaly_map: np.ndarray | None = None
    """float32 (H, W) raw patch scores, upsampled to the image and smoothed."""
    patch_scores: np.ndarray | None = None
    """float32 (h, w) scores on the feature grid, before upsampling: what the map draws (each
    patch's mean distance to its ``map_neighbours`` nearest bank patches; the score is the largest
    nearest-patch distance, so it can differ from this grid's maximum)."""
    image: np.ndarray | None = None
    """uint8 (H, W, 3) RGB image as judged (after EXIF rotation), if asked for."""
    image_size: tuple[int, int] | None = None
    """(height, width) of the source image in pixels."""
    embedding: np.ndarray | None = None
    """float32 (2D,) unit vector describing the whole image (for finding similar inspections)."""
    known_defect_score: float | None = None
    """The part's likeness to confirmed defects over its threshold (``engine.judging.known_defects``;
    >= 1 FAILs a part in the REVIEW band); None when the model has learnt none or the part is
    not in the REVIEW band (it cannot change the verdict there, so it is not computed)."""
    timing: Timing = field(default_factory=Timing)
    error: str | None = None
    error_cause: str | None = None
    """Whose fault an ERROR is: "input" (the image: unreadable, empty, too small...) or "station"
    (the engine or the machine: out of memory, a runtime fault); a station's ERROR can be retried."""

    @property
    def ok(self) -> bool:
        return self.verdict is not Verdict.ERROR

    def to_json_dict(self) -> dict[str, Any]:
        """A JSON-ready summary: no arrays, the map reduced to its peak."""
        out: dict[str, Any] = {
            "source": self.source,
            "verdict": self.verdict.value,
            "score": self.score,
            "normalised_score": self.normalised_score,
            "threshold": self.threshold,
            "known_defect_score": self.known_defect_score,
            "category": self.category,
            "model_id": self.model_id,
            "image_size": list(self.image_size) if self.image_size else None,
            "timing_ms": asdict(self.timing),
        }
        if self.anomaly_map is not None:
            y, x = np.unravel_index(int(np.argmax(self.anomaly_map)), self.anomaly_map.shape)
            out["map_peak"] = {"x": int(x), "y": int(y), "value": float(self.anomaly_map[y, x])}
        if self.error is not None:
            out["error"] = self.error
            out["error_cause"] = self.error_cause
        return out


def error_result(source: str, message: str, category: str = "", model_id: str = "",
                 cause: str = "input") -> InspectionResult:
    """An ERROR result that names what was wrong; ``cause``: "input" or "station"."""
    return InspectionResult(
        source=source, verdict=Verdict.ERROR, category=category, model_id=model_id, error=message,
        error_cause=cause,
    )


class BackboneError(RuntimeError):
    """A backbone that cannot be built or whose weights are missing or wrong; the message says which."""
