"""Official calendar announcements (thông báo lịch nghỉ chính thức) applied over ``holidays``.

Every year the government fixes the days off of Tết, swaps a weekday off against a make-up
working Saturday, and sometimes adds a day (domain.md §2). The ``holidays`` package carries most
of this, but not all and not in time (0.109 lacks the 2026 New Year swap). So the program ships
its own table, ``resources/calendar/announcements.json``: each entry a day, off or worked, its
name and its legal source (document number and date), and whether an official text confirms it.
The upstream office can send more announcements to its desks in a configuration package.

Order of precedence, lowest first (``vietnam_public_days`` and the services apply it):
the package's rules, the shipped table, the upstream office's announcements, then the unit's
overrides (``calendar_override``: the administrator's, or the upstream office's own overrides).

An entry with ``certain: false`` is the file's best reading of the texts in force, applied as
written; the program reminds the administrator to check it when the day comes near.

Nothing here reads a database; the shipped file is read through ``importlib.resources`` (so it is
found in a frozen bundle too) and validated whole: a broken table is refused, never half-used.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from mohao_desk.domain.calendar_cache import ANNOUNCEMENTS_RESOURCE as RESOURCE
from mohao_desk.domain.calendar_cache import shipped_table
from mohao_desk.domain.errors import Clause, DeskError, Phrase
from mohao_desk.domain.text import nfc

ANNOUNCEMENTS_FORMAT = "mohao-calendar-announcements"
ANNOUNCEMENTS_VERSION = 1
FIRST_YEAR, LAST_YEAR = 2015, 2040  # the span of the working-day calendar
MAX_ANNOUNCEMENTS = 5000
MAX_NAME = 200
MAX_DOCUMENT = 200
MAX_NOTE = 1000
NOTICE_HORIZON = timedelta(days=90)

KIND_OFF = "off"
KIND_WORKING = "working"
_FIELDS = {"date", "kind", "name", "document", "document_date", "certain", "note", "package"}
_PACKAGE_CLAIMS = ("same", "differs")

# Where a day's public status comes from (CalendarDay.source, `calendar show`).
SOURCE_PACKAGE = "package"  # the rules of the holidays package
SOURCE_SHIPPED = "announcement"  # the table shipped with the program
SOURCE_UPSTREAM = "upstream"  # an announcement the upstream office sent (or, upstream, added)


@dataclass(frozen=True)
class Announcement:
    """Thông báo lịch nghỉ: one day the government declared off or worked, with its source."""

    day: date
    working: bool
    name: str
    document: str  # "12729/VPCP-KGVX", "Bộ luật Lao động số 45/2019/QH14, Điều 112"
    document_date: date
    certain: bool = True
    note: str = ""
    package: str = ""  # the shipped file's claim about holidays: "same", "differs" or ""

    @property
    def source_text(self) -> str:
        """ "12729/VPCP-KGVX ngày 25/12/2025": how forms and lists cite it."""
        return f"{self.document} ngày {self.document_date:%d/%m/%Y}"

    def as_entry(self) -> dict[str, Any]:
        """The JSON entry (shipped file, ``setting`` table and configuration packages alike)."""
        entry: dict[str, Any] = {
            "date": self.day.isoformat(),
            "kind": KIND_WORKING if self.working else KIND_OFF,
            "name": self.name,
            "document": self.document,
            "document_date": self.document_date.isoformat(),
            "certain": self.certain,
        }
        if self.note:
            entry["note"] = self.note
        if self.package:
            entry["package"] = self.package
        return entry


def _text(entry: dict[str, Any], key: str, where: Phrase, limit: int, required: bool) -> str:
    value = entry.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise DeskError("{where}: thiếu hoặc sai trường '{key}'.", where=where, key=key)
    if len(value) > limit:
        raise DeskError(
            "{where}: trường '{key}' dài quá {limit} ký tự.", where=where, key=key, limit=limit
        )
    return " ".join(nfc(value).split())


def _day(entry: dict[str, Any], key: str, where: Phrase) -> date:
    text = entry.get(key)
    try:
        day = date.fromisoformat(text) if isinstance(text, str) and len(text) == 10 else None
    except ValueError:
        day = None
    if day is None:
        raise DeskError(
            "{where}: trường '{key}' phải là một ngày dạng YYYY-MM-DD.", where=where, key=key
        )
    return day


def parse_entry(entry: Any, n: int) -> Announcement:
    """One entry, checked field by field; ``n`` is its place in the list (for the message)."""
    where = Phrase("thông báo thứ {n}", n=n)
    if not isinstance(entry, dict):
        raise DeskError("{where}: phải là một đối tượng.", where=where)
    unknown = sorted(set(entry) - _FIELDS)
    if unknown:
        raise DeskError("{where}: trường '{key}' không được biết đến.", where=where, key=unknown[0])
    day = _day(entry, "date", where)
    where = Phrase("thông báo ngày {day:%d/%m/%Y}", day=day)
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise DeskError(
            "{where}: ngoài phạm vi lịch {first_year}–{last_year}.",
            where=where,
            first_year=FIRST_YEAR,
            last_year=LAST_YEAR,
        )
    kind = entry.get("kind")
    if kind not in (KIND_OFF, KIND_WORKING):
        raise DeskError(
            "{where}: 'kind' phải là 'off' (nghỉ) hoặc 'working' (làm việc).", where=where
        )
    document_date = _day(entry, "document_date", where)
    if not 1945 <= document_date.year <= LAST_YEAR:
        raise DeskError("{where}: ngày của văn bản không hợp lệ.", where=where)
    certain = entry.get("certain")
    if not isinstance(certain, bool):
        raise DeskError("{where}: 'certain' phải là true hoặc false.", where=where)
    package = entry.get("package", "")
    if package not in ("", *_PACKAGE_CLAIMS):
        raise DeskError("{where}: 'package' phải là 'same' hoặc 'differs'.", where=where)
    return Announcement(
        day=day,
        working=kind == KIND_WORKING,
        name=_text(entry, "name", where, MAX_NAME, required=True),
        document=_text(entry, "document", where, MAX_DOCUMENT, required=True),
        document_date=document_date,
        certain=certain,
        note=_text(entry, "note", where, MAX_NOTE, required=False),
        package=str(package),
    )


def parse_entries(entries: Any) -> tuple[Announcement, ...]:
    """A list of entries, all or nothing: the first wrong entry raises, naming it; a day may
    appear once. Sorted by day. The messages are clauses (lower case): the caller says what
    was refused (the shipped file, a package)."""
    if not isinstance(entries, list):
        raise DeskError("danh sách thông báo lịch phải là một danh sách.")
    if len(entries) > MAX_ANNOUNCEMENTS:
        raise DeskError("danh sách thông báo lịch có quá {limit} mục.", limit=MAX_ANNOUNCEMENTS)
    parsed = [parse_entry(entry, n) for n, entry in enumerate(entries, start=1)]
    seen: set[date] = set()
    for a in parsed:
        if a.day in seen:
            raise DeskError("ngày {day:%d/%m/%Y} có hai thông báo lịch.", day=a.day)
        seen.add(a.day)
    return tuple(sorted(parsed, key=lambda a: a.day))


def parse_announcement_file(data: bytes, name: str) -> tuple[Announcement, ...]:
    """The shipped table (or a file in its format), validated whole."""
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise DeskError(
            "Tệp thông báo lịch '{name}' bị từ chối: không phải JSON UTF-8; không áp dụng "
            "thông báo nào.",
            name=name,
        ) from None
    try:
        if not isinstance(raw, dict) or raw.get("format") != ANNOUNCEMENTS_FORMAT:
            raise DeskError("thiếu 'format: {format}'.", format=ANNOUNCEMENTS_FORMAT)
        version = raw.get("version")
        if type(version) is not int or version < 1:
            raise DeskError("trường 'version' không hợp lệ.")
        if version > ANNOUNCEMENTS_VERSION:
            raise DeskError(
                "tệp có phiên bản {version}, chương trình này đọc đến {known}.",
                version=version,
                known=ANNOUNCEMENTS_VERSION,
            )
        return parse_entries(raw.get("announcements"))
    except DeskError as exc:
        raise DeskError(
            "Tệp thông báo lịch '{name}' bị từ chối: {reason}; không áp dụng thông báo nào.",
            name=name,
            reason=Clause.of(exc),
        ) from None


@cache
def shipped_announcements() -> tuple[Announcement, ...]:
    """The table shipped with the program (read once)."""
    return parse_announcement_file(shipped_table(), "/".join(RESOURCE))


@dataclass(frozen=True)
class SourcedAnnouncement:
    announcement: Announcement
    source: str  # SOURCE_SHIPPED or SOURCE_UPSTREAM


def effective_announcements(
    extra: Iterable[Announcement] = (),
) -> dict[date, SourcedAnnouncement]:
    """The shipped table with ``extra`` (the upstream office's) over it, by day."""
    found = {a.day: SourcedAnnouncement(a, SOURCE_SHIPPED) for a in shipped_announcements()}
    for a in extra:
        found[a.day] = SourcedAnnouncement(a, SOURCE_UPSTREAM)
    return found


def apply_announcements(
    days_off: Iterable[date],
    working_days: Iterable[date],
    announcements: Iterable[Announcement],
) -> tuple[frozenset[date], frozenset[date]]:
    """(days off, extra working days) once ``announcements`` are applied over the package's
    days off and make-up days: an announced day is exactly what it says."""
    off, work = set(days_off), set(working_days)
    for a in announcements:
        if a.working:
            off.discard(a.day)
            work.add(a.day)
        else:
            work.discard(a.day)
            off.add(a.day)
    return frozenset(off), frozenset(work)


@dataclass(frozen=True)
class CalendarGaps:
    """What an administrator should check in the coming days: years whose working days rest
    only on the package's rules (no announcement yet), and announced days not confirmed by an
    official text."""

    start: date
    end: date
    unannounced_years: tuple[int, ...]
    unsure: tuple[Announcement, ...]

    def __bool__(self) -> bool:
        return bool(self.unannounced_years or self.unsure)


def calendar_gaps(
    today: date,
    extra: Iterable[Announcement] = (),
    horizon: timedelta = NOTICE_HORIZON,
) -> CalendarGaps:
    """The gaps of the calendar from ``today`` to ``today + horizon`` (90 days)."""
    end = today + horizon
    effective = effective_announcements(extra)
    announced = {day.year for day, s in effective.items() if s.announcement.certain}
    years = tuple(y for y in range(today.year, end.year + 1) if y not in announced)
    unsure = tuple(
        s.announcement
        for day, s in sorted(effective.items())
        if today <= day <= end and not s.announcement.certain
    )
    return CalendarGaps(today, end, years, unsure)
