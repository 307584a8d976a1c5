"""Model versions inside a category folder; nothing is ever deleted.

Layout::

    models/<category>/manifest.json         the ACTIVE version's manifest, its file names
                                            prefixed with ``versions/<vid>/``, plus "active_version"
    models/<category>/versions/<vid>/       one complete model folder per version (its own
                                            manifest.json, memory bank, scores, ...)

Switching versions rewrites one file (the top manifest) with an atomic rename, so a crash
leaves either the old or the new version active, never neither. A folder written before
versions existed (files beside the manifest) is read as it is and becomes version 1 the first
time a new version is saved into it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import numpy as np

from engine.model_store.store import (DEFECT_SCORES_FILE, GOOD_SCORES_FILE, INDEX_FILE, MANIFEST, SCHEMA_VERSION, ModelError,
                          _write_json, check_category_name, load_model, read_manifest, sha256_file)

VERSIONS_DIR = "versions"


@dataclass(frozen=True)
class VersionInfo:
    """One saved version of a category's model."""

    vid: str
    """Folder name under ``versions/`` (``v1``, ``v2``, ...)."""
    number: int
    model_id: str
    created: str
    kind: str
    """"train", "rebuild" or "extend"."""
    parent: str | None
    note: str
    threshold: float
    good_images: int
    active: bool


def version_folder(category_folder: str | os.PathLike[str], vid: str) -> Path:
    if not vid or "/" in vid or "\\" in vid or vid.startswith("."):
        raise ModelError(f"invalid version name {vid!r}")
    return Path(category_folder) / VERSIONS_DIR / vid


def active_version(category_folder: str | os.PathLike[str]) -> str | None:
    """The active version's folder name, or None for a folder from before versions."""
    return read_manifest(category_folder).get("active_version")


def _pointer(version_manifest: dict[str, Any], vid: str) -> dict[str, Any]:
    files = {k: {"name": f"{VERSIONS_DIR}/{vid}/{e['name']}", "sha256": e["sha256"]}
             for k, e in version_manifest["files"].items()}
    return dict(version_manifest, files=files, active_version=vid)


def write_pointer(category_folder: Path, version_manifest: dict[str, Any], vid: str) -> dict[str, Any]:
    """Make ``vid`` the active version: the top manifest replaced atomically."""
    top = _pointer(version_manifest, vid)
    tmp = category_folder / f".{MANIFEST}.tmp"
    _write_json(tmp, top)
    os.replace(tmp, category_folder / MANIFEST)
    return top


def adopt_legacy(category_folder: Path) -> None:
    """A folder from before versions: copy its model into ``versions/v1`` (files stay where they are).

    The top manifest is not touched here; the caller's next pointer write makes the folder
    versioned. Unreadable folders are left alone (there is nothing sound to adopt)."""
    try:
        m = read_manifest(category_folder)
    except ModelError:
        return
    if "active_version" in m:
        return
    target = version_folder(category_folder, "v1")
    if target.exists():
        return
    tmp = Path(tempfile.mkdtemp(prefix=".v1.tmp-", dir=target.parent))
    try:
        for e in m["files"].values():
            src, dst = category_folder / e["name"], tmp / e["name"]
            try:
                os.link(src, dst)
            except OSError:
                shutil.copy2(src, dst)
        m = dict(m, version=dict(m.get("version") or {}, number=1, kind=(m.get("version") or {}).get("kind", "train"),
                                 parent=None, note="adopted from the folder's previous layout"))
        _write_json(tmp / MANIFEST, m)
        os.replace(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def next_number(category_folder: Path) -> int:
    return 1 + max((v.number for v in list_versions(category_folder)), default=0)


def list_versions(category_folder: str | os.PathLike[str]) -> list[VersionInfo]:
    """Every readable version, oldest first; a legacy folder lists itself as its only version."""
    folder = Path(category_folder)
    try:
        top = read_manifest(folder)
    except ModelError:
        top = None
    active = top.get("active_version") if top else None
    out: list[VersionInfo] = []
    vroot = folder / VERSIONS_DIR
    dirs = sorted((d for d in vroot.iterdir() if d.is_dir() and not d.name.startswith(".")), key=_vkey) \
        if vroot.is_dir() else []
    for d in dirs:
        try:
            out.append(_info(read_manifest(d), d.name, d.name == active))
        except (ModelError, KeyError, TypeError, ValueError):
            continue
    if top is not None and active is None:
        out.append(_info(top, "", True))
    return out


def _vkey(d: Path) -> tuple[int, str]:
    n = d.name[1:]
    return (int(n) if n.isdigit() else 10**9, d.name)


def _info(m: dict[str, Any], vid: str, active: bool) -> VersionInfo:
    v = m.get("version") or {}
    return VersionInfo(vid=vid, number=int(v.get("number", 1)), model_id=m["model_id"], created=m["created"],
                       kind=str(v.get("kind", "train")), parent=v.get("parent"), note=str(v.get("note", "")),
                       threshold=float(m["threshold"]["value"]), good_images=len(m["training"].get("good_images", [])),
                       active=active)


def activate_version(category_folder: str | os.PathLike[str], vid: str) -> dict[str, Any]:
    """Roll back (or forward) to ``vid`` after checking every file of it; returns the new top manifest."""
    folder = Path(category_folder)
    vfolder = version_folder(folder, vid)
    stored = load_model(vfolder)  # checksums: a damaged version is refused, the active one stays
    return write_pointer(folder, stored.manifest, vid)


IMAGE_LIST_FILE = "good_images.json"


def image_list_writer(paths: list[str | os.PathLike[str]]):
    """A writer(path) of the JSON list of the images a version learnt from, each with its SHA-256
    (an image changed on disk since is then recognisable)."""
    import json

    def write(out: Path) -> None:
        rows = []
        for p in paths:
            try:
                rows.append({"path": str(Path(p).resolve()), "sha256": sha256_file(p)})
            except OSError:
                rows.append({"path": str(Path(p).resolve()), "sha256": None})
        out.write_text(json.dumps(rows, indent=1), encoding="utf-8")

    return write


def save_model(
    models_dir: str | os.PathLike[str],
    manifest: dict[str, Any],
    write_index: Callable[[Path], None],
    good_scores: np.ndarray,
    defect_scores: np.ndarray | None = None,
    extra_files: dict[str, tuple[str, Callable[[Path], None]]] | None = None,
) -> Path:
    """Save a new version of ``models_dir/<category>/`` and make it the active one.

    ``write_index(path)`` writes the FAISS file; ``extra_files`` maps a manifest key to (file
    name, writer(path)): the part mask, synthetic scores, the classifier's weights. Each is
    checksummed. The version is written to a temporary folder, renamed to ``versions/vN``, then
    the top manifest is pointed at it; earlier versions stay.
    """
    category = check_category_name(manifest["category"])
    root = Path(models_dir)
    folder = root / category
    vroot = folder / VERSIONS_DIR
    vroot.mkdir(parents=True, exist_ok=True)
    adopt_legacy(folder)
    number = next_number(folder)
    vid = f"v{number}"
    try:
        parent = read_manifest(folder)["model_id"]
    except ModelError:
        parent = None
    taken = {v.model_id for v in list_versions(folder)}
    if manifest["model_id"] in taken:
        manifest = dict(manifest, model_id=f"{manifest['model_id']}-{vid}")
    tmp = Path(tempfile.mkdtemp(prefix=f".{vid}.tmp-", dir=vroot))
    try:
        write_index(tmp / INDEX_FILE)
        np.save(tmp / GOOD_SCORES_FILE, np.asarray(good_scores, dtype=np.float64))
        files = {"index": INDEX_FILE, "good_scores": GOOD_SCORES_FILE}
        if defect_scores is not None and len(defect_scores):
            np.save(tmp / DEFECT_SCORES_FILE, np.asarray(defect_scores, dtype=np.float64))
            files["defect_scores"] = DEFECT_SCORES_FILE
        for key, (name, writer) in (extra_files or {}).items():
            writer(tmp / name)
            files[key] = name
        version = dict(manifest.get("version") or {}, number=number, parent=parent)
        version.setdefault("kind", "train")
        manifest = dict(manifest, schema_version=SCHEMA_VERSION, version=version,
                        files={k: {"name": v, "sha256": sha256_file(tmp / v)} for k, v in files.items()})
        _write_json(tmp / MANIFEST, manifest)
        os.replace(tmp, vroot / vid)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    write_pointer(folder, manifest, vid)
    return folder


def update_model_files(folder: str | os.PathLike[str], files: dict[str, tuple[str, Callable[[Path], None]]],
                       changes: dict[str, Any]) -> dict[str, Any]:
    """Replace data files of the active model and merge ``changes`` into its manifest, crash-safe.

    Each new file is written under a fresh name, then the manifest is replaced atomically to
    point at it: at every moment the folder is a valid model (the old one or the new one). The
    replaced files stay on disk (nothing is deleted). In a versioned folder the change goes into
    the active version's folder and manifest, then the top manifest follows. Returns the new
    manifest of the edited folder.
    """
    import time

    top_folder = Path(folder)
    vid = read_manifest(top_folder).get("active_version")
    folder = version_folder(top_folder, vid) if vid else top_folder
    m = read_manifest(folder)
    stamp = time.strftime("%Y%m%dT%H%M%S")
    for key, (name, writer) in files.items():
        stem, dot, ext = name.rpartition(".")
        new_name = f"{stem}-{stamp}.{ext}" if dot else f"{name}-{stamp}"
        writer(folder / new_name)
        m["files"][key] = {"name": new_name, "sha256": sha256_file(folder / new_name)}
    m.update(changes)
    tmp = folder / f".{MANIFEST}.tmp"
    _write_json(tmp, m)
    os.replace(tmp, folder / MANIFEST)
    if vid:
        write_pointer(top_folder, m, vid)
    return m
