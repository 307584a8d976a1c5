"""The map filled in from around (engine 0.4.2): each pixel drawn at least as warm as the map's
wide Gaussian mean around it, ``max(map, G_sigma * map)``.

Why: on a surface whose defect is a whole region (magnetic tile's *uneven*, half a tile behind a
step), the map lights the step's line but not the region behind it, since a patch there looks
like sound texture. Pixels near a warm stretch are raised to its neighbourhood's level, so the
region fills in, while the map's peak stays exactly where it was: a Gaussian mean is a weighted
average of the map, never above its maximum, and around the peak the map is above its own mean.
So the pointing game cannot change, only the map's spread (pixel AUROC, AUPRO, the regions over
the threshold).

The wide mean is taken at a coarser grid (``sigma / 8`` times smaller, area-averaged), blurred
there and brought back bilinearly: each step is a weighted average, so the bound holds, and it
costs about 0.24 ms a judgement at 384 x 384 (``benchmarks/profile_inspect.py``) instead of a
289-tap blur at full size. The argument holds at input size; the map's last step, the resize to
the image, then works on the same values around the peak (a test checks the peak in a trained
model's maps at image size, and every benchmark found pointing unchanged).
"""

from __future__ import annotations

import math

import cv2
import numpy as np

COARSE_PIXELS_PER_SIGMA = 8.0
"""The wide mean is taken on a grid ``sigma / COARSE_PIXELS_PER_SIGMA`` times coarser."""


def wide_mean(m: np.ndarray, sigma: float) -> np.ndarray:
    """Map (H, W) float32 -> its Gaussian mean over ``sigma`` pixels, (H, W) float32, taken on a
    coarser grid (reflected at the border)."""
    h, w = m.shape
    f = max(1.0, sigma / COARSE_PIXELS_PER_SIGMA)
    ch, cw = max(1, math.ceil(h / f)), max(1, math.ceil(w / f))
    small = cv2.resize(m, (cw, ch), interpolation=cv2.INTER_AREA) if (ch, cw) != (h, w) else m
    small = cv2.GaussianBlur(small, (0, 0), sigmaX=sigma * cw / w, sigmaY=sigma * ch / h, borderType=cv2.BORDER_REFLECT)
    return cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR) if (ch, cw) != (h, w) else small


def filled(m: np.ndarray, sigma: float) -> np.ndarray:
    """Map (H, W) -> float32 (H, W): ``max(m, wide_mean(m, sigma))``; ``m`` as it is when
    ``sigma`` <= 0. The largest value and where it lies are unchanged."""
    m = np.asarray(m, np.float32)
    if sigma <= 0:
        return m
    return np.maximum(m, wide_mean(m, sigma))
