"""Quality measures of a synthetic defect image against the good image it was painted on.

- leakage: share of pixels outside the part mask whose value changed (must be exactly 0);
- structural loss: share of the good image's edge pixels (Canny) outside the defect mask that
  appear, vanish or move, relative to those edges (near 0: the outline is intact);
- localisation: share of the total absolute change that lies inside the defect mask (near 1);
- contrast: mean absolute change inside the defect mask, grey levels (is it visible at all).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import cv2
import numpy as np

CANNY_LOW, CANNY_HIGH = 50, 150


@dataclass(frozen=True)
class DefectQuality:
    leakage: float
    leakage_pixels: int
    structural_loss: float
    localisation: float
    contrast: float
    defect_area_px: int

    def to_dict(self) -> dict[str, float | int]:
        return {k: (round(v, 6) if isinstance(v, float) else v) for k, v in asdict(self).items()}


def _abs_change(original: np.ndarray, synthetic: np.ndarray) -> np.ndarray:
    """Per-pixel absolute change summed over channels, float64 (H, W)."""
    d = np.abs(synthetic.astype(np.int32) - original.astype(np.int32))
    return (d.sum(axis=2) if d.ndim == 3 else d).astype(np.float64)


def leakage(original: np.ndarray, synthetic: np.ndarray, part: np.ndarray) -> tuple[float, int]:
    """(share, count) of pixels outside ``part`` (bool (H, W)) that differ in any channel."""
    outside = ~part
    changed = _abs_change(original, synthetic) > 0
    n = int((changed & outside).sum())
    return (n / int(outside.sum()) if outside.any() else 0.0), n


def _edges(image: np.ndarray) -> np.ndarray:
    gray = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY) if image.ndim == 3 else image
    return cv2.Canny(gray, CANNY_LOW, CANNY_HIGH) > 0


def structural_loss(original: np.ndarray, synthetic: np.ndarray, defect: np.ndarray) -> float:
    """Edge pixels outside ``defect`` that differ between the two edge maps, per edge pixel there."""
    outside = ~defect
    e0, e1 = _edges(original), _edges(synthetic)
    base = int((e0 & outside).sum())
    diff = int(((e0 ^ e1) & outside).sum())
    return diff / base if base else float(diff > 0)


def localisation(original: np.ndarray, synthetic: np.ndarray, defect: np.ndarray) -> float:
    """Share of the absolute change inside ``defect``; 0 when nothing changed."""
    change = _abs_change(original, synthetic)
    total = float(change.sum())
    return float(change[defect].sum() / total) if total > 0 else 0.0


def measure(original: np.ndarray, synthetic: np.ndarray, part: np.ndarray, defect: np.ndarray) -> DefectQuality:
    """All measures for one synthetic image (uint8 (H, W, 3)) with its part and defect masks."""
    share, count = leakage(original, synthetic, part)
    change = _abs_change(original, synthetic)
    channels = original.shape[2] if original.ndim == 3 else 1
    return DefectQuality(
        leakage=share, leakage_pixels=count,
        structural_loss=structural_loss(original, synthetic, defect),
        localisation=localisation(original, synthetic, defect),
        contrast=float(change[defect].mean() / channels) if defect.any() else 0.0,
        defect_area_px=int(defect.sum()),
    )
