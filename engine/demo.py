"""An embedded demo category built from generated images: a machined washer on a dark tray.

Good parts vary in position, rotation, lighting and surface grain; defective ones carry a
scratch, a stain or a chipped edge. Used by ``station gui --demo``, ``station demo`` and tests.
"""

from __future__ import annotations

import os
from pathlib import Path

import cv2
import numpy as np

DEFECT_KINDS = ("scratch", "stain", "chip")
DEMO_CATEGORY = "demo-washer"
DEMO_TRAIN_OPTIONS = {"image_size": 256, "coreset_ratio": 0.05}
"""TrainConfig fields for the demo: its generated images are 256 px."""


def make_part(rng: np.random.Generator, size: int = 256, defect: str | None = None) -> tuple[np.ndarray, np.ndarray]:
    """One generated part: (uint8 RGB image (size, size, 3), bool defect mask (size, size))."""
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32)
    cx = size / 2 + rng.uniform(-4, 4)
    cy = size / 2 + rng.uniform(-4, 4)
    r = np.hypot(xx - cx, yy - cy)
    angle = np.arctan2(yy - cy, xx - cx) + rng.uniform(0, 2 * np.pi)
    outer, inner = size * 0.40, size * 0.16
    ring = (r < outer) & (r > inner)
    light = 0.92 + rng.uniform(-0.04, 0.04)
    grain = cv2.GaussianBlur(rng.normal(0, 1, (size, size)).astype(np.float32), (0, 0), 1.2)
    metal = 150 + 40 * np.cos(angle) * (r / outer) + 6 * np.sin(r * 0.9) + 5 * grain
    tray = 38 + 4 * rng.normal(0, 1, (size, size)).astype(np.float32)
    g = np.where(ring, metal * light, tray)
    edge = np.abs(r - outer) < 1.5
    g = np.where(edge, g * 0.7, g)
    mask = np.zeros((size, size), bool)
    if defect == "scratch":
        t = rng.uniform(0, 2 * np.pi)
        rr = rng.uniform(inner + 8, outer - 14)
        p0 = np.array([cx + rr * np.cos(t), cy + rr * np.sin(t)])
        d = rng.uniform(18, 30) * np.array([np.cos(t + 1.3), np.sin(t + 1.3)])
        line = np.zeros((size, size), np.uint8)
        cv2.line(line, tuple(int(v) for v in p0 - d), tuple(int(v) for v in p0 + d), 1, 2)
        mask = (line > 0) & ring
        g = np.where(mask, g * 0.45, g)
    elif defect == "stain":
        t = rng.uniform(0, 2 * np.pi)
        rr = rng.uniform(inner + 10, outer - 10)
        sx, sy = cx + rr * np.cos(t), cy + rr * np.sin(t)
        blob = np.exp(-(((xx - sx) ** 2 + (yy - sy) ** 2) / (2 * rng.uniform(4, 7) ** 2)))
        mask = (blob > 0.3) & ring
        g = np.where(ring, g * (1 - 0.55 * blob), g)
    elif defect == "chip":
        t = rng.uniform(0, 2 * np.pi)
        bx, by = cx + outer * np.cos(t), cy + outer * np.sin(t)
        bite = np.hypot(xx - bx, yy - by) < rng.uniform(9, 14)
        mask = bite & ring
        g = np.where(mask, tray, g)
    img = np.clip(g, 0, 255).astype(np.uint8)
    tint = np.array([1.0, 0.98, 0.93], np.float32)
    rgb = np.clip(img[:, :, None] * tint, 0, 255).astype(np.uint8)
    return rgb, mask


def write_demo_dataset(root: str | os.PathLike[str], n_train: int = 40, n_test_good: int = 6,
                       n_test_defect: int = 3, size: int = 256, seed: int = 7) -> Path:
    """Write an MVTec-layout demo set under ``root`` and return it."""
    root = Path(root)
    rng = np.random.default_rng(seed)

    def save(path: Path, rgb: np.ndarray) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        cv2.imwrite(str(path), cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR))

    for i in range(n_train):
        save(root / "train" / "good" / f"{i:03d}.png", make_part(rng, size)[0])
    for i in range(n_test_good):
        save(root / "test" / "good" / f"{i:03d}.png", make_part(rng, size)[0])
    for kind in DEFECT_KINDS:
        for i in range(n_test_defect):
            rgb, mask = make_part(rng, size, kind)
            save(root / "test" / kind / f"{i:03d}.png", rgb)
            mpath = root / "ground_truth" / kind / f"{i:03d}_mask.png"
            mpath.parent.mkdir(parents=True, exist_ok=True)
            cv2.imwrite(str(mpath), mask.astype(np.uint8) * 255)
    return root


def ensure_demo_images(data_root: str | os.PathLike[str]) -> Path:
    """Write the demo image set under ``data_root`` unless it is there already."""
    data = Path(data_root)
    if not (data / "train" / "good").is_dir() or not (data / "test").is_dir():
        write_demo_dataset(data)
    return data


def ensure_demo_model(models_dir: str | os.PathLike[str], data_root: str | os.PathLike[str],
                      category: str = DEMO_CATEGORY, progress=None) -> Path:
    """Build the demo images and model once; later calls reuse them. Returns the data folder."""
    from engine.model_store.store import ModelError, read_manifest
    from engine.training import TrainConfig, list_images, train_category

    data = ensure_demo_images(data_root)
    try:
        read_manifest(Path(models_dir) / category)
    except ModelError:
        train_category(category, list_images(data / "train" / "good"), models_dir,
                       TrainConfig(**DEMO_TRAIN_OPTIONS), progress=progress)
    return data
