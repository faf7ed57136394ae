"""Setting a unit up: ``init`` (with its administrator's account), ``demo``, ``unit``,
``officer`` and ``migrate-to``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from mohao_desk.cli.base import (
    BY_HELP,
    _count,
    _new_database,
    _open,
    _Parser,
    parse_moment,
    subcommand,
)
from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.text import group_digits


def cmd_init(args: argparse.Namespace) -> int:
    from mohao_desk.services.setup import OfficerInput, init_unit

    officers = []
    for spec in args.officer or []:
        parts = spec.split(":")
        if len(parts) < 2:
            raise DeskError(
                "Cán bộ '{spec}' phải có dạng tendangnhap:Họ tên[:Chức danh].", spec=spec
            )
        officers.append(OfficerInput(parts[0], parts[1], parts[2] if len(parts) > 2 else ""))
    from mohao_desk.cli.accounts import admin_input

    admin = admin_input(args.admin)
    with _new_database(args) as db:
        info = init_unit(
            db,
            code=args.unit_code,
            name=args.unit_name,
            parent_name=args.parent or "",
            place_name=args.place or "",
            office_hours=args.office_hours,
            officers=officers or None,
            admin=admin,
        )
    print(f"Đã thiết lập đơn vị {info.name} ({info.code}) tại {db.path}")
    print(
        f"Tài khoản quản trị: {admin.username}. Các tài khoản cán bộ chưa có mật khẩu: quản "
        "trị đặt bằng 'mohao-desk user passwd TÊN_ĐĂNG_NHẬP --by "
        f"{admin.username}'."
    )
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from mohao_desk.services.demo import check_demo_request, fill_demo

    now = parse_moment(args.now) if args.now is not None else None
    check_demo_request(args.dossiers, now)
    with _new_database(args) as db:
        report = fill_demo(
            db,
            dossiers=args.dossiers,
            unit_code=args.unit,
            seed=args.seed,
            now=now,
            backlog=args.backlog,
        )
    print(
        f"Đã tạo {group_digits(report.dossiers)} hồ sơ mẫu ({group_digits(report.events)} sự "
        f"kiện) cho {report.unit} "
        f"trong {report.seconds:.1f} giây: {db.path}"
    )
    print(
        "Dữ liệu mẫu: mọi tài khoản (quantri: quản trị; motcua: một cửa; tuphap: xử lý; "
        "chutich: lãnh đạo) có mật khẩu 'demo'; mật khẩu khóa ký gói cũng là 'demo'."
    )
    return 0


def cmd_officer(args: argparse.Namespace) -> int:
    from mohao_desk.domain.roles import Operation
    from mohao_desk.services.settings import add_officer, list_officers, update_officer
    from mohao_desk.services.setup import OfficerInput

    db = _open(args, operation=None if args.officer_command == "list" else Operation.ACCOUNTS)
    if args.officer_command == "add":
        officer = OfficerInput(args.username, args.name, args.title or "", args.phone or "")
        added = add_officer(db, officer)
        print(f"Đã thêm cán bộ {added.full_name} ({added.username})")
    elif args.officer_command == "edit":
        if args.name is None and args.title is None and args.phone is None:
            raise DeskError("Không có gì để sửa: nêu họ tên, chức danh hoặc số điện thoại mới.")
        changed = update_officer(
            db, args.username, full_name=args.name, title=args.title, phone=args.phone
        )
        print(f"Đã sửa cán bộ {changed.full_name} ({changed.username})")
        _print_officer(changed)
    else:
        for o in list_officers(db):
            _print_officer(o)
    return 0


def _print_officer(o: Any) -> None:
    state = "" if o.active else "  (ngừng hoạt động)"
    phone = f"  ĐT {o.phone}" if o.phone else ""
    print(f"{o.username:<16} {o.full_name:<28} {o.title}{phone}{state}")


def cmd_migrate_to(args: argparse.Namespace) -> int:
    from mohao_desk.domain.roles import Operation
    from mohao_desk.paths import default_db_path
    from mohao_desk.services.migrate import migrate_to

    source = getattr(args, "db", None) or default_db_path()
    _open(args, operation=Operation.BACKUP).close()  # the unit's administrator moves its data
    report = migrate_to(
        source, args.to, progress=lambda table, rows: print(f"  {table}: {group_digits(rows)}")
    )
    print(
        f"Đã chuyển sang {report.target}: {group_digits(report.rows['dossier'])} hồ sơ, "
        f"{group_digits(report.rows['event'])} sự kiện, {group_digits(report.files)} tệp đính "
        "kèm; số dòng, quá trình xử lý và tệp đính kèm đã đối chiếu khớp. Tệp nguồn giữ "
        "nguyên."
    )
    return 0


def cmd_unit(args: argparse.Namespace) -> int:
    from mohao_desk.domain.roles import Operation
    from mohao_desk.services.settings import check_letterheads, save_letterheads, unit_settings
    from mohao_desk.services.setup import update_unit_settings

    changes = [
        args.name, args.parent, args.place, args.office_hours, args.head, args.head_name,
        args.province, args.parent_a, args.parent_b, args.upstream_a, args.upstream_b,
    ]  # fmt: skip
    writes = any(value is not None for value in changes)
    db = _open(args, operation=Operation.UNIT_SETTINGS if writes else None)
    head = None
    if args.head is not None or args.head_name is not None:
        lines = [x.strip() for x in (args.head or "").split("|") if x.strip()] or None
        head = (lines, args.head_name)
    parents = {k: v for k, v in (("A", args.parent_a), ("B", args.parent_b)) if v is not None}
    upstreams = {k: v for k, v in (("A", args.upstream_a), ("B", args.upstream_b)) if v is not None}
    # Every value is checked before anything is saved: a refused change saves nothing.
    letterheads = check_letterheads(
        db, province_name=args.province, parents=parents, upstreams=upstreams
    )
    info = update_unit_settings(
        db,
        name=args.name,
        parent_name=args.parent,
        place_name=args.place,
        office_hours=args.office_hours,
        head_signature=head,
    )
    settings = save_letterheads(db, letterheads) if letterheads else unit_settings(db)
    print(f"Đơn vị:          {info.name} ({info.code})")
    print(f"Cơ quan cấp trên: {info.parent_name}")
    print(f"Địa danh:        {info.place_name}")
    print(f"Giờ làm việc:    {info.office_hours} ({info.timezone})")
    default = " (mặc định)"
    province = settings.province_name or "(chưa đặt)"
    mark = default if settings.province_name and not settings.province_set else ""
    print(f"Tỉnh:            {province}{mark}")
    for lh in settings.letterheads:
        print(f"Chế độ {lh.regime} ({lh.regime_name}):")
        parent = lh.parent_name or "(để trống)"
        print(f"  Cơ quan chủ quản in trên văn bản: {parent}{'' if lh.parent_set else default}")
        print(
            f"  Cơ quan cấp trên nhận báo cáo:    {lh.upstream}{'' if lh.upstream_set else default}"
        )
    return 0


def add_commands(command: Callable[..., argparse.ArgumentParser]) -> None:
    p = command("init", "thiết lập đơn vị cho cơ sở dữ liệu mới")
    p.add_argument("--unit-code", required=True, help="mã định danh điện tử, ví dụ 000.17.22.H56")
    p.add_argument(
        "--unit-name", required=True, help="tên đơn vị, ví dụ 'UBND phường Bần Yên Nhân'"
    )
    p.add_argument("--parent", help="cơ quan cấp trên, ví dụ 'UBND thị xã Mỹ Hào'")
    p.add_argument("--place", help="địa danh ghi trên văn bản, ví dụ 'Mỹ Hào'")
    p.add_argument("--office-hours", help="giờ làm việc, ví dụ 07:30-11:30,13:30-17:00")
    p.add_argument("--officer", action="append", help="tendangnhap:Họ tên[:Chức danh]")
    p.add_argument(
        "--admin",
        help="tài khoản quản trị, tendangnhap[:Họ tên] (mặc định quantri); mật khẩu "
        "từ biến môi trường MOHAO_PASSWORD hoặc được hỏi",
    )
    p.set_defaults(func=cmd_init)

    p = command("demo", "tạo dữ liệu mẫu")
    p.add_argument("--dossiers", type=_count, required=True)
    p.add_argument("--unit", help="mã đơn vị mẫu")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument(
        "--now", help="mốc thời gian 'hiện tại' của dữ liệu mẫu (mặc định: đầu ngày nay)"
    )
    p.add_argument(
        "--backlog", type=_count, default=0, help="thêm khoảng chừng này hồ sơ còn tồn đọng"
    )
    p.set_defaults(func=cmd_demo)

    p = command("officer", "cán bộ của đơn vị")
    officer_sub = p.add_subparsers(dest="officer_command", required=True, parser_class=_Parser)
    add = subcommand(officer_sub, "add")
    add.add_argument("--username", required=True)
    add.add_argument("--name", required=True)
    add.add_argument("--title")
    add.add_argument("--phone", help="số điện thoại (in trên phiếu yêu cầu bổ sung)")
    edit = officer_sub.add_parser("edit", help="sửa họ tên, chức danh, số điện thoại")
    edit.add_argument("username")
    edit.add_argument("--db", default=argparse.SUPPRESS)
    edit.add_argument("--by", default=argparse.SUPPRESS, help=BY_HELP)
    edit.add_argument("--name")
    edit.add_argument("--title")
    edit.add_argument("--phone", help="số điện thoại; chuỗi rỗng để xóa")
    subcommand(officer_sub, "list")
    p.set_defaults(func=cmd_officer)

    p = command(
        "migrate-to",
        "chuyển toàn bộ dữ liệu của đơn vị từ tệp SQLite (--db) sang máy chủ PostgreSQL",
    )
    p.add_argument("--to", required=True, help="postgresql+psycopg://người_dùng@máy:cổng/tên_csdl")
    p.set_defaults(func=cmd_migrate_to)

    p = command("unit", "xem hoặc sửa thông tin đơn vị, giờ làm việc")
    p.add_argument("--name")
    p.add_argument("--parent")
    p.add_argument("--place")
    p.add_argument("--office-hours", help="ví dụ 07:00-11:30,13:00-16:30")
    p.add_argument(
        "--head", help="chức danh người ký phiếu xin lỗi, ví dụ 'KT. CHỦ TỊCH|PHÓ CHỦ TỊCH'"
    )
    p.add_argument("--head-name", help="họ tên người ký")
    p.add_argument("--province", help="tên UBND tỉnh, ví dụ 'Ủy ban nhân dân tỉnh Hưng Yên'")
    for code, until in (("a", "đến 30/06/2025"), ("b", "từ 01/07/2025")):
        p.add_argument(
            f"--parent-{code}",
            help=f"cơ quan chủ quản in trên văn bản chế độ {code.upper()} ({until}); "
            "rỗng: mặc định",
        )
        p.add_argument(
            f"--upstream-{code}",
            help=f"cơ quan cấp trên nhận báo cáo, chế độ {code.upper()}; rỗng: mặc định",
        )
    p.set_defaults(func=cmd_unit)
