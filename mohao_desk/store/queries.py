"""Queries: the only place (with db.py and bulk.py) that speaks SQL.

Functions take a SQLAlchemy ``Connection`` inside the caller's transaction and return rows or
plain values; the services turn them into domain objects.
"""

from __future__ import annotations

import functools
import json
import operator
import re
import time
import weakref
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import (
    Connection,
    Row,
    and_,
    bindparam,
    exists,
    func,
    insert,
    literal_column,
    not_,
    or_,
    select,
    table,
    text,
    union_all,
    update,
)

from mohao_desk.domain.audit import subject
from mohao_desk.domain.catalog import ComponentSpec, Procedure, parse_processing_time
from mohao_desk.domain.deadline import MAX_SUPPLEMENT_REQUESTS_ON_TIME, ProcessingTime, TimeUnit
from mohao_desk.domain.lifecycle import OPEN_STATUSES, RUNNING_STATUSES, ApologyRules, Status
from mohao_desk.domain.regimes import FormSpec, LegalRegime
from mohao_desk.domain.text import fold
from mohao_desk.store import audit
from mohao_desk.store import search_sample as search_sample_store
from mohao_desk.store.dialect import (
    NoIndex,
    in_write_transaction,
    is_postgresql,
    planned,
    without_jit,
)
from mohao_desk.store.schema import (
    calendar_override,
    component,
    daily_sequence,
    dossier,
    event,
    legal_regime,
    officer,
    procedure,
    procedure_component,
    search_sample,
    setting,
    unit,
    yearly_sequence,
)

# Statements run at every registration, built once: executing the same statement object again
# skips building it and computing its cache key (a registration's client CPU is what bounds
# eight counters on one server, docs/performance.md).
_SETTING = select(setting.c.value).where(setting.c.key == bindparam("key"))
_OFFICER_BY_USERNAME = select(officer).where(
    officer.c.unit_id == bindparam("unit_id"), officer.c.username == bindparam("username")
)

# ----------------------------------------------------------------- settings


def get_setting(conn: Connection, key: str, default: Any = None) -> Any:
    value = conn.execute(_SETTING, {"key": key}).scalar()
    return default if value is None else json.loads(value)


def put_setting(conn: Connection, key: str, value: Any) -> None:
    encoded = json.dumps(value, ensure_ascii=False)
    audit.touch(conn, subject("setting", key))
    if is_postgresql(conn):  # two PCs saving the same new key at once: one upsert, no race
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        conn.execute(
            pg_insert(setting)
            .values(key=key, value=encoded)
            .on_conflict_do_update(index_elements=[setting.c.key], set_={"value": encoded})
        )
        return
    if conn.execute(select(setting.c.key).where(setting.c.key == key)).first():
        conn.execute(update(setting).where(setting.c.key == key).values(value=encoded))
    else:
        conn.execute(insert(setting).values(key=key, value=encoded))


# -------------------------------------------------------------------- units


def own_unit(conn: Connection) -> Row[Any] | None:
    return conn.execute(select(unit).where(unit.c.is_own.is_(True))).first()


def unit_by_code(conn: Connection, code: str) -> Row[Any] | None:
    return conn.execute(select(unit).where(unit.c.code == code)).first()


def _new_id(result: Any) -> int:
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def insert_unit(conn: Connection, **values: Any) -> int:
    unit_id = _new_id(conn.execute(insert(unit).values(**values)))
    audit.touch(conn, subject("unit", unit_id))
    return unit_id


def update_unit(conn: Connection, unit_id: int, **values: Any) -> None:
    conn.execute(update(unit).where(unit.c.id == unit_id).values(**values))
    audit.touch(conn, subject("unit", unit_id))


# ----------------------------------------------------------------- officers


def insert_officer(conn: Connection, **values: Any) -> int:
    officer_id = _new_id(conn.execute(insert(officer).values(**values)))
    audit.touch(conn, subject("officer", officer_id))
    return officer_id


def officer_by_username(conn: Connection, unit_id: int, username: str) -> Row[Any] | None:
    return conn.execute(_OFFICER_BY_USERNAME, {"unit_id": unit_id, "username": username}).first()


def officer_by_id(conn: Connection, officer_id: int) -> Row[Any] | None:
    return conn.execute(select(officer).where(officer.c.id == officer_id)).first()


def list_officers(conn: Connection, unit_id: int) -> Sequence[Row[Any]]:
    return conn.execute(
        select(officer).where(officer.c.unit_id == unit_id).order_by(officer.c.id)
    ).all()


def update_officer(conn: Connection, officer_id: int, **values: Any) -> None:
    conn.execute(update(officer).where(officer.c.id == officer_id).values(**values))
    audit.touch(conn, subject("officer", officer_id))


# ------------------------------------------------------------------ regimes


def replace_regimes(conn: Connection, regimes: Iterable[LegalRegime]) -> None:
    for regime in regimes:
        audit.touch(conn, subject("regime", regime.code))
        values = {
            "name": regime.name,
            "valid_from": regime.valid_from.isoformat(),
            "valid_to": regime.valid_to.isoformat() if regime.valid_to else None,
            "legal_basis": regime.legal_basis,
            "forms_circular": regime.forms_circular,
            "upstream": regime.upstream,
            "apology_days_before": regime.apology.working_days_before,
            "apology_once_only": regime.apology.once_only,
            "forms": json.dumps(
                {k: {"number": f.number, "title": f.title} for k, f in regime.forms.items()},
                ensure_ascii=False,
            ),
        }
        exists = conn.execute(
            select(legal_regime.c.code).where(legal_regime.c.code == regime.code)
        ).first()
        if exists:
            conn.execute(
                update(legal_regime).where(legal_regime.c.code == regime.code).values(**values)
            )
        else:
            conn.execute(insert(legal_regime).values(code=regime.code, **values))


def load_regimes(conn: Connection) -> list[LegalRegime]:
    regimes = []
    for r in conn.execute(select(legal_regime).order_by(legal_regime.c.valid_from)):
        forms = {k: FormSpec(k, v["number"], v["title"]) for k, v in json.loads(r.forms).items()}
        regimes.append(
            LegalRegime(
                code=r.code,
                name=r.name,
                valid_from=date.fromisoformat(r.valid_from),
                valid_to=date.fromisoformat(r.valid_to) if r.valid_to else None,
                legal_basis=r.legal_basis,
                forms_circular=r.forms_circular,
                upstream=r.upstream,
                apology=ApologyRules(r.apology_days_before, bool(r.apology_once_only)),
                forms=forms,
            )
        )
    return regimes


# ------------------------------------------------------------------ catalog


def procedure_values(p: Procedure, *, active: bool = True) -> dict[str, Any]:
    """A procedure's row, without its code and id."""
    return {
        "name": p.name,
        "name_folded": fold(p.name),
        "field": p.field,
        "time_value": p.time.value,
        "time_unit": p.time.unit.value,
        "cutoff": p.time.cutoff.strftime("%H:%M"),
        "verification_value": p.verification_time.value if p.verification_time else None,
        "verification_unit": (p.verification_time.unit.value if p.verification_time else None),
        "basis": p.basis,
        "note": p.note,
        "active": active,
    }


def upsert_procedures(conn: Connection, procedures: Iterable[Procedure]) -> int:
    """Insert or update procedures by code (their component lists are replaced)."""
    count = 0
    for p in procedures:
        audit.touch(conn, subject("procedure", p.code))
        values = procedure_values(p)
        existing = conn.execute(select(procedure.c.id).where(procedure.c.code == p.code)).scalar()
        if existing is None:
            existing = _new_id(conn.execute(insert(procedure).values(code=p.code, **values)))
        else:
            conn.execute(update(procedure).where(procedure.c.id == existing).values(**values))
            conn.execute(
                procedure_component.delete().where(procedure_component.c.procedure_id == existing)
            )
        if p.components:
            conn.execute(
                insert(procedure_component),
                [
                    {
                        "procedure_id": existing,
                        "position": i,
                        "name": c.name,
                        "kind": c.kind,
                        "quantity": c.count,
                    }
                    for i, c in enumerate(p.components, start=1)
                ],
            )
        count += 1
    return count


class _ComponentRow(NamedTuple):
    name: str
    kind: str
    quantity: int


def _procedure_from_row(row: Any, components: Sequence[Any]) -> Procedure:
    verification = None
    if row.verification_unit:
        verification = ProcessingTime(row.verification_value, TimeUnit(row.verification_unit))
    return Procedure(
        code=row.code,
        name=row.name,
        field=row.field,
        time=parse_processing_time(
            {"value": row.time_value, "unit": row.time_unit, "cutoff": row.cutoff}, row.code
        ),
        basis=row.basis,
        verification_time=verification,
        note=row.note,
        components=tuple(ComponentSpec(c.name, c.kind, c.quantity) for c in components),
    )


# A procedure with its components in one round trip (one row per component, or one row with
# no component).
_PROCEDURE_BY_CODE = (
    select(
        procedure,
        procedure_component.c.id.label("component_id"),
        procedure_component.c.name.label("component_name"),
        procedure_component.c.kind.label("component_kind"),
        procedure_component.c.quantity.label("component_quantity"),
    )
    .select_from(
        procedure.outerjoin(
            procedure_component, procedure_component.c.procedure_id == procedure.c.id
        )
    )
    .where(procedure.c.code == bindparam("code"))
    .order_by(procedure_component.c.position)
)


def procedure_by_code(conn: Connection, code: str) -> tuple[int, Procedure] | None:
    rows = conn.execute(_PROCEDURE_BY_CODE, {"code": code}).all()
    if not rows:
        return None
    comps = [
        _ComponentRow(r.component_name, r.component_kind, r.component_quantity)
        for r in rows
        if r.component_id is not None
    ]
    return rows[0].id, _procedure_from_row(rows[0], comps)


def list_procedures(conn: Connection, active_only: bool = True) -> list[tuple[int, Procedure]]:
    query = select(procedure).order_by(procedure.c.field, procedure.c.name)
    if active_only:
        query = query.where(procedure.c.active.is_(True))
    rows = conn.execute(query).all()
    comps: dict[int, list[Row[Any]]] = {}
    for c in conn.execute(select(procedure_component).order_by(procedure_component.c.position)):
        comps.setdefault(c.procedure_id, []).append(c)
    return [(r.id, _procedure_from_row(r, comps.get(r.id, []))) for r in rows]


# ----------------------------------------------------------------- calendar


def list_overrides(conn: Connection, unit_id: int) -> Sequence[Row[Any]]:
    return conn.execute(
        select(calendar_override)
        .where(calendar_override.c.unit_id == unit_id)
        .order_by(calendar_override.c.day)
    ).all()


def put_override(conn: Connection, unit_id: int, day: date, working: bool, note: str) -> None:
    audit.touch(conn, subject("override", unit_id, day.isoformat()))
    conn.execute(
        calendar_override.delete().where(
            calendar_override.c.unit_id == unit_id, calendar_override.c.day == day.isoformat()
        )
    )
    conn.execute(
        insert(calendar_override).values(
            unit_id=unit_id, day=day.isoformat(), working=working, note=note
        )
    )


def delete_override(conn: Connection, unit_id: int, day: date) -> int:
    audit.touch(conn, subject("override", unit_id, day.isoformat()))
    result = conn.execute(
        calendar_override.delete().where(
            calendar_override.c.unit_id == unit_id, calendar_override.c.day == day.isoformat()
        )
    )
    return int(result.rowcount)


# ---------------------------------------------------------------- sequences


def _bump(conn: Connection, table: Any, keys: dict[str, Any]) -> int:
    """PostgreSQL: the next number of a sequence row in one statement. The upsert locks the
    row until the transaction ends: another PC registering meanwhile waits, then reads the
    committed number (READ COMMITTED), so no two get the same number; a rolled-back
    registration takes its number back with it, so there are no gaps."""
    return int(conn.execute(_bump_statement(table, tuple(keys)), keys).scalar_one())


@functools.cache
def _bump_statement(table: Any, keys: tuple[str, ...]) -> Any:
    """The upsert of :func:`_bump` for a sequence table and its key columns, built once."""
    # Imported here: a SQLite desk's start-up does not pay for PostgreSQL's dialect.
    from sqlalchemy.dialects.postgresql import insert as pg_insert

    return (
        pg_insert(table)
        .values(**{k: bindparam(k) for k in keys}, last=1)
        .on_conflict_do_update(
            index_elements=[table.c[k] for k in keys], set_={"last": table.c["last"] + 1}
        )
        .returning(table.c["last"])
    )


def next_sequence(conn: Connection, unit_id: int, day: date) -> int:
    """The next daily sequence number of a unit (the NNNN of a dossier code)."""
    key = day.isoformat()
    if is_postgresql(conn):
        return _bump(conn, daily_sequence, {"unit_id": unit_id, "day": key})
    last = conn.execute(
        select(daily_sequence.c.last).where(
            daily_sequence.c.unit_id == unit_id, daily_sequence.c.day == key
        )
    ).scalar()
    if last is None:
        conn.execute(insert(daily_sequence).values(unit_id=unit_id, day=key, last=1))
        return 1
    conn.execute(
        update(daily_sequence)
        .where(daily_sequence.c.unit_id == unit_id, daily_sequence.c.day == key)
        .values(last=last + 1)
    )
    return int(last) + 1


def next_yearly(conn: Connection, unit_id: int, kind: str, year: int) -> int:
    """The next number of a yearly sequence ("book": the register book's entries,
    "counter_refusal": the refusal slips at the counter). Inside the caller's write transaction,
    so two desks never get the same number."""
    if is_postgresql(conn):
        return _bump(conn, yearly_sequence, {"unit_id": unit_id, "kind": kind, "year": year})
    where = (
        yearly_sequence.c.unit_id == unit_id,
        yearly_sequence.c.kind == kind,
        yearly_sequence.c.year == year,
    )
    last = conn.execute(select(yearly_sequence.c.last).where(*where)).scalar()
    if last is None:
        conn.execute(insert(yearly_sequence).values(unit_id=unit_id, kind=kind, year=year, last=1))
        return 1
    conn.execute(update(yearly_sequence).where(*where).values(last=last + 1))
    return int(last) + 1


# ----------------------------------------------------------------- dossiers


def insert_dossier(conn: Connection, values: dict[str, Any]) -> int:
    dossier_id = _new_id(conn.execute(insert(dossier).values(**values)))
    audit.touch_dossier(conn, dossier_id)
    return dossier_id


def insert_components(conn: Connection, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(insert(component), rows)
        audit.touch_dossiers(conn, {r["dossier_id"] for r in rows})


def dossier_by_code(conn: Connection, code: str) -> Row[Any] | None:
    """The dossier row. In a write transaction on PostgreSQL it is locked (``FOR UPDATE``)
    until the transaction ends: an act reads the state it changes, and a second PC acting on
    the same dossier meanwhile waits, then reads the state this one left (on SQLite the
    write transaction's lock of the whole file does the same)."""
    query = select(dossier).where(dossier.c.code == code)
    if in_write_transaction(conn) and is_postgresql(conn):
        query = query.with_for_update()
    return conn.execute(query).first()


def update_dossier(conn: Connection, dossier_id: int, values: dict[str, Any]) -> None:
    conn.execute(update(dossier).where(dossier.c.id == dossier_id).values(**values))
    audit.touch_dossier(conn, dossier_id)


def components_of(conn: Connection, dossier_id: int) -> Sequence[Row[Any]]:
    return conn.execute(
        select(component).where(component.c.dossier_id == dossier_id).order_by(component.c.position)
    ).all()


def update_component(conn: Connection, component_id: int, values: dict[str, Any]) -> None:
    dossier_id = conn.execute(
        update(component)
        .where(component.c.id == component_id)
        .values(**values)
        .returning(component.c.dossier_id)
    ).scalar()
    if dossier_id is not None:
        audit.touch_dossier(conn, dossier_id)


def insert_event(
    conn: Connection,
    *,
    dossier_id: int,
    seq: int,
    act: str,
    at: datetime,
    officer_id: int | None,
    status_before: str | None,
    status_after: str,
    data: dict[str, Any],
    recorded_at: datetime,
) -> None:
    conn.execute(
        insert(event).values(
            dossier_id=dossier_id,
            seq=seq,
            act=act,
            at=at,
            officer_id=officer_id,
            status_before=status_before,
            status_after=status_after,
            data=json.dumps(data, ensure_ascii=False, default=str),
            recorded_at=recorded_at,
        )
    )
    audit.touch_event(conn, dossier_id, seq)


def insert_registration(
    conn: Connection,
    dossier_values: dict[str, Any],
    components: list[dict[str, Any]],
    event_values: dict[str, Any],
) -> tuple[int, int]:
    """What a registration writes once it has the day's number: the register book's next
    number (``next_yearly``, kind "book", of the dossier's unit and ``book_year``), the dossier
    with it, its components (``position``, ``name``, ``kind``, ``quantity``) and its first
    event (the arguments of :func:`insert_event`). Returns (dossier id, book number).

    PostgreSQL: one statement, one round trip, instead of five. The day's and the book's
    rows stay locked by this transaction until it commits (every counter needs them): the
    fewer round trips while they are held, the sooner the next counter gets its number."""
    if not is_postgresql(conn):
        book = next_yearly(conn, dossier_values["unit_id"], "book", dossier_values["book_year"])
        dossier_id = insert_dossier(conn, {**dossier_values, "book_number": book})
        insert_components(conn, [{"dossier_id": dossier_id, **c} for c in components])
        insert_event(conn, dossier_id=dossier_id, **event_values)
        return dossier_id, book
    params: dict[str, Any] = {f"d_{k}": v for k, v in dossier_values.items()}
    params.update(
        {
            "c_positions": [c["position"] for c in components],
            "c_names": [c["name"] for c in components],
            "c_kinds": [c["kind"] for c in components],
            "c_quantities": [c["quantity"] for c in components],
            **{f"e_{k}": v for k, v in event_values.items() if k != "data"},
            "e_data": json.dumps(event_values["data"], ensure_ascii=False, default=str),
        }
    )
    row = conn.execute(_registration_statement(tuple(dossier_values)), params).one()
    # What the one statement wrote, noted for the audit chain as the separate writers note it.
    audit.touch_dossier(conn, int(row.id))
    audit.touch_event(conn, int(row.id), event_values["seq"])
    return int(row.id), int(row.book_number)


@functools.cache
def _registration_statement(dossier_keys: tuple[str, ...]) -> Any:
    """PostgreSQL's statement of :func:`insert_registration` for the dossier columns given,
    built once: data-modifying CTEs, each reading what the one before returned."""
    columns = ", ".join(dossier_keys)
    values = ", ".join(f":d_{k}" for k in dossier_keys)
    sql = f"""
WITH book AS (
    INSERT INTO yearly_sequence (unit_id, kind, year, last)
    VALUES (:d_unit_id, 'book', :d_book_year, 1)
    ON CONFLICT (unit_id, kind, year) DO UPDATE SET last = yearly_sequence.last + 1
    RETURNING last
), new_dossier AS (
    INSERT INTO dossier ({columns}, book_number)
    VALUES ({values}, (SELECT last FROM book))
    RETURNING id, book_number
), new_components AS (
    INSERT INTO component (dossier_id, position, name, kind, quantity)
    SELECT new_dossier.id, c.position, c.name, c.kind, c.quantity
    FROM new_dossier, unnest(
        CAST(:c_positions AS INTEGER[]), CAST(:c_names AS TEXT[]),
        CAST(:c_kinds AS VARCHAR[]), CAST(:c_quantities AS INTEGER[])
    ) AS c(position, name, kind, quantity)
), new_event AS (
    INSERT INTO event (dossier_id, seq, act, at, officer_id, status_before, status_after,
                       data, recorded_at)
    VALUES ((SELECT id FROM new_dossier), :e_seq, :e_act, :e_at, :e_officer_id,
            :e_status_before, :e_status_after, :e_data, :e_recorded_at)
)
SELECT id, book_number FROM new_dossier"""
    binds = [bindparam(f"d_{k}", type_=dossier.c[k].type) for k in dossier_keys]
    binds += [bindparam(f"e_{k}", type_=event.c[k].type) for k in ("at", "recorded_at")]
    return text(sql).bindparams(*binds)


def events_of(conn: Connection, dossier_id: int) -> Sequence[Row[Any]]:
    return conn.execute(
        select(
            event,
            officer.c.full_name.label("officer_name"),
            officer.c.phone.label("officer_phone"),
            officer.c.title.label("officer_title"),
        )
        .select_from(event.outerjoin(officer, officer.c.id == event.c.officer_id))
        .where(event.c.dossier_id == dossier_id)
        .order_by(event.c.seq)
    ).all()


def last_event_at(conn: Connection, dossier_id: int) -> datetime | None:
    """The moment of a dossier's last event; None when it has none here (a dossier imported
    from a desk's package carries its counters but not its events)."""
    value = conn.execute(
        select(event.c.at)
        .where(event.c.dossier_id == dossier_id)
        .order_by(event.c.seq.desc())
        .limit(1)
    ).scalar()
    return value if isinstance(value, datetime) else None


def insert_attachment(conn: Connection, values: dict[str, Any]) -> None:
    from mohao_desk.store.schema import attachment

    conn.execute(insert(attachment).values(**values))


def attachment_name(conn: Connection, dossier_id: int, sha: str) -> str | None:
    """The file name under which ``sha`` was digitized for the dossier (the latest), or None."""
    from mohao_desk.store.schema import attachment

    return conn.execute(
        select(attachment.c.file_name)
        .where(attachment.c.dossier_id == dossier_id, attachment.c.sha256 == sha)
        .order_by(attachment.c.id.desc())
        .limit(1)
    ).scalar_one_or_none()


# ------------------------------------------------------------------ listing

RUNNING = tuple(s.value for s in RUNNING_STATUSES)
OPEN = tuple(s.value for s in OPEN_STATUSES)

VIEWS = ("overdue", "due-today", "pending", "all")
# The desk board's views (issue 4): the lists above plus these.
BOARD_VIEWS = (
    "due-today",
    "overdue",
    "overdue-no-apology",
    "waiting",
    "not-digitized",
    "mine",
    "pending",
    "all",
    "not-in-system",  # issue 13: the latest reconciliation's file did not have them
)


def _overdue_parts(now: datetime) -> list[Any]:
    """The SQL side of ``deadline.countdown``'s OVERDUE band for open dossiers (a test checks
    that both agree): past the legal due moment while the clock runs; paused after it had
    passed; or more supplement requests than allowed."""
    return [
        and_(dossier.c.status.in_(RUNNING), dossier.c.original_due_at < now),
        and_(
            dossier.c.status == Status.WAITING_SUPPLEMENT.value,
            dossier.c.paused_at > dossier.c.original_due_at,
        ),
        and_(
            dossier.c.status.in_(OPEN),
            dossier.c.supplement_count > MAX_SUPPLEMENT_REQUESTS_ON_TIME,
        ),
    ]


WITH_RESULT = (Status.RESULT_READY.value, Status.RETURNED.value)


def not_digitized_condition(day_start: datetime, as_of: datetime) -> Any:
    """Chưa số hóa — the one definition (board view and daily list): open dossiers with a
    component not yet digitized; results not digitized that are still at the desk waiting to be
    returned, or were produced between ``day_start`` and ``as_of``. Written as a union of
    index-friendly parts (by status, by finished_at) rather than one OR that scans."""
    missing_input = exists().where(
        component.c.dossier_id == dossier.c.id, component.c.digitized_at.is_(None)
    )
    parts = union_all(
        select(dossier.c.id).where(dossier.c.status.in_(OPEN), missing_input),
        select(dossier.c.id).where(
            dossier.c.status == Status.RESULT_READY.value,
            dossier.c.result_digitized.is_(False),
        ),
        select(dossier.c.id).where(
            dossier.c.finished_at >= day_start,
            dossier.c.finished_at <= as_of,
            # "+status": keep SQLite on the finished_at index (most dossiers are returned).
            NoIndex(dossier.c.status) == Status.RETURNED.value,
            dossier.c.result_digitized.is_(False),
        ),
    )
    return dossier.c.id.in_(parts)


def _view_condition(view: str, now: datetime, day_start: datetime, day_end: datetime) -> Any:
    if view == "overdue":
        return or_(*_overdue_parts(now))
    if view == "due-today":
        # The legal due moment is today, or the date promised after an apology is today. Paused
        # dossiers are not due: their clock is stopped.
        return and_(
            dossier.c.status.in_(RUNNING),
            or_(
                and_(dossier.c.original_due_at >= day_start, dossier.c.original_due_at < day_end),
                and_(
                    dossier.c.apology_count > 0,
                    dossier.c.due_at >= day_start,
                    dossier.c.due_at < day_end,
                ),
            ),
        )
    if view == "pending":
        return dossier.c.status.in_(OPEN)
    if view == "all":
        return None
    if view == "overdue-no-apology":
        return and_(or_(*_overdue_parts(now)), dossier.c.apology_count == 0)
    if view == "waiting":
        return dossier.c.status == Status.WAITING_SUPPLEMENT.value
    if view == "not-digitized":
        return not_digitized_condition(day_start, now)
    if view == "mine":  # the officer's condition is added by the caller
        return dossier.c.status.in_(OPEN)
    if view == "not-in-system":
        from mohao_desk.store.reconcile_queries import missing_condition

        return missing_condition()
    raise ValueError(view)


def count_dossiers(
    conn: Connection, view: str, now: datetime, day_start: datetime, day_end: datetime
) -> int:
    if view in ("overdue", "overdue-no-apology"):
        # Index-friendly counts of disjoint parts rather than one OR that scans.
        parts = _overdue_parts(now)
        extra = [dossier.c.apology_count == 0] if view == "overdue-no-apology" else []
        total = 0
        for n, part in enumerate(parts):
            condition = and_(part, *[not_(p) for p in parts[:n]], *extra)
            total += conn.execute(
                select(func.count()).select_from(dossier).where(condition)
            ).scalar_one()
        return int(total)
    query = select(func.count()).select_from(dossier)
    condition = _view_condition(view, now, day_start, day_end)
    if condition is not None:
        query = query.where(condition)
    return int(conn.execute(query).scalar_one())


LIST_COLUMNS = (
    dossier.c.id,
    dossier.c.code,
    procedure.c.code.label("procedure_code"),
    procedure.c.name.label("procedure_name"),
    procedure.c.field.label("procedure_field"),
    dossier.c.applicant_name,
    dossier.c.applicant_phone,
    dossier.c.channel,
    dossier.c.received_at,
    dossier.c.due_at,
    dossier.c.original_due_at,
    dossier.c.finished_at,
    dossier.c.returned_at,
    dossier.c.paused_at,
    dossier.c.status,
    dossier.c.supplement_count,
    dossier.c.apology_count,
    dossier.c.inputs_digitized,
    dossier.c.result_digitized,
    officer.c.full_name.label("officer_name"),
)


def listing_select(*extra: Any) -> Any:
    """SELECT of :data:`LIST_COLUMNS` (and ``extra``) over dossier, procedure and officer."""
    return select(*LIST_COLUMNS, *extra).select_from(
        dossier.join(procedure, procedure.c.id == dossier.c.procedure_id).outerjoin(
            officer, officer.c.id == dossier.c.officer_id
        )
    )


def list_dossiers(
    conn: Connection,
    view: str,
    now: datetime,
    day_start: datetime,
    day_end: datetime,
    *,
    search: str | None = None,
    limit: int | None = None,
    only_id: int | None = None,
) -> list[Any]:
    query = listing_select()
    condition = _view_condition(view, now, day_start, day_end)
    if condition is not None:
        query = query.where(condition)
    if only_id is not None:
        query = query.where(dossier.c.id == only_id)
    if search:
        query = query.where(*search_conditions(conn, search))
    query = query.order_by(dossier.c.original_due_at, dossier.c.id)
    if limit is not None:
        query = query.limit(limit)
    return list(conn.execute(query).all())


def count_received_between(
    conn: Connection, unit_id: int, start: datetime, end: datetime, last_id: int
) -> int:
    """Dossiers received in ``[start, end]`` up to and including ``last_id`` in receipt order."""
    received = select(dossier.c.received_at).where(dossier.c.id == last_id).scalar_subquery()
    return int(
        conn.execute(
            select(func.count())
            .select_from(dossier)
            .where(
                dossier.c.unit_id == unit_id,
                dossier.c.received_at >= start,
                or_(
                    dossier.c.received_at < received,
                    and_(dossier.c.received_at == received, dossier.c.id <= last_id),
                ),
                dossier.c.received_at <= end,
            )
        ).scalar_one()
    )


_FTS_CACHE: dict[str, bool] = {}


def _has_search_index(conn: Connection) -> bool:
    """SQLite's FTS5 table exists (PostgreSQL's trigram index serves plain LIKE instead)."""
    if is_postgresql(conn):
        return False
    key = str(conn.engine.url)
    if key not in _FTS_CACHE:
        _FTS_CACHE[key] = (
            conn.exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='dossier_fts'"
            ).first()
            is not None
        )
    return _FTS_CACHE[key]


COMMON_MATCHES = 20_000


def _fts_phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _common(conn: Connection, word: str) -> bool:
    """More than COMMON_MATCHES dossiers contain the word (a capped count: a few ms)."""
    return _common_match(conn, _fts_phrase(word))


def _common_match(conn: Connection, match: str) -> bool:
    """More than COMMON_MATCHES dossiers answer the FTS5 query ``match``."""
    found = conn.exec_driver_sql(
        "SELECT count(*) FROM (SELECT rowid FROM dossier_fts WHERE dossier_fts MATCH ? "
        f"LIMIT {COMMON_MATCHES + 1})",
        (match,),
    ).scalar_one()
    return int(found) > COMMON_MATCHES


def _fts_condition(match: str) -> Any:
    return dossier.c.id.in_(
        select(literal_column("rowid"))
        .select_from(table("dossier_fts"))
        .where(text("dossier_fts MATCH :fts_match").bindparams(fts_match=match))
    )


# A whole dossier code as typed and folded: {agency (or its end)}-{yyMMdd}-{NNNN…}.
_WHOLE_CODE = re.compile(r"^([0-9a-z.]+)-(\d{6})-(\d{4,6})$")
MAX_CODE_CANDIDATES = 1000


def _code_candidates(conn: Connection, word: str) -> list[str] | None:
    """PostgreSQL: the codes a dossier must have for its search key to contain ``word``, a
    whole code, or None. The trigram index answers such a word slowly: every code shares the
    trigrams of the province's part ('000', '.22', 'h31'), whose lists grow with the table
    (278–414 ms at 3,000,000 dossiers); the unique code index answers these in a millisecond.

    Only the code part of a search key holds '-' and six digits (names are letters, phones
    digits), so the key contains ``word`` exactly when the code does: the code's agency ends
    with the word's, the day is the word's, and the number starts with the word's (a fifth or
    sixth digit after 9999 a day). Every dossier's code starts with its unit's code and a dash
    (a unit numbers its own; an import refuses a package whose codes do not), so the agencies
    come from the unit table. The ``LIKE`` stays beside this condition: the result is the same."""
    match = _WHOLE_CODE.match(word)
    if match is None:
        return None
    tail, day, number = match.groups()
    agencies = [
        code for (code,) in conn.execute(select(unit.c.code)) if code.lower().endswith(tail)
    ]
    numbers = [number] + [
        f"{number}{n:0{width}d}" for width in range(1, 7 - len(number)) for n in range(10**width)
    ]
    if len(agencies) * len(numbers) > MAX_CODE_CANDIDATES:
        return None
    return [f"{a}-{day}-{n}" for a in agencies for n in numbers]


def search_conditions(conn: Connection, search: str, *, limited: bool = False) -> list[Any]:
    """Diacritic-insensitive search: every word must occur in the folded name, phone digits or
    code. Words of three letters or more go through the FTS5 trigram index when it exists
    (SQLite); on PostgreSQL every word is a ``search_key LIKE '%word%'``, which the GIN
    trigram index of revision 0002 answers (the planner weighs it against the ordered
    indexes itself, so the "common word" steering below is SQLite's only).

    With ``limited`` (the caller wants only the first rows in an indexed order), words found in
    very many dossiers (a common family name, the unit's code prefix) are checked row by row
    instead: scanning the ordered index finds the first matches at once, while the index would
    have to list them all — unless the words are seldom all together."""
    words = fold(search).split()
    conditions: list[Any] = []
    long_words = [w for w in words if len(w) >= 3]
    if long_words and limited and _has_search_index(conn):
        together = " AND ".join(_fts_phrase(w) for w in long_words)
        if len(long_words) == 1 or _common_match(conn, together):
            long_words = [w for w in long_words if not _common(conn, w)]
        # else: common words that are seldom together ("thi" and "hieu"): the index lists the
        # few dossiers that hold them all at once, where walking would read the whole table
    if long_words and _has_search_index(conn):
        conditions.append(_fts_condition(" AND ".join(_fts_phrase(w) for w in long_words)))
        words = [w for w in words if w not in long_words]
    for word in words:
        conditions.append(dossier.c.search_key.contains(word, autoescape=True))
        candidates = _code_candidates(conn, word) if is_postgresql(conn) else None
        if candidates is not None:
            conditions.append(dossier.c.code.in_(candidates))
    return conditions


# PostgreSQL, the newest dossiers whose search key holds every word (the "all" view searched,
# the first ``limit`` matches; see _newest_matching): how many of the newest dossiers the walk
# checks first, and what one match costs the trigram bitmap in dossiers walked (measured at
# 10,000,000 dossiers, warm: ~0.2 µs a dossier walked on the index, ~7 µs a match of the bitmap,
# which reads the match's row and sorts it).
WALK_ROWS = 200_000
BITMAP_MATCH_COST = 35


def _walked(conn: Connection, words: list[str], rows: int, limit: int) -> list[int]:
    """The newest ``limit`` matches among the newest ``rows`` dossiers, checked one by one on
    the receipt index (it holds the search key on the server: the index alone is read); the
    walk stops at the ``limit``-th match."""
    d = dossier.c
    newest = (
        select(d.id, d.received_at, d.search_key)
        .order_by(d.received_at.desc(), d.id.desc())
        .limit(rows)
        .subquery()
    )
    query = (
        select(newest.c.id)
        .where(*(newest.c.search_key.contains(w, autoescape=True) for w in words))
        .order_by(newest.c.received_at.desc(), newest.c.id.desc())
        .limit(limit)
    )
    with planned(conn, "walk"):
        return [r[0] for r in conn.execute(query)]


def _newest_matching(conn: Connection, search: str, limit: int) -> list[int] | None:
    """PostgreSQL: ids of the newest ``limit`` dossiers whose search key holds every word of
    ``search``, newest first, by plans that do not hang on the planner's estimate of how many
    keys contain a fragment (it cannot know: ``0912`` was estimated at 1,000 dossiers of
    10,000,000 and is in 143,000; the plan it chose then took 0.7 s). None for a whole code
    (the code's unique index answers it at once, whatever the planner thinks).

    1. The newest :data:`WALK_ROWS` dossiers are checked one by one: a common word (a family
       name, a phone prefix, a unit's code) has its matches there. (A smaller first look was
       tried: on the benchmark's 100 copies of one desk, 20,000 dossiers are 200 different
       people, too few to tell a common word from a rare one.)
    2. Fewer matches, but dense enough that walking on is cheaper than the bitmap of all the
       matches that density foretells in the table (:data:`BITMAP_MATCH_COST`): the walk again,
       at most twice as far as the density says.
    3. Otherwise (a rare word: a name, an old code's day, a typo), or if the density fell off:
       the trigram index's bitmap of all the matches, sorted.
    The answer is the same whichever step gives it (tests/store/test_search_newest.py).
    """
    words = fold(search).split()
    if not words or any(_WHOLE_CODE.match(w) for w in words):
        return None
    without_jit(conn)  # compiling the bitmap's plan cost more than it saves (~27 ms)
    if _name_run(words):
        # As on SQLite, several words are first a phrase: its trigrams include the words'
        # edges, so a name's bitmap holds its own dossiers, not every "thi" with a "hieu"
        # (3,300 rows instead of 20,300 for "Hồ Thị Hiếu" at 10,000,000: "ho" alone has no
        # trigram); fewer than ``limit`` and the words are looked for wherever they stand.
        ids = _newest_of(conn, [" ".join(words)], limit)
        if len(ids) >= limit:
            return ids
    return _newest_of(conn, words, limit)


def _newest_of(conn: Connection, words: list[str], limit: int) -> list[int]:
    """The three steps of :func:`_newest_matching` for keys that hold every one of ``words``."""
    ids = _walked(conn, words, WALK_ROWS, limit)
    if len(ids) >= limit:
        return ids
    if ids:
        far = -(-2 * limit * WALK_ROWS // len(ids))  # twice the rows the density asks for
        matches = len(ids) / WALK_ROWS * search_sample_store.table_rows(conn)
        if far <= BITMAP_MATCH_COST * matches:
            ids = _walked(conn, words, far, limit)
            if len(ids) >= limit:
                return ids
    d = dossier.c
    patterns = _index_patterns(conn, words)
    if patterns is None:
        conditions = [d.search_key.contains(w, autoescape=True) for w in words]
    else:
        # The index is asked for these patterns only; every word is then checked on the rows
        # it lists (``strpos``: the same test as the LIKE, which the index cannot take).
        conditions = [
            d.search_key.regexp_match(p.text)
            if p.regex
            else d.search_key.contains(p.text, autoescape=True)
            for p in patterns
        ]
        conditions += [func.strpos(d.search_key, w) > 0 for w in words]
    query = select(d.id).where(*conditions).order_by(d.received_at.desc(), d.id.desc()).limit(limit)
    with planned(conn, "bitmap"):
        return [r[0] for r in conn.execute(query)]


# PostgreSQL: how the trigram bitmap is asked (see _index_patterns). The sample of search keys
# (store/search_sample.py) tells how many keys hold each trigram and each set of them; it is
# read again after SAMPLE_SECONDS (an import may have taken a new one). Below
# SAMPLE_RESOLUTION keys of the sample, a set's share is foretold from its parts. What one
# entry of a trigram's list costs the index, and one row it lists costs the table (the row
# read, checked, sorted), measured at 10,000,000 dossiers: ~6 ns, and ~7 µs when the row is
# in the system's file cache (more from the disk).
SAMPLE_SECONDS = 600.0
SAMPLE_RESOLUTION = 10
POSTING_COST = 6e-9
ROW_COST = 7e-6


class _Sample:
    """The sample's keys as read, and for each string looked for, the keys that hold it: byte
    i of an integer's little-endian bytes is 1 when key i does (so ``&`` keeps the keys that
    hold both, and ``bit_count`` counts them)."""

    def __init__(self, keys: list[str]) -> None:
        self.read_at = time.monotonic()
        self.keys = keys
        self.holding: dict[str, int] = {}

    def of(self, test: str) -> int:
        found = self.holding.get(test)
        if found is None:
            found = int.from_bytes(bytes(test in k for k in self.keys), "little")
            self.holding[test] = found
        return found


_samples: weakref.WeakKeyDictionary[Any, _Sample] = weakref.WeakKeyDictionary()


def _sample(conn: Connection) -> _Sample:
    """PostgreSQL: the search's sample of keys (~1 MB), read once per engine for a while."""
    kept = _samples.get(conn.engine)
    if kept is None or time.monotonic() - kept.read_at > SAMPLE_SECONDS:
        kept = _Sample(list(conn.execute(select(search_sample.c.words)).scalars()))
        _samples[conn.engine] = kept
    return kept


class _Pattern(NamedTuple):
    """A pattern the trigram index can answer (``LIKE``, or with ``regex`` a regular
    expression of letters, digits and spaces), and the strings that stand for its trigrams in
    a sampled key (its words between spaces, see store/search_sample.py)."""

    text: str
    tests: tuple[str, ...]
    regex: bool = False


def _patterns(words: list[str]) -> list[_Pattern]:
    """The patterns pg_trgm draws one trigram or two from, each found literally in one of
    ``words`` (so every key that holds the words matches it): a trigram inside a word (``duo``:
    ``LIKE '%duo%'``), a word's end before a separator (``ng ``: ``LIKE '%ng %'``), a word's
    start after a space (`` ha``: ``~ ' ha'``; ``LIKE '% ha%'`` would add ``  h``, in every key
    for the unit's code ``h31``: 10,000,000 entries read for nothing) or after another
    separator (``'%.45%'``: ``  4`` and `` 45``)."""
    found: dict[str, _Pattern] = {}
    for word in words:
        for i in range(len(word) - 2):
            piece = word[i : i + 3]
            if piece.isalnum():
                found.setdefault(piece, _Pattern(piece, (piece,)))
        for match in re.finditer(r"[0-9a-z]+", word):
            start, end, part = match.start(), match.end(), match.group()
            if start > 0 and word[start - 1] == " " and len(part) > 1:  # a word's start
                found.setdefault(" " + part[:2], _Pattern(" " + part[:2], (" " + part[:2],), True))
            elif start > 0:
                like = word[start - 1] + part[:2]
                tests = (" " + part[:1],) + ((" " + part[:2],) if len(part) > 1 else ())
                found.setdefault(like, _Pattern(like, tests))
            if end < len(word) and len(part) > 1:  # a separator after: the word's end
                like = part[-2:] + word[end]
                found.setdefault(like, _Pattern(like, (part[-2:] + " ",)))
    return list(found.values())


def _index_patterns(conn: Connection, words: list[str]) -> list[_Pattern] | None:
    """PostgreSQL: the patterns the trigram index is asked for, instead of all the
    trigrams of ``words``; None to ask for them all (no pattern; no sample yet).

    A Vietnamese name is made of a few hundred common syllables: the trigrams of "duong huu
    ha" (``duo``, ``ng ``, ``  h``, …) have posting lists of millions at 10,000,000 dossiers
    (``  h``: every key, for the unit's code ``h31``), and the index reads them all: 246 ms of
    CPU to list 2,730 rows. Each list costs its length (:data:`POSTING_COST`), each row it
    leaves costs the table (:data:`ROW_COST`); from the sample, patterns are taken one by one
    while the one that lowers the sum most still lowers it. The rows listed are then checked
    whole, so the answer is the same whichever patterns are taken."""
    patterns = _patterns(words)
    if not patterns:
        return None
    sample = _sample(conn)
    sampled = len(sample.keys)
    if not sampled:
        return None
    tests = sorted({t for p in patterns for t in p.tests})
    bits = {t: sample.of(t) for t in tests}
    share = {t: bits[t].bit_count() / sampled for t in tests}

    def holding(held: list[str]) -> int:  # keys of the sample that hold every one of them
        return functools.reduce(operator.and_, (bits[t] for t in held)).bit_count()

    # Per key of the table: the lists read, then the rows they leave.
    chosen: list[_Pattern] = []
    held: set[str] = set()
    reading, listed, cost = 0.0, 1.0, float("inf")
    while True:
        best: tuple[float, float, float, _Pattern] | None = None
        for p in patterns:
            if p in chosen:
                continue
            more = [t for t in p.tests if t not in held]
            read = reading + POSTING_COST * sum(share[t] for t in more)
            keys = holding([*held, *p.tests])
            if keys >= SAMPLE_RESOLUTION:
                left = keys / sampled
            else:  # too few keys in the sample to tell: as if the tests were independent
                left = listed
                for t in more:
                    left *= max(share[t], 0.5 / sampled)
            total = read + ROW_COST * left
            if best is None or total < best[0]:
                best = (total, read, left, p)
        if best is None or best[0] >= cost:
            break
        cost, reading, listed = best[0], best[1], best[2]
        held.update(best[3].tests)
        chosen.append(best[3])
    return chosen


def _name_run(words: list[str]) -> bool:
    """Several words of letters only: maybe a run of a name, worth a try as one phrase. A word
    with a digit or a dot (a phone, a unit's code, which the upstream window puts before the
    words typed) is never beside a name's word in a search key ("name phone code")."""
    return len(words) > 1 and all(w.isalpha() for w in words)


def _phrase_conditions(conn: Connection, search: str) -> list[Any] | None:
    """SQLite: several words typed together ("nguyen van an") are most often a run of the name:
    as one phrase the FTS5 index answers them at once even when each word alone is common (and
    would be checked row by row). None when that does not apply: one word, no index, or a
    phrase itself common. The phrase's dossiers are some of those that hold every word; the
    caller looks for the others when they are fewer than it wants."""
    words = fold(search).split()
    if not _name_run(words) or not _has_search_index(conn):
        return None
    phrase = " ".join(words)
    if _common(conn, phrase):
        return None
    short = [w for w in words if len(w) < 3]  # inside the phrase, but FTS5 needs 3 letters
    return [
        _fts_condition(_fts_phrase(phrase)),
        *(dossier.c.search_key.contains(w, autoescape=True) for w in short),
    ]


def board_ids(
    conn: Connection,
    view: str,
    now: datetime,
    day_start: datetime,
    day_end: datetime,
    *,
    search: str | None = None,
    officer_id: int | None = None,
    limit: int | None = None,
) -> list[int]:
    """Ids of a board view in board order: open views by legal due moment, "all" newest first."""
    query = select(dossier.c.id)
    condition = _view_condition(view, now, day_start, day_end)
    if condition is not None:
        query = query.where(condition)
    if officer_id is not None:
        query = query.where(dossier.c.officer_id == officer_id)
    if (
        search
        and view == "all"
        and limit is not None
        and officer_id is None
        and is_postgresql(conn)
    ):
        newest = _newest_matching(conn, search, limit)
        if newest is not None:
            return newest
    if view == "all":
        query = query.order_by(dossier.c.received_at.desc(), dossier.c.id.desc())
    else:
        query = query.order_by(dossier.c.original_due_at, dossier.c.id)
    if limit is not None:
        query = query.limit(limit)
    if search and limit is not None:
        phrase = _phrase_conditions(conn, search)
        if phrase is not None:
            ids = [r[0] for r in conn.execute(query.where(*phrase))]
            if len(ids) >= limit:
                return ids  # enough, and the words stand together in them
            # Fewer: the dossiers whose words stand apart ("tran trang" for Trần Thị Trang)
            # count too; the search of every word finds them with these.
    if search:
        query = query.where(*search_conditions(conn, search, limited=limit is not None))
    return [r[0] for r in conn.execute(query)]


def rows_by_ids(conn: Connection, ids: Sequence[int]) -> list[Any]:
    """List rows (as :data:`LIST_COLUMNS`) of the given dossiers, in the given order."""
    if not ids:
        return []
    query = listing_select().where(dossier.c.id.in_(list(ids)))
    found = {r.id: r for r in conn.execute(query)}
    return [found[i] for i in ids if i in found]


def running_due_between(conn: Connection, low: datetime, high: datetime) -> list[Any]:
    """Running dossiers (the clock ticks) whose legal due moment lies in ``[low, high]``."""
    query = select(dossier.c.code, dossier.c.original_due_at, dossier.c.supplement_count).where(
        dossier.c.status.in_(RUNNING),
        dossier.c.original_due_at >= low,
        dossier.c.original_due_at <= high,
    )
    return list(conn.execute(query))
