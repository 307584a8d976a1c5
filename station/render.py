"""Colouring an anomaly map for display: threshold at the middle of the scale, good areas clear."""

from __future__ import annotations

import cv2
import numpy as np


COLORMAPS = {"jet": cv2.COLORMAP_JET, "inferno": cv2.COLORMAP_INFERNO, "viridis": cv2.COLORMAP_VIRIDIS,
             "magma": cv2.COLORMAP_MAGMA}


def heat_rgba(amap: np.ndarray, threshold: float, floor_ratio: float = 0.6, colormap: str = "jet") -> np.ndarray:
    """float (H, W) map -> uint8 RGBA (H, W, 4) in ``colormap`` colours.

    The colour scale runs from ``floor_ratio * threshold`` (clear) through the threshold (mid
    scale) to twice that distance above it (red, most opaque), the same for live and stored maps.
    """
    lo = floor_ratio * threshold
    norm = np.clip((amap - lo) / max(threshold - lo, 1e-9) * 0.5, 0.0, 1.0)
    rgb = cv2.cvtColor(cv2.applyColorMap((norm * 255).astype(np.uint8), COLORMAPS.get(colormap, cv2.COLORMAP_JET)), cv2.COLOR_BGR2RGB)
    alpha = (np.clip((norm - 0.2) * 2.0, 0.0, 0.85) * 255).astype(np.uint8)  # clear below 40% of threshold
    return np.dstack([rgb, alpha])


def cam_overlay(image: np.ndarray, cam: np.ndarray, peak: bool = True) -> np.ndarray:
    """A CAM in [0, 1] (h, w) blended over the uint8 RGB image it was taken on (JET, 45 %), with
    its peak marked by a white ring; uint8 RGB at the image's size."""
    c = cam if cam.shape == image.shape[:2] else cv2.resize(cam, (image.shape[1], image.shape[0]))
    heat = cv2.cvtColor(cv2.applyColorMap((np.clip(c, 0, 1) * 255).astype(np.uint8), cv2.COLORMAP_JET), cv2.COLOR_BGR2RGB)
    out = (image.astype(np.float32) * 0.55 + heat.astype(np.float32) * 0.45).astype(np.uint8)
    if peak:
        y, x = np.unravel_index(int(np.argmax(c)), c.shape)
        cv2.circle(out, (int(x), int(y)), max(4, image.shape[0] // 40), (255, 255, 255), 2)
    return out


def draw_outlines(rgba: np.ndarray, outlines: list[list[tuple[int, int]]]) -> np.ndarray:
    """Region outlines drawn opaque white into a heat layer (H, W, 4), 2 px."""
    out = rgba.copy()
    for poly in outlines:
        if len(poly) >= 2:
            cv2.polylines(out, [np.asarray(poly, np.int32).reshape(-1, 1, 2)], True, (255, 255, 255, 255), 2)
    return out


def blend(image: np.ndarray, rgba: np.ndarray, opacity: float = 0.6) -> np.ndarray:
    """A heat layer (H, W, 4) composited over the uint8 RGB image; uint8 RGB."""
    a = rgba[:, :, 3:4].astype(np.float32) / 255.0 * opacity
    return (image.astype(np.float32) * (1 - a) + rgba[:, :, :3].astype(np.float32) * a).astype(np.uint8)
