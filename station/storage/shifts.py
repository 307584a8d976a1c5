"""The site's shifts: names and start hours (local time), configurable as one settings string.

``"06:00=Early,14:00=Late,22:00=Night"``: each shift runs until the next one starts. A shift is
named on the command line as ``current``, ``previous``, ``2026-11-23/Early`` or an explicit
``2026-11-23T06:00..2026-11-23T14:00`` range.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

DEFAULT_SHIFTS = "06:00=Early,14:00=Late,22:00=Night"


class ShiftError(ValueError):
    """A shift specification or name that cannot be understood; the message says why."""


@dataclass(frozen=True)
class Shift:
    name: str
    start: datetime
    """Local, timezone-aware."""
    end: datetime

    @property
    def label(self) -> str:
        return f"{self.start:%Y-%m-%d}/{self.name}"

    @property
    def start_utc(self) -> str:
        return self.start.astimezone(timezone.utc).isoformat(timespec="milliseconds")

    @property
    def end_utc(self) -> str:
        return self.end.astimezone(timezone.utc).isoformat(timespec="milliseconds")

    def __str__(self) -> str:
        return f"{self.name} {self.start:%Y-%m-%d %H:%M}–{self.end:%H:%M}"


def parse_spec(spec: str | None) -> list[tuple[int, int, str]]:
    """``"06:00=Early,..."`` -> sorted [(hour, minute, name)]; raises ShiftError on nonsense."""
    out = []
    for part in (spec or DEFAULT_SHIFTS).split(","):
        if not part.strip():
            continue
        try:
            hm, name = part.split("=", 1)
            h, m = (int(x) for x in hm.strip().split(":"))
        except ValueError:
            raise ShiftError(f"shift {part.strip()!r}: write it as HH:MM=Name") from None
        if not (0 <= h < 24 and 0 <= m < 60) or not name.strip():
            raise ShiftError(f"shift {part.strip()!r}: hour 0-23, minute 0-59 and a name are needed")
        out.append((h, m, name.strip()))
    if not out:
        raise ShiftError("no shifts defined")
    out.sort()
    if len({(h, m) for h, m, _ in out}) != len(out) or len({n for *_, n in out}) != len(out):
        raise ShiftError("two shifts start at the same time or share a name")
    return out


def _starts_around(day: date, spec: list[tuple[int, int, str]]) -> list[tuple[datetime, str]]:
    tz = datetime.now().astimezone().tzinfo
    out = []
    for d in (day - timedelta(days=1), day, day + timedelta(days=1)):
        for h, m, name in spec:
            out.append((datetime(d.year, d.month, d.day, h, m, tzinfo=tz), name))
    return sorted(out)


def shift_at(t: datetime, spec: str | None = None) -> Shift:
    """The shift running at ``t`` (naive ``t`` is local time)."""
    t = t.astimezone() if t.tzinfo else t.astimezone()
    starts = _starts_around(t.date(), parse_spec(spec))
    for (s, name), (e, _) in zip(starts, starts[1:]):
        if s <= t < e:
            return Shift(name, s, e)
    raise ShiftError(f"no shift found at {t}")  # cannot happen with a non-empty spec


def current_shift(spec: str | None = None, now: datetime | None = None) -> Shift:
    return shift_at(now or datetime.now(), spec)


def previous_shift(spec: str | None = None, now: datetime | None = None) -> Shift:
    return shift_at(current_shift(spec, now).start - timedelta(seconds=1), spec)


def resolve_shift(text: str, spec: str | None = None, now: datetime | None = None) -> Shift:
    """``current`` | ``previous`` | ``YYYY-MM-DD/Name`` | ``START..END`` (ISO local times)."""
    text = text.strip()
    if text == "current":
        return current_shift(spec, now)
    if text == "previous":
        return previous_shift(spec, now)
    if ".." in text:
        a, b = text.split("..", 1)
        try:
            s, e = datetime.fromisoformat(a).astimezone(), datetime.fromisoformat(b).astimezone()
        except ValueError:
            raise ShiftError(f"{text!r}: write a range as 2026-11-23T06:00..2026-11-23T14:00") from None
        if e <= s:
            raise ShiftError(f"{text!r}: the range ends before it starts")
        return Shift("range", s, e)
    if "/" in text:
        d, name = text.split("/", 1)
        try:
            day = date.fromisoformat(d)
        except ValueError:
            raise ShiftError(f"{text!r}: the date must be YYYY-MM-DD") from None
        parsed = parse_spec(spec)
        names = [n for *_, n in parsed]
        if name not in names:
            raise ShiftError(f"{text!r}: no shift called {name!r} (shifts: {', '.join(names)})")
        h, m, _ = next(x for x in parsed if x[2] == name)
        tz = datetime.now().astimezone().tzinfo
        return shift_at(datetime(day.year, day.month, day.day, h, m, tzinfo=tz), spec)
    raise ShiftError(f"{text!r}: name a shift as current, previous, YYYY-MM-DD/Name or START..END")


def recent_shifts(n: int, spec: str | None = None, now: datetime | None = None) -> list[Shift]:
    """The current shift and the ``n - 1`` before it, newest first."""
    out = [current_shift(spec, now)]
    while len(out) < n:
        out.append(shift_at(out[-1].start - timedelta(seconds=1), spec))
    return out
