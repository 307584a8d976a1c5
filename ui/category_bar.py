"""Category selector with each model's facts, and the dialog that trains a new category."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton,
                               QVBoxLayout, QWidget)


def model_facts(info) -> str:
    """One line about a ModelInfo (any object with its attributes)."""
    return (f"{info.backbone}, {info.train_images} training images, threshold {info.threshold:.2f} "
            f"({info.threshold_method}), {info.created[:10]}")


class CategoryBar(QWidget):
    categoryChosen = Signal(str)
    newCategoryRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setMinimumWidth(180)
        self.facts = QLabel("")
        self.new_button = QPushButton(self.tr("New category…"))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(QLabel(self.tr("Category:")))
        lay.addWidget(self.combo)
        lay.addWidget(self.facts, 1)
        lay.addWidget(self.new_button)
        self._infos: dict[str, object] = {}
        self.combo.activated.connect(lambda i: self.categoryChosen.emit(self.combo.itemData(i)))
        self.new_button.clicked.connect(self.newCategoryRequested)

    def set_models(self, models: list[tuple[str, object, str | None]], current: str | None = None) -> None:
        """``models``: (name, info or None, error or None) as ``engine.store.list_models`` gives."""
        self.combo.blockSignals(True)
        self.combo.clear()
        self._infos = {}
        for name, info, err in models:
            label = name if info is not None else f"{name} (unusable)"
            self.combo.addItem(label, name)
            self.combo.setItemData(self.combo.count() - 1, model_facts(info) if info else err, 3)  # tooltip
            self._infos[name] = info
        if current is not None:
            self.combo.setCurrentIndex(max(0, self.combo.findData(current)))
        self.combo.blockSignals(False)
        self.show_facts(self.current())

    def current(self) -> str | None:
        return self.combo.currentData()

    def select(self, name: str) -> None:
        self.combo.setCurrentIndex(max(0, self.combo.findData(name)))
        self.show_facts(name)

    def show_facts(self, name: str | None) -> None:
        info = self._infos.get(name) if name else None
        self.facts.setText(model_facts(info) if info else "")


class TrainDialog(QDialog):
    """Asks for a name and a folder of good images; shows progress; can cancel."""

    startRequested = Signal(str, str)  # category, folder
    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New category"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. bottle-cap"))
        self.folder = QLineEdit()
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Category name"), self.name)
        form.addRow(self.tr("Folder of GOOD images"), row)
        self.stage = QLabel(self.tr("Train from good images only; about 30 s for 200 images."))
        self.bar = QProgressBar()
        self.bar.setValue(0)
        self.buttons = QDialogButtonBox()
        self.start_button = self.buttons.addButton(self.tr("Train"), QDialogButtonBox.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.Cancel)
        self.start_button.clicked.connect(lambda: self.startRequested.emit(self.name.text().strip(), self.folder.text().strip()))
        self.cancel_button.clicked.connect(self._cancel)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.stage)
        lay.addWidget(self.bar)
        lay.addWidget(self.buttons)
        self.running = False

    def _browse(self) -> None:
        d = QFileDialog.getExistingDirectory(self, self.tr("Folder of good images"))
        if d:
            self.folder.setText(d)

    def _cancel(self) -> None:
        if self.running:
            self.cancelRequested.emit()
            self.stage.setText(self.tr("Cancelling…"))
        else:
            self.reject()

    def set_running(self, running: bool) -> None:
        self.running = running
        self.start_button.setEnabled(not running)
        self.name.setEnabled(not running)
        self.folder.setEnabled(not running)

    def set_progress(self, stage: str, done: int, total: int) -> None:
        self.stage.setText(self.tr("{0}: {1} / {2}").format(stage, done, total))
        self.bar.setMaximum(max(total, 1))
        self.bar.setValue(done)

    def finish(self, message: str) -> None:
        self.set_running(False)
        self.stage.setText(message)
