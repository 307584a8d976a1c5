"""The positional arguments the in-process benchmarks share: a models folder, a category in it,
and that category's data folder in MVTec layout."""

from __future__ import annotations

import argparse


def model_and_data_parser(doc: str, data_use: str = "judged") -> argparse.ArgumentParser:
    """A parser with MODELS CATEGORY DATA; ``data_use`` says what happens to its test/ images."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("models", help="models folder")
    ap.add_argument("category", help="a category trained in it")
    ap.add_argument("data", help=f"the category's folder in MVTec layout (its test/ images are {data_use})")
    return ap


def parsed_with_model(ap: argparse.ArgumentParser):
    """``ap`` (from ``model_and_data_parser``) given a ``--out`` JSON file and parsed -> (the
    arguments, the ``Inspector`` of MODELS CATEGORY)."""
    from engine.judging.inspector import Inspector

    ap.add_argument("--out", help="JSON file for the results")
    a = ap.parse_args()
    return a, Inspector.load(a.models, a.category)
