"""Issue 9 experiment: image AUROC with 0 to 3 rings of the patch grid left out of the score.

    python benchmarks/experiments/score_margin.py MODELS CATEGORY DATA/<category>

Judges every test image once and takes the image score (largest patch distance) over the grid
less 0, 1, 2 and 3 outer rings; prints image AUROC overall and per defect type (each type
against the test goods) for each.
"""
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from engine.judging.inspector import Inspector  # noqa: E402
from engine.metrics import auroc  # noqa: E402
from engine.patchcore.model import score_window  # noqa: E402

MARGINS = (0, 1, 2, 3)


def main() -> None:
    insp = Inspector.load(sys.argv[1], sys.argv[2])
    root = Path(sys.argv[3])
    kinds, scores = [], []
    for d in sorted((root / "test").iterdir()):
        for p in sorted(d.iterdir()):
            ps = insp.inspect_path(p).patch_scores
            kinds.append(d.name)
            scores.append([float(ps[score_window(*ps.shape, m)].max()) for m in MARGINS])
    kinds, scores = np.array(kinds, dtype=object), np.array(scores)
    good = kinds == "good"
    for i, m in enumerate(MARGINS):
        s = scores[:, i]
        per = {str(t): round(float(auroc(np.r_[np.zeros(good.sum()), np.ones((kinds == t).sum())],
                                    np.r_[s[good], s[kinds == t]])), 3) for t in sorted(set(kinds)) if t != "good"}
        print(f"margin {m}: image AUROC {auroc((~good).astype(int), s):.4f}", per)


if __name__ == "__main__":
    main()
