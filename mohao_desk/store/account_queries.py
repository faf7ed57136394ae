"""Queries of the accounts (``officer``'s password, roles and lock) and ``account_event``
(revision 0007)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, insert, select
from sqlalchemy import update as sql_update

from mohao_desk.domain.audit import subject
from mohao_desk.store import audit
from mohao_desk.store.schema import account_event, officer


def accounts(conn: Connection, unit_id: int) -> Sequence[Row[Any]]:
    return conn.execute(
        select(officer).where(officer.c.unit_id == unit_id).order_by(officer.c.id)
    ).all()


def account(
    conn: Connection, unit_id: int, username: str, *, for_update: bool = False
) -> Row[Any] | None:
    query = select(officer).where(officer.c.unit_id == unit_id, officer.c.username == username)
    if for_update and conn.dialect.name != "sqlite":  # SQLite: the write lock of BEGIN IMMEDIATE
        query = query.with_for_update()
    return conn.execute(query).first()


def update(conn: Connection, officer_id: int, **values: Any) -> None:
    conn.execute(sql_update(officer).where(officer.c.id == officer_id).values(**values))
    audit.touch(conn, subject("officer", officer_id))


def record(
    conn: Connection,
    unit_id: int,
    username: str,
    kind: str,
    at: datetime,
    *,
    by: str | None = None,
    detail: str = "",
) -> None:
    result = conn.execute(
        insert(account_event).values(
            unit_id=unit_id, username=username, kind=kind, at=at, by_username=by, detail=detail
        )
    )
    key = result.inserted_primary_key
    assert key is not None
    audit.touch(conn, subject("account_event", key[0]))


def events(conn: Connection, unit_id: int, username: str | None = None) -> Sequence[Row[Any]]:
    query = select(account_event).where(account_event.c.unit_id == unit_id)
    if username is not None:
        query = query.where(account_event.c.username == username)
    return conn.execute(query.order_by(account_event.c.id)).all()
