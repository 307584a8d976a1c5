"""Where a cold training's time goes: ``train_category`` under cProfile, the heaviest calls by
cumulative time (imports included, since a user's first training pays them).

    python benchmarks/profile_training.py DATA/bottle [--top 30]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import tempfile
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", help="category folder in MVTec layout (its train/good images are used)")
    ap.add_argument("--top", type=int, default=30)
    a = ap.parse_args()
    profile = cProfile.Profile()
    profile.enable()
    from engine.training import list_images, train_category

    report = train_category(Path(a.data).name, list_images(Path(a.data, "train", "good")), tempfile.mkdtemp())
    profile.disable()
    print("stages (s):", report.seconds)
    pstats.Stats(profile).sort_stats("cumulative").print_stats(a.top)


if __name__ == "__main__":
    main()
