"""Property tests of the deadline arithmetic over 2024–2026 (domain.md §2, §3)."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from mohao_desk.domain.calendar import WorkCalendar, vietnam_calendar
from mohao_desk.domain.deadline import (
    ProcessingTime,
    TimeUnit,
    countdown,
    due_moment,
    extend_for_pause,
)

# Hypothesis refuses function-scoped fixtures; the calendar is built once for this module.
CAL: WorkCalendar = vietnam_calendar()

FAST = settings(max_examples=200, deadline=None)

# Whole seconds, as the services pass them (they drop microseconds at the edge).
moments = st.datetimes(
    min_value=datetime(2024, 1, 1), max_value=datetime(2026, 12, 31, 23, 59, 59)
).map(lambda d: d.replace(microsecond=0))
counts = st.integers(min_value=0, max_value=60)
positive = st.integers(min_value=1, max_value=60)
units = st.sampled_from(list(TimeUnit))
cutoffs = st.sampled_from([time(15, 0), time(11, 0), time(16, 30)])


def period(unit: TimeUnit, n: int) -> ProcessingTime:
    if unit is TimeUnit.SAME_DAY:
        return ProcessingTime(0, unit)
    return ProcessingTime(max(n, 1), unit)


# Monotone units: a later receipt or a longer period never gives an earlier due moment.
# (Calendar days and months are not monotone by law: see test_deadline.py.)
MONOTONE = [TimeUnit.WORKING_DAYS, TimeUnit.WORKING_HOURS, TimeUnit.SAME_DAY]


@FAST
@given(st.sampled_from(MONOTONE), moments, moments, positive)
def test_later_receipt_is_never_due_earlier(
    unit: TimeUnit, a: datetime, b: datetime, n: int
) -> None:
    early, late = min(a, b), max(a, b)
    assert due_moment(CAL, early, period(unit, n)) <= due_moment(CAL, late, period(unit, n))


@FAST
@given(moments, counts, counts)
def test_more_working_days_is_never_due_earlier(received: datetime, n: int, m: int) -> None:
    low, high = min(n, m), max(n, m)
    assert CAL.add_working_days(received, low) <= CAL.add_working_days(received, high)


@FAST
@given(moments, counts, counts)
def test_more_working_hours_is_never_due_earlier(received: datetime, n: int, m: int) -> None:
    low, high = min(n, m), max(n, m)
    assert CAL.add_office_seconds(received, low * 3600) <= CAL.add_office_seconds(
        received, high * 3600
    )


@FAST
@given(moments, counts, counts)
def test_working_days_add_up(received: datetime, n: int, m: int) -> None:
    t = CAL.normalize(received)
    assert CAL.add_working_days(CAL.add_working_days(t, n), m) == CAL.add_working_days(t, n + m)


@FAST
@given(moments, counts)
def test_working_days_keep_the_clock_time_and_count_exactly(received: datetime, n: int) -> None:
    t = CAL.normalize(received)
    due = CAL.add_working_days(t, n)
    assert due.time() == t.time()
    assert CAL.working_days_between(t.date(), due.date()) == n
    assert CAL.is_working_day(due.date())


@FAST
@given(moments, counts)
def test_working_hours_add_exact_office_time(received: datetime, n: int) -> None:
    t = CAL.normalize(received)
    due = CAL.add_office_seconds(received, n * 3600)
    assert CAL.office_seconds_between(t, due) == n * 3600


@FAST
@given(units, moments, counts, cutoffs)
def test_every_due_moment_is_inside_office_hours(
    unit: TimeUnit, received: datetime, n: int, cutoff: time
) -> None:
    if unit is TimeUnit.SAME_DAY:
        p = ProcessingTime(0, unit, cutoff)
    else:
        p = ProcessingTime(max(n, 1), unit)
    due = due_moment(CAL, received, p)
    assert CAL.is_open(due), (received, p, due)
    assert due >= CAL.normalize(received)


@FAST
@given(moments, counts)
def test_every_primitive_lands_inside_office_hours(received: datetime, n: int) -> None:
    for due in (
        CAL.add_working_days(received, n),
        CAL.add_office_seconds(received, n * 3600),
        CAL.add_calendar_days(received, n),
        CAL.add_months(received, n),
        CAL.same_day(received, time(15, 0)),
    ):
        assert CAL.is_open(due), (received, n, due)


@FAST
@given(moments)
def test_same_day_is_the_closing_of_the_counted_day_or_the_next(received: datetime) -> None:
    t = CAL.normalize(received)
    due = CAL.same_day(received, time(15, 0))
    assert due.time() == time(17, 0)
    if t.time() < time(15, 0):
        assert due.date() == t.date()
    else:
        assert due.date() == CAL.next_working_day(t.date())


@FAST
@given(moments)
def test_normalize_is_idempotent_and_open(received: datetime) -> None:
    t = CAL.normalize(received)
    assert t >= received
    assert CAL.is_open(t)
    assert CAL.normalize(t) == t
    # no office time is skipped between the arrival and the counted moment
    assert CAL.office_seconds_between(received, t) == 0


@FAST
@given(moments, moments, moments)
def test_pause_preserves_the_remaining_office_time(x: datetime, y: datetime, z: datetime) -> None:
    paused_at, resumed_at, due = sorted((x, y, z))
    due = CAL.normalize(due)  # a due moment is always inside office hours
    assume(paused_at <= due)
    new_due = extend_for_pause(CAL, due, paused_at, resumed_at)
    before = countdown(CAL, due, paused_at)
    after = countdown(CAL, new_due, resumed_at)
    assert after.seconds == before.seconds
    if before.seconds > 0:
        assert after.band is before.band
    assert new_due >= due
    assert CAL.office_seconds_between(due, new_due) == CAL.office_seconds_between(
        paused_at, resumed_at
    )


@FAST
@given(moments)
def test_position_round_trip(received: datetime) -> None:
    m = CAL.normalize(received)  # a moment inside office hours
    back = CAL.moment_at(CAL.position(m))
    assert CAL.position(back) == CAL.position(m)
    if m.time() == time(13, 30):
        assert back == m.replace(hour=11, minute=30)  # same office position
    elif m.time() == time(7, 30):
        previous = CAL.previous_working_day(m.date())
        assert back == CAL.closing_of(previous)  # same office position
    else:
        assert back == m


@FAST
@given(moments, st.integers(min_value=1, max_value=60 * 27000))
def test_moment_at_is_the_earliest_moment_of_a_position(received: datetime, delta: int) -> None:
    p = CAL.position(received) + delta
    m = CAL.moment_at(p)
    assert CAL.position(m) == p
    assert CAL.is_open(m)
    assert CAL.position(m - timedelta(seconds=1)) == p - 1


@FAST
@given(moments, moments)
def test_countdown_is_office_time_to_due(due_raw: datetime, now: datetime) -> None:
    due = CAL.normalize(due_raw)
    result = countdown(CAL, due, now)
    remaining = CAL.office_seconds_between(now, due)
    if now > due:
        assert result.overdue
        assert result.seconds == min(remaining, 0)
    else:
        assert not result.overdue
        assert result.seconds == remaining >= 0
