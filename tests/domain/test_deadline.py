"""Deadlines (domain.md §2, §3, §7): due moments per unit, countdown, bands, pause, timeliness."""

from __future__ import annotations

from datetime import datetime, time

import pytest

from mohao_desk.domain.calendar import WorkCalendar
from mohao_desk.domain.deadline import (
    Band,
    Countdown,
    ProcessingTime,
    Timeliness,
    TimeUnit,
    countdown,
    due_moment,
    extend_for_pause,
    format_office_duration,
    timeliness,
)
from mohao_desk.domain.errors import DeskError

T = datetime
DAY = 27000  # one working day of office time, 07:30–11:30 + 13:30–17:00

WD = TimeUnit.WORKING_DAYS
WH = TimeUnit.WORKING_HOURS
SAME = TimeUnit.SAME_DAY
CD = TimeUnit.CALENDAR_DAYS
MO = TimeUnit.MONTHS


def due(cal: WorkCalendar, received: datetime, value: int, unit: TimeUnit) -> datetime:
    return due_moment(cal, received, ProcessingTime(value, unit))


# ---------------------------------------------------------------------------- working days


@pytest.mark.parametrize(
    ("received", "n", "expected"),
    [
        # the example: Fri 26/04/2024 09:00 + 5 → Tue 07/05/2024 09:00
        (T(2024, 4, 26, 9, 0), 5, T(2024, 5, 7, 9, 0)),
        (T(2024, 4, 26, 9, 0), 1, T(2024, 5, 2, 9, 0)),
        (T(2024, 4, 26, 9, 0), 3, T(2024, 5, 4, 9, 0)),  # make-up Saturday
        # Tết 2024
        (T(2024, 2, 7, 10, 0), 1, T(2024, 2, 15, 10, 0)),
        (T(2024, 2, 7, 10, 0), 3, T(2024, 2, 19, 10, 0)),
        # Tết 2025
        (T(2025, 1, 24, 10, 0), 1, T(2025, 2, 3, 10, 0)),
        (T(2025, 1, 23, 14, 15), 3, T(2025, 2, 4, 14, 15)),
        # Tết 2026
        (T(2026, 2, 13, 10, 0), 1, T(2026, 2, 23, 10, 0)),
        # 30/4 2025: make-up Sat 26/04, off 30/04 – 02/05
        (T(2025, 4, 24, 10, 0), 2, T(2025, 4, 26, 10, 0)),
        (T(2025, 4, 24, 10, 0), 5, T(2025, 5, 5, 10, 0)),
        # 2/9
        (T(2024, 8, 30, 10, 0), 1, T(2024, 9, 4, 10, 0)),
        (T(2025, 8, 29, 10, 0), 1, T(2025, 9, 3, 10, 0)),
        (T(2026, 8, 21, 10, 0), 1, T(2026, 8, 22, 10, 0)),  # make-up Sat 22/08/2026
        (T(2026, 8, 28, 10, 0), 1, T(2026, 9, 3, 10, 0)),
        # 24/11/2026 is a working day (announcements table: unsure, Labour Code in force)
        (T(2026, 11, 23, 10, 0), 1, T(2026, 11, 24, 10, 0)),
        # New Year 2026: Fri 02/01 off, Sat 10/01 worked (12729/VPCP-KGVX)
        (T(2025, 12, 31, 10, 0), 1, T(2026, 1, 5, 10, 0)),
        # ordinary weekend
        (T(2024, 3, 8, 16, 0), 1, T(2024, 3, 11, 16, 0)),
        (T(2024, 3, 8, 16, 0), 20, T(2024, 4, 5, 16, 0)),
        # received outside office hours: counted from the next opening
        (T(2024, 4, 26, 12, 0), 5, T(2024, 5, 7, 13, 30)),  # lunch
        (T(2024, 4, 25, 18, 0), 5, T(2024, 5, 7, 7, 30)),  # evening
        (T(2024, 4, 26, 17, 0), 5, T(2024, 5, 8, 7, 30)),  # 17:00 sharp
        (T(2024, 4, 27, 10, 0), 1, T(2024, 5, 3, 7, 30)),  # Saturday
        (T(2024, 4, 30, 10, 0), 1, T(2024, 5, 3, 7, 30)),  # holiday
        (T(2024, 2, 12, 9, 0), 2, T(2024, 2, 19, 7, 30)),  # Tết
    ],
)
def test_working_days(cal: WorkCalendar, received: datetime, n: int, expected: datetime) -> None:
    assert due(cal, received, n, WD) == expected


# --------------------------------------------------------------------------- working hours


@pytest.mark.parametrize(
    ("received", "hours", "expected"),
    [
        # 26/04 09:00 + 8 h: 6 h on Friday, 2 h on Thu 02/05 after the holidays
        (T(2024, 4, 26, 9, 0), 8, T(2024, 5, 2, 9, 30)),
        (T(2024, 4, 26, 7, 30), 4, T(2024, 4, 26, 11, 30)),  # exactly 11:30, not 13:30
        (T(2024, 4, 26, 9, 0), 3, T(2024, 4, 26, 14, 0)),  # across lunch
        (T(2024, 4, 26, 9, 0), 6, T(2024, 4, 26, 17, 0)),  # exactly the closing
        (T(2024, 4, 26, 9, 0), 7, T(2024, 5, 2, 8, 30)),
        (T(2024, 4, 26, 12, 0), 1, T(2024, 4, 26, 14, 30)),  # lunch: from 13:30
        (T(2024, 4, 27, 10, 0), 1, T(2024, 5, 2, 8, 30)),  # Saturday: from Thu 07:30
        (T(2024, 2, 7, 16, 0), 2, T(2024, 2, 15, 8, 30)),  # across Tết 2024
        (T(2024, 5, 3, 16, 0), 2, T(2024, 5, 4, 8, 30)),  # into the make-up Saturday
    ],
)
def test_working_hours(
    cal: WorkCalendar, received: datetime, hours: int, expected: datetime
) -> None:
    assert due(cal, received, hours, WH) == expected


# --------------------------------------------------------------- same day (15:00 cut-off)


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        (T(2024, 3, 11, 9, 0), T(2024, 3, 11, 17, 0)),
        (T(2024, 3, 11, 14, 59, 59), T(2024, 3, 11, 17, 0)),
        # "sau 15 giờ": 15:00 sharp is still the same day; 15:00:01 and 15:01 are after it
        (T(2024, 3, 11, 15, 0), T(2024, 3, 11, 17, 0)),
        (T(2024, 3, 11, 15, 0, 1), T(2024, 3, 12, 17, 0)),
        (T(2024, 3, 11, 15, 1), T(2024, 3, 12, 17, 0)),
        (T(2024, 3, 11, 16, 30), T(2024, 3, 12, 17, 0)),
        (T(2024, 3, 11, 12, 0), T(2024, 3, 11, 17, 0)),  # lunch → 13:30, before the cut-off
        (T(2024, 3, 11, 6, 0), T(2024, 3, 11, 17, 0)),
        (T(2024, 3, 11, 17, 0), T(2024, 3, 12, 17, 0)),  # after closing: next day opening
        (T(2024, 3, 8, 15, 30), T(2024, 3, 11, 17, 0)),  # Friday afternoon → Monday
        (T(2024, 3, 9, 10, 0), T(2024, 3, 11, 17, 0)),  # Saturday → Monday
        # Tết 2024
        (T(2024, 2, 7, 14, 0), T(2024, 2, 7, 17, 0)),
        (T(2024, 2, 7, 15, 30), T(2024, 2, 15, 17, 0)),
        (T(2024, 2, 12, 10, 0), T(2024, 2, 15, 17, 0)),
        # the 30/4 swap of 2024 and 2025
        (T(2024, 4, 26, 15, 1), T(2024, 5, 2, 17, 0)),
        (T(2024, 4, 26, 15, 0), T(2024, 4, 26, 17, 0)),
        (T(2024, 5, 3, 16, 0), T(2024, 5, 4, 17, 0)),  # make-up Saturday
        (T(2025, 4, 25, 15, 1), T(2025, 4, 26, 17, 0)),  # make-up Saturday
        (T(2025, 4, 29, 15, 30), T(2025, 5, 5, 17, 0)),
        (T(2025, 5, 2, 9, 0), T(2025, 5, 5, 17, 0)),  # swapped day off
    ],
)
def test_same_day(cal: WorkCalendar, received: datetime, expected: datetime) -> None:
    assert due(cal, received, 0, SAME) == expected


def test_same_day_custom_cutoff(cal: WorkCalendar) -> None:
    period = ProcessingTime(0, SAME, cutoff=time(11, 0))
    assert due_moment(cal, T(2024, 3, 11, 10, 59), period) == T(2024, 3, 11, 17, 0)
    assert due_moment(cal, T(2024, 3, 11, 11, 0), period) == T(2024, 3, 11, 17, 0)
    assert due_moment(cal, T(2024, 3, 11, 11, 1), period) == T(2024, 3, 12, 17, 0)


# ------------------------------------------------------------------ calendar days and months


@pytest.mark.parametrize(
    ("received", "n", "expected"),
    [
        (T(2024, 3, 11, 10, 0), 3, T(2024, 3, 14, 10, 0)),
        (T(2024, 3, 11, 10, 0), 5, T(2024, 3, 18, 17, 0)),  # Saturday → Monday closing
        (T(2024, 4, 26, 10, 0), 3, T(2024, 5, 2, 17, 0)),  # Mon 29/04 off → Thu 02/05
        (T(2024, 4, 26, 10, 0), 6, T(2024, 5, 2, 10, 0)),
        (T(2024, 4, 26, 10, 0), 8, T(2024, 5, 4, 10, 0)),  # make-up Saturday is working
        (T(2024, 2, 5, 9, 0), 5, T(2024, 2, 15, 17, 0)),  # lands in Tết 2024
        (T(2024, 4, 27, 10, 0), 2, T(2024, 5, 4, 7, 30)),  # Saturday: from Thu 07:30
        (T(2026, 11, 17, 8, 0), 7, T(2026, 11, 24, 8, 0)),  # 24/11/2026 is worked
        (T(2025, 12, 26, 8, 0), 7, T(2026, 1, 5, 17, 0)),  # Fri 02/01/2026 off
    ],
)
def test_calendar_days(cal: WorkCalendar, received: datetime, n: int, expected: datetime) -> None:
    assert due(cal, received, n, CD) == expected


def test_calendar_days_follow_the_law_even_when_not_monotone(cal: WorkCalendar) -> None:
    """Civil Code art. 148 as written: a period ending on Sunday ends on Monday's closing time, so
    a dossier received one day later with the same period can be due earlier that Monday."""
    assert due(cal, T(2024, 1, 11, 10, 0), 3, CD) == T(2024, 1, 15, 17, 0)
    assert due(cal, T(2024, 1, 12, 8, 0), 3, CD) == T(2024, 1, 15, 8, 0)
    assert due(cal, T(2024, 1, 11, 10, 0), 4, CD) == T(2024, 1, 15, 10, 0)


@pytest.mark.parametrize(
    ("received", "n", "expected"),
    [
        (T(2024, 1, 31, 9, 0), 1, T(2024, 2, 29, 9, 0)),  # clamped to 29/02 (leap year)
        (T(2024, 12, 31, 9, 0), 2, T(2025, 2, 28, 9, 0)),  # clamped to 28/02
        (T(2024, 3, 15, 10, 0), 12, T(2025, 3, 17, 17, 0)),  # Sat 15/03/2025 → Monday
        (T(2024, 1, 15, 10, 0), 12, T(2025, 1, 15, 10, 0)),
        (T(2024, 11, 20, 10, 0), 2, T(2025, 1, 20, 10, 0)),  # across the year end
        (T(2026, 3, 31, 10, 0), 1, T(2026, 5, 4, 17, 0)),  # 30/04/2026 off → Mon 04/05
        (T(2024, 12, 27, 10, 0), 1, T(2025, 2, 3, 17, 0)),  # 27/01/2025 is Tết
    ],
)
def test_months(cal: WorkCalendar, received: datetime, n: int, expected: datetime) -> None:
    assert due(cal, received, n, MO) == expected


# ------------------------------------------------------------------------ ProcessingTime


@pytest.mark.parametrize(
    ("value", "unit"),
    [(0, WD), (-1, WD), (0, WH), (0, CD), (0, MO), (2, SAME), (-1, SAME)],
)
def test_processing_time_rejects_bad_values(value: int, unit: TimeUnit) -> None:
    with pytest.raises(DeskError):
        ProcessingTime(value, unit)


def test_processing_time_describe() -> None:
    assert ProcessingTime(5, WD).describe() == "5 ngày làm việc"
    assert ProcessingTime(8, WH).describe() == "8 giờ làm việc"
    assert ProcessingTime(2, MO).describe() == "2 tháng"
    assert ProcessingTime(0, SAME).describe() == "Trong ngày (tiếp nhận đến 15 giờ 00)"
    assert ProcessingTime(1, SAME, time(10, 30)).describe() == (
        "Trong ngày (tiếp nhận đến 10 giờ 30)"
    )


# ----------------------------------------------------------------------------- countdown

# due Tue 07/05/2024 09:00 (received Fri 26/04/2024 09:00, 5 working days)
DUE = T(2024, 5, 7, 9, 0)


@pytest.mark.parametrize(
    ("now", "seconds", "band", "text"),
    [
        # Mon 06/05 08:00: 7 h that day + 1.5 h on Tuesday
        (T(2024, 5, 6, 8, 0), 30600, Band.ON_TRACK, "còn 1 ngày 1 giờ"),
        (T(2024, 5, 6, 8, 59, 59), 27001, Band.ON_TRACK, "còn 1 ngày"),
        (T(2024, 5, 6, 9, 0), 27000, Band.AT_RISK, "còn 1 ngày"),  # exactly 1 working day
        (T(2024, 5, 6, 16, 0), 9000, Band.AT_RISK, "còn 2 giờ 30 phút"),
        (T(2024, 5, 6, 20, 0), 5400, Band.AT_RISK, "còn 1 giờ 30 phút"),
        (T(2024, 5, 7, 8, 15), 2700, Band.AT_RISK, "còn 45 phút"),
        (T(2024, 5, 7, 7, 0), 5400, Band.AT_RISK, "còn 1 giờ 30 phút"),
        (DUE, 0, Band.AT_RISK, "đến hạn"),
        # counted across the weekend, the 30/4 holidays and the make-up Saturday 04/05
        (T(2024, 4, 26, 16, 0), 3600 + 4 * DAY + 5400, Band.ON_TRACK, "còn 4 ngày 2 giờ"),
        (T(2024, 4, 28, 10, 0), 4 * DAY + 5400, Band.ON_TRACK, "còn 4 ngày 1 giờ"),
        # Sat 04/05 09:00: 6 h + Mon 06/05 7.5 h + 1.5 h
        (T(2024, 5, 4, 9, 0), 2 * DAY, Band.ON_TRACK, "còn 2 ngày"),
        # overdue
        (T(2024, 5, 7, 9, 0, 1), -1, Band.OVERDUE, "quá hạn"),
        (T(2024, 5, 7, 9, 1), -60, Band.OVERDUE, "quá 1 phút"),
        (T(2024, 5, 7, 20, 0), -6 * 3600, Band.OVERDUE, "quá 6 giờ"),
        (T(2024, 5, 8, 11, 0), -34200, Band.OVERDUE, "quá 1 ngày 2 giờ"),
    ],
)
def test_countdown(cal: WorkCalendar, now: datetime, seconds: int, band: Band, text: str) -> None:
    result = countdown(cal, DUE, now)
    assert result == Countdown(seconds, band, DAY)
    assert result.text() == text
    assert result.overdue is (band is Band.OVERDUE)


def test_countdown_across_tet(cal: WorkCalendar) -> None:
    # Wed 07/02/2024 16:00 → Thu 15/02/2024 09:00: 1 h + 1.5 h, the holidays count for nothing
    result = countdown(cal, T(2024, 2, 15, 9, 0), T(2024, 2, 7, 16, 0))
    assert result == Countdown(9000, Band.AT_RISK, DAY)
    assert result.text() == "còn 2 giờ 30 phút"


def test_overdue_across_a_weekend_counts_office_time_only(cal: WorkCalendar) -> None:
    # due Fri 08/03/2024 17:00; Sat/Sun add nothing, so overdue on Sunday is still 0 office time
    sunday = countdown(cal, T(2024, 3, 8, 17, 0), T(2024, 3, 10, 10, 0))
    assert sunday == Countdown(0, Band.OVERDUE, DAY)
    assert sunday.text() == "quá hạn"
    monday = countdown(cal, T(2024, 3, 8, 17, 0), T(2024, 3, 11, 10, 0))
    assert monday == Countdown(-9000, Band.OVERDUE, DAY)
    assert monday.text() == "quá 2 giờ 30 phút"


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "0 phút"),
        (59, "0 phút"),
        (60, "1 phút"),
        (3600, "1 giờ"),
        (3660, "1 giờ 1 phút"),
        (27000, "1 ngày"),
        (27000 + 3600 + 1800, "1 ngày 1 giờ"),  # minutes dropped once there are days
        (2 * 27000 + 3 * 3600, "2 ngày 3 giờ"),
        (2 * 27000 + 60, "2 ngày"),
    ],
)
def test_format_office_duration(seconds: int, text: str) -> None:
    assert format_office_duration(seconds, DAY) == text


def test_band_labels() -> None:
    assert Band.ON_TRACK.label == "trong hạn"
    assert Band.AT_RISK.label == "sắp đến hạn"
    assert Band.OVERDUE.label == "quá hạn"


# ------------------------------------------------------------------- pause (supplement)


def test_pause_moves_the_due_moment_by_the_paused_office_time(cal: WorkCalendar) -> None:
    # due Tue 07/05/2024 09:00; supplement asked Thu 02/05 10:00, received Fri 03/05 14:00:
    # paused 5 h + 4.5 h = 9.5 h of office time
    paused_at, resumed_at = T(2024, 5, 2, 10, 0), T(2024, 5, 3, 14, 0)
    assert cal.office_seconds_between(paused_at, resumed_at) == 34200
    new_due = extend_for_pause(cal, DUE, paused_at, resumed_at)
    # 6 h left on Tue 07/05 after 09:00, 3.5 h on Wed 08/05 → 11:00
    assert new_due == T(2024, 5, 8, 11, 0)
    before = countdown(cal, DUE, paused_at)
    after = countdown(cal, new_due, resumed_at)
    assert before.seconds == after.seconds == 29 * 3600
    assert before.text() == after.text() == "còn 3 ngày 6 giờ"


def test_pause_over_a_weekend_and_holidays(cal: WorkCalendar) -> None:
    # due Thu 02/05/2024 09:00; paused Fri 26/04 16:00 → resumed Thu 02/05 08:00: 1 h + 0.5 h
    new_due = extend_for_pause(cal, T(2024, 5, 2, 9, 0), T(2024, 4, 26, 16, 0), T(2024, 5, 2, 8))
    assert new_due == T(2024, 5, 2, 10, 30)


def test_pause_outside_office_hours_changes_nothing(cal: WorkCalendar) -> None:
    assert extend_for_pause(cal, DUE, T(2024, 5, 3, 17, 30), T(2024, 5, 4, 7, 0)) == DUE
    assert extend_for_pause(cal, DUE, T(2024, 4, 27, 9, 0), T(2024, 5, 1, 16, 0)) == DUE
    assert extend_for_pause(cal, DUE, T(2024, 5, 3, 10, 0), T(2024, 5, 3, 10, 0)) == DUE


def test_pause_of_part_of_a_day_is_office_time_arithmetic(cal: WorkCalendar) -> None:
    # Issue 9: due Tue 18/03/2025 07:30, paused 07:30–11:30 on Thu 13/03 (4 office hours):
    # 07:30 + 4 office hours is 11:30 of the due day, exactly as a 4-working-hour deadline
    # from 07:30 ends, not 13:30 (a result at 12:00 is late).
    due_at = T(2025, 3, 18, 7, 30)
    new_due = extend_for_pause(cal, due_at, T(2025, 3, 13, 7, 30), T(2025, 3, 13, 11, 30))
    assert new_due == T(2025, 3, 18, 11, 30)
    assert new_due == due(cal, due_at, 4, WH)
    assert timeliness(T(2025, 3, 18, 12, 0), new_due, 1) is Timeliness.LATE


def test_pause_of_whole_days_keeps_an_opening_due_moment_at_an_opening(
    cal: WorkCalendar,
) -> None:
    # due Tue 18/03/2025 07:30, paused a whole working day (Thu 13/03 07:30 → Fri 14/03 07:30):
    # the next working day's 07:30, not the due day's 17:00.
    new_due = extend_for_pause(
        cal, T(2025, 3, 18, 7, 30), T(2025, 3, 13, 7, 30), T(2025, 3, 14, 7, 30)
    )
    assert new_due == T(2025, 3, 19, 7, 30)


def test_pause_that_lands_on_a_closing_time(cal: WorkCalendar) -> None:
    # due Mon 11/03/2024 09:00, paused Fri 08/03 09:00 → 17:00 (6 h): 09:00 + 6 h = 17:00
    assert extend_for_pause(
        cal, T(2024, 3, 11, 9, 0), T(2024, 3, 8, 9, 0), T(2024, 3, 8, 17, 0)
    ) == T(2024, 3, 11, 17, 0)


# ---------------------------------------------------------------------------- timeliness


@pytest.mark.parametrize(
    ("finished", "requests", "expected"),
    [
        (T(2024, 5, 6, 16, 0), 0, Timeliness.EARLY),  # the day before the due day
        (T(2024, 5, 4, 9, 0), 1, Timeliness.EARLY),  # one supplement request is fine
        (T(2024, 5, 7, 7, 0), 0, Timeliness.ON_TIME),  # on the due day, before the moment
        (T(2024, 5, 7, 9, 0), 0, Timeliness.ON_TIME),  # exactly the due moment
        (T(2024, 5, 7, 9, 0, 1), 0, Timeliness.LATE),
        (T(2024, 5, 7, 16, 0), 0, Timeliness.LATE),
        (T(2024, 5, 10, 9, 0), 1, Timeliness.LATE),
        (T(2024, 5, 2, 9, 0), 2, Timeliness.LATE),  # more than one supplement request
        (T(2024, 5, 7, 8, 0), 3, Timeliness.LATE),
    ],
)
def test_timeliness(finished: datetime, requests: int, expected: Timeliness) -> None:
    assert timeliness(finished, DUE, requests) is expected


def test_timeliness_labels() -> None:
    assert Timeliness.EARLY.label == "trước hạn"
    assert Timeliness.ON_TIME.label == "đúng hạn"
    assert Timeliness.LATE.label == "quá hạn"


# --------------------------------------------------------------------- sub-second receipts


@pytest.mark.parametrize(
    ("received", "value", "unit", "expected"),
    [
        # same day: the closing time of that day
        (T(2024, 3, 11, 9, 0, 0, 500000), 0, SAME, T(2024, 3, 11, 17, 0)),
        # Fri + 1 calendar day is a Saturday: Monday's closing time
        (T(2024, 3, 8, 10, 0, 0, 500000), 1, CD, T(2024, 3, 11, 17, 0)),
        # 14:00 + 3 h of office time lands exactly on the closing time
        (T(2024, 3, 8, 14, 0, 0, 500000), 3, WH, T(2024, 3, 8, 17, 0)),
    ],
)
def test_closing_time_due_is_exactly_17_00(
    cal: WorkCalendar, received: datetime, value: int, unit: TimeUnit, expected: datetime
) -> None:
    """A due moment "at the closing time" is 17:00:00 sharp, whatever the receipt's
    microseconds: 17:00:00.5 lies after the office closes."""
    assert due(cal, received, value, unit) == expected


def test_more_than_one_supplement_request_is_overdue_while_open(cal: WorkCalendar) -> None:
    # Still two working days of office time left, yet overdue in the national index (§3).
    result = countdown(cal, T(2024, 3, 13, 9, 0), T(2024, 3, 11, 9, 0), supplement_requests=2)
    assert result.band is Band.OVERDUE
    assert result.seconds == 2 * 27000
    assert result.text() == "quá hạn (bổ sung nhiều lần; còn 2 ngày)"
    once = countdown(cal, T(2024, 3, 13, 9, 0), T(2024, 3, 11, 9, 0), supplement_requests=1)
    assert once.band is Band.ON_TRACK


def test_pause_keeps_an_opening_due_moment_at_an_opening(cal: WorkCalendar) -> None:
    # Received Sun 07/07/2024 21:00 → counts from Mon 07:30 → 3 working days: Thu 11/07 07:30.
    due = due_moment(cal, T(2024, 7, 7, 21, 0), ProcessingTime(3, TimeUnit.WORKING_DAYS))
    assert due == T(2024, 7, 11, 7, 30)
    # Paused one whole working day (Mon 08/07 09:00 → Tue 09/07 09:00): next day's opening,
    # not Thu 17:00 (same office position, but a different day for the citizen).
    assert extend_for_pause(cal, due, T(2024, 7, 8, 9, 0), T(2024, 7, 9, 9, 0)) == T(
        2024, 7, 12, 7, 30
    )
    # An afternoon opening stays 13:30 rather than 11:30.
    assert extend_for_pause(
        cal, T(2024, 7, 11, 13, 30), T(2024, 7, 8, 9, 0), T(2024, 7, 9, 9, 0)
    ) == (T(2024, 7, 12, 13, 30))
