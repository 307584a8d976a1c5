"""Where `station inspect` spends its time: the command run in process under cProfile over a
category's test images, its JSON lines discarded, the functions with the most time of their own
printed. Images are judged one at a time (``STATION_PIPELINE=0`` unless set otherwise), since
cProfile sees the calling thread only and the pipeline moves the features and the map to a worker.

    python benchmarks/profile_inspect.py MODELS CATEGORY DATA/<category> [--top 15]
"""

from __future__ import annotations

import contextlib
import cProfile
import io
import os
import pstats
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_args import model_and_data_parser  # noqa: E402


def main() -> None:
    ap = model_and_data_parser(__doc__)
    ap.add_argument("--top", type=int, default=15)
    a = ap.parse_args()
    os.environ.setdefault("STATION_PIPELINE", "0")
    from engine.training import list_images
    from station.cli.main import main as station

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
