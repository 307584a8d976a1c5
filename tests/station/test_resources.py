"""resources/: translations (every operator string translated, the .qm built from the .ts), the
stylesheet and icons; and no user-visible literal bypasses tr()."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from station.resources import RESOURCES, icon, install_translator, language_for, stylesheet

ROOT = Path(__file__).resolve().parents[2]
TS = RESOURCES / "i18n" / "station_de.ts"
OPERATOR_CONTEXTS = {"MainWindow", "LineStatus", "LineHub", "VerdictPanel", "CountersBox", "BenchBar", "BenchController", "CategoryBar",
                     "HistoryPanel", "ExplanationPanel", "ToolActions", "CameraSource", "FolderWatcher", "PinDialog",
                     "MasterController", "Authority", "FeedBar", "FeedController", "HealthMonitor", "LineGuard",
                     "ImagePane"}


def test_every_operator_string_is_translated_to_german():
    root = ET.parse(TS).getroot()
    seen, unfinished = set(), []
    for ctx in root.iter("context"):
        name = ctx.find("name").text
        if name not in OPERATOR_CONTEXTS:
            continue
        seen.add(name)
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr.get("type") in ("unfinished", "obsolete") or not (tr.text or "").strip():
                unfinished.append((name, msg.find("source").text))
    assert seen == OPERATOR_CONTEXTS and not unfinished


LRELEASE = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-lrelease")


@pytest.mark.skipif(LRELEASE is None, reason="pyside6-lrelease not installed")
def test_the_shipped_qm_is_built_from_the_ts(tmp_path):
    subprocess.run([LRELEASE, str(TS), "-qm", str(tmp_path / "de.qm")], check=True, capture_output=True)
    assert (tmp_path / "de.qm").read_bytes() == (RESOURCES / "i18n" / "station_de.qm").read_bytes()


def test_german_verdict_words_through_the_translator(qapp):
    from ui.bench_bar import BenchBar
    from ui.image_pane import ImagePane
    from ui.verdict_panel import VerdictPanel

    from PySide6.QtCore import QLocale

    before = QLocale()
    tr = install_translator(qapp, "de")
    try:
        panel = VerdictPanel()
        panel.show_verdict("FAIL", 3.0, 0.9, 2.0, "a.png", None, 7)
        assert panel.word.text() == "NIO" and panel.state == "FAIL"
        assert panel.detail.text() == "Wert 3,00 / Schwelle 2,00", "German words, German decimal comma"
        assert panel.counters.values["yield"] is not None
        assert BenchBar().accept_button.text() == "Annehmen (A)"
        assert ImagePane().overlay_box.text() == "Anomaliekarte (M)"
    finally:
        qapp.removeTranslator(tr)
        QLocale.setDefault(before)
    assert VerdictPanel().words()["FAIL"] == "FAIL"
    assert language_for("de") == "de" and language_for("xx") in ("en", "de")


def test_stylesheet_and_icons_are_shipped():
    qss = stylesheet()
    assert "#verdictPanel" in qss or "#counters" in qss
    assert qss.count("{") == qss.count("}")
    for name in ("review", "threshold", "versions", "changelog", "report", "master", "fullscreen", "signin", "station", "settings",
                 "learn"):
        assert not icon(name).isNull(), name


def _visible_literals(path: Path) -> list[str]:
    ctors = {"QLabel", "QPushButton", "QCheckBox", "QAction", "QGroupBox", "QRadioButton"}
    setters = {"setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "addItem", "addTab", "setTitle"}
    bad = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        fn = node.func
        name = fn.id if isinstance(fn, ast.Name) else fn.attr if isinstance(fn, ast.Attribute) else ""
        if name not in ctors | setters:
            continue
        a = node.args[0]
        parts = [a.value] if isinstance(a, ast.Constant) and isinstance(a.value, str) else \
            [v.value for v in a.values if isinstance(v, ast.Constant)] if isinstance(a, ast.JoinedStr) else []
        text = re.sub(r"<[^>]*>|&\w+;", "", "".join(parts))
        if any(c.isalpha() for c in text):
            bad.append(f"{path.name}:{node.lineno}")
    return bad


def test_no_visible_text_bypasses_the_translator():
    files = sorted((ROOT / "ui").glob("*.py")) + sorted((ROOT / "station").rglob("*.py"))  # every room
    assert [b for f in files for b in _visible_literals(f)] == []
