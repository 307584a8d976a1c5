"""Safe image loading: every readable image becomes uint8 RGB; everything else a clear error.

Handles 8/16/32-bit, grayscale, palette, RGBA, CMYK, EXIF orientation and multi-frame files
(first frame). Images over ``MAX_PIXELS`` are refused from their header, before decoding, so
a decompression bomb never reaches memory.
"""

from __future__ import annotations

import os
import time
import warnings
from pathlib import Path
from typing import Iterable, Iterator

import cv2
import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_PIXELS = 60_000_000
"""Largest image accepted (60 MP: well above a 5 MP frame; a 16k x 16k bomb is refused)."""

IMAGE_SUFFIXES = frozenset(
    {".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp", ".pgm", ".ppm", ".pbm"}
)

# The explicit check below replaces PIL's own bomb guard, whose message is less helpful.
Image.MAX_IMAGE_PIXELS = None


class ImageLoadError(ValueError):
    """An input that is not a usable image; the message is one line for the operator."""


def is_image_path(path: str | os.PathLike[str]) -> bool:
    return Path(path).suffix.lower() in IMAGE_SUFFIXES


def _to_uint8_rgb(im: Image.Image) -> np.ndarray:
    """Convert any PIL mode to an (H, W, 3) uint8 array; high bit depths scale by their range."""
    mode = im.mode
    if mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        arr = np.asarray(im)
        if mode.startswith("I;16"):
            arr8 = (arr.astype(np.float32) / 257.0).round().astype(np.uint8)
        elif mode == "I":
            # 32-bit integer images: PNG 16-bit greyscale often opens as "I" holding 0..65535.
            top = 65535.0 if arr.max(initial=0) <= 65535 and arr.min(initial=0) >= 0 else float(arr.max())
            arr8 = np.clip(arr.astype(np.float64) * (255.0 / max(top, 1.0)), 0, 255).round().astype(np.uint8)
        else:  # float: assume 0..1 when it fits, else its own range
            lo, hi = float(np.nanmin(arr)), float(np.nanmax(arr))
            if lo >= 0.0 and hi <= 1.0:
                lo, hi = 0.0, 1.0
            arr8 = np.clip((np.nan_to_num(arr) - lo) * (255.0 / max(hi - lo, 1e-12)), 0, 255).astype(np.uint8)
        return np.repeat(arr8[:, :, None], 3, axis=2)
    if mode in ("RGBA", "LA", "PA") or (mode == "P" and "transparency" in im.info):
        im = im.convert("RGBA")
        bg = Image.new("RGBA", im.size, (0, 0, 0, 255))
        im = Image.alpha_composite(bg, im)
    if mode == "RGB;16" or im.mode not in ("RGB",):
        im = im.convert("RGB")
    return np.asarray(im, dtype=np.uint8).copy()


def load_image(path: str | os.PathLike[str], max_pixels: int = MAX_PIXELS) -> np.ndarray:
    """Read an image file as uint8 RGB (H, W, 3), EXIF orientation applied.

    Raises:
        ImageLoadError: missing, empty, truncated, non-image, or oversized file.
    """
    p = Path(path)
    if not p.exists():
        raise ImageLoadError(f"{p}: file not found")
    if p.is_dir():
        raise ImageLoadError(f"{p}: is a folder, not an image file")
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise ImageLoadError(f"{p}: cannot read file ({exc.strerror})") from exc
    if size == 0:
        raise ImageLoadError(f"{p}: file is empty (0 bytes)")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(p) as im:
                w, h = im.size
                if w * h > max_pixels:
                    raise ImageLoadError(
                        f"{p}: image is {w}x{h} ({w * h / 1e6:.0f} MP), over the limit of "
                        f"{max_pixels / 1e6:.0f} MP"
                    )
                if w < 8 or h < 8:
                    raise ImageLoadError(f"{p}: image is {w}x{h} pixels, too small to inspect")
                im.seek(0)
                im.load()
                im = ImageOps.exif_transpose(im)
                return _to_uint8_rgb(im)
    except ImageLoadError:
        raise
    except UnidentifiedImageError as exc:
        raise ImageLoadError(f"{p}: not an image file (format not recognised)") from exc
    except (OSError, SyntaxError, ValueError) as exc:
        msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if "truncated" in msg.lower():
            raise ImageLoadError(f"{p}: image file is truncated or damaged") from exc
        raise ImageLoadError(f"{p}: cannot decode image ({msg})") from exc
    except MemoryError as exc:
        raise ImageLoadError(f"{p}: not enough memory to decode this image") from exc


def decode_ahead(paths: Iterable[str | os.PathLike[str]], ahead: int = 2
                 ) -> Iterator[tuple[str, np.ndarray | None, ImageLoadError | None, float]]:
    """(path, image, error, decode ms) for each path in order; the next ``ahead`` images are
    decoded in threads meanwhile (PIL and OpenCV release the GIL), so decoding overlaps the
    caller's work. At most ``ahead + 1`` decoded images are held at a time."""
    def decode(p: str) -> tuple[np.ndarray | None, ImageLoadError | None, float]:
        t0 = time.perf_counter()
        try:
            return load_image(p), None, (time.perf_counter() - t0) * 1000.0
        except ImageLoadError as exc:
            return None, exc, 0.0

    paths = [os.fspath(p) for p in paths]
    if ahead <= 0 or len(paths) < 2:
        for p in paths:
            yield (p, *decode(p))
        return
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=ahead, thread_name_prefix="decode") as pool:
        pending = [pool.submit(decode, p) for p in paths[:ahead + 1]]
        for k, p in enumerate(paths):
            result = pending[k].result()
            pending[k] = None  # not kept beyond its turn
            if k + ahead + 1 < len(paths):
                pending.append(pool.submit(decode, paths[k + ahead + 1]))
            yield (p, *result)


def as_rgb_array(frame: np.ndarray) -> np.ndarray:
    """Coerce an in-memory frame (gray, RGB or RGBA; uint8 or uint16) to uint8 RGB (H, W, 3)."""
    a = np.asarray(frame)
    if a.ndim not in (2, 3) or (a.ndim == 3 and a.shape[2] not in (1, 3, 4)):
        raise ImageLoadError(f"frame has unsupported shape {a.shape}")
    if a.shape[0] < 8 or a.shape[1] < 8:
        raise ImageLoadError(f"frame is {a.shape[1]}x{a.shape[0]} pixels, too small to inspect")
    if a.dtype == np.uint16:
        a = (a.astype(np.float32) / 257.0).round().astype(np.uint8)
    elif a.dtype != np.uint8:
        raise ImageLoadError(f"frame has unsupported pixel type {a.dtype}")
    if a.ndim == 2:
        a = np.repeat(a[:, :, None], 3, axis=2)
    elif a.shape[2] == 1:
        a = np.repeat(a, 3, axis=2)
    elif a.shape[2] == 4:
        a = a[:, :, :3]
    return np.ascontiguousarray(a)


def shrink(a: np.ndarray, side: int, mask: str | None = None) -> np.ndarray:
    """``a`` (H, W[, C]) shrunk so its longer side is at most ``side`` pixels (area averaging).

    For bool masks, ``mask="nearest"`` keeps the nearest pixel and ``mask="any"`` keeps every
    output pixel that any defect pixel falls in (so a 1 px crack does not vanish).
    """
    h, w = a.shape[:2]
    s = side / max(h, w)
    if s >= 1:
        return a
    size = (max(1, round(w * s)), max(1, round(h * s)))
    if mask == "nearest":
        return cv2.resize(a.astype(np.uint8), size, interpolation=cv2.INTER_NEAREST) > 0
    if mask == "any":
        return cv2.resize(a.astype(np.float32), size, interpolation=cv2.INTER_AREA) > 0
    return cv2.resize(a if a.dtype != np.float64 else a.astype(np.float32), size, interpolation=cv2.INTER_AREA)


def resize_mask(mask: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """A bool mask at (H, W) ``shape``, nearest neighbour (the same array when it already fits)."""
    if mask.shape == tuple(shape):
        return mask.astype(bool, copy=False)
    return cv2.resize(mask.astype(np.uint8), (shape[1], shape[0]), interpolation=cv2.INTER_NEAREST) > 0


def resize_to(image: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """uint8 RGB (H, W, 3) -> uint8 RGB resized to ``size`` = (h, w): area when shrinking, else bilinear."""
    h, w = size
    if image.shape[:2] == (h, w):
        return image
    shrink = image.shape[0] > h or image.shape[1] > w
    return cv2.resize(image, (w, h), interpolation=cv2.INTER_AREA if shrink else cv2.INTER_LINEAR)
