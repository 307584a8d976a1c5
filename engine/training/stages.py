"""Training a category from good images: features, coreset memory bank, threshold, save.

Memory stays bounded: at most ``max_patches`` candidate patches (and 1 GB) are kept, drawn
evenly from every training image, however many images there are.
"""

from __future__ import annotations

import math
import os
import shutil
import time
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Sequence

import numpy as np
from PIL import Image

from engine import ENGINE_VERSION
from engine.training.adaptations import choose_photometric
from engine.judging.calibration import score_quantiles, threshold_facts
from engine.explain.measures import MEASURES
from engine.explain.surrogate import SURROGATE_FILE, save_pairs
from engine.imaging import is_image_path
from engine.training.kfold import fold_banks, folds_possible
from engine.patchcore.border import choose_score_margin, map_ring_for
from engine.patchcore.coreset import Cancelled, greedy_coreset
from engine.patchcore.extractor import training_extractor
from engine.patchcore.knn import NearestNeighbourIndex
from engine.patchcore.model import MapView, PatchCore, PatchCoreConfig
from engine.patchcore.stored_graph import GRAPH_FILE
from engine.training.selftest import plot_tradeoff
from engine.model_store.store import (GALLERY_FILE, MAP_VIEW_FILE, PART_MASK_FILE, SYNTH_SCORES_FILE, TRADEOFF_FILE,
                          TRAIN_EMBEDDINGS_FILE, check_category_name, model_info, new_model_id, read_manifest)
from engine.synth import gallery_png
from engine.training.config import TrainConfig
from engine.training.calibration import Calibration, CalibrationError, calibrate
from engine.training.features import CLASSIFIER_MAX_GOODS, FeaturePass, feature_pass, load_all
from engine.training.view import fit_map_view, resolved_map_view
from engine.types import ModelInfo
from engine.model_store.versions import IMAGE_LIST_FILE, image_list_writer, save_model

__all__ = ["CLASSIFIER_MAX_GOODS", "Progress", "TrainConfig", "TrainReport", "TrainingCancelled", "TrainingError",
           "choose_input_size", "list_images", "release_freed_memory", "train_category"]

Progress = Callable[[str, int, int], None]
"""progress(stage, done, total); stages: features, coreset, calibration (with the self-test), classifier, saving."""


class TrainingError(RuntimeError):
    """Training could not produce a model; the message says why."""


TrainingCancelled = Cancelled


@dataclass(frozen=True)
class TrainReport:
    info: ModelInfo
    folder: Path
    skipped: list[str] = field(default_factory=list)
    """One line per unusable image, naming the file and the problem."""
    seconds: dict[str, float] = field(default_factory=dict)


def list_images(folder: str | os.PathLike[str]) -> list[Path]:
    """Image files under ``folder`` (recursive), sorted."""
    root = Path(folder)
    if not root.is_dir():
        raise TrainingError(f"{root}: not a folder")
    return sorted(p for p in root.rglob("*") if p.is_file() and is_image_path(p))


def choose_input_size(paths: Sequence[Path], side: int) -> tuple[int, int]:
    """(h, w), multiples of 32 with about side^2 pixels, following the images' median aspect."""
    aspects = []
    for p in paths[:200]:
        try:
            with Image.open(p) as im:
                aspects.append(im.size[1] / im.size[0])
        except Exception:
            continue
    a = float(np.clip(np.median(aspects) if aspects else 1.0, 0.25, 4.0))
    h = max(64, int(round(side * math.sqrt(a) / 32)) * 32)
    w = max(64, int(round(side / math.sqrt(a) / 32)) * 32)
    return h, w


BORDER_PROBE_IMAGES = 48
"""Held-out good images the border effect is measured on."""


@dataclass
class _Bank:
    """Stage 2's result: the model with its score margin, and what calibration reuses."""

    model: PatchCore
    banks_by_fold: list
    """k-fold banks (empty without k-fold), emptied by calibration."""
    held: list[tuple[Path, np.ndarray]]
    """The held-out goods, decoded once."""
    probed: dict[int, tuple[np.ndarray, ...]]
    """The border probe's (embedding, distances...) by index into ``held``."""
    border: dict
    """How the score margin was chosen (``patchcore.border_effect`` in the manifest)."""


def _memory_bank(feats: FeaturePass, extractor, input_size: tuple[int, int], hold_paths: Sequence[Path],
                 kfold: bool, config: TrainConfig, skipped: list[str], report: Progress,
                 cancelled: Callable[[], bool], view_channels: int = 0) -> _Bank:
    """Stage 2: the greedy coreset bank (and the fold banks, and the map view's bank over the first
    ``view_channels`` channels when given), then the score margin measured on held-out goods: is
    the image score a border artefact? Frees ``feats``' candidates."""
    candidates, owner = feats.candidates, feats.owner
    feats.candidates = feats.owner = np.zeros(0)
    n_select = min(len(candidates), max(1, math.ceil(config.coreset_ratio * len(candidates))))
    idx = greedy_coreset(candidates, n_select, config.projection_dim, config.seed,
                         progress=lambda i, n: report("coreset", i, n), should_cancel=cancelled)
    bank = candidates[np.sort(idx)]
    banks_by_fold = fold_banks(candidates, owner, config.calibration_folds, len(bank), config.projection_dim,
                               config.seed, cancelled, lambda i, n: report("calibration", i, n)) if kfold else []
    view_bank = None
    if view_channels:
        report("coreset", 0, 1)
        vidx = greedy_coreset(np.ascontiguousarray(candidates[:, :view_channels]), n_select, config.projection_dim,
                              config.seed, should_cancel=cancelled)
        view_bank = MapView.bank_index(candidates[np.sort(vidx), :view_channels])
    del candidates, owner
    index = NearestNeighbourIndex.fit(bank)
    pc_cfg = PatchCoreConfig(input_size=input_size, blur_sigma=config.blur_sigma,
                             grid_offset=extractor.grid_offset, map_neighbours=config.map_neighbours,
                             map_guide_radius=config.map_guide_radius, map_fill_sigma=config.map_fill_sigma)
    model = PatchCore(extractor.embedder, index, pc_cfg)
    held = load_all(hold_paths, skipped)
    probed: dict[int, tuple[np.ndarray, ...]] = {}
    if config.score_margin is None or view_bank is not None:
        for k, (_, im) in enumerate(held[:BORDER_PROBE_IMAGES]):
            emb = model.embed([im])
            probed[k] = (emb, *model.search(emb))
    if config.score_margin is None:
        margin, border = choose_score_margin([patch[0] for _, patch, _, _ in probed.values()])
    else:
        margin, border = config.score_margin, {"score_margin": config.score_margin, "asked": True}
    pc_cfg = replace(pc_cfg, score_margin=margin, map_ring_clip=map_ring_for(margin))
    view = (fit_map_view(view_bank, view_channels, probed, pc_cfg, model.embedder, config.map_view_share)
            if view_bank is not None else None)
    return _Bank(model=PatchCore(extractor.embedder, index, pc_cfg, view), banks_by_fold=banks_by_fold, held=held,
                 probed=probed, border=border)


def train_category(
    category: str,
    good_images: Sequence[str | os.PathLike[str]],
    models_dir: str | os.PathLike[str],
    config: TrainConfig = TrainConfig(),
    defect_images: Sequence[str | os.PathLike[str]] = (),
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
    version: dict | None = None,
) -> TrainReport:
    """Learn ``category`` from good images and save it as a new version of ``models_dir/<category>``.

    ``version``: what the version is ({"kind": "rebuild", "note": ...}); earlier versions stay."""
    check_category_name(category)
    report = progress or (lambda stage, done, total: None)
    cancelled = should_cancel or (lambda: False)
    t_start = time.perf_counter()
    skipped: list[str] = []
    paths = [Path(p) for p in good_images]
    if len(paths) < 2:
        raise TrainingError(f"need at least 2 good images to train '{category}', got {len(paths)}")
    input_size = choose_input_size(paths, config.image_size)
    photometric, photometric_choice = choose_photometric(config.photometric, paths)
    # the graph the model will be judged with, exported first: features and calibration run on it
    # too (ONNX Runtime, about twice eager PyTorch's speed here), so training measures what judging does
    # (or the same graph copied from a model of the same settings: then torch is not even imported)
    extractor = training_extractor(config.backbone, config.weights, config.layers, models_dir, input_size,
                                   config.input_pad, photometric, reuse=config.reuse_graph,
                                   patch_size=config.patch_size)
    try:
        config, view_channels = resolved_map_view(config, extractor.backbone_facts.get("channels"))
    except ValueError as exc:
        raise TrainingError(str(exc)) from None
    rng = np.random.default_rng(config.seed)
    order = rng.permutation(len(paths))
    n_hold = min(len(paths) - 1, max(1, int(round(config.holdout_fraction * len(paths)))))
    hold_paths = [paths[i] for i in sorted(order[:n_hold])]
    train_paths = [paths[i] for i in sorted(order[n_hold:])]
    kfold = config.calibration == "kfold" and folds_possible(len(train_paths), config.calibration_folds)

    t0 = time.perf_counter()  # 1. patch features of the training images, a bounded random share of each
    feats = feature_pass(extractor.embedder, extractor.dim, input_size, train_paths, config, kfold, rng, skipped,
                         report, cancelled)
    if feats.used == 0:
        raise TrainingError(f"none of the {len(train_paths)} training images could be read: {skipped[:1]}")
    t1 = time.perf_counter()  # 2. greedy coreset memory bank, score margin
    bank = _memory_bank(feats, extractor, input_size, hold_paths, kfold, config, skipped, report, cancelled,
                        view_channels)
    t2 = time.perf_counter()  # 3. threshold from k-fold and held-out scores, with the self-test
    try:
        cal = calibrate(bank.model, feats, bank.held, bank.probed, bank.banks_by_fold,
                        [Path(p) for p in defect_images], kfold, config, skipped, report, cancelled)
    except CalibrationError as exc:
        raise TrainingError(str(exc)) from None
    t3 = time.perf_counter()  # 4. the defect classifier (optional): last stages fine-tuned on goods vs synthetic defects
    classifier, classifier_facts = None, None
    if config.train_classifier:
        classifier, classifier_facts = _defect_classifier(feats, cal, input_size, config, models_dir, report, cancelled)
    t4 = time.perf_counter()  # 5. manifest and atomic save

    report("saving", 0, 1)
    manifest = _manifest(category, config, extractor, input_size, photometric_choice, kfold, feats, bank, cal, paths,
                         hold_paths, skipped, classifier_facts, version, time.perf_counter() - t_start)
    extra = _model_files(category, config, paths, feats, cal, classifier, extractor.graph)
    if bank.model.map_view is not None:
        extra["map_view_bank"] = (MAP_VIEW_FILE, bank.model.map_view.index.save)
    folder = save_model(models_dir, manifest, bank.model.index.save, cal.good_scores, cal.defect_scores, extra)
    report("saving", 1, 1)
    info = model_info(read_manifest(folder))
    secs = {"features": t1 - t0, "coreset": t2 - t1, "calibration": t3 - t2, "classifier": t4 - t3,
            "total": time.perf_counter() - t_start}
    release_freed_memory()
    return TrainReport(info=info, folder=folder, skipped=skipped, seconds={k: round(v, 3) for k, v in secs.items()})


def _defect_classifier(feats: FeaturePass, cal: Calibration, input_size: tuple[int, int], config: TrainConfig,
                       models_dir, report: Progress, cancelled: Callable[[], bool]) -> tuple[object, dict]:
    """Stage 4: the classifier (torch) and its manifest facts; frees the goods kept for it."""
    from engine.classifier import ClassifierConfig, fit_category_classifier

    classifier, clf_sha, facts = fit_category_classifier(
        feats.classifier_goods, cal.classifier_defect_bases, cal.part, config.seed,
        ClassifierConfig(epochs=config.classifier_epochs, seed=config.seed, trunk_stages=config.classifier_trunk_stages),
        config.weights, models_dir, progress=lambda d_, n_: report("classifier", d_, n_), should_cancel=cancelled)
    from engine.backbones import DEFAULT_BACKBONE  # the classifier is always built on it

    facts.update({"backbone": DEFAULT_BACKBONE, "weights_sha256": clf_sha, "input_size": list(input_size)})
    feats.classifier_goods = []
    return classifier, facts


def _manifest(category: str, config: TrainConfig, extractor, input_size: tuple[int, int], photometric_choice: dict,
              kfold: bool, feats: FeaturePass, bank: _Bank, cal: Calibration, paths: list[Path],
              hold_paths: list[Path], skipped: list[str], classifier_facts: dict | None, version: dict | None,
              seconds: float) -> dict:
    """The model's ``manifest.json``."""
    created = datetime.now(timezone.utc)
    pc_cfg, choice, decision = bank.model.config, cal.choice, cal.decision
    manifest = {
        "category": category,
        "model_id": new_model_id(category, created),
        "created": created.isoformat(timespec="seconds"),
        "engine_version": ENGINE_VERSION,
        "backbone": extractor.backbone_facts,
        "input_size": list(input_size),
        "patchcore": {"coreset_ratio": config.coreset_ratio, "memory_bank_size": bank.model.index.size,
                      "candidate_patches": int(feats.used * feats.per_image), "projection_dim": config.projection_dim,
                      "feature_grid": list(feats.grid),
                      "blur_sigma": config.blur_sigma, "patch_size": extractor.key.patch_size,
                      "centred": extractor.key.centred, "grid_offset_px": list(pc_cfg.grid_offset),
                      "input_pad": extractor.key.input_pad, "photometric": extractor.key.photometric,
                      "graph_reused_from": extractor.reused_from,
                      "score_margin": pc_cfg.score_margin, "map_ring_clip": pc_cfg.map_ring_clip,
                      "map_neighbours": pc_cfg.map_neighbours,
                      "map_guide_radius": pc_cfg.map_guide_radius, "map_guide_eps": pc_cfg.map_guide_eps,
                      "map_fill_sigma": pc_cfg.map_fill_sigma,
                      "map_view": None if bank.model.map_view is None else {
                          "stages": list(config.map_stages), "channels": bank.model.map_view.channels,
                          "bank_size": bank.model.map_view.index.size, "scale": bank.model.map_view.scale,
                          "grid_offset_px": list(bank.model.map_view.grid_offset),
                          "share": bank.model.map_view.share, "cool_ratio": bank.model.map_view.cool_ratio},
                      "map_view_share": config.map_view_share,
                      "border_effect": bank.border,
                      "photometric_choice": photometric_choice},
        "part_mask": cal.part.facts(),
        "self_test": cal.self_test,
        "classifier": classifier_facts,
        "version": dict(version or {"kind": "train"}),
        "good_colour_lab": [round(float(v), 4) for v in cal.good_lab],
        "surrogate": None if cal.pairs is None else {"pairs": int(len(cal.pairs[1])), "measures": list(MEASURES),
                                                     "model": "GradientBoostingRegressor",
                                                     "cross_validated": "when loaded"},
        "training": {"train_images": feats.used, "calibration_images": int(cal.good_scores.size),
                     "good_images": [str(Path(p).resolve()) for p in paths],
                     "holdout_images": [str(Path(p).resolve()) for p in hold_paths],
                     "embedded_images": feats.embedded,
                     "defect_images": int(cal.defect_scores.size) if cal.defect_scores is not None else 0,
                     "skipped_images": len(skipped), "seed": config.seed, "image_size": config.image_size,
                     "seconds": round(seconds, 2)},
        "threshold": {"value": decision.threshold, "method": choice.method, "target_frr": config.target_frr,
                      "calibration": "kfold" if kfold else "holdout", "calibration_asked": config.calibration,
                      "folds": config.calibration_folds if kfold else 0, "fold_scores": int(cal.fold_scores.size),
                      "frr_threshold": choice.frr.value, "f1_optimal": choice.f1_optimal,
                      "review_margin": decision.review_margin, "scale": decision.scale,
                      "good_score_quantiles": score_quantiles(cal.good_scores),
                      "max_synthetic_miss": config.max_synthetic_miss, "miss_cap_threshold": choice.miss_cap,
                      **threshold_facts(cal.good_scores, decision, config.target_frr, config.review_load)},
    }
    if extractor.graph is not None:
        manifest["stored_graph"] = extractor.graph[1]
    return manifest


def _model_files(category: str, config: TrainConfig, paths: list[Path], feats: FeaturePass, cal: Calibration,
                 classifier, graph: tuple[Path, dict] | None) -> dict:
    """The model folder's files beside the manifest and the bank: {key: (file name, writer(path))};
    ``graph``: the exported feature graph's temporary file and its facts, moved into the folder."""
    vectors = np.stack(feats.vectors).astype(np.float32)
    synth, threshold = cal.synth_scores, cal.decision.threshold
    extra = {"part_mask": (PART_MASK_FILE, cal.part.save_png),
             "train_embeddings": (TRAIN_EMBEDDINGS_FILE, lambda p: np.save(p, vectors)),
             "image_list": (IMAGE_LIST_FILE, image_list_writer(paths))}
    if synth.size:
        extra["synthetic_scores"] = (SYNTH_SCORES_FILE, lambda p: np.save(p, synth))
        marks = {"model threshold": threshold}
        if cal.choice.method != cal.choice.frr.method:
            marks[f"FRR target {config.target_frr:.0%}"] = cal.choice.frr.value
        extra["tradeoff_plot"] = (TRADEOFF_FILE, lambda p: plot_tradeoff(cal.good_scores, synth, marks, p,
                                                                           f"{category}: self-test"))
    if cal.pairs is not None:
        extra["surrogate_pairs"] = (SURROGATE_FILE, lambda p: save_pairs(p, *cal.pairs))
    if cal.collector.gallery:
        extra["synthetic_gallery"] = (GALLERY_FILE, lambda p: gallery_png(cal.collector.gallery, p, cols=7,
                                                                           title=category))
    if classifier is not None:
        from engine.classifier import CLASSIFIER_FILE, save_classifier

        extra["classifier"] = (CLASSIFIER_FILE, lambda p: save_classifier(classifier, p))
    if graph is not None:
        tmp_graph = graph[0]
        extra["features_onnx"] = (GRAPH_FILE, lambda p: shutil.move(str(tmp_graph), p))
    return extra


def release_freed_memory() -> None:
    """Hand memory freed by training back to the operating system (glibc keeps freed heap pages
    otherwise, and a station that trains then judges all week would carry them); a no-op where
    there is no glibc."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass

