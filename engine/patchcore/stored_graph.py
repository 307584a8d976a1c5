"""The feature extractor stored as an ONNX graph in the model folder, run without PyTorch.

At training the eager ``PatchEmbedder`` (backbone, 3x3 neighbourhood average, centred
upsampling, ImageNet normalisation folded in) is exported once for the model's fixed input size
to ``features.onnx``, checked against eager PyTorch, and checksummed in the manifest. Judging
then needs only ONNX Runtime and numpy: no torch import, no backbone build, no export at start.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

GRAPH_FILE = "features.onnx"
OPSET = 17
PARITY_TOL = 1e-3
"""Largest absolute difference to eager PyTorch accepted at export (measured: about 2e-5)."""


class StoredGraphError(RuntimeError):
    """The graph could not be exported, or disagrees with eager PyTorch."""


def export_graph(embedder, size: tuple[int, int], path: str | os.PathLike[str]) -> dict:
    """Write ``embedder`` for uint8-valued float input (1, 3, h, w) to ``path``; returns its facts."""
    import io
    import warnings

    import torch
    from torch import nn

    class Raw(nn.Module):
        def __init__(self, inner) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return self.inner((x - self.inner.mean) / self.inner.std)

    module = Raw(embedder).eval()
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(module, (torch.zeros(1, 3, *size),), buf, input_names=["x"], output_names=["y"],
                          opset_version=OPSET, dynamo=False)
    embedder.eval()
    data = buf.getvalue()
    probe = np.random.default_rng(0).integers(0, 256, (1, 3, *size)).astype(np.float32)
    with torch.inference_mode():
        want = module(torch.from_numpy(probe)).numpy()
    got = _session(data).run(None, {"x": probe})[0]
    err = float(np.abs(got - want).max())
    if not err <= PARITY_TOL:
        raise StoredGraphError(f"exported graph differs from eager PyTorch by {err:.2g}")
    Path(path).write_bytes(data)
    return {"file": GRAPH_FILE, "input": [1, 3, *size], "opset": OPSET, "max_abs_diff": round(err, 8)}


def _session(model: bytes | str):
    from engine.ort import cpu_session

    return cpu_session(model, int(os.environ.get("STATION_ORT_THREADS", 0)) or os.cpu_count() or 1)


class StoredGraphEmbedder:
    """Same judging interface as ``PatchEmbedder`` (``dim``, ``to_tensor``, ``features``, ``embed``),
    on ONNX Runtime from the stored graph; numpy in and out."""

    runtime = "onnxruntime (stored graph)"

    def __init__(self, path: str | os.PathLike[str], dim: int, size: tuple[int, int], patch_size: int = 3,
                 centred: bool = True) -> None:
        self.session = _session(str(path))
        self.dim, self.size, self.patch_size, self.centred = int(dim), tuple(size), patch_size, centred
        shape = self.session.get_inputs()[0].shape
        if list(shape[2:]) != list(self.size):
            raise StoredGraphError(f"{Path(path).name}: graph input {shape} does not match the model's size {size}")

    def to_tensor(self, images: list[np.ndarray]) -> np.ndarray:
        """Resized uint8 RGB images -> float32 (B, 3, h, w), pixel values (normalised in the graph)."""
        return np.ascontiguousarray(np.stack(images).transpose(0, 3, 1, 2), dtype=np.float32)

    def features(self, x: np.ndarray) -> np.ndarray:
        """(B, 3, h, w) -> float32 (B, h', w', D), one image at a time (the graph's batch is 1)."""
        outs = [self.session.run(None, {"x": x[i:i + 1]})[0] for i in range(x.shape[0])]
        return np.ascontiguousarray(np.concatenate(outs).transpose(0, 2, 3, 1))

    def embed(self, images: list[np.ndarray]) -> np.ndarray:
        return self.features(self.to_tensor(images))
