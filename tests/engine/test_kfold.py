"""k-fold calibration: every training image scored by a bank that never saw it."""

from __future__ import annotations

import numpy as np
import pytest

from engine.training.kfold import MIN_IMAGES_PER_FOLD, KeptEmbeddings, fold_banks, fold_scores
from engine.model_store.store import read_manifest
from engine.training import TrainConfig, list_images, train_category


def test_fold_banks_never_hold_their_own_folds_patches():
    rng = np.random.default_rng(0)
    owner = np.repeat(np.arange(12), 50)
    x = rng.normal(size=(owner.size, 16)).astype(np.float32)
    x[:, 0] = owner  # the owning image is readable from the patch itself
    banks = fold_banks(x, owner, 3, 40, 0, 0)
    for f, bank in enumerate(banks):
        assert bank.shape == (40, 16)
        assert not np.isin(bank[:, 0].astype(int) % 3, [f]).any()
    assert fold_banks(x, np.zeros_like(owner), 2, 40, 0, 0)[0] is None  # fold 0 has every image: no others


def test_kfold_training_scores_every_training_image(demo_data, tmp_path):
    goods = list_images(demo_data / "train" / "good")
    rep = train_category("k", goods, tmp_path, TrainConfig(image_size=96, coreset_ratio=0.1, selftest_per_image=0))
    m = read_manifest(tmp_path / "k")
    thr = m["threshold"]
    assert thr["calibration"] == "kfold" and thr["folds"] == 2 and rep.info.train_images >= 2 * MIN_IMAGES_PER_FOLD
    assert thr["fold_scores"] == rep.info.train_images == rep.info.fold_scored
    assert rep.info.calibration_images == thr["fold_scores"] + len(m["training"]["holdout_images"])
    held = train_category("h", goods, tmp_path, TrainConfig(image_size=96, coreset_ratio=0.1, selftest_per_image=0,
                                                            calibration="holdout"))
    assert held.info.fold_scored == 0 and held.info.calibration_images == len(m["training"]["holdout_images"])
    # the same bank, a threshold resting on more scores
    assert held.info.memory_bank_size == rep.info.memory_bank_size


def test_too_few_images_for_folds_fall_back_to_held_out(demo_data, tmp_path):
    rep = train_category("few", list_images(demo_data / "train" / "good")[:12], tmp_path,
                         TrainConfig(image_size=96, coreset_ratio=0.1, selftest_per_image=0))
    thr = read_manifest(tmp_path / "few")["threshold"]
    assert thr["calibration"] == "holdout" and thr["calibration_asked"] == "kfold" and rep.info.fold_scored == 0


def test_kept_embeddings_score_as_embedding_again(trained_models, demo_data, monkeypatch):
    from engine.imaging import load_image
    from engine.judging.inspector import Inspector

    insp = Inspector.load(trained_models, "washer")
    paths = [str(p) for p in list_images(demo_data / "train" / "good")[:7]]
    embs = [insp.model.embed([load_image(p)])[0] for p in paths]
    bank = insp.model.index.vectors(np.arange(insp.model.index.size))
    banks = [bank, bank]
    one = embs[0].size * 2  # bytes of one float16 embedding
    import engine.training.kfold

    # the spill's mechanics, whatever this machine's free space (the floor is tested below)
    monkeypatch.setattr(engine.training.kfold, "SPILL_FLOOR_BYTES", 0)
    kept = KeptEmbeddings(memory_bytes=2 * one, spill_bytes=3 * one)  # 2 in memory, 3 in the file, 2 again
    for j, e in enumerate(embs):
        kept.add(j, e)
    assert len(kept) == 5 and 4 in kept and 5 not in kept
    assert all(np.array_equal(e, embs[j].astype(np.float16)) for j, e in kept.items()), "the file gives back what went in"
    args = (paths, banks, insp.model.embedder, insp.model.config, [], lambda d, n: None, lambda: False)
    again = np.sort(fold_scores(*args))
    from_kept = np.sort(fold_scores(*args, kept=kept))
    assert again.shape == from_kept.shape == (7,)
    assert from_kept == pytest.approx(again, rel=2e-3)
    kept.close()
    assert len(kept) == 0

    import tempfile

    def full_disk(*a, **k):
        raise OSError(28, "No space left on device")

    import shutil

    free = shutil.disk_usage(tempfile.gettempdir()).free
    monkeypatch.setattr(engine.training.kfold, "SPILL_FLOOR_BYTES", free - int(1.5 * one))  # room for one more
    tight = KeptEmbeddings(memory_bytes=one, spill_bytes=10 * one)
    for j, e in enumerate(embs):
        tight.add(j, e)
    assert len(tight) <= 2, "the file never takes the free space below the floor"
    tight.close()
    monkeypatch.setattr(tempfile, "TemporaryFile", full_disk)
    refused = KeptEmbeddings(memory_bytes=one, spill_bytes=10 * one)
    for j, e in enumerate(embs):
        refused.add(j, e)
    assert len(refused) == 1, "a refusing disk: the rest are embedded again"
    assert np.sort(fold_scores(*args, kept=refused)) == pytest.approx(again, rel=2e-3)
