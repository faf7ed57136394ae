"""The SQLite file's gate without SQLAlchemy: the schema revisions, the probe of a file's
revision before anything opens it, the connection's pragmas and the messages of a database that
cannot be opened or read. ``store/db.py`` opens databases with these; ``store/plain.py`` (the
plain ``sqlite3`` read path of the command line's listings) uses the same ones, so that both
refuse a file with the same words and set the same pragmas.
"""

from __future__ import annotations

import errno
import os
import re
import sqlite3
from pathlib import Path

from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.os_errors import os_error

# Every migration revision in order; the last is the head. tests/store/test_migrations.py checks
# this list against Alembic's script directory.
SCHEMA_REVISIONS: tuple[str, ...] = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
    "0010",
    "0011",
    "0012",
    "0013",
    "0014",
)
SCHEMA_HEAD = SCHEMA_REVISIONS[-1]
USER_VERSION = len(SCHEMA_REVISIONS)
# How long a writer waits for another desk's transaction before giving up with a message.
BUSY_TIMEOUT_MS = 5000
# A ``--db`` that is a server URL rather than a file path (``postgresql://`` is taken as
# ``postgresql+psycopg://``, the one driver the program ships).
_SERVER_URL = re.compile(r"^postgres(ql)?(\+\w+)?://")


class DatabaseError(DeskError):
    """The database cannot be opened or used."""


def is_server_url(target: Path | str) -> bool:
    """A ``--db`` value naming a PostgreSQL server rather than a SQLite file."""
    return isinstance(target, str) and _SERVER_URL.match(target) is not None


def _damaged(exc: BaseException) -> bool:
    """SQLite found a damaged page (a bad sector, a half-copied file)."""
    text = str(getattr(exc, "orig", exc)).lower()
    return isinstance(exc, UnicodeDecodeError) or "malformed" in text or "not a database" in text


def _damaged_error(path: Path | str) -> DatabaseError:
    return DatabaseError(
        "Cơ sở dữ liệu '{path}' bị hỏng (không đọc được nội dung): hãy khôi phục từ bản sao lưu.",
        path=path,
    )


def file_error(path: Path | str, exc: BaseException) -> DatabaseError:
    """The message of a SQLite failure (or of a server's that has no SQLSTATE of its own), from
    the driver's text."""
    text = str(getattr(exc, "orig", exc) or exc).splitlines()[0] if str(exc) else repr(exc)
    lowered = text.lower()
    if "locked" in lowered or "busy" in lowered:
        return DatabaseError(
            "Cơ sở dữ liệu '{path}' đang bị chương trình khác ghi; hãy thử lại sau ít phút.",
            path=path,
        )
    if "readonly" in lowered or "read-only" in lowered:
        return DatabaseError(
            "Không ghi được cơ sở dữ liệu '{path}': tệp chỉ cho phép đọc.", path=path
        )
    if "unable to open" in lowered:
        return DatabaseError(
            "Không mở được cơ sở dữ liệu '{path}' (kiểm tra quyền truy cập).", path=path
        )
    if "disk" in lowered and "full" in lowered:
        return DatabaseError("Ổ đĩa chứa cơ sở dữ liệu '{path}' đã đầy.", path=path)
    if _damaged(exc):
        return _damaged_error(path)
    return DatabaseError("Lỗi cơ sở dữ liệu '{path}': {text}.", path=path, text=text)


def set_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite would defer it to the first
    # write, after the reads that decided what to write).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def probe(path: Path) -> tuple[str | None, int, bool]:
    """(alembic revision or None, user_version, has foreign tables) of an existing file.

    The file is never opened outside SQLite: closing any descriptor of a file drops every POSIX
    lock this process holds on it (fcntl semantics), so a plain ``open()``/``close()`` beside a
    live connection (a second ``open_database`` in one process) released that connection's
    shared lock; another process closing its own connection then believed it was the last one,
    checkpointed and deleted the WAL, and what this process wrote next went to a deleted file.
    SQLite's own connections share one lock table per file and keep such descriptors open."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DatabaseError(
            "Không mở được cơ sở dữ liệu '{path}': {error}.", path=path, error=os_error(exc)
        ) from None
    if size == 0:
        return None, 0, False
    if not os.access(path, os.R_OK):
        raise DatabaseError(
            "Không mở được cơ sở dữ liệu '{path}': {error}.",
            path=path,
            error=os_error(PermissionError(errno.EACCES, "")),
        )
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            user_version = conn.execute("PRAGMA user_version").fetchone()[0]
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            conn.close()
    except UnicodeDecodeError:  # a table's name on a damaged page of the schema
        raise _damaged_error(path) from None
    except sqlite3.DatabaseError as exc:
        if "file is not a database" in str(exc):
            raise DatabaseError(
                "Tệp '{path}' không phải là cơ sở dữ liệu SQLite.", path=path
            ) from None
        if _damaged(exc):
            raise _damaged_error(path) from None
        raise DatabaseError(
            "Không đọc được cơ sở dữ liệu '{path}': {error}.", path=path, error=str(exc)
        ) from None
    foreign = (
        bool(
            {t for t in tables if not t.startswith("dossier_fts")}
            - {"alembic_version", "sqlite_sequence"}
        )
        and revision is None
    )
    return revision, user_version, foreign
