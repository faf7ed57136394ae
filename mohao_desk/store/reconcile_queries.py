"""The SQL of the reconciliation with the province's electronic one-stop system (issue 13):
the desk's dossiers of a period and of a list of codes, read in bulk, and the record of the
latest reconciliation (revision 0011)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select

from mohao_desk.store.schema import dossier, procedure, reconciliation, reconciliation_missing

# Codes per ``IN (…)``: well under SQLite's 32,766 parameters and PostgreSQL's 65,535.
CODES_PER_QUERY = 5000

_COLUMNS = (
    dossier.c.id,
    dossier.c.code,
    dossier.c.status,
    dossier.c.received_at,
    dossier.c.original_due_at,
    procedure.c.name.label("procedure_name"),
    dossier.c.applicant_name,
)


def _select() -> Any:
    return select(*_COLUMNS).select_from(
        dossier.join(procedure, procedure.c.id == dossier.c.procedure_id)
    )


def dossiers_received_between(conn: Connection, low: datetime, high: datetime) -> Iterator[Any]:
    """The dossiers received in ``[low, high)`` (UTC), by the receipt index."""
    query = _select().where(dossier.c.received_at >= low, dossier.c.received_at < high)
    yield from conn.execute(query)


def dossiers_by_codes(conn: Connection, codes: Iterable[str]) -> Iterator[Any]:
    """The dossiers whose code is one of ``codes`` (exactly as stored), in batches."""
    batch: list[str] = []
    for code in codes:
        batch.append(code)
        if len(batch) == CODES_PER_QUERY:
            yield from conn.execute(_select().where(dossier.c.code.in_(batch)))
            batch = []
    if batch:
        yield from conn.execute(_select().where(dossier.c.code.in_(batch)))


def store_reconciliation(
    conn: Connection, values: dict[str, Any], missing_ids: Sequence[int]
) -> int:
    """Record a reconciliation; the dossiers its file did not have replace the previous ones."""
    conn.execute(delete(reconciliation_missing))
    new_id = conn.execute(insert(reconciliation).values(**values)).inserted_primary_key
    assert new_id is not None
    reconciliation_id = int(new_id[0])
    if missing_ids:
        conn.execute(
            insert(reconciliation_missing),
            [{"dossier_id": i, "reconciliation_id": reconciliation_id} for i in missing_ids],
        )
    return reconciliation_id


def last_reconciliation(conn: Connection) -> Any:
    """The latest reconciliation's row, or ``None``."""
    return conn.execute(
        select(reconciliation).order_by(reconciliation.c.id.desc()).limit(1)
    ).first()


def missing_count(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(reconciliation_missing)).scalar_one())


def missing_condition() -> Any:
    """The board view "Chưa có trên hệ thống": dossiers the latest reconciliation's file did
    not have."""
    return dossier.c.id.in_(select(reconciliation_missing.c.dossier_id))
