"""``mohao-desk export / import / keys / trust / upstream / sync-status / share-personal-data``:
sync by files between the desks and the upstream office (issue 5)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from mohao_desk.cli.accounts import signing
from mohao_desk.cli.base import _open, subcommand
from mohao_desk.domain.roles import Operation
from mohao_desk.domain.text import group_digits
from mohao_desk.domain.user_files import refuse_non_regular


def _when(moment: object) -> str:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    if not isinstance(moment, datetime):
        return "—"
    return moment.astimezone(ZoneInfo("Asia/Ho_Chi_Minh")).strftime("%H:%M %d/%m/%Y")


def cmd_export(args: argparse.Namespace) -> int:
    from mohao_desk.services.sync import export_desk_package

    db = _open(args, operation=Operation.EXPORT)
    result = signing(db, lambda: export_desk_package(db, Path(args.out)))
    if result.since is None:
        span = "toàn bộ hồ sơ"
    else:
        span = f"hồ sơ thay đổi từ gói số {result.sequence - 1}"
    personal = "có" if result.personal_data else "không có"
    print(
        f"Đã xuất gói số {result.sequence} ({span}): {group_digits(result.items)} hồ sơ, "
        f"{personal} dữ liệu cá nhân, {group_digits(result.bytes)} byte — {result.path}"
    )
    return 0


def cmd_keys(args: argparse.Namespace) -> int:
    from mohao_desk.domain.package import short_fingerprint
    from mohao_desk.services.sync import export_public_key

    if args.keys_command == "passphrase":
        return _key_passphrase(args)
    db = _open(args)
    result = signing(db, lambda: export_public_key(db, Path(args.out)))
    print(
        f"Đã ghi khóa công khai của {result.unit.name} ({result.unit.code}) — {result.path}\n"
        f"Dấu vân tay: {short_fingerprint(result.fingerprint)} (đọc cho nơi nhận để đối chiếu)"
    )
    return 0


def _key_passphrase(args: argparse.Namespace) -> int:
    """``keys passphrase``: the administrator sets (or changes) the signing key's passphrase:
    the current one from MOHAO_KEY_PASSPHRASE (or asked), the new one from
    MOHAO_NEW_KEY_PASSPHRASE (or typed twice)."""
    import os

    from mohao_desk.cli.accounts import (
        KEY_PASSPHRASE_VARIABLE,
        NEW_KEY_PASSPHRASE_VARIABLE,
        PASSWORDS_DIFFER,
        _ask,
    )
    from mohao_desk.domain.errors import DeskError
    from mohao_desk.services.sync import NEW_KEY_PASSPHRASE_NEEDED, set_key_passphrase

    db = _open(args, operation=Operation.KEYS)
    current = os.environ.get(KEY_PASSPHRASE_VARIABLE)
    if current is None:
        current = _ask("Mật khẩu khóa ký hiện tại (để trống nếu chưa có): ")
    new = os.environ.get(NEW_KEY_PASSPHRASE_VARIABLE)
    if new is None:
        new = _ask("Mật khẩu khóa ký mới: ")
        if new is not None and _ask("Nhập lại mật khẩu khóa ký mới: ") != new:
            raise DeskError(PASSWORDS_DIFFER)
    if new is None:
        raise DeskError(NEW_KEY_PASSPHRASE_NEEDED)
    set_key_passphrase(db, current or None, new)
    print("Đã đặt mật khẩu mới cho khóa ký của đơn vị.")
    return 0


def cmd_trust(args: argparse.Namespace) -> int:
    from mohao_desk.domain.package import short_fingerprint
    from mohao_desk.services.sync import trust

    # A device or FIFO is refused before the service opens it (its size on disk says 0).
    refuse_non_regular(Path(args.keyfile))
    result = trust(_open(args, operation=Operation.KEYS), Path(args.keyfile), replace=args.replace)
    verb = {
        "new": "Đã đăng ký",
        "replaced": "Đã thay khóa của",
        "unchanged": "Đã đăng ký từ trước",
    }[result.state]
    print(
        f"{verb} {result.unit_name} ({result.unit_code}); dấu vân tay "
        f"{short_fingerprint(result.fingerprint)}"
    )
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from mohao_desk.services.sync import import_packages

    paths = [Path(f) for f in args.files]
    for path in paths:  # a folder is a folder of packages; anything else must be a file
        if not path.is_dir():
            refuse_non_regular(path)
    report = import_packages(_open(args, operation=Operation.IMPORT), paths)
    labels = {
        "imported": "đã nhập",
        "duplicate": "đã nhập trước đó, bỏ qua",
        "superseded": "cũ hơn gói cấu hình đã áp dụng, chỉ ghi nhận",
    }
    for o in report.outcomes:
        what = "hồ sơ" if o.kind == "desk" else "thủ tục"
        print(
            f"{o.name}: {o.unit_name}, gói số {o.sequence}, {group_digits(o.items)} {what} — "
            f"{labels[o.state]}"
        )
    if any(o.kind == "desk" for o in report.outcomes):
        line = (
            f"Hồ sơ: {group_digits(report.dossiers_new)} mới, "
            f"{group_digits(report.dossiers_updated)} cập nhật"
        )
        if report.dossiers_kept:
            line += f", {group_digits(report.dossiers_kept)} giữ bản mới hơn đã có"
        print(line)
    for gap in report.gaps:
        print(gap.text())
    for warning in report.warnings:  # imported all the same (services/sync.py says why)
        print(f"CẢNH BÁO: {warning.render()}")
    return 0


def cmd_upstream(args: argparse.Namespace) -> int:
    if args.upstream_command == "init":
        from mohao_desk.cli.accounts import admin_input
        from mohao_desk.services.sync import init_upstream

        admin = admin_input(args.admin)
        db = _open(args, create=True)
        info = signing(db, lambda: init_upstream(db, code=args.code, name=args.name, admin=admin))
        print(f"Đã thiết lập cơ sở dữ liệu cấp trên {info.name} ({info.code}) tại {db.path}")
        print(f"Tài khoản quản trị: {admin.username}")
        return 0
    from mohao_desk.services.sync import export_config_package

    db = _open(args, operation=Operation.EXPORT)
    result = signing(
        db, lambda: export_config_package(db, Path(args.out), office_hours=args.office_hours)
    )
    print(
        f"Đã xuất gói cấu hình số {result.sequence}: {group_digits(result.items)} thủ tục, lịch "
        "và thiết lập "
        f"— {result.path}"
    )
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from mohao_desk.domain.package import ranges_text
    from mohao_desk.services.sync import sync_status

    rows = sync_status(_open(args))
    if not rows:
        print("Chưa đăng ký đơn vị nào (mohao-desk trust TỆP_KHÓA).")
    for r in rows:
        gaps = f"; thiếu gói số {ranges_text(r.missing)}" if r.missing else ""
        if r.rewritten:
            gaps += f"; LỊCH SỬ ĐÃ BỊ SỬA (gói số {ranges_text(r.rewritten)})"
        print(
            f"{r.unit_name} ({r.unit_code}): {group_digits(r.packages)} gói, mới nhất số "
            f"{r.last_sequence} "
            f"nhập lúc {_when(r.last_imported_at)}{gaps}"
        )
    return 0


def cmd_share(args: argparse.Namespace) -> int:
    from mohao_desk.services.sync import set_share_personal_data

    set_share_personal_data(_open(args, operation=Operation.UNIT_SETTINGS), args.value == "on")
    if args.value == "on":
        print("Gói xuất từ nay có họ tên, địa chỉ, điện thoại, giấy tờ của người nộp.")
    else:
        print("Gói xuất từ nay không có dữ liệu cá nhân của người nộp.")
    return 0


def add_commands(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    from mohao_desk.cli.base import _Parser

    p = command("export", "xuất gói đồng bộ gửi cơ quan cấp trên (các thay đổi từ lần trước)")
    p.add_argument("--out", required=True, help="thư mục ghi gói")
    p.set_defaults(func=cmd_export)

    p = command("keys", "khóa ký gói của đơn vị")
    keys_sub = p.add_subparsers(dest="keys_command", required=True, parser_class=_Parser)
    k = subcommand(keys_sub, "export", help="ghi tệp khóa công khai")
    k.add_argument("--out", required=True, help="tệp (hoặc thư mục) cần ghi")
    k = subcommand(
        keys_sub,
        "passphrase",
        help="đặt hoặc đổi mật khẩu khóa ký (quản trị; MOHAO_KEY_PASSPHRASE, "
        "MOHAO_NEW_KEY_PASSPHRASE hoặc hỏi)",
    )
    p.set_defaults(func=cmd_keys)

    p = command("trust", "đăng ký khóa công khai của đơn vị khác")
    p.add_argument("keyfile", help="tệp khóa công khai (mohao-desk keys export)")
    p.add_argument("--replace", action="store_true", help="thay khóa cũ (đơn vị đã cài lại)")
    p.set_defaults(func=cmd_trust)

    p = command("import", "nhập gói đồng bộ (kiểm tra tất cả trước, nhập cả hoặc không)")
    p.add_argument("files", nargs="+", help="các tệp gói .mhd hoặc thư mục chứa gói")
    p.set_defaults(func=cmd_import)

    p = command("upstream", "cơ quan cấp trên")
    up_sub = p.add_subparsers(dest="upstream_command", required=True, parser_class=_Parser)
    init = subcommand(up_sub, "init", help="tạo cơ sở dữ liệu cấp trên mới")
    init.add_argument("--code", help="mã định danh điện tử của cơ quan cấp trên")
    init.add_argument("--name", help="tên cơ quan cấp trên")
    init.add_argument("--admin", help="tài khoản quản trị, tendangnhap[:Họ tên] (mặc định quantri)")
    cfg = subcommand(up_sub, "export-config", help="xuất gói danh mục, lịch, thiết lập")
    cfg.add_argument("--out", required=True, help="thư mục ghi gói")
    cfg.add_argument("--office-hours", help="giờ làm việc áp dụng cho các đơn vị")
    p.set_defaults(func=cmd_upstream)

    p = command("sync-status", "các gói đã nhập theo đơn vị và gói còn thiếu")
    p.set_defaults(func=cmd_status)

    p = command("share-personal-data", "gói xuất có kèm dữ liệu cá nhân của người nộp không")
    p.add_argument("value", choices=("on", "off"))
    p.set_defaults(func=cmd_share)
