"""Báo cáo giải trình (explanation report) to the upstream office: every dossier of a period
that was or is late. A portrait report (national header, "Kính gửi", legal basis, the figures,
summaries by field, by officer and by recorded reason, "Nơi nhận" and the leader's signature)
and a landscape appendix listing each dossier: procedure, officer, how late in office time,
whether and when an apology was issued, the recorded reason."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, NextPageTemplate, PageBreak, Spacer, Table

from mohao_desk.documents.base import (
    CELL,
    CELL_HEAD,
    FONT_BOLD,
    INDENT,
    TITLE,
    NationalHeader,
    content_width,
    esc,
    grid,
    para,
    recipients_block,
    signature_table,
    style,
    vn_date,
    vn_time,
)
from mohao_desk.documents.listdata import ExplanationReport, LateEntry, LateTally
from mohao_desk.documents.listing import Band, Column, FastGrid, build_mixed, landscape_width

SUBJECT = style("expl_subject", fontName=FONT_BOLD, alignment=TA_CENTER, spaceAfter=8)
ADDRESSEE = style("expl_to", alignment=TA_CENTER, spaceBefore=4, spaceAfter=8)
HEADING = style("expl_heading", fontName=FONT_BOLD, spaceBefore=6, spaceAfter=3)
BASIS = style("expl_basis", fontName="Tinos-Italic", firstLineIndent=10 * mm)
APPENDIX = style("expl_appendix", fontName="Tinos-Italic", alignment=TA_CENTER, spaceAfter=6)
NOTE = style("expl_note", fontName="Tinos-Italic", fontSize=11, leading=14, spaceAfter=4)
FONT_SIZE = 9.5
_NONE = "(Chưa ghi nhận lý do)"


def _tally_table(first: str, tallies: Sequence[LateTally], total: LateTally) -> Table:
    width = content_width()
    head = [
        para(h, CELL_HEAD)
        for h in (
            "STT",
            first,
            "Số hồ sơ quá hạn",
            "Đã giải quyết quá hạn",
            "Chưa giải quyết, quá hạn",
            "Có văn bản xin lỗi",
            "Chưa có văn bản xin lỗi",
        )
    ]
    rows: list[list] = [head]
    for n, t in enumerate(tallies, start=1):
        rows.append([str(n), para(esc(t.label), CELL), *_numbers(t)])
    rows.append(["", para("<b>Tổng cộng</b>", CELL), *_numbers(total)])
    label_w = width - 12 * mm - 5 * 22 * mm
    table = grid(rows, [12 * mm, label_w, *[22 * mm] * 5], align_center=(0, 2, 3, 4, 5, 6))
    table.setStyle([("FONT", (0, -1), (-1, -1), FONT_BOLD, 12, 15)])
    return table


def _numbers(t: LateTally) -> list[str]:
    return [str(x) for x in (t.late, t.finished_late, t.open_overdue, t.with_apology,
                             t.without_apology)]  # fmt: skip


def _reasons_table(report: ExplanationReport) -> Table:
    width = content_width()
    rows: list[list] = [[para(h, CELL_HEAD) for h in ("STT", "Lý do được ghi nhận", "Số hồ sơ")]]
    for n, r in enumerate(report.reasons, start=1):
        rows.append([str(n), para(esc(r.reason), CELL), str(r.count)])
    return grid(rows, [12 * mm, width - 34 * mm, 22 * mm], align_center=(0, 2))


def _day(moment: datetime | None) -> str:
    return f"{moment:%d/%m/%Y}" if moment else ""


def _code(code: str) -> str:
    agency, sep, rest = code.partition("-")
    return f"{agency}-\n{rest}" if sep else code


def _apology(e: LateEntry) -> str:
    if e.apology_at is None:
        return "Chưa có"
    text = f"Ngày {e.apology_at:%d/%m/%Y}"
    if e.new_due_at is not None:
        text += f";\nhẹn lại {e.new_due_at:%d/%m/%Y}"
    return text


def _appendix_rows(report: ExplanationReport) -> list:
    finished = [e for e in report.entries if e.finished_late]
    still_open = [e for e in report.entries if not e.finished_late]
    rows: list = []
    n = 0
    parts = (
        ("I. Hồ sơ đã giải quyết nhưng quá hạn trong kỳ", finished),
        (f"II. Hồ sơ chưa giải quyết, đã quá hạn đến {report.as_of:%H:%M} ngày "
         f"{report.as_of:%d/%m/%Y}", still_open),
    )  # fmt: skip
    for title, entries in parts:
        rows.append(Band(f"{title}: {len(entries)} hồ sơ"))
        for e in entries:
            n += 1
            rows.append(
                (
                    str(n),
                    _code(e.code),
                    f"{e.procedure}\n({e.field})" if e.field else e.procedure,
                    e.applicant,
                    e.officer,
                    f"{e.due_at:%d/%m/%Y}\n{e.due_at:%H:%M}",
                    e.state,
                    e.late_by,
                    _apology(e),
                    e.reason or _NONE,
                )
            )
    return rows


def _appendix_columns() -> list[Column]:
    fixed = [
        Column("STT", 10 * mm, "C"),
        Column("Mã hồ sơ", 27 * mm),
        Column("Thủ tục hành chính (lĩnh vực)", 40 * mm),
        Column("Người nộp hồ sơ", 27 * mm),
        Column("Cán bộ giải quyết", 27 * mm),
        Column("Hạn giải quyết", 20 * mm, "C"),
        Column("Tình trạng", 26 * mm),
        Column("Thời gian quá hạn (ngày làm việc, giờ, phút)", 22 * mm, "C"),
        Column("Văn bản xin lỗi", 28 * mm),
    ]
    used = sum(c.width for c in fixed)
    return [*fixed, Column("Lý do được ghi nhận", landscape_width() - used)]


def render(report: ExplanationReport) -> bytes:
    lh = report.letterhead
    width = content_width()
    total = report.total
    period = f"từ {vn_date(report.start)} đến {vn_date(report.end)}"
    story: list[Flowable] = [NationalHeader(lh, width), Spacer(1, 4 * mm)]
    story.append(para(esc(report.title.upper()), TITLE))
    story.append(para(f"{esc(report.subject)}<br/>{esc(period)}", SUBJECT))
    story.append(para(f"Kính gửi: {esc(report.addressee)}.", ADDRESSEE))
    for basis in report.legal_basis:
        story.append(para(f"{esc(basis.rstrip(';. '))};", BASIS))
    story.append(
        para(
            f"{esc(lh.unit_name)} báo cáo, giải trình việc giải quyết hồ sơ thủ tục hành chính "
            f"quá hạn {esc(period)} như sau:",
            INDENT,
        )
    )
    as_of = f"{vn_time(report.as_of)}, {vn_date(report.as_of)}"
    story.append(para("1. Tình hình chung", HEADING))
    if total.late:
        story.append(
            para(
                f"Trong kỳ có <b>{total.late}</b> hồ sơ quá hạn, trong đó: "
                f"<b>{total.finished_late}</b> hồ sơ đã giải quyết nhưng quá hạn; "
                f"<b>{total.open_overdue}</b> hồ sơ đến {as_of} chưa giải quyết, đã quá hạn. "
                f"Đã có văn bản xin lỗi và hẹn lại ngày trả kết quả: <b>{total.with_apology}</b>"
                f" hồ sơ; chưa có văn bản xin lỗi: <b>{total.without_apology}</b> hồ sơ.",
                INDENT,
            )
        )
    else:
        story.append(para(f"Trong kỳ không có hồ sơ quá hạn (số liệu đến {as_of}).", INDENT))
    if total.late:
        story += [
            para("2. Tổng hợp theo lĩnh vực", HEADING),
            _tally_table("Lĩnh vực", report.by_field, total),
            para("3. Tổng hợp theo cán bộ giải quyết", HEADING),
            _tally_table("Cán bộ giải quyết", report.by_officer, total),
            para("4. Nguyên nhân quá hạn (lý do được ghi nhận)", HEADING),
            _reasons_table(report),
            Spacer(1, 2 * mm),
            para(
                "Danh sách từng hồ sơ, thời gian quá hạn, văn bản xin lỗi và lý do tại Phụ lục "
                "kèm theo báo cáo này.",
                INDENT,
            ),
        ]
    story.append(Spacer(1, 4 * mm))
    story.append(
        KeepTogether(
            [
                Table(
                    [
                        [
                            recipients_block(report.recipients),
                            signature_table([report.signature], width * 0.55),
                        ]
                    ],
                    colWidths=[width * 0.45, width * 0.55],
                    style=[("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (0, 0), 0)],
                )
            ]
        )
    )
    if report.entries:
        number = lh.number.replace("Số:", "").strip() or "……"
        story += [
            NextPageTemplate("landscape"),
            PageBreak(),
            para("PHỤ LỤC", TITLE),
            para(f"DANH SÁCH HỒ SƠ QUÁ HẠN {esc(period.upper())}", TITLE),
            para(
                f"(Kèm theo Báo cáo số {esc(number)} {vn_date(lh.issued_on)} của "
                f"{esc(lh.unit_name)})",
                APPENDIX,
            ),
            *(
                [
                    para(
                        esc(
                            f"Thời gian quá hạn tính bằng thời gian làm việc của đơn vị: 1 ngày "
                            f"là một ngày làm việc ({report.working_day})."
                        ),
                        NOTE,
                    )
                ]
                if report.working_day
                else []
            ),
            FastGrid(_appendix_columns(), _appendix_rows(report), font_size=FONT_SIZE),
        ]
    printed = report.printed_at
    return build_mixed(
        story,
        title=f"{report.title} {report.start:%d/%m/%Y}–{report.end:%d/%m/%Y}",
        footer=f"In lúc {printed:%H:%M} ngày {printed:%d/%m/%Y}",
    )
