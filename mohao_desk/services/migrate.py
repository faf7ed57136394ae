"""Move a unit from its SQLite file to the unit's PostgreSQL server (issue 10):
``mohao-desk migrate-to --db FILE --to URL``.

The file is only read (one snapshot). Everything is written to the server in one transaction:
interrupted, the server keeps nothing and the command can simply run again. Before the commit
the copy is checked: rows per table, a digest of every event, and every attachment file (copied
into the server's file folder, its SHA-256 checked). The server database must be empty (a
fresh database on which no unit was set up); a unit is never merged into another.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.text import group_digits
from mohao_desk.store import transfer
from mohao_desk.store.db import Database, open_database


@dataclass(frozen=True)
class MigrationReport:
    target: str  # the server, password hidden
    rows: dict[str, int]  # per table, equal on both sides
    events_digest: str
    files: int


def _attachment_path(db: Database, sha: str) -> Path:
    return db.files_dir / "attachments" / sha[:2] / sha


def migrate_to(
    source_target: Path | str,
    server_url: str,
    *,
    progress: Callable[[str, int], None] | None = None,
) -> MigrationReport:
    source = open_database(source_target, create=False)
    try:
        if source.dialect != "sqlite":
            raise DeskError("Nguồn chuyển phải là tệp dữ liệu SQLite của đơn vị.")
        target = open_database(server_url)
        try:
            return _copy(source, target, progress)
        finally:
            target.close()
    finally:
        source.close()


def _copy(
    source: Database, target: Database, progress: Callable[[str, int], None] | None
) -> MigrationReport:
    if target.dialect == "sqlite":
        raise DeskError("Đích chuyển phải là máy chủ PostgreSQL (postgresql+psycopg://…).")
    with source.read() as src:
        before = transfer.counts(src)
        if not before.get("unit"):
            raise DeskError("Tệp dữ liệu nguồn chưa có đơn vị nào: không có gì để chuyển.")
        digest = transfer.events_digest(src)
        files = transfer.attachment_files(src)
        missing = [s for s in files if not _attachment_path(source, s).is_file()]
        if missing:
            raise DeskError(
                "Thiếu {count} tệp đính kèm trong thư mục dữ liệu của tệp nguồn (ví dụ {sha}): "
                "chép đủ thư mục rồi chuyển lại.",
                count=group_digits(len(missing)),
                sha=missing[0][:12],
            )
        with target.begin() as dst:
            present = {t: n for t, n in transfer.counts(dst).items() if n}
            if present:
                raise DeskError(
                    "Cơ sở dữ liệu đích đã có dữ liệu ({tables}): chỉ chuyển vào một cơ sở dữ "
                    "liệu mới, chưa thiết lập đơn vị nào.",
                    tables=", ".join(sorted(present)),
                )
            for name, copied in transfer.copy_all(src, dst):
                if progress is not None:
                    progress(name, copied)
            after = transfer.counts(dst)
            if after != before:
                raise DeskError("Số dòng sau khi chuyển không khớp: đã hủy, máy chủ không đổi.")
            if transfer.events_digest(dst) != digest:
                raise DeskError(
                    "Quá trình xử lý hồ sơ sau khi chuyển không khớp: đã hủy, máy chủ không đổi."
                )
            for sha in files:  # before the commit: an interrupted copy leaves no row behind
                destination = _attachment_path(target, sha)
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(_attachment_path(source, sha), destination)
                if hashlib.sha256(destination.read_bytes()).hexdigest() != sha:
                    raise DeskError(
                        "Tệp đính kèm {sha} chép sang bị sai nội dung: đã hủy.", sha=sha[:12]
                    )
    return MigrationReport(str(target.path), before, digest, len(files))
