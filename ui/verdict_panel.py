"""Verdict panel: the word and colour readable from two metres, score against threshold,
category and model, plus the shift's counters. Shows data only."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

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


class VerdictPanel(QFrame):
    acknowledged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verdictPanel")
        self.word = QLabel(self.tr("NO MODEL"))
        self.word.setObjectName("verdictWord")
        self.word.setAlignment(Qt.AlignCenter)
        self.word.setMinimumHeight(120)
        f = self.word.font()
        f.setPointSize(44)
        f.setBold(True)
        self.word.setFont(f)
        self.detail = QLabel("")  # the score line: large, one line, readable from two metres
        self.detail.setObjectName("scoreLine")
        self.detail.setAlignment(Qt.AlignCenter)
        fd = self.detail.font()
        fd.setPointSize(18)
        fd.setBold(True)
        self.detail.setFont(fd)
        self.source_line = QLabel("")
        self.source_line.setAlignment(Qt.AlignCenter)
        self.source_line.setWordWrap(True)
        self.category_line = QLabel("")
        self.category_line.setObjectName("categoryLine")
        self.category_line.setAlignment(Qt.AlignCenter)
        fc = self.category_line.font()
        fc.setPointSize(20)
        fc.setBold(True)
        self.category_line.setFont(fc)
        self.model_line = QLabel("")
        self.model_line.setAlignment(Qt.AlignCenter)
        self.model_line.setWordWrap(True)
        lay = QVBoxLayout(self)
        # a pending acknowledgement sits above the verdict, framed apart from it, naming the part
        # it belongs to, so that it cannot be read as the verdict of the part on screen
        self.ack_button = QPushButton()
        self.ack_button.setObjectName("pendingAck")
        self.ack_button.setStyleSheet("QPushButton#pendingAck{background:#fff3f3; color:#8a0f14; font-size:15pt;"
                                      "font-weight:bold; padding:8px; border:3px dashed #b3141b; border-radius:6px;}")
        self.ack_button.setMinimumHeight(52)
        self.ack_button.clicked.connect(self.acknowledge)
        self.ack_button.hide()
        self.unacknowledged = 0
        self.ack_rows: list[int] = []
        self.shown_row = -1
        lay.addWidget(self.ack_button)
        lay.addWidget(self.word)
        lay.addWidget(self.detail)
        lay.addWidget(self.source_line)
        lay.addWidget(self.category_line)
        lay.addWidget(self.model_line)
        self.drift = QLabel("")
        self.drift.setObjectName("driftWarning")
        self.drift.setWordWrap(True)
        self.drift.setStyleSheet("background:#e0a400; color:black; font-weight:bold; padding:6px; border-radius:4px;")
        self.drift.hide()
        lay.addWidget(self.drift)
        self.counters = CountersBox()
        lay.addWidget(self.counters)
        self.set_state("NO MODEL", self.tr("Choose a product category to start."))

    @property
    def state(self) -> str:
        return self.word.text()

    def set_state(self, state: str, detail: str = "", source: str = "") -> None:
        bg, fg = STYLES.get(state, STYLES["READY"])
        self.word.setText(state)
        self.word.setStyleSheet(f"background:{bg}; color:{fg}; border-radius:8px; padding:8px;")
        self.detail.setWordWrap(state not in ("PASS", "FAIL", "REVIEW"))  # messages wrap, the score line does not
        self.detail.setText(detail)
        self.source_line.setText(source)

    def show_verdict(self, verdict: str, score: float | None, normalised: float | None,
                     threshold: float | None, source: str, error: str | None = None, row_id: int = -1) -> None:
        self.shown_row = row_id
        self._ack_text()
        if verdict == "ERROR":
            self.set_state("ERROR", error or self.tr("inspection failed"), source)
            return
        self.set_state(verdict, self.tr("{0:.2f} / threshold 0.50").format(normalised),
                       self.tr("raw score {0:.2f} vs {1:.2f}  ·  {2}").format(score, threshold, source))

    def demand_acknowledgement(self, row_id: int = -1) -> None:
        """A FAIL the operator must confirm; the bar stays until they do."""
        self.unacknowledged += 1
        self.ack_rows.append(row_id)
        self._ack_text()
        self.ack_button.show()

    def _ack_text(self) -> None:
        if not self.unacknowledged:
            return
        last = self.ack_rows[-1] if self.ack_rows else -1
        if self.unacknowledged == 1 and last == self.shown_row and last >= 0:
            self.ack_button.setText(self.tr("⚠ Acknowledge this FAIL, part #{0} (Enter)").format(last))
        else:
            self.ack_button.setText(self.tr("⚠ {0} earlier FAIL part(s) not acknowledged, last #{1} (Enter)").format(
                self.unacknowledged, last))

    def acknowledge(self) -> None:
        if self.unacknowledged:
            self.unacknowledged = 0
            self.ack_rows = []
            self.ack_button.hide()
            self.acknowledged.emit()

    def set_model(self, category: str, model_id: str, facts: str = "") -> None:
        self.category_line.setText(category)
        self.model_line.setText(self.tr("Model {0}<br>{1}").format(model_id, facts))


    def set_drift(self, message: str) -> None:
        """A standing warning while good parts' scores creep towards the threshold ("" clears it)."""
        self.drift.setText(message)
        self.drift.setVisible(bool(message))


class CountersBox(QFrame):
    """Shift counters: total, PASS, FAIL, REVIEW, ERROR and yield = PASS / (PASS+FAIL+REVIEW)."""

    KEYS = ("total", "PASS", "FAIL", "REVIEW", "ERROR", "yield")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("counters")
        grid = QGridLayout(self)
        self.values: dict[str, QLabel] = {}
        for i, key in enumerate(self.KEYS):
            name = QLabel(key.upper() if key != "total" else self.tr("TOTAL"))
            name.setAlignment(Qt.AlignCenter)
            fn = name.font()
            fn.setPointSize(12)
            fn.setBold(True)
            name.setFont(fn)
            val = QLabel("0")
            val.setAlignment(Qt.AlignCenter)
            f = val.font()
            f.setPointSize(28)
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
