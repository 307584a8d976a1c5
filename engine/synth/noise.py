"""Seeded random fields and shapes the defect kinds are drawn from: Perlin noise, smooth and
jagged curves, irregular blobs, and procedural "foreign" textures (no texture data set needed).

Every function takes a ``numpy.random.Generator`` so a seed fixes the result.
"""

from __future__ import annotations

import cv2
import numpy as np


def perlin(shape: tuple[int, int], cells: int, rng: np.random.Generator) -> np.ndarray:
    """2-D gradient (Perlin) noise, float32 (H, W) roughly in [-1, 1].

    Args:
        shape: (H, W) of the output.
        cells: lattice cells along the longer side (larger = finer blobs).
    """
    h, w = shape
    long_side = max(h, w)
    ch = max(1, round(cells * h / long_side))
    cw = max(1, round(cells * w / long_side))
    if h > 12 * ch and w > 12 * cw:  # smooth at this scale: compute at 8 px a cell, then upsample
        small = perlin((8 * ch, 8 * cw), cells, rng)
        return cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC)
    angles = rng.uniform(0, 2 * np.pi, (ch + 1, cw + 1))
    gx, gy = np.cos(angles).astype(np.float32), np.sin(angles).astype(np.float32)
    ys = np.linspace(0, ch, h, endpoint=False, dtype=np.float32)
    xs = np.linspace(0, cw, w, endpoint=False, dtype=np.float32)
    y, x = np.meshgrid(ys, xs, indexing="ij")
    y0, x0 = np.floor(y).astype(np.int64), np.floor(x).astype(np.int64)
    fy, fx = y - y0, x - x0

    def dot(iy: np.ndarray, ix: np.ndarray, dy: np.ndarray, dx: np.ndarray) -> np.ndarray:
        return gx[iy, ix] * dx + gy[iy, ix] * dy

    n00 = dot(y0, x0, fy, fx)
    n01 = dot(y0, x0 + 1, fy, fx - 1)
    n10 = dot(y0 + 1, x0, fy - 1, fx)
    n11 = dot(y0 + 1, x0 + 1, fy - 1, fx - 1)
    sy = fy * fy * fy * (fy * (fy * 6 - 15) + 10)  # Perlin's quintic fade
    sx = fx * fx * fx * (fx * (fx * 6 - 15) + 10)
    top = n00 + sx * (n01 - n00)
    bottom = n10 + sx * (n11 - n10)
    return (np.sqrt(2.0) * (top + sy * (bottom - top))).astype(np.float32)


def fractal_noise(shape: tuple[int, int], cells: int, rng: np.random.Generator, octaves: int = 3) -> np.ndarray:
    """Sum of Perlin octaves (each twice as fine, half as strong), float32 (H, W) in about [-1, 1]."""
    out = np.zeros(shape, np.float32)
    amp, total = 1.0, 0.0
    for o in range(octaves):
        out += amp * perlin(shape, cells * 2**o, rng)
        total += amp
        amp *= 0.5
    return out / total


def irregular_blob(shape: tuple[int, int], centre: tuple[float, float], radii: tuple[float, float],
                   angle: float, rng: np.random.Generator, roughness: float = 0.35) -> np.ndarray:
    """A soft, irregular ellipse: float32 (H, W) in [0, 1], 1 inside, about 1 px soft edge.

    Args:
        centre: (y, x) pixels; radii: (ry, rx) pixels; angle: radians.
        roughness: how far Perlin noise pushes the outline, as a share of the radius.
    """
    h, w = shape
    cy, cx = centre
    ry, rx = max(radii[0], 1.0), max(radii[1], 1.0)
    reach = max(rx, ry) * (1.0 + roughness) + 2.0  # nothing of the blob lies farther out
    y0, y1 = int(max(0, np.floor(cy - reach))), int(min(h, np.ceil(cy + reach) + 1))
    x0, x1 = int(max(0, np.floor(cx - reach))), int(min(w, np.ceil(cx + reach) + 1))
    out = np.zeros(shape, np.float32)
    # the noise is drawn on the whole blob box even where the frame clips it, so a seed gives the
    # same outline wherever the blob lands
    box = int(np.ceil(2 * reach)) + 3
    wobble_full = perlin((box, box), 3, rng) * roughness
    if y1 <= y0 or x1 <= x0:
        return out
    y, x = np.mgrid[y0:y1, x0:x1].astype(np.float32)
    c, s = np.cos(angle), np.sin(angle)
    u = ((x - cx) * c + (y - cy) * s) / rx
    v = (-(x - cx) * s + (y - cy) * c) / ry
    r = np.sqrt(u * u + v * v)
    oy, ox = int(np.floor(cy - reach)), int(np.floor(cx - reach))
    wobble = wobble_full[y0 - oy:y1 - oy, x0 - ox:x1 - ox]
    edge_px = max(min(rx, ry), 1.0)
    out[y0:y1, x0:x1] = np.clip((1.0 + wobble - r) * edge_px + 0.5, 0.0, 1.0)
    return out


def smooth_curve(start: np.ndarray, length: float, rng: np.random.Generator, bend: float = 0.6,
                 steps: int = 48) -> np.ndarray:
    """A gently bending path (a scratch): (steps, 2) float (x, y) points."""
    heading = rng.uniform(0, 2 * np.pi)
    turn = rng.normal(0, bend / steps)
    pts = [np.asarray(start, np.float64)]
    step = length / steps
    for _ in range(steps - 1):
        heading += turn + rng.normal(0, bend / steps * 0.5)
        pts.append(pts[-1] + step * np.array([np.cos(heading), np.sin(heading)]))
    return np.asarray(pts)


def jagged_curve(start: np.ndarray, length: float, rng: np.random.Generator, steps: int = 40) -> np.ndarray:
    """A crack-like path: a random walk with a persistent direction and sharp kinks, (steps, 2) (x, y)."""
    heading = rng.uniform(0, 2 * np.pi)
    pts = [np.asarray(start, np.float64)]
    step = length / steps
    for _ in range(steps - 1):
        heading += rng.normal(0, 0.28)  # kinks, but a crack keeps its general direction
        pts.append(pts[-1] + step * rng.uniform(0.6, 1.4) * np.array([np.cos(heading), np.sin(heading)]))
    return np.asarray(pts)


def draw_path(shape: tuple[int, int], points: np.ndarray, width: int) -> np.ndarray:
    """Anti-aliased stroke of ``points`` (x, y), ``width`` px: float32 (H, W) coverage in [0, 1]."""
    canvas = np.zeros(shape, np.uint8)
    pts = np.round(points * 16).astype(np.int32).reshape(-1, 1, 2)  # 4 fractional bits
    cv2.polylines(canvas, [pts], False, 255, thickness=int(width), lineType=cv2.LINE_AA, shift=4)
    return canvas.astype(np.float32) / 255.0


def foreign_texture(shape: tuple[int, int], rng: np.random.Generator) -> np.ndarray:
    """A texture unlike the part, float32 (H, W, 3) in [0, 255]: one of fractal noise, stripes,
    checks or speckle, in a random colour. Stands in for the texture data set DRAEM blends in."""
    h, w = shape
    kind = int(rng.integers(4))
    base = rng.uniform(20, 235, 3).astype(np.float32)
    other = rng.uniform(20, 235, 3).astype(np.float32)
    if kind == 0:
        t = (fractal_noise(shape, int(rng.integers(4, 16)), rng, 4) + 1) / 2
    elif kind == 1:
        y, x = np.mgrid[0:h, 0:w].astype(np.float32)
        a = rng.uniform(0, np.pi)
        period = rng.uniform(3, 12)
        t = (np.sin((x * np.cos(a) + y * np.sin(a)) * 2 * np.pi / period) + 1) / 2
    elif kind == 2:
        y, x = np.mgrid[0:h, 0:w]
        cell = int(rng.integers(3, 10))
        t = (((y // cell) + (x // cell)) % 2).astype(np.float32)
    else:
        t = cv2.GaussianBlur(rng.random(shape).astype(np.float32), (0, 0), 0.8)
        t = (t - t.min()) / max(float(t.max() - t.min()), 1e-6)
    t = np.clip(t, 0, 1)[:, :, None]
    return base * (1 - t) + other * t
