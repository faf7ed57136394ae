"""Dossier commands: ``list``, ``show``, ``register``, the acts of a dossier's life,
``document``, ``overview`` and the window."""

from __future__ import annotations

import argparse
import csv
import gc
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any, TextIO

from mohao_desk.cli.base import (
    _at,
    _count,
    _cut,
    _db_target,
    _desk,
    _fmt,
    _vn,
    parse_moment,
    write_output,
)
from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.text import group_digits, spreadsheet_text


def _view(args: argparse.Namespace) -> str:
    for flag, view in (
        ("overdue", "overdue"),
        ("due_today", "due-today"),
        ("pending", "pending"),
        ("all", "all"),
    ):
        if getattr(args, flag):
            return view
    return "pending"


def cmd_list(args: argparse.Namespace) -> int:
    desk = _lists(args)
    view = _view(args)
    if args.count and not args.search:
        print(desk.count(view))
        return 0
    with _without_cycle_collector():
        return _list(desk, view, args)


@contextmanager
def _without_cycle_collector() -> Iterator[None]:
    """The cyclic garbage collector paused while a list is read, summarised and written: its
    rows, summaries and dictionaries hold no cycles, but their number set it off again and
    again (~40 % of the time of 4,000 rows); it runs as before afterwards."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _list(desk: Any, view: str, args: argparse.Namespace) -> int:
    items = desk.list(view, search=args.search, limit=args.limit)
    if args.count:
        print(len(items))
        return 0
    out = sys.stdout
    if args.format == "json":
        write_json_list((d.as_dict() for d in items), out)
        out.write("\n")
    elif args.format == "csv":
        # csv.DictWriter's rows (its header: the first row's keys, "code" for none), one by one.
        writer = csv.writer(out)
        header = True
        for d in items:
            row = d.as_dict()
            if header:
                writer.writerow(list(row))
                header = False
            writer.writerow([spreadsheet_text(v) for v in row.values()])
        if header:
            writer.writerow(["code"])
    else:
        _print_table(items)
    return 0


def _lists(args: argparse.Namespace) -> Any:
    """What ``list`` reads its counts and rows from: on a SQLite desk at the current schema,
    the store's plain ``sqlite3`` path without SQLAlchemy (services/listing.py); anywhere else
    (PostgreSQL, a file to migrate or that cannot be opened) the ``Desk``, which opens, refuses
    or migrates it as every command does. Both give the same counts and summaries."""
    from mohao_desk.services.listing import open_listing

    listing = open_listing(_db_target(args))
    return listing if listing is not None else _desk(args)


_JSON_KEYS: dict[str, str] = {}


def write_json_list(rows: Iterable[dict[str, Any]], out: TextIO) -> None:
    """``json.dump(list(rows), out, ensure_ascii=False, indent=1)`` byte for byte, written as
    the rows come rather than built whole, each row's text and numbers encoded by ``json``'s
    C string encoder (a row with other values, or keys that are not text, goes through
    ``json.dumps`` itself)."""
    chunk: list[str] = []
    first = True
    for row in rows:
        chunk.append("[\n " if first else ",\n ")
        chunk.append(_json_row(row))
        first = False
        if len(chunk) >= 512:
            out.write("".join(chunk))
            chunk.clear()
    chunk.append("[]" if first else "\n]")
    out.write("".join(chunk))


def _json_row(row: dict[str, Any]) -> str:
    """One flat row as ``json.dump(..., indent=1)`` writes it as an item of a list."""
    encode = encode_basestring
    parts = []
    for key, value in row.items():
        prefix = _JSON_KEYS.get(key)
        if prefix is None:
            if key.__class__ is not str:
                return _json_row_slowly(row)
            prefix = _JSON_KEYS[key] = "  " + encode(key) + ": "
        kind = value.__class__
        if kind is str:
            parts.append(prefix + encode(value))
        elif value is None:
            parts.append(prefix + "null")
        elif value is True:
            parts.append(prefix + "true")
        elif value is False:
            parts.append(prefix + "false")
        elif kind is int:
            parts.append(prefix + int.__repr__(value))
        else:
            return _json_row_slowly(row)
    if not parts:
        return "{}"
    return "{\n" + ",\n".join(parts) + "\n }"


def _json_row_slowly(row: dict[str, Any]) -> str:
    return json.dumps(row, ensure_ascii=False, indent=1).replace("\n", "\n ")


def _state_text(d: Any) -> str:
    """The legal countdown (or how it ended), and the new appointment after an apology."""
    if d.countdown:
        text = d.countdown.text()
        if d.appointment:
            text += f"; hẹn lại {_vn(d.due_at)}"
        return text
    return d.timeliness.label if d.timeliness else ""


def _print_table(items: list[Any]) -> None:
    lines = [
        f"{'Mã hồ sơ':<28} {'Thủ tục':<30} {'Người nộp':<22} {'Hạn trả':<16} "
        f"{'Thời hạn':<34} Trạng thái"
    ]
    for d in items:
        lines.append(
            f"{d.code:<28} {_cut(d.procedure, 30):<30} {_cut(d.applicant, 22):<22} "
            f"{_vn(d.original_due_at):<16} {_cut(_state_text(d), 34):<34} {d.status.label}"
        )
        if len(lines) >= 512:  # printed in chunks of lines, not line by line
            print("\n".join(lines))
            lines.clear()
    lines.append(f"Tổng: {group_digits(len(items))} hồ sơ")
    print("\n".join(lines))


def _print_detail(detail: Any, fmt: str) -> None:
    s = detail.summary
    if fmt == "json":
        data = s.as_dict()
        data["regime"] = detail.regime
        data["components"] = [
            {
                "position": c.position,
                "name": c.name,
                "kind": c.kind,
                "count": c.count,
                "digitized_at": _fmt(c.digitized_at) or None,
                "sha256": c.sha256,
                "reused": c.reused,
            }
            for c in detail.components
        ]
        data["events"] = [
            {
                "seq": e.seq,
                "act": e.act.value,
                "at": _fmt(e.at),
                "officer": e.officer,
                "status_before": e.status_before.value if e.status_before else None,
                "status_after": e.status_after.value,
                "data": e.data,
            }
            for e in detail.events
        ]
        print(json.dumps(data, ensure_ascii=False, indent=1))
        return
    print(s.code)
    print(_fmt(s.due_at))
    print(f"{s.procedure} — {s.applicant} — {s.status.label}; hạn trả {_vn(s.due_at)}")
    state = _state_text(s)
    if state:
        print(f"Thời hạn: {state}")


def cmd_show(args: argparse.Namespace) -> int:
    desk = _desk(args)
    detail = desk.get(args.dossier)
    if args.format == "json":
        _print_detail(detail, "json")
        return 0
    s = detail.summary
    print(f"Mã hồ sơ:      {s.code}")
    print(f"Thủ tục:       {s.procedure} ({s.procedure_code})")
    print(f"Người nộp:     {s.applicant}  {s.phone}")
    print(f"Kênh:          {s.channel.label}")
    print(f"Tiếp nhận:     {_vn(s.received_at)}")
    counted = desk.calendar.normalize(s.received_at)
    if counted != s.received_at.replace(second=0, microsecond=0):
        print(f"Tính hạn từ:   {_vn(counted)} (nộp ngoài giờ làm việc)")
    print(f"Hạn trả:       {_vn(s.due_at)}")
    if s.original_due_at != s.due_at:
        print(f"Hạn ban đầu:   {_vn(s.original_due_at)}")
    print(f"Trạng thái:    {s.status.label}")
    if s.countdown:
        text = s.countdown.text()
        band = s.countdown.band.label
        # "quá hạn (bổ sung nhiều lần; …)" already names its band.
        print(f"Thời hạn:      {text}" + ("" if text.startswith(band) else f" ({band})"))
    if s.appointment:
        print(f"Hẹn lại:       {s.appointment.text()} đến hẹn mới {_vn(s.due_at)}")
    if s.timeliness:
        print(f"Kết quả:       {s.timeliness.label}")
    print("Thành phần hồ sơ:")
    for c in detail.components:
        mark = f"đã số hóa {_vn(c.digitized_at)}" if c.digitized_at else "chưa số hóa"
        print(f"  {c.position}. {c.name} ({c.count}) — {mark}")
    print("Quá trình xử lý:")
    for e in detail.events:
        print(f"  {_vn(e.at)}  {e.act.label}  {e.officer or ''}")
    return 0


def _act_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--dossier", required=True, help="mã hồ sơ")
    p.add_argument("--at", help="thời điểm thực hiện (mặc định: bây giờ)")
    p.add_argument("--format", choices=("text", "json"), default="text")


def cmd_register(args: argparse.Namespace) -> int:
    from mohao_desk.domain.catalog import ComponentSpec, parse_kind
    from mohao_desk.domain.lifecycle import Act, Channel

    components = None
    if args.component:
        components = []
        for spec in args.component:
            parts = [p.strip() for p in spec.split("|")]
            kind = parse_kind(parts[1]) if len(parts) > 1 and parts[1] else "original"
            try:
                count = int(parts[2]) if len(parts) > 2 else 1
            except ValueError:
                raise DeskError(
                    "Số lượng giấy tờ trong '{spec}' không hợp lệ.", spec=spec
                ) from None
            if not parts[0] or not 1 <= count <= 99:
                raise DeskError("Thành phần hồ sơ '{spec}' không hợp lệ.", spec=spec)
            components.append(ComponentSpec(parts[0], kind, count))
    received = parse_moment(args.received) if args.received is not None else None
    desk = _desk(args, Act.REGISTER)
    detail = desk.register(
        procedure_code=args.procedure,
        applicant_name=args.name,
        channel=Channel.parse(args.channel),
        address=args.address or "",
        phone=args.phone or "",
        email=args.email or "",
        id_number=args.id_number or "",
        sets_count=args.sets,
        components=components,
        received_at=received,
        verification=args.verification,
        by=args.by,
        note=args.note or "",
    )
    _print_detail(detail, args.format)
    return 0


ACT_OF_COMMAND = {
    "handover": "HANDOVER",
    "supplement-request": "SUPPLEMENT_REQUEST",
    "supplement-received": "SUPPLEMENT_RECEIVED",
    "resolve": "RESOLVE",
    "return": "RETURN",
    "refuse": "REFUSE",
    "withdraw": "WITHDRAW",
    "stop": "STOP",
    "apologize": "APOLOGIZE",
    "digitize": "DIGITIZE",
    "rate": "RATE",
}


def cmd_act(args: argparse.Namespace) -> int:
    from mohao_desk.domain.lifecycle import Act

    desk = _desk(args, Act[ACT_OF_COMMAND[args.command]])
    at, by, code = _at(args), args.by, args.dossier
    name = args.command
    if name == "handover":
        detail = desk.handover(
            code, to=args.to, body=args.body or "", note=args.note or "", at=at, by=by
        )
    elif name == "supplement-request":
        detail = desk.request_supplement(
            code, missing=args.missing or [], reason=args.reason or "", at=at, by=by
        )
    elif name == "supplement-received":
        detail = desk.receive_supplement(code, note=args.note or "", at=at, by=by)
    elif name == "resolve":
        detail = desk.resolve(code, electronic=args.electronic, note=args.note or "", at=at, by=by)
    elif name == "return":
        detail = desk.return_result(code, note=args.note or "", at=at, by=by)
    elif name == "refuse":
        detail = desk.refuse(code, reason=args.reason, at=at, by=by)
    elif name == "withdraw":
        detail = desk.withdraw(code, reason=args.reason or "", at=at, by=by)
    elif name == "stop":
        detail = desk.stop(code, reason=args.reason, at=at, by=by)
    elif name == "apologize":
        detail = desk.apologize(
            code,
            reason=args.reason,
            new_due=parse_moment(args.new_due),
            override=args.override,
            at=at,
            by=by,
        )
    elif name == "digitize":
        detail = desk.digitize(
            code,
            file=Path(args.file),
            component=args.component,
            result=args.result,
            reused=args.reused,
            electronic=args.electronic,
            at=at,
            by=by,
        )
    elif name == "rate":
        detail = desk.rate(code, rating=args.rating, at=at, by=by)
    else:  # pragma: no cover - argparse limits the choices
        raise DeskError("Lệnh '{name}' không tồn tại.", name=name)
    _print_detail(detail, args.format)
    return 0


def cmd_document(args: argparse.Namespace) -> int:
    from mohao_desk.services.documents import KIND_LABELS, DocumentService

    desk = _desk(args)
    pdf = DocumentService(desk).render(args.kind, args.dossier)
    path = write_output(args.out, pdf)
    print(f"Đã lập {KIND_LABELS[args.kind]} của hồ sơ {args.dossier}: {path}")
    return 0


def cmd_window(args: argparse.Namespace) -> int:
    """The desk window (the default command). Without Qt or a display, the text overview."""

    from mohao_desk.store.db import is_server_url

    no_display = (
        sys.platform.startswith("linux")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
        and not os.environ.get("QT_QPA_PLATFORM")
    )
    if no_display:
        print(
            "mohao-desk: không có màn hình (DISPLAY); hiển thị tổng quan dạng chữ.",
            file=sys.stderr,
        )
        return cmd_overview(args)
    try:
        from mohao_desk.ui.app import run_gui
    except ImportError as exc:  # Qt missing or its system libraries absent
        print(f"mohao-desk: không mở được cửa sổ ({exc}); hiển thị tổng quan.", file=sys.stderr)
        return cmd_overview(args)
    target: Path | str | None = None
    if args.db:
        target = args.db if is_server_url(args.db) else Path(args.db)
    return run_gui(target, demo_if_empty=args.demo_if_empty)


def cmd_overview(args: argparse.Namespace) -> int:
    path = _db_target(args)
    if isinstance(path, Path) and not path.exists():
        if not args.demo_if_empty:
            raise DeskError(
                "Chưa có cơ sở dữ liệu tại '{path}'. Chạy 'mohao-desk init' để thiết lập đơn "
                "vị, hoặc 'mohao-desk demo' để thử với dữ liệu mẫu.",
                path=path,
            )
        from mohao_desk.services.demo import fill_demo
        from mohao_desk.store.db import open_database

        print(f"Chưa có cơ sở dữ liệu: tạo dữ liệu mẫu tại {path} ...")
        fill_demo(open_database(path), dossiers=3000, unit_code=None, seed=1, now=None)
    desk = _desk(args)
    print(f"{desk.unit.name} ({desk.unit.code}) — {desk.db.path}")
    print(f"Hôm nay {desk.now():%d/%m/%Y %H:%M}")
    for label, view in (
        ("Đang giải quyết", "pending"),
        ("Đến hạn hôm nay", "due-today"),
        ("Quá hạn", "overdue"),
    ):
        print(f"  {label:<18} {desk.count(view):>8}")
    overdue = desk.list("overdue", limit=10)
    if overdue:
        print("Hồ sơ quá hạn (10 hồ sơ quá hạn lâu nhất):")
        _print_table(overdue)
    print("Gõ 'mohao-desk --help' để xem các lệnh.")
    return 0


def add_commands(command: Callable[..., argparse.ArgumentParser]) -> None:
    p = command("overview", "tổng quan hồ sơ của đơn vị")
    p.add_argument("--demo-if-empty", action="store_true", default=argparse.SUPPRESS)
    p.set_defaults(func=cmd_overview)

    p = command("list", "danh sách hồ sơ")
    views = p.add_mutually_exclusive_group()
    views.add_argument("--overdue", action="store_true", help="quá hạn")
    views.add_argument("--due-today", action="store_true", help="đến hạn hôm nay")
    views.add_argument("--pending", action="store_true", help="đang giải quyết")
    views.add_argument("--all", action="store_true", help="tất cả")
    p.add_argument("--count", action="store_true", help="chỉ in số lượng")
    p.add_argument("--format", choices=("table", "json", "csv"), default="table")
    p.add_argument("--search", help="tìm theo tên, số điện thoại, mã (không cần dấu)")
    p.add_argument("--limit", type=_count)
    p.set_defaults(func=cmd_list)

    p = command("show", "xem chi tiết một hồ sơ")
    p.add_argument("--dossier", required=True)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_show)

    p = command("register", "tiếp nhận hồ sơ mới")
    p.add_argument("--procedure", required=True, help="mã thủ tục trong danh mục")
    p.add_argument("--name", required=True, help="họ tên người nộp")
    p.add_argument("--address")
    p.add_argument("--phone")
    p.add_argument("--email")
    p.add_argument("--id-number")
    p.add_argument("--channel", default="1", help="1 trực tiếp, 2 trực tuyến, 3 bưu chính")
    p.add_argument("--sets", type=_count, default=1, help="số bộ hồ sơ")
    p.add_argument("--component", action="append", help="'Tên giấy tờ|loại|số lượng'")
    p.add_argument("--received", help="thời điểm tiếp nhận (mặc định: bây giờ)")
    p.add_argument("--verification", action="store_true", help="cần xác minh (thời hạn dài hơn)")
    p.add_argument("--note")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_register)

    p = command("handover", "chuyển hồ sơ")
    _act_common(p)
    p.add_argument("--to", help="tên đăng nhập cán bộ nhận")
    p.add_argument("--body", help="cơ quan, bộ phận nhận")
    p.add_argument("--note")
    p.set_defaults(func=cmd_act)

    p = command("supplement-request", "yêu cầu bổ sung hồ sơ (tạm dừng thời hạn)")
    _act_common(p)
    p.add_argument("--missing", action="append", help="giấy tờ cần bổ sung (lặp lại được)")
    p.add_argument("--reason", help="lý do (bắt buộc từ lần thứ hai)")
    p.set_defaults(func=cmd_act)

    p = command("supplement-received", "nhận hồ sơ bổ sung (tiếp tục tính thời hạn)")
    _act_common(p)
    p.add_argument("--note")
    p.set_defaults(func=cmd_act)

    p = command("resolve", "có kết quả giải quyết")
    _act_common(p)
    p.add_argument("--electronic", action="store_true", help="kết quả điện tử")
    p.add_argument("--note")
    p.set_defaults(func=cmd_act)

    p = command("return", "trả kết quả cho người nộp")
    _act_common(p)
    p.add_argument("--note")
    p.set_defaults(func=cmd_act)

    for name, help_text, required in (
        ("refuse", "từ chối giải quyết", True),
        ("withdraw", "người nộp rút hồ sơ", False),
        ("stop", "dừng giải quyết (Nghị định 118/2025)", True),
    ):
        p = command(name, help_text)
        _act_common(p)
        p.add_argument("--reason", required=required)
        p.set_defaults(func=cmd_act)

    p = command("apologize", "xin lỗi và hẹn lại ngày trả kết quả")
    _act_common(p)
    p.add_argument("--reason", required=True)
    p.add_argument("--new-due", required=True, help="ngày hẹn mới, ví dụ 2025-05-12T09:00")
    p.add_argument("--override", help="lý do ngoại lệ khi vi phạm quy tắc xin lỗi")
    p.set_defaults(func=cmd_act)

    p = command("digitize", "số hóa thành phần hồ sơ hoặc kết quả")
    _act_common(p)
    p.add_argument("--file", required=True)
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--component", type=_count, help="số thứ tự thành phần hồ sơ")
    target.add_argument("--result", action="store_true", help="kết quả giải quyết")
    p.add_argument("--reused", action="store_true", help="tái sử dụng dữ liệu đã số hóa")
    p.add_argument("--electronic", action="store_true", help="kết quả điện tử")
    p.set_defaults(func=cmd_act)

    p = command("rate", "ghi nhận đánh giá mức độ hài lòng")
    _act_common(p)
    p.add_argument("--rating", required=True, help="rat_hai_long | hai_long | khong_hai_long")
    p.set_defaults(func=cmd_act)

    p = command("document", "lập văn bản của một hồ sơ (PDF)")
    p.add_argument(
        "kind",
        choices=("receipt", "supplement", "refusal", "apology", "control", "stop"),
        help="receipt: giấy tiếp nhận; supplement: phiếu bổ sung; refusal: phiếu từ chối; "
        "apology: phiếu xin lỗi; control: phiếu kiểm soát; stop: thông báo dừng",
    )
    p.add_argument("--dossier", required=True)
    p.add_argument("--out", required=True, help="tệp PDF cần ghi")
    p.set_defaults(func=cmd_document)
