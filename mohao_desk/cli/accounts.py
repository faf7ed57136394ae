"""Accounts on the command line (issue 11): the log-in of a command that changes data, and
``mohao-desk user add|list|passwd|disable|enable|roles``.

A command that changes data acts as ``--by USERNAME`` (without it, the unit's default
account) and takes that account's password from the ``MOHAO_PASSWORD`` environment variable,
or asks for it when a person is at the terminal. A wrong password, a locked account or a
missing role exits 2 with one line, and nothing is written. Read-only commands (lists, show,
documents, reports, ``due``, ``audit verify``) ask for nothing.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from typing import Any

from mohao_desk.cli.base import _open
from mohao_desk.domain.errors import DeskError, template

PASSWORD_VARIABLE = "MOHAO_PASSWORD"
NEW_PASSWORD_VARIABLE = "MOHAO_NEW_PASSWORD"
KEY_PASSPHRASE_VARIABLE = "MOHAO_KEY_PASSPHRASE"
NEW_KEY_PASSPHRASE_VARIABLE = "MOHAO_NEW_KEY_PASSPHRASE"

NO_DEFAULT_ACCOUNT = template("Đơn vị chưa đặt tài khoản mặc định: hãy nêu tài khoản thực hiện.")
PASSWORD_NEEDED = template("Cần mật khẩu của tài khoản {username} để ghi nhận việc này.")
NEW_PASSWORD_NEEDED = template("Cần mật khẩu mới cho tài khoản {username}.")
PASSWORDS_DIFFER = template("Hai lần nhập mật khẩu mới không giống nhau.")


def _ask(prompt: str) -> str | None:
    """A password typed at the terminal (not echoed); None when no person is there."""
    if not sys.stdin.isatty():
        return None
    try:
        return getpass.getpass(prompt)
    except EOFError:
        return None


def password_of(username: str) -> str:
    password = os.environ.get(PASSWORD_VARIABLE)
    if password is None:
        password = _ask(f"Mật khẩu của {username}: ")
    if password is None:
        raise DeskError(PASSWORD_NEEDED, username=username)
    return password


def new_password(username: str, *, required: bool = True) -> str | None:
    """The new password of ``username``: ``MOHAO_NEW_PASSWORD``, or typed twice."""
    password = os.environ.get(NEW_PASSWORD_VARIABLE)
    if password is not None:
        return password
    first = _ask(f"Mật khẩu mới của {username}: ")
    if first is None:
        if required:
            raise DeskError(NEW_PASSWORD_NEEDED, username=username)
        return None
    if _ask("Nhập lại mật khẩu mới: ") != first:
        raise DeskError(PASSWORDS_DIFFER)
    return first


def log_in(args: argparse.Namespace, db: Any, operation: Any = None) -> Any:
    """Log in the account of ``--by`` (or the unit's default) on ``db``'s session, and check
    its role for ``operation`` before the command does anything."""
    return _log_in(args, db, operation)[0]


def _log_in(args: argparse.Namespace, db: Any, operation: Any = None) -> tuple[Any, str]:
    from mohao_desk.services import authority
    from mohao_desk.services.accounts import AccountService
    from mohao_desk.store import queries as q

    username = (getattr(args, "by", None) or "").strip()
    if not username:
        with db.read() as conn:
            default = q.get_setting(conn, "default_officer")
        if not default:
            raise DeskError(NO_DEFAULT_ACCOUNT)
        username = str(default)
    password = password_of(username)
    account = AccountService(db).log_in(username, password)
    db.actor = account
    if operation is not None:
        authority.require(db, operation)
    return account, password


def signing(db: Any, work: Callable[[], Any]) -> Any:
    """Run ``work`` (an export, ``upstream init``) with the unit's key passphrase: from
    ``MOHAO_KEY_PASSPHRASE``, or asked at the terminal when the key needs it (twice for a new
    key)."""
    from mohao_desk.services.sync import KeyPassphraseNeeded

    given = os.environ.get(KEY_PASSPHRASE_VARIABLE)
    if given is not None:
        db.key_passphrase = given
    try:
        return work()
    except KeyPassphraseNeeded as need:
        if given is not None:
            raise
        if need.new:
            first = _ask("Đặt mật khẩu cho khóa ký mới của đơn vị: ")
            if first is not None:
                from mohao_desk.domain.package import check_key_passphrase

                check_key_passphrase(first)
                if _ask("Nhập lại mật khẩu khóa ký: ") != first:
                    raise DeskError(PASSWORDS_DIFFER) from None
        else:
            first = _ask("Mật khẩu khóa ký của đơn vị: ")
        if first is None:
            raise
        db.key_passphrase = first
        return work()


DEFAULT_ADMIN = "quantri:Quản trị hệ thống"


def admin_input(spec: str | None) -> Any:
    """The administrator's account of a new database (``--admin tendangnhap[:Họ tên]``), with
    its password from ``MOHAO_PASSWORD`` or typed twice: the account that logs in next."""
    from mohao_desk.services.setup import OfficerInput

    username, _, name = (spec or DEFAULT_ADMIN).partition(":")
    username = username.strip()
    password = os.environ.get(PASSWORD_VARIABLE)
    if password is None:
        if not sys.stdin.isatty():
            raise DeskError(PASSWORD_NEEDED, username=username)
        password = new_password(username)
    assert password is not None
    return OfficerInput(
        username, name.strip() or "Quản trị hệ thống", "", roles=("quan_tri",), password=password
    )


# ---------------------------------------------------------------------- user


def _roles(text: str) -> tuple[str, ...]:
    from mohao_desk.domain.roles import Role

    return tuple(Role.parse(part).value for part in text.replace("+", ",").split(",") if part)


def cmd_user(args: argparse.Namespace) -> int:
    from mohao_desk.domain.roles import Operation, Role
    from mohao_desk.services.accounts import AccountService
    from mohao_desk.services.setup import OfficerInput

    db = _open(args)
    service = AccountService(db)
    command = args.user_command
    if command == "list":
        accounts = sorted(
            (a for a in service.accounts() if a.active or args.all), key=lambda a: a.username
        )
        if args.format == "json":
            rows: list[dict[str, Any]] = []
            for a in accounts:
                row: dict[str, Any] = {
                    "username": a.username,
                    "name": a.full_name,
                    "roles": [r.value for r in Role if r in a.roles],
                }
                if args.all:
                    row["active"] = a.active
                rows.append(row)
            print(json.dumps(rows, ensure_ascii=False, indent=1))
            return 0
        for a in accounts:
            roles = ", ".join(f"{r.label} ({r.value})" for r in Role if r in a.roles)
            marks = [] if a.active else ["ngừng sử dụng"]
            if not a.has_password:
                marks.append("chưa có mật khẩu")
            mark = f"  ({'; '.join(marks)})" if marks else ""
            print(f"{a.username:<16} {a.full_name:<28} {roles}{mark}")
        return 0
    if command == "add":
        roles = _roles(args.roles)
        officer = OfficerInput(
            args.username, args.name, args.title or "", args.phone or "", roles=roles
        )
        if Role.ADMIN.value in roles and service.needs_administrator():
            # The unit's first administrator (a database made before accounts): no log-in.
            password = new_password(args.username)
            added = service.create_administrator(
                OfficerInput(**{**officer.__dict__, "password": password})
            )
        else:
            log_in(args, db, Operation.ACCOUNTS)
            password = new_password(args.username, required=False)
            added = service.add(OfficerInput(**{**officer.__dict__, "password": password}))
        note = "" if added.has_password else "; chưa có mật khẩu (đặt bằng 'user passwd')"
        print(f"Đã thêm tài khoản {added.full_name} ({added.username}){note}")
        return 0
    if command == "passwd":
        account, current = _log_in(args, db)
        target = args.username or account.username
        if target == account.username and Role.ADMIN not in account.roles:
            password = new_password(target)
            assert password is not None
            service.change_own_password(target, current, password)
        else:
            password = new_password(target)
            assert password is not None
            service.set_password(target, password)
        print(f"Đã đặt mật khẩu mới cho tài khoản {target}")
        return 0
    log_in(args, db, Operation.ACCOUNTS)
    if command in ("disable", "enable"):
        service.set_active(args.username, command == "enable")
        what = "cho dùng lại" if command == "enable" else "ngừng sử dụng"
        print(f"Đã {what} tài khoản {args.username}")
        return 0
    changed = service.set_roles(args.username, _roles(args.roles))
    roles = ", ".join(r.value for r in Role if r in changed.roles)
    print(f"Vai trò của {changed.username}: {roles}")
    return 0


def add_commands(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    from mohao_desk.cli.base import _Parser, subcommand

    roles_help = "vai trò, cách nhau bởi dấu phẩy: tiep_nhan, xu_ly, lanh_dao, quan_tri"
    p = command("user", "tài khoản đăng nhập và vai trò")
    sub = p.add_subparsers(dest="user_command", required=True, parser_class=_Parser)

    def user_command(name: str, help_text: str) -> argparse.ArgumentParser:
        return subcommand(sub, name, help_text, description=help_text)

    c = user_command("list", "danh sách tài khoản")
    c.add_argument("--format", choices=("text", "json"), default="text")
    c.add_argument("--all", action="store_true", help="kể cả tài khoản đã ngừng sử dụng")
    c = user_command(
        "add", "thêm tài khoản (mật khẩu mới: biến môi trường MOHAO_NEW_PASSWORD hoặc hỏi)"
    )
    c.add_argument("username")
    c.add_argument("--name", required=True, help="họ tên")
    c.add_argument("--title", help="chức danh")
    c.add_argument("--phone", help="số điện thoại (in trên phiếu yêu cầu bổ sung)")
    c.add_argument("--roles", required=True, help=roles_help)
    c = user_command("passwd", "đặt mật khẩu mới (của mình, hoặc của người khác: quản trị)")
    c.add_argument("username", nargs="?")
    for name, text in (("disable", "ngừng sử dụng tài khoản"), ("enable", "cho dùng lại")):
        user_command(name, text).add_argument("username")
    c = user_command("roles", "đặt vai trò của một tài khoản")
    c.add_argument("username")
    c.add_argument("roles", help=roles_help)
    p.set_defaults(func=cmd_user)
