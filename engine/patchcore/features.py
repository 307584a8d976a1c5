"""Locally aware patch features (PatchCore §3.1): backbone maps, 3x3 neighbourhood average,
upsampled to the finest map and concatenated."""

from __future__ import annotations

import cv2
import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from engine.backbones import IMAGENET_MEAN, IMAGENET_STD, Backbone


class PatchEmbedder(nn.Module):
    """RGB images -> patch embeddings (B, D, h, w) on the grid of the finest chosen layer.

    Args:
        backbone: frozen feature extractor.
        max_dim: when the concatenated channels exceed it, average-pool the channel axis down to
            ``max_dim`` (the paper's adaptive pooling, for wide backbones).
        patch_size: neighbourhood aggregated around each feature (the paper's p = 3).
    """

    def __init__(self, backbone: Backbone, max_dim: int = 1024, patch_size: int = 3) -> None:
        super().__init__()
        self.backbone = backbone
        self.net = backbone.module
        self.patch_size = patch_size
        total = int(sum(backbone.channels))
        self.dim = min(total, max_dim)
        self.register_buffer("mean", torch.tensor(IMAGENET_MEAN).view(1, 3, 1, 1) * 255.0)
        self.register_buffer("std", torch.tensor(IMAGENET_STD).view(1, 3, 1, 1) * 255.0)

    @staticmethod
    def preprocess(image: np.ndarray, size: tuple[int, int]) -> np.ndarray:
        """uint8 RGB (H, W, 3) -> uint8 RGB (h, w, 3) resized to ``size`` = (h, w)."""
        h, w = size
        if image.shape[:2] == (h, w):
            return image
        shrink = image.shape[0] > h or image.shape[1] > w
        return cv2.resize(image, (w, h), interpolation=cv2.INTER_AREA if shrink else cv2.INTER_LINEAR)

    def to_tensor(self, images: list[np.ndarray]) -> torch.Tensor:
        """Resized uint8 images -> normalised float tensor (B, 3, h, w)."""
        x = torch.from_numpy(np.stack(images)).permute(0, 3, 1, 2).float()
        return (x - self.mean) / self.std

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        maps = self.net(x)
        p = self.patch_size
        target = maps[0].shape[-2:]
        out = []
        for m in maps:
            m = F.avg_pool2d(m, kernel_size=p, stride=1, padding=p // 2, count_include_pad=False)
            if m.shape[-2:] != target:
                m = F.interpolate(m, size=target, mode="bilinear", align_corners=False)
            out.append(m)
        feats = torch.cat(out, dim=1)
        if feats.shape[1] > self.dim:
            b, c, h, w = feats.shape
            flat = feats.permute(0, 2, 3, 1).reshape(-1, 1, c)
            feats = F.adaptive_avg_pool1d(flat, self.dim).reshape(b, h, w, self.dim).permute(0, 3, 1, 2)
        return feats

    @torch.inference_mode()
    def embed(self, images: list[np.ndarray]) -> np.ndarray:
        """Resized uint8 RGB images -> float32 embeddings (B, h, w, D)."""
        feats = self.forward(self.to_tensor(images))
        return np.ascontiguousarray(feats.permute(0, 2, 3, 1).numpy(), dtype=np.float32)
