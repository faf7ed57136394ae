"""``mohao-desk audit verify``: the tamper-evident history checked from the command line (issue
11). Read-only: no password is asked. Exit 0 with one line when the history is whole, 1 with
the first broken link (and a few more) when it is not."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable

from mohao_desk.cli.base import _open

SHOWN = 10  # problems listed under the first line


def cmd_audit(args: argparse.Namespace) -> int:
    from mohao_desk.services.audit import verify

    db = _open(args)
    try:
        report = verify(db, from_checkpoint=args.from_checkpoint)
    finally:
        db.close()
    if args.format == "json":
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(report.summary().render())
        for problem in report.problems[1:SHOWN]:
            print(f"  - {problem.message}")
        if report.problem_count > SHOWN:
            print(f"  … và {report.problem_count - SHOWN} chỗ khác")
    return 0 if report.whole else 1


def add_commands(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    from mohao_desk.cli.base import _Parser

    p = command("audit", "kiểm tra chuỗi lịch sử (không ai sửa được mà không để lại dấu vết)")
    sub = p.add_subparsers(dest="audit_command", required=True, parser_class=_Parser)
    v = sub.add_parser(
        "verify",
        help="tính lại toàn bộ chuỗi lịch sử; mã thoát 1 và chỗ hỏng đầu tiên nếu bị sửa",
    )
    v.add_argument("--db", default=argparse.SUPPRESS, help="tệp cơ sở dữ liệu")
    v.add_argument("--format", choices=("text", "json"), default="text")
    v.add_argument(
        "--from-checkpoint",
        action="store_true",
        help="chỉ tính lại từ lần kiểm tra trọn vẹn gần nhất (nhanh, không đầy đủ)",
    )
    p.set_defaults(func=cmd_audit)
