"""Screenshots of the technician's side at 1366x768 (offscreen), on the scripted shift of
``scripts/sample_shift.py`` (real bottle images):

    QT_QPA_PLATFORM=offscreen python scripts/review_screenshots.py --work /tmp/sample --data ../shared/data/mvtec_ad/bottle

bench.png (a FAIL then a PASS: the pending acknowledgement names the earlier part),
bench_review.png (a REVIEW part to settle), review_mode.png (the review view), threshold.png
(the flip preview), versions.png, change_log.png, bench_de.png (German); written to docs/screenshots/.
"""

from __future__ import annotations

import argparse
import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402
from screenshots import pump  # noqa: E402  (scripts/ is on the path when a script runs)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", default="docs/screenshots")
    a = ap.parse_args()
    out, work, data = Path(a.out), Path(a.work), Path(a.data)
    out.mkdir(parents=True, exist_ok=True)
    shots = work / "shots"
    if shots.exists():
        shutil.rmtree(shots)
    shutil.copytree(work / "data", shots / "data")
    shutil.copytree(work / "models", shots / "models")
    app = QApplication([])
    from station.resources import stylesheet

    app.setStyleSheet(stylesheet())  # the look `station gui` has
    from station.app import make_window

    def open_window():
        win = make_window(shots / "models", shots / "data", station="bench-1", operator="op")
        win.confirm_quit, win.hold_ms = False, 0
        win.settings.setValue("display/fail_sound", "false")
        win.resize(1366, 768)
        win.show()
        pump(app, lambda: win.model_info is not None, 60)
        return win

    w = open_window()

    def judge(path):
        n = len(w.reader.latest(100000))
        w.submit_paths([str(path)])
        pump(app, lambda: len(w.reader.latest(100000)) > n and w.pending == 0, 30)
        pump(app, seconds=1.5)

    judge(sorted((data / "test" / "broken_large").iterdir())[2])
    judge(sorted((data / "test" / "good").iterdir())[3])
    w.grab().save(str(out / "bench.png"))
    review_rows = [r for r in w.reader.latest(1000, "REVIEW")]
    if review_rows:
        w.show_history_row(review_rows[0].id)
        w.bench_bar.ask(review_rows[0].id)
        w.bench.row_id = review_rows[0].id
        pump(app, seconds=1.0)
        w.grab().save(str(out / "bench_review.png"))
    w.authority.set_pin("2468")
    w.ask_pin = lambda action, new_pin: ("Tess", "2468", "")
    w.require_technician("review")
    w.enter_review(0, "bottle")
    pump(app, seconds=3.0)
    w.review.view.queue.setCurrentRow(3)
    pump(app, seconds=3.0)
    w.grab().save(str(out / "review_mode.png"))
    old = w.model_info.model_id
    w.review.learn("extend")  # the overruled parts into the good set: version 2
    pump(app, lambda: w.model_info is not None and w.model_info.model_id != old, 180)
    w.leave_review()
    w.thresholds.open()
    d = w.thresholds.dialog
    d.value.setValue(w.model_info.threshold * 0.9)
    d.why.setText("more margin after the lamp was changed")
    pump(app, seconds=0.5)
    d.grab().save(str(out / "threshold.png"))
    d.reject()
    pump(app, seconds=0.5)
    w.thresholds.apply("bottle", w.model_info.threshold * 1.05, "fewer over-calls on the new batch")
    pump(app, lambda: w.model_info is not None, 30)
    from station.storage.reviews import ReviewStore
    from ui.record_tables import ChangeLogDialog

    w.tools.show_versions()
    pump(app, seconds=0.5)
    from ui.record_tables import VersionsDialog

    dlg = w.findChildren(VersionsDialog)
    if dlg:
        dlg[-1].grab().save(str(out / "versions.png"))
        dlg[-1].accept()
    log = ChangeLogDialog(ReviewStore(w.reader).changes(), w)
    log.show()
    pump(app, seconds=0.5)
    log.grab().save(str(out / "change_log.png"))
    log.close()
    w.shutdown()

    # the operator's screen in German (translator installed before the widgets are made)
    from station.resources import install_translator

    install_translator(app, "de")
    w = open_window()
    judge(sorted((data / "test" / "contamination").iterdir())[1])
    w.grab().save(str(out / "bench_de.png"))
    w.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
