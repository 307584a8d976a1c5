"""WHAT it resembles: the nearest past inspections and training images, with thumbnail,
similarity, verdict, the technician's label when there is one, and time. Double-click opens one."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ui.verdict_panel import STYLES


class SimilarTab(QWidget):
    openRequested = Signal(int)  # inspection id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel("")
        self.caption.setWordWrap(True)
        self.list = QListWidget()
        self.list.setIconSize(QSize(56, 56))
        self.list.itemDoubleClicked.connect(self._open)
        lay = QVBoxLayout(self)
        lay.addWidget(self.caption)
        lay.addWidget(self.list, 1)

    def show_neighbours(self, items: list[dict], caption: str = "") -> None:
        self.list.clear()
        self.caption.setText(caption or self.tr("Nearest inspections of this category (double-click to open):"))
        for it in items:
            when = (it.get("time") or "")[:19].replace("T", " ")
            label = it.get("label") or self.tr("no label")
            head = self.tr("EXACT DUPLICATE  ") if it.get("exact_duplicate") else ""
            where = f"#{it['inspection_id']}" if it.get("inspection_id") is not None else (it.get("source") or "")[-40:]
            text = f"{head}{it['similarity']:.3f}  {it.get('verdict', '')}  {where}\n{when}  ·  {label}"
            item = QListWidgetItem(text)
            if it.get("thumbnail"):
                pm = QPixmap()
                pm.loadFromData(QByteArray(it["thumbnail"]))
                item.setIcon(QIcon(pm))
            verdict = str(it.get("verdict", "")).split(" ")[0]
            if verdict in STYLES:
                item.setForeground(QColor(STYLES[verdict][0]))
            item.setData(Qt.UserRole, it.get("inspection_id"))
            self.list.addItem(item)
        if not items and not caption:
            self.caption.setText(self.tr("Nothing stored yet to compare with."))

    def _open(self, item: QListWidgetItem) -> None:
        row = item.data(Qt.UserRole)
        if row is not None:
            self.openRequested.emit(int(row))
