"""ONNX Runtime sessions for frozen torch modules: exported in memory, run on the CPU.

Same outputs as eager PyTorch (about 2e-5) and several times faster for EfficientNet's
depthwise convolutions. ``STATION_RUNTIME=torch`` turns it off; any failure returns None and the
caller stays on eager PyTorch, which is always correct.
"""

from __future__ import annotations

import io
import logging
import os
import warnings

import numpy as np

log = logging.getLogger(__name__)


def cpu_session(model: bytes | str, threads: int):
    """An ``onnxruntime.InferenceSession`` on the CPU with ``threads`` intra-op threads; idle threads
    do not spin, so FAISS and numpy get the cores right after. No torch needed."""
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = max(1, int(threads))
    opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return ort.InferenceSession(model, opts, providers=["CPUExecutionProvider"])


def onnx_session(module: "nn.Module", input_shape: tuple[int, ...], dynamic_batch: bool = False):
    """An ``onnxruntime.InferenceSession`` running ``module`` on inputs of ``input_shape``, or None."""
    import torch

    if os.environ.get("STATION_RUNTIME", "onnx").lower() == "torch":
        return None
    was_training = module.training
    try:
        buf = io.BytesIO()
        module.eval()
        axes = {"x": {0: "batch"}, "y": {0: "batch"}} if dynamic_batch else None
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(module, (torch.zeros(*input_shape),), buf, input_names=["x"], output_names=["y"],
                              opset_version=17, dynamo=False, dynamic_axes=axes)
        return cpu_session(buf.getvalue(), torch.get_num_threads())
    except Exception as exc:  # the eager path is always there
        log.warning("ONNX Runtime unavailable, using eager PyTorch: %s", exc)
        return None
    finally:
        module.train(was_training)


def run_session(session, x: "torch.Tensor") -> np.ndarray:
    """Run a session made by ``onnx_session`` on a float tensor; float32 numpy output."""
    return session.run(None, {"x": x.numpy()})[0]
