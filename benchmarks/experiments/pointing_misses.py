"""Where do the anomaly map's peaks land when they miss the defect? Per defect type: the misses
of the strict pointing game, how many of them peak within 5 % of the frame's edge, how many miss
by 4 or 8 px or less, how many of their masks touch the frame's edge, and the mean offset (input
pixels) from the peak to the nearest mask pixel over the misses by 8 px or less (a placement
bias would show there).

    python benchmarks/experiments/pointing_misses.py DATA/<category> MODELS:CATEGORY [--version vN] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from engine.evaluation import _mask_for  # noqa: E402
from engine.imaging import is_image_path  # noqa: E402
from engine.judging.inspector import Inspector  # noqa: E402


def miss_facts(mask: np.ndarray, amap: np.ndarray, input_size: tuple[int, int]) -> dict:
    """One defect image: hit or not, the peak's distance to the nearest mask pixel (image px),
    the offset to it (dy, dx input px), the peak's distance from the edge (share of the short
    side) and whether the mask touches the edge."""
    y, x = np.unravel_index(int(amap.argmax()), amap.shape)
    h, w = amap.shape
    ys, xs = np.nonzero(mask)
    d = np.hypot(ys - y, xs - x)
    i = int(d.argmin())
    return {"hit": bool(mask[y, x]), "distance": float(d[i]),
            "offset": [float((ys[i] - y) * input_size[0] / h), float((xs[i] - x) * input_size[1] / w)],
            "edge": float(min(y, x, h - 1 - y, w - 1 - x) / min(h, w)),
            "mask_at_edge": bool(mask[:3].any() or mask[-3:].any() or mask[:, :3].any() or mask[:, -3:].any())}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data")
    ap.add_argument("model", help="MODELS_DIR:CATEGORY")
    ap.add_argument("--version")
    ap.add_argument("--out")
    a = ap.parse_args()
    insp = Inspector.load(*a.model.rsplit(":", 1), version=a.version)
    root = Path(a.data)
    facts: dict[str, list[dict]] = {}
    for d in sorted((root / "test").iterdir()):
        if not d.is_dir() or d.name == "good":
            continue
        for p in sorted(d.iterdir()):
            if not is_image_path(p):
                continue
            mask = _mask_for(root, d.name, p)
            if mask is None or not mask.any():
                continue
            amap = insp.inspect_path(p).anomaly_map
            if mask.shape != amap.shape:
                mask = cv2.resize(mask.astype(np.uint8), amap.shape[::-1], interpolation=cv2.INTER_NEAREST) > 0
            facts.setdefault(d.name, []).append(miss_facts(mask, amap, insp.model.config.input_size))
    rows = {}
    every = [f for fs in facts.values() for f in fs]
    for kind, fs in [*facts.items(), ("all", every)]:
        miss = [f for f in fs if not f["hit"]]
        near = [f["offset"] for f in miss if f["distance"] <= 8]
        rows[kind] = {"images": len(fs), "hits": len(fs) - len(miss), "misses": len(miss),
                      "misses_peak_at_edge": sum(f["edge"] < 0.05 for f in miss),
                      "misses_within_4px": sum(f["distance"] <= 4 for f in miss),
                      "misses_within_8px": len(near),
                      "misses_mask_at_edge": sum(f["mask_at_edge"] for f in miss),
                      "hits_mask_at_edge": sum(f["mask_at_edge"] for f in fs if f["hit"]),
                      "near_miss_mean_offset_px": [round(float(v), 2) for v in np.mean(near, axis=0)] if near else None}
        print(kind, json.dumps(rows[kind]), flush=True)
    if a.out:
        Path(a.out).write_text(json.dumps({"data": a.data, "model": a.model, "version": a.version, "rows": rows},
                                          indent=2))


if __name__ == "__main__":
    main()
