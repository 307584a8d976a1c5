"""Detection and localisation metrics: image/pixel AUROC, AUPRO, F1 and confusion matrix.

AUROC is counted exactly from ranks here (``_rank_auroc``), so training needs no scikit-learn
(a second to import); ``roc`` imports it where it draws the curve."""

from __future__ import annotations

import cv2
import numpy as np


def auroc(labels: np.ndarray, scores: np.ndarray) -> float | None:
    """Area under ROC of ``scores`` (N,) for ``labels`` (N,), 1 = defect (positive); None when
    only one class is present. The same as ``sklearn.metrics.roc_auc_score``, ties counting half."""
    y = np.asarray(labels).astype(bool)
    s = np.asarray(scores, np.float64)
    if y.all() or not y.any():
        return None
    return _rank_auroc(np.sort(s[y]), np.sort(s[~y]))


def _rank_auroc(pos: np.ndarray, neg: np.ndarray) -> float:
    """P(positive > negative) + P(tie) / 2 from the two classes' scores, both sorted ascending."""
    below, above = 0.0, 0.0
    for chunk in np.array_split(pos, max(1, pos.size // 1_000_000)):  # bounded index arrays
        lo = np.searchsorted(neg, chunk, side="left")
        hi = np.searchsorted(neg, chunk, side="right")
        below += float(lo.sum())
        above += float((hi - lo).sum())
    return (below + 0.5 * above) / (float(pos.size) * float(neg.size))


def roc(labels: np.ndarray, scores: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    from sklearn.metrics import roc_curve

    fpr, tpr, _ = roc_curve(labels, scores)
    return fpr, tpr


def confusion(labels: np.ndarray, scores: np.ndarray, threshold: float) -> dict[str, float | int]:
    """Defect = positive; predicted positive when score >= threshold."""
    y = np.asarray(labels).astype(bool)
    p = np.asarray(scores) >= threshold
    tp, fp = int((y & p).sum()), int((~y & p).sum())
    fn, tn = int((y & ~p).sum()), int((~y & ~p).sum())
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "tn": tn, "precision": prec, "recall": rec, "f1": f1,
            "false_reject_rate": fp / (fp + tn) if fp + tn else 0.0,
            "escape_rate": fn / (fn + tp) if fn + tp else 0.0}


def _gather(masks: list[np.ndarray], maps: list[np.ndarray], defect: bool) -> np.ndarray:
    """The map values of every defect (or every normal) pixel of all images, float32 (P,), written
    into one array image by image (no second copy of the whole test set's pixels)."""
    counts = [int(m.sum()) if defect else int(m.size - m.sum()) for m in masks]
    out = np.empty(sum(counts), np.float32)
    at = 0
    for m, a, n in zip(masks, maps, counts):
        out[at:at + n] = a[m if defect else ~m]
        at += n
    return out


def _float32_above(t: np.ndarray) -> np.ndarray:
    """The smallest float32 >= each value of ``t``: for float32 x, x < t exactly when x < that."""
    t32 = np.asarray(t, np.float64).astype(np.float32)
    return np.where(t32.astype(np.float64) < t, np.nextafter(t32, np.float32(np.inf)), t32)


def pixel_auroc(masks: list[np.ndarray], maps: list[np.ndarray]) -> float | None:
    """AUROC over all pixels of all images (masks bool (H, W), maps float (H, W)).

    Exact (ties count one half, as ``roc_auc_score``), from the two classes' scores sorted apart:
    P(defect pixel > normal pixel). About 6 bytes a pixel instead of sklearn's 40 or so (tens of
    millions of pixels on a test set)."""
    pos, neg = _gather(masks, maps, True), _gather(masks, maps, False)
    if pos.size == 0 or neg.size == 0:
        return None
    neg.sort()
    pos.sort()
    return _rank_auroc(pos, neg)


def aupro(masks: list[np.ndarray], maps: list[np.ndarray], fpr_limit: float = 0.3, steps: int = 300) -> float | None:
    """Area under the per-region-overlap curve up to ``fpr_limit``, normalised to [0, 1].

    Bergmann et al. (MVTec AD, IJCV 2021): PRO averages, over every connected defect region, the
    fraction of its pixels above the threshold; thresholds are swept so the pixel false-positive
    rate runs from 0 to ``fpr_limit``.
    """
    normal = _gather(masks, maps, False)
    regions: list[np.ndarray] = []
    for m, a in zip(masks, maps):
        if not m.any():
            continue
        n, lab = cv2.connectedComponents(m.astype(np.uint8), connectivity=8)
        for r in range(1, n):
            regions.append(np.sort(a[lab == r].astype(np.float32)))
    if not regions or normal.size == 0:
        return None
    normal.sort()
    # Thresholds: quantiles of normal pixels (resolution in FPR) and the score range (ties).
    q = normal[np.clip(((1.0 - np.linspace(0.0, fpr_limit, steps + 1)) * normal.size).astype(np.int64), 0, normal.size - 1)]
    lo = min(normal[0], min(r[0] for r in regions))
    hi = max(normal[-1], max(r[-1] for r in regions))
    thresholds = np.unique(np.concatenate([q, np.linspace(lo, hi, steps + 1), [np.inf]]))
    # counts of float32 values below each threshold, searched at float32 (the same counts: see
    # _float32_above); a float64 search would copy every normal pixel to float64 (0.4 GB here)
    fpr = 1.0 - np.searchsorted(normal, _float32_above(thresholds), side="left") / normal.size
    pro = np.zeros_like(thresholds, dtype=np.float64)
    for r in regions:
        pro += 1.0 - np.searchsorted(r, thresholds, side="left") / r.size
    pro /= len(regions)
    order = np.lexsort((pro, fpr))
    fpr, pro = fpr[order], pro[order]
    inside = fpr <= fpr_limit
    x, y = fpr[inside], pro[inside]
    if (~inside).any():  # close the curve exactly at the limit
        j = int(np.argmax(~inside))
        x0, y0, x1, y1 = fpr[j - 1], pro[j - 1], fpr[j], pro[j]
        x = np.append(x, fpr_limit)
        y = np.append(y, y0 + (y1 - y0) * (fpr_limit - x0) / max(x1 - x0, 1e-12))
    return float(np.trapezoid(y, x) / fpr_limit)


POINTING_TOLERANCE_PX = 15
"""The pointing game's tolerance as Zhang et al. (2016, excitation backprop) defined it: a hit
when the map's peak lies within 15 pixels of the annotated region."""


def peak_distance(mask: np.ndarray, amap: np.ndarray) -> float:
    """Distance in pixels from the map's largest value to the nearest pixel of ``mask`` (both
    (H, W)): 0 inside the defect, ``inf`` when the mask is empty."""
    ys, xs = np.nonzero(mask)
    if ys.size == 0:
        return float("inf")
    y, x = np.unravel_index(int(np.argmax(amap)), amap.shape)
    if mask[y, x]:
        return 0.0
    return float(np.sqrt(((ys - y).astype(np.float64) ** 2 + (xs - x).astype(np.float64) ** 2).min()))
