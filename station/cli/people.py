"""``station technicians`` and ``station operators``: the station's people from a shell, for the
person who installs it (the window's set-up step does the same).

    station technicians add NAME [--data-dir D]     asks the PIN twice (or reads it from stdin)
    station technicians list [--data-dir D]
    station operators set NAME [NAME ...] [--data-dir D]
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path


def _authority(a: argparse.Namespace):
    from PySide6.QtCore import QSettings

    from station.roles import Authority

    if a.data_dir:
        data_dir = Path(a.data_dir)
    else:
        from station.app import default_data_dir

        data_dir = default_data_dir()
    data_dir.mkdir(parents=True, exist_ok=True)
    return Authority(QSettings(str(data_dir / "settings.ini"), QSettings.IniFormat), getpass.getuser())


def cmd_technicians(a: argparse.Namespace) -> int:
    auth = _authority(a)
    if a.action == "list":
        print(json.dumps({"technicians": auth.technician_names(), "operators": auth.operators()}, indent=2))
        return 0
    if not a.name:
        print("station technicians add: a NAME is needed", file=sys.stderr)
        return 2
    if a.pin_stdin:
        pin = again = sys.stdin.readline().strip()
    else:
        pin, again = getpass.getpass(f"PIN for {a.name}: "), getpass.getpass("PIN again: ")
    if pin != again:
        print("the two PINs differ; nothing was changed", file=sys.stderr)
        return 2
    try:
        auth.add_technician(a.name, pin)
    except ValueError as exc:
        print(f"station technicians add: {exc}", file=sys.stderr)
        return 2
    print(json.dumps({"technician": " ".join(a.name.split()), "technicians": auth.technician_names()}))
    return 0


def cmd_operators(a: argparse.Namespace) -> int:
    auth = _authority(a)
    auth.set_operators(a.names)
    print(json.dumps({"operators": auth.operators()}))
    return 0


def add_people_parsers(sub) -> None:
    t = sub.add_parser("technicians", help="add or list the station's technicians (each with a PIN of their own)")
    t.add_argument("action", choices=("add", "list"))
    t.add_argument("name", nargs="?", help="the technician's name (add)")
    t.add_argument("--pin-stdin", action="store_true", help="read the PIN from standard input (scripts)")
    t.add_argument("--data-dir", help="the station's data folder (default: the per-user data folder)")
    t.set_defaults(func=cmd_technicians)
    o = sub.add_parser("operators", help="set the names (or badges) operators sign in with")
    o.add_argument("action", choices=("set",))
    o.add_argument("names", nargs="*")
    o.add_argument("--data-dir", help="the station's data folder (default: the per-user data folder)")
    o.set_defaults(func=cmd_operators)
