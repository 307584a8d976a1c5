"""The worker: one QObject living in a QThread that owns the engine and the history writer.

The window talks to it only through queued signals, so jobs run in the order they were
asked for and the event loop never waits on the engine. Training runs in a thread of its own
(``station.workers.training``), so parts keep being judged meanwhile.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, QThread, Signal, Slot

from engine.types import error_result

log = logging.getLogger(__name__)


class InspectionWorker(QObject):
    """Slots run in the worker thread; results come back as signals."""

    modelLoaded = Signal(object)  # ModelInfo
    modelFailed = Signal(str, str)  # category, message
    inspected = Signal(object, int, str)  # InspectionResult (image kept), history row id, source kind
    waiting = Signal(str, str)  # path, source kind: no usable model yet; not judged, not marked seen
    retryable = Signal(object, str, str, str)  # path or frame, kind, source, reason: an ERROR that was the station's fault
    notLogged = Signal(str)  # why the last result could not be written to the history

    def __init__(self, models_dir: str | os.PathLike[str], data_dir: str | os.PathLike[str],
                 station: str = "", operator: str = "") -> None:
        super().__init__()
        self.models_dir = Path(models_dir)
        self.data_dir = Path(data_dir)
        self.station, self.operator = station, operator
        self._inspector = None
        self._manifest_stamp = None
        self._history = None
        self.hold: set[str] = set()
        """Categories being trained in the window: their new versions are not followed (they
        go on the line when a technician puts them there)."""
        self.judging = threading.Event()
        """Set while a verdict is being computed; the explanation worker waits for it to clear."""

    @property
    def history(self):
        if self._history is None:  # created in the worker thread, used only there
            from station.storage.history import HistoryStore

            self._history = HistoryStore(self.data_dir, self.station, self.operator)
        return self._history

    @Slot(str)
    def load_category(self, category: str) -> None:
        from engine.judging.inspector import Inspector

        try:
            self._manifest_stamp = self._stamp(category)
            self._inspector = Inspector.load(self.models_dir, category)
        except Exception as exc:  # a model that fails to load means no model, never PASS
            self._inspector = None
            self.modelFailed.emit(category, str(exc))
            return
        self.modelLoaded.emit(self._inspector.info)

    def _stamp(self, category: str):
        """(mtime_ns, size) of the category's top manifest: it changes when another version becomes active."""
        try:
            st = os.stat(self.models_dir / category / "manifest.json")
            return st.st_mtime_ns, st.st_size
        except OSError:
            return None

    def _follow_active_version(self) -> None:
        """A model retrained, extended or rolled back by another program while this one runs is
        picked up before the next part (one stat per part); the result names the version."""
        if self._inspector is not None:
            category = self._inspector.info.category
            if category not in self.hold and self._stamp(category) != self._manifest_stamp:
                self.load_category(category)

    def _record(self, result, kind: str, frame: np.ndarray | None = None, seen=None) -> int:
        try:
            return self.history.record(result, kind, frame, seen=seen)
        except Exception as exc:
            log.exception("history write failed")
            self.notLogged.emit(f"{type(exc).__name__}: {exc}")
            return -1

    @Slot(str, str)
    def inspect_path(self, path: str, kind: str = "file") -> None:
        self._follow_active_version()
        if self._inspector is None:
            # the station's fault, not the file's: the part waits for a model instead of becoming an ERROR
            self.waiting.emit(path, kind)
            return
        self.judging.set()
        try:
            result = self._inspector.inspect_path(path, keep_image=True)
        finally:
            self.judging.clear()
        seen = None
        if kind == "watch" and result.error_cause != "station":  # marked judged in the same transaction as its row
            try:
                st = os.stat(path)
                seen = (path, st.st_size, st.st_mtime_ns)
            except OSError:
                seen = None
        row = self._record(result, kind, seen=seen)
        self.inspected.emit(result, row, kind)
        if result.error_cause == "station":
            self.retryable.emit(path, kind, path, result.error or "")

    @Slot(object, str)
    def inspect_frame(self, frame: np.ndarray, source: str) -> None:
        self._follow_active_version()
        if self._inspector is None:
            result = error_result(source, "no model loaded, choose a category first", cause="station")
        else:
            self.judging.set()
            try:
                result = self._inspector.inspect_array(frame, source, keep_image=True)
            finally:
                self.judging.clear()
        row = self._record(result, "camera", frame if result.ok else None)
        self.inspected.emit(result, row, "camera")
        if result.error_cause == "station":
            self.retryable.emit(frame, "camera", source, result.error or "")

    @Slot(str, str, str)
    def log_camera_event(self, source: str, event: str, detail: str) -> None:
        try:
            self.history.record_camera_event(source, event, detail)
        except Exception as exc:
            log.exception("camera event not logged")
            self.notLogged.emit(f"{type(exc).__name__}: {exc}")

    @Slot(str, str)
    def set_bench(self, operator: str, lot: str) -> None:
        """Who judges the next parts and which lot they belong to (queued: parts sent before
        keep what was set when they were sent)."""
        self.operator = operator
        self.history.operator, self.history.lot = operator, lot

    @Slot(int)
    def set_retest(self, row_id: int) -> None:
        """The next part judged re-tests inspection ``row_id`` (-1: it does not)."""
        self.history.retest_of = row_id if row_id >= 0 else None

    @Slot()
    def shutdown(self) -> None:
        if self._history is not None:
            self._history.close()
            self._history = None


class WorkerThread(QThread):
    """Owns a worker QObject moved into it (the inspection worker, the explanation worker)."""

    def __init__(self, worker: QObject, parent: QObject | None = None, name: str = "inspection-worker") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.worker = worker
        worker.moveToThread(self)
