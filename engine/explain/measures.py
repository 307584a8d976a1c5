"""Measures a quality manager understands, computed for one judged image. They feed the SHAP
surrogate that answers "why this number". The maximum patch distance is not among them: it is
the score itself, and "the score is high because the score is high" explains nothing.

Maps are taken at most ``MAP_SIDE`` pixels along their longer side, images at ``IMAGE_SIDE``,
so the measures mean the same at training (self-test) and at inspection.
"""

from __future__ import annotations

import cv2
import numpy as np

from engine.imaging import resize_mask, shrink

MAP_SIDE = 128
IMAGE_SIDE = 256

MEASURES: dict[str, str] = {
    "mean_patch_distance": "mean distance of the part's patches to the good patches nearest them",
    "anomalous_area": "share of the part at or above the threshold",
    "anomalous_regions": "number of separate regions at or above the threshold",
    "anomalous_strength": "how far above the threshold the anomalous area lies on average (0.2 = 20 % above)",
    "edge_density": "share of edge pixels on the part (Canny)",
    "low_frequency_energy": "share of the part's brightness variation in coarse structure (texture regularity)",
    "colour_deviation": "colour distance (CIE Lab, delta E) of the part from the category's good images",
}
"""Name -> what it means, in the order of the surrogate's columns."""


def _small(image: np.ndarray, part: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The image at most IMAGE_SIDE px and the part mask at its size."""
    small = shrink(image, IMAGE_SIDE)
    return small, resize_mask(part, small.shape[:2])


def mean_lab(image: np.ndarray, part: np.ndarray) -> np.ndarray:
    """Mean CIE Lab (L 0..100) of the part's pixels, (3,) float64."""
    return _mean_lab_small(*_small(image, part))


def _mean_lab_small(small: np.ndarray, m: np.ndarray) -> np.ndarray:
    lab = cv2.cvtColor(small.astype(np.float32) / 255.0, cv2.COLOR_RGB2Lab)
    sel = lab[m] if m.any() else lab.reshape(-1, 3)
    return sel.mean(axis=0).astype(np.float64)


def image_measures(image: np.ndarray, patch_scores: np.ndarray, part: np.ndarray,
                   good_lab: np.ndarray | None) -> dict[str, float]:
    """The measures that need no threshold: patch distances, edges, texture, colour."""
    grid_part = resize_mask(part, patch_scores.shape)
    mean_dist = float(patch_scores[grid_part].mean() if grid_part.any() else patch_scores.mean())
    small, m = _small(image, part)
    gray = cv2.cvtColor(small, cv2.COLOR_RGB2GRAY)
    edges = cv2.Canny(gray, 50, 150) > 0
    edge_density = float(edges[m].mean()) if m.any() else float(edges.mean())
    ys, xs = np.nonzero(m) if m.any() else np.nonzero(np.ones_like(m))
    crop = gray[ys.min():ys.max() + 1, xs.min():xs.max() + 1].astype(np.float64)
    crop -= crop.mean()
    power = np.abs(np.fft.fftshift(np.fft.fft2(crop))) ** 2
    fy = np.fft.fftshift(np.fft.fftfreq(crop.shape[0]))[:, None]
    fx = np.fft.fftshift(np.fft.fftfreq(crop.shape[1]))[None, :]
    low = np.hypot(fy, fx) <= 0.0625  # an eighth of the Nyquist frequency
    total = float(power.sum())
    lowfreq = float(power[low].sum() / total) if total > 0 else 1.0
    colour = float(np.linalg.norm(_mean_lab_small(small, m) - good_lab)) if good_lab is not None else 0.0
    return {"mean_patch_distance": mean_dist, "edge_density": edge_density, "low_frequency_energy": lowfreq,
            "colour_deviation": colour}


def map_measures(small_map: np.ndarray, small_part: np.ndarray, threshold: float) -> dict[str, float]:
    """The measures that need the threshold, from a map and part at most MAP_SIDE px."""
    above = (small_map >= threshold) & small_part
    n, _, stats, _ = cv2.connectedComponentsWithStats(above.astype(np.uint8), connectivity=8)
    regions = int((stats[1:, cv2.CC_STAT_AREA] >= 2).sum()) if n > 1 else 0
    strength = float(small_map[above].mean() / threshold - 1.0) if above.any() and threshold > 0 else 0.0
    return {"anomalous_area": float(above.sum() / max(int(small_part.sum()), 1)), "anomalous_regions": float(regions),
            "anomalous_strength": strength}


def all_measures(image: np.ndarray, patch_scores: np.ndarray, anomaly_map: np.ndarray, part: np.ndarray,
                 threshold: float, good_lab: np.ndarray | None) -> dict[str, float]:
    """Every measure of one judged image, in ``MEASURES`` order."""
    out = image_measures(image, patch_scores, part, good_lab)
    small_map = shrink(anomaly_map.astype(np.float32), MAP_SIDE)
    out.update(map_measures(small_map, resize_mask(part, small_map.shape), threshold))
    return {k: out[k] for k in MEASURES}
