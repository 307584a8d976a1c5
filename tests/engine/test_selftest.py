"""Self-test at training time, the miss-rate cap, and the defect classifier's saved weights."""

from __future__ import annotations

import json

import numpy as np
import pytest

from engine.judging.inspector import Inspector
from engine.training.selftest import threshold_for_miss_cap, tradeoff
from engine.training import TrainConfig, list_images, train_category


def test_miss_cap_threshold_on_known_scores():
    synth = np.array([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0])
    assert threshold_for_miss_cap(synth, 0.0) == 1.0  # nothing may pass: threshold at the lowest
    t = threshold_for_miss_cap(synth, 0.2)
    assert t == 3.0 and (synth < t).mean() == 0.2
    assert (synth < threshold_for_miss_cap(synth, 0.25)).mean() <= 0.25
    with pytest.raises(ValueError):
        threshold_for_miss_cap([], 0.1)


def test_tradeoff_curve_runs_from_all_rejected_to_all_passed():
    tr = tradeoff([1.0, 2.0, 3.0], [2.5, 4.0])
    assert tr["frr"][0] == 1.0 and tr["miss"][0] == 0.0
    assert tr["frr"][-1] == 0.0 and tr["miss"][-1] == 1.0
    assert np.all(np.diff(tr["frr"]) <= 0) and np.all(np.diff(tr["miss"]) >= 0)
    i = int(np.searchsorted(tr["thresholds"], 3.0))
    assert tr["frr"][i] == pytest.approx(1 / 3) and tr["miss"][i] == 0.5  # 2.5 passes at t = 3


@pytest.fixture(scope="module")
def classified(demo_data, tmp_path_factory):
    """A small category trained with the classifier and a 0 % synthetic miss cap."""
    models = tmp_path_factory.mktemp("models_clf")
    rep = train_category("wc", list_images(demo_data / "train" / "good")[:16], models,
                         TrainConfig(image_size=96, coreset_ratio=0.1, holdout_fraction=0.3, train_classifier=True,
                                     classifier_epochs=2, max_synthetic_miss=0.0))
    return models, rep


def test_training_stores_mask_self_test_and_classifier(classified):
    models, rep = classified
    m = json.loads((models / "wc" / "manifest.json").read_text())
    assert set(m["files"]) >= {"part_mask", "synthetic_scores", "tradeoff_plot", "classifier"}
    st = rep.info.self_test
    assert st["images"] == 2 * len(m["training"]["holdout_images"]) and 0 <= st["detection_rate"] <= 1
    assert st["pixel_auroc"] is not None and set(st["per_kind"]) <= {"cutpaste", "perlin", "scratch", "crack",
                                                                     "contamination", "colour", "missing"}
    assert not rep.info.part_mask["full_frame"]
    # the cap lets no synthetic defect pass: all synthetic scores reach the threshold
    synth = np.load(models / "wc" / m["files"]["synthetic_scores"]["name"])
    assert (synth >= rep.info.threshold).all() and st["detection_rate"] == 1.0
    assert rep.info.threshold <= m["threshold"]["frr_threshold"]
    assert rep.info.classifier["held_out"]["good"] == len(m["training"]["holdout_images"])
    assert Inspector.load(models, "wc").info == rep.info


def test_classifier_weights_reload_to_identical_outputs(classified, demo_data):
    from engine.backbones import BackboneError
    from engine.classifier import load_classifier
    from engine.imaging import load_image
    from engine.patchcore import PatchEmbedder

    models, rep = classified
    m = json.loads((models / "wc" / "manifest.json").read_text())
    path = models / "wc" / m["files"]["classifier"]["name"]
    sha = rep.info.classifier["weights_sha256"]
    imgs = [PatchEmbedder.preprocess(load_image(p), tuple(rep.info.input_size))
            for p in list_images(demo_data / "test")[:4]]
    a = load_classifier(path, sha).probability(imgs)
    b = load_classifier(path, sha).probability(imgs)
    assert np.array_equal(a, b) and ((a >= 0) & (a <= 1)).all()
    with pytest.raises(BackboneError, match="trained on"):
        load_classifier(path, "0" * 64)


def test_classifier_training_repeats_for_the_same_seed(demo_data):
    """Two fits with the same seed give the same weights (the new head's initial weights included)."""
    from engine.classifier import ClassifierConfig, fit_category_classifier
    from engine.imaging import load_image, resize_to
    from engine.synth import learn_part_mask

    images = [load_image(p) for p in list_images(demo_data / "train" / "good")[:6]]
    goods = [resize_to(im, (64, 64)) for im in images]
    part = learn_part_mask(goods, [g.shape[:2] for g in goods])

    def fit():
        clf, _, facts = fit_category_classifier(goods[:4], goods[4:], part, seed=3,
                                                config=ClassifierConfig(epochs=1, seed=3))
        return clf.trained_state(), facts["final_loss"]

    (a, loss_a), (b, loss_b) = fit(), fit()
    assert loss_a == loss_b and a.keys() == b.keys()
    assert all(np.array_equal(a[k].numpy(), b[k].numpy()) for k in a)
