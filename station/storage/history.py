"""Local SQLite history of every inspection, failed ones included.

WAL mode, ``PRAGMA user_version`` as schema version, forward migrations. Anomaly maps are
kept as float16 ``.npy`` files beside the database so a past inspection is shown again exactly
as judged, without recomputing. Each thread opens its own ``HistoryStore``.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

import cv2
import numpy as np

from engine.model_store.store import sha256_file
from engine.types import InspectionResult

MIGRATIONS = [
    """
    CREATE TABLE inspections (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ts TEXT NOT NULL,
        station TEXT, operator TEXT, category TEXT, model_id TEXT,
        source TEXT, source_kind TEXT, image_path TEXT, image_sha256 TEXT,
        score REAL, normalised_score REAL, threshold REAL,
        verdict TEXT NOT NULL, error TEXT, map_path TEXT, thumbnail BLOB,
        total_ms REAL, timing_json TEXT
    );
    CREATE INDEX idx_inspections_ts ON inspections(ts);
    CREATE INDEX idx_inspections_verdict ON inspections(verdict);
    CREATE INDEX idx_inspections_category ON inspections(category);
    CREATE TABLE watched_files (
        path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, inspection_id INTEGER, ts TEXT
    );
    """,
    # 2: explanations of each verdict, and the global embeddings the retrieval index is built from
    """
    CREATE TABLE explanations (
        inspection_id INTEGER PRIMARY KEY, model_id TEXT, ts TEXT, json TEXT NOT NULL,
        files_json TEXT NOT NULL DEFAULT '{}'
    );
    CREATE TABLE embeddings (
        id INTEGER PRIMARY KEY AUTOINCREMENT, inspection_id INTEGER UNIQUE, category TEXT NOT NULL,
        model_id TEXT, kind TEXT NOT NULL, source TEXT, vector BLOB NOT NULL, ts TEXT
    );
    CREATE INDEX idx_embeddings_category ON embeddings(category);
    """,
    # 3: technicians' decisions (never overwriting a verdict), the change log, model versions,
    #    defect types per category, master parts and their checks
    """
    CREATE TABLE decisions (
        id INTEGER PRIMARY KEY AUTOINCREMENT, inspection_id INTEGER NOT NULL, ts TEXT NOT NULL,
        who TEXT NOT NULL, role TEXT NOT NULL, decision TEXT NOT NULL, defect_type TEXT, reason TEXT,
        note TEXT, context TEXT NOT NULL, supersedes INTEGER
    );
    CREATE INDEX idx_decisions_inspection ON decisions(inspection_id);
    CREATE TABLE changes (
        id INTEGER PRIMARY KEY AUTOINCREMENT, ts TEXT NOT NULL, who TEXT NOT NULL, role TEXT,
        subject TEXT NOT NULL, old_value TEXT, new_value TEXT, why TEXT
    );
    CREATE TABLE model_versions (
        id INTEGER PRIMARY KEY AUTOINCREMENT, ts TEXT NOT NULL, category TEXT NOT NULL, model_id TEXT NOT NULL,
        version TEXT, event TEXT NOT NULL, who TEXT, note TEXT
    );
    CREATE TABLE defect_types (category TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (category, name));
    CREATE TABLE masters (
        id INTEGER PRIMARY KEY AUTOINCREMENT, category TEXT NOT NULL, path TEXT NOT NULL, expected TEXT NOT NULL,
        sha256 TEXT, ts TEXT, who TEXT, UNIQUE (category, path)
    );
    CREATE TABLE master_checks (
        id INTEGER PRIMARY KEY AUTOINCREMENT, ts TEXT NOT NULL, category TEXT, master_id INTEGER,
        inspection_id INTEGER, expected TEXT, verdict TEXT, ok INTEGER, who TEXT
    );
    """,
    # 4: whose fault an ERROR was (a station's can be retried), and the camera's episodes
    """
    ALTER TABLE inspections ADD COLUMN error_cause TEXT;
    CREATE TABLE camera_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT, ts TEXT NOT NULL, station TEXT, source TEXT NOT NULL,
        event TEXT NOT NULL, detail TEXT
    );
    CREATE INDEX idx_camera_events_ts ON camera_events(ts);
    """,
    # 5: the bench: FAIL acknowledgements (who, when), lots, re-tests linked to the first verdict,
    #    and the bench's own events (operator sign-in, FAIL-streak stops, hand-over sign-offs)
    """
    ALTER TABLE inspections ADD COLUMN lot TEXT;
    ALTER TABLE inspections ADD COLUMN retest_of INTEGER;
    CREATE INDEX idx_inspections_lot ON inspections(lot);
    CREATE TABLE acknowledgements (
        id INTEGER PRIMARY KEY AUTOINCREMENT, inspection_id INTEGER NOT NULL UNIQUE, ts TEXT NOT NULL,
        who TEXT NOT NULL, station TEXT
    );
    CREATE TABLE bench_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT, ts TEXT NOT NULL, station TEXT, who TEXT, event TEXT NOT NULL,
        detail TEXT
    );
    CREATE INDEX idx_bench_events_ts ON bench_events(ts);
    """,
    # 6: the known-defect score (``engine.judging.known_defects``): why a part under its threshold FAILed
    """
    ALTER TABLE inspections ADD COLUMN known_defect_score REAL;
    """,
    # 7: the line links (``station.line``): messages kept until the other side has them, and episodes
    """
    CREATE TABLE line_outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT, ts TEXT NOT NULL, link TEXT NOT NULL, inspection_id INTEGER,
        payload TEXT NOT NULL, sent_ts TEXT
    );
    CREATE INDEX idx_line_outbox_unsent ON line_outbox(link, sent_ts, id);
    CREATE TABLE line_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT, ts TEXT NOT NULL, station TEXT, link TEXT NOT NULL,
        event TEXT NOT NULL, detail TEXT
    );
    CREATE INDEX idx_line_events_ts ON line_events(ts);
    """,
    # 8: how far each table has been shipped to the site database (``station.site.sync``)
    """
    CREATE TABLE site_cursor (tbl TEXT PRIMARY KEY, last_id INTEGER NOT NULL);
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)
THUMB_SIDE = 96
_SELECT = ("SELECT id, ts, category, model_id, source, verdict, score, normalised_score, threshold, error, "
           "image_path, map_path, thumbnail, known_defect_score FROM inspections")


@dataclass(frozen=True)
class HistoryRow:
    id: int
    ts: str
    category: str
    model_id: str
    source: str
    verdict: str
    score: float | None
    normalised_score: float | None
    threshold: float | None
    error: str | None
    image_path: str | None
    map_path: str | None
    thumbnail: bytes | None
    known_defect_score: float | None = None
    """The part's likeness to confirmed defects over its threshold (>= 1 FAILed a REVIEW part)."""


class HistoryStore:
    """One connection to ``<data_dir>/history.sqlite``; maps and frames go in sub-folders."""

    def __init__(self, data_dir: str | Path, station: str = "", operator: str = "", check: bool = False) -> None:
        """``check``: run ``PRAGMA quick_check`` first; a damaged database is kept aside under a dated
        name (``recovered_from`` says where) and a fresh one started. The window's store checks."""
        self.data_dir = Path(data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        (self.data_dir / "maps").mkdir(exist_ok=True)
        (self.data_dir / "frames").mkdir(exist_ok=True)
        self.station, self.operator = station, operator
        self.lot = ""
        """The lot (order) the next parts belong to ('' when none was entered)."""
        self.retest_of: int | None = None
        """The earlier inspection the next part re-tests (used once, then cleared)."""
        self.recovered_from: Path | None = None
        path = self.data_dir / "history.sqlite"
        if check and path.exists():
            problem = database_problem(path)
            if problem:
                self.recovered_from = set_aside(path, problem)
        self.db = sqlite3.connect(path, timeout=10, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self._migrate()

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise RuntimeError(f"history database has schema {version}, newer than this program ({SCHEMA_VERSION})")
        for v in range(version, SCHEMA_VERSION):
            with self.db:
                self.db.executescript(MIGRATIONS[v])
                self.db.execute(f"PRAGMA user_version={v + 1}")

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        self.db.close()

    def record(self, result: InspectionResult, source_kind: str = "file", frame: np.ndarray | None = None,
               ts: str | None = None, seen: tuple[str, int, int] | None = None) -> int:
        """Store one result (ERROR results too); returns its row id. ``ts``: UTC ISO time (default now;
        scripted histories and imports give their own). ``seen``: (path, size, mtime_ns) of a watched
        file, marked judged in the same transaction, so a crash can neither lose nor repeat it."""
        image_path, sha = None, None
        if source_kind == "camera" and frame is not None:
            name = f"{datetime.now():%Y%m%d-%H%M%S-%f}.png"
            image_path = str(self.data_dir / "frames" / name)
            if not cv2.imwrite(image_path, cv2.cvtColor(frame, cv2.COLOR_RGB2BGR)):  # False on a full disk
                Path(image_path).unlink(missing_ok=True)
                raise OSError(f"could not write the camera frame to {image_path} (disk full or not writable?)")
            sha = hashlib.sha256(frame.tobytes()).hexdigest()
        elif Path(result.source).is_file():
            image_path = str(Path(result.source).resolve())
            try:
                sha = sha256_file(image_path)
            except OSError:
                sha = None
        img = result.image if result.image is not None else frame
        thumb = thumbnail_jpeg(img) if img is not None else None
        with self.db:
            cur = self.db.execute(
                """INSERT INTO inspections (ts, station, operator, category, model_id, source, source_kind,
                   image_path, image_sha256, score, normalised_score, threshold, verdict, error, error_cause,
                   thumbnail, total_ms, timing_json, lot, retest_of, known_defect_score)
                   VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
                (ts or utc_now(), self.station, self.operator,
                 result.category, result.model_id, result.source, source_kind, image_path, sha, result.score,
                 result.normalised_score, result.threshold, result.verdict.value, result.error,
                 result.error_cause, thumb, result.timing.total_ms, json.dumps(asdict(result.timing)),
                 self.lot or None, self.retest_of if source_kind != "master" else None,
                 getattr(result, "known_defect_score", None)))
            row_id = int(cur.lastrowid)
            if source_kind != "master":
                self.retest_of = None
            if result.anomaly_map is not None:
                map_path = self.data_dir / "maps" / f"{row_id}.npy"
                np.save(map_path, result.anomaly_map.astype(np.float16))
                self.db.execute("UPDATE inspections SET map_path=? WHERE id=?", (str(map_path), row_id))
            if seen is not None:
                self._put_seen(*seen, row_id)
        return row_id

    def latest(self, limit: int = 200, verdict: str | None = None, category: str | None = None,
               since_utc: str | None = None) -> list[HistoryRow]:
        where, args = [], []
        if since_utc:
            where.append("ts >= ?")
            args.append(since_utc)
        if verdict:
            where.append("verdict=?")
            args.append(verdict)
        if category:
            where.append("category=?")
            args.append(category)
        sql = _SELECT
        if where:
            sql += " WHERE " + " AND ".join(where)
        rows = self.db.execute(sql + " ORDER BY id DESC LIMIT ?", (*args, limit)).fetchall()
        return [HistoryRow(*r) for r in rows]

    def get(self, row_id: int) -> HistoryRow | None:
        r = self.db.execute(f"{_SELECT} WHERE id=?", (row_id,)).fetchone()
        return HistoryRow(*r) if r else None

    def counts(self, since_iso: str | None = None) -> dict[str, int]:
        """Verdict counts of production parts (master-part checks left out) since ``since_iso``."""
        sql, args = "SELECT verdict, COUNT(*) FROM inspections WHERE source_kind IS NOT 'master'", ()
        if since_iso:
            sql, args = sql + " AND ts >= ?", (since_iso,)
        out = {"PASS": 0, "FAIL": 0, "REVIEW": 0, "ERROR": 0}
        out.update(dict(self.db.execute(sql + " GROUP BY verdict", args).fetchall()))
        return out

    def categories(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT DISTINCT category FROM inspections WHERE category != '' ORDER BY 1")]

    def record_camera_event(self, source: str, event: str, detail: str = "", ts: str | None = None) -> int:
        """One camera episode (connected, no_signal, lost, reconnected, dropped, stopped)."""
        with self.db:
            cur = self.db.execute("INSERT INTO camera_events (ts, station, source, event, detail) VALUES (?,?,?,?,?)",
                                  (ts or utc_now(), self.station, source, event, detail))
        return int(cur.lastrowid)

    def camera_events(self, since_iso: str = "") -> list[tuple[str, str, str, str]]:
        """(ts, source, event, detail) since ``since_iso``, oldest first."""
        return self.db.execute("SELECT ts, source, event, detail FROM camera_events WHERE ts >= ? ORDER BY id",
                               (since_iso,)).fetchall()

    def unretried_station_errors(self, since_iso: str = "") -> list[str]:
        """Files (opened or dropped, not watched: the watcher finds those itself) whose last
        inspection since ``since_iso`` was an ERROR by the station's fault, oldest first."""
        return [r[0] for r in self.db.execute(
            """SELECT source FROM inspections i WHERE error_cause = 'station' AND source_kind = 'file' AND ts >= ?
               AND NOT EXISTS (SELECT 1 FROM inspections j WHERE j.source = i.source AND j.id > i.id)
               ORDER BY id""", (since_iso,))]

    # watched folder bookkeeping: a file is judged once, also across restarts
    def already_seen(self, path: str | Path, size: int, mtime_ns: int) -> bool:
        r = self.db.execute("SELECT size, mtime_ns FROM watched_files WHERE path=?", (str(path),)).fetchone()
        return r is not None and tuple(r) == (size, mtime_ns)

    def mark_seen(self, path: str | Path, size: int, mtime_ns: int, inspection_id: int | None) -> None:
        with self.db:
            self._put_seen(path, size, mtime_ns, inspection_id)

    def _put_seen(self, path: str | Path, size: int, mtime_ns: int, inspection_id: int | None) -> None:
        """The watched file's "judged" mark; the caller holds the transaction."""
        self.db.execute("INSERT OR REPLACE INTO watched_files VALUES (?,?,?,?,?)",
                        (str(path), int(size), int(mtime_ns), inspection_id, utc_now()))


def utc_now() -> str:
    """Now, as the UTC ISO time every table of the history uses (milliseconds)."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def database_problem(path: Path) -> str | None:
    """What ``PRAGMA quick_check`` finds wrong with the database at ``path``, or None when it is sound."""
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
        try:
            rows = [r[0] for r in db.execute("PRAGMA quick_check").fetchall()]
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None if rows == ["ok"] else "; ".join(rows[:3])


def set_aside(path: Path, problem: str) -> Path:
    """Move a damaged database (and its WAL and shared-memory files) to a dated name; returns it."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"history.damaged-{stamp}.sqlite")
    for suffix in ("", "-wal", "-shm"):
        src = Path(str(path) + suffix)
        if src.exists():
            src.replace(Path(str(target) + suffix))
    (target.parent / f"{target.name}.why.txt").write_text(problem + "\n", encoding="utf-8")
    return target


def thumbnail_jpeg(img: np.ndarray) -> bytes | None:
    """uint8 RGB image -> JPEG bytes at most THUMB_SIDE px along its longer side."""
    s = THUMB_SIDE / max(img.shape[:2])
    small = cv2.resize(img, (max(1, int(img.shape[1] * s)), max(1, int(img.shape[0] * s))), interpolation=cv2.INTER_AREA)
    ok, buf = cv2.imencode(".jpg", cv2.cvtColor(small, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_JPEG_QUALITY, 80])
    return buf.tobytes() if ok else None


def load_stored_image(row: HistoryRow) -> np.ndarray | None:
    """The row's image as judged, or None when it is gone or unreadable (e.g. past retention)."""
    from engine.imaging import ImageLoadError, load_image

    if not row.image_path:
        return None
    try:
        return load_image(row.image_path)
    except ImageLoadError:
        return None


def load_map(row: HistoryRow) -> np.ndarray | None:
    if not row.map_path or not Path(row.map_path).is_file():
        return None
    return np.load(row.map_path, allow_pickle=False).astype(np.float32)
