"""History list: latest inspections with thumbnail, time, verdict and score; filters by verdict
and category. Emits the row id the user selects; the window fetches and shows it."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QVBoxLayout, QWidget)

from ui.verdict_panel import STYLES


class HistoryPanel(QWidget):
    rowSelected = Signal(int)
    filtersChanged = Signal(str, str)  # verdict ('' = all), category ('' = all); the shift filter too

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.verdict_filter = QComboBox()
        self.verdict_filter.addItem(self.tr("All verdicts"), "")
        for v in ("PASS", "FAIL", "REVIEW", "ERROR"):
            self.verdict_filter.addItem(v, v)
        self.category_filter = QComboBox()
        self.category_filter.addItem(self.tr("All categories"), "")
        self.shift_filter = QComboBox()
        self.shift_filter.addItem(self.tr("This shift"), True)
        self.shift_filter.addItem(self.tr("All shifts"), False)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("History")))
        top.addStretch(1)
        top.addWidget(self.shift_filter)
        top.addWidget(self.verdict_filter)
        top.addWidget(self.category_filter)
        self.list = QListWidget()
        self.list.setIconSize(QSize(56, 56))
        self.list.setUniformItemSizes(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(top)
        lay.addWidget(self.list)
        self.list.currentItemChanged.connect(self._selected)
        self.verdict_filter.currentIndexChanged.connect(self._filters)
        self.category_filter.currentIndexChanged.connect(self._filters)
        self.shift_filter.currentIndexChanged.connect(self._filters)

    def filters(self) -> tuple[str, str]:
        """(verdict, category) chosen above the list; "" for all."""
        return self.verdict_filter.currentData() or "", self.category_filter.currentData() or ""

    @property
    def this_shift(self) -> bool:
        """Only the current shift's inspections are listed."""
        return bool(self.shift_filter.currentData())

    def shows(self, verdict: str, category: str) -> bool:
        """Whether a record of ``verdict`` and ``category`` passes the filters chosen above the list."""
        v, c = self.filters()
        return (not v or verdict == v) and (not c or category == c)

    def _filters(self) -> None:
        self.filtersChanged.emit(*self.filters())

    def _selected(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.rowSelected.emit(int(item.data(Qt.UserRole)))

    def set_categories(self, names: list[str]) -> None:
        current = self.category_filter.currentData()
        self.category_filter.blockSignals(True)
        self.category_filter.clear()
        self.category_filter.addItem(self.tr("All categories"), "")
        for n in names:
            self.category_filter.addItem(n, n)
        i = self.category_filter.findData(current)
        self.category_filter.setCurrentIndex(max(0, i))
        self.category_filter.blockSignals(False)

    @staticmethod
    def _item(row) -> QListWidgetItem:
        t = datetime.fromisoformat(row.ts).astimezone().strftime("%H:%M:%S")
        score = f"{row.score:.2f} / {row.threshold:.2f}" if row.score is not None and row.threshold else "–"
        name = "/".join(row.source.replace("\\", "/").rsplit("/", 2)[-2:])
        text = f"{row.verdict:<6}  {t}  score {score}\n{row.category}  {name}"
        if row.error:
            text += f"\n{row.error[:90]}"
        item = QListWidgetItem(text)
        item.setData(Qt.UserRole, row.id)
        if row.thumbnail:
            pm = QPixmap()
            pm.loadFromData(row.thumbnail, "JPG")
            item.setIcon(QIcon(pm))
        item.setForeground(QColor(STYLES.get(row.verdict, STYLES["READY"])[0]))
        return item

    def set_rows(self, rows: list) -> None:
        """Replace the list with ``rows`` (newest first)."""
        self.list.blockSignals(True)
        self.list.clear()
        for r in rows:
            self.list.addItem(self._item(r))
        self.list.blockSignals(False)

    def prepend(self, row, limit: int = 200) -> None:
        self.list.insertItem(0, self._item(row))
        while self.list.count() > limit:
            self.list.takeItem(self.list.count() - 1)

    def row_ids(self) -> list[int]:
        return [int(self.list.item(i).data(Qt.UserRole)) for i in range(self.list.count())]
