"""Colouring an anomaly map for display: threshold at the middle of the scale, good areas clear."""

from __future__ import annotations

import cv2
import numpy as np


def heat_rgba(amap: np.ndarray, threshold: float, floor_ratio: float = 0.6) -> np.ndarray:
    """float (H, W) map -> uint8 RGBA (H, W, 4), JET colours.

    The colour scale runs from ``floor_ratio * threshold`` (clear) through the threshold (mid
    scale) to twice that distance above it (red, most opaque), the same for live and stored maps.
    """
    lo = floor_ratio * threshold
    norm = np.clip((amap - lo) / max(threshold - lo, 1e-9) * 0.5, 0.0, 1.0)
    rgb = cv2.cvtColor(cv2.applyColorMap((norm * 255).astype(np.uint8), cv2.COLORMAP_JET), cv2.COLOR_BGR2RGB)
    alpha = (np.clip((norm - 0.2) * 2.0, 0.0, 0.85) * 255).astype(np.uint8)  # clear below 40% of threshold
    return np.dstack([rgb, alpha])
