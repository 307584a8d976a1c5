"""Class activation maps: one base class with the machinery (hooks, forward, backward, resize,
layer combination), each method a small subclass.

- ``GradCAM`` (Selvaraju et al. 2017): channel weights = mean gradient.
- ``GradCAMPlusPlus`` (Chattopadhay et al. 2018): the full second-order weighting of eq. 19.
- ``LayerCAM`` (Jiang et al. 2021): element-wise relu(gradient) x activation, so the place of
  the evidence survives (the faithful form for an anomaly score, whose global channel weights
  lose the place).
- ``HiResCAM`` (Draelos & Carin 2020): element-wise gradient x activation, summed over channels.

A target is any callable from the model's output to a scalar tensor, so the defect logit and
the PatchCore anomaly score are both targets. Hooks are released in ``__exit__`` (and by
``release``), also when the forward or backward pass raises.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Sequence

import cv2
import numpy as np
import torch
from torch import nn

Target = Callable[[torch.Tensor], torch.Tensor]


@dataclass(frozen=True)
class CamResult:
    """A CAM over one image."""

    cam: np.ndarray = field(repr=False)
    """float32 (H, W) in [0, 1] at the input's size (the mean of the layers' normalised maps)."""
    per_layer: dict[str, np.ndarray] = field(repr=False)
    """Each layer's map, float32 (h, w) on its own grid, not normalised."""
    method: str
    layers: tuple[str, ...]
    target_value: float
    """The target's value for this image (e.g. the defect logit, or the anomaly score)."""


def _module(model: nn.Module, layer: nn.Module | str) -> tuple[str, nn.Module]:
    if isinstance(layer, str):
        return layer, model.get_submodule(layer)
    for name, m in model.named_modules():
        if m is layer:
            return name, m
    raise ValueError("target layer is not part of the model")


class BaseCAM:
    """Hooks on ``layers`` of ``model``; call with an input batch of one and a target."""

    method = "cam"

    def __init__(self, model: nn.Module, layers: Sequence[nn.Module | str],
                 offsets: dict[str, tuple[float, float]] | None = None) -> None:
        self.model = model
        self.layers = [_module(model, layer) for layer in layers]
        if not self.layers:
            raise ValueError("at least one target layer is needed")
        self.offsets = offsets or {}
        """Per layer (dy, dx): cell (i, j) of a stride-s map looks at input (s*i - dy, s*j - dx)."""
        self._acts: dict[str, torch.Tensor] = {}
        self._handles = [m.register_forward_hook(self._keep(name)) for name, m in self.layers]

    def _keep(self, name: str):
        def hook(_module, _inputs, output):
            if isinstance(output, torch.Tensor):
                if output.requires_grad:
                    output.retain_grad()
                self._acts[name] = output
        return hook

    @property
    def hooks_attached(self) -> int:
        return len(self._handles)

    def release(self) -> None:
        for h in self._handles:
            h.remove()
        self._handles = []
        self._acts = {}

    def __enter__(self) -> "BaseCAM":
        return self

    def __exit__(self, *exc) -> None:
        self.release()

    def weights(self, acts: np.ndarray, grads: np.ndarray) -> np.ndarray:
        """Channel weights (C,) from activations and gradients (C, h, w)."""
        raise NotImplementedError

    def layer_map(self, acts: np.ndarray, grads: np.ndarray) -> np.ndarray:
        """(C, h, w) activations and gradients -> (h, w) map (ReLU of the weighted sum)."""
        w = self.weights(acts, grads)
        return np.maximum((w[:, None, None] * acts).sum(axis=0), 0.0)

    def gradients(self, x: torch.Tensor, target: Target) -> tuple[float, dict[str, tuple[np.ndarray, np.ndarray]]]:
        """One forward and backward pass: the target's value and each layer's (activations,
        gradients), float64 (C, h, w)."""
        if not self._handles:
            raise RuntimeError("CAM hooks were released; make a new CAM")
        self._acts = {}
        x = x.detach().clone().requires_grad_(True)  # gradients reach frozen layers too
        try:
            with torch.enable_grad():
                out = self.model(x)
                value = target(out)
                self.model.zero_grad(set_to_none=True)
                value.backward()
            tensors = {}
            for name, _ in self.layers:
                a = self._acts.get(name)
                if a is None or a.grad is None:
                    raise RuntimeError(f"layer {name} got no gradient from this target")
                tensors[name] = (a[0].detach().numpy().astype(np.float64), a.grad[0].detach().numpy().astype(np.float64))
        finally:
            self._acts = {}
        return float(value.detach()), tensors

    def from_gradients(self, value: float, tensors: dict[str, tuple[np.ndarray, np.ndarray]],
                       size: tuple[int, int]) -> CamResult:
        """This method's CAM from a pass made by any CAM on the same layers."""
        per_layer, resized = {}, []
        for name, (acts, grads) in tensors.items():
            m = self.layer_map(acts, grads).astype(np.float32)
            per_layer[name] = m
            up = place_on_input(m, size, self.offsets.get(name, (0.0, 0.0)))
            top = float(up.max())
            resized.append(up / top if top > 0 else up)
        cam = np.mean(resized, axis=0).astype(np.float32)
        return CamResult(cam, per_layer, self.method, tuple(tensors), value)

    def __call__(self, x: torch.Tensor, target: Target) -> CamResult:
        """``x``: (1, 3, H, W) model input; ``target(output)`` -> scalar tensor to explain."""
        value, tensors = self.gradients(x, target)
        return self.from_gradients(value, tensors, tuple(x.shape[-2:]))


def place_on_input(m: np.ndarray, size: tuple[int, int], offset: tuple[float, float] = (0.0, 0.0)) -> np.ndarray:
    """A map on a stride-s grid -> float32 (H, W): cell (i, j) lands on (s*i - dy, s*j - dx)."""
    h, w = size
    sy, sx = h / m.shape[0], w / m.shape[1]
    dy, dx = offset
    # outside the grid there is no evidence: zero, not the edge row repeated
    return cv2.warpAffine(m.astype(np.float32), np.float32([[sx, 0, -dx], [0, sy, -dy]]), (w, h),
                          flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=0.0)


class GradCAM(BaseCAM):
    method = "Grad-CAM"

    def weights(self, acts: np.ndarray, grads: np.ndarray) -> np.ndarray:
        return grads.mean(axis=(1, 2))


class GradCAMPlusPlus(BaseCAM):
    method = "Grad-CAM++"

    def weights(self, acts: np.ndarray, grads: np.ndarray) -> np.ndarray:
        # Chattopadhay et al. 2018, eq. 19 (the exponential of the score makes the higher
        # derivatives powers of the first): alpha = g^2 / (2 g^2 + sum_ab A_ab g^3)
        g2 = grads**2
        g3 = g2 * grads
        denom = 2.0 * g2 + acts.sum(axis=(1, 2), keepdims=True) * g3
        alpha = np.where(denom != 0.0, g2 / np.where(denom != 0.0, denom, 1.0), 0.0)
        return (alpha * np.maximum(grads, 0.0)).sum(axis=(1, 2))  # eq. 9: w = sum alpha relu(g)


class LayerCAM(BaseCAM):
    method = "LayerCAM"

    def layer_map(self, acts: np.ndarray, grads: np.ndarray) -> np.ndarray:
        return np.maximum((np.maximum(grads, 0.0) * acts).sum(axis=0), 0.0)


class HiResCAM(BaseCAM):
    method = "HiResCAM"

    def layer_map(self, acts: np.ndarray, grads: np.ndarray) -> np.ndarray:
        return np.maximum((grads * acts).sum(axis=0), 0.0)


METHODS: dict[str, type[BaseCAM]] = {c.method: c for c in (GradCAM, GradCAMPlusPlus, LayerCAM, HiResCAM)}
