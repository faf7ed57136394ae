"""``mohao-desk report kstt|indicators …``: period reports (Biểu số 06/VPCP/KSTT, the Decision
766 indicators) as JSON, XLSX or PDF, for a period given by two days or by its kind."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from mohao_desk.cli.base import _count, _desk, parse_day, write_output
from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.text import group_digits

FORMATS = {"kstt": ("json", "xlsx", "pdf"), "indicators": ("json", "pdf")}
PERIODS = ("month", "quarter", "year", "cutoff", "cutoff-quarter", "cutoff-year")


def cmd_report(args: argparse.Namespace) -> int:
    from mohao_desk.services.statistics import StatisticsDocuments

    fmt = args.format or "json"
    if fmt not in FORMATS[args.kind]:
        raise DeskError(
            "Báo cáo '{kind}' xuất được dạng: {formats}.",
            kind=args.kind,
            formats=", ".join(FORMATS[args.kind]),
        )
    docs = StatisticsDocuments(_desk(args))
    period = docs.stats.period(
        first=parse_day(args.start) if args.start is not None else None,
        last=parse_day(args.end) if args.end is not None else None,
        kind=args.period,
        year=args.year,
        number=args.number,
    )
    span = f"từ {period.first:%d/%m/%Y} đến {period.last:%d/%m/%Y}"
    if args.kind == "kstt":
        data, report = docs.kstt(period, fmt, unit=args.unit, by_unit=args.by_unit)
        path = write_output(args.out, data)
        total = report.total
        print(
            f"Biểu 06/VPCP/KSTT {span}: tiếp nhận {group_digits(total.received_total)}, đã giải "
            f"quyết {group_digits(total.resolved_total)}, đang giải quyết "
            f"{group_digits(total.pending_total)} — {path}"
        )
        return 0
    data, indicators = docs.indicators(period, fmt, unit=args.unit, by_unit=args.by_unit)
    path = write_output(args.out, data)
    from mohao_desk.domain.statistics import format_percent

    summary = "; ".join(f"{i.code} {format_percent(i.value)}" for i in indicators.items)
    print(f"Chỉ số Quyết định 766 {span}: {summary} — {path}")
    return 0


def cmd_report_document(args: argparse.Namespace) -> int:
    from mohao_desk.services.reports import ReportService

    service = ReportService(_desk(args), unit=getattr(args, "unit", None))
    if args.command == "daily-list":
        day = parse_day(args.date)
        pdf = service.daily_list(day)
        label = f"Danh sách theo dõi hồ sơ ngày {day:%d/%m/%Y}"
    else:
        start, end = parse_day(args.start), parse_day(args.end)
        if args.command == "register-book":
            pdf = service.register_book(start, end)
            label = "Sổ theo dõi hồ sơ"
        else:
            pdf = service.explanation(start, end)
            label = "Báo cáo giải trình hồ sơ trễ hạn"
        label += f" từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}"
    path = write_output(args.out, pdf)
    print(f"Đã lập {label}: {path}")
    return 0


def add_commands(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    p = command("report", "báo cáo định kỳ (Biểu 06/VPCP/KSTT, chỉ số Quyết định 766)")
    p.add_argument(
        "kind",
        choices=tuple(FORMATS),
        help="kstt: Biểu số 06/VPCP/KSTT; indicators: các chỉ số Quyết định 766/QĐ-TTg",
    )
    p.add_argument("--from", dest="start", help="từ ngày, ví dụ 2024-04-15")
    p.add_argument("--to", dest="end", help="đến ngày, ví dụ 2024-05-14")
    p.add_argument(
        "--period",
        choices=PERIODS,
        help="kỳ báo cáo thay cho --from/--to: month, quarter, year (theo lịch); cutoff (từ "
        "ngày 15 tháng trước đến ngày 14, Nghị định 09/2019/NĐ-CP), cutoff-quarter, cutoff-year",
    )
    p.add_argument("--year", type=_count, help="năm của kỳ báo cáo")
    p.add_argument("--number", type=_count, help="tháng (1–12) hoặc quý (1–4) của kỳ báo cáo")
    p.add_argument("--unit", help="mã đơn vị (cơ sở dữ liệu cấp trên có nhiều đơn vị)")
    p.add_argument("--by-unit", action="store_true", help="thêm số liệu riêng của từng đơn vị")
    p.add_argument("--format", choices=("json", "xlsx", "pdf"), default=None)
    p.add_argument("--out", required=True, help="tệp cần ghi")
    p.set_defaults(func=cmd_report)
    p = command("daily-list", "danh sách theo dõi hằng ngày cho lãnh đạo (PDF)")
    p.add_argument("--date", required=True, help="ngày, ví dụ 2024-05-07")
    p.add_argument("--out", required=True, help="tệp PDF cần ghi")
    p.set_defaults(func=cmd_report_document)
    for name, help_text in (
        ("register-book", "sổ theo dõi hồ sơ theo khoảng ngày tiếp nhận (PDF)"),
        ("explanation", "báo cáo giải trình hồ sơ trễ hạn (PDF)"),
    ):
        p = command(name, help_text)
        p.add_argument("--from", dest="start", required=True, help="từ ngày, ví dụ 2024-05-01")
        p.add_argument("--to", dest="end", required=True, help="đến ngày, ví dụ 2024-05-31")
        p.add_argument("--out", required=True, help="tệp PDF cần ghi")
        if name == "explanation":
            p.add_argument("--unit", help="mã đơn vị (cơ quan cấp trên lập cho một đơn vị)")
        p.set_defaults(func=cmd_report_document)
