"""The site on the command line: ``station site-init`` (the database's owner: migrations, a
station's role), ``station site-sync`` (one shipping round, JSON out) and ``station report
--site`` (every station's shift, with a per-station comparison)."""

from __future__ import annotations

import argparse
import dataclasses
import json
import platform
import sys
from pathlib import Path

from station.site.sync import first_line


def _settings(a):
    from PySide6.QtCore import QSettings

    from station.cli.common import data_dir_of

    data_dir = data_dir_of(a)
    return data_dir, QSettings(str(data_dir / "settings.ini"), QSettings.IniFormat)


def _config(settings, station: str, user: str | None = None):
    from station.site.config import read_site_config

    cfg = read_site_config(settings, station)
    if cfg is None:
        raise ConnectionError("no site database in the settings (site/enabled, site/host, site/user, site/passfile)")
    return dataclasses.replace(cfg, user=user) if user else cfg


def _connect(cfg):
    try:
        return cfg.connect()
    except Exception as exc:
        raise ConnectionError(f"site database {cfg.host}:{cfg.port}/{cfg.dbname} as {cfg.user}: "
                              f"{first_line(exc)}") from None


def site_shift_data(data_dir: Path, shift, category: str | None, models_dir):
    """The shift report's facts over every station (``station.report.ShiftData``)."""
    from PySide6.QtCore import QSettings

    from station.report import collect
    from station.site.report import snapshot, stations, stations_line

    settings = QSettings(str(Path(data_dir) / "settings.ini"), QSettings.IniFormat)
    pg = _connect(_config(settings, platform.node()))
    try:
        mem = snapshot(pg, shift.start_utc, shift.end_utc)
        rows = stations(pg, shift.start_utc, shift.end_utc)
    finally:
        pg.close()
    data = collect(mem, shift, category, models_dir=models_dir)
    return dataclasses.replace(data, site=stations_line(rows))


def cmd_site_sync(a: argparse.Namespace) -> int:
    from station.site.sync import SiteSync

    data_dir, settings = _settings(a)
    station = a.station or str(settings.value("site/user", "")) or platform.node()
    try:
        cfg = _config(settings, station)
    except (ConnectionError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    report = SiteSync(data_dir, cfg.user, cfg.connect).run()
    print(json.dumps(dataclasses.asdict(report), indent=1))
    return 0 if not report.error else 7


def cmd_site_init(a: argparse.Namespace) -> int:
    from station.site.schema import add_station, migrate

    data_dir, settings = _settings(a)
    try:
        cfg = _config(settings, platform.node(), user=a.owner)
        pg = _connect(cfg)
    except (ConnectionError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        version = migrate(pg)
        if a.station:
            password = sys.stdin.readline().rstrip("\n")
            if not password:
                print("error: give the station's password on stdin", file=sys.stderr)
                return 2
            add_station(pg, a.station, password)
    finally:
        pg.close()
    print(json.dumps({"schema": version, "station_added": a.station or None}))
    return 0


def cmd_site_models(a: argparse.Namespace) -> int:
    """``site-publish``, ``site-approve``, ``site-pull``: the site's model registry."""
    from engine.model_store.store import ModelError
    from station.site import models as registry

    data_dir, settings = _settings(a)
    share = Path(str(settings.value("site/share", "")))
    try:
        cfg = _config(settings, platform.node())
        if a.action != "approve" and not str(settings.value("site/share", "")):
            raise ConnectionError("no site share in the settings (site/share: the folder model files go to)")
        pg = _connect(cfg)
    except (ConnectionError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        if a.action == "publish":
            out = {"published": registry.publish(pg, Path(a.models), a.category, share, a.version)}
        elif a.action == "approve":
            registry.approve(pg, a.category, a.model_id, a.why)
            out = {"approved": a.model_id, "category": a.category}
        else:
            out = dataclasses.asdict(registry.pull(pg, Path(a.models), a.category, share))
    except (ModelError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 3
    except Exception as exc:  # psycopg's: a role that may not do this, a model id the registry lacks
        print(f"error: {first_line(exc)}", file=sys.stderr)
        return 3
    finally:
        pg.close()
    print(json.dumps(out))
    return 0


def add_site_parsers(sub) -> None:
    for action, text in (("publish", "publish a model version to the site registry (files to site/share)"),
                         ("approve", "approve a published version for the whole site (a technician's role)"),
                         ("pull", "install and put on the line the site's approved version of a category")):
        p = sub.add_parser(f"site-{action}", help=text)
        p.add_argument("--data-dir", help="the data folder whose settings name the site")
        p.add_argument("--category", required=True)
        if action == "publish":
            p.add_argument("--version", help="the local version (default: the active one)")
        if action == "approve":
            p.add_argument("--model-id", required=True)
            p.add_argument("--why", required=True, help="the reason, kept with the approval")
        p.set_defaults(func=cmd_site_models, action=action)
    s = sub.add_parser("site-sync", help="ship this station's history to the site database once")
    s.add_argument("--data-dir", help="the station's data folder")
    s.add_argument("--station", help="the station's id (default: site/user, or this computer's name)")
    s.set_defaults(func=cmd_site_sync)
    i = sub.add_parser("site-init", help="create or migrate the site database; add a station's role")
    i.add_argument("--data-dir", help="the data folder whose settings name the site database")
    i.add_argument("--owner", required=True, help="the site database's owner role (its password in site/passfile)")
    i.add_argument("--station", help="add (or reset) this station's login role; its password is read from stdin")
    i.set_defaults(func=cmd_site_init)
