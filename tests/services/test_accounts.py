"""Accounts (issue 11): Argon2id passwords, five wrong passwords lock an account for five
minutes, every log-in and refusal is recorded, demo data has an account for every role."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.roles import Role
from mohao_desk.services.accounts import AccountService
from mohao_desk.services.demo import fill_demo
from mohao_desk.store.db import Database, open_database
from tests.conftest import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 12, 2, 2, 0, tzinfo=UTC))


@pytest.fixture
def accounts(db: Database, clock: FakeClock) -> AccountService:
    service = AccountService(db, clock=clock)
    service.set_password("motcua", "mat-khau-dai")
    return service


def test_a_log_in_with_the_right_password(accounts: AccountService, db: Database) -> None:
    account = accounts.log_in("motcua", "mat-khau-dai")
    assert account.username == "motcua" and account.full_name == "Nguyễn Thị Hồng Nhung"
    assert account.roles == {Role.DESK, Role.PROCESSING}  # the roles existing officers get
    with db.read() as conn:
        stored = conn.exec_driver_sql(
            "SELECT password_hash FROM officer WHERE username = 'motcua'"
        ).scalar()
    assert stored.startswith("$argon2id$") and "mat-khau-dai" not in stored


def test_wrong_and_unknown_say_the_same(accounts: AccountService) -> None:
    for name, password in (("motcua", "sai"), ("khongco", "mat-khau-dai")):
        with pytest.raises(DeskError) as refused:
            accounts.log_in(name, password)
        assert refused.value.message == "Tên đăng nhập hoặc mật khẩu không đúng."


def test_five_wrong_passwords_lock_for_five_minutes(
    accounts: AccountService, clock: FakeClock
) -> None:
    for _ in range(4):
        with pytest.raises(DeskError, match="không đúng"):
            accounts.log_in("motcua", "doan-sai")
    with pytest.raises(DeskError) as fifth:  # the fifth says so at once
        accounts.log_in("motcua", "doan-sai")
    assert fifth.value.message.startswith("Tài khoản motcua đang bị khóa đến 09:05")
    with pytest.raises(DeskError) as locked:
        accounts.log_in("motcua", "mat-khau-dai")  # even the right one, while locked
    assert locked.value.message.startswith("Tài khoản motcua đang bị khóa đến 09:05")
    clock.now += timedelta(minutes=5, seconds=1)
    assert accounts.log_in("motcua", "mat-khau-dai").username == "motcua"
    kinds = [kind for _at, _who, kind, _by in accounts.events("motcua")]
    assert kinds == ["password_set", *["login_failed"] * 5, "locked", "login_locked", "login"]


def test_a_disabled_account_or_one_without_password_cannot_log_in(
    accounts: AccountService,
) -> None:
    with pytest.raises(DeskError, match="chưa có mật khẩu"):
        accounts.log_in("tuphap", "bat-ky-gi-day")
    accounts.set_active("motcua", False, by="quantri")
    with pytest.raises(DeskError, match="đã ngừng sử dụng"):
        accounts.log_in("motcua", "mat-khau-dai")
    assert accounts.events("motcua")[-2][2:] == ("disabled", "quantri")


def test_passwords_and_roles_are_checked(accounts: AccountService) -> None:
    with pytest.raises(DeskError, match="ít nhất 8 ký tự"):
        accounts.set_password("motcua", "ngan")
    assert accounts.set_roles("motcua", ["lanh_dao", "tiep_nhan"]).roles == {
        Role.LEADER,
        Role.DESK,
    }
    with pytest.raises(DeskError, match="Vai trò 'giam_doc' không có"):
        accounts.set_roles("motcua", ["giam_doc"])
    with pytest.raises(DeskError, match="ít nhất một vai trò"):
        accounts.set_roles("motcua", [])


def test_the_demo_has_an_account_for_every_role(new_database) -> None:
    db = open_database(new_database("demo"))
    try:
        fill_demo(db, dossiers=30, seed=1, now=datetime(2026, 11, 1))
        service = AccountService(db)
        roles = set()
        for account in service.accounts():
            if account.has_password:
                roles |= service.log_in(account.username, "demo").roles
        assert roles == set(Role)
        assert service.log_in("quantri", "demo").roles == {Role.ADMIN}
    finally:
        db.close()
