"""Synthetic defects: part mask, confinement, determinism, quality measures with known answers."""

from __future__ import annotations

import json

import numpy as np
import pytest

from engine.demo import make_part
from engine.synth import (KINDS, PartMaskError, SynthesisError, allowed_region, generate_defects, learn_part_mask,
                          mask_from_polygon, mask_from_rectangle, measure, synthesize, write_defect_set)
from engine.synth.measures import leakage, localisation, structural_loss


@pytest.fixture(scope="module")
def washers():
    rng = np.random.default_rng(3)
    return [make_part(rng, 128)[0] for _ in range(12)]


@pytest.fixture(scope="module")
def washer_mask(washers):
    return learn_part_mask(washers)


def test_part_mask_finds_the_washer_not_the_tray(washer_mask):
    m = washer_mask.at((128, 128))
    assert not washer_mask.full_frame and washer_mask.method == "otsu-median"
    assert m[64, 64 + 35] and m[64 - 35, 64]  # on the ring
    assert not m[64, 64]  # the bore shows the tray: not part of the washer
    assert not m[:8, :8].any() and not m[-8:, -8:].any()  # tray corners
    assert 0.35 < washer_mask.area_fraction < 0.65  # ring of radius 0.4 * side: pi * 0.4^2 = 0.50


def test_textured_frames_of_many_sizes_get_a_full_frame_mask():
    rng = np.random.default_rng(0)
    tiles = [rng.integers(60, 200, (int(rng.integers(90, 200)), int(rng.integers(90, 200)), 3), dtype=np.uint8)
             for _ in range(8)]
    pm = learn_part_mask(tiles)
    assert pm.full_frame and pm.mask.all() and "vary in size" in pm.reason
    same_size = [rng.integers(60, 200, (96, 96, 3), dtype=np.uint8) for _ in range(8)]
    pm2 = learn_part_mask(same_size)
    assert pm2.full_frame and "separability" in pm2.reason


def test_hand_made_masks():
    r = mask_from_rectangle((50, 80), 10, 5, 20, 30)
    assert r.mask.sum() == 20 * 30 and r.mask[5, 10] and not r.mask[4, 10]
    p = mask_from_polygon((100, 100), [(10, 10), (90, 10), (90, 90), (10, 90)])
    assert p.mask[50, 50] and not p.mask[5, 5] and p.method == "polygon"
    with pytest.raises(PartMaskError, match="outside"):
        mask_from_rectangle((50, 50), 60, 60, 10, 10)
    with pytest.raises(PartMaskError, match="at least 3"):
        mask_from_polygon((50, 50), [(1, 1), (2, 2)])


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_stays_on_the_part(kind, washers, washer_mask):
    part = washer_mask.at((128, 128))
    allowed = allowed_region(part)
    for seed in range(3):
        d = synthesize(washers[seed], part, kind, seed)
        assert np.array_equal(d.image[~part], washers[seed][~part])  # not one value changes off the part
        assert d.mask.any() and not (d.mask & ~allowed).any()  # the outline margin stays intact
        q = measure(washers[seed], d.image, part, d.mask)
        assert q.leakage == 0.0 and q.leakage_pixels == 0
        assert q.localisation > 0.8 and q.contrast >= 8
        assert q.structural_loss < 0.2


def test_same_seed_same_defect_other_seed_other_defect(washers, washer_mask):
    part = washer_mask.at((128, 128))
    a = synthesize(washers[0], part, "perlin", [5, 1])
    b = synthesize(washers[0], part, "perlin", [5, 1])
    c = synthesize(washers[0], part, "perlin", [5, 2])
    assert np.array_equal(a.image, b.image) and np.array_equal(a.mask, b.mask) and a.params == b.params
    assert not np.array_equal(a.mask, c.mask)
    bases = [(f"w{i}", w) for i, w in enumerate(washers)]
    s1 = generate_defects(bases, washer_mask, 9, seed=4)
    s2 = generate_defects(bases, washer_mask, 5, seed=4)
    assert [d.kind for d in s1[:7]] == list(KINDS)
    assert all(np.array_equal(x.image, y.image) for x, y in zip(s1, s2))  # a prefix of a larger set


def test_measures_on_hand_made_cases():
    orig = np.full((20, 20, 3), 100, np.uint8)
    part = np.zeros((20, 20), bool)
    part[:, :10] = True  # 200 pixels off the part
    syn = orig.copy()
    syn[2:4, 2:4] = 150  # 4 pixels changed on the part
    defect = np.zeros((20, 20), bool)
    defect[2:4, 2:4] = True
    assert leakage(orig, syn, part) == (0.0, 0)
    assert localisation(orig, syn, defect) == 1.0
    syn[15, 15] = 101  # one pixel off the part, one grey level in one channel
    assert leakage(orig, syn, part) == (1 / 200, 1)
    half = orig.copy()
    half[0, 0] = 110
    half[0, 1] = 110
    one = np.zeros((20, 20), bool)
    one[0, 0] = True
    assert localisation(orig, half, one) == 0.5
    assert localisation(orig, orig, one) == 0.0
    # structure: a bar in both images keeps its edges; removing it outside the defect loses them all
    bar = orig.copy()
    bar[8:12, :] = 230
    assert structural_loss(bar, bar, defect) == 0.0
    assert structural_loss(bar, orig, defect) == 1.0
    q = measure(orig, syn, part, defect)
    assert q.defect_area_px == 4 and q.contrast == pytest.approx(50.0)


def test_unknown_kind_and_tiny_part_are_named(washers):
    with pytest.raises(SynthesisError, match="unknown defect kind"):
        synthesize(washers[0], np.ones((128, 128), bool), "rust", 0)
    tiny = np.zeros((128, 128), bool)
    tiny[60:66, 60:66] = True
    with pytest.raises(SynthesisError, match="only"):
        synthesize(washers[0], tiny, "scratch", 0)


def test_written_set_has_images_masks_and_zero_leakage(tmp_path, washers, washer_mask):
    bases = [(f"w{i}", w) for i, w in enumerate(washers)]
    defects = generate_defects(bases, washer_mask, 8, seed=1)
    doc = write_defect_set(tmp_path, defects, dict(bases), washer_mask)
    on_disk = json.loads((tmp_path / "synth.json").read_text())
    assert on_disk["count"] == 8 and len(list(tmp_path.glob("*_mask.png"))) == 8
    assert len([p for p in tmp_path.glob("*.png") if not p.stem.endswith("_mask")]) == 8
    assert on_disk["summary"]["max_leakage"] == 0 and doc["summary"]["per_kind"]["cutpaste"] == 2
    assert all(r["measures"]["leakage"] == 0 for r in on_disk["images"])


def test_gallery_sheet_holds_each_defect_and_its_outlined_crop(tmp_path, washers, washer_mask):
    from PIL import Image

    from engine.synth import gallery_png
    from engine.synth.generate import GALLERY_CAPTION, GALLERY_CELL, GALLERY_TITLE, zoomed

    bases = [(f"w{i}", w) for i, w in enumerate(washers)]
    defects = generate_defects(bases, washer_mask, 3, seed=2)
    gallery_png(defects, tmp_path / "g.png", cols=2, title="washer")
    sheet = np.asarray(Image.open(tmp_path / "g.png").convert("RGB"))
    (cw, ch), gap, caption, top = GALLERY_CELL, 12, GALLERY_CAPTION, GALLERY_TITLE
    assert sheet.shape == (top + 2 * 2 * (ch + caption + gap), 2 * (cw + gap) + gap, 3)  # 2 columns, 2 groups
    for i, d in enumerate(defects):
        g, c = divmod(i, 2)
        x = gap + c * (cw + gap)
        for row, picture in enumerate((d.image, zoomed(d))):
            y = top + (2 * g + row) * (ch + caption + gap) + caption
            cell = sheet[y:y + ch, x:x + cw].astype(int)
            inside = np.any(cell != 255, axis=2)
            ys, xs = np.nonzero(inside)
            assert ys.size, f"defect {i} row {row}: empty cell"
            h, w = np.ptp(ys) + 1, np.ptp(xs) + 1
            assert abs(h / w - picture.shape[0] / picture.shape[1]) < 0.05  # fitted with its aspect
            assert max(h / ch, w / cw) > 0.97  # and as large as the cell allows
    assert (sheet[:top] != 255).any()  # the title
    empty = sheet[top + 2 * (ch + caption + gap):, gap + (cw + gap):]  # the fourth cell: no defect
    assert (empty == 255).all()
