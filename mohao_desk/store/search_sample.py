"""PostgreSQL: the sample of search keys from which the search of all dossiers tells how many
keys hold a trigram, or a set of them (``queries._index_patterns``): about
:data:`SAMPLE_ROWS` keys taken by pages (``TABLESAMPLE SYSTEM``, the whole table when it is
small), each with its separators made spaces and a space at each end, as pg_trgm sees its
words. Taken by revision 0013 and again by the import when the table has grown by a twentieth
or the sample is short; a desk (SQLite) never has one.
"""

from __future__ import annotations

from sqlalchemy import Connection, delete, func, select

from mohao_desk.store.dialect import is_postgresql
from mohao_desk.store.schema import search_sample

SAMPLE_ROWS = 20_000
GROWTH = 0.05  # a sample is taken again after the import of this share of the table

_TAKE = (
    "INSERT INTO search_sample (id, words)"
    " SELECT row_number() OVER (), ' ' || regexp_replace(search_key, '[^0-9a-z]+', ' ', 'g')"
    " || ' ' FROM dossier TABLESAMPLE SYSTEM (%s) LIMIT %s"
)


def take(conn: Connection) -> int:
    """Replace the sample by a new one (PostgreSQL; nothing on SQLite); the keys sampled."""
    if not is_postgresql(conn):
        return 0
    rows = table_rows(conn)
    conn.execute(delete(search_sample))
    percent = min(100.0, 100.0 * SAMPLE_ROWS / max(rows, 1.0))
    return conn.exec_driver_sql(_TAKE, (percent, SAMPLE_ROWS)).rowcount


def table_rows(conn: Connection) -> float:
    """The planner's count of dossiers (``reltuples``; 0 before the table was first analysed)."""
    return float(
        conn.exec_driver_sql(
            "SELECT greatest(reltuples, 0) FROM pg_class WHERE oid = 'dossier'::regclass"
        ).scalar_one()
    )


def after_import(conn: Connection, added: int) -> None:
    """Take the sample again if the import added a twentieth of the table (:data:`GROWTH`),
    or the sample is shorter than the table allows (a new office's first imports)."""
    if not is_postgresql(conn) or added <= 0:
        return
    sampled = conn.execute(select(func.count()).select_from(search_sample)).scalar_one()
    rows = max(table_rows(conn), float(added))  # the planner's count lags behind the import
    if added >= GROWTH * max(rows, 1.0) or sampled < min(SAMPLE_ROWS / 2, rows):
        take(conn)
