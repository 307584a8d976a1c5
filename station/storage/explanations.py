"""Explanations kept with the history: one row per explained inspection (every number as JSON,
the CAM maps as float16 ``.npy`` files, the waterfall as PNG) and the global embeddings that the
retrieval index is built from. The database is the truth; each category's FAISS index under
``retrieval/`` is a cache, rebuilt from the database when missing, damaged or out of step.

Used from one thread (the explanation worker) per connection, like ``HistoryStore``.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import numpy as np

from engine.explain.retrieval import RetrievalIndex
from station.storage.history import HistoryStore, thumbnail_jpeg, utc_now

SAVE_EVERY = 50
"""The index file is rewritten after this many additions (and at close); the DB has every row."""


class ExplanationStore:
    """Explanations and embeddings in ``<data_dir>/history.sqlite``; files under ``explain/``."""

    def __init__(self, history: HistoryStore) -> None:
        self.history = history
        self.db: sqlite3.Connection = history.db
        self.folder = history.data_dir / "explain"
        self.folder.mkdir(exist_ok=True)
        self.index_dir = history.data_dir / "retrieval"
        self._indexes: dict[str, RetrievalIndex] = {}
        self._unsaved: dict[str, int] = {}
        self._thumbs: dict[str, bytes | None] = {}

    # ---- explanations ------------------------------------------------------------------------
    def save_explanation(self, inspection_id: int, model_id: str, facts: dict[str, Any],
                         maps: dict[str, np.ndarray], pngs: dict[str, bytes]) -> None:
        """Store every number (``facts``), the maps (float16 .npy) and images (PNG bytes)."""
        files = {}
        for name, arr in maps.items():
            p = self.folder / f"{inspection_id}_{name}.npy"
            np.save(p, arr.astype(np.float16))
            files[name] = str(p)
        for name, data in pngs.items():
            p = self.folder / f"{inspection_id}_{name}.png"
            p.write_bytes(data)
            files[name] = str(p)
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO explanations VALUES (?,?,?,?,?)",
                            (inspection_id, model_id, utc_now(), json.dumps(facts), json.dumps(files)))

    def load_explanation(self, inspection_id: int) -> tuple[dict[str, Any], dict[str, Any]] | None:
        """(facts, {name: np.ndarray or PNG path}) of a stored explanation, or None."""
        r = self.db.execute("SELECT json, files_json FROM explanations WHERE inspection_id=?",
                            (inspection_id,)).fetchone()
        if r is None:
            return None
        files: dict[str, Any] = {}
        for name, path in json.loads(r[1]).items():
            p = Path(path)
            if not p.is_file():
                continue
            files[name] = np.load(p, allow_pickle=False).astype(np.float32) if p.suffix == ".npy" else str(p)
        return json.loads(r[0]), files

    # ---- embeddings and retrieval ------------------------------------------------------------
    def add_embedding(self, category: str, vector: np.ndarray, inspection_id: int | None = None,
                      model_id: str = "", kind: str = "inspection", source: str = "") -> int:
        v = np.ascontiguousarray(vector, dtype=np.float32)
        with self.db:
            cur = self.db.execute(
                "INSERT OR REPLACE INTO embeddings (inspection_id, category, model_id, kind, source, vector, ts) "
                "VALUES (?,?,?,?,?,?,?)",
                (inspection_id, category, model_id, kind, source, v.tobytes(), utc_now()))
        eid = int(cur.lastrowid)
        index = self.index(category, v.size)
        index.add([eid], v)
        self._unsaved[category] = self._unsaved.get(category, 0) + 1
        if self._unsaved[category] >= SAVE_EVERY:
            self.save_index(category)
        return eid

    def import_training(self, category: str, model_id: str, paths: list[str], vectors: np.ndarray) -> int:
        """Add a model's training images once (kind 'training'); returns how many were new."""
        known = {r[0] for r in self.db.execute(
            "SELECT source FROM embeddings WHERE category=? AND kind='training' AND model_id=?", (category, model_id))}
        n = 0
        for p, v in zip(paths, vectors):
            if p not in known:
                self.add_embedding(category, v, None, model_id, "training", p)
                n += 1
        return n

    def _count(self, category: str) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM embeddings WHERE category=?", (category,)).fetchone()[0])

    def index(self, category: str, dim: int) -> RetrievalIndex:
        """The category's index: from its file when it matches the database, else rebuilt."""
        idx = self._indexes.get(category)
        if idx is not None and idx.dim == dim:
            return idx
        path = self.index_dir / f"{category}.faiss"
        idx = None
        if path.is_file():
            try:
                idx = RetrievalIndex.load(path, dim)
                if idx.size != self._count(category):
                    idx = None  # out of step with the database (a crash between the two): rebuild
            except ValueError:
                idx = None  # damaged: rebuild
        if idx is None:
            idx = self.rebuild(category, dim)
        self._indexes[category] = idx
        return idx

    def rebuild(self, category: str, dim: int) -> RetrievalIndex:
        idx = RetrievalIndex(dim)
        rows = self.db.execute("SELECT id, vector FROM embeddings WHERE category=?", (category,)).fetchall()
        rows = [(i, b) for i, b in rows if len(b) == 4 * dim]
        if rows:
            idx.add([i for i, _ in rows], np.stack([np.frombuffer(b, np.float32) for _, b in rows]))
        idx.save(self.index_dir / f"{category}.faiss")
        self._indexes[category] = idx
        self._unsaved[category] = 0
        return idx

    def save_index(self, category: str) -> None:
        if category in self._indexes:
            self._indexes[category].save(self.index_dir / f"{category}.faiss")
            self._unsaved[category] = 0

    def close(self) -> None:
        for category, n in list(self._unsaved.items()):
            if n:
                self.save_index(category)

    def neighbours(self, category: str, vector: np.ndarray, k: int = 6, exclude_inspection: int | None = None,
                   training: int = 2) -> list[dict[str, Any]]:
        """The ``k`` most similar past inspections and the ``training`` most similar training
        images: similarity, kind, inspection facts, exact-duplicate flag (cosine similarity 1 to
        float32 precision); duplicates first, then inspections, then training images, each by
        similarity."""
        index = self.index(category, int(np.asarray(vector).size))
        exclude = None
        if exclude_inspection is not None:
            r = self.db.execute("SELECT id FROM embeddings WHERE inspection_id=?", (exclude_inspection,)).fetchone()
            exclude = r[0] if r else None
        out, counts = [], {"inspection": 0, "training": 0}
        wanted = {"inspection": k, "training": training}
        found = index.search(vector, min(index.size, 8 * (k + training)), exclude=exclude)
        ids = [nb.id for nb in found]
        rows = {r[0]: r[1:] for r in self.db.execute(
            f"SELECT id, inspection_id, kind, source, ts, vector FROM embeddings WHERE id IN ({','.join('?' * len(ids))})",
            ids)} if ids else {}
        exact = {i: np.frombuffer(r[4], np.float32) for i, r in rows.items()}
        for nb in RetrievalIndex.rescore(vector, found, exact):
            r = rows.get(nb.id)
            if r is None or counts.get(r[1], 0) >= wanted.get(r[1], 0):
                continue
            counts[r[1]] += 1
            item = {"embedding_id": nb.id, "similarity": round(nb.similarity, 4), "inspection_id": r[0],
                    "kind": r[1], "source": r[2], "time": r[3], "label": None,
                    "exact_duplicate": nb.similarity > 0.99999}
            if r[0] is not None:
                row = self.history.get(int(r[0]))
                if row is not None:
                    item.update(verdict=row.verdict, score=row.score, thumbnail=row.thumbnail, time=row.ts)
            else:
                item.update(verdict="GOOD (training image)", score=None, thumbnail=self.thumbnail_of(r[2]))
            out.append(item)
            if counts["inspection"] >= k and counts["training"] >= training:
                break
        out.sort(key=lambda d: (not d["exact_duplicate"], d["kind"] != "inspection", -d["similarity"]))
        return out

    def thumbnail_of(self, path: str | None) -> bytes | None:
        """A JPEG thumbnail of a training image (cached), made as the history makes its own."""
        from engine.imaging import ImageLoadError, load_image

        if not path:
            return None
        if path not in self._thumbs:
            try:
                self._thumbs[path] = thumbnail_jpeg(load_image(path))
            except ImageLoadError:
                self._thumbs[path] = None
        return self._thumbs[path]
