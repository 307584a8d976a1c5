"""Per-category defect classifier: EfficientNet-Lite0 with its last two stages fine-tuned and a
one-logit head, trained on good images against synthetic defects, on the CPU.

It is the model Grad-CAM++ explains (a frozen backbone with a head on top does not localise:
its last stages never learn what a defect looks like). Training is fast because the frozen
trunk (stem and stages 0-4, stride 16) runs once per image; only stages 5-6, the 1x1 head
convolution and the logit are trained, for a few epochs, on those cached activations.

Weights of the trained part are saved with safetensors (no pickle); the frozen trunk is rebuilt
from the backbone's own weights, whose SHA-256 the manifest checks.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import Any, Callable, Sequence

import numpy as np
import torch
from torch import nn

from engine.ort import onnx_session, run_session
from engine.backbones import (DEFAULT_BACKBONE, IMAGENET_MEAN, IMAGENET_STD, BackboneError, _match_keys,
                              _read_state_dict, file_sha256, resolve_weights)

CLASSIFIER_FILE = "classifier.safetensors"
TRUNK_STAGES = 5
"""Default: stages 0..4 stay frozen; stages 5 and 6 (the last two) are fine-tuned."""


@dataclass(frozen=True)
class ClassifierConfig:
    epochs: int = 4
    batch_size: int = 16
    lr_head: float = 1e-3
    lr_stages: float = 3e-4
    weight_decay: float = 1e-4
    seed: int = 0
    trunk_stages: int = TRUNK_STAGES
    """Stages kept frozen (5: the last two stages train, 4: the last three)."""


class DefectClassifier(nn.Module):
    """uint8 RGB -> defect logit. ``trunk`` is frozen; ``top`` and ``fc`` are the trained part.

    Layers for CAMs (by name): ``top.0`` ... ``top.{n-1}`` the trained stages in order (with 5
    frozen: stage 5 and stage 6, stride 32), then ``top.{n}`` the 1x1 head convolution + BN
    (1280 channels, the last convolution).
    """

    def __init__(self, full: nn.Module, trunk_stages: int = TRUNK_STAGES) -> None:
        super().__init__()
        self.trunk_stages = trunk_stages
        self.trunk = nn.Sequential(full.conv_stem, full.bn1, *full.blocks[:trunk_stages])
        self.top = nn.Sequential(*full.blocks[trunk_stages:], nn.Sequential(full.conv_head, full.bn2))
        self.fc = nn.Linear(full.num_features, 1)
        self.register_buffer("mean", torch.tensor(IMAGENET_MEAN).view(1, 3, 1, 1) * 255.0)
        self.register_buffer("std", torch.tensor(IMAGENET_STD).view(1, 3, 1, 1) * 255.0)
        self.trunk.requires_grad_(False)
        self.eval()

    @property
    def cam_layers(self) -> tuple[str, ...]:
        """Names of the layers a CAM can use, shallowest first; the last is the head convolution."""
        return tuple(f"top.{i}" for i in range(len(self.top)))

    def to_tensor(self, images: Sequence[np.ndarray]) -> torch.Tensor:
        """Same-size uint8 RGB images (B of (h, w, 3)) -> normalised (B, 3, h, w)."""
        x = torch.from_numpy(np.stack(images)).permute(0, 3, 1, 2).float()
        return (x - self.mean) / self.std

    def trunk_runner(self, size: tuple[int, int]) -> Callable[[torch.Tensor], torch.Tensor]:
        """The frozen trunk for inputs of ``size`` (h, w): ONNX Runtime when it exports, else eager."""
        session = onnx_session(self.trunk, (1, 3, *size), dynamic_batch=True)
        if session is None:
            return self.trunk
        return lambda x: torch.from_numpy(run_session(session, x))

    def head(self, a: torch.Tensor) -> torch.Tensor:
        """Trunk activations (B, 112, h/16, w/16) -> logits (B,)."""
        f = self.top(a)
        return self.fc(f.mean(dim=(2, 3))).squeeze(1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Normalised images (B, 3, h, w) -> defect logits (B,)."""
        return self.head(self.trunk(x))

    def trained_state(self) -> dict[str, torch.Tensor]:
        """The part that training changes (top + fc), contiguous, for safetensors."""
        return {k: v.detach().contiguous() for k, v in self.state_dict().items()
                if k.startswith(("top.", "fc."))}

    def probability(self, images: Sequence[np.ndarray],
                    trunk: Callable[[torch.Tensor], torch.Tensor] | None = None) -> np.ndarray:
        """Defect probability (B,) of same-size uint8 RGB images (``trunk``: see ``trunk_runner``)."""
        with torch.inference_mode():
            a = (trunk or self.trunk)(self.to_tensor(images))
            return torch.sigmoid(self.head(a)).numpy().astype(np.float64)


def build_classifier(name: str = DEFAULT_BACKBONE, weights: str | os.PathLike[str] | None = None,
                     models_dir: str | os.PathLike[str] | None = None,
                     trunk_stages: int = TRUNK_STAGES) -> tuple[DefectClassifier, str]:
    """A classifier on ImageNet weights (its head untrained) and the weights file's SHA-256."""
    import timm

    if name != DEFAULT_BACKBONE:
        raise BackboneError(f"the defect classifier is built on {DEFAULT_BACKBONE}, not {name}")
    path, _ = resolve_weights(name, weights, models_dir)
    full = timm.create_model(name, pretrained=False)
    full.load_state_dict(_match_keys(_read_state_dict(path), full.state_dict(), path))
    return DefectClassifier(full, trunk_stages), file_sha256(path)


def _freeze_bn(module: nn.Module) -> None:
    """BatchNorm keeps its ImageNet statistics (small CPU batches would only add noise)."""
    for m in module.modules():
        if isinstance(m, nn.modules.batchnorm._BatchNorm):
            m.eval()


def train_classifier(
    clf: DefectClassifier,
    goods: Sequence[np.ndarray],
    defects: Sequence[np.ndarray],
    config: ClassifierConfig = ClassifierConfig(),
    progress: Callable[[int, int], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> dict[str, Any]:
    """Fine-tune ``clf`` in place on same-size uint8 RGB images: goods (label 0), defects (1).

    Returns:
        Facts for the manifest: sample counts, epochs, final training loss, seconds.
    """
    from engine.patchcore.coreset import Cancelled

    t0 = time.perf_counter()
    images = [*goods, *defects]
    labels = torch.tensor([0.0] * len(goods) + [1.0] * len(defects))
    n = len(images)
    if not goods or not defects:
        raise ValueError("the defect classifier needs good and defect images")
    bs = config.batch_size
    steps_total = config.epochs * ((n + bs - 1) // bs) + (n + bs - 1) // bs
    step = 0
    acts = []
    trunk = clf.trunk_runner(images[0].shape[:2])
    with torch.inference_mode():
        for i in range(0, n, bs):
            if should_cancel is not None and should_cancel():
                raise Cancelled()
            acts.append(trunk(clf.to_tensor(images[i:i + bs])))
            step += 1
            if progress:
                progress(step, steps_total)
    # channels_last: about 25 % faster for the depthwise convolutions of the trained stages
    cached = torch.cat(acts).contiguous(memory_format=torch.channels_last)
    del trunk
    clf.to(memory_format=torch.channels_last)
    del acts
    torch.manual_seed(config.seed)
    opt = torch.optim.AdamW([{"params": clf.top.parameters(), "lr": config.lr_stages},
                             {"params": clf.fc.parameters(), "lr": config.lr_head}], weight_decay=config.weight_decay)
    loss_fn = nn.BCEWithLogitsLoss()
    gen = torch.Generator().manual_seed(config.seed)
    losses = []
    for _epoch in range(config.epochs):
        clf.train()
        _freeze_bn(clf)
        order = torch.randperm(n, generator=gen)
        for i in range(0, n, bs):
            if should_cancel is not None and should_cancel():
                clf.eval()
                raise Cancelled()
            idx = order[i:i + bs]
            loss = loss_fn(clf.head(cached[idx]), labels[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            losses.append(float(loss.detach()))
            step += 1
            if progress:
                progress(step, steps_total)
    clf.eval()
    clf.to(memory_format=torch.contiguous_format)
    return {"good_images": len(goods), "defect_images": len(defects), "epochs": config.epochs,
            "trunk_stages_frozen": clf.trunk_stages,
            "final_loss": round(float(np.mean(losses[-max(1, (n + bs - 1) // bs):])), 4),
            "seconds": round(time.perf_counter() - t0, 2)}


def save_classifier(clf: DefectClassifier, path: str | os.PathLike[str]) -> None:
    from safetensors.torch import save_file

    save_file(clf.trained_state(), os.fspath(path), metadata={"format": "pt", "trunk_stages": str(clf.trunk_stages)})


def load_classifier(path: str | os.PathLike[str], weights_sha256: str, name: str = DEFAULT_BACKBONE,
                    weights: str | os.PathLike[str] | None = None,
                    models_dir: str | os.PathLike[str] | None = None) -> DefectClassifier:
    """Rebuild the classifier: ImageNet trunk (checked by SHA-256) + the saved trained part."""
    from safetensors import safe_open
    from safetensors.torch import load_file

    with safe_open(os.fspath(path), framework="pt") as fh:
        trunk_stages = int((fh.metadata() or {}).get("trunk_stages", TRUNK_STAGES))
    clf, sha = build_classifier(name, weights, models_dir, trunk_stages)
    if sha != weights_sha256:
        raise BackboneError(f"defect classifier was trained on {name} weights {weights_sha256[:12]}, "
                            f"but the weights found here are {sha[:12]}")
    state = load_file(os.fspath(path))
    expected = set(clf.trained_state())
    if set(state) != expected:
        missing = sorted(expected - set(state))[:3]
        raise BackboneError(f"{path}: classifier weights do not fit (missing e.g. {missing})")
    clf.load_state_dict(state, strict=False)
    return clf.eval()


def fit_category_classifier(
    goods: Sequence[np.ndarray], held_out: Sequence[np.ndarray], part, seed: int = 0,
    config: ClassifierConfig = ClassifierConfig(), weights: str | os.PathLike[str] | None = None,
    models_dir: str | os.PathLike[str] | None = None, progress: Callable[[int, int], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> tuple[DefectClassifier, str, dict[str, Any]]:
    """Train a category's classifier on ``goods`` (same-size uint8 RGB) against one synthetic
    defect painted on each, and check it on ``held_out`` goods and defects painted on them.

    Returns:
        (classifier, backbone weights SHA-256, facts incl. held-out AUROC and accuracy).
    """
    from engine.metrics import auroc
    from engine.synth import generate_defects

    named = [(f"train{i}", im) for i, im in enumerate(goods)]
    defects = [d.image for d in generate_defects(named, part, len(named), seed=seed + 101, should_cancel=should_cancel)]
    with torch.random.fork_rng(devices=[]):  # the new head's initial weights follow the seed too
        torch.manual_seed(config.seed)
        clf, sha = build_classifier(DEFAULT_BACKBONE, weights, models_dir, config.trunk_stages)
    facts = train_classifier(clf, goods, defects, config, progress, should_cancel)
    if held_out:
        named_h = [(f"held{i}", im) for i, im in enumerate(held_out)]
        bad = [d.image for d in generate_defects(named_h, part, len(named_h), seed=seed + 202)]
        trunk = clf.trunk_runner(held_out[0].shape[:2])
        p_good = np.concatenate([clf.probability(held_out[i:i + 16], trunk) for i in range(0, len(held_out), 16)])
        p_bad = (np.concatenate([clf.probability(bad[i:i + 16], trunk) for i in range(0, len(bad), 16)])
                 if bad else np.empty(0))
        y = np.r_[np.zeros(p_good.size), np.ones(p_bad.size)]
        p = np.r_[p_good, p_bad]
        a = auroc(y, p)
        facts["held_out"] = {"good": int(p_good.size), "synthetic_defects": int(p_bad.size),
                             "auroc": None if a is None else round(a, 4),
                             "accuracy": round(float(((p >= 0.5) == (y == 1)).mean()), 4)}
    return clf, sha, facts
