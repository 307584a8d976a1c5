"""WHERE: the regions of an anomaly map above the threshold, with their area, box and outline."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import cv2
import numpy as np


@dataclass(frozen=True)
class Region:
    """One connected region of the map at or above the threshold."""

    area_px: int
    area_of_part: float
    """Share of the part's pixels (0..1)."""
    box: tuple[int, int, int, int]
    """(x, y, w, h) in image pixels."""
    peak: tuple[int, int]
    """(x, y) of the region's highest map value."""
    peak_score: float
    mean_score: float
    outline: list[tuple[int, int]] = field(repr=False)
    """(x, y) vertices of its outer contour, image pixels."""


@dataclass(frozen=True)
class RegionReport:
    regions: tuple[Region, ...]
    threshold: float
    part_px: int

    @property
    def count(self) -> int:
        return len(self.regions)

    @property
    def total_area_px(self) -> int:
        return int(sum(r.area_px for r in self.regions))

    @property
    def area_of_part(self) -> float:
        return self.total_area_px / self.part_px if self.part_px else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"count": self.count, "total_area_px": self.total_area_px,
                "area_of_part": round(self.area_of_part, 6), "threshold": self.threshold,
                "regions": [{k: v for k, v in asdict(r).items() if k != "outline"} for r in self.regions]}


def find_regions(anomaly_map: np.ndarray, threshold: float, part: np.ndarray | None = None,
                 min_area_px: int = 4, max_regions: int = 50) -> RegionReport:
    """Regions of ``anomaly_map`` (float (H, W)) >= ``threshold``, largest first.

    Args:
        part: bool (H, W) part mask; areas are given as shares of it (whole frame when None).
        min_area_px: smaller specks are left out.
    """
    h, w = anomaly_map.shape
    part_px = int(part.sum()) if part is not None else h * w
    above = (anomaly_map >= threshold).astype(np.uint8)
    n, lab, stats, _ = cv2.connectedComponentsWithStats(above, connectivity=8)
    regions = []
    for i in np.argsort(-stats[1:, cv2.CC_STAT_AREA])[:max_regions] + 1:
        area = int(stats[i, cv2.CC_STAT_AREA])
        if area < min_area_px:
            continue
        sel = lab == i
        vals = anomaly_map[sel]
        flat = int(np.argmax(np.where(sel, anomaly_map, -np.inf)))
        py, px = divmod(flat, w)
        contours, _ = cv2.findContours(sel.astype(np.uint8), cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        outline = [(int(x), int(y)) for x, y in max(contours, key=cv2.contourArea).reshape(-1, 2)] if contours else []
        x, y, bw, bh = (int(v) for v in stats[i, :4])
        regions.append(Region(area, area / part_px if part_px else 0.0, (x, y, bw, bh), (px, py),
                              float(vals.max()), float(vals.mean()), outline))
    return RegionReport(tuple(regions), float(threshold), part_px)
