"""PatchCore maths: coreset, scores, re-weighting, calibration and metrics on known inputs."""

from __future__ import annotations

import time

import numpy as np
import pytest

from engine.judging.calibration import f1_optimal_threshold, make_decision, threshold_for_frr
from engine.metrics import aupro, confusion, pixel_auroc
from engine.patchcore import greedy_coreset
from engine.patchcore import coreset
from engine.patchcore.coreset import Cancelled
from engine.types import Verdict


def test_coreset_covers_every_cluster():
    rng = np.random.default_rng(0)
    centres = rng.normal(0, 50, (8, 32))
    pts = np.concatenate([c + rng.normal(0, 0.5, (500, 32)) for c in centres]).astype(np.float32)
    idx = greedy_coreset(pts, 8, projection_dim=16)
    assert len(set(idx.tolist())) == 8
    assert sorted({int(i) // 500 for i in idx}) == list(range(8))


def _textbook_greedy(x: np.ndarray, first: int, n_select: int) -> list[int]:
    """PatchCore's Alg. 1 as written: one exact distance pass per chosen centre."""
    chosen, min_d = [first], ((x - x[first]) ** 2).sum(axis=1)
    while len(chosen) < n_select:
        chosen.append(int(np.argmax(min_d)))
        min_d = np.minimum(min_d, ((x - x[chosen[-1]]) ** 2).sum(axis=1))
    return chosen


@pytest.mark.parametrize("pool_size, block", [(16, 1 << 22), (256, 1 << 22), (4096, 1 << 22), (256, 100)])
def test_lazy_coreset_makes_the_textbook_choices(pool_size, block, monkeypatch):
    """Stale bounds brought up to date in pools (and, with a small block, a few rows at a time)
    choose exactly what one full pass per centre chooses."""
    monkeypatch.setattr(coreset, "_BLOCK", block)
    rng = np.random.default_rng(3)
    x = np.concatenate([rng.normal(c, 1.0, (600, 24)) for c in rng.normal(0, 4, (5, 24))]).astype(np.float32)
    got = greedy_coreset(x, 150, projection_dim=0, seed=7, pool_size=pool_size)
    want = _textbook_greedy(x.astype(np.float64), int(got[0]), 150)
    assert got.tolist() == want


def test_coreset_never_repeats_a_point_among_duplicates():
    x = np.zeros((2000, 8), dtype=np.float32)
    x[:5] = np.eye(5, 8, dtype=np.float32) * 10  # five distinct points, the rest identical
    idx = greedy_coreset(x, 40, projection_dim=0, pool_size=32)
    assert len(set(idx.tolist())) == 40
    assert set(range(5)) <= set(idx.tolist())


def test_coreset_200k_takes_seconds_and_cancels():
    x = np.random.default_rng(1).normal(size=(200_000, 152)).astype(np.float32)
    t = time.perf_counter()
    greedy_coreset(x, 200)
    assert time.perf_counter() - t < 20  # generous: about 1 s here; a cdist loop takes minutes
    with pytest.raises(Cancelled):
        greedy_coreset(x, 500, should_cancel=lambda: True)


def test_threshold_for_frr_quantile_and_gaussian():
    goods = np.arange(1000, dtype=float)
    t = threshold_for_frr(goods, 0.01)
    assert t.method == "frr-quantile" and 985 < t.value < 992
    few = np.array([1.0, 1.1, 0.9, 1.05, 0.95])
    g = threshold_for_frr(few, 0.01)
    assert g.method == "frr-gaussian" and g.value > few.max()


def test_f1_threshold_separates():
    thr, f1 = f1_optimal_threshold(np.array([1.0, 2.0, 3.0]), np.array([5.0, 6.0]))
    assert f1 == 1.0 and 3.0 < thr < 5.0


def test_decision_normalises_and_bands():
    d = make_decision(10.0, np.array([6.0, 6.0, 6.0]), review_margin=0.05)
    assert d.normalise(10.0) == pytest.approx(0.5)
    assert d.normalise(6.0) == pytest.approx(0.0)
    assert d.verdict(6.0) is Verdict.PASS
    assert d.verdict(10.0) is Verdict.REVIEW
    assert d.verdict(14.0) is Verdict.FAIL
    assert d.verdict(9.0) is Verdict.PASS  # 0.375 < 0.45


def test_metrics_on_known_maps():
    mask = np.zeros((10, 10), bool)
    mask[2:4, 2:4] = True
    perfect = mask.astype(float)
    assert pixel_auroc([mask], [perfect]) == 1.0
    assert aupro([mask], [perfect]) == pytest.approx(1.0, abs=0.02)
    assert aupro([mask], [1.0 - perfect]) < 0.05
    # the low-memory pixel AUROC equals sklearn's, ties included
    from sklearn.metrics import roc_auc_score

    rng = np.random.default_rng(0)
    masks = [rng.random((30, 40)) < 0.1 for _ in range(4)]
    maps = [np.round(rng.random((30, 40)) * 20) / 20 + 0.3 * m for m in masks]
    y = np.concatenate([m.ravel() for m in masks])
    s = np.concatenate([a.ravel() for a in maps]).astype(np.float32)
    assert pixel_auroc(masks, maps) == pytest.approx(roc_auc_score(y, s), abs=1e-12)
    # and so does the image AUROC counted from ranks (float64 scores, many ties, bool or 0/1 labels)
    from engine.metrics import auroc, peak_distance

    labels = rng.random(500) < 0.3
    scores = np.round(rng.normal(size=500) + labels, 1)
    assert auroc(labels, scores) == pytest.approx(roc_auc_score(labels, scores), abs=1e-12)
    assert auroc(labels.astype(int), -scores) == pytest.approx(roc_auc_score(labels, -scores), abs=1e-12)
    assert auroc(np.ones(5), np.arange(5.0)) is None and auroc(np.zeros(5), np.arange(5.0)) is None

    amap = np.zeros((10, 10))
    amap[3, 3] = 1.0
    assert peak_distance(mask, amap) == 0.0
    amap[3, 3], amap[3, 8] = 0.0, 1.0  # peak 5 columns right of the mask's column 3
    assert peak_distance(mask, amap) == pytest.approx(5.0)
    assert peak_distance(np.zeros_like(mask), amap) == float("inf")
    c = confusion(np.array([0, 0, 1, 1]), np.array([0.1, 0.9, 0.8, 0.2]), 0.5)
    assert (c["tp"], c["fp"], c["fn"], c["tn"]) == (1, 1, 1, 1)


def test_float32_search_counts_as_the_float64_search():
    # AUPRO searches float64 thresholds in float32 pixels without a float64 copy of the pixels
    from engine.metrics import _float32_above

    rng = np.random.default_rng(0)
    x = np.sort(rng.normal(size=20_000).astype(np.float32))
    t = np.concatenate([rng.normal(size=2_000), x[:500], np.nextafter(x[:500].astype(np.float64), 1.0),
                        np.nextafter(x[:500].astype(np.float64), -1.0), [np.inf, -np.inf]])
    assert (np.searchsorted(x, _float32_above(t), side="left") == np.searchsorted(x, t, side="left")).all()


def test_the_border_effect_is_measured_on_goods_and_answered_only_when_real():
    from engine.patchcore.border import choose_score_margin, ring_share

    rng = np.random.default_rng(0)
    fair = [rng.random((12, 10)) for _ in range(40)]  # maxima anywhere: about the ring's share
    margin, facts = choose_score_margin(fair)
    assert margin == 0 and facts["ring_share_of_patches"] == pytest.approx(ring_share(12, 10), abs=1e-4)
    biased = []
    for p in fair:
        q = p.copy()
        q[0, :] += 1.0  # the top row scores high on every good image: a border artefact
        biased.append(q)
    margin, facts = choose_score_margin(biased)
    assert margin == 1 and facts["ring_share_of_maxima"] == 1.0


def test_the_score_margin_leaves_the_ring_out_of_the_image_score_not_the_map():
    from engine.patchcore.knn import NearestNeighbourIndex
    from engine.patchcore.model import PatchCore, PatchCoreConfig

    class Flat:
        dim = 2

    index = NearestNeighbourIndex.fit(np.zeros((1, 2), np.float32))
    emb = np.zeros((1, 6, 6, 2), np.float32)
    emb[0, 0, 0] = (9.0, 0.0)  # a corner patch far from the bank
    emb[0, 3, 3] = (2.0, 0.0)  # an inner one, nearer
    plain = PatchCore(Flat(), index, PatchCoreConfig(input_size=(48, 48)))
    ringless = PatchCore(Flat(), index, PatchCoreConfig(input_size=(48, 48), score_margin=1))
    (p1, s1), (p2, s2) = plain.score_embeddings(emb), ringless.score_embeddings(emb)
    assert s1[0] == pytest.approx(9.0) and s2[0] == pytest.approx(2.0)
    assert np.array_equal(p1, p2), "the map keeps the ring"


def test_clip_ring_caps_a_hot_rim_but_keeps_a_defect_that_reaches_the_edge():
    from engine.patchcore.border import clip_ring, map_ring_for

    ps = np.ones((10, 12), np.float32)
    ps[0, 5] = 9.0  # a hot cell on the rim alone: a border artefact
    ps[4:7, 0:4] = 5.0  # a defect that runs from inside out to the left edge
    out = clip_ring(ps, 2)
    assert out[0, 5] == 1.0, "the rim is capped at the cell inside it"
    assert (out[4:7, 0:4] == 5.0).all(), "the defect keeps its strength up to the edge"
    assert np.array_equal(out[2:-2, 2:-2], ps[2:-2, 2:-2]), "inner cells untouched"
    assert (out <= ps).all() and ps[0, 5] == 9.0, "only lowers, and on a copy"
    assert np.array_equal(clip_ring(ps[:4, :4], 2), ps[:4, :4]), "too small a grid: unchanged"
    assert map_ring_for(0) == 0 and map_ring_for(1) == 2


def test_the_map_ring_clip_moves_the_peak_off_a_hot_rim_and_old_models_keep_their_maps():
    from engine.patchcore.knn import NearestNeighbourIndex
    from engine.patchcore.model import PatchCore, PatchCoreConfig

    class Flat:
        dim = 2

    index = NearestNeighbourIndex.fit(np.zeros((1, 2), np.float32))
    ps = np.zeros((8, 8), np.float32)
    ps[0, 0], ps[4, 4] = 9.0, 3.0  # hot corner, real defect inside
    old = PatchCore(Flat(), index, PatchCoreConfig(input_size=(64, 64), score_margin=1, blur_sigma=0))
    new = PatchCore(Flat(), index, PatchCoreConfig(input_size=(64, 64), score_margin=1, map_ring_clip=2, blur_sigma=0))
    peak = lambda m: np.unravel_index(int(np.argmax(m)), m.shape)  # noqa: E731
    assert peak(old.anomaly_map(ps, (64, 64))) == (0, 0)
    y, x = peak(new.anomaly_map(ps, (64, 64)))
    assert abs(y - 32) <= 8 and abs(x - 32) <= 8, "the peak is the inner defect"
    ps[1, 6] = 5.0  # on the second ring, the cell the image score comes from: drawn as it scored
    y, x = peak(new.anomaly_map(ps, (64, 64)))
    assert abs(y - 8) <= 4 and abs(x - 48) <= 4, "the score's own cell is never capped"


def test_the_map_draws_the_mean_over_k_neighbours_while_the_score_stays_the_nearest():
    from engine.patchcore.knn import NearestNeighbourIndex
    from engine.patchcore.model import PatchCore, PatchCoreConfig

    class Flat:
        dim = 2

    bank = np.array([[0.0, 0.0], [4.0, 0.0], [0.0, 6.0]], np.float32)
    index = NearestNeighbourIndex.fit(bank)
    emb = np.zeros((1, 6, 6, 2), np.float32)
    emb[0, 2, 3] = (2.0, 0.0)  # halfway between two bank patches: 2 from each, 6.3 from the third
    emb[0, 4, 1] = (0.0, -2.5)  # nearer to one bank patch (2.5), far from the others
    k1 = PatchCore(Flat(), index, PatchCoreConfig(input_size=(48, 48)))
    k2 = PatchCore(Flat(), index, PatchCoreConfig(input_size=(48, 48), map_neighbours=2))
    a, b = k1.scored(emb), k2.scored(emb)
    assert a.scores[0] == pytest.approx(2.5) and b.scores[0] == pytest.approx(2.5), "the verdict is the nearest's"
    assert a.score_cells[0] == b.score_cells[0] == 4 * 6 + 1
    assert b.cells[0, 2, 3] == pytest.approx(2.0), "both neighbours at 2"
    assert b.cells[0, 4, 1] == pytest.approx((2.5 + np.hypot(4.0, 2.5)) / 2)
    assert b.cells[0, 0, 0] == pytest.approx(2.0), "a patch on a bank patch: the mean with the next one"
    assert np.array_equal(a.cells, k1.patch_distances(emb)[0])
    assert np.array_equal(k2.scores(emb), b.scores), "the scores alone: the same, from the nearest-only search"
    cells, scores = k2.score_embeddings(emb)
    assert np.array_equal(cells, b.cells) and np.array_equal(scores, b.scores)


def test_the_ring_clip_keeps_the_cell_the_score_came_from_even_where_the_map_peaks_elsewhere():
    from engine.patchcore.knn import NearestNeighbourIndex
    from engine.patchcore.model import PatchCore, PatchCoreConfig

    class Flat:
        dim = 2

    index = NearestNeighbourIndex.fit(np.zeros((1, 2), np.float32))
    model = PatchCore(Flat(), index, PatchCoreConfig(input_size=(64, 64), score_margin=1, map_ring_clip=2, blur_sigma=0))
    cells = np.ones((8, 8), np.float32)
    cells[1, 6] = 5.0  # on the second ring: capped unless it is the score's cell
    cells[4, 4] = 4.0
    capped = model.anomaly_map(cells, (64, 64), score_cell=4 * 8 + 4)
    kept = model.anomaly_map(cells, (64, 64), score_cell=1 * 8 + 6)
    assert capped.max() == pytest.approx(4.0) and kept.max() == pytest.approx(5.0)


def test_the_search_blocks_are_set_and_find_the_exact_neighbours():
    """The engine sets FAISS's BLAS blocks (``SEARCH_BLOCKS``); across two bank blocks and several
    query blocks the k nearest are still the exact ones."""
    from engine.patchcore.knn import SEARCH_BLOCKS, NearestNeighbourIndex, search_blocks

    assert search_blocks() == SEARCH_BLOCKS
    rng = np.random.default_rng(3)
    bank = rng.standard_normal((SEARCH_BLOCKS[1] + 900, 24)).astype(np.float32)
    queries = rng.standard_normal((SEARCH_BLOCKS[0] * 2 + 37, 24)).astype(np.float32)
    dist, idx = NearestNeighbourIndex.fit(bank).search(queries, k=3)
    q, b = queries.astype(np.float64), bank.astype(np.float64)
    full = np.sqrt(np.maximum((q * q).sum(1)[:, None] + (b * b).sum(1)[None, :] - 2 * q @ b.T, 0))
    want = np.argsort(full, axis=1)[:, :3]
    assert np.array_equal(idx, want)
    assert np.allclose(dist, np.take_along_axis(full, want, axis=1), rtol=1e-4, atol=1e-4)
