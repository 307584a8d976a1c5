"""The command line: train, inspect (one JSON line per image, bad files named), evaluate."""

from __future__ import annotations

import json

import pytest

from engine.model_store.store import read_manifest
from station.cli.main import main


def test_cli_round_trip(demo_data, tmp_path, capsys):
    models = tmp_path / "models"
    assert main(["--models", str(models), "train", "--category", "w", "--good", str(demo_data / "train" / "good"),
                 "--image-size", "96", "--coreset-ratio", "0.1", "--map-guide", "8", "--map-fill", "20"]) == 0
    assert read_manifest(models / "w")["patchcore"]["map_guide_radius"] == 8
    assert read_manifest(models / "w")["patchcore"]["map_fill_sigma"] == 20
    from engine.training.config import TrainConfig
    from station.cli.main import build_parser

    train_help = build_parser()._subparsers._group_actions[0].choices["train"].format_help()
    assert f"(default {TrainConfig.map_guide_radius}; 0: off)" in " ".join(train_help.split())  # the help's literal
    assert f"(default {TrainConfig.map_fill_sigma:g}; 0: off)" in " ".join(train_help.split())
    capsys.readouterr()
    assert main(["--models", str(models), "train", "--category", "w2", "--good", str(demo_data / "train" / "good"),
                 "--map-guide", "-3"]) == 2
    assert "--map-guide -3: give a radius in pixels, or 0" in capsys.readouterr().err
    assert main(["--models", str(models), "train", "--category", "w2", "--good", str(demo_data / "train" / "good"),
                 "--map-fill", "-1"]) == 2
    assert "--map-fill -1.0: give a sigma in pixels, or 0" in capsys.readouterr().err
    (tmp_path / "bad.png").write_bytes(b"")
    img = sorted((demo_data / "test" / "chip").iterdir())[0]
    rc = main(["--models", str(models), "inspect", "--category", "w", str(img), str(tmp_path / "bad.png")])
    out, err = capsys.readouterr()
    lines = [json.loads(x) for x in out.splitlines()]
    assert rc == 2 and len(lines) == 2
    assert lines[0]["verdict"] == "FAIL" and lines[1]["verdict"] == "ERROR"
    assert "bad.png: file is empty" in err
    assert main(["--models", str(models), "evaluate", "--category", "w", "--data", str(demo_data),
                 "--out", str(tmp_path / "ev")]) == 0
    rep = json.loads(capsys.readouterr().out)
    assert rep["image_auroc"] is not None and (tmp_path / "ev" / "roc.png").exists()
    assert main(["--models", str(models), "inspect", "--category", "nope", str(img)]) == 3


def test_cli_synth_and_mask(trained_models, demo_data, tmp_path, capsys):
    out = tmp_path / "synth"
    # --models after the sub-command, as people type it
    assert main(["synth", "--category", "washer", "--count", "16", "--out", str(out), "--models", str(trained_models)]) == 0
    doc = json.loads((out / "synth.json").read_text())
    assert doc["count"] == 16 and len(list(out.glob("*_mask.png"))) == 16
    assert all(r["measures"]["leakage"] == 0 for r in doc["images"])
    capsys.readouterr()
    assert main(["synth", "--category", "washer", "--count", "2", "--out", str(out), "--kinds", "rust",
                 "--models", str(trained_models)]) == 2
    assert "unknown defect kinds" in capsys.readouterr().err
    # a hand-made rectangle replaces the mask; the model still loads and the next set obeys it
    import shutil

    models = tmp_path / "m"
    shutil.copytree(trained_models / "washer", models / "washer")
    assert main(["--models", str(models), "mask", "--category", "washer", "--rect", "100,100,80,80",
                 "--preview", str(tmp_path / "p.png")]) == 0
    facts = json.loads(capsys.readouterr().out)
    assert facts["method"] == "rectangle" and (tmp_path / "p.png").stat().st_size > 0
    from engine.judging.inspector import Inspector
    from engine.synth.category import category_part_mask

    assert Inspector.load(models, "washer").info.part_mask["method"] == "rectangle"
    assert category_part_mask(models, "washer").mask[140, 140]
    assert main(["--models", str(models), "mask", "--category", "washer", "--polygon", "1,2,3"]) == 2
    assert "X,Y pairs" in capsys.readouterr().err


def test_cli_explain_writes_figure_pdf_and_json(trained_models, demo_data, tmp_path, capsys):
    img = sorted((demo_data / "test" / "stain").iterdir())[0]
    assert main(["explain", "--category", "washer", str(img), "--out", str(tmp_path / "ex"),
                 "--models", str(trained_models)]) == 0
    line = json.loads(capsys.readouterr().out.splitlines()[-1])
    files = line["files"]
    assert line["verdict"] == "FAIL"
    png, pdf = open(files["png"], "rb").read(), open(files["pdf"], "rb").read()
    assert png[:4] == b"\x89PNG" and pdf[:4] == b"%PDF"
    doc = json.loads(open(files["json"]).read())
    shap = doc["explanation"]["shap"]
    assert shap["base_value"] + sum(shap["shap_values"].values()) == pytest.approx(shap["prediction"], abs=1e-6)
    assert doc["explanation"]["regions"]["count"] >= 1 and doc["explanation"]["score_cam"]["method"] == "LayerCAM"
    assert doc["neighbours"] and doc["neighbours"][0]["kind"] == "training"
    assert main(["explain", "--category", "washer", str(tmp_path / "missing.png"), "--out", str(tmp_path / "ex"),
                 "--models", str(trained_models)]) == 2


def test_train_and_evaluate_all_categories_of_a_dataset_root(demo_data, tmp_path, capsys):
    import shutil

    root = tmp_path / "root"
    good = sorted((demo_data / "train" / "good").iterdir())
    (root / "washer" / "train" / "good").mkdir(parents=True)
    for p in good[:8]:
        shutil.copy(p, root / "washer" / "train" / "good")
    shutil.copytree(demo_data / "test", root / "washer" / "test")
    shutil.copytree(demo_data / "ground_truth", root / "washer" / "ground_truth")
    (root / "lonely" / "train" / "good").mkdir(parents=True)  # one image: cannot train
    shutil.copy(good[0], root / "lonely" / "train" / "good")
    (root / "lonely" / "test" / "good").mkdir(parents=True)
    shutil.copy(good[1], root / "lonely" / "test" / "good")
    models = tmp_path / "models"
    rc = main(["train", "--all", "--data", str(root), "--models", str(models), "--image-size", "96",
               "--coreset-ratio", "0.1", "--selftest-per-image", "0"])
    out, err = capsys.readouterr()
    rows = {r["category"]: r for r in map(json.loads, out.splitlines())}
    assert rc == 2 and rows["washer"]["status"] == "ok" and "at least 2 good images" in rows["lonely"]["status"]
    assert "category" in err and "FAILED" in err  # the summary table
    rc = main(["evaluate", "--all", "--data", str(root), "--models", str(models)])
    out, err = capsys.readouterr()
    rows = {r["category"]: r for r in map(json.loads, out.splitlines())}
    assert rc == 3 and rows["washer"]["image_auroc"] is not None and rows["lonely"]["status"].startswith("FAILED")
    assert "image AUROC" in err and "within 15 px" in err
    assert rows["washer"]["pointing_game"] <= rows["washer"]["pointing_15px"]
    assert main(["train", "--all", "--data", str(root), "--category", "x"]) == 2


def test_train_all_with_tuning_names_the_chosen_setting(demo_data, tmp_path, capsys, monkeypatch):
    import shutil

    import engine.training.tuning as tuning

    monkeypatch.setattr(tuning, "CANDIDATES", (tuning.Candidate("64 px", (("image_size", 64),)),
                                               tuning.Candidate("96 px", (("image_size", 96),))))
    root = tmp_path / "root"
    (root / "washer" / "train" / "good").mkdir(parents=True)
    for p in sorted((demo_data / "train" / "good").iterdir())[:10]:
        shutil.copy(p, root / "washer" / "train" / "good")
    models = tmp_path / "models"
    rc = main(["train", "--all", "--tune", "--data", str(root), "--models", str(models), "--selftest-per-image", "1"])
    out, err = capsys.readouterr()
    row = json.loads(out.splitlines()[-1])
    assert rc == 0 and row["status"] == "ok" and row["settings"] in ("64 px", "96 px")
    assert "settings chosen" in err and row["settings"] in err  # the summary table's column
    assert read_manifest(models / "washer")["tuning"]["chosen"] == row["settings"]
