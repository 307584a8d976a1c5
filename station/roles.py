"""Who may do what: the operator judges parts; a technician changes thresholds, settings and
models and decides on rejects.

Two ways to be a technician, chosen in the settings (``roles/mode``):

* ``pin``: a local PIN, stored as a salted PBKDF2 hash in the settings file; the first
  technician action on a station without a PIN asks for a new one.
* ``os``: the operating-system user is in the ``roles/technicians`` list.

The technician role lasts until logged out or ``roles/timeout_min`` minutes without a
technician action.
"""

from __future__ import annotations

import hashlib
import hmac
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
        return bool(self.settings.value("roles/pin_hash", ""))

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

    def set_pin(self, pin: str) -> None:
        if len(pin) < 4 or not pin.isdigit():
            raise ValueError("the PIN must be at least 4 digits")
        self.settings.setValue("roles/pin_hash", hash_pin(pin))
        self.settings.sync()

    def login(self, pin: str = "", name: str = "") -> bool:
        """PIN mode: the PIN; OS mode: the OS user must be listed. ``name`` is who signs the log."""
        if self.mode == "os":
            ok = self.os_user in self.technicians()
        else:
            ok = self.has_pin and check_pin(pin, str(self.settings.value("roles/pin_hash", "")))
        if ok:
            self.role, self.who = TECHNICIAN, (name.strip() or self.os_user)
            self.touch()
            self.roleChanged.emit(self.role, self.who)
        return ok

    def logout(self) -> None:
        if self.role != OPERATOR:
            self.role, self.who = OPERATOR, self.os_user
            self.roleChanged.emit(self.role, self.who)

    def require(self, parent, action: str, ask=None) -> tuple[bool, str]:
        """True when the station is (or now becomes) in the technician role; else the reason.

        ``ask(action, new_pin) -> (name, pin, again) | None`` asks the person (a PinDialog by
        default; tests pass their own)."""
        if self.is_technician:
            self.touch()
            return True, ""
        if self.mode == "os":
            if self.login():
                return True, ""
            return False, self.tr("Only a technician may {0}: user {1} is not in the technicians list.").format(
                action, self.os_user)
        answer = (ask or _ask_dialog(parent))(action, not self.has_pin)
        if answer is None:
            return False, self.tr("Only a technician may {0}: sign-in cancelled.").format(action)
        name, pin, again = answer
        if not self.has_pin:
            if pin != again:
                return False, self.tr("The two PINs differ; no PIN was set.")
            try:
                self.set_pin(pin)
            except ValueError as exc:
                return False, str(exc)
        if self.login(pin, name):
            return True, ""
        return False, self.tr("Wrong PIN: only a technician may {0}.").format(action)


def _ask_dialog(parent):
    def ask(action: str, new_pin: bool):
        from ui.pin_dialog import PinDialog

        d = PinDialog(action, new_pin, parent=parent)
        return d.values() if d.exec() else None

    return ask
