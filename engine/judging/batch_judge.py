"""Judging a run of images on both cores at once, with the same results as one at a time.

One judgement is three phases (``Inspector.prepare``, ``search``, ``finish``): the feature graph
on ONNX Runtime, FAISS's search of the memory bank, and the anomaly map. Each alone scales
poorly over this machine's two cores (bottle, 384 px: ONNX Runtime 10.1 ms on two threads
against 15.5 on one; FAISS 11.6 against 18.6). So for a run of images the next image's features
and the previous image's map are worked out on one worker thread while the calling thread
searches the current image with FAISS on a single OpenMP thread. Every distance, score and map
is bitwise the same as judging serially; only the phases' own milliseconds in ``Timing`` grow,
since they now share the machine. FAISS must stay on one thread here: its OpenMP threads spin
while waiting and starve ONNX Runtime (``benchmarks/bench_batch_judge.py``).

``STATION_PIPELINE=0`` judges one image at a time instead (for comparisons).
"""

from __future__ import annotations

import os
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable, Iterable, Iterator, Protocol

import numpy as np

from engine.imaging import ImageLoadError
from engine.patchcore.knn import search_threads
from engine.types import InspectionResult



class Inspector(Protocol):
    """What a run needs of ``engine.judging.inspector.Inspector`` (named here, not imported: the
    inspector imports this module, and an import back would make a circle)."""

    model: Any

    def prepare(self, image: np.ndarray, embedder=None) -> Any: ...
    def search(self, prepared: Any) -> tuple[Any, float]: ...
    def finish(self, prepared: Any, scored: Any, search_ms: float, source: str, load_ms: float = 0.0,
               keep_image: bool = False) -> InspectionResult: ...
    def failed(self, source: str, exc: BaseException) -> InspectionResult: ...
    def guarded(self, source: str, get_image: Callable[[], np.ndarray], keep_image: bool = False,
                load_ms: float | None = None) -> InspectionResult: ...

Decoded = tuple[str, np.ndarray | None, ImageLoadError | None, float]
"""(source, uint8 RGB image or None, decoding error or None, decode ms): ``decode_ahead``'s items."""


def pipeline_wanted() -> bool:
    """False where ``STATION_PIPELINE=0`` asks for one image at a time."""
    return os.environ.get("STATION_PIPELINE", "1").strip() not in ("0", "false", "no", "off")


def judged(inspector: Inspector, decoded: Iterable[Decoded], keep_image: bool = False, pipeline: bool = True
           ) -> Iterator[InspectionResult]:
    """``judged_pipelined`` where asked and the model's feature graph has a one-thread twin (the
    stored ONNX graph); else ``judged_in_turn`` (eager PyTorch keeps its own thread pool)."""
    if pipeline and hasattr(inspector.model.embedder, "single_threaded"):
        return judged_pipelined(inspector, decoded, keep_image)
    return judged_in_turn(inspector, decoded, keep_image)


def judged_in_turn(inspector: Inspector, decoded: Iterable[Decoded], keep_image: bool = False
                   ) -> Iterator[InspectionResult]:
    """One result per decoded item, in order, one image at a time."""
    for source, image, exc, ms in decoded:
        if exc is not None:
            yield inspector.failed(source, exc)
        else:
            yield inspector.guarded(source, lambda im=image: im, keep_image, load_ms=ms)


def judged_pipelined(inspector: Inspector, decoded: Iterable[Decoded], keep_image: bool = False
                     ) -> Iterator[InspectionResult]:
    """One result per decoded item, in order; each result is yielded once the next image has been
    searched. Bad items give ERROR results in their place, and the others are still judged."""
    items = iter(decoded)
    features_graph = inspector.model.embedder.single_threaded()  # the model's own where none can be made
    done: deque[tuple[str, Future | InspectionResult]] = deque()
    worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="judge")

    def start(item: Decoded | None):
        if item is None:
            return None
        source, image, exc, ms = item
        if exc is not None:
            return source, ms, inspector.failed(source, exc)
        return source, ms, worker.submit(inspector.prepare, image, features_graph)

    def searched(source: str, ms: float, features: Future | InspectionResult) -> Future | InspectionResult:
        if isinstance(features, InspectionResult):
            return features
        try:
            prepared = features.result()
            with search_threads(1):
                scored, search_ms = inspector.search(prepared)
        except Exception as err:
            return inspector.failed(source, err)
        return worker.submit(inspector.finish, prepared, scored, search_ms, source, ms, keep_image)

    def result(source: str, item: Future | InspectionResult) -> InspectionResult:
        if isinstance(item, InspectionResult):
            return item
        try:
            return item.result()
        except Exception as err:
            return inspector.failed(source, err)

    try:
        ahead = start(next(items, None))
        while ahead is not None:
            source, ms, features = ahead
            ahead = start(next(items, None))  # queued behind this image's features and the last map
            done.append((source, searched(source, ms, features)))
            while len(done) > 1:
                yield result(*done.popleft())
        while done:
            yield result(*done.popleft())
    finally:
        worker.shutdown(wait=True, cancel_futures=True)
        close = getattr(items, "close", None)
        if close is not None:
            close()
