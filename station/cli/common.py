"""What the ``station`` sub-commands share: exit codes, the error line, the progress bars."""

from __future__ import annotations

import sys

EXIT_BAD_INPUT = 2
EXIT_MODEL = 3
EXIT_NO_SCREEN = 4
EXIT_LINE = 6


def progress_bar():
    from tqdm import tqdm

    bars: dict[str, tqdm] = {}

    def report(stage: str, done: int, total: int) -> None:
        bar = bars.get(stage)
        if bar is None:
            for b in bars.values():
                b.close()
            bar = bars[stage] = tqdm(total=total, desc=f"{stage:<11}", unit="it", file=sys.stderr,
                                     leave=True, disable=None)
        bar.total = total
        bar.n = done
        bar.refresh()

    def close() -> None:
        for b in bars.values():
            b.close()

    return report, close


def data_dir_of(a):
    """``--data-dir`` when given, else the per-user data folder the window uses."""
    from pathlib import Path

    if getattr(a, "data_dir", None):
        return Path(a.data_dir)
    from station.app import default_data_dir

    return default_data_dir()


def fail(msg: str, code: int) -> int:
    print(f"error: {msg}", file=sys.stderr)
    return code
