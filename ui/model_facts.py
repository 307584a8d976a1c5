"""The model's facts: threshold and the spread of good scores, the part mask, the self-test on
synthetic defects with its trade-off curve, and the defect classifier. Shows what it is given."""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QGridLayout, QLabel, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from ui.image_view import to_pixmap


def _pct(v: float | None) -> str:
    return "–" if v is None else f"{100 * v:.0f} %"


def selftest_text(self_test: dict[str, Any], threshold_method: str) -> str:
    """Rich text of the self-test figures (a dict as the manifest stores it)."""
    if not self_test or not self_test.get("images"):
        return "<i>No self-test: this model was trained before synthetic defects existed; retrain it.</i>"
    kinds = ", ".join(f"{k} {_pct(v['rate'])}" for k, v in sorted(self_test.get("per_kind", {}).items()))
    at_frr = self_test.get("at_frr_threshold", {})
    lines = [
        f"<b>Self-test</b> on {self_test['images']} synthetic defects painted on held-out good images:",
        f"caught {_pct(self_test.get('detection_rate'))} at the threshold ({threshold_method}); "
        f"{_pct(self_test.get('miss_rate'))} would pass",
        f"image AUROC {self_test.get('image_auroc') or 0:.3f}, pixel AUROC {self_test.get('pixel_auroc') or 0:.3f}, "
        f"map peak inside the defect {_pct(self_test.get('pointing_game'))}",
        f"per kind: {kinds}",
    ]
    if at_frr and "+miss-cap" in threshold_method:
        lines.append(f"at the false-reject threshold alone, {_pct(at_frr.get('miss_rate'))} would pass")
    if self_test.get("note"):
        lines.append(f"<i>{self_test['note']}</i>")
    return "<br>".join(lines)


def _pct1(v: float | None) -> str:
    return "–" if v is None else f"{100 * v:.1f} %"


def calibration_text(info) -> str:
    """Rich text of how sure the threshold is and what the REVIEW band costs (``info``: ModelInfo)."""
    u = info.uncertainty or {}
    level = _pct(u.get("interval_level", 0.9))
    parts = []
    if u.get("threshold_interval"):
        lo, hi = u["threshold_interval"]
        parts.append(QCoreApplication.translate("ModelFacts", "<b>How sure</b>: threshold {0:.2f}, between {1:.2f} and {2:.2f} with another "
                        "draw of as many good images ({3}).").format(info.threshold, lo, hi, level))
    if u.get("frr_interval"):
        lo, hi = u["frr_interval"]
        parts.append(QCoreApplication.translate("ModelFacts", "{0} of the {1} calibration goods are at or above it: the site's false-reject "
                        "rate lies between {2} and {3} ({4}).").format(
            _pct1(u.get("calibration_frr")), info.calibration_images, _pct1(lo), _pct1(hi), level))
    if u.get("review_from") is not None:
        parts.append(QCoreApplication.translate("ModelFacts", "<b>REVIEW band</b> from {0:.2f} up to the threshold: about {1} of good parts "
                        "go to REVIEW (expected review load), set to {2}.").format(
            u["review_from"], _pct1(u.get("expected_review_load")), _pct(info.review_load)))
    elif info.review_load is None:
        parts.append(QCoreApplication.translate("ModelFacts", "<b>REVIEW band</b>: ±{0:.0%} of the scale around the threshold (a model from "
                        "before the band came from the good scores; retrain for it).").format(info.review_margin))
    return " ".join(parts)


def known_defects_text(known: dict[str, Any] | None) -> str:
    """Rich text of what a version learnt from confirmed defects, or how to make it learn."""
    if not known:
        return QCoreApplication.translate("ModelFacts", "<b>Confirmed defects</b>: none learnt from yet (More ▸ Learn from confirmed defects…, "
                  "once technicians have confirmed some in the review).")
    text = QCoreApplication.translate("ModelFacts", "<b>Learnt from {0} confirmed defects</b>: threshold {1:.2f} → {2:.2f}; of them {3} → {4} "
              "FAIL; predicted false rejects {5} (between {6} and {7}).").format(
        known["confirmed"], known["threshold_before"], known["threshold"], known["caught_before"], known["caught"],
        _pct1(known.get("predicted_frr")), *(_pct1(v) for v in known.get("frr_interval", [None, None])))
    if known.get("known_threshold"):
        text += " " + QCoreApplication.translate("ModelFacts", "A REVIEW part that looks like one of them ({0} patches kept; threshold from "
                         "{1} held-out goods) FAILs.").format(known.get("bank_patches"), known.get("held_out_goods"))
    else:
        text += " " + QCoreApplication.translate("ModelFacts", "Their likeness score was left out: it caught no more of them than the "
                         "threshold does.")
    return text


def adaptations_text(a: dict[str, Any]) -> str:
    """Rich text of what training chose for these parts from their good images."""
    lv, ring, share = a.get("lighting_variation"), a.get("ring_share_of_maxima"), a.get("ring_share_of_patches")
    light = (f"brightness standardised per image (the good images' mean brightness varies {_pct(lv)})"
             if a.get("photometric") == "standardise" else
             "brightness as it comes" + (f" (varies {_pct(lv)} between good images)" if lv is not None else ""))
    rings = "the outermost ring" if a.get("score_margin") == 1 else f"the outer {a.get('score_margin')} rings"
    clip = a.get("map_ring_clip") or 0
    on_map = (f"the map draws its outer {clip} rings no hotter than the patches just inside them"
              if clip else "the map still shows it")
    border = (f"{rings} of patches left out of the score (it held the largest patch "
              f"of {_pct(ring)} of good images, {_pct(share)} of the grid); {on_map}"
              if a.get("score_margin") else
              "every patch counts" + (f" (the outer ring held the largest patch of {_pct(ring)} of good images)"
                                      if ring is not None else ""))
    guide = a.get("map_guide_radius") or 0
    follows = f"; the map follows the image's own edges within {guide} px, so a pinhole's peak lands on it" if guide else ""
    fill = a.get("map_fill_sigma") or 0
    fills = (f"; the map fills in from around ({fill:g} px), so a defect that is a whole region shows as one"
             if fill else "")
    view = a.get("map_view_share")
    searched = (f"; the map's second view is searched where the map is warmest ({_pct(view)} of each image's "
                "cells and their neighbours), and agrees with the first elsewhere as it does on good images"
                if view is not None and view < 1 else "")
    return f"<b>Adapted to the parts</b>: {light}; {border}{follows}{fills}{searched}." + tuning_text(a.get("tuning"))


def stages_text(stages) -> str:
    """Backbone feature stages as people read them: (2, 3, 4) -> "2-4", (1, 3) -> "1, 3"."""
    s = list(stages)
    if len(s) > 1 and s == list(range(s[0], s[0] + len(s))):
        return f"{s[0]}-{s[-1]}"
    return ", ".join(map(str, s))


def tuning_text(tuning: dict[str, Any] | None) -> str:
    """Rich text of the settings tuning tried (a dict as the manifest stores it), or nothing."""
    if not tuning or not tuning.get("candidates"):
        return ""
    chosen = tuning.get("chosen")
    figures = {c["name"]: f"{c['name']} {c['image_auroc'] or 0:.3f}, {_pct(c.get('pointing_game'))}"
               for c in tuning["candidates"]}
    tried = "; ".join(f"<b>{text}</b>" if name == chosen else text for name, text in figures.items())
    return (f"<br><b>Settings chosen</b> by the self-test on synthetic defects: {chosen}. Tried (synthetic image "
            f"AUROC, map peak inside the defect): {tried}. Rule: {tuning.get('criterion', '')}.")


def classifier_text(classifier: dict[str, Any] | None) -> str:
    if not classifier:
        return ("<b>Defect classifier</b>: not trained. Grad-CAM++ needs it: retrain the category with "
                "“Also train the defect classifier”.")
    held = classifier.get("held_out", {})
    return (f"<b>Defect classifier</b>: {classifier.get('backbone')} last two stages fine-tuned, "
            f"{classifier.get('good_images')} good / {classifier.get('defect_images')} synthetic images, "
            f"{classifier.get('epochs')} epochs in {classifier.get('seconds', 0):.0f} s; held-out AUROC "
            f"{held.get('auroc') or 0:.3f}, accuracy {_pct(held.get('accuracy'))}")


class ModelFactsDialog(QDialog):
    """Facts of one model; images come as RGB arrays or PNG paths, already made."""

    editMaskRequested = Signal(str)  # category

    def __init__(self, info, mask_preview: np.ndarray | None, curve_png: str | None, gallery_png: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Model facts: {0}").format(info.category))
        q = info.good_score_quantiles or {}
        self.facts = QLabel(self.tr(
            "<b>{0}</b> &nbsp; model {1} {2}<br>{3} (stages {16}), input {4}x{5} px, memory bank {6} patches, {7} training + {8} "
            "held-out good images<br><b>Threshold</b> {9:.3f} ({10}, target false-reject rate {11:.0%}, from {15} good "
            "scores); good scores median {12:.2f}, p95 {13:.2f}, max {14:.2f}").format(
            info.category, info.version, info.model_id, info.backbone, info.input_size[1], info.input_size[0],
            info.memory_bank_size, info.train_images, info.held_out_images, info.threshold,
            info.threshold_method, info.target_frr, q.get("median", 0), q.get("p95", 0), q.get("max", 0),
            info.calibration_images, stages_text(info.layers) if not info.map_stages else
            self.tr("{0}; the map also from {1} against a bank of their own").format(
                stages_text(info.layers), stages_text(info.map_stages))))
        self.facts.setWordWrap(True)
        self.calibration = QLabel(calibration_text(info) + "<br>" + known_defects_text(info.known_defects))
        self.calibration.setWordWrap(True)
        pm = info.part_mask or {}
        self.mask_label = QLabel(self.tr("<b>Part mask</b>: {0}").format(pm.get("reason") or self.tr("none stored")))
        self.mask_label.setWordWrap(True)
        self.mask_image = QLabel()
        if mask_preview is not None:
            self.mask_image.setPixmap(to_pixmap(mask_preview).scaled(220, 220, Qt.KeepAspectRatio, Qt.SmoothTransformation))
        self.curve = QLabel()
        if curve_png:
            self.curve.setPixmap(QPixmap(curve_png).scaledToWidth(420, Qt.SmoothTransformation))
        self.adapted = QLabel(adaptations_text(info.adaptations))
        self.adapted.setWordWrap(True)
        self.selftest = QLabel(selftest_text(info.self_test, info.threshold_method))
        self.selftest.setWordWrap(True)
        self.classifier = QLabel(classifier_text(info.classifier))
        self.classifier.setWordWrap(True)
        self.gallery = QLabel()
        if gallery_png:
            self.gallery.setPixmap(QPixmap(gallery_png).scaledToWidth(860, Qt.SmoothTransformation))
        self.edit_mask = QPushButton(self.tr("Correct part mask…"))
        self.edit_mask.clicked.connect(lambda: self.editMaskRequested.emit(info.category))
        grid = QGridLayout()
        grid.addWidget(self.mask_label, 0, 0)
        grid.addWidget(self.mask_image, 1, 0, Qt.AlignTop)
        grid.addWidget(self.edit_mask, 2, 0, Qt.AlignLeft)
        grid.addWidget(self.curve, 0, 1, 3, 1)
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.addWidget(self.facts)
        lay.addWidget(self.calibration)
        lay.addWidget(self.adapted)
        lay.addLayout(grid)
        lay.addWidget(self.selftest)
        lay.addWidget(self.gallery)
        lay.addWidget(self.classifier)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll)
        outer.addWidget(buttons)
        self.resize(920, 680)
        screen = self.screen()  # the buttons stay on a 768 px screen; the facts scroll
        self.setMaximumHeight(max(400, (screen.availableGeometry().height() if screen else 768) - 60))
