"""How fast verdicts follow each other on screen: each shown verdict stays up for the window's
``hold_ms``, so a burst from a watched folder does not flicker past the operator. What arrives
meanwhile waits; when the hold ends, the newest part is shown, so the screen always ends on the
part last judged. None is lost: every verdict is logged and counted, the strip of recent parts
shows each one, and a FAIL passed over still waits for its acknowledgement."""

from __future__ import annotations

from time import monotonic

from PySide6.QtCore import QTimer


class VerdictPacer:
    """Calls ``window.display(result, row_id)`` now or when the hold ends; reads
    ``window.hold_ms`` and ``window.last_display`` (set by ``display``) at every offer."""

    def __init__(self, window) -> None:
        self.window = window
        self._held: tuple[object, int] | None = None
        self._timer = QTimer(window, singleShot=True, timeout=self._show_held)

    def offer(self, result, row_id: int) -> None:
        w = self.window
        wait = w.hold_ms / 1000.0 - (monotonic() - w.last_display)
        if wait <= 0:
            w.display(result, row_id)
            return
        self._held = (result, row_id)
        if not self._timer.isActive():
            self._timer.start(int(wait * 1000) + 1)

    def _show_held(self) -> None:
        if self._held is not None:
            (held, row_id), self._held = self._held, None
            self.window.display(held, row_id)
