"""Reconciling the desk with the province's electronic one-stop system (issue 13): read the
system's export (an .xlsx, .xls or .csv file, through :mod:`mohao_desk.services.spreadsheet`),
read the desk's dossiers of the period in bulk, compare (:mod:`mohao_desk.domain.reconcile`),
and record the reconciliation (when, by whom, which file, the counts, and the dossiers the file
did not have, for the board view "Chưa có trên hệ thống").

The period defaults to the span of receipt dates in the file. The desk's side is read with two
kinds of query: the dossiers received in the period (one range over the receipt index), and the
dossiers of the file's other codes (``IN`` batches over the unique code index), so that a
dossier the system lists but the desk received before the period is not "unknown here".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from mohao_desk.domain.errors import DeskError, Phrase
from mohao_desk.domain.lifecycle import Status
from mohao_desk.domain.reconcile import (
    LISTS,
    DeskDossier,
    Reconciliation,
    Role,
    SystemList,
    day_bounds,
    parse_columns,
    period_of,
    read_system_list,
    reconcile,
)
from mohao_desk.domain.roles import Operation
from mohao_desk.services import authority, spreadsheet
from mohao_desk.store import reconcile_queries as rq

# An export of a year of a busy unit: 100,000 rows are ~6 MB zipped, ~90 MB unzipped.
LIMITS = spreadsheet.Limits(
    max_bytes=64 * 2**20,
    max_unzipped=768 * 2**20,
    max_members=1000,
    max_sheets=30,
    max_rows=500_000,
    max_columns=100,
)
WHAT = Phrase("danh sách hồ sơ của hệ thống")


@dataclass(frozen=True)
class LastReconciliation:
    """The latest reconciliation recorded (the board shows it)."""

    done_at: datetime  # local
    officer: str | None
    file_name: str
    period: tuple[date, date]
    rows_read: int
    desk_in_period: int
    counts: Mapping[str, int]


def read_export(path: Path, columns: str | Mapping[Role, int] | None = None) -> SystemList:
    """The system's export read and checked whole (nothing is stored)."""
    explicit = parse_columns(columns) if isinstance(columns, str) else columns
    sheets = spreadsheet.read_sheets(Path(path), LIMITS, WHAT)
    try:
        return read_system_list(sheets, explicit)
    except DeskError as exc:
        raise DeskError(
            "Tệp '{path}' không đối chiếu được: {reason}", path=Path(path), reason=Phrase.of(exc)
        ) from None


def _local(moment: datetime, zone: Any) -> datetime:
    return moment.astimezone(zone).replace(tzinfo=None)


def _dossier(row: Any, zone: Any) -> DeskDossier:
    return DeskDossier(
        id=row.id,
        code=row.code,
        status=Status(row.status),
        received_at=_local(row.received_at, zone),
        original_due_at=_local(row.original_due_at, zone),
        procedure=row.procedure_name,
        applicant=row.applicant_name,
    )


def reconcile_file(
    desk: Any,
    path: Path,
    *,
    low: date | None = None,
    high: date | None = None,
    columns: str | Mapping[Role, int] | None = None,
    by: str | None = None,
    record: bool = True,
) -> Reconciliation:
    """Compare the export at ``path`` with ``desk`` (a :class:`~mohao_desk.services.desk.Desk`)
    and, with ``record``, record the reconciliation. A file that fails any check is refused
    whole and nothing is recorded."""
    authority.require(desk.db, Operation.RECONCILE)
    path = Path(path)
    system = read_export(path, columns)
    period = period_of(system, low, high)
    start, end = (desk.to_utc(m) for m in day_bounds(period))
    zone = desk.tz
    with desk.db.read() as conn:
        dossiers = {
            r.code: _dossier(r, zone) for r in rq.dossiers_received_between(conn, start, end)
        }
        wanted: set[str] = set()
        for row in system.rows:
            if row.code not in dossiers:
                wanted.add(row.code)
                if row.code.upper() != row.code:
                    wanted.add(row.code.upper())
        wanted -= dossiers.keys()
        for r in rq.dossiers_by_codes(conn, sorted(wanted)):
            dossiers[r.code] = _dossier(r, zone)
    result = reconcile(path.name, system, dossiers.values(), period, desk.calendar, desk.now())
    if record:
        _record(desk, result, by)
    return result


def _record(desk: Any, result: Reconciliation, by: str | None) -> None:
    counts = result.counts()
    with desk.db.begin() as conn:
        values = {
            "done_at": desk.to_utc(desk.now()),
            "officer_id": desk._actor_id(conn, by),
            "file_name": result.file_name[:255],
            "period_from": result.period[0].isoformat(),
            "period_to": result.period[1].isoformat(),
            "rows_read": result.rows_read,
            "desk_in_period": result.desk_in_period,
            **counts,
        }
        rq.store_reconciliation(
            conn, values, [e.dossier_id for e in result.missing_in_system if e.dossier_id]
        )


def last_reconciliation(desk: Any) -> LastReconciliation | None:
    """The latest reconciliation recorded, or ``None`` when there was none."""
    from mohao_desk.store import queries as q

    with desk.db.read() as conn:
        row = rq.last_reconciliation(conn)
        if row is None:
            return None
        officer = q.officer_by_id(conn, row.officer_id) if row.officer_id else None
    return LastReconciliation(
        done_at=_local(row.done_at, desk.tz),
        officer=str(officer.full_name) if officer is not None else None,
        file_name=row.file_name,
        period=(date.fromisoformat(row.period_from), date.fromisoformat(row.period_to)),
        rows_read=row.rows_read,
        desk_in_period=row.desk_in_period,
        counts={name: int(getattr(row, name)) for name in LISTS},
    )
