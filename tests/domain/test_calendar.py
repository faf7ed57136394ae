"""The working-day calendar (domain.md §2): days off, make-up Saturdays, office hours, overrides.

The public days are those of the ``holidays`` package corrected by the official announcements
shipped with the program (tests/domain/test_announcements.py checks the table itself)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from mohao_desk.domain.calendar import (
    CalendarOverride,
    OfficeHours,
    WorkCalendar,
    vietnam_calendar,
)
from mohao_desk.domain.errors import CalendarRangeError, DeskError

D = date
T = datetime


# ------------------------------------------------------------------ days off and working days

DAYS_OFF = [
    # Tết 2024: Thu 08/02 – Wed 14/02/2024
    D(2024, 2, 8),
    D(2024, 2, 9),
    D(2024, 2, 12),
    D(2024, 2, 13),
    D(2024, 2, 14),
    # Tết 2025: Mon 27/01 – Sat 01/02/2025
    D(2025, 1, 27),
    D(2025, 1, 28),
    D(2025, 1, 29),
    D(2025, 1, 30),
    D(2025, 1, 31),
    D(2025, 2, 1),
    # Tết 2026: Mon 16/02 – Fri 20/02/2026
    D(2026, 2, 16),
    D(2026, 2, 17),
    D(2026, 2, 18),
    D(2026, 2, 19),
    D(2026, 2, 20),
    # 30/4 – 1/5 and the swapped days off
    D(2024, 4, 29),
    D(2024, 4, 30),
    D(2024, 5, 1),
    D(2025, 4, 30),
    D(2025, 5, 1),
    D(2025, 5, 2),
    D(2026, 4, 30),
    D(2026, 5, 1),
    # 2/9 plus the adjacent day
    D(2024, 9, 2),
    D(2024, 9, 3),
    D(2025, 9, 1),
    D(2025, 9, 2),
    D(2026, 8, 31),
    D(2026, 9, 1),
    D(2026, 9, 2),
    # New Year, Giỗ Tổ Hùng Vương
    D(2024, 1, 1),
    D(2025, 1, 1),
    D(2026, 1, 1),
    # 2026 New Year swap (12729/VPCP-KGVX of 25/12/2025; not in holidays 0.109)
    D(2026, 1, 2),
    # Giỗ Tổ on Sunday 26/04/2026: the next Monday off
    D(2026, 4, 27),
    D(2024, 4, 18),
    D(2025, 4, 7),
    # ordinary weekend
    D(2024, 3, 9),
    D(2024, 3, 10),
    D(2025, 6, 14),
    D(2026, 10, 11),
]

WORKING_DAYS = [
    # make-up working Saturdays
    D(2024, 5, 4),
    D(2025, 4, 26),
    D(2026, 8, 22),
    D(2026, 1, 10),  # 2026 New Year swap
    # the days around the holidays
    D(2024, 2, 7),
    D(2024, 2, 15),
    D(2025, 1, 24),
    D(2025, 2, 3),
    D(2026, 2, 13),
    D(2026, 2, 23),
    D(2024, 4, 26),
    D(2024, 5, 2),
    D(2025, 4, 29),
    D(2025, 5, 5),
    D(2024, 9, 4),
    D(2025, 9, 3),
    D(2026, 9, 3),
    D(2026, 11, 23),
    D(2026, 11, 25),
    # Ngày Văn hóa Việt Nam: not a day off under the Labour Code in force (holidays 0.109 has
    # it off from 2026; the table marks its working day as unsure)
    D(2026, 11, 24),
    D(2025, 11, 24),
    # ordinary weekday
    D(2024, 3, 11),
]


@pytest.mark.parametrize("day", DAYS_OFF, ids=str)
def test_days_off(cal: WorkCalendar, day: date) -> None:
    assert cal.is_working_day(day) is False


@pytest.mark.parametrize("day", WORKING_DAYS, ids=str)
def test_working_days(cal: WorkCalendar, day: date) -> None:
    assert cal.is_working_day(day) is True


@pytest.mark.parametrize(
    ("day", "n", "expected"),
    [
        # Tết 2024: Wed 07/02 → Thu 15/02
        (D(2024, 2, 7), 1, D(2024, 2, 15)),
        (D(2024, 2, 7), 3, D(2024, 2, 19)),
        # Tết 2025: Fri 24/01 → Mon 03/02
        (D(2025, 1, 24), 1, D(2025, 2, 3)),
        # Tết 2026: Fri 13/02 → Mon 23/02
        (D(2026, 2, 13), 1, D(2026, 2, 23)),
        # 30/4 2024: Fri 26/04 → Thu 02/05, then the make-up Saturday 04/05
        (D(2024, 4, 26), 1, D(2024, 5, 2)),
        (D(2024, 4, 26), 3, D(2024, 5, 4)),
        # 30/4 2025: make-up Sat 26/04, then off Wed 30/04 – Fri 02/05
        (D(2025, 4, 25), 1, D(2025, 4, 26)),
        (D(2025, 4, 29), 1, D(2025, 5, 5)),
        # 2/9
        (D(2024, 8, 30), 1, D(2024, 9, 4)),
        (D(2025, 8, 29), 1, D(2025, 9, 3)),
        (D(2026, 8, 21), 1, D(2026, 8, 22)),
        (D(2026, 8, 28), 1, D(2026, 9, 3)),
        # 24/11/2026 is counted (see WORKING_DAYS)
        (D(2026, 11, 23), 1, D(2026, 11, 24)),
        # New Year 2026: Wed 31/12/2025 → Mon 05/01/2026; the make-up Saturday 10/01 counts
        (D(2025, 12, 31), 1, D(2026, 1, 5)),
        (D(2026, 1, 9), 1, D(2026, 1, 10)),
        # from a day off: the first working day after it
        (D(2024, 2, 10), 1, D(2024, 2, 15)),
    ],
)
def test_next_working_day(cal: WorkCalendar, day: date, n: int, expected: date) -> None:
    assert cal.next_working_day(day, n) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2024, 5, 2), D(2024, 4, 26)),
        (D(2024, 5, 6), D(2024, 5, 4)),  # the make-up Saturday
        (D(2024, 2, 15), D(2024, 2, 7)),
        (D(2025, 2, 3), D(2025, 1, 24)),
        (D(2024, 3, 11), D(2024, 3, 8)),
        (D(2024, 3, 10), D(2024, 3, 8)),  # from a Sunday
    ],
)
def test_previous_working_day(cal: WorkCalendar, day: date, expected: date) -> None:
    assert cal.previous_working_day(day) == expected


def test_working_days_between_excludes_the_start_day(cal: WorkCalendar) -> None:
    # (Fri 26/04, Tue 07/05/2024]: 02/05, 03/05, Sat 04/05, 06/05, 07/05
    assert cal.working_days_between(D(2024, 4, 26), D(2024, 5, 7)) == 5
    assert cal.working_days_between(D(2024, 2, 7), D(2024, 2, 15)) == 1
    assert cal.working_days_between(D(2024, 3, 11), D(2024, 3, 11)) == 0
    assert cal.working_days_between(D(2024, 5, 7), D(2024, 4, 26)) == -5


def test_dates_outside_the_span_are_refused(cal: WorkCalendar) -> None:
    with pytest.raises(CalendarRangeError, match="ngoài lịch làm việc"):
        cal.is_working_day(D(2014, 12, 31))
    with pytest.raises(CalendarRangeError):
        cal.is_working_day(D(2041, 1, 1))


def test_deadline_beyond_the_span_is_refused() -> None:
    small = WorkCalendar(days_off=frozenset(), first_year=2024, last_year=2024)
    assert small.add_working_days(T(2024, 12, 30, 9), 1) == T(2024, 12, 31, 9)
    with pytest.raises(CalendarRangeError, match="Thời hạn vượt ra ngoài"):
        small.add_working_days(T(2024, 12, 30, 9), 2)


def test_explicit_calendar_without_holidays() -> None:
    plain = WorkCalendar(days_off=frozenset({D(2024, 1, 2)}), first_year=2024, last_year=2024)
    assert plain.is_working_day(D(2024, 1, 1)) is True  # not a day off in this calendar
    assert plain.is_working_day(D(2024, 1, 2)) is False
    assert plain.next_working_day(D(2024, 1, 1)) == D(2024, 1, 3)


# ------------------------------------------------------------------------- local overrides


def test_extra_day_off_moves_the_due_day(cal: WorkCalendar) -> None:
    assert cal.add_working_days(T(2024, 4, 26, 9), 5) == T(2024, 5, 7, 9)
    local = vietnam_calendar(
        [CalendarOverride(D(2024, 5, 6), working=False, note="Lễ hội địa phương")],
        first_year=2024,
        last_year=2026,
    )
    assert local.is_working_day(D(2024, 5, 6)) is False
    assert local.add_working_days(T(2024, 4, 26, 9), 5) == T(2024, 5, 8, 9)
    # the public calendar is untouched
    assert cal.is_working_day(D(2024, 5, 6)) is True


def test_extra_working_day_moves_the_due_day() -> None:
    local = vietnam_calendar(
        [CalendarOverride(D(2024, 4, 27), working=True)], first_year=2024, last_year=2026
    )
    assert local.is_working_day(D(2024, 4, 27)) is True
    assert local.add_working_days(T(2024, 4, 26, 9), 1) == T(2024, 4, 27, 9)
    assert local.normalize(T(2024, 4, 26, 17, 30)) == T(2024, 4, 27, 7, 30)


def test_override_can_cancel_a_public_day_off_and_a_make_up_saturday() -> None:
    local = vietnam_calendar(
        [
            CalendarOverride(D(2024, 4, 29), working=True),
            CalendarOverride(D(2024, 5, 4), working=False),
        ],
        first_year=2024,
        last_year=2026,
    )
    assert local.is_working_day(D(2024, 4, 29)) is True
    assert local.is_working_day(D(2024, 5, 4)) is False
    # Fri 26/04 + 5: Mon 29/04, Thu 02/05, Fri 03/05, Mon 06/05, Tue 07/05
    assert local.add_working_days(T(2024, 4, 26, 9), 5) == T(2024, 5, 7, 9)
    assert local.add_working_days(T(2024, 4, 26, 9), 3) == T(2024, 5, 3, 9)


# --------------------------------------------------------------------------- office hours


def test_office_hours_parse_and_format() -> None:
    hours = OfficeHours.parse("07:30-11:30, 13:30-17:00")
    assert hours.intervals == ((27000, 41400), (48600, 61200))
    assert hours.seconds_per_day == 27000
    assert hours.opening == 27000
    assert hours.closing == 61200
    assert hours.format() == "07:30-11:30,13:30-17:00"
    assert OfficeHours.parse("8:00-12:00").format() == "08:00-12:00"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("07:30-11:30;13:30-17:00", "không đúng dạng"),
        ("7h30-11h30", "không đúng dạng"),
        ("", "không đúng dạng"),
        ("07:30-11:75", "không hợp lệ"),
        ("25:00-26:00", "không hợp lệ"),
        ("11:30-07:30", "không hợp lệ"),
        ("07:30-12:00,11:30-17:00", "không chồng lên nhau"),
        ("13:30-17:00,07:30-11:30", "tăng dần"),
    ],
)
def test_office_hours_bad_text(text: str, message: str) -> None:
    with pytest.raises(DeskError, match=message):
        OfficeHours.parse(text)


def test_office_hours_elapsed_and_clock_at() -> None:
    hours = OfficeHours.parse("07:30-11:30,13:30-17:00")
    assert hours.elapsed(7 * 3600) == 0
    assert hours.elapsed(9 * 3600) == 5400
    assert hours.elapsed(12 * 3600) == 14400
    assert hours.elapsed(14 * 3600) == 16200
    assert hours.elapsed(20 * 3600) == 27000
    assert hours.clock_at(14400) == 11 * 3600 + 1800  # 11:30, not 13:30
    assert hours.clock_at(14401) == 13 * 3600 + 1801
    assert hours.clock_at(27000) == 17 * 3600


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (T(2024, 4, 26, 9, 0), True),
        (T(2024, 4, 26, 7, 30), True),
        (T(2024, 4, 26, 11, 30), True),  # closed intervals: a valid due moment
        (T(2024, 4, 26, 17, 0), True),
        (T(2024, 4, 26, 7, 29), False),
        (T(2024, 4, 26, 12, 0), False),
        (T(2024, 4, 26, 17, 1), False),
        (T(2024, 4, 27, 9, 0), False),  # Saturday
        (T(2024, 5, 4, 9, 0), True),  # make-up Saturday
        (T(2024, 4, 30, 9, 0), False),  # holiday
    ],
)
def test_is_open(cal: WorkCalendar, moment: datetime, expected: bool) -> None:
    assert cal.is_open(moment) is expected


# ------------------------------------------------------------------ receiving: normalize


@pytest.mark.parametrize(
    ("received", "counted"),
    [
        (T(2024, 4, 26, 9, 0), T(2024, 4, 26, 9, 0)),  # inside: itself
        (T(2024, 4, 26, 6, 0), T(2024, 4, 26, 7, 30)),  # before opening
        (T(2024, 4, 26, 11, 29, 59), T(2024, 4, 26, 11, 29, 59)),
        (T(2024, 4, 26, 11, 30), T(2024, 4, 26, 13, 30)),  # lunch starts at 11:30
        (T(2024, 4, 26, 12, 0), T(2024, 4, 26, 13, 30)),
        (T(2024, 4, 26, 16, 59), T(2024, 4, 26, 16, 59)),
        (T(2024, 4, 26, 17, 0), T(2024, 5, 2, 7, 30)),  # 17:00 sharp: next opening
        (T(2024, 4, 25, 18, 0), T(2024, 4, 26, 7, 30)),  # evening
        (T(2024, 4, 27, 9, 0), T(2024, 5, 2, 7, 30)),  # Saturday before the holidays
        (T(2024, 4, 30, 10, 0), T(2024, 5, 2, 7, 30)),  # holiday
        (T(2024, 5, 4, 9, 0), T(2024, 5, 4, 9, 0)),  # make-up Saturday is open
        (T(2024, 5, 3, 20, 0), T(2024, 5, 4, 7, 30)),
        (T(2024, 2, 10, 10, 0), T(2024, 2, 15, 7, 30)),  # Tết 2024
        (T(2025, 1, 26, 10, 0), T(2025, 2, 3, 7, 30)),  # Tết 2025
        (T(2026, 2, 15, 10, 0), T(2026, 2, 23, 7, 30)),  # Tết 2026
        (T(2026, 11, 24, 8, 0), T(2026, 11, 24, 8, 0)),  # 24/11/2026: a working day
        (T(2026, 1, 2, 9, 0), T(2026, 1, 5, 7, 30)),  # the swapped day off of New Year 2026
        (T(2026, 1, 10, 9, 0), T(2026, 1, 10, 9, 0)),  # its make-up Saturday is open
    ],
)
def test_normalize(cal: WorkCalendar, received: datetime, counted: datetime) -> None:
    assert cal.normalize(received) == counted


def test_custom_office_hours() -> None:
    local = vietnam_calendar(
        office_hours="08:00-12:00,13:00-17:00", first_year=2024, last_year=2024
    )
    assert local.office_hours.seconds_per_day == 28800
    assert local.normalize(T(2024, 4, 26, 7, 30)) == T(2024, 4, 26, 8, 0)
    assert local.normalize(T(2024, 4, 26, 12, 30)) == T(2024, 4, 26, 13, 0)
    # 26/04 09:00 + 8 h: 3 h + 4 h that day, then 1 h on Thu 02/05
    assert local.add_office_seconds(T(2024, 4, 26, 9), 8 * 3600) == T(2024, 5, 2, 9, 0)


# --------------------------------------------------------------------- office positions


def test_office_seconds_between_across_weekend_and_holidays(cal: WorkCalendar) -> None:
    # Fri 26/04 16:00 → Thu 02/05/2024 09:00: 1 h + 1.5 h
    assert cal.office_seconds_between(T(2024, 4, 26, 16), T(2024, 5, 2, 9)) == 9000
    assert cal.office_seconds_between(T(2024, 5, 2, 9), T(2024, 4, 26, 16)) == -9000
    # lunch and nights count for nothing
    assert cal.office_seconds_between(T(2024, 4, 26, 11, 30), T(2024, 4, 26, 13, 30)) == 0
    assert cal.office_seconds_between(T(2024, 3, 8, 17), T(2024, 3, 11, 7, 30)) == 0
    # Tết 2024: Wed 07/02 16:00 → Thu 15/02 09:00
    assert cal.office_seconds_between(T(2024, 2, 7, 16), T(2024, 2, 15, 9)) == 9000


def test_moment_at_boundaries(cal: WorkCalendar) -> None:
    morning = cal.position(T(2024, 4, 26, 7, 30))
    assert cal.moment_at(morning + 4 * 3600) == T(2024, 4, 26, 11, 30)
    assert cal.moment_at(morning + 4 * 3600 + 1) == T(2024, 4, 26, 13, 30, 1)
    assert cal.moment_at(morning + 27000) == T(2024, 4, 26, 17, 0)
    assert cal.moment_at(morning + 27001) == T(2024, 5, 2, 7, 30, 1)
    # the opening has the position of the previous working day's closing
    assert cal.position(T(2024, 5, 2, 7, 30)) == cal.position(T(2024, 4, 26, 17, 0))
    assert cal.moment_at(cal.position(T(2024, 5, 2, 7, 30))) == T(2024, 4, 26, 17, 0)


def test_opening_and_closing_of(cal: WorkCalendar) -> None:
    assert cal.opening_of(D(2024, 5, 4)) == T(2024, 5, 4, 7, 30)
    assert cal.closing_of(D(2024, 5, 4)) == T(2024, 5, 4, 17, 0)
