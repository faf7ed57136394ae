"""Opening the SQLite database: pragmas, the schema-version gate, migrations at start-up.

The gate reads the schema revision with plain ``sqlite3`` first (cheap), so a database already at
the current revision opens without importing Alembic. A database written by a newer program (a
revision we do not know, or a higher ``PRAGMA user_version``) is refused, never "upgraded" down.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event

from mohao_desk.domain.errors import DeskError

# Every migration revision in order; the last is the head. tests/store/test_migrations.py checks
# this list against Alembic's script directory.
SCHEMA_REVISIONS: tuple[str, ...] = ("0001",)
SCHEMA_HEAD = SCHEMA_REVISIONS[-1]
USER_VERSION = len(SCHEMA_REVISIONS)
_SQLITE_MAGIC = b"SQLite format 3\x00"


class DatabaseError(DeskError):
    """The database cannot be opened or used."""


class Database:
    """A unit's SQLite file, opened and migrated."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        """One transaction: committed when the block ends, rolled back on any error."""
        with self.engine.begin() as conn:
            yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def close(self) -> None:
        self.engine.dispose()


def _set_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _probe(path: Path) -> tuple[str | None, int, bool]:
    """(alembic revision or None, user_version, has foreign tables) of an existing file."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(16)
    except OSError as exc:
        raise DatabaseError(f"Không mở được cơ sở dữ liệu '{path}': {exc.strerror}.") from None
    if header and header != _SQLITE_MAGIC:
        raise DatabaseError(f"Tệp '{path}' không phải là cơ sở dữ liệu SQLite.")
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
        raise DatabaseError(f"Không đọc được cơ sở dữ liệu '{path}': {exc}.") from None
    foreign = bool(tables - {"alembic_version", "sqlite_sequence"}) and revision is None
    return revision, user_version, foreign


def open_database(path: Path | str, *, create: bool = True) -> Database:
    """Open (and, when needed, create and migrate) the database at ``path``."""
    path = Path(path).expanduser()
    exists = path.exists()
    if exists and path.is_dir():
        raise DatabaseError(f"'{path}' là một thư mục, không phải tệp cơ sở dữ liệu.")
    if not exists:
        if not create:
            raise DatabaseError(f"Không tìm thấy cơ sở dữ liệu '{path}'.")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(
                f"Không tạo được thư mục '{path.parent}': {exc.strerror}."
            ) from None
        revision, user_version, foreign = None, 0, False
    else:
        revision, user_version, foreign = _probe(path)
    if foreign:
        raise DatabaseError(f"Tệp '{path}' là cơ sở dữ liệu SQLite của chương trình khác.")
    if user_version > USER_VERSION or (revision is not None and revision not in SCHEMA_REVISIONS):
        raise DatabaseError(
            f"Cơ sở dữ liệu '{path}' được tạo bởi phiên bản mohao_desk mới hơn "
            f"(lược đồ {revision or user_version}). Hãy cập nhật chương trình; dữ liệu không bị "
            "thay đổi."
        )
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _set_pragmas)
    try:
        if revision != SCHEMA_HEAD:
            _migrate(engine)
    except sqlite3.Error as exc:  # pragma: no cover - depends on the file system
        engine.dispose()
        raise DatabaseError(f"Không ghi được cơ sở dữ liệu '{path}': {exc}.") from None
    except Exception as exc:
        engine.dispose()
        if isinstance(exc, DeskError):
            raise
        raise DatabaseError(f"Không mở được cơ sở dữ liệu '{path}': {exc}.") from None
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
