"""The review flow: a technician walks a shift's rejects, confirms or overrules each, and may
teach the model the parts they overruled (a new model version, the old one kept)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QMessageBox

from station.storage.history import load_map, load_stored_image
from station.storage.reviews import OVERRULE_REASONS, ReviewStore
from station.storage.shifts import recent_shifts
from ui.review_view import ReviewView

SHIFTS_OFFERED = 9


class ReviewController(QObject):
    requestUpdate = Signal(str, object, str, str)  # category, image paths, "extend" | "rebuild", note

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.store = ReviewStore(window.reader)
        self.view = ReviewView()
        self.shifts = []
        self.rows: dict[int, object] = {}
        self.requestUpdate.connect(window.categories.trainer.update_model)  # beside the line, not in its way
        window.categories.trainer.modelUpdated.connect(self.on_model_updated)
        v = self.view
        v.shiftChanged.connect(lambda _i: self.reload())
        v.categoryChanged.connect(lambda _c: self.reload())
        v.rowChosen.connect(self.show_row)
        v.decided.connect(self.decide)
        v.skipped.connect(v.next)
        v.addTypeRequested.connect(self.add_type)
        v.learnRequested.connect(self.learn)
        v.reportRequested.connect(lambda: window.reports.ask(self.current_shift(), v.category.currentData() or None))
        v.closeRequested.connect(self.leave)

    def enter(self, shift_index: int = 0, category: str | None = None) -> None:
        """Lend the window's image view and explanation tabs to the review view and show it."""
        w = self.window
        self.view.hold(w.left, w.explanations)
        if w.pages.indexOf(self.view) < 0:
            w.pages.addWidget(self.view)
        w.pages.setCurrentWidget(self.view)
        self.open(shift_index, category)
        self.view.queue.setFocus()

    def leave(self) -> None:
        """Give the view and the tabs back to the inspection page."""
        w = self.window
        w.splitter.insertWidget(0, w.left)
        w.right_layout.addWidget(w.explanations, 1)
        w.pages.setCurrentIndex(0)
        w.refresh_history()
        # the image and the tabs showed the review's part: show again what the verdict panel shows
        if isinstance(w.on_screen, tuple):
            w.explain.show_live(*w.on_screen)
        elif w.on_screen is not None:
            w.show_history_row(w.on_screen)
        else:
            w.explain.on_displayed(-1, None, None, None)

    def current_shift(self):
        i = self.view.shift.currentIndex()
        return self.shifts[i] if 0 <= i < len(self.shifts) else None

    def open(self, shift_index: int = 0, category: str | None = None) -> None:
        """Fill the choices (recent shifts, categories seen) and the queue."""
        self.shifts = recent_shifts(SHIFTS_OFFERED, self.window.shift_spec())
        labels = [str(s) + (self.tr("  (now)") if i == 0 else "") for i, s in enumerate(self.shifts)]
        if category is None and self.window.model_info is not None:
            category = self.window.model_info.category
        self.view.set_choices(labels, self.window.reader.categories(), shift_index, category or "")
        self.reload()

    def reload(self, select: int | None = None) -> None:
        shift = self.current_shift()
        if shift is None:
            return
        category = self.view.category.currentData() or None
        rows = self.store.queue(shift.start_utc, shift.end_utc, category, self.view.verdicts())
        self.rows = {r.id: r for r in rows}
        self.view.set_lists(self.store.defect_types(category or ""), list(OVERRULE_REASONS))
        self.view.set_queue(rows, self.store.latest_for(list(self.rows)), select)
        if not rows:
            self.window.explain.on_displayed(-1, None, None, None)

    def show_row(self, row_id: int) -> None:
        row = self.rows.get(row_id) or self.window.reader.get(row_id)
        if row is None:
            return
        image = load_stored_image(row)
        self.window.explain.on_displayed(row.id, image, load_map(row), row.threshold, stored=True)
        standing = self.store.latest(row.id)
        kept = standing.defect_type if standing is not None and standing.decision == "defect" else None
        self.view.set_lists(self.store.defect_types(row.category or ""), list(OVERRULE_REASONS), kept)
        header = self.tr("<b>#{0}  {1}</b>  score {2:.2f} (threshold {3:.2f}), {4}<br>{5}  ·  {6}").format(
            row.id, row.verdict, row.score or 0.0, row.threshold or 0.0, row.category, row.ts[:19].replace("T", " "),
            Path(row.source).name)
        if image is None:
            header += self.tr("<br><span style='color:#b3141b'>image no longer on disk</span>")
        trail = "<br>".join(self.tr("{0}: {1} by {2} ({3}){4}{5}").format(
            d.ts[:16].replace("T", " "), d.defect_type if d.decision == "defect" else self.tr("good, {0}").format(d.reason),
            d.who, d.context, f" — {d.note}" if d.note else "", self.tr(" [revised]") if i < len(ds) - 1 else "")
            for ds in [self.store.decisions(row.id)] for i, d in enumerate(ds))
        self.view.show_current(header, trail)
        if standing is not None and standing.decision == "good":
            self.view.reason.setCurrentText(standing.reason or "")

    def decide(self, kind: str) -> None:
        row_id = self.view.current_id
        if row_id is None:
            return
        if not self.window.require_technician(self.tr("decide on rejects")):
            return
        v = self.view
        if kind == "defect" and not v.chosen_type:
            self.window.show_message(self.tr("#{0}: choose the defect type first (T), then D.").format(row_id))
            v.defect_type.setFocus()
            return
        who, role = self.window.authority.who, self.window.authority.role
        self.store.decide(row_id, who, role, kind, v.chosen_type if kind == "defect" else None,
                          v.reason.currentText() if kind == "good" else None, v.note.text().strip() or None)
        self.window.authority.touch()
        row = self.rows[row_id]
        v.update_row(row, self.store.latest(row_id))
        decided = self.store.latest_for(list(self.rows))
        v.summary.setText(self.tr("{0} to review, {1} decided, {2} open").format(
            len(self.rows), len(decided), len(self.rows) - len(decided)))
        self.show_row(row_id)
        v.next_open()

    def add_type(self) -> None:
        row = self.rows.get(self.view.current_id or -1)
        category = row.category if row else (self.view.category.currentData() or "")
        name, ok = QInputDialog.getText(self.window, self.tr("New defect type"),
                                        self.tr("Defect type for {0}:").format(category or self.tr("all categories")))
        if ok and name.strip():
            try:
                self.store.add_defect_type(category, name)
            except ValueError as exc:
                self.window.show_message(str(exc))
                return
            self.view.set_lists(self.store.defect_types(category), list(OVERRULE_REASONS))
            self.view.defect_type.setCurrentText(" ".join(name.split()))

    # ---- learning from the decisions -----------------------------------------------------------
    def overruled_images(self, category: str) -> list[str]:
        """Images of this queue whose standing decision is 'good' and that are still on disk."""
        decided = self.store.latest_for(list(self.rows))
        return [r.image_path for i, r in self.rows.items() if r.category == category and i in decided
                and decided[i].decision == "good" and r.image_path and Path(r.image_path).is_file()]

    def learn(self, how: str | None = None) -> None:
        """Add the overruled parts to the category's good set: extend (seconds) or rebuild (minutes)."""
        category = self.view.category.currentData() or (self.window.model_info.category if self.window.model_info else "")
        paths = self.overruled_images(category) if category else []
        if not paths:
            self.window.show_message(self.tr("No overruled part of category {0} in this queue to learn from.").format(category or "?"))
            return
        if not self.window.require_technician(self.tr("change the model of {0}").format(category)):
            return
        if how is None:
            box = QMessageBox(QMessageBox.Question, self.tr("Learn from the review"),
                              self.tr("Add {0} overruled part(s) to the good set of {1}?\n\nExtend: the memory bank "
                                      "grows, the threshold is recalibrated (seconds).\nRebuild: full training on all "
                                      "good images (minutes).\n\nEither way a new model version is made; the current "
                                      "one is kept and can be made active again.").format(len(paths), category),
                              QMessageBox.Cancel, self.window)
            extend = box.addButton(self.tr("Extend"), QMessageBox.AcceptRole)
            rebuild = box.addButton(self.tr("Rebuild"), QMessageBox.AcceptRole)
            box.exec()
            how = "extend" if box.clickedButton() is extend else "rebuild" if box.clickedButton() is rebuild else None
            if how is None:
                return
        note = self.tr("{0} part(s) overruled as good in review of {1} by {2}").format(
            len(paths), self.current_shift() or "", self.window.authority.who)
        self.window.show_message(self.tr("Making a new version of {0} ({1})…").format(category, how), 30)
        self.requestUpdate.emit(category, paths, how, note)

    def on_model_updated(self, info, how: str, note: str) -> None:
        a = self.window.authority
        self.store.log_version(info.category, info.model_id, info.version, how, a.who, note)
        self.store.log_change(a.who, a.role, f"model:{info.category}", self.window.model_info.model_id
                              if self.window.model_info else "", info.model_id, note)
        self.window.show_message(self.tr("{0}: new model version {1} is active ({2}).").format(
            info.category, info.version, how))
        self.window.refresh_categories(info.category)
