"""The value classes of calendar.py and deadline.py (domain/values.py) behave as the frozen
dataclasses they were: same repr, equality, hash, refused assignment, pickling and copying."""

from __future__ import annotations

import copy
import pickle
from dataclasses import dataclass, field
from datetime import date, time

import pytest

from mohao_desk.domain.calendar import (
    DEFAULT_OFFICE_HOURS,
    CalendarOverride,
    OfficeHours,
    WorkCalendar,
)
from mohao_desk.domain.deadline import Band, Countdown, ProcessingTime, TimeUnit
from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.values import FrozenInstanceError


# The dataclasses as they were (their fields and defaults), for comparison.
@dataclass(frozen=True)
class OfficeHoursWas:
    intervals: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class CalendarOverrideWas:
    day: date
    working: bool
    note: str = ""


@dataclass(frozen=True)
class ProcessingTimeWas:
    value: int
    unit: TimeUnit
    cutoff: time = time(15, 0)


@dataclass(frozen=True)
class CountdownWas:
    seconds: int
    band: Band
    day_seconds: int
    repeated_supplements: bool = False


PAIRS = [
    (
        OfficeHours(((27000, 41400), (48600, 61200))),
        OfficeHoursWas(((27000, 41400), (48600, 61200))),
    ),
    (CalendarOverride(date(2026, 5, 4), False), CalendarOverrideWas(date(2026, 5, 4), False)),
    (
        CalendarOverride(date(2026, 5, 9), True, "bù"),
        CalendarOverrideWas(date(2026, 5, 9), True, "bù"),
    ),
    (ProcessingTime(5, TimeUnit.WORKING_DAYS), ProcessingTimeWas(5, TimeUnit.WORKING_DAYS)),
    (
        ProcessingTime(0, TimeUnit.SAME_DAY, time(11, 0)),
        ProcessingTimeWas(0, TimeUnit.SAME_DAY, time(11, 0)),
    ),
    (Countdown(-3600, Band.OVERDUE, 27000), CountdownWas(-3600, Band.OVERDUE, 27000)),
    (
        Countdown(60, Band.OVERDUE, 27000, repeated_supplements=True),
        CountdownWas(60, Band.OVERDUE, 27000, repeated_supplements=True),
    ),
]


@pytest.mark.parametrize(("value", "was"), PAIRS, ids=lambda v: type(v).__name__)
def test_a_value_behaves_as_the_dataclass_it_was(value: object, was: object) -> None:
    assert repr(value) == repr(was).replace("Was(", "(", 1)
    fields = was.__dataclass_fields__  # type: ignore[attr-defined]
    assert tuple(vars(value)) == tuple(fields)
    assert [getattr(value, f) for f in fields] == [getattr(was, f) for f in fields]
    twin = copy.copy(value)
    assert twin == value and hash(twin) == hash(value) and twin is not value
    assert pickle.loads(pickle.dumps(value)) == value
    assert copy.deepcopy(value) == value
    assert value != was  # another class: not equal, as between two dataclasses
    assert len({value, twin}) == 1
    first = next(iter(fields))
    with pytest.raises(FrozenInstanceError):
        setattr(value, first, None)
    with pytest.raises(AttributeError):
        delattr(value, first)
    assert isinstance(FrozenInstanceError("x"), AttributeError)


def test_values_differ_by_any_field() -> None:
    assert CalendarOverride(date(2026, 5, 4), False) != CalendarOverride(date(2026, 5, 4), True)
    assert CalendarOverride(date(2026, 5, 4), False) != CalendarOverride(
        date(2026, 5, 4), False, "x"
    )
    assert ProcessingTime(5, TimeUnit.WORKING_DAYS) != ProcessingTime(5, TimeUnit.CALENDAR_DAYS)
    assert Countdown(1, Band.ON_TRACK, 9) != Countdown(1, Band.AT_RISK, 9)
    assert ProcessingTime(5, TimeUnit.WORKING_DAYS) == ProcessingTime(
        value=5, unit=TimeUnit.WORKING_DAYS, cutoff=time(15, 0)
    )


def test_the_checks_still_run() -> None:
    with pytest.raises(DeskError):
        ProcessingTime(0, TimeUnit.WORKING_DAYS)
    with pytest.raises(DeskError):
        ProcessingTime(4000, TimeUnit.WORKING_DAYS)
    with pytest.raises(DeskError):
        OfficeHours(())
    with pytest.raises(DeskError):
        OfficeHours(((50000, 40000),))


@dataclass
class WorkCalendarWas:
    days_off: frozenset[date]
    extra_working_days: frozenset[date] = frozenset()
    office_hours: OfficeHours = field(
        default_factory=lambda: OfficeHours.parse(DEFAULT_OFFICE_HOURS)
    )
    first_year: int = 2015
    last_year: int = 2040
    timezone: str = "Asia/Ho_Chi_Minh"


def test_the_work_calendar_behaves_as_the_dataclass_it_was() -> None:
    off = frozenset({date(2026, 1, 1)})
    c = WorkCalendar(off, first_year=2025, last_year=2027)
    was = WorkCalendarWas(off, first_year=2025, last_year=2027)
    assert repr(c) == repr(was).replace("Was(", "(", 1)
    assert c == WorkCalendar(days_off=off, first_year=2025, last_year=2027)
    assert c != WorkCalendar(off, frozenset({date(2026, 1, 3)}), first_year=2025, last_year=2027)
    assert c != WorkCalendar(off, office_hours=OfficeHours.parse("08:00-12:00"), first_year=2025,
                             last_year=2027)  # fmt: skip
    with pytest.raises(TypeError):
        hash(c)  # mutable: not hashable, like the dataclass
    again = pickle.loads(pickle.dumps(c))
    assert again == c and not again.is_working_day(date(2026, 1, 1))
