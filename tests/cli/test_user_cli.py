"""Accounts on the command line (issue 11): acts log in as ``--by`` (or the default account)
with ``MOHAO_PASSWORD``; a wrong password or a missing role exits 2 with one line and writes
nothing; ``user add|list|passwd|disable``; read-only commands ask for nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.accounts import PASSWORD, init_unit_cli
from tests.cli.test_cli import cli

UNIT = ("--unit-code", "000.17.22.H56", "--unit-name", "UBND phường Bần Yên Nhân")
REGISTER = ("register", "--procedure", "2.000815", "--name", "Trần Văn Cường")


@pytest.fixture
def desk_db(tmp_path: Path, capsys, monkeypatch) -> Path:
    path = tmp_path / "desk.sqlite3"
    init_unit_cli(monkeypatch, capsys, path, *UNIT)
    return path


def count(capsys, path: Path) -> int:
    code, out, err = cli(capsys, "list", "--all", "--count", "--db", str(path))
    assert code == 0, err
    return int(out)


def test_a_wrong_password_exits_2_and_writes_nothing(desk_db: Path) -> None:
    env = {**os.environ, "MOHAO_PASSWORD": "sai-mat-khau", "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [sys.executable, "-m", "mohao_desk", *REGISTER, "--db", str(desk_db)],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=120, check=False,
        stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == "mohao-desk: Tên đăng nhập hoặc mật khẩu không đúng.\n"


def test_the_right_password_registers_as_the_account(desk_db: Path, capsys) -> None:
    code, out, err = cli(capsys, *REGISTER, "--db", str(desk_db), "--format", "json")
    assert code == 0, err
    assert json.loads(out)["events"][0]["officer"] == "Công chức Một cửa"  # motcua, the default
    assert count(capsys, desk_db) == 1


def test_no_password_and_nobody_at_the_terminal(desk_db: Path, capsys, monkeypatch) -> None:
    monkeypatch.delenv("MOHAO_PASSWORD")
    code, out, err = cli(capsys, *REGISTER, "--db", str(desk_db))
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        "mohao-desk: Cần mật khẩu của tài khoản motcua để ghi nhận việc này (đặt biến môi "
        "trường MOHAO_PASSWORD, hoặc chạy lệnh ở cửa sổ dòng lệnh để được hỏi)."
    ]
    # Read-only commands ask for nothing.
    assert count(capsys, desk_db) == 0
    code, out, _ = cli(capsys, "user", "list", "--db", str(desk_db))
    assert code == 0 and "quantri" in out


def test_a_missing_role_exits_2_and_writes_nothing(desk_db: Path, capsys) -> None:
    code, out, err = cli(capsys, *REGISTER, "--db", str(desk_db), "--by", "quantri")
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        "mohao-desk: Việc 'Tiếp nhận hồ sơ' cần vai trò 'Tiếp nhận, trả kết quả' (tiep_nhan); "
        "tài khoản quantri không có vai trò đó (dùng --by với tài khoản có vai trò đó)."
    ]
    assert count(capsys, desk_db) == 0


def test_five_wrong_passwords_lock_the_account(desk_db: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("MOHAO_PASSWORD", "sai-mat-khau")
    for _ in range(5):
        assert cli(capsys, *REGISTER, "--db", str(desk_db))[0] == 2
    monkeypatch.setenv("MOHAO_PASSWORD", PASSWORD)
    code, _, err = cli(capsys, *REGISTER, "--db", str(desk_db))
    assert code == 2 and "đang bị khóa đến" in err and "5 lần" in err
    assert count(capsys, desk_db) == 0


def test_user_add_list_passwd_disable(desk_db: Path, capsys, monkeypatch) -> None:
    db = ("--db", str(desk_db))
    monkeypatch.setenv("MOHAO_NEW_PASSWORD", "mat-khau-lanh-dao")
    code, out, err = cli(capsys, "user", "add", "chutich", "--name", "Lê Văn Chủ",
                         "--roles", "lanh_dao", *db, "--by", "quantri")  # fmt: skip
    assert code == 0, err
    assert out.strip() == "Đã thêm tài khoản Lê Văn Chủ (chutich)"
    code, out, _ = cli(capsys, "user", "list", "--format", "json", *db)
    assert json.loads(out) == [
        {"username": "chutich", "name": "Lê Văn Chủ", "roles": ["lanh_dao"]},
        {"username": "motcua", "name": "Công chức Một cửa", "roles": ["tiep_nhan", "xu_ly"]},
        {"username": "quantri", "name": "Quản trị hệ thống", "roles": ["quan_tri"]},
    ]
    # A person changes their own password with the current one.
    monkeypatch.setenv("MOHAO_PASSWORD", "mat-khau-lanh-dao")
    monkeypatch.setenv("MOHAO_NEW_PASSWORD", "mat-khau-moi-nua")
    code, out, err = cli(capsys, "user", "passwd", *db, "--by", "chutich")
    assert code == 0, err
    monkeypatch.setenv("MOHAO_PASSWORD", "mat-khau-moi-nua")
    code, _, err = cli(capsys, "user", "disable", "motcua", *db, "--by", "chutich")
    assert code == 2 and "'Quản trị' (quan_tri)" in err  # not an administrator
    monkeypatch.setenv("MOHAO_PASSWORD", PASSWORD)
    assert cli(capsys, "user", "disable", "motcua", *db, "--by", "quantri")[0] == 0
    code, out, _ = cli(capsys, "user", "list", "--format", "json", *db)
    assert [u["username"] for u in json.loads(out)] == ["chutich", "quantri"]
    code, _, err = cli(capsys, *REGISTER, *db)
    assert code == 2 and "đã ngừng sử dụng" in err


def test_init_needs_the_administrators_password(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("MOHAO_PASSWORD", "ngan")
    path = tmp_path / "moi.sqlite3"
    code, _, err = cli(capsys, "init", "--db", str(path), *UNIT)
    assert code == 2 and "ít nhất 8 ký tự" in err
    assert not path.exists()
