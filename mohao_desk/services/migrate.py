"""Move a unit from its SQLite file to the unit's PostgreSQL server (issue 10):
``mohao-desk migrate-to --db FILE --to URL``.

The file is only read (one snapshot). Everything is written to the server in one transaction:
interrupted, the server keeps nothing and the command can simply run again. Before the commit
the copy is checked: rows per table, a digest of every event, and every attachment file (read
from beside the file, its SHA-256 checked, stored in the server's ``stored_file`` table in the
same transaction: every PC of the unit reads it from there). The server database must be empty (a
fresh database on which no unit was set up); a unit is never merged into another.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.text import group_digits
from mohao_desk.store import files as store_files
from mohao_desk.store import transfer
from mohao_desk.store.db import Database, open_database


@dataclass(frozen=True)
class MigrationReport:
    target: str  # the server, password hidden
    rows: dict[str, int]  # per table, equal on both sides
    events_digest: str
    files: int


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
        missing = [s for s in files if not store_files.folder_path(source, s).is_file()]
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
            moment = datetime.now(UTC)
            for sha in files:  # in the same transaction: interrupted, nothing is left behind
                content = store_files.read_kept(store_files.folder_path(source, sha))
                if hashlib.sha256(content).hexdigest() != sha:
                    raise DeskError(
                        "Tệp đính kèm {sha} trong thư mục dữ liệu của tệp nguồn bị sai nội dung "
                        "(không khớp mã băm đã ghi): đã hủy, máy chủ không đổi.",
                        sha=sha[:12],
                    )
                store_files.keep_bytes(dst, sha, content, moment)
            if files and progress is not None:
                progress("stored_file", len(files))
            if store_files.stored_hashes(dst) != set(files):
                raise DeskError(
                    "Số tệp đính kèm trên máy chủ không khớp sau khi chuyển: đã hủy, máy chủ "
                    "không đổi."
                )
    return MigrationReport(str(target.path), before, digest, len(files))
