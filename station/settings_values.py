"""Numbers read from ``settings.ini`` that a person may have edited by hand: a value that is not a
number, or out of range, falls back to the default and is remembered so the window can say so."""

from __future__ import annotations

BAD: list[str] = []
"""'key=value' of every value that was replaced by its default since start."""


def number(settings, key: str, default: float, lo: float, hi: float, kind=int):
    raw = settings.value(key, default)
    try:
        v = kind(float(raw))
    except (TypeError, ValueError):
        BAD.append(f"{key}={raw!r}")
        return kind(default)
    if not lo <= v <= hi:
        BAD.append(f"{key}={raw!r}")
        return kind(default)
    return v
