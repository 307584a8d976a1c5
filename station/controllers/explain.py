"""The explanation flow: every verdict is sent to the explanation worker; what comes back is
shown in the four tabs when it belongs to the inspection on screen (and is stored either way);
choosing an old inspection shows its stored explanation without recomputing."""

from __future__ import annotations

import cv2
import numpy as np
from PySide6.QtCore import QObject, Signal

from engine.explain.measures import MEASURES
from engine.explain.surrogate import MIN_R2
from station.workers.explanation import ExplanationWorker
from station.workers.inspection import WorkerThread
from station.render import cam_overlay, draw_outlines, heat_rgba
from ui.explanation_panel import ExplanationPanel

BACKLOG = 32
"""Judged results waiting for an explanation (with their images); older ones are explained only
when opened from the history, so a long burst cannot fill the memory."""

CAM_LABELS = {"gradcam_pp": "Grad-CAM++ (defect classifier)", "gradcam": "Grad-CAM (defect classifier)",
              "score_cam": "LayerCAM of the anomaly score"}


class ExplainController(QObject):
    requestExplain = Signal(object, int)
    requestLoad = Signal(int)
    requestReexplain = Signal(int, list)
    requestCompare = Signal(int, str)

    def __init__(self, window, panel: ExplanationPanel) -> None:
        super().__init__(window)
        self.window, self.panel = window, panel
        self.worker = ExplanationWorker(window.models_dir, window.data_dir, window.worker.judging)
        self.thread = WorkerThread(self.worker, self, name="explanation-worker")
        self.requestExplain.connect(self.worker.explain)
        self.requestLoad.connect(self.worker.load)
        self.requestReexplain.connect(self.worker.reexplain)
        self.worker.explained.connect(self.on_explained)
        self.worker.failed.connect(self.on_failed)
        self.requestCompare.connect(self.worker.compare)
        self.worker.compared.connect(self.on_compared)
        panel.compareRequested.connect(self.ask_compare)
        self.compare_dialog = None
        panel.which.layersRequested.connect(self._layers_requested)
        panel.similar.openRequested.connect(window.show_history_row)
        panel.where.colormapChanged.connect(lambda _name: self.redraw_heat())
        # one opacity, two sliders (the tab's and the one under the image) that follow each other
        panel.where.opacity.setValue(window.opacity.value())
        panel.where.opacityChanged.connect(window.opacity.setValue)
        window.opacity.valueChanged.connect(panel.where.opacity.setValue)
        self.current_row: int | None = None
        self.shown: tuple[np.ndarray, np.ndarray | None, float | None] | None = None
        """(image, anomaly map, threshold) of the inspection on screen."""
        self.last_payload: dict | None = None
        self.backlog: list[tuple[object, int]] = []
        self.busy = False
        self.in_flight = -1
        """The row whose explanation the worker computes now (-1: none)."""
        self.thread.start()

    # ---- what the window tells ---------------------------------------------------------------
    def on_inspected(self, result, row_id: int) -> None:
        """Judged results are explained one at a time, and only while no verdict is waiting, so
        explanations never delay a verdict; the one on screen goes first."""
        if result.ok and row_id >= 0:
            self.backlog.append((result, row_id))
            if len(self.backlog) > BACKLOG:
                self.backlog.pop(0)
        self.pump()

    def pump(self) -> None:
        if self.busy or not self.backlog or self.window.pending > 0:
            return
        pick = next((i for i, (_, r) in enumerate(self.backlog) if r == self.current_row), 0)
        result, row_id = self.backlog.pop(pick)
        self.busy, self.in_flight = True, row_id
        self.requestExplain.emit(result, row_id)

    def on_displayed(self, row_id: int, image, amap, threshold, stored: bool = False) -> None:
        """The window now shows inspection ``row_id``: its explanation is what the tabs show."""
        self.current_row = row_id
        self.shown = (image, amap, threshold)
        self.redraw_heat()
        self.pump()
        if row_id is None or row_id < 0:
            text = self.tr("No explanation: this inspection was not judged.")
            self.panel.clear(text)
            self.panel.set_status(text)
            return
        explaining = self.tr("Inspection #{0}: explaining…").format(row_id)
        self.panel.clear(explaining)
        self.panel.set_status(self.tr("Inspection #{0}: stored explanation").format(row_id) if stored else explaining)
        if stored:
            self.requestLoad.emit(row_id)

    def show_live(self, result, row_id: int) -> None:
        """Show a judged result again (back from the review): explained from the store when its
        explanation is done, else when it comes."""
        waiting = row_id == self.in_flight or any(r == row_id for _, r in self.backlog)
        self.on_displayed(row_id if result.ok else -1, result.image, result.anomaly_map, result.threshold,
                          stored=result.ok and row_id >= 0 and not waiting)

    def heat(self, amap, threshold) -> np.ndarray | None:
        """The heat layer in the Where tab's colours, with the regions above threshold outlined."""
        from engine.explain.regions import find_regions

        if amap is None or not threshold:
            return None
        rgba = heat_rgba(amap, threshold, colormap=self.panel.where.colormap.currentText())
        return draw_outlines(rgba, [r.outline for r in find_regions(amap, threshold).regions])

    def redraw_heat(self) -> None:
        if self.shown is None:
            return
        if self.shown[0] is None:
            self.window.view.show_image(None)
            return
        image, amap, thr = self.shown
        heat = self.heat(amap, thr)
        if heat is not None and heat.shape[:2] != image.shape[:2]:
            heat = None
        self.window.view.show_image(image, heat)

    # ---- what the worker answers -------------------------------------------------------------
    def on_explained(self, row_id: int, payload: dict) -> None:
        if not payload.get("stored"):
            self.busy, self.in_flight = False, -1
            self.pump()
        if row_id != self.current_row:
            return  # stored; shown when that inspection is opened
        self.last_payload = payload
        facts, files = payload["facts"], payload["files"]
        p = self.panel
        p.where.show_regions(facts["regions"])
        self._show_cams(facts, files)
        shap = facts.get("shap")
        note = "; ".join(n for n in facts.get("notes", []) if "surrogate" in n)
        p.why.show_shap(shap, files.get("waterfall"), MEASURES, MIN_R2, note)
        p.similar.show_neighbours(payload.get("neighbours", []))
        ms = facts.get("timing_ms", {}).get("total")
        p.set_status(self.tr("Inspection #{0}: explained by model {1}{2}").format(
            row_id, facts.get("model_id", ""), self.tr(" in {0:.0f} ms").format(ms) if ms and not payload.get("stored") else ""))

    def _show_cams(self, facts: dict, files: dict) -> None:
        image = self.shown[0] if self.shown else None
        cls = facts.get("classifier") or {}
        overlays = {}
        for key in ("gradcam_pp", "gradcam", "score_cam"):
            cam = files.get(key)
            if cam is None or image is None:
                continue
            small = cv2.resize(image, (cam.shape[1], cam.shape[0]), interpolation=cv2.INTER_AREA)
            if key == "score_cam":
                sc = facts.get("score_cam") or {}
                caption = self.tr("LayerCAM of the anomaly score {0:.2f} at PatchCore's backbone layers {1}").format(
                    sc.get("target_value", 0.0), ", ".join(sc.get("layers", [])))
            else:
                c = cls.get("cams", {}).get("Grad-CAM++" if key == "gradcam_pp" else "Grad-CAM", {})
                caption = self.tr("{0} of the defect logit of model {1}, layer {2}; defect probability {3:.0%}").format(
                    c.get("method", key), facts.get("model_id", ""), " + ".join(c.get("layers", [])),
                    cls.get("defect_probability") or 0.0)
            overlays[CAM_LABELS[key]] = (cam_overlay(small, cam), caption)
        layers = cls.get("layers_available", [])
        options = [(self.tr("layer {0}").format(n), [n]) for n in reversed(layers)]
        if len(layers) > 1:
            options.append((self.tr("all layers combined"), list(layers)))
        current = next(iter(cls.get("cams", {}).values()), {}).get("layers", [])
        self.panel.which.set_layers(options, list(current))
        note = "; ".join(n for n in facts.get("notes", []) if "classifier" in n)
        self.panel.which.show_cams(overlays, note, offer_training=not layers)

    def on_failed(self, row_id: int, message: str) -> None:
        self.busy, self.in_flight = False, -1
        self.pump()
        if row_id == self.current_row:
            self.panel.set_status(self.tr("Inspection #{0}: {1}").format(row_id, message))

    def _layers_requested(self, layers: list) -> None:
        if self.current_row is not None and self.current_row >= 0 and layers:
            self.panel.set_status(self.tr("Inspection #{0}: explaining at {1}…").format(self.current_row, ", ".join(layers)))
            self.requestReexplain.emit(self.current_row, layers)

    # ---- two models, one image --------------------------------------------------------------------
    def ask_compare(self, other: str | None = None) -> None:
        """Ask which other category's model to judge the inspection on screen with."""
        from PySide6.QtWidgets import QInputDialog

        from engine.model_store.store import list_models

        if self.current_row is None or self.current_row < 0:
            self.window.show_message(self.tr("Choose a judged inspection first."))
            return
        current = self.window.model_info.category if self.window.model_info else None
        names = [n for n, info, _ in list_models(self.window.models_dir) if info is not None and n != current]
        if not names:
            self.window.show_message(self.tr("No other model to compare with: train another category first."))
            return
        if other is None:
            other, ok = QInputDialog.getItem(self.window, self.tr("Compare with"), self.tr("Model of category:"), names, 0, False)
            if not ok:
                return
        self.panel.set_status(self.tr("Inspection #{0}: judging it with {1} too…").format(self.current_row, other))
        self.requestCompare.emit(self.current_row, other)

    def on_compared(self, row_id: int, payload: dict) -> None:
        from station.render import blend
        from ui.compare_dialog import CompareDialog

        sides = []
        for r in (payload["a"], payload["b"]):
            heat = self.heat(r.anomaly_map, r.threshold)
            rgb = blend(r.image, heat) if heat is not None else r.image
            sides.append((f"{r.category}: {r.model_id} (score {r.score:.2f}, threshold {r.threshold:.2f})", r.verdict.value, rgb))
        ag = payload["agreement"]
        text = self.tr("<b>{0}</b>: verdicts {1} / {2}; anomaly maps correlate {3:.2f}; flagged areas overlap "
                       "(IoU) {4:.2f}.").format(self.tr("They agree") if ag["verdicts_agree"] else self.tr("They DISAGREE"),
                                                 *ag.get("verdicts", ["?", "?"]), ag.get("map_correlation", 0.0),
                                                 ag.get("region_iou", 0.0))
        self.compare_dialog = CompareDialog(sides, text, self.window)
        self.compare_dialog.show()
        self.panel.set_status(self.tr("Inspection #{0}: compared").format(row_id))

    def shutdown(self) -> None:
        if self.thread.isRunning():
            self.thread.quit()
            self.thread.wait(30000)
        self.worker.shutdown()
