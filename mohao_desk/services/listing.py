"""The dossier lists of the command line (``mohao-desk list``) on a SQLite desk, without
SQLAlchemy: ``Desk.count`` and ``Desk.list`` as the store's plain ``sqlite3`` path reads them
(store/plain.py), with the summaries computed in bulk (services/summaries.py).

:func:`open_listing` gives a :class:`Listing` only where ``Desk(open_database(target,
create=False))`` would open the database as it is and read the unit's settings without a
complaint: a SQLite file at the current revision, with its unit, valid calendar overrides and
announcements, a known time zone. Anywhere else (PostgreSQL, a file to migrate, one that
``open_database`` or ``Desk`` refuses) it gives None and the caller takes the ``Desk`` path,
which does and says what it always did. What a :class:`Listing` gives is what the ``Desk``
gives for the same database and moment (tests/cli/test_list_fast_path.py compares the
command's output byte for byte on demo desks).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from mohao_desk.domain.errors import DeskError
from mohao_desk.store.gate import is_server_url
from mohao_desk.store.plain import VIEWS, PlainReader, open_current

if TYPE_CHECKING:  # imported when needed: a count needs neither
    from mohao_desk.domain.calendar import WorkCalendar
    from mohao_desk.services.summaries import DossierSummary

# services/calendar.py's (a test holds them equal): the upstream office's announcements.
ANNOUNCEMENTS_SETTING = "calendar_announcements"


class Listing:
    """The lists of one SQLite desk, read with plain ``sqlite3``: what ``Desk`` gives."""

    def __init__(
        self,
        reader: PlainReader,
        *,
        unit_id: int,
        timezone: str,
        office_hours: str,
        overrides: list[tuple[date, bool, str]],
        announcements: tuple[Any, ...],
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._reader = reader
        self.unit_id = unit_id
        self.tz = ZoneInfo(timezone)
        self._office_hours = office_hours
        self._overrides = overrides
        self._announcements = announcements
        self._clock = clock
        self._calendar: WorkCalendar | None = None

    @property
    def calendar(self) -> WorkCalendar:
        """The unit's working calendar, built as ``Desk.calendar`` builds it, when first
        needed (a list of finished dossiers needs none)."""
        if self._calendar is None:
            from mohao_desk.domain.calendar import CalendarOverride, vietnam_calendar

            self._calendar = vietnam_calendar(
                [CalendarOverride(*o) for o in self._overrides],
                self._office_hours,
                announcements=self._announcements,
            )
        return self._calendar

    def _work_calendar(self) -> WorkCalendar:
        return self.calendar

    def now(self) -> datetime:
        """Local wall-clock now (naive), to the second: ``Desk.now``."""
        if self._clock is not None:
            return self._clock().replace(microsecond=0)
        return datetime.now(self.tz).replace(tzinfo=None, microsecond=0)

    def _day_bounds(self, now: datetime) -> tuple[int, int, int]:
        """``Desk._day_bounds`` as the store binds them (epoch seconds)."""
        start = datetime.combine(now.date(), time())
        return (
            self._stored(now),
            self._stored(start),
            self._stored(start + timedelta(days=1)),
        )

    def _stored(self, local: datetime) -> int:
        # Desk.to_utc, then schema.UtcMoment's int(value.timestamp())
        return int(local.replace(tzinfo=self.tz).astimezone(UTC).timestamp())

    def count(self, view: str) -> int:
        if view not in VIEWS:
            raise DeskError("Danh sách '{view}' không tồn tại.", view=view)
        reader = self._reader
        with reader.read() as conn:
            return reader.count(conn, view, *self._day_bounds(self.now()))

    def list(
        self, view: str, *, search: str | None = None, limit: int | None = None
    ) -> list[DossierSummary]:
        if view not in VIEWS:
            raise DeskError("Danh sách '{view}' không tồn tại.", view=view)
        now = self.now()
        reader = self._reader
        with reader.read() as conn:
            rows = reader.rows(conn, view, *self._day_bounds(now), search=search, limit=limit)
        from mohao_desk.services.summaries import LocalTimes, summaries_of_stored

        return summaries_of_stored(rows, LocalTimes(self.tz), now, self._work_calendar)

    def close(self) -> None:
        self._reader.close()


def open_listing(
    target: Path | str, *, clock: Callable[[], datetime] | None = None
) -> Listing | None:
    """The listing of the SQLite desk at ``target`` (a ``--db`` value), or None where the
    ``Desk`` path must open it (see the module's doc). Raises what ``open_database`` raises
    for a file that its probe refuses (not a SQLite database, damaged, unreadable)."""
    if is_server_url(target):
        return None
    reader = open_current(Path(target).expanduser())
    if reader is None:
        return None
    try:
        listing = _load(reader, clock)
    except BaseException:
        reader.close()
        raise
    if listing is None:
        reader.close()
    return listing


def _load(reader: PlainReader, clock: Callable[[], datetime] | None) -> Listing | None:
    """What ``Desk._load`` reads that a list needs; None where it would complain."""
    with reader.read() as conn:
        unit = reader.own_unit(conn)
        if unit is None:
            return None  # Desk says that no unit is set up, and how to set it up
        unit_id, timezone, office_hours = unit[0], unit[5], unit[6]
        raw_overrides = reader.overrides(conn, unit_id)
        stored = reader.setting(conn, ANNOUNCEMENTS_SETTING)
    try:
        overrides = [
            (date.fromisoformat(day), bool(working), note)
            for _id, _unit, day, working, note in raw_overrides
        ]
        announcements: tuple[Any, ...] = ()
        if stored is not None:  # services.calendar.read_announcements
            from mohao_desk.domain.announcements import parse_entries

            announcements = parse_entries(json.loads(stored))
        return Listing(
            reader,
            unit_id=unit_id,
            timezone=timezone,
            office_hours=office_hours,
            overrides=overrides,
            announcements=announcements,
            clock=clock,
        )
    except (DeskError, ValueError, TypeError, LookupError):
        # Desk refuses these with its own words (or fails as it does): let it say so.
        return None
