"""Would a category's own synthetic defects choose the map's fill (``engine.patchcore.map_fill``)?
This paints the self-test's synthetic defects again on the model's held-out goods (the same
images, seeds and part mask as its training, ``selftest_views.self_test_of``) and gives the
self-test's figures with the model's maps filled at each sigma (input pixels; 0: as drawn).
No real defect is used; the pointing cannot change (the fill keeps the peak), so the pixel AUROC
is what it can see.

    python benchmarks/experiments/selftest_fill.py MODELS:CATEGORY [--version vN] [--sigmas 0,32,48] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchmarks.experiments.map_rows import refuse_filled  # noqa: E402
from engine.judging.inspector import Inspector  # noqa: E402
from engine.patchcore.map_fill import filled  # noqa: E402
from selftest_views import self_test_again, self_test_of  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("model", help="MODELS_DIR:CATEGORY")
    ap.add_argument("--version")
    ap.add_argument("--sigmas", default="0,32,48")
    ap.add_argument("--out")
    a = ap.parse_args()
    base = Inspector.load(*a.model.rsplit(":", 1), version=a.version)
    refuse_filled(base, a.model)
    held, collector = self_test_of(base)
    own = {k: base.stored.manifest["self_test"].get(k) for k in ("image_auroc", "pixel_auroc", "pointing_game")}
    print(f"manifest's self-test: {own}")
    print("| fill sigma (input px) | synthetic image AUROC | synthetic pixel AUROC | synthetic pointing |")
    print("|---|---|---|---|")
    thr, ih = base.decision.threshold, base.model.config.input_size[0]
    rows = []
    for sigma in (float(x) for x in a.sigmas.split(",")):
        def judge(image: np.ndarray, sigma=sigma):
            r = base.inspect_array(image, "synthetic")
            amap = filled(r.anomaly_map, sigma * r.anomaly_map.shape[0] / ih)  # input px -> image px
            return r.score / thr, amap, r.patch_scores

        st = self_test_again(held, collector(), judge)
        rows.append({"sigma": sigma, "image_auroc": st["image_auroc"], "pixel_auroc": st["pixel_auroc"],
                     "pointing": st["pointing_game"], "images": st["images"]})
        print(f"| {sigma:g} | {st['image_auroc']} | {st['pixel_auroc']} | {st['pointing_game']} |", flush=True)
        if a.out:
            Path(a.out).write_text(json.dumps({"model": a.model, "version": a.version, "manifest": own, "rows": rows},
                                              indent=1))


if __name__ == "__main__":
    main()
