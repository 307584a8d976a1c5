"""Screenshots of the bench at 1366x768 (offscreen): a burst through the watched folder, a
training beside the running line, the review with the live line, a stopped line, and every
dialog (learning from confirmed defects too) an operator or technician meets. Prints each picture's size and fails when a dialog is
taller than the screen.

    QT_QPA_PLATFORM=offscreen python scripts/bench_screenshots.py [OUT]   (default docs/screenshots)
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))

from screenshots import pump  # noqa: E402

SCREEN_H = 768


def shoot_modal(app, out: Path, name: str, opener, sizes: list) -> None:
    """Open a modal dialog with ``opener``, save it, then close it."""
    def grab() -> None:
        d = QApplication.activeModalWidget()
        if isinstance(d, QDialog):
            pump(app, seconds=0.2)
            d.grab().save(str(out / name))
            sizes.append((name, d.frameGeometry().width(), d.frameGeometry().height()))
            d.reject()

    QTimer.singleShot(300, grab)
    opener()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    from station.resources import stylesheet

    app.setStyleSheet(stylesheet())
    from station.app import make_window, start_demo

    tmp = Path(tempfile.mkdtemp(prefix="station-bench-"))
    w = make_window(tmp / "models", tmp / "data", station="bench-1", operator="anna")
    w.confirm_quit = False
    w.resize(1366, 768)
    w.show()
    sizes: list = []
    print(f"window: {w.width()}x{w.height()}, its minimum {w.minimumSizeHint().width()}x{w.minimumSizeHint().height()}")
    shoot_modal(app, out, "dialog_setup.png", lambda: w.floor.setup(), sizes)
    w.authority.add_technician("Tess", "4321")
    w.authority.set_operators(["Anna", "Ben", "Chris"])
    w.banner.hide()  # its "no technician yet" is no longer true
    start_demo(w)
    pump(app, lambda: w.model_info is not None and w.pending == 0 and len(w.reader.latest()) >= 3, 120)
    data = w.data_dir / "demo_images" / "test"
    shoot_modal(app, out, "dialog_operator.png", lambda: w.floor.sign_in_operator(), sizes)
    w.floor.ask_operator = lambda names: "Anna"
    w.floor.sign_in_operator()
    w.floor.ask_lot = lambda current: "L-2026-1207"
    w.floor.enter_lot()
    for k in w.verdict.ack_rows[:]:
        w.verdict.acknowledge()

    # a burst of eight files through the watched folder, newest a PASS
    inbox = tmp / "inbox"
    inbox.mkdir()
    w.watch_folder(str(inbox))
    kinds = ["good", "scratch", "good", "stain", "good", "good", "scratch", "good"]
    files = [sorted((data / k).iterdir())[i % len(list((data / k).iterdir()))] for i, k in enumerate(kinds)]
    for i, f in enumerate(files):
        shutil.copy(f, inbox / f"cam_{i:04d}.png")
    pump(app, lambda: len(w.reader.latest()) >= 3 + len(files) and w.pending == 0, 60)
    pump(app, seconds=1.5)
    w.grab().save(str(out / "bench_burst.png"))

    # training beside the running line
    shoot_modal(app, out, "dialog_pin.png", lambda: w.require_technician("train a category"), sizes)
    w.ask_pin = lambda action, names: ("Tess", "4321")
    w.categories.open_dialog()
    dlg = w.categories.dialog
    dlg.name.setText("washer-b")
    dlg.folder.setText(str(w.data_dir / "demo_images" / "train" / "good"))
    dlg._folder_changed()
    pump(app, lambda: len(dlg.gallery.tiles) == 7, 30)
    dlg.grab().save(str(out / "dialog_new_category.png"))
    sizes.append(("dialog_new_category.png", dlg.frameGeometry().width(), dlg.frameGeometry().height()))
    dlg.start_button.click()
    dlg.hide()
    pump(app, lambda: "features" in w.categories.status.text(), 30)
    w.submit_paths([str(sorted((data / "good").iterdir())[-1])])
    pump(app, lambda: w.pending == 0, 20)
    w.grab().save(str(out / "bench_training.png"))
    pump(app, lambda: dlg.golive_button.isVisible(), 240)
    dlg.show()
    pump(app, seconds=0.5)
    dlg.grab().save(str(out / "dialog_new_category_done.png"))
    sizes.append(("dialog_new_category_done.png", dlg.frameGeometry().width(), dlg.frameGeometry().height()))
    dlg.close()

    # the review, with the live line going on under it
    w.enter_review(0, w.model_info.category)
    w.submit_paths([str(sorted((data / "stain").iterdir())[-1])])
    pump(app, lambda: w.pending == 0, 20)
    pump(app, seconds=0.5)
    w.grab().save(str(out / "bench_review_live.png"))
    w.leave_review()

    # three FAILs in a row stop the line
    w.submit_paths([str(sorted((data / k).iterdir())[-1]) for k in ("scratch", "stain", "scratch")])
    pump(app, lambda: w.floor.stopped, 30)
    pump(app, seconds=0.5)
    w.grab().save(str(out / "bench_stopped.png"))
    print(f"window while stopped: {w.width()}x{w.height()}")
    w.floor.release()

    # the technician's dialogs
    def threshold() -> None:
        w.thresholds.open()
        QTimer.singleShot(300, lambda: (w.thresholds.dialog.grab().save(str(out / "dialog_threshold.png")),
                                        sizes.append(("dialog_threshold.png", w.thresholds.dialog.width(),
                                                      w.thresholds.dialog.height())),
                                        w.thresholds.dialog.reject()))

    threshold()
    pump(app, seconds=1.0)
    w.settings_flow.open()
    sd = w.settings_flow.dialog
    pump(app, seconds=0.3)
    if sd is not None:
        sd.grab().save(str(out / "dialog_settings.png"))
        sizes.append(("dialog_settings.png", sd.frameGeometry().width(), sd.frameGeometry().height()))
        sd.reject()
    pump(app, seconds=0.3)
    w.line_settings.open()  # the line links (none turned on in this run)
    ld = w.line_settings.dialog
    pump(app, seconds=0.3)
    if ld is not None:
        ld.grab().save(str(out / "dialog_line.png"))
        sizes.append(("dialog_line.png", ld.frameGeometry().width(), ld.frameGeometry().height()))
        ld.reject()
    pump(app, seconds=0.3)
    shoot_modal(app, out, "dialog_handover.png", lambda: w.floor.handover(), sizes)
    for name, make in (("dialog_facts.png", lambda: w.categories.show_facts(w.model_info.category)),
                       ("dialog_versions.png", lambda: (w.tools.show_versions(), QApplication.activeModalWidget())[1]),
                       ("dialog_change_log.png", lambda: (w.tool_actions["changelog"].trigger(),
                                                          QApplication.activeModalWidget())[1])):
        d = make()
        pump(app, seconds=0.4)
        d = d or QApplication.activeModalWidget() or QApplication.activeWindow()
        if isinstance(d, QDialog):
            d.grab().save(str(out / name))
            sizes.append((name, d.frameGeometry().width(), d.frameGeometry().height()))
            d.close()
    # learning from the shift's rejects, confirmed as defects
    store = w.review.store
    for i, _score, verdict in store.recent_scores(w.model_info.category, 50):
        if verdict in ("FAIL", "REVIEW"):
            store.decide(i, "Tess", "technician", "defect", defect_type="scratch")
    w.learning.open()
    pump(app, lambda: w.learning.dialog is not None, 60)
    pump(app, seconds=0.4)
    if w.learning.dialog is not None:
        d = w.learning.dialog
        d.grab().save(str(out / "dialog_learn.png"))
        sizes.append(("dialog_learn.png", d.frameGeometry().width(), d.frameGeometry().height()))
        d.reject()
    w.confirm_quit = True
    shoot_modal(app, out, "dialog_quit.png", w.close, sizes)
    w.confirm_quit = False
    w.shutdown()
    too_tall = [(n, wd, h) for n, wd, h in sizes if h > SCREEN_H]
    for n, wd, h in sizes:
        print(f"{n}: {wd}x{h}")
    if too_tall:
        print(f"taller than the {SCREEN_H} px screen: {too_tall}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
