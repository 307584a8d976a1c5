"""Learning from confirmed defects: the threshold proposal, the known-defect bank, a new version."""

from __future__ import annotations

import numpy as np
import pytest

from engine.judging.calibration import make_decision, threshold_for_frr
from engine.judging.known_defects import MIN_CONFIRMED, Judged, KnownDefects, hot_patches, propose

D = 8
SPECIAL = np.eye(D, dtype=np.float32)[3] * 6.0  # the confirmed defects' look


def _part(rng, score: float, defect: bool) -> Judged:
    emb = rng.normal(0, 0.3, (6, 6, D)).astype(np.float32)
    cells = rng.uniform(1.0, 2.0, (6, 6)).astype(np.float32)
    cells[2, 2] = score
    if defect:
        emb[2, 2] = SPECIAL + rng.normal(0, 0.05, D)
    return Judged("x.png", score, emb, cells)


def _setup(defect_score: float, n_defects: int = 8):
    rng = np.random.default_rng(0)
    good = rng.normal(2.0, 0.1, 400)
    t = threshold_for_frr(good, 0.01).value
    held = [_part(rng, float(s), False) for s in rng.normal(2.0, 0.1, 40)]
    defects = [_part(rng, defect_score, True) for _ in range(n_defects)]
    edge = lambda thr: make_decision(thr, good, review_load=0.04).review_from  # noqa: E731
    return good, t, held, defects, edge


def test_hot_patches_leave_sound_patches_out():
    rng = np.random.default_rng(1)
    part = _part(rng, 9.0, True)
    assert len(hot_patches(part.emb, part.cells, 0, floor=5.0)) == 1  # only the defect's cell
    assert len(hot_patches(part.emb, part.cells, 0, floor=0.0)) == 16


def test_defects_in_the_review_band_like_the_confirmed_ones_fail():
    good, t, held, defects, edge = _setup(defect_score=0.0)
    band_score = (edge(t) + t) / 2
    defects = [Judged(d.path, band_score, d.emb, np.where(d.cells == 0.0, band_score, d.cells)) for d in defects]
    p = propose(good, t, 0.01, defects, held, 0, edge)
    assert p.caught_now == 0
    assert p.known is not None and p.caught == len(defects)
    assert p.predicted_frr <= 0.02
    new_defect = Judged("y.png", band_score, defects[0].emb, defects[0].cells)
    assert p.known.score(new_defect.emb, new_defect.cells) >= 1.0
    assert all(p.known.score(h.emb, h.cells) < 1.0 for h in held[:-1])
    facts = p.facts()
    assert facts["known_threshold"] == p.known.threshold and facts["caught"] == len(defects)


def test_the_bank_is_dropped_where_it_adds_nothing():
    good, t, held, defects, edge = _setup(defect_score=10.0)  # every confirmed defect FAILs already
    p = propose(good, t, 0.01, defects, held, 0, edge)
    assert p.known is None
    assert p.caught == p.caught_now == len(defects)
    assert p.threshold == t  # no lower threshold catches more


def test_lower_threshold_proposed_when_it_catches_more():
    good, t, held, defects, edge = _setup(defect_score=0.0)
    lower = threshold_for_frr(good, 0.02).value
    score = (lower + t) / 2  # between the 2 % and the 1 % quantile
    defects = [Judged(d.path, score, d.emb * 0 + np.float32(0.01) * i, d.cells) for i, d in enumerate(defects)]
    p = propose(good, t, 0.01, defects, [], 0, edge)
    assert p.known is None  # no held-out goods: the threshold alone
    assert p.threshold < t and p.caught == len(defects) and p.caught_now == 0
    assert p.predicted_frr <= 0.02 + 1e-9


def test_too_few_confirmed_defects_are_refused():
    good, t, held, defects, edge = _setup(defect_score=0.0, n_defects=MIN_CONFIRMED - 1)
    with pytest.raises(ValueError, match="at least"):
        propose(good, t, 0.01, defects, held, 0, edge)


def test_known_defect_score_scales_with_its_threshold():
    rng = np.random.default_rng(2)
    part = _part(rng, 9.0, True)
    k1 = KnownDefects(bank=SPECIAL[None], threshold=1.0, margin=0)
    k2 = KnownDefects(bank=SPECIAL[None], threshold=2.0, margin=0)
    assert k1.score(part.emb, part.cells) == pytest.approx(2 * k2.score(part.emb, part.cells))


def _copy(trained_models, tmp_path):
    import shutil

    shutil.copytree(trained_models, tmp_path / "models")
    return tmp_path / "models"


def test_learning_saves_a_version_that_rolls_back(trained_models, demo_data, tmp_path):
    from engine.judging.inspector import Inspector
    from engine.judging.known_defects import proposal_for
    from engine.model_store.updates import save_learned
    from engine.model_store.versions import activate_version, list_versions

    models = _copy(trained_models, tmp_path)
    insp = Inspector.load(models, "washer")
    defects = sorted(p for d in (demo_data / "test").iterdir() if d.name != "good" for p in d.glob("*.png"))
    bad = tmp_path / "broken.png"
    bad.write_bytes(b"not a png")
    p = proposal_for(insp, [*defects, bad])
    assert p.confirmed == len(defects) and any("broken.png" in s for s in p.skipped)
    assert p.held_out_goods == insp.info.held_out_images
    info = save_learned(models, "washer", p, note="test")
    assert info.version == "v2" and info.threshold_method == "learned"
    again = Inspector.load(models, "washer")
    assert again.stored.manifest["known_defects"]["confirmed"] == len(defects)
    assert again.stored.manifest["threshold"]["calibrated_value"] == insp.info.threshold
    activate_version(models / "washer", "v1")
    assert Inspector.load(models, "washer").info.threshold_method != "learned"
    assert [v.kind for v in list_versions(models / "washer")] == ["train", "learn"]


def test_a_review_part_like_a_confirmed_defect_fails(trained_models, demo_data, tmp_path):
    from dataclasses import replace

    from engine.judging.inspector import Inspector
    from engine.judging.known_defects import judge_for_learning, proposal_for
    from engine.model_store.updates import save_learned
    from engine.types import Verdict

    models = _copy(trained_models, tmp_path)
    insp = Inspector.load(models, "washer")
    defect = sorted((demo_data / "test" / "scratch").glob("*.png"))[0]
    judged = judge_for_learning(insp, [defect], [])[0]
    bank = hot_patches(judged.emb, judged.cells, insp.model.config.score_margin, floor=0.0)
    p = proposal_for(insp, sorted((demo_data / "test" / "stain").glob("*.png")) * 2)
    # a threshold just above this defect's score puts it in the REVIEW band
    p = replace(p, threshold=judged.score * 1.001, known=KnownDefects(bank, 1e-6, insp.model.config.score_margin))
    save_learned(models, "washer", p)
    learned = Inspector.load(models, "washer")
    assert learned.known is not None and len(learned.known.bank) == len(bank)
    assert learned.decision.verdict(judged.score) is Verdict.REVIEW
    res = learned.inspect_path(defect)
    assert res.known_defect_score >= 1.0 and res.verdict is Verdict.FAIL
    assert insp.inspect_path(defect).known_defect_score is None  # the model before learnt none
    passed = [r for r in learned.inspect_paths(sorted((demo_data / "test" / "good").glob("*.png")))
              if r.verdict is Verdict.PASS]
    assert passed and all(r.known_defect_score is None for r in passed), "computed for REVIEW parts only"
