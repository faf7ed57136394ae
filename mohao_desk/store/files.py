"""The content of attachment files (scans of components and results), by SHA-256.

SQLite (one PC): files beside the database, ``attachments/<sha[:2]>/<sha>`` under
``Database.files_dir``, written before the act's transaction commits (a file without its row
is harmless; a row always has its file). PostgreSQL (a unit's server): the ``stored_file``
table, in the act's own transaction, so every PC of the unit reads what another PC scanned and
the server's backup holds it.
"""

from __future__ import annotations

import hashlib
import os
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, select

from mohao_desk.domain.errors import DeskError, Phrase
from mohao_desk.domain.os_errors import os_error
from mohao_desk.domain.user_files import chunks, open_user_file, read_user_file
from mohao_desk.store.db import Database
from mohao_desk.store.schema import stored_file

# One digitized file at most (a multi-page A4 scan at 300 dpi is a few MB); a larger file is
# refused before it is read into the database.
MAX_ATTACHMENT_BYTES = 100 << 20
# How messages name a scan being read.
SCAN = Phrase("số hóa")


def folder_path(db: Database, sha: str) -> Path:
    """Where a SQLite desk keeps the file of ``sha``."""
    return db.files_dir / "attachments" / sha[:2] / sha


def keep(db: Database, conn: Connection, sha: str, source: Path, moment: datetime) -> None:
    """Keep a copy of ``source`` (whose SHA-256 is ``sha``) with the database. The file is read
    once more, to at most :data:`MAX_ATTACHMENT_BYTES`, and must still have that hash."""
    if db.dialect == "sqlite":
        target = folder_path(db, sha)
        if not target.exists():
            tmp = target.with_suffix(".part")
            digest = hashlib.sha256()
            try:
                with open_user_file(source, MAX_ATTACHMENT_BYTES, SCAN) as (handle, _):
                    # Private to the database's owner (0700 folders, 0600 files on POSIX).
                    target.parent.parent.mkdir(mode=0o700, exist_ok=True)
                    target.parent.mkdir(mode=0o700, exist_ok=True)
                    descriptor = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                    with open(descriptor, "wb") as out:
                        for chunk in chunks(handle, source, MAX_ATTACHMENT_BYTES, SCAN):
                            digest.update(chunk)
                            out.write(chunk)
                if digest.hexdigest() != sha:
                    raise _changed(source)
                tmp.replace(target)
            except OSError as exc:  # a full disk, a folder that cannot be written
                tmp.unlink(missing_ok=True)
                raise DeskError(
                    "Không lưu được bản sao tệp '{file}' vào thư mục dữ liệu: {error}; hồ sơ "
                    "chưa được ghi số hóa.",
                    file=source.name,
                    error=os_error(exc),
                ) from None
            except BaseException:
                tmp.unlink(missing_ok=True)
                raise
        return
    data = read_user_file(source, MAX_ATTACHMENT_BYTES, SCAN)
    if hashlib.sha256(data).hexdigest() != sha:
        raise _changed(source)
    keep_bytes(conn, sha, data, moment)


def _changed(source: Path) -> DeskError:
    return DeskError(
        "Tệp '{file}' đã thay đổi trong lúc số hóa; hãy chọn lại tệp.", file=source.name
    )


def keep_bytes(conn: Connection, sha: str, content: bytes, moment: datetime) -> None:
    """PostgreSQL: the row of ``sha`` (nothing happens when the same content is there)."""
    # Imported here: a SQLite desk's start-up does not pay for PostgreSQL's dialect (~50 ms).
    from sqlalchemy.dialects.postgresql import insert as pg_insert

    conn.execute(
        pg_insert(stored_file)
        .values(sha256=sha, size=len(content), content=content, stored_at=moment)
        .on_conflict_do_nothing(index_elements=["sha256"])
    )


def content(db: Database, conn: Connection, sha: str) -> bytes | None:
    """The stored bytes of ``sha``, or None when this database does not hold them."""
    if db.dialect == "sqlite":
        path = folder_path(db, sha)
        return read_kept(path) if path.is_file() else None
    found = conn.execute(select(stored_file.c.content).where(stored_file.c.sha256 == sha))
    value = found.scalar_one_or_none()
    return None if value is None else bytes(value)


def read_kept(path: Path) -> bytes:
    """A file of the attachments folder, read as any file on a disk is: at most
    :data:`MAX_ATTACHMENT_BYTES`, a regular file only."""
    return read_user_file(path, MAX_ATTACHMENT_BYTES, SCAN)


def stored_hashes(conn: Connection) -> set[str]:
    """PostgreSQL: the SHA-256 of every file held in the database."""
    return {str(s) for s in conn.execute(select(stored_file.c.sha256)).scalars()}
