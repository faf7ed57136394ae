"""Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01): code as text and QR, applicant, components,
processing time, received and return moments, where to collect, book entry, two signatures."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table, TableStyle

from mohao_desk.documents.base import (
    BODY,
    CELL,
    CELL_CENTER,
    FormMark,
    NationalHeader,
    QrCode,
    build_pdf,
    content_width,
    esc,
    grid,
    para,
    signature_table,
    title_block,
    vn_moment,
)
from mohao_desk.documents.data import DossierDocument, Signature


def render(doc: DossierDocument) -> bytes:
    lh, d = doc.letterhead, doc.dossier
    width = content_width()
    story: list = [FormMark(lh, width), NationalHeader(lh, width), Spacer(1, 4 * mm)]
    story += title_block(lh)
    code_line = Table(
        [[para(f"Mã hồ sơ: <b>{esc(d.code)}</b>", BODY), QrCode(d.code, 22 * mm)]],
        colWidths=[width - 26 * mm, 26 * mm],
    )
    code_line.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    story.append(code_line)
    story += [
        para(f"{esc(lh.desk_name)} — {esc(lh.unit_name)}"),
        para(f"Tiếp nhận hồ sơ của: <b>{esc(d.applicant)}</b>"),
        para(f"Địa chỉ: {esc(d.address or '……………………………………')}"),
        para(
            f"Số điện thoại: {esc(d.phone or '…………………')}&nbsp;&nbsp;&nbsp; "
            f"Thư điện tử: {esc(d.email or '…………………')}"
        ),
        para(f"Nội dung yêu cầu giải quyết: <b>{esc(d.procedure)}</b>"),
        para("1. Thành phần hồ sơ nộp gồm:"),
    ]
    # Arrived outside office hours (online at night, on a day off): the deadline counts from the
    # next opening, and the applicant is told both moments.
    counted = (
        f" (ngoài giờ làm việc; thời hạn giải quyết tính từ {vn_moment(d.counted_from)})"
        if d.counted_from is not None
        else ""
    )
    rows = [["STT", "Tên giấy tờ", "Hình thức", "Số lượng"]]
    for n, c in enumerate(d.components, start=1):
        rows.append(
            [str(n), para(esc(c.name), CELL), para(esc(c.kind_label), CELL_CENTER), str(c.count)]
        )
    if len(rows) == 1:
        rows.append(["", "(không có giấy tờ)", "", ""])
    story.append(grid(rows, [12 * mm, width - 74 * mm, 40 * mm, 22 * mm], align_center=(0, 3)))
    story += [
        Spacer(1, 2 * mm),
        para(f"2. Số lượng hồ sơ: {d.sets_count:02d} (bộ)"),
        para(f"3. Thời gian giải quyết hồ sơ theo quy định là: {esc(d.processing_time)}"),
        para(f"4. Thời gian nhận hồ sơ: {vn_moment(d.received_at)}{counted}"),
        para(f"5. Thời gian trả kết quả giải quyết hồ sơ: <b>{vn_moment(d.due_at)}</b>"),
        para(f"6. Đăng ký nhận kết quả tại: {esc(lh.desk_name)} — {esc(lh.unit_name)}"),
        para(
            f"Vào Sổ theo dõi hồ sơ, Quyển số: {esc(d.book_volume or '……')}, "
            f"Số thứ tự: {esc(d.book_entry or '……')}"
        ),
        Spacer(1, 4 * mm),
        signature_table(
            [
                Signature(("Người nộp hồ sơ",), d.applicant),
                Signature(("Người tiếp nhận hồ sơ",), d.receiver),
            ],
            width,
        ),
    ]
    return build_pdf(story, title=f"{lh.form_title} {d.code}")
