"""The settings of a training (``TrainConfig``): what ``station train`` and the New category
dialog choose, what a rebuild reads back from a manifest and what tuning varies."""

from __future__ import annotations

from dataclasses import dataclass

from engine.backbones import DEFAULT_BACKBONE, DEFAULT_LAYERS
from engine.judging.calibration import DEFAULT_REVIEW_LOAD, DEFAULT_REVIEW_MARGIN, DEFAULT_TARGET_FRR


@dataclass(frozen=True)
class TrainConfig:
    backbone: str = DEFAULT_BACKBONE
    weights: str | None = None
    layers: tuple[int, ...] = DEFAULT_LAYERS
    image_size: int = 384
    """Side of the square with the backbone input's area; the aspect follows the images."""
    coreset_ratio: float = 0.01
    max_patches: int = 300_000
    projection_dim: int = 64
    holdout_fraction: float = 0.15
    target_frr: float = DEFAULT_TARGET_FRR
    review_margin: float = DEFAULT_REVIEW_MARGIN
    """The older REVIEW band's half-width around the threshold (normalised), when ``review_load`` is None."""
    review_load: float | None = DEFAULT_REVIEW_LOAD
    """Share of good parts the REVIEW band below the threshold takes (``engine.judging.calibration``)."""
    threshold_method: str = "frr"
    """"frr": from held-out goods at ``target_frr``; "f1": F1-optimal (needs defect images)."""
    blur_sigma: float = 4.0
    map_neighbours: int = 3
    """k: the map draws each cell's mean distance to its k nearest bank patches (1: the nearest
    alone, as before engine 0.4); the image score is always the nearest's distance."""
    map_guide_radius: int = 16
    """Input pixels: the map also follows the judged image's edges within this radius, so a
    pinhole's peak lands on it (``engine.patchcore.map_guide``); 0: off, as before."""
    map_fill_sigma: float = 48.0
    """Input pixels: each map pixel drawn at least as warm as the map's Gaussian mean over this
    sigma, so a defect that is a whole region fills in; the peak never moves
    (``engine.patchcore.map_fill``); 0: off, as before engine 0.4.2."""
    batch_size: int = 8
    seed: int = 0
    selftest_per_image: int = 2
    """Synthetic defects painted on each held-out good image for the self-test (0: no self-test)."""
    max_synthetic_miss: float | None = None
    """Threshold policy: when set, lower the threshold until at most this share of the synthetic
    defects pass (never raise it above the false-reject threshold)."""
    train_classifier: bool = False
    """Also fine-tune the per-category defect classifier (for Grad-CAM++); about a minute."""
    classifier_epochs: int = 4
    calibration: str = "kfold"
    """"kfold": the threshold rests on the held-out goods' scores and on every training image
    scored against a bank built without its fold (``engine.training.kfold``); "holdout": on the held-out
    goods only (faster: no fold banks, no second pass over the images)."""
    calibration_folds: int = 2
    input_pad: int = 0
    """Reflect-pad the backbone input by this many pixels (a multiple of 16) and crop the features
    back, so border patches see mirrored part rather than zero padding (see README, border effect)."""
    patch_size: int = 3
    """Cells of the feature grid averaged around each patch (odd; the paper's p = 3). 5 was
    tried on both shared sets and lost (see README, *Textured parts*); kept as a setting."""
    photometric: str = "auto"
    """"none", "standardise" (each image's grey level to a fixed mean and spread before the
    backbone) or "auto": standardise when the good images' brightness varies from image to image
    (``engine.training.adaptations``); the measure is kept in the manifest."""
    score_margin: int | None = None
    """Grid cells at the edge left out of the image score; None: chosen from the held-out goods
    (1 when their largest patch lies on the outer ring far more often than chance, else 0)."""
    classifier_trunk_stages: int = 5
    """Classifier stages kept frozen (5: the last two stages are fine-tuned)."""
    map_stages: tuple[int, ...] | None = None
    """Also draw the anomaly map from these leading stages of ``layers`` against a bank of their
    own (``patchcore.model.MapView``), e.g. (2, 3) under layers (2, 3, 4): the map is the geometric
    mean of both views, the verdict stays the full view's. None: the first stage of ``layers``
    when there are two or more and the feature graph keeps each stage's channels (engine 0.4.3;
    before, none); (): the map from ``layers`` alone."""
    map_view_share: float | None = None
    """Share of each image's cells, its warmest, the map's second view is searched for (grown as
    far as its placement reads; ``MapView.share``); 1.0: every cell, as engine 0.4.1-0.4.2 did. None: 0.1 for the
    default view (``map_stages`` None), 1.0 for stages asked for, whose full view may be too
    coarse to say where the map is warm (stages 2-4: README, issue 9)."""
    reuse_graph: bool = True
    """Copy the feature graph from a model of the same backbone, size, padding, photometric
    step and patch size in the models folder instead of building it again
    (``engine.patchcore.graph_reuse``)."""
