"""Biểu số 06/VPCP/KSTT (Circular 01/2020/TT-VPCP): "Tình hình, kết quả giải quyết TTHC tại
cơ quan, đơn vị trực tiếp giải quyết TTHC" as an Excel workbook (openpyxl) and as a landscape
PDF with the national header.

The table: STT · field · received (total; new online; new direct and postal; carried over) ·
resolved (total; early; on time; late) · pending (total; within; overdue), two header levels
with real merged cells, the column numbers (1)–(13), one row per field and a total row. In the
workbook the total row holds SUM formulas *and* their values (cached in the file, so viewers
that do not calculate — previews, ``openpyxl`` with ``data_only`` — show the same numbers as
Excel, which recalculates on opening).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from mohao_desk.documents.base import (
    FONT,
    FONT_BOLD,
    NationalHeader,
    build_pdf,
    esc,
    para,
    place_date,
    style,
)
from mohao_desk.documents.data import Letterhead, Signature
from mohao_desk.documents.listing import binary_streams, signature_row
from mohao_desk.domain.periods import ReportPeriod
from mohao_desk.domain.statistics import KSTT_COLUMNS, KsttReport
from mohao_desk.domain.text import group_digits, spreadsheet_text

FORM_NUMBER = "Biểu số 06/VPCP/KSTT"
FORM_BASIS = "Ban hành kèm theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020"
TITLE = "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT TTHC"
UNIT_OF_COUNT = "Đơn vị tính: Số hồ sơ TTHC"
BLANK = "……………………"  # to fill by hand
GROUPS = (
    ("Số hồ sơ nhận giải quyết", 4),
    ("Số hồ sơ đã giải quyết", 4),
    ("Số hồ sơ đang giải quyết", 3),
)
SUBCOLUMNS = (
    "Tổng số",
    "Số mới tiếp nhận trực tuyến",
    "Số mới tiếp nhận trực tiếp và qua dịch vụ bưu chính công ích",
    "Số từ kỳ trước chuyển qua",
    "Tổng số",
    "Trước hạn",
    "Đúng hạn",
    "Quá hạn",
    "Tổng số",
    "Trong hạn",
    "Quá hạn",
)
assert len(SUBCOLUMNS) == len(KSTT_COLUMNS) == sum(n for _, n in GROUPS)


@dataclass(frozen=True)
class KsttSheet:
    """One table of the document: the report asked for, or one unit's (upstream)."""

    name: str  # the worksheet's name: "Tổng hợp" or the unit's code
    letterhead: Letterhead  # the reporting unit (its parent body, name, place)
    report: KsttReport
    receiving_unit: str = ""  # "Đơn vị nhận báo cáo" ("" leaves a blank to fill)


@dataclass(frozen=True)
class KsttDocument:
    period: ReportPeriod
    sheets: tuple[KsttSheet, ...]
    as_of: datetime | None  # set while the period has not ended: figures up to this moment
    printed_at: datetime
    signature: Signature  # the head of the unit
    preparer: Signature  # "Người lập biểu"


def period_lines(period: ReportPeriod) -> list[str]:
    """ "Kỳ báo cáo: Tháng 5 năm 2024" (if named) and "(Từ ngày … đến ngày …)"."""
    lines = [f"Kỳ báo cáo: {period.label}"] if period.label else []
    lines.append(f"({period.span_text})")
    return lines


def as_of_note(doc: KsttDocument) -> str:
    if doc.as_of is None:
        return ""
    return (
        f"Số liệu tính đến {doc.as_of:%H} giờ {doc.as_of:%M} phút ngày {doc.as_of:%d/%m/%Y} "
        "(kỳ báo cáo chưa kết thúc)."
    )


def _number(n: int) -> str:
    """ "1.234" (Vietnamese thousands separator)."""
    return group_digits(n)


# ------------------------------------------------------------------- XLSX

FIRST_DATA_ROW = 10  # rows 1–5 the heading, 7–8 the two header levels, 9 the column numbers
HEADER_TOP, HEADER_SUB, NUMBERS_ROW = 7, 8, 9
XLSX_FONT = "Times New Roman"
NUMBER_FORMAT = "#,##0"  # Excel shows the thousands separator of the reader's locale


def render_xlsx(doc: KsttDocument) -> bytes:
    """The workbook: one worksheet per sheet of the document (the first is the one asked for),
    A4 landscape, fitted to one page wide, header rows repeated when printed."""
    from openpyxl import Workbook

    workbook = Workbook()
    cached: list[dict[str, int]] = []
    for n, sheet in enumerate(doc.sheets):
        ws = workbook.active if n == 0 else workbook.create_sheet()
        assert ws is not None
        ws.title = _sheet_title(sheet.name, [s.title for s in workbook.worksheets[:n]])
        cached.append(_fill_sheet(ws, doc, sheet))
    workbook.properties.title = f"{FORM_NUMBER} {doc.period.span_text}"
    workbook.properties.creator = "mohao_desk"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _cache_formula_values(buffer.getvalue(), cached)


def _sheet_title(name: str, taken: Sequence[str]) -> str:
    title = re.sub(r"[\\/*?:\[\]]", "-", name)[:31] or "Biểu 06"
    base, k = title, 2
    while title in taken:
        suffix = f" ({k})"
        title, k = base[: 31 - len(suffix)] + suffix, k + 1
    return title


def _fill_sheet(ws: object, doc: KsttDocument, sheet: KsttSheet) -> dict[str, int]:
    """Write one table; return the values of its formula cells ({"C12": 345, …})."""
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    assert isinstance(ws, Worksheet)
    report = sheet.report
    lh = sheet.letterhead
    last_col = 2 + len(KSTT_COLUMNS)  # 13 (M)
    letter = get_column_letter
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left = Alignment(horizontal="left", vertical="center", wrap_text=True)
    right = Alignment(horizontal="right", vertical="center")

    def font(bold: bool = False, italic: bool = False, size: float = 12) -> Font:
        return Font(name=XLSX_FONT, size=size, bold=bold, italic=italic)

    def put(cell: str, value: object, *, span: str | None = None, f: Font | None = None,
            align: Alignment = center, formula: bool = False) -> None:  # fmt: skip
        # openpyxl makes any text starting with "=" a formula: only our own totals are.
        ws[cell] = value if formula else spreadsheet_text(value)
        ws[cell].font = f or font()
        ws[cell].alignment = align
        if span:
            ws.merge_cells(f"{cell}:{span}")

    # Heading: form number and basis (left), title and period (centre), units (right).
    put("A1", FORM_NUMBER, span="C1", f=font(bold=True), align=left)
    put("A2", FORM_BASIS, span="C4", f=font(italic=True, size=10), align=left)
    put("D1", TITLE, span="J2", f=font(bold=True, size=13))
    lines = period_lines(doc.period)
    put("D3", lines[0], span="J3", f=font(bold=not lines[0].startswith("(")))
    if len(lines) > 1:
        put("D4", lines[1], span="J4", f=font(italic=True))
    put("K1", f"Đơn vị báo cáo: {lh.unit_name}", span="M2", f=font(size=11), align=left)
    put("K3", f"Đơn vị nhận báo cáo: {sheet.receiving_unit or BLANK}", span="M4", f=font(size=11),
        align=left)  # fmt: skip
    put("K5", UNIT_OF_COUNT, span="M5", f=font(italic=True, size=11),
        align=Alignment(horizontal="right", vertical="center"))  # fmt: skip
    note = as_of_note(doc)
    if note:
        put("A5", note, span="H5", f=font(italic=True, size=10), align=left)

    # Two header levels, then the column numbers.
    put(f"A{HEADER_TOP}", "STT", span=f"A{HEADER_SUB}", f=font(bold=True))
    put(f"B{HEADER_TOP}", "Lĩnh vực giải quyết", span=f"B{HEADER_SUB}", f=font(bold=True))
    col = 3
    for title, width in GROUPS:
        put(f"{letter(col)}{HEADER_TOP}", title, span=f"{letter(col + width - 1)}{HEADER_TOP}",
            f=font(bold=True))  # fmt: skip
        col += width
    for k, title in enumerate(SUBCOLUMNS):
        put(f"{letter(3 + k)}{HEADER_SUB}", title, f=font(bold=True, size=11))
    for k in range(last_col):
        put(f"{letter(1 + k)}{NUMBERS_ROW}", f"({k + 1})", f=font(italic=True, size=11))

    # One row per field, then the total.
    row_no = FIRST_DATA_ROW
    for n, r in enumerate(report.rows, start=1):
        put(f"A{row_no}", n)
        put(f"B{row_no}", r.field, align=left)
        for k, value in enumerate(r.numbers()):
            put(f"{letter(3 + k)}{row_no}", value, align=right)
            ws[f"{letter(3 + k)}{row_no}"].number_format = NUMBER_FORMAT
        ws.row_dimensions[row_no].height = 20
        row_no += 1
    total_row = row_no
    put(f"A{total_row}", "Tổng cộng", span=f"B{total_row}", f=font(bold=True))
    cached: dict[str, int] = {}
    for k, value in enumerate(report.total.numbers()):
        cell = f"{letter(3 + k)}{total_row}"
        if report.rows:
            column = letter(3 + k)
            put(cell, f"=SUM({column}{FIRST_DATA_ROW}:{column}{total_row - 1})",
                f=font(bold=True), align=right, formula=True)  # fmt: skip
            cached[cell] = value
        else:
            put(cell, 0, f=font(bold=True), align=right)
        ws[cell].number_format = NUMBER_FORMAT
    ws.row_dimensions[total_row].height = 20
    for row in ws.iter_rows(min_row=HEADER_TOP, max_row=total_row, min_col=1, max_col=last_col):
        for cell in row:
            cell.border = box
    if not report.rows:
        put(f"A{total_row + 1}", "Không có hồ sơ trong kỳ báo cáo.",
            span=f"M{total_row + 1}", f=font(italic=True, size=11), align=left)  # fmt: skip

    # Place and date, signatures.
    sign = total_row + 3
    put(f"I{sign}", place_date(lh.place_name, lh.issued_on), span=f"M{sign}",
        f=font(italic=True))  # fmt: skip
    put(f"B{sign + 1}", doc.preparer.lines[0].upper(), span=f"E{sign + 1}", f=font(bold=True))
    head_lines = [line.upper() for line in doc.signature.lines] or ["THỦ TRƯỞNG ĐƠN VỊ"]
    for k, line in enumerate(head_lines):
        put(f"I{sign + 1 + k}", line, span=f"M{sign + 1 + k}", f=font(bold=True))
    names = sign + 1 + max(len(head_lines), 1) + 4
    put(f"B{sign + 2}", "(Ký, ghi rõ họ tên)", span=f"E{sign + 2}", f=font(italic=True, size=11))
    if doc.preparer.name:
        put(f"B{names}", doc.preparer.name, span=f"E{names}", f=font(bold=True))
    if doc.signature.name:
        put(f"I{names}", doc.signature.name, span=f"M{names}", f=font(bold=True))

    # Sizes and printing.
    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = 30
    for k in range(3, last_col + 1):
        ws.column_dimensions[letter(k)].width = 12.5
    for r_, height in ((1, 21), (2, 21), (3, 18), (4, 18), (5, 18), (HEADER_TOP, 33),
                       (HEADER_SUB, 80), (NUMBERS_ROW, 17)):  # fmt: skip
        ws.row_dimensions[r_].height = height
    ws.freeze_panes = f"C{FIRST_DATA_ROW}"
    ws.print_title_rows = f"{HEADER_TOP}:{NUMBERS_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    return cached


_FORMULA_CELL = re.compile(r'<c r="([A-Z]+[0-9]+)"([^>]*)><f>([^<]*)</f><v\s*/?>(?:</v>)?</c>')


def _cache_formula_values(data: bytes, values: Sequence[dict[str, int]]) -> bytes:
    """Write each formula's value into the file beside it (``<f>…</f><v>345</v>``), as Excel
    itself does, so that programs that do not calculate show the totals too. openpyxl writes
    formulas with an empty value; the workbook still asks Excel to recalculate on load."""
    if not any(values):
        return data
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            match = re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", item.filename)
            if match and int(match.group(1)) - 1 < len(values):
                sheet_values = values[int(match.group(1)) - 1]

                def fill(m: re.Match[str], sheet_values: dict[str, int] = sheet_values) -> str:
                    value = sheet_values.get(m.group(1))
                    if value is None:
                        return m.group(0)
                    return f'<c r="{m.group(1)}"{m.group(2)}><f>{m.group(3)}</f><v>{value}</v></c>'

                text = _FORMULA_CELL.sub(fill, content.decode("utf-8"))
                content = text.encode("utf-8")
            target.writestr(item, content)
    return out.getvalue()


# -------------------------------------------------------------------- PDF

PDF_MARGINS = {"top": 15 * mm, "bottom": 15 * mm, "left": 20 * mm, "right": 12 * mm}
HEAD = style("kstt_head", fontName=FONT_BOLD, fontSize=10, leading=12, alignment=TA_CENTER,
             spaceAfter=0)  # fmt: skip
HEAD_SMALL = style("kstt_head_small", fontName=FONT_BOLD, fontSize=9, leading=11,
                   alignment=TA_CENTER, spaceAfter=0)  # fmt: skip
TITLE_STYLE = style("kstt_title", fontName=FONT_BOLD, fontSize=13, leading=17,
                    alignment=TA_CENTER, spaceBefore=2, spaceAfter=0)  # fmt: skip
CENTER_ITALIC = style("kstt_period", fontName="Tinos-Italic", fontSize=12, leading=15,
                      alignment=TA_CENTER, spaceAfter=0)  # fmt: skip
CENTER_BOLD = style("kstt_label", fontName=FONT_BOLD, fontSize=12, leading=15,
                    alignment=TA_CENTER, spaceAfter=0)  # fmt: skip
SMALL = style("kstt_small", fontSize=10.5, leading=13, alignment=TA_LEFT, spaceAfter=0)
SMALL_RIGHT = style("kstt_small_right", fontName="Tinos-Italic", fontSize=10.5, leading=13,
                    alignment=TA_RIGHT, spaceAfter=0)  # fmt: skip
CELL = style("kstt_cell", fontSize=10.5, leading=13, alignment=TA_LEFT, spaceAfter=0)


def page_width() -> float:
    return landscape(A4)[0] - PDF_MARGINS["left"] - PDF_MARGINS["right"]


def _form_heading(doc: KsttDocument, sheet: KsttSheet, width: float) -> Table:
    """Three blocks under the national header: the form's number and basis; the title and
    the period; the reporting and receiving units and the unit of count."""
    basis = style("kstt_basis", fontSize=9.5, leading=11.5, alignment=TA_LEFT, spaceAfter=0)
    left = [para(f"<b>{esc(FORM_NUMBER)}</b>", SMALL), para(f"<i>{esc(FORM_BASIS)}</i>", basis)]
    first, _, second = TITLE.partition(" ĐƠN VỊ ")
    middle: list[Flowable] = [para(f"{esc(first)}<br/>ĐƠN VỊ {esc(second)}", TITLE_STYLE)]
    for line in period_lines(doc.period):
        middle.append(para(esc(line), CENTER_ITALIC if line.startswith("(") else CENTER_BOLD))
    right = [
        para(f"Đơn vị báo cáo: {esc(sheet.letterhead.unit_name)}", SMALL),
        para(f"Đơn vị nhận báo cáo: {esc(sheet.receiving_unit or BLANK)}", SMALL),
        para(esc(UNIT_OF_COUNT), SMALL_RIGHT),
    ]
    widths = [width * 0.2, width * 0.54, width * 0.26]
    table = Table([[left, middle, right]], colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def _table(report: KsttReport, width: float) -> Table:
    number_w = 18.5 * mm
    widths = [10 * mm, width - 10 * mm - number_w * len(KSTT_COLUMNS)]
    widths += [number_w] * len(KSTT_COLUMNS)
    top: list[object] = [para("STT", HEAD), para("Lĩnh vực giải quyết", HEAD)]
    for title, span in GROUPS:
        top += [para(esc(title), HEAD)] + [""] * (span - 1)
    sub: list[object] = ["", ""] + [para(esc(t), HEAD_SMALL) for t in SUBCOLUMNS]
    numbers: list[object] = [f"({k + 1})" for k in range(2 + len(KSTT_COLUMNS))]
    rows: list[list[object]] = [top, sub, numbers]
    for n, r in enumerate(report.rows, start=1):
        rows.append([str(n), para(esc(r.field), CELL), *[_number(v) for v in r.numbers()]])
    rows.append(["Tổng cộng", "", *[_number(v) for v in report.total.numbers()]])
    if not report.rows:
        rows.append([para("<i>Không có hồ sơ trong kỳ báo cáo.</i>", CELL)] + [""] * 12)
    table = Table(rows, colWidths=widths, repeatRows=3)
    last = len(rows) - 1
    total = len(rows) - (2 if not report.rows else 1)
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), FONT, 10.5, 13),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 2), (-1, 2), "CENTER"),
        ("FONT", (0, 2), (-1, 2), "Tinos-Italic", 9.5, 12),
        ("ALIGN", (0, 3), (0, -1), "CENTER"),
        ("ALIGN", (2, 3), (-1, -1), "RIGHT"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("SPAN", (0, 0), (0, 1)),
        ("SPAN", (1, 0), (1, 1)),
        ("SPAN", (0, total), (1, total)),
        ("FONT", (0, total), (-1, total), FONT_BOLD, 10.5, 13),
    ]
    col = 2
    for _, span in GROUPS:
        commands.append(("SPAN", (col, 0), (col + span - 1, 0)))
        col += span
    if not report.rows:
        commands.append(("SPAN", (0, last), (-1, last)))
    table.setStyle(TableStyle(commands))
    return table


def _sheet_story(doc: KsttDocument, sheet: KsttSheet, width: float) -> list[Flowable]:
    story: list[Flowable] = [
        NationalHeader(sheet.letterhead, width, show_number=False),
        Spacer(1, 1 * mm),
        _form_heading(doc, sheet, width),
        Spacer(1, 3 * mm),
        _table(sheet.report, width),
    ]
    note = as_of_note(doc)
    if note:
        story += [Spacer(1, 1.5 * mm), para(f"<i>{esc(note)}</i>", SMALL)]
    preparer = Signature(doc.preparer.lines, doc.preparer.name, note="(Ký, ghi rõ họ tên)")
    head = Signature(doc.signature.lines, doc.signature.name, note="(Ký tên, đóng dấu)")
    # The date is the national header's; the signatures follow the table.
    story.append(
        KeepTogether([Spacer(1, 4 * mm), signature_row([preparer, head], width, space=18 * mm)])
    )
    return story


def render_pdf(doc: KsttDocument) -> bytes:
    """A4 landscape: national header, the form's heading, the table, signatures; one page
    (or more) per sheet of the document."""
    width = page_width()
    story: list[Flowable] = []
    for n, sheet in enumerate(doc.sheets):
        if n:
            story.append(PageBreak())
        story += _sheet_story(doc, sheet, width)
    printed = doc.printed_at
    first = doc.sheets[0].letterhead if doc.sheets else None
    with binary_streams():
        return build_pdf(
            story,
            title=f"{FORM_NUMBER} {doc.period.span_text}",
            landscape_page=True,
            page_numbers=True,
            footer=(f"{first.unit_name} — " if first else "")
            + f"in lúc {printed:%H:%M} ngày {printed:%d/%m/%Y}",
            margins=PDF_MARGINS,
        )
