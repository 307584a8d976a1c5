"""A plain PatchCore as a user would first write it: eager PyTorch, about 60 lines, the yardstick
issue 9 measures ``station inspect`` against (the issue's own script is not in the repository; this
one does the same work the same way: timm EfficientNet-Lite0 stages 2 and 3, 3x3 average, upsampled
and concatenated, a random 1 % of the patches as the bank, nearest-neighbour distance by torch.cdist).

    python benchmarks/reference_patchcore.py train BANK.npy GOOD_DIR
    python benchmarks/reference_patchcore.py inspect BANK.npy IMAGE...   # one JSON line per image
Weights: the embedded Lite0 (through the engine's loader, the one offline source here).
"""

import json
import sys
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

SIZE = 256
MEAN = torch.tensor([0.485, 0.456, 0.406]).view(1, 3, 1, 1)
STD = torch.tensor([0.229, 0.224, 0.225]).view(1, 3, 1, 1)


def backbone():
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from engine.backbones import load_backbone

    return load_backbone("efficientnet_lite0", layers=(2, 3)).module.eval()


def features(net, path):
    im = Image.open(path).convert("RGB").resize((SIZE, SIZE), Image.BILINEAR)
    x = (torch.from_numpy(np.array(im)).permute(2, 0, 1)[None].float() / 255 - MEAN) / STD
    with torch.inference_mode():
        a, b = [F.avg_pool2d(m, 3, 1, 1) for m in net(x)]
        b = F.interpolate(b, size=a.shape[-2:], mode="bilinear", align_corners=False)
        f = torch.cat([a, b], 1)[0]
    return f.permute(1, 2, 0).reshape(-1, f.shape[0]), f.shape[1:]


def main(argv):
    torch.set_num_threads(max(1, torch.get_num_threads()))
    net = backbone()
    if argv[0] == "train":
        goods = sorted(p for p in Path(argv[2]).rglob("*.png"))
        feats = torch.cat([features(net, p)[0] for p in goods])
        keep = torch.randperm(len(feats), generator=torch.Generator().manual_seed(0))[: len(feats) // 100]
        np.save(argv[1], feats[keep].numpy())
        return 0
    bank = torch.from_numpy(np.load(argv[1]))
    for p in argv[2:]:
        f, (h, w) = features(net, p)
        d = torch.cdist(f, bank).min(dim=1).values.reshape(1, 1, h, w)
        amap = F.interpolate(d, size=(SIZE, SIZE), mode="bilinear", align_corners=False)[0, 0]
        print(json.dumps({"source": str(p), "score": float(d.max()), "map_peak": float(amap.max())}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
