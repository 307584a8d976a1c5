"""What the line is told about one verdict: a JSON-ready dict, the same for every link.

``part_id`` is the line's own id when a trigger named one, else ``"#<inspection id>"``;
``regions`` are the anomaly map's regions at or above the threshold as boxes in image pixels
(x, y, w, h), largest first, at most ``MAX_REGIONS``."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import numpy as np

from engine.explain.regions import find_regions
from engine.types import InspectionResult

MAX_REGIONS = 10


def regions_of(result: InspectionResult) -> list[dict[str, Any]]:
    if result.anomaly_map is None or result.threshold is None or result.score is None:
        return []
    if result.score < result.threshold:
        return []  # a part below its threshold has no region to point a reject at
    found = find_regions(np.asarray(result.anomaly_map, np.float32), float(result.threshold),
                         max_regions=MAX_REGIONS)
    return [{"box": list(r.box), "area_px": r.area_px, "peak": list(r.peak)} for r in found.regions]


def verdict_message(result: InspectionResult, row_id: int, station: str, part_id: str = "",
                    kind: str = "file", ts: str | None = None, regions: bool = True) -> dict[str, Any]:
    """The message for one judged part (``row_id``: its inspection id, -1 when it was not logged);
    ``regions=False`` leaves the map's regions out (links that have no use for them get the
    verdict a few ms sooner)."""
    return {
        "part_id": part_id or (f"#{row_id}" if row_id >= 0 else ""),
        "inspection_id": row_id,
        "time": ts or datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
        "station": station,
        "category": result.category,
        "model_version": result.model_id,
        "verdict": result.verdict.value,
        "score": None if result.score is None else round(float(result.score), 6),
        "threshold": None if result.threshold is None else round(float(result.threshold), 6),
        "regions": regions_of(result) if regions else [],
        "source": kind,
        "error": result.error,
    }
