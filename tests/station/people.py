"""The station's people in GUI tests: a technician set up and answering the PIN prompt."""

from __future__ import annotations


def technician(window, name: str = "Tess", pin: str = "4321") -> None:
    """Set up technician ``name`` with ``pin``; every sign-in prompt answers as them."""
    window.authority.add_technician(name, pin)
    window.ask_pin = lambda action, names: (name, pin)
