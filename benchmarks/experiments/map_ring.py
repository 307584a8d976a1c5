"""Issue 9 experiment: the map's outer ring of cells against the pointing game and pixel AUROC.

    python benchmarks/experiments/map_ring.py MODELS CATEGORY DATA/<category>

The image score already leaves out the grid's outer ring where the good images show a border
effect (``score_margin``); the map kept it. Same patch scores, maps drawn several ways: plain;
the rim (``width`` cells) flattened to the inner window's minimum; the rim capped by its inward
neighbour (``engine.patchcore.border.clip_ring``: a rim cell never scores above the cell next to
it inside); and ``clip2_score_cell_kept``, two rings capped but the cell the image score came
from drawn as scored, which training now sets where it sets a score margin. Prints image AUROC,
pixel AUROC (maps at half size), the pointing game and the peaks within 5 % of the border.
Also prints, for the held-out good images, the depth (cells from the edge) of their largest patch,
and for the test images that of the cell their image score came from.
"""
import json
import sys
from dataclasses import replace
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from engine.inspector import Inspector  # noqa: E402
from engine.metrics import auroc, pixel_auroc  # noqa: E402
from engine.patchcore.border import clip_ring, peak_at_edge  # noqa: E402
from engine.patchcore.model import score_window  # noqa: E402


def flatten_ring(ps: np.ndarray, width: int) -> np.ndarray:
    h, w = ps.shape
    out = ps.copy()
    inner = ps[width:h - width, width:w - width]
    floor = inner.min()
    out[:width] = floor; out[h - width:] = floor; out[:, :width] = floor; out[:, w - width:] = floor
    return out


def keep_score_cell(ps: np.ndarray, capped: np.ndarray, margin: int) -> np.ndarray:
    """``capped`` with the cell the image score came from (largest in the score window) as scored."""
    ys, xs = score_window(*ps.shape, margin)
    y, x = np.unravel_index(int(np.argmax(ps[ys, xs])), ps[ys, xs].shape)
    out = capped.copy()
    out[y + ys.start, x + xs.start] = ps[y + ys.start, x + xs.start]
    return out


def main() -> None:
    models, cat, root = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    insp = Inspector.load(models, cat)
    margin = insp.model.config.score_margin
    insp.model.config = replace(insp.model.config, map_ring_clip=0)  # each variant applies its own
    hold = insp.stored.manifest["training"]["holdout_images"]
    depths = []
    for p in hold:
        ps = insp.inspect_path(p).patch_scores
        h, w = ps.shape
        y, x = np.unravel_index(int(np.argmax(ps)), ps.shape)
        depths.append(int(min(y, x, h - 1 - y, w - 1 - x)))
    print("held-out goods, depth of the largest patch:", np.bincount(np.minimum(depths, 5)).tolist(), "(5 = deeper)")
    variants = {"plain": lambda ps: ps}
    for wdt in (1, 2, 3):
        variants[f"flatten{wdt}"] = (lambda k: lambda ps: flatten_ring(ps, k))(wdt)
        variants[f"clip{wdt}"] = (lambda k: lambda ps: clip_ring(ps, k))(wdt)
    variants["clip2_score_cell_kept"] = lambda ps: keep_score_cell(ps, clip_ring(ps, 2), margin)
    score_cell_depth: dict[str, list[int]] = {"good": [], "defect": []}  # rings from the edge
    rows = {k: ([], [], [], [], [], []) for k in variants}
    kinds = {k: {} for k in variants}
    for d in sorted((root / "test").iterdir()):
        for p in sorted(d.iterdir()):
            r = insp.inspect_path(p)
            H, W = r.anomaly_map.shape
            ys, xs = score_window(*r.patch_scores.shape, margin)
            win = r.patch_scores[ys, xs]
            cy, cx = np.unravel_index(int(np.argmax(win)), win.shape)
            cy, cx, (gh, gw) = cy + ys.start, cx + xs.start, r.patch_scores.shape
            score_cell_depth["good" if d.name == "good" else "defect"].append(int(min(cy, cx, gh - 1 - cy, gw - 1 - cx)))
            if d.name == "good":
                mask = np.zeros((H, W), bool)
            else:
                mp = root / "ground_truth" / d.name / f"{p.stem}_mask.png"
                mask = cv2.imread(str(mp), 0) > 127 if mp.exists() else None
                if mask is not None and mask.shape != (H, W):
                    mask = cv2.resize(mask.astype(np.uint8), (W, H), interpolation=cv2.INTER_NEAREST) > 0
            for k, f in variants.items():
                amap = insp.model.anomaly_map(f(r.patch_scores).astype(np.float32), (H, W))
                lab, sc, masks, maps, hits, edge = rows[k]
                lab.append(int(d.name != "good")); sc.append(r.score)
                edge.append(peak_at_edge(amap, 0.05 * min(H, W)))
                if mask is not None and (d.name == "good" or mask.any()):
                    small = (max(1, W // 2), max(1, H // 2))
                    masks.append(cv2.resize(mask.astype(np.float32), small) > 0.5)
                    maps.append(cv2.resize(amap, small))
                    if d.name != "good":
                        hits.append(bool(mask.ravel()[np.argmax(amap)]))
                        kinds[k].setdefault(d.name, []).append(hits[-1])
    for kind, depth in score_cell_depth.items():
        print(f"{kind} test images, rings from the edge of the image score's cell:",
              np.bincount(np.minimum(depth, 5), minlength=6).tolist(), "(5 = deeper)")
    for k, (lab, sc, masks, maps, hits, edge) in rows.items():
        print(k, json.dumps({"image_auroc": round(auroc(np.array(lab), np.array(sc)), 4),
                             "pixel_auroc": round(pixel_auroc(masks, maps), 4),
                             "pointing": round(float(np.mean(hits)), 3), "border_peaks": int(np.sum(edge)),
                             "of": len(edge),
                             "per_type": {t: round(float(np.mean(v)), 2) for t, v in kinds[k].items()}}), flush=True)


if __name__ == "__main__":
    main()
