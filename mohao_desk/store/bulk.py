"""Bulk writers for large imports and demo data: plain tuples through ``executemany``.

Column orders are fixed here; callers build tuples in the same order. Moments are epoch seconds.
The SQL is written with sqlite3's ``?`` placeholders; ``driver_sql`` turns them into psycopg's
``%s`` on PostgreSQL (``ON CONFLICT … DO UPDATE SET … = excluded.…`` is the same on both).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import Connection, func, select

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
    _insert(conn, "counter_refusal", COUNTER_REFUSAL_COLUMNS, rows)


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
