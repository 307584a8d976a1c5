"""Nothing unsafe from disk: weight files load without running pickled code, no pickle or eval in
the code, and category or version names from the user cannot leave the models folder."""

from __future__ import annotations

import os
import pickle
import re
from pathlib import Path

import pytest

from engine.model_store.store import ModelError, check_category_name

ROOT = Path(__file__).resolve().parents[2]


class _Payload:
    """Unpickling this would run ``os.system`` and leave a marker file behind."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return os.system, (f"touch {self.marker}",)


@pytest.mark.filterwarnings("ignore:Detected pickle protocol")
def test_a_weights_file_with_pickled_code_is_refused_without_running_it(tmp_path):
    from engine.backbones import BackboneError, load_backbone

    proof = tmp_path / "payload-works"
    pickle.loads(pickle.dumps(_Payload(proof)))  # a plain unpickler does run it
    assert proof.exists()
    marker = tmp_path / "ran"
    evil = tmp_path / "weights.pth"
    evil.write_bytes(pickle.dumps({"state_dict": _Payload(marker)}))
    with pytest.raises(BackboneError, match="cannot read weights file"):
        load_backbone("efficientnet_lite0", weights=evil)
    assert not marker.exists(), "torch.load must run with weights_only=True"


@pytest.mark.parametrize("name", ["../outside", "a/b", "/etc", "..", ".hidden", "", "a\\b", "x" * 65])
def test_category_names_that_could_leave_the_models_folder_are_refused(name, tmp_path):
    from engine.judging.inspector import Inspector
    from engine.training import train_category

    with pytest.raises(ModelError, match="invalid category name"):
        check_category_name(name)
    with pytest.raises(ModelError):
        Inspector.load(tmp_path / "models", name)
    with pytest.raises(ModelError):
        train_category(name, [tmp_path / "a.png", tmp_path / "b.png"], tmp_path / "models")
    assert not (tmp_path / "outside").exists() and not (tmp_path / "models").exists()


def test_a_version_pointer_cannot_leave_its_category_folder(tmp_path):
    from engine.model_store.versions import version_folder

    for vid in ("../../evil", "v1/../../x", ".", "", "..\\x"):
        with pytest.raises(ModelError, match="invalid version name"):
            version_folder(tmp_path / "cat", vid)


def test_no_pickle_or_eval_in_the_code():
    banned = re.compile(r"\bpickle\.loads?\(|allow_pickle\s*=\s*True|(?<![\w.])eval\(|(?<![\w.])exec\(|weights_only\s*=\s*False")
    found = [f"{p.relative_to(ROOT)}:{n}" for pkg in ("engine", "station", "ui") for p in (ROOT / pkg).rglob("*.py")
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if banned.search(line)]
    assert found == []
