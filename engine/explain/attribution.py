"""WHICH features: CAMs of the category's defect classifier and of the anomaly score itself.

- ``ClassifierCams``: Grad-CAM++ (and plain Grad-CAM beside it) of the fine-tuned classifier's
  defect logit; layers ``top.0`` (stage 5), ``top.1`` (stage 6), ``top.2`` (the 1x1 head
  convolution), one or several (all combined by default: measured best).
- ``ScoreCam``: LayerCAM (element-wise relu(gradient) x activation) of the PatchCore score
  through the backbone stages PatchCore reads (``net.blocks.2``, ``net.blocks.4``). The score's
  nearest memory-bank patches are found by FAISS and held fixed, so the score is
  differentiable in the features.

Each layer's map is placed on the image where its cells really look (an impulse probe measures
that offset once per layer and input size; see ``probe_offset``).
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import torch

from engine.explain.cam import METHODS, CamResult, LayerCAM
from engine.patchcore.model import score_window

SCORE_LAYERS = ("net.blocks.2", "net.blocks.4")


def probe_offset(model: nn.Module, layer: str, to_input, size: tuple[int, int], probes: int = 12,
                 seed: int = 0) -> tuple[float, float]:
    """(dy, dx) such that cell (i, j) of ``layer`` (stride s) looks at input (s*i - dy, s*j - dx).

    ``to_input(list of uint8 RGB)`` -> the model's input tensor. Bright 5x5 squares on grey; the
    centroid of the layer's response against where the square was.
    """
    module = model.get_submodule(layer)
    seen: dict[str, torch.Tensor] = {}
    handle = module.register_forward_hook(lambda _m, _i, out: seen.__setitem__("a", out.detach()))
    try:
        h, w = size
        base = np.full((h, w, 3), 128, np.uint8)
        rng = np.random.default_rng(seed)
        with torch.inference_mode():
            model(to_input([base]))
            a0 = seen["a"][0]
            offs = []
            for _ in range(probes):
                py, px = int(rng.integers(h // 5, 4 * h // 5)), int(rng.integers(w // 5, 4 * w // 5))
                im = base.copy()
                im[py - 2:py + 3, px - 2:px + 3] = 250
                model(to_input([im]))
                d = (seen["a"][0] - a0).abs().sum(0).numpy().astype(np.float64) ** 2
                if d.sum() <= 0:
                    continue
                sy, sx = h / d.shape[0], w / d.shape[1]
                ys, xs = np.mgrid[0:d.shape[0], 0:d.shape[1]]
                offs.append(((d * ys).sum() / d.sum() * sy - py, (d * xs).sum() / d.sum() * sx - px))
    finally:
        handle.remove()
    if not offs:
        return 0.0, 0.0
    dy, dx = np.median(np.asarray(offs), axis=0)
    return round(float(dy), 2), round(float(dx), 2)


class ClassifierCams:
    """CAMs of a ``DefectClassifier``'s defect logit on images of one input size."""

    def __init__(self, classifier, input_size: tuple[int, int]) -> None:
        self.clf = classifier
        self.input_size = tuple(input_size)
        self._offsets: dict[str, tuple[float, float]] = {}

    def offset(self, layer: str) -> tuple[float, float]:
        if layer not in self._offsets:
            self._offsets[layer] = probe_offset(self.clf, layer, self.clf.to_tensor, self.input_size)
        return self._offsets[layer]

    def explain(self, image: np.ndarray, layers: Sequence[str] | None = None,
                methods: Sequence[str] = ("Grad-CAM++", "Grad-CAM")) -> tuple[float, dict[str, CamResult]]:
        """``image``: uint8 RGB at ``input_size``; ``layers``: default every trained layer combined,
        the best measured choice (bottle's real defects: Grad-CAM++ peak inside 68 % of them, 37 %
        at the head convolution alone). Returns (defect probability, CAM per method)."""
        layers = tuple(layers) if layers else self.clf.cam_layers
        bad = [m for m in methods if m not in METHODS]
        if bad:
            raise ValueError(f"unknown CAM method {bad[0]!r}; known: {', '.join(METHODS)}")
        unknown = [layer for layer in layers if layer not in self.clf.cam_layers]
        if unknown:
            raise ValueError(f"unknown classifier layer {unknown[0]!r}; choose from {', '.join(self.clf.cam_layers)}")
        x = self.clf.to_tensor([image])
        offsets = {layer: self.offset(layer) for layer in layers}
        # one forward/backward pass serves every method: they differ only in how they weigh it
        with METHODS[methods[0]](self.clf, list(layers), offsets) as first:
            logit, tensors = first.gradients(x, lambda out: out[0])
        out = {}
        for method in methods:
            cam = METHODS[method](self.clf, list(layers), offsets)
            cam.release()
            out[method] = cam.from_gradients(logit, tensors, tuple(x.shape[-2:]))
        return float(1.0 / (1.0 + np.exp(-logit))), out

    def warm_up(self, layers: Sequence[str] | None = None) -> None:
        """Measure the layers' offsets now (about a second) rather than at the first verdict."""
        for layer in layers or self.clf.cam_layers:
            self.offset(layer)


class ScoreCam:
    """LayerCAM of the PatchCore anomaly score (largest patch distance to the memory bank)."""

    def __init__(self, patchcore) -> None:
        self.pc = patchcore
        self.model = patchcore.embedder  # forward(x) -> embedding (1, D, h, w)
        self._offsets: dict[str, tuple[float, float]] = {}

    def _target(self, feats: torch.Tensor) -> torch.Tensor:
        """The image score as the model computes it: the largest patch distance, outside the
        border ring the model leaves out of its score (``score_margin``)."""
        _, d, h, w = feats.shape
        f = feats[0].permute(1, 2, 0).reshape(-1, d)
        _, idx = self.pc.index.search(f.detach().numpy(), k=1)
        nearest = torch.from_numpy(self.pc.index.vectors(idx[:, 0]))
        dist = ((f - nearest) ** 2).sum(dim=1).clamp_min(1e-12).sqrt().reshape(h, w)
        ys, xs = score_window(h, w, self.pc.config.score_margin)
        return dist[ys, xs].max()

    def warm_up(self, layers: Sequence[str] = SCORE_LAYERS) -> None:
        size = tuple(self.pc.config.input_size)
        for layer in layers:
            if layer not in self._offsets:
                self._offsets[layer] = probe_offset(self.model, layer, self.pc.embedder.to_tensor, size)

    def explain(self, image: np.ndarray, layers: Sequence[str] = SCORE_LAYERS) -> CamResult:
        """``image``: uint8 RGB at the model's input size."""
        self.warm_up(layers)
        x = self.pc.embedder.to_tensor([image])
        with LayerCAM(self.model, list(layers), self._offsets) as cam:
            return cam(x, self._target)
