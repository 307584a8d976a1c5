"""``station`` command line: train, inspect, evaluate, demo, gui (the default)."""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
from pathlib import Path

from station.cli.common import EXIT_BAD_INPUT, EXIT_LINE, EXIT_MODEL, EXIT_NO_SCREEN, data_dir_of, fail, progress_bar
from station.cli.people import add_people_parsers
from station.cli.site import add_site_parsers
from station.cli.train import add_train_parser


def _load_inspector(a: argparse.Namespace):
    from engine.types import BackboneError
    from engine.judging.inspector import Inspector
    from engine.model_store.store import ModelError

    try:
        insp = Inspector.load(a.models, a.category)
    except (ModelError, BackboneError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None
    if getattr(a, "threshold", None) is not None:
        insp = insp.with_threshold(a.threshold)
    return insp


def cmd_inspect(a: argparse.Namespace) -> int:
    insp = _load_inspector(a)
    if insp is None:
        return EXIT_MODEL
    bad = 0
    for res in insp.iter_paths(a.images, prefetch=a.decode_ahead):
        print(json.dumps(res.to_json_dict()), flush=True)
        if not res.ok:
            bad += 1
            print(f"error: {res.error}", file=sys.stderr)
    return EXIT_BAD_INPUT if bad else 0


def cmd_evaluate(a: argparse.Namespace) -> int:
    from engine.evaluation import evaluate_folder

    if a.all:
        from station.cli.dataset_runs import evaluate_all

        try:
            _rows, failed = evaluate_all(a.data, a.models, a.out)
        except FileNotFoundError as exc:
            return fail(str(exc), EXIT_BAD_INPUT)
        return EXIT_MODEL if failed else 0
    if not a.category:
        return fail("give --category (or --all with --data ROOT)", EXIT_BAD_INPUT)
    insp = _load_inspector(a)
    if insp is None:
        return EXIT_MODEL
    try:
        report, close = progress_bar()
        try:
            out = evaluate_folder(insp, a.data, a.out, progress=lambda d, n: report("evaluate", d, n))
        finally:
            close()
    except FileNotFoundError as exc:
        return fail(str(exc), EXIT_BAD_INPUT)
    print(json.dumps(out, indent=2))
    return 0


def cmd_demo(a: argparse.Namespace) -> int:
    """Build the demo category, then judge its test images: the whole job with no data of yours."""
    from engine.demo import DEMO_CATEGORY, ensure_demo_model
    from engine.judging.inspector import Inspector
    from engine.training import list_images

    report, close = progress_bar()
    try:
        data = ensure_demo_model(a.models, Path(a.models) / "_demo_data", progress=report)
    finally:
        close()
    insp = Inspector.load(a.models, DEMO_CATEGORY)
    for path in list_images(data / "test"):
        print(json.dumps(insp.inspect_path(path).to_json_dict()))
    return 0


def cmd_synth(a: argparse.Namespace) -> int:
    """Write N synthetic defects of a category: images, exact masks and synth.json."""
    from engine.model_store.store import ModelError
    from engine.synth import KINDS, SynthesisError
    from engine.synth.category import CategorySynthError, write_category_set

    kinds = tuple(a.kinds.split(",")) if a.kinds else tuple(KINDS)
    try:
        doc = write_category_set(a.models, a.category, a.count, a.out, a.good, kinds, a.seed)
    except (ModelError, CategorySynthError, SynthesisError) as exc:
        return fail(str(exc), EXIT_BAD_INPUT)
    summary = doc["summary"]
    print(json.dumps({"out": str(Path(a.out).resolve()), "images": doc["count"], "summary": summary}, indent=2))
    return 0 if doc["count"] == a.count else EXIT_BAD_INPUT


def cmd_mask(a: argparse.Namespace) -> int:
    """Show, learn again, or set by hand the part mask of a category."""
    from engine.model_store.store import ModelError
    from engine.synth import PartMaskError
    from engine.synth.category import CategorySynthError, set_category_mask

    try:
        facts = set_category_mask(a.models, a.category, rect=a.rect, polygon=a.polygon, full_frame=a.full_frame,
                                  learn=a.learn, good=a.good, preview=a.preview)
    except (ModelError, PartMaskError, CategorySynthError, ValueError) as exc:
        return fail(str(exc), EXIT_BAD_INPUT)
    print(json.dumps(facts, indent=2))
    return 0


def cmd_explain(a: argparse.Namespace) -> int:
    """Judge and explain images: a figure (PNG, PDF) and a JSON of every number per image."""
    import numpy as np

    from engine.explain.explainer import Explainer
    from engine.explain.report import write_report
    from engine.explain.retrieval import RetrievalIndex
    from engine.imaging import ImageLoadError, load_image

    insp = _load_inspector(a)
    if insp is None:
        return EXIT_MODEL
    explainer = Explainer.for_inspector(insp)
    stored = insp.stored
    train_paths = stored.manifest.get("training", {}).get("embedded_images", [])
    index = None
    if "train_embeddings" in stored.files and train_paths:
        vectors = np.load(stored.files["train_embeddings"], allow_pickle=False)
        index = RetrievalIndex(vectors.shape[1])
        index.add(np.arange(len(vectors)), vectors)
    bad = 0
    for path in a.images:
        try:
            image = load_image(path)
        except ImageLoadError as exc:
            print(f"error: {exc}", file=sys.stderr)
            bad += 1
            continue
        result = insp.judge(image, str(path), keep_image=True)
        expl = explainer.explain(result, image, a.layers.split(",") if a.layers else None)
        thumbs, facts = [], []
        for nb in (index.search(result.embedding, 4) if index is not None else []):
            p = train_paths[nb.id]
            try:
                thumbs.append((load_image(p), f"{nb.similarity:.3f} training"))
            except ImageLoadError:
                thumbs.append((None, ""))
            facts.append({"source": p, "kind": "training", "similarity": nb.similarity})
        paths = write_report(a.out, image, result, expl, thumbs, facts)
        print(json.dumps({"source": str(path), "verdict": result.verdict.value, "score": result.score,
                          "files": paths, "timing_ms": expl.timing_ms}), flush=True)
    return EXIT_BAD_INPUT if bad else 0


def cmd_gui(a: argparse.Namespace) -> int:
    from station.platform_check import gui_problem

    problem = gui_problem()
    if problem:
        return fail(problem, EXIT_NO_SCREEN)
    from station.app import run_gui

    return run_gui(a)


def cmd_watch(a: argparse.Namespace) -> int:
    from station.feeds.headless import run_watch

    return run_watch(a.models, a.category, a.folder, str(data_dir_of(a)), a.station_name or "", a.operator or "",
                     a.exit_when_idle)


def cmd_report(a: argparse.Namespace) -> int:
    """The shift report from the history database: PDF, HTML, PNG pages and CSV in ``--out``."""
    from PySide6.QtCore import QSettings

    from station.report import collect, write_report
    from station.report.shift_data import open_readonly
    from station.storage.shifts import ShiftError, resolve_shift

    data_dir = data_dir_of(a)
    spec = a.shifts or str(QSettings(str(data_dir / "settings.ini"), QSettings.IniFormat).value("shifts/hours", "")) or None
    try:
        shift = resolve_shift(a.shift, spec)
        if a.site:  # every station's rows, from the site database (station.site)
            from station.cli.site import site_shift_data

            data = site_shift_data(data_dir, shift, a.category, a.models)
        else:
            db = open_readonly(data_dir)
    except (ShiftError, FileNotFoundError, ConnectionError) as exc:
        return fail(str(exc), EXIT_BAD_INPUT)
    if not a.site:
        try:
            data = collect(db, shift, a.category, models_dir=a.models)
        finally:
            db.close()
    files = write_report(data, a.out)
    print(json.dumps({"shift": str(shift), "category": a.category, "parts": data.total, "yield": round(data.yield_, 4),
                      "drift": data.drift.drifting, "files": {k: str(v) for k, v in files.items()}}, indent=2))
    return 0


def cmd_line_test(a: argparse.Namespace) -> int:
    from PySide6.QtCore import QSettings

    from station.line.check import check_all
    from station.line.config import read_line_config

    data_dir = data_dir_of(a)
    settings = QSettings(str(data_dir / "settings.ini"), QSettings.IniFormat)
    config = read_line_config(settings, a.station or platform.node())
    results = check_all(config, data_dir)
    if not results:
        print(f"no line link is turned on in {data_dir / 'settings.ini'} (line/mqtt/enabled, "
              "line/opcua/enabled, line/modbus/enabled)")
        return 0
    for link, ok, line in results:
        print(f"{link}: {'ok' if ok else 'PROBLEM'}: {line}")
    return 0 if all(ok for _, ok, _ in results) else EXIT_LINE


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="station", description="Offline PatchCore inspection station.")
    p.add_argument("--models", default=os.environ.get("STATION_MODELS", "models"),
                   help="folder of category models (default: ./models)")
    sub = p.add_subparsers(dest="command")

    add_train_parser(sub)
    add_people_parsers(sub)
    add_site_parsers(sub)

    i = sub.add_parser("inspect", help="judge images; one JSON object per image")
    i.add_argument("--category", required=True)
    i.add_argument("--threshold", type=float, help="override the model's threshold for this run")
    i.add_argument("--decode-ahead", type=int, default=2, metavar="N",
                   help="images decoded in threads while the current one is judged (default 2; 0: none)")
    i.add_argument("images", nargs="+")
    i.set_defaults(func=cmd_inspect)

    e = sub.add_parser("evaluate", help="metrics on an MVTec-layout folder")
    e.add_argument("--category")
    e.add_argument("--data", required=True, help="category folder in MVTec layout (with --all: the dataset root)")
    e.add_argument("--all", action="store_true", help="every category under --data with a model; one summary table")
    e.add_argument("--out", help="folder for roc.png and score_histogram.png")
    e.set_defaults(func=cmd_evaluate, threshold=None)

    ex = sub.add_parser("explain", help="judge and explain images: PNG + PDF figure and JSON per image")
    ex.add_argument("--category", required=True)
    ex.add_argument("--out", required=True)
    ex.add_argument("--layers", help="classifier layers for Grad-CAM++, comma-separated (default: the head convolution)")
    ex.add_argument("images", nargs="+")
    ex.set_defaults(func=cmd_explain, threshold=None)

    sy = sub.add_parser("synth", help="write synthetic defects of a category: images, masks, synth.json")
    sy.add_argument("--category", required=True)
    sy.add_argument("--count", type=int, default=16)
    sy.add_argument("--out", required=True, help="folder for the images, masks and synth.json")
    sy.add_argument("--good", help="folder of good images to paint on (default: the model's training images)")
    sy.add_argument("--kinds", help="comma-separated defect kinds (default: all, in turn)")
    sy.add_argument("--seed", type=int, default=0)
    sy.set_defaults(func=cmd_synth)

    mk = sub.add_parser("mask", help="show or correct a category's part mask")
    mk.add_argument("--category", required=True)
    how = mk.add_mutually_exclusive_group()
    how.add_argument("--rect", help="X,Y,W,H in pixels of the mask image (see its size in the output)")
    how.add_argument("--polygon", help="X1,Y1,X2,Y2,... vertices in pixels of the mask image")
    how.add_argument("--full-frame", action="store_true", help="the whole frame is surface")
    how.add_argument("--learn", action="store_true", help="learn it again from the good images")
    mk.add_argument("--good", help="folder of good images for --learn (default: the model's training images)")
    mk.add_argument("--preview", help="write a PNG of the mask over a good image here")
    mk.set_defaults(func=cmd_mask)

    d = sub.add_parser("demo", help="build the demo category and judge its test images")
    d.set_defaults(func=cmd_demo)

    r = sub.add_parser("report", help="write a shift report (PDF, HTML, PNG pages, CSV) from the history",
                       description="Write a shift report from the station's history database: report.pdf (A4 pages), "
                                   "report.html, page-N.png and inspections.csv (one row per inspection).")
    r.add_argument("--site", action="store_true", help="all stations, from the site database in the settings")
    r.add_argument("--shift", default="previous",
                   help="current | previous (default) | YYYY-MM-DD/Name | START..END in local ISO time")
    r.add_argument("--category", help="one category (default: all)")
    r.add_argument("--out", required=True, help="folder for report.pdf, report.html, page-N.png, inspections.csv")
    r.add_argument("--data-dir", help="the station's data folder (default: the per-user data folder)")
    r.add_argument("--shifts", help='shift start hours, e.g. "06:00=Early,14:00=Late,22:00=Night" '
                                    "(default: the station's setting)")
    r.set_defaults(func=cmd_report)

    wa = sub.add_parser("watch", help="judge a watched folder without a window; one JSON line per file",
                        description="Judge every new image in a folder as it arrives, without a window (a line PC, "
                                    "a service). Logged to the same history as the window; a file is judged once, "
                                    "also across restarts and crashes.")
    wa.add_argument("--category", required=True)
    wa.add_argument("--folder", required=True)
    wa.add_argument("--data-dir", help="folder for the history (default: the per-user data folder)")
    wa.add_argument("--station-name", default=None)
    wa.add_argument("--operator", default=None)
    wa.add_argument("--exit-when-idle", type=float, default=0.0, metavar="S",
                    help="stop after S seconds without a new file (default: run until stopped)")
    wa.set_defaults(func=cmd_watch)

    rv = sub.add_parser("review", help="open the station window in review mode (a shift's rejects, by keyboard)",
                        description="Open the station window in review mode: a shift's FAIL and REVIEW parts, worst "
                                    "first, confirmed or overruled by keyboard (technician sign-in).")
    rv.add_argument("--data-dir", help="folder for history and settings (default: per-user data folder)")
    rv.add_argument("--shift", type=int, default=0, help="0: the current shift (default), 1: the one before, ...")
    rv.add_argument("--category", default=None)
    rv.set_defaults(func=cmd_gui, review=True, demo=False)

    lt = sub.add_parser("line-test", help="check the line links in the settings: connect once, say what is wrong")
    lt.add_argument("--data-dir", help="the station's data folder (its settings.ini)")
    lt.add_argument("--station", help="station name for the topics (default: this computer's name)")
    lt.set_defaults(func=cmd_line_test)

    g = sub.add_parser("gui", help="open the station window (default)")
    g.add_argument("--demo", action="store_true", help="open on the generated demo category")
    g.add_argument("--data-dir", help="folder for history and settings (default: per-user data folder)")
    g.add_argument("--station-name", default=None)
    g.add_argument("--operator", default=None)
    g.set_defaults(func=cmd_gui)
    return p


def _accept_models_anywhere(parser: argparse.ArgumentParser) -> None:
    """``--models`` after the sub-command too (``station train ... --models DIR``)."""
    for action in parser._subparsers._group_actions:  # noqa: SLF001 - argparse keeps them here
        for sub in action.choices.values():
            sub.add_argument("--models", default=argparse.SUPPRESS, help="folder of category models")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    _accept_models_anywhere(parser)
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args([*(argv if argv is not None else sys.argv[1:]), "gui"])
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
