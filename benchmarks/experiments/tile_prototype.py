"""Tried for issue 9: one set of patch features, judged several ways, outside the engine.

    python benchmarks/experiments/tile_prototype.py T MODE [CORESET_RATIO] [DATA/magnetic_tile]

T: tile or square side (px). MODE: "native" (overlapping T x T tiles at the image's own scale),
"fixed" (one T x T resize), "short:S" (shorter side to S, then tiles); "-norm" appended:
per-image grey-level standardisation; "-pad": reflect-padded input. Prints image AUROC (plain
max, without the outer ring of patches "inner", two rings "inner2", blurred map "blur", top-10
mean "top10"), pixel AUROC and the pointing game, as one JSON line.
"""
import sys, time, math, json
from pathlib import Path
import numpy as np, cv2, torch
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from engine.backbones import load_backbone
from engine.patchcore.features import PatchEmbedder
from engine.patchcore.coreset import greedy_coreset
from engine.patchcore.knn import NearestNeighbourIndex
from engine.imaging import load_image
from engine.metrics import auroc, pixel_auroc

T = int(sys.argv[1]); mode = sys.argv[2]; ratio = float(sys.argv[3]) if len(sys.argv) > 3 else 0.01
torch.set_num_threads(2)
root = Path(sys.argv[4]) if len(sys.argv) > 4 else Path("../shared/data/mtd/magnetic_tile")
emb = PatchEmbedder(load_backbone("efficientnet_lite0", layers=(2, 3)), input_pad=32 if "pad" in mode else 0)

NORM = "norm" in mode
def prep(im):
    if NORM:
        f = im.astype(np.float32); f = (f - f.mean()) / (f.std() + 1e-3) * 40 + 128
        im = np.clip(f, 0, 255).astype(np.uint8)
    if mode.startswith("short"):
        S = int(mode.split(":")[1]); h, w = im.shape[:2]; s = S / min(h, w)
        return cv2.resize(im, (max(1, round(w * s)), max(1, round(h * s))), interpolation=cv2.INTER_AREA if s < 1 else cv2.INTER_LINEAR)
    if mode.startswith("fixed"):
        return cv2.resize(im, (T, T), interpolation=cv2.INTER_AREA)
    return im

def pos(L):
    if L <= T: return [0]
    n = math.ceil((L - T) / (T / 2)) + 1
    return [int(round(v)) for v in np.linspace(0, L - T, n)]

def tiles(im):
    H, W = im.shape[:2]
    ph, pw = max(0, T - H), max(0, T - W)
    if ph or pw:
        im = cv2.copyMakeBorder(im, ph // 2, ph - ph // 2, pw // 2, pw - pw // 2, cv2.BORDER_REFLECT_101)
    out = [(y, x, im[y:y + T, x:x + T]) for y in pos(im.shape[0]) for x in pos(im.shape[1])]
    return out, (ph // 2, pw // 2), im.shape[:2]

def embed_tiles(ts):
    fs = []
    for k in range(0, len(ts), 8):
        fs.append(emb.embed([t for *_, t in ts[k:k + 8]]))
    return np.concatenate(fs)

t0 = time.time()
goods = sorted((root / "train" / "good").iterdir())
rng = np.random.default_rng(0)
chunks = []
per = None
for p in goods:
    ts, _, _ = tiles(prep(load_image(p)))
    f = embed_tiles(ts).reshape(-1, emb.dim)
    if per is None:
        per = max(1, 300_000 // (len(goods) * 3))
    chunks.append(f[rng.choice(len(f), min(per * len(ts), len(f)), replace=False)])
cand = np.concatenate(chunks)
t1 = time.time()
idx = greedy_coreset(cand, max(1, int(ratio * len(cand))), 64, 0)
index = NearestNeighbourIndex.fit(cand[np.sort(idx)])
t2 = time.time()
labels, scores, masks, maps, hits = [], [], [], [], []
var = {"inner": [], "blur": [], "top10": [], "inner2": []}
hits_inner = []
for d in sorted((root / "test").iterdir()):
    for p in sorted(d.iterdir()):
        im0 = load_image(p); H0, W0 = im0.shape[:2]
        im = prep(im0)
        ts, (oy, ox), (PH, PW) = tiles(im)
        f = embed_tiles(ts)
        b, h, w, D = f.shape
        dist, _ = index.search(f.reshape(-1, D), 1)
        ps = dist[:, 0].reshape(b, h, w)
        full = np.zeros((PH, PW), np.float32)
        for (y, x, _), s in zip(ts, ps):
            up = cv2.resize(s, (T, T), interpolation=cv2.INTER_LINEAR)
            full[y:y + T, x:x + T] = np.maximum(full[y:y + T, x:x + T], up)
        full = cv2.GaussianBlur(full, (0, 0), 4)
        full = full[oy:oy + im.shape[0], ox:ox + im.shape[1]]
        amap = cv2.resize(full, (W0, H0))
        labels.append(int(d.name != "good")); scores.append(float(ps.max()))
        var["inner"].append(float(ps[:, 1:-1, 1:-1].max())); var["inner2"].append(float(ps[:, 2:-2, 2:-2].max()))
        var["blur"].append(float(amap.max())); var["top10"].append(float(np.sort(ps.ravel())[-10:].mean()))
        mi = amap.copy(); my, mx = max(1, H0 // h), max(1, W0 // w); mi[:my] = mi[-my:] = 0; mi[:, :mx] = mi[:, -mx:] = 0
        if d.name == "good":
            m = np.zeros((H0, W0), bool)
        else:
            mp = root / "ground_truth" / d.name / f"{p.stem}.png"
            if not mp.exists(): mp = root / "ground_truth" / d.name / f"{p.stem}_mask.png"
            m = cv2.imread(str(mp), 0) > 127
            if m.shape != (H0, W0): m = cv2.resize(m.astype(np.uint8), (W0, H0), interpolation=cv2.INTER_NEAREST) > 0
            if not m.any(): continue
            hits.append(bool(m.ravel()[np.argmax(amap)])); hits_inner.append(bool(m.ravel()[np.argmax(mi)]))
        masks.append(m); maps.append(amap)
print(json.dumps({"T": T, "mode": mode, "ratio": ratio, "image_auroc": round(auroc(np.array(labels), np.array(scores)), 4),
                  "pixel_auroc": round(pixel_auroc(masks, maps), 4), "pointing": round(float(np.mean(hits)), 3), "pointing_inner": round(float(np.mean(hits_inner)), 3),
                  **{k: round(auroc(np.array(labels), np.array(v)), 4) for k, v in var.items()},
                  "bank": len(idx), "cand": len(cand), "feat_s": round(t1 - t0), "coreset_s": round(t2 - t1), "total_s": round(time.time() - t0)}))
