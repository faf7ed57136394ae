"""Whole-database copies of a SQLite desk: SQLite's online backup API (a consistent copy while
the program keeps working), the checks a copy must pass before it is trusted, and the copy of a
backup back into the live database. The services decide names, folders and retention
(services/backup.py); a PostgreSQL server is copied with its own tools (pg_dump)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mohao_desk.store.db import SCHEMA_REVISIONS, Database

PAGES_PER_STEP = 4096  # 16 MiB of 4-KiB pages between two progress calls (writers may go on)


@dataclass(frozen=True)
class CopyCheck:
    ok: bool
    problem: str  # the first line SQLite's integrity check reported, or why it is not ours
    revision: str | None
    dossiers: int
    units: int


def copy_file(
    source: Path, target: Path, progress: Callable[[int, int], None] | None = None
) -> None:
    """A consistent copy of the SQLite database ``source`` into the new file ``target``."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(
                dst,
                pages=PAGES_PER_STEP,
                progress=(lambda _s, remaining, total: progress(total - remaining, total))
                if progress is not None
                else None,
            )
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal
        finally:
            dst.close()
    finally:
        src.close()


def check_file(path: Path) -> CopyCheck:
    """Whether ``path`` is a whole, readable mohao_desk database: SQLite's
    ``integrity_check``, then the schema revision and a count of what it holds."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return CopyCheck(False, str(exc), None, 0, 0)
    try:
        try:
            rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check(20)")]
        except sqlite3.DatabaseError as exc:  # "file is not a database", "malformed"
            return CopyCheck(False, str(exc), None, 0, 0)
        if rows != ["ok"]:
            return CopyCheck(False, rows[0] if rows else "?", None, 0, 0)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {"alembic_version", "dossier", "unit"} <= tables:
            return CopyCheck(False, "not a mohao_desk database", None, 0, 0)
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        rev = None if revision is None else str(revision[0])
        if rev not in SCHEMA_REVISIONS:
            return CopyCheck(False, f"unknown schema revision {rev}", rev, 0, 0)
        dossiers = int(conn.execute("SELECT count(*) FROM dossier").fetchone()[0])
        units = int(conn.execute("SELECT count(*) FROM unit").fetchone()[0])
        return CopyCheck(True, "", rev, dossiers, units)
    except sqlite3.Error as exc:
        return CopyCheck(False, str(exc), None, 0, 0)
    finally:
        conn.close()


def read_only(path: Path) -> Database:
    """A SQLite copy opened read-only (``mode=ro``), without the program's pragmas: its
    journal mode stays as it is and nothing is written beside it (a backup being checked)."""
    from sqlalchemy import create_engine

    uri = f"{Path(path).absolute().as_uri()}?mode=ro"
    engine = create_engine(
        "sqlite://", creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False)
    )
    return Database(path, engine)


def copy_into(source: Path, db: Database) -> None:
    """Replace the content of the open SQLite database ``db`` with the backup ``source``, in
    one step under SQLite's lock (other connections see the restored content afterwards)."""
    assert db.dialect == "sqlite"
    db.engine.dispose()
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(db.path, timeout=30)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=WAL")
        finally:
            dst.close()
    finally:
        src.close()
    db.engine.dispose()
