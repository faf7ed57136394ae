"""A province's published procedure list as the decisions lay it out, built with openpyxl for
the tests: title rows merged across the table (the province, the decision it is attached to),
the header, the column numbers (1) (2) …, field section rows merged across the table
("I. LĨNH VỰC HỘ TỊCH") above their procedures, and the procedure rows."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

HEADER = ("STT", "Mã TTHC", "Tên thủ tục hành chính", "Thời hạn giải quyết", "Phí, lệ phí",
          "Căn cứ pháp lý")  # fmt: skip

# A section is ("I. LĨNH VỰC HỘ TỊCH", [(code, name, time, fees, basis), ...]).
Section = tuple[str, Sequence[Sequence[Any]]]

SECTIONS: list[Section] = [
    (
        "I. LĨNH VỰC HỘ TỊCH",
        [
            ("1.001193", "Đăng ký khai sinh",
             "Ngay trong ngày làm việc; trường hợp nhận hồ sơ sau 15 giờ thì trả kết quả "
             "trong ngày làm việc tiếp theo",
             "Miễn lệ phí đăng ký khai sinh đúng hạn", "Luật Hộ tịch năm 2014"),
            ("1.004873", "Cấp Giấy xác nhận tình trạng hôn nhân", "03 ngày làm việc",
             "Lệ phí: 5.000 đồng/trường hợp", "Nghị định số 123/2015/NĐ-CP"),
            ("1.001022", "Đăng ký nhận cha, mẹ, con",
             "03 ngày làm việc; trường hợp phải xác minh thì thời hạn giải quyết không quá "
             "08 ngày làm việc", "15.000 đồng/trường hợp", "Luật Hộ tịch năm 2014"),
        ],
    ),
    (
        "II. LĨNH VỰC CHỨNG THỰC",
        [
            ("2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản", "Trong ngày",
             "2.000 đồng/trang", "Nghị định số 23/2015/NĐ-CP"),
        ],
    ),
    (
        "III. LĨNH VỰC BẢO TRỢ XÃ HỘI",
        [
            ("1.001653", "Đổi, cấp lại Giấy xác nhận khuyết tật",
             "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", "Không", ""),
            ("1.999100", "Hỗ trợ thử nghiệm của tỉnh", "1 tháng", "", ""),
            ("1.999101", "Xác nhận thử nghiệm của tỉnh", "10 ngày", "", ""),
        ],
    ),
]  # fmt: skip


def province_workbook(
    path: Path,
    sections: Sequence[Section] = SECTIONS,
    header: Sequence[str] = HEADER,
    title_rows: int = 4,
    number_row: bool = True,
) -> Path:
    """Write the list to ``path`` (an .xlsx) and return ``path``. Row numbers: ``title_rows``
    title rows, one empty row, the header, the number row, then the sections."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Danh mục"
    width = len(header)
    titles = [
        "ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN",
        "DANH MỤC THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA ỦY BAN NHÂN DÂN CẤP XÃ",
        "(Ban hành kèm theo Quyết định số 1234/QĐ-UBND ngày 15/7/2025 "
        "của Chủ tịch Ủy ban nhân dân tỉnh)",
        "Tổng số: 7 thủ tục",
    ][:title_rows]
    row = 1
    for text in titles:
        sheet.cell(row=row, column=1, value=text).font = Font(bold=True)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        row += 1
    row += 1  # an empty row before the table
    for column, text in enumerate(header, start=1):
        cell = sheet.cell(row=row, column=column, value=text)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, horizontal="center")
    row += 1
    if number_row:
        for column in range(1, width + 1):
            sheet.cell(row=row, column=column, value=f"({column})")
        row += 1
    number = 0
    for title, procedures in sections:
        sheet.cell(row=row, column=1, value=title).font = Font(bold=True)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        row += 1
        for values in procedures:
            number += 1
            sheet.cell(row=row, column=1, value=number)
            for column, value in enumerate(values, start=2):
                sheet.cell(row=row, column=column, value=value or None)
            row += 1
    book.save(path)
    return path


def first_data_row(title_rows: int = 4, number_row: bool = True) -> int:
    """The Excel row of the first section row."""
    return title_rows + 1 + 1 + (1 if number_row else 0) + 1
