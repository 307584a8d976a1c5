"""Qt start-up: data folder (per user unless ``--data-dir``), settings, the window, ``--demo``."""

from __future__ import annotations

import getpass
import os
import platform
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication

from station.main_window import MainWindow

APP_NAME = "InspectionStation"


def default_data_dir() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.AppDataLocation)
    return Path(base) if base else Path.home() / f".{APP_NAME.lower()}"


def make_window(models_dir: str | os.PathLike[str], data_dir: str | os.PathLike[str], station: str | None = None,
                operator: str | None = None, **kwargs) -> MainWindow:
    """The window with its settings kept in ``data_dir/settings.ini`` (tests pass a temporary folder)."""
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(data_dir / "settings.ini"), QSettings.IniFormat)
    window = MainWindow(Path(models_dir), data_dir, settings, station or platform.node(),
                        operator or getpass.getuser(), **kwargs)
    from station.line.hub import attach_line
    from station.site.hub import attach_site

    attach_line(window)
    attach_site(window)
    return window


def start_demo(window: MainWindow) -> None:
    """Open on the generated demo category, training it in the worker the first time."""
    from engine.demo import DEMO_CATEGORY, DEMO_TRAIN_OPTIONS, ensure_demo_images
    from engine.model_store.store import ModelError, read_manifest
    from engine.training import TrainConfig, list_images

    data = ensure_demo_images(window.data_dir / "demo_images")
    window.settings.setValue("source/last_dir", str(data / "test"))
    samples = [str(sorted((data / "test" / k).iterdir())[0]) for k in ("good", "scratch", "stain")]
    try:
        read_manifest(window.models_dir / DEMO_CATEGORY)
    except ModelError:
        window.verdict.set_state("TRAINING", window.tr("Building the demo category from generated images…"))
        window.categories.request(DEMO_CATEGORY, list_images(data / "train" / "good"), TrainConfig(**DEMO_TRAIN_OPTIONS))
        window.categories.after_training.append(lambda: window.submit_paths(samples))
        return
    window.refresh_categories(DEMO_CATEGORY)
    window.submit_paths(samples)


def run_gui(args) -> int:
    from station.resources import icon, install_translator, stylesheet

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setWindowIcon(icon("station"))
    app.setStyleSheet(stylesheet())
    data_dir = Path(args.data_dir) if getattr(args, "data_dir", None) else default_data_dir()
    data_dir.mkdir(parents=True, exist_ok=True)
    language = QSettings(str(data_dir / "settings.ini"), QSettings.IniFormat).value("ui/language", "")
    app._station_translator = install_translator(app, str(language or ""))  # before any widget exists
    window = make_window(args.models, data_dir, getattr(args, "station_name", None), getattr(args, "operator", None))
    window.show()
    if getattr(args, "demo", False):
        QTimer.singleShot(0, lambda: start_demo(window))
    if getattr(args, "review", False):
        QTimer.singleShot(0, lambda: window.enter_review(args.shift, args.category))
    return app.exec()
