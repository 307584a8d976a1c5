from datetime import datetime

import pytest

from station.storage.shifts import ShiftError, current_shift, parse_spec, previous_shift, recent_shifts, resolve_shift

SPEC = "06:00=Early,14:00=Late,22:00=Night"


def test_shift_names_and_bounds_including_the_night_over_midnight():
    at = datetime(2026, 11, 23, 2, 30).astimezone()
    night = current_shift(SPEC, at)
    assert night.name == "Night" and night.start.day == 22 and night.start.hour == 22 and night.end.hour == 6
    assert previous_shift(SPEC, at).name == "Late"
    early = resolve_shift("2026-11-23/Early", SPEC)
    assert (early.start.hour, early.end.hour, early.label) == (6, 14, "2026-11-23/Early")
    assert [s.name for s in recent_shifts(4, SPEC, at)] == ["Night", "Late", "Early", "Night"]
    rng = resolve_shift("2026-11-23T06:00..2026-11-23T09:30", SPEC)
    assert (rng.end - rng.start).total_seconds() == 3.5 * 3600


@pytest.mark.parametrize("bad", ["25:00=X", "06:00", "06:00=A,06:00=B", "aa:bb=C"])
def test_nonsense_shift_hours_are_named(bad):
    with pytest.raises(ShiftError):
        parse_spec(bad)


def test_unknown_shift_name_lists_the_known_ones():
    with pytest.raises(ShiftError, match="Early, Late, Night"):
        resolve_shift("2026-11-23/Morning", SPEC)
