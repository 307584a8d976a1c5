"""Would a category's own synthetic defects choose the map view's share? ``view_weight.py`` redraws
the real test maps at each share w (cell = full^(1 - w) * (scale * view)^w); this paints the
self-test's synthetic defects again on the model's held-out goods (the same images, seeds and
part mask as its training) and gives the self-test's own figures at each share: synthetic
pixel AUROC and pointing. No real defect is used.

    python benchmarks/experiments/selftest_view_weight.py MODELS:CATEGORY [--version vN]
        [--weights 0.5,0.6,0.7] [--out FILE]

At w = 0.5 it should reproduce the manifest's self-test pixel AUROC and pointing (printed beside).
``--strength s`` paints fainter defects (each painter's change to the image scaled by s, the mask
the same), to see whether harder synthetic defects would rank the shares as the real ones do.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from engine.judging.inspector import Inspector  # noqa: E402
from selftest_views import self_test_again, self_test_of  # noqa: E402
from view_weight import WeightedView  # noqa: E402


def fainter(strength: float) -> None:
    """Every defect kind paints ``strength`` times its change to the image (1: as the engine paints)."""
    import engine.synth.defects as defects

    def scaled(paint):
        def paint_fainter(src, allowed, rng, *rest):
            painted, alpha, params = paint(src, allowed, rng, *rest)
            return src + strength * (np.asarray(painted, np.float32) - src), alpha, params
        return paint_fainter

    for kind, paint in list(defects.KINDS.items()):
        defects.KINDS[kind] = scaled(paint)
    defects.missing_material = scaled(defects.missing_material)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("model", help="MODELS_DIR:CATEGORY of a model trained with --map-stages")
    ap.add_argument("--version")
    ap.add_argument("--weights", default="0.5,0.6,0.7")
    ap.add_argument("--strength", type=float, default=1.0, help="paint fainter defects (1: as the engine does)")
    ap.add_argument("--out")
    a = ap.parse_args()
    if a.strength != 1.0:
        fainter(a.strength)
    base = Inspector.load(*a.model.rsplit(":", 1), version=a.version)
    if base.model.map_view is None:
        raise SystemExit(f"{a.model}: no map view (train with --map-stages)")
    held, collector = self_test_of(base)
    own = {k: base.stored.manifest["self_test"].get(k) for k in ("image_auroc", "pixel_auroc", "pointing_game")}
    print(f"manifest's self-test: {own}")
    print("| view's share | synthetic image AUROC | synthetic pixel AUROC | synthetic pointing |")
    print("|---|---|---|---|")
    rows = []
    for w in (float(x) for x in a.weights.split(",")):
        insp = copy.copy(base)
        insp.model = WeightedView(base.model, w)
        thr = insp.decision.threshold

        def judge(image: np.ndarray, insp=insp, thr=thr):
            r = insp.inspect_array(image, "synthetic")
            return r.score / thr, r.anomaly_map, r.patch_scores

        st = self_test_again(held, collector(), judge)
        rows.append({"weight": w, "image_auroc": st["image_auroc"], "pixel_auroc": st["pixel_auroc"],
                     "pointing": st["pointing_game"], "images": st["images"]})
        print(f"| {w:g} | {st['image_auroc']} | {st['pixel_auroc']} | {st['pointing_game']} |", flush=True)
        if a.out:
            Path(a.out).write_text(json.dumps({"model": a.model, "version": a.version, "strength": a.strength,
                                               "manifest": own, "rows": rows}, indent=1))


if __name__ == "__main__":
    main()
