"""The bench floor: what an operator lives with between verdicts.

* the strip of the last parts (on the inspection page and in the review), so a burst hides none;
* FAIL acknowledgements, one per Enter, logged with who and when, still waiting after a restart;
* the FAIL-streak rule: ``bench/fail_streak`` FAILs in a row (default 3, 0 off) stop the line
  until a technician releases it (both logged);
* PAUSED / STOPPED across the verdict panel whenever parts are held back;
* operator sign-in (a name from the technicians' list, or a badge), lots with their counts, and
  a re-test of a rejected part linked to its first verdict;
* the station's set-up step, which makes the first technician.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog

from station.storage.bench_log import BenchStore
from station.settings_values import number
from station.storage.shifts import current_shift
from ui.shift_bar import ShiftBar

STOP_EVENT, RELEASE_EVENT = "line stopped", "line released"


class BenchFloor(QObject):
    requestBench = Signal(str, str)  # operator, lot: to the inspection worker, queued with the parts
    requestRetest = Signal(int)

    def __init__(self, window, bar: ShiftBar, review_strip) -> None:
        super().__init__(window)
        self.window, self.bar, self.review_strip = window, bar, review_strip
        self.store = BenchStore(window.reader)
        self.operator = str(window.settings.value("bench/operator", "")) or window.authority.os_user
        self.lot = str(window.settings.value("bench/lot", ""))
        self.streak = 0
        self.stopped = ""
        """Why the line is stopped ('' when it is not)."""
        self.retest_for = -1
        """The part the next judged part re-tests (-1: none pending)."""
        self.ask_operator = None
        """Operator prompt (None: the dialog); tests put their own answer here."""
        self.ask_lot = None
        self.ask_setup = None
        self.ask_handover = None
        self.requestBench.connect(window.worker.set_bench)
        self.requestRetest.connect(window.worker.set_retest)
        window.verdict.acknowledged.connect(self.on_acknowledged)
        window.verdict.releaseRequested.connect(self.release)
        bar.operatorRequested.connect(self.sign_in_operator)
        bar.lotRequested.connect(self.enter_lot)
        bar.retestRequested.connect(self.retest)
        for strip in (bar.strip, review_strip):
            strip.rowChosen.connect(window.show_history_row)
        self.requestBench.emit(self.operator, self.lot)
        self.restore()

    @property
    def fail_streak(self) -> int:
        return number(self.window.settings, "bench/fail_streak", 3, 0, 1000)

    def restore(self) -> None:
        """At start: the shift's unacknowledged FAILs wait again; the strip shows the last parts."""
        w = self.window
        start = current_shift(w.shift_spec()).start_utc
        w.verdict.set_pending(self.store.unacknowledged(start))
        rows = w.reader.db.execute("SELECT id, verdict, thumbnail FROM inspections WHERE source_kind IS NOT 'master' "
                                   "ORDER BY id DESC LIMIT 10").fetchall()
        for strip in (self.bar.strip, self.review_strip):
            strip.set_items([(int(i), v, t) for i, v, t in rows])
        self.bar.show_operator(self.operator)
        self._show_lot()
        if not w.authority.set_up:
            w.show_message(self.tr("This station has no technician yet: More ▸ Set up station… makes the first."), 60)

    # ---- every part -----------------------------------------------------------------------------
    def on_inspected(self, result, row) -> None:
        """A judged part (``row``: its HistoryRow, None when not logged)."""
        if row is None:
            return
        for strip in (self.bar.strip, self.review_strip):
            strip.add(row.id, row.verdict, row.thumbnail)
        if self.lot:
            self._show_lot()
        first = self.store.retest_of(row.id) if self.retest_for >= 0 else None  # asked only while one is pending
        if first is not None:
            was = self.window.reader.get(first)
            self.bar.show_retest(self.tr("#{0} re-tests #{1}: {2} → {3}").format(
                row.id, first, was.verdict if was else "?", row.verdict))
            self.retest_for = -1
        if row.verdict == "FAIL":
            self.streak += 1
        elif row.verdict in ("PASS", "REVIEW"):
            self.streak = 0
        if self.fail_streak and self.streak >= self.fail_streak and not self.stopped:
            self.stop(self.tr("{0} FAIL in a row (last #{1})").format(self.streak, row.id))

    def on_displayed(self, result, row_id: int) -> None:
        rejected = result.verdict.value in ("FAIL", "REVIEW") and row_id >= 0
        self.bar.offer_retest(row_id if rejected else -1)

    # ---- acknowledgements -------------------------------------------------------------------------
    def on_acknowledged(self, row_id: int) -> None:
        if row_id >= 0:
            self.store.acknowledge(row_id, self.operator)

    # ---- stopping the line ---------------------------------------------------------------------------
    def stop(self, why: str) -> None:
        self.stopped = why
        self.store.log(self.operator, STOP_EVENT, why)
        self.window.alert_sound()
        self.window.pause(self.tr("line stopped: {0}").format(why))

    def release(self) -> bool:
        """A technician looked at the parts: the line goes on (logged)."""
        w = self.window
        if not self.stopped or not w.require_technician(self.tr("release the stopped line")):
            return False
        self.store.log(w.authority.who, RELEASE_EVENT, self.stopped)
        self.stopped, self.streak = "", 0
        w.resume()
        return True

    def show_hold(self) -> None:
        """The verdict panel says when parts are held back, and why."""
        w = self.window
        if self.stopped:
            w.verdict.set_held(self.tr("LINE STOPPED: {0}. Call a technician (click here to release); {1} part(s) "
                                       "waiting").format(self.stopped, len(w.paused)), stopped=True)
        elif w.pause_reason:
            w.verdict.set_held(self.tr("PAUSED while {0}: {1} part(s) waiting").format(w.pause_reason, len(w.paused)))
        else:
            w.verdict.set_held("")

    # ---- who, which lot, re-tests -------------------------------------------------------------------
    def sign_in_operator(self) -> bool:
        a = self.window.authority
        names = a.operators()
        if self.ask_operator is not None:
            name = self.ask_operator(names)
        else:
            from ui.pin_dialog import OperatorDialog

            d = OperatorDialog(names, self.operator, self.window)
            name = d.value() if d.exec() else None
        if not name:
            return False
        if names and name not in names:
            self.window.show_message(self.tr("{0} is not on this station's operator list; ask a technician.").format(name))
            return False
        self.operator = name
        self.window.settings.setValue("bench/operator", name)
        self.store.log(name, "operator signed in")
        self.bar.show_operator(name)
        self.requestBench.emit(self.operator, self.lot)
        return True

    def enter_lot(self) -> None:
        if self.ask_lot is not None:
            lot = self.ask_lot(self.lot)
        else:
            lot, ok = QInputDialog.getText(self.window, self.tr("Lot"), self.tr("Lot or order number (empty: none):"),
                                           text=self.lot)
            lot = lot if ok else None
        if lot is None:
            return
        self.lot = " ".join(lot.split())
        self.window.settings.setValue("bench/lot", self.lot)
        self.store.log(self.operator, "lot", self.lot or "(none)")
        self._show_lot()
        self.requestBench.emit(self.operator, self.lot)

    def _show_lot(self) -> None:
        self.bar.show_lot(self.lot, self.store.lot_counts(self.lot) if self.lot else {})

    def retest(self) -> None:
        """The next part judged is the rejected part on screen, judged again."""
        row_id = self.window.verdict.shown_row
        if row_id < 0:
            return
        self.retest_for = row_id
        self.requestRetest.emit(row_id)
        self.bar.show_retest(self.tr("Next part: re-test of #{0}").format(row_id))

    # ---- the hand-over --------------------------------------------------------------------------------
    def handover(self) -> bool:
        """A technician signs the shift over to the next operator (logged; the shift report shows
        it with the open items), then the report of the shift is offered."""
        import json

        w = self.window
        if not w.require_technician(self.tr("sign the shift hand-over")):
            return False
        start = current_shift(w.shift_spec()).start_utc
        open_fails = self.store.unacknowledged(start)
        question = self.tr("Open: {0} FAIL part(s) not acknowledged, {1} line stop(s). Next operator and a note "
                           "for them:").format(len(open_fails), len(self.store.events(start, event=STOP_EVENT)))
        if self.ask_handover is not None:
            answer = self.ask_handover(question, w.authority.operators())
        else:
            incoming, ok = QInputDialog.getItem(w, self.tr("Hand over the shift"), question,
                                                w.authority.operators() or [""], 0, True)
            note, ok2 = QInputDialog.getText(w, self.tr("Hand over the shift"), self.tr("Note for the next shift:")) \
                if ok else ("", False)
            answer = (incoming, note) if ok and ok2 else None
        if answer is None:
            return False
        incoming, note = answer
        self.store.log(w.authority.who, "handover signed", json.dumps(
            {"outgoing": self.operator, "incoming": incoming.strip(), "note": note.strip(), "open_fails": open_fails}))
        w.show_message(self.tr("Shift handed over to {0}, signed by {1}.").format(incoming or "?", w.authority.who))
        return True

    # ---- the station's set-up ----------------------------------------------------------------------
    def setup(self) -> bool:
        """Make the first technician (or, signed in, add one) and keep the operators' list."""
        w, a = self.window, self.window.authority
        first = not a.set_up
        if not first and not w.require_technician(self.tr("set up the station")):
            return False
        if self.ask_setup is not None:
            answer = self.ask_setup(a.operators(), first)
        else:
            from ui.pin_dialog import SetupDialog

            d = SetupDialog(a.operators(), first, w)
            answer = d.values() if d.exec() else None
        if answer is None:
            return False
        name, pin, again, operators = answer
        if pin != again:
            w.show_message(self.tr("The two PINs differ; nothing was changed."))
            return False
        try:
            a.add_technician(name, pin)
        except ValueError as exc:
            w.show_message(str(exc))
            return False
        a.set_operators(operators)
        from station.storage.reviews import ReviewStore

        ReviewStore(w.reader).log_change(name if first else a.who, "technician", "technicians", "",
                                         name, self.tr("station set up") if first else self.tr("technician added"))
        if first:
            a.login(pin, name)
        w.show_message(self.tr("Technician {0} can sign in; {1} operator(s) listed.").format(name, len(operators)))
        return True
