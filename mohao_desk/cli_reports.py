"""``mohao-desk report …``: period reports (Biểu số 06/VPCP/KSTT)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable

from mohao_desk.cli import _desk, parse_day, write_output


def cmd_report(args: argparse.Namespace) -> int:
    from mohao_desk.services.statistics import StatisticsService

    start, end = parse_day(args.start), parse_day(args.end)
    report = StatisticsService(_desk(args)).kstt(start, end)
    data = json.dumps(report.as_dict(), ensure_ascii=False, indent=1).encode("utf-8")
    path = write_output(args.out, data)
    total = report.total
    print(
        f"Biểu 06/VPCP/KSTT từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}: tiếp nhận "
        f"{total.received_total}, đã giải quyết {total.resolved_total}, đang giải quyết "
        f"{total.pending_total} — {path}"
    )
    return 0


def add_commands(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    p = command("report", "báo cáo định kỳ")
    p.add_argument("kind", choices=("kstt",), help="kstt: Biểu số 06/VPCP/KSTT")
    p.add_argument("--from", dest="start", required=True, help="từ ngày, ví dụ 2024-04-15")
    p.add_argument("--to", dest="end", required=True, help="đến ngày, ví dụ 2024-05-14")
    p.add_argument("--format", choices=("json",), default="json")
    p.add_argument("--out", required=True, help="tệp cần ghi")
    p.set_defaults(func=cmd_report)
