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
        self.detail = QLabel("")
        self.detail.setAlignment(Qt.AlignCenter)
        self.detail.setWordWrap(True)
        fd = self.detail.font()
        fd.setPointSize(12)
        self.detail.setFont(fd)
        self.model_line = QLabel("")
        self.model_line.setAlignment(Qt.AlignCenter)
        self.model_line.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.word)
        lay.addWidget(self.detail)
        lay.addWidget(self.model_line)
        self.ack_button = QPushButton()
        self.ack_button.setStyleSheet("background:#b3141b; color:white; font-weight:bold; padding:8px;")
        self.ack_button.clicked.connect(self.acknowledge)
        self.ack_button.hide()
        self.unacknowledged = 0
        lay.addWidget(self.ack_button)
        self.counters = CountersBox()
        lay.addWidget(self.counters)
        self.set_state("NO MODEL", self.tr("Choose a product category to start."))

    @property
    def state(self) -> str:
        return self.word.text()

    def set_state(self, state: str, detail: str = "") -> None:
        bg, fg = STYLES.get(state, STYLES["READY"])
        self.word.setText(state)
        self.word.setStyleSheet(f"background:{bg}; color:{fg}; border-radius:8px; padding:8px;")
        self.detail.setText(detail)

    def show_verdict(self, verdict: str, score: float | None, normalised: float | None,
                     threshold: float | None, source: str, error: str | None = None) -> None:
        if verdict == "ERROR":
            self.set_state("ERROR", error or self.tr("inspection failed"))
            return
        self.set_state(verdict, self.tr("score {0:.2f} vs threshold {1:.2f}  ·  normalised {2:.2f} (0.50 = threshold)\n{3}")
                       .format(score, threshold, normalised, source))

    def demand_acknowledgement(self) -> None:
        """A FAIL the operator must confirm; the button stays until they do."""
        self.unacknowledged += 1
        self.ack_button.setText(self.tr("Acknowledge {0} FAIL (Enter)").format(self.unacknowledged))
        self.ack_button.show()

    def acknowledge(self) -> None:
        if self.unacknowledged:
            self.unacknowledged = 0
            self.ack_button.hide()
            self.acknowledged.emit()

    def set_model(self, category: str, model_id: str, facts: str = "") -> None:
        self.model_line.setText(self.tr("Category: <b>{0}</b> &nbsp; Model: {1}<br>{2}").format(category, model_id, facts))


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
            val = QLabel("0")
            val.setAlignment(Qt.AlignCenter)
            f = val.font()
            f.setPointSize(16)
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
