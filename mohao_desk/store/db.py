"""Opening the SQLite database: pragmas, the schema-version gate, migrations at start-up.

The gate reads the schema revision with plain ``sqlite3`` first (cheap), so a database already at
the current revision opens without importing Alembic. A database written by a newer program (a
revision we do not know, or a higher ``PRAGMA user_version``) is refused, never "upgraded" down.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from sqlalchemy import URL, Connection, Engine, create_engine, event
from sqlalchemy.exc import OperationalError

from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.os_errors import os_error

# Every migration revision in order; the last is the head. tests/store/test_migrations.py checks
# this list against Alembic's script directory.
SCHEMA_REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005")
SCHEMA_HEAD = SCHEMA_REVISIONS[-1]
USER_VERSION = len(SCHEMA_REVISIONS)
# How long a writer waits for another desk's transaction before giving up with a message.
BUSY_TIMEOUT_MS = 5000


class DatabaseError(DeskError):
    """The database cannot be opened or used."""


class Database:
    """A unit's SQLite file, opened and migrated."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine

    @contextmanager
    def begin(self, *, bulk: bool = False) -> Iterator[Connection]:
        """One write transaction (``BEGIN IMMEDIATE``: it takes the write lock before its first
        read, so two desks acting at once wait for each other instead of failing); committed
        when the block ends, rolled back on any error.

        ``bulk`` trades durability for speed (``synchronous=OFF``) while filling a new
        database with demo data."""
        with _translated(self.path), self.engine.connect() as conn:
            conn = conn.execution_options(mohao_immediate=True)
            raw = conn.connection.driver_connection
            assert raw is not None
            if bulk:
                raw.execute("PRAGMA synchronous=OFF")
                raw.execute("PRAGMA cache_size=-262144")
            try:
                with conn.begin():
                    yield conn
            finally:
                if bulk:
                    raw.execute("PRAGMA synchronous=NORMAL")
                    raw.execute("PRAGMA cache_size=-2000")

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read transaction: one consistent snapshot."""
        with _translated(self.path), self.engine.connect() as conn, conn.begin():
            yield conn

    def close(self) -> None:
        self.engine.dispose()


@contextmanager
def _translated(path: Path) -> Iterator[None]:
    """SQLite's operational failures become one clear Vietnamese message."""
    try:
        yield
    except OperationalError as exc:
        raise _database_error(path, exc) from None


def _database_error(path: Path, exc: BaseException) -> DatabaseError:
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
    return DatabaseError("Lỗi cơ sở dữ liệu '{path}': {text}.", path=path, text=text)


def _set_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite would defer it to the first
    # write, after the reads that decided what to write).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _on_begin(conn: Connection) -> None:
    if conn.get_execution_options().get("mohao_immediate"):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def _probe(path: Path) -> tuple[str | None, int, bool]:
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
    except sqlite3.DatabaseError as exc:
        if "file is not a database" in str(exc):
            raise DatabaseError(
                "Tệp '{path}' không phải là cơ sở dữ liệu SQLite.", path=path
            ) from None
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


def open_database(path: Path | str, *, create: bool = True) -> Database:
    """Open (and, when needed, create and migrate) the database at ``path``."""
    path = Path(path).expanduser()
    try:
        exists = path.exists()
    except OSError as exc:
        raise DatabaseError(
            "Không truy cập được '{path}': {error}.", path=path, error=os_error(exc)
        ) from None
    if exists and path.is_dir():
        raise DatabaseError("'{path}' là một thư mục, không phải tệp cơ sở dữ liệu.", path=path)
    if not exists:
        if not create:
            raise DatabaseError("Không tìm thấy cơ sở dữ liệu '{path}'.", path=path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(
                "Không tạo được thư mục '{parent}': {error}.",
                parent=path.parent,
                error=os_error(exc),
            ) from None
        revision, user_version, foreign = None, 0, False
    else:
        revision, user_version, foreign = _probe(path)
        if revision is None and not foreign and not create:
            raise DatabaseError(
                "Tệp '{path}' chưa phải là cơ sở dữ liệu mohao_desk (rỗng hoặc chưa thiết lập).",
                path=path,
            )
    if foreign:
        raise DatabaseError(
            "Tệp '{path}' là cơ sở dữ liệu SQLite của chương trình khác.", path=path
        )
    if user_version > USER_VERSION or (revision is not None and revision not in SCHEMA_REVISIONS):
        raise DatabaseError(
            "Cơ sở dữ liệu '{path}' được tạo bởi phiên bản mohao_desk mới hơn (lược đồ "
            "{schema}). Hãy cập nhật chương trình; dữ liệu không bị thay đổi.",
            path=path,
            schema=revision if revision not in SCHEMA_REVISIONS else user_version,
        )
    # URL.create: a path with '?' or '%' must stay a path, not become URL syntax.
    engine = create_engine(URL.create("sqlite", database=str(path)))
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "begin", _on_begin)
    try:
        if revision != SCHEMA_HEAD:
            _migrate(engine)
    except DeskError:
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        raise _database_error(path, exc) from None
    return Database(path, engine)


def _migrate(engine: Engine) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option(
        "script_location", str(resources.files("mohao_desk.store") / "migrations")
    )
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
        conn.exec_driver_sql(f"PRAGMA user_version={USER_VERSION}")
