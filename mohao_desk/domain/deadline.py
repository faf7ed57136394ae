"""Deadlines (thời hạn giải quyết): the one definition of "due", "remaining", "band" and
"early / on time / late" used by every part of the program (see domain.md §2, §3, §7).

All moments are naive local wall-clock datetimes of the unit (see :mod:`calendar`).
"""

from __future__ import annotations

from datetime import datetime, time
from enum import StrEnum

from mohao_desk.domain.calendar import WorkCalendar
from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.values import Value

DEFAULT_CUTOFF = time(15, 0)
MAX_PERIOD_VALUE = 3650
# More supplement requests than this make a dossier count as overdue (domain.md §3).
MAX_SUPPLEMENT_REQUESTS_ON_TIME = 1


class TimeUnit(StrEnum):
    """Units of a processing time, as on the national portal."""

    WORKING_DAYS = "working_days"  # ngày làm việc
    WORKING_HOURS = "working_hours"  # giờ làm việc
    SAME_DAY = "same_day"  # trong ngày (mốc 15 giờ)
    CALENDAR_DAYS = "calendar_days"  # ngày (lịch)
    MONTHS = "months"  # tháng

    @property
    def label(self) -> str:
        return _UNIT_LABELS[self]


_UNIT_LABELS = {
    TimeUnit.WORKING_DAYS: "ngày làm việc",
    TimeUnit.WORKING_HOURS: "giờ làm việc",
    TimeUnit.SAME_DAY: "trong ngày",
    TimeUnit.CALENDAR_DAYS: "ngày",
    TimeUnit.MONTHS: "tháng",
}


class ProcessingTime(Value):
    """Thời hạn giải quyết of a procedure: a value, a unit, and the same-day cut-off."""

    _fields = ("value", "unit", "cutoff")
    value: int
    unit: TimeUnit
    cutoff: time

    def __init__(self, value: int, unit: TimeUnit, cutoff: time = DEFAULT_CUTOFF) -> None:
        self._init(value=value, unit=unit, cutoff=cutoff)
        if self.value > MAX_PERIOD_VALUE:
            raise DeskError("Thời hạn giải quyết quá lớn (tối đa {limit}).", limit=MAX_PERIOD_VALUE)
        if self.unit is TimeUnit.SAME_DAY:
            if self.value not in (0, 1):
                raise DeskError("Thủ tục giải quyết trong ngày không có số ngày.")
        elif self.value <= 0:
            raise DeskError("Thời hạn giải quyết phải là số dương.")

    def describe(self) -> str:
        if self.unit is TimeUnit.SAME_DAY:
            return f"Trong ngày (tiếp nhận đến {self.cutoff:%H} giờ {self.cutoff:%M})"
        return f"{self.value} {self.unit.label}"


def due_moment(calendar: WorkCalendar, received: datetime, period: ProcessingTime) -> datetime:
    """The legal due moment of a dossier received at ``received`` (domain.md §2).

    Outside office hours counts as received at the next opening; then:
    working days → same clock time on the n-th working day after; working hours → n hours of
    office time later; same day → closing time of that day (before the cut-off) or of the next
    working day; calendar days/months → same clock time, moved to the closing time of the next
    working day when it is not a working day.
    """
    unit = period.unit
    if unit is TimeUnit.WORKING_DAYS:
        return calendar.add_working_days(received, period.value)
    if unit is TimeUnit.SAME_DAY:
        return calendar.same_day(received, period.cutoff)
    if unit is TimeUnit.WORKING_HOURS:
        return calendar.add_office_seconds(received, period.value * 3600)
    if unit is TimeUnit.CALENDAR_DAYS:
        return calendar.add_calendar_days(received, period.value)
    if unit is TimeUnit.MONTHS:
        return calendar.add_months(received, period.value)
    raise DeskError("Đơn vị thời hạn không được hỗ trợ: {unit}", unit=unit)


def extend_for_pause(
    calendar: WorkCalendar, due: datetime, paused_at: datetime, resumed_at: datetime
) -> datetime:
    """Move a due moment out by the office time the clock was paused (supplement, §3).

    The shift is office-time arithmetic, the same as a working-hour deadline: due 07:30 paused
    4 office hours is 11:30, not 13:30. Only a shift of whole working days keeps a due moment
    that sits at an opening (07:30, 13:30) at an opening: 07:30 + one working day is the next
    day's 07:30, not this day's 17:00."""
    paused = calendar.office_seconds_between(paused_at, resumed_at)
    if paused <= 0:
        return due
    whole_days = paused % calendar.office_hours.seconds_per_day == 0
    at_opening = whole_days and any(
        due.hour * 3600 + due.minute * 60 + due.second == start
        for start, _ in calendar.office_hours.intervals
    )
    return calendar.moment_at(calendar.position(due) + paused, prefer_opening=at_opening)


class Band(StrEnum):
    """The countdown band of an open dossier."""

    ON_TRACK = "trong_han"
    AT_RISK = "sap_den_han"
    OVERDUE = "qua_han"

    @property
    def label(self) -> str:
        return _BAND_LABELS[self]


_BAND_LABELS = {
    Band.ON_TRACK: "trong hạn",
    Band.AT_RISK: "sắp đến hạn",
    Band.OVERDUE: "quá hạn",
}


class Countdown(Value):
    """Remaining (positive) or overdue (negative) office time, in seconds, and its band."""

    _fields = ("seconds", "band", "day_seconds", "repeated_supplements")
    seconds: int
    band: Band
    day_seconds: int
    repeated_supplements: bool  # overdue by rule, not (yet) by time

    def __init__(
        self, seconds: int, band: Band, day_seconds: int, repeated_supplements: bool = False
    ) -> None:
        d = self.__dict__
        d["seconds"] = seconds
        d["band"] = band
        d["day_seconds"] = day_seconds
        d["repeated_supplements"] = repeated_supplements

    @property
    def overdue(self) -> bool:
        return self.band is Band.OVERDUE

    def text(self) -> str:
        """ "còn 2 ngày 3 giờ", "còn 45 phút", "đến hạn" (less than a minute left), "quá 1 ngày
        2 giờ", "quá hạn"."""
        amount = abs(self.seconds)
        if self.repeated_supplements:
            left = format_office_duration(amount, self.day_seconds)
            return f"quá hạn (bổ sung nhiều lần; còn {left})"
        prefix = "quá" if self.overdue else "còn"
        if self.overdue and amount < 60:
            return "quá hạn"
        if amount < 60:  # at the due moment itself: not "còn 0 phút"
            return "đến hạn"
        return f"{prefix} {format_office_duration(amount, self.day_seconds)}"


def format_office_duration(seconds: int, day_seconds: int) -> str:
    """Office time as "2 ngày 3 giờ" (a day = one working day's office hours)."""
    days, rest = divmod(seconds, day_seconds)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    parts = []
    if days:
        parts.append(f"{days} ngày")
    if hours:
        parts.append(f"{hours} giờ")
    if not days and (minutes or not hours):
        parts.append(f"{minutes} phút")
    return " ".join(parts)


def countdown(
    calendar: WorkCalendar, due: datetime, now: datetime, supplement_requests: int = 0
) -> Countdown:
    """Remaining office time to ``due`` at ``now`` and its band.

    quá hạn once ``now`` is after the due moment, or when the dossier had more than one
    supplement request (it counts as overdue in the national index, domain.md §3); sắp đến hạn
    with at most one working day (one day's office hours) left; trong hạn otherwise.
    """
    day = calendar.office_hours.seconds_per_day
    return _countdown(
        day, calendar.position(due) - calendar.position(now), due, now, supplement_requests
    )


def countdown_at(
    calendar: WorkCalendar,
    due: datetime,
    now: datetime,
    now_position: int,
    supplement_requests: int = 0,
) -> Countdown:
    """:func:`countdown` with the office position of ``now`` (``calendar.position(now)``)
    already known: a list counts many dossiers from one moment."""
    day = calendar.office_hours.seconds_per_day
    return _countdown(day, calendar.position(due) - now_position, due, now, supplement_requests)


def _countdown(
    day: int, remaining: int, due: datetime, now: datetime, supplement_requests: int
) -> Countdown:
    if now > due:
        return Countdown(min(remaining, 0), Band.OVERDUE, day)
    if supplement_requests > MAX_SUPPLEMENT_REQUESTS_ON_TIME:
        return Countdown(remaining, Band.OVERDUE, day, repeated_supplements=True)
    band = Band.AT_RISK if remaining <= day else Band.ON_TRACK
    return Countdown(remaining, band, day)


class Timeliness(StrEnum):
    """How a finished dossier ended against its legal due moment (domain.md §7)."""

    EARLY = "truoc_han"
    ON_TIME = "dung_han"
    LATE = "qua_han"

    @property
    def label(self) -> str:
        return _TIMELINESS_LABELS[self]


_TIMELINESS_LABELS = {
    Timeliness.EARLY: "trước hạn",
    Timeliness.ON_TIME: "đúng hạn",
    Timeliness.LATE: "quá hạn",
}


def timeliness(finished: datetime, due: datetime, supplement_requests: int = 0) -> Timeliness:
    """Early = finished on a day before the due day; on time = on the due day, not after the due
    moment; late = after the due moment. More than one supplement request counts as late
    (Decision 766 indicator 2.1). ``due`` is the *original* legal due moment (a re-appointment
    never makes a dossier on time)."""
    if supplement_requests > MAX_SUPPLEMENT_REQUESTS_ON_TIME or finished > due:
        return Timeliness.LATE
    if finished.date() < due.date():
        return Timeliness.EARLY
    return Timeliness.ON_TIME
