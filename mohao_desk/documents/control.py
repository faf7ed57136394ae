"""Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 05 / regime B Mẫu 06), built from the
dossier's events: each hand-over a row "1. Giao / 2. Nhận", its time, and whether it happened
before, on or after the due moment, with room for the two signatures."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from mohao_desk.documents.base import (
    CELL,
    CELL_CENTER,
    build_pdf,
    content_width,
    esc,
    form_top,
    grid,
    para,
    vn_moment,
)
from mohao_desk.documents.data import DossierDocument


def render(doc: DossierDocument) -> bytes:
    lh, d = doc.letterhead, doc.dossier
    width = content_width()
    story = form_top(lh, width)
    story += [
        para(f"Mã hồ sơ: <b>{esc(d.code)}</b>"),
        para(f"(Kèm theo hồ sơ của: <b>{esc(d.applicant)}</b>)"),
        para(f"Tên thủ tục hành chính: {esc(d.procedure)}"),
        para(f"Ngày, giờ nhận: {vn_moment(d.received_at)}"),
        para(f"Ngày, giờ hẹn trả: {vn_moment(d.original_due_at)}"),
        para(f"Cơ quan (bộ phận) giải quyết hồ sơ: {esc(d.processing_body)}"),
        para(f"Cơ quan phối hợp giải quyết hồ sơ: {esc(doc.cooperating_bodies or '—')}"),
        Spacer(1, 2 * mm),
    ]
    rows: list[list] = [
        [
            "TÊN CƠ QUAN",
            "THỜI GIAN GIAO, NHẬN HỒ SƠ",
            "KẾT QUẢ GIẢI QUYẾT HỒ SƠ\n(Trước hạn/đúng hạn/quá hạn)",
            "GHI CHÚ",
        ]
    ]
    for row in doc.control_rows:
        rows.append(
            [
                para(f"1. Giao: {esc(row.giver)}<br/>2. Nhận: {esc(row.receiver)}", CELL),
                para(
                    f"{vn_moment(row.at)}<br/><br/><i>Người giao&nbsp;&nbsp;&nbsp;&nbsp;"
                    "Người nhận</i><br/><br/>",
                    CELL_CENTER,
                ),
                para(esc(row.result), CELL_CENTER),
                para(esc(row.note), CELL),
            ]
        )
    if len(rows) == 1:
        rows.append(["(chưa có lần chuyển giao nào)", "", "", ""])
    story.append(grid(rows, [width * 0.30, width * 0.31, width * 0.18, width * 0.21], font_size=11))
    return build_pdf(story, title=f"{lh.form_title} {d.code}")
