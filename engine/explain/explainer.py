"""All explanations of one verdict from a loaded category model: WHERE (regions), WHICH features
(Grad-CAM++ and Grad-CAM of the defect classifier, LayerCAM of the anomaly score), WHY this
number (SHAP over the measures). The retrieval trace needs the history's ids and is added by
the station. One typed record out; arrays stay arrays.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

import numpy as np

from engine.explain.attribution import ClassifierCams, ScoreCam
from engine.explain.cam import CamResult
from engine.explain.measures import all_measures
from engine.explain.regions import RegionReport, find_regions
from engine.explain.surrogate import ShapExplanation, Surrogate
from engine.patchcore import PatchEmbedder
from engine.types import InspectionResult


@dataclass(frozen=True)
class Explanation:
    """What the four tabs show (the retrieval trace is the station's)."""

    regions: RegionReport
    score_cam: CamResult | None = field(repr=False)
    """LayerCAM of the anomaly score, at the model's input size."""
    classifier_cams: dict[str, CamResult] = field(repr=False, default_factory=dict)
    """Grad-CAM++ and Grad-CAM of the defect logit, at the model's input size (empty: no classifier)."""
    defect_probability: float | None = None
    shap: ShapExplanation | None = None
    model_id: str = ""
    notes: tuple[str, ...] = ()
    """Why a part is missing (no classifier, no surrogate, ...), one line each."""
    timing_ms: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Every number shown, JSON-ready (maps summarised by their peak)."""
        def cam_facts(c: CamResult) -> dict[str, Any]:
            y, x = np.unravel_index(int(np.argmax(c.cam)), c.cam.shape)
            return {"method": c.method, "layers": list(c.layers), "target_value": c.target_value,
                    "peak_xy_input": [int(x), int(y)], "input_size": list(c.cam.shape)}
        return {"model_id": self.model_id, "regions": self.regions.to_dict(),
                "score_cam": cam_facts(self.score_cam) if self.score_cam else None,
                "classifier": {"defect_probability": self.defect_probability,
                               "cams": {k: cam_facts(v) for k, v in self.classifier_cams.items()}},
                "shap": self.shap.to_dict() if self.shap else None, "notes": list(self.notes),
                "timing_ms": self.timing_ms}


class Explainer:
    """Built once per loaded model; ``explain`` runs per verdict (eager PyTorch, gradients)."""

    def __init__(self, inspector, classifier=None, surrogate: Surrogate | None = None,
                 part_mask=None, good_lab: np.ndarray | None = None) -> None:
        inspector = inspector.eager()  # gradients need the PyTorch graph, not the stored ONNX one
        self.inspector = inspector
        self.score_cam = ScoreCam(inspector.model)
        self.classifier = classifier
        self.classifier_cams = ClassifierCams(classifier, inspector.info.input_size) if classifier is not None else None
        self.surrogate = surrogate
        self.part = part_mask
        self.good_lab = good_lab

    def warm_up(self) -> None:
        """Measure the CAM layers' offsets (a few seconds) before the first verdict needs them."""
        self.score_cam.warm_up()
        if self.classifier_cams is not None:
            self.classifier_cams.warm_up()

    @classmethod
    def for_inspector(cls, inspector) -> "Explainer":
        """Everything the model folder offers: classifier, surrogate pairs, part mask, colour."""
        from engine.synth import PartMask

        stored, info = inspector.stored, inspector.info
        clf = None
        if "classifier" in stored.files and info.classifier:
            from engine.classifier import load_classifier

            clf = load_classifier(stored.files["classifier"], info.classifier["weights_sha256"])
        sur = None
        if "surrogate_pairs" in stored.files:
            sur = Surrogate.load(stored.files["surrogate_pairs"], (stored.manifest.get("surrogate") or {}).get("cv_r2"))
        part = PartMask.load_png(stored.files["part_mask"], info.part_mask) if "part_mask" in stored.files else None
        lab = stored.manifest.get("good_colour_lab")
        return cls(inspector, clf, sur, part, np.asarray(lab, np.float64) if lab is not None else None)

    def explain(self, result: InspectionResult, image: np.ndarray,
                classifier_layers: Sequence[str] | None = None,
                pause: Callable[[], None] | None = None) -> Explanation:
        """Explain a judged ``result`` of ``image`` (uint8 RGB as judged).

        ``pause()`` is called between the stages (about 130 ms apart); the station's returns only
        when no verdict is being computed, so an explanation never competes with a verdict for
        longer than one stage.
        """
        pause = pause or (lambda: None)
        t0 = time.perf_counter()
        info = self.inspector.info
        part = self.part.at(image.shape[:2]) if self.part is not None else np.ones(image.shape[:2], bool)
        regions = find_regions(result.anomaly_map, result.threshold, part)
        t1 = time.perf_counter()
        small = PatchEmbedder.preprocess(image, tuple(info.input_size))
        pause()
        score_cam = self.score_cam.explain(small)
        t2 = time.perf_counter()
        notes, cams, prob = [], {}, None
        pause()
        if self.classifier_cams is not None:
            prob, cams = self.classifier_cams.explain(small, classifier_layers)
        else:
            notes.append("no defect classifier: retrain the category with the classifier option for Grad-CAM++")
        t3 = time.perf_counter()
        shap_expl = None
        pause()
        if self.surrogate is not None and result.patch_scores is not None:
            m = all_measures(image, result.patch_scores, result.anomaly_map, part, result.threshold, self.good_lab)
            shap_expl = self.surrogate.explain(m, result.score)
        else:
            notes.append("no surrogate: the model was trained before the self-test; retrain it for SHAP")
        t4 = time.perf_counter()
        ms = lambda a, b: round((b - a) * 1000.0, 1)  # noqa: E731
        return Explanation(regions, score_cam, cams, prob, shap_expl, info.model_id, tuple(notes),
                           {"regions": ms(t0, t1), "score_cam": ms(t1, t2), "classifier_cams": ms(t2, t3),
                            "shap": ms(t3, t4), "total": ms(t0, t4)})
