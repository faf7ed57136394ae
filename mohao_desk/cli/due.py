"""The ``due`` command: a deadline from the built-in calendar (or a desk's), the quickest
command there is; its module imports nothing but the parser's helpers and the deadline rules."""

from __future__ import annotations

import argparse

from mohao_desk.cli.base import _count, _desk, _fmt, _vn, parse_hhmm, parse_moment

TYPE_CHECKING = False  # (not typing's: no typing import at run time; mypy reads it)
if TYPE_CHECKING:
    from collections.abc import Callable


def cmd_due(args: argparse.Namespace) -> int:
    from mohao_desk.domain.deadline import ProcessingTime, TimeUnit, due_moment

    received = parse_moment(args.received).replace(second=0)
    if args.days is not None:
        period = ProcessingTime(args.days, TimeUnit.WORKING_DAYS)
    elif args.hours is not None:
        period = ProcessingTime(args.hours, TimeUnit.WORKING_HOURS)
    elif args.calendar_days is not None:
        period = ProcessingTime(args.calendar_days, TimeUnit.CALENDAR_DAYS)
    elif args.months is not None:
        period = ProcessingTime(args.months, TimeUnit.MONTHS)
    else:
        period = ProcessingTime(0, TimeUnit.SAME_DAY, parse_hhmm(args.cutoff))
    if args.db:
        calendar = _desk(args).calendar
    else:
        from mohao_desk.domain.calendar import vietnam_calendar

        calendar = vietnam_calendar()
    due = due_moment(calendar, received, period)
    counted = calendar.normalize(received)
    print(_fmt(due))
    print(f"Tính từ {_vn(counted)} ({period.describe()}): hạn trả {_vn(due)}")
    return 0


def add_commands(command: Callable[..., argparse.ArgumentParser]) -> None:
    p = command("due", "tính hạn trả kết quả")
    p.add_argument("--received", required=True, help="thời điểm tiếp nhận, ví dụ 2024-04-26T09:00")
    unit = p.add_mutually_exclusive_group(required=True)
    unit.add_argument("--days", type=_count, help="số ngày làm việc")
    unit.add_argument("--hours", type=_count, help="số giờ làm việc")
    unit.add_argument("--same-day", action="store_true", help="giải quyết trong ngày (mốc 15 giờ)")
    unit.add_argument("--calendar-days", type=_count, help="số ngày theo lịch")
    unit.add_argument("--months", type=_count, help="số tháng")
    p.add_argument("--cutoff", default="15:00", help="mốc giờ của thủ tục trong ngày")
    p.set_defaults(func=cmd_due)
