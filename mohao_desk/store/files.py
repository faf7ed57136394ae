"""The content of attachment files (scans of components and results), by SHA-256.

SQLite (one PC): files beside the database, ``attachments/<sha[:2]>/<sha>`` under
``Database.files_dir``, written before the act's transaction commits (a file without its row
is harmless; a row always has its file). PostgreSQL (a unit's server): the ``stored_file``
table, in the act's own transaction, so every PC of the unit reads what another PC scanned and
the server's backup holds it.
"""

from __future__ import annotations

import hashlib
import shutil
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, select
from sqlalchemy.dialects.postgresql import insert as pg_insert

from mohao_desk.domain.errors import DeskError
from mohao_desk.store.db import Database
from mohao_desk.store.schema import stored_file


def folder_path(db: Database, sha: str) -> Path:
    """Where a SQLite desk keeps the file of ``sha``."""
    return db.files_dir / "attachments" / sha[:2] / sha


def keep(db: Database, conn: Connection, sha: str, source: Path, moment: datetime) -> None:
    """Keep a copy of ``source`` (whose SHA-256 is ``sha``) with the database."""
    if db.dialect == "sqlite":
        target = folder_path(db, sha)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_suffix(".part")
            shutil.copyfile(source, tmp)
            tmp.replace(target)
        return
    data = source.read_bytes()
    if hashlib.sha256(data).hexdigest() != sha:
        raise DeskError(
            "Tệp '{file}' đã thay đổi trong lúc số hóa; hãy chọn lại tệp.", file=source.name
        )
    keep_bytes(conn, sha, data, moment)


def keep_bytes(conn: Connection, sha: str, content: bytes, moment: datetime) -> None:
    """PostgreSQL: the row of ``sha`` (nothing happens when the same content is there)."""
    conn.execute(
        pg_insert(stored_file)
        .values(sha256=sha, size=len(content), content=content, stored_at=moment)
        .on_conflict_do_nothing(index_elements=["sha256"])
    )


def content(db: Database, conn: Connection, sha: str) -> bytes | None:
    """The stored bytes of ``sha``, or None when this database does not hold them."""
    if db.dialect == "sqlite":
        path = folder_path(db, sha)
        return path.read_bytes() if path.is_file() else None
    found = conn.execute(select(stored_file.c.content).where(stored_file.c.sha256 == sha))
    value = found.scalar_one_or_none()
    return None if value is None else bytes(value)


def stored_hashes(conn: Connection) -> set[str]:
    """PostgreSQL: the SHA-256 of every file held in the database."""
    return {str(s) for s in conn.execute(select(stored_file.c.sha256)).scalars()}
