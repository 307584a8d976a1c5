"""Input size, memory-bank size and feature stages chosen per category, by the self-test on
synthetic defects.

Each candidate setting is trained in full in a temporary models folder. Every candidate splits
the good images the same way (same seed) and paints the same synthetic defects on the same
held-out goods, so their self-test figures compare like with like. The choice (``choose``): the
verdict first, the candidates within ``TIE`` of the best synthetic image AUROC; then where the
map points, those within ``POINTING_TIE`` of their best synthetic pointing game; then cost, the
first of them (candidates are listed cheapest first: judging time grows with the input's area
and the bank's size). The winner is saved into the category as a new version, its manifest
recording every candidate's figures under ``tuning``.

Over 15 settings tried on magnetic tile the synthetic image AUROC ranked them as the real
defects did with Spearman's rho 0.87 (``benchmarks/experiments/selftest_rank.py``). Tuning costs
one training per candidate, so it is asked for (``station train --tune``), not the default.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Sequence

from engine.model_store.store import copy_writers, load_model, model_info, new_version_manifest, read_manifest
from engine.training import Progress, TrainConfig, TrainingError, TrainReport, train_category
from engine.model_store.versions import active_version, save_model, version_folder

TIE = 0.005
"""Synthetic image AUROCs closer than this to the best count as equal."""
POINTING_TIE = 0.03
"""Among those, synthetic pointing-game shares closer than this to the best count as equal (about
one standard error on a few hundred synthetic defects); the cheapest of the rest wins."""


@dataclass(frozen=True)
class Candidate:
    """One setting tried: a name for people and the ``TrainConfig`` fields it sets."""

    name: str
    settings: tuple[tuple[str, Any], ...]

    def config(self, base: TrainConfig) -> TrainConfig:
        return replace(base, **dict(self.settings))


CANDIDATES: tuple[Candidate, ...] = (
    Candidate("256 px", (("image_size", 256),)),
    Candidate("320 px", (("image_size", 320),)),
    Candidate("384 px", (("image_size", 384),)),
    Candidate("384 px, 3 % bank", (("image_size", 384), ("coreset_ratio", 0.03))),
    Candidate("384 px, stages 2-4, map also from 2", (("image_size", 384), ("layers", (2, 3, 4)),
                                                     ("map_stages", (2,)))),
    Candidate("384 px, stages 2-4, map also from 2-3", (("image_size", 384), ("layers", (2, 3, 4)),
                                                        ("map_stages", (2, 3)))),
    Candidate("384 px, Lite1", (("image_size", 384), ("backbone", "efficientnet_lite1"))),
    Candidate("384 px, Lite2", (("image_size", 384), ("backbone", "efficientnet_lite2"))),
)
"""Cheapest first (to train; judging, the 3 % bank and stages 2-4 trade places by category). 384 px
with a 1 % bank and stages 2-3 is the untuned default; each candidate draws its map also from its
first stage (``patchcore.model.MapView``, the default since engine 0.4.3), so the 384 px one
stands for the "map also from stage 2" candidate of engine 0.4.1-0.4.2. Stages 2-4 adds the
stride-32 stage's 320 channels: a wider view that lifts magnetic tile's verdicts and pixel AUROC
but draws a coarser map, so its map view reads stage 2, or stages 2-3 (stages 2-4 alone judged
the same and pointed worse on both shared sets, README), searched for every cell (a view asked
for is: the coarse full view is a poor guide to where it is needed); the self-test's pointing
decides between those two, which judge alike. The embedded Lite1 and Lite2 backbones come last
(the costliest to train and judge): on magnetic tile Lite2 FAILs 46 % of the defects at the
station's threshold against Lite0's 36 % (``benchmarks/bench_verdicts.py``; README, *Catching
defects at the station's threshold*)."""


@dataclass(frozen=True)
class CandidateResult:
    """A candidate's self-test on synthetic defects, and what it cost."""

    name: str
    settings: dict[str, Any]
    image_auroc: float | None
    pixel_auroc: float | None
    pointing: float | None
    train_seconds: float
    input_size: tuple[int, int]
    memory_bank_size: int

    def record(self) -> dict[str, Any]:
        return {"name": self.name, "settings": dict(self.settings), "image_auroc": self.image_auroc,
                "pixel_auroc": self.pixel_auroc, "pointing_game": self.pointing,
                "train_seconds": round(self.train_seconds, 1), "input_size": list(self.input_size),
                "memory_bank_size": self.memory_bank_size}


@dataclass(frozen=True)
class TuneReport:
    chosen: str
    results: tuple[CandidateResult, ...]
    train: TrainReport
    """The saved model's report (its folder and info); ``seconds["total"]`` covers every candidate."""
    kept: dict[str, Path] = field(default_factory=dict)
    """Candidate name -> its model version folder, when ``tune_category`` was given a ``work_dir``."""


def choose(results: Sequence[CandidateResult], tie: float = TIE, pointing_tie: float = POINTING_TIE) -> CandidateResult:
    """The verdict first, then where the map points, then cost: of the results within ``tie`` of the
    best synthetic image AUROC, those within ``pointing_tie`` of their best pointing game, the
    first (cheapest)."""
    scored = [r for r in results if r.image_auroc is not None]
    if not scored:
        raise TrainingError("no candidate produced a self-test (too few held-out images to paint on?)")
    best = max(r.image_auroc for r in scored)
    even = [r for r in scored if r.image_auroc >= best - tie]
    point = lambda r: -1.0 if r.pointing is None else r.pointing  # noqa: E731
    best_point = max(point(r) for r in even)
    return next(r for r in even if point(r) >= best_point - pointing_tie)


def tune_category(
    category: str,
    good_images: Sequence[str | os.PathLike[str]],
    models_dir: str | os.PathLike[str],
    config: TrainConfig = TrainConfig(),
    defect_images: Sequence[str | os.PathLike[str]] = (),
    candidates: Sequence[Candidate] | None = None,
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
    work_dir: str | os.PathLike[str] | None = None,
) -> TuneReport:
    """Train ``category`` once per candidate, keep the one the self-test prefers as a new version of
    ``models_dir/<category>``. The other fields of ``config`` apply to every candidate.

    ``work_dir``: an empty folder the candidates are trained into and left in (benchmarks judge
    them all); by default a temporary folder, removed after."""
    if config.selftest_per_image <= 0:
        raise TrainingError("tuning compares the candidates' self-tests: synthetic defects per image must be > 0")
    candidates = CANDIDATES if candidates is None else tuple(candidates)
    if not candidates:
        raise TrainingError("no candidate settings to tune over")
    report = progress or (lambda stage, done, total: None)
    t0 = time.perf_counter()
    results: list[CandidateResult] = []
    Path(models_dir).mkdir(parents=True, exist_ok=True)
    with contextlib.ExitStack() as stack:
        tmp = work_dir or stack.enter_context(tempfile.TemporaryDirectory(prefix="station-tuning-"))
        folders: dict[str, Path] = {}
        for n, cand in enumerate(candidates, 1):
            label = f"{cand.name} ({n}/{len(candidates)})"
            rep = train_category(category, good_images, tmp, cand.config(config), defect_images,
                                 progress=lambda stage, d, t, lb=label: report(f"{stage}, {lb}", d, t),
                                 should_cancel=should_cancel)
            st = rep.info.self_test or {}
            results.append(CandidateResult(cand.name, dict(cand.settings), st.get("image_auroc"), st.get("pixel_auroc"),
                                           st.get("pointing_game"), rep.seconds.get("total", 0.0),
                                           tuple(rep.info.input_size), rep.info.memory_bank_size))
            folders[cand.name] = version_folder(rep.folder, active_version(rep.folder))
        winner = choose(results)
        record = {"chosen": winner.name, "criterion": f"synthetic image AUROC within {TIE} of the best, then the "
                  f"pointing game within {POINTING_TIE:.0%} of the best, then the cheapest",
                  "candidates": [r.record() for r in results],
                  "seconds": round(time.perf_counter() - t0, 1)}
        report("saving", 0, 1)
        folder = _save_copy(folders[winner.name], models_dir, record)
        report("saving", 1, 1)
    info = model_info(read_manifest(folder))
    return TuneReport(chosen=winner.name, results=tuple(results),
                      train=TrainReport(info=info, folder=folder, seconds={"total": round(time.perf_counter() - t0, 3)}),
                      kept=folders if work_dir is not None else {})


def _save_copy(source: Path, models_dir: str | os.PathLike[str], record: dict[str, Any]) -> Path:
    """A checked model version folder saved again, as a new version in ``models_dir``, with
    ``record`` as its manifest's ``tuning`` entry."""
    stored = load_model(source)
    manifest = new_version_manifest(stored.manifest)
    manifest["tuning"] = record
    manifest["version"] = {"kind": "train", "note": f"settings chosen by the self-test: {record['chosen']}"}
    source = manifest["patchcore"].get("graph_reused_from") or ""
    shipped = source if source.startswith("resources/graphs/") else None  # a candidate's folder is gone
    manifest["patchcore"] = dict(manifest["patchcore"], graph_reused_from=shipped)
    return save_model(models_dir, manifest, lambda out: shutil.copyfile(stored.index_path, out),
                      stored.good_scores, stored.defect_scores, copy_writers(stored))


def train_or_tune(category: str, good_images: Sequence[str | os.PathLike[str]], models_dir: str | os.PathLike[str],
                  config: TrainConfig, tune: bool, defect_images: Sequence[str | os.PathLike[str]] = (),
                  progress: Progress | None = None, should_cancel: Callable[[], bool] | None = None) -> TrainReport:
    """``train_category``, or with ``tune`` ``tune_category``'s saved model; what tuning chose is
    in ``report.info.adaptations["tuning"]``."""
    if tune:
        return tune_category(category, good_images, models_dir, config, defect_images, progress=progress,
                             should_cancel=should_cancel).train
    return train_category(category, good_images, models_dir, config, defect_images, progress=progress,
                          should_cancel=should_cancel)
