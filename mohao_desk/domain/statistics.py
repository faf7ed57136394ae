"""Statistics of the period reports (domain.md §7): Biểu số 06/VPCP/KSTT (Circular 01/2020/
TT-VPCP) — received (online; direct and postal; carried over), resolved (early; on time; late),
pending (within the deadline; overdue) — one row per field (lĩnh vực), with the identities

    received = online + direct/postal + carried over = resolved + pending

and "next period's carried over = this period's pending". Every classification goes through
:func:`mohao_desk.domain.deadline.timeliness` (the one definition of late).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import datetime

from mohao_desk.domain.deadline import MAX_SUPPLEMENT_REQUESTS_ON_TIME, Timeliness, timeliness

KSTT_COLUMNS = (
    "received_total",
    "received_online",
    "received_direct_postal",
    "carried_over",
    "resolved_total",
    "resolved_early",
    "resolved_on_time",
    "resolved_late",
    "pending_total",
    "pending_within",
    "pending_overdue",
)


@dataclass(frozen=True)
class DossierFact:
    """What the report needs of one dossier (no personal data): local naive moments."""

    field: str
    channel: str  # "1" direct, "2" online, "3" postal
    received_at: datetime
    original_due_at: datetime
    finished_at: datetime | None  # end of processing (result, refusal, stop, withdrawal)
    supplement_count: int = 0


@dataclass
class KsttRow:
    """One row of Biểu số 06/VPCP/KSTT (numbers of dossiers)."""

    field: str
    received_total: int = 0
    received_online: int = 0
    received_direct_postal: int = 0
    carried_over: int = 0
    resolved_total: int = 0
    resolved_early: int = 0
    resolved_on_time: int = 0
    resolved_late: int = 0
    pending_total: int = 0
    pending_within: int = 0
    pending_overdue: int = 0

    def add(self, other: KsttRow) -> None:
        for name in KSTT_COLUMNS:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def as_dict(self) -> dict[str, int | str]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def identities_hold(self) -> bool:
        received = self.received_online + self.received_direct_postal + self.carried_over
        return (
            self.received_total == received == self.resolved_total + self.pending_total
            and self.resolved_total
            == self.resolved_early + self.resolved_on_time + self.resolved_late
            and self.pending_total == self.pending_within + self.pending_overdue
        )


@dataclass
class KsttReport:
    start: datetime
    end: datetime  # exclusive: the first moment after the period
    rows: list[KsttRow] = field(default_factory=list)
    total: KsttRow = field(default_factory=lambda: KsttRow("Tổng cộng"))

    def as_dict(self) -> dict[str, object]:
        return {
            "from": self.start.strftime("%Y-%m-%d"),
            "to": self.end.strftime("%Y-%m-%d"),
            "rows": [r.as_dict() for r in self.rows],
            "total": self.total.as_dict(),
        }


def kstt(facts: Iterable[DossierFact], start: datetime, end: datetime) -> KsttReport:
    """Biểu 06 for the period ``[start, end)``.

    - received in the period: counted as online (channel 2) or direct/postal (1, 3);
    - carried over: received before ``start`` and not finished before ``start``;
    - resolved: processing ended in the period, classified early / on time / late against the
      legal (original) due moment, more than one supplement request counting as late;
    - pending: not finished at ``end``; overdue when the legal due moment is before ``end`` or
      the dossier had more than one supplement request.
    Dossiers received after the period or finished before it do not appear.
    """
    rows: dict[str, KsttRow] = {}
    for f in facts:
        if f.received_at >= end or (f.finished_at is not None and f.finished_at < start):
            continue
        row = rows.get(f.field)
        if row is None:
            row = rows[f.field] = KsttRow(f.field)
        row.received_total += 1
        if f.received_at < start:
            row.carried_over += 1
        elif f.channel == "2":
            row.received_online += 1
        else:
            row.received_direct_postal += 1
        if f.finished_at is not None and f.finished_at < end:
            row.resolved_total += 1
            result = timeliness(f.finished_at, f.original_due_at, f.supplement_count)
            if result is Timeliness.EARLY:
                row.resolved_early += 1
            elif result is Timeliness.ON_TIME:
                row.resolved_on_time += 1
            else:
                row.resolved_late += 1
        else:
            row.pending_total += 1
            overdue = (
                f.original_due_at < end or f.supplement_count > MAX_SUPPLEMENT_REQUESTS_ON_TIME
            )
            if overdue:
                row.pending_overdue += 1
            else:
                row.pending_within += 1
    report = KsttReport(start, end, sorted(rows.values(), key=lambda r: r.field))
    for row in report.rows:
        report.total.add(row)
    return report
