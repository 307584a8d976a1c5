"""Save screenshots of the station's main states to docs/screenshots/ (offscreen).

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py

Builds the demo category in a temporary folder, then shows PASS, FAIL, REVIEW, training and
error, each as the operator would see it at 1366x768; then the New category dialog (synthetic
defect preview, then the self-test curve after training with the classifier), the model's facts
and the part-mask editor.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402


def pump(app, until=lambda: False, seconds=60.0):
    end = time.time() + seconds
    while time.time() < end and not until():
        app.processEvents()
        time.sleep(0.02)
    for _ in range(10):
        app.processEvents()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    from station.resources import stylesheet

    app.setStyleSheet(stylesheet())  # the look `station gui` has
    from engine.demo import make_part
    from station.app import make_window, start_demo

    tmp = Path(tempfile.mkdtemp(prefix="station-shots-"))
    w = make_window(tmp / "models", tmp / "data", station="bench-1", operator="demo")
    w.confirm_quit, w.hold_ms = False, 0
    w.resize(1366, 768)
    w.show()
    start_demo(w)
    pump(app, lambda: w.verdict.state == "TRAINING", 5)
    pump(app, lambda: "features" in w.categories.status.text(), 30)
    w.grab().save(str(out / "training.png"))
    pump(app, lambda: w.model_info is not None and w.pending == 0 and len(w.reader.latest()) >= 3, 90)
    data = w.data_dir / "demo_images" / "test"

    def judge(path, name):
        w.submit_paths([str(path)])
        pump(app, lambda: w.pending == 0, 30)
        w.grab().save(str(out / name))

    judge(sorted((data / "good").iterdir())[1], "pass.png")
    judge(sorted((data / "scratch").iterdir())[1], "fail.png")
    # a faint stain sits near the threshold: blend a defective part into a good one until REVIEW
    import cv2
    import numpy as np

    rng = np.random.default_rng(11)
    good = make_part(rng, 256)[0].astype(np.float32)
    bad = make_part(np.random.default_rng(11), 256, "stain")[0].astype(np.float32)
    from engine.judging.inspector import Inspector

    insp = Inspector.load(w.models_dir, w.model_info.category)
    best, lo, hi = None, 0.0, 1.0  # bisect the blend until the score lands in the REVIEW band
    for _ in range(30):
        mid = (lo + hi) / 2
        img = np.clip(good * (1 - mid) + bad * mid, 0, 255).astype(np.uint8)
        r = insp.inspect_array(img)
        if r.verdict.value == "REVIEW":
            best = img
            break
        lo, hi = (mid, hi) if r.normalised_score < 0.5 else (lo, mid)
    if best is not None:
        p = tmp / "faint_stain.png"
        cv2.imwrite(str(p), cv2.cvtColor(best, cv2.COLOR_RGB2BGR))
        judge(p, "review.png")
    broken = tmp / "line_camera_0042.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n truncated by the line camera")
    judge(broken, "error.png")

    # the New category dialog (a technician's): synthetic-defect preview before training, self-test curve after
    w.authority.add_technician("Tess", "4321")
    w.ask_pin = lambda action, names: ("Tess", "4321")
    w.categories.open_dialog()
    dlg = w.categories.dialog
    dlg.name.setText("washer-b")
    dlg.folder.setText(str(w.data_dir / "demo_images" / "train" / "good"))
    dlg._folder_changed()
    pump(app, lambda: len(dlg.gallery.tiles) == 7, 30)
    dlg.classifier_box.setChecked(True)
    dlg.policy.setCurrentIndex(dlg.policy.findData(0.05))
    dlg.resize(900, 640)
    dlg.grab().save(str(out / "new_category.png"))
    dlg.start_button.click()
    pump(app, lambda: "Done" in dlg.stage.text(), 240)
    pump(app, seconds=0.3)
    dlg.grab().save(str(out / "new_category_done.png"))
    dlg.golive_button.click()  # trained, then put on the line by the technician
    dlg.close()
    facts = w.categories.show_facts("washer-b")
    pump(app, seconds=0.3)
    facts.grab().save(str(out / "model_facts.png"))
    facts.close()
    editor = w.categories.edit_mask("washer-b")
    from PySide6.QtCore import QPointF

    ih, iw = editor.canvas.image_size[1], editor.canvas.image_size[0]
    editor.polygon_button.setChecked(True)
    editor.canvas.points = [QPointF(iw * x, ih * y) for x, y in ((0.12, 0.2), (0.85, 0.1), (0.9, 0.85), (0.2, 0.9))]
    editor.canvas.close_polygon()
    pump(app, seconds=0.3)
    editor.grab().save(str(out / "mask_editor.png"))
    editor.close()

    # the explanation tabs, on the category that has a defect classifier
    pump(app, lambda: w.model_info is not None and w.model_info.category == "washer-b", 30)
    w.submit_paths([str(sorted((data / "scratch").iterdir())[0])])
    pump(app, lambda: w.pending == 0, 30)
    pump(app, lambda: "explained" in w.explanations.status.text(), 60)
    for i, name in enumerate(("explain_where", "explain_which", "explain_why", "explain_similar")):
        w.explanations.tabs.setCurrentIndex(i)
        pump(app, seconds=0.3)
        w.grab().save(str(out / f"{name}.png"))
    w.shutdown()
    print("\n".join(str(p) for p in sorted(out.glob("*.png"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
