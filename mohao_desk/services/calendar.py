"""The unit's calendar: the public calendar (the ``holidays`` package's rules, the official
announcements shipped with the program and those of the upstream office) plus the
administrator's overrides.

The upstream office's announcements live in the ``setting`` table (``calendar_announcements``,
a JSON list in the format of ``resources/calendar/announcements.json``): at the upstream office
they are the ones its administrator added, which go out in every configuration package; at a
desk they are the ones the last applied configuration package brought (replaced whole each
time)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from mohao_desk.domain.announcements import (
    SOURCE_PACKAGE,
    SOURCE_UPSTREAM,
    Announcement,
    CalendarGaps,
    calendar_gaps,
    effective_announcements,
    parse_entries,
    parse_entry,
)
from mohao_desk.domain.calendar import (
    DEFAULT_FIRST_YEAR,
    DEFAULT_LAST_YEAR,
    package_holiday_names,
    package_public_days,
)
from mohao_desk.domain.errors import Clause, DeskError, template
from mohao_desk.domain.roles import Operation
from mohao_desk.domain.text import nfc
from mohao_desk.services import authority
from mohao_desk.services.setup import is_upstream, require_unit
from mohao_desk.store import queries as q
from mohao_desk.store.db import Database

ANNOUNCEMENTS_SETTING = "calendar_announcements"
ANNOUNCE_UPSTREAM_ONLY = template(
    "Chỉ cơ quan cấp trên mới thêm hoặc bỏ thông báo lịch chính thức (thông báo được gửi đến "
    "các đơn vị trong gói cấu hình); tại đơn vị hãy thêm điều chỉnh của đơn vị."
)


def read_announcements(conn: Any) -> tuple[Announcement, ...]:
    """The upstream office's announcements stored in this database (see the module's doc)."""
    try:
        return parse_entries(q.get_setting(conn, ANNOUNCEMENTS_SETTING, []))
    except DeskError as exc:
        raise DeskError(
            "Thông báo lịch của cấp trên lưu trong cơ sở dữ liệu không hợp lệ ({reason}); hãy "
            "nhập lại gói cấu hình mới nhất của cấp trên.",
            reason=Clause.of(exc),
        ) from None


def write_announcements(conn: Any, announcements: tuple[Announcement, ...]) -> None:
    q.put_setting(conn, ANNOUNCEMENTS_SETTING, [a.as_entry() for a in announcements])


@dataclass(frozen=True)
class CalendarDay:
    """A day of the year that is not ordinary, as the unit's working-day calendar treats it."""

    day: date
    working: bool  # a working day (make-up Saturday, a unit's extra working day) or a day off
    holiday: str  # the public day off's name ("Tết Nguyên Đán"), or ""
    make_up: bool  # a make-up working Saturday (or Sunday) of the public calendar
    override: bool  # the unit's database holds an override for this day (removable)
    from_upstream: bool = False  # the override came in a configuration package from upstream
    note: str = ""  # the override's note
    # The public calendar's part, before any override:
    public_working: bool = False  # what the public calendar says
    public_name: str = ""  # the announcement's or the package's name of the day, or ""
    source: str = ""  # SOURCE_PACKAGE, SOURCE_SHIPPED, SOURCE_UPSTREAM; "" if not a public day
    document: str = ""  # the announcement's document, "12729/VPCP-KGVX ngày 25/12/2025"
    certain: bool = True  # False: no official text confirms the announcement yet
    announcement_note: str = ""
    announced: bool = False  # an announcement of this database (upstream: removable)


class CalendarService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def _check(self, day: date) -> None:
        if not DEFAULT_FIRST_YEAR <= day.year <= DEFAULT_LAST_YEAR:
            raise DeskError(
                "Ngày {day:%d/%m/%Y} nằm ngoài lịch ({first_year}–{last_year}).",
                day=day,
                first_year=DEFAULT_FIRST_YEAR,
                last_year=DEFAULT_LAST_YEAR,
            )

    def set_override(self, day: date, *, working: bool, note: str = "") -> None:
        """Ngày nghỉ / ngày làm việc bổ sung: applies to dossiers registered from now on."""
        authority.require(self.db, Operation.CALENDAR)
        self._check(day)
        with self.db.begin() as conn:
            unit = require_unit(conn)
            q.put_override(conn, unit.id, day, working, nfc(note.strip()))

    def remove_override(self, day: date) -> None:
        authority.require(self.db, Operation.CALENDAR)
        self._check(day)
        with self.db.begin() as conn:
            unit = require_unit(conn)
            if not q.delete_override(conn, unit.id, day):
                raise DeskError("Ngày {day:%d/%m/%Y} không có điều chỉnh nào.", day=day)

    # ------------------------------------------------------- announcements
    def announcements(self) -> tuple[Announcement, ...]:
        """The upstream office's announcements stored here (upstream: those it publishes)."""
        with self.db.read() as conn:
            return read_announcements(conn)

    def add_announcement(
        self,
        day: date,
        *,
        working: bool,
        name: str,
        document: str,
        document_date: date,
        certain: bool = True,
        note: str = "",
    ) -> Announcement:
        """At the upstream office: an official announcement, sent to every desk in the next
        configuration package. Checked like an entry of the shipped table; a day has one."""
        authority.require(self.db, Operation.CALENDAR)
        self._check(day)
        entry = Announcement(
            day, working, name, document, document_date, certain, note.strip()
        ).as_entry()
        announcement = parse_entry(entry, 1)
        with self.db.begin() as conn:
            require_unit(conn)
            if not is_upstream(conn):
                raise DeskError(ANNOUNCE_UPSTREAM_ONLY)
            current = read_announcements(conn)
            if any(a.day == day for a in current):
                raise DeskError(
                    "Ngày {day:%d/%m/%Y} đã có thông báo lịch; hãy bỏ thông báo cũ trước khi "
                    "thêm thông báo mới.",
                    day=day,
                )
            write_announcements(conn, tuple(sorted((*current, announcement), key=lambda a: a.day)))
        return announcement

    def remove_announcement(self, day: date) -> None:
        authority.require(self.db, Operation.CALENDAR)
        self._check(day)
        with self.db.begin() as conn:
            require_unit(conn)
            if not is_upstream(conn):
                raise DeskError(ANNOUNCE_UPSTREAM_ONLY)
            current = read_announcements(conn)
            kept = tuple(a for a in current if a.day != day)
            if len(kept) == len(current):
                raise DeskError("Ngày {day:%d/%m/%Y} không có thông báo lịch nào.", day=day)
            write_announcements(conn, kept)

    def announced(self, year: int) -> bool:
        """Whether an official announcement (shipped or upstream) confirms a day of ``year``:
        otherwise its days off rest only on the package's rules."""
        with self.db.read() as conn:
            own = read_announcements(conn)
        return any(
            d.year == year and s.announcement.certain
            for d, s in effective_announcements(own).items()
        )

    def gaps(self, today: date) -> CalendarGaps:
        """What the administrator should check in the coming 90 days (see ``calendar_gaps``)."""
        with self.db.read() as conn:
            return calendar_gaps(today, read_announcements(conn))

    # ------------------------------------------------------------- reading
    def year(self, year: int) -> list[tuple[date, str]]:
        """The days of a year that are not ordinary, each with one line saying what it is and
        where that comes from (``calendar show``)."""
        if not DEFAULT_FIRST_YEAR <= year <= DEFAULT_LAST_YEAR:
            raise DeskError(
                "Năm {year} nằm ngoài lịch ({first_year}–{last_year}).",
                year=year,
                first_year=DEFAULT_FIRST_YEAR,
                last_year=DEFAULT_LAST_YEAR,
            )
        return [(d.day, day_label(d)) for d in self.days(year)]

    def days(self, year: int) -> list[CalendarDay]:
        """The same days as :meth:`year`, as data: public days off and working days of that
        year (the package's, the announced ones) and the overrides stored in the database
        (which win over the public days), exactly as ``vietnam_calendar`` applies them."""
        from mohao_desk.services.sync import UPSTREAM_CALENDAR_SETTING

        if not DEFAULT_FIRST_YEAR <= year <= DEFAULT_LAST_YEAR:
            raise DeskError("Năm đã chọn nằm ngoài lịch làm việc của chương trình.")
        names = package_holiday_names(year, year)
        days_off, make_up = package_public_days(DEFAULT_FIRST_YEAR, DEFAULT_LAST_YEAR)
        with self.db.read() as conn:
            unit = require_unit(conn)
            own = read_announcements(conn)
            upstream = set(q.get_setting(conn, UPSTREAM_CALENDAR_SETTING, []))
            overrides = [o for o in q.list_overrides(conn, unit.id) if o.day.startswith(f"{year}-")]
        found: dict[date, CalendarDay] = {}
        for d in sorted(days_off | make_up):
            if d.year != year:
                continue
            working = d in make_up
            name = "" if working else names.get(d, "")
            found[d] = CalendarDay(
                d,
                working,
                name,
                working,
                False,
                public_working=working,
                public_name=name,
                source=SOURCE_PACKAGE,
            )
        for d, s in effective_announcements(own).items():
            if d.year != year:
                continue
            a = s.announcement
            found[d] = CalendarDay(
                d,
                a.working,
                "" if a.working else a.name,
                a.working and d.weekday() >= 5,
                False,
                public_working=a.working,
                public_name=a.name,
                source=s.source,
                document=a.source_text,
                certain=a.certain,
                announcement_note=a.note,
                announced=s.source == SOURCE_UPSTREAM,
            )
        for o in overrides:
            d = date.fromisoformat(o.day)
            public = found.get(d)
            if public is None:
                public = CalendarDay(
                    d, d.weekday() < 5, "", False, False, public_working=d.weekday() < 5
                )
            found[d] = CalendarDay(
                d,
                bool(o.working),
                public.holiday,
                public.make_up,
                True,
                o.day in upstream,
                str(o.note),
                public.public_working,
                public.public_name,
                public.source,
                public.document,
                public.certain,
                public.announcement_note,
                public.announced,
            )
        return [found[d] for d in sorted(found)]


def public_label(d: CalendarDay) -> str:
    """What the public calendar says of a day, and why: "nghỉ: Tết Dương lịch — thông báo
    12729/VPCP-KGVX ngày 25/12/2025"."""
    if not d.source:
        return "ngày thường"
    if d.public_working:
        kind = "làm bù" if d.day.weekday() >= 5 else "làm việc"
        text = f"{kind}: {d.public_name}" if d.public_name else f"{kind} (thứ Bảy làm việc)"
    else:
        text = f"nghỉ: {d.public_name}" if d.public_name else "nghỉ"
    if d.source == SOURCE_PACKAGE:
        return f"{text} — theo quy tắc của gói holidays"
    unsure = " (chưa chắc chắn: chưa có văn bản chính thức khẳng định)" if not d.certain else ""
    if d.source == SOURCE_UPSTREAM:
        return f"{text} — căn cứ (cấp trên công bố): {d.document}{unsure}"
    return f"{text} — căn cứ: {d.document}{unsure}"


def day_label(d: CalendarDay) -> str:
    """One line of ``calendar show``: the public part, or the override that replaces it."""
    if not d.override:
        return public_label(d)
    kind = "làm việc" if d.working else "nghỉ"
    who = "điều chỉnh do cấp trên gửi" if d.from_upstream else "điều chỉnh của đơn vị"
    text = f"{who} — {kind}: {d.note}".rstrip(": ")
    if d.source:
        text += f" (thay cho lịch nhà nước: {public_label(d)})"
    return text


def gaps_text(gaps: CalendarGaps) -> str:
    """The gentle one-line notice of ``calendar show`` (the window writes its own)."""
    parts = []
    if gaps.unannounced_years:
        years = ", ".join(str(y) for y in gaps.unannounced_years)
        parts.append(
            f"lịch nghỉ năm {years} chưa có thông báo chính thức nào trong chương trình, đang "
            "tính theo quy tắc của gói holidays"
        )
    for a in gaps.unsure:
        kind = "ngày làm việc" if a.working else "ngày nghỉ"
        parts.append(
            f"ngày {a.day:%d/%m/%Y} ({a.name}) đang được tính là {kind} nhưng chưa có văn bản "
            "chính thức khẳng định"
        )
    if not parts:
        return ""
    return (
        "Lưu ý (90 ngày tới): "
        + "; ".join(parts)
        + ". Hãy kiểm tra thông báo của Chính phủ về lịch nghỉ (cấp trên có thể gửi thông báo "
        "trong gói cấu hình; đơn vị có thể thêm điều chỉnh)."
    )
