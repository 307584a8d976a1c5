"""``station watch``: judge a watched folder without a window (a line PC with no screen, a
service). The same worker, history and crash-safe bookkeeping as the window: a file is judged
once, its row and its "seen" mark are one transaction, so a kill at any moment loses or repeats
nothing. One JSON line per judged file on stdout, after its row is committed (``row`` -1: judged but
not logged, with a NOT LOGGED line on stderr; the run then ends with exit status 5)."""

from __future__ import annotations

import json
import signal
import sys
from pathlib import Path
from time import monotonic


def run_watch(models: str, category: str, folder: str, data_dir: str, station: str = "", operator: str = "",
              exit_when_idle: float = 0.0, interval_ms: int = 200) -> int:
    from PySide6.QtCore import QCoreApplication, QTimer

    from station.feeds.watched_folder import FolderWatcher
    from station.workers.inspection import InspectionWorker

    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    worker = InspectionWorker(models, data_dir, station, operator)
    failed: list[str] = []
    worker.modelFailed.connect(lambda _c, msg: failed.append(msg))
    worker.load_category(category)
    if failed:
        print(f"error: {failed[0]}", file=sys.stderr)
        return 3
    last = [monotonic()]

    def judged(result, row_id: int, kind: str) -> None:
        last[0] = monotonic()
        print(json.dumps({"row": row_id, **result.to_json_dict()}), flush=True)

    worker.inspected.connect(judged)
    unlogged = [0]

    def not_logged(reason: str) -> None:  # the verdict was printed, its record is lost: say so on every part
        unlogged[0] += 1
        print(f"error: NOT LOGGED ({unlogged[0]} part(s) so far): {reason}", file=sys.stderr, flush=True)

    worker.notLogged.connect(not_logged)
    watcher = FolderWatcher(worker.history.already_seen, interval_ms=interval_ms)
    watcher.imageReady.connect(lambda p: worker.inspect_path(p, "watch"))
    watcher.status.connect(lambda text, ok: print(("" if ok else "error: ") + text, file=sys.stderr, flush=True))
    if not Path(folder).is_dir():
        print(f"error: {folder}: not a folder", file=sys.stderr)
        return 2
    watcher.start(folder)
    ticker = QTimer(interval=250)  # lets Python see SIGTERM/SIGINT, and ends an idle run when asked

    def tick() -> None:
        if exit_when_idle and monotonic() - last[0] > exit_when_idle:
            app.quit()

    ticker.timeout.connect(tick)
    ticker.start()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: app.quit())
    app.exec()
    watcher.stop()
    worker.shutdown()
    if unlogged[0]:
        print(f"error: {unlogged[0]} judged part(s) could not be written to the history", file=sys.stderr)
        return 5
    return 0
