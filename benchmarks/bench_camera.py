"""A camera faster than judging, through the whole window: nothing may queue.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_camera.py --models MODELS --category bottle \\
        --data DATA/bottle --fps 30 --auto-ms 10 --seconds 120 --out docs/benchmarks/camera.json

A stand-in camera delivers the category's test images (cycled) at ``--fps``; *Auto* triggers every
``--auto-ms`` (far faster than a part is judged, explanations included). Every second: frames
judged, triggers dropped, camera frames in flight, parts pending in the window, resident memory.
Reports the medians and maxima; in flight must never exceed 1 and memory must not climb.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_soak import rss_mb  # noqa: E402  (benchmarks/ is on the path when a script runs)


class CycleCamera:
    def __init__(self, frames, fps: float) -> None:
        self.frames, self.dt, self.k = frames, 1.0 / fps, 0

    def open(self) -> bool:
        return True

    def read(self):
        time.sleep(self.dt)
        self.k += 1
        return True, self.frames[self.k % len(self.frames)]

    def release(self) -> None:
        pass


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--models", required=True)
    ap.add_argument("--category", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--fps", type=float, default=30.0)
    ap.add_argument("--auto-ms", type=int, default=10)
    ap.add_argument("--seconds", type=float, default=120.0)
    ap.add_argument("--out")
    a = ap.parse_args()
    from PySide6.QtWidgets import QApplication

    from engine.imaging import load_image
    from station.app import make_window

    app = QApplication.instance() or QApplication(sys.argv[:1])
    frames = [load_image(p) for p in sorted(Path(a.data, "test").rglob("*.png"))]
    w = make_window(Path(a.models), Path(tempfile.mkdtemp(prefix="camera-bench-")), station="bench", operator="bench",
                    camera_factory=lambda address: CycleCamera(frames, a.fps))
    w.confirm_quit, w.hold_ms = False, 0
    w.settings.setValue("display/fail_sound", "false")
    w.settings.setValue("display/acknowledge_fail", "false")
    w.settings.setValue("camera/auto_interval_ms", a.auto_ms)
    w.feed.auto_timer.setInterval(a.auto_ms)
    w.show()

    def pump(until=None, seconds=60.0):
        end = time.monotonic() + seconds
        while time.monotonic() < end and not (until and until()):
            app.processEvents()
            time.sleep(0.002)

    pump(lambda: w.model_info is not None)
    w.camera_button.setChecked(True)
    pump(lambda: w.camera is not None and w.camera.latest is not None, 10)
    w.feed_bar.auto_box.setChecked(True)
    samples, in_flight, pending = [], 0, 0
    t0 = time.monotonic()
    while time.monotonic() - t0 < a.seconds:
        end = time.monotonic() + 1.0
        while time.monotonic() < end:
            app.processEvents()
            in_flight, pending = max(in_flight, w.feed.camera_in_flight), max(pending, w.pending)
            time.sleep(0.002)
        samples.append({"t_s": round(time.monotonic() - t0, 1), "judged": len(w.reader.latest(10 ** 7)),
                        "dropped": w.feed.dropped, "rss_mb": round(rss_mb(), 1)})
    w.feed_bar.auto_box.setChecked(False)
    w.camera_button.setChecked(False)
    pump(lambda: "stopped" in [e[2] for e in w.reader.camera_events()], 5)  # the worker writes it
    ms = [r[0] for r in w.reader.db.execute("SELECT total_ms FROM inspections WHERE total_ms IS NOT NULL")]
    events = [e[2] for e in w.reader.camera_events()]
    w.shutdown()
    n = samples[-1]["judged"]
    half = len(samples) // 2
    out = {
        "fps": a.fps, "auto_ms": a.auto_ms, "seconds": a.seconds, "judged": n, "dropped": samples[-1]["dropped"],
        "judged_per_s": round(n / a.seconds, 2), "judge_ms_median": round(statistics.median(ms), 1) if ms else None,
        "max_camera_frames_in_flight": in_flight, "max_pending_in_window": pending,
        "rss_mb_first_half_median": statistics.median(s["rss_mb"] for s in samples[:half]),
        "rss_mb_second_half_median": statistics.median(s["rss_mb"] for s in samples[half:]),
        "camera_events": events, "samples": samples,
    }
    print(json.dumps({k: v for k, v in out.items() if k != "samples"}, indent=1))
    if a.out:
        Path(a.out).write_text(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
