"""The history on a real full filesystem: a 1 MiB tmpfs mounted in a private user and mount namespace
(``unshare``; skipped where the machine does not allow one). Writing until the disk is full must
fail loudly, keep every committed row and its map intact, leave no half-written row, and work
again once space is freed. Then the folder is remounted read-only: writing fails, naming it,
and nothing already there is harmed."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import json, os, sqlite3, subprocess, sys
import numpy as np
mnt = sys.argv[1]
subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mnt], check=True)
from engine.types import InspectionResult, Verdict
from station.storage.history import HistoryStore

store = HistoryStore(mnt, station="bench-1")
with open(os.path.join(mnt, "ballast"), "wb") as f:  # what an operator can delete to free space
    f.write(b"\0" * 200_000)
rng = np.random.default_rng(0)

def part(i):
    return InspectionResult(source=f"part{i}.png", verdict=Verdict.PASS, score=float(i),
                            anomaly_map=rng.random((120, 120), dtype=np.float32),
                            image=rng.integers(0, 255, (64, 64, 3), dtype=np.uint8))

committed, error = [], ""
for i in range(10_000):
    try:
        committed.append(store.record(part(i), "file"))
    except Exception as exc:
        error = f"{type(exc).__name__}: {exc}"
        break
os.remove(os.path.join(mnt, "ballast"))
after = store.record(part(99_999), "file")
store.close()
subprocess.run(["mount", "-o", "remount,ro", mnt], check=True)  # the data folder turns read-only
readonly_error = ""
try:
    ro = HistoryStore(mnt, station="bench-1")
    ro.record(part(123_456), "file")
except Exception as exc:
    readonly_error = f"{type(exc).__name__}: {exc}"
db = sqlite3.connect(f"file:{os.path.join(mnt, 'history.sqlite')}?mode=ro", uri=True)
rows = db.execute("SELECT id, score, map_path FROM inspections ORDER BY id").fetchall()
maps_ok = all(np.load(m).shape == (120, 120) for _, _, m in rows)
files = sorted(int(n[:-4]) for n in os.listdir(os.path.join(mnt, "maps")))
print(json.dumps({"committed": committed, "after": after, "error": error, "readonly_error": readonly_error, "rows": [r[0] for r in rows],
                  "scores": [r[1] for r in rows], "maps_ok": maps_ok, "map_files": files,
                  "check": db.execute("PRAGMA quick_check").fetchone()[0]}))
"""


def _namespaces_allowed() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "true"], capture_output=True)
    return probe.returncode == 0


@pytest.mark.skipif(not _namespaces_allowed(), reason="no unprivileged user/mount namespaces here to mount a tmpfs")
def test_a_full_filesystem_fails_loudly_keeps_every_committed_row_and_recovers(tmp_path):
    mnt = tmp_path / "tiny"
    mnt.mkdir()
    run = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", sys.executable, "-c", CHILD, str(mnt)],
                         capture_output=True, text=True, cwd=ROOT, timeout=120,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin:/usr/sbin:/sbin"})
    assert run.returncode == 0, run.stderr[-2000:]
    out = json.loads(run.stdout.strip().splitlines()[-1])
    assert out["error"], "the disk never filled up: the test proves nothing"
    assert "full" in out["error"].lower() or "space" in out["error"].lower(), out["error"]
    assert len(out["committed"]) >= 5
    assert out["rows"] == out["committed"] + [out["after"]], "every committed row kept, no half-written row"
    assert out["scores"][:-1] == [float(i) for i in range(len(out["committed"]))] and out["scores"][-1] == 99_999
    assert out["maps_ok"] and out["map_files"] == out["rows"], "every row has its map, no orphan map file"
    assert out["check"] == "ok"
    assert "read-only" in out["readonly_error"].lower() or "readonly" in out["readonly_error"].lower(), out["readonly_error"]
