"""The category flows: training a new category (dialog, synthetic-defect preview, options,
progress, cancel, self-test result) and showing a model's facts. Owns the dialogs; the window
only forwards the category bar's requests and the worker's progress."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

from station.workers.training import TrainingWorker, overall_fraction
from station.workers.inspection import WorkerThread
from ui.mask_editor import MaskEditorDialog
from ui.model_facts import ModelFactsDialog, calibration_text, selftest_text, tuning_text
from ui.train_dialog import TrainDialog


class CategoryController(QObject):
    requestTrain = Signal(str, object, object, bool)  # category, good paths, TrainConfig, tune (engine.training.tuning)
    requestPreview = Signal(str)  # folder

    def __init__(self, window, worker) -> None:
        super().__init__(window)
        self.window, self.worker = window, worker
        self.trainer = TrainingWorker(window.models_dir, worker.hold)
        self.thread = WorkerThread(self.trainer, self, name="training-worker")
        self.dialog: TrainDialog | None = None
        self.after_training: list[Callable[[], None]] = []
        """Callables run once, after the next trained model is selected."""
        self.queued: list[str] = []
        """Categories of the trainings asked for and not yet ended, in order (they run one at a time)."""
        self._fraction = 0.0
        self.requestTrain.connect(self.trainer.train)
        self.requestPreview.connect(self.trainer.preview_synth)
        self.trainer.trainingFinished.connect(self.on_finished)
        self.trainer.trainingFailed.connect(self.on_failed)
        self.trainer.progress.connect(self.on_progress)
        self.trainer.synthPreview.connect(self.on_preview)
        self.status = QLabel("")
        self.status.setObjectName("trainingStatus")
        self.status.hide()
        window.statusBar().addPermanentWidget(self.status)
        # a category trained or copied in by another program is listed without a restart
        self.folder_watch = QFileSystemWatcher(self)
        self.watch_models_folder()
        self._relist = QTimer(self, singleShot=True, interval=500, timeout=self.relist)
        self.folder_watch.directoryChanged.connect(lambda _path: self._relist.start())
        self.thread.start()

    def watch_models_folder(self) -> None:
        """Watch the models folder for categories made elsewhere (once it exists)."""
        folder = str(self.window.models_dir)
        if not self.folder_watch.directories() and Path(folder).is_dir():
            self.folder_watch.addPath(folder)

    def relist(self) -> None:
        """List the models folder again; the line keeps the category it judges."""
        w = self.window
        w.refresh_categories(w.model_info.category if w.model_info else w.category_bar.current(), load=w.model_info is None)

    def switch(self, name: str) -> None:
        """The operator picked another category in the bar: a technician's step, logged."""
        w = self.window
        current = w.model_info.category if w.model_info else None
        if not name or name == current:
            return
        if current is not None and not w.require_technician(self.tr("switch the line to another category")):
            w.category_bar.select(current)
            return
        if current is not None:
            from station.storage.reviews import ReviewStore

            a = w.authority
            ReviewStore(w.reader).log_change(a.who, a.role, "category", current, name, self.tr("line switched"))
        w.choose_category(name)

    # ---- new category ------------------------------------------------------------------------
    def open_dialog(self) -> None:
        if (self.dialog is None or not self.dialog.running) and \
                not self.window.require_technician(self.tr("train a category")):
            return
        if self.dialog is None:
            self.dialog = TrainDialog(self.window)
            self.dialog.startRequested.connect(self.start)
            self.dialog.previewRequested.connect(self.requestPreview)
            # called here, not queued: a queued call would wait behind the training it should stop
            self.dialog.cancelRequested.connect(lambda: self.trainer.cancel_training())
            self.dialog.goLiveRequested.connect(self.go_live)
        elif not self.dialog.running:
            self.dialog.reset()
        self.dialog.show()
        self.dialog.raise_()

    def start(self, category: str, folder: str) -> None:
        """Check the name and folder, then queue the training with the dialog's options."""
        from engine.model_store.store import ModelError, check_category_name
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
                             max_synthetic_miss=self.dialog.max_synthetic_miss, review_load=self.dialog.review_load,
                             backbone=self.dialog.backbone_name)
        self.dialog.set_running(True)
        self.request(category, paths, config, self.dialog.tune)

    def request(self, category: str, paths: list, config, tune: bool = False) -> None:
        """Queue a training in the training thread (the only way a training starts); ``tune``: one
        training per candidate setting, the self-test's choice kept. The line goes on meanwhile."""
        self.trainer.reset_cancel()
        self.queued.append(category)
        self._fraction = 0.0
        self.status.setText(self.tr("Training {0}: starting…").format(category))
        self.status.show()
        self.requestTrain.emit(category, paths, config, tune)

    def on_preview(self, folder: str, items: list, message: str) -> None:
        if self.dialog is not None and folder == self.dialog.folder.text().strip():
            self.dialog.show_preview(items, message)

    def on_progress(self, stage: str, done: int, total: int) -> None:
        """Training steps in the dialog and the status bar (one bar that only moves forward); a
        step with total 0 is a message."""
        if total == 0:
            self.window.show_message(stage)
            return
        self._fraction = max(self._fraction, overall_fraction(stage, done, total))
        if self.dialog is not None and self.dialog.running:
            self.dialog.set_progress(stage, done, total, self._fraction)
        self.status.setText(self.tr("Training {0}: {1} {2:.0%}").format(self.training or "", stage.split(",")[0],
                                                                          self._fraction))

    @property
    def training(self) -> str:
        """The category being trained ('' when none)."""
        return self.queued[0] if self.queued else ""

    def _ended(self) -> None:
        if self.queued:
            self.queued.pop(0)
        self._fraction = 0.0
        self.status.setVisible(bool(self.queued))

    def on_finished(self, report) -> None:
        info = report.info
        self._ended()
        self.watch_models_folder()  # the first training may have made the folder
        w = self.window
        if self.dialog is not None and not self.queued:
            curve = report.folder / _file(report.folder, "tradeoff_plot")
            self.dialog.finish(self.tr("Done: {0} {1} trained in {2:.0f} s").format(
                info.category, info.version or "", report.seconds["total"]),
                str(curve) if curve.is_file() else None,
                calibration_text(info) + "<br>" + selftest_text(info.self_test, info.threshold_method)
                + tuning_text(info.adaptations.get("tuning")))
        if w.model_info is None:  # nothing on the line yet: the new model is what it judges with
            self.go_live(info.category, info.version or "", ask=False)
            return
        current = w.category_bar.current()
        w.refresh_categories(current, load=False)
        if self.dialog is not None:
            self.dialog.offer_go_live(info.category, info.version or "")
        w.show_message(self.tr("{0} {1} is trained; the line goes on with {2}. Put it on the line from the New "
                               "category dialog when you are ready.").format(info.category, info.version or "",
                                                                            w.model_info.category), 30)

    def go_live(self, category: str, vid: str, ask: bool = True) -> None:
        """Put a trained version on the line (a technician's step, logged)."""
        from engine.model_store.store import ModelError
        from engine.model_store.versions import activate_version
        from station.storage.reviews import ReviewStore

        w = self.window
        if ask and not w.require_technician(self.tr("put a new model on the line")):
            return
        old = w.model_info.model_id if w.model_info else ""
        if vid:
            try:
                m = activate_version(Path(w.models_dir) / category, vid)
            except ModelError as exc:
                w.show_message(str(exc))
                return
            if ask:
                a = w.authority
                ReviewStore(w.reader).log_change(a.who, a.role, f"model:{category}", old, m["model_id"],
                                                 self.tr("put on the line after training ({0})").format(vid))
        w.refresh_categories(category)
        jobs, self.after_training = self.after_training, []
        for job in jobs:
            job()

    def on_failed(self, message: str) -> None:
        w = self.window
        self._ended()
        w.show_message(message)
        if w.model_info is None:
            w.verdict.set_state("NO MODEL", message)
        if self.dialog is not None and not self.queued:  # a training queued since keeps the dialog running
            self.dialog.finish(message)

    def shutdown(self) -> None:
        self.trainer.cancel_training()
        if self.thread.isRunning():
            self.thread.quit()
            self.thread.wait(30000)

    # ---- facts -------------------------------------------------------------------------------
    def show_facts(self, category: str) -> ModelFactsDialog | None:
        """The model's facts dialog (part mask over a good image, self-test, curve, classifier)."""
        from engine.model_store.store import ModelError, model_info, read_manifest

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
        from engine.model_store.store import ModelError, read_manifest

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
        from engine.model_store.store import ModelError
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
    from engine.model_store.store import read_manifest

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
