"""Training a category from good images: features, coreset memory bank, threshold, save.

Memory stays bounded: at most ``max_patches`` candidate patches (and 1 GB) are kept, drawn
evenly from every training image, however many images there are.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
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
from engine.adaptations import choose_photometric
from engine.calibration import f1_optimal_threshold, make_decision, score_quantiles, threshold_for_frr
from engine.kfold import KeptEmbeddings, fold_banks, fold_scores as kfold_scores, folds_possible
from engine.imaging import decode_ahead, is_image_path, resize_to, shrink
from engine.patchcore.border import choose_score_margin, map_ring_for
from engine.patchcore.coreset import Cancelled, greedy_coreset
from engine.patchcore.extractor import training_extractor
from engine.patchcore.knn import NearestNeighbourIndex
from engine.patchcore.model import PatchCore, PatchCoreConfig
from engine.patchcore.stored_graph import GRAPH_FILE
from engine.selftest import SelfTestCollector, plot_tradeoff, threshold_for_miss_cap
from engine.store import (GALLERY_FILE, PART_MASK_FILE, SYNTH_SCORES_FILE, TRADEOFF_FILE, TRAIN_EMBEDDINGS_FILE,
                          check_category_name,
                          model_info, read_manifest, save_model)
from engine.explain.measures import MEASURES, mean_lab
from engine.explain.retrieval import global_embedding
from engine.explain.surrogate import SURROGATE_FILE, check_pairs, save_pairs
from engine.synth import gallery_png, learn_part_mask
from engine.synth.part_mask import WORK_SIDE
from engine.train_config import TrainConfig
from engine.types import ModelInfo
from engine.versions import IMAGE_LIST_FILE, image_list_writer

log = logging.getLogger(__name__)
Progress = Callable[[str, int, int], None]
"""progress(stage, done, total); stages: features, coreset, calibration (with the self-test), classifier, saving."""


class TrainingError(RuntimeError):
    """Training could not produce a model; the message says why."""


TrainingCancelled = Cancelled
CLASSIFIER_MAX_GOODS = 200
"""The defect classifier trains on at most this many good images (evenly spread), and as many
synthetic defects: about a minute on 2 cores whatever the category's size."""


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


def _load_all(paths: Sequence[Path], skipped: list[str]) -> list[tuple[Path, np.ndarray]]:
    return list(_loaded(decode_ahead(paths), len(paths), skipped))


def _loaded(decoded, n: int, skipped: list[str]):
    """The next ``n`` items of a ``decode_ahead`` stream as (path, image); unreadable ones go to ``skipped``."""
    for p, image, exc, _ in itertools.islice(decoded, n):
        if exc is not None:
            skipped.append(str(exc))
        else:
            yield Path(p), image


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
    fast, graph = extractor.embedder, extractor.graph
    rng = np.random.default_rng(config.seed)
    order = rng.permutation(len(paths))
    n_hold = min(len(paths) - 1, max(1, int(round(config.holdout_fraction * len(paths)))))
    hold_paths = [paths[i] for i in sorted(order[:n_hold])]
    train_paths = [paths[i] for i in sorted(order[n_hold:])]
    kfold = config.calibration == "kfold" and folds_possible(len(train_paths), config.calibration_folds)

    # 1. Patch features of the training images, a bounded random share of each.
    d = extractor.dim
    max_patches = int(min(config.max_patches, 1_000_000_000 // (4 * d)))
    per_image = None
    mask_every = max(1, len(train_paths) // 64)
    classifier_every = max(1, math.ceil(len(train_paths) / CLASSIFIER_MAX_GOODS))
    mask_images: list[np.ndarray] = []
    mask_shapes: list[tuple[int, int]] = []
    resized_goods: list[np.ndarray] = []
    train_vectors: list[np.ndarray] = []
    embedded: list[str] = []
    candidates = owner = np.zeros(0)  # filled in place: (per_image x images, D) patches, their image's index
    n_cand = 0
    n_used = 0
    kept = KeptEmbeddings()  # float16 embeddings kept for the k-fold scores (memory, then a temporary file)
    grid = None
    t0 = time.perf_counter()
    with contextlib.closing(decode_ahead(train_paths, config.batch_size)) as decoded:  # decoding overlaps ONNX Runtime
        for start in range(0, len(train_paths), config.batch_size):
            if cancelled():
                raise TrainingCancelled()
            batch = list(_loaded(decoded, config.batch_size, skipped))
            if batch:
                small = [resize_to(im, input_size) for _, im in batch]
                emb = fast.embed(small)
                for k, (_, im) in enumerate(batch):
                    if (start + k) % mask_every == 0 and len(mask_images) < 64:
                        mask_images.append(shrink(im, WORK_SIDE))
                        mask_shapes.append(im.shape[:2])
                if config.train_classifier:
                    resized_goods.extend(im for k, im in enumerate(small) if (start + k) % classifier_every == 0)
                grid = emb.shape[1:3]
                train_vectors.extend(global_embedding(e) for e in emb)
                embedded.extend(str(Path(p).resolve()) for p, _ in batch)
                flat = emb.reshape(len(batch), -1, d)
                if per_image is None:
                    per_image = max(1, min(flat.shape[1], max_patches // len(train_paths)))
                    candidates = np.empty((per_image * len(train_paths), d), np.float32)
                    owner = np.empty(per_image * len(train_paths), np.int32)
                if kfold:
                    for k, e in enumerate(emb):
                        kept.add(n_used + k, e)
                for k, f in enumerate(flat):
                    keep = f if per_image >= f.shape[0] else f[rng.choice(f.shape[0], per_image, replace=False)]
                    candidates[n_cand:n_cand + len(keep)] = keep
                    owner[n_cand:n_cand + len(keep)] = n_used + k
                    n_cand += len(keep)
                n_used += len(batch)
            report("features", min(start + config.batch_size, len(train_paths)), len(train_paths))
    if n_used == 0:
        raise TrainingError(f"none of the {len(train_paths)} training images could be read: {skipped[:1]}")
    candidates, owner = candidates[:n_cand], owner[:n_cand]
    t1 = time.perf_counter()

    # 2. Greedy coreset memory bank.
    n_select = min(len(candidates), max(1, math.ceil(config.coreset_ratio * len(candidates))))
    idx = greedy_coreset(candidates, n_select, config.projection_dim, config.seed,
                         progress=lambda i, n: report("coreset", i, n), should_cancel=cancelled)
    bank = candidates[np.sort(idx)]
    banks_by_fold = fold_banks(candidates, owner, config.calibration_folds, len(bank), config.projection_dim,
                               config.seed, cancelled, lambda i, n: report("calibration", i, n)) if kfold else []
    del candidates, owner
    index = NearestNeighbourIndex.fit(bank)
    pc_cfg = PatchCoreConfig(input_size=input_size, reweight=config.reweight, blur_sigma=config.blur_sigma,
                             grid_offset=extractor.grid_offset, map_neighbours=config.map_neighbours)
    model = PatchCore(fast, index, pc_cfg)
    held = _load_all(hold_paths, skipped)
    probed: dict[int, tuple[np.ndarray, ...]] = {}  # the border probe's embeddings and distances, reused below
    if config.score_margin is None:  # measured on held-out goods: is the image score a border artefact?
        for k, (_, im) in enumerate(held[:BORDER_PROBE_IMAGES]):
            emb = model.embed([im])
            probed[k] = (emb, *model.search(emb))
        margin, border = choose_score_margin([patch[0] for _, patch, _, _ in probed.values()])
    else:
        margin, border = config.score_margin, {"score_margin": config.score_margin, "asked": True}
    pc_cfg = replace(pc_cfg, score_margin=margin, map_ring_clip=map_ring_for(margin))
    model = PatchCore(fast, index, pc_cfg)
    t2 = time.perf_counter()

    # 3. k-fold scores first (the kept embeddings are freed before the self-test), the part mask,
    #    then scores of held-out goods, synthetic defects painted on them (the
    #    self-test) and known defects -> threshold.
    fold_scores = np.zeros(0)
    if kfold:
        fold_scores = kfold_scores(embedded, banks_by_fold, fast, pc_cfg, skipped,
                                   lambda d_, n_: report("calibration", d_, n_), cancelled, kept)
    kept.close()
    del kept, banks_by_fold
    part = learn_part_mask(mask_images, mask_shapes)
    good_lab = np.mean([mean_lab(im, part.at(im.shape[:2])) for im in mask_images], axis=0)
    collector = SelfTestCollector(part, config.selftest_per_image, config.seed, good_lab=good_lab)
    held_resized: list[np.ndarray] = []

    def judge(im: np.ndarray, probe: tuple[np.ndarray, ...] | None = None) -> tuple[float, np.ndarray, np.ndarray]:
        # scored by the border probe already, when given; only the image score depends on the margin
        s = model.scored(model.embed([im])) if probe is None else model.scored_from(*probe)
        return float(s.scores[0]), model.anomaly_map(s.cells[0], im.shape[:2], int(s.score_cells[0])), s.cells[0]

    def score(items: list[tuple[Path, np.ndarray]], stage: str, held_out: bool = False) -> np.ndarray:
        out = []
        for k, (p, im) in enumerate(items):
            if cancelled():
                raise TrainingCancelled()
            judged = judge(im, probed.pop(k, None) if held_out else None)
            out.append(judged[0])
            if held_out and config.selftest_per_image > 0:
                collector.add(p.name, im, judge, judged)
            if held_out and config.train_classifier:
                held_resized.append(resize_to(im, input_size))
            report(stage, k + 1, len(items))
        return np.asarray(out, dtype=np.float64)

    good_scores = score(held, "calibration", held_out=True)
    del held
    if good_scores.size == 0:
        raise TrainingError("no held-out good image could be read for calibration")
    if kfold:
        good_scores = np.concatenate([good_scores, fold_scores])
    defect_scores = score(_load_all([Path(p) for p in defect_images], skipped), "calibration") if defect_images else None
    synth_scores = np.asarray(collector.scores, np.float64)
    thr = threshold_for_frr(good_scores, config.target_frr)
    f1_thr = None
    if defect_scores is not None and defect_scores.size:
        f1_thr, _ = f1_optimal_threshold(good_scores, defect_scores)
    method, value = thr.method, thr.value
    cap_thr = None
    if config.max_synthetic_miss is not None:
        if synth_scores.size == 0:
            raise TrainingError("the miss-rate cap needs the self-test (synthetic defects per image > 0)")
        cap_thr = threshold_for_miss_cap(synth_scores, config.max_synthetic_miss)
        if cap_thr < value:
            method, value = f"{thr.method}+miss-cap", cap_thr
    if config.threshold_method == "f1":
        if f1_thr is None:
            raise TrainingError("threshold method 'f1' needs defect images (--defects DIR)")
        method, value = "f1", f1_thr
    decision = make_decision(value, good_scores, config.review_margin)
    self_test = collector.summary(decision.threshold, good_scores)
    if synth_scores.size:
        self_test["at_frr_threshold"] = {"threshold": thr.value,
                                         "miss_rate": round(float((synth_scores < thr.value).mean()), 4)}
    pairs = None  # the WHY surrogate's (measures, scores); fitted where the explanations load it
    if synth_scores.size:
        try:
            pairs = check_pairs(*collector.surrogate_pairs(decision.threshold))
        except ValueError:  # too few pairs: no WHY tab for this model
            pairs = None
    t3 = time.perf_counter()

    # 4. The defect classifier (optional): last stages fine-tuned on goods vs synthetic defects.
    classifier_facts = None
    classifier = None
    if config.train_classifier:
        from engine.classifier import ClassifierConfig, fit_category_classifier

        classifier, clf_sha, classifier_facts = fit_category_classifier(
            resized_goods, held_resized, part, config.seed, ClassifierConfig(epochs=config.classifier_epochs, seed=config.seed,
                                                                      trunk_stages=config.classifier_trunk_stages),
            config.weights, models_dir, progress=lambda d_, n_: report("classifier", d_, n_), should_cancel=cancelled)
        classifier_facts.update({"backbone": config.backbone, "weights_sha256": clf_sha,
                                 "input_size": list(input_size)})
        del resized_goods
    t4 = time.perf_counter()

    # 5. Manifest and atomic save.
    report("saving", 0, 1)
    created = datetime.now(timezone.utc)
    manifest = {
        "category": category,
        "model_id": f"{category}-{created:%Y%m%dT%H%M%SZ}",
        "created": created.isoformat(timespec="seconds"),
        "engine_version": ENGINE_VERSION,
        "backbone": extractor.backbone_facts,
        "input_size": list(input_size),
        "patchcore": {"coreset_ratio": config.coreset_ratio, "memory_bank_size": int(bank.shape[0]),
                      "candidate_patches": int(n_used * (per_image or 0)), "projection_dim": config.projection_dim,
                      "feature_grid": list(grid), "reweight": config.reweight, "num_neighbours": pc_cfg.num_neighbours,
                      "blur_sigma": config.blur_sigma, "patch_size": extractor.key.patch_size,
                      "centred": extractor.key.centred, "grid_offset_px": list(pc_cfg.grid_offset),
                      "input_pad": extractor.key.input_pad, "photometric": extractor.key.photometric,
                      "graph_reused_from": extractor.reused_from,
                      "score_margin": pc_cfg.score_margin, "map_ring_clip": pc_cfg.map_ring_clip,
                      "map_neighbours": pc_cfg.map_neighbours,
                      "border_effect": border,
                      "photometric_choice": photometric_choice},
        "part_mask": part.facts(),
        "self_test": self_test,
        "classifier": classifier_facts,
        "version": dict(version or {"kind": "train"}),
        "good_colour_lab": [round(float(v), 4) for v in good_lab],
        "surrogate": None if pairs is None else {"pairs": int(len(pairs[1])), "measures": list(MEASURES),
                                                 "model": "GradientBoostingRegressor", "cross_validated": "when loaded"},
        "training": {"train_images": n_used, "calibration_images": int(good_scores.size),
                     "good_images": [str(Path(p).resolve()) for p in paths],
                     "holdout_images": [str(Path(p).resolve()) for p in hold_paths],
                     "embedded_images": embedded,
                     "defect_images": int(defect_scores.size) if defect_scores is not None else 0,
                     "skipped_images": len(skipped), "seed": config.seed, "image_size": config.image_size,
                     "seconds": round(time.perf_counter() - t_start, 2)},
        "threshold": {"value": decision.threshold, "method": method, "target_frr": config.target_frr,
                      "calibration": "kfold" if kfold else "holdout", "calibration_asked": config.calibration,
                      "folds": config.calibration_folds if kfold else 0, "fold_scores": int(fold_scores.size),
                      "frr_threshold": thr.value, "f1_optimal": f1_thr, "review_margin": decision.review_margin,
                      "scale": decision.scale, "good_score_quantiles": score_quantiles(good_scores),
                      "max_synthetic_miss": config.max_synthetic_miss, "miss_cap_threshold": cap_thr},
    }
    vectors = np.stack(train_vectors).astype(np.float32)
    extra = {"part_mask": (PART_MASK_FILE, part.save_png),
             "train_embeddings": (TRAIN_EMBEDDINGS_FILE, lambda p: np.save(p, vectors)),
             "image_list": (IMAGE_LIST_FILE, image_list_writer(paths))}
    if synth_scores.size:
        extra["synthetic_scores"] = (SYNTH_SCORES_FILE, lambda p: np.save(p, synth_scores))
        marks = {"model threshold": decision.threshold}
        if method != thr.method:
            marks[f"FRR target {config.target_frr:.0%}"] = thr.value
        extra["tradeoff_plot"] = (TRADEOFF_FILE, lambda p: plot_tradeoff(good_scores, synth_scores, marks, p,
                                                                           f"{category}: self-test"))
    if pairs is not None:
        extra["surrogate_pairs"] = (SURROGATE_FILE, lambda p: save_pairs(p, *pairs))
    if collector.gallery:
        extra["synthetic_gallery"] = (GALLERY_FILE, lambda p: gallery_png(collector.gallery, p, cols=7, title=category))
    if classifier is not None:
        from engine.classifier import CLASSIFIER_FILE, save_classifier

        extra["classifier"] = (CLASSIFIER_FILE, lambda p: save_classifier(classifier, p))
    if graph is not None:
        tmp_graph, manifest["stored_graph"] = graph
        extra["features_onnx"] = (GRAPH_FILE, lambda p: shutil.move(str(tmp_graph), p))
    folder = save_model(models_dir, manifest, index.save, good_scores, defect_scores, extra)
    report("saving", 1, 1)
    info = model_info(read_manifest(folder))
    secs = {"features": t1 - t0, "coreset": t2 - t1, "calibration": t3 - t2, "classifier": t4 - t3,
            "total": time.perf_counter() - t_start}
    release_freed_memory()
    return TrainReport(info=info, folder=folder, skipped=skipped, seconds={k: round(v, 3) for k, v in secs.items()})


def release_freed_memory() -> None:
    """Hand memory freed by training back to the operating system (glibc keeps freed heap pages
    otherwise, and a station that trains then judges all week would carry them); a no-op where
    there is no glibc."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass

