"""First run: the set-up dialog creates the unit (or demo data); bad input is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from mohao_desk.domain.errors import DeskError
from mohao_desk.services.accounts import AccountService
from mohao_desk.services.desk import Desk
from mohao_desk.services.setup import has_unit, open_unit_database
from mohao_desk.ui.app import SetupDialog


@pytest.fixture
def fresh(tmp_path: Path):
    db = open_unit_database(tmp_path / "new.sqlite3")
    yield db
    db.close()


def test_setup_creates_the_unit_and_officers(qtbot, fresh) -> None:
    dialog = SetupDialog()
    qtbot.addWidget(dialog)
    dialog.name.setText("Ủy ban nhân dân xã Hòa Phong")
    dialog.code.setText("000.31.22.H31")
    dialog.parent_name.setText("Ủy ban nhân dân tỉnh Hưng Yên")
    dialog.place.setText("Hòa Phong")
    dialog.officers.setPlainText("motcua: Lê Thị Hoa: Công chức Một cửa\ntuphap: Vũ Văn Nam")
    # The administrator's account (issue 11): a password of 8 characters, typed twice.
    dialog.admin.full_name.setText("Hoàng Thị Mai")
    dialog.admin.password.setText("ngan")
    assert "Mật khẩu phải có ít nhất 8 ký tự." in dialog.problems()
    dialog.admin.password.setText("mat-khau-quan-tri")
    dialog.admin.repeat.setText("mat-khau-quan-tri")
    assert dialog.problems() == []
    assert not has_unit(fresh)
    dialog.apply(fresh)
    desk = Desk(fresh)
    assert desk.unit.name == "Ủy ban nhân dân xã Hòa Phong"
    assert desk.unit.place_name == "Hòa Phong"
    assert desk.officers() == [("motcua", "Lê Thị Hoa"), ("tuphap", "Vũ Văn Nam"),
                               ("quantri", "Hoàng Thị Mai")]  # fmt: skip
    assert desk.default_officer() == "motcua"
    admin = AccountService(fresh).log_in("quantri", "mat-khau-quan-tri")
    assert {r.value for r in admin.roles} == {"quan_tri"}


def test_setup_refuses_bad_input_and_writes_nothing(qtbot, fresh) -> None:
    dialog = SetupDialog()
    qtbot.addWidget(dialog)
    dialog.name.setText("Xã A")
    dialog.code.setText("mã sai có dấu cách")
    with pytest.raises(DeskError, match="Mã cơ quan"):
        dialog.apply(fresh)
    dialog.code.setText("000.31.22.H31")
    dialog.officers.setPlainText("chỉ một phần")
    with pytest.raises(DeskError, match="tên đăng nhập: họ tên"):
        dialog.apply(fresh)
    assert not has_unit(fresh)


def test_setup_with_demo_data(qtbot, fresh) -> None:
    dialog = SetupDialog()
    qtbot.addWidget(dialog)
    dialog.demo.setChecked(True)
    assert not dialog.name.isEnabled()
    dialog.apply(fresh)
    assert has_unit(fresh)
    assert Desk(fresh).count("all") == 3000
