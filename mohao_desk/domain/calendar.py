"""The working-day calendar (lịch làm việc) of a unit, and office time arithmetic.

Moments handled here are *naive local wall-clock datetimes* in the unit's time zone
(Asia/Ho_Chi_Minh by default); conversion to and from UTC happens at the edges (store/services).

Working days come from the ``holidays`` package (country VN: Labour Code days off, Tết, the
substituted days off and the make-up working Saturdays), corrected by the official announcements
(``domain/announcements.py``) and the unit's local overrides.
Office hours are one schedule of intervals applied to every working day (make-up Saturdays
included), default 07:30–11:30 and 13:30–17:00.

Everything is computed from a precomputed index over a span of years, never by a day-by-day loop:

* ``_is_work[i]``: whether day ``base + i`` (a proleptic ordinal) is a working day;
* ``_cum[i]``: how many working days lie strictly before day ``base + i``;
* ``_work_ordinals[k]``: the ordinal of the k-th working day of the span.

The *office position* of a moment is the number of office seconds from the start of the span up
to that moment. Remaining time, pauses and working-hour deadlines are differences and sums of
positions, so they are exact and O(1).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from itertools import accumulate, compress

from mohao_desk.domain.errors import CalendarRangeError, DeskError
from mohao_desk.domain.values import Value

TYPE_CHECKING = False  # (not typing's: no typing import at run time; mypy reads it)

if TYPE_CHECKING:
    from mohao_desk.domain.announcements import Announcement

DEFAULT_OFFICE_HOURS = "07:30-11:30,13:30-17:00"
DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_FIRST_YEAR = 2015
DEFAULT_LAST_YEAR = 2040

_INTERVAL = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


class OfficeHours(Value):
    """Giờ làm việc: the office intervals of a working day, in seconds after midnight.

    Intervals are half-open ``[start, end)`` for *receiving* (a dossier arriving at 17:00 sharp
    counts as received at the next opening) and closed for *deadlines* (a due moment may be 17:00).
    """

    _fields = ("intervals",)
    intervals: tuple[tuple[int, int], ...]

    def __init__(self, intervals: tuple[tuple[int, int], ...]) -> None:
        self._init(intervals=intervals)
        if not self.intervals:
            raise DeskError("Giờ làm việc phải có ít nhất một khoảng thời gian.")
        previous_end = -1
        for start, end in self.intervals:
            if not (0 <= start < end <= 86400):
                raise DeskError("Khoảng giờ làm việc không hợp lệ.")
            if start <= previous_end:
                raise DeskError("Các khoảng giờ làm việc phải tăng dần và không chồng lên nhau.")
            previous_end = end

    @classmethod
    def parse(cls, text: str) -> OfficeHours:
        """Parse ``"07:30-11:30,13:30-17:00"``."""
        intervals = []
        for part in text.split(","):
            match = _INTERVAL.match(part)
            if not match:
                raise DeskError(
                    "Giờ làm việc '{text}' không đúng dạng HH:MM-HH:MM,HH:MM-HH:MM.", text=text
                )
            h1, m1, h2, m2 = (int(g) for g in match.groups())
            if h1 > 24 or h2 > 24 or m1 > 59 or m2 > 59:
                raise DeskError("Giờ làm việc '{text}' có giờ hoặc phút không hợp lệ.", text=text)
            intervals.append((h1 * 3600 + m1 * 60, h2 * 3600 + m2 * 60))
        return cls(tuple(intervals))

    def format(self) -> str:
        def hm(seconds: int) -> str:
            return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}"

        return ",".join(f"{hm(a)}-{hm(b)}" for a, b in self.intervals)

    @property
    def seconds_per_day(self) -> int:
        return sum(b - a for a, b in self.intervals)

    @property
    def opening(self) -> int:
        return self.intervals[0][0]

    @property
    def closing(self) -> int:
        return self.intervals[-1][1]

    def elapsed(self, second_of_day: int) -> int:
        """Office seconds of a working day that lie before ``second_of_day``."""
        total = 0
        for start, end in self.intervals:
            if second_of_day <= start:
                break
            total += (second_of_day if second_of_day < end else end) - start
        return total

    def clock_at(self, office_seconds: int) -> int:
        """The earliest second of day at which ``office_seconds`` of office time have passed.

        ``office_seconds`` must lie in ``(0, seconds_per_day]``; landing exactly on the end of an
        interval gives that end (11:30, not 13:30).
        """
        remaining = office_seconds
        for start, end in self.intervals:
            length = end - start
            if remaining <= length:
                return start + remaining
            remaining -= length
        return self.closing

    def inside(self, second_of_day: int) -> bool:
        """Inside the closed intervals: a valid due moment."""
        return any(a <= second_of_day <= b for a, b in self.intervals)


def _second_of_day(moment: datetime) -> int:
    return moment.hour * 3600 + moment.minute * 60 + moment.second


class CalendarOverride(Value):
    """A local correction the unit's administrator records (ngày nghỉ / ngày làm bù thêm)."""

    _fields = ("day", "working", "note")
    day: date
    working: bool
    note: str

    def __init__(self, day: date, working: bool, note: str = "") -> None:
        self._init(day=day, working=working, note=note)


class WorkCalendar:
    """Lịch làm việc: which days are working days and when the office is open.

    Build it with :func:`vietnam_calendar` (the usual way) or directly with an explicit set of
    days off (tests). Equal to another built from the same days, hours, span and time zone.
    """

    _FIELDS = (
        "days_off", "extra_working_days", "office_hours", "first_year", "last_year", "timezone",
    )  # fmt: skip

    def __init__(
        self,
        days_off: frozenset[date],
        extra_working_days: frozenset[date] = frozenset(),
        office_hours: OfficeHours | None = None,
        first_year: int = DEFAULT_FIRST_YEAR,
        last_year: int = DEFAULT_LAST_YEAR,
        timezone: str = DEFAULT_TIMEZONE,
    ) -> None:
        self.days_off = days_off
        self.extra_working_days = extra_working_days
        self.office_hours = (
            office_hours if office_hours is not None else OfficeHours.parse(DEFAULT_OFFICE_HOURS)
        )
        self.first_year = first_year
        self.last_year = last_year
        self.timezone = timezone
        self._build()

    def _key(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self._FIELDS)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._key() == other._key()
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable, like the dataclass it was

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._FIELDS)
        return f"{self.__class__.__qualname__}({fields})"

    def _build(self) -> None:
        self._base = base = date(self.first_year, 1, 1).toordinal()
        end = date(self.last_year, 12, 31).toordinal() + 1
        self._size = size = end - base
        # Monday to Friday, from the weekday of the first day on; then the days off and the
        # extra working days (which win) over it. All in C loops but the few hundred days.
        week = b"\x01\x01\x01\x01\x01\x00\x00"
        shift = date.fromordinal(base).weekday()
        work = bytearray((week[shift:] + week[:shift]) * (size // 7 + 1))
        del work[size:]
        for days, value in ((self.days_off, 0), (self.extra_working_days, 1)):
            for day in days:
                i = day.toordinal() - base
                if 0 <= i < size:
                    work[i] = value
        self._is_work: list[bool] = list(map(bool, work))
        self._cum: list[int] = list(accumulate(work, initial=0))
        del self._cum[size:]
        self._work_ordinals: list[int] = list(compress(range(base, end), work))
        self._day_seconds = self.office_hours.seconds_per_day
        self._opening = self.office_hours.opening
        self._closing = self.office_hours.closing
        self._intervals = self.office_hours.intervals
        # Fast path: which seconds of a day are inside the (half-open) receiving intervals.
        receiving = bytearray(86401)
        for start, end in self._intervals:
            receiving[start:end] = b"\x01" * (end - start)
        self._receiving = bytes(receiving)

    # ------------------------------------------------------------------ days
    def _index(self, ordinal: int) -> int:
        i = ordinal - self._base
        if i < 0 or i >= self._size:
            raise CalendarRangeError(
                "Ngày {day:%d/%m/%Y} nằm ngoài lịch làm việc ({first_year}–{last_year}).",
                day=date.fromordinal(ordinal),
                first_year=self.first_year,
                last_year=self.last_year,
            )
        return i

    def is_working_day(self, day: date) -> bool:
        return self._is_work[self._index(day.toordinal())]

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in ``(start, end]``: the receipt day is not counted."""
        i, j = self._index(start.toordinal()), self._index(end.toordinal())
        return (self._cum[j] + self._is_work[j]) - (self._cum[i] + self._is_work[i])

    def next_working_day(self, day: date, n: int = 1) -> date:
        """The n-th working day after ``day`` (``day`` itself is not counted); n >= 1."""
        i = self._index(day.toordinal())
        k = self._cum[i] + (1 if self._is_work[i] else 0) + n - 1
        return date.fromordinal(self._work_ordinal(k))

    def previous_working_day(self, day: date) -> date:
        """The last working day strictly before ``day``."""
        k = self._cum[self._index(day.toordinal())] - 1
        return date.fromordinal(self._work_ordinal(k))

    def _work_ordinal(self, k: int) -> int:
        if k < 0 or k >= len(self._work_ordinals):
            raise CalendarRangeError(
                "Thời hạn vượt ra ngoài lịch làm việc ({first_year}–{last_year}).",
                first_year=self.first_year,
                last_year=self.last_year,
            )
        return self._work_ordinals[k]

    # --------------------------------------------------------------- moments
    def normalize(self, moment: datetime) -> datetime:
        """The moment a dossier counts as received: itself inside office hours, else the next
        opening (lunch break → afternoon opening; night, weekend, day off → next working day).
        Deadlines are kept to the second: microseconds are dropped."""
        if moment.microsecond:
            moment = moment.replace(microsecond=0)
        ordinal = moment.toordinal()
        i = self._index(ordinal)
        if self._is_work[i]:
            s = moment.hour * 3600 + moment.minute * 60 + moment.second
            for start, end in self._intervals:
                if s < start:
                    return datetime.combine(moment.date(), time()) + timedelta(seconds=start)
                if s < end:
                    return moment
        k = self._cum[i] + (1 if self._is_work[i] else 0)
        day = date.fromordinal(self._work_ordinal(k))
        return datetime.combine(day, time()) + timedelta(seconds=self._opening)

    def is_open(self, moment: datetime) -> bool:
        """Inside office hours (closed intervals) of a working day."""
        return self.is_working_day(moment.date()) and self.office_hours.inside(
            _second_of_day(moment)
        )

    def position(self, moment: datetime) -> int:
        """Office seconds from the start of the calendar span up to ``moment``."""
        i = self._index(moment.toordinal())
        p = self._cum[i] * self._day_seconds
        if self._is_work[i]:
            p += self.office_hours.elapsed(moment.hour * 3600 + moment.minute * 60 + moment.second)
        return p

    def moment_at(self, position: int, prefer_opening: bool = False) -> datetime:
        """The moment whose office position is ``position`` (> 0).

        On a boundary (the end of one interval is the start of the next, in office time) the
        earliest moment is given: a day's closing time rather than the next opening, 11:30 rather
        than 13:30. With ``prefer_opening`` the later one is given instead.
        """
        day_seconds = self._day_seconds
        k, r = divmod(position, day_seconds)
        if r == 0 and not prefer_opening:
            k -= 1
            r = day_seconds
        day = date.fromordinal(self._work_ordinal(k))
        clock = self._opening_clock_at(r) if prefer_opening else self.office_hours.clock_at(r)
        return datetime.combine(day, time()) + timedelta(seconds=clock)

    def _opening_clock_at(self, office_seconds: int) -> int:
        """Like ``OfficeHours.clock_at`` but a boundary gives the next interval's start."""
        remaining = office_seconds
        for start, end in self._intervals:
            length = end - start
            if remaining < length:
                return start + remaining
            remaining -= length
        return self._closing  # pragma: no cover - r < day_seconds always lands above

    def office_seconds_between(self, start: datetime, end: datetime) -> int:
        """Signed office time from ``start`` to ``end``."""
        return self.position(end) - self.position(start)

    def closing_of(self, day: date) -> datetime:
        return datetime.combine(day, time()) + timedelta(seconds=self._closing)

    def opening_of(self, day: date) -> datetime:
        return datetime.combine(day, time()) + timedelta(seconds=self._opening)

    # --------------------------------------------------- deadline primitives
    def add_working_days(self, received: datetime, n: int) -> datetime:
        """Same clock time on the n-th working day after the normalised receipt day."""
        ordinal = received.toordinal()
        i = ordinal - self._base
        if (
            0 <= i < self._size
            and self._is_work[i]
            and not received.microsecond
            and self._receiving[received.hour * 3600 + received.minute * 60 + received.second]
        ):
            k = self._cum[i] + n
            if k < len(self._work_ordinals):
                days = self._work_ordinals[k] - ordinal
                deltas = _DAY_DELTAS or _day_deltas()
                return received + (deltas[days] if days < len(deltas) else timedelta(days=days))
        moment = self.normalize(received)
        i = self._index(moment.toordinal())
        return moment + timedelta(days=self._work_ordinal(self._cum[i] + n) - moment.toordinal())

    def add_office_seconds(self, received: datetime, seconds: int) -> datetime:
        """Add office time to the normalised moment (working-hour deadlines, pauses)."""
        start = self.normalize(received)
        if seconds <= 0:
            return start
        ordinal = start.toordinal()
        s = start.hour * 3600 + start.minute * 60 + start.second
        day_seconds = self._day_seconds
        k, r = divmod(
            self._cum[ordinal - self._base] * day_seconds + self.office_hours.elapsed(s) + seconds,
            day_seconds,
        )
        if r == 0:
            k -= 1
            r = day_seconds
        target = self._work_ordinal(k)
        return start + timedelta(days=target - ordinal, seconds=self.office_hours.clock_at(r) - s)

    def same_day(self, received: datetime, cutoff: time) -> datetime:
        """Received at or before the cut-off: closing time of that working day; *after* it
        ("sau 15 giờ"): closing time of the next one. 15:00 sharp is the same day."""
        moment = self.normalize(received)
        ordinal = moment.toordinal()
        target = ordinal
        if moment.time() > cutoff:
            target = self._work_ordinal(self._cum[ordinal - self._base] + 1)
        seconds = moment.hour * 3600 + moment.minute * 60 + moment.second
        return moment + timedelta(days=target - ordinal, seconds=self._closing - seconds)

    def add_calendar_days(self, received: datetime, n: int) -> datetime:
        """Same clock time n days later; if not a working day, closing of the next working day."""
        moment = self.normalize(received)
        return self._settle(moment + timedelta(days=n))

    def add_months(self, received: datetime, n: int) -> datetime:
        """Same clock time n months later (clamped to the month's last day), settled as above."""
        moment = self.normalize(received)
        month_index = moment.year * 12 + moment.month - 1 + n
        year, month = divmod(month_index, 12)
        month += 1
        last = _days_in_month(year, month)
        return self._settle(moment.replace(year=year, month=month, day=min(moment.day, last)))

    def _settle(self, target: datetime) -> datetime:
        ordinal = target.toordinal()
        i = self._index(ordinal)
        if self._is_work[i]:
            return target
        # Not a working day: cum[i] is the index of the next working day.
        following = self._work_ordinal(self._cum[i])
        seconds = target.hour * 3600 + target.minute * 60 + target.second
        return target + timedelta(days=following - ordinal, seconds=self._closing - seconds)


# Ready-made day offsets of ``add_working_days`` (made on its first use, shared by calendars).
_DAY_DELTAS: list[timedelta] = []


def _day_deltas() -> list[timedelta]:
    if not _DAY_DELTAS:
        _DAY_DELTAS.extend(map(timedelta, range(4000)))
    return _DAY_DELTAS


def _days_in_month(year: int, month: int) -> int:
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - date(year, month, 1)).days


def vietnam_calendar(
    overrides: Iterable[CalendarOverride] = (),
    office_hours: OfficeHours | str = DEFAULT_OFFICE_HOURS,
    first_year: int = DEFAULT_FIRST_YEAR,
    last_year: int = DEFAULT_LAST_YEAR,
    timezone: str = DEFAULT_TIMEZONE,
    announcements: Iterable[Announcement] = (),
) -> WorkCalendar:
    """The Vietnamese public calendar plus local overrides: the rules of ``holidays`` (country
    VN), the official announcements shipped with the program over them, ``announcements`` (the
    upstream office's) over those, and the unit's ``overrides`` over everything."""
    days_off, make_up = vietnam_public_days(first_year, last_year, announcements)
    extra_off = {o.day for o in overrides if not o.working}
    extra_work = {o.day for o in overrides if o.working}
    if isinstance(office_hours, str):
        office_hours = OfficeHours.parse(office_hours)
    return WorkCalendar(
        days_off=frozenset((days_off | extra_off) - extra_work),
        extra_working_days=frozenset((make_up - extra_off) | extra_work),
        office_hours=office_hours,
        first_year=first_year,
        last_year=last_year,
        timezone=timezone,
    )


_PACKAGE_CACHE: dict[tuple[int, int], tuple[frozenset[date], frozenset[date]]] = {}
_PUBLIC_CACHE: dict[
    tuple[int, int, tuple[Announcement, ...]], tuple[frozenset[date], frozenset[date]]
] = {}


def package_public_days(first_year: int, last_year: int) -> tuple[frozenset[date], frozenset[date]]:
    """(days off, make-up working Saturdays) by the rules of the ``holidays`` package alone."""
    key = (first_year, last_year)
    if key not in _PACKAGE_CACHE:
        import holidays

        vn = holidays.country_holidays("VN", years=range(first_year, last_year + 1), language="vi")
        off = frozenset(vn.keys())
        make_up = frozenset(
            d for d in getattr(vn, "weekend_workdays", ()) if first_year <= d.year <= last_year
        )
        _PACKAGE_CACHE[key] = (off, make_up)
    return _PACKAGE_CACHE[key]


def vietnam_public_days(
    first_year: int, last_year: int, announcements: Iterable[Announcement] = ()
) -> tuple[frozenset[date], frozenset[date]]:
    """(days off, extra working days) of Vietnam for a span of years: the package's rules with
    the shipped official announcements and then ``announcements`` applied over them. Read from
    the user's cache folder when they were computed before for the same ``holidays`` version
    and announcements (``domain/calendar_cache.py``): ``holidays`` is imported only to compute
    them again."""
    extra = tuple(announcements)
    key = (first_year, last_year, extra)
    if key not in _PUBLIC_CACHE:
        from mohao_desk.domain import calendar_cache

        days = calendar_cache.public_days(
            first_year,
            last_year,
            calendar_cache.shipped_table(),
            repr(extra),
            lambda: build_public_days(first_year, last_year, extra),
        )
        if len(_PUBLIC_CACHE) > 32:  # upstream sets change rarely; keep the cache small
            _PUBLIC_CACHE.clear()
        _PUBLIC_CACHE[key] = days
    return _PUBLIC_CACHE[key]


def build_public_days(
    first_year: int, last_year: int, announcements: Iterable[Announcement] = ()
) -> tuple[frozenset[date], frozenset[date]]:
    """What ``vietnam_public_days`` gives, computed afresh from the ``holidays`` package."""
    from mohao_desk.domain.announcements import apply_announcements, effective_announcements

    off, make_up = package_public_days(first_year, last_year)
    effective = [
        s.announcement
        for day, s in sorted(effective_announcements(tuple(announcements)).items())
        if first_year <= day.year <= last_year
    ]
    return apply_announcements(off, make_up, effective)


def holiday_names(
    first_year: int, last_year: int, announcements: Iterable[Announcement] = ()
) -> dict[date, str]:
    """Vietnamese names of the public days off (for display): the package's names, with the
    name of each announced day off instead (an announced working day is no holiday)."""
    from mohao_desk.domain.announcements import effective_announcements

    names = package_holiday_names(first_year, last_year)
    for day, s in effective_announcements(announcements).items():
        if first_year <= day.year <= last_year:
            if s.announcement.working:
                names.pop(day, None)
            else:
                names[day] = s.announcement.name
    return names


def package_holiday_names(first_year: int, last_year: int) -> dict[date, str]:
    """The ``holidays`` package's Vietnamese names of its days off."""
    import holidays

    vn = holidays.country_holidays("VN", years=range(first_year, last_year + 1), language="vi")
    return dict(vn.items())
