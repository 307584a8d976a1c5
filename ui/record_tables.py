"""Two read-mostly tables: the change log, and a category's model versions (with rollback)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)


def _table(headers: list[str], rows: list[list[str]]) -> QTableWidget:
    t = QTableWidget(len(rows), len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.setEditTriggers(QAbstractItemView.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectRows)
    t.setSelectionMode(QAbstractItemView.SingleSelection)
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            t.setItem(i, j, QTableWidgetItem(v))
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    return t


class ChangeLogDialog(QDialog):
    """``changes``: objects with ts, who, role, subject, old_value, new_value, why (newest first)."""

    def __init__(self, changes: list, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change log"))
        rows = [[c.ts[:19].replace("T", " "), c.who, c.role or "", c.subject, c.old_value or "", c.new_value or "",
                 c.why or ""] for c in changes]
        self.table = _table([self.tr("When (UTC)"), self.tr("Who"), self.tr("Role"), self.tr("What"), self.tr("Old"),
                             self.tr("New"), self.tr("Why")], rows)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table)
        self.resize(900, 420)


class VersionsDialog(QDialog):
    """``versions``: objects with vid, number, model_id, created, kind, threshold, good_images, note, active."""

    activateRequested = Signal(str)

    def __init__(self, category: str, versions: list, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Model versions of {0}").format(category))
        self.versions = versions
        rows = [[("● " if v.active else "") + (v.vid or "(single)"), v.created.replace("T", " ")[:19], v.kind,
                 f"{v.threshold:.3f}", str(v.good_images), v.model_id, v.note] for v in versions]
        self.table = _table([self.tr("Version"), self.tr("Created"), self.tr("Made by"), self.tr("Threshold"),
                             self.tr("Good images"), self.tr("Model id"), self.tr("Note")], rows)
        self.activate = QPushButton(self.tr("Make the selected version active"))
        self.activate.clicked.connect(self._activate)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("Every version is kept; ● marks the one that judges parts now.")))
        lay.addWidget(self.table)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.activate)
        lay.addLayout(row)
        self.resize(980, 360)

    def _activate(self) -> None:
        i = self.table.currentRow()
        if 0 <= i < len(self.versions) and self.versions[i].vid and not self.versions[i].active:
            self.activateRequested.emit(self.versions[i].vid)
