"""The finer feature stage weighted against the coarser one in the patch distance.

    python benchmarks/experiments/layer_weight.py DATA/<category> --alpha 2 --out bench-out/w2 [bench_engine options]

With the default stages 2 and 3 of EfficientNet-Lite0 a patch is 40 stride-8 channels followed by
112 stride-16 channels, and the L2 distance weighs them as they come. This runs
``bench_engine.py`` (training, evaluation, timing) with the first ``--channels`` channels of
every embedding the stored graph gives multiplied by ``--alpha``, in training and in judging
alike: alpha > 1 leans the distance on the finer stage, alpha < 1 on the coarser one. An
experiment, not an engine setting (the eager path and the explanations do not see the weight).
"""

from __future__ import annotations

import argparse
import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from engine.patchcore import stored_graph  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--alpha", type=float, required=True, help="weight of the first --channels channels")
    ap.add_argument("--channels", type=int, default=40, help="channels of the finer stage (Lite0 stage 2: 40)")
    a, rest = ap.parse_known_args()
    plain = stored_graph.StoredGraphEmbedder.features

    def weighted(self, x):
        f = plain(self, x)
        f[..., : a.channels] *= a.alpha
        return f

    stored_graph.StoredGraphEmbedder.features = weighted
    sys.argv = ["bench_engine.py", *rest]
    runpy.run_path(str(ROOT / "benchmarks" / "bench_engine.py"), run_name="__main__")


if __name__ == "__main__":
    main()
