"""Explanations: regions, CAM machinery and methods, the score CAM on a planted defect, the SHAP
surrogate's additivity, retrieval of an exact duplicate."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from torch import nn

from engine.demo import make_part
from engine.explain.cam import GradCAM, GradCAMPlusPlus, HiResCAM, LayerCAM
from engine.explain.regions import find_regions
from engine.explain.retrieval import RetrievalIndex, global_embedding


def test_regions_count_area_and_boxes():
    amap = np.zeros((100, 200), np.float32)
    amap[10:20, 30:50] = 2.0  # 200 px
    amap[60:65, 100:105] = 3.0  # 25 px
    amap[90, 190] = 5.0  # 1 px speck: left out
    part = np.zeros((100, 200), bool)
    part[:, :100] = True  # 10,000 px
    rep = find_regions(amap, 1.0, part)
    assert rep.count == 2 and rep.total_area_px == 225
    big, small = rep.regions
    assert big.area_px == 200 and big.box == (30, 10, 20, 10) and big.area_of_part == pytest.approx(0.02)
    assert small.peak_score == 3.0 and small.box == (100, 60, 5, 5)
    assert rep.area_of_part == pytest.approx(0.0225) and len(big.outline) >= 4
    assert find_regions(amap, 10.0).count == 0


class _Net(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.conv = nn.Conv2d(1, 4, 3, padding=1)
        self.act = nn.ReLU()
        self.body = nn.Conv2d(4, 4, 1)
        with torch.no_grad():
            self.conv.bias.fill_(0.5)  # every channel active on a positive input
            self.body.weight.abs_()  # so the target's gradient is positive at its cell

    def forward(self, x):
        return self.body(self.act(self.conv(x)))


@pytest.mark.parametrize("cls", [GradCAM, GradCAMPlusPlus, LayerCAM, HiResCAM])
def test_cam_peaks_where_the_target_looks(cls):
    torch.manual_seed(0)
    net = _Net()
    x = torch.rand(1, 1, 16, 16) + 0.5
    with cls(net, ["act"]) as cam:
        # target: one output cell; element-wise methods must put their peak right there
        res = cam(x, lambda out: out[0, :, 5, 11].sum())
    assert res.cam.shape == (16, 16) and 0.0 <= res.cam.min() and res.cam.max() <= 1.0
    if cls in (LayerCAM, HiResCAM):
        assert np.unravel_index(res.cam.argmax(), res.cam.shape) == (5, 11)
    assert not net.act._forward_hooks


def test_gradcam_plus_plus_weights_follow_eq_19():
    acts = np.random.default_rng(0).random((3, 4, 4))
    grads = np.random.default_rng(1).normal(size=(3, 4, 4))
    w = GradCAMPlusPlus.weights(None, acts, grads)
    g2, g3 = grads**2, grads**3
    alpha = g2 / (2 * g2 + acts.sum(axis=(1, 2), keepdims=True) * g3)
    assert np.allclose(w, (alpha * np.maximum(grads, 0)).sum(axis=(1, 2)))
    assert np.allclose(GradCAM.weights(None, acts, grads), grads.mean(axis=(1, 2)))


def test_hooks_are_released_after_an_exception():
    net = _Net()
    cam = GradCAMPlusPlus(net, ["body", "conv"])
    assert net.body._forward_hooks and net.conv._forward_hooks
    with pytest.raises(ZeroDivisionError):
        with cam:
            cam(torch.rand(1, 1, 8, 8), lambda out: out.sum() / 0 if False else 1 / 0)
    assert not net.body._forward_hooks and not net.conv._forward_hooks
    with pytest.raises(RuntimeError, match="released"):
        cam(torch.rand(1, 1, 8, 8), lambda out: out.sum())


def test_score_cam_points_at_a_planted_defect(trained_models):
    from engine.explain.attribution import ScoreCam
    from engine.judging.inspector import Inspector
    from engine.patchcore import PatchEmbedder

    insp = Inspector.load(trained_models, "washer").eager()  # gradients: the PyTorch graph
    img, mask = make_part(np.random.default_rng(123), 128, "stain")
    small = PatchEmbedder.preprocess(img, insp.model.config.input_size)
    res = ScoreCam(insp.model).explain(small)
    y, x = np.unravel_index(res.cam.argmax(), res.cam.shape)
    ys, xs = np.nonzero(mask)
    assert np.hypot(y - ys.mean(), x - xs.mean()) < 16
    assert res.target_value == pytest.approx(insp.inspect_array(img).score, rel=1e-3)
    assert not insp.model.embedder.net.blocks[2]._forward_hooks  # released
    # a model that leaves the border ring out of its score: the CAM explains that score
    from dataclasses import replace

    from engine.patchcore import PatchCore

    corner = make_part(np.random.default_rng(7), 128, None)[0]
    corner[:6, :6] = (255, 0, 255)  # a sound part with a defect on the border ring only
    corner_small = PatchEmbedder.preprocess(corner, insp.model.config.input_size)
    with_ring = ScoreCam(insp.model).explain(corner_small).target_value
    insp.model = PatchCore(insp.model.embedder, insp.model.index, replace(insp.model.config, score_margin=1))
    ringless = ScoreCam(insp.model).explain(corner_small).target_value
    assert ringless == pytest.approx(insp.inspect_array(corner).score, rel=1e-3) and ringless < 0.9 * with_ring


def test_retrieval_finds_the_exact_duplicate_first(tmp_path):
    rng = np.random.default_rng(0)
    vecs = np.stack([global_embedding(rng.random((6, 6, 8)).astype(np.float32)) for _ in range(50)])
    index = RetrievalIndex(vecs.shape[1])
    index.add(np.arange(100, 150), vecs)
    hits = index.search(vecs[17], k=5)
    assert hits[0].id == 117 and hits[0].similarity == pytest.approx(1.0, abs=2e-3)  # float16 in the index
    exact = RetrievalIndex.rescore(vecs[17], hits, {100 + i: v for i, v in enumerate(vecs)})
    assert exact[0].id == 117 and exact[0].similarity == pytest.approx(1.0, abs=1e-6)
    assert [h.similarity for h in hits] == sorted((h.similarity for h in hits), reverse=True)
    assert all(h.id != 117 for h in index.search(vecs[17], k=5, exclude=117))
    index.save(tmp_path / "r.faiss")
    again = RetrievalIndex.load(tmp_path / "r.faiss", vecs.shape[1])
    assert again.size == 50 and again.search(vecs[3], 1)[0].id == 103
    (tmp_path / "bad.faiss").write_bytes(b"not faiss")
    with pytest.raises(ValueError, match="not a readable"):
        RetrievalIndex.load(tmp_path / "bad.faiss", vecs.shape[1])


def test_shap_values_add_up_to_the_surrogate(trained_models):
    from engine.explain.measures import MEASURES
    from engine.explain.surrogate import Surrogate
    from engine.model_store.store import load_model

    stored = load_model(trained_models / "washer")
    assert "surrogate_pairs" in stored.files
    assert "cv_r2" not in stored.manifest["surrogate"]  # training saves the pairs; loading fits and validates
    a = Surrogate.load(stored.files["surrogate_pairs"])
    b = Surrogate.load(stored.files["surrogate_pairs"], cv_r2=0.5)  # an older manifest's figure is used as it is
    row = dict(zip(MEASURES, a.x[-1]))
    ea, eb = a.explain(row, score=float(a.y[-1])), b.explain(row)
    assert ea.base_value + ea.values.sum() == pytest.approx(ea.prediction, abs=1e-6)
    assert np.array_equal(ea.values, eb.values)  # refitted deterministically on load
    assert -1.0 < a.cv_r2 <= 1.0 and a.cv_r2 == Surrogate.load(stored.files["surrogate_pairs"]).cv_r2
    assert b.cv_r2 == 0.5 and len(a.y) == stored.manifest["surrogate"]["pairs"]
