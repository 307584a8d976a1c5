"""Screenshot of the bench in trouble at 1366x768 (offscreen): a camera fed faster than it is
judged (dropped triggers counted beside the source), then the watched folder vanishing (named in
red, once), then a part that failed through a runtime fault (kept to retry); written to
docs/screenshots/trouble.png.

    QT_QPA_PLATFORM=offscreen python scripts/trouble_screenshot.py --models /tmp/sample/models --data ../shared/data/mvtec_ad/bottle
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402
from screenshots import pump  # noqa: E402  (scripts/ is on the path when a script runs)


class FileCamera:
    """A camera that delivers one real image at 30 frames per second."""

    def __init__(self, path: Path) -> None:
        from engine.imaging import load_image

        self.frame = load_image(path)

    def open(self) -> bool:
        return True

    def read(self):
        time.sleep(1 / 30)
        return True, self.frame

    def release(self) -> None:
        pass


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--models", required=True, help="a models folder with a trained bottle category")
    ap.add_argument("--data", required=True, help="the bottle folder in MVTec layout")
    ap.add_argument("--out", default="docs/screenshots")
    a = ap.parse_args()
    part = sorted((Path(a.data) / "test" / "contamination").iterdir())[0]
    work = Path(tempfile.mkdtemp(prefix="trouble-"))
    app = QApplication([])
    from station.app import make_window
    from station.resources import stylesheet

    app.setStyleSheet(stylesheet())
    w = make_window(Path(a.models), work / "data", station="bench-1", operator="op",
                    camera_factory=lambda address: FileCamera(part))
    w.confirm_quit, w.hold_ms = False, 0
    w.settings.setValue("display/fail_sound", "false")
    w.settings.setValue("display/acknowledge_fail", "false")
    w.resize(1366, 768)
    w.show()
    pump(app, lambda: w.model_info is not None, 60)
    w.camera_button.setChecked(True)
    pump(app, lambda: w.camera is not None and w.camera.latest is not None, 10)
    for _ in range(4):  # an impatient trigger: one frame judged, three dropped
        w.trigger()
    pump(app, lambda: w.feed.camera_in_flight == 0, 30)
    pump(app, seconds=1.0)
    w.camera_button.setChecked(False)
    inbox = work / "inbox"
    inbox.mkdir()
    w.watch_folder(str(inbox))
    pump(app, seconds=0.5)
    shutil.rmtree(inbox)
    pump(app, lambda: bool(w.feed.watcher.trouble), 10)
    pump(app, seconds=0.5)
    judge, faults = w.worker._inspector.judge, [1]  # one runtime fault, as an exhausted machine would give

    def flaky(*args, **kw):
        if faults:
            faults.pop()
            raise RuntimeError("onnxruntime: failed to allocate memory")
        return judge(*args, **kw)

    w.worker._inspector.judge = flaky
    w.submit_paths([str(part)])
    pump(app, lambda: bool(w.guard.retry), 30)
    pump(app, seconds=0.5)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    w.grab().save(str(out / "trouble.png"))
    print("dropped", w.feed.dropped, "events", [e[2] for e in w.reader.camera_events()])
    w.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
