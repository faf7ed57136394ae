"""``mohao-desk reconcile --file F``: the five lists as a table, as JSON (one object, five keys,
objects with ``code``), as a PDF and an XLSX for the meeting; the role is checked (issue 13)."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from mohao_desk.services.desk import Desk
from mohao_desk.store.db import open_database
from tests.accounts import ADMIN, init_unit_cli
from tests.cli.test_cli import cli

LISTS = [
    "missing_in_system",
    "finished_here_open_there",
    "open_here_finished_there",
    "due_differs",
    "unknown_here",
]


@pytest.fixture
def desk_db(tmp_path: Path, capsys, monkeypatch) -> tuple[Path, list[str]]:
    """A desk with three dossiers of Monday 22/04/2024, the first returned."""
    path = tmp_path / "desk.sqlite3"
    init_unit_cli(
        monkeypatch, capsys, path, "--unit-code", "000.17.22.H56",
        "--unit-name", "Ủy ban nhân dân phường Bần Yên Nhân",
    )  # fmt: skip
    db = open_database(path, create=False)
    try:
        desk = Desk(db)
        codes = [
            desk.register(
                procedure_code="1.004873",
                applicant_name="Nguyễn Văn An",
                received_at=datetime(2024, 4, 22, 8 + i),
            ).summary.code
            for i in range(3)
        ]
        desk.resolve(codes[0], at=datetime(2024, 4, 23, 9, 0))
        desk.return_result(codes[0], at=datetime(2024, 4, 23, 10, 0))
    finally:
        db.close()
    return path, codes


def export(path: Path, codes: list[str]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["DANH SÁCH HỒ SƠ"])
    sheet.append(["Mã hồ sơ", "Ngày tiếp nhận", "Hạn xử lý", "Trạng thái"])
    sheet.append([codes[0], datetime(2024, 4, 22, 8), datetime(2024, 4, 25, 8), "Đang xử lý"])
    sheet.append([codes[1], datetime(2024, 4, 22, 9), datetime(2024, 4, 26, 9), "Đang xử lý"])
    sheet.append(["000.17.22.H56-240422-0099", "22/04/2024 10:00", None, "Mới tiếp nhận"])
    book.save(path)
    return path


def test_json_is_one_object_with_the_five_lists(
    desk_db: tuple[Path, list[str]], tmp_path: Path, capsys
) -> None:
    db, codes = desk_db
    path = export(tmp_path / "he-thong.xlsx", codes)
    code, out, err = cli(capsys, "reconcile", "--file", str(path), "--db", str(db),
                         "--format", "json")  # fmt: skip
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert list(data) == LISTS
    assert [[e["code"] for e in data[k]] for k in LISTS] == [
        [codes[2]],
        [codes[0]],
        [],
        [codes[1]],
        ["000.17.22.H56-240422-0099"],
    ]
    late = data["finished_here_open_there"][0]
    assert late["status"] == "returned" and late["band"] == "qua_han"
    assert late["due_there"] == "2024-04-25T08:00"
    assert data["due_differs"][0]["due_at"] == "2024-04-25T09:00"


def test_table_pdf_and_xlsx(desk_db: tuple[Path, list[str]], tmp_path: Path, capsys) -> None:
    db, codes = desk_db
    path = export(tmp_path / "he-thong.xlsx", codes)
    pdf = tmp_path / "doi-chieu.pdf"
    code, out, err = cli(capsys, "reconcile", "--file", str(path), "--db", str(db),
                         "--out", str(pdf))  # fmt: skip
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == (
        "Đối chiếu tệp he-thong.xlsx (3 hồ sơ) với 3 hồ sơ tiếp nhận từ 22/04/2024 đến 22/04/2024:"
    )
    assert "Chưa có trên hệ thống (missing_in_system): 1 hồ sơ" in lines
    assert any(
        line.startswith(f"  {codes[0]}") and "tại Bộ phận: Đã trả kết quả" in line for line in lines
    )
    assert lines[-1] == f"Đã ghi kết quả đối chiếu: {pdf}"
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "KẾT QUẢ ĐỐI CHIẾU HỒ SƠ VỚI HỆ THỐNG THÔNG TIN MỘT CỬA ĐIỆN TỬ" in text
    assert codes[2] in text and "CHƯA CÓ TRÊN HỆ THỐNG: 1 hồ sơ" in text
    xlsx = tmp_path / "doi-chieu.xlsx"
    code, _out, err = cli(capsys, "reconcile", "--file", str(path), "--db", str(db),
                          "--out", str(xlsx))  # fmt: skip
    assert code == 0, err
    book = load_workbook(xlsx, read_only=True)
    assert book.sheetnames == [
        "Tổng hợp",
        "1. Chưa có trên hệ thống",
        "2. Xong ở đây, mở trên hệ thống",
        "3. Mở ở đây, xong trên hệ thống",
        "4. Hạn khác nhau",
        "5. Không có tại Bộ phận",
    ]
    sheet = book.worksheets[1]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("STT", "Mã hồ sơ") and rows[1][1] == codes[2]
    # moments are Excel dates (sortable), not texts
    assert isinstance(rows[1][4], datetime), rows[1]
    book.close()


def test_refusals(desk_db: tuple[Path, list[str]], tmp_path: Path, capsys) -> None:
    db, codes = desk_db
    path = export(tmp_path / "he-thong.xlsx", codes)
    code, _out, err = cli(capsys, "reconcile", "--file", str(path), "--db", str(db),
                          "--by", ADMIN)  # fmt: skip
    assert code != 0 and "Đối chiếu với hệ thống điện tử" in err
    bad = tmp_path / "sai.csv"
    bad.write_text(f"Mã hồ sơ;Ngày nộp\n{codes[0]};32/04/2024\n", "utf-8")
    code, out, err = cli(capsys, "reconcile", "--file", str(bad), "--db", str(db))
    assert code != 0 and out == ""
    assert "Dòng 2, cột B ('Ngày nộp'): '32/04/2024' không phải một ngày có thật" in err
    code, _out, err = cli(capsys, "reconcile", "--file", str(path), "--db", str(db),
                          "--out", str(tmp_path / "x.doc"))  # fmt: skip
    assert code != 0 and "phải có đuôi .pdf, .xlsx hoặc .json" in err


def test_the_pdf_renders(desk_db: tuple[Path, list[str]], tmp_path: Path, capsys) -> None:
    """What the leader prints: pdftoppm draws it (looked at by eye when it changes)."""
    db, codes = desk_db
    pdf = tmp_path / "doi-chieu.pdf"
    path = export(tmp_path / "he-thong.xlsx", codes)
    assert cli(capsys, "reconcile", "--file", str(path), "--db", str(db), "--out", str(pdf))[0] == 0
    try:
        subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "p")], check=True)
    except FileNotFoundError:
        if os.environ.get("MOHAO_REQUIRE_PDFTOTEXT") == "1":  # .ci/run installs poppler-utils
            pytest.fail("pdftoppm not installed, but MOHAO_REQUIRE_PDFTOTEXT=1 requires it")
        pytest.skip("poppler-utils not installed")
    assert (tmp_path / "p-1.png").exists()
