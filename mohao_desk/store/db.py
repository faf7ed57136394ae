"""Opening the database: a SQLite file (pragmas) or a PostgreSQL server (a
``postgresql+psycopg://`` URL); the schema-version gate; migrations at start-up.

The gate reads the schema revision first (SQLite: with plain ``sqlite3``, cheap), so a database
already at the current revision opens without importing Alembic. A database written by a newer
program (a revision we do not know, or a higher ``PRAGMA user_version``) is refused, never
"upgraded" down. What differs by dialect is listed in docs/architecture.md ("Two databases").
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, Engine, create_engine, event, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError

from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.os_errors import os_error
from mohao_desk.store import audit
from mohao_desk.store.dialect import WRITE_OPTION

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
# PostgreSQL advisory-lock key taken while migrating: two PCs starting at once migrate once.
_MIGRATION_LOCK = 0x6D6F68616F  # "mohao"


class DatabaseError(DeskError):
    """The database cannot be opened or used."""


# The copy of a SQLite database taken before its schema is migrated (an older program's file,
# opened by a newer one): in the folder of the automatic backups (services/backup.py
# BACKUP_FOLDER), named ``<name>-truoc-nang-cap-tu-<revision>-<time>.sqlite3`` ("before the
# upgrade from revision …"), which the daily pruning never deletes (it prunes ``<name>-<time>``
# only).
UPGRADE_BACKUP_FOLDER = "backups"
UPGRADE_BACKUP_LABEL = "truoc-nang-cap-tu"


# The PostgreSQL channel every committed write transaction notifies (the boards listen).
CHANGES_CHANNEL = "mohao_desk_changes"


def is_server_url(target: Path | str) -> bool:
    """A ``--db`` value naming a PostgreSQL server rather than a SQLite file."""
    return isinstance(target, str) and _SERVER_URL.match(target) is not None


def server_url(host: str, port: int, database: str, user: str, password: str | None) -> str:
    """The ``postgresql+psycopg://`` URL of a server (a host name, an address, or the folder of
    a Unix socket), its parts quoted as URLs need."""
    socket = host.startswith("/")
    url = URL.create(
        "postgresql+psycopg",
        username=user,
        password=password or None,
        host=None if socket else host,
        port=port,
        database=database,
        query={"host": host} if socket else {},
    )
    return url.render_as_string(hide_password=False)


class Database:
    """A unit's database, opened and migrated: a SQLite file, or a database on a PostgreSQL
    server (``dialect`` says which; only the store looks)."""

    # The unit's signing-key passphrase, once given in this session (services/sync.py): set on
    # the instance by the window and the command line.
    key_passphrase: str | None = None

    def __init__(
        self,
        path: Path | str,
        engine: Engine,
        *,
        target: Path | str | None = None,
        files_dir: Path | None = None,
    ) -> None:
        # The file, or the server URL without its password: what messages and titles show.
        self.path = path
        self.engine = engine
        self.dialect: str = engine.dialect.name
        # What ``open_database`` takes to open the same database again.
        self.target: Path | str = target if target is not None else path
        # Where the files that belong to the database (attachments) are kept on this PC.
        self.files_dir: Path = files_dir if files_dir is not None else Path(path).parent
        # The account logged in on this session (services/authority.py): set by the window's
        # log-in and the command line's password; None for the program's own work.
        self.actor: Any = None

    @contextmanager
    def begin(self, *, bulk: bool = False) -> Iterator[Connection]:
        """One write transaction (SQLite: ``BEGIN IMMEDIATE``: it takes the write lock before
        its first read, so two desks acting at once wait for each other instead of failing;
        PostgreSQL: READ COMMITTED, the rows an act reads locked ``FOR UPDATE`` by the store);
        committed when the block ends, rolled back on any error.

        ``bulk`` trades durability for speed (``synchronous=OFF``) while filling a new
        database with demo data."""
        if self.dialect != "sqlite":
            try:
                connection = self.engine.connect()
            except OperationalError as exc:  # nothing was sent: nothing was recorded
                raise _database_error(self.path, exc, stage="connect") from None
            with _translated(self.path, stage="write"), connection as conn:
                conn = conn.execution_options(**{WRITE_OPTION: True})
                with conn.begin():
                    if bulk:
                        conn.exec_driver_sql("SET LOCAL synchronous_commit = off")
                    with _chained(conn):
                        yield conn
                    # Delivered at commit only, to every PC listening (store/changes.py).
                    conn.exec_driver_sql(f"NOTIFY {CHANGES_CHANNEL}")
            return
        with _translated(self.path), self.engine.connect() as conn:
            conn = conn.execution_options(mohao_immediate=True)
            raw = conn.connection.driver_connection
            assert raw is not None
            if bulk:
                raw.execute("PRAGMA synchronous=OFF")
                raw.execute("PRAGMA cache_size=-262144")
            try:
                with conn.begin(), _chained(conn):
                    yield conn
            finally:
                if bulk:
                    raw.execute("PRAGMA synchronous=NORMAL")
                    raw.execute("PRAGMA cache_size=-2000")

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read transaction: one consistent snapshot."""
        with _translated(self.path), self.engine.connect() as conn, conn.begin():
            if self.dialect != "sqlite":  # one snapshot for the whole block, as SQLite's
                conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield conn

    def close(self) -> None:
        self.engine.dispose()


@contextmanager
def _chained(conn: Connection) -> Iterator[None]:
    """What the block wrote is noted by the store's writers and sealed into the audit chain as
    the transaction's last step (store/audit.py); nothing is sealed when the block fails."""
    pending = audit.begin_tracking(conn)
    try:
        yield
        audit.seal(conn, pending)
    finally:
        audit.end_tracking(conn)


@contextmanager
def _translated(path: Path | str, *, stage: str = "read") -> Iterator[None]:
    """The database's operational failures become one clear Vietnamese message."""
    try:
        yield
    except OperationalError as exc:
        raise _database_error(path, exc, stage=stage) from None
    except SQLAlchemyDatabaseError as exc:
        if not _damaged(exc):
            raise
        raise _damaged_error(path) from None
    except UnicodeDecodeError:  # a text value on a damaged page
        raise _damaged_error(path) from None


def _damaged(exc: BaseException) -> bool:
    """SQLite found a damaged page (a bad sector, a half-copied file)."""
    text = str(getattr(exc, "orig", exc)).lower()
    return isinstance(exc, UnicodeDecodeError) or "malformed" in text or "not a database" in text


def _damaged_error(path: Path | str) -> DatabaseError:
    return DatabaseError(
        "Cơ sở dữ liệu '{path}' bị hỏng (không đọc được nội dung): hãy khôi phục từ bản sao lưu.",
        path=path,
    )


# PostgreSQL's SQLSTATEs of "another program holds what we need": lock_timeout, deadlock,
# serialization failure.
_PG_BUSY = {"55P03", "40P01", "40001"}


def _database_error(path: Path | str, exc: BaseException, *, stage: str = "read") -> DatabaseError:
    """``stage``: "connect" (a write that could not reach the server: nothing recorded),
    "write" (the connection died inside a write transaction), "read"."""
    text = str(getattr(exc, "orig", exc) or exc).splitlines()[0] if str(exc) else repr(exc)
    lowered = text.lower()
    sqlstate = getattr(getattr(exc, "orig", None), "sqlstate", None)
    if sqlstate in _PG_BUSY:
        return DatabaseError(
            "Cơ sở dữ liệu '{path}' đang bị chương trình khác ghi; hãy thử lại sau ít phút.",
            path=path,
        )
    if sqlstate is None and is_server_url(str(path)) and isinstance(exc, OperationalError):
        # No SQLSTATE: refused while connecting (libpq gives only the server's text), or the
        # server never answered (cable, server PC off, wrong host or port).
        if "does not exist" in lowered and "database" in lowered:
            return DatabaseError("Không tìm thấy cơ sở dữ liệu '{path}'.", path=path)
        if "authentication failed" in lowered or "pg_hba.conf" in lowered:
            return DatabaseError(
                "Không mở được cơ sở dữ liệu '{path}' (kiểm tra quyền truy cập).", path=path
            )
        if stage == "connect":
            return DatabaseError(
                "Không kết nối được máy chủ cơ sở dữ liệu '{server}' ({text}): việc này chưa "
                "được ghi; hãy làm lại khi máy chủ kết nối được.",
                server=path,
                text=text,
            )
        if stage == "write":
            return DatabaseError(
                "Mất kết nối máy chủ cơ sở dữ liệu '{server}' giữa chừng ({text}): khi kết nối "
                "lại, hãy xem lại hồ sơ để biết việc đã được ghi chưa.",
                server=path,
                text=text,
            )
        return DatabaseError(
            "Không kết nối được máy chủ cơ sở dữ liệu '{server}': {text}.",
            server=path,
            text=text,
        )
    if sqlstate in ("28000", "28P01", "42501"):
        return DatabaseError(
            "Không mở được cơ sở dữ liệu '{path}' (kiểm tra quyền truy cập).", path=path
        )
    if sqlstate == "3D000":
        return DatabaseError("Không tìm thấy cơ sở dữ liệu '{path}'.", path=path)
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


def open_database(target: Path | str, *, create: bool = True) -> Database:
    """Open (and, when needed, create and migrate) the database at ``target``: a SQLite file's
    path, or a ``postgresql+psycopg://user:password@host:port/dbname`` URL (the database
    itself must exist on the server: its owner creates it; we create the tables)."""
    if is_server_url(target):
        return _open_server(str(target), create=create)
    path = Path(target).expanduser()
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
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
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
    if exists and revision is not None and revision != SCHEMA_HEAD:
        backup_before_upgrade(path, revision)
    if not exists:
        _create_private(path)
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


def upgrade_pending(target: Path | str) -> bool:
    """An existing SQLite file at an older schema: opening it will copy it, then migrate it
    (seconds for a large desk: the window says so meanwhile). A server, a new file, a current
    or unknown one: False (opening says what is wrong with the last)."""
    if not isinstance(target, Path):
        return False
    try:
        if not target.is_file():
            return False
        revision, _user_version, foreign = _probe(target)
    except DeskError:
        return False
    return not foreign and revision in SCHEMA_REVISIONS and revision != SCHEMA_HEAD


def backup_before_upgrade(path: Path, revision: str, *, now: datetime | None = None) -> Path:
    """Copy the SQLite database ``path`` (at the older schema ``revision``) into the backups
    folder beside it before its migration (SQLite's online backup API, then the copy's
    integrity check); returns the copy. When the copy cannot be made or fails its check,
    raises DatabaseError: the database is then not migrated (nothing of it has changed)."""
    from mohao_desk.store import snapshot

    moment = now or datetime.now()
    folder = path.parent / UPGRADE_BACKUP_FOLDER
    prefix = f"{path.stem}-{UPGRADE_BACKUP_LABEL}-{revision}"
    target = folder / f"{prefix}-{moment:%Y%m%d-%H%M%S}.sqlite3"
    while target.exists():  # two upgrades within one second: the next free second
        moment += timedelta(seconds=1)
        target = folder / f"{prefix}-{moment:%Y%m%d-%H%M%S}.sqlite3"
    part = target.with_name(target.name + ".part")
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        part.unlink(missing_ok=True)
        snapshot.copy_file(path, part)
        with suppress(OSError):  # a file system without POSIX modes
            os.chmod(part, 0o600)
    except (OSError, sqlite3.Error) as exc:
        with suppress(OSError):
            part.unlink(missing_ok=True)
        error = os_error(exc) if isinstance(exc, OSError) else str(exc)
        raise DatabaseError(
            "Không sao lưu được cơ sở dữ liệu '{path}' trước khi nâng cấp lược đồ (từ {revision})"
            " vào '{backup}': {error}. Chưa nâng cấp; dữ liệu không bị thay đổi.",
            path=path,
            revision=revision,
            backup=target,
            error=error,
        ) from None
    check = snapshot.check_file(part)
    if not check.ok:
        with suppress(OSError):
            part.unlink(missing_ok=True)
        raise DatabaseError(
            "Bản sao lưu của '{path}' trước khi nâng cấp lược đồ (từ {revision}) không đạt kiểm"
            " tra ({problem}). Chưa nâng cấp; dữ liệu không bị thay đổi.",
            path=path,
            revision=revision,
            problem=check.problem,
        )
    try:
        part.replace(target)
    except OSError as exc:
        with suppress(OSError):
            part.unlink(missing_ok=True)
        raise DatabaseError(
            "Không sao lưu được cơ sở dữ liệu '{path}' trước khi nâng cấp lược đồ (từ {revision})"
            " vào '{backup}': {error}. Chưa nâng cấp; dữ liệu không bị thay đổi.",
            path=path,
            revision=revision,
            backup=target,
            error=os_error(exc),
        ) from None
    return target


def _create_private(path: Path) -> None:
    """A new database file readable and writable by its owner only (0600 on POSIX: it holds
    personal data and the unit's signing key); SQLite gives its -wal and -shm files the same
    mode. On Windows the user's data folder is already private to the user."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # pragma: no cover - created meanwhile: SQLite opens it
        return
    except OSError as exc:
        raise DatabaseError(
            "Không tạo được cơ sở dữ liệu '{path}': {error}.", path=path, error=os_error(exc)
        ) from None
    os.close(fd)


def _migrate(engine: Engine) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option(
        "script_location", str(resources.files("mohao_desk.store") / "migrations")
    )
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
            conn.exec_driver_sql(f"PRAGMA user_version={USER_VERSION}")
            return
        # PostgreSQL: DDL is transactional, so the whole upgrade commits or nothing does; the
        # lock makes a second PC that starts meanwhile wait, then find the schema at head.
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})")
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


# ------------------------------------------------------------------- PostgreSQL server


def _server_url(target: str) -> URL:
    try:
        url = make_url(target)
    except ArgumentError:
        url = None
    if url is None or url.get_backend_name() != "postgresql" or not url.database:
        raise DatabaseError(
            "Địa chỉ máy chủ cơ sở dữ liệu '{url}' không hợp lệ (dạng "
            "postgresql+psycopg://người_dùng:mật_khẩu@máy_chủ:cổng/tên_cơ_sở_dữ_liệu).",
            url=_hide_password(target),
        )
    if url.get_driver_name() in ("postgresql", "psycopg2", "psycopg"):
        url = url.set(drivername="postgresql+psycopg")
    else:
        raise DatabaseError(
            "Địa chỉ máy chủ cơ sở dữ liệu '{url}' không hợp lệ (dạng "
            "postgresql+psycopg://người_dùng:mật_khẩu@máy_chủ:cổng/tên_cơ_sở_dữ_liệu).",
            url=_hide_password(target),
        )
    return url


def _hide_password(target: str) -> str:
    try:
        return make_url(target).render_as_string(hide_password=True)
    except ArgumentError:
        return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", target)


def _server_files_dir(url: URL) -> Path:
    """This PC's folder for the files of a server's database (attachments), one per server
    and database."""
    from mohao_desk.paths import data_dir

    host = str(url.host or url.query.get("host") or "local")
    name = f"{url.database}@{host}:{url.port or url.query.get('port') or 5432}"
    digest = hashlib.sha256(name.encode()).hexdigest()[:12]
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", str(url.database))[:40]
    return data_dir() / "servers" / f"{slug}-{digest}"


def _probe_server(conn: Connection) -> tuple[str | None, bool, bool]:
    """(alembic revision or None, has foreign tables, is empty) of a server database."""
    tables = {
        r[0]
        for r in conn.exec_driver_sql(
            "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()"
        )
    }
    revision = None
    if "alembic_version" in tables:
        revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    foreign = bool(tables - {"alembic_version"}) and revision is None
    return revision, foreign, not tables


def _open_server(target: str, *, create: bool) -> Database:
    url = _server_url(target)
    shown = url.render_as_string(hide_password=True)
    engine = create_engine(
        url,
        # A connection the server dropped (restart, cable) is replaced when next taken from
        # the pool instead of failing the officer's next act.
        pool_pre_ping=True,
        connect_args={
            "connect_timeout": 10,
            # A dead network path is noticed within seconds, not after the system's TCP
            # retransmission timeout (~15 minutes): the window says so and acts are refused.
            "keepalives": 1,
            "keepalives_idle": 10,
            "keepalives_interval": 3,
            "keepalives_count": 3,
            "tcp_user_timeout": 15000,
            "application_name": "mohao_desk",
            # A writer waits this long for another PC's row lock, then gets a clear message.
            "options": f"-c lock_timeout={BUSY_TIMEOUT_MS}",
        },
    )
    try:
        with engine.connect() as conn:
            revision, foreign, empty = _probe_server(conn)
            conn.rollback()
        if foreign:
            raise DatabaseError(
                "Cơ sở dữ liệu '{path}' trên máy chủ chứa bảng của chương trình khác.",
                path=shown,
            )
        if empty and not create:
            raise DatabaseError(
                "Cơ sở dữ liệu '{path}' trên máy chủ còn trống (chưa thiết lập mohao_desk).",
                path=shown,
            )
        if revision is not None and revision not in SCHEMA_REVISIONS:
            raise DatabaseError(
                "Cơ sở dữ liệu '{path}' được tạo bởi phiên bản mohao_desk mới hơn (lược đồ "
                "{schema}). Hãy cập nhật chương trình; dữ liệu không bị thay đổi.",
                path=shown,
                schema=revision,
            )
        if revision != SCHEMA_HEAD:
            _migrate(engine)
    except DeskError:
        engine.dispose()
        raise
    except (DBAPIError, OSError) as exc:
        engine.dispose()
        raise _database_error(shown, exc) from None
    return Database(shown, engine, target=target, files_dir=_server_files_dir(url))
