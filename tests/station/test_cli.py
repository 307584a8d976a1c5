"""The command line: train, inspect (one JSON line per image, bad files named), evaluate."""

from __future__ import annotations

import json

from station.cli import main


def test_cli_round_trip(demo_data, tmp_path, capsys):
    models = tmp_path / "models"
    assert main(["--models", str(models), "train", "--category", "w", "--good", str(demo_data / "train" / "good"),
                 "--image-size", "96", "--coreset-ratio", "0.1"]) == 0
    capsys.readouterr()
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
