"""The layout of the long lists, read back from real PDFs: the daily list's signatures stay with
its last rows on every page count, and the register book fits as many rows on a page as the
text of its rows allows."""

from __future__ import annotations

import io
from datetime import date, datetime

import pypdf

from mohao_desk.documents import daily_list, register_book
from mohao_desk.documents.base import FONT
from mohao_desk.documents.data import Letterhead, Signature
from mohao_desk.documents.listdata import (
    BookEntry,
    DailyList,
    DailyRow,
    DailySection,
    OfficerGroup,
    RegisterBook,
)
from mohao_desk.documents.listing import Column, fit_columns, wrap_lines
from tests.conftest import UNIT_CODE

LETTERHEAD = Letterhead(
    "Ủy ban nhân dân thị xã Mỹ Hào", "Ủy ban nhân dân phường Bần Yên Nhân", "Mỹ Hào",
    date(2024, 5, 7), form_number="06", form_title="Sổ theo dõi hồ sơ",
)  # fmt: skip
MOMENT = datetime(2024, 5, 7, 9, 0)


def pages_of(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def _daily(rows_in_last: int) -> DailyList:
    def row(section: int, n: int) -> DailyRow:
        code = f"{UNIT_CODE}-2405{section:02d}-{n:04d}"
        return DailyRow(code, "Đăng ký khai sinh", "Nguyễn Văn An", "0912345678", MOMENT,
                        MOMENT, None, "còn 2 giờ")  # fmt: skip

    sections = tuple(
        DailySection(f"s{k}", f"Mục {k}", (OfficerGroup("Trần Văn Đức", tuple(
            row(k, n) for n in range(1, (rows_in_last if k == 5 else 6) + 1))),))
        for k in range(1, 6)
    )  # fmt: skip
    return DailyList(
        LETTERHEAD, "Danh sách theo dõi hồ sơ hằng ngày", MOMENT.date(), MOMENT, MOMENT,
        sections, (), Signature(("TM. Ủy ban nhân dân", "Chủ tịch"), "Vũ Văn Khánh"),
        preparer=Signature(("Người lập",), "Nguyễn Thị Hồng Nhung"),
    )  # fmt: skip


def test_daily_list_signatures_never_stand_alone_on_the_last_page() -> None:
    page_counts = set()
    for count in range(1, 31):  # the last section's length moves the end across a page break
        pages = pages_of(daily_list.render(_daily(count)))
        page_counts.add(len(pages))
        last = pages[-1]
        assert "NGƯỜI LẬP" in last and "Vũ Văn Khánh" in last, count
        assert f"{UNIT_CODE}-240505-{count:04d}" in last, count  # the last row goes with them
        assert sum(f"{UNIT_CODE}-240505-{n:04d}" in "".join(pages) for n in range(1, count + 1))
    assert len(page_counts) >= 2  # the sweep did cross a page boundary


def _entry(n: int, address: str) -> BookEntry:
    return BookEntry(2024, n, f"{UNIT_CODE}-240507-{n:04d}", "Chứng thực bản sao từ bản chính",
                     1, "Nguyễn Văn An", address, "0912345678",
                     "Ủy ban nhân dân phường Bần Yên Nhân", MOMENT, MOMENT, MOMENT, MOMENT,
                     MOMENT, "Trực tuyến")  # fmt: skip


def _rows_per_page(entries: list[BookEntry]) -> list[int]:
    book = RegisterBook(LETTERHEAD, MOMENT.date(), MOMENT.date(), MOMENT, entries)
    pages = pages_of(register_book.render(book))
    return [sum(f"240507-{e.number:04d}" in page for e in entries) for page in pages]


def test_register_book_fits_the_rows_the_text_allows() -> None:
    # Short addresses: every cell fits in the two lines the code takes.
    short = _rows_per_page([_entry(n, "Thôn Nguyễn Xá") for n in range(1, 61)])
    assert sum(short) == 60 and min(short[1:-1] or short[1:]) >= 20, short
    # Long ones (the address as citizens write it): three lines, still 14 to a full page.
    long = "Khu phố Tân Mỹ, phường Bần Yên Nhân, thị xã Mỹ Hào, tỉnh Hưng Yên"
    rows = _rows_per_page([_entry(n, long) for n in range(1, 61)])
    assert sum(rows) == 60 and rows[0] >= 10 and min(rows[1:-1]) >= 14, rows


def test_fit_columns_gives_the_room_to_the_text_that_needs_it() -> None:
    columns = [Column("Mã", 60), Column("Tên", 40), Column("Địa chỉ", 40), Column("Ghi chú", 40)]
    rows = [("A-1", "Nguyễn Văn An", "Khu phố Tân Mỹ, phường Bần Yên Nhân, thị xã Mỹ Hào", "")]
    rows *= 50
    fitted = fit_columns(columns, rows, 400, 9, flexible=(1, 2, 3), floor=2)
    assert fitted[0].width == 60 and abs(sum(c.width for c in fitted) - 400) < 0.01
    widths = {c.title: c.width for c in fitted}
    assert widths["Địa chỉ"] > widths["Tên"] > widths["Ghi chú"] >= 40
    lines = [len(wrap_lines(t, FONT, 9, c.width - 6)) for t, c in zip(rows[0], fitted, strict=True)]
    assert max(lines[1:]) <= 2  # every text cell within the two lines of the row
