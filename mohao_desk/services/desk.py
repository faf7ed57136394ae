"""The desk's services: one function per act, each one transaction and one event row.

Moments given to and returned by these services are *naive local* datetimes of the unit's time
zone (what the officer reads on the wall clock); the store keeps UTC.
"""

from __future__ import annotations

import builtins
import functools
import hashlib
import json
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import Connection

from mohao_desk.domain.calendar import CalendarOverride, WorkCalendar, vietnam_calendar
from mohao_desk.domain.catalog import ComponentSpec, Procedure
from mohao_desk.domain.codes import format_code
from mohao_desk.domain.deadline import (
    Band,
    Countdown,
    countdown,
    due_moment,
    extend_for_pause,
    timeliness,
)
from mohao_desk.domain.errors import DeskError, NotFound, Phrase, template
from mohao_desk.domain.lifecycle import (
    Act,
    Channel,
    Status,
    check_apology,
    check_supplement_request,
    check_transition,
)
from mohao_desk.domain.regimes import LegalRegime, regime_for
from mohao_desk.domain.roles import Operation, allowed
from mohao_desk.domain.text import fold, group_digits, nfc
from mohao_desk.domain.user_files import chunks, open_user_file, refuse_non_regular
from mohao_desk.services import authority
from mohao_desk.services.calendar import read_announcements
from mohao_desk.services.setup import UnitInfo, is_upstream, require_unit
from mohao_desk.services.summaries import DossierSummary, _iso, summary_of
from mohao_desk.store import files
from mohao_desk.store import queries as q
from mohao_desk.store.db import Database
from mohao_desk.store.files import MAX_ATTACHMENT_BYTES, SCAN

_PHONE = re.compile(r"^\+?[0-9][0-9 .-]{6,18}[0-9]$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
FUTURE_TOLERANCE = timedelta(minutes=5)
# The CLI adds its options (--to / --body, --missing) when it shows these.
HANDOVER_NEEDS_RECEIVER = template("Phải chỉ rõ người nhận hoặc cơ quan nhận.")
SUPPLEMENT_NEEDS_ITEMS = template("Phải liệt kê ít nhất một giấy tờ cần bổ sung.")
UPSTREAM_READ_ONLY = template(
    "Cơ sở dữ liệu của cơ quan cấp trên chỉ chứa số liệu các đơn vị gửi lên: không tiếp nhận "
    "hay xử lý hồ sơ ở đây."
)
RATINGS = ("rat_hai_long", "hai_long", "khong_hai_long")
RATING_LABELS = {
    "rat_hai_long": "Rất hài lòng",
    "hai_long": "Hài lòng",
    "khong_hai_long": "Không hài lòng",
}


@dataclass(frozen=True)
class ComponentView:
    position: int
    name: str
    kind: str
    count: int
    digitized_at: datetime | None
    digitized_by: int | None
    file_name: str | None
    sha256: str | None
    reused: bool


@dataclass(frozen=True)
class EventView:
    seq: int
    act: Act
    at: datetime
    officer: str | None
    status_before: Status | None
    status_after: Status
    data: dict[str, Any]
    officer_phone: str = ""
    officer_title: str = ""


@dataclass(frozen=True)
class DossierDetail:
    summary: DossierSummary
    regime: str
    address: str
    email: str
    id_number: str
    sets_count: int
    verification: bool
    components: list[ComponentView] = field(default_factory=list)
    events: list[EventView] = field(default_factory=list)


@dataclass(frozen=True)
class _RegisteredRow:
    """A dossier just registered, with the columns ``Desk.summarize`` reads of a list row."""

    id: int
    code: str
    procedure_code: str
    procedure_name: str
    procedure_field: str
    applicant_name: str
    applicant_phone: str
    channel: str
    received_at: datetime
    due_at: datetime
    original_due_at: datetime
    status: str
    officer_name: str | None
    finished_at: datetime | None = None
    returned_at: datetime | None = None
    paused_at: datetime | None = None
    supplement_count: int = 0
    apology_count: int = 0
    inputs_digitized: bool = False
    result_digitized: bool = False


def parse_supplement_item(text: str) -> dict[str, Any]:
    """ "Tên giấy tờ[|loại[|số lượng]]" → {"name", "kind", "count"} (kind as in the catalog)."""
    from mohao_desk.domain.catalog import parse_kind

    parts = [p.strip() for p in text.split("|")]
    name = _clean(parts[0], Phrase("tên giấy tờ cần bổ sung"), required=True, limit=300)
    if len(parts) > 1 and parts[1]:
        kind = parse_kind(parts[1])
    else:  # "Bản sao CCCD của cha mẹ" asks for a copy, as the officer wrote it
        folded = fold(name)
        if folded.startswith(("ban sao chung thuc", "ban sao co chung thuc")):
            kind = "certified_copy"
        elif folded.startswith(("ban sao", "ban chup", "ban photo")):
            kind = "copy"
        else:
            kind = "original"
    try:
        count = int(parts[2]) if len(parts) > 2 and parts[2] else 1
    except ValueError:
        raise DeskError("Số lượng trong '{text}' không hợp lệ.", text=text) from None
    if not 1 <= count <= 99:
        raise DeskError("Số lượng trong '{text}' phải từ 1 đến 99.", text=text)
    return {"name": name, "kind": kind, "count": count}


def search_key(name: str, phone: str, code: str) -> str:
    """What the diacritic-insensitive search looks in: folded name, phone digits, code."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    return fold(f"{name} {digits} {code}")


def _clean(text: str | None, what: Phrase, *, required: bool = False, limit: int = 500) -> str:
    """NFC, one line (tabs and line breaks become single spaces), length-checked."""
    value = " ".join(nfc(text or "").split())
    if required and not value:
        if (text or "").strip():  # typed, but nothing of it shows
            raise DeskError(
                "{what} chỉ gồm ký tự không hiển thị được: hãy nhập lại.", what=what.capitalized()
            )
        raise DeskError("Thiếu {what}.", what=what)
    if len(value) > limit:
        raise DeskError(
            "{what} quá dài (tối đa {limit} ký tự).", what=what.capitalized(), limit=limit
        )
    return value


def clean_applicant(name: str, phone: str, email: str, address: str) -> tuple[str, str, str, str]:
    """The applicant's name (required), phone, e-mail and address as a form gives them,
    cleaned and checked: the registration's rules, and the counter refusal's."""
    name = _clean(name, Phrase("họ tên người nộp"), required=True, limit=200)
    phone = _clean(phone, Phrase("số điện thoại"), limit=32)
    if phone and not _PHONE.match(phone):
        raise DeskError("Số điện thoại '{phone}' không hợp lệ.", phone=phone)
    email = _clean(email, Phrase("thư điện tử"), limit=200)
    if email and not _EMAIL.match(email):
        raise DeskError("Địa chỉ thư điện tử '{email}' không hợp lệ.", email=email)
    return name, phone, email, _clean(address, Phrase("địa chỉ"))


_P = ParamSpec("_P")
_R = TypeVar("_R")


def _writes(
    act: Callable[Concatenate[Desk, _P], _R],
) -> Callable[Concatenate[Desk, _P], _R]:
    """An act that writes dossiers: refused, before anything else, on a read-only database."""

    @functools.wraps(act)
    def checked(desk: Desk, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        desk.require_writable()
        return act(desk, *args, **kwargs)

    return checked


class Desk:
    """The services of one unit's desk, on its database."""

    def __init__(self, db: Database, clock: Callable[[], datetime] | None = None) -> None:
        self.db = db
        self._clock = clock
        self._calendar: WorkCalendar | None = None
        self._load()

    def _load(self) -> None:
        with self.db.read() as conn:
            self.unit: UnitInfo = require_unit(conn)
            self._upstream = is_upstream(conn)
            self.regimes: list[LegalRegime] = q.load_regimes(conn)
            self._overrides = [
                CalendarOverride(date.fromisoformat(r.day), bool(r.working), r.note)
                for r in q.list_overrides(conn, self.unit.id)
            ]
            self._announcements = read_announcements(conn)  # the upstream office's
        self.tz = ZoneInfo(self.unit.timezone)

    def reload(self) -> None:
        """Read the unit, its office hours and calendar overrides again (after the settings
        window or an imported configuration package changed them): what the desk computes
        from now on (new due moments, countdowns) follows them. The new calendar is built
        before it replaces the old one, so that a reader never sees half of it."""
        self._load()
        self._calendar = vietnam_calendar(
            self._overrides, self.unit.office_hours, announcements=self._announcements
        )

    @property
    def read_only(self) -> bool:
        """An upstream office's database (``upstream init``): it holds what the units sent,
        and no act that writes dossiers is taken on it (the window hides them)."""
        return self._upstream

    def change_watcher(self) -> Any:
        """A watcher whose ``changed()`` says another process or PC committed since the last
        call (``store.changes``); ``None`` where the database has none yet."""
        from mohao_desk.store.changes import watch

        return watch(self.db)

    @property
    def account(self) -> Any:
        """The account logged in (services.accounts.Account), None for the program's own work."""
        return authority.actor(self.db)

    def can(self, operation: Act | Operation) -> bool:
        """Whether the logged-in account may do ``operation`` (the window offers only those)."""
        account = self.account
        return account is None or allowed(account.roles, operation)

    def require_writable(self) -> None:
        """Raise the reason why dossiers cannot be written here, if they cannot."""
        if self._upstream:
            raise DeskError(UPSTREAM_READ_ONLY)

    # ------------------------------------------------------------ time edges
    @property
    def calendar(self) -> WorkCalendar:
        if self._calendar is None:
            self._calendar = vietnam_calendar(
                self._overrides, self.unit.office_hours, announcements=self._announcements
            )
        return self._calendar

    def now(self) -> datetime:
        """Local wall-clock now (naive), to the second."""
        if self._clock is not None:
            return self._clock().replace(microsecond=0)
        return datetime.now(self.tz).replace(tzinfo=None, microsecond=0)

    def to_utc(self, local: datetime) -> datetime:
        return local.replace(tzinfo=self.tz).astimezone(UTC)

    def to_local(self, moment: datetime | None) -> datetime | None:
        if moment is None:
            return None
        return moment.astimezone(self.tz).replace(tzinfo=None)

    def _local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.tz).replace(tzinfo=None)

    # --------------------------------------------------------------- lookups
    def procedures(self) -> list[Procedure]:
        with self.db.read() as conn:
            return [p for _, p in q.list_procedures(conn)]

    def officers(self) -> builtins.list[tuple[str, str]]:
        """(username, full name) of the unit's active officers."""
        with self.db.read() as conn:
            return [
                (o.username, o.full_name) for o in q.list_officers(conn, self.unit.id) if o.active
            ]

    def default_officer(self) -> str | None:
        with self.db.read() as conn:
            value = q.get_setting(conn, "default_officer")
        return str(value) if value else None

    def is_demo(self) -> bool:
        """Whether this database holds demo data (``mohao-desk demo``, or the first start)."""
        with self.db.read() as conn:
            return bool(q.get_setting(conn, "demo_data"))

    def find_code(self, text: str) -> str | None:
        """The dossier whose code is exactly ``text`` (a scanned code), if any."""
        code = text.strip()
        if not code or len(code) > 64:
            return None
        with self.db.read() as conn:
            row = q.dossier_by_code(conn, code) or q.dossier_by_code(conn, code.upper())
        return str(row.code) if row is not None else None

    def _actor_id(self, conn: Connection, by: str | None) -> int | None:
        """The officer an act is recorded for: the logged-in account (services/authority.py)."""
        return self._officer_id(conn, authority.acting_username(self.db, by))

    def _officer_id(self, conn: Connection, username: str | None) -> int | None:
        if username is None:
            username = q.get_setting(conn, "default_officer")
            if username is None:
                return None
        row = q.officer_by_username(conn, self.unit.id, username)
        if row is None:
            raise NotFound("Không có cán bộ với tên đăng nhập '{username}'.", username=username)
        return int(row.id)

    def _at(self, at: datetime | None) -> datetime:
        now = self.now()
        if at is None:
            at = now
        elif at > now + FUTURE_TOLERANCE:
            raise DeskError("Thời điểm {at:%H:%M %d/%m/%Y} ở tương lai.", at=at)
        # Acts are recorded to the minute, as the forms write them ("09 giờ 00 phút").
        return at.replace(second=0, microsecond=0)

    # -------------------------------------------------------------- register
    def preview_due(
        self, procedure_code: str, received_at: datetime | None = None, verification: bool = False
    ) -> datetime:
        """The return moment a registration would get (shown before saving)."""
        with self.db.read() as conn:
            found = q.procedure_by_code(conn, procedure_code)
        if found is None:
            raise NotFound(
                "Không có thủ tục mã '{procedure_code}' trong danh mục.",
                procedure_code=procedure_code,
            )
        return due_moment(self.calendar, received_at or self.now(), _period(found[1], verification))

    @_writes
    def register(
        self,
        *,
        procedure_code: str,
        applicant_name: str,
        channel: Channel = Channel.DIRECT,
        address: str = "",
        phone: str = "",
        email: str = "",
        id_number: str = "",
        sets_count: int = 1,
        components: Sequence[ComponentSpec] | None = None,
        received_at: datetime | None = None,
        verification: bool = False,
        by: str | None = None,
        note: str = "",
    ) -> DossierDetail:
        """Tiếp nhận hồ sơ: create the dossier, its code, its due moment, its first event."""
        authority.require(self.db, Act.REGISTER)
        name, phone, email, address = clean_applicant(applicant_name, phone, email, address)
        id_number = _clean(id_number, Phrase("số giấy tờ tùy thân"), limit=32)
        if id_number and not id_number.isalnum():
            raise DeskError("Số giấy tờ tùy thân '{id_number}' không hợp lệ.", id_number=id_number)
        if not 1 <= sets_count <= 99:
            raise DeskError("Số bộ hồ sơ phải từ 1 đến 99.")
        received = self._at(received_at)
        regime = regime_for(self.calendar.normalize(received).date(), self.regimes)
        with self.db.begin() as conn:
            found = q.procedure_by_code(conn, procedure_code)
            if found is None:
                raise NotFound(
                    "Không có thủ tục mã '{procedure_code}' trong danh mục.",
                    procedure_code=procedure_code,
                )
            procedure_id, procedure = found
            if verification and procedure.verification_time is None:
                raise DeskError(
                    "Thủ tục '{name}' không có thời hạn xác minh riêng.", name=procedure.name
                )
            due = due_moment(self.calendar, received, _period(procedure, verification))
            # The officer's row (as ``_actor_id`` finds it): the detail returned shows them.
            # The logged-in account (services/authority.py), else the unit's default officer.
            username = authority.acting_username(self.db, by)
            if username is None:
                username = q.get_setting(conn, "default_officer")
            officer = None
            if username is not None:
                officer = q.officer_by_username(conn, self.unit.id, username)
                if officer is None:
                    raise NotFound(
                        "Không có cán bộ với tên đăng nhập '{username}'.", username=username
                    )
            officer_id = int(officer.id) if officer is not None else None
            specs = list(components) if components is not None else list(procedure.components)
            component_rows: builtins.list[dict[str, Any]] = [
                {
                    "position": i,
                    "name": _clean(c.name, Phrase("tên thành phần hồ sơ"), required=True),
                    "kind": c.kind,
                    "quantity": c.count,
                }
                for i, c in enumerate(specs, start=1)
            ]
            event_data = {
                "procedure": procedure.code,
                "channel": channel.value,
                "due_at": _iso(due),
                "regime": regime.code,
                "components": len(specs),
                "note": _clean(note, Phrase("ghi chú")),
            }
            # Everything above is done before the day's number is taken: from here until the
            # commit every other counter of the unit waits for this one.
            sequence = q.next_sequence(conn, self.unit.id, received.date())
            code = format_code(self.unit.code, received.date(), sequence)
            received_utc, due_utc = self.to_utc(received), self.to_utc(due)
            # The register book's entry is given with the dossier (printed on the receipt:
            # never renumbered).
            dossier_id, _book_number = q.insert_registration(
                conn,
                {
                    "code": code,
                    "unit_id": self.unit.id,
                    "procedure_id": procedure_id,
                    "regime_code": regime.code,
                    "applicant_name": name,
                    "applicant_address": address,
                    "applicant_phone": phone,
                    "applicant_email": email,
                    "applicant_id_number": id_number,
                    "search_key": search_key(name, phone, code),
                    "channel": channel.value,
                    "sets_count": sets_count,
                    "verification": verification,
                    "received_at": received_utc,
                    "due_at": due_utc,
                    "original_due_at": due_utc,
                    "status": Status.RECEIVED.value,
                    "officer_id": officer_id,
                    "receiver_id": officer_id,
                    "event_count": 1,
                    "updated_at": datetime.now(UTC),
                    "book_year": received.year,
                },
                component_rows,
                {
                    "seq": 1,
                    "act": Act.REGISTER.value,
                    "at": received_utc,
                    "officer_id": officer_id,
                    "status_before": None,
                    "status_after": Status.RECEIVED.value,
                    "recorded_at": datetime.now(UTC),
                    "data": event_data,
                },
            )

        # The detail as ``get(code)`` would read it back (a test holds them equal), from the
        # values just written: no second transaction. Moments as the store returns them
        # (whole seconds, UTC).
        def stored(moment: datetime) -> datetime:
            return datetime.fromtimestamp(int(moment.timestamp()), UTC)

        officer_name = officer.full_name if officer is not None else None
        row = _RegisteredRow(
            id=dossier_id,
            code=code,
            procedure_code=procedure.code,
            procedure_name=procedure.name,
            procedure_field=procedure.field,
            applicant_name=name,
            applicant_phone=phone,
            channel=channel.value,
            received_at=stored(received_utc),
            due_at=stored(due_utc),
            original_due_at=stored(due_utc),
            status=Status.RECEIVED.value,
            officer_name=officer_name,
        )
        return DossierDetail(
            summary=self.summarize(row),
            regime=regime.code,
            address=address,
            email=email,
            id_number=id_number,
            sets_count=sets_count,
            verification=bool(verification),
            components=[
                ComponentView(
                    c["position"],
                    c["name"],
                    c["kind"],
                    c["quantity"],
                    None,
                    None,
                    None,
                    None,
                    False,
                )
                for c in component_rows
            ],
            events=[
                EventView(
                    1,
                    Act.REGISTER,
                    self._local(stored(received_utc)),
                    officer_name,
                    None,
                    Status.RECEIVED,
                    json.loads(json.dumps(event_data, ensure_ascii=False, default=str)),
                    (officer.phone or "") if officer is not None else "",
                    (officer.title or "") if officer is not None else "",
                )
            ],
        )

    # ------------------------------------------------------------------ read
    def get(self, code: str) -> DossierDetail:
        code = code.strip()
        with self.db.read() as conn:
            row = q.dossier_by_code(conn, code)
            if row is None:
                raise NotFound("Không tìm thấy hồ sơ mã '{code}'.", code=code)
            epoch = datetime.now(UTC)
            listed = q.list_dossiers(conn, "all", epoch, epoch, epoch, only_id=row.id)
            if not listed:  # pragma: no cover - a dossier always has its procedure
                raise NotFound("Không tìm thấy hồ sơ mã '{code}'.", code=code)
            comps = q.components_of(conn, row.id)
            events = q.events_of(conn, row.id)
        return DossierDetail(
            summary=self.summarize(listed[0]),
            regime=row.regime_code,
            address=row.applicant_address,
            email=row.applicant_email,
            id_number=row.applicant_id_number,
            sets_count=row.sets_count,
            verification=bool(row.verification),
            components=[
                ComponentView(
                    c.position,
                    c.name,
                    c.kind,
                    c.quantity,
                    self.to_local(c.digitized_at),
                    c.digitized_by,
                    c.file_name,
                    c.sha256,
                    bool(c.reused),
                )
                for c in comps
            ],
            events=[
                EventView(
                    e.seq,
                    Act(e.act),
                    self._local(e.at),
                    e.officer_name,
                    Status(e.status_before) if e.status_before else None,
                    Status(e.status_after),
                    json.loads(e.data),
                    e.officer_phone or "",
                    e.officer_title or "",
                )
                for e in events
            ],
        )

    def summarize(
        self, row: Any, now: datetime | None = None, positions: dict[datetime, int] | None = None
    ) -> DossierSummary:
        """A list row → summary with the one definition of countdown and timeliness
        (``summaries.summary_of``; ``positions`` as there, shared by the rows of one list)."""
        now = now or self.now()
        local, to_local = self._local, self.to_local
        return summary_of(
            (
                row.id,
                row.code,
                row.procedure_code,
                row.procedure_name,
                row.procedure_field,
                row.applicant_name,
                row.applicant_phone,
                row.channel,
                local(row.received_at),
                local(row.due_at),
                local(row.original_due_at),
                to_local(row.finished_at),
                to_local(row.returned_at),
                to_local(row.paused_at),
                row.status,
                row.supplement_count,
                row.apology_count,
                row.inputs_digitized,
                row.result_digitized,
                row.officer_name,
            ),
            now,
            self._work_calendar,
            positions,
        )

    def _work_calendar(self) -> WorkCalendar:
        return self.calendar

    def _day_bounds(self, now: datetime) -> tuple[datetime, datetime, datetime]:
        start = datetime.combine(now.date(), time())
        return self.to_utc(now), self.to_utc(start), self.to_utc(start + timedelta(days=1))

    def count(self, view: str) -> int:
        if view not in q.VIEWS:
            raise DeskError("Danh sách '{view}' không tồn tại.", view=view)
        with self.db.read() as conn:
            return q.count_dossiers(conn, view, *self._day_bounds(self.now()))

    def list(
        self, view: str, *, search: str | None = None, limit: int | None = None
    ) -> list[DossierSummary]:
        if view not in q.VIEWS:
            raise DeskError("Danh sách '{view}' không tồn tại.", view=view)
        now = self.now()
        with self.db.read() as conn:
            rows = q.list_dossiers(conn, view, *self._day_bounds(now), search=search, limit=limit)
        positions: dict[datetime, int] = {}
        return [self.summarize(r, now, positions) for r in rows]

    # ----------------------------------------------------------------- board
    def board_ids(
        self,
        view: str,
        *,
        search: str | None = None,
        officer: str | None = None,
        limit: int | None = None,
    ) -> builtins.list[int]:
        """Ids of a board view, in board order (see ``queries.BOARD_VIEWS``)."""
        if view not in q.BOARD_VIEWS:
            raise DeskError("Danh sách '{view}' không tồn tại.", view=view)
        with self.db.read() as conn:
            officer_id = self._officer_id(conn, officer) if view == "mine" else None
            return q.board_ids(
                conn,
                view,
                *self._day_bounds(self.now()),
                search=search,
                officer_id=officer_id,
                limit=limit,
            )

    def board_page(
        self,
        view: str,
        *,
        search: str | None = None,
        officer: str | None = None,
        limit: int | None = None,
        first: int = 200,
    ) -> tuple[builtins.list[int], builtins.list[DossierSummary]]:
        """The ids of a board view and the rows of its first ``first`` ids, in one call (the
        board shows something at once, without a second round trip)."""
        ids = self.board_ids(view, search=search, officer=officer, limit=limit)
        return ids, self.rows(ids[:first])

    def board_counts(self, officer: str | None = None) -> dict[str, int]:
        """How many dossiers each board view holds (the badges of the view selector)."""
        now = self.now()
        with self.db.read() as conn:
            counts = {}
            for view in q.BOARD_VIEWS:
                if view == "mine":
                    officer_id = self._officer_id(conn, officer)
                    counts[view] = len(
                        q.board_ids(conn, view, *self._day_bounds(now), officer_id=officer_id)
                    )
                else:
                    counts[view] = q.count_dossiers(conn, view, *self._day_bounds(now))
        return counts

    def rows(self, ids: Sequence[int]) -> builtins.list[DossierSummary]:
        """Summaries of the given dossiers, in that order (lazy loading of the board)."""
        now = self.now()
        with self.db.read() as conn:
            found = q.rows_by_ids(conn, ids)
        positions: dict[datetime, int] = {}
        return [self.summarize(r, now, positions) for r in found]

    def live_countdown(self, summary: DossierSummary, now: datetime) -> Countdown | None:
        """The countdown of a summary at another moment (the board's ticking column), with the
        same definition as :meth:`summarize`."""
        if not summary.status.is_open:
            return None
        moment = now
        if summary.paused and summary.countdown is not None:
            return summary.countdown  # frozen while waiting for a supplement
        return countdown(self.calendar, summary.original_due_at, moment, summary.supplement_count)

    def band_changes(self, since: datetime, now: datetime) -> builtins.list[tuple[str, Band]]:
        """Open dossiers whose band got worse between two moments (entered "sắp đến hạn" or
        went "quá hạn"): the desk's notices, so that no one "forgets work"."""
        if now <= since:
            return []
        # Candidates: legal due moments near the interval (one working day is at most a few
        # calendar days across a weekend or Tết); the domain decides exactly.
        low, high = since - timedelta(days=1), now + timedelta(days=12)
        with self.db.read() as conn:
            rows = q.running_due_between(conn, self.to_utc(low), self.to_utc(high))
        changes = []
        for row in rows:
            due = self._local(row.original_due_at)
            before = countdown(self.calendar, due, since, row.supplement_count).band
            after = countdown(self.calendar, due, now, row.supplement_count).band
            if _BAND_ORDER[after] > _BAND_ORDER[before]:
                changes.append((row.code, after))
        return changes

    # ------------------------------------------------------------------ acts
    def _act(
        self,
        code: str,
        act: Act,
        at: datetime | None,
        by: str | None,
        change: Callable[[Connection, Any, datetime], tuple[dict[str, Any], dict[str, Any]]],
    ) -> DossierDetail:
        self.require_writable()
        authority.require(self.db, act)
        moment = self._at(at)
        code = code.strip()
        with self.db.begin() as conn:
            row = q.dossier_by_code(conn, code)
            if row is None:
                raise NotFound("Không tìm thấy hồ sơ mã '{code}'.", code=code)
            status = Status(row.status)
            target = check_transition(act, status)
            last_at = q.last_event_at(conn, row.id)
            last = self._local(last_at) if last_at is not None else None
            if last is not None and moment < last:
                raise DeskError(
                    "Thời điểm {moment:%H:%M %d/%m/%Y} trước thao tác gần nhất của hồ sơ "
                    "({last:%H:%M %d/%m/%Y}).",
                    moment=moment,
                    last=last,
                )
            officer_id = self._actor_id(conn, by)
            values, data = change(conn, row, moment)
            before = {k: _plain(row._mapping[k], self) for k in values if k in row._mapping}
            after = {k: _plain(v, self) for k, v in values.items()}
            values["status"] = target.value
            values["event_count"] = row.event_count + 1
            values["updated_at"] = datetime.now(UTC)
            q.update_dossier(conn, row.id, values)
            q.insert_event(
                conn,
                dossier_id=row.id,
                seq=row.event_count + 1,
                act=act.value,
                at=self.to_utc(moment),
                officer_id=officer_id,
                status_before=status.value,
                status_after=target.value,
                data={**data, "before": before, "after": after},
                recorded_at=datetime.now(UTC),
            )
        return self.get(code)

    @_writes
    def handover(
        self,
        code: str,
        *,
        to: str | None = None,
        body: str = "",
        note: str = "",
        at: datetime | None = None,
        by: str | None = None,
    ) -> DossierDetail:
        """Chuyển hồ sơ: to an officer of the unit and/or a processing body (a control-slip row)."""
        body = _clean(body, Phrase("tên cơ quan nhận"), limit=200)
        if not to and not body:
            raise DeskError(HANDOVER_NEEDS_RECEIVER)

        def change(conn: Connection, row: Any, moment: datetime) -> tuple[dict, dict]:
            values: dict[str, Any] = {}
            data: dict[str, Any] = {"body": body, "note": _clean(note, Phrase("ghi chú"))}
            if to:
                officer_id = self._officer_id(conn, to)
                values["officer_id"] = officer_id
                receiver = q.officer_by_id(conn, officer_id) if officer_id else None
                data["to"] = to
                data["to_name"] = receiver.full_name if receiver else to
            giver = q.officer_by_id(conn, row.officer_id) if row.officer_id else None
            data["from_name"] = giver.full_name if giver else None
            return values, data

        return self._act(code, Act.HANDOVER, at, by, change)

    @_writes
    def request_supplement(
        self,
        code: str,
        *,
        missing: Sequence[str],
        reason: str = "",
        at: datetime | None = None,
        by: str | None = None,
    ) -> DossierDetail:
        """Yêu cầu bổ sung: everything missing at once; the clock pauses."""
        items = [parse_supplement_item(m) for m in missing if m and m.strip()]
        if not items:
            raise DeskError(SUPPLEMENT_NEEDS_ITEMS)

        def change(conn: Connection, row: Any, moment: datetime) -> tuple[dict, dict]:
            check_supplement_request(row.supplement_count, reason)
            values = {
                "paused_at": self.to_utc(moment),
                "supplement_count": row.supplement_count + 1,
            }
            data = {
                "missing": [i["name"] for i in items],
                "items": items,
                "reason": _clean(reason, Phrase("lý do")),
            }
            return values, data

        return self._act(code, Act.SUPPLEMENT_REQUEST, at, by, change)

    @_writes
    def receive_supplement(
        self, code: str, *, note: str = "", at: datetime | None = None, by: str | None = None
    ) -> DossierDetail:
        """Nhận hồ sơ bổ sung: the clock resumes; due moments move out by the paused time."""

        def change(conn: Connection, row: Any, moment: datetime) -> tuple[dict, dict]:
            paused = self.calendar.office_seconds_between(self._local(row.paused_at), moment)
            values = {"paused_at": None, **self._resume(row, moment)}
            return values, {
                "paused_office_seconds": paused,
                "note": _clean(note, Phrase("ghi chú")),
            }

        return self._act(code, Act.SUPPLEMENT_RECEIVED, at, by, change)

    def _resume(self, row: Any, moment: datetime) -> dict[str, Any]:
        """Due moments moved out by the office time paused since ``row.paused_at``.

        The legal due moment always moves. The return appointment moves with it, except when an
        apology slip set it: that date was promised to the applicant in writing and stays
        exactly as printed (a new date needs a new slip)."""
        paused_at = self._local(row.paused_at)
        cal = self.calendar
        original = extend_for_pause(cal, self._local(row.original_due_at), paused_at, moment)
        values = {"original_due_at": self.to_utc(original)}
        if not row.apology_count:
            due = extend_for_pause(cal, self._local(row.due_at), paused_at, moment)
            values["due_at"] = self.to_utc(due)
        return values

    @_writes
    def resolve(
        self,
        code: str,
        *,
        electronic: bool = False,
        note: str = "",
        at: datetime | None = None,
        by: str | None = None,
    ) -> DossierDetail:
        """Có kết quả: processing ends; the dossier is classified early / on time / late."""

        def change(conn: Connection, row: Any, moment: datetime) -> tuple[dict, dict]:
            result = timeliness(moment, self._local(row.original_due_at), row.supplement_count)
            values = {"finished_at": self.to_utc(moment), "result_electronic": electronic}
            return values, {"timeliness": result.value, "note": _clean(note, Phrase("ghi chú"))}

        return self._act(code, Act.RESOLVE, at, by, change)

    @_writes
    def return_result(
        self, code: str, *, note: str = "", at: datetime | None = None, by: str | None = None
    ) -> DossierDetail:
        """Trả kết quả to the applicant (who signs the book)."""

        def change(conn: Connection, row: Any, moment: datetime) -> tuple[dict, dict]:
            return {"returned_at": self.to_utc(moment)}, {"note": _clean(note, Phrase("ghi chú"))}

        return self._act(code, Act.RETURN, at, by, change)

    def _ending(self, act: Act, code: str, reason: str, required: bool, **kw: Any) -> DossierDetail:
        text = _clean(reason, Phrase("lý do"), required=required)

        def change(conn: Connection, row: Any, moment: datetime) -> tuple[dict, dict]:
            values: dict[str, Any] = {"paused_at": None}
            if row.paused_at is not None:
                # Ended while waiting for a supplement: the waiting time is not processing time.
                values.update(self._resume(row, moment))
            if row.finished_at is None:
                values["finished_at"] = self.to_utc(moment)
            return values, {"reason": text}

        return self._act(code, act, kw.get("at"), kw.get("by"), change)

    @_writes
    def refuse(self, code: str, *, reason: str, **kw: Any) -> DossierDetail:
        """Từ chối giải quyết after review, with the reasons in writing."""
        return self._ending(Act.REFUSE, code, reason, True, **kw)

    @_writes
    def withdraw(self, code: str, *, reason: str = "", **kw: Any) -> DossierDetail:
        """The applicant withdraws the dossier."""
        return self._ending(Act.WITHDRAW, code, reason, False, **kw)

    @_writes
    def stop(self, code: str, *, reason: str, **kw: Any) -> DossierDetail:
        """Dừng giải quyết (regime B's Thông báo dừng giải quyết hồ sơ)."""
        detail = self.get(code)
        if not any(r.code == detail.regime and "stop" in r.forms for r in self.regimes):
            raise DeskError(
                "Chỉ hồ sơ theo Nghị định 118/2025/NĐ-CP mới có thủ tục dừng giải quyết."
            )
        return self._ending(Act.STOP, code, reason, True, **kw)

    @_writes
    def apologize(
        self,
        code: str,
        *,
        reason: str,
        new_due: datetime,
        override: str | None = None,
        at: datetime | None = None,
        by: str | None = None,
    ) -> DossierDetail:
        """Xin lỗi và hẹn lại ngày trả kết quả, under the rules of the dossier's regime."""
        text = _clean(reason, Phrase("lý do chậm trễ"), required=True)

        def change(conn: Connection, row: Any, moment: datetime) -> tuple[dict, dict]:
            regime = next(r for r in self.regimes if r.code == row.regime_code)
            broken = check_apology(
                self.calendar,
                regime.apology,
                at=moment,
                due=self._local(row.due_at),
                new_due=new_due,
                previous_apologies=row.apology_count,
                override=override,
            )
            if broken:  # recorded against the rules: the leader's decision
                authority.require(self.db, Operation.APOLOGY_EXCEPTION)
            values = {"due_at": self.to_utc(new_due), "apology_count": row.apology_count + 1}
            data = {
                "reason": text,
                "new_due_at": _iso(new_due),
                "original_due_at": _iso(self._local(row.original_due_at)),
                "broken_rules": broken,
                "override": _clean(override, Phrase("lý do ngoại lệ")) if broken else "",
            }
            return values, data

        return self._act(code, Act.APOLOGIZE, at, by, change)

    @_writes
    def rate(
        self, code: str, *, rating: str, at: datetime | None = None, by: str | None = None
    ) -> DossierDetail:
        if rating not in RATINGS:
            raise DeskError(
                "Mức đánh giá '{rating}' không hợp lệ ({ratings}).",
                rating=rating,
                ratings=", ".join(RATINGS),
            )

        def change(conn: Connection, row: Any, moment: datetime) -> tuple[dict, dict]:
            return {"rating": rating}, {"rating_label": RATING_LABELS[rating]}

        return self._act(code, Act.RATE, at, by, change)

    @_writes
    def digitize(
        self,
        code: str,
        *,
        file: Path,
        component: int | None = None,
        result: bool = False,
        reused: bool = False,
        electronic: bool = False,
        at: datetime | None = None,
        by: str | None = None,
    ) -> DossierDetail:
        """Số hóa: a component (by its number) or the result, with the file's SHA-256."""
        if (component is None) == (not result):
            raise DeskError("Chọn đúng một: số thứ tự thành phần hồ sơ hoặc kết quả.")
        file = Path(file)
        try:  # stored in the dossier's events: a name the operating system gave as bytes
            file.name.encode("utf-8")
        except UnicodeEncodeError:
            raise DeskError(
                "Tên tệp '{file}' không phải chữ Unicode (UTF-8): hãy đổi tên tệp rồi số hóa lại.",
                file=os.fsencode(file.name).decode("utf-8", "replace"),
            ) from None
        if not file.exists():
            raise DeskError("Không tìm thấy tệp '{file}'.", file=file)
        # The name as it is kept and shown: no bidi control to make "x\u202efdp.exe" look
        # like "xexe.pdf".
        file_name = _clean(file.name, Phrase("tên tệp"), required=True, limit=255)
        refuse_non_regular(file)
        size = file.stat().st_size
        if size > MAX_ATTACHMENT_BYTES:
            raise DeskError(
                "Tệp '{file}' lớn quá ({size} MB; tối đa {limit} MB một tệp): hãy quét lại với "
                "độ phân giải thấp hơn hoặc chia thành nhiều tệp.",
                file=file.name,
                size=group_digits(size // (1 << 20)),
                limit=MAX_ATTACHMENT_BYTES >> 20,
            )
        digest = hashlib.sha256()
        with open_user_file(file, MAX_ATTACHMENT_BYTES, SCAN) as (handle, _):
            for chunk in chunks(handle, file, MAX_ATTACHMENT_BYTES, SCAN):
                digest.update(chunk)
        sha = digest.hexdigest()

        def change(conn: Connection, row: Any, moment: datetime) -> tuple[dict, dict]:
            officer_id = self._actor_id(conn, by)
            values: dict[str, Any] = {}
            data: dict[str, Any] = {"file": file_name, "sha256": sha, "size": size}
            comps = q.components_of(conn, row.id)
            component_id = None
            if result:
                if Status(row.status) not in (Status.RESULT_READY, Status.RETURNED):
                    raise DeskError("Chỉ số hóa kết quả khi hồ sơ đã có kết quả.")
                values["result_digitized"] = True
                if electronic:
                    values["result_electronic"] = True
                data["target"] = "result"
            else:
                match = [c for c in comps if c.position == component]
                if not match:
                    raise DeskError(
                        "Hồ sơ không có thành phần số {component} (có {count} thành phần).",
                        component=component,
                        count=len(comps),
                    )
                target = match[0]
                component_id = target.id
                q.update_component(
                    conn,
                    target.id,
                    {
                        "digitized_at": self.to_utc(moment),
                        "digitized_by": officer_id,
                        "file_name": file_name,
                        "sha256": sha,
                        "reused": reused,
                    },
                )
                remaining = [c for c in comps if c.digitized_at is None and c.id != target.id]
                values["inputs_digitized"] = not remaining
                data["target"] = "component"
                data["component"] = component
                data["component_name"] = target.name
                data["reused"] = reused
            files.keep(self.db, conn, sha, file, self.to_utc(moment))
            q.insert_attachment(
                conn,
                {
                    "dossier_id": row.id,
                    "component_id": component_id,
                    "role": "result" if result else "component",
                    "file_name": file_name,
                    "sha256": sha,
                    "size": size,
                    "created_at": self.to_utc(moment),
                    "created_by": officer_id,
                },
            )
            return values, data

        return self._act(code, Act.DIGITIZE, at, by, change)

    def attachment(self, code: str, sha: str) -> tuple[str, bytes]:
        """The file name and content of a file digitized for dossier ``code`` (any PC of the
        unit reads it from the server; a SQLite desk from beside its database)."""
        code = code.strip()
        with self.db.read() as conn:
            row = q.dossier_by_code(conn, code)
            if row is None:
                raise NotFound("Không tìm thấy hồ sơ mã '{code}'.", code=code)
            name = q.attachment_name(conn, row.id, sha)
            if name is None:
                raise DeskError("Hồ sơ {code} không có tệp số hóa này.", code=code)
            data = files.content(self.db, conn, sha)
        if data is None or hashlib.sha256(data).hexdigest() != sha:
            raise DeskError(
                "Không tìm thấy nội dung tệp '{file}' của hồ sơ {code} (hoặc nội dung đã bị "
                "thay đổi) trong dữ liệu của đơn vị.",
                file=name,
                code=code,
            )
        return name, data


_BAND_ORDER = {Band.ON_TRACK: 0, Band.AT_RISK: 1, Band.OVERDUE: 2}


def _period(procedure: Procedure, verification: bool) -> Any:
    if verification and procedure.verification_time is not None:
        return procedure.verification_time
    return procedure.time


def _plain(value: Any, desk: Desk) -> Any:
    if isinstance(value, datetime):
        return _iso(desk.to_local(value))
    return value
