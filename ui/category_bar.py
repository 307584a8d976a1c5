"""Category selector with a line of each model's facts and buttons for its full facts and for a
new category (whose dialog lives in ``ui.train_dialog``)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget


def model_facts(info) -> str:
    """One line about a ModelInfo (any object with its attributes)."""
    line = (f"{info.backbone}, {info.train_images} training images, threshold {info.threshold:.2f} "
            f"({info.threshold_method}), {info.created[:10]}")
    st = getattr(info, "self_test", None) or {}
    if st.get("images"):
        line += f"; self-test: {100 * st['detection_rate']:.0f} % of synthetic defects caught"
    pm = getattr(info, "part_mask", None) or {}
    if pm:
        line += "; part: whole frame" if pm.get("full_frame") else f"; part: {100 * pm.get('area_fraction', 0):.0f} % of frame"
    return line


class CategoryBar(QWidget):
    categoryChosen = Signal(str)
    newCategoryRequested = Signal()
    factsRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setMinimumWidth(180)
        self.facts = QLabel("")
        self.facts.setWordWrap(True)  # long facts wrap instead of widening the window
        self.facts.setMinimumWidth(120)
        self.facts_button = QPushButton(self.tr("Facts…"))
        self.facts_button.setToolTip(self.tr("Threshold, part mask, self-test on synthetic defects, classifier"))
        self.new_button = QPushButton(self.tr("New category…"))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(QLabel(self.tr("Category:")))
        lay.addWidget(self.combo)
        lay.addWidget(self.facts, 1)
        lay.addWidget(self.facts_button)
        lay.addWidget(self.new_button)
        self._infos: dict[str, object] = {}
        self.combo.activated.connect(lambda i: self.categoryChosen.emit(self.combo.itemData(i)))
        self.new_button.clicked.connect(self.newCategoryRequested)
        self.facts_button.clicked.connect(lambda: self.current() and self.factsRequested.emit(self.current()))

    def set_models(self, models: list[tuple[str, object, str | None]], current: str | None = None) -> None:
        """``models``: (name, info or None, error or None) as ``engine.model_store.store.list_models`` gives."""
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

    def update_info(self, info) -> None:
        """The facts of a model just loaded (its threshold may have changed since the list was made)."""
        self._infos[info.category] = info
        self.show_facts(info.category)

    def show_facts(self, name: str | None) -> None:
        info = self._infos.get(name) if name else None
        self.facts.setText(model_facts(info) if info else "")
        self.facts.setToolTip(self.facts.text())
