"""The self-test of a freshly trained model on its own synthetic defects, the trade-off between
false rejects (held-out good images) and misses (synthetic defects), and the threshold policy
that caps the synthetic miss rate.

Synthetic defects are painted on the held-out good images, which the memory bank never saw, so
each defect image has its own defect-free twin among the calibration scores.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

import numpy as np

from engine.imaging import shrink
from engine.metrics import auroc, pixel_auroc
from engine.synth import KINDS, PartMask, SyntheticDefect, generate_defects
from engine.synth.generate import part_regions

SELFTEST_MAP_SIDE = 128
"""Maps and masks are shrunk to this long side for the self-test's pixel AUROC (bounded memory);
the pointing game is taken at full size."""


GALLERY_SIZE = 7
"""Synthetic defects kept for the model folder's gallery (one of each kind, in turn)."""


@dataclass
class SelfTestCollector:
    """Paints defects on held-out good images as they are scored, and keeps their results."""

    part: PartMask
    per_image: int
    seed: int = 0
    scores: list[float] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    masks: list[np.ndarray] = field(default_factory=list)
    maps: list[np.ndarray] = field(default_factory=list)
    good_maps: list[np.ndarray] = field(default_factory=list)
    hits: list[bool] = field(default_factory=list)
    good_lab: np.ndarray | None = None
    """The category's mean part colour (CIE Lab), for the colour measure."""
    measures: list[dict[str, float]] = field(default_factory=list)
    good_measures: list[dict[str, float]] = field(default_factory=list)
    good_scores_seen: list[float] = field(default_factory=list)
    gallery: list[SyntheticDefect] = field(default_factory=list)
    _next: int = 0
    _regions: dict = field(default_factory=dict)  # (part mask, allowed region) by image size

    def add(self, name: str, image: np.ndarray, judge: Callable[[np.ndarray], tuple[float, np.ndarray, np.ndarray]],
            good: tuple[float, np.ndarray, np.ndarray] | None = None) -> None:
        """Paint ``per_image`` defects on ``image`` and judge them: ``judge(img) -> (score, map,
        patch scores)``; ``good`` is the same for ``image`` itself."""
        from engine.explain.measures import image_measures

        if good is not None:
            self.good_maps.append(_shrink(good[1], False))
            self.good_scores_seen.append(float(good[0]))
            self.good_measures.append(image_measures(image, good[2], self._part_at(image.shape[:2]), self.good_lab))
        kinds = tuple(KINDS)
        picked = [kinds[(self._next + k) % len(kinds)] for k in range(self.per_image)]
        self._next += self.per_image
        for k, kind in enumerate(picked):
            for d in generate_defects([(name, image)], self.part, 1, seed=self.seed + 7919 * len(self.scores) + k,
                                      kinds=(kind,), regions=self._regions):
                score, amap, patch = judge(d.image)
                self.scores.append(float(score))
                self.measures.append(image_measures(d.image, patch, self._part_at(d.image.shape[:2]), self.good_lab))
                self.kinds.append(d.kind)
                self.masks.append(_shrink(d.mask, True))
                self.maps.append(_shrink(amap, False))
                self.hits.append(bool(d.mask.ravel()[int(np.argmax(amap))]))
                if len(self.gallery) < GALLERY_SIZE:
                    self.gallery.append(d)

    def _part_at(self, shape: tuple[int, int]) -> np.ndarray:
        """The part mask at ``shape``, kept with its allowed region for ``generate_defects``."""
        return part_regions(self.part, shape, self._regions)[0]

    def surrogate_pairs(self, threshold: float) -> tuple[np.ndarray, np.ndarray]:
        """Measures (N, M) and scores (N,) of every held-out good and synthetic defect judged."""
        from engine.explain.measures import MEASURES, map_measures

        rows, ys = [], []
        for free, small, score in [*zip(self.good_measures, self.good_maps, self.good_scores_seen),
                                   *zip(self.measures, self.maps, self.scores)]:
            m = {**free, **map_measures(small, self.part.at(small.shape), threshold)}
            rows.append([m[k] for k in MEASURES])
            ys.append(score)
        return np.asarray(rows, np.float64).reshape(-1, len(MEASURES)), np.asarray(ys, np.float64)

    def summary(self, threshold: float, good_scores: np.ndarray) -> dict[str, Any]:
        s = np.asarray(self.scores, np.float64)
        if s.size == 0:
            return {"images": 0}
        g = np.asarray(good_scores, np.float64)
        per_kind = {}
        for kind in sorted(set(self.kinds)):
            ks = s[[k == kind for k in self.kinds]]
            per_kind[kind] = {"images": int(ks.size), "detected": int((ks >= threshold).sum()),
                              "rate": round(float((ks >= threshold).mean()), 4)}
        masks = self.masks + [np.zeros_like(m, bool) for m in self.good_maps]
        maps = self.maps + self.good_maps
        y = np.r_[np.zeros(g.size), np.ones(s.size)]
        return {
            "images": int(s.size), "detection_rate": round(float((s >= threshold).mean()), 4),
            "miss_rate": round(float((s < threshold).mean()), 4),
            "image_auroc": _round(auroc(y, np.r_[g, s])), "pixel_auroc": _round(pixel_auroc(masks, maps)),
            "pointing_game": round(float(np.mean(self.hits)), 4),
            "per_kind": per_kind,
        }


def _round(v: float | None) -> float | None:
    return None if v is None else round(float(v), 4)


def _shrink(a: np.ndarray, is_mask: bool) -> np.ndarray:
    return shrink(a if is_mask else a.astype(np.float32), SELFTEST_MAP_SIDE, "any" if is_mask else None)


def tradeoff(good_scores: Sequence[float], synthetic_scores: Sequence[float]) -> dict[str, np.ndarray]:
    """False-reject rate of good images and miss rate of synthetic defects at every useful threshold.

    Returns:
        thresholds (T,) ascending, frr (T,) = share of goods with score >= t, miss (T,) = share of
        synthetic defects with score < t.
    """
    g = np.sort(np.asarray(good_scores, np.float64))
    s = np.sort(np.asarray(synthetic_scores, np.float64))
    t = np.unique(np.r_[g, s, g.max(initial=0) + 1e-9, s.max(initial=0) + 1e-9])
    frr = 1.0 - np.searchsorted(g, t, side="left") / max(g.size, 1)
    miss = np.searchsorted(s, t, side="left") / max(s.size, 1)
    return {"thresholds": t, "frr": frr, "miss": miss}


def threshold_for_miss_cap(synthetic_scores: Sequence[float], max_miss: float) -> float:
    """The highest threshold at which at most ``max_miss`` of the synthetic defects pass.

    A part passes when its score is below the threshold, so this is the k-th smallest synthetic
    score with k = floor(max_miss * n).
    """
    s = np.sort(np.asarray(synthetic_scores, np.float64))
    if s.size == 0:
        raise ValueError("no synthetic defect scores to cap the miss rate on")
    if not 0.0 <= max_miss < 1.0:
        raise ValueError(f"max synthetic miss rate must be in [0, 1), got {max_miss}")
    return float(s[int(np.floor(max_miss * s.size))])


def plot_tradeoff(good_scores: Sequence[float], synthetic_scores: Sequence[float], marks: dict[str, float],
                  path: str | os.PathLike[str], title: str = "") -> None:
    """Miss rate on synthetic defects against false-reject rate on held-out goods, with the named
    thresholds in ``marks`` (label -> raw threshold) as points on the curve."""
    from engine.plotting import pyplot

    with pyplot() as plt:
        _draw_tradeoff(plt, good_scores, synthetic_scores, marks, path, title)


def _draw_tradeoff(plt, good_scores, synthetic_scores, marks: dict[str, float], path, title: str) -> None:
    tr = tradeoff(good_scores, synthetic_scores)
    fig, ax = plt.subplots(figsize=(5.2, 3.6), dpi=110)
    ax.step(tr["frr"] * 100, tr["miss"] * 100, where="post", lw=2, color="tab:blue",
            label="every threshold")
    colours = iter(["crimson", "darkorange", "seagreen", "purple"])
    g, s = np.asarray(good_scores), np.asarray(synthetic_scores)
    for label, thr in marks.items():
        frr, miss = float((g >= thr).mean()) * 100, float((s < thr).mean()) * 100
        ax.plot([frr], [miss], "o", ms=8, color=next(colours), label=f"{label}: FRR {frr:.0f} %, miss {miss:.0f} %")
    ticks = [0, 1, 2, 5, 10, 20, 50, 100]
    ax.set_xscale("symlog", linthresh=1.0)  # symmetric log: the low rates that matter get the room
    ax.set_yscale("symlog", linthresh=1.0)
    ax.set_xticks(ticks, [str(t) for t in ticks])
    ax.set_yticks(ticks, [str(t) for t in ticks])
    ax.set(xlabel="false rejects on good images the bank never saw (%)", ylabel="synthetic defects passed (%)",
           xlim=(-0.2, 105), ylim=(-0.2, 105), title=title or "False rejects against misses")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=7, loc="upper right")
    fig.tight_layout()
    fig.savefig(os.fspath(path))
    plt.close(fig)
