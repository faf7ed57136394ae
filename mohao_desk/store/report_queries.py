"""Queries of the date-range documents (daily list, register book, explanation report).

Rows carry the columns of ``queries.LIST_COLUMNS`` (so ``Desk.summarize`` turns them into
summaries with the one definition of countdown and timeliness), plus what a document needs.
Moments in and out are aware UTC datetimes, like the rest of the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, or_, select

from mohao_desk.domain.deadline import MAX_SUPPLEMENT_REQUESTS_ON_TIME
from mohao_desk.domain.lifecycle import Status
from mohao_desk.store.queries import listing_select, not_digitized_condition
from mohao_desk.store.schema import component, dossier, event, officer

_ID_CHUNK = 500


_listing = listing_select


# --------------------------------------------------------------- daily list


def waiting_supplement(conn: Connection, unit_id: int, as_of: datetime) -> list[Any]:
    """Dossiers waiting for the applicant's supplement (received by ``as_of``)."""
    query = _listing().where(
        dossier.c.unit_id == unit_id,
        dossier.c.status == Status.WAITING_SUPPLEMENT.value,
        dossier.c.received_at <= as_of,
    )
    return list(conn.execute(query.order_by(dossier.c.original_due_at, dossier.c.id)).all())


def not_digitized(
    conn: Connection, unit_id: int, as_of: datetime, day_start: datetime
) -> list[Any]:
    """Chưa số hóa: open dossiers with a component not digitized; and results not digitized
    among those produced on the day (``day_start`` to ``as_of``) or still held at the desk
    waiting to be returned. Rows carry ``components`` and ``components_done``."""
    total = (
        select(func.count())
        .where(component.c.dossier_id == dossier.c.id)
        .scalar_subquery()
        .label("components")
    )
    done = (
        select(func.count())
        .where(component.c.dossier_id == dossier.c.id, component.c.digitized_at.is_not(None))
        .scalar_subquery()
        .label("components_done")
    )
    query = _listing(total, done).where(
        dossier.c.unit_id == unit_id,
        dossier.c.received_at <= as_of,
        not_digitized_condition(day_start, as_of),
    )
    return list(conn.execute(query.order_by(dossier.c.original_due_at, dossier.c.id)).all())


def officer_name(conn: Connection, unit_id: int, username: str) -> str | None:
    return conn.execute(
        select(officer.c.full_name).where(
            officer.c.unit_id == unit_id, officer.c.username == username
        )
    ).scalar()


# ------------------------------------------------------------ register book


def count_received(conn: Connection, unit_id: int, start: datetime, end: datetime) -> int:
    """Dossiers received in ``[start, end)``."""
    return int(
        conn.execute(
            select(func.count())
            .select_from(dossier)
            .where(
                dossier.c.unit_id == unit_id,
                dossier.c.received_at >= start,
                dossier.c.received_at < end,
            )
        ).scalar_one()
    )


def received_between(conn: Connection, unit_id: int, start: datetime, end: datetime) -> list[Any]:
    """Dossiers received in ``[start, end)`` in book order (receipt moment, then id: the order
    ``queries.count_received_between`` numbers the receipt slips in)."""
    query = _listing(
        dossier.c.applicant_address, dossier.c.sets_count, dossier.c.regime_code
    ).where(
        dossier.c.unit_id == unit_id,
        dossier.c.received_at >= start,
        dossier.c.received_at < end,
    )
    return list(conn.execute(query.order_by(dossier.c.received_at, dossier.c.id)).all())


def events_received_between(
    conn: Connection, unit_id: int, start: datetime, end: datetime, acts: Iterable[str]
) -> list[Any]:
    """Events of the given acts of the dossiers received in ``[start, end)``, in order. (The
    ``IN`` subquery makes SQLite walk the receipt index then each dossier's events; a join lets
    it scan every event of those acts instead: 0.06 s against 0.5 s on 240,000 dossiers.)"""
    received = select(dossier.c.id).where(
        dossier.c.unit_id == unit_id,
        dossier.c.received_at >= start,
        dossier.c.received_at < end,
    )
    query = (
        select(event.c.dossier_id, event.c.seq, event.c.act, event.c.at, event.c.data)
        .where(event.c.dossier_id.in_(received), event.c.act.in_(list(acts)))
        .order_by(event.c.dossier_id, event.c.seq)
    )
    return list(conn.execute(query).all())


# ------------------------------------------------------- explanation report


def finished_late_candidates(
    conn: Connection, unit_id: int, start: datetime, end: datetime
) -> list[Any]:
    """Dossiers whose processing ended in ``[start, end]`` after their legal due moment or with
    repeated supplement requests (withdrawals have no timeliness). The SQL side of
    ``deadline.timeliness``, for speed; the service confirms each row with the domain."""
    query = _listing().where(
        dossier.c.unit_id == unit_id,
        dossier.c.finished_at >= start,
        dossier.c.finished_at <= end,
        dossier.c.status != Status.WITHDRAWN.value,
        or_(
            dossier.c.finished_at > dossier.c.original_due_at,
            dossier.c.supplement_count > MAX_SUPPLEMENT_REQUESTS_ON_TIME,
        ),
    )
    return list(conn.execute(query.order_by(dossier.c.finished_at, dossier.c.id)).all())


def open_overdue_candidates(conn: Connection, unit_id: int, at: datetime) -> list[Any]:
    """Dossiers received by ``at`` and not finished at ``at`` (still open, or finished later)
    whose legal due moment had passed, or with repeated supplement requests. A superset of the
    overdue ones: the service decides each with ``deadline.countdown``."""
    query = _listing().where(
        dossier.c.unit_id == unit_id,
        dossier.c.received_at <= at,
        or_(dossier.c.finished_at.is_(None), dossier.c.finished_at > at),
        or_(
            dossier.c.original_due_at < at,
            dossier.c.supplement_count > MAX_SUPPLEMENT_REQUESTS_ON_TIME,
        ),
    )
    return list(conn.execute(query.order_by(dossier.c.original_due_at, dossier.c.id)).all())


def events_of_dossiers(
    conn: Connection, dossier_ids: Sequence[int], acts: Iterable[str]
) -> list[Any]:
    """Events of the given acts of the given dossiers, in order (ids asked in chunks). The act
    test goes through ``lower()`` so that SQLite looks each dossier up by its own index rather
    than scanning every event of those acts once per chunk."""
    wanted = list(acts)
    rows: list[Any] = []
    for i in range(0, len(dossier_ids), _ID_CHUNK):
        chunk = list(dossier_ids[i : i + _ID_CHUNK])
        rows += conn.execute(
            select(event.c.dossier_id, event.c.seq, event.c.act, event.c.at, event.c.data)
            .where(event.c.dossier_id.in_(chunk), func.lower(event.c.act).in_(wanted))
            .order_by(event.c.dossier_id, event.c.seq)
        ).all()
    return rows
