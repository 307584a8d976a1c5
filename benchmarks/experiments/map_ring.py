"""Issue 9 experiment: the map's outer ring of cells against the pointing game and pixel AUROC.

    python benchmarks/experiments/map_ring.py MODELS CATEGORY DATA/<category> [VERSION]

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
from engine.evaluation import _mask_for, peak_near_border  # noqa: E402
from engine.judging.inspector import Inspector  # noqa: E402
from engine.metrics import auroc, pixel_auroc  # noqa: E402
from engine.patchcore.border import clip_ring  # noqa: E402
from engine.patchcore.model import PatchCore, score_cells  # noqa: E402


def flatten_ring(ps: np.ndarray, width: int) -> np.ndarray:
    h, w = ps.shape
    out = ps.copy()
    inner = ps[width:h - width, width:w - width]
    floor = inner.min()
    out[:width] = floor; out[h - width:] = floor; out[:, :width] = floor; out[:, w - width:] = floor
    return out


def depth(ps: np.ndarray, flat_index: int) -> int:
    """Rings between cell ``flat_index`` of an (h, w) grid and the grid's edge."""
    h, w = ps.shape
    y, x = divmod(int(flat_index), w)
    return int(min(y, x, h - 1 - y, w - 1 - x))


def main() -> None:
    models, cat, root = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    insp = Inspector.load(models, cat, version=sys.argv[4] if len(sys.argv) > 4 else None)
    margin = insp.model.config.score_margin
    plain = PatchCore(insp.model.embedder, insp.model.index, replace(insp.model.config, map_ring_clip=0))
    as_trained = PatchCore(insp.model.embedder, insp.model.index, replace(insp.model.config, map_ring_clip=2))
    hold = insp.stored.manifest["training"]["holdout_images"]
    depths = []
    for p in hold:
        ps = insp.inspect_path(p).patch_scores
        depths.append(depth(ps, int(np.argmax(ps))))
    print("held-out goods, depth of the largest patch:", np.bincount(np.minimum(depths, 5)).tolist(), "(5 = deeper)")
    variants = {"plain": lambda ps: ps}
    for wdt in (1, 2, 3):
        variants[f"flatten{wdt}"] = (lambda k: lambda ps: flatten_ring(ps, k))(wdt)
        variants[f"clip{wdt}"] = (lambda k: lambda ps: clip_ring(ps, k))(wdt)
    draw = {k: plain.anomaly_map for k in variants}
    variants["clip2_score_cell_kept"] = lambda ps: ps  # drawn by the engine's own map, as trained now
    draw["clip2_score_cell_kept"] = as_trained.anomaly_map
    score_cell_depth: dict[str, list[int]] = {"good": [], "defect": []}  # rings from the edge
    rows = {k: ([], [], [], [], [], []) for k in variants}
    kinds = {k: {} for k in variants}
    for d in sorted((root / "test").iterdir()):
        for p in sorted(d.iterdir()):
            r = insp.inspect_path(p)
            H, W = r.anomaly_map.shape
            cell = int(score_cells(r.patch_scores[None], margin)[0])
            score_cell_depth["good" if d.name == "good" else "defect"].append(depth(r.patch_scores, cell))
            mask = np.zeros((H, W), bool) if d.name == "good" else _mask_for(root, d.name, p)
            if mask is not None and mask.shape != (H, W):
                mask = cv2.resize(mask.astype(np.uint8), (W, H), interpolation=cv2.INTER_NEAREST) > 0
            for k, f in variants.items():
                amap = draw[k](f(r.patch_scores).astype(np.float32), (H, W))
                lab, sc, masks, maps, hits, edge = rows[k]
                lab.append(int(d.name != "good")); sc.append(r.score)
                edge.append(peak_near_border(amap))
                if mask is not None and (d.name == "good" or mask.any()):
                    small = (max(1, W // 2), max(1, H // 2))
                    masks.append(cv2.resize(mask.astype(np.float32), small) > 0.5)
                    maps.append(cv2.resize(amap, small))
                    if d.name != "good":
                        hits.append(bool(mask.ravel()[np.argmax(amap)]))
                        kinds[k].setdefault(d.name, []).append(hits[-1])
    for kind, cell_depths in score_cell_depth.items():
        print(f"{kind} test images, rings from the edge of the image score's cell:",
              np.bincount(np.minimum(cell_depths, 5), minlength=6).tolist(), "(5 = deeper)")
    for k, (lab, sc, masks, maps, hits, edge) in rows.items():
        print(k, json.dumps({"image_auroc": round(auroc(np.array(lab), np.array(sc)), 4),
                             "pixel_auroc": round(pixel_auroc(masks, maps), 4),
                             "pointing": round(float(np.mean(hits)), 3), "border_peaks": int(np.sum(edge)),
                             "of": len(edge),
                             "per_type": {t: round(float(np.mean(v)), 2) for t, v in kinds[k].items()}}), flush=True)


if __name__ == "__main__":
    main()
