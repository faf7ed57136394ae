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

import gc
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from mohao_desk.domain.errors import DeskError, Phrase
from mohao_desk.domain.lifecycle import Status
from mohao_desk.domain.reconcile import (
    LIST_TITLES,
    LISTS,
    DeskDossier,
    Entry,
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
from mohao_desk.domain.text import group_digits
from mohao_desk.services import authority, spreadsheet
from mohao_desk.store import reconcile_queries as rq

# An export of a year of a busy unit: 100,000 rows of 7 columns are 3 MB zipped, 34 MB of XML.
LIMITS = spreadsheet.Limits(
    max_bytes=64 * 2**20,
    max_unzipped=256 * 2**20,
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


_STATUSES = {s.value: s for s in Status}


def _dossier(row: Any, zone: Any) -> DeskDossier:
    return DeskDossier(
        id=row.id,
        code=row.code,
        status=_STATUSES[row.status],
        received_at=_local(row.received_at, zone),
        original_due_at=_local(row.original_due_at, zone),
        procedure=row.procedure_name,
        applicant=row.applicant_name,
    )


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """The cyclic garbage collector paused while a big export is read and compared: the
    reading makes a million objects that all stay alive, and the collector walked them again
    and again (1.6 s of a 5 s read of 100,000 rows). Reference counting still frees the rest."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


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
    with _no_cyclic_gc():
        result = _reconcile(desk, Path(path), low, high, columns)
    if result.desk_in_period and len(result.unknown_here) == result.rows_read:
        # Not one code of the file is here, and the desk has dossiers in the period: the
        # export of another unit, or a code column that is not the code. Recording it would
        # list every dossier of the period as missing on the board.
        raise DeskError(
            "Không mã hồ sơ nào trong tệp '{file}' ({rows} hồ sơ) có tại Bộ phận, trong khi Bộ "
            "phận có {here} hồ sơ tiếp nhận từ {low:%d/%m/%Y} đến {high:%d/%m/%Y}: có phải tệp "
            "của đơn vị khác, hoặc cột mã hồ sơ chưa đúng? Chưa ghi lại lần đối chiếu này.",
            file=result.file_name,
            rows=group_digits(result.rows_read),
            here=group_digits(result.desk_in_period),
            low=result.period[0],
            high=result.period[1],
        )
    if record:
        _record(desk, result, by)
    return result


def _reconcile(
    desk: Any,
    path: Path,
    low: date | None,
    high: date | None,
    columns: str | Mapping[Role, int] | None,
) -> Reconciliation:
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
    return reconcile(path.name, system, dossiers.values(), period, desk.calendar, desk.now())


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


# ------------------------------------------------------------------ what the lists show


def _moment_text(moment: datetime | None, with_time: bool = True) -> str:
    if moment is None:
        return ""
    return f"{moment:%d/%m/%Y %H:%M}" if with_time else f"{moment:%d/%m/%Y}"


def entry_cells(key: str, entry: Entry, due_has_times: bool = True) -> tuple[str, ...]:
    """An entry's cells after STT, in :data:`documents.reconcile.HEADERS` order."""
    note = ""
    if entry.countdown is not None:
        note = f"Trên hệ thống: {entry.countdown.text()} (theo ngày làm việc)"
    elif key == "unknown_here" and entry.row is not None:
        note = f"Dòng {entry.row} của tệp"
    elif key == "open_here_finished_there" and entry.finished_there is not None:
        note = f"Hệ thống ghi xong lúc {_moment_text(entry.finished_there, due_has_times)}"
    return (
        entry.code,
        entry.procedure,
        entry.applicant,
        _moment_text(entry.received_at),
        _moment_text(entry.due_here),
        _moment_text(entry.due_there, due_has_times),
        entry.status.label if entry.status is not None else "",
        entry.status_there,
        note,
    )


def notes(result: Reconciliation) -> list[str]:
    """What a person should know about the reading: unknown status words, repeated codes."""
    lines = [
        f"Tình trạng '{u.text}' chưa rõ là đã xong hay còn mở ({group_digits(u.count)} hồ sơ, "
        f"dòng đầu tiên: {u.first_row}): các hồ sơ này không được so tình trạng."
        for u in result.unknown_statuses
    ]
    if result.duplicate_codes:
        shown = ", ".join(result.duplicate_codes[:5])
        more = len(result.duplicate_codes) - 5
        lines.append(
            f"Mã hồ sơ có nhiều dòng trong tệp (lấy dòng sau cùng): {shown}"
            + (f" và {group_digits(more)} mã khác" if more > 0 else "")
            + "."
        )
    return lines


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="minutes") if moment is not None else None


def as_json(result: Reconciliation) -> dict[str, list[dict[str, Any]]]:
    """One object with the five lists, each a list of objects with at least ``code``."""
    out: dict[str, list[dict[str, Any]]] = {}
    for key, entries in result.lists().items():
        out[key] = [
            {
                "code": e.code,
                "row": e.row,
                "received_at": _iso(e.received_at),
                "status": e.status.value if e.status is not None else None,
                "status_there": e.status_there or None,
                "due_at": _iso(e.due_here),
                "due_there": _iso(e.due_there),
                "finished_there": _iso(e.finished_there),
                "countdown": e.countdown.text() if e.countdown is not None else None,
                "band": e.countdown.band.value if e.countdown is not None else None,
                "procedure": e.procedure or None,
                "applicant": e.applicant or None,
            }
            for e in entries
        ]
    return out


def report_data(desk: Any, result: Reconciliation) -> Any:
    """The document's data (letterhead and signatures from the unit's settings)."""
    from mohao_desk.documents.data import Signature
    from mohao_desk.documents.reconcile import ReconcileReport, ReconcileSection
    from mohao_desk.domain.regimes import regime_for
    from mohao_desk.services.documents import DocumentService

    now = desk.now()
    documents = DocumentService(desk)
    regime = regime_for(now.date(), desk.regimes)
    last = last_reconciliation(desk)
    done_at = last.done_at if last is not None and last.file_name == result.file_name else now
    return ReconcileReport(
        letterhead=documents.letterhead(regime.code, None, now.date()),
        file_name=result.file_name,
        period=result.period,
        done_at=done_at,
        printed_at=now,
        rows_read=result.rows_read,
        desk_in_period=result.desk_in_period,
        sections=[
            ReconcileSection(
                key,
                LIST_TITLES[key],
                [entry_cells(key, e, result.due_has_times) for e in entries],
            )
            for key, entries in result.lists().items()
        ],
        notes=notes(result),
        signature=documents.head_signature(),
        preparer=Signature(("Người lập",), "", note="(Ký, ghi rõ họ tên)"),
    )


def render(desk: Any, result: Reconciliation, fmt: str) -> bytes:
    """The reconciliation as a file: "pdf", "xlsx" or "json"."""
    if fmt == "json":
        import json

        return (json.dumps(as_json(result), ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    from mohao_desk.documents import reconcile as document

    data = report_data(desk, result)
    if fmt == "pdf":
        return document.render(data)
    if fmt == "xlsx":
        return document.render_xlsx(data)
    raise DeskError("Định dạng '{fmt}' không hỗ trợ (json, xlsx, pdf).", fmt=fmt)


# ------------------------------------------------------------------ the unit's columns

COLUMNS_SETTING = "reconcile_columns"


def saved_columns(desk: Any) -> str:
    """The columns the unit named last time (``code=B,received=E``), or "" (header words)."""
    from mohao_desk.store import queries as q

    with desk.db.read() as conn:
        return str(q.get_setting(conn, COLUMNS_SETTING, "") or "")


def save_columns(desk: Any, text: str) -> None:
    """Remember the columns of the unit's exports (checked first; "" forgets them)."""
    from mohao_desk.store import queries as q

    text = ",".join(part.strip() for part in text.split(",") if part.strip())
    if text:
        parse_columns(text)
    with desk.db.begin() as conn:
        q.put_setting(conn, COLUMNS_SETTING, text)


def save(desk: Any, result: Reconciliation, fmt: str, path: Path) -> Path:
    """Write the reconciliation as ``fmt`` to ``path``, whole or not at all."""
    from mohao_desk.domain.os_errors import os_error

    data = render(desk, result, fmt)
    path = Path(path)
    part = path.with_name(path.name + ".part")
    try:
        part.write_bytes(data)
        part.replace(path)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise DeskError(
            "Không lưu được tệp '{path}': {error}.", path=path, error=os_error(exc)
        ) from None
    return path
