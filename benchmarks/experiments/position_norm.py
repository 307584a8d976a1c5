"""Tried for issue 9, not kept: patch scores normalised per grid cell by the held-out goods.

    python benchmarks/experiments/position_norm.py MODELS CATEGORY DATA/<category>

Prints image AUROC, pixel AUROC (maps at half size) and the pointing game for the plain scores,
the scores minus each cell's mean over held-out goods, and their per-cell z-scores.
"""
import sys, json, numpy as np, cv2
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[2]))
from pathlib import Path
from engine.evaluation import _mask_for
from engine.judging.inspector import Inspector
from engine.metrics import auroc, pixel_auroc
from engine.imaging import load_image
models = sys.argv[1]; cat = sys.argv[2]; root = Path(sys.argv[3])
insp = Inspector.load(models, cat)
m = insp.stored.manifest
hold = m["training"]["holdout_images"]
ps_good = np.stack([insp.inspect_path(p).patch_scores for p in hold])
mu, sd = ps_good.mean(0), ps_good.std(0) + 1e-6
gmed = float(np.median(ps_good))
margin = insp.model.config.score_margin
def score(ps):
    h, w = ps.shape
    return float(ps[margin:h-margin, margin:w-margin].max()) if margin else float(ps.max())
rows = {k: ([], [], [], [], []) for k in ("plain", "minus_mean", "zscore")}
for d in sorted((root / "test").iterdir()):
    for p in sorted(d.iterdir()):
        r = insp.inspect_path(p)
        H, W = r.anomaly_map.shape
        mask = np.zeros((H, W), bool) if d.name == "good" else _mask_for(root, d.name, p)
        if mask is not None and mask.shape != (H, W):
            mask = cv2.resize(mask.astype(np.uint8), (W, H), interpolation=cv2.INTER_NEAREST) > 0
        for k, ps in (("plain", r.patch_scores), ("minus_mean", r.patch_scores - mu + gmed), ("zscore", (r.patch_scores - mu) / sd)):
            amap = insp.model.anomaly_map(ps.astype(np.float32), (H, W))
            lab, sc, masks, maps, hits = rows[k]
            lab.append(int(d.name != "good")); sc.append(score(ps))
            if mask is not None and (d.name == "good" or mask.any()):
                small = lambda a: cv2.resize(a.astype(np.float32), (max(1, W // 2), max(1, H // 2)))
                masks.append(small(mask) > 0.5); maps.append(small(amap))
                if d.name != "good":
                    hits.append(bool(mask.ravel()[np.argmax(amap)]))
for k, (lab, sc, masks, maps, hits) in rows.items():
    print(k, json.dumps({"image_auroc": round(auroc(np.array(lab), np.array(sc)), 4), "pixel_auroc": round(pixel_auroc(masks, maps), 4),
                         "pointing": round(float(np.mean(hits)), 3)}))
