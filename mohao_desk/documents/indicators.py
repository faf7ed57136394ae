"""The Decision 766/QĐ-TTg indicators a desk can compute (2.1, 3.3, 4.1, 4.2, 4.3, 5.4) for a
period, as a landscape PDF with the national header: each indicator with how it is computed,
the figures, the rate, the full-mark threshold and whether it is reached; upstream, a second
table with each unit's rates."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from mohao_desk.documents.base import (
    FONT,
    FONT_BOLD,
    NationalHeader,
    build_pdf,
    esc,
    para,
    style,
)
from mohao_desk.documents.data import Letterhead, Signature
from mohao_desk.documents.kstt import PDF_MARGINS, page_width, period_lines
from mohao_desk.documents.listing import binary_streams, signature_row
from mohao_desk.domain.periods import ReportPeriod
from mohao_desk.domain.statistics import Indicator, IndicatorCounts, format_percent
from mohao_desk.domain.text import group_digits

TITLE = (
    "KẾT QUẢ CÁC CHỈ SỐ ĐÁNH GIÁ CHẤT LƯỢNG PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP "
    "TRONG THỰC HIỆN THỦ TỤC HÀNH CHÍNH, DỊCH VỤ CÔNG"
)
BASIS = "(Theo Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ)"
SCOPE = (
    "Các chỉ số tính được từ dữ liệu của Bộ phận Một cửa (tiến độ giải quyết, dịch vụ trực "
    "tuyến, số hóa, mức độ hài lòng); các chỉ số khác của Bộ chỉ số do Cổng Dịch vụ công và hệ "
    "thống thông tin giải quyết thủ tục hành chính tính."
)

TITLE_STYLE = style("ind_title", fontName=FONT_BOLD, fontSize=13, leading=17,
                    alignment=TA_CENTER, spaceBefore=4, spaceAfter=0)  # fmt: skip
CENTER_ITALIC = style("ind_italic", fontName="Tinos-Italic", fontSize=12, leading=15,
                      alignment=TA_CENTER, spaceAfter=0)  # fmt: skip
CENTER_BOLD = style("ind_bold", fontName=FONT_BOLD, fontSize=12, leading=15,
                    alignment=TA_CENTER, spaceAfter=0)  # fmt: skip
HEAD = style("ind_head", fontName=FONT_BOLD, fontSize=10.5, leading=13, alignment=TA_CENTER,
             spaceAfter=0)  # fmt: skip
CELL = style("ind_cell", fontSize=10.5, leading=13, alignment=TA_LEFT, spaceAfter=0)
SMALL_CELL = style("ind_small", fontSize=9.5, leading=12, alignment=TA_LEFT, spaceAfter=0)
CELL_CENTER = style("ind_cell_c", fontSize=10.5, leading=13, alignment=TA_CENTER, spaceAfter=0)
TEXT = style("ind_text", fontSize=11, leading=14, spaceAfter=2)
HEADING = style("ind_heading", fontName=FONT_BOLD, fontSize=11.5, leading=15, spaceBefore=6,
                spaceAfter=3)  # fmt: skip


@dataclass(frozen=True)
class IndicatorDocument:
    letterhead: Letterhead
    period: ReportPeriod
    counts: IndicatorCounts
    items: tuple[Indicator, ...]
    as_of: datetime | None  # set while the period has not ended
    printed_at: datetime
    signature: Signature
    preparer: Signature
    units: tuple[tuple[str, tuple[Indicator, ...]], ...] = ()  # upstream: per unit name


def _number(n: int | None) -> str:
    return "" if n is None else group_digits(n)


def verdict(item: Indicator) -> str:
    if item.value is None:
        return "Không có dữ liệu để tính"
    if item.full_marks is None:
        return "—"
    return "Đạt điểm tối đa" if item.full_marks else "Chưa đạt điểm tối đa"


def _figures(item: Indicator) -> str:
    if item.value is None and item.detail and "/" not in item.detail:
        return item.detail  # why there is no value ("Không có dữ liệu thành phần hồ sơ")
    if item.numerator is not None and item.denominator is not None:
        return f"{_number(item.numerator)}/{_number(item.denominator)}"
    return item.detail


def _threshold(item: Indicator) -> str:
    return "—" if item.threshold is None else f"≥ {item.threshold:.0f} %"


def _table(items: Sequence[Indicator], width: float) -> Table:
    widths = [16 * mm, 56 * mm, 0.0, 34 * mm, 22 * mm, 24 * mm, 27 * mm]
    widths[2] = width - sum(widths)
    head = ["Chỉ số", "Tên chỉ số", "Cách tính", "Số liệu", "Kết quả", "Điểm tối đa khi",
            "Đánh giá"]  # fmt: skip
    rows: list[list[object]] = [[para(h, HEAD) for h in head]]
    for item in items:
        rows.append(
            [
                item.code,
                para(esc(item.name), CELL),
                para(esc(item.definition), SMALL_CELL),
                para(esc(_figures(item)), SMALL_CELL if item.numerator is None else CELL_CENTER),
                para(f"<b>{esc(format_percent(item.value))}</b>", CELL_CENTER),
                _threshold(item),
                para(esc(verdict(item)), CELL_CENTER),
            ]
        )
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 10.5, 13),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 1), (0, -1), "CENTER"),
                ("ALIGN", (5, 1), (5, -1), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def _units_table(doc: IndicatorDocument, width: float) -> Table:
    codes = [i.code for i in doc.items]
    number_w = 27 * mm
    widths = [12 * mm, width - 12 * mm - number_w * len(codes)] + [number_w] * len(codes)
    rows: list[list[object]] = [
        [para("STT", HEAD), para("Đơn vị", HEAD)] + [para(f"Chỉ số {c}", HEAD) for c in codes]
    ]
    for n, (name, items) in enumerate(doc.units, start=1):
        rows.append([str(n), para(esc(name), CELL)] + [format_percent(i.value) for i in items])
    rows.append(["", para("<b>Tổng hợp</b>", CELL)] + [format_percent(i.value) for i in doc.items])
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 10.5, 13),
                ("FONT", (0, -1), (-1, -1), FONT_BOLD, 10.5, 13),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 1), (0, -1), "CENTER"),
                ("ALIGN", (2, 1), (-1, -1), "RIGHT"),
            ]
        )
    )
    return table


def _counts_text(c: IndicatorCounts) -> str:
    n = _number
    return (
        f"Hồ sơ nhận giải quyết trong kỳ (kể cả kỳ trước chuyển qua): <b>{n(c.handled)}</b>, "
        f"trong đó giải quyết hoặc đang giải quyết trong hạn: <b>{n(c.handled_on_time)}</b>, "
        f"quá hạn: <b>{n(c.handled_overdue)}</b>. Hồ sơ mới tiếp nhận: "
        f"<b>{n(c.received_new)}</b>, trong đó trực tuyến: <b>{n(c.received_online)}</b>, có "
        f"sử dụng lại dữ liệu đã số hóa: <b>{n(c.received_reused)}</b>. Hồ sơ có kết quả giải "
        f"quyết trong kỳ: <b>{n(c.results)}</b>, trong đó kết quả điện tử: "
        f"<b>{n(c.results_electronic)}</b>, số hóa đủ thành phần và kết quả: "
        f"<b>{n(c.results_fully_digitized)}</b>. Lượt đánh giá của hồ sơ đã giải quyết trong "
        f"kỳ: <b>{n(c.rated)}</b>, trong đó không hài lòng: <b>{n(c.not_satisfied)}</b>."
    )


def render(doc: IndicatorDocument) -> bytes:
    width = page_width()
    lh = doc.letterhead
    story: list[Flowable] = [
        NationalHeader(lh, width, show_number=False),
        Spacer(1, 2 * mm),
        para(esc(TITLE), TITLE_STYLE),
        para(esc(BASIS), CENTER_ITALIC),
    ]
    for line in period_lines(doc.period):
        story.append(para(esc(line), CENTER_ITALIC if line.startswith("(") else CENTER_BOLD))
    story += [
        Spacer(1, 3 * mm),
        para(f"Đơn vị: <b>{esc(lh.unit_name)}</b>. {esc(SCOPE)}", TEXT),
    ]
    if doc.as_of is not None:
        story.append(
            para(
                f"<i>Số liệu tính đến {doc.as_of:%H} giờ {doc.as_of:%M} phút ngày "
                f"{doc.as_of:%d/%m/%Y} (kỳ báo cáo chưa kết thúc).</i>",
                TEXT,
            )
        )
    story += [Spacer(1, 1 * mm), _table(doc.items, width)]
    story += [para("Số liệu dùng để tính", HEADING), para(_counts_text(doc.counts), TEXT)]
    if doc.units:
        story += [para("Kết quả theo đơn vị", HEADING), _units_table(doc, width)]
    preparer = Signature(doc.preparer.lines, doc.preparer.name, note="(Ký, ghi rõ họ tên)")
    head = Signature(doc.signature.lines, doc.signature.name, note="(Ký tên, đóng dấu)")
    # The date is the national header's; the signatures follow.
    story.append(
        KeepTogether([Spacer(1, 4 * mm), signature_row([preparer, head], width, space=18 * mm)])
    )
    printed = doc.printed_at
    with binary_streams():
        return build_pdf(
            story,
            title=f"Chỉ số Quyết định 766/QĐ-TTg {doc.period.span_text}",
            landscape_page=True,
            page_numbers=True,
            footer=f"{lh.unit_name} — in lúc {printed:%H:%M} ngày {printed:%d/%m/%Y}",
            margins=PDF_MARGINS,
        )
