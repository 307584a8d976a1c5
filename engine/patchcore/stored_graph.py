"""The feature extractor stored as an ONNX graph in the model folder, run without PyTorch.

At training the eager ``PatchEmbedder`` (backbone, 3x3 neighbourhood average, centred
upsampling, ImageNet normalisation folded in) is exported once, free of input size, to
``features.onnx``, checked against eager PyTorch, and checksummed in the manifest (models of
engine 0.4.0 and before hold a graph for their input size alone). Judging
then needs only ONNX Runtime and numpy: no torch import, no backbone build, no export at start.
"""

from __future__ import annotations

import copy
import logging
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

GRAPH_FILE = "features.onnx"
log = logging.getLogger(__name__)
OPSET = 17
PARITY_TOL = 1e-3
"""Largest absolute difference to eager PyTorch accepted at export (measured: about 2e-5)."""


class StoredGraphError(RuntimeError):
    """The graph could not be exported, or disagrees with eager PyTorch."""


def export_graph(embedder, size: tuple[int, int], path: str | os.PathLike[str]) -> dict:
    """Write ``embedder`` for uint8-valued float input (1, 3, h, w) to ``path``; returns its facts.

    The graph is exported free of input size (``h`` and ``w`` symbolic) and checked against eager
    PyTorch at ``size`` and at a second size one coarsest stride taller and two wider, so it can
    serve any model of the same settings (``graph_reuse``, ``graph_templates``). When that check
    fails it is exported again for ``size`` alone. So is a wide backbone whose channels are pooled
    down to ``embedder.dim`` (ONNX's adaptive pooling takes fixed sizes only; the exporter would
    print its whole graph while failing).
    """
    import torch

    step = max(embedder.backbone.strides)
    other = (int(size[0]) + step, int(size[1]) + 2 * step)
    module = _Raw(embedder)
    try:
        if embedder.dim < sum(embedder.backbone.channels):
            raise StoredGraphError("channels pooled: exported for one size")
        data = _export(module, size, dynamic=True)
        facts = check_parity(module, data, [tuple(size), other])
    except StoredGraphError:
        data = _export(module, size, dynamic=False)
        facts = check_parity(module, data, [tuple(size)])
    embedder.eval()
    Path(path).write_bytes(data)
    dims = ["h", "w"] if len(facts["sizes_checked"]) > 1 else list(size)
    return {"file": GRAPH_FILE, "input": [1, 3, *dims], "opset": OPSET, "max_abs_diff": facts["max_abs_diff"],
            "sizes_checked": facts["sizes_checked"], "torch": torch.__version__}


def _Raw(embedder):
    """``embedder`` taking pixel values 0..255 (its ImageNet normalisation moved into the graph)."""
    from torch import nn

    class Raw(nn.Module):
        def __init__(self, inner) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, x):
            return self.inner((x - self.inner.mean) / self.inner.std)

    return Raw(embedder).eval()


def _export(module, size: tuple[int, int], dynamic: bool) -> bytes:
    import io
    import warnings

    import torch

    buf = io.BytesIO()
    axes = {"x": {2: "h", 3: "w"}, "y": {2: "fh", 3: "fw"}} if dynamic else None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(module, (torch.zeros(1, 3, *size),), buf, input_names=["x"], output_names=["y"],
                              opset_version=OPSET, dynamo=False, dynamic_axes=axes)
    except Exception as exc:
        if not dynamic:
            raise
        raise StoredGraphError(f"export free of input size failed: {exc}") from exc
    return buf.getvalue()


def check_parity(module, data: bytes, sizes: list[tuple[int, int]]) -> dict:
    """The graph ``data`` against eager ``module`` on random pixels at each (h, w) of ``sizes``.

    Raises:
        StoredGraphError: an output shape differs, or a value by more than ``PARITY_TOL``.
    """
    import torch

    session, worst = _session(data), 0.0
    for k, (h, w) in enumerate(sizes):
        probe = np.random.default_rng(k).integers(0, 256, (1, 3, h, w)).astype(np.float32)
        with torch.inference_mode():
            want = module(torch.from_numpy(probe)).numpy()
        got = session.run(None, {"x": probe})[0]
        if got.shape != want.shape:
            raise StoredGraphError(f"graph output {got.shape} at input {h}x{w}, eager PyTorch {want.shape}")
        worst = max(worst, float(np.abs(got - want).max()))
        if not worst <= PARITY_TOL:
            raise StoredGraphError(f"graph differs from eager PyTorch by {worst:.2g} at input {h}x{w}")
    return {"max_abs_diff": round(worst, 8), "sizes_checked": [list(s) for s in sizes]}


def is_free_of_size(facts: dict) -> bool:
    """Whether a ``stored_graph`` entry describes a graph that takes any input size."""
    dims = list(facts.get("input") or [])[2:]
    return len(dims) == 2 and not all(isinstance(d, int) for d in dims)


MAX_LANES = 4
"""A batch runs at most this many images side by side, one per core, on the one-thread session."""
_LANE_POOLS: dict[int, ThreadPoolExecutor] = {}


def _threads() -> int:
    return int(os.environ.get("STATION_ORT_THREADS", 0)) or os.cpu_count() or 1


def _session(model: bytes | str):
    from engine.ort import cpu_session

    return cpu_session(model, _threads())


def _lane_pool(lanes: int) -> ThreadPoolExecutor:
    if lanes not in _LANE_POOLS:
        _LANE_POOLS[lanes] = ThreadPoolExecutor(max_workers=lanes, thread_name_prefix="graph-lane")
    return _LANE_POOLS[lanes]


class StoredGraphEmbedder:
    """Same judging interface as ``PatchEmbedder`` (``dim``, ``to_tensor``, ``features``, ``embed``),
    on ONNX Runtime from the stored graph; numpy in and out."""

    runtime = "onnxruntime (stored graph)"

    def __init__(self, path: str | os.PathLike[str], dim: int, size: tuple[int, int], patch_size: int = 3,
                 centred: bool = True) -> None:
        self.path = str(path)
        self.threads = _threads()
        self.session = _session(self.path)
        self._single: StoredGraphEmbedder | None = None
        self.dim, self.size, self.patch_size, self.centred = int(dim), tuple(size), patch_size, centred
        shape = self.session.get_inputs()[0].shape
        fixed = [d for d in shape[2:] if isinstance(d, int)]
        if fixed and list(shape[2:]) != list(self.size):
            raise StoredGraphError(f"{Path(path).name}: graph input {shape} does not match the model's size {size}")

    def to_tensor(self, images: list[np.ndarray]) -> np.ndarray:
        """Resized uint8 RGB images -> float32 (B, 3, h, w), pixel values (normalised in the graph)."""
        return np.ascontiguousarray(np.stack(images).transpose(0, 3, 1, 2), dtype=np.float32)

    def features(self, x: np.ndarray) -> np.ndarray:
        """(B, 3, h, w) -> float32 (B, h', w', D), one image at a time (the graph's batch is 1).

        A batch of several runs its images side by side, one per core, on the one-thread twin
        (an ONNX Runtime session may run from several threads at once): for this small network
        that beats one image after another on all cores, with the same outputs
        (``benchmarks/bench_batch_judge.py``, its batch embedding)."""
        n = x.shape[0]
        lanes = min(n, self.threads, MAX_LANES)
        twin = self.single_threaded() if lanes > 1 else self
        if twin is self:
            outs = [self.session.run(None, {"x": x[i:i + 1]})[0] for i in range(n)]
        else:
            run = twin.session.run
            outs = list(_lane_pool(lanes).map(lambda i: run(None, {"x": x[i:i + 1]})[0], range(n)))
        return np.ascontiguousarray(np.concatenate(outs).transpose(0, 2, 3, 1))

    def embed(self, images: list[np.ndarray]) -> np.ndarray:
        return self.features(self.to_tensor(images))

    def single_threaded(self) -> "StoredGraphEmbedder":
        """The same graph on a one-thread session (made once), for running beside other
        work: two threads each would wait on each other's stragglers (``engine.judging.batch_judge``).
        This embedder itself where it runs on one thread already, or where a second session cannot
        be made (logged): the callers then go on, a little slower, on its own session."""
        if self._single is None:
            self._single = self
            if self.threads > 1:
                from engine.ort import cpu_session

                try:
                    twin = copy.copy(self)
                    twin.session, twin.threads = cpu_session(self.path, 1), 1
                    twin._single = twin
                    self._single = twin
                except Exception:
                    log.warning("no one-thread session for %s; its own session serves", self.path, exc_info=True)
        return self._single
