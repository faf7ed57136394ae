"""The services enforce the roles (issue 11): with a person logged in (``db.actor``), an act or
an operation the account's roles do not allow is refused before anything changes, and the
message names the role it needs; every event carries the logged-in account."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from mohao_desk.domain.errors import DeskError
from mohao_desk.services import sync
from mohao_desk.services.accounts import AccountService
from mohao_desk.services.backup import make_backup
from mohao_desk.services.calendar import CalendarService
from mohao_desk.services.counter import CounterService
from mohao_desk.services.desk import Desk
from mohao_desk.services.settings import set_office_hours
from mohao_desk.services.setup import OfficerInput
from mohao_desk.store.db import Database
from tests.conftest import FakeClock

NOW = datetime(2026, 12, 2, 9, 0)


@pytest.fixture
def desk(db: Database) -> Desk:
    accounts = AccountService(db)
    for username, roles in (
        ("motcua", ("tiep_nhan",)),
        ("tuphap", ("xu_ly",)),
    ):
        accounts.set_password(username, "mat-khau-dai")
        accounts.set_roles(username, roles)
    accounts.add(
        OfficerInput("chutich", "Lê Văn Chủ", "Chủ tịch", roles=("lanh_dao",), password="m" * 8)
    )
    accounts.add(OfficerInput("quantri", "Quản Trị", roles=("quan_tri",), password="m" * 8))
    return Desk(db, clock=FakeClock(NOW))


def log_in(desk: Desk, username: str) -> None:
    password = "mat-khau-dai" if username in ("motcua", "tuphap") else "m" * 8
    desk.db.actor = AccountService(desk.db).log_in(username, password)


def counts(db: Database) -> tuple[int, int]:
    with db.read() as conn:
        return (
            conn.exec_driver_sql("SELECT count(*) FROM dossier").scalar_one(),
            conn.exec_driver_sql("SELECT count(*) FROM event").scalar_one(),
        )


def register(desk: Desk) -> str:
    return desk.register(procedure_code="2.000815", applicant_name="Trần Văn Cường").summary.code


def test_each_act_is_the_role_of_the_table(desk: Desk) -> None:
    log_in(desk, "tuphap")
    with pytest.raises(DeskError) as refused:
        register(desk)
    assert refused.value.message == (
        "Việc 'Tiếp nhận hồ sơ' cần vai trò 'Tiếp nhận, trả kết quả' (tiep_nhan); tài khoản "
        "tuphap không có vai trò đó."
    )
    assert counts(desk.db) == (0, 0)
    log_in(desk, "motcua")
    code = register(desk)
    desk.handover(code, to="tuphap")
    with pytest.raises(DeskError, match="'Xử lý hồ sơ' \\(xu_ly\\) hoặc 'Lãnh đạo'"):
        desk.resolve(code)
    with pytest.raises(DeskError, match="'Lãnh đạo' \\(lanh_dao\\); tài khoản motcua"):
        desk.stop(code, reason="Người nộp đề nghị")
    log_in(desk, "tuphap")
    detail = desk.resolve(code)
    assert [e.officer for e in detail.events] == [
        "Nguyễn Thị Hồng Nhung",
        "Nguyễn Thị Hồng Nhung",
        "Trần Văn Đức",
    ]
    assert counts(desk.db) == (1, 3)


def test_an_act_is_recorded_for_the_account_only(desk: Desk) -> None:
    log_in(desk, "motcua")
    with pytest.raises(DeskError, match="không ghi nhận thay cho cán bộ tuphap"):
        desk.register(procedure_code="2.000815", applicant_name="Trần Văn Cường", by="tuphap")
    assert counts(desk.db) == (0, 0)
    code = register(desk)
    assert desk.get(code).events[0].officer == "Nguyễn Thị Hồng Nhung"


def test_an_apology_against_the_rules_is_the_leaders(desk: Desk) -> None:
    log_in(desk, "motcua")
    code = desk.register(
        procedure_code="2.000815",
        applicant_name="Trần Văn Cường",
        received_at=datetime(2026, 11, 2, 9, 0),
    ).summary.code
    late = dict(reason="Chờ xác minh", new_due=datetime(2026, 12, 9, 9, 0), at=NOW)
    # Late already (the slip must come before the due moment): only with an override.
    with pytest.raises(DeskError) as refused:
        desk.apologize(code, **late, override="Chủ tịch đồng ý")
    assert "'Lãnh đạo' (lanh_dao)" in refused.value.message
    assert desk.get(code).summary.apology_count == 0
    log_in(desk, "chutich")
    assert desk.apologize(code, **late, override="Chủ tịch đồng ý").summary.apology_count == 1


@pytest.mark.parametrize(
    "change",
    [
        lambda db, tmp: CalendarService(db).set_override(date(2026, 12, 31), working=False),
        lambda db, tmp: set_office_hours(db, []),
        lambda db, tmp: AccountService(db).set_roles("motcua", ["quan_tri"]),
        lambda db, tmp: AccountService(db).set_password("tuphap", "mat-khau-moi"),
        lambda db, tmp: (
            make_backup(db, tmp / "copy.sqlite3")
            if db.dialect == "sqlite"
            else (sync.trust(db, tmp / "none.json"))
        ),
        lambda db, tmp: sync.export_desk_package(db, tmp),
    ],
    ids=["calendar", "office-hours", "roles", "password", "backup-or-keys", "export"],
)
def test_administration_is_refused_to_a_desk_officer(desk: Desk, tmp_path: Path, change) -> None:
    tmp_path = tmp_path / "ra"
    tmp_path.mkdir()
    log_in(desk, "motcua")
    before = sync.table_dump(desk.db)
    with pytest.raises(DeskError, match="cần vai trò"):
        change(desk.db, tmp_path)
    after = sync.table_dump(desk.db)
    before.pop("account_event"), after.pop("account_event")
    assert after == before
    assert list(tmp_path.iterdir()) == []


def test_a_counter_refusal_is_the_desks(desk: Desk) -> None:
    log_in(desk, "tuphap")
    with pytest.raises(DeskError, match="Từ chối tiếp nhận tại quầy"):
        CounterService(desk).refuse(
            procedure_code="2.000815", applicant_name="Trần Văn Cường", reason="Thiếu giấy tờ"
        )


def test_the_last_administrator_stays(desk: Desk) -> None:
    log_in(desk, "quantri")
    accounts = AccountService(desk.db)
    with pytest.raises(DeskError, match="không còn ai quản trị"):
        accounts.set_active("quantri", False)
    with pytest.raises(DeskError, match="không còn ai quản trị"):
        accounts.set_roles("quantri", ["tiep_nhan"])
    accounts.set_roles("chutich", ["lanh_dao", "quan_tri"])
    accounts.set_roles("quantri", ["tiep_nhan"])  # another administrator is there now
    assert [e[2] for e in accounts.events("quantri")][-1] == "roles_set"


def test_the_first_administrator_of_an_older_database(db: Database) -> None:
    accounts = AccountService(db)
    assert accounts.needs_administrator()
    made = accounts.create_administrator(
        OfficerInput("motcua", "Nguyễn Thị Hồng Nhung", password="mat-khau-dai")
    )
    assert {r.value for r in made.roles} == {"tiep_nhan", "xu_ly", "quan_tri"}
    assert not accounts.needs_administrator()
    with pytest.raises(DeskError, match="đã có tài khoản quản trị"):
        accounts.create_administrator(OfficerInput("x", "X", password="mat-khau-dai"))
