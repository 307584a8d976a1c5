"""The category flows: training a new category (dialog, synthetic-defect preview, options,
progress, cancel, self-test result) and showing a model's facts. Owns the dialogs; the window
only forwards the category bar's requests and the worker's progress."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Signal

from ui.mask_editor import MaskEditorDialog
from ui.model_facts import ModelFactsDialog, selftest_text, tuning_text
from ui.train_dialog import TrainDialog


class CategoryController(QObject):
    requestTrain = Signal(str, object, object, bool)  # category, good paths, TrainConfig, tune (engine.tuning)
    requestPreview = Signal(str)  # folder

    def __init__(self, window, worker) -> None:
        super().__init__(window)
        self.window, self.worker = window, worker
        self.dialog: TrainDialog | None = None
        self.after_training: list[Callable[[], None]] = []
        """Callables run once, after the next trained model is selected."""
        self.requestTrain.connect(worker.train)
        self.requestPreview.connect(worker.preview_synth)
        worker.trainingFinished.connect(self.on_finished)
        worker.trainingFailed.connect(self.on_failed)
        worker.progress.connect(self.on_progress)
        worker.synthPreview.connect(self.on_preview)

    # ---- new category ------------------------------------------------------------------------
    def open_dialog(self) -> None:
        if self.dialog is None:
            self.dialog = TrainDialog(self.window)
            self.dialog.startRequested.connect(self.start)
            self.dialog.previewRequested.connect(self.requestPreview)
            self.dialog.cancelRequested.connect(self.worker.cancel_training)
        self.dialog.show()
        self.dialog.raise_()

    def start(self, category: str, folder: str) -> None:
        """Check the name and folder, then queue the training with the dialog's options."""
        from engine.store import ModelError, check_category_name
        from engine.training import TrainConfig, TrainingError, list_images

        try:
            check_category_name(category)
            paths = list_images(folder)
        except (ModelError, TrainingError) as exc:
            self.dialog.finish(str(exc))
            return
        if len(paths) < 2:
            self.dialog.finish(self.tr("{0} holds {1} images; at least 2 good images are needed").format(folder, len(paths)))
            return
        config = TrainConfig(train_classifier=self.dialog.train_classifier,
                             max_synthetic_miss=self.dialog.max_synthetic_miss)
        self.dialog.set_running(True)
        self.window.verdict.set_state("TRAINING", self.tr("Training {0} on {1} good images…").format(category, len(paths)))
        self.request(category, paths, config, self.dialog.tune)

    def request(self, category: str, paths: list, config, tune: bool = False) -> None:
        """Queue a training in the worker (the only way a training starts); ``tune``: one training per
        candidate setting, the self-test's choice kept."""
        self.worker.reset_cancel()
        self.requestTrain.emit(category, paths, config, tune)

    def on_preview(self, folder: str, items: list, message: str) -> None:
        if self.dialog is not None and folder == self.dialog.folder.text().strip():
            self.dialog.show_preview(items, message)

    def on_progress(self, stage: str, done: int, total: int) -> None:
        """Training steps in the dialog and the status bar; a step with total 0 is a message."""
        w = self.window
        if total == 0:
            w.show_message(stage)
            return
        if self.dialog is not None and self.dialog.running:
            self.dialog.set_progress(stage, done, total)
        w.queue_label.setText(self.tr("Training, {0}: {1} of {2}").format(stage, done, total))
        w.queue_bar.setMaximum(total)
        w.queue_bar.setValue(done)
        w.queue_bar.setVisible(done < total or stage != "saving")

    def on_finished(self, report) -> None:
        self.window.update_queue()
        if self.dialog is not None:
            curve = report.folder / _file(report.folder, "tradeoff_plot")
            self.dialog.finish(self.tr("Done: {0} trained in {1:.0f} s").format(report.info.category, report.seconds["total"]),
                               str(curve) if curve.is_file() else None,
                               selftest_text(report.info.self_test, report.info.threshold_method)
                               + tuning_text(report.info.adaptations.get("tuning")))
        self.window.refresh_categories(report.info.category)
        jobs, self.after_training = self.after_training, []
        for job in jobs:
            job()

    def on_failed(self, message: str) -> None:
        w = self.window
        w.update_queue()
        w.show_message(message)
        if w.model_info is None:
            w.verdict.set_state("NO MODEL", message)
        else:
            w.on_model_loaded(w.model_info)
        if self.dialog is not None:
            self.dialog.finish(message)

    # ---- facts -------------------------------------------------------------------------------
    def show_facts(self, category: str) -> ModelFactsDialog | None:
        """The model's facts dialog (part mask over a good image, self-test, curve, classifier)."""
        from engine.store import ModelError, model_info, read_manifest

        folder = Path(self.window.models_dir) / category
        try:
            m = read_manifest(folder)
            info = model_info(m)
        except (ModelError, KeyError, TypeError, ValueError) as exc:
            self.window.show_message(str(exc))
            return None
        dialog = ModelFactsDialog(info, _mask_preview(folder, m), _existing(folder, m, "tradeoff_plot"),
                                  _existing(folder, m, "synthetic_gallery"), self.window)
        dialog.editMaskRequested.connect(self.edit_mask)
        dialog.show()
        return dialog

    # ---- part mask -----------------------------------------------------------------------------
    def edit_mask(self, category: str) -> MaskEditorDialog | None:
        """Let a technician draw the part by hand over a good image with the current mask on it."""
        from engine.store import ModelError, read_manifest

        folder = Path(self.window.models_dir) / category
        try:
            m = read_manifest(folder)
        except ModelError as exc:
            self.window.show_message(str(exc))
            return None
        image = _mask_preview(folder, m)
        if image is None:
            self.window.show_message(self.tr("{0}: no part mask or good image to draw on").format(category))
            return None
        editor = MaskEditorDialog(image, category, self.window)
        editor.maskDrawn.connect(lambda kind, values: self._save_mask(editor, category, image.shape[:2], kind, values))
        editor.relearnRequested.connect(lambda: self._save_mask(editor, category, image.shape[:2], "learn", None))
        editor.fullFrameRequested.connect(lambda: self._save_mask(editor, category, image.shape[:2], "full", None))
        editor.show()
        return editor

    def _save_mask(self, editor, category: str, image_shape: tuple[int, int], kind: str, values) -> None:
        """Shape in image pixels -> mask pixels -> saved into the model folder (crash-safe)."""
        from engine.store import ModelError
        from engine.synth import PartMaskError, mask_from_polygon, mask_from_rectangle
        from engine.synth.category import CategorySynthError, category_part_mask, set_category_mask

        try:
            shape = category_part_mask(self.window.models_dir, category).mask.shape
            sy, sx = shape[0] / image_shape[0], shape[1] / image_shape[1]
            if kind == "rectangle":
                x, y, w, h = values
                part = mask_from_rectangle(shape, round(x * sx), round(y * sy), round(w * sx), round(h * sy))
                facts = set_category_mask(self.window.models_dir, category, part=part)
            elif kind == "polygon":
                part = mask_from_polygon(shape, [(px * sx, py * sy) for px, py in values])
                facts = set_category_mask(self.window.models_dir, category, part=part)
            else:
                facts = set_category_mask(self.window.models_dir, category, learn=kind == "learn",
                                          full_frame=kind == "full")
        except (ModelError, PartMaskError, CategorySynthError, OSError) as exc:
            editor.done_with(str(exc), False)
            return
        editor.done_with("", True)
        self.window.show_message(self.tr("Part mask of {0} saved: {1}").format(category, facts["reason"]))


def _file(folder: Path, key: str) -> str:
    from engine.store import read_manifest

    return read_manifest(folder)["files"].get(key, {}).get("name", "")


def _existing(folder: Path, manifest: dict, key: str) -> str | None:
    name = manifest["files"].get(key, {}).get("name")
    return str(folder / name) if name and (folder / name).is_file() else None


def _mask_preview(folder: Path, manifest: dict):
    """The part mask over the first readable training image (None when either is missing)."""
    from engine.imaging import ImageLoadError, load_image
    from engine.synth import PartMask, PartMaskError

    mask_path = _existing(folder, manifest, "part_mask")
    if mask_path is None:
        return None
    from engine.synth.category import mask_overlay

    try:
        part = PartMask.load_png(mask_path, manifest.get("part_mask"))
    except PartMaskError:
        return None
    for p in manifest.get("training", {}).get("good_images", [])[:5]:
        try:
            return mask_overlay(part, load_image(p))
        except ImageLoadError:
            continue
    return (part.mask[:, :, None].repeat(3, axis=2) * 255).astype("uint8")
