"""Training a category from good images: the stages in order (``stages``), their settings
(``config``), the feature pass (``features``), the calibration with k-fold scores and the
self-test (``calibration``, ``kfold``, ``selftest``), the map's second view (``view``), what is
adapted to the parts (``adaptations``) and the settings chosen by the self-test (``tuning``)."""

from engine.training.stages import (CLASSIFIER_MAX_GOODS, Progress, TrainConfig, TrainingCancelled, TrainingError,
                                    TrainReport, choose_input_size, list_images, release_freed_memory, train_category)

__all__ = ["CLASSIFIER_MAX_GOODS", "Progress", "TrainConfig", "TrainReport", "TrainingCancelled", "TrainingError",
           "choose_input_size", "list_images", "release_freed_memory", "train_category"]
