"""What differs between the two databases (SQLite, PostgreSQL), for the store's own modules.

The rest of the program never asks which database it talks to: every difference stays inside
``mohao_desk/store/`` (docs/architecture.md, "Two databases", lists them and says why).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Integer
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal

# Execution option set by ``Database.begin()`` on its connection: this is a write transaction
# (SQLite: BEGIN IMMEDIATE; PostgreSQL: the rows an act reads are locked FOR UPDATE).
WRITE_OPTION = "mohao_immediate"


def is_postgresql(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def in_write_transaction(conn: Connection) -> bool:
    return bool(conn.get_execution_options().get(WRITE_OPTION))


def without_jit(conn: Connection) -> None:
    """PostgreSQL: no JIT compilation for the rest of this transaction. The statistics'
    aggregations are planned as expensive enough for LLVM to compile their CASE expressions,
    which cost more than it saved: 244 ms of compiling in a 366 ms query of the indicators
    (1,000,000 dossiers); 128 ms without. Nothing to do on SQLite."""
    if is_postgresql(conn):
        conn.exec_driver_sql("SET LOCAL jit = off")


# The plans :func:`planned` can insist on, as the PostgreSQL planner settings that leave only
# them: walking an ordered index (its scan, backwards or not), or a bitmap of an index's matches.
_PLANS = {
    "walk": ("enable_bitmapscan", "enable_seqscan"),
    "bitmap": ("enable_indexscan", "enable_indexonlyscan", "enable_seqscan"),
}


@contextmanager
def planned(conn: Connection, plan: str) -> Iterator[None]:
    """PostgreSQL: the statements inside plan as ``plan`` ("walk" or "bitmap"), whatever the
    planner estimates; the settings are back as they were after them (``set_config`` local to
    the transaction: an error, which ends it, ends them too). For a choice the store makes
    itself where the planner's estimate is known to be blind (the share of search keys that
    contain a fragment). Nothing to do on SQLite."""
    if not is_postgresql(conn):
        yield
        return
    names = _PLANS[plan]
    before = conn.exec_driver_sql(
        "SELECT " + ", ".join(f"current_setting('{name}')" for name in names)
    ).one()
    conn.exec_driver_sql("SELECT " + ", ".join(f"set_config('{n}', 'off', true)" for n in names))
    yield  # an error inside ends the transaction, and with it the settings
    conn.exec_driver_sql(
        "SELECT "
        + ", ".join(f"set_config('{n}', '{v}', true)" for n, v in zip(names, before, strict=True))
    )


def driver_sql(conn: Connection, sql: str) -> str:
    """Raw SQL written with ``?`` placeholders (sqlite3's), for the connection's driver:
    unchanged on SQLite, ``%s`` for psycopg (and a literal ``%`` doubled)."""
    if conn.dialect.paramstyle == "qmark":
        return sql
    return sql.replace("%", "%%").replace("?", "%s")


class NoIndex(ColumnElement[Any]):
    """A column that SQLite must not answer through an index (``+column``, SQLite's way of
    steering its planner); PostgreSQL plans by statistics and has no unary ``+`` on text."""

    inherit_cache = True
    _traverse_internals = [("column", InternalTraversal.dp_clauseelement)]  # noqa: RUF012

    def __init__(self, column: ColumnElement[Any]) -> None:
        self.column = column
        self.type = column.type


@compiles(NoIndex)
def _no_index_default(element: NoIndex, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.column, **kw))


@compiles(NoIndex, "sqlite")
def _no_index_sqlite(element: NoIndex, compiler: Any, **kw: Any) -> str:
    return "+" + str(compiler.process(element.column, **kw))


class MaxFlag(ColumnElement[Any]):
    """``max()`` of a boolean column as 0/1: SQLite stores booleans as integers; PostgreSQL has
    no ``max(boolean)``, so its flag is cast to an integer first."""

    inherit_cache = True
    _traverse_internals = [("column", InternalTraversal.dp_clauseelement)]  # noqa: RUF012

    def __init__(self, column: ColumnElement[Any]) -> None:
        self.column = column
        self.type = Integer()


@compiles(MaxFlag)
def _max_flag_default(element: MaxFlag, compiler: Any, **kw: Any) -> str:
    return f"max(CAST({compiler.process(element.column, **kw)} AS INTEGER))"


@compiles(MaxFlag, "sqlite")
def _max_flag_sqlite(element: MaxFlag, compiler: Any, **kw: Any) -> str:
    return f"max({compiler.process(element.column, **kw)})"
