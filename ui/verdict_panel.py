"""Verdict panel: the word and colour readable from two metres, score against threshold,
category and model, plus the shift's counters. Shows data only."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy,
                               QVBoxLayout, QWidget)

# state -> (background, foreground); every state also shows its word
STYLES = {
    "PASS": ("#1b7a3a", "white"),
    "FAIL": ("#b3141b", "white"),
    "REVIEW": ("#e0a400", "black"),
    "ERROR": ("#5a2a82", "white"),
    "READY": ("#3b4652", "white"),
    "INSPECTING": ("#1f5f99", "white"),
    "NO MODEL": ("#6b6b6b", "white"),
    "TRAINING": ("#1f5f99", "white"),
}


def num(value: float, decimals: int = 2) -> str:
    """A number in the screen language's style (decimal comma in German)."""
    return QLocale().toString(float(value), "f", decimals)


class VerdictPanel(QFrame):
    acknowledged = Signal(int)  # the FAIL's history row id, one acknowledgement at a time
    releaseRequested = Signal()  # a technician releases a stopped line

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verdictPanel")
        self._state = "NO MODEL"
        self.word = QLabel(self.tr("NO MODEL"))
        self.word.setObjectName("verdictWord")
        self.word.setAlignment(Qt.AlignCenter)
        self.word.setMinimumHeight(80)
        f = self.word.font()
        f.setPointSize(38)
        f.setBold(True)
        self.word.setFont(f)
        self.detail = _bold_label("scoreLine", 18)  # the score line: large, one line, readable from two metres
        self.source_line = QLabel("")
        self.source_line.setAlignment(Qt.AlignCenter)
        self.category_line = _bold_label("categoryLine", 20)
        self.model_line = QLabel("")
        self.model_line.setAlignment(Qt.AlignLeft | Qt.AlignVCenter)
        for label in (self.detail, self.source_line):
            # a long line is cut at the panel's edge; it never widens the panel (and shrinks the image)
            label.setMinimumWidth(1)
        self.model_line.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)  # gives way before the category
        lay = QVBoxLayout(self)
        # a pending acknowledgement sits above the verdict, framed apart from it, naming the part
        # it belongs to, so that it cannot be read as the verdict of the part on screen
        self.ack_button = QPushButton()
        self.ack_button.setObjectName("pendingAck")
        self.ack_button.setStyleSheet("QPushButton#pendingAck{background:#fff3f3; color:#8a0f14; font-size:13pt;"
                                      "font-weight:bold; padding:4px; border:3px dashed #b3141b; border-radius:6px;}")
        self.ack_button.setMinimumHeight(36)
        self.ack_button.clicked.connect(self.acknowledge)
        self.ack_button.hide()
        self.unacknowledged = 0
        self.ack_rows: list[int] = []
        self.shown_row = -1
        lay.addWidget(self.ack_button)
        lay.addWidget(self.word)
        lay.addWidget(self.detail)
        lay.addWidget(self.source_line)
        ident = QHBoxLayout()  # the category (large) and the model version on one line
        ident.addStretch(1)
        ident.addWidget(self.category_line)
        ident.addSpacing(12)
        ident.addWidget(self.model_line)
        ident.addStretch(1)
        lay.addLayout(ident)
        self.not_logged = QLabel("")
        self.not_logged.setObjectName("notLogged")
        self.not_logged.setWordWrap(True)
        self.not_logged.setStyleSheet("background:#b3141b; color:white; font-weight:bold; font-size:15pt; "
                                      "padding:6px; border-radius:4px;")
        self.not_logged.hide()
        lay.insertWidget(0, self.not_logged)
        # a held line says so, large: PAUSED (parts wait) or STOPPED (a FAIL streak, a technician releases it)
        self.hold_bar = _ClickLabel(lambda: self._stopped and self.releaseRequested.emit())
        self.hold_bar.setObjectName("lineHeld")
        self.hold_bar.setWordWrap(True)  # the whole reason is read, never cut; a click (not Enter) releases
        self.hold_bar.setMinimumWidth(1)
        self.hold_bar.hide()
        self._stopped = False
        lay.insertWidget(1, self.hold_bar)
        self.drift = QLabel("")
        self.drift.setObjectName("driftWarning")
        self.drift.setWordWrap(True)
        self.drift.setStyleSheet("background:#e0a400; color:black; font-weight:bold; padding:6px; border-radius:4px;")
        self.drift.hide()
        lay.addWidget(self.drift)
        self.counters = CountersBox()
        lay.addWidget(self.counters)
        self.set_state("NO MODEL", self.tr("Choose a product category to start."))
        # the panel always gets its full height; the explanation tabs below take what is left
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)

    @property
    def state(self) -> str:
        """The state key (PASS, FAIL, ...), whatever language the word is shown in."""
        return self._state

    def words(self) -> dict[str, str]:
        """The state words on the operator's screen, through the translator."""
        return {"PASS": self.tr("PASS"), "FAIL": self.tr("FAIL"), "REVIEW": self.tr("REVIEW"),
                "ERROR": self.tr("ERROR"), "READY": self.tr("READY"), "INSPECTING": self.tr("INSPECTING"),
                "NO MODEL": self.tr("NO MODEL"), "TRAINING": self.tr("TRAINING")}

    def set_state(self, state: str, detail: str = "", source: str = "") -> None:
        bg, fg = STYLES.get(state, STYLES["READY"])
        self._state = state
        self.word.setText(self.words().get(state, state))
        self.word.setStyleSheet(f"background:{bg}; color:{fg}; border-radius:8px; padding:8px;")
        # messages wrap, the score line does not (a wrapping label lets the layout squeeze the panel)
        message = state not in ("PASS", "FAIL", "REVIEW")
        self.detail.setWordWrap(message)
        f = self.detail.font()  # a long message in smaller type, so it never crowds the panel
        f.setPointSize(13 if message and len(detail) > LONG_MESSAGE else 18)
        self.detail.setFont(f)
        self.detail.setText(detail)
        self.source_line.setText(source)
        self._fit()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt name)
        """No: the panel's wrapping messages would let a box layout give it less than it needs."""
        return False

    def _fit(self) -> None:
        """Hold the panel at the height its visible parts need: the explanation tabs below give way,
        never the verdict (a box layout with wrapping labels would otherwise squeeze it)."""
        self.layout().activate()
        self.setMinimumHeight(self.layout().totalMinimumSize().height())

    def show_verdict(self, verdict: str, score: float | None, normalised: float | None,
                     threshold: float | None, source: str, error: str | None = None, row_id: int = -1) -> None:
        """``error``: an ERROR's reason, or for a judged part why it got its verdict (a FAIL under its
        threshold, for its likeness to a confirmed defect)."""
        self.shown_row = row_id
        self._ack_text()
        if verdict == "ERROR":
            self.source_line.setWordWrap(False)
            self.set_state("ERROR", error or self.tr("inspection failed"), source)
            return
        # the raw score against the raw threshold, the same numbers the history, the report and the
        # threshold dialog use (the normalised score saturates at 1 far above the threshold)
        ratio = score / threshold if threshold else 0.0
        why = f"{error}  ·  " if error else ""  # e.g. FAILed for its likeness to a confirmed defect
        self.source_line.setWordWrap(bool(why))  # the reason is read whole, never cut at the edge
        self.set_state(verdict, self.tr("score {0} / threshold {1}").format(num(score), num(threshold)),
                       self.tr("{0} × threshold  ·  {1}").format(num(ratio), why + source))

    def demand_acknowledgement(self, row_id: int = -1) -> None:
        """A FAIL the operator must confirm; the bar stays until each is."""
        self.set_pending(self.ack_rows + [row_id])

    def set_pending(self, rows: list[int]) -> None:
        """The FAILs waiting for an acknowledgement, oldest first (restored at start)."""
        self.ack_rows = list(rows)
        self.unacknowledged = len(self.ack_rows)
        self._ack_text()
        self.ack_button.setVisible(bool(self.ack_rows))
        self._fit()

    def _ack_text(self) -> None:
        if not self.unacknowledged:
            return
        first = self.ack_rows[0]
        if self.unacknowledged == 1 and first == self.shown_row and first >= 0:
            self.ack_button.setText(self.tr("⚠ Acknowledge this FAIL, part #{0} (Enter)").format(first))
        elif self.unacknowledged == 1:
            self.ack_button.setText(self.tr("⚠ 1 earlier FAIL not acknowledged: #{0} (Enter)").format(first))
        else:
            self.ack_button.setText(self.tr("⚠ {0} FAIL not acknowledged · Enter: #{1}").format(self.unacknowledged, first))

    def acknowledge(self) -> None:
        """One acknowledgement: the oldest FAIL waiting (one Enter never clears several)."""
        if self.ack_rows:
            row_id = self.ack_rows[0]
            self.set_pending(self.ack_rows[1:])
            self.acknowledged.emit(row_id)

    def set_held(self, text: str, stopped: bool = False) -> None:
        """PAUSED or STOPPED across the panel ("" clears it); a stop's bar releases on a click."""
        self._stopped = stopped
        self.hold_bar.setText(text)
        bg, fg = ("#b3141b", "white") if stopped else ("#e0a400", "black")
        self.hold_bar.setStyleSheet(f"background:{bg}; color:{fg}; font-size:11pt; font-weight:bold; padding:4px; "
                                    "border-radius:4px;")
        self.hold_bar.setCursor(Qt.PointingHandCursor if stopped else Qt.ArrowCursor)
        self.hold_bar.setVisible(bool(text))
        self._fit()

    def set_model(self, category: str, model_id: str, facts: str = "") -> None:
        """The category (large) and the model version judging it; the facts go in the tooltip
        (the category bar shows them too)."""
        self.category_line.setText(category)
        self.model_line.setText(self.tr("Model {0}").format(model_id))
        self.model_line.setToolTip(facts)


    def set_not_logged(self, count: int, reason: str) -> None:
        """A standing red banner while results cannot be written to the history (0 clears it)."""
        self.not_logged.setText(self.tr("NOT LOGGED: {0} part(s) — {1}").format(count, reason) if count else "")
        self.not_logged.setVisible(bool(count))
        self._fit()

    def set_drift(self, message: str) -> None:
        """A standing warning while good parts' scores creep towards the threshold ("" clears it)."""
        self.drift.setText(message)
        self.drift.setVisible(bool(message))
        self._fit()


class _ClickLabel(QLabel):
    """A label that calls ``on_click`` when clicked."""

    def __init__(self, on_click) -> None:
        super().__init__("")
        self._on_click = on_click

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self._on_click()


LONG_MESSAGE = 48
"""Characters above which a state message is set in 13 pt instead of 18 pt."""


def _bold_label(name: str, points: int) -> QLabel:
    label = QLabel("")
    label.setObjectName(name)
    label.setAlignment(Qt.AlignCenter)
    f = label.font()
    f.setPointSize(points)
    f.setBold(True)
    label.setFont(f)
    return label


class CountersBox(QFrame):
    """Shift counters: total, PASS, FAIL, REVIEW, ERROR and yield = PASS / (PASS+FAIL+REVIEW)."""

    KEYS = ("total", "PASS", "FAIL", "REVIEW", "ERROR", "yield")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("counters")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 2, 0, 2)
        grid.setVerticalSpacing(0)
        self.values: dict[str, QLabel] = {}
        for i, key in enumerate(self.KEYS):
            names = {"total": self.tr("TOTAL"), "PASS": self.tr("PASS"), "FAIL": self.tr("FAIL"),
                     "REVIEW": self.tr("REVIEW"), "ERROR": self.tr("ERROR"), "yield": self.tr("YIELD")}
            name = QLabel(names[key])
            name.setAlignment(Qt.AlignCenter)
            fn = name.font()
            fn.setPointSize(11)
            fn.setBold(True)
            name.setFont(fn)
            val = QLabel("0")
            val.setAlignment(Qt.AlignCenter)
            f = val.font()
            f.setPointSize(22)
            f.setBold(True)
            val.setFont(f)
            grid.addWidget(name, 0, i)
            grid.addWidget(val, 1, i)
            self.values[key] = val

    def set_counts(self, counts: dict[str, int]) -> None:
        judged = counts.get("PASS", 0) + counts.get("FAIL", 0) + counts.get("REVIEW", 0)
        total = judged + counts.get("ERROR", 0)
        self.values["total"].setText(str(total))
        for k in ("PASS", "FAIL", "REVIEW", "ERROR"):
            self.values[k].setText(str(counts.get(k, 0)))
        self.values["yield"].setText(f"{counts.get('PASS', 0) / judged:.1%}" if judged else "–")
