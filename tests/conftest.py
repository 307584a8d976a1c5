"""Shared fixtures: a small demo category trained once per session (generated images only)."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def demo_data(tmp_path_factory):
    from engine.demo import write_demo_dataset

    return write_demo_dataset(tmp_path_factory.mktemp("demo_data"), n_train=30, n_test_good=4, n_test_defect=2, size=128)


@pytest.fixture(scope="session")
def trained_models(tmp_path_factory, demo_data):
    """A models folder holding category 'washer' trained on the generated good images."""
    from engine.training import TrainConfig, list_images, train_category

    models = tmp_path_factory.mktemp("models")
    train_category("washer", list_images(demo_data / "train" / "good"), models,
                   TrainConfig(image_size=128, coreset_ratio=0.1, holdout_fraction=0.3))
    return models
