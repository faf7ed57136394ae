"""Từ chối tiếp nhận tại quầy: a refusal at the counter (domain.md §1).

The officer checks the papers and refuses the request before any dossier exists: the applicant
takes home Mẫu 03 (Phiếu từ chối tiếp nhận giải quyết hồ sơ) with the reasons. No dossier is
created, so the refusal is never received, resolved or pending in Biểu 06, indicator 2.1 or any
other dossier statistic; it has its own record, its own yearly number ("Số: 12/TC") and its own
list and count.

A refused *dossier* (one registered, then refused after review) stays what it was: a dossier
that ended with the act ``refuse``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from mohao_desk.domain.errors import DeskError, NotFound
from mohao_desk.domain.lifecycle import Channel
from mohao_desk.domain.regimes import regime_for
from mohao_desk.domain.roles import Operation
from mohao_desk.domain.text import nfc
from mohao_desk.services import authority
from mohao_desk.services.desk import Desk, clean_applicant
from mohao_desk.store import counter_queries as cq
from mohao_desk.store import queries as q

MAX_REASON_CHARS = 2000
MAX_LIST_DAYS = 366


@dataclass(frozen=True)
class CounterRefusal:
    """One refusal at the counter, as the services show it (moments in local time)."""

    id: int
    year: int
    number: int
    regime: str
    procedure_code: str
    procedure: str
    field: str
    applicant: str
    address: str
    phone: str
    email: str
    channel: Channel
    reason: str  # one reason per line
    officer: str  # the receiving officer's full name ("" when none was recorded)
    officer_title: str
    at: datetime
    recorded_at: datetime

    @property
    def reference(self) -> str:
        """The slip's number, "12/2025"."""
        return f"{self.number}/{self.year}"


def clean_reasons(text: str) -> str:
    """The reasons as the officer wrote them, one per line: NFC, each line trimmed, blank lines
    dropped; at least one reason."""
    lines = [" ".join(nfc(line).split()) for line in (text or "").splitlines()]
    value = "\n".join(line for line in lines if line)
    if not value:
        raise DeskError("Thiếu lý do từ chối tiếp nhận.")
    if len(value) > MAX_REASON_CHARS:
        raise DeskError("Lý do từ chối quá dài (tối đa {limit} ký tự).", limit=MAX_REASON_CHARS)
    return value


class CounterService:
    """Refusals at the counter of the unit's desk."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def refuse(
        self,
        *,
        procedure_code: str,
        applicant_name: str,
        reason: str,
        address: str = "",
        phone: str = "",
        email: str = "",
        channel: Channel = Channel.DIRECT,
        at: datetime | None = None,
        by: str | None = None,
    ) -> CounterRefusal:
        """Record a refusal at the counter; returns it (print Mẫu 03 from it)."""
        desk = self.desk
        desk.require_writable()
        authority.require(desk.db, Operation.COUNTER_REFUSAL)
        name, phone, email, address = clean_applicant(applicant_name, phone, email, address)
        reasons = clean_reasons(reason)
        moment = desk._at(at)
        regime = regime_for(moment.date(), desk.regimes)
        with desk.db.begin() as conn:
            found = q.procedure_by_code(conn, procedure_code.strip())
            if found is None:
                raise NotFound(
                    "Không có thủ tục mã '{procedure_code}' trong danh mục.",
                    procedure_code=procedure_code,
                )
            officer_id = desk._actor_id(conn, by)
            number = q.next_yearly(conn, desk.unit.id, "counter_refusal", moment.year)
            refusal_id = cq.insert_counter_refusal(
                conn,
                {
                    "unit_id": desk.unit.id,
                    "year": moment.year,
                    "number": number,
                    "regime_code": regime.code,
                    "procedure_id": found[0],
                    "applicant_name": name,
                    "applicant_address": address,
                    "applicant_phone": phone,
                    "applicant_email": email,
                    "channel": channel.value,
                    "reason": reasons,
                    "officer_id": officer_id,
                    "at": desk.to_utc(moment),
                    "recorded_at": datetime.now(UTC),
                },
            )
        return self.get(refusal_id)

    def slip(self, refusal_id: int) -> bytes:
        """Mẫu 03 of a refusal at the counter (the same form as a refused dossier's, without a
        dossier code and with the slip's own number), signed by the officer who refused."""
        from dataclasses import replace

        from mohao_desk.services.documents import DocumentService

        refusal = self.get(refusal_id)
        documents = DocumentService(self.desk)
        slip = documents.refusal_slip(
            applicant=refusal.applicant,
            procedure=refusal.procedure,
            reasons=refusal.reason.splitlines(),
            officer=refusal.officer,
            on=refusal.at.date(),
            regime=refusal.regime,
            address=refusal.address,
            phone=refusal.phone,
            email=refusal.email,
        )
        numbered = replace(slip.letterhead, number=f"Số: {refusal.reference}")
        return documents.render_refusal(replace(slip, letterhead=numbered))

    def get(self, refusal_id: int) -> CounterRefusal:
        with self.desk.db.read() as conn:
            row = cq.counter_refusal_by_id(conn, self.desk.unit.id, refusal_id)
        if row is None:
            raise NotFound("Không có phiếu từ chối tại quầy số {id}.", id=refusal_id)
        return self._view(row)

    def between(self, start: date, end: date) -> list[CounterRefusal]:
        """The refusals at the counter from ``start`` to ``end`` (inclusive), oldest first."""
        t0, t1 = self._range(start, end)
        with self.desk.db.read() as conn:
            rows = cq.counter_refusals_between(conn, self.desk.unit.id, t0, t1)
        return [self._view(r) for r in rows]

    def count(self, start: date, end: date) -> int:
        t0, t1 = self._range(start, end)
        with self.desk.db.read() as conn:
            return cq.count_counter_refusals(conn, self.desk.unit.id, t0, t1)

    def _range(self, start: date, end: date) -> tuple[datetime, datetime]:
        if end < start:
            raise DeskError(
                "Ngày cuối ({end:%d/%m/%Y}) trước ngày đầu ({start:%d/%m/%Y}).",
                start=start,
                end=end,
            )
        if (end - start).days >= MAX_LIST_DAYS:
            raise DeskError("Chỉ liệt kê được tối đa {days} ngày một lần.", days=MAX_LIST_DAYS)
        desk = self.desk
        return (
            desk.to_utc(datetime.combine(start, time())),
            desk.to_utc(datetime.combine(end + timedelta(days=1), time())),
        )

    def _view(self, r: Any) -> CounterRefusal:
        """A row with the columns of ``counter_queries._columns``, as data."""
        local = self.desk.to_local
        at, recorded = local(r.at), local(r.recorded_at)
        assert at is not None and recorded is not None
        return CounterRefusal(
            id=int(r.id),
            year=int(r.year),
            number=int(r.number),
            regime=str(r.regime_code),
            procedure_code=str(r.procedure_code),
            procedure=str(r.procedure_name),
            field=str(r.procedure_field),
            applicant=str(r.applicant_name),
            address=str(r.applicant_address),
            phone=str(r.applicant_phone),
            email=str(r.applicant_email),
            channel=Channel(r.channel),
            reason=str(r.reason),
            officer=str(r.officer_name or ""),
            officer_title=str(r.officer_title or ""),
            at=at,
            recorded_at=recorded,
        )
