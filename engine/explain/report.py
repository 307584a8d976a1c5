"""Export of one explained inspection: a multi-panel figure (original, anomaly map, overlay with
the regions, the CAM, the SHAP waterfall, the nearest neighbours) as PNG and PDF, and a JSON of
every number shown."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any, Sequence

import cv2
import numpy as np

from engine.explain.explainer import Explanation
from engine.types import InspectionResult


def _overlay(image: np.ndarray, amap: np.ndarray, threshold: float, outlines) -> np.ndarray:
    lo = 0.6 * threshold
    norm = np.clip((amap - lo) / max(threshold - lo, 1e-9) * 0.5, 0, 1)
    heat = cv2.cvtColor(cv2.applyColorMap((norm * 255).astype(np.uint8), cv2.COLORMAP_JET), cv2.COLOR_BGR2RGB)
    a = np.clip((norm - 0.2) * 2, 0, 0.7)[:, :, None]
    out = (image * (1 - a) + heat * a).astype(np.uint8)
    for poly in outlines:
        if len(poly) >= 2:
            cv2.polylines(out, [np.asarray(poly, np.int32).reshape(-1, 1, 2)], True, (255, 255, 255),
                          max(1, image.shape[0] // 200))
    return out


def figure_bytes(image: np.ndarray, result: InspectionResult, expl: Explanation,
                 neighbours: Sequence[tuple[np.ndarray | None, str]] = (), fmt: str = "png") -> bytes:
    """The six-panel figure as PNG or PDF bytes."""
    from engine.explain.surrogate import waterfall_png
    from engine.plotting import pyplot

    waterfall = None
    if expl.shap is not None:  # drawn first: shap draws into pyplot's current figure
        buf = io.BytesIO()
        waterfall_png(expl.shap, buf)
        buf.seek(0)
        waterfall = buf
    with pyplot() as plt:
        return _draw_figure(plt, image, result, expl, neighbours, fmt, waterfall)


def _draw_figure(plt, image, result, expl, neighbours, fmt, waterfall) -> bytes:
    fig, axes = plt.subplots(2, 3, figsize=(15, 9), dpi=100)
    for ax in axes.ravel():
        ax.axis("off")
    verdict = result.verdict.value
    axes[0, 0].imshow(image)
    axes[0, 0].set_title(f"{Path(result.source).name}: {verdict}, score {result.score:.2f} / threshold {result.threshold:.2f}",
                         fontsize=9)
    axes[0, 1].imshow(result.anomaly_map, cmap="jet")
    axes[0, 1].set_title("anomaly map (patch distance)", fontsize=9)
    r = expl.regions
    axes[0, 2].imshow(_overlay(image, result.anomaly_map, result.threshold, [g.outline for g in r.regions]))
    axes[0, 2].set_title(f"WHERE: {r.count} region(s), {100 * r.area_of_part:.2f} % of the part", fontsize=9)
    cam = expl.classifier_cams.get("Grad-CAM++") or expl.score_cam
    if cam is not None:
        small = cv2.resize(image, (cam.cam.shape[1], cam.cam.shape[0]), interpolation=cv2.INTER_AREA)
        axes[1, 0].imshow(small)
        axes[1, 0].imshow(cam.cam, cmap="jet", alpha=0.45)
        what = (f"p(defect) {expl.defect_probability:.0%}" if cam.method == "Grad-CAM++" and expl.defect_probability is not None
                else "anomaly score")
        axes[1, 0].set_title(f"WHICH: {cam.method}, {' + '.join(cam.layers)}; {what}", fontsize=9)
    if waterfall is not None:
        axes[1, 1].imshow(plt.imread(waterfall))
        axes[1, 1].set_title("WHY: SHAP over the measures", fontsize=9)
    else:
        axes[1, 1].text(0.5, 0.5, "no SHAP surrogate for this model", ha="center", va="center")
    shown = [(t, c) for t, c in neighbours if t is not None][:4]
    if shown:
        sub = axes[1, 2].inset_axes([0, 0, 1, 1])
        sub.axis("off")
        side = 96
        tiles = [cv2.resize(t, (side, side), interpolation=cv2.INTER_AREA) for t, _ in shown]
        sub.imshow(np.hstack(tiles) if len(tiles) < 3 else np.vstack([np.hstack(tiles[:2]), np.hstack(
            (tiles[2:] + [np.zeros_like(tiles[0])])[:2])]))
        axes[1, 2].set_title("WHAT it resembles: " + "; ".join(c for _, c in shown), fontsize=7)
    fig.tight_layout()
    out = io.BytesIO()
    fig.savefig(out, format=fmt)
    plt.close(fig)
    return out.getvalue()


def write_report(out_dir: str | os.PathLike[str], image: np.ndarray, result: InspectionResult, expl: Explanation,
                 neighbours: Sequence[tuple[np.ndarray | None, str]] = (),
                 neighbour_facts: Sequence[dict[str, Any]] = ()) -> dict[str, str]:
    """Write ``<stem>_explained.png``, ``.pdf`` and ``.json`` into ``out_dir``; returns their paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    stem = Path(result.source).stem or "inspection"
    paths = {}
    for fmt in ("png", "pdf"):
        p = out / f"{stem}_explained.{fmt}"
        p.write_bytes(figure_bytes(image, result, expl, neighbours, fmt))
        paths[fmt] = str(p)
    doc = {"inspection": result.to_json_dict(), "explanation": expl.to_dict(), "neighbours": list(neighbour_facts)}
    p = out / f"{stem}_explained.json"
    p.write_text(json.dumps(doc, indent=2, default=float), encoding="utf-8")
    paths["json"] = str(p)
    return paths
