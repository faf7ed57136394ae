"""What differs between the two databases (SQLite, PostgreSQL), for the store's own modules.

The rest of the program never asks which database it talks to: every difference stays inside
``mohao_desk/store/`` (docs/architecture.md, "Two databases", lists them and says why).
"""

from __future__ import annotations

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
