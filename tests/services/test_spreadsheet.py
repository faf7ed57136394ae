"""The one spreadsheet reader (services/spreadsheet.py): .xlsx, old .xls and .csv, each judged
by its content, with the caller's limits. The hostile .xlsx cases (zip bombs, entities, damaged
zips) are in test_catalog_import.py, which reads through the same functions."""

from __future__ import annotations

import contextlib
import unicodedata
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from mohao_desk.domain.errors import DeskError, Phrase
from mohao_desk.services import spreadsheet
from mohao_desk.services.spreadsheet import Limits, read_sheets

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
LIMITS = Limits(max_bytes=2**20, max_unzipped=2**24, max_rows=1000)
WHAT = Phrase("đối chiếu")


def read(path: Path, limits: Limits = LIMITS) -> list[spreadsheet.Sheet]:
    return read_sheets(path, limits, WHAT)


def windows_1258(char: str) -> bytes:
    """A letter as Windows-1258 writes it: precomposed when the code page has it, else the
    letter with its first mark and the tone mark combining ("ồ" = "ô" + U+0300)."""
    try:
        return char.encode("cp1258")
    except UnicodeEncodeError:
        marks = unicodedata.normalize("NFD", char)
        for k in range(1, len(marks)):  # "ộ" = "ô" + dot below: try each mark as the combining one
            with contextlib.suppress(UnicodeEncodeError):
                rest = unicodedata.normalize("NFC", marks[:k] + marks[k + 1 :])
                return (rest + marks[k]).encode("cp1258")
        raise


def test_an_old_xls_reads_with_its_dates() -> None:
    [(name, rows)] = read(FIXTURES / "doi-chieu-mau.xls")
    assert name == "Danh sách hồ sơ"
    assert [n for n, _ in rows] == [1, 2, 3, 5, 6, 7, 8]  # the empty row 4 left out
    assert rows[3][1][1] == "Số hồ sơ"
    _number, cells = rows[4]
    assert cells[1] == "000.17.22.H56-261102-0001"
    assert cells[3] == datetime(2026, 11, 2, 8, 15)  # a date cell, through the date mode
    assert rows[5][1][3] == "02/11/2026 09:30"  # text stays text
    assert rows[5][1][5] is None


def test_an_xlsx_reads_with_the_merged_title_above(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Hồ sơ"
    sheet.append(["DANH SÁCH HỒ SƠ"])
    sheet.merge_cells("A1:D1")
    sheet.append([])
    sheet.append(["Mã hồ sơ", "Ngày tiếp nhận"])
    sheet.append(["X-1", datetime(2026, 11, 2, 8, 0)])
    book.save(tmp_path / "a.xlsx")
    [(name, rows)] = read(tmp_path / "a.xlsx")
    assert name == "Hồ sơ"
    assert rows == [(1, ("DANH SÁCH HỒ SƠ",)), (3, ("Mã hồ sơ", "Ngày tiếp nhận")),
                    (4, ("X-1", datetime(2026, 11, 2, 8, 0)))]  # fmt: skip


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8", ","), ("utf-8-sig", ";"), ("utf-16", "\t"), ("cp1258", ";")],
)
def test_csv_encodings_and_delimiters(tmp_path: Path, encoding: str, delimiter: str) -> None:
    lines = [
        ["Danh sách hồ sơ, tháng 11"],
        [],
        ["Mã hồ sơ", "Ngày nộp", "Trạng thái", "Ghi chú"],
        ["X-1", "02/11/2026 08:15", "Đã trả kết quả", 'có "ngoặc"; và dấu, phẩy'],
    ]
    text = "\r\n".join(
        delimiter.join(
            '"' + c.replace('"', '""') + '"' if any(ch in c for ch in ',;"\t') else c for c in line
        )
        for line in lines
    )
    path = tmp_path / "hs.csv"
    path.write_bytes(b"".join(map(windows_1258, text)) if encoding == "cp1258"
                     else text.encode(encoding))  # fmt: skip
    [(name, rows)] = read(path)
    assert name == "hs.csv"
    assert rows[0] == (1, ("Danh sách hồ sơ, tháng 11",))
    assert rows[1] == (3, ("Mã hồ sơ", "Ngày nộp", "Trạng thái", "Ghi chú"))
    assert rows[2] == (4, ("X-1", "02/11/2026 08:15", "Đã trả kết quả", 'có "ngoặc"; và dấu, phẩy'))


def test_an_ole_file_that_is_no_workbook_says_what_to_do(tmp_path: Path) -> None:
    old = tmp_path / "hs.xls"
    old.write_bytes(spreadsheet.OLE_MAGIC + bytes(600))
    with pytest.raises(DeskError, match=r"hs.xls.*dạng cũ \(.xls\) hoặc có đặt mật khẩu"):
        read(old)


def test_a_binary_file_is_not_a_spreadsheet(tmp_path: Path) -> None:
    path = tmp_path / "anh.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    with pytest.raises(DeskError, match=r"anh.png.*không phải bảng tính đọc được"):
        read(path)
    with pytest.raises(DeskError, match=r"không phải tệp Excel"):
        read_sheets(tmp_path / "anh.png", LIMITS, WHAT, text=False)
    named = tmp_path / "ds.xlsx"
    named.write_text("Mã hồ sơ,Ngày nộp\nX-1,02/11/2026\n", "utf-8")
    with pytest.raises(DeskError, match=r"ds.xlsx' không phải tệp Excel \(.xlsx\) đọc được"):
        read(named)


def test_the_limits_are_the_callers(tmp_path: Path) -> None:
    path = tmp_path / "dai.csv"
    path.write_text("Mã hồ sơ\n" + "".join(f"X-{i}\n" for i in range(20)), "utf-8")
    assert len(read(path)[0][1]) == 21
    with pytest.raises(DeskError, match=r"dai.csv.*quá nhiều dòng \(tối đa 10\)"):
        read(path, Limits(max_bytes=2**20, max_unzipped=2**20, max_rows=10))
    with pytest.raises(DeskError, match=r"dai.csv.*quá lớn"):
        read(path, Limits(max_bytes=50, max_unzipped=2**20))
    book = Workbook()
    for i in range(20):
        book.active.append([f"X-{i}"])
    book.save(tmp_path / "dai.xlsx")
    with pytest.raises(DeskError, match=r"quá nhiều dòng \(tối đa 10\)"):
        read(tmp_path / "dai.xlsx", Limits(max_bytes=2**20, max_unzipped=2**22, max_rows=10))
    with pytest.raises(DeskError, match=r"quá nhiều dòng \(tối đa 2\)"):
        read(FIXTURES / "doi-chieu-mau.xls", Limits(max_bytes=2**20, max_unzipped=2**22,
                                                    max_rows=2))  # fmt: skip


def test_the_streamed_xlsx_reads_what_openpyxl_reads(tmp_path: Path) -> None:
    """The .xlsx reader streams the sheet XML itself (three times openpyxl's read-only speed):
    the same values as openpyxl, for every kind of cell."""
    import io

    from openpyxl import load_workbook
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    book = Workbook()
    sheet = book.active
    sheet.title = "Một"
    sheet.append(["Tiêu đề gộp ô"])
    sheet.merge_cells("A1:E1")
    sheet.append(["Mã", 1, 2.5, True, datetime(2026, 11, 2, 8, 15)])
    sheet.append([None, None, "=1+1", 1e20, datetime(2026, 1, 1)])
    sheet["F3"] = CellRichText("Đang ", TextBlock(InlineFont(b=True), "xử lý"))
    sheet["B4"].number_format = "dd/mm/yyyy"
    sheet["B4"] = 46000
    sheet["C4"] = 46000
    second = book.create_sheet("Hai")
    second["C7"] = "xa"
    path = tmp_path / "moi-loai.xlsx"
    book.save(path)
    raw = path.read_bytes()
    ours = spreadsheet.xlsx_sheets(path, raw, LIMITS)
    theirs = []
    wb = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    for ws in wb.worksheets:
        rows = []
        for n, cells in enumerate(ws.iter_rows(values_only=True), start=1):
            values = tuple(str(v) if isinstance(v, CellRichText) else v for v in cells)
            if any(v is not None for v in values):
                end = max(i for i, v in enumerate(values) if v is not None) + 1
                rows.append((n, values[:end]))
        theirs.append((ws.title, rows))
    wb.close()
    assert ours == theirs
    assert ours[0][1][1] == (2, ("Mã", 1, 2.5, True, datetime(2026, 11, 2, 8, 15)))
    assert ours[0][1][3] == (4, (None, datetime(2025, 12, 9), 46000))
    assert ours[1] == ("Hai", [(7, (None, None, "xa"))])
