"""The explanation viewer in the window: the four tabs after a verdict, the exact duplicate first,
an old inspection reopened with its stored explanation, and the stored files."""

from __future__ import annotations

import sqlite3

import pytest

from tests.station.test_window import FakeCamera  # noqa: F401  (the window fixture's camera)
from tests.station.test_window import _images, model_copy, window  # noqa: F401  (fixtures)


def _explained(window, qtbot, row_id: int, timeout: int = 60000) -> dict:
    qtbot.waitUntil(lambda: window.explain.last_payload is not None
                    and window.explain.current_row == row_id
                    and "explained" in window.explanations.status.text(), timeout=timeout)
    return window.explain.last_payload


def test_a_verdict_gets_its_four_explanations(window, qtbot, demo_data):
    img = _images(demo_data, "stain")[0]
    with qtbot.waitSignal(window.worker.inspected, timeout=20000) as sig:
        window.submit_paths([img])
    row_id = sig.args[1]
    payload = _explained(window, qtbot, row_id)
    p = window.explanations
    # WHERE: regions above threshold, counted and outlined
    assert payload["facts"]["regions"]["count"] >= 1 and p.where.table.rowCount() >= 1
    assert "region" in p.where.summary.text()
    p.where.opacity.setValue(20)  # the tab's slider and the one under the image are one setting
    assert window.opacity.value() == 20
    window.opacity.setValue(70)
    assert p.where.opacity.value() == 70
    # WHICH: the score's LayerCAM is there; no classifier in this model, and the tab says so
    assert "LayerCAM of the anomaly score" in [p.which.method.itemText(i) for i in range(p.which.method.count())]
    assert p.which.train_button.isVisible() or not p.which.train_button.isHidden()
    assert "classifier" in p.which.caption.text()
    # WHY: real SHAP values that add up, with the surrogate's R^2 stated
    shap = payload["facts"]["shap"]
    assert shap is not None and "R²" in p.why.fit.text() and not p.why.plot.pixmap().isNull()
    assert shap["base_value"] + sum(shap["shap_values"].values()) == pytest.approx(shap["prediction"], abs=1e-6)
    # WHAT: the category's training images are there to compare with
    assert p.similar.list.count() >= 1
    # all stored with the inspection
    db = sqlite3.connect(window.data_dir / "history.sqlite")
    assert db.execute("SELECT COUNT(*) FROM explanations WHERE inspection_id=?", (row_id,)).fetchone()[0] == 1
    assert db.execute("SELECT COUNT(*) FROM embeddings WHERE inspection_id=?", (row_id,)).fetchone()[0] == 1


def test_same_image_again_finds_its_exact_duplicate_first(window, qtbot, demo_data):
    img = _images(demo_data, "chip")[0]
    with qtbot.waitSignal(window.worker.inspected, timeout=20000) as first:
        window.submit_paths([img])
    _explained(window, qtbot, first.args[1])
    with qtbot.waitSignal(window.worker.inspected, timeout=20000) as second:
        window.submit_paths([img])
    payload = _explained(window, qtbot, second.args[1])
    top = payload["neighbours"][0]
    assert top["exact_duplicate"] and top["inspection_id"] == first.args[1] and top["similarity"] > 0.9999
    assert "EXACT DUPLICATE" in window.explanations.similar.list.item(0).text()


def test_an_old_inspection_reopens_with_its_stored_explanation(window, qtbot, demo_data):
    a, b = _images(demo_data, "scratch")[0], _images(demo_data, "good")[0]
    with qtbot.waitSignal(window.worker.inspected, timeout=20000) as first:
        window.submit_paths([a])
    kept = _explained(window, qtbot, first.args[1])["facts"]
    with qtbot.waitSignal(window.worker.inspected, timeout=20000) as second:
        window.submit_paths([b])
    _explained(window, qtbot, second.args[1])
    built = dict(window.explain.worker._explainers)
    window.show_history_row(first.args[1])
    # (bool: pytest-qt takes a callback that returns None as an assertion that passed)
    qtbot.waitUntil(lambda: bool(window.explain.last_payload.get("stored"))
                    and window.explain.current_row == first.args[1], timeout=10000)
    again = window.explain.last_payload["facts"]
    assert again["regions"]["count"] == kept["regions"]["count"] == 1
    assert again["regions"]["total_area_px"] == kept["regions"]["total_area_px"] and again["shap"] == kept["shap"]
    assert window.explanations.where.table.rowCount() == 1
    assert window.explain.worker._explainers == built  # nothing was rebuilt or recomputed
    assert window.explain.last_payload["files"]["score_cam"].shape == tuple(window.model_info.input_size)


def test_two_models_compared_on_the_same_image(window, qtbot, demo_data, model_copy):
    model_copy("washer-copy")
    img = _images(demo_data, "stain")[0]
    with qtbot.waitSignal(window.worker.inspected, timeout=20000) as sig:
        window.submit_paths([img])
    _explained(window, qtbot, sig.args[1])
    with qtbot.waitSignal(window.explain.worker.compared, timeout=60000):
        window.explain.ask_compare("washer-copy")
    qtbot.waitUntil(lambda: window.explain.compare_dialog is not None, timeout=5000)
    dialog = window.explain.compare_dialog
    qtbot.addWidget(dialog)
    # the same model under another name: full agreement
    assert "agree" in dialog.agreement.text() and "1.00" in dialog.agreement.text()
    assert [w.text() for w in dialog.verdicts] == ["FAIL", "FAIL"]
