"""Training beside the line: a worker in a thread of its own, so parts keep being judged while a
category trains, a model is extended or rebuilt, or synthetic defects are previewed.

A trained model never goes live on the running line by itself. Retraining a category that
already has a model saves the new version and puts the one the line was judging with back as
active (the inspection worker is told not to follow that category meanwhile); the technician
then puts the new version on the line, or keeps it for later in the versions list."""

from __future__ import annotations

import logging
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)

STAGE_SHARES = {"features": 0.45, "coreset": 0.15, "calibration": 0.25, "classifier": 0.10, "saving": 0.05}
"""Rough share of a training's time each stage takes, for one bar that only moves forward."""


def overall_fraction(stage: str, done: int, total: int) -> float:
    """Where a training stands, 0..1, from its stage name and that stage's count. A tuned
    training names its candidate after a comma ("features, 384 px"); the bar then covers one
    candidate at a time (the caller keeps it from going back)."""
    name = stage.split(",")[0].strip()
    order = list(STAGE_SHARES)
    if name not in STAGE_SHARES:
        return 0.0
    before = sum(STAGE_SHARES[s] for s in order[:order.index(name)])
    return min(1.0, before + STAGE_SHARES[name] * (done / total if total else 0.0))


class TrainingWorker(QObject):
    """Slots run in the training thread; results come back as signals."""

    progress = Signal(str, int, int)  # stage, done, total
    trainingFinished = Signal(object)  # TrainReport
    trainingFailed = Signal(str)
    synthPreview = Signal(str, object, str)  # folder, [(uint8 RGB crop, kind)], message
    modelUpdated = Signal(object, str, str)  # ModelInfo of the new version, "extend" | "rebuild", note

    def __init__(self, models_dir: str | Path, hold) -> None:
        """``hold``: the inspection worker's set of categories whose new versions it must not follow."""
        super().__init__()
        self.models_dir = Path(models_dir)
        self.hold = hold
        self._cancel = threading.Event()

    def _active(self, category: str) -> str:
        from engine.model_store.store import ModelError
        from engine.model_store.versions import active_version

        try:
            return active_version(self.models_dir / category) or ""
        except ModelError:
            return ""

    @Slot(str, object, object, bool)
    def train(self, category: str, good_paths: list, config, tune: bool = False) -> None:
        """Train ``category``; with ``tune``, once per candidate setting (``engine.training.tuning``)."""
        from engine.training import TrainingCancelled
        from engine.training.tuning import train_or_tune
        from engine.model_store.versions import activate_version

        before = self._active(category)
        self.hold.add(category)
        try:
            report = train_or_tune(category, good_paths, self.models_dir, config, tune,
                                   progress=lambda s, d, n: self.progress.emit(s, d, n),
                                   should_cancel=self._cancel.is_set)
            if before:  # the line keeps the version it judged with until someone puts the new one on
                activate_version(self.models_dir / category, before)
        except TrainingCancelled:
            self.trainingFailed.emit("training cancelled; no model was saved")
            return
        except Exception as exc:
            log.debug(traceback.format_exc())
            self.trainingFailed.emit(str(exc))
            return
        finally:
            self.hold.discard(category)
        self.trainingFinished.emit(report)

    @Slot(str, object, str, str)
    def update_model(self, category: str, paths: list, how: str, note: str) -> None:
        """A new version of ``category`` that knows ``paths`` as good (extend or rebuild); asked
        for by a technician in the review, it becomes the active one."""
        from engine.model_store.updates import extend_category, rebuild_category

        self._cancel.clear()
        report = lambda s, d, n: self.progress.emit(s, d, n)  # noqa: E731
        try:
            if how == "extend":
                info = extend_category(self.models_dir, category, paths, note, progress=report)
            else:
                info = rebuild_category(self.models_dir, category, paths, note, progress=report,
                                        should_cancel=self._cancel.is_set).info
        except Exception as exc:
            log.debug(traceback.format_exc())
            self.trainingFailed.emit(f"{category}: no new version was made: {exc}")
            return
        self.modelUpdated.emit(info, how, note)

    @Slot(str)
    def preview_synth(self, folder: str) -> None:
        """Synthetic defects on a folder's good images, for the New category dialog."""
        from engine.synth import PartMaskError, SynthesisError
        from engine.synth.category import CategorySynthError, preview_defects

        try:
            items, part = preview_defects(folder)
        except (CategorySynthError, SynthesisError, PartMaskError, OSError) as exc:
            self.synthPreview.emit(folder, [], str(exc))
            return
        self.synthPreview.emit(folder, items, part.reason)

    def cancel_training(self) -> None:
        """Thread-safe, called directly from the UI thread (a queued call would wait behind the
        very training it should stop): a running or queued training stops at its next check."""
        self._cancel.set()

    def reset_cancel(self) -> None:
        """Called when a training is queued, so an old cancel does not stop it."""
        self._cancel.clear()
