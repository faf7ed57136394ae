"""``mohao-desk calendar``: the unit's working calendar, its overrides and (at the upstream office)
the official announcements."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from mohao_desk.cli.base import (
    WEEKDAYS_VI,
    _count,
    _open,
    _Parser,
    parse_day,
    subcommand,
)


def cmd_calendar(args: argparse.Namespace) -> int:
    from mohao_desk.domain.roles import Operation
    from mohao_desk.services.calendar import CalendarService

    writes = args.calendar_command != "show"
    db = _open(args, operation=Operation.CALENDAR if writes else None)
    service = CalendarService(db)
    if args.calendar_command == "show":
        from mohao_desk.services.calendar import gaps_text
        from mohao_desk.services.desk import Desk

        for day, label in service.year(args.year):
            print(f"{day:%d/%m/%Y} {WEEKDAYS_VI[day.weekday()]:<3} {label}")
        gaps = service.gaps(Desk(db).now().date())
        if args.year not in gaps.unannounced_years and not service.announced(args.year):
            print(
                f"Năm {args.year} chưa có thông báo lịch nghỉ chính thức nào trong chương "
                "trình: các ngày trên theo quy tắc của gói holidays."
            )
        if gaps:
            print(gaps_text(gaps))
        return 0
    day = parse_day(args.date)
    if args.calendar_command in ("announce-off", "announce-work"):
        working = args.calendar_command == "announce-work"
        added = service.add_announcement(
            day,
            working=working,
            name=args.name,
            document=args.document,
            document_date=parse_day(args.document_date),
            certain=not args.unsure,
            note=args.note or "",
        )
        kind = "ngày làm việc" if working else "ngày nghỉ"
        print(
            f"Đã thêm thông báo {kind} {day:%d/%m/%Y} ({added.source_text}); thông báo được "
            "gửi đến các đơn vị trong gói cấu hình tiếp theo."
        )
        return 0
    if args.calendar_command == "remove-announcement":
        service.remove_announcement(day)
        print(f"Đã bỏ thông báo lịch ngày {day:%d/%m/%Y}")
        return 0
    if args.calendar_command == "add-off":
        service.set_override(day, working=False, note=args.note or "")
        print(f"Đã thêm ngày nghỉ {day:%d/%m/%Y}")
    elif args.calendar_command == "add-work":
        service.set_override(day, working=True, note=args.note or "")
        print(f"Đã thêm ngày làm việc {day:%d/%m/%Y}")
    else:
        service.remove_override(day)
        print(f"Đã bỏ điều chỉnh ngày {day:%d/%m/%Y}")
    return 0


def add_commands(command: Callable[..., argparse.ArgumentParser]) -> None:
    p = command("calendar", "lịch làm việc và điều chỉnh của đơn vị")
    cal_sub = p.add_subparsers(dest="calendar_command", required=True, parser_class=_Parser)
    show = subcommand(cal_sub, "show")
    show.add_argument("--year", type=_count, required=True)
    for name in ("add-off", "add-work", "remove"):
        c = subcommand(cal_sub, name)
        c.add_argument("--date", required=True)
        c.add_argument("--note")
    # Official announcements, at the upstream office: sent to the desks in its config packages.
    for name, what in (("announce-off", "ngày nghỉ"), ("announce-work", "ngày làm việc")):
        c = subcommand(cal_sub, name, help=f"công bố {what} theo văn bản của Chính phủ (cấp trên)")
        c.add_argument("--date", required=True)
        c.add_argument("--name", required=True, help="tên ngày, ví dụ 'Tết Nguyên đán'")
        c.add_argument("--document", required=True, help="số văn bản, ví dụ 12729/VPCP-KGVX")
        c.add_argument("--document-date", required=True, help="ngày của văn bản")
        c.add_argument("--unsure", action="store_true", help="chưa có văn bản chính thức")
        c.add_argument("--note")
    c = subcommand(cal_sub, "remove-announcement", help="bỏ thông báo lịch (cấp trên)")
    c.add_argument("--date", required=True)
    p.set_defaults(func=cmd_calendar)
