"""``mohao-desk audit verify`` (issue 11): the SQLite file edited with raw SQL, the way the
issue found it (an event's officer changed, a result moved three days earlier, the registration
event deleted); the real program, in a child process, names each and exits 1; a clean file
exits 0 with one line. Read-only: no password, nothing written."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from mohao_desk.services.desk import Desk
from mohao_desk.services.setup import OfficerInput, init_unit
from mohao_desk.store.db import open_database
from tests.cli.test_cli import run
from tests.conftest import UNIT_CODE, FakeClock


@pytest.fixture(scope="module")
def desk_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    path = tmp_path_factory.mktemp("audit") / "desk.sqlite3"
    db = open_database(path)
    init_unit(
        db,
        code=UNIT_CODE,
        name="Ủy ban nhân dân phường Bần Yên Nhân",
        officers=[
            OfficerInput("motcua", "Nguyễn Thị Hồng Nhung"),
            OfficerInput("tuphap", "Trần Văn Đức"),
        ],
    )
    clock = FakeClock(datetime(2026, 11, 27, 9, 0))
    desk = Desk(db, clock=clock)
    code = desk.register(procedure_code="2.000815", applicant_name="Nguyễn Văn An").summary.code
    clock.now += timedelta(minutes=20)
    desk.handover(code, to="tuphap", by="motcua")
    clock.now += timedelta(hours=3)
    desk.resolve(code, by="tuphap")
    desk.register(procedure_code="2.000815", applicant_name="Lê Thị Bình", by="motcua")
    db.close()
    return path, code


def edited(source: Path, folder: Path, *statements: str) -> Path:
    """A copy of the file, edited with raw SQL (sqlite3, no program code)."""
    target = folder / "edited.sqlite3"
    shutil.copy(source, target)
    conn = sqlite3.connect(target)
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()
    return target


def test_a_clean_file_exits_0_with_one_line(desk_file: tuple[Path, str], tmp_path: Path) -> None:
    path = edited(desk_file[0], tmp_path)
    before = path.read_bytes()
    done = run("audit", "verify", "--db", str(path))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Lịch sử nguyên vẹn: ")
    assert "2 hồ sơ, 4 sự kiện" in lines[0]
    assert path.read_bytes() == before  # read-only
    data = json.loads(run("audit", "verify", "--db", str(path), "--format", "json").stdout)
    assert data["whole"] is True and data["first"] is None and data["problem_count"] == 0


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        (
            "UPDATE event SET officer_id = (SELECT id FROM officer WHERE username = 'motcua') "
            "WHERE seq = 3 AND dossier_id = 1",
            "Hồ sơ {code}: sự kiện số 3 (Có kết quả giải quyết) đã bị sửa.",
        ),
        (
            "UPDATE dossier SET finished_at = finished_at - 3 * 86400 WHERE id = 1",
            "Hồ sơ {code}: dữ liệu của hồ sơ (thời hạn, kết quả, trạng thái, cán bộ, người nộp…) "
            "đã bị sửa sau lần ghi cuối cùng (sự kiện số 3).",
        ),
        (
            "DELETE FROM event WHERE seq = 1 AND dossier_id = 1",
            "Hồ sơ {code}: sự kiện số 1 đã bị xóa.",
        ),
    ],
    ids=["officer", "result-3-days-earlier", "registration-deleted"],
)
def test_each_edit_is_named_and_exits_1(
    desk_file: tuple[Path, str], tmp_path: Path, sql: str, expected: str
) -> None:
    source, code = desk_file
    path = edited(source, tmp_path, sql)
    done = run("audit", "verify", "--db", str(path))
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert done.stdout.splitlines() == [
        f"Lịch sử không còn nguyên vẹn: {expected.format(code=code)}"
    ]
    data = json.loads(run("audit", "verify", "--db", str(path), "--format", "json").stdout)
    assert data["whole"] is False
    assert data["first"]["dossier"] == code
    assert data["first"]["message"] == expected.format(code=code)


def test_settings_and_accounts_edited_in_the_file_are_named(
    desk_file: tuple[Path, str], tmp_path: Path
) -> None:
    path = edited(
        desk_file[0],
        tmp_path,
        "UPDATE officer SET roles = 'quan_tri' WHERE username = 'motcua'",
        "UPDATE setting SET value = '\"tuphap\"' WHERE key = 'default_officer'",
    )
    done = run("audit", "verify", "--db", str(path))
    assert done.returncode == 1
    first, *rest = done.stdout.splitlines()
    assert first.startswith("Lịch sử không còn nguyên vẹn (2 chỗ), chỗ đầu tiên: ")
    assert "Tài khoản motcua đã bị sửa ngoài chương trình." in first
    assert rest == ["  - Cài đặt 'default_officer' đã bị sửa ngoài chương trình."]
