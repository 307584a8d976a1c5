"""Per-category model folder: ``manifest.json`` + ``memory_bank.faiss`` + ``.npy`` score arrays.

No pickle anywhere. Saving writes a sibling temporary folder and renames it into place, so a
crash never leaves a half-written model. Loading checks schema, checksums and shapes and says
what is wrong in one line.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import numpy as np

from engine.types import ModelInfo

SCHEMA_VERSION = 1
MANIFEST = "manifest.json"
INDEX_FILE = "memory_bank.faiss"
MAP_VIEW_FILE = "map_view_bank.faiss"
GOOD_SCORES_FILE = "calibration_good_scores.npy"
DEFECT_SCORES_FILE = "calibration_defect_scores.npy"
PART_MASK_FILE = "part_mask.png"
SYNTH_SCORES_FILE = "selftest_synthetic_scores.npy"
TRADEOFF_FILE = "selftest_tradeoff.png"
GALLERY_FILE = "selftest_gallery.png"
TRAIN_EMBEDDINGS_FILE = "train_embeddings.npy"
CATEGORY_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_REQUIRED = ("schema_version", "category", "model_id", "created", "engine_version", "backbone",
             "input_size", "patchcore", "training", "threshold", "files")


class ModelError(RuntimeError):
    """A model folder that is missing, corrupt or incompatible; the message names the problem."""


def check_category_name(name: str) -> str:
    if not CATEGORY_RE.match(name or ""):
        raise ModelError(
            f"invalid category name {name!r}: use letters, digits, '_', '-' or '.', starting with a letter or digit"
        )
    return name


def new_model_id(category: str, created) -> str:
    """A model version's id: the category, its UTC creation time and a random suffix, so two
    versions made in the same second (on one station, or on two stations of a site) never share
    an id (the site registry keys versions by it)."""
    return f"{category}-{created:%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


def sha256_file(path: str | os.PathLike[str]) -> str:
    """Hex SHA-256 of a file, read in 1 MiB chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@dataclass(frozen=True)
class StoredModel:
    """What a model folder holds, loaded and checked."""

    folder: Path
    manifest: dict[str, Any]
    index_path: Path
    good_scores: np.ndarray
    defect_scores: np.ndarray | None
    files: dict[str, Path] = field(default_factory=dict)
    """Every checked data file by its manifest key (``part_mask``, ``classifier``, ...)."""


def _write_json(path: Path, doc: dict[str, Any]) -> None:
    """A manifest written and flushed to disk (the caller renames it into place)."""
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(doc, fh, indent=2, sort_keys=True)
        fh.flush()
        os.fsync(fh.fileno())


def new_version_manifest(m: dict[str, Any]) -> dict[str, Any]:
    """A stored manifest less what ``save_model`` writes itself (files, schema, active version):
    the start of the manifest of a version made from it."""
    return {k: v for k, v in m.items() if k not in ("files", "active_version", "schema_version")}


def copy_writers(stored: StoredModel, leave_out: tuple[str, ...] = ()) -> dict[str, tuple[str, Callable[[Path], None]]]:
    """``extra_files`` for ``save_model`` that copy ``stored``'s data files as they are, all but the
    memory bank and scores (``save_model`` takes those apart) and ``leave_out``."""
    skip = {"index", "good_scores", "defect_scores", *leave_out}
    return {key: (path.name, lambda out, src=path: shutil.copyfile(src, out))
            for key, path in stored.files.items() if key not in skip}


def read_manifest(folder: str | os.PathLike[str]) -> dict[str, Any]:
    """Parse and check ``manifest.json`` (no data files read)."""
    folder = Path(folder)
    mpath = folder / MANIFEST
    if not folder.is_dir():
        raise ModelError(f"no model folder at {folder}")
    if not mpath.is_file():
        raise ModelError(f"{folder}: no {MANIFEST} (not a model folder, or an unfinished save)")
    try:
        m = json.loads(mpath.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ModelError(f"{mpath}: not valid JSON ({exc})") from exc
    if not isinstance(m, dict):
        raise ModelError(f"{mpath}: manifest is not a JSON object")
    missing = [k for k in _REQUIRED if k not in m]
    if missing:
        raise ModelError(f"{mpath}: manifest lacks {', '.join(missing)}")
    if isinstance(m["schema_version"], int) and m["schema_version"] > SCHEMA_VERSION:
        raise ModelError(
            f"{folder.name}: made by a newer version of the station (model schema {m['schema_version']}, "
            f"this station reads {SCHEMA_VERSION}); update the station or use a model made by this version"
        )
    if m["schema_version"] != SCHEMA_VERSION:
        raise ModelError(
            f"{folder.name}: model schema version {m['schema_version']} is not supported "
            f"(this engine reads version {SCHEMA_VERSION}); retrain the category"
        )
    return m


def load_model(folder: str | os.PathLike[str]) -> StoredModel:
    """Read and verify a model folder (checksums of every data file)."""
    folder = Path(folder)
    m = read_manifest(folder)
    paths: dict[str, Path] = {}
    for key, entry in m["files"].items():
        p = folder / entry["name"]
        if not p.is_file():
            raise ModelError(f"{folder.name}: {entry['name']} is missing")
        if sha256_file(p) != entry["sha256"]:
            raise ModelError(f"{folder.name}: {entry['name']} is damaged (checksum does not match the manifest)")
        paths[key] = p
    if "index" not in paths or "good_scores" not in paths:
        raise ModelError(f"{folder.name}: manifest lists no memory bank or calibration scores")
    good = np.load(paths["good_scores"], allow_pickle=False)
    defect = np.load(paths["defect_scores"], allow_pickle=False) if "defect_scores" in paths else None
    return StoredModel(folder, m, paths["index"], good, defect, paths)


def model_info(m: dict[str, Any]) -> ModelInfo:
    """ModelInfo from a checked manifest."""
    thr, pc, tr, bb = m["threshold"], m["patchcore"], m["training"], m["backbone"]
    return ModelInfo(
        category=m["category"], model_id=m["model_id"], backbone=bb["name"],
        weights_sha256=bb["weights_sha256"], layers=tuple(bb["layers"]),
        input_size=tuple(m["input_size"]), feature_dim=int(bb["feature_dim"]),
        memory_bank_size=int(pc["memory_bank_size"]), coreset_ratio=float(pc["coreset_ratio"]),
        train_images=int(tr["train_images"]), calibration_images=int(tr["calibration_images"]),
        threshold=float(thr["value"]), threshold_method=thr["method"], target_frr=float(thr["target_frr"]),
        f1_threshold=thr.get("f1_optimal"), review_margin=float(thr["review_margin"]),
        created=m["created"], engine_version=m["engine_version"],
        good_score_quantiles=dict(thr.get("good_score_quantiles", {})),
        part_mask=dict(m.get("part_mask") or {}), self_test=dict(m.get("self_test") or {}),
        classifier=m.get("classifier"), version=str(m.get("active_version") or ""),
        version_kind=str((m.get("version") or {}).get("kind", "")),
        fold_scored=int(thr.get("fold_scores", 0)),
        adaptations={"photometric": pc.get("photometric", "none"),
                     "lighting_variation": (pc.get("photometric_choice") or {}).get("lighting_variation"),
                     "score_margin": int(pc.get("score_margin", 0)),
                     "map_ring_clip": int(pc.get("map_ring_clip", 0)),
                     "map_guide_radius": int(pc.get("map_guide_radius", 0)),
                     "map_fill_sigma": float(pc.get("map_fill_sigma", 0.0)),
                     "map_view_share": (None if not pc.get("map_view")
                                        else float(pc["map_view"].get("share", 1.0))),
                     "ring_share_of_maxima": (pc.get("border_effect") or {}).get("ring_share_of_maxima"),
                     "ring_share_of_patches": (pc.get("border_effect") or {}).get("ring_share_of_patches"),
                     "tuning": m.get("tuning")},
        map_stages=tuple((pc.get("map_view") or {}).get("stages") or ()),
        review_load=None if thr.get("review_load") is None else float(thr["review_load"]),
        known_defects=m.get("known_defects"),
        uncertainty={k: thr[k] for k in ("calibration_frr", "frr_interval", "threshold_interval", "review_from",
                                         "expected_review_load", "interval_level") if k in thr},
    )


def list_models(models_dir: str | os.PathLike[str]) -> list[tuple[str, ModelInfo | None, str | None]]:
    """Every category folder: (name, info, None) when readable, (name, None, error) when not."""
    root = Path(models_dir)
    out: list[tuple[str, ModelInfo | None, str | None]] = []
    if not root.is_dir():
        return out
    for d in sorted(root.iterdir()):
        if not d.is_dir() or not CATEGORY_RE.match(d.name):
            continue
        try:
            out.append((d.name, model_info(read_manifest(d)), None))
        except (ModelError, KeyError, TypeError, ValueError) as exc:
            out.append((d.name, None, str(exc)))
    return out
