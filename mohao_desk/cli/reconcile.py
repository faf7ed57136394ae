"""``mohao-desk reconcile``: the desk against the province's electronic one-stop system, from
the system's export (.xlsx, .xls or .csv): the five lists as a table or JSON, or a PDF / XLSX
file for the leader's meeting (issue 13)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from mohao_desk.cli.base import _desk, parse_day, write_output
from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.text import group_digits

SHOWN = 200  # rows printed per list in the table; the counts say the rest


def cmd_reconcile(args: argparse.Namespace) -> int:
    from mohao_desk.domain.reconcile import LIST_TITLES
    from mohao_desk.domain.roles import Operation
    from mohao_desk.services import reconcile

    out_format = None
    if args.out is not None:
        out_format = Path(args.out).suffix.lower().lstrip(".")
        if out_format not in ("pdf", "xlsx", "json"):
            raise DeskError(
                "Tệp kết quả '{path}' phải có đuôi .pdf, .xlsx hoặc .json.", path=args.out
            )
    desk = _desk(args, operation=Operation.RECONCILE)
    result = reconcile.reconcile_file(
        desk,
        Path(args.file),
        low=parse_day(args.start) if args.start is not None else None,
        high=parse_day(args.end) if args.end is not None else None,
        columns=args.columns,
        by=getattr(args, "by", None),
    )
    notes = reconcile.notes(result)
    if args.format == "json":
        for note in notes:
            print(note, file=sys.stderr)
        json.dump(reconcile.as_json(result), sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        low, high = result.period
        print(
            f"Đối chiếu tệp {result.file_name} ({group_digits(result.rows_read)} hồ sơ) với "
            f"{group_digits(result.desk_in_period)} hồ sơ tiếp nhận từ {low:%d/%m/%Y} đến "
            f"{high:%d/%m/%Y}:"
        )
        for note in notes:
            print(f"  ! {note}")
        for key, entries in result.lists().items():
            print(f"\n{LIST_TITLES[key]} ({key}): {group_digits(len(entries))} hồ sơ")
            for entry in entries[:SHOWN]:
                cells = reconcile.entry_cells(key, entry, result.due_has_times)
                code, _procedure, _applicant, _received, due, due_there, here, there, note = cells
                parts = [f"  {code:<28}"]
                if here or there:
                    parts.append(f"tại Bộ phận: {here or '—'}; trên hệ thống: {there or '—'}")
                if key == "due_differs":
                    parts.append(f"hạn tại Bộ phận {due}, trên hệ thống {due_there}")
                if note:
                    parts.append(note)
                print(" | ".join(parts))
            if len(entries) > SHOWN:
                print(f"  … và {group_digits(len(entries) - SHOWN)} hồ sơ khác (xem --out).")
    if args.out is not None:
        assert out_format is not None
        path = write_output(args.out, reconcile.render(desk, result, out_format))
        print(
            f"Đã ghi kết quả đối chiếu: {path}", file=sys.stderr if args.format == "json" else None
        )
    return 0


def add_commands(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    p = command(
        "reconcile",
        "đối chiếu hồ sơ của Bộ phận với danh sách xuất từ hệ thống thông tin một cửa điện tử "
        "(.xlsx, .xls, .csv)",
    )
    p.add_argument("--file", required=True, help="tệp danh sách hồ sơ xuất từ hệ thống")
    p.add_argument(
        "--from", dest="start", help="từ ngày tiếp nhận (mặc định: ngày sớm nhất trong tệp)"
    )
    p.add_argument("--to", dest="end", help="đến ngày tiếp nhận (mặc định: ngày muộn nhất)")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--out", help="ghi kết quả ra tệp .pdf hoặc .xlsx (hoặc .json)")
    p.add_argument(
        "--columns",
        help="chỉ rõ cột khi tệp ghi tiêu đề khác, ví dụ code=B,received=E,due=F,finished=G,"
        "status=H",
    )
    p.set_defaults(func=cmd_reconcile)
