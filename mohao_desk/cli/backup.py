"""``mohao-desk backup`` and ``restore``: checked copies of a unit's database (issue 11)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from mohao_desk.cli.base import _db_target, _open
from mohao_desk.domain.text import group_digits


def cmd_backup(args: argparse.Namespace) -> int:
    from mohao_desk.domain.roles import Operation
    from mohao_desk.services.backup import make_backup

    db = _open(args, operation=Operation.BACKUP)
    try:
        result = make_backup(db, Path(args.out) if args.out else None)
    finally:
        db.close()
    line = f"Đã sao lưu và kiểm tra: {result.path} ({group_digits(result.size // 1024)} KB"
    if db.dialect == "sqlite":
        line += f", {group_digits(result.dossiers)} hồ sơ"
        if result.files_copied:
            line += f", {group_digits(result.files_copied)} tệp số hóa mới chép vào attachments/"
    print(line + ")")
    for path in result.pruned:
        print(f"  đã xóa bản cũ theo lịch giữ: {path.name}")
    if result.audit is not None and not result.audit.whole:
        print(f"  {result.audit.summary().render()}")
        print("  Bản sao lưu vẫn được giữ; không xóa bản sao lưu cũ nào.")
        return 1
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from mohao_desk.domain.errors import DeskError
    from mohao_desk.services.backup import restore

    target = _db_target(args)
    if not isinstance(target, Path):
        raise DeskError(
            "Cơ sở dữ liệu trên máy chủ được phục hồi ngay trên máy chủ bằng pg_restore (việc "
            "của cán bộ tin học của đơn vị)."
        )
    if target.exists() and args.force:
        _replaced_by_administrator(args)
    result = restore(Path(args.file), target, force=args.force)
    print(f"Đã phục hồi {group_digits(result.dossiers)} hồ sơ vào {result.target}")
    if result.kept_aside is not None:
        print(f"  cơ sở dữ liệu trước đó được giữ lại: {result.kept_aside}")
    return 0


def _replaced_by_administrator(args: argparse.Namespace) -> None:
    """A restore over a unit's database is its administrator's act. A database that cannot
    be opened (damaged: what a restore is for) has no account to ask."""
    from mohao_desk.domain.roles import Operation
    from mohao_desk.services.setup import has_unit
    from mohao_desk.store.db import DatabaseError

    try:
        db = _open(args)
    except DatabaseError:
        return
    try:
        if has_unit(db):
            from mohao_desk.cli.accounts import log_in

            log_in(args, db, Operation.BACKUP)
    finally:
        db.close()


def add_commands(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    p = command(
        "backup",
        "sao lưu cơ sở dữ liệu (đã kiểm tra); không có --out: vào thư mục backups/ bên cạnh, "
        "giữ 14 bản theo ngày và 12 bản theo tháng",
    )
    p.add_argument("--out", help="tệp sao lưu cần ghi (không ghi đè tệp đã có)")
    p.set_defaults(func=cmd_backup)
    p = command("restore", "phục hồi cơ sở dữ liệu từ một bản sao lưu (kiểm tra trước)")
    p.add_argument("file", help="tệp sao lưu (.sqlite3)")
    p.add_argument(
        "--force",
        action="store_true",
        help="thay cơ sở dữ liệu đã có (bản hiện tại được giữ lại bên cạnh)",
    )
    p.set_defaults(func=cmd_restore)
