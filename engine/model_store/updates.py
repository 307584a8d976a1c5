"""Changing a category's model after the fact: new good images, a new threshold.

* ``extend_category``: the new images' patches that the memory bank does not yet cover are
  appended to it (farthest first, until every new patch lies within half the threshold of the
  bank), the held-out goods are scored again and the threshold recalibrated; a new version.
* ``rebuild_category``: a full training on the version's good images plus the new ones, with
  the version's own settings; a new version.
* ``set_threshold``: a technician's threshold on the active version (the calibrated value kept).

Earlier versions stay in the category folder (``engine.model_store.versions``).
"""

from __future__ import annotations

import math
import os
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Sequence

import numpy as np

from engine.judging.calibration import decision_for, refresh_threshold_facts, score_quantiles, threshold_for_frr
from engine.imaging import ImageLoadError, load_image
from engine.model_store.store import MAP_VIEW_FILE, ModelError, copy_writers, model_info, new_model_id, new_version_manifest, read_manifest
from engine.types import ModelInfo
from engine.model_store.versions import IMAGE_LIST_FILE, image_list_writer, save_model, update_model_files

Progress = Callable[[str, int, int], None]
COVER_FRACTION = 0.5
"""Extension appends patches until every new patch lies within this share of the threshold."""


def _existing(paths: Sequence[str]) -> tuple[list[str], list[str]]:
    ok = [p for p in paths if Path(p).is_file()]
    return ok, [p for p in paths if not Path(p).is_file()]


def cover_new_patches(bank: np.ndarray, new: np.ndarray, radius: float, max_add: int) -> np.ndarray:
    """Indices of rows of ``new`` (M, D) to append to ``bank`` (N, D): farthest first, until every
    row of ``new`` lies within ``radius`` of bank + chosen rows, or ``max_add`` rows are chosen."""
    import faiss

    index = faiss.IndexFlatL2(bank.shape[1])
    index.add(np.ascontiguousarray(bank, dtype=np.float32))
    d2, _ = index.search(np.ascontiguousarray(new, dtype=np.float32), 1)
    dist = np.sqrt(np.maximum(d2[:, 0], 0.0)).astype(np.float64)
    chosen: list[int] = []
    while len(chosen) < max_add:
        i = int(np.argmax(dist))
        if dist[i] <= radius:
            break
        chosen.append(i)
        dist = np.minimum(dist, np.linalg.norm(new - new[i], axis=1))
    return np.asarray(chosen, dtype=np.int64)


def extend_category(models_dir: str | os.PathLike[str], category: str, add_paths: Sequence[str | os.PathLike[str]],
                    note: str = "", progress: Progress | None = None) -> ModelInfo:
    """Append the patches of ``add_paths`` (good images) to the active model; saves a new version."""
    from engine.explain.retrieval import global_embedding
    from engine.judging.inspector import Inspector
    from engine.patchcore import NearestNeighbourIndex

    report = progress or (lambda s, d, n: None)
    insp = Inspector.load(models_dir, category, compile_onnx=False)
    m, stored, model = insp.stored.manifest, insp.stored, insp.model
    add = [str(Path(p).resolve()) for p in add_paths]
    if not add:
        raise ModelError("no images to add")
    patches, vectors, used = [], [], []
    for k, p in enumerate(add):
        try:
            emb = model.embed([load_image(p)])
        except ImageLoadError as exc:
            raise ModelError(f"cannot add {p}: {exc}") from exc
        patches.append(emb[0].reshape(-1, emb.shape[-1]))
        vectors.append(global_embedding(emb[0]))
        used.append(p)
        report("features", k + 1, len(add))
    new = np.concatenate(patches).astype(np.float32)
    bank = model.index.vectors(np.arange(model.index.size)).astype(np.float32)
    max_add = max(1, math.ceil(0.25 * len(new)))
    idx = cover_new_patches(bank, new, COVER_FRACTION * insp.info.threshold, max_add)
    grown = np.concatenate([bank, new[idx]]) if idx.size else bank
    index = NearestNeighbourIndex.fit(grown)
    model.index = index
    view = model.map_view
    if view is not None and idx.size:  # the map's second view learns the same patches, its channels of them
        view = replace(view, index=view.bank_index(np.concatenate([view.bank_vectors(), new[idx, :view.channels]])))
        model.map_view = view
    report("coreset", 1, 1)

    # Recalibrate on the held-out goods, scored against the grown bank (scores can only fall).
    held, missing = _existing(m["training"].get("holdout_images", []))
    thr_doc = dict(m["threshold"])
    good_scores = stored.good_scores
    recal = "threshold kept: the held-out images are not recorded or not on disk"
    if held and not missing:
        good_scores = np.asarray([float(model.score_images([load_image(p)])[1][0]) for p in held], np.float64)
        # k-fold scores (stored after the held-out ones) came from banks of their own, which the
        # added patches never joined: kept, so the threshold still rests on every good image
        n_fold = int(thr_doc.get("fold_scores", 0) or 0)
        kept_folds = stored.good_scores[-n_fold:] if 0 < n_fold <= stored.good_scores.size - len(held) else np.zeros(0)
        good_scores = np.concatenate([good_scores, kept_folds])
        folds_note = f" and {kept_folds.size} k-fold scores kept" if kept_folds.size else ""
        if str(thr_doc.get("method")) == "frr":
            value = threshold_for_frr(good_scores, float(thr_doc["target_frr"])).value
            recal = f"threshold recalibrated on {len(held)} held-out goods{folds_note}"
        else:
            value = float(thr_doc["value"])
            recal = f"threshold kept (method {thr_doc.get('method')}); {len(held)} held-out goods re-scored{folds_note}"
        d = decision_for(thr_doc, good_scores, value)
        thr_doc.update(value=d.threshold, scale=d.scale, frr_threshold=value if thr_doc.get("method") == "frr" else
                       thr_doc.get("frr_threshold"), good_score_quantiles=score_quantiles(good_scores))
        refresh_threshold_facts(thr_doc, good_scores, d)
    report("calibration", 1, 1)

    created = datetime.now(timezone.utc)
    goods = list(m["training"].get("good_images", [])) + used
    pc = dict(m["patchcore"], memory_bank_size=int(grown.shape[0]))
    if view is not None:
        pc["map_view"] = dict(pc["map_view"], bank_size=view.index.size)
    training = dict(m["training"], good_images=goods, embedded_images=list(m["training"].get("embedded_images", [])) + used,
                    added_images=used, train_images=int(m["training"]["train_images"]) + len(used))
    manifest = new_version_manifest(m)
    manifest.update(model_id=new_model_id(category, created), created=created.isoformat(timespec="seconds"),
                    patchcore=pc, training=training, threshold=thr_doc,
                    version={"kind": "extend", "note": "; ".join(x for x in (note, f"{len(used)} images added, "
                             f"{idx.size} patches appended to the memory bank", recal) if x)})
    old_vectors = np.load(stored.files["train_embeddings"]) if "train_embeddings" in stored.files else np.zeros((0, len(vectors[0])))
    all_vectors = np.concatenate([old_vectors, np.stack(vectors)]).astype(np.float32)
    extra = copy_writers(stored, leave_out=("train_embeddings", "image_list"))
    extra["train_embeddings"] = ("train_embeddings.npy", lambda out: np.save(out, all_vectors))
    extra["image_list"] = (IMAGE_LIST_FILE, image_list_writer(goods))
    if view is not None:
        extra["map_view_bank"] = (MAP_VIEW_FILE, view.index.save)
    report("saving", 0, 1)
    folder = save_model(models_dir, manifest, index.save, good_scores, stored.defect_scores, extra)
    report("saving", 1, 1)
    return model_info(read_manifest(folder))


def rebuild_category(models_dir: str | os.PathLike[str], category: str, add_paths: Sequence[str | os.PathLike[str]],
                     note: str = "", progress: Progress | None = None,
                     should_cancel: Callable[[], bool] | None = None):
    """Train again on the active version's good images plus ``add_paths``; returns a TrainReport.

    Images of the old list that are gone from disk are left out and named in the version note."""
    from engine.training import TrainConfig, TrainingError, train_category

    m = read_manifest(Path(models_dir) / category)
    old, missing = _existing(m["training"].get("good_images", []))
    add = [str(Path(p).resolve()) for p in add_paths]
    goods = old + [p for p in add if p not in set(old)]
    if len(goods) < 2:
        raise TrainingError(f"{category}: fewer than 2 good images on disk to rebuild from")
    h, w = m["input_size"]
    thr, pc, bb = m["threshold"], m["patchcore"], m["backbone"]
    side = int(m["training"].get("image_size") or round(math.sqrt(h * w)))  # older models: from the input's area
    cfg = TrainConfig(backbone=bb["name"], layers=tuple(bb["layers"]), image_size=side,
                      coreset_ratio=float(pc["coreset_ratio"]), projection_dim=int(pc.get("projection_dim", 64)),
                      target_frr=float(thr["target_frr"]), review_margin=float(thr["review_margin"]),
                      review_load=thr.get("review_load"),
                      seed=int(m["training"].get("seed", 0)),
                      max_synthetic_miss=thr.get("max_synthetic_miss"), train_classifier=m.get("classifier") is not None,
                      holdout_fraction=_holdout_fraction(m), input_pad=int(pc.get("input_pad", 0)),
                      patch_size=int(pc.get("patch_size", 3)),
                      photometric=str(pc.get("photometric", "none")),
                      score_margin=None if not pc.get("border_effect", {}).get("asked") else int(pc.get("score_margin", 0)),
                      calibration=str(thr.get("calibration_asked", "kfold")),
                      calibration_folds=int(thr.get("folds") or TrainConfig.calibration_folds),
                      map_stages=_map_stages(pc),
                      map_view_share=pc.get("map_view_share"),
                      map_guide_radius=int(pc.get("map_guide_radius", TrainConfig.map_guide_radius)),
                      map_fill_sigma=float(pc.get("map_fill_sigma", TrainConfig.map_fill_sigma)))
    tuned = (m.get("tuning") or {}).get("chosen")
    text = "; ".join(x for x in (note, f"{len(add)} images added", f"{len(missing)} earlier images missing from disk"
                                 if missing else "", f"settings as tuned: {tuned}" if tuned else "") if x)
    return train_category(category, goods, models_dir, cfg, progress=progress, should_cancel=should_cancel,
                          version={"kind": "rebuild", "note": text})


def _map_stages(pc: dict[str, Any]) -> tuple[int, ...] | None:
    """The map view's stages a rebuild trains with: the model's own, () for a model of engine 0.4.3
    or later trained without one, None (the default) for an older model without one. (Its share
    is the model's own; an older model's view, without one, stays searched for every cell.)"""
    stages = tuple((pc.get("map_view") or {}).get("stages") or ())
    return stages if stages or "map_view_share" in pc else None


def _holdout_fraction(m: dict[str, Any]) -> float:
    n = len(m["training"].get("good_images", [])) or 1
    held = m["training"].get("holdout_images")
    return round(len(held) / n, 3) if held else 0.15


def set_threshold(models_dir: str | os.PathLike[str], category: str, value: float) -> dict[str, Any]:
    """The active version's threshold set by hand (the calibrated one kept beside it); returns the manifest."""
    folder = Path(models_dir) / category
    m = read_manifest(folder)
    if not (math.isfinite(value) and value > 0):
        raise ModelError(f"threshold must be a positive number, got {value}")
    from engine.model_store.store import load_model

    thr = _moved_threshold(m["threshold"], load_model(folder).good_scores, float(value), "manual")
    return update_model_files(folder, {}, {"threshold": thr})


def _moved_threshold(threshold_doc: dict[str, Any], good_scores: np.ndarray, value: float, method: str) -> dict[str, Any]:
    """A copy of a manifest's threshold section moved to ``value`` by ``method`` ("manual",
    "learned"): the calibrated value kept beside it, scale and facts brought up to date."""
    thr = dict(threshold_doc)
    thr.setdefault("calibrated_value", thr["value"])
    thr.setdefault("calibrated_method", thr["method"])
    d = decision_for(thr, good_scores, value)
    thr.update(value=d.threshold, scale=d.scale, method=method)
    refresh_threshold_facts(thr, good_scores, d)
    return thr


def save_learned(models_dir: str | os.PathLike[str], category: str, proposal, note: str = "") -> ModelInfo:
    """A new version of ``category`` that judges with ``proposal`` (``engine.judging.known_defects.Proposal``):
    its threshold and, when it has one, the known-defect bank; the earlier version stays for rollback."""
    import shutil

    from engine.judging.known_defects import KNOWN_DEFECTS_FILE
    from engine.model_store.store import load_model

    folder = Path(models_dir) / category
    stored = load_model(folder)
    m = stored.manifest
    thr = _moved_threshold(m["threshold"], stored.good_scores, proposal.threshold, "learned")
    created = datetime.now(timezone.utc)
    manifest = new_version_manifest(m)
    text = f"learned from {proposal.confirmed} confirmed defects: catches {proposal.caught_now} → {proposal.caught}"
    manifest.update(model_id=new_model_id(category, created), created=created.isoformat(timespec="seconds"),
                    threshold=thr, known_defects=proposal.facts(),
                    version={"kind": "learn", "note": "; ".join(x for x in (note, text) if x)})
    extra = copy_writers(stored, leave_out=("known_defects",))
    if proposal.known is not None:
        bank = proposal.known.bank
        extra["known_defects"] = (KNOWN_DEFECTS_FILE, lambda out: np.save(out, bank))
    src = stored.index_path
    folder = save_model(models_dir, manifest, lambda out: shutil.copyfile(src, out), stored.good_scores,
                        stored.defect_scores, extra)
    return model_info(read_manifest(folder))
