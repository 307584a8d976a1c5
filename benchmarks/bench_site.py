"""A site of many stations: N simulated stations x M inspections shipped to one PostgreSQL.

    python benchmarks/bench_site.py [--stations 10] [--rows 10000] [--out docs/benchmarks/site.json]

A PostgreSQL of the benchmark's own (``initdb`` in a temporary folder, loopback, as the tests
start it). Each station gets a local history of ``--rows`` inspections of the current shift
(written straight into SQLite, with a decision on every fifth reject) and its own login role.
All stations then ship at once, one thread each, as ``station site-sync`` does: rows per second
over the site, each station's time until nothing waits (its lag), the largest. Then the site
report of the shift over all rows (``station report --site``: snapshot, facts, PDF, HTML, CSV)
is timed.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _local_history(folder: Path, station: str, rows: int, start: datetime, span_s: float) -> None:
    from station.storage.history import HistoryStore

    HistoryStore(folder, station=station).close()
    db = sqlite3.connect(folder / "history.sqlite")
    verdicts = ("PASS",) * 17 + ("FAIL", "REVIEW", "ERROR")
    with db:
        db.executemany(
            "INSERT INTO inspections (ts, station, operator, category, model_id, source, source_kind, score, "
            "normalised_score, threshold, verdict) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [((start + timedelta(seconds=span_s * k / rows)).isoformat(timespec="milliseconds"), station, "op",
              "bottle", "bottle-v1", f"part{k:06d}.png", "camera", 30.0 + (k % 11), 0.2 + (k % 11) / 30, 34.1,
              verdicts[k % len(verdicts)]) for k in range(rows)])
        rejects = [r[0] for r in db.execute("SELECT id FROM inspections WHERE verdict IN ('FAIL','REVIEW')")][::5]
        db.executemany("INSERT INTO decisions (inspection_id, ts, who, role, decision, defect_type, context) "
                       "VALUES (?,?,?,?,?,?,?)",
                       [(i, start.isoformat(timespec="milliseconds"), "tess", "technician", "defect", "crack", "review")
                        for i in rejects])
    db.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--stations", type=int, default=10)
    ap.add_argument("--rows", type=int, default=10_000)
    ap.add_argument("--out")
    a = ap.parse_args()
    from station.report import collect, write_report
    from station.site.report import snapshot, stations, stations_line
    from station.site.schema import add_station, migrate
    from station.site.sync import SiteSync
    from station.storage.shifts import resolve_shift
    from tests.station.site.pg_server import Postgres

    pg = Postgres()
    work = Path(tempfile.mkdtemp(prefix="site-bench-"))
    shift = resolve_shift("current", None)
    start = shift.start.astimezone(timezone.utc) + timedelta(minutes=1)
    span = max(60.0, min((datetime.now(timezone.utc) - start).total_seconds() - 60, 7 * 3600))
    names = [f"station_{k:02d}" for k in range(a.stations)]
    with pg.connect() as owner:
        migrate(owner)
        for n in names:
            add_station(owner, n, f"{n}-pw")
        owner.execute("CREATE ROLE quality LOGIN PASSWORD 'quality-pw' IN ROLE site_reader")
    t = time.monotonic()
    for n in names:
        _local_history(work / n, n, a.rows, start, span)
    made_s = time.monotonic() - t

    lag: dict[str, float] = {}
    shipped: dict[str, int] = {}

    def ship(n: str) -> None:
        t0 = time.monotonic()
        r = SiteSync(work / n, n, lambda: pg.connect(n, f"{n}-pw")).run()
        lag[n], shipped[n] = time.monotonic() - t0, sum(r.shipped.values())
        assert r.error == "" and r.waiting == 0, r

    t = time.monotonic()
    threads = [threading.Thread(target=ship, args=(n,)) for n in names]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    sync_s = time.monotonic() - t
    again = SiteSync(work / names[0], names[0], lambda: pg.connect(names[0], f"{names[0]}-pw")).run()

    t = time.monotonic()
    with pg.connect("quality", "quality-pw") as c:
        mem = snapshot(c, shift.start_utc, shift.end_utc)
        per_station = stations(c, shift.start_utc, shift.end_utc)
    snap_s = time.monotonic() - t
    import dataclasses

    data = dataclasses.replace(collect(mem, shift), site=stations_line(per_station))
    write_report(data, work / "report")
    report_s = time.monotonic() - t
    total = sum(shipped.values())
    out = {
        "stations": a.stations, "inspections_per_station": a.rows, "rows_shipped": total,
        "inspections_in_report": data.total, "made_local_histories_s": round(made_s, 1),
        "sync_all_s": round(sync_s, 2), "rows_per_s": round(total / sync_s), "lag_s_median": round(statistics.median(lag.values()), 2),
        "lag_s_max": round(max(lag.values()), 2), "second_round_rows": sum(again.shipped.values()),
        "site_report_s": round(report_s, 2), "of_which_snapshot_s": round(snap_s, 2),
    }
    pg.remove()
    print(json.dumps(out, indent=1))
    if a.out:
        Path(a.out).write_text(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
