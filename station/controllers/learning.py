"""Learning from confirmed defects (technician only): the proposal is worked out in a thread of its
own (it judges the confirmed defects and the held-out goods), previewed in ``LearnDialog``, and
applied as a new model version, logged, which the line then judges with."""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread, Signal, Slot

from station.storage.reviews import ReviewStore
from ui.learn_dialog import LearnDialog


class LearnWorker(QObject):
    """Works out a proposal off the GUI thread."""

    proposed = Signal(str, object)  # category, engine.judging.known_defects.Proposal
    failed = Signal(str, str)  # category, message

    @Slot(str, str, object)
    def propose(self, models_dir: str, category: str, paths: list) -> None:
        from engine.judging.inspector import Inspector
        from engine.judging.known_defects import proposal_for

        try:
            proposal = proposal_for(Inspector.load(models_dir, category), paths)
        except Exception as exc:  # a bad model or too few readable defects: named, the station goes on
            self.failed.emit(category, str(exc))
            return
        self.proposed.emit(category, proposal)


class LearningController(QObject):
    requestProposal = Signal(str, str, object)  # models dir, category, image paths

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.store = ReviewStore(window.reader)
        self.thread = QThread(self)
        self.thread.setObjectName("learning")
        self.worker = LearnWorker()
        self.worker.moveToThread(self.thread)
        self.requestProposal.connect(self.worker.propose)
        self.worker.proposed.connect(self.on_proposed)
        self.worker.failed.connect(lambda c, msg: self.window.show_message(
            self.tr("{0}: nothing learnt: {1}").format(c, msg), 20))
        self.thread.start()
        self.busy = False
        self.dialog: LearnDialog | None = None

    def open(self) -> None:
        """Gather the category's confirmed defects and ask the worker for a proposal."""
        from engine.judging.known_defects import MIN_CONFIRMED

        w = self.window
        info = w.model_info
        if info is None:
            w.show_message(self.tr("No model loaded: choose a category first."))
            return
        if not w.require_technician(self.tr("learn from confirmed defects")):
            return
        paths = self.store.confirmed_defects(info.category)
        if len(paths) < MIN_CONFIRMED:
            w.show_message(self.tr("{0} has {1} confirmed defects on disk; at least {2} are needed (confirm rejects "
                                   "with D in the review, or register master defects).").format(
                info.category, len(paths), MIN_CONFIRMED), 20)
            return
        if self.busy:
            return
        self.busy = True
        w.show_message(self.tr("Learning from {0} confirmed defects of {1}: judging them and the held-out goods…")
                       .format(len(paths), info.category))
        self.requestProposal.emit(str(w.models_dir), info.category, list(paths))

    def on_proposed(self, category: str, proposal) -> None:
        self.busy = False
        facts = dict(proposal.facts(), skipped=proposal.skipped)
        self.dialog = d = LearnDialog(category, facts, self.window)
        d.finished.connect(lambda result: self.finish(result, category, proposal))
        d.open()

    def finish(self, result: int, category: str, proposal) -> None:
        d, self.dialog = self.dialog, None
        if result and d is not None:
            self.apply(category, proposal, d.why.text().strip())

    def apply(self, category: str, proposal, why: str) -> bool:
        """Save the learnt version (technician only, with a reason), log it, and reload."""
        from engine.model_store.updates import save_learned
        from engine.model_store.store import ModelError

        w = self.window
        if not why or not w.require_technician(self.tr("learn from confirmed defects")):
            return False
        old = w.model_info.model_id if w.model_info is not None else None
        try:
            info = save_learned(w.models_dir, category, proposal, note=why)
        except (ModelError, OSError) as exc:
            w.show_message(self.tr("{0}: not saved: {1}").format(category, exc), 20)
            return False
        a = w.authority
        self.store.log_version(category, info.model_id, info.version, "learned", a.who, why)
        self.store.log_change(a.who, a.role, f"model:{category}", old, info.model_id,
                              f"learned from {proposal.confirmed} confirmed defects: {why}")
        w.show_message(self.tr("{0} {1}: learnt from {2} confirmed defects; {3} of them FAIL now (were {4}).").format(
            category, info.version, proposal.confirmed, proposal.caught, proposal.caught_now), 20)
        w.refresh_categories(category)
        return True

    def shutdown(self) -> None:
        self.thread.quit()
        self.thread.wait(5000)
