"""Evaluate a category model on an MVTec-layout folder and draw its ROC and score histogram.

Layout: ``test/good/*``, ``test/<defect>/*``, ``ground_truth/<defect>/<stem>_mask.png``.
Defect images with a missing or empty mask are left out of the pixel metrics only.

The images are judged as a run (``Inspector.iter_paths``: pipelined over the cores unless
``STATION_PIPELINE=0``, the same results as one at a time); an object that only has
``inspect_path`` (the experiments' redrawing wrappers) judges them one at a time. Pipelined,
each image's ``median_ms_per_image`` (its phases' own milliseconds) grows, since the phases share
the machine; ``run_ms_per_image`` is the whole evaluation's wall time over the images.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from pathlib import Path
from typing import Any, Callable

import cv2
import numpy as np

from engine.judging.calibration import f1_optimal_threshold
from engine.imaging import is_image_path, shrink
from engine.judging.inspector import Inspector
from engine.metrics import POINTING_TOLERANCE_PX, aupro, auroc, confusion, peak_distance, pixel_auroc, roc
from engine.patchcore.border import peak_at_edge

PIXEL_METRIC_SIDE = 512
"""Maps and masks are shrunk to this long side for pixel metrics, bounding memory."""


def _mask_for(root: Path, defect: str, image: Path) -> np.ndarray | None:
    for name in (f"{image.stem}_mask.png", f"{image.stem}.png"):
        p = root / "ground_truth" / defect / name
        if p.is_file():
            m = cv2.imread(str(p), cv2.IMREAD_GRAYSCALE)
            return None if m is None else m > 127
    return None


def _shrink(a: np.ndarray, nearest: bool) -> np.ndarray:
    return shrink(a, PIXEL_METRIC_SIDE, "nearest" if nearest else None)


BORDER_MARGIN = 0.05
"""A map's peak "at the border" lies within this share of the image's shorter side from an edge."""


def peak_near_border(amap: np.ndarray, margin: float = BORDER_MARGIN) -> bool:
    """True when the anomaly map's maximum lies within ``margin`` of the image border."""
    return peak_at_edge(amap, margin * min(amap.shape))


def _share_within(distances: list[float], pixels: float) -> float | None:
    """Share of defect images whose map peak lies within ``pixels`` of the defect (0: inside)."""
    return float(np.mean(np.asarray(distances) <= pixels)) if distances else None


def evaluate_folder(
    inspector: Inspector, data_dir: str | os.PathLike[str], out_dir: str | os.PathLike[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    root = Path(data_dir)
    test = root / "test"
    if not test.is_dir():
        raise FileNotFoundError(f"{root}: no test/ folder (expected MVTec layout: test/good, test/<defect>)")
    items = [(d.name, p) for d in sorted(test.iterdir()) if d.is_dir()
             for p in sorted(d.iterdir()) if p.is_file() and is_image_path(p)]
    labels, scores, kinds, times = [], [], [], []
    masks, maps, errors = [], [], []
    pixel_kinds: list[str] = []  # the defect type of each entry of masks / maps
    peaks: dict[str, list[float]] = {}  # per defect type: the map peak's distance to the mask, px
    border: list[bool] = []
    verdicts: Counter[str] = Counter()
    run = getattr(inspector, "iter_paths", None)
    results = run([p for _, p in items]) if run is not None else (inspector.inspect_path(p) for _, p in items)
    started = time.perf_counter()
    for k, ((kind, path), res) in enumerate(zip(items, results)):
        verdicts[res.verdict.value] += 1
        if not res.ok:
            errors.append(res.error)
            continue
        labels.append(0 if kind == "good" else 1)
        scores.append(res.score)
        kinds.append(kind)
        times.append(res.timing.total_ms)
        border.append(peak_near_border(res.anomaly_map))
        mask = np.zeros(res.anomaly_map.shape, bool) if kind == "good" else _mask_for(root, kind, path)
        if mask is not None and (kind == "good" or mask.any()):
            if mask.shape != res.anomaly_map.shape:
                mask = cv2.resize(mask.astype(np.uint8), res.anomaly_map.shape[::-1], interpolation=cv2.INTER_NEAREST) > 0
            if kind != "good":
                peaks.setdefault(kind, []).append(peak_distance(mask, res.anomaly_map))
            masks.append(_shrink(mask, True))
            maps.append(_shrink(res.anomaly_map, False))
            pixel_kinds.append(kind)
        if progress:
            progress(k + 1, len(items))
    run_ms = (time.perf_counter() - started) * 1000
    y, s = np.asarray(labels), np.asarray(scores)
    every_peak = [v for vs in peaks.values() for v in vs]
    thr = inspector.decision.threshold
    out: dict[str, Any] = {
        "category": inspector.info.category, "model_id": inspector.info.model_id, "data": str(root),
        "images": len(items), "good": int((y == 0).sum()), "defective": int((y == 1).sum()),
        "errors": errors, "image_auroc": auroc(y, s) if y.size else None,
        "pixel_auroc": pixel_auroc(masks, maps) if masks else None,
        "aupro": aupro(masks, maps) if masks else None,
        "pixel_images": len(masks), "threshold": thr,
        "pointing_game": _share_within(every_peak, 0.0),
        "pointing_game_tolerant": {"pixels": POINTING_TOLERANCE_PX, "rate": _share_within(every_peak, POINTING_TOLERANCE_PX)},
        "border_peaks": {"images": int(sum(border)), "of": len(border), "margin": BORDER_MARGIN},
        "at_threshold": confusion(y, s, thr) if y.size else None,
        "verdicts": dict(verdicts), "median_ms_per_image": float(np.median(times)) if times else None,
        "run_ms_per_image": run_ms / len(items) if items else None,  # the evaluation's wall time, all of it
    }
    if (y == 0).any() and (y == 1).any():
        f1_thr, f1 = f1_optimal_threshold(s[y == 0], s[y == 1])
        out["f1_optimal"] = {"threshold": f1_thr, "f1": f1}
    per: dict[str, Any] = {}
    for kind in sorted(set(kinds)):
        ks = np.asarray([sc for kk, sc in zip(kinds, scores) if kk == kind])
        key = "false_rejects" if kind == "good" else "detected"
        per[kind] = {"images": int(ks.size), key: int((ks >= thr).sum()), "rate": float((ks >= thr).mean()),
                     "median_score": float(np.median(ks))}
        if kind in peaks:
            per[kind]["pointing"] = _share_within(peaks[kind], 0.0)
            per[kind]["pointing_tolerant"] = _share_within(peaks[kind], POINTING_TOLERANCE_PX)
        if kind != "good" and kind in pixel_kinds:  # this type's defect pixels against every good pixel
            pick = [k for k, kk in enumerate(pixel_kinds) if kk in (kind, "good")]
            per[kind]["pixel_auroc"] = pixel_auroc([masks[k] for k in pick], [maps[k] for k in pick])
            per[kind]["defect_pixels"] = int(sum(int(masks[k].sum()) for k in pick))
    out["per_type"] = per
    if out_dir is not None and y.size:
        out["plots"] = plot_evaluation(y, s, kinds, inspector, Path(out_dir))
    return out


def plot_evaluation(y: np.ndarray, s: np.ndarray, kinds: list[str], inspector: Inspector, out: Path) -> list[str]:
    """Write roc.png and score_histogram.png into ``out``; returns their paths."""
    from engine.plotting import pyplot

    with pyplot() as plt:
        return _draw_evaluation(plt, y, s, kinds, inspector, out)


def _draw_evaluation(plt, y: np.ndarray, s: np.ndarray, kinds: list[str], inspector: Inspector, out: Path) -> list[str]:
    out.mkdir(parents=True, exist_ok=True)
    name = inspector.info.category
    paths = []
    if (y == 0).any() and (y == 1).any():
        fpr, tpr = roc(y, s)
        fig, ax = plt.subplots(figsize=(5, 5), dpi=120)
        ax.plot(fpr, tpr, lw=2, label=f"AUROC {auroc(y, s):.3f}")
        ax.plot([0, 1], [0, 1], "--", color="grey", lw=1)
        c = confusion(y, s, inspector.decision.threshold)
        ax.plot([c["false_reject_rate"]], [c["recall"]], "o", color="crimson", label="model threshold")
        ax.set(xlabel="false-reject rate (good parts rejected)", ylabel="detection rate (defects caught)",
               title=f"ROC, {name}", xlim=(-0.01, 1), ylim=(0, 1.01))
        ax.legend(loc="lower right")
        fig.tight_layout()
        fig.savefig(out / "roc.png")
        plt.close(fig)
        paths.append(str(out / "roc.png"))
    fig, ax = plt.subplots(figsize=(7, 4), dpi=120)
    bins = np.linspace(s.min(), s.max(), 40)
    palette = iter(["tab:red", "tab:orange", "tab:purple", "tab:brown", "tab:pink", "tab:blue", "tab:olive",
                    "tab:cyan", "tab:gray"] * 4)
    for kind in sorted(set(kinds), key=lambda k: (k != "good", k)):
        ks = [sc for kk, sc in zip(kinds, s) if kk == kind]
        colour = "seagreen" if kind == "good" else next(palette)
        ax.hist(ks, bins=bins, alpha=0.55, label=f"{kind} ({len(ks)})", color=colour)
    d = inspector.decision
    lo = d.review_start
    hi = d.threshold if d.review_from is not None else d.threshold + 2 * d.scale * d.review_margin
    ax.axvspan(lo, hi, color="orange", alpha=0.2, label="REVIEW band")
    ax.axvline(d.threshold, color="crimson", lw=2, label=f"threshold {d.threshold:.2f}")
    ax.set(xlabel="anomaly score (raw)", ylabel="images", title=f"Test scores, {name}")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(out / "score_histogram.png")
    plt.close(fig)
    paths.append(str(out / "score_histogram.png"))
    return paths


__all__ = ["evaluate_folder", "plot_evaluation"]
