"""Two models' anomaly maps of the same test images side by side, to look at: each row the
image, its true defect mask (when the set has one), and each model's map on its own colour
scale with the map's peak marked.

    python benchmarks/experiments/map_figure.py DATA/<category> MODELS_A:CAT MODELS_B:CAT
        --images test/uneven/x.jpg,test/break/y.jpg --labels "before,after" --out FIG.png
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from engine.evaluation import _mask_for  # noqa: E402
from engine.imaging import load_image  # noqa: E402
from engine.judging.inspector import Inspector  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data")
    ap.add_argument("models", nargs=2, help="MODELS_DIR:CATEGORY, two")
    ap.add_argument("--images", required=True, help="paths under DATA, comma-separated")
    ap.add_argument("--labels", default="A,B")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    root = Path(a.data)
    inspectors = [Inspector.load(*m.rsplit(":", 1)) for m in a.models]
    labels = a.labels.split(",")
    rels = a.images.split(",")
    fig, axes = plt.subplots(len(rels), 4, figsize=(12, 3.2 * len(rels)), squeeze=False)
    for row, rel in zip(axes, rels):
        path = root / rel
        image = load_image(path)
        mask = _mask_for(root, path.parent.name, path)
        row[0].imshow(image)
        row[0].set_title(f"{path.parent.name}/{path.name}", fontsize=9)
        row[1].imshow(mask if mask is not None else np.zeros(image.shape[:2]), cmap="gray")
        row[1].set_title("true defect", fontsize=9)
        for ax, insp, label in zip(row[2:], inspectors, labels):
            r = insp.inspect_path(path)
            ax.imshow(r.anomaly_map, cmap="jet")
            y, x = np.unravel_index(int(np.argmax(r.anomaly_map)), r.anomaly_map.shape)
            ax.plot([x], [y], marker="+", color="white", markersize=14, mew=2)
            if mask is not None:
                ax.contour(mask, levels=[0.5], colors="white", linewidths=0.8)
            ax.set_title(f"{label}: {r.verdict.value}, score {r.score:.1f}", fontsize=9)
        for ax in row:
            ax.axis("off")
    fig.tight_layout()
    fig.savefig(a.out, dpi=90)
    print(a.out)


if __name__ == "__main__":
    main()
