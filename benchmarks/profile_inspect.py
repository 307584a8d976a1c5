"""Where `station inspect` spends its time: the command run in process under cProfile over a
category's test images, its JSON lines discarded, the functions with the most time of their own
printed.

    python benchmarks/profile_inspect.py MODELS CATEGORY DATA/<category> [--top 15]
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import pstats
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("models")
    ap.add_argument("category")
    ap.add_argument("data", help="category folder in MVTec layout (its test/ images are judged)")
    ap.add_argument("--top", type=int, default=15)
    a = ap.parse_args()
    from engine.training import list_images
    from station.cli import main as station

    images = [str(p) for p in list_images(Path(a.data) / "test")]
    argv = ["inspect", "--models", a.models, "--category", a.category, *images]
    prof = cProfile.Profile()
    with contextlib.redirect_stdout(io.StringIO()):
        prof.enable()
        try:
            station(argv)
        except SystemExit:
            pass
        prof.disable()
    print(f"{len(images)} images")
    pstats.Stats(prof).sort_stats("tottime").print_stats(a.top)


if __name__ == "__main__":
    main()
