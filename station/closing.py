"""Closing the station, and the text of a result's source and reason on the verdict panel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt, QTimer

from engine.types import Verdict


def close_station(window) -> None:
    """Stop the feeds and workers in order, keeping every result that was judged; the status bar
    says what takes the time (the part and the explanation in hand are finished first)."""
    window.queue_label.setText(QCoreApplication.translate(
        "MainWindow", "Closing: finishing the part in progress and saving the history…"))
    window.setCursor(Qt.WaitCursor)
    QCoreApplication.processEvents()
    window.settings.setValue("window/geometry", window.saveGeometry())
    window.settings.setValue("display/opacity", window.opacity.value())
    window.settings.sync()
    window.feed.stop()
    window.categories.shutdown()
    window.learning.shutdown()
    if window.thread.isRunning():
        window.thread.quit()
        window.thread.wait(30000)
    # results the worker sent before it stopped still wait in the event queue: they reach the
    # window now, while its history is open, not after it is closed
    QCoreApplication.sendPostedEvents(None, QEvent.Type.MetaCall)
    if getattr(window, "line", None) is not None:
        window.line.stop()  # after the last verdicts reached it: they are in the outbox
    if getattr(window, "site", None) is not None:
        window.site.stop()
    window.worker.shutdown()
    window.explain.shutdown()
    for timer in window.findChildren(QTimer):  # reminders, retention, health: none may fire on a closed history
        timer.stop()
    window.reader.close()


def reason_text(result) -> str | None:
    """An ERROR's reason without the path it starts with (the source line names the part); a
    station fault says so, since the part itself may be fine. A part the known-defect score FAILed
    (``engine.judging.known_defects``) says that instead (its score is under the threshold)."""
    known = getattr(result, "known_defect_score", None)
    if result.error is None and known is not None and known >= 1.0 and result.verdict in ("FAIL", Verdict.FAIL):
        return QCoreApplication.translate("MainWindow", "like a confirmed defect ({0} × its threshold)").format(
            QLocale().toString(float(known), "f", 1))
    if result.error is None:
        return None
    text = result.error.removeprefix(f"{result.source}: ")
    return QCoreApplication.translate("MainWindow", "Station fault, not the part: {0}").format(text) \
        if getattr(result, "error_cause", None) == "station" else text


def short_source(source: str) -> str:
    """Last folder and file name of a source path (camera names pass through)."""
    return "/".join(Path(source).parts[-2:])
