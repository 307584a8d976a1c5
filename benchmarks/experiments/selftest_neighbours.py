"""Would a category's own synthetic defects choose how many bank neighbours the map averages?
``map_neighbours.py`` redraws the real test maps per k; this paints the self-test's synthetic
defects again on the model's held-out goods (the same images, seeds and part mask as its
training) and gives the self-test's pixel AUROC and pointing per k. No real defect is used.

    python benchmarks/experiments/selftest_neighbours.py MODELS CATEGORY [--k 3,8,12]

At the model's own k it reproduces the manifest's self-test (printed first).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from engine.judging.inspector import Inspector  # noqa: E402
from map_neighbours import with_neighbours  # noqa: E402
from selftest_views import self_test_again, self_test_of  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("models")
    ap.add_argument("category")
    ap.add_argument("--k", default="3,8,12")
    a = ap.parse_args()
    base = Inspector.load(a.models, a.category)
    held, collector = self_test_of(base)
    print("manifest's self-test:", {k: base.stored.manifest["self_test"].get(k)
                                    for k in ("image_auroc", "pixel_auroc", "pointing_game")})
    print("| k | synthetic pixel AUROC | synthetic pointing |")
    print("|---|---|---|")
    for k in (int(x) for x in a.k.split(",")):
        insp = with_neighbours(base, k)

        def judge(image, insp=insp):
            r = insp.inspect_array(image, "synthetic")
            return r.score / insp.decision.threshold, r.anomaly_map, r.patch_scores

        st = self_test_again(held, collector(), judge)
        print(f"| {k} | {st['pixel_auroc']} | {st['pointing_game']} |", flush=True)


if __name__ == "__main__":
    main()
