"""``mohao-desk catalog``: the procedure catalog, listed or imported (a preview first, then the
whole file or nothing)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mohao_desk.cli.base import (
    BY_HELP,
    _open,
    _Parser,
    _short,
    subcommand,
)
from mohao_desk.domain.text import fold, group_digits


def cmd_catalog(args: argparse.Namespace) -> int:
    from mohao_desk.domain.roles import Operation

    writes = args.catalog_command == "import" and not args.dry_run
    db = _open(args, operation=Operation.CATALOG if writes else None)
    if args.catalog_command == "import":
        return _catalog_import(db, args)
    from mohao_desk.services.desk import Desk

    for p in Desk(db).procedures():
        print(f"{p.code:<12} {p.time.describe():<36} {p.field:<16} {p.name}")
    return 0


CATALOG_SHOWN = 200  # procedures listed per kind of change; the counts say the rest


def _catalog_import(db: Any, args: argparse.Namespace) -> int:
    """``catalog import FILE``: show what the file would change, then ask (``--yes`` applies
    without asking, ``--dry-run`` only shows). Exit 1 when nothing was applied for want of a
    yes."""
    from mohao_desk.domain.catalog_sheet import describe_value
    from mohao_desk.services.catalog_import import apply_catalog, preview_catalog

    preview = preview_catalog(db, Path(args.file))
    changes = preview.changes
    print(
        f"Tệp {preview.file_name}: {group_digits(len(changes.added))} thủ tục mới, "
        f"{group_digits(len(changes.changed))} thủ tục thay đổi, "
        f"{group_digits(len(changes.unchanged))} thủ tục không đổi."
    )
    if changes.added:
        print("Thêm:")
        for p in changes.added[:CATALOG_SHOWN]:
            print(f"  + {p.code:<12} {p.name} ({p.field}; {p.time.describe()})")
    if changes.changed:
        print("Thay đổi:")
        for change in changes.changed[:CATALOG_SHOWN]:
            print(f"  ~ {change.after.code:<12} {change.after.name}")
            for f in change.fields:
                before = _short(describe_value(f.key, f.before))
                after = _short(describe_value(f.key, f.after))
                print(f"      {f.label}: {before} → {after}")
    hidden = max(0, len(changes.added) - CATALOG_SHOWN) + max(
        0, len(changes.changed) - CATALOG_SHOWN
    )
    if hidden:
        print(f"  … và {group_digits(hidden)} thủ tục khác.")
    if changes.empty:
        print("Danh mục không có gì thay đổi.")
        return 0
    if args.dry_run:
        print("Chỉ xem trước: danh mục chưa thay đổi.")
        return 0
    if not args.yes:
        try:
            answer = input(f"Áp dụng {group_digits(preview.count)} thay đổi? [c/K] ")
        except EOFError:
            answer = ""
        if not sys.stdin.isatty():
            print()  # the answer came from a pipe: no echo ended the prompt's line
        if fold(answer) not in ("c", "co", "y", "yes"):
            print("Chưa áp dụng: danh mục giữ nguyên (dùng --yes để áp dụng không cần hỏi).")
            return 1
    count = apply_catalog(db, preview)
    print(f"Đã cập nhật {group_digits(count)} thủ tục từ {args.file}")
    return 0


def add_commands(command: Callable[..., argparse.ArgumentParser]) -> None:
    p = command("catalog", "danh mục thủ tục hành chính")
    cat_sub = p.add_subparsers(dest="catalog_command", required=True, parser_class=_Parser)
    subcommand(cat_sub, "list")
    imp = cat_sub.add_parser(
        "import",
        help="thêm/sửa thủ tục từ tệp JSON hoặc danh mục Excel (.xlsx) của tỉnh: xem trước "
        "các thay đổi rồi hỏi (cả tệp hoặc không)",
    )
    imp.add_argument("file")
    imp.add_argument("--db", default=argparse.SUPPRESS)
    imp.add_argument("--by", default=argparse.SUPPRESS, help=BY_HELP)
    how = imp.add_mutually_exclusive_group()
    how.add_argument("--yes", action="store_true", help="áp dụng không cần hỏi")
    how.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không thay đổi gì")
    p.set_defaults(func=cmd_catalog)
