"""The line links' state in the status bar: one word per link, coloured by the worst, with the
details (where, why) in the tooltip and the refused triggers counted."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

GOOD = {"connected", "listening"}
NAMES = {"mqtt": "MQTT", "opcua": "OPC UA", "modbus": "Modbus"}


class LineStatus(QLabel):
    def __init__(self) -> None:
        super().__init__()
        self.states: dict[str, tuple[str, str]] = {}
        self.refused = 0
        self.setObjectName("lineStatus")
        self.setContentsMargins(12, 0, 12, 0)
        self._show()

    def set_state(self, link: str, state: str, detail: str) -> None:
        self.states[link] = (state, detail)
        self._show()

    def set_refused(self, n: int) -> None:
        self.refused = n
        self._show()

    def _word(self, state: str) -> str:
        return {"connected": self.tr("connected"), "listening": self.tr("listening"), "connecting": self.tr("connecting"),
                "lost": self.tr("away"), "refused": self.tr("refused"), "off": self.tr("off")}.get(state, state)

    def _show(self) -> None:
        parts = [f"{NAMES.get(k, k)} {self._word(s)}" for k, (s, _) in self.states.items()]
        text = self.tr("Line: {0}").format(" · ".join(parts)) if parts else ""
        if self.refused:
            text += self.tr(" · {0} trigger(s) refused").format(self.refused)
        self.setText(text)
        self.setToolTip("\n".join(f"{NAMES.get(k, k)}: {s} {d}".strip() for k, (s, d) in self.states.items()))
        bad = any(s not in GOOD for s, _ in self.states.values())
        self.setStyleSheet("color: #b00020; font-weight: bold;" if bad else "color: #1b7a2e;")
