"""Sổ theo dõi hồ sơ (regime A Mẫu 06, regime B Mẫu 07), A4 landscape, for a range of receipt
dates: one line per dossier with the columns of domain.md §5, numbered as on the receipt slips
(quyển số = the year), "Trang x/y" on every page.

Built for 20,000 lines in well under 5 s: the lines are a :class:`FastGrid` of plain strings
(no ``Paragraph`` per cell), wrapped once per distinct text."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from mohao_desk.documents.base import (
    SUBTITLE,
    FormMark,
    NationalHeader,
    build_pdf,
    para,
    short_date,
    title_block,
    vn_date,
)
from mohao_desk.documents.listdata import BookEntry, RegisterBook
from mohao_desk.documents.listing import Band, Column, FastGrid, binary_streams, fit_columns
from mohao_desk.domain.text import group_digits

# The frame adds 6 pt inside these: the table runs from 12 mm below the top to 14 mm above the
# bottom, clear of the footer line at 10 mm.
MARGINS = {"top": 10 * mm, "bottom": 12 * mm, "left": 15 * mm, "right": 10 * mm}
FONT_SIZE = 8.5
LEADING = 9.8  # 1.15 × the font size: three-line cells stay readable, 14 lines a page
ROW_PADDING = 1.5  # above and below a row's text


# The columns whose widths follow their text (fit_columns); their widths here are minimums.
FLEXIBLE = (2, 4, 5, 6, 13)


def _columns(width: float, rows: list | None = None) -> list[Column]:
    """The columns of the book, fitted to ``rows``: the fixed ones as wide as a code, a date
    or a number needs; the text columns (procedure, applicant, address, body, note) sharing the
    rest so that each line takes as few text lines as the text allows (the code always takes
    two)."""
    date_w = 16 * mm  # "30/04/2024" at 8.5 pt and the cell's padding
    fixed = [
        Column("STT", 10 * mm, "C"),
        Column("Mã hồ sơ", 22.5 * mm),  # "000.31.22.H31-" on one line
        Column("Tên thủ tục hành chính", 24 * mm),
        Column("Số bộ", 8 * mm, "C"),
        Column("Tên cá nhân, tổ chức", 15 * mm),
        Column("Địa chỉ, số điện thoại", 24 * mm),
        Column("Cơ quan giải quyết", 15 * mm),
        Column("Ngày nhận hồ sơ", date_w, "C"),
        Column("Ngày hẹn trả kết quả", date_w, "C"),
        Column("Ngày chuyển hồ sơ", date_w, "C"),
        Column("Ngày nhận kết quả", date_w, "C"),
        Column("Ngày trả kết quả", date_w, "C"),
        Column("Ký nhận", 14 * mm, "C"),
        Column("Ghi chú", 14 * mm),
    ]
    if not rows:
        used = sum(c.width for n, c in enumerate(fixed) if n != len(fixed) - 1)
        return [*fixed[:-1], fixed[-1]._replace(width=width - used)]
    return fit_columns(fixed, rows, width, FONT_SIZE, flexible=FLEXIBLE, floor=2)


def _body(name: str) -> str:
    """The processing body as registers write it: "UBND phường Bần Yên Nhân"."""
    return _UBND.sub("UBND", name)


_UBND = re.compile(r"\b(?:Ủy|Uỷ) ban nhân dân\b", re.IGNORECASE)


def _code(code: str) -> str:
    """The code on two lines, agency then date and number (the column stays narrow)."""
    agency, sep, rest = code.partition("-")
    return f"{agency}-\n{rest}" if sep else code


def _day(moment: datetime | None) -> str:
    return _date_text(moment.date()) if moment else ""


@lru_cache(maxsize=4096)
def _date_text(day: date) -> str:
    return short_date(day)


def _row(e: BookEntry) -> tuple[str, ...]:
    contact = "; ".join(x for x in (e.address, e.phone) if x)
    return (
        str(e.number),
        _code(e.code),
        e.procedure,
        str(e.sets_count),
        e.applicant,
        contact,
        _body(e.processing_body),
        _day(e.received_at),
        _day(e.due_at),
        _day(e.transferred_at),
        _day(e.result_at),
        _day(e.returned_at),
        "",
        e.note,
    )


def _volumes(book: RegisterBook) -> str:
    years = sorted({e.volume for e in book.entries}) or [book.end.year]
    return ", ".join(str(y) for y in years)


def render(book: RegisterBook) -> bytes:
    lh = book.letterhead
    width = landscape(A4)[0] - MARGINS["left"] - MARGINS["right"]
    story: list[Flowable] = [
        FormMark(lh, width),
        NationalHeader(lh, width, show_number=False),
        Spacer(1, 2 * mm),
    ]
    story += title_block(lh)
    count = group_digits(len(book.entries))
    story.append(
        para(
            f"Từ {vn_date(book.start)} đến {vn_date(book.end)} — Quyển số: {_volumes(book)} — "
            f"{count} hồ sơ",
            SUBTITLE,
        )
    )
    rows: list = []
    volume = None
    several = len({e.volume for e in book.entries}) > 1
    for e in book.entries:
        if several and e.volume != volume:
            rows.append(Band(f"Quyển số {e.volume}"))
            volume = e.volume
        rows.append(_row(e))
    if not rows:
        rows.append(Band("Không có hồ sơ nào được tiếp nhận trong khoảng thời gian này.", "note"))
    story.append(
        FastGrid(
            _columns(width, rows),
            rows,
            font_size=FONT_SIZE,
            leading=LEADING,
            row_padding=ROW_PADDING,
            min_rows=3,
        )
    )
    printed = book.printed_at
    with binary_streams():
        return build_pdf(
            story,
            title=f"{lh.form_title} {_range(book.start, book.end)}",
            landscape_page=True,
            page_numbers=True,
            footer=f"{lh.unit_name} — in lúc {printed:%H:%M} ngày {printed:%d/%m/%Y}",
            margins=MARGINS,
        )


def _range(start: date, end: date) -> str:
    return f"{start:%d/%m/%Y}–{end:%d/%m/%Y}"
