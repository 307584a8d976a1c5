"""Tried for issue 9: patch distances scaled by how spread the good patches are around each bank patch.

    python benchmarks/experiments/density_norm.py MODELS CATEGORY DATA/<category> [--train-images 200]

Grainy texture makes sound patches land far from the memory bank in some regions of feature
space and close in others, so a sound grain can outscore a thin defect. Here every training
patch is assigned to its nearest bank patch b, and q_b is the mean distance of the patches b
holds (shrunk toward the global mean by ``--shrink`` pseudo-patches). Variants of the patch score:

- ``plain``: d, the engine's score;
- ``ratio``: d / q_b * mean(q) (the nearest bank patch's own spread);
- ``minus``: d - q_b + mean(q);
- ``knn_ratio``: min over the 10 nearest bank patches of d_b / q_b * mean(q);
- ``knnK``: the mean distance to the K nearest bank patches (K = 2, 3, 5, 10);
- ``knnK_ratio``: the mean of the K smallest d_b / q_b * mean(q) among the 10 nearest.

Each is judged over the test set as the engine judges (score window, map with the rim capped),
and image AUROC, pixel AUROC (maps at half size), AUPRO and the strict pointing game are printed.
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
from engine.imaging import is_image_path, load_image  # noqa: E402
from engine.judging.inspector import Inspector  # noqa: E402
from engine.metrics import aupro, auroc, pixel_auroc  # noqa: E402
from engine.patchcore.model import score_cells  # noqa: E402

VARIANTS = ("plain", "ratio", "minus", "knn_ratio", "knn2", "knn3", "knn5", "knn10", "knn3_ratio", "knn5_ratio")


def bank_spread(insp: Inspector, paths: list[str], shrink: float) -> tuple[np.ndarray, float]:
    """Mean distance of the training patches each bank patch holds, (bank,) float64, and their mean."""
    index = insp.model.index
    total = np.zeros(index.size)
    count = np.zeros(index.size)
    for p in paths:
        emb = insp.model.embed([load_image(p)])
        d = emb.shape[-1]
        dist, idx = index.search(emb.reshape(-1, d), k=1)
        np.add.at(total, idx[:, 0], dist[:, 0])
        np.add.at(count, idx[:, 0], 1)
    g = float(total.sum() / count.sum())
    q = (total + shrink * g) / (count + shrink)
    print(f"bank {index.size}: patches per bank patch median {np.median(count):.0f}, "
          f"q spread p5/p50/p95 {np.percentile(q, 5):.2f}/{np.median(q):.2f}/{np.percentile(q, 95):.2f}", flush=True)
    return q, g


def variants(insp: Inspector, emb: np.ndarray, q: np.ndarray, g: float) -> dict[str, np.ndarray]:
    """One image's embeddings (1, h, w, D) -> each variant's patch scores (h, w)."""
    _, h, w, d = emb.shape
    dist, idx = insp.model.index.search(emb.reshape(-1, d), k=10)
    out = {
        "plain": dist[:, 0],
        "ratio": dist[:, 0] / q[idx[:, 0]] * g,
        "minus": dist[:, 0] - q[idx[:, 0]] + g,
        "knn_ratio": (dist / q[idx] * g).min(axis=1),
    }
    scaled = np.sort(dist / q[idx] * g, axis=1)
    for k in (2, 3, 5, 10):
        out[f"knn{k}"] = dist[:, :k].mean(axis=1)
    for k in (3, 5):
        out[f"knn{k}_ratio"] = scaled[:, :k].mean(axis=1)
    return {k: v.reshape(h, w).astype(np.float32) for k, v in out.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("models")
    ap.add_argument("category")
    ap.add_argument("data")
    ap.add_argument("--train-images", type=int, default=200, help="bank images used to measure the spread")
    ap.add_argument("--shrink", type=float, default=20.0)
    a = ap.parse_args()
    insp = Inspector.load(a.models, a.category)
    bank_images = insp.stored.manifest["training"]["embedded_images"]
    step = max(1, len(bank_images) // a.train_images)
    q, g = bank_spread(insp, bank_images[::step][: a.train_images], a.shrink)
    margin = insp.model.config.score_margin
    rows = {k: {"labels": [], "scores": [], "masks": [], "maps": [], "hits": [], "types": []} for k in VARIANTS}
    root = Path(a.data)
    for d in sorted((root / "test").iterdir()):
        for p in sorted(x for x in d.iterdir() if is_image_path(x)):
            image = load_image(p)
            H, W = image.shape[:2]
            mask = np.zeros((H, W), bool) if d.name == "good" else _mask_for(root, d.name, p)
            if mask is not None and mask.shape != (H, W):
                mask = cv2.resize(mask.astype(np.uint8), (W, H), interpolation=cv2.INTER_NEAREST) > 0
            small = (max(1, W // 2), max(1, H // 2))
            for k, ps in variants(insp, insp.model.embed([image]), q, g).items():
                r = rows[k]
                top = int(score_cells(ps[None], margin)[0])
                r["labels"].append(int(d.name != "good"))
                r["scores"].append(float(ps.flat[top]))
                if mask is not None and (d.name == "good" or mask.any()):
                    amap = insp.model.anomaly_map(ps, (H, W))
                    r["masks"].append(cv2.resize(mask.astype(np.float32), small) > 0.5)
                    r["maps"].append(cv2.resize(amap, small))
                    if d.name != "good":
                        r["hits"].append(bool(mask.ravel()[np.argmax(amap)]))
                        r["types"].append(d.name)
    for k, r in rows.items():
        hits, types = np.array(r["hits"]), np.array(r["types"])
        per_type = {t: round(float(hits[types == t].mean()), 2) for t in sorted(set(types))}
        print(k, json.dumps({
            "image_auroc": round(auroc(np.array(r["labels"]), np.array(r["scores"])), 4),
            "pixel_auroc": round(pixel_auroc(r["masks"], r["maps"]), 4),
            "aupro": round(aupro(r["masks"], r["maps"]), 4),
            "pointing": round(float(hits.mean()), 3), "per_type": per_type}), flush=True)


if __name__ == "__main__":
    main()
