"""Issue 9: does the self-test on synthetic defects rank settings the way real defects do?

    python benchmarks/experiments/selftest_rank.py docs/benchmarks/magnetic_tile-sweep/*.json ...

Reads ``bench_engine.py`` results (each holds the trained model's self-test beside the real test
figures) and prints, per file, synthetic against real image AUROC, then Spearman's rank
correlation over all of them. This is the ground ``engine.training.tuning`` stands on.
"""
import json
import sys

from scipy.stats import spearmanr


def main() -> None:
    synth, real = [], []
    for f in sys.argv[1:]:
        d = json.load(open(f))
        s = (d.get("self_test") or {}).get("image_auroc")
        if s is None:
            print(f"{f}: no self-test, left out")
            continue
        synth.append(s)
        real.append(d["image_auroc"])
        print(f"{f}: synthetic {s:.3f}, real {d['image_auroc']:.3f}")
    rho = spearmanr(synth, real)
    print(f"{len(synth)} settings: Spearman rho {rho.statistic:.2f} (p = {rho.pvalue:.1e})")


if __name__ == "__main__":
    main()
