"""Several models of one category judged together: does a wide view (stages 2-4), a fine one
(stages 1-2) and the default (stages 2-3) agree on the defect where each alone points at grain?

    python benchmarks/experiments/map_pair.py DATA/<category> MODELS:CATEGORY MODELS:CATEGORY[@vN] [...]
        [--score N] [--out FILE]

``@vN`` picks a model version (default: the category's active one).

Each test image is judged once by each model (the engine's own path). Each model's map and score
are divided by its own threshold, so 1.0 means "at the threshold" for all; the maps are then
combined by their arithmetic mean, their geometric mean or their minimum (all must agree), over
every pair of the models and over all of them. The image score is combined the same way, or, with
``--score N``, taken from model N alone (0-based), so the verdicts stay that model's and only the
map changes. Every combination is evaluated with ``engine.evaluation.evaluate_folder`` (image and
pixel AUROC, AUPRO, the pointing game strict and within 15 px, the false-reject rate at 1.0),
beside each model alone. A combination's judging time is the sum of its models' (each judges
the image in full: they share no backbone pass here).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from engine.evaluation import evaluate_folder  # noqa: E402
from engine.judging.inspector import Inspector  # noqa: E402

COMBINE = {
    "mean": lambda xs: sum(xs) / len(xs),
    "geometric mean": lambda xs: np.prod([np.maximum(x, 0) for x in xs], axis=0) ** (1.0 / len(xs)),
    "minimum": lambda xs: np.minimum.reduce(xs),
}


def groups_of(n: int) -> list[tuple[int, ...]]:
    """Each of ``n`` models alone, then every pair, ..., then all of them: tuples of indices."""
    return [g for k in range(1, n + 1) for g in itertools.combinations(range(n), k)]


class GroupInspector:
    """Looks like an ``Inspector`` to ``evaluate_folder``: ``inspect_path``, ``decision``, ``info``."""

    def __init__(self, members: list[Inspector], combine, score_from: Inspector | None,
                 cache: dict[tuple[str, int], object]) -> None:
        self.members, self.combine, self.score_from, self.cache = members, combine, score_from, cache
        self.decision = replace(members[0].decision, threshold=1.0)
        self.info = members[0].info

    def _judged(self, insp: Inspector, path):
        key = (str(path), id(insp))
        if key not in self.cache:
            self.cache[key] = insp.inspect_path(path)
        return self.cache[key]

    def inspect_path(self, path):
        results = [self._judged(m, path) for m in self.members]
        bad = next((r for r in results if not r.ok), None)
        if bad is not None:
            return bad
        thresholds = [m.decision.threshold for m in self.members]
        amap = self.combine([r.anomaly_map / t for r, t in zip(results, thresholds)]).astype(np.float32)
        if self.score_from is None:
            score = float(self.combine([np.float64(r.score / t) for r, t in zip(results, thresholds)]))
        else:
            score = self._judged(self.score_from, path).score / self.score_from.decision.threshold
        ms = sum(r.timing.total_ms for r in results)
        if self.score_from is not None and self.score_from not in self.members:
            ms += self._judged(self.score_from, path).timing.total_ms
        return replace(results[0], anomaly_map=amap, score=float(score), timing=replace(results[0].timing, total_ms=ms))


def shared_pass(inspectors: list[Inspector], cache: dict, data: str) -> dict:
    """Each model's median stage times over the judged images, and for every pair where one
    model's embedding is the other's first channels (checked on the first good test image), the
    judging time one backbone pass would give: the larger model's judgement plus the smaller's
    search and map."""
    stages = ("features_ms", "search_ms", "map_ms", "total_ms")
    med = {}
    for i, insp in enumerate(inspectors):
        ts = [r.timing for (p, k), r in cache.items() if k == id(insp) and r.ok]
        med[i] = {f: round(float(np.median([getattr(t, f) for t in ts])), 1) for f in stages}
    lines = [f"model {i}: median ms {m}" for i, m in med.items()]
    from engine.imaging import is_image_path, load_image

    first = next(p for p in sorted((Path(data) / "test" / "good").iterdir()) if is_image_path(p))
    image = load_image(first)
    embs = {i: insp.model.embed([image]) for i, insp in enumerate(inspectors)}
    pairs = []
    for i, j in itertools.permutations(range(len(inspectors)), 2):
        ei, ej = embs[i], embs[j]
        if ei.shape[:3] == ej.shape[:3] and ei.shape[3] < ej.shape[3]:
            diff = float(np.abs(ei - ej[..., :ei.shape[3]]).max())
            est = med[j]["total_ms"] + med[i]["search_ms"] + med[i]["map_ms"]
            pairs.append({"prefix": i, "of": j, "largest_difference": diff, "one_pass_ms": round(est, 1)})
            lines.append(f"model {i}'s embedding is model {j}'s first {ei.shape[3]} channels: largest difference "
                         f"{diff:.3g}; one backbone pass for both: about {est:.1f} ms")
    return {"median_ms": med, "prefix_pairs": pairs, "lines": lines}


def load_spec(spec: str) -> Inspector:
    """``MODELS_DIR:CATEGORY`` or ``MODELS_DIR:CATEGORY@vN`` -> that model's ``Inspector``."""
    where, _, version = spec.partition("@")
    return Inspector.load(*where.rsplit(":", 1), version=version or None)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data")
    ap.add_argument("models", nargs="+", help="MODELS_DIR:CATEGORY, two or more")
    ap.add_argument("--score", type=int, default=None, help="take the image score from this model alone (0-based)")
    ap.add_argument("--out", help="JSON file for the rows")
    a = ap.parse_args()
    inspectors = [load_spec(spec) for spec in a.models]
    names = [f"{i}: {spec}" for i, spec in enumerate(a.models)]
    score_from = None if a.score is None else inspectors[a.score]
    cache: dict = {}
    groups = groups_of(len(inspectors))
    rows = {}
    print("| maps of | combined by | image AUROC | pixel AUROC | AUPRO | pointing (15 px) | test FRR at 1.0 | judge ms |")
    print("|---|---|---|---|---|---|---|---|")
    for g in groups:
        for how, fn in (COMBINE.items() if len(g) > 1 else [("alone", COMBINE["mean"])]):
            insp = GroupInspector([inspectors[i] for i in g], fn, score_from, cache)
            r = evaluate_folder(insp, a.data)
            frr = r["per_type"].get("good", {}).get("rate")
            key = f"{'+'.join(map(str, g))} {how}"
            rows[key] = {"image_auroc": round(r["image_auroc"], 4), "pixel_auroc": round(r["pixel_auroc"], 4),
                         "aupro": round(r["aupro"], 4), "pointing": round(r["pointing_game"], 3),
                         "pointing_15px": round(r["pointing_game_tolerant"]["rate"], 3),
                         "test_frr": None if frr is None else round(frr, 4),
                         "pointing_per_type": {t: round(v["pointing"], 2) for t, v in r["per_type"].items()
                                               if "pointing" in v},
                         "judge_ms": round(r["median_ms_per_image"], 1)}
            x = rows[key]
            print(f"| {'+'.join(map(str, g))} | {how} | {x['image_auroc']:.3f} | {x['pixel_auroc']:.3f} | "
                  f"{x['aupro']:.3f} | {x['pointing']:.1%} ({x['pointing_15px']:.1%}) | {x['test_frr']:.1%} | "
                  f"{x['judge_ms']} |", flush=True)
    result = {"models": names, "data": a.data, "score_from": a.score, "rows": rows,
              "shared_pass": shared_pass(inspectors, cache, a.data)}
    for line in result["shared_pass"]["lines"]:
        print(line)
    if a.out:
        Path(a.out).write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
