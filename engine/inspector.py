"""Judging images with a stored category model. Every image gets one InspectionResult; bad
input gives an ERROR result naming the problem, and the other images are still judged."""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import Iterable

import numpy as np

from engine.backbones import Backbone, BackboneError, load_backbone
from engine.calibration import make_decision
from engine.explain.retrieval import global_embedding
from engine.imaging import ImageLoadError, as_rgb_array, load_image
from engine.patchcore import NearestNeighbourIndex, PatchCore, PatchEmbedder
from engine.patchcore.model import PatchCoreConfig
from engine.store import ModelError, StoredModel, check_category_name, load_model, model_info
from engine.types import Decision, InspectionResult, ModelInfo, Timing, error_result

log = logging.getLogger(__name__)
_BACKBONES: dict[tuple, Backbone] = {}


def cached_backbone(name: str, weights: str | os.PathLike[str] | None, layers: tuple[int, ...], models_dir) -> Backbone:
    """Backbones are frozen, so categories sharing one share the module."""
    key = (name, str(weights) if weights else None, tuple(layers), str(models_dir))
    if key not in _BACKBONES:
        _BACKBONES[key] = load_backbone(name, weights, tuple(layers), models_dir)
    return _BACKBONES[key]


def build_patchcore(stored: StoredModel, backbone: Backbone) -> PatchCore:
    m = stored.manifest
    bb, pc = m["backbone"], m["patchcore"]
    centred = bool(pc.get("centred", False))  # models from before engine 0.2 keep their alignment
    embedder = PatchEmbedder(backbone, max_dim=int(bb["feature_dim"]), centred=centred)
    if embedder.dim != int(bb["feature_dim"]):
        raise ModelError(f"{m['category']}: backbone gives {embedder.dim} features, model expects {bb['feature_dim']}")
    index = NearestNeighbourIndex.load(stored.index_path)
    if index.dim != embedder.dim or index.size != int(pc["memory_bank_size"]):
        raise ModelError(f"{m['category']}: memory bank shape ({index.size}, {index.dim}) does not match the manifest")
    cfg = PatchCoreConfig(input_size=tuple(m["input_size"]), reweight=bool(pc["reweight"]),
                          num_neighbours=int(pc["num_neighbours"]), blur_sigma=float(pc["blur_sigma"]), centred=centred,
                          grid_offset=tuple(pc.get("grid_offset_px", (0.0, 0.0))))
    return PatchCore(embedder, index, cfg)


class Inspector:
    """A loaded category model that judges images."""

    def __init__(self, model: PatchCore, decision: Decision, info: ModelInfo, stored: StoredModel) -> None:
        self.model = model
        self.decision = decision
        self.info = info
        self.stored = stored

    @classmethod
    def load(cls, models_dir: str | os.PathLike[str], category: str, weights: str | os.PathLike[str] | None = None,
             compile_onnx: bool = True, version: str | None = None) -> "Inspector":
        """Load ``models_dir/<category>`` (its active version, or ``version``: ``v1``, ``v2``, ...);
        raises ModelError or BackboneError with a clear message.

        ``compile_onnx=False`` keeps eager PyTorch only (the explanation worker: it needs
        gradients, and the ONNX export would hold the GIL for seconds)."""
        check_category_name(category)
        folder = Path(models_dir) / category
        if not folder.exists():
            raise ModelError(f"no model for category '{category}' in {Path(models_dir).resolve()} (train it first)")
        if version:
            from engine.versions import version_folder

            folder = version_folder(folder, version)
        stored = load_model(folder)
        m = stored.manifest
        bb = m["backbone"]
        backbone = cached_backbone(bb["name"], weights, tuple(bb["layers"]), models_dir)
        if backbone.weights_sha256 != bb["weights_sha256"]:
            raise BackboneError(
                f"{category}: trained with {bb['name']} weights {bb['weights_sha256'][:12]}, "
                f"but the weights found here are {backbone.weights_sha256[:12]}"
            )
        info = model_info(m)
        good = stored.good_scores
        decision = make_decision(info.threshold, good, info.review_margin)
        model = build_patchcore(stored, backbone)
        if compile_onnx:
            model.embedder.compile_onnx(model.config.input_size)
        return cls(model, decision, info, stored)

    def with_threshold(self, threshold: float, review_margin: float | None = None) -> "Inspector":
        """The same model with another threshold (not saved)."""
        margin = self.decision.review_margin if review_margin is None else review_margin
        return Inspector(self.model, make_decision(threshold, self.stored.good_scores, margin), self.info, self.stored)

    def judge(self, image: np.ndarray, source: str, load_ms: float = 0.0, keep_image: bool = False) -> InspectionResult:
        """Judge one uint8 RGB image (H, W, 3)."""
        t0 = time.perf_counter()
        small = PatchEmbedder.preprocess(image, self.model.config.input_size)
        x = self.model.embedder.to_tensor([small])
        t1 = time.perf_counter()
        emb = self.model.embedder.features(x)
        t2 = time.perf_counter()
        patch, scores = self.model.score_embeddings(emb)
        t3 = time.perf_counter()
        amap = self.model.anomaly_map(patch[0], image.shape[:2])
        vec = global_embedding(emb[0])
        t4 = time.perf_counter()
        raw = float(scores[0])
        ms = lambda a, b: (b - a) * 1000.0  # noqa: E731
        timing = Timing(load_ms=load_ms, preprocess_ms=ms(t0, t1), features_ms=ms(t1, t2), search_ms=ms(t2, t3),
                        map_ms=ms(t3, t4), total_ms=load_ms + ms(t0, t4))
        return InspectionResult(
            source=source, verdict=self.decision.verdict(raw), score=raw,
            normalised_score=self.decision.normalise(raw), threshold=self.decision.threshold,
            category=self.info.category, model_id=self.info.model_id, anomaly_map=amap,
            patch_scores=patch[0], image=image if keep_image else None,
            image_size=(int(image.shape[0]), int(image.shape[1])), timing=timing, embedding=vec,
        )

    def _guarded(self, source: str, get_image, keep_image: bool) -> InspectionResult:
        t0 = time.perf_counter()
        try:
            image = get_image()
            return self.judge(image, source, (time.perf_counter() - t0) * 1000.0, keep_image)
        except ImageLoadError as exc:
            return error_result(source, str(exc), self.info.category, self.info.model_id)
        except MemoryError:
            return error_result(source, f"{source}: not enough memory to judge this image", self.info.category, self.info.model_id)
        except Exception as exc:  # an engine fault is an ERROR result, never a PASS
            log.exception("inspection of %s failed", source)
            return error_result(source, f"{source}: internal error: {type(exc).__name__}: {exc}",
                                self.info.category, self.info.model_id)

    def inspect_path(self, path: str | os.PathLike[str], keep_image: bool = False) -> InspectionResult:
        return self._guarded(os.fspath(path), lambda: load_image(path), keep_image)

    def inspect_paths(self, paths: Iterable[str | os.PathLike[str]], keep_image: bool = False) -> list[InspectionResult]:
        return [self.inspect_path(p, keep_image) for p in paths]

    def inspect_array(self, frame: np.ndarray, source: str = "camera", keep_image: bool = False) -> InspectionResult:
        return self._guarded(source, lambda: as_rgb_array(frame), keep_image)
