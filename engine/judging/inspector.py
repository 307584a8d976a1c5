"""Judging images with a stored category model. Every image gets one InspectionResult; bad
input gives an ERROR result naming the problem, and the other images are still judged."""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np

from engine.judging import batch_judge
from engine.judging.calibration import decision_for
from engine.explain.retrieval import global_embedding
from engine.imaging import ImageLoadError, as_rgb_array, decode_ahead, load_image
from engine.imaging import resize_to
from engine.judging.known_defects import KnownDefects
from engine.patchcore.knn import NearestNeighbourIndex
from engine.patchcore.map_guide import DEFAULT_EPS
from engine.patchcore.model import MapView, PatchCore, PatchCoreConfig, ScoredPatches, padded_dim
from engine.model_store.store import ModelError, StoredModel, check_category_name, load_model, model_info
from engine.types import BackboneError, Decision, InspectionResult, ModelInfo, Timing, Verdict, error_result

log = logging.getLogger(__name__)
DECODE_AHEAD = 2
"""Images decoded ahead in threads while the current one is judged (``iter_paths``)."""
_BACKBONES: dict[tuple, object] = {}


@dataclass(frozen=True)
class Prepared:
    """An image through the features phase: ``small`` (h, w, 3) uint8 at the model's input size,
    ``emb`` (1, h', w', D) float32 patch features, and the phase's milliseconds."""

    image: np.ndarray
    small: np.ndarray
    emb: np.ndarray
    preprocess_ms: float
    features_ms: float


def _ms(t0: float, t1: float) -> float:
    return (t1 - t0) * 1000.0


def cached_backbone(name: str, weights: str | os.PathLike[str] | None, layers: tuple[int, ...], models_dir):
    """Backbones are frozen, so categories sharing one share the module (imports torch)."""
    from engine.backbones import load_backbone

    key = (name, str(weights) if weights else None, tuple(layers), str(models_dir))
    if key not in _BACKBONES:
        _BACKBONES[key] = load_backbone(name, weights, tuple(layers), models_dir)
    return _BACKBONES[key]


def eager_embedder(stored: StoredModel, backbone):
    """The eager PyTorch ``PatchEmbedder`` of a stored model (training, gradients, old models)."""
    from engine.patchcore.features import PatchEmbedder

    m = stored.manifest
    bb = m["backbone"]
    pc = m["patchcore"]
    embedder = PatchEmbedder(backbone, max_dim=int(bb["feature_dim"]), patch_size=int(pc.get("patch_size", 3)),
                             centred=bool(pc.get("centred", False)),
                             input_pad=int(pc.get("input_pad", 0)), photometric=str(pc.get("photometric", "none")))
    if embedder.dim != int(bb["feature_dim"]):
        raise ModelError(f"{m['category']}: backbone gives {embedder.dim} features, model expects {bb['feature_dim']}")
    return embedder


def stored_graph_embedder(stored: StoredModel):
    """The stored ONNX graph's embedder, or None when the model has none or ``STATION_RUNTIME=torch``."""
    path = stored.files.get("features_onnx")
    if path is None or os.environ.get("STATION_RUNTIME", "onnx").lower() == "torch":
        return None
    from engine.patchcore.stored_graph import StoredGraphEmbedder

    m = stored.manifest
    pc = m["patchcore"]
    return StoredGraphEmbedder(path, int(m["backbone"]["feature_dim"]), tuple(m["input_size"]),
                               int(pc.get("patch_size", 3)), bool(pc.get("centred", False)))


def build_patchcore(stored: StoredModel, embedder) -> PatchCore:
    m = stored.manifest
    pc = m["patchcore"]
    centred = bool(pc.get("centred", False))  # models from before engine 0.2 keep their alignment
    index = NearestNeighbourIndex.load(stored.index_path)
    if index.dim != embedder.dim or index.size != int(pc["memory_bank_size"]):
        raise ModelError(f"{m['category']}: memory bank shape ({index.size}, {index.dim}) does not match the manifest")
    cfg = PatchCoreConfig(input_size=tuple(m["input_size"]), blur_sigma=float(pc["blur_sigma"]), centred=centred,
                          grid_offset=tuple(pc.get("grid_offset_px", (0.0, 0.0))),
                          score_margin=int(pc.get("score_margin", 0)),
                          map_ring_clip=int(pc.get("map_ring_clip", 0)),
                          map_neighbours=int(pc.get("map_neighbours", 1)),
                          map_guide_radius=int(pc.get("map_guide_radius", 0)),
                          map_guide_eps=float(pc.get("map_guide_eps", DEFAULT_EPS)),
                          map_fill_sigma=float(pc.get("map_fill_sigma", 0.0)))
    return PatchCore(embedder, index, cfg, load_map_view(stored))


def load_known_defects(stored: StoredModel, margin: int) -> KnownDefects | None:
    """The confirmed defects' bank and threshold (``known_defects`` in the manifest), or None."""
    facts, path = stored.manifest.get("known_defects") or {}, stored.files.get("known_defects")
    if not facts.get("known_threshold") or path is None:
        return None
    return KnownDefects(np.load(path, allow_pickle=False).astype(np.float32), float(facts["known_threshold"]), margin)


def load_map_view(stored: StoredModel) -> MapView | None:
    """The map's second view (``patchcore.map_view`` in the manifest), or None without one."""
    facts, path = stored.manifest["patchcore"].get("map_view"), stored.files.get("map_view_bank")
    if not facts:
        return None
    if path is None:
        raise ModelError(f"{stored.manifest['category']}: the manifest names a map view but its bank file is missing")
    index = NearestNeighbourIndex.load(path)
    if index.dim != padded_dim(int(facts["channels"])) or index.size != int(facts["bank_size"]):
        raise ModelError(f"{stored.manifest['category']}: map view bank shape ({index.size}, {index.dim}) does not "
                         "match the manifest")
    return MapView(index, int(facts["channels"]), float(facts["scale"]), tuple(facts["grid_offset_px"]),
                   share=float(facts.get("share", 1.0)), cool_ratio=float(facts.get("cool_ratio", 1.0)))


class Inspector:
    """A loaded category model that judges images."""

    def __init__(self, model: PatchCore, decision: Decision, info: ModelInfo, stored: StoredModel,
                 models_dir: str | os.PathLike[str] | None = None) -> None:
        self.model = model
        self.decision = decision
        self.info = info
        self.stored = stored
        self.models_dir = models_dir
        self.known = load_known_defects(stored, model.config.score_margin)

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
            from engine.model_store.versions import version_folder

            folder = version_folder(folder, version)
        stored = load_model(folder)
        m = stored.manifest
        info = model_info(m)
        decision = decision_for(m["threshold"], stored.good_scores)
        embedder = stored_graph_embedder(stored) if compile_onnx and weights is None else None
        if embedder is None:  # eager PyTorch: gradients wanted, an older model, or STATION_RUNTIME=torch
            bb = m["backbone"]
            backbone = cached_backbone(bb["name"], weights, tuple(bb["layers"]), models_dir)
            if backbone.weights_sha256 != bb["weights_sha256"]:
                raise BackboneError(
                    f"{category}: trained with {bb['name']} weights {bb['weights_sha256'][:12]}, "
                    f"but the weights found here are {backbone.weights_sha256[:12]}"
                )
            embedder = eager_embedder(stored, backbone)
            if compile_onnx:
                embedder.compile_onnx(tuple(m["input_size"]))
        return cls(build_patchcore(stored, embedder), decision, info, stored, models_dir)

    def eager(self) -> "Inspector":
        """This model with the eager PyTorch embedder (for gradients: the explanations); self if it has it."""
        if self.runtime == "torch":
            return self
        bb = self.stored.manifest["backbone"]
        backbone = cached_backbone(bb["name"], None, tuple(bb["layers"]), self.models_dir)
        model = PatchCore(eager_embedder(self.stored, backbone), self.model.index, self.model.config, self.model.map_view)
        return Inspector(model, self.decision, self.info, self.stored, self.models_dir)

    @property
    def runtime(self) -> str:
        """"onnxruntime (stored graph)", "onnxruntime" (exported at load) or "torch"."""
        return self.model.embedder.runtime

    def with_threshold(self, threshold: float, review_margin: float | None = None) -> "Inspector":
        """The same model with another threshold (not saved)."""
        doc = dict(self.stored.manifest["threshold"])
        if review_margin is not None:
            doc["review_margin"] = review_margin
        decision = decision_for(doc, self.stored.good_scores, threshold)
        return Inspector(self.model, decision, self.info, self.stored,
                         self.models_dir)

    def prepare(self, image: np.ndarray, embedder=None) -> Prepared:
        """The features phase of a judgement: resize and run the feature graph (``embedder``, by
        default the model's own; ``batch_judge`` passes its one-thread twin)."""
        embedder = embedder or self.model.embedder
        t0 = time.perf_counter()
        small = resize_to(image, self.model.config.input_size)
        x = embedder.to_tensor([small])
        t1 = time.perf_counter()
        emb = embedder.features(x)
        return Prepared(image, small, emb, _ms(t0, t1), _ms(t1, time.perf_counter()))

    def search(self, prepared: Prepared) -> tuple[ScoredPatches, float]:
        """The search phase (FAISS over the memory bank): the scored patches and its milliseconds."""
        t0 = time.perf_counter()
        scored = self.model.scored(prepared.emb)
        return scored, _ms(t0, time.perf_counter())

    def finish(self, prepared: Prepared, scored: ScoredPatches, search_ms: float, source: str, load_ms: float = 0.0,
               keep_image: bool = False) -> InspectionResult:
        """The map phase and the result record: anomaly map at the image's size, global embedding."""
        t0 = time.perf_counter()
        image = prepared.image
        amap = self.model.anomaly_map(scored.cells[0], image.shape[:2], int(scored.score_cells[0]), prepared.small)
        vec = global_embedding(prepared.emb[0])
        map_ms = _ms(t0, time.perf_counter())
        raw = float(scored.scores[0])
        verdict = self.decision.verdict(raw)
        known = None  # only a REVIEW part can change verdict by it: no work on the others
        if self.known is not None and verdict is Verdict.REVIEW:
            known = self.known.score(prepared.emb[0], scored.cells[0])
            if known >= 1.0:
                verdict = Verdict.FAIL
        timing = Timing(load_ms=load_ms, preprocess_ms=prepared.preprocess_ms, features_ms=prepared.features_ms,
                        search_ms=search_ms, map_ms=map_ms,
                        total_ms=load_ms + prepared.preprocess_ms + prepared.features_ms + search_ms + map_ms)
        return InspectionResult(
            source=source, verdict=verdict, score=raw, known_defect_score=known,
            normalised_score=self.decision.normalise(raw), threshold=self.decision.threshold,
            category=self.info.category, model_id=self.info.model_id, anomaly_map=amap,
            patch_scores=scored.cells[0], image=image if keep_image else None,
            image_size=(int(image.shape[0]), int(image.shape[1])), timing=timing, embedding=vec,
        )

    def judge(self, image: np.ndarray, source: str, load_ms: float = 0.0, keep_image: bool = False) -> InspectionResult:
        """Judge one uint8 RGB image (H, W, 3): ``prepare``, ``search`` and ``finish`` in turn."""
        prepared = self.prepare(image)
        scored, search_ms = self.search(prepared)
        return self.finish(prepared, scored, search_ms, source, load_ms, keep_image)

    def failed(self, source: str, exc: BaseException) -> InspectionResult:
        """The ERROR result for an exception raised while judging ``source``: bad input names the
        problem; an engine fault is an ERROR (cause "station"), never a PASS."""
        if isinstance(exc, ImageLoadError):
            return error_result(source, str(exc), self.info.category, self.info.model_id)
        if isinstance(exc, MemoryError):
            return error_result(source, f"{source}: not enough memory to judge this image", self.info.category,
                                self.info.model_id, cause="station")
        log.error("inspection of %s failed", source, exc_info=exc)
        return error_result(source, f"{source}: internal error: {type(exc).__name__}: {exc}",
                            self.info.category, self.info.model_id, cause="station")

    def guarded(self, source: str, get_image, keep_image: bool = False, load_ms: float | None = None
                ) -> InspectionResult:
        """``judge`` of ``get_image()``, every exception an ERROR result (``failed``); ``load_ms``:
        the decode time when the image was decoded elsewhere (default: ``get_image``'s own)."""
        t0 = time.perf_counter()
        try:
            image = get_image()
            ms = (time.perf_counter() - t0) * 1000.0 if load_ms is None else load_ms
            return self.judge(image, source, ms, keep_image)
        except Exception as exc:  # MemoryError included
            return self.failed(source, exc)

    def inspect_path(self, path: str | os.PathLike[str], keep_image: bool = False) -> InspectionResult:
        return self.guarded(os.fspath(path), lambda: load_image(path), keep_image)

    def inspect_paths(self, paths: Iterable[str | os.PathLike[str]], keep_image: bool = False) -> list[InspectionResult]:
        return list(self.iter_paths(paths, keep_image))

    def iter_paths(self, paths: Iterable[str | os.PathLike[str]], keep_image: bool = False,
                   prefetch: int = DECODE_AHEAD, pipeline: bool | None = None) -> Iterator[InspectionResult]:
        """Results in order, the next ``prefetch`` images decoded in threads (OpenCV and PIL release
        the GIL). With ``pipeline`` (default: unless ``STATION_PIPELINE=0``) the next image's
        features and the last one's map are made on a worker thread while FAISS searches the
        current one (``engine.judging.batch_judge``): the same results, about a quarter less time."""
        paths = [os.fspath(p) for p in paths]
        pipeline = batch_judge.pipeline_wanted() if pipeline is None else pipeline
        yield from batch_judge.judged(self, decode_ahead(paths, prefetch), keep_image, pipeline and len(paths) > 1)

    def inspect_array(self, frame: np.ndarray, source: str = "camera", keep_image: bool = False) -> InspectionResult:
        return self.guarded(source, lambda: as_rgb_array(frame), keep_image)
