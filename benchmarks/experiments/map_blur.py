"""How the anomaly map's Gaussian smoothing changes the pixel metrics of a trained model.

    python benchmarks/experiments/map_blur.py MODELS CATEGORY DATA/<category> [--sigmas 2,4,6,8,12]
        [--wide 8,16,32 --mix 0.5,1,2]

Judges every test image once, then redraws its map from the same patch scores with each sigma
(input-size pixels) and prints pixel AUROC, AUPRO and the pointing game per sigma, with the pixel
metrics taken as ``engine.evaluation`` takes them (maps and masks shrunk to 512 px).
With ``--wide`` and ``--mix``, also the model's own map plus a share of a widely blurred one,
``(fine + lam * wide) / (1 + lam)``: the fine map keeps where the peak is, the wide one lifts
extended regions. The judged image is passed on, so a model trained with the map guide has each
map drawn as it draws its own (blurred, then made to follow the image); older models ignore it.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from engine.evaluation import _mask_for, _shrink  # noqa: E402
from engine.imaging import is_image_path  # noqa: E402
from engine.judging.inspector import Inspector  # noqa: E402
from engine.metrics import aupro, pixel_auroc  # noqa: E402
from engine.patchcore.model import PatchCore  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("models")
    ap.add_argument("category")
    ap.add_argument("data")
    ap.add_argument("--sigmas", default="2,4,6,8,12")
    ap.add_argument("--wide", default="", help="sigmas of the wide map mixed in, comma-separated")
    ap.add_argument("--mix", default="", help="its shares, comma-separated")
    a = ap.parse_args()
    insp = Inspector.load(a.models, a.category)
    root = Path(a.data)
    sigmas = [float(s) for s in a.sigmas.split(",")]
    wides = [float(s) for s in a.wide.split(",") if s]
    shares = [float(x) for x in a.mix.split(",") if x]
    models = {s: PatchCore(insp.model.embedder, insp.model.index, replace(insp.model.config, blur_sigma=s))
              for s in sorted({*sigmas, *wides})}
    own = insp.model.config.blur_sigma
    # variant -> how its map is drawn from the per-sigma maps of one image
    variants = {f"sigma {s:g}": (lambda s: lambda m: m[s])(s) for s in sigmas}
    variants.update({f"sigma {own:g} + {lam:g} x sigma {w:g}": (lambda w, lam: lambda m: (m[own] + lam * m[w]) / (1 + lam))(w, lam)
                     for w in wides for lam in shares})
    if shares:
        models.setdefault(own, insp.model)
    masks, maps, hits = [], {v: [] for v in variants}, {v: [] for v in variants}
    for d in sorted((root / "test").iterdir()):
        for p in sorted(q for q in d.iterdir() if is_image_path(q)):
            r = insp.inspect_path(p, keep_image=True)
            shape = r.anomaly_map.shape
            mask = np.zeros(shape, bool) if d.name == "good" else _mask_for(root, d.name, p)
            if mask is None or (d.name != "good" and not mask.any()):
                continue
            if mask.shape != shape:
                mask = cv2.resize(mask.astype(np.uint8), shape[::-1], interpolation=cv2.INTER_NEAREST) > 0
            masks.append(_shrink(mask, True))
            drawn = {s: m.anomaly_map(r.patch_scores, shape, image=r.image) for s, m in models.items()}
            for v, draw in variants.items():
                amap = draw(drawn).astype(np.float32)
                maps[v].append(_shrink(amap, False))
                if d.name != "good":
                    hits[v].append(bool(mask.ravel()[int(np.argmax(amap))]))
    for v in variants:
        print(json.dumps({"map": v, "pixel_auroc": round(pixel_auroc(masks, maps[v]), 4),
                          "aupro": round(aupro(masks, maps[v]), 4), "pointing": round(float(np.mean(hits[v])), 3)}),
              flush=True)


if __name__ == "__main__":
    main()
