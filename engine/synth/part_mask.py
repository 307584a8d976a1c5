"""The part (foreground) mask of a category, learned from its good images.

Method: every good image in grey, resized to one working size; their per-pixel median is the
category's typical view. Otsu splits the median in two; the class that touches the frame's
border less is the part. The mask is then closed, opened, reduced to its large components and
its small holes filled (highlights on the part); a large hole (a washer's bore) stays out. A product whose whole frame is
surface (tiles, fabric, strips) gets a full-frame mask, decided from the data:

- the good images differ in size or aspect (no common frame to align: crops of a surface), or
- Otsu finds no real split of the median (separability eta = between / total variance < 0.6), or
- the "part" would cover more than 92 % of the frame.

The mask is saved as ``part_mask.png`` (255 = part) in the model folder; the facts of the
decision go into the manifest. A technician can replace it with a rectangle or a polygon.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Sequence

import cv2
import numpy as np

from engine.imaging import resize_mask

WORK_SIDE = 256
"""Longer side of the working size the mask is learned at, pixels."""
MIN_SEPARABILITY = 0.75
"""A unimodal (Gaussian) median gives eta = 2/pi = 0.64; a real part on a background 0.9 and more."""
MAX_PART_FRACTION = 0.92
MAX_SIZE_SPREAD = 0.05
"""Relative spread (IQR / median) of image heights, widths or aspects beyond which frames are crops."""


class PartMaskError(ValueError):
    """No part mask can be made from what was given; the message says why."""


@dataclass(frozen=True)
class PartMask:
    """A category's part mask and how it was decided."""

    mask: np.ndarray = field(repr=False)
    """bool (h, w): True on the part. Resized (nearest) to each image it is used on."""
    full_frame: bool
    method: str
    """"otsu-median", "full-frame", "rectangle", "polygon"."""
    reason: str
    """One line saying why this mask (shown with the model's facts)."""
    separability: float | None = None
    images: int = 0

    @property
    def area_fraction(self) -> float:
        return float(self.mask.mean())

    def at(self, shape: tuple[int, int]) -> np.ndarray:
        """The mask at (H, W) pixels, bool."""
        return resize_mask(self.mask, shape)

    def facts(self) -> dict[str, Any]:
        """JSON-ready description for the manifest (the pixels live in the PNG)."""
        d = asdict(self)
        d.pop("mask")
        d["area_fraction"] = round(self.area_fraction, 4)
        d["size"] = list(self.mask.shape)
        return d

    def save_png(self, path: str | os.PathLike[str]) -> None:
        if not cv2.imwrite(os.fspath(path), self.mask.astype(np.uint8) * 255):
            raise OSError(f"cannot write {path}")

    @classmethod
    def load_png(cls, path: str | os.PathLike[str], facts: dict[str, Any] | None = None) -> "PartMask":
        m = cv2.imread(os.fspath(path), cv2.IMREAD_GRAYSCALE)
        if m is None:
            raise PartMaskError(f"{path}: not a readable mask PNG")
        f = facts or {}
        return cls(m > 127, bool(f.get("full_frame", bool((m > 127).all()))), str(f.get("method", "stored")),
                   str(f.get("reason", "stored mask")), f.get("separability"), int(f.get("images", 0)))


def full_frame_mask(shape: tuple[int, int], reason: str, images: int = 0, separability: float | None = None) -> PartMask:
    return PartMask(np.ones(shape, bool), True, "full-frame", reason, separability, images)


def working_shape(shapes: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """(h, w) with the longer side WORK_SIDE and the images' median aspect."""
    aspect = float(np.median([h / w for h, w in shapes])) if shapes else 1.0
    if aspect >= 1:
        return WORK_SIDE, max(16, round(WORK_SIDE / aspect))
    return max(16, round(WORK_SIDE * aspect)), WORK_SIDE


def _relative_spread(values: np.ndarray) -> float:
    q1, med, q3 = np.percentile(values, [25, 50, 75])
    return float((q3 - q1) / med) if med > 0 else 0.0


def _otsu_separability(gray: np.ndarray) -> tuple[float, float]:
    """(threshold, eta) for a uint8 image: eta = between-class / total variance, in [0, 1]."""
    t, _ = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    g = gray.astype(np.float64).ravel()
    total = g.var()
    if total <= 1e-9:
        return float(t), 0.0
    hi = g > t
    w1 = hi.mean()
    if w1 in (0.0, 1.0):
        return float(t), 0.0
    between = w1 * (1 - w1) * (g[hi].mean() - g[~hi].mean()) ** 2
    return float(t), float(between / total)


def _clean(mask: np.ndarray) -> np.ndarray:
    """Close gaps, drop specks, keep components over 2 % of the largest, fill small holes.

    A hole under 5 % of the part is a highlight or a speck on it and is filled; a larger one is a
    real opening (a washer's bore) and stays out of the part."""
    side = max(mask.shape)
    k = max(3, side // 64) | 1
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (k, k))
    m = cv2.morphologyEx(mask.astype(np.uint8), cv2.MORPH_CLOSE, kernel)
    m = cv2.morphologyEx(m, cv2.MORPH_OPEN, kernel)
    n, lab, stats, _ = cv2.connectedComponentsWithStats(m, connectivity=8)
    if n <= 1:
        return m > 0
    areas = stats[1:, cv2.CC_STAT_AREA]
    keep = np.flatnonzero(areas >= 0.02 * areas.max()) + 1
    m = np.isin(lab, keep).astype(np.uint8)
    # holes: flood the background from the border; what it cannot reach is inside the part
    padded = np.pad(m, 1)
    flood = padded.copy()
    cv2.floodFill(flood, np.zeros((flood.shape[0] + 2, flood.shape[1] + 2), np.uint8), (0, 0), 1)
    holes = (flood == 0)[1:-1, 1:-1].astype(np.uint8)
    part = m > 0
    n, lab, stats, _ = cv2.connectedComponentsWithStats(holes, connectivity=4)
    small = np.flatnonzero(stats[1:, cv2.CC_STAT_AREA] < 0.05 * part.sum()) + 1
    return part | np.isin(lab, small)


def learn_part_mask(images: Sequence[np.ndarray], shapes: Sequence[tuple[int, int]] | None = None) -> PartMask:
    """Learn the part mask from good images (uint8 RGB (H, W, 3), sizes may differ).

    Args:
        shapes: the original (H, W) of each image when ``images`` are shrunk copies.
    """
    if not images:
        raise PartMaskError("no good images to learn the part mask from")
    shapes = list(shapes) if shapes is not None else [im.shape[:2] for im in images]
    hw = np.asarray(shapes, np.float64)
    work = working_shape(shapes)
    n = len(images)
    spread = max(_relative_spread(hw[:, 0]), _relative_spread(hw[:, 1]), _relative_spread(hw[:, 0] / hw[:, 1]))
    if n >= 3 and spread > MAX_SIZE_SPREAD:
        return full_frame_mask(work, f"good images vary in size ({spread:.0%} spread): crops of a surface, "
                                     "so the whole frame is the part", n)
    stack = np.stack([cv2.resize(cv2.cvtColor(im, cv2.COLOR_RGB2GRAY), (work[1], work[0]),
                                 interpolation=cv2.INTER_AREA) for im in images])
    median = cv2.GaussianBlur(np.median(stack, axis=0).astype(np.uint8), (0, 0), 1.5)
    thr, eta = _otsu_separability(median)
    if eta < MIN_SEPARABILITY:
        return full_frame_mask(work, f"no part/background split in the median good image "
                                     f"(separability {eta:.2f} < {MIN_SEPARABILITY})", n, eta)
    hi = median > thr
    border = np.zeros(work, bool)
    border[[0, -1], :] = True
    border[:, [0, -1]] = True
    part = ~hi if hi[border].mean() > 0.5 else hi  # the background is what touches the border
    part = _clean(part)
    frac = float(part.mean())
    if frac > MAX_PART_FRACTION or frac < 0.01:
        return full_frame_mask(work, f"the split leaves {frac:.0%} of the frame as part: treated as surface", n, eta)
    return PartMask(part, False, "otsu-median", f"Otsu on the median of {n} good images "
                    f"(separability {eta:.2f}); part covers {frac:.0%} of the frame", eta, n)


def mask_from_rectangle(shape: tuple[int, int], x: int, y: int, w: int, h: int) -> PartMask:
    """A technician's rectangle in pixels of ``shape`` (H, W)."""
    m = np.zeros(shape, bool)
    x0, y0 = max(0, int(x)), max(0, int(y))
    x1, y1 = min(shape[1], int(x + w)), min(shape[0], int(y + h))
    if x1 <= x0 or y1 <= y0:
        raise PartMaskError(f"rectangle {x},{y},{w},{h} lies outside the {shape[1]}x{shape[0]} frame")
    m[y0:y1, x0:x1] = True
    return PartMask(m, bool(m.all()), "rectangle", f"rectangle {x1 - x0}x{y1 - y0} at ({x0}, {y0}) set by hand")


def mask_from_polygon(shape: tuple[int, int], points: Sequence[tuple[float, float]]) -> PartMask:
    """A technician's polygon, (x, y) vertices in pixels of ``shape`` (H, W)."""
    if len(points) < 3:
        raise PartMaskError(f"a polygon needs at least 3 points, got {len(points)}")
    m = np.zeros(shape, np.uint8)
    cv2.fillPoly(m, [np.round(np.asarray(points, np.float64)).astype(np.int32).reshape(-1, 1, 2)], 1)
    if not m.any():
        raise PartMaskError("the polygon covers no pixel of the frame")
    return PartMask(m > 0, bool(m.all()), "polygon", f"polygon of {len(points)} points set by hand")


def allowed_region(part: np.ndarray, margin_fraction: float = 0.03) -> np.ndarray:
    """Where a defect may go: the part eroded so its outline stays intact, bool (H, W).

    The margin is ``margin_fraction`` of the shorter side (at least 3 px). A full-frame part keeps
    the same margin from the image border.
    """
    h, w = part.shape
    r = max(3, int(round(margin_fraction * min(h, w))))
    padded = np.pad(part.astype(np.uint8), r, constant_values=0)
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * r + 1, 2 * r + 1))
    return cv2.erode(padded, kernel)[r:-r, r:-r] > 0


def read_mask_images(paths: Sequence[str | os.PathLike[str]], limit: int = 64) -> list[np.ndarray]:
    """Up to ``limit`` readable images, evenly spread over ``paths`` (unreadable ones skipped)."""
    from engine.imaging import ImageLoadError, load_image

    if not paths:
        return []
    pick = np.unique(np.linspace(0, len(paths) - 1, min(limit, len(paths))).round().astype(int))
    out = []
    for i in pick:
        try:
            out.append(load_image(Path(paths[i])))
        except ImageLoadError:
            continue
    return out
