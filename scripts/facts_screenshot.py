"""Save the model-facts dialog of one trained category as a PNG (offscreen), as the window shows it.

    QT_QPA_PLATFORM=offscreen python scripts/facts_screenshot.py MODELS CATEGORY OUT.png

For a model trained elsewhere (e.g. the tuned magnetic tile of ``benchmarks/bench_tuning.py``,
``docs/screenshots/model_facts_tuned.png``); ``scripts/screenshots.py`` shoots the demo's.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))

from screenshots import pump  # noqa: E402


def main() -> int:
    if len(sys.argv) != 4:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    models, category, out = sys.argv[1:]
    app = QApplication([])
    from station.app import make_window
    from station.resources import stylesheet

    app.setStyleSheet(stylesheet())
    w = make_window(Path(models), Path(tempfile.mkdtemp(prefix="station-facts-")), station="bench-1", operator="demo")
    w.confirm_quit = False
    facts = w.categories.show_facts(category)
    if facts is None:
        print(f"no readable model '{category}' in {models}", file=sys.stderr)
        return 1
    facts.resize(920, 760)
    pump(app, seconds=0.5)
    facts.grab().save(out)
    facts.close()
    w.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
