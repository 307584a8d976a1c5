"""Learning from confirmed defects: what the proposal would change, previewed, with the reason it
needs. Shows what it is given (a dict of the proposal's figures); Apply makes a new version."""

from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHeaderView, QLabel, QLineEdit, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from ui.model_facts import _pct1 as _pct


class LearnDialog(QDialog):
    """``facts``: ``Proposal.facts()`` with ``skipped`` (list of lines) and ``known`` (bool)."""

    def __init__(self, category: str, facts: dict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Learn from confirmed defects: {0}").format(category))
        n = facts["confirmed"]
        head = QLabel(self.tr(
            "<b>{0} confirmed defects</b> of {1}. At today's threshold {2:.3f}, {3} of them FAIL. The proposal: "
            "threshold <b>{4:.3f}</b>, {5} of them FAIL; about {6} of good parts rejected (between {7} and {8})."
        ).format(n, category, facts["threshold_before"], facts["caught_before"], facts["threshold"], facts["caught"],
                 _pct(facts["predicted_frr"]), *(_pct(v) for v in facts["frr_interval"])))
        head.setWordWrap(True)
        known = QLabel(self.tr(
            "A part in the REVIEW band that looks like one of them will FAIL ({0} of their patches kept, its "
            "threshold from {1} held-out good images).").format(facts["bank_patches"], facts["held_out_goods"])
            if facts.get("known_threshold") else self.tr(
            "Their likeness is not used: it would FAIL no more of them than the threshold does."))
        known.setWordWrap(True)
        self.table = QTableWidget(len(facts["rows"]), 4)
        self.table.setHorizontalHeaderLabels([self.tr("False-reject target"), self.tr("Threshold"),
                                              self.tr("Good parts FAIL (predicted)"), self.tr("Confirmed defects FAIL")])
        for r, row in enumerate(facts["rows"]):
            cells = [f"{row['frr_multiple']:g}×", f"{row['threshold']:.3f}",
                     _pct(row["predicted_frr"] + row.get("known_frr", 0.0)), f"{row['caught']} / {n}"]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(("▶ " if row["threshold"] == facts["threshold"] and c == 0 else "") + text)
                self.table.setItem(r, c, item)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        skipped = QLabel(self.tr("Left out (unreadable): {0}").format("; ".join(facts["skipped"][:3]))
                         if facts.get("skipped") else "")
        skipped.setWordWrap(True)
        self.why = QLineEdit()
        self.why.setPlaceholderText(self.tr("Why (kept in the change log)"))
        note = QLabel(self.tr("Apply saves a new model version and puts it on the line; Versions… rolls it back."))
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Apply | QDialogButtonBox.Cancel)
        apply = self.buttons.button(QDialogButtonBox.Apply)
        apply.setEnabled(False)
        apply.clicked.connect(self.accept)
        self.why.textChanged.connect(lambda text: apply.setEnabled(bool(text.strip())))
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        for w in (head, known, self.table, skipped, note, self.why, self.buttons):
            lay.addWidget(w)
        self.resize(680, 420)
