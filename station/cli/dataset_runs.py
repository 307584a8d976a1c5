"""``station train --all`` and ``station evaluate --all``: every category of a dataset root in
MVTec layout (``ROOT/<category>/train/good``, ``ROOT/<category>/test/<kind>``), one after the
other; a category that fails is reported and the others go on; one summary table at the end."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Callable


def categories(root: str | Path, need: str) -> list[Path]:
    """Sub-folders of ``root`` holding ``need`` (``train/good`` or ``test``), sorted."""
    root = Path(root)
    if not root.is_dir():
        raise FileNotFoundError(f"{root}: not a folder")
    return [d for d in sorted(root.iterdir()) if d.is_dir() and (d / need).is_dir()]


def table(rows: list[dict], columns: list[tuple[str, str, Callable]]) -> str:
    """A plain-text table: columns are (key, header, format)."""
    cells = [[h for _, h, _ in columns]]
    for r in rows:
        cells.append([fmt(r.get(k)) if r.get(k) is not None else "–" for k, _, fmt in columns])
    widths = [max(len(c[i]) for c in cells) for i in range(len(columns))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _f(n: int) -> Callable:
    return lambda v: f"{v:.{n}f}"


def _each_category(root, need: str, run: Callable[[Path], dict], columns: list) -> tuple[list[dict], int]:
    """``run(folder) -> facts`` for every category under ``root`` holding ``need``: one JSON line
    each as it finishes, a failure reported and the rest going on, the table at the end."""
    rows, failed = [], 0
    for d in categories(root, need):
        row: dict = {"category": d.name}
        try:
            row.update(status="ok", **run(d))
        except Exception as exc:  # one bad category does not stop the others
            failed += 1
            row.update(status=f"FAILED: {exc}")
        rows.append(row)
        print(json.dumps(row), flush=True)
    print(table(rows, [("category", "category", str), ("images", "images", str), *columns, ("status", "status", str)]),
          file=sys.stderr)
    return rows, failed


def train_all(root, models, config, progress=None, tune: bool = False) -> tuple[list[dict], int]:
    """Train (or with ``tune``, tune: ``engine.training.tuning``) every category under ``root``; returns
    (summary rows, number that failed)."""
    from engine.training import list_images
    from engine.training.tuning import train_or_tune

    def run(d: Path) -> dict:
        rep = train_or_tune(d.name, list_images(d / "train" / "good"), models, config, tune, progress=progress)
        st = rep.info.self_test or {}
        return dict(images=rep.info.train_images + rep.info.held_out_images, seconds=rep.seconds["total"],
                    threshold=rep.info.threshold, version=rep.info.version,
                    settings=(rep.info.adaptations.get("tuning") or {}).get("chosen"),
                    synthetic_caught=st.get("detection_rate"), skipped=len(rep.skipped))

    columns = [("seconds", "train s", _f(1)), ("threshold", "threshold", _f(3)),
               ("synthetic_caught", "self-test caught", _f(3)), ("version", "version", str)]
    if tune:
        columns.insert(1, ("settings", "settings chosen", str))
    return _each_category(root, "train/good", run, columns)


def evaluate_all(root, models, out: str | None, progress=None) -> tuple[list[dict], int]:
    """Evaluate every category under ``root`` with its model in ``models``."""
    from engine.evaluation import evaluate_folder
    from engine.judging.inspector import Inspector

    def run(d: Path) -> dict:
        res = evaluate_folder(Inspector.load(models, d.name), d, Path(out) / d.name if out else None, progress=progress)
        at = res.get("at_threshold") or {}
        return dict(images=res["images"], image_auroc=res["image_auroc"], pixel_auroc=res["pixel_auroc"],
                    aupro=res["aupro"], pointing_game=res["pointing_game"],
                    pointing_15px=(res.get("pointing_game_tolerant") or {}).get("rate"), f1=at.get("f1"),
                    false_reject_rate=at.get("false_reject_rate"), escape_rate=at.get("escape_rate"),
                    ms_per_image=res["run_ms_per_image"])

    return _each_category(root, "test", run, [
        ("image_auroc", "image AUROC", _f(3)), ("pixel_auroc", "pixel AUROC", _f(3)), ("aupro", "AUPRO", _f(3)),
        ("pointing_game", "pointing", _f(2)), ("pointing_15px", "within 15 px", _f(2)), ("f1", "F1", _f(3)), ("false_reject_rate", "FRR", _f(3)),
        ("escape_rate", "escapes", _f(3)), ("ms_per_image", "ms/image, whole run", _f(1))])
