"""Queries of the date-range documents (daily list, register book, explanation report) and of
the period statistics (Biểu số 06/VPCP/KSTT, the Decision 766 indicators).

Rows of the documents carry the columns of ``queries.LIST_COLUMNS`` (so ``Desk.summarize``
turns them into summaries with the one definition of countdown and timeliness), plus what a
document needs. Moments in and out are aware UTC datetimes, like the rest of the store. The
statistics work on the stored integers themselves (UTC epoch seconds): one aggregation over
the dossiers of a period, local days as ``(epoch + offset) // 86400``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Connection,
    Integer,
    and_,
    case,
    exists,
    func,
    literal,
    literal_column,
    or_,
    select,
    type_coerce,
)

from mohao_desk.domain.deadline import MAX_SUPPLEMENT_REQUESTS_ON_TIME
from mohao_desk.domain.lifecycle import Status
from mohao_desk.store import daily_counts
from mohao_desk.store.dialect import MaxFlag, is_postgresql, without_jit
from mohao_desk.store.queries import listing_select, not_digitized_condition
from mohao_desk.store.schema import component, dossier, event, officer, procedure, unit

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
        dossier.c.applicant_address,
        dossier.c.sets_count,
        dossier.c.regime_code,
        dossier.c.book_year,
        dossier.c.book_number,
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


# ------------------------------------------------------------ period statistics
#
# The SQL side of ``domain.statistics.kstt`` (the reference definition, dossier by dossier) and
# of ``domain.statistics.indicator_counts``; ``tests/reports/test_kstt_sql.py`` holds them equal
# on demo data and on crafted edge cases. Each dossier touching the period gets one *class*:
# where it came from (online, direct/postal, carried over) × how it stands at the end (early, on
# time, late, pending within, pending overdue); one GROUP BY counts (unit, procedure, class) and
# an outer one folds procedures into fields. SQLite has no hash aggregation: grouping by one
# small integer key is twice as fast as eleven SUM(CASE …) columns per field (its sorter then
# holds one integer per dossier), 0.9 s instead of 1.8 s over 1,300,000 dossiers.

ORIGINS = ("received_online", "received_direct_postal", "carried_over")
OUTCOMES = ("resolved_early", "resolved_on_time", "resolved_late", "pending_within",
            "pending_overdue")  # fmt: skip
_ONLINE, _DIRECT, _CARRIED = range(3)
_EARLY, _ON_TIME, _LATE, _WITHIN, _OVERDUE = range(5)
_CLASSES = len(ORIGINS) * len(OUTCOMES)  # 15
_KEY = 16  # class < 16: key = (unit_id * procedures_bound + procedure_id) * 16 + class
_DAY = 86_400


def _epoch(col: Any) -> ColumnElement[int]:
    """A moment column as the stored integer (UTC epoch seconds), not a datetime."""
    return type_coerce(col, Integer)


def _seconds(moment: datetime) -> int:
    if moment.tzinfo is None:
        raise ValueError("naive datetime given to the store; attach a time zone first")
    return int(moment.timestamp())


def _touching(start: int, end: int, unit_id: int | None) -> list[ColumnElement[bool]]:
    """Dossiers that touch ``[start, end)``: received before its end and not finished before
    its start (the scope of Biểu 06)."""
    received, finished = _epoch(dossier.c.received_at), _epoch(dossier.c.finished_at)
    where = [received < end, or_(finished.is_(None), finished >= start)]
    if unit_id is not None:
        where.append(dossier.c.unit_id == unit_id)
    return where


def kstt_class(start: int, end: int, offset: int) -> ColumnElement[int]:
    """The class (0–14) of a dossier touching ``[start, end)``: origin * 5 + outcome.

    Outcome, as ``domain.statistics.kstt``: processing ended before ``end`` → late when more
    than one supplement request or after the legal due moment, early when on a local day
    before the due day, otherwise on time; still open at ``end`` → overdue when more than one
    supplement request, or (waiting for a supplement since before ``end``) the pause began
    after the due moment, or (clock running) the due moment is before ``end``."""
    d = dossier.c
    received, due = _epoch(d.received_at), _epoch(d.original_due_at)
    finished, paused = _epoch(d.finished_at), _epoch(d.paused_at)
    repeated = d.supplement_count > MAX_SUPPLEMENT_REQUESTS_ON_TIME
    origin = case((received < start, _CARRIED), (d.channel == "2", _ONLINE), else_=_DIRECT)
    outcome = case(
        (
            finished < end,
            case(
                (or_(repeated, finished > due), _LATE),
                ((finished + offset) // _DAY < (due + offset) // _DAY, _EARLY),
                else_=_ON_TIME,
            ),
        ),
        (repeated, _OVERDUE),
        (paused < end, case((paused > due, _OVERDUE), else_=_WITHIN)),
        (due < end, _OVERDUE),
        else_=_WITHIN,
    )
    return origin * len(OUTCOMES) + outcome


def kstt_counts(
    conn: Connection,
    start: datetime,
    end: datetime,
    offset: int,
    unit_id: int | None = None,
) -> list[tuple[int, str, str, int]]:
    """Biểu 06 counts of ``[start, end)`` as ``(unit_id, field, column, count)`` rows: each
    column (an origin of :data:`ORIGINS` or an outcome of :data:`OUTCOMES`) of each field of
    each unit. ``offset`` is the unit's UTC offset in seconds (local days for "early");
    ``unit_id`` None counts every unit of the database.

    Where the daily counts are kept with this offset (an upstream office), from them and the
    dossiers open at ``end`` (``store/daily_counts.py``); otherwise in one aggregation of the
    dossiers touching the period."""
    s, e = _seconds(start), _seconds(end)
    without_jit(conn)
    if daily_counts.kept_offset(conn) == offset:
        return _kstt_from_daily_counts(conn, s, e, offset, unit_id)
    rows = []
    for u, f, klass, n in _kstt_classes(conn, s, e, offset, unit_id, _touching(s, e, unit_id)):
        origin, outcome = decode_class(klass)
        rows += [(u, f, origin, n), (u, f, outcome, n)]
    return rows


def _kstt_classes(
    conn: Connection,
    s: int,
    e: int,
    offset: int,
    unit_id: int | None,
    where: list[ColumnElement[bool]],
    *,
    by_procedure: bool = False,
) -> list[tuple[int, Any, int, int]]:
    """``(unit_id, field, class, count)`` of the dossiers ``where`` selects, in one
    aggregation (``by_procedure``: the procedure's id instead of its field)."""
    bound = int(conn.execute(select(func.coalesce(func.max(procedure.c.id), 0))).scalar_one()) + 1
    key = (dossier.c.unit_id * bound + dossier.c.procedure_id) * _KEY + kstt_class(s, e, offset)
    inner = select(key.label("k"), func.count().label("n")).where(*where).group_by(key).subquery()
    unit_of = inner.c.k // (bound * _KEY)
    procedure_of = inner.c.k // _KEY % bound
    class_of = inner.c.k % _KEY
    if by_procedure:
        query = select(unit_of, procedure_of, class_of, inner.c.n)
    else:
        query = (
            select(unit_of, procedure.c.field, class_of, func.sum(inner.c.n))
            .select_from(inner.join(procedure, procedure.c.id == procedure_of))
            .group_by(unit_of, procedure.c.field, class_of)
        )
    return [(int(u), f, int(c), int(n)) for u, f, c, n in conn.execute(query)]


def open_span() -> ColumnElement[Any]:
    """PostgreSQL: the moments at which a dossier is open, ``(received, finished]`` (no end
    while it is open; empty for one finished before it was received), as revision 0014's GiST
    index ``ix_dossier_open_span`` holds them: ``open_span() @> e`` is "received before ``e``
    and not finished before it", answered from the index. Written exactly as the index's
    expression, or the planner would not see that the index answers it."""
    d = dossier.c
    received, finished = _epoch(d.received_at), _epoch(d.finished_at)
    upper = case((finished.is_(None), None), else_=func.greatest(finished, received))
    return func.int8range(received, upper, literal_column("'(]'"))


def _kstt_from_daily_counts(
    conn: Connection, s: int, e: int, offset: int, unit_id: int | None
) -> list[tuple[int, str, str, int]]:
    """Biểu 06 from the kept daily counts (see ``store/daily_counts.py`` for why it adds up):
    per unit and procedure, the outcomes of the dossiers finished in the period from the
    counts, those of the dossiers open at its end from ``dossier`` (on the server through
    :func:`open_span`'s index: 55,800 of 10,000,000 dossiers, where scanning the table took
    10.9 s from the disk), the received ones by
    channel from the counts, and carried over = finished + open − received; the dossiers
    finished before they were received one by one."""
    d = dossier.c
    counted = daily_counts.summed(conn, s, e, offset, unit_id)
    received, finished = _epoch(d.received_at), _epoch(d.finished_at)
    open_at_end = [received < e, or_(finished.is_(None), finished >= e)]
    if is_postgresql(conn):
        open_at_end.append(open_span().op("@>")(literal(e, BigInteger)))
    if unit_id is not None:
        open_at_end.append(d.unit_id == unit_id)
    columns: dict[tuple[int, int], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for key, c in counted.items():
        row = columns[key]
        row["received_online"] += c["received_online"]
        row["received_direct_postal"] += c["received_direct"]
        for name in ("resolved_early", "resolved_on_time", "resolved_late"):
            row[name] += c[name]
        row["carried_over"] += (
            c["resolved_early"] + c["resolved_on_time"] + c["resolved_late"]
            - c["received_online"] - c["received_direct"]
        )  # fmt: skip
    open_rows = _kstt_classes(conn, s, e, offset, unit_id, open_at_end, by_procedure=True)
    for u, p, klass, n in open_rows:
        row = columns[(u, int(p))]
        row[decode_class(klass)[1]] += n
        row["carried_over"] += n
    odd = [*_touching(s, e, unit_id), daily_counts.anomalous()]
    for u, p, klass, n in _kstt_classes(conn, s, e, offset, unit_id, odd, by_procedure=True):
        origin, outcome = decode_class(klass)
        row = columns[(u, int(p))]
        row[origin] += n
        row[outcome] += n
    fields = dict(conn.execute(select(procedure.c.id, procedure.c.field)).all())
    merged: dict[tuple[int, str, str], int] = defaultdict(int)
    for (u, p), row in columns.items():
        for name, n in row.items():
            merged[(u, fields[p], name)] += n
    return [(u, f, name, n) for (u, f, name), n in merged.items() if n]


def decode_class(klass: int) -> tuple[str, str]:
    """The (origin column, outcome column) of a class of :func:`kstt_class`."""
    if not 0 <= klass < _CLASSES:
        raise ValueError(f"not a KSTT class: {klass}")
    return ORIGINS[klass // len(OUTCOMES)], OUTCOMES[klass % len(OUTCOMES)]


INDICATOR_FLAGS = (
    "results",
    "results_electronic",
    "results_fully_digitized",
    "received_reused",
    "rated",
    "not_satisfied",
    "received_with_components",
)


def indicator_extra(
    conn: Connection,
    start: datetime,
    end: datetime,
    unit_id: int | None = None,
    offset: int | None = None,
) -> dict[int, dict[str, int]]:
    """Per unit id, the counts of the Decision 766 indicators beyond Biểu 06 over ``[start,
    end)`` (``domain.statistics.indicator_counts``): among dossiers whose processing ended in
    the period with a result (result ready or returned) — all, with an electronic result,
    fully digitized (inputs and the result, an electronic result counting as digitized); among
    those newly received — with component rows, reusing digitized data (a component marked
    reused: one look-up of the dossier's components gives both); among those
    whose processing ended in the period — rated, rated "không hài lòng".

    Each dossier gets one bit per count; one GROUP BY over (unit, bits) counts them (as in
    :func:`kstt_counts`, one small integer per dossier is what SQLite sorts fastest).

    Where the daily counts are kept with ``offset`` (the unit's UTC offset), the sums of the
    period's days, and the dossiers finished before they were received one by one."""
    s, e = _seconds(start), _seconds(end)
    without_jit(conn)
    if offset is not None and daily_counts.kept_offset(conn) == offset:
        counts: dict[int, dict[str, int]] = {}
        for (u, _p), c in daily_counts.summed(conn, s, e, offset, unit_id).items():
            unit_counts = counts.setdefault(u, dict.fromkeys(INDICATOR_FLAGS, 0))
            for name in INDICATOR_FLAGS:
                unit_counts[name] += c[name]
        for u, odd in _indicator_counts(conn, s, e, unit_id, [daily_counts.anomalous()]).items():
            unit_counts = counts.setdefault(u, dict.fromkeys(INDICATOR_FLAGS, 0))
            for name in INDICATOR_FLAGS:
                unit_counts[name] += odd[name]
        return counts
    return _indicator_counts(conn, s, e, unit_id, [])


def _indicator_counts(
    conn: Connection, s: int, e: int, unit_id: int | None, extra: list[ColumnElement[bool]]
) -> dict[int, dict[str, int]]:
    """:func:`indicator_extra` in one aggregation of the dossiers received or finished in
    ``[s, e)`` (and ``extra``)."""
    d = dossier.c
    received, finished = _epoch(d.received_at), _epoch(d.finished_at)
    received_in = and_(received >= s, received < e)
    finished_in = and_(finished >= s, finished < e)
    result = and_(finished_in, d.status.in_([Status.RESULT_READY.value, Status.RETURNED.value]))
    # 0: no component recorded; 64: components, none reused; 72: at least one reused.
    flag = case((MaxFlag(component.c.reused) == 1, 72), else_=64)
    source: Any = dossier
    components: Any
    if is_postgresql(conn):
        # One hash join with the components of the dossiers received in the period, grouped
        # once: a look-up per dossier (as SQLite does best) was 30 ms of a 70 ms query at
        # 1,000,000 dossiers at the upstream office, and grows with the month's dossiers.
        received_d = dossier.alias("received_d")
        received_epoch = _epoch(received_d.c.received_at)
        grouped = (
            select(component.c.dossier_id, flag.label("flag"))
            .select_from(component.join(received_d, received_d.c.id == component.c.dossier_id))
            .where(received_epoch >= s, received_epoch < e)
            .group_by(component.c.dossier_id)
            .subquery("received_components")
        )
        source = dossier.outerjoin(grouped, grouped.c.dossier_id == d.id)
        components = grouped.c.flag
    else:
        components = (
            select(flag)
            .where(component.c.dossier_id == d.id)
            .group_by(component.c.dossier_id)
            .scalar_subquery()
        )
    # One bit per count, in the order of INDICATOR_FLAGS; nested CASEs test each condition
    # once, and the components are looked up only for the dossiers received in the period.
    electronic = d.result_electronic.is_(True)
    digitized = and_(
        d.inputs_digitized.is_(True),
        or_(d.result_digitized.is_(True), d.result_electronic.is_(True)),
    )
    bits = (
        case((result, 1 + case((electronic, 2), else_=0) + case((digitized, 4), else_=0)),
             else_=0)
        + case((received_in, func.coalesce(components, 0)), else_=0)
        + case(
            (
                and_(finished_in, d.rating.is_not(None)),
                16 + case((d.rating == "khong_hai_long", 32), else_=0),
            ),
            else_=0,
        )
    )  # fmt: skip
    flags = 1 << len(INDICATOR_FLAGS)
    key = d.unit_id * flags + bits
    where: list[ColumnElement[bool]] = [or_(received_in, finished_in), *extra]
    if unit_id is not None:
        where.append(d.unit_id == unit_id)
    query = select(key, func.count()).select_from(source).where(*where).group_by(key)
    counts: dict[int, dict[str, int]] = {}
    for k, n in conn.execute(query):
        unit_counts = counts.setdefault(int(k) // flags, dict.fromkeys(INDICATOR_FLAGS, 0))
        for bit, name in enumerate(INDICATOR_FLAGS):
            if int(k) >> bit & 1:
                unit_counts[name] += int(n)
    return counts


def report_facts(
    conn: Connection, start: datetime, end: datetime, unit_id: int | None = None
) -> list[Any]:
    """Everything the reference definitions need of each dossier touching ``[start, end)`` (no
    personal data): for the tests that hold the aggregations equal to the domain, and for a
    unit whose time zone changes its offset within the period."""
    reused = (
        exists()
        .where(component.c.dossier_id == dossier.c.id, component.c.reused.is_(True))
        .label("reused")
    )
    has_components = exists().where(component.c.dossier_id == dossier.c.id).label("components")
    where = [
        dossier.c.received_at < end,
        or_(dossier.c.finished_at.is_(None), dossier.c.finished_at >= start),
    ]
    if unit_id is not None:
        where.append(dossier.c.unit_id == unit_id)
    query = (
        select(
            dossier.c.unit_id,
            procedure.c.field,
            dossier.c.channel,
            dossier.c.received_at,
            dossier.c.original_due_at,
            dossier.c.finished_at,
            dossier.c.supplement_count,
            dossier.c.paused_at,
            dossier.c.status,
            dossier.c.inputs_digitized,
            dossier.c.result_digitized,
            dossier.c.result_electronic,
            has_components,
            reused,
            dossier.c.rating,
        )
        .select_from(dossier.join(procedure, procedure.c.id == dossier.c.procedure_id))
        .where(*where)
    )
    without_jit(conn)
    return list(conn.execute(query))


def units_by_id(conn: Connection) -> dict[int, Any]:
    """Every unit of the database (an upstream database holds many) by id."""
    return {int(r.id): r for r in conn.execute(select(unit).order_by(unit.c.code))}


def overdue_without_apology_by_unit(conn: Connection, now: datetime) -> dict[str, int]:
    """Per unit code: open dossiers overdue now (the overdue list's rule) with no apology."""
    from mohao_desk.store.queries import _overdue_parts

    query = (
        select(unit.c.code, func.count())
        .select_from(dossier.join(unit, unit.c.id == dossier.c.unit_id))
        .where(or_(*_overdue_parts(now)), dossier.c.apology_count == 0)
        .group_by(unit.c.code)
    )
    without_jit(conn)
    return {code: int(n) for code, n in conn.execute(query)}
