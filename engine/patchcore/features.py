"""Locally aware patch features (PatchCore §3.1): backbone maps, 3x3 neighbourhood average,
upsampled to the finest map and concatenated."""

from __future__ import annotations

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from engine.backbones import IMAGENET_MEAN, IMAGENET_STD, Backbone
from engine.imaging import resize_to
from engine.patchcore.grid_offset import measure_grid_offset
from engine.ort import onnx_session, run_session


def upsample_centred(m: torch.Tensor, r: int) -> torch.Tensor:
    """(B, C, h, w) -> (B, C, r*h, r*w): bilinear upsampling by the integer factor ``r`` that keeps
    cell centres where they are.

    With symmetric padding, cell j of a stride-s map is centred on input pixel s*j (not on
    s*j + s/2), so fine cell i lies at coarse coordinate i / r exactly; the last r-1 cells repeat
    the edge. (Plain ``align_corners=False`` would shift the coarse map by (r-1)/2 fine cells,
    4 px for 16 -> 8.) Written as a transposed convolution with the bilinear (tent) kernel over the
    edge-padded map, so the exported graph holds no size and serves every input size; it equals
    ``interpolate(align_corners=True)`` to r*(h-1)+1 cells plus the replicated edge to float
    rounding (about 1e-6).
    """
    if r == 1:
        return m
    c = int(m.shape[1])
    tent = torch.tensor([1.0 - abs(k - (r - 1)) / r for k in range(2 * r - 1)], dtype=m.dtype, device=m.device)
    kernel = (tent[:, None] * tent[None, :]).expand(c, 1, 2 * r - 1, 2 * r - 1).contiguous()
    up = F.conv_transpose2d(F.pad(m, (0, 1, 0, 1), mode="replicate"), kernel, stride=r, padding=r - 1, groups=c)
    return up[:, :, :-1, :-1]


PHOTOMETRIC = ("none", "standardise")
STANDARD_MEAN, STANDARD_STD = 128.0, 40.0


class PatchEmbedder(nn.Module):
    """RGB images -> patch embeddings (B, D, h, w) on the grid of the finest chosen layer.

    Args:
        backbone: frozen feature extractor.
        max_dim: when the concatenated channels exceed it, average-pool the channel axis down to
            ``max_dim`` (the paper's adaptive pooling, for wide backbones).
        patch_size: neighbourhood aggregated around each feature (the paper's p = 3).
        centred: upsample coarser maps so each cell stays over the pixel it describes (see
            ``upsample_centred``); False reproduces models trained before engine 0.2.
    """

    def __init__(self, backbone: Backbone, max_dim: int = 1024, patch_size: int = 3, centred: bool = True,
                 input_pad: int = 0, photometric: str = "none") -> None:
        super().__init__()
        if photometric not in PHOTOMETRIC:
            raise ValueError(f"photometric must be one of {', '.join(PHOTOMETRIC)}, got {photometric!r}")
        if patch_size < 1 or patch_size % 2 == 0:
            raise ValueError(f"patch_size must be an odd number of cells, 1 or more, got {patch_size}")
        self.photometric = photometric
        """"standardise": each image's grey level is brought to mean 128 and spread 40 (0..255)
        before the backbone, so lighting that differs from part to part is not an anomaly."""
        self.backbone = backbone
        self.centred = centred
        coarsest = max(backbone.strides)
        if input_pad % coarsest:
            raise ValueError(f"input_pad must be a multiple of the coarsest stride {coarsest}, got {input_pad}")
        self.input_pad = int(input_pad)
        """Reflect-pad the input by this many pixels and crop the features back: border patches
        then see mirrored part instead of the backbone's zero padding."""
        self.net = backbone.module
        self.patch_size = patch_size
        total = int(sum(backbone.channels))
        self.dim = min(total, max_dim)
        self.register_buffer("mean", torch.tensor(IMAGENET_MEAN).view(1, 3, 1, 1) * 255.0)
        self.register_buffer("std", torch.tensor(IMAGENET_STD).view(1, 3, 1, 1) * 255.0)
        self.eval()
        self._sessions: dict[tuple[int, int], object] = {}

    def compile_onnx(self, size: tuple[int, int]) -> bool:
        """Run ``forward`` for one input size (h, w) with ONNX Runtime (see ``engine.ort``).

        Returns False (eager stays in use) when onnxruntime is missing, ``STATION_RUNTIME=torch``
        is set, or the export fails.
        """
        session = onnx_session(self, (1, 3, *size))
        self.eval()  # keep BN frozen whatever the exporter did
        if session is None:
            return False
        self._sessions[tuple(size)] = session
        return True

    @property
    def runtime(self) -> str:
        return "onnxruntime" if self._sessions else "torch"

    def features(self, x: torch.Tensor) -> np.ndarray:
        """Normalised batch (B, 3, h, w) -> float32 embeddings (B, h', w', D), fastest runtime."""
        session = self._sessions.get(tuple(x.shape[-2:]))
        if session is not None and x.shape[0] == 1:
            out = run_session(session, x)
            return np.ascontiguousarray(out.transpose(0, 2, 3, 1))
        with torch.inference_mode():
            return np.ascontiguousarray(self.forward(x).permute(0, 2, 3, 1).numpy(), dtype=np.float32)

    @staticmethod
    def preprocess(image: np.ndarray, size: tuple[int, int]) -> np.ndarray:
        """uint8 RGB (H, W, 3) -> uint8 RGB (h, w, 3) resized to ``size`` = (h, w)."""
        return resize_to(image, size)

    def to_tensor(self, images: list[np.ndarray]) -> torch.Tensor:
        """Resized uint8 images -> normalised float tensor (B, 3, h, w)."""
        x = torch.from_numpy(np.stack(images)).permute(0, 3, 1, 2).float()
        return (x - self.mean) / self.std

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.photometric == "standardise":
            x = self.standardise(x)
        pad = self.input_pad
        if pad:
            x = F.pad(x, (pad, pad, pad, pad), mode="reflect")
        maps = self.net(x)
        p = self.patch_size
        target = maps[0].shape[-2:]
        finest = min(self.backbone.strides)
        out = []
        for m, stride in zip(maps, self.backbone.strides):
            m = F.avg_pool2d(m, kernel_size=p, stride=1, padding=p // 2, count_include_pad=False)
            r = stride // finest  # from the strides, not the shapes: the graph stays free of sizes
            if m.shape[-2:] != target:
                if self.centred and stride % finest == 0 and tuple(target) == (m.shape[-2] * r, m.shape[-1] * r):
                    m = upsample_centred(m, r)
                else:  # models before engine 0.2, or an input size the coarsest stride does not divide
                    m = F.interpolate(m, size=target, mode="bilinear", align_corners=False)
            out.append(m)
        feats = torch.cat(out, dim=1)
        if feats.shape[1] > self.dim:
            b, c, h, w = feats.shape
            flat = feats.permute(0, 2, 3, 1).reshape(-1, 1, c)
            feats = F.adaptive_avg_pool1d(flat, self.dim).reshape(b, h, w, self.dim).permute(0, 3, 1, 2)
        if pad:
            c = pad // min(self.backbone.strides)
            feats = feats[:, :, c:-c, c:-c]  # from the ends: no size in the exported graph
        return feats

    def standardise(self, x: torch.Tensor) -> torch.Tensor:
        """Normalised batch (B, 3, h, w) -> the same with each image's pixel values (all channels,
        0..255) at mean ``STANDARD_MEAN`` and standard deviation ``STANDARD_STD``, clipped to 0..255."""
        u = x * self.std + self.mean
        m = u.mean(dim=(1, 2, 3), keepdim=True)
        sd = (u - m).pow(2).mean(dim=(1, 2, 3), keepdim=True).sqrt()
        u = ((u - m) / (sd + 1e-3) * STANDARD_STD + STANDARD_MEAN).clamp(0.0, 255.0)
        return (u - self.mean) / self.std

    def measure_grid_offset(self, probes: int = 16, side: int = 256, seed: int = 0) -> tuple[float, float]:
        """Where an embedding cell really looks (``grid_offset.measure_grid_offset``)."""
        return measure_grid_offset(self.embed, None, probes, side, seed)

    def embed(self, images: list[np.ndarray]) -> np.ndarray:
        """Resized uint8 RGB images -> float32 embeddings (B, h, w, D)."""
        return self.features(self.to_tensor(images))
