"""The design's import rules: engine free of Qt and the GUI packages, widgets free of ML."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _imports(package: str) -> set[tuple[str, str]]:
    found = set()
    for py in (ROOT / package).rglob("*.py"):
        for node in ast.walk(ast.parse(py.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {(str(py.relative_to(ROOT)), a.name.split(".")[0]) for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add((str(py.relative_to(ROOT)), node.module.split(".")[0]))
    return found


def test_engine_never_imports_qt_station_or_ui():
    bad = {(f, m) for f, m in _imports("engine") if m in {"PySide6", "PyQt5", "PyQt6", "station", "ui"}}
    assert not bad


def test_ui_never_imports_ml_libraries():
    bad = {(f, m) for f, m in _imports("ui") if m in {"torch", "torchvision", "timm", "faiss", "shap", "sklearn"}}
    assert not bad


def test_engine_types_does_not_pull_in_torch():
    code = "import sys, engine.types; print('torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"


def test_import_linter_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    if not lint.exists():
        import pytest

        pytest.skip("import-linter not installed")
    out = subprocess.run([str(lint)], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stdout + out.stderr


def test_no_module_pair_imports_each_other():
    import grimp

    circles = set()
    for package in ("engine", "station", "ui"):
        g = grimp.build_graph(package)
        for a in sorted(g.modules):
            for b in g.find_modules_directly_imported_by(a):
                if a < b and g.direct_import_exists(importer=b, imported=a):
                    circles.add((a, b))
    assert not circles, circles


def test_rooms_stay_small():
    """The house rules of issue 29: no module over 400 lines, at most 12 modules at the engine's
    top level (the rest live in its sub-packages)."""
    root = Path(__file__).parents[1]
    modules = [p for package in ("engine", "station", "ui") for p in (root / package).rglob("*.py")]
    long = {str(p): n for p in modules if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert long == {}
    top = sorted(p.name for p in (Path(__file__).parents[1] / "engine").glob("*.py"))
    assert len(top) <= 12, top
