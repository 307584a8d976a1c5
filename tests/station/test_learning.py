"""Learning from confirmed defects in the window: gathered from the review's decisions, proposed
in a thread of its own, previewed, applied as a logged new version that rolls back."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from tests.station.people import technician
from tests.station.test_review import window  # noqa: F401  (the same window: a copy of the trained models)

pytestmark = pytest.mark.gui


def _judge_and_confirm(window, qtbot, paths):
    before = sum(window.reader.counts().values())
    window.submit_paths([str(p) for p in paths])
    qtbot.waitUntil(lambda: sum(window.reader.counts().values()) == before + len(paths), timeout=60000)
    ids = [r[0] for r in window.review.store.recent_scores("washer", len(paths))]
    for i in ids:
        window.review.store.decide(i, "Tess", "technician", "defect", defect_type="scratch")


def test_too_few_confirmed_defects_are_named(window, qtbot):
    technician(window)
    window.learning.open()
    assert window.learning.dialog is None
    assert "at least 3" in window.banner.text()


def test_learning_is_previewed_then_applied_as_a_new_version(window, qtbot, demo_data):
    from engine.model_store.versions import list_versions

    technician(window)
    defects = sorted(p for k in ("scratch", "stain", "chip") for p in (demo_data / "test" / k).iterdir())
    _judge_and_confirm(window, qtbot, defects)
    assert len(window.review.store.confirmed_defects("washer")) == len(defects)
    old = window.model_info
    window.learning.open()
    qtbot.waitUntil(lambda: window.learning.dialog is not None, timeout=60000)
    d = window.learning.dialog
    rows = d.table.rowCount()
    assert 1 <= rows <= 5
    thresholds = [float(d.table.item(r, 1).text()) for r in range(rows)]
    assert thresholds == sorted(thresholds, reverse=True) and len(set(thresholds)) == rows
    assert sum("▶" in d.table.item(r, 0).text() for r in range(rows)) == 1, "the proposed row is marked"
    apply = d.buttons.button(QDialogButtonBox.Apply)
    assert not apply.isEnabled(), "a reason is needed"
    d.why.setText("six confirmed on the bench")
    assert apply.isEnabled()
    apply.click()
    qtbot.waitUntil(lambda: window.model_info is not None and window.model_info.threshold_method == "learned",
                    timeout=20000)
    versions = list_versions(window.models_dir / "washer")
    assert [v.kind for v in versions] == ["train", "learn"] and versions[-1].active
    changes = window.review.store.changes()
    assert any(c.subject == "model:washer" and c.old_value == old.model_id and "six confirmed" in (c.why or "")
               for c in changes)
    assert window.model_info.known_defects["confirmed"] == len(defects)


def test_a_fail_for_its_likeness_says_so_and_is_kept_in_the_history(tmp_path):
    from engine.types import InspectionResult, Verdict
    from station.closing import reason_text
    from station.storage.history import HistoryStore

    res = InspectionResult(source="a.png", verdict=Verdict.FAIL, score=9.0, normalised_score=0.45, threshold=10.0,
                           category="washer", known_defect_score=1.34)
    assert "like a confirmed defect (1.3" in reason_text(res)
    assert reason_text(InspectionResult(source="b.png", verdict=Verdict.FAIL, score=11.0, threshold=10.0,
                                        known_defect_score=0.2)) is None
    h = HistoryStore(tmp_path)
    row = h.get(h.record(res))
    assert row.known_defect_score == 1.34 and "like a confirmed defect" in reason_text(row)
