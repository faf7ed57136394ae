"""The unit's settings as an administrator sees and edits them (the settings window, and the
CLI's ``unit`` and ``officer`` commands): the unit and its head's signature, the officers, the
office hours. Each function is one transaction; a refused change changes nothing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import time
from typing import Any

from mohao_desk.domain.calendar import OfficeHours
from mohao_desk.domain.errors import DeskError, NotFound
from mohao_desk.domain.text import nfc
from mohao_desk.services.documents import DEFAULT_HEAD
from mohao_desk.services.setup import OfficerInput, add_officer_in, require_unit
from mohao_desk.store import queries as q
from mohao_desk.store.db import Database


@dataclass(frozen=True)
class OfficerView:
    """Cán bộ of the unit, as the officer list shows it."""

    username: str
    full_name: str
    title: str
    phone: str
    active: bool


@dataclass(frozen=True)
class UnitSettings:
    """What the administrator edits about the unit (the agency code is shown, never edited: it is
    in every dossier code)."""

    code: str
    name: str
    parent_name: str
    place_name: str
    timezone: str
    office_hours: str  # "07:30-11:30,13:30-17:00"
    sessions: tuple[tuple[time, time], ...]  # the same, as clock times
    head_lines: tuple[str, ...]  # title lines of the head who signs apology slips, stop notices
    head_name: str
    default_officer: str | None


def _clock(seconds: int) -> time:
    if seconds >= 86400:
        return time(23, 59)
    return time(seconds // 3600, seconds % 3600 // 60)


def _officer_view(row: Any) -> OfficerView:
    return OfficerView(row.username, row.full_name, row.title, row.phone, bool(row.active))


def _settings_in(conn: Any) -> UnitSettings:
    unit = require_unit(conn)
    head = q.get_setting(conn, "head_signature", DEFAULT_HEAD)
    default = q.get_setting(conn, "default_officer")
    hours = OfficeHours.parse(unit.office_hours)
    return UnitSettings(
        code=unit.code,
        name=unit.name,
        parent_name=unit.parent_name,
        place_name=unit.place_name,
        timezone=unit.timezone,
        office_hours=unit.office_hours,
        sessions=tuple((_clock(a), _clock(b)) for a, b in hours.intervals),
        head_lines=tuple(str(x) for x in head.get("lines", DEFAULT_HEAD["lines"])),
        head_name=str(head.get("name", "")),
        default_officer=str(default) if default else None,
    )


def unit_settings(db: Database) -> UnitSettings:
    with db.read() as conn:
        return _settings_in(conn)


# ------------------------------------------------------------------ officers


def list_officers(db: Database) -> list[OfficerView]:
    """Every officer of the unit, the inactive ones included, in the order they were added."""
    with db.read() as conn:
        unit = require_unit(conn)
        return [_officer_view(r) for r in q.list_officers(conn, unit.id)]


def add_officer(db: Database, officer: OfficerInput) -> OfficerView:
    """Thêm cán bộ, with the rules of ``mohao-desk officer add``."""
    with db.begin() as conn:
        unit = require_unit(conn)
        officer_id = add_officer_in(conn, unit.id, officer)
        row = q.officer_by_id(conn, officer_id)
    return _officer_view(row)


def _officer_row(conn: Any, unit_id: int, username: str) -> Any:
    row = q.officer_by_username(conn, unit_id, username.strip())
    if row is None:
        raise NotFound("Không có cán bộ với tên đăng nhập này.")
    return row


def update_officer(db: Database, username: str, *, full_name: str, title: str) -> OfficerView:
    """Change an officer's full name and title (the username stays: events refer to it)."""
    name = nfc(" ".join(full_name.split()))
    if not name:
        raise DeskError("Họ tên cán bộ không được để trống.")
    with db.begin() as conn:
        unit = require_unit(conn)
        row = _officer_row(conn, unit.id, username)
        q.update_officer(conn, row.id, full_name=name, title=nfc(" ".join(title.split())))
        row = q.officer_by_id(conn, row.id)
    return _officer_view(row)


def set_officer_active(db: Database, username: str, active: bool) -> OfficerView:
    """Ngừng hoạt động / cho hoạt động lại: an inactive officer keeps the dossiers and events
    that name them, and no longer appears in the lists of officers to choose from."""
    with db.begin() as conn:
        unit = require_unit(conn)
        row = _officer_row(conn, unit.id, username)
        if not active and q.get_setting(conn, "default_officer") == row.username:
            raise DeskError(
                "Không thể ngừng hoạt động cán bộ mặc định của đơn vị; "
                "hãy chọn cán bộ mặc định khác trước."
            )
        q.update_officer(conn, row.id, active=active)
        row = q.officer_by_id(conn, row.id)
    return _officer_view(row)


# -------------------------------------------------------------- office hours

SESSION_NAMES = ("Buổi sáng", "Buổi chiều")


def office_hours_text(sessions: Sequence[tuple[time, time]]) -> str:
    """Office hours from a morning and an optional afternoon session, checked with messages that
    say which session is wrong; the text ``OfficeHours.parse`` (and the CLI) reads."""
    if not sessions:
        raise DeskError("Giờ làm việc phải có ít nhất một buổi.")
    if len(sessions) > 2:
        raise DeskError("Giờ làm việc có nhiều nhất hai buổi (sáng và chiều).")
    for n, (start, end) in enumerate(sessions):
        if (start.hour, start.minute) >= (end.hour, end.minute):
            if n == 0:
                raise DeskError("Buổi sáng: giờ bắt đầu phải trước giờ kết thúc.")
            raise DeskError("Buổi chiều: giờ bắt đầu phải trước giờ kết thúc.")
    if len(sessions) == 2:
        (_, morning_end), (afternoon_start, _) = sessions
        if (afternoon_start.hour, afternoon_start.minute) <= (
            morning_end.hour,
            morning_end.minute,
        ):
            raise DeskError(
                "Buổi chiều phải bắt đầu sau giờ kết thúc buổi sáng "
                "(làm việc liên tục thì chỉ dùng một buổi)."
            )
    text = ",".join(f"{a:%H:%M}-{b:%H:%M}" for a, b in sessions)
    return OfficeHours.parse(text).format()  # the domain's own rules, once more


def set_office_hours(db: Database, sessions: Sequence[tuple[time, time]]) -> UnitSettings:
    """Giờ làm việc of the unit; they apply to dossiers registered from now on (due moments
    already computed stay as they are)."""
    text = office_hours_text(sessions)
    with db.begin() as conn:
        unit = require_unit(conn)
        q.update_unit(conn, unit.id, office_hours=text)
        return _settings_in(conn)
