"""Who may do what: the operator judges parts; a technician changes thresholds, settings and
models and decides on rejects.

Two ways to be a technician, chosen in the settings (``roles/mode``):

* ``pin``: each technician has a name and a PIN of their own, stored as salted PBKDF2 hashes in
  the settings file (``roles/technician_pins``). A station starts with none: the set-up step
  (More ▸ Set up station, or ``station technicians add NAME``) makes the first; after that only
  a technician adds others. Signing in picks a name from that list, so the change log's "who"
  is the person whose PIN was given. A station with the older single PIN (``roles/pin_hash``)
  still signs in with it, the name then as typed.
* ``os``: the operating-system user is in the ``roles/technicians`` list.

Operators sign in too, by name from the list a technician keeps (``roles/operators``) or by
badge (the badge reader types the name); their name goes on every inspection and acknowledgement.

The technician role lasts until logged out or ``roles/timeout_min`` minutes without a
technician action.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from time import monotonic

from PySide6.QtCore import QObject, QSettings, Signal
from station.settings_values import number

OPERATOR, TECHNICIAN = "operator", "technician"
_ITER = 120_000


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, _ITER)
    return f"{salt.hex()}:{digest.hex()}"


def check_pin(pin: str, stored: str) -> bool:
    try:
        salt_hex, _ = stored.split(":", 1)
        return hmac.compare_digest(hash_pin(pin, bytes.fromhex(salt_hex)), stored)
    except ValueError:
        return False


class Authority(QObject):
    """The station's current role; every technician-only action asks it first."""

    roleChanged = Signal(str, str)  # role, who

    def __init__(self, settings: QSettings, os_user: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.os_user = os_user
        self.role = OPERATOR
        self.who = os_user
        self._since = 0.0

    @property
    def mode(self) -> str:
        return "os" if str(self.settings.value("roles/mode", "pin")) == "os" else "pin"

    @property
    def has_pin(self) -> bool:
        """Some technician can sign in with a PIN (a named one, or the older shared PIN)."""
        return bool(self.pins()) or bool(self.settings.value("roles/pin_hash", ""))

    @property
    def set_up(self) -> bool:
        """The station has a technician: in PIN mode a PIN, in OS mode a listed user."""
        return self.has_pin if self.mode == "pin" else bool(self.technicians())

    def pins(self) -> dict[str, str]:
        """Technician name -> PIN hash."""
        try:
            doc = json.loads(str(self.settings.value("roles/technician_pins", "{}")))
        except ValueError:
            return {}
        return {str(k): str(v) for k, v in doc.items()} if isinstance(doc, dict) else {}

    def technician_names(self) -> list[str]:
        return sorted(self.pins())

    def add_technician(self, name: str, pin: str) -> None:
        """A technician of their own name and PIN (a new PIN for a name already listed)."""
        name = " ".join(name.split())
        if not name:
            raise ValueError(self.tr("a technician needs a name"))
        if len(pin) < 4 or not pin.isdigit():
            raise ValueError(self.tr("the PIN must be at least 4 digits"))
        pins = self.pins()
        pins[name] = hash_pin(pin)
        self.settings.setValue("roles/technician_pins", json.dumps(pins))
        self.settings.sync()

    def operators(self) -> list[str]:
        raw = self.settings.value("roles/operators", "")
        items = raw if isinstance(raw, list) else str(raw).split(",")
        return [u.strip() for u in items if u.strip()]

    def set_operators(self, names: list[str]) -> None:
        self.settings.setValue("roles/operators", ",".join(" ".join(n.split()) for n in names if n.strip()))
        self.settings.sync()

    def technicians(self) -> list[str]:
        raw = self.settings.value("roles/technicians", "")
        items = raw if isinstance(raw, list) else str(raw).split(",")
        return [u.strip() for u in items if u.strip()]

    @property
    def is_technician(self) -> bool:
        timeout = number(self.settings, "roles/timeout_min", 15.0, 0.5, 24 * 60, float) * 60
        if self.role == TECHNICIAN and monotonic() - self._since > timeout:
            self.logout()
        return self.role == TECHNICIAN

    def touch(self) -> None:
        """A technician action: the role's timeout starts again."""
        self._since = monotonic()

    def login(self, pin: str = "", name: str = "") -> bool:
        """PIN mode: the named technician's PIN (or the older shared one); OS mode: the OS user
        must be listed. ``name`` is who signs the log."""
        name = " ".join(name.split())
        if self.mode == "os":
            ok = self.os_user in self.technicians()
        else:
            pins, legacy = self.pins(), str(self.settings.value("roles/pin_hash", ""))
            ok = check_pin(pin, pins[name]) if name in pins else bool(legacy) and check_pin(pin, legacy)
        if ok:
            self.role, self.who = TECHNICIAN, (name or self.os_user)
            self.touch()
            self.roleChanged.emit(self.role, self.who)
        return ok

    def logout(self) -> None:
        if self.role != OPERATOR:
            self.role, self.who = OPERATOR, self.os_user
            self.roleChanged.emit(self.role, self.who)

    def require(self, parent, action: str, ask=None) -> tuple[bool, str]:
        """True when the station is (or now becomes) in the technician role; else the reason.

        ``ask(action, names) -> (name, pin) | None`` asks the person, ``names`` being the
        technicians to choose from (a PinDialog by default; tests pass their own)."""
        if self.is_technician:
            self.touch()
            return True, ""
        if self.mode == "os":
            if self.login():
                return True, ""
            return False, self.tr("Only a technician may {0}: user {1} is not in the technicians list.").format(
                action, self.os_user)
        if not self.has_pin:
            return False, self.tr("Only a technician may {0}, and this station has none yet: set it up first "
                                  "(More ▸ Set up station…, or station technicians add NAME).").format(action)
        answer = (ask or _ask_dialog(parent))(action, self.technician_names())
        if answer is None:
            return False, self.tr("Only a technician may {0}: sign-in cancelled.").format(action)
        name, pin = answer[0], answer[1]
        if self.login(pin, name):
            return True, ""
        return False, self.tr("Wrong PIN for {0}: only a technician may {1}.").format(name or "?", action)


def _ask_dialog(parent):
    def ask(action: str, names: list[str]):
        from ui.pin_dialog import PinDialog

        d = PinDialog(action, names, parent=parent)
        return d.values() if d.exec() else None

    return ask
