"""One row of a map experiment: a redrawn map evaluated with the engine's evaluation, printed as a
Markdown table row and kept for the JSON file, and the experiments' shared arguments and model
(view_weight.py, self_similarity.py, map_shift.py, guided_map.py, wide_mix.py, map_baseline.py)."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any

from engine.evaluation import evaluate_folder
from engine.judging.inspector import Inspector


def model_parser(doc: str, model_help: str = "MODELS_DIR:CATEGORY") -> argparse.ArgumentParser:
    """A parser with the experiments' shared arguments: data, model, --version, --out."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("data", help="category folder in MVTec layout")
    ap.add_argument("model", help=model_help)
    ap.add_argument("--version", help="model version (v1, v2, ...; default: the active one)")
    ap.add_argument("--out", help="JSON file for the rows")
    return ap


def parsed_model(ap: argparse.ArgumentParser) -> tuple[argparse.Namespace, Inspector]:
    """``model_parser``'s arguments parsed, and the ``Inspector`` of the model they name (its
    ``--version``, or the active one)."""
    a = ap.parse_args()
    return a, Inspector.load(*a.model.rsplit(":", 1), version=a.version)


def refuse_filled(inspector: Inspector, name: str) -> None:
    """Exit with a message when ``inspector``'s model fills its maps already (engine 0.4.2's
    default): an experiment that fills them again would fill twice."""
    sigma = inspector.model.config.map_fill_sigma
    if sigma > 0:
        raise SystemExit(f"{name}: its maps are filled already (sigma {sigma:g}); "
                         "give a model trained with --map-fill 0 or before engine 0.4.2")


def header(*settings: str) -> None:
    """Print the table's head: the settings' columns, then the map's figures."""
    cols = [*settings, "pixel AUROC", "AUPRO", "pointing (15 px)", "per type"]
    print("| " + " | ".join(cols) + " |")
    print("|" + "---|" * len(cols), flush=True)


def map_row(inspector, data: str | os.PathLike[str], settings: dict[str, Any], shown: list[str]) -> dict[str, Any]:
    """Evaluate ``inspector`` on ``data`` (MVTec layout) -> a row: ``settings`` plus image and
    pixel AUROC, AUPRO, the pointing game (strict, within 15 px, per defect type). Prints it
    with ``shown`` (the settings' cells as text) first."""
    res = evaluate_folder(inspector, data)
    per = {t: round(v["pointing"], 3) for t, v in res["per_type"].items() if t != "good"}
    row = {**settings, "image_auroc": res["image_auroc"], "pixel_auroc": res["pixel_auroc"], "aupro": res["aupro"],
           "pointing_game": res["pointing_game"], "pointing_tolerant": res["pointing_game_tolerant"]["rate"],
           "per_type_pointing": per}
    print("| " + " | ".join(shown) + f" | {res['pixel_auroc']:.3f} | {res['aupro']:.3f} | "
          f"{100 * res['pointing_game']:.1f} % ({100 * res['pointing_game_tolerant']['rate']:.1f} %) | {per} |",
          flush=True)
    return row


def save_rows(out: str | None, rows: list[dict[str, Any]], **facts: Any) -> None:
    """Write ``facts`` and the rows so far to ``out`` (nothing when None)."""
    if out:
        Path(out).write_text(json.dumps({**facts, "rows": rows}, indent=2))
