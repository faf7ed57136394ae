"""The period statistics' daily counts (revision 0010): what Biểu 06 and the indicators count
of each unit's dossiers, per local day and procedure, kept by an upstream office's import.

Why: the dashboard of a month at a province of 10,000,000 dossiers read the whole ``dossier``
table twice (the period's dossiers are "received before its end and not finished before its
start", which no index answers; 3.8–6.8 s). Of those, the ones that **finished in the period**
have an outcome of their own (early, on time, late: it does not depend on the period), and the
ones **received in the period** a channel; both are sums over days. Only the dossiers still
open at the period's end depend on that end (within the time or overdue at it): they are read
from ``dossier`` (few: the open ones, through the finished-moment and open-dossier indexes).
The carried-over count follows, per unit and procedure: ``finished in the period + open at its
end − received in it`` (every dossier of the period is one of the first two; the third are the
ones that were not carried over). The edges of a period that are not whole local days (a
period ending now) are counted from ``dossier`` the same way as a day is, by the one
definition below (:func:`_counts_select`).

Exactness: a dossier finished before it was received (broken data a desk may send) would
break the identity above; such dossiers are left out of the counts and counted one by one by
the caller (``ix_dossier_finished_before_received``, a partial index that is normally empty).
``tests/reports/test_daily_counts.py`` holds every period's figures equal to the direct
aggregation, after imports that add, change and re-finish dossiers, on both databases.

Kept only where ``daily_count_kept`` holds a row: its UTC offset cut the local days, and a
period computed with another offset (another zone) reads ``dossier`` as before. A desk never
keeps the counts (its reports read its own unit's dossiers).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    and_,
    case,
    delete,
    func,
    insert,
    literal,
    or_,
    select,
    type_coerce,
    union_all,
)

from mohao_desk.domain.deadline import MAX_SUPPLEMENT_REQUESTS_ON_TIME
from mohao_desk.domain.lifecycle import Status
from mohao_desk.store.dialect import MaxFlag, is_postgresql
from mohao_desk.store.schema import DAILY_COUNTS, component, daily_count, daily_count_kept, dossier

DAY = 86_400
RECEIVED_COUNTS = (
    "received_direct", "received_online", "received_with_components", "received_reused",
)  # fmt: skip
FINISHED_COUNTS = (
    "resolved_early", "resolved_on_time", "resolved_late", "results", "results_electronic",
    "results_fully_digitized", "rated", "not_satisfied",
)  # fmt: skip
COUNTS = RECEIVED_COUNTS + FINISHED_COUNTS
assert COUNTS == DAILY_COUNTS
_ID_CHUNK = 500
_GAP = 3  # touched days this close are refreshed as one range


def _epoch(col: Any) -> ColumnElement[int]:
    return type_coerce(col, Integer)


def kept_offset(conn: Connection) -> int | None:
    """The UTC offset (seconds) the kept counts' days were cut by; None: not kept."""
    value = conn.execute(select(daily_count_kept.c.utc_offset)).scalar()
    return None if value is None else int(value)


def normal() -> ColumnElement[bool]:
    """Dossiers the counts hold: not finished before they were received."""
    d = dossier.c
    return or_(d.finished_at.is_(None), _epoch(d.finished_at) >= _epoch(d.received_at))


def anomalous() -> ColumnElement[bool]:
    """The others (``ix_dossier_finished_before_received`` lists them)."""
    return _epoch(dossier.c.finished_at) < _epoch(dossier.c.received_at)


def _counts_select(
    offset: int, low: int | None, high: int | None, unit_id: int | None, *, by_day: bool
) -> Any:
    """``(unit_id, procedure_id[, day], *COUNTS)`` of the dossiers received in ``[low, high)``
    (their received counts) and of those finished in it (their finished counts), each on its
    local day with ``by_day``; None bounds: every day."""
    d = dossier.c
    received, finished = _epoch(d.received_at), _epoch(d.finished_at)
    due = _epoch(d.original_due_at)

    def within(moment: ColumnElement[int]) -> list[ColumnElement[bool]]:
        where = [normal()]
        if low is not None:
            where.append(moment >= low)
        if high is not None:
            where.append(moment < high)
        if unit_id is not None:
            where.append(d.unit_id == unit_id)
        return where

    def one(condition: ColumnElement[bool]) -> ColumnElement[int]:
        return case((condition, 1), else_=0)

    zero = literal(0)
    # 0/1 when the dossier has components (1: one of them reused), NULL without: one look-up.
    flag = (
        select(MaxFlag(component.c.reused))
        .where(component.c.dossier_id == d.id)
        .scalar_subquery()
        .label("flag")
    )
    got = (
        select(d.unit_id, d.procedure_id, ((received + offset) // DAY).label("day"),
               d.channel, flag)
        .where(*within(received))
        .subquery("got")
    )  # fmt: skip
    received_part = select(
        got.c.unit_id,
        got.c.procedure_id,
        got.c.day,
        one(got.c.channel != "2").label("received_direct"),
        one(got.c.channel == "2").label("received_online"),
        one(got.c.flag.is_not(None)).label("received_with_components"),
        one(got.c.flag == 1).label("received_reused"),
        *(zero.label(n) for n in FINISHED_COUNTS),
    )
    repeated = d.supplement_count > MAX_SUPPLEMENT_REQUESTS_ON_TIME
    late = or_(repeated, finished > due)
    early = and_(~late, (finished + offset) // DAY < (due + offset) // DAY)
    result = d.status.in_([Status.RESULT_READY.value, Status.RETURNED.value])
    electronic = d.result_electronic.is_(True)
    digitized = and_(d.inputs_digitized.is_(True), or_(d.result_digitized.is_(True), electronic))
    finished_part = select(
        d.unit_id,
        d.procedure_id,
        ((finished + offset) // DAY).label("day"),
        *(zero.label(n) for n in RECEIVED_COUNTS),
        one(early).label("resolved_early"),
        one(and_(~late, ~early)).label("resolved_on_time"),
        one(late).label("resolved_late"),
        one(result).label("results"),
        one(and_(result, electronic)).label("results_electronic"),
        one(and_(result, digitized)).label("results_fully_digitized"),
        one(d.rating.is_not(None)).label("rated"),
        one(d.rating == "khong_hai_long").label("not_satisfied"),
    ).where(*within(finished), d.finished_at.is_not(None))
    both = union_all(received_part, finished_part).subquery("both")
    keys = [both.c.unit_id, both.c.procedure_id] + ([both.c.day] if by_day else [])
    return select(*keys, *(func.sum(both.c[n]).label(n) for n in COUNTS)).group_by(*keys)


def rebuild(conn: Connection, offset: int) -> None:
    """Every unit's counts again from ``dossier``, cut into days by ``offset``; kept from now
    on (inside the caller's write transaction)."""
    conn.execute(delete(daily_count))
    conn.execute(delete(daily_count_kept))
    conn.execute(
        insert(daily_count).from_select(
            ["unit_id", "procedure_id", "day", *COUNTS],
            _counts_select(offset, None, None, None, by_day=True),
        )
    )
    conn.execute(insert(daily_count_kept).values(id=1, utc_offset=offset))
    if is_postgresql(conn):
        conn.exec_driver_sql("ANALYZE daily_count")


def forget(conn: Connection) -> None:
    """No counts kept (a zone with daylight saving: its days are not a fixed offset)."""
    conn.execute(delete(daily_count))
    conn.execute(delete(daily_count_kept))


@dataclass
class TouchedDays:
    """The local days an import touched, per unit: the days a dossier was received or
    finished on, before and after the import changed it."""

    offset: int
    days: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))

    def add(self, unit_id: int, *moments: int | None) -> None:
        days = self.days[unit_id]
        for moment in moments:
            if moment is not None:
                days.add((int(moment) + self.offset) // DAY)

    def add_stored(self, conn: Connection, ids: Sequence[int]) -> None:
        """The days of these dossiers as stored now (before an update changes them)."""
        d = dossier.c
        columns = (d.unit_id, _epoch(d.received_at), _epoch(d.finished_at))
        for start in range(0, len(ids), _ID_CHUNK * 20):
            chunk = list(ids[start : start + _ID_CHUNK * 20])
            for unit_id, received, finished in conn.execute(
                select(*columns).where(d.id.in_(chunk))
            ):
                self.add(int(unit_id), received, finished)


def _runs(days: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted days as ranges ``(first, last)``, joining ranges ``_GAP`` days apart or less."""
    runs: list[tuple[int, int]] = []
    for day in sorted(days):
        if runs and day - runs[-1][1] <= _GAP:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


def refresh(conn: Connection, touched: TouchedDays) -> None:
    """Count the touched days again (a few statements per unit and package)."""
    off = touched.offset
    for unit_id, days in touched.days.items():
        for first, last in _runs(days):
            conn.execute(
                delete(daily_count).where(
                    daily_count.c.unit_id == unit_id,
                    daily_count.c.day >= first,
                    daily_count.c.day <= last,
                )
            )
            conn.execute(
                insert(daily_count).from_select(
                    ["unit_id", "procedure_id", "day", *COUNTS],
                    _counts_select(
                        off, first * DAY - off, (last + 1) * DAY - off, unit_id, by_day=True
                    ),
                )
            )


def summed(
    conn: Connection, start: int, end: int, offset: int, unit_id: int | None
) -> dict[tuple[int, int], dict[str, int]]:
    """Per ``(unit id, procedure id)``: the counts of ``[start, end)`` (epoch seconds): its
    whole local days from the kept table, the rest of it (a period that starts or ends inside
    a day) from ``dossier``. The caller checked that the counts are kept with ``offset``."""
    first_day = -((-(start + offset)) // DAY)  # the first midnight at or after start
    end_day = (end + offset) // DAY  # the last midnight at or before end
    totals: dict[tuple[int, int], dict[str, int]] = {}

    def add(rows: Iterable[Any]) -> None:
        for row in rows:
            key = (int(row[0]), int(row[1]))
            counts = totals.setdefault(key, dict.fromkeys(COUNTS, 0))
            for name, value in zip(COUNTS, row[2:], strict=True):
                counts[name] += int(value or 0)

    if first_day >= end_day:  # within one day, or across one midnight: all from dossier
        add(conn.execute(_counts_select(offset, start, end, unit_id, by_day=False)))
        return totals
    c = daily_count.c
    where = [c.day >= first_day, c.day < end_day]
    if unit_id is not None:
        where.append(c.unit_id == unit_id)
    add(
        conn.execute(
            select(c.unit_id, c.procedure_id, *(func.sum(c[n]) for n in COUNTS))
            .where(*where)
            .group_by(c.unit_id, c.procedure_id)
        )
    )
    for low, high in ((start, first_day * DAY - offset), (end_day * DAY - offset, end)):
        if low < high:
            add(conn.execute(_counts_select(offset, low, high, unit_id, by_day=False)))
    return totals
