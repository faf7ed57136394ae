"""Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02): everything missing, listed at once, with the
counts per form; the reason; whom to contact; signed by the guiding officer."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from mohao_desk.documents.base import (
    CELL,
    build_pdf,
    content_width,
    esc,
    form_top,
    grid,
    para,
    signature_table,
    vn_date,
)
from mohao_desk.documents.data import DossierDocument

DOTS = "…" * 30


def render(doc: DossierDocument) -> bytes:
    lh, d = doc.letterhead, doc.dossier
    width = content_width()
    story = form_top(lh, width)
    story += [
        para(f"Mã hồ sơ: <b>{esc(d.code)}</b>"),
        para(f"Hồ sơ của: <b>{esc(d.applicant)}</b>"),
        para(f"Nội dung yêu cầu giải quyết: {esc(d.procedure)}"),
        para(f"Ngày tiếp nhận: {vn_date(d.received_at)}"),
        para(
            "Sau khi xem xét thành phần, hồ sơ của Ông/Bà, đề nghị Ông/Bà bổ sung, hoàn thiện "
            "hồ sơ gồm những nội dung sau:"
        ),
    ]
    rows = [
        ["STT", "Tên giấy tờ cần bổ sung, hoàn thiện", "Số lượng", "", ""],
        ["", "", "Bản chính", "Bản sao\ncó chứng thực", "Bản\nphotocopy"],
    ]
    for n, item in enumerate(doc.supplement_items, start=1):
        rows.append(
            [
                str(n),
                para(esc(item.name), CELL),
                str(item.original or ""),
                str(item.certified or ""),
                str(item.photocopy or ""),
            ]
        )
    table = grid(
        rows,
        [12 * mm, width - 94 * mm, 26 * mm, 30 * mm, 26 * mm],
        header_rows=2,
        align_center=(0, 2, 3, 4),
    )
    table.setStyle(
        [
            ("SPAN", (0, 0), (0, 1)),
            ("SPAN", (1, 0), (1, 1)),
            ("SPAN", (2, 0), (4, 0)),
        ]
    )
    story.append(table)
    story.append(Spacer(1, 2 * mm))
    # The reason line always (a first request may have none: a line to fill in by hand).
    story.append(para(f"Lý do: {esc(doc.reason) if doc.reason else DOTS}"))
    contact = esc(doc.contact_name) if doc.contact_name else "……………………"
    phone = esc(doc.contact_phone) if doc.contact_phone else "…………………"
    story += [
        para(
            "Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với "
            f"{contact}, số điện thoại {phone} để được hướng dẫn."
        ),
        para(
            "Thời gian chờ bổ sung hồ sơ không tính vào thời hạn giải quyết. Hẹn trả kết quả sẽ "
            "được tính lại từ khi nhận đủ hồ sơ bổ sung."
        ),
        Spacer(1, 4 * mm),
        signature_table([None, doc.signature], width),
    ]
    return build_pdf(story, title=f"{lh.form_title} {d.code}")
