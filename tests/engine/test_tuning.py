"""Settings chosen per category by the self-test (engine.training.tuning), on generated images."""

from __future__ import annotations

import json

import numpy as np
import pytest

from engine.judging.inspector import Inspector
from engine.model_store.updates import rebuild_category
from engine.model_store.store import read_manifest
from engine.training import TrainConfig, TrainingError, list_images
from engine.training.tuning import CANDIDATES, Candidate, CandidateResult, choose, tune_category
from engine.model_store.versions import list_versions

SMALL = TrainConfig(image_size=96, coreset_ratio=0.1, holdout_fraction=0.3, selftest_per_image=1)
TWO = (Candidate("96 px", (("image_size", 96),)), Candidate("128 px", (("image_size", 128),)))


def _result(name: str, auroc: float | None, pointing: float | None = 0.5) -> CandidateResult:
    return CandidateResult(name, {}, auroc, 0.9, pointing, 1.0, (96, 96), 10)


def test_the_verdict_first_then_the_pointing_then_the_cheapest():
    near = [_result("small", 0.950), _result("large", 0.953)]
    assert choose(near).name == "small"  # 0.003 apart, same pointing: equal, the cheaper (listed first) wins
    clear = [_result("small", 0.940, 0.9), _result("large", 0.953), _result("larger", 0.951)]
    assert choose(clear).name == "large"  # a clear gain in AUROC beats any pointing
    points = [_result("small", 0.950, 0.60), _result("large", 0.953, 0.62), _result("larger", 0.951, 0.70)]
    assert choose(points).name == "larger"  # tied verdicts: the map that points inside more often
    assert choose(points[:2]).name == "small"  # 0.02 apart: equal, the cheaper
    assert choose([_result("a", 0.95, None), _result("b", 0.95, 0.4)]).name == "b"
    assert choose([_result("none", None), _result("some", 0.8)]).name == "some"
    with pytest.raises(TrainingError, match="self-test"):
        choose([_result("none", None)])


@pytest.fixture(scope="module")
def tuned(tmp_path_factory, demo_data):
    models = tmp_path_factory.mktemp("tuned_models")
    rep = tune_category("washer", list_images(demo_data / "train" / "good"), models, SMALL, candidates=TWO)
    return models, rep


def test_tuning_saves_the_winner_with_every_candidate_recorded(tuned, demo_data):
    models, rep = tuned
    m = read_manifest(models / "washer")
    assert [c["name"] for c in m["tuning"]["candidates"]] == ["96 px", "128 px"]
    assert m["tuning"]["chosen"] == rep.chosen == choose(rep.results).name
    winner = next(r for r in rep.results if r.name == rep.chosen)
    assert tuple(m["input_size"]) == winner.input_size
    assert m["training"]["image_size"] == dict(TWO[[c.name for c in TWO].index(rep.chosen)].settings)["image_size"]
    assert [v.vid for v in list_versions(models / "washer")] == ["v1"]  # the candidates stay out of the folder
    assert sorted(p.name for p in models.iterdir()) == ["washer"]
    assert rep.train.info.adaptations["tuning"]["chosen"] == rep.chosen
    # the copy is a whole, checked model that judges
    insp = Inspector.load(models, "washer")
    r = insp.inspect_path(list_images(demo_data / "test" / "good")[0])
    assert r.error is None and np.isfinite(r.score)


def test_rebuild_of_a_tuned_model_keeps_its_settings(tuned, demo_data):
    models, rep = tuned
    before = read_manifest(models / "washer")
    out = rebuild_category(models, "washer", list_images(demo_data / "test" / "good")[:1])
    after = read_manifest(out.folder)
    assert after["input_size"] == before["input_size"]
    assert after["training"]["image_size"] == before["training"]["image_size"]
    assert f"settings as tuned: {rep.chosen}" in after["version"]["note"]


def test_a_feature_stages_candidate_reaches_the_model_and_its_rebuild(demo_data, tmp_path):
    stages = Candidate("96 px, stages 2-4", (("image_size", 96), ("layers", (2, 3, 4))))
    assert any(dict(c.settings).get("layers") == (2, 3, 4) for c in CANDIDATES)  # tuning offers it
    goods = list_images(demo_data / "train" / "good")
    rep = tune_category("washer", goods, tmp_path, SMALL, candidates=(stages,))
    m = read_manifest(rep.train.folder)
    assert m["backbone"]["layers"] == [2, 3, 4] and m["tuning"]["chosen"] == stages.name
    assert m["patchcore"]["memory_bank_size"] > 0 and Inspector.load(tmp_path, "washer").model.index.dim == 40 + 112 + 320
    out = rebuild_category(tmp_path, "washer", list_images(demo_data / "test" / "good")[:1])
    assert read_manifest(out.folder)["backbone"]["layers"] == [2, 3, 4]


def test_tuning_needs_the_self_test(demo_data, tmp_path):
    with pytest.raises(TrainingError, match="synthetic defects per image"):
        tune_category("washer", list_images(demo_data / "train" / "good"), tmp_path,
                      TrainConfig(selftest_per_image=0), candidates=TWO)


def test_cli_refuses_tune_with_the_settings_it_chooses(demo_data, tmp_path, capsys):
    from station.cli.main import main

    code = main(["--models", str(tmp_path), "train", "--category", "washer", "--good",
                 str(demo_data / "train" / "good"), "--tune", "--image-size", "256"])
    assert code != 0
    assert "--tune chooses the input size" in capsys.readouterr().err
    assert not (tmp_path / "washer").exists()
    code = main(["--models", str(tmp_path), "train", "--category", "washer", "--good",
                 str(demo_data / "train" / "good"), "--tune", "--layers", "2,3,4"])
    assert code != 0 and "--layers" in capsys.readouterr().err


def test_cli_layers_choose_the_stages_or_say_what_was_wrong(demo_data, tmp_path, capsys):
    from station.cli.main import main

    good = str(demo_data / "train" / "good")
    with pytest.raises(SystemExit):
        main(["--models", str(tmp_path), "train", "--category", "washer", "--good", good, "--layers", "2,two"])
    assert "expected distinct stage numbers" in capsys.readouterr().err
    code = main(["--models", str(tmp_path), "train", "--category", "washer", "--good", good, "--layers", "2,1",
                 "--image-size", "96", "--coreset-ratio", "0.1", "--selftest-per-image", "1"])
    assert code == 0 and read_manifest(tmp_path / "washer")["backbone"]["layers"] == [1, 2]


def test_model_facts_name_the_chosen_settings(tuned):
    from ui.model_facts import adaptations_text

    models, rep = tuned
    text = adaptations_text(rep.train.info.adaptations)
    assert f"Settings chosen</b> by the self-test on synthetic defects: {rep.chosen}." in text
    for r in rep.results:
        assert f"{r.name} {r.image_auroc:.3f}, {100 * r.pointing:.0f} %" in text
    assert json.dumps(rep.train.info.adaptations["tuning"])  # stays plain data


def test_a_cancelled_tuning_saves_nothing(demo_data, tmp_path):
    from engine.training import TrainingCancelled

    with pytest.raises(TrainingCancelled):
        tune_category("washer", list_images(demo_data / "train" / "good"), tmp_path / "models", SMALL,
                      candidates=TWO, should_cancel=lambda: True)
    assert not (tmp_path / "models" / "washer").exists()
