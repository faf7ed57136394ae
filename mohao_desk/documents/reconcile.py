"""The reconciliation with the electronic one-stop system (issue 13) for the leader's meeting:
A4 landscape, the five lists one after the other, each with its count, "Trang x/y" and the
printed-at time on every page, the preparer's and the leader's signatures; and the same lists
as an XLSX workbook (one sheet per list, plus a summary sheet).

Plain data in (:class:`ReconcileReport`, cells already written as text by the service), bytes
out; nothing here queries."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from mohao_desk.documents.base import (
    SUBTITLE,
    TITLE,
    NationalHeader,
    build_pdf,
    esc,
    para,
    style,
)
from mohao_desk.documents.data import Letterhead, Signature
from mohao_desk.documents.listing import (
    LANDSCAPE_MARGINS,
    Column,
    FastGrid,
    binary_streams,
    landscape_width,
    signature_row,
)
from mohao_desk.domain.text import group_digits, spreadsheet_text

FONT_SIZE = 10
NOTE = style("reconcile_note", fontName="Tinos-Italic", fontSize=11, leading=14, spaceAfter=4)
EMPTY = style("reconcile_empty", fontSize=12, leading=16, spaceBefore=6, spaceAfter=2)

# The lists' sheet names (Excel allows 31 characters: the titles are longer).
SHEET_NAMES = {
    "missing_in_system": "Chưa có trên hệ thống",
    "finished_here_open_there": "Xong ở đây, mở trên hệ thống",
    "open_here_finished_there": "Mở ở đây, xong trên hệ thống",
    "due_differs": "Hạn khác nhau",
    "unknown_here": "Không có tại Bộ phận",
}
_MOMENT_TEXT = re.compile(r"^\d{2}/\d{2}/\d{4}( \d{2}:\d{2})?$")


def _xlsx_value(sheet: object, text: str) -> object:
    """A dd/mm/yyyy [HH:MM] text as an Excel date cell (sortable, filterable), else the text."""
    if not _MOMENT_TEXT.match(text):
        return spreadsheet_text(text)
    from openpyxl.cell import WriteOnlyCell

    with_time = len(text) > 10
    moment = datetime.strptime(text, "%d/%m/%Y %H:%M" if with_time else "%d/%m/%Y")
    cell = WriteOnlyCell(sheet, moment if with_time else moment.date())
    cell.number_format = "dd/mm/yyyy hh:mm" if with_time else "dd/mm/yyyy"
    return cell


HEADERS = (
    "STT",
    "Mã hồ sơ",
    "Thủ tục hành chính",
    "Người nộp hồ sơ",
    "Tiếp nhận",
    "Hạn giải quyết (tại Bộ phận)",
    "Hạn trên hệ thống",
    "Tình trạng tại Bộ phận",
    "Tình trạng trên hệ thống",
    "Ghi chú",
)


@dataclass(frozen=True)
class ReconcileSection:
    """One of the five lists: its title and its rows (one text per column after STT)."""

    key: str
    title: str
    rows: Sequence[Sequence[str]]


@dataclass(frozen=True)
class ReconcileReport:
    letterhead: Letterhead
    file_name: str
    period: tuple[date, date]
    done_at: datetime
    printed_at: datetime
    rows_read: int
    desk_in_period: int
    sections: Sequence[ReconcileSection]
    notes: Sequence[str]
    signature: Signature
    preparer: Signature
    title: str = "Kết quả đối chiếu hồ sơ với hệ thống thông tin một cửa điện tử"


def _columns(width: float) -> list[Column]:
    fixed = [
        Column(HEADERS[0], 10 * mm, "C"),
        Column(HEADERS[1], 44 * mm),
        Column(HEADERS[2], 46 * mm),
        Column(HEADERS[3], 32 * mm),
        Column(HEADERS[4], 19 * mm, "C"),
        Column(HEADERS[5], 21 * mm, "C"),
        Column(HEADERS[6], 21 * mm, "C"),
        Column(HEADERS[7], 22 * mm),
        Column(HEADERS[8], 22 * mm),
    ]
    used = sum(c.width for c in fixed)
    return [*fixed, Column(HEADERS[9], width - used)]


def _section(number: int, section: ReconcileSection, width: float) -> Flowable:
    caption = f"{number}. {section.title.upper()}: {group_digits(len(section.rows))} hồ sơ"
    if not section.rows:
        return para(f"<b>{esc(caption)}</b>", EMPTY)
    rows = [(str(n), *cells) for n, cells in enumerate(section.rows, start=1)]
    return FastGrid(_columns(width), rows, font_size=FONT_SIZE, caption=caption, min_rows=3)


def render(data: ReconcileReport) -> bytes:
    """The PDF."""
    width = landscape_width()
    story: list[Flowable] = [
        NationalHeader(data.letterhead, width, show_number=False),
        Spacer(1, 2 * mm),
        para(esc(data.title.upper()), TITLE),
        para(
            esc(
                f"Tệp {data.file_name} ({group_digits(data.rows_read)} hồ sơ) đối chiếu lúc "
                f"{data.done_at:%H:%M} ngày {data.done_at:%d/%m/%Y}; hồ sơ tiếp nhận từ ngày "
                f"{data.period[0]:%d/%m/%Y} đến ngày {data.period[1]:%d/%m/%Y} "
                f"({group_digits(data.desk_in_period)} hồ sơ tại Bộ phận)"
            ),
            SUBTITLE,
        ),
    ]
    story += [para(esc(note), NOTE) for note in data.notes]
    for number, section in enumerate(data.sections, start=1):
        story += [_section(number, section, width), Spacer(1, 3 * mm)]
    story.append(KeepTogether([signature_row([data.preparer, data.signature], width)]))
    printed = data.printed_at
    with binary_streams():
        return build_pdf(
            story,
            title=data.title,
            landscape_page=True,
            page_numbers=True,
            footer=f"In lúc {printed:%H:%M} ngày {printed:%d/%m/%Y}",
            margins=LANDSCAPE_MARGINS,
        )


def render_xlsx(data: ReconcileReport) -> bytes:
    """The workbook: a summary sheet, then one sheet per list (header row frozen)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font

    book = Workbook(write_only=True)
    bold = Font(bold=True)
    summary = book.create_sheet("Tổng hợp")
    summary.append([data.title])
    summary.append([f"Tệp: {data.file_name}"])
    summary.append(
        [f"Hồ sơ tiếp nhận từ ngày {data.period[0]:%d/%m/%Y} đến ngày {data.period[1]:%d/%m/%Y}"]
    )
    summary.append([f"Đối chiếu lúc {data.done_at:%H:%M} ngày {data.done_at:%d/%m/%Y}"])
    summary.append([])
    summary.append(["Danh sách", "Số hồ sơ"])
    for section in data.sections:
        summary.append([section.title, len(section.rows)])
    for note in data.notes:
        summary.append([note])
    for n, section in enumerate(data.sections, start=1):
        sheet = book.create_sheet(f"{n}. {SHEET_NAMES.get(section.key, section.title)}"[:31])
        sheet.freeze_panes = "A2"
        sheet.column_dimensions["B"].width = 30
        sheet.column_dimensions["C"].width = 40
        for letter in "DEFGHIJ":
            sheet.column_dimensions[letter].width = 18
        head = []
        for text in HEADERS:
            cell = WriteOnlyCell(sheet, text)
            cell.font = bold
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            head.append(cell)
        sheet.append(head)
        for i, cells in enumerate(section.rows, start=1):
            sheet.append([i, *(_xlsx_value(sheet, c) for c in cells)])
    book.properties.title = data.title
    book.properties.creator = "mohao_desk"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
