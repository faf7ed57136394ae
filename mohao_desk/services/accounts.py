"""Accounts (issue 11): who is at the keyboard. A log-in checks the password against the
account's Argon2id hash; five wrong passwords in a row lock the account for five minutes; every
log-in, refusal, lock and password change is recorded in ``account_event``.

This is the account store and the log-in. The services' checks of roles (domain/roles.py), the
window's log-in and "Đổi người dùng", and the CLI's passwords build on it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from mohao_desk.domain.errors import DeskError, template
from mohao_desk.domain.roles import Operation, Role
from mohao_desk.services import authority
from mohao_desk.services.setup import (
    OfficerInput,
    add_officer_in,
    hash_password,
    require_unit,
    roles_text,
)
from mohao_desk.store import account_queries as aq
from mohao_desk.store.db import Database

MAX_FAILURES = 5
LOCK_FOR = timedelta(minutes=5)

WRONG_PASSWORD = template("Tên đăng nhập hoặc mật khẩu không đúng.")
CURRENT_PASSWORD_WRONG = template(
    "Mật khẩu hiện tại không đúng (nhập sai 5 lần thì tài khoản bị khóa 5 phút)."
)
ACCOUNT_LOCKED = template(
    "Tài khoản {username} đang bị khóa đến {until:%H:%M} vì nhập sai mật khẩu {count} lần; "
    "hãy thử lại sau hoặc nhờ quản trị đặt lại mật khẩu."
)
ACCOUNT_DISABLED = template("Tài khoản {username} đã ngừng sử dụng.")
NO_ROLE = template("Một tài khoản cần ít nhất một vai trò.")
NO_PASSWORD_GIVEN = template("Tài khoản quản trị cần có mật khẩu.")
ADMIN_EXISTS = template(
    "Đơn vị đã có tài khoản quản trị: tài khoản mới do quản trị tạo sau khi đăng nhập."
)
LAST_ADMINISTRATOR = template(
    "Không thể bỏ quyền quản trị của {username}: đơn vị sẽ không còn ai quản trị. Hãy cấp "
    "quyền quản trị cho người khác trước."
)
NO_PASSWORD = template(
    "Tài khoản {username} chưa có mật khẩu: nhờ quản trị của đơn vị đặt mật khẩu."
)


@dataclass(frozen=True)
class Account:
    username: str
    full_name: str
    title: str
    phone: str
    roles: frozenset[Role]
    active: bool
    has_password: bool

    def can(self, role: Role) -> bool:
        return role in self.roles


def _roles(text: str) -> frozenset[Role]:
    return frozenset(Role(r) for r in text.split(",") if r)


def _account(row: Any) -> Account:
    return Account(
        username=str(row.username),
        full_name=str(row.full_name),
        title=str(row.title),
        phone=str(row.phone),
        roles=_roles(str(row.roles)),
        active=bool(row.active),
        has_password=row.password_hash is not None,
    )


class AccountService:
    def __init__(self, db: Database, *, clock: Callable[[], datetime] | None = None) -> None:
        self.db = db
        self.clock = clock or (lambda: datetime.now(UTC))

    def _now(self) -> datetime:
        now = self.clock()
        return now if now.tzinfo is not None else now.astimezone(UTC)

    def accounts(self) -> list[Account]:
        with self.db.read() as conn:
            unit = require_unit(conn)
            return [_account(r) for r in aq.accounts(conn, unit.id)]

    def get(self, username: str) -> Account:
        with self.db.read() as conn:
            unit = require_unit(conn)
            row = aq.account(conn, unit.id, username.strip())
        if row is None:
            raise DeskError("Không có tài khoản '{username}'.", username=username)
        return _account(row)

    def log_in(self, username: str, password: str) -> Account:
        """The account, when the password is right; otherwise refused (a wrong password and an
        unknown name say the same), counted, and after five in a row the account is locked."""
        now = self._now()
        name = username.strip()
        failure: DeskError | None = None
        with self.db.begin() as conn:
            unit = require_unit(conn)
            row = aq.account(conn, unit.id, name, for_update=True)
            if row is None:
                aq.record(conn, unit.id, name[:64], "login_unknown", now)
                failure = DeskError(WRONG_PASSWORD)
            elif not row.active:
                aq.record(conn, unit.id, name, "login_disabled", now)
                failure = DeskError(ACCOUNT_DISABLED, username=name)
            elif row.locked_until is not None and row.locked_until > now:
                aq.record(conn, unit.id, name, "login_locked", now)
                failure = DeskError(
                    ACCOUNT_LOCKED,
                    username=name,
                    until=_local(row.locked_until),
                    count=MAX_FAILURES,
                )
            elif row.password_hash is None:
                aq.record(conn, unit.id, name, "login_no_password", now)
                failure = DeskError(NO_PASSWORD, username=name)
            elif not _verify(str(row.password_hash), password):
                failures = int(row.failed_logins) + 1
                locked = failures >= MAX_FAILURES
                aq.update(
                    conn,
                    row.id,
                    failed_logins=0 if locked else failures,
                    locked_until=now + LOCK_FOR if locked else None,
                )
                aq.record(conn, unit.id, name, "login_failed", now, detail=str(failures))
                failure = DeskError(WRONG_PASSWORD)
                if locked:  # said at once, not only at the next try
                    aq.record(conn, unit.id, name, "locked", now, detail=str(LOCK_FOR))
                    failure = DeskError(
                        ACCOUNT_LOCKED,
                        username=name,
                        until=_local(now + LOCK_FOR),
                        count=MAX_FAILURES,
                    )
            else:
                aq.update(conn, row.id, failed_logins=0, locked_until=None)
                aq.record(conn, unit.id, name, "login", now)
                return _account(row)
        # Recorded (the transaction committed), then refused.
        raise failure

    def set_password(self, username: str, password: str, *, by: str | None = None) -> None:
        """An administrator sets (or resets) an account's password; it also lifts a lock."""
        authority.require(self.db, Operation.ACCOUNTS)
        self._change(username, "password_set", self._by(by), password_hash=hash_password(password),
                     failed_logins=0, locked_until=None)  # fmt: skip

    def change_own_password(self, username: str, current: str, new: str) -> None:
        """A person changes their own password: the current one first (no role needed)."""
        hash_password(new)  # the new one's rules, before the current one is tried
        try:
            self.log_in(username, current)
        except DeskError as exc:
            if exc.template == WRONG_PASSWORD:
                raise DeskError(CURRENT_PASSWORD_WRONG) from None
            raise
        self._change(username, "password_changed", username, password_hash=hash_password(new),
                     failed_logins=0, locked_until=None)  # fmt: skip

    def set_roles(self, username: str, roles: Any, *, by: str | None = None) -> Account:
        authority.require(self.db, Operation.ACCOUNTS)
        text = roles_text(roles)
        if not text:
            raise DeskError(NO_ROLE)
        self._keeps_an_administrator(username, roles=text)
        self._change(username, "roles_set", self._by(by), detail=text, roles=text)
        return self.get(username)

    def set_active(self, username: str, active: bool, *, by: str | None = None) -> None:
        authority.require(self.db, Operation.ACCOUNTS)
        if not active:
            self._keeps_an_administrator(username, active=False)
        self._change(username, "enabled" if active else "disabled", self._by(by), active=active)

    def add(self, officer: OfficerInput, *, by: str | None = None) -> Account:
        """A new account (``user add``, the settings window): an administrator's act."""
        authority.require(self.db, Operation.ACCOUNTS)
        return self._add(officer, self._by(by))

    def needs_administrator(self) -> bool:
        """Whether nobody can administer the unit yet: no active account with the
        administrator's role and a password (a database made before accounts existed)."""
        return not any(
            a.active and a.has_password and Role.ADMIN in a.roles for a in self.accounts()
        )

    def create_administrator(self, officer: OfficerInput) -> Account:
        """The first administrator (first run, or a database made before accounts): allowed
        without a log-in only while :meth:`needs_administrator`; refused afterwards."""
        if Role.ADMIN.value not in officer.roles:
            officer = replace(officer, roles=(*officer.roles, Role.ADMIN.value))
        if officer.password is None:
            raise DeskError(NO_PASSWORD_GIVEN)
        with self.db.begin() as conn:
            unit = require_unit(conn)
            admins = [
                r
                for r in aq.accounts(conn, unit.id)
                if r.active and r.password_hash is not None and Role.ADMIN.value in r.roles
            ]
            if admins:
                raise DeskError(ADMIN_EXISTS)
            existing = aq.account(conn, unit.id, officer.username.strip(), for_update=True)
            now = self._now()
            if existing is None:
                add_officer_in(conn, unit.id, officer)
            else:  # an officer of an older database becomes its administrator
                aq.update(
                    conn,
                    existing.id,
                    roles=roles_text({*_roles(str(existing.roles)), *officer.roles}),
                    password_hash=hash_password(officer.password),
                    active=True,
                    failed_logins=0,
                    locked_until=None,
                )
            aq.record(conn, unit.id, officer.username.strip(), "administrator_created", now)
        return self.get(officer.username)

    def _add(self, officer: OfficerInput, by: str | None) -> Account:
        with self.db.begin() as conn:
            unit = require_unit(conn)
            add_officer_in(conn, unit.id, officer)
            aq.record(
                conn, unit.id, officer.username.strip(), "created", self._now(), by=by,
                detail=roles_text(officer.roles),
            )  # fmt: skip
        return self.get(officer.username)

    def _by(self, by: str | None) -> str | None:
        account = authority.actor(self.db)
        return str(account.username) if account is not None else by

    def _keeps_an_administrator(self, username: str, **change: Any) -> None:
        """Refuse a change that would leave the unit with no active administrator."""
        name = username.strip()
        for a in self.accounts():
            if a.username == name:
                continue
            if a.active and a.has_password and Role.ADMIN in a.roles:
                return
        target = next((a for a in self.accounts() if a.username == name), None)
        if target is None or Role.ADMIN not in target.roles:
            return
        roles = change.get("roles")
        if roles is not None and Role.ADMIN.value in str(roles).split(","):
            return
        raise DeskError(LAST_ADMINISTRATOR, username=name)

    def _change(self, username: str, kind: str, by: str | None, detail: str = "", **values: Any):
        now = self._now()
        with self.db.begin() as conn:
            unit = require_unit(conn)
            row = aq.account(conn, unit.id, username.strip(), for_update=True)
            if row is None:
                raise DeskError("Không có tài khoản '{username}'.", username=username)
            aq.update(conn, row.id, **values)
            aq.record(conn, unit.id, row.username, kind, now, by=by, detail=detail)

    def events(self, username: str | None = None) -> list[tuple[datetime, str, str, str]]:
        """(when, account, what, by) of the accounts, newest last."""
        with self.db.read() as conn:
            unit = require_unit(conn)
            return [
                (r.at, str(r.username), str(r.kind), str(r.by_username or ""))
                for r in aq.events(conn, unit.id, username)
            ]


def _verify(stored: str, password: str) -> bool:
    try:
        return bool(PasswordHasher().verify(stored, password))
    except (VerificationError, InvalidHashError):
        return False


def _local(moment: datetime) -> datetime:
    from zoneinfo import ZoneInfo

    return moment.astimezone(ZoneInfo("Asia/Ho_Chi_Minh"))
