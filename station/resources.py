"""The top-level ``resources/`` folder: the stylesheet, icons, and the translations loaded by a
QTranslator for the system locale or the ``ui/language`` setting."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtGui import QIcon

log = logging.getLogger(__name__)
RESOURCES = Path(__file__).resolve().parents[1] / "resources"
LANGUAGES = {"en": "English", "de": "Deutsch"}
"""Languages of the operator's screen; English is the source language."""


def resource(*parts: str) -> Path:
    return RESOURCES.joinpath(*parts)


def stylesheet() -> str:
    path = resource("style", "station.qss")
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        log.warning("stylesheet %s not found; the default look is used", path)
        return ""


def icon(name: str) -> QIcon:
    path = resource("icons", f"{name}.svg")
    return QIcon(str(path)) if path.is_file() else QIcon()


def language_for(setting: str | None) -> str:
    """The language code to use: the setting when it names a shipped language, else the system's."""
    if setting and setting in LANGUAGES:
        return setting
    system = QLocale.system().name().split("_")[0]
    return system if system in LANGUAGES else "en"


def install_translator(app, setting: str | None = None) -> QTranslator | None:
    """Load ``resources/i18n/station_<lang>.qm`` into ``app``; None for English or a missing file."""
    lang = language_for(setting)
    if lang == "en":
        return None
    translator = QTranslator(app)
    qm = resource("i18n", f"station_{lang}.qm")
    if not translator.load(str(qm)):
        log.warning("translation %s could not be loaded; English is shown", qm)
        return None
    app.installTranslator(translator)
    QLocale.setDefault(QLocale(lang))  # numbers on the screen in the language's style (decimal comma)
    return translator
