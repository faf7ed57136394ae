"""``mohao-desk counter-refuse …`` and ``counter-refusals``: refusals at the counter (Mẫu 03 for a
request that never became a dossier; counted apart from every dossier statistic)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from mohao_desk.cli.base import _desk, parse_day, parse_moment, write_output
from mohao_desk.domain.text import group_digits

if TYPE_CHECKING:
    from mohao_desk.services.counter import CounterService


def _service(args: argparse.Namespace, operation: Any = None) -> CounterService:
    from mohao_desk.services.counter import CounterService

    return CounterService(_desk(args, operation))


def cmd_counter_refuse(args: argparse.Namespace) -> int:
    from mohao_desk.domain.lifecycle import Channel
    from mohao_desk.domain.roles import Operation

    service = _service(args, Operation.COUNTER_REFUSAL)
    refusal = service.refuse(
        procedure_code=args.procedure,
        applicant_name=args.name,
        reason="\n".join(args.reason),
        address=args.address or "",
        phone=args.phone or "",
        email=args.email or "",
        channel=Channel.parse(args.channel),
        at=parse_moment(args.at) if args.at is not None else None,
        by=args.by,
    )
    line = (
        f"Đã ghi nhận từ chối tiếp nhận tại quầy số {refusal.reference} "
        f"({refusal.at:%H:%M %d/%m/%Y}): {refusal.applicant} — {refusal.procedure}. "
        "Không tạo hồ sơ."
    )
    if args.out:
        path = write_output(args.out, service.slip(refusal.id))
        line += f" Phiếu từ chối (Mẫu 03): {path}"
    print(line)
    return 0


def cmd_counter_slip(args: argparse.Namespace) -> int:
    service = _service(args)
    refusal = service.get(args.id)
    path = write_output(args.out, service.slip(refusal.id))
    print(f"Đã lập Phiếu từ chối tiếp nhận số {refusal.reference}: {path}")
    return 0


def cmd_counter_refusals(args: argparse.Namespace) -> int:
    service = _service(args)
    today = service.desk.now().date()
    start = parse_day(args.start) if args.start is not None else today.replace(day=1)
    end = parse_day(args.end) if args.end is not None else today
    refusals = service.between(start, end)
    if args.format == "json":
        print(
            json.dumps(
                [
                    {
                        "id": r.id,
                        "number": r.reference,
                        "at": r.at.isoformat(timespec="minutes"),
                        "procedure_code": r.procedure_code,
                        "procedure": r.procedure,
                        "applicant": r.applicant,
                        "reason": r.reason,
                        "officer": r.officer,
                    }
                    for r in refusals
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    print(
        f"Từ chối tiếp nhận tại quầy từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}: "
        f"{group_digits(len(refusals))} lượt (không phải hồ sơ, không tính vào thống kê hồ sơ)"
    )
    for r in refusals:
        reason = r.reason.replace("\n", "; ")
        print(
            f"  {r.reference:>9}  {r.at:%d/%m/%Y %H:%M}  {r.procedure_code:<12} {r.applicant}"
            f" — {reason} ({r.officer or 'không ghi cán bộ'}) [id {r.id}]"
        )
    return 0


def _id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' không phải số phiếu hợp lệ") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"'{text}' không phải số phiếu hợp lệ")
    return value


def add_commands(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    p = command(
        "counter-refuse",
        "từ chối tiếp nhận hồ sơ tại quầy (in Mẫu 03; không tạo hồ sơ, không tính vào thống kê)",
    )
    p.add_argument("--procedure", required=True, help="mã thủ tục trong danh mục")
    p.add_argument("--name", required=True, help="họ tên người nộp")
    p.add_argument("--reason", required=True, action="append", help="lý do (lặp lại nếu nhiều)")
    p.add_argument("--address")
    p.add_argument("--phone")
    p.add_argument("--email")
    p.add_argument("--channel", default="1", help="1 trực tiếp, 2 trực tuyến, 3 bưu chính")
    p.add_argument("--at", help="thời điểm từ chối (mặc định: bây giờ)")
    p.add_argument("--out", help="tệp PDF của phiếu từ chối (Mẫu 03) cần ghi")
    p.set_defaults(func=cmd_counter_refuse)

    p = command("counter-refusals", "danh sách các lượt từ chối tiếp nhận tại quầy")
    p.add_argument("--from", dest="start", help="từ ngày (mặc định: đầu tháng này)")
    p.add_argument("--to", dest="end", help="đến ngày (mặc định: hôm nay)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_counter_refusals)

    p = command("counter-refusal-slip", "in lại phiếu từ chối tiếp nhận tại quầy (PDF)")
    p.add_argument("id", type=_id, help="số id của lượt từ chối (xem counter-refusals)")
    p.add_argument("--out", required=True, help="tệp PDF cần ghi")
    p.set_defaults(func=cmd_counter_slip)
