"""Sets of synthetic defects: generated from good images, written with their masks and a JSON of
quality measures, and drawn as a gallery.

Item ``i`` of a set uses seed ``[seed, i]``, kind ``kinds[i % len(kinds)]`` and base image
``bases[i % len(bases)]`` (the kinds cycle fastest), so a set is the same for the same seed and
any prefix of a larger set equals the smaller set.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Callable, Sequence

import cv2
import numpy as np

from engine.synth.defects import KINDS, SynthesisError, SyntheticDefect, synthesize
from engine.synth.measures import measure
from engine.synth.part_mask import PartMask, allowed_region

SET_JSON = "synth.json"


def generate_defects(
    bases: Sequence[tuple[str, np.ndarray]],
    part: PartMask,
    count: int,
    seed: int = 0,
    kinds: Sequence[str] = tuple(KINDS),
    should_cancel: Callable[[], bool] | None = None,
    regions: dict[tuple[int, int], tuple[np.ndarray, np.ndarray]] | None = None,
) -> list[SyntheticDefect]:
    """``count`` synthetic defects painted on ``bases`` ((name, uint8 RGB image) pairs).

    An item whose kind does not fit its base image is tried on the next base images; the set is
    shorter than ``count`` only when no base image takes that kind at all. ``regions``: a cache
    of (part mask, allowed region) by image size that a caller painting often keeps.
    """
    if not bases:
        raise SynthesisError("no good images to paint defects on")
    bad = [k for k in kinds if k not in KINDS]
    if bad or not kinds:
        raise SynthesisError(f"unknown defect kinds {bad}; known: {', '.join(KINDS)}")
    allowed_cache = {} if regions is None else regions
    out: list[SyntheticDefect] = []
    for i in range(count):
        if should_cancel is not None and should_cancel():
            from engine.patchcore.coreset import Cancelled

            raise Cancelled()
        kind = kinds[i % len(kinds)]
        for attempt in range(min(len(bases), 5)):
            name, image = bases[(i // len(kinds) + i + attempt) % len(bases)]
            pm, allowed = part_regions(part, image.shape[:2], allowed_cache)
            try:
                out.append(synthesize(image, pm, kind, [seed, i, attempt], allowed, base=name))
                break
            except SynthesisError:
                continue
    return out


def part_regions(part: PartMask, shape: tuple[int, int],
                 cache: dict[tuple[int, int], tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    """The part mask and the region a defect may go in (both bool (H, W)) at ``shape``, from
    ``cache`` when it holds them, else made and kept there (eroding the mask costs more than painting)."""
    if shape not in cache:
        pm = part.at(shape)
        cache[shape] = (pm, allowed_region(pm))
    return cache[shape]


def write_defect_set(
    out_dir: str | os.PathLike[str],
    defects: Sequence[SyntheticDefect],
    originals: dict[str, np.ndarray],
    part: PartMask,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Write ``NNNN_<kind>.png``, ``NNNN_<kind>_mask.png`` (255 = defect) and ``synth.json``.

    Args:
        originals: the good image each defect was painted on, by base name (for the measures).

    Returns:
        The JSON written: one record per image with its kind, parameters, seed and measures,
        and a summary (maximum leakage, median structural loss and localisation).
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    records = []
    for i, d in enumerate(defects):
        stem = f"{i:04d}_{d.kind}"
        if not cv2.imwrite(str(out / f"{stem}.png"), cv2.cvtColor(d.image, cv2.COLOR_RGB2BGR)):
            raise OSError(f"cannot write {out / stem}.png")
        cv2.imwrite(str(out / f"{stem}_mask.png"), d.mask.astype(np.uint8) * 255)
        q = measure(originals[d.base], d.image, part.at(d.image.shape[:2]), d.mask)
        records.append({"image": f"{stem}.png", "mask": f"{stem}_mask.png", "kind": d.kind, "base": d.base,
                        "seed": d.seed, "params": d.params, "measures": q.to_dict()})
    summary = summarise(records)
    doc = {"part_mask": part.facts(), "count": len(records), "summary": summary, "images": records, **(extra or {})}
    tmp = out / f".{SET_JSON}.tmp"
    tmp.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    os.replace(tmp, out / SET_JSON)
    return doc


def summarise(records: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Worst leakage, median structural loss / localisation / contrast, count per kind."""
    if not records:
        return {}
    m = [r["measures"] for r in records]
    kinds: dict[str, int] = {}
    for r in records:
        kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
    return {"max_leakage": max(x["leakage"] for x in m), "max_leakage_pixels": max(x["leakage_pixels"] for x in m),
            "median_structural_loss": float(np.median([x["structural_loss"] for x in m])),
            "max_structural_loss": float(max(x["structural_loss"] for x in m)),
            "median_localisation": float(np.median([x["localisation"] for x in m])),
            "median_contrast": float(np.median([x["contrast"] for x in m])), "per_kind": kinds}


def outlined(defect: SyntheticDefect, colour: tuple[int, int, int] = (255, 40, 40)) -> np.ndarray:
    """The defect image with its mask's outline drawn 1 px wide, uint8 RGB."""
    img = defect.image.copy()
    contours, _ = cv2.findContours(defect.mask.astype(np.uint8), cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    cv2.drawContours(img, contours, -1, colour, 1)
    return img


def zoomed(defect: SyntheticDefect, min_side: int = 48) -> np.ndarray:
    """The outlined defect cropped to a square around it (1.6 x its extent), uint8 RGB."""
    img = outlined(defect)
    if not defect.mask.any():
        return img
    ys, xs = np.nonzero(defect.mask)
    side = min(int(max(np.ptp(ys), np.ptp(xs), min_side) * 1.6), *img.shape[:2])
    cy, cx = int(ys.mean()), int(xs.mean())
    y0 = int(np.clip(cy - side // 2, 0, img.shape[0] - side))
    x0 = int(np.clip(cx - side // 2, 0, img.shape[1] - side))
    return img[y0:y0 + side, x0:x0 + side]


GALLERY_CELL = (240, 200)
"""A gallery cell's picture area, (width, height) in pixels; each picture is fitted inside it."""
GALLERY_CAPTION, GALLERY_TITLE = 30, 44
"""Heights in pixels of a caption line above each picture and of the title above the sheet."""


def gallery_png(defects: Sequence[SyntheticDefect], path: str | os.PathLike[str], cols: int = 7,
                title: str = "", zoom: bool = True) -> None:
    """A grid of defects (top row: as generated; below: the same with the mask outlined and, when
    ``zoom``, cropped around the defect) written to ``path`` as a PNG: pictures pasted on a white
    sheet with a caption above each (Pillow; matplotlib took about a second for the same sheet)."""
    from PIL import Image, ImageDraw, ImageFont

    n = len(defects)
    cols = max(1, min(cols, max(n, 1)))
    groups = (n + cols - 1) // cols
    (cw, ch), gap, caption = GALLERY_CELL, 12, GALLERY_CAPTION
    top = GALLERY_TITLE if title else 8
    sheet = Image.new("RGB", (cols * (cw + gap) + gap, top + groups * 2 * (ch + caption + gap)), "white")
    draw = ImageDraw.Draw(sheet)
    # sizes read at about half scale, as the model-facts dialog shows the sheet
    font, small, big = (ImageFont.load_default(size) for size in (21, 19, 26))
    if title:
        draw.text((sheet.width / 2, 8), title, fill="black", font=big, anchor="mt")
    for i, d in enumerate(defects):
        g, c = divmod(i, cols)
        x = gap + c * (cw + gap)
        crop = zoomed(d) if zoom else outlined(d)
        for row, (picture, text, f) in enumerate(((d.image, d.kind, font),
                                                  (crop, f"mask, {int(d.mask.sum())} px", small))):
            y = top + (2 * g + row) * (ch + caption + gap)
            draw.text((x + cw / 2, y + caption - 5), text, fill="black", font=f, anchor="mb")
            im = _fitted(picture, cw, ch)
            sheet.paste(Image.fromarray(im), (x + (cw - im.shape[1]) // 2, y + caption + (ch - im.shape[0]) // 2))
    sheet.save(os.fspath(path), optimize=False)


def _fitted(image: np.ndarray, width: int, height: int) -> np.ndarray:
    """uint8 RGB scaled to fit (width, height) with its aspect: area when shrinking, nearest when
    enlarging (a small zoomed crop keeps its pixels visible)."""
    h, w = image.shape[:2]
    s = min(width / w, height / h)
    size = (max(1, round(w * s)), max(1, round(h * s)))
    return cv2.resize(image, size, interpolation=cv2.INTER_AREA if s < 1 else cv2.INTER_NEAREST)
