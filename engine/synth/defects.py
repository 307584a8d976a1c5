"""Defect kinds painted onto good images, confined to the part.

Each kind is a function ``(image, allowed, rng) -> (painted, alpha, params)``:

- ``image``: float32 (H, W, 3) RGB in [0, 255], the good part;
- ``allowed``: bool (H, W), the part eroded by a margin (see ``part_mask.allowed_region``);
- ``painted``: float32 (H, W, 3), the image as the defect would make it everywhere;
- ``alpha``: float32 (H, W) in [0, 1], where the defect shows (soft edge about 1 px);
- ``params``: JSON-ready numbers that describe this draw.

``synthesize`` blends ``image * (1 - alpha) + painted * alpha`` with alpha forced to 0 outside
``allowed``, so nothing outside the part changes (leakage is exactly 0 by construction, and
measured anyway), and the defect mask is ``alpha >= MASK_LEVEL``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

import cv2
import numpy as np

from engine.synth.noise import (draw_path, foreign_texture, fractal_noise, irregular_blob, jagged_curve,
                                perlin, smooth_curve)

MASK_LEVEL = 0.3
"""Coverage from which a pixel belongs to the defect mask: a 1 px anti-aliased stroke spreads
over two pixels at about half coverage each, and both are part of the scratch."""

Painter = Callable[[np.ndarray, np.ndarray, np.random.Generator], tuple[np.ndarray, np.ndarray, dict[str, Any]]]


class SynthesisError(ValueError):
    """No defect could be placed (the part is too small or the mask empty)."""


@dataclass(frozen=True)
class SyntheticDefect:
    """One synthetic defect image and its exact mask."""

    image: np.ndarray = field(repr=False)
    """uint8 (H, W, 3) RGB."""
    mask: np.ndarray = field(repr=False)
    """bool (H, W): True where the defect is."""
    kind: str
    params: dict[str, Any]
    seed: int | list[int]
    base: str = ""
    """Name of the good image it was painted on."""


def _part_scale(allowed: np.ndarray) -> float:
    """A length that sizes defects: the square root of the allowed area, pixels."""
    return float(np.sqrt(max(int(allowed.sum()), 1)))


def _random_point(allowed: np.ndarray, rng: np.random.Generator) -> tuple[float, float]:
    ys, xs = np.nonzero(allowed)
    i = int(rng.integers(len(ys)))
    return float(ys[i]), float(xs[i])


def _local_mean(image: np.ndarray, alpha: np.ndarray) -> np.ndarray:
    w = alpha.sum()
    return (image * alpha[:, :, None]).sum(axis=(0, 1)) / max(float(w), 1e-6)


def cutpaste(image: np.ndarray, allowed: np.ndarray, rng: np.random.Generator):
    """A patch of the part's own surface moved elsewhere on it, turned and slightly re-lit (CutPaste)."""
    h, w = allowed.shape
    s = _part_scale(allowed)
    ph, pw = (s * rng.uniform(0.06, 0.16, 2)).clip(4)
    cy, cx = _random_point(allowed, rng)
    for _ in range(20):  # the source should be far enough away to look different
        sy, sx = _random_point(allowed, rng)
        if np.hypot(sy - cy, sx - cx) > max(ph, pw):
            break
    angle = rng.uniform(-45, 45) + (180 if rng.random() < 0.5 else 0)
    gain = rng.uniform(0.8, 1.25)
    # affine map taking destination pixels to source pixels
    m = cv2.getRotationMatrix2D((cx, cy), angle, 1.0)
    m[:, 2] += (sx - cx, sy - cy)
    moved = cv2.warpAffine(image, m, (w, h), flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
                           borderMode=cv2.BORDER_REFLECT)
    box = cv2.boxPoints(((cx, cy), (pw, ph), -angle))
    alpha = np.zeros((h, w), np.float32)
    cv2.fillPoly(alpha, [np.round(box * 16).astype(np.int32)], 1.0, lineType=cv2.LINE_AA, shift=4)
    return np.clip(moved * gain, 0, 255), alpha, {"patch_px": [round(float(ph)), round(float(pw))],
                                                  "angle_deg": round(float(angle), 1), "gain": round(float(gain), 3),
                                                  "from_yx": [round(sy), round(sx)], "to_yx": [round(cy), round(cx)]}


def perlin_blotch(image: np.ndarray, allowed: np.ndarray, rng: np.random.Generator):
    """Perlin-noise blotches blended with a foreign texture (DRAEM-style)."""
    h, w = allowed.shape
    s = _part_scale(allowed)
    cy, cx = _random_point(allowed, rng)
    reach = s * rng.uniform(0.12, 0.25)
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    window = np.exp(-((y - cy) ** 2 + (x - cx) ** 2) / (2 * reach**2))
    field_ = (perlin((h, w), int(rng.integers(6, 14)), rng) + 1) * window
    area = rng.uniform(0.008, 0.04) * float(allowed.sum())
    inside = field_[allowed]
    level = float(np.sort(inside)[::-1][min(len(inside) - 1, max(1, int(area)))])
    alpha = np.clip((field_ - level) / max(level * 0.08, 1e-6), 0, 1).astype(np.float32)
    beta = rng.uniform(0.35, 0.85)
    texture = foreign_texture((h, w), rng)
    return image * (1 - beta) + texture * beta, alpha, {"blend": round(float(beta), 3),
                                                        "target_area_px": int(area), "centre_yx": [round(cy), round(cx)]}


def _stroke(image: np.ndarray, allowed: np.ndarray, rng: np.random.Generator, crack: bool):
    s = _part_scale(allowed)
    cy, cx = _random_point(allowed, rng)
    length = s * rng.uniform(0.15, 0.45)
    width = int(rng.integers(1, 3)) if crack else int(rng.integers(1, 4))
    if crack:
        path = jagged_curve(np.array([cx, cy]), length, rng)
        alpha = draw_path(allowed.shape, path, width)
        for _ in range(int(rng.integers(0, 3))):  # short branches off the main crack
            j = int(rng.integers(len(path) // 4, len(path)))
            alpha = np.maximum(alpha, draw_path(allowed.shape, jagged_curve(path[j], length * rng.uniform(0.15, 0.35), rng, 16), 1))
        shade = rng.uniform(0.15, 0.45)  # cracks are dark
        painted = image * shade
    else:
        path = smooth_curve(np.array([cx, cy]), length, rng)
        alpha = draw_path(allowed.shape, path, width)
        bright = rng.random() < 0.5
        level = _local_mean(image, alpha)
        target = np.clip(level + (rng.uniform(50, 110) if bright else -rng.uniform(50, 110)), 0, 255)
        painted = np.broadcast_to(target, image.shape).astype(np.float32)
        shade = float(target.mean() / max(float(level.mean()), 1.0))
    return painted, alpha, {"length_px": round(float(length), 1), "width_px": width,
                            "start_yx": [round(cy), round(cx)], "shade": round(float(shade), 3)}


def scratch(image: np.ndarray, allowed: np.ndarray, rng: np.random.Generator):
    """A thin scratch along a smooth random curve, 1 to 3 px wide, brighter or darker."""
    return _stroke(image, allowed, rng, crack=False)


def crack(image: np.ndarray, allowed: np.ndarray, rng: np.random.Generator):
    """A thin dark crack along a jagged random walk, 1 to 2 px wide, with a few branches."""
    return _stroke(image, allowed, rng, crack=True)


def contamination(image: np.ndarray, allowed: np.ndarray, rng: np.random.Generator):
    """One to four spots of foreign matter (dust, grease, fibre) with their own grain."""
    h, w = allowed.shape
    s = _part_scale(allowed)
    alpha = np.zeros((h, w), np.float32)
    n = int(rng.integers(1, 5))
    cy, cx = _random_point(allowed, rng)
    for _ in range(n):
        r = s * rng.uniform(0.015, 0.06)
        oy, ox = rng.normal(0, s * 0.05, 2)
        alpha = np.maximum(alpha, irregular_blob((h, w), (cy + oy, cx + ox), (r * rng.uniform(0.5, 1), r),
                                                 rng.uniform(0, np.pi), rng, 0.4))
    colour = np.array([[25, 20, 15], [70, 50, 30], [230, 225, 210], [120, 110, 40]], np.float32)[int(rng.integers(4))]
    grain = fractal_noise((h, w), int(rng.integers(8, 24)), rng)[:, :, None] * rng.uniform(10, 35)
    return np.clip(colour + grain, 0, 255), alpha, {"spots": n, "colour_rgb": colour.astype(int).tolist(),
                                                     "centre_yx": [round(cy), round(cx)]}


def colour_shift(image: np.ndarray, allowed: np.ndarray, rng: np.random.Generator):
    """A local change of brightness or tint (a burn, a stain, a discoloured coating)."""
    h, w = allowed.shape
    s = _part_scale(allowed)
    cy, cx = _random_point(allowed, rng)
    r = s * rng.uniform(0.05, 0.14)
    alpha = irregular_blob((h, w), (cy, cx), (r * rng.uniform(0.5, 1.0), r), rng.uniform(0, np.pi), rng, 0.3)
    gain = rng.choice([rng.uniform(0.45, 0.7), rng.uniform(1.35, 1.8)])
    tint = rng.uniform(0.8, 1.2, 3).astype(np.float32)
    painted = np.clip(image * gain * tint + (0 if gain < 1 else 12), 0, 255)
    return painted, alpha, {"gain": round(float(gain), 3), "tint_rgb": np.round(tint, 3).tolist(),
                            "radius_px": round(float(r), 1), "centre_yx": [round(cy), round(cx)]}


def missing_material(image: np.ndarray, allowed: np.ndarray, rng: np.random.Generator,
                     background: np.ndarray | None = None):
    """A hole or chip: the surface gone, showing the background (or a dark pit on a full-frame surface)."""
    h, w = allowed.shape
    s = _part_scale(allowed)
    cy, cx = _random_point(allowed, rng)
    r = s * rng.uniform(0.03, 0.09)
    alpha = irregular_blob((h, w), (cy, cx), (r * rng.uniform(0.5, 1.0), r), rng.uniform(0, np.pi), rng, 0.45)
    if background is not None:
        painted = np.broadcast_to(background.astype(np.float32), image.shape).copy()
        fill = "background"
    else:
        depth = cv2.GaussianBlur(alpha, (0, 0), max(r / 3, 1.0))
        painted = image * (0.25 + 0.25 * (1 - depth))[:, :, None]
        fill = "pit"
    return np.clip(painted, 0, 255), alpha, {"radius_px": round(float(r), 1), "fill": fill,
                                             "centre_yx": [round(cy), round(cx)]}


def _nonzero_box(a: np.ndarray) -> tuple[slice, slice] | None:
    """The bounding box of ``a``'s non-zero pixels as (rows, columns) slices; None when all are zero."""
    rows, cols = np.flatnonzero(a.any(axis=1)), np.flatnonzero(a.any(axis=0))
    if rows.size == 0:
        return None
    return slice(rows[0], rows[-1] + 1), slice(cols[0], cols[-1] + 1)


KINDS: dict[str, Painter] = {
    "cutpaste": cutpaste,
    "perlin": perlin_blotch,
    "scratch": scratch,
    "crack": crack,
    "contamination": contamination,
    "colour": colour_shift,
    "missing": missing_material,
}
"""Every defect kind by name, in the order a generated set cycles through them."""


def synthesize(image: np.ndarray, part: np.ndarray, kind: str, seed: int | list[int], allowed: np.ndarray | None = None,
               base: str = "", tries: int = 8) -> SyntheticDefect:
    """Paint one defect of ``kind`` on a good ``image`` (uint8 RGB (H, W, 3)), inside ``part``.

    Args:
        part: bool (H, W) part mask at the image's size.
        seed: fixes every random choice (same seed, same image and mask).
        allowed: where the defect may go (default: ``allowed_region(part)``).

    Raises:
        SynthesisError: unknown kind, or no visible defect fits inside the part.
    """
    from engine.synth.part_mask import allowed_region

    if kind not in KINDS:
        raise SynthesisError(f"unknown defect kind {kind!r}; known: {', '.join(KINDS)}")
    if part.shape != image.shape[:2]:
        raise SynthesisError(f"part mask {part.shape} does not match the image {image.shape[:2]}")
    allowed = allowed_region(part) if allowed is None else allowed
    if allowed.sum() < 64:
        raise SynthesisError(f"the part leaves only {int(allowed.sum())} pixels for a defect (need 64)")
    rng = np.random.default_rng(seed)
    src = image.astype(np.float32)
    grey = bool((image[:, :, 0] == image[:, :, 1]).all() and (image[:, :, 1] == image[:, :, 2]).all())
    background = None
    if kind == "missing" and (~part).sum() > 0.02 * part.size:
        background = np.median(image[~part], axis=0)
    for _ in range(tries):
        if kind == "missing":
            painted, alpha, params = missing_material(src, allowed, rng, background)
        else:
            painted, alpha, params = KINDS[kind](src, allowed, rng)
        alpha = np.where(allowed, alpha, 0.0).astype(np.float32)
        mask = alpha >= MASK_LEVEL
        box = _nonzero_box(alpha)
        if box is None or mask.sum() < 4:
            continue
        # the blend inside alpha's bounding box only: outside it alpha is 0 and the image is kept as it is
        a, p, g = alpha[box][:, :, None], np.asarray(painted)[box], image[box]
        if grey:  # a grey part stays grey: no tints or coloured textures on a grayscale camera
            p = np.repeat(np.asarray(p, np.float32).mean(axis=2, keepdims=True), 3, axis=2)
        blended = np.clip(np.round(src[box] * (1 - a) + p * a), 0, 255).astype(np.uint8)
        outside = ~allowed[box]
        blended[outside] = g[outside]  # exact: not one grey level changes outside the allowed region
        if np.abs(blended.astype(np.int16) - g)[mask[box]].mean() >= 8:
            out8 = image.copy()
            out8[box] = blended
            return SyntheticDefect(out8, mask, kind, params, seed, base)
    raise SynthesisError(f"no visible {kind} defect fits on this part after {tries} tries")
