"""Queries of the refusals at the counter (``counter_refusal``, revision 0005)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, Select, func, insert, select

from mohao_desk.domain.audit import subject
from mohao_desk.store import audit
from mohao_desk.store.schema import counter_refusal, officer, procedure


def insert_counter_refusal(conn: Connection, values: dict[str, Any]) -> int:
    result = conn.execute(insert(counter_refusal).values(**values))
    key = result.inserted_primary_key
    assert key is not None
    audit.touch(conn, subject("counter_refusal", key[0]))
    return int(key[0])


def _columns() -> Select[Any]:
    return select(
        counter_refusal,
        procedure.c.code.label("procedure_code"),
        procedure.c.name.label("procedure_name"),
        procedure.c.field.label("procedure_field"),
        officer.c.full_name.label("officer_name"),
        officer.c.title.label("officer_title"),
    ).select_from(
        counter_refusal.join(procedure, procedure.c.id == counter_refusal.c.procedure_id).outerjoin(
            officer, officer.c.id == counter_refusal.c.officer_id
        )
    )


def counter_refusal_by_id(conn: Connection, unit_id: int, refusal_id: int) -> Row[Any] | None:
    return conn.execute(
        _columns().where(counter_refusal.c.unit_id == unit_id, counter_refusal.c.id == refusal_id)
    ).first()


def counter_refusals_between(
    conn: Connection, unit_id: int, start: datetime, end: datetime
) -> list[Row[Any]]:
    """Refusals at the counter in ``[start, end)``, oldest first."""
    query = _columns().where(
        counter_refusal.c.unit_id == unit_id,
        counter_refusal.c.at >= start,
        counter_refusal.c.at < end,
    )
    return list(conn.execute(query.order_by(counter_refusal.c.at, counter_refusal.c.id)).all())


def count_counter_refusals(conn: Connection, unit_id: int, start: datetime, end: datetime) -> int:
    return int(
        conn.execute(
            select(func.count())
            .select_from(counter_refusal)
            .where(
                counter_refusal.c.unit_id == unit_id,
                counter_refusal.c.at >= start,
                counter_refusal.c.at < end,
            )
        ).scalar_one()
    )
