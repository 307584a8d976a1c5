"""Issue 9 experiment: is the pointing game lost to the map's 8 px grid? A stride-4 map from four
passes of the backbone over the input shifted by half a cell.

    python benchmarks/experiments/fine_map.py MODELS CATEGORY DATA/<category> [PER_TYPE_LIMIT]

For every defect image with a mask: the engine's map, and maps drawn from the four passes
interleaved on a stride-4 grid (blur sigma 4, 2, 0 px; and the larger of the engine's and the
fine map), each with the rim capped as the model does. Prints the strict pointing game, within
15 px, the misses within 4 px and within 4-15 px, per defect type. Judging stays at one pass;
this only asks where the misses come from.
"""
import sys
import time
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from engine.evaluation import _mask_for  # noqa: E402
from engine.judging.inspector import Inspector  # noqa: E402
from engine.imaging import load_image, resize_to  # noqa: E402
from engine.metrics import peak_distance  # noqa: E402
from engine.patchcore.border import clip_ring  # noqa: E402
from engine.patchcore.model import score_cells  # noqa: E402

models, cat, root = sys.argv[1], sys.argv[2], Path(sys.argv[3])
limit = int(sys.argv[4]) if len(sys.argv) > 4 else 10**9
insp = Inspector.load(models, cat)
m = insp.model; cfg = m.config
ih, iw = cfg.input_size; dy, dx = cfg.grid_offset
print("input", cfg.input_size, "offset", cfg.grid_offset, "margin", cfg.score_margin, "clip", cfg.map_ring_clip)

def passes(img):
    small = resize_to(img, cfg.input_size)
    out = {}
    for a in (0, 1):
        for b in (0, 1):
            M = np.float32([[1, 0, 4 * b], [0, 1, 4 * a]])
            sh = cv2.warpAffine(small, M, (iw, ih), borderMode=cv2.BORDER_REFLECT_101) if (a or b) else small
            emb = m.embedder.features(m.embedder.to_tensor([sh]))
            ps, _ = m.patch_distances(emb)
            out[(a, b)] = ps[0]
    return out

def fine_map(ps4, out_size, sigma):
    base = ps4[(0, 0)]
    h, w = base.shape
    F = np.zeros((2 * h, 2 * w), np.float32)
    for (a, b), ps in ps4.items():
        p = ps.astype(np.float32)
        if cfg.map_ring_clip:
            c = clip_ring(p, cfg.map_ring_clip)
            if (a, b) == (0, 0):
                top = int(score_cells(p[None], cfg.score_margin)[0]); c.flat[top] = p.flat[top]
            p = c
        F[1 - a::2, 1 - b::2] = p
    # fine cell k looks at 4k - 4 - d
    mm = cv2.warpAffine(F, np.float32([[4, 0, -(4 + dx)], [0, 4, -(4 + dy)]]), (iw, ih), flags=cv2.INTER_LINEAR,
                        borderMode=cv2.BORDER_REPLICATE)
    if sigma > 0:
        mm = cv2.GaussianBlur(mm, (0, 0), sigmaX=sigma, borderType=cv2.BORDER_REFLECT)
    return cv2.resize(mm, (out_size[1], out_size[0]), interpolation=cv2.INTER_LINEAR)

rows = {"default": [], "fine4": [], "fine2": [], "fine0": [], "max4": []}
kinds = {k: {} for k in rows}
n = 0; t_all = 0
for d in sorted((root / "test").iterdir()):
    if d.name == "good": continue
    for p in sorted(d.iterdir())[:limit]:
        img = load_image(p)
        H, W = img.shape[:2]
        mask = _mask_for(root, d.name, p)
        if mask is None or not mask.any(): continue
        if mask.shape != (H, W):
            mask = cv2.resize(mask.astype(np.uint8), (W, H), interpolation=cv2.INTER_NEAREST) > 0
        t0 = time.perf_counter(); ps4 = passes(img); t_all += time.perf_counter() - t0
        maps = {"default": m.anomaly_map(ps4[(0, 0)], (H, W)),
                "fine4": fine_map(ps4, (H, W), 4.0), "fine2": fine_map(ps4, (H, W), 2.0),
                "fine0": fine_map(ps4, (H, W), 0.0)}
        maps["max4"] = np.maximum(maps["default"], maps["fine4"])
        for k, amap in maps.items():
            dist = peak_distance(mask, amap)
            rows[k].append(dist); kinds[k].setdefault(d.name, []).append(dist)
        n += 1
print("images", n, "4 passes ms/img", round(1000 * t_all / n, 1))
for k, ds in rows.items():
    ds = np.array(ds)
    print(k, "strict", round(float(np.mean(ds == 0)), 3), "15px", round(float(np.mean(ds <= 15)), 3),
          "miss<=4", round(float(np.mean((ds > 0) & (ds <= 4))), 3), "miss 4-15", round(float(np.mean((ds > 4) & (ds <= 15))), 3),
          {t: round(float(np.mean(np.array(v) == 0)), 2) for t, v in kinds[k].items()})
