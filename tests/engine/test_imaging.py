"""Every kind of bad or unusual input becomes RGB uint8 or a clear one-line error."""

from __future__ import annotations

import struct
import zlib

import numpy as np
import pytest
from PIL import Image

from engine.imaging import ImageLoadError, as_rgb_array, load_image


def _grad(h=40, w=60):
    y, x = np.mgrid[0:h, 0:w]
    return np.stack([x * 4 % 256, y * 6 % 256, (x + y) % 256], axis=2).astype(np.uint8)


@pytest.mark.parametrize("mode", ["L", "RGBA", "CMYK", "P", "1", "LA"])
def test_modes_become_rgb(tmp_path, mode):
    im = Image.fromarray(_grad()).convert(mode)
    ext = "jpg" if mode == "CMYK" else ("tiff" if mode in ("1",) else "png")
    p = tmp_path / f"x.{ext}"
    im.save(p)
    a = load_image(p)
    assert a.dtype == np.uint8 and a.shape == (40, 60, 3)


def test_16bit_scaled_by_range(tmp_path):
    arr = np.full((20, 30), 65535, np.uint16)
    arr[:, :15] = 257 * 100
    p = tmp_path / "x16.png"
    Image.fromarray(arr).save(p)
    a = load_image(p)
    assert a.shape == (20, 30, 3)
    assert a[0, 0, 0] == 100 and a[0, 29, 0] == 255


def test_exif_rotation_applied(tmp_path):
    p = tmp_path / "rot.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 CW on display
    Image.fromarray(_grad(40, 60)).save(p, exif=exif)
    assert load_image(p).shape == (60, 40, 3)


def test_errors_name_the_problem(tmp_path):
    (tmp_path / "empty.png").write_bytes(b"")
    (tmp_path / "note.png").write_text("not an image")
    good = tmp_path / "good.png"
    Image.fromarray(_grad(200, 200)).save(good)
    (tmp_path / "trunc.png").write_bytes(good.read_bytes()[:400])
    cases = {"empty.png": "empty", "note.png": "not an image", "trunc.png": "truncated", "missing.png": "not found"}
    for name, words in cases.items():
        with pytest.raises(ImageLoadError, match=words):
            load_image(tmp_path / name)
    with pytest.raises(ImageLoadError, match="folder"):
        load_image(tmp_path)


def test_decompression_bomb_refused_from_header(tmp_path):
    """A 40000x40000 PNG header is refused before any pixel is decoded."""
    w = h = 40000
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(b"\x00" * 1000)) + chunk(b"IEND", b"")
    p = tmp_path / "bomb.png"
    p.write_bytes(png)
    with pytest.raises(ImageLoadError, match="over the limit"):
        load_image(p)


def test_frames_coerced():
    assert as_rgb_array(np.zeros((16, 16), np.uint8)).shape == (16, 16, 3)
    assert as_rgb_array(np.zeros((16, 16, 4), np.uint8)).shape == (16, 16, 3)
    assert as_rgb_array(np.full((16, 16, 3), 65535, np.uint16)).max() == 255
    with pytest.raises(ImageLoadError):
        as_rgb_array(np.zeros((16, 16, 3), np.float64))
