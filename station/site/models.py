"""The site's model registry: a station publishes a model version (its files to the site share,
their SHA-256 to PostgreSQL), a technician approves one for the site, and every station pulls
the approved version, checked file by file against the registry (a damaged copy is refused and
the station keeps its model), installs it as a new local version and puts it on the line.
Approvals are append-only: approving an older version again rolls the whole site back."""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from engine.model_store.store import MANIFEST, ModelError, read_manifest, sha256_file
from engine.model_store.versions import (VERSIONS_DIR, activate_version, active_version, list_versions, next_number,
                                         version_folder)


@dataclass(frozen=True)
class Pulled:
    category: str
    model_id: str
    action: str
    """"installed" (new local version, put on the line), "activated" (a local version again: a
    rollback), "current" (already on the line) or "none" (nothing approved for the category)."""
    version: str = ""


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def _files(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): sha256_file(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def publish(pg, models_dir: Path, category: str, share: Path, vid: str | None = None) -> str:
    """Copy a local version (default: the active one) to the share and register it; its model id."""
    folder = Path(models_dir) / category
    vid = vid or active_version(folder)
    if not vid:
        raise ModelError(f"{category}: no model version to publish (train it first)")
    src = version_folder(folder, vid)
    manifest = read_manifest(src)
    files = _files(src)
    dst = Path(share) / category / manifest["model_id"]
    if not dst.exists():
        tmp = Path(tempfile.mkdtemp(prefix=".publish-", dir=dst.parent if dst.parent.exists() else None))
        shutil.copytree(src, tmp, dirs_exist_ok=True)
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(tmp), str(dst))
    pg.execute("INSERT INTO model_registry (category, model_id, station_id, published_ts, files, manifest) "
               "VALUES (%s, %s, current_user, %s, %s, %s) ON CONFLICT DO NOTHING",
               (category, manifest["model_id"], _now(), json.dumps(files), json.dumps(manifest)))
    return manifest["model_id"]


def approve(pg, category: str, model_id: str, why: str) -> None:
    """A technician's approval (their site role): this version is the site's model of the category."""
    if not why.strip():
        raise ValueError("an approval needs a reason")
    pg.execute("INSERT INTO model_approvals (category, model_id, approved_by, approved_ts, why) "
               "VALUES (%s, %s, current_user, %s, %s)", (category, model_id, _now(), why))


def approved(pg, category: str) -> tuple[str, dict] | None:
    """(model id, files with their SHA-256) of the category's newest approval, or None."""
    row = pg.execute("SELECT a.model_id, r.files FROM model_approvals a JOIN model_registry r "
                     "USING (category, model_id) WHERE a.category = %s ORDER BY a.id DESC LIMIT 1", (category,)).fetchone()
    return (row[0], row[1]) if row else None


def pull(pg, models_dir: Path, category: str, share: Path) -> Pulled:
    """Put the site's approved version of ``category`` on this station's line (see the module)."""
    found = approved(pg, category)
    if found is None:
        return Pulled(category, "", "none")
    model_id, files = found
    folder = Path(models_dir) / category
    for v in list_versions(folder) if folder.exists() else []:
        if v.model_id == model_id and v.vid:
            if v.active:
                return Pulled(category, model_id, "current", v.vid)
            activate_version(folder, v.vid)  # checks every file; a damaged local copy is refused
            return Pulled(category, model_id, "activated", v.vid)
    src = Path(share) / category / model_id
    (folder / VERSIONS_DIR).mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".pull-", dir=folder / VERSIONS_DIR))
    try:
        if not src.is_dir():
            raise ModelError(f"{category}: {model_id} is approved but not on the site share ({src})")
        shutil.copytree(src, tmp, dirs_exist_ok=True)
        got = _files(tmp)
        for name, digest in files.items():
            if got.get(name) != digest:
                raise ModelError(f"{category}: {model_id} on the site share is damaged ({name} does not match "
                                 "its SHA-256 in the registry); this station keeps its model")
        m = read_manifest(tmp)
        vid = f"v{next_number(folder)}"
        m["version"] = dict(m.get("version") or {}, number=int(vid[1:]), note=f"from the site registry ({model_id})")
        (tmp / MANIFEST).write_text(json.dumps(m, indent=2))
        target = version_folder(folder, vid)
        tmp.rename(target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    activate_version(folder, vid)
    return Pulled(category, model_id, "installed", vid)
