"""Bulk writers for large imports and demo data: plain tuples through ``executemany``.

Column orders are fixed here; callers build tuples in the same order. Moments are epoch seconds.
The SQL is written with sqlite3's ``?`` placeholders; ``driver_sql`` turns them into psycopg's
``%s`` on PostgreSQL (``ON CONFLICT … DO UPDATE SET … = excluded.…`` is the same on both).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, func, select

from mohao_desk.domain import audit as chain
from mohao_desk.domain.audit import subject
from mohao_desk.store import audit
from mohao_desk.store.dialect import driver_sql, is_postgresql
from mohao_desk.store.schema import component, daily_sequence, dossier, event, yearly_sequence

DOSSIER_COLUMNS = (
    "id", "code", "unit_id", "procedure_id", "regime_code", "applicant_name",
    "applicant_address", "applicant_phone", "search_key", "channel", "sets_count",
    "received_at", "due_at", "original_due_at", "finished_at", "returned_at", "paused_at",
    "status", "officer_id", "receiver_id", "supplement_count", "apology_count",
    "inputs_digitized", "result_digitized", "result_electronic", "rating", "event_count",
    "updated_at", "book_year", "book_number",
)  # fmt: skip
COMPONENT_COLUMNS = (
    "dossier_id", "position", "name", "kind", "quantity", "digitized_at", "digitized_by",
    "file_name", "sha256", "reused",
)  # fmt: skip
EVENT_COLUMNS = (
    "dossier_id", "seq", "act", "at", "officer_id", "status_before", "status_after", "data",
    "recorded_at",
)  # fmt: skip


# What the dossier table fills in for the columns the bulk writers leave out (the chain hashes
# a dossier's state as the table holds it; tests/services/test_audit.py verifies demo data).
_DOSSIER_DEFAULTS = {"applicant_email": "", "applicant_id_number": "", "verification": False}
_BY_NAME = {name: i for i, name in enumerate(DOSSIER_COLUMNS)}
_STATE_AT = [
    _BY_NAME.get({"officer": "officer_id", "receiver": "receiver_id"}.get(f, f))
    for f in chain.DOSSIER_FIELDS
]
_COMPONENT_AT = [COMPONENT_COLUMNS.index(f) for f in chain.COMPONENT_FIELDS]


def chain_states(
    d_rows: Sequence[tuple], c_rows: Sequence[tuple], e_rows: Sequence[tuple], names: dict
) -> list[audit.State]:
    """The audit chain's state lines of new dossiers from the rows about to be inserted (in
    the column orders above; ``names``: officer id → username), so that nothing is read back:
    each dossier with all its events. Rows are grouped by dossier in id order."""
    components: dict[int, list[list[Any]]] = {}
    for c in c_rows:
        item = [c[i] for i in _COMPONENT_AT]
        by = item[5]
        item[5] = None if by is None else names[by]
        components.setdefault(c[0], []).append(item)
    events: dict[int, list[tuple[Any, ...]]] = {}
    for e in e_rows:
        events.setdefault(e[0], []).append(audit.event_values(e, names))
    states: list[audit.State] = []
    officer_at = chain.DOSSIER_FIELDS.index("officer")
    receiver_at = chain.DOSSIER_FIELDS.index("receiver")
    for d in d_rows:
        values = [
            _DOSSIER_DEFAULTS[f] if at is None else d[at]
            for f, at in zip(chain.DOSSIER_FIELDS, _STATE_AT, strict=True)
        ]
        for at in (officer_at, receiver_at):
            values[at] = None if values[at] is None else names[values[at]]
        state = chain.dossier_state_sha(values, components.get(d[0], []))
        own = events.get(d[0])
        if own:
            states.append((d[0], own[0][0], own[-1][0], chain.events_sha(own), state))
        else:
            states.append((d[0], None, None, None, state))
    return states


def _insert(conn: Connection, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
    if not rows:
        return
    marks = ", ".join("?" * len(columns))
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
    conn.exec_driver_sql(driver_sql(conn, sql), rows)


def catch_up_id_sequence(conn: Connection, table: str) -> None:
    """PostgreSQL: after rows were inserted with their ids given, move the table's id
    sequence past them (SQLite's INTEGER PRIMARY KEY needs nothing: it takes max(id) + 1)."""
    if is_postgresql(conn):
        conn.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"(SELECT COALESCE(max(id), 0) + 1 FROM {table}), false)"
        )


def insert_dossier_rows(conn: Connection, rows: list[tuple]) -> None:
    _insert(conn, dossier.name, DOSSIER_COLUMNS, rows)
    if rows:
        catch_up_id_sequence(conn, dossier.name)


COUNTER_REFUSAL_COLUMNS = (
    "unit_id", "year", "number", "regime_code", "procedure_id", "applicant_name",
    "applicant_address", "applicant_phone", "applicant_email", "channel", "reason", "officer_id",
    "at", "recorded_at",
)  # fmt: skip


def insert_counter_refusal_rows(conn: Connection, rows: list[tuple]) -> None:
    if not rows:
        return
    before = conn.exec_driver_sql("SELECT COALESCE(max(id), 0) FROM counter_refusal").scalar()
    _insert(conn, "counter_refusal", COUNTER_REFUSAL_COLUMNS, rows)
    ids = conn.exec_driver_sql(
        driver_sql(conn, "SELECT id FROM counter_refusal WHERE id > ?"), (before,)
    ).scalars()
    audit.touch_many(conn, (subject("counter_refusal", i) for i in ids))


def insert_component_rows(conn: Connection, rows: list[tuple]) -> None:
    _insert(conn, component.name, COMPONENT_COLUMNS, rows)


def insert_event_rows(conn: Connection, rows: list[tuple]) -> None:
    _insert(conn, event.name, EVENT_COLUMNS, rows)


def max_dossier_id(conn: Connection) -> int:
    return int(conn.execute(select(func.coalesce(func.max(dossier.c.id), 0))).scalar_one())


def daily_sequences(conn: Connection, unit_id: int) -> dict[str, int]:
    rows = conn.execute(
        select(daily_sequence.c.day, daily_sequence.c.last).where(
            daily_sequence.c.unit_id == unit_id
        )
    )
    return {r.day: r.last for r in rows}


def store_daily_sequences(conn: Connection, unit_id: int, values: dict[str, int]) -> None:
    if not values:
        return
    conn.exec_driver_sql(
        driver_sql(
            conn,
            "INSERT INTO daily_sequence (unit_id, day, last) VALUES (?, ?, ?) "
            "ON CONFLICT(unit_id, day) DO UPDATE SET last = excluded.last",
        ),
        [(unit_id, day, last) for day, last in values.items()],
    )


def yearly_sequences(conn: Connection, unit_id: int, kind: str) -> dict[int, int]:
    rows = conn.execute(
        select(yearly_sequence.c.year, yearly_sequence.c.last).where(
            yearly_sequence.c.unit_id == unit_id, yearly_sequence.c.kind == kind
        )
    )
    return {int(r.year): int(r.last) for r in rows}


def store_yearly_sequences(
    conn: Connection, unit_id: int, kind: str, values: dict[int, int]
) -> None:
    if not values:
        return
    conn.exec_driver_sql(
        driver_sql(
            conn,
            "INSERT INTO yearly_sequence (unit_id, kind, year, last) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(unit_id, kind, year) DO UPDATE SET last = excluded.last",
        ),
        [(unit_id, kind, year, last) for year, last in values.items()],
    )


@contextmanager
def search_index_suspended(conn: Connection, first_id: int) -> Iterator[None]:
    """Bulk inserts without the per-row search-index triggers: they are dropped for the block
    and put back (with the new rows indexed in one statement) inside the same transaction,
    so a failure rolls everything back, triggers included. ~7× faster than the triggers.

    PostgreSQL keeps its GIN trigram index itself (no triggers): nothing to suspend."""
    if is_postgresql(conn):
        yield
        return
    triggers = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'dossier' "
        "AND name LIKE 'dossier_fts_%'"
    ).all()
    for name, _ in triggers:
        conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    yield
    for _, sql in triggers:
        conn.exec_driver_sql(sql)
    if triggers:
        conn.exec_driver_sql(
            "INSERT INTO dossier_fts(rowid, search_key) "
            "SELECT id, search_key FROM dossier WHERE id >= ?",
            (first_id,),
        )
