"""The unit's calendar: public holidays from ``holidays`` plus the administrator's overrides."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mohao_desk.domain.calendar import (
    DEFAULT_FIRST_YEAR,
    DEFAULT_LAST_YEAR,
    holiday_names,
    vietnam_public_days,
)
from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.text import nfc
from mohao_desk.services.setup import require_unit
from mohao_desk.store import queries as q
from mohao_desk.store.db import Database


@dataclass(frozen=True)
class CalendarDay:
    """A day of the year that is not ordinary, as the unit's working-day calendar treats it."""

    day: date
    working: bool  # a working day (make-up Saturday, a unit's extra working day) or a day off
    holiday: str  # the public day off's name ("Tết Nguyên Đán"), or ""
    make_up: bool  # a make-up working Saturday of the public calendar
    override: bool  # the unit's database holds an override for this day (removable)
    from_upstream: bool = False  # the override came in a configuration package from upstream
    note: str = ""  # the override's note


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
        self._check(day)
        with self.db.begin() as conn:
            unit = require_unit(conn)
            q.put_override(conn, unit.id, day, working, nfc(note.strip()))

    def remove_override(self, day: date) -> None:
        self._check(day)
        with self.db.begin() as conn:
            unit = require_unit(conn)
            if not q.delete_override(conn, unit.id, day):
                raise DeskError("Ngày {day:%d/%m/%Y} không có điều chỉnh nào.", day=day)

    def year(self, year: int) -> list[tuple[date, str]]:
        """The days of a year that are not ordinary (holidays, make-up days, overrides)."""
        if not DEFAULT_FIRST_YEAR <= year <= DEFAULT_LAST_YEAR:
            raise DeskError(
                "Năm {year} nằm ngoài lịch ({first_year}–{last_year}).",
                year=year,
                first_year=DEFAULT_FIRST_YEAR,
                last_year=DEFAULT_LAST_YEAR,
            )
        names = holiday_names(year, year)
        _, make_up = vietnam_public_days(year, year)
        days: dict[date, str] = {d: f"nghỉ: {n}" for d, n in names.items()}
        for d in make_up:
            days[d] = "làm bù (thứ Bảy làm việc)"
        with self.db.read() as conn:
            unit = require_unit(conn)
            for o in q.list_overrides(conn, unit.id):
                d = date.fromisoformat(o.day)
                if d.year == year:
                    kind = "làm việc" if o.working else "nghỉ"
                    days[d] = f"điều chỉnh của đơn vị — {kind}: {o.note}".rstrip(": ")
        return sorted(days.items())

    def days(self, year: int) -> list[CalendarDay]:
        """The same days as :meth:`year`, as data: public days off and make-up working days of
        that year, and the overrides stored in the database (which win over the public days,
        exactly as ``vietnam_calendar`` applies them)."""
        from mohao_desk.services.sync import UPSTREAM_CALENDAR_SETTING

        if not DEFAULT_FIRST_YEAR <= year <= DEFAULT_LAST_YEAR:
            raise DeskError("Năm đã chọn nằm ngoài lịch làm việc của chương trình.")
        names = holiday_names(year, year)
        days_off, make_up = vietnam_public_days(DEFAULT_FIRST_YEAR, DEFAULT_LAST_YEAR)
        found: dict[date, CalendarDay] = {}
        for d in sorted(days_off | make_up):
            if d.year != year:
                continue
            if d in make_up:
                found[d] = CalendarDay(d, True, "", True, False)
            else:
                found[d] = CalendarDay(d, False, names.get(d, ""), False, False)
        with self.db.read() as conn:
            unit = require_unit(conn)
            upstream = set(q.get_setting(conn, UPSTREAM_CALENDAR_SETTING, []))
            for o in q.list_overrides(conn, unit.id):
                d = date.fromisoformat(o.day)
                if d.year != year:
                    continue
                public = found.get(d)
                found[d] = CalendarDay(
                    d,
                    bool(o.working),
                    public.holiday if public else "",
                    public.make_up if public else False,
                    True,
                    o.day in upstream,
                    str(o.note),
                )
        return [found[d] for d in sorted(found)]
