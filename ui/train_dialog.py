"""The New category dialog: name, folder of good images, training options, a gallery preview of
synthetic defects before training, progress with Cancel, and the self-test's trade-off curve
after. Emits requests; the training controller does the work."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton, QScrollArea, QVBoxLayout, QWidget)

from ui.synth_gallery import SynthGallery

MISS_CAPS = (None, 0.05, 0.10, 0.20)
"""Threshold policies offered: false rejects only, or also a cap on synthetic misses."""
REVIEW_LOADS = (0.0, 0.02, 0.04, 0.08)
"""REVIEW band widths offered, as the share of good parts it takes (0.04: the engine's default)."""
BACKBONES = ("efficientnet_lite0", "efficientnet_lite1", "efficientnet_lite2")
"""The embedded backbones (``engine.backbones.EMBEDDED``)."""


class TrainDialog(QDialog):
    """Asks for a name, a folder of good images and options; previews; shows progress; can cancel."""

    startRequested = Signal(str, str)  # category, folder
    previewRequested = Signal(str)  # folder
    cancelRequested = Signal()
    goLiveRequested = Signal(str, str)  # category, version

    def __init__(self, parent: QWidget | None = None, tune_trainings: int = 8) -> None:
        """``tune_trainings``: how many candidate settings tuning trains (the engine's list)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("New category"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. bottle-cap"))
        self.folder = QLineEdit()
        self.folder.editingFinished.connect(self._folder_changed)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder)
        row.addWidget(browse)
        self.classifier_box = QCheckBox(self.tr("Also train the defect classifier (for Grad-CAM++; about 1–2 min more)"))
        self.tune_box = QCheckBox(self.tr("Choose input size, memory bank and feature stages by the self-test "
                                          "(trains {0} times: about {0}x as long)").format(tune_trainings))
        self.policy = QComboBox()
        self.policy.addItem(self.tr("From good images only (1 % false rejects)"), None)
        for cap in MISS_CAPS[1:]:
            self.policy.addItem(self.tr("Also let at most {0:.0%} of synthetic defects pass").format(cap), cap)
        self.review = QComboBox()
        for load in REVIEW_LOADS:
            self.review.addItem(self.tr("About {0:.0%} of good parts to REVIEW").format(load) if load else
                                self.tr("No REVIEW band: PASS or FAIL"), load)
        self.review.setCurrentIndex(REVIEW_LOADS.index(0.04))
        self.review.setToolTip(self.tr("The REVIEW band runs from the good scores' quantile for this share above the "
                                       "false-reject rate up to the threshold: parts in it wait for a person"))
        self.backbone = QComboBox()
        for name, text in ((BACKBONES[0], self.tr("EfficientNet-Lite0 (fast; the default)")),
                           (BACKBONES[1], self.tr("EfficientNet-Lite1 (slower to train and judge)")),
                           (BACKBONES[2], self.tr("EfficientNet-Lite2 (slowest; caught most on magnetic tile)"))):
            self.backbone.addItem(text, name)
        form = QFormLayout()
        form.addRow(self.tr("Category name"), self.name)
        form.addRow(self.tr("Folder of GOOD images"), row)
        form.addRow(self.tr("Threshold"), self.policy)
        form.addRow(self.tr("REVIEW band"), self.review)
        form.addRow(self.tr("Backbone"), self.backbone)
        form.addRow("", self.classifier_box)
        form.addRow("", self.tune_box)
        self.gallery = SynthGallery(columns=7, side=96)
        self.curve = QLabel()
        self.curve.setAlignment(Qt.AlignCenter)
        self.curve.hide()
        self.result = QLabel("")
        self.result.setWordWrap(True)
        self.stage = QLabel(self.tr("Train from good images only; about 30 s for 200 images."))
        self.bar = QProgressBar()
        self.bar.setValue(0)
        self.buttons = QDialogButtonBox()
        self.start_button = self.buttons.addButton(self.tr("Train"), QDialogButtonBox.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.Cancel)
        self.golive_button = self.buttons.addButton(self.tr("Put on the line"), QDialogButtonBox.ActionRole)
        self.golive_button.hide()
        self._trained = ("", "")
        self.golive_button.clicked.connect(lambda: self.goLiveRequested.emit(*self._trained))
        self.start_button.clicked.connect(lambda: self.startRequested.emit(self.name.text().strip(), self.folder.text().strip()))
        self.cancel_button.clicked.connect(self._cancel)
        # the form, gallery and result scroll; progress and buttons stay in view on a 768 px screen
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(form)
        inner.addWidget(QLabel(self.tr("<b>Synthetic defects</b> the station will paint on the part to test itself:")))
        inner.addWidget(self.gallery)
        inner.addWidget(self.curve)
        inner.addWidget(self.result)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setWidget(body)
        lay = QVBoxLayout(self)
        lay.addWidget(scroll, 1)
        lay.addWidget(self.stage)
        lay.addWidget(self.bar)
        lay.addWidget(self.buttons)
        self.running = False
        self.resize(820, 600)
        self.setMaximumHeight(max(400, _screen_height(self) - 60))

    # ---- what the controller reads --------------------------------------------------------
    @property
    def train_classifier(self) -> bool:
        return self.classifier_box.isChecked()

    @property
    def tune(self) -> bool:
        return self.tune_box.isChecked()

    @property
    def max_synthetic_miss(self) -> float | None:
        return self.policy.currentData()

    @property
    def review_load(self) -> float:
        """Share of good parts the REVIEW band takes (0: no band)."""
        return float(self.review.currentData())

    @property
    def backbone_name(self) -> str:
        return self.backbone.currentData()

    # ---- user actions ---------------------------------------------------------------------
    def _browse(self) -> None:
        d = QFileDialog.getExistingDirectory(self, self.tr("Folder of good images"))
        if d:
            self.folder.setText(d)
            self._folder_changed()

    def _folder_changed(self) -> None:
        if self.folder.text().strip() and not self.running:
            self.gallery.clear(self.tr("Painting a few synthetic defects…"))
            self.previewRequested.emit(self.folder.text().strip())

    def _cancel(self) -> None:
        if self.running:
            self.cancelRequested.emit()
            self.stage.setText(self.tr("Cancelling…"))
        else:
            self.reject()

    # ---- what the controller shows --------------------------------------------------------
    def show_preview(self, items: list, message: str) -> None:
        self.gallery.show_items(items, message)

    def set_running(self, running: bool) -> None:
        self.running = running
        self.start_button.setEnabled(not running)
        for w in (self.name, self.folder, self.classifier_box, self.tune_box, self.policy):
            w.setEnabled(not running)
        if running:
            self.curve.hide()
            self.result.setText("")

    def set_progress(self, stage: str, done: int, total: int, fraction: float) -> None:
        """``fraction``: the whole training's progress, 0..1 (it never goes back)."""
        self.stage.setText(self.tr("{0}: {1} / {2}").format(stage, done, total))
        self.bar.setMaximum(1000)
        self.bar.setValue(round(1000 * fraction))

    def finish(self, message: str, curve_png: str | None = None, facts: str = "") -> None:
        self.set_running(False)
        self.stage.setText(message)
        self.result.setText(facts)
        if curve_png:
            self.curve.setPixmap(QPixmap(curve_png).scaledToWidth(420, Qt.SmoothTransformation))
            self.curve.show()

    def offer_go_live(self, category: str, version: str) -> None:
        """The trained model waits: a button puts it on the line."""
        self._trained = (category, version)
        self.golive_button.setText(self.tr("Put {0} {1} on the line").format(category, version))
        self.golive_button.show()

    def reset(self) -> None:
        """Opened again after a run: an empty form, not the last run's result."""
        self.name.clear()
        self.folder.clear()
        self.result.setText("")
        self.curve.hide()
        self.curve.clear()
        self.gallery.clear("")
        self.golive_button.hide()
        self.bar.setValue(0)
        self.stage.setText(self.tr("Train from good images only; about 30 s for 200 images."))


def _screen_height(widget: QWidget) -> int:
    screen = widget.screen() if widget.screen() is not None else None
    return screen.availableGeometry().height() if screen is not None else 768
