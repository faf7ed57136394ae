"""The unit's settings as an administrator sees and edits them (the settings window, and the
CLI's ``unit`` and ``officer`` commands): the unit and its head's signature, the letterhead of
each legal regime, the officers, the office hours. Each function is one transaction; a refused
change changes nothing."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import time
from typing import Any

from mohao_desk.domain.calendar import OfficeHours
from mohao_desk.domain.errors import DeskError, NotFound, Phrase
from mohao_desk.domain.regimes import LegalRegime
from mohao_desk.domain.roles import Operation
from mohao_desk.domain.text import fold, nfc
from mohao_desk.services import authority
from mohao_desk.services.documents import DEFAULT_HEAD
from mohao_desk.services.setup import OfficerInput, UnitInfo, add_officer_in, require_unit
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
    roles: tuple[str, ...] = ()  # values of domain.roles.Role, in the table's order
    has_password: bool = False


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
    province_name: str = ""  # "Ủy ban nhân dân tỉnh Hưng Yên" (set, or found; "" if unknown)
    province_set: bool = False
    letterheads: tuple[RegimeLetterhead, ...] = ()  # one per legal regime, oldest first


@dataclass(frozen=True)
class RegimeLetterhead:
    """Who is above the unit under one legal regime: the parent body printed on the first line
    of every form's letterhead (cơ quan chủ quản) and the upstream office that reports are
    addressed to (cơ quan cấp trên). Each is the administrator's value or, when none is set,
    the default: under a district-level regime (A) the unit's parent body; under the province
    regime (B, the district level was abolished on 01/07/2025) the province."""

    regime: str  # "A"
    regime_name: str  # "Nghị định 61/2018/NĐ-CP"
    parent_name: str  # what the forms print
    upstream: str  # "Kính gửi" of the reports
    parent_default: str
    upstream_default: str
    parent_set: bool = False
    upstream_set: bool = False


def _clock(seconds: int) -> time:
    if seconds >= 86400:
        return time(23, 59)
    return time(seconds // 3600, seconds % 3600 // 60)


def _officer_view(row: Any) -> OfficerView:
    roles = tuple(r for r in str(row.roles or "").split(",") if r)
    return OfficerView(
        row.username,
        row.full_name,
        row.title,
        row.phone,
        bool(row.active),
        roles,
        row.password_hash is not None,
    )


def _settings_in(conn: Any) -> UnitSettings:
    unit = require_unit(conn)
    head = q.get_setting(conn, "head_signature", DEFAULT_HEAD)
    default = q.get_setting(conn, "default_officer")
    hours = OfficeHours.parse(unit.office_hours)
    province, province_set = _province_in(conn, unit, q.load_regimes(conn))
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
        province_name=province,
        province_set=province_set,
        letterheads=tuple(regime_letterheads_in(conn, unit).values()),
    )


def unit_settings(db: Database) -> UnitSettings:
    with db.read() as conn:
        return _settings_in(conn)


# ------------------------------------------------------- letterheads per regime

# {"B": {"parent_name": "Ủy ban nhân dân tỉnh Hưng Yên", "upstream": "…"}}: only what the
# administrator set; anything missing takes its default (see RegimeLetterhead).
LETTERHEADS_SETTING = "regime_letterheads"
PROVINCE_SETTING = "province_name"  # "Ủy ban nhân dân tỉnh Hưng Yên"
UPSTREAM_OFFICE_SETTING = "upstream_office"  # the name the upstream office's package sent
NAME_LIMIT = 150
_PROVINCE_LEVEL = fold("Ủy ban nhân dân tỉnh")


def _province_regime(regime: LegalRegime) -> bool:
    """A regime whose upstream office is the province (regime B: communes under the province
    since the district level was abolished on 01/07/2025)."""
    return fold(regime.upstream).startswith(_PROVINCE_LEVEL)


def _of_level(name: str, generic: str) -> bool:
    """``name`` is a body of the level ``generic`` names ("Ủy ban nhân dân thị xã Mỹ Hào" is
    an "Ủy ban nhân dân thị xã")."""
    return bool(name) and fold(name).startswith(fold(generic))


def _text_setting(conn: Any, key: str) -> str:
    value = q.get_setting(conn, key)
    return value.strip() if isinstance(value, str) else ""


def _province_in(conn: Any, unit: UnitInfo, regimes: Sequence[LegalRegime]) -> tuple[str, bool]:
    """The province's name and whether the administrator set it; else the name the upstream
    office sent in its configuration package, or the unit's parent body, when either is a
    province; else ""."""
    explicit = _text_setting(conn, PROVINCE_SETTING)
    if explicit:
        return explicit, True
    levels = [r.upstream for r in regimes if _province_regime(r)] or ["Ủy ban nhân dân tỉnh"]
    for name in (_text_setting(conn, UPSTREAM_OFFICE_SETTING), unit.parent_name):
        if any(_of_level(name, level) for level in levels):
            return name, False
    return "", False


def regime_letterheads_in(conn: Any, unit: UnitInfo) -> dict[str, RegimeLetterhead]:
    """The letterhead of every legal regime, by regime code (oldest regime first)."""
    regimes = q.load_regimes(conn)
    province, _ = _province_in(conn, unit, regimes)
    office = _text_setting(conn, UPSTREAM_OFFICE_SETTING)
    stored = q.get_setting(conn, LETTERHEADS_SETTING, {})
    stored = stored if isinstance(stored, dict) else {}
    found: dict[str, RegimeLetterhead] = {}
    for regime in regimes:
        if _province_regime(regime):
            parent_default = province
            upstream_default = province or regime.upstream
        else:
            parent_default = unit.parent_name
            upstream_default = next(
                (n for n in (office, unit.parent_name) if _of_level(n, regime.upstream)),
                regime.upstream,
            )
        own = stored.get(regime.code)
        own = own if isinstance(own, dict) else {}
        parent = str(own.get("parent_name") or "").strip()
        upstream = str(own.get("upstream") or "").strip()
        found[regime.code] = RegimeLetterhead(
            regime=regime.code,
            regime_name=regime.name,
            parent_name=parent or parent_default,
            upstream=upstream or upstream_default,
            parent_default=parent_default,
            upstream_default=upstream_default,
            parent_set=bool(parent),
            upstream_set=bool(upstream),
        )
    return found


def regime_letterhead_in(conn: Any, unit: UnitInfo, code: str) -> RegimeLetterhead:
    found = regime_letterheads_in(conn, unit).get(code)
    if found is None:
        raise DeskError("Không có chế độ pháp lý '{code}'.", code=code)
    return found


@dataclass(frozen=True)
class LetterheadChange:
    """A checked change of the letterheads (``None``: unchanged; "": back to the default)."""

    province_name: str | None = None
    parents: tuple[tuple[str, str], ...] = ()  # (regime code, name)
    upstreams: tuple[tuple[str, str], ...] = ()

    def __bool__(self) -> bool:
        return self.province_name is not None or bool(self.parents) or bool(self.upstreams)


def _body_name(text: str) -> str:
    name = nfc(" ".join(text.split()))
    if len(name) > NAME_LIMIT:
        raise DeskError(
            "Tên cơ quan '{name}…' dài quá {limit} ký tự.", name=name[:40], limit=NAME_LIMIT
        )
    return name


def check_letterheads(
    db: Database,
    *,
    province_name: str | None = None,
    parents: Mapping[str, str] | None = None,
    upstreams: Mapping[str, str] | None = None,
) -> LetterheadChange:
    """Check a change of the province's name and of the parent body / upstream office of some
    regimes (by code) without saving it; an empty name means "back to the default"."""
    with db.read() as conn:
        regimes = {r.code: r for r in q.load_regimes(conn)}

    def checked(values: Mapping[str, str] | None) -> tuple[tuple[str, str], ...]:
        out = []
        for code, text in (values or {}).items():
            key = code.strip().upper()
            if key not in regimes:
                raise DeskError("Không có chế độ pháp lý '{code}'.", code=code)
            name = _body_name(text)
            if _province_regime(regimes[key]):
                _refuse_district(
                    name, Phrase("chế độ {code} ({regime})", code=key, regime=regimes[key].name)
                )
            out.append((key, name))
        return tuple(out)

    province = _body_name(province_name) if province_name is not None else None
    if province:
        _refuse_district(province, Phrase("tên tỉnh"))
    return LetterheadChange(province, checked(parents), checked(upstreams))


# The district level (huyện, quận, thị xã) was abolished on 01/07/2025: under the province
# regime no form may name such a body above the unit. ("Thành phố" is left alone: a city may be
# a province, like "thành phố Hà Nội".)
_DISTRICT_WORDS = ("thi xa", "huyen", "quan")


def _refuse_district(name: str, where: Phrase) -> None:
    words = fold(name).replace("ubnd", "uy ban nhan dan").split()
    level = " ".join(words[4:6]) if words[:4] == ["uy", "ban", "nhan", "dan"] else ""
    if any(level == w or level.startswith(w + " ") for w in _DISTRICT_WORDS):
        raise DeskError(
            "'{name}' là cơ quan cấp huyện, đã kết thúc hoạt động từ 01/07/2025: không dùng "
            "cho {where}. Ghi Ủy ban nhân dân tỉnh (hoặc thành phố trực thuộc trung ương).",
            name=name,
            where=where,
        )


def save_letterheads(db: Database, change: LetterheadChange) -> UnitSettings:
    """Save a change made by :func:`check_letterheads` (one transaction)."""
    authority.require(db, Operation.UNIT_SETTINGS)
    with db.begin() as conn:
        require_unit(conn)
        if change.province_name is not None:
            q.put_setting(conn, PROVINCE_SETTING, change.province_name)
        if change.parents or change.upstreams:
            stored = q.get_setting(conn, LETTERHEADS_SETTING, {})
            stored = stored if isinstance(stored, dict) else {}
            for field, pairs in (("parent_name", change.parents), ("upstream", change.upstreams)):
                for code, name in pairs:
                    own = stored.get(code)
                    own = dict(own) if isinstance(own, dict) else {}
                    if name:
                        own[field] = name
                    else:
                        own.pop(field, None)
                    stored[code] = own
            q.put_setting(conn, LETTERHEADS_SETTING, {k: v for k, v in stored.items() if v})
        return _settings_in(conn)


def update_letterheads(
    db: Database,
    *,
    province_name: str | None = None,
    parents: Mapping[str, str] | None = None,
    upstreams: Mapping[str, str] | None = None,
) -> UnitSettings:
    """Check and save a change of the letterheads (see :func:`check_letterheads`)."""
    authority.require(db, Operation.UNIT_SETTINGS)
    change = check_letterheads(
        db, province_name=province_name, parents=parents, upstreams=upstreams
    )
    return save_letterheads(db, change)


# ------------------------------------------------------------------ officers


def list_officers(db: Database) -> list[OfficerView]:
    """Every officer of the unit, the inactive ones included, in the order they were added."""
    with db.read() as conn:
        unit = require_unit(conn)
        return [_officer_view(r) for r in q.list_officers(conn, unit.id)]


_PHONE = re.compile(r"^\+?[0-9][0-9 .-]{6,18}[0-9]$")


def officer_phone(text: str) -> str:
    """An officer's phone number as forms print it ("" for none), or a clear refusal."""
    phone = " ".join(text.split())
    if phone and not _PHONE.match(phone):
        raise DeskError("Số điện thoại '{phone}' không hợp lệ.", phone=phone)
    return phone


def add_officer(db: Database, officer: OfficerInput) -> OfficerView:
    """Thêm cán bộ, with the rules of ``mohao-desk officer add``."""
    authority.require(db, Operation.ACCOUNTS)
    officer = OfficerInput(
        officer.username,
        " ".join(officer.full_name.split()),
        " ".join(officer.title.split()),
        officer_phone(officer.phone),
    )
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


def update_officer(
    db: Database,
    username: str,
    *,
    full_name: str | None = None,
    title: str | None = None,
    phone: str | None = None,
) -> OfficerView:
    """Change an officer's full name, title or phone (``None``: unchanged; the username stays:
    events refer to it). The phone is what the supplement slip prints for the contact."""
    authority.require(db, Operation.ACCOUNTS)
    values: dict[str, Any] = {}
    if full_name is not None:
        name = nfc(" ".join(full_name.split()))
        if not name:
            raise DeskError("Họ tên cán bộ không được để trống.")
        values["full_name"] = name
    if title is not None:
        values["title"] = nfc(" ".join(title.split()))
    if phone is not None:
        values["phone"] = officer_phone(phone)
    with db.begin() as conn:
        unit = require_unit(conn)
        row = _officer_row(conn, unit.id, username)
        if values:
            q.update_officer(conn, row.id, **values)
        row = q.officer_by_id(conn, row.id)
    return _officer_view(row)


def set_officer_active(db: Database, username: str, active: bool) -> OfficerView:
    """Ngừng hoạt động / cho hoạt động lại: an inactive officer keeps the dossiers and events
    that name them, and no longer appears in the lists of officers to choose from."""
    authority.require(db, Operation.ACCOUNTS)
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
    authority.require(db, Operation.UNIT_SETTINGS)
    text = office_hours_text(sessions)
    with db.begin() as conn:
        unit = require_unit(conn)
        q.update_unit(conn, unit.id, office_hours=text)
        return _settings_in(conn)


# The window locks after this many minutes without a key or a click (issue 11); 0: never.
IDLE_LOCK_SETTING = "idle_lock_minutes"
DEFAULT_IDLE_LOCK_MINUTES = 10
MAX_IDLE_LOCK_MINUTES = 240


def idle_lock_minutes(db: Database) -> int:
    with db.read() as conn:
        value = q.get_setting(conn, IDLE_LOCK_SETTING)
    try:
        minutes = int(value) if value is not None else DEFAULT_IDLE_LOCK_MINUTES
    except (TypeError, ValueError):
        return DEFAULT_IDLE_LOCK_MINUTES
    return max(0, min(minutes, MAX_IDLE_LOCK_MINUTES))


def set_idle_lock_minutes(db: Database, minutes: int) -> None:
    """Khóa màn hình sau … phút không dùng: the unit's setting, every PC of the unit."""
    authority.require(db, Operation.UNIT_SETTINGS)
    if not 0 <= minutes <= MAX_IDLE_LOCK_MINUTES:
        raise DeskError(
            "Thời gian tự khóa phải từ 0 (không khóa) đến {limit} phút.",
            limit=MAX_IDLE_LOCK_MINUTES,
        )
    with db.begin() as conn:
        q.put_setting(conn, IDLE_LOCK_SETTING, int(minutes))
