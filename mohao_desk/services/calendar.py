"""The unit's calendar: public holidays from ``holidays`` plus the administrator's overrides."""

from __future__ import annotations

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
