"""The dossier lists of the command line read with Python's own ``sqlite3``, without
SQLAlchemy: the read path of ``mohao-desk list`` (its counts, and its rows for the table, the
JSON and the CSV) on a SQLite file at the current schema revision.

Importing SQLAlchemy costs more than the whole of such a command's SQL (~160 ms against ~7 ms
for the overdue count of 200,000 dossiers, docs/performance.md "Issue 14"). This module runs
the SAME statements as ``queries.count_dossiers`` and ``queries.list_dossiers`` (the text that
SQLAlchemy sends, parameters included: ``tests/cli/test_list_fast_path.py`` compares the two
traces) and returns plain tuples in the order of ``queries.LIST_COLUMNS``, moments as the
stored integers (UTC epoch seconds): the services convert them in bulk.

The file is opened as ``store/db.py`` opens it (the same probe of its revision first, the same
pragmas on the connection, the same plain ``BEGIN`` of a read, the same messages when it
cannot be read), and only when that opening would neither migrate nor refuse it:
:func:`open_current` gives None for anything else (a missing, empty, foreign, older or newer
file), and the caller opens it through ``store/db.py``, which says what is wrong or backs it up
and migrates it as before. PostgreSQL is never read here.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from mohao_desk.domain.deadline import MAX_SUPPLEMENT_REQUESTS_ON_TIME
from mohao_desk.domain.lifecycle import OPEN_STATUSES, RUNNING_STATUSES, Status
from mohao_desk.domain.text import fold
from mohao_desk.store.gate import (
    SCHEMA_HEAD,
    USER_VERSION,
    _damaged,
    _damaged_error,
    file_error,
    probe,
    set_pragmas,
)

# As store/queries.py builds them (the same iteration of the same sets: the same order).
RUNNING = tuple(s.value for s in RUNNING_STATUSES)
OPEN = tuple(s.value for s in OPEN_STATUSES)
VIEWS = ("overdue", "due-today", "pending", "all")

# queries.listing_select(), as SQLAlchemy renders it for SQLite.
LIST_SELECT = (
    "SELECT dossier.id, dossier.code, procedure.code AS procedure_code, procedure.name AS "
    "procedure_name, procedure.field AS procedure_field, dossier.applicant_name, "
    "dossier.applicant_phone, dossier.channel, dossier.received_at, dossier.due_at, "
    "dossier.original_due_at, dossier.finished_at, dossier.returned_at, dossier.paused_at, "
    "dossier.status, dossier.supplement_count, dossier.apology_count, dossier.inputs_digitized, "
    "dossier.result_digitized, officer.full_name AS officer_name \n"
    "FROM dossier JOIN procedure ON procedure.id = dossier.procedure_id LEFT OUTER JOIN officer "
    "ON officer.id = dossier.officer_id"
)
_ORDER = " ORDER BY dossier.original_due_at, dossier.id"
_COUNT = "SELECT count(*) AS count_1 \nFROM dossier"
_FTS = "dossier.id IN (SELECT rowid \nFROM dossier_fts \nWHERE dossier_fts MATCH ?)"
_LIKE = "(dossier.search_key LIKE '%' || ? || '%' ESCAPE '/')"
_HAS_FTS = "SELECT 1 FROM sqlite_master WHERE type='table' AND name='dossier_fts'"
_UNIT = (
    "SELECT unit.id, unit.code, unit.name, unit.parent_name, unit.place_name, unit.timezone, "
    "unit.office_hours, unit.is_own, unit.created_at \nFROM unit \nWHERE unit.is_own IS 1"
)
_SETTING = 'SELECT setting.value \nFROM setting \nWHERE setting."key" = ?'
_OVERRIDES = (
    "SELECT calendar_override.id, calendar_override.unit_id, calendar_override.day, "
    "calendar_override.working, calendar_override.note \nFROM calendar_override \n"
    "WHERE calendar_override.unit_id = ? ORDER BY calendar_override.day"
)


def _marks(values: Sequence[Any]) -> str:
    return "(" + ", ".join("?" * len(values)) + ")"


def _overdue_parts(now: int) -> list[tuple[str, tuple[Any, ...]]]:
    """queries._overdue_parts: (SQL, parameters) of each part."""
    return [
        (
            f"dossier.status IN {_marks(RUNNING)} AND dossier.original_due_at < ?",
            (*RUNNING, now),
        ),
        (
            "dossier.status = ? AND dossier.paused_at > dossier.original_due_at",
            (Status.WAITING_SUPPLEMENT.value,),
        ),
        (
            f"dossier.status IN {_marks(OPEN)} AND dossier.supplement_count > ?",
            (*OPEN, MAX_SUPPLEMENT_REQUESTS_ON_TIME),
        ),
    ]


def _view_condition(
    view: str, now: int, day_start: int, day_end: int
) -> tuple[str, tuple[Any, ...], bool] | None:
    """queries._view_condition of the command line's views: (SQL, parameters, whether it is
    an OR that SQLAlchemy puts in parentheses beside another condition), or None ("all")."""
    if view == "overdue":
        parts = _overdue_parts(now)
        return (
            " OR ".join(sql for sql, _ in parts),
            tuple(p for _, params in parts for p in params),
            True,
        )
    if view == "due-today":
        return (
            f"dossier.status IN {_marks(RUNNING)} AND (dossier.original_due_at >= ? AND "
            "dossier.original_due_at < ? OR dossier.apology_count > ? AND dossier.due_at >= ? "
            "AND dossier.due_at < ?)",
            (*RUNNING, day_start, day_end, 0, day_start, day_end),
            False,
        )
    if view == "pending":
        return f"dossier.status IN {_marks(OPEN)}", OPEN, False
    if view == "all":
        return None
    raise ValueError(view)


def _fts_phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _like_escaped(word: str) -> str:
    """SQLAlchemy's ``contains(word, autoescape=True)``: '/' escapes itself, '%' and '_'."""
    return word.replace("/", "//").replace("%", "/%").replace("_", "/_")


class PlainReader:
    """One SQLite desk file, opened with plain ``sqlite3`` as ``store/db.py`` opens it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._fts: bool | None = None

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A read transaction (one snapshot), as ``Database.read``: failures become the same
        messages."""
        try:
            if self._conn is None:
                conn = sqlite3.connect(str(self.path))
                try:
                    set_pragmas(conn, None)
                except BaseException:
                    conn.close()
                    raise
                self._conn = conn
            conn = self._conn
            conn.execute("BEGIN")
            try:
                yield conn
            except BaseException:
                conn.rollback()
                raise
            conn.commit()
        except sqlite3.OperationalError as exc:
            raise file_error(self.path, exc) from None
        except sqlite3.DatabaseError as exc:
            if not _damaged(exc):
                raise
            raise _damaged_error(self.path) from None
        except UnicodeDecodeError:  # a text value on a damaged page
            raise _damaged_error(self.path) from None

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    # ------------------------------------------------------ inside read()
    @staticmethod
    def own_unit(conn: sqlite3.Connection) -> tuple[Any, ...] | None:
        """queries.own_unit: (id, code, name, parent_name, place_name, timezone, office_hours,
        is_own, created_at) of the desk's own unit."""
        row: tuple[Any, ...] | None = conn.execute(_UNIT).fetchone()
        return row

    @staticmethod
    def setting(conn: sqlite3.Connection, key: str) -> str | None:
        """The stored JSON text of a setting (queries.get_setting decodes it), or None."""
        row = conn.execute(_SETTING, (key,)).fetchone()
        return None if row is None else row[0]

    @staticmethod
    def overrides(conn: sqlite3.Connection, unit_id: int) -> list[tuple[Any, ...]]:
        """queries.list_overrides: (id, unit_id, day, working, note), by day."""
        return conn.execute(_OVERRIDES, (unit_id,)).fetchall()

    @staticmethod
    def count(conn: sqlite3.Connection, view: str, now: int, day_start: int, day_end: int) -> int:
        """queries.count_dossiers of a command-line view (moments as epoch seconds)."""
        if view == "overdue":
            parts = _overdue_parts(now)
            total = 0
            for n, (sql, params) in enumerate(parts):
                earlier = parts[:n]
                where = " AND ".join(
                    [sql, *(f"NOT ({s})" for s, _ in earlier)]
                )  # and_(part, not_(p) ...)
                values = (*params, *(p for _, ps in earlier for p in ps))
                total += conn.execute(f"{_COUNT} \nWHERE {where}", values).fetchone()[0]
            return int(total)
        condition = _view_condition(view, now, day_start, day_end)
        if condition is None:
            return int(conn.execute(_COUNT).fetchone()[0])
        sql, params, _ = condition
        return int(conn.execute(f"{_COUNT} \nWHERE {sql}", params).fetchone()[0])

    def rows(
        self,
        conn: sqlite3.Connection,
        view: str,
        now: int,
        day_start: int,
        day_end: int,
        *,
        search: str | None = None,
        limit: int | None = None,
    ) -> list[tuple[Any, ...]]:
        """queries.list_dossiers of a command-line view: tuples in the order of
        ``queries.LIST_COLUMNS``, moments as stored (UTC epoch seconds, or None)."""
        where: list[str] = []
        params: list[Any] = []
        condition = _view_condition(view, now, day_start, day_end)
        searched = self._search_conditions(conn, search) if search else []
        if condition is not None:
            sql, values, is_or = condition
            where.append(f"({sql})" if is_or and searched else sql)
            params.extend(values)
        for sql, values in searched:
            where.append(sql)
            params.extend(values)
        text = LIST_SELECT
        if where:
            text += " \nWHERE " + " AND ".join(where)
        text += _ORDER
        if limit is not None:
            text += "\n LIMIT ? OFFSET ?"
            params.extend((limit, 0))
        return conn.execute(text, params).fetchall()

    def _search_conditions(
        self, conn: sqlite3.Connection, search: str
    ) -> list[tuple[str, tuple[Any, ...]]]:
        """queries.search_conditions (not ``limited``) on SQLite: the words of three letters or
        more through the FTS5 trigram index when it exists, the others (all, without it) as
        ``LIKE`` on the search key."""
        words = fold(search).split()
        conditions: list[tuple[str, tuple[Any, ...]]] = []
        long_words = [w for w in words if len(w) >= 3]
        if long_words and self._has_search_index(conn):
            match = " AND ".join(_fts_phrase(w) for w in long_words)
            conditions.append((_FTS, (match,)))
            words = [w for w in words if w not in long_words]
        for word in words:
            conditions.append((_LIKE, (_like_escaped(word),)))
        return conditions

    def _has_search_index(self, conn: sqlite3.Connection) -> bool:
        if self._fts is None:
            self._fts = conn.execute(_HAS_FTS).fetchone() is not None
        return self._fts


def open_current(path: Path) -> PlainReader | None:
    """The SQLite file at ``path`` for reading here, when ``store.db.open_database(path,
    create=False)`` would open it as it is (a mohao_desk database at the current revision,
    written by no newer program): None otherwise, and for a path that is no file. The
    revision is read by the same probe (which raises the same messages for a file that is no
    SQLite database, a damaged or an unreadable one); nothing is opened for writing before
    the connection that ``store/db.py`` would open too."""
    try:
        if not path.is_file():
            return None
    except OSError:
        return None
    revision, user_version, foreign = probe(path)
    if foreign or revision != SCHEMA_HEAD or user_version > USER_VERSION:
        return None
    return PlainReader(path)
