"""``mohao-desk catalog import FILE``: the changes are printed first; the import asks (a yes
applies, anything else leaves the catalog as it was), ``--yes`` applies without asking,
``--dry-run`` only shows. A wrong list is one line on stderr, exit 2, nothing written."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from mohao_desk.services.desk import Desk
from mohao_desk.store.db import open_database
from tests.accounts import init_unit_cli
from tests.catalog_workbook import SECTIONS, province_workbook
from tests.cli.test_cli import cli, run


@pytest.fixture
def desk_db(tmp_path: Path, capsys, monkeypatch) -> Path:
    path = tmp_path / "desk.sqlite3"
    init_unit_cli(
        monkeypatch, capsys, path, "--unit-code", "000.17.22.H56",
        "--unit-name", "Ủy ban nhân dân phường Bần Yên Nhân",
    )  # fmt: skip
    return path


def codes(db_path: Path) -> set[str]:
    db = open_database(db_path, create=False)
    try:
        return {p.code for p in Desk(db).procedures()}
    finally:
        db.close()


EXPECTED = [
    "Tệp danh-muc.xlsx: 2 thủ tục mới, 5 thủ tục thay đổi, 0 thủ tục không đổi.",
    "Thêm:",
    "  + 1.999100     Hỗ trợ thử nghiệm của tỉnh (Bảo trợ xã hội; 1 tháng)",
    "  + 1.999101     Xác nhận thử nghiệm của tỉnh (Bảo trợ xã hội; 10 ngày)",
    "Thay đổi:",
    "  ~ 1.001193     Đăng ký khai sinh",
    "      Căn cứ pháp lý: Luật Hộ tịch 2014, Điều 16 → Luật Hộ tịch năm 2014",
    "      Ghi chú, phí, lệ phí: Chưa chắc chắn: Mã 1.001193 theo danh mục mẫu ban đầu của "
    "chương trình; trang chính thức… → Phí, lệ phí: Miễn lệ phí đăng ký khai sinh đúng hạn",
    "  ~ 1.004873     Cấp Giấy xác nhận tình trạng hôn nhân",
    "      Căn cứ pháp lý: Nghị định 123/2015/NĐ-CP, Điều 22 → Nghị định số 123/2015/NĐ-CP",
]


def test_dry_run_prints_the_changes_and_writes_nothing(
    desk_db: Path, tmp_path: Path, capsys
) -> None:
    before = codes(desk_db)
    workbook = province_workbook(tmp_path / "danh-muc.xlsx")
    code, out, err = cli(capsys, "catalog", "import", str(workbook), "--db", str(desk_db),
                         "--dry-run")  # fmt: skip
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[: len(EXPECTED)] == EXPECTED
    assert lines[-1] == "Chỉ xem trước: danh mục chưa thay đổi."
    assert codes(desk_db) == before


def test_the_import_asks_and_a_no_keeps_the_catalog(
    desk_db: Path, tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = codes(desk_db)
    workbook = province_workbook(tmp_path / "danh-muc.xlsx")
    for answer in ("k\n", "\n", ""):  # no, Enter (the default is no), end of input
        monkeypatch.setattr("sys.stdin", io.StringIO(answer))
        code, out, _ = cli(
            capsys, "catalog", "import", str(workbook), "--db", str(desk_db), "--by", "quantri"
        )
        assert code == 1
        assert "Áp dụng 7 thay đổi? [c/K] " in out
        assert out.splitlines()[-1] == (
            "Chưa áp dụng: danh mục giữ nguyên (dùng --yes để áp dụng không cần hỏi)."
        )
        assert codes(desk_db) == before
    monkeypatch.setattr("sys.stdin", io.StringIO("có\n"))
    code, out, _ = cli(
        capsys, "catalog", "import", str(workbook), "--db", str(desk_db), "--by", "quantri"
    )
    assert code == 0
    assert out.splitlines()[-1] == f"Đã cập nhật 7 thủ tục từ {workbook}"
    assert codes(desk_db) == before | {"1.999100", "1.999101"}


def test_yes_applies_without_asking_and_a_second_run_has_nothing_to_do(
    desk_db: Path, tmp_path: Path
) -> None:
    workbook = province_workbook(tmp_path / "danh-muc.xlsx")
    first = run(
        "catalog", "import", str(workbook), "--db", str(desk_db), "--by", "quantri", "--yes"
    )
    assert first.returncode == 0, first.stderr
    assert "[c/K]" not in first.stdout
    assert first.stdout.splitlines()[-1] == f"Đã cập nhật 7 thủ tục từ {workbook}"
    again = run("catalog", "import", str(workbook), "--db", str(desk_db), "--by", "quantri")
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines() == [
        "Tệp danh-muc.xlsx: 0 thủ tục mới, 0 thủ tục thay đổi, 7 thủ tục không đổi.",
        "Danh mục không có gì thay đổi.",
    ]
    listed = run("catalog", "list", "--db", str(desk_db))
    assert "1.999100     1 tháng" in listed.stdout


def test_a_wrong_row_is_one_line_and_exit_2(desk_db: Path, tmp_path: Path, capsys) -> None:
    before = codes(desk_db)
    title, rows = SECTIONS[0]
    bad = [(title, [*rows, ("1.999555", "Thủ tục thử", "tùy hồ sơ", "", "")])]
    workbook = province_workbook(tmp_path / "sai.xlsx", bad)
    code, out, err = cli(
        capsys, "catalog", "import", str(workbook), "--db", str(desk_db), "--by", "quantri", "--yes"
    )
    assert code == 2 and out == ""
    assert err == (
        "mohao-desk: Dòng 12: Không hiểu thời hạn giải quyết 'tùy hồ sơ' (cần dạng '03 ngày "
        "làm việc', '10 ngày', '1 tháng', '04 giờ làm việc' hoặc 'Trong ngày').\n"
    )
    assert codes(desk_db) == before


def test_yes_and_dry_run_together_are_a_usage_error(desk_db: Path, tmp_path: Path, capsys) -> None:
    code, _, err = cli(capsys, "catalog", "import", "x.xlsx", "--yes", "--dry-run")
    assert code == 2 and "lỗi cú pháp lệnh" in err
