"""Shared steps of the tests of the map's drawing steps (the guide, the fill): a trained model's
scratch image judged with what its map is drawn from, and a small model trained with a step's
setting and rebuilt."""

from __future__ import annotations

from pathlib import Path
import numpy as np

from engine.imaging import load_image, resize_to
from engine.judging.inspector import Inspector
from engine.model_store.updates import rebuild_category
from engine.model_store.store import read_manifest
from engine.training import TrainConfig, list_images, train_category
from engine.types import InspectionResult


def judged_scratch(models: Path, demo_data: Path, field: str, value: float
                   ) -> tuple[Inspector, InspectionResult, tuple[int, int], int, np.ndarray]:
    """The washer model, which records the step's ``field`` at ``value`` (in its manifest, its
    config, and what the model-facts dialog reads), judges the first scratch image, and its map
    is what ``PatchCore.anomaly_map`` draws -> (inspector, result, the image's (H, W), the
    score's cell, the image at input size)."""
    assert read_manifest(models / "washer")["patchcore"][field] == value
    insp = Inspector.load(models, "washer")
    assert getattr(insp.model.config, field) == value and insp.info.adaptations[field] == value
    path = list_images(demo_data / "test" / "scratch")[0]
    image = load_image(path)
    res = insp.inspect_path(path)
    cell = int(insp.model.scored(insp.model.embed([image])).score_cells[0])
    small = resize_to(image, insp.model.config.input_size)
    assert np.allclose(res.anomaly_map, insp.model.anomaly_map(res.patch_scores, image.shape[:2], cell, small), atol=1e-5)
    return insp, res, image.shape[:2], cell, small


def check_off_and_kept_by_rebuild(demo_data: Path, folder: Path, field: str) -> None:
    """A small model 'plain' trained with the step's ``field`` (a TrainConfig and PatchCoreConfig
    field, recorded under the manifest's ``patchcore``) at 0 records 0, and a rebuild keeps it."""
    goods = list_images(demo_data / "train" / "good")[:8]
    cfg = TrainConfig(image_size=64, coreset_ratio=0.2, holdout_fraction=0.3, selftest_per_image=0, **{field: 0})
    train_category("plain", goods, folder, cfg)
    assert read_manifest(folder / "plain")["patchcore"][field] == 0
    rebuild_category(folder, "plain", [], note="check")
    m = read_manifest(folder / "plain")
    assert m["version"]["kind"] == "rebuild" and m["patchcore"][field] == 0
    assert getattr(Inspector.load(folder, "plain").model.config, field) == 0
