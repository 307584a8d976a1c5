"""The explanation worker: a second QThread, so a verdict never waits for an explanation.

It loads its own copy of each category model (the inspection worker's stays untouched), builds
the ``Explainer`` once per model (CAM offsets measured then), explains each judged image in
arrival order, stores every number and map with the inspection, adds the image's embedding to
the retrieval index, and sends the lot back to the window.
"""

from __future__ import annotations

import io
import logging
import os
import time
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)
NEIGHBOURS = 6


class ExplanationWorker(QObject):
    explained = Signal(int, object)  # inspection id, {"facts", "files", "neighbours"[, "stored"]}
    failed = Signal(int, str)  # inspection id, message
    compared = Signal(int, object)  # inspection id, {"a": result, "b": result, "agreement": dict}

    def __init__(self, models_dir: str | os.PathLike[str], data_dir: str | os.PathLike[str],
                 judging=None) -> None:
        """``judging``: a ``threading.Event`` set while a verdict is computed (see ``pause``)."""
        super().__init__()
        self.judging = judging
        self.models_dir, self.data_dir = Path(models_dir), Path(data_dir)
        self._explainers: dict[str, Any] = {}
        self._store = None
        self._history = None
        self.layers: dict[str, list[str]] = {}
        """Classifier layers chosen per category (default: the head convolution)."""

    @property
    def store(self):
        if self._store is None:  # created in this thread, used only here
            from station.storage.explanations import ExplanationStore
            from station.storage.history import HistoryStore

            self._history = HistoryStore(self.data_dir)
            self._store = ExplanationStore(self._history)
        return self._store

    def explainer(self, category: str, model_id: str):
        """The Explainer of ``category`` when its model is ``model_id`` (reloaded after a retrain)."""
        ex = self._explainers.get(category)
        if not self._explainers:
            import torch

            # one core for explanations, per thread: the verdict's ONNX Runtime keeps the other
            torch.set_num_threads(1)
        if ex is None or ex.inspector.info.model_id != model_id:
            from engine.explain.explainer import Explainer
            from engine.judging.inspector import Inspector

            insp = Inspector.load(self.models_dir, category, compile_onnx=False)
            ex = Explainer.for_inspector(insp)
            ex.warm_up()
            self._explainers[category] = ex
            self._import_training(insp)
        return ex

    def _import_training(self, insp) -> None:
        stored = insp.stored
        if "train_embeddings" not in stored.files:
            return
        vectors = np.load(stored.files["train_embeddings"], allow_pickle=False)
        paths = stored.manifest.get("training", {}).get("embedded_images", [])
        self.store.import_training(insp.info.category, insp.info.model_id, paths, vectors)

    @Slot(object, int)
    def explain(self, result, row_id: int) -> None:
        """Explain a judged result (its image kept) stored as history row ``row_id``."""
        if not result.ok or result.image is None or row_id < 0:
            return
        try:
            ex = self.explainer(result.category, result.model_id)
            if ex.inspector.info.model_id != result.model_id:
                self.failed.emit(row_id, "the model changed since this verdict; not explained")
                return
            payload = self._explain(ex, result, row_id, self.layers.get(result.category))
        except Exception as exc:  # an explanation that fails must not stop the station
            log.exception("explanation of %s failed", result.source)
            self.failed.emit(row_id, f"explanation failed: {type(exc).__name__}: {exc}")
            return
        self.explained.emit(row_id, payload)

    @Slot(int, list)
    def reexplain(self, row_id: int, layers: list) -> None:
        """Explain a stored inspection again with other classifier layers."""
        from engine.imaging import load_image

        row = self.store.history.get(row_id)
        if row is None or not row.image_path:
            self.failed.emit(row_id, "this inspection's image is not stored; cannot explain it again")
            return
        if layers:
            self.layers[row.category] = list(layers)
        layers = layers or self.layers.get(row.category) or None
        try:
            ex = self.explainer(row.category, row.model_id)
            image = load_image(row.image_path)
            result = ex.inspector.judge(image, row.source, keep_image=True)
            payload = self._explain(ex, result, row_id, list(layers) if layers else None)
        except Exception as exc:  # noqa: BLE001 - an unreadable image included: reported, the station goes on
            self.failed.emit(row_id, f"explanation failed: {exc}")
            return
        self.explained.emit(row_id, payload)

    def pause(self) -> None:
        """Wait (up to 2 s) while the inspection worker computes a verdict."""
        if self.judging is None:
            return
        end = time.monotonic() + 2.0
        while self.judging.is_set() and time.monotonic() < end:
            time.sleep(0.005)

    def _explain(self, ex, result, row_id: int, layers) -> dict[str, Any]:
        from engine.explain.surrogate import waterfall_png

        expl = ex.explain(result, result.image, layers, pause=self.pause)
        self.pause()
        store = self.store
        store.add_embedding(result.category, result.embedding, row_id, result.model_id, "inspection", result.source)
        neighbours = store.neighbours(result.category, result.embedding, NEIGHBOURS, exclude_inspection=row_id)
        maps = {"score_cam": expl.score_cam.cam} if expl.score_cam is not None else {}
        for name, cam in expl.classifier_cams.items():
            maps[_key(name)] = cam.cam
        pngs = {}
        if expl.shap is not None:
            buf = io.BytesIO()
            waterfall_png(expl.shap, buf)
            pngs["waterfall"] = buf.getvalue()
        facts = expl.to_dict()
        facts["neighbours"] = [{k: v for k, v in n.items() if k != "thumbnail"} for n in neighbours]
        facts["classifier"]["layers_available"] = list(ex.classifier.cam_layers) if ex.classifier is not None else []
        store.save_explanation(row_id, result.model_id, facts, maps, pngs)
        stored = store.load_explanation(row_id)
        return {"facts": facts, "files": stored[1] if stored else {}, "neighbours": neighbours}

    @Slot(int, str)
    def compare(self, row_id: int, other: str) -> None:
        """Judge a stored inspection's image with its own model and with ``other``'s."""
        from engine.explain.compare import compare_results
        from engine.imaging import load_image
        from engine.judging.inspector import Inspector

        row = self.store.history.get(row_id)
        try:
            if row is None or not row.image_path:
                raise ValueError("this inspection's image is not stored")
            image = load_image(row.image_path)
            a = self.explainer(row.category, row.model_id).inspector.judge(image, row.source, keep_image=True)
            key = f"compare:{other}"
            if key not in self._explainers:
                self._explainers[key] = Inspector.load(self.models_dir, other, compile_onnx=False)
            b = self._explainers[key].judge(image, row.source, keep_image=True)
        except Exception as exc:  # noqa: BLE001 - reported in the window, the station goes on
            self.failed.emit(row_id, f"comparison failed: {exc}")
            return
        self.compared.emit(row_id, {"a": a, "b": b, "agreement": compare_results(a, b)})

    @Slot(int)
    def load(self, row_id: int) -> None:
        """A stored explanation, shown again without recomputing."""
        stored = self.store.load_explanation(row_id)
        if stored is None:  # never explained (an error, or skipped in a long burst): explain it now
            self.reexplain(row_id, [])
            return
        facts, files = stored
        neighbours = facts.get("neighbours", [])
        for n in neighbours:  # thumbnails come from the history, not the JSON
            if n.get("inspection_id") is not None:
                row = self.store.history.get(int(n["inspection_id"]))
                n["thumbnail"] = row.thumbnail if row else None
            else:
                n["thumbnail"] = self.store.thumbnail_of(n.get("source"))
        self.explained.emit(row_id, {"facts": facts, "files": files, "neighbours": neighbours, "stored": True})

    @Slot()
    def shutdown(self) -> None:
        if self._store is not None:
            self._store.close()
            self._history.close()
            self._store = self._history = None


def _key(method: str) -> str:
    return {"Grad-CAM++": "gradcam_pp", "Grad-CAM": "gradcam"}.get(method, method.lower())
