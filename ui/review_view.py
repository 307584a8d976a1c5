"""Review view: a shift's rejects and REVIEW parts, worst first, decided by keyboard.

Shows data and emits what the technician asks for; the review controller records decisions.
The image with its map and the explanation tabs are the window's own widgets, lent to this
view while it is open (``hold``).

Keys: N / Right next, P / Left previous, D confirm as defect (with the chosen type),
G overrule as good (with the chosen reason), S skip, T defect type, R reason, E note,
Esc back to inspection.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPushButton, QSplitter, QVBoxLayout, QWidget)

from ui.recent_strip import RecentStrip
from ui.verdict_panel import STYLES



class ReviewView(QWidget):
    shiftChanged = Signal(int)  # index into the shift list
    categoryChanged = Signal(str)
    rowChosen = Signal(int)  # inspection id
    decided = Signal(str)  # "defect" | "good"
    skipped = Signal()
    addTypeRequested = Signal()
    learnRequested = Signal()
    reportRequested = Signal()
    closeRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewView")
        self.OPEN = self.tr("· open")
        title = QLabel(self.tr("Review of a shift"))
        title.setObjectName("reviewTitle")
        self.shift = QComboBox()
        self.category = QComboBox()
        self.include_pass = QCheckBox(self.tr("PASS parts too (to record escapes)"))
        self.verdict = QComboBox()
        for text, data in ((self.tr("FAIL and REVIEW"), ("FAIL", "REVIEW")), (self.tr("FAIL only"), ("FAIL",)),
                           (self.tr("REVIEW only"), ("REVIEW",))):
            self.verdict.addItem(text, data)
        self.summary = QLabel("")
        self.summary.setObjectName("reviewSummary")
        back = QPushButton(self.tr("Back to inspection (Esc)"))
        report = QPushButton(self.tr("Shift report…"))
        self.learn = QPushButton(self.tr("Add overruled parts to the good set…"))
        top = QHBoxLayout()
        for w in (title, QLabel(self.tr("Shift")), self.shift, QLabel(self.tr("Category")), self.category):
            top.addWidget(w)
        top.addWidget(self.summary, 1)
        top.addWidget(back)
        second = QHBoxLayout()
        second.addWidget(QLabel(self.tr("Verdicts")))
        second.addWidget(self.verdict)
        second.addWidget(self.include_pass)
        second.addStretch(1)
        for w in (self.learn, report):
            second.addWidget(w)
        self.shift.setMinimumContentsLength(26)

        self.queue = QListWidget()
        self.queue.setIconSize(QSize(64, 64))
        self.queue.setMinimumWidth(230)
        self.centre = QVBoxLayout()
        centre = QWidget()
        centre.setLayout(self.centre)
        self.centre.setContentsMargins(0, 0, 0, 0)

        self.current = QLabel(self.tr("Nothing to review"))
        self.current.setObjectName("reviewCurrent")
        self.current.setWordWrap(True)
        self.trail = QLabel("")
        self.trail.setWordWrap(True)
        self.defect_type = QComboBox()
        self.reason = QComboBox()
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note (optional)"))
        add_type = QPushButton(self.tr("New type…"))
        self.confirm_button = QPushButton(self.tr("Confirm defect (D)"))
        self.confirm_button.setObjectName("confirmDefect")
        self.overrule_button = QPushButton(self.tr("Overrule as good (G)"))
        self.overrule_button.setObjectName("overruleGood")
        prev_b, skip_b, next_b = (QPushButton(self.tr("◀ Previous (P)")), QPushButton(self.tr("Skip (S)")),
                                  QPushButton(self.tr("Next (N) ▶")))
        form = QGridLayout()
        form.addWidget(QLabel(self.tr("Defect type (T)")), 0, 0)
        form.addWidget(self.defect_type, 0, 1)
        form.addWidget(add_type, 0, 2)
        form.addWidget(QLabel(self.tr("Reason to overrule (R)")), 1, 0)
        form.addWidget(self.reason, 1, 1, 1, 2)
        form.addWidget(QLabel(self.tr("Note (E)")), 2, 0)
        form.addWidget(self.note, 2, 1, 1, 2)
        buttons = QHBoxLayout()
        for b in (self.confirm_button, self.overrule_button):
            b.setMinimumHeight(44)
            buttons.addWidget(b)
        nav = QHBoxLayout()
        for b in (prev_b, skip_b, next_b):
            nav.addWidget(b)
        decide = QFrame()
        decide.setObjectName("decisionBox")
        dl = QVBoxLayout(decide)
        dl.addWidget(self.current)
        dl.addWidget(self.trail)
        dl.addLayout(form)
        dl.addLayout(buttons)
        dl.addLayout(nav)
        self.right = QVBoxLayout()
        right = QWidget()
        right.setLayout(self.right)
        self.right.setContentsMargins(0, 0, 0, 0)
        self.right.addWidget(decide)

        split = QSplitter(Qt.Horizontal)
        for w in (self.queue, centre, right):
            split.addWidget(w)
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 2)
        # the live line goes on while a technician reviews: its last parts stay in view
        self.live_strip = RecentStrip()
        live = QHBoxLayout()
        live.addWidget(QLabel(self.tr("<b>Live line</b>")))
        live.addWidget(self.live_strip, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addLayout(second)
        lay.addWidget(split, 1)
        lay.addLayout(live)

        self.shift.currentIndexChanged.connect(self.shiftChanged)
        self.category.currentIndexChanged.connect(lambda _i: self.categoryChanged.emit(self.category.currentData() or ""))
        self.include_pass.toggled.connect(lambda _on: self.categoryChanged.emit(self.category.currentData() or ""))
        self.verdict.currentIndexChanged.connect(lambda _i: self.categoryChanged.emit(self.category.currentData() or ""))
        self.queue.currentItemChanged.connect(lambda item, _old: item and self.rowChosen.emit(int(item.data(Qt.UserRole))))
        self.confirm_button.clicked.connect(lambda: self.decided.emit("defect"))
        self.overrule_button.clicked.connect(lambda: self.decided.emit("good"))
        prev_b.clicked.connect(self.previous)
        next_b.clicked.connect(self.next)
        skip_b.clicked.connect(self.skipped)
        add_type.clicked.connect(self.addTypeRequested)
        self.learn.clicked.connect(self.learnRequested)
        report.clicked.connect(self.reportRequested)
        back.clicked.connect(self.closeRequested)
        for keys, slot in [("N", self.next), ("Right", self.next), ("P", self.previous), ("Left", self.previous),
                           ("D", lambda: self.decided.emit("defect")), ("G", lambda: self.decided.emit("good")),
                           ("S", self.skipped.emit), ("T", self.defect_type.setFocus), ("R", self.reason.setFocus),
                           ("E", self.note.setFocus), ("Escape", self.closeRequested.emit)]:
            sc = QShortcut(QKeySequence(keys), self, activated=slot)
            sc.setContext(Qt.WidgetWithChildrenShortcut)

    # ---- what the controller sets -------------------------------------------------------------
    def hold(self, centre: QWidget, explanations: QWidget) -> None:
        """Show the window's image view and explanation tabs in this view."""
        self.centre.addWidget(centre)
        self.right.insertWidget(0, explanations, 1)

    def set_choices(self, shifts: list[str], categories: list[str], shift_index: int, category: str) -> None:
        for box, items in ((self.shift, [(s, i) for i, s in enumerate(shifts)]),
                           (self.category, [(self.tr("All categories"), "")] + [(c, c) for c in categories])):
            box.blockSignals(True)
            box.clear()
            for text, data in items:
                box.addItem(text, data)
            box.blockSignals(False)
        self.shift.setCurrentIndex(shift_index)
        self.category.setCurrentIndex(max(0, self.category.findData(category)))

    def verdicts(self) -> tuple[str, ...]:
        """The verdicts the queue lists (the filter, plus PASS when asked for)."""
        return tuple(self.verdict.currentData()) + (("PASS",) if self.include_pass.isChecked() else ())

    def set_lists(self, defect_types: list[str], reasons: list[str], standing: str | None = None) -> None:
        """The defect types, none chosen (each part gets its own type, chosen with T), unless the
        part already has a standing decision of type ``standing``."""
        self.defect_type.clear()
        self.defect_type.addItem(self.tr("— choose the type (T) —"), None)
        for name in defect_types:
            self.defect_type.addItem(name, name)
        self.defect_type.setCurrentIndex(max(0, self.defect_type.findData(standing)) if standing else 0)
        if self.reason.count() == 0:
            self.reason.addItems(reasons)

    @property
    def chosen_type(self) -> str | None:
        return self.defect_type.currentData()

    def set_queue(self, rows: list, decisions: dict, select: int | None = None) -> None:
        """``rows``: HistoryRow-like (id, ts, verdict, normalised_score, source, thumbnail); ``decisions``: id -> decision."""
        self.queue.blockSignals(True)
        self.queue.clear()
        for r in rows:
            item = QListWidgetItem()
            item.setData(Qt.UserRole, r.id)
            self._paint(item, r, decisions.get(r.id))
            self.queue.addItem(item)
        self.queue.blockSignals(False)
        decided = sum(1 for r in rows if r.id in decisions)
        self.summary.setText(self.tr("{0} to review, {1} decided, {2} open").format(len(rows), decided, len(rows) - decided))
        if rows:
            ids = [r.id for r in rows]
            self.queue.setCurrentRow(ids.index(select) if select in ids else 0)
        else:
            self.current.setText(self.tr("Nothing to review in this shift and category."))

    def _paint(self, item: QListWidgetItem, r, decision) -> None:
        kind = getattr(decision, "decision", None)
        label = getattr(decision, "defect_type", None) or getattr(decision, "reason", None) or ""
        mark = {"defect": self.tr("✔ defect"), "good": self.tr("✘ overruled")}.get(kind, self.OPEN)
        item.setText(self.tr("#{0}  {1}  {2:.2f} / {3:.2f}\n{4} {5}").format(r.id, r.verdict, r.score or 0.0,
                                                                              r.threshold or 0.0, mark, label))
        item.setData(Qt.UserRole + 1, kind or "")
        c = QColor(STYLES.get(r.verdict, STYLES["READY"])[0])
        item.setBackground(QColor((c.red() + 4 * 255) // 5, (c.green() + 4 * 255) // 5, (c.blue() + 4 * 255) // 5))
        if r.thumbnail:
            pm = QPixmap()
            pm.loadFromData(r.thumbnail)
            item.setIcon(QIcon(pm))

    def update_row(self, row, decision) -> None:
        for i in range(self.queue.count()):
            item = self.queue.item(i)
            if int(item.data(Qt.UserRole)) == row.id:
                self._paint(item, row, decision)

    def show_current(self, header: str, trail: str) -> None:
        self.current.setText(header)
        self.trail.setText(trail)
        self.note.clear()

    @property
    def current_id(self) -> int | None:
        item = self.queue.currentItem()
        return int(item.data(Qt.UserRole)) if item is not None else None

    def next(self) -> None:
        self.queue.setCurrentRow(min(self.queue.count() - 1, self.queue.currentRow() + 1))

    def previous(self) -> None:
        self.queue.setCurrentRow(max(0, self.queue.currentRow() - 1))

    def next_open(self) -> None:
        """Move to the next row still open (wrapping), or stay when all are decided."""
        n = self.queue.count()
        for k in range(1, n + 1):
            i = (self.queue.currentRow() + k) % n
            if not self.queue.item(i).data(Qt.UserRole + 1):
                self.queue.setCurrentRow(i)
                return
