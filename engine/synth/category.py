"""Synthetic defects for a trained category: its stored part mask, its training images as the
good parts to paint on, a written set, and a technician's correction of the mask.

No torch: this reads the model folder's manifest and PNG only.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Sequence

import cv2
import numpy as np

from engine.imaging import ImageLoadError, is_image_path, load_image
from engine.model_store.store import PART_MASK_FILE, check_category_name, load_model, read_manifest
from engine.model_store.versions import update_model_files
from engine.synth.generate import generate_defects, write_defect_set
from engine.synth.part_mask import (PartMask, full_frame_mask, learn_part_mask, mask_from_polygon,
                                    mask_from_rectangle, read_mask_images)


class CategorySynthError(ValueError):
    """The category has no usable mask or good images; the message says what to do."""


def category_folder(models_dir: str | os.PathLike[str], category: str) -> Path:
    check_category_name(category)
    return Path(models_dir) / category


def category_part_mask(models_dir: str | os.PathLike[str], category: str) -> PartMask:
    """The checked part mask of a trained category."""
    stored = load_model(category_folder(models_dir, category))
    path = stored.files.get("part_mask")
    if path is None:
        raise CategorySynthError(f"{category}: the model has no part mask (trained before engine 0.2); "
                                 f"retrain it, or set one with 'station mask --category {category} --learn'")
    return PartMask.load_png(path, stored.manifest.get("part_mask"))


def good_image_paths(models_dir: str | os.PathLike[str], category: str,
                     good: str | os.PathLike[str] | None = None) -> list[Path]:
    """Good images of a category: the folder given, else the model's own training images."""
    if good is not None:
        root = Path(good)
        if not root.is_dir():
            raise CategorySynthError(f"{root}: not a folder of good images")
        paths = sorted(p for p in root.rglob("*") if p.is_file() and is_image_path(p))
    else:
        m = read_manifest(category_folder(models_dir, category))
        paths = [Path(p) for p in m.get("training", {}).get("good_images", []) if Path(p).is_file()]
        if not paths:
            raise CategorySynthError(f"{category}: the training images are not where the model recorded them; "
                                     "pass --good DIR")
    if not paths:
        raise CategorySynthError(f"no good images found in {good}")
    return paths


def load_bases(paths: Sequence[Path], count: int) -> list[tuple[str, np.ndarray]]:
    """Up to ``count`` readable images spread evenly over ``paths``, as (name, uint8 RGB)."""
    pick = np.unique(np.linspace(0, len(paths) - 1, min(count, len(paths))).round().astype(int))
    out = []
    for i in pick:
        try:
            out.append((paths[i].name, load_image(paths[i])))
        except ImageLoadError:
            continue
    if not out:
        raise CategorySynthError("none of the good images could be read")
    return out


def write_category_set(models_dir: str | os.PathLike[str], category: str, count: int, out: str | os.PathLike[str],
                       good: str | os.PathLike[str] | None = None, kinds: Sequence[str] | None = None,
                       seed: int = 0) -> dict[str, Any]:
    """``count`` synthetic defects of ``category`` written to ``out`` (images, masks, synth.json)."""
    from engine.synth.defects import KINDS

    if count < 1:
        raise CategorySynthError(f"count must be at least 1, got {count}")
    part = category_part_mask(models_dir, category)
    bases = load_bases(good_image_paths(models_dir, category, good), count)
    defects = generate_defects(bases, part, count, seed, tuple(kinds or KINDS))
    return write_defect_set(out, defects, dict(bases), part, {"category": category, "seed": seed})


def _numbers(text: str, what: str) -> list[float]:
    try:
        return [float(v) for v in text.replace(";", ",").split(",") if v.strip()]
    except ValueError as exc:
        raise CategorySynthError(f"{what} must be numbers separated by commas, got {text!r}") from exc


def mask_overlay(part: PartMask, image: np.ndarray) -> np.ndarray:
    """The mask over a good image: part tinted green, outline in red; uint8 RGB."""
    m = part.at(image.shape[:2])
    out = image.astype(np.float32)
    out[m] = out[m] * 0.6 + np.array([40, 200, 80], np.float32) * 0.4
    out = out.astype(np.uint8)
    contours, _ = cv2.findContours(m.astype(np.uint8), cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    cv2.drawContours(out, contours, -1, (230, 30, 30), max(1, max(image.shape[:2]) // 256))
    return out


def preview_png(part: PartMask, image: np.ndarray, path: str | os.PathLike[str]) -> None:
    """``mask_overlay`` written as a PNG."""
    if not cv2.imwrite(os.fspath(path), cv2.cvtColor(mask_overlay(part, image), cv2.COLOR_RGB2BGR)):
        raise CategorySynthError(f"cannot write {path}")


def set_category_mask(models_dir: str | os.PathLike[str], category: str, rect: str | None = None,
                      polygon: str | None = None, full_frame: bool = False, learn: bool = False,
                      good: str | os.PathLike[str] | None = None, preview: str | os.PathLike[str] | None = None,
                      part: PartMask | None = None) -> dict[str, Any]:
    """Replace the category's part mask (or only show it when nothing is asked). Returns its facts.

    Coordinates are pixels of the stored mask (its size is in the facts). The self-test stays as
    measured with the earlier mask until the category is retrained; the manifest says so.
    """
    folder = category_folder(models_dir, category)
    try:
        current = category_part_mask(models_dir, category)
        shape = current.mask.shape
    except CategorySynthError:
        current, shape = None, None
    new = part
    if rect or polygon or full_frame or learn:
        if shape is None and not learn:
            raise CategorySynthError(f"{category}: no stored mask to size a hand-made one on; use --learn first")
        if rect:
            v = _numbers(rect, "--rect")
            if len(v) != 4:
                raise CategorySynthError(f"--rect needs X,Y,W,H, got {len(v)} numbers")
            new = mask_from_rectangle(shape, *v)
        elif polygon:
            v = _numbers(polygon, "--polygon")
            if len(v) % 2:
                raise CategorySynthError("--polygon needs X,Y pairs")
            new = mask_from_polygon(shape, list(zip(v[::2], v[1::2])))
        elif full_frame:
            new = full_frame_mask(shape, "whole frame set by hand")
        else:
            paths = good_image_paths(models_dir, category, good)
            images = read_mask_images(paths, 64)
            new = learn_part_mask(images)
    if new is not None:
        m = read_manifest(folder)
        self_test = dict(m.get("self_test") or {})
        if self_test:
            self_test["note"] = "measured with the earlier part mask; retrain to measure with this one"
        update_model_files(folder, {"part_mask": (PART_MASK_FILE, new.save_png)},
                           {"part_mask": new.facts(), "self_test": self_test})
        current = new
    if current is None:
        raise CategorySynthError(f"{category}: the model has no part mask; use --learn")
    if preview:
        bases = load_bases(good_image_paths(models_dir, category, good), 1)
        preview_png(current, bases[0][1], preview)
    return current.facts()


def preview_defects(folder: str | os.PathLike[str], per_kind: int = 1, mask_images: int = 24,
                    seed: int = 0) -> tuple[list[tuple[np.ndarray, str]], PartMask]:
    """What the New category dialog shows before training: one zoomed, outlined synthetic defect
    per kind (uint8 RGB crop, caption) on good images from ``folder``, and the mask they used."""
    from engine.synth.defects import KINDS
    from engine.synth.generate import zoomed

    root = Path(folder)
    if not root.is_dir():
        raise CategorySynthError(f"{root}: not a folder")
    paths = sorted(p for p in root.rglob("*") if p.is_file() and is_image_path(p))
    if len(paths) < 2:
        raise CategorySynthError(f"{root} holds {len(paths)} images; at least 2 good images are needed")
    part = learn_part_mask(read_mask_images(paths, mask_images))
    bases = load_bases(paths, len(KINDS))
    defects = generate_defects(bases, part, per_kind * len(KINDS), seed)
    return [(zoomed(d), d.kind) for d in defects], part
