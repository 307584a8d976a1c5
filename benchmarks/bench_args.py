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
