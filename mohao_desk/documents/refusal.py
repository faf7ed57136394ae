"""Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03): applicant, procedure, the reasons for the
refusal, signed by the receiving officer.

Drawn from a :class:`RefusalSlip` (plain data), so that a refusal at the counter, which creates
no dossier (domain.md §1), prints the same form as a refused dossier: without a dossier code the
code line is left out."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from mohao_desk.documents.base import (
    build_pdf,
    content_width,
    esc,
    form_top,
    para,
    signature_table,
    vn_date,
)
from mohao_desk.documents.data import RefusalSlip, Signature

DOTS = "……………………………………"


def render(slip: RefusalSlip) -> bytes:
    lh = slip.letterhead
    width = content_width()
    story = form_top(lh, width)
    story += [
        para(f"{esc(lh.desk_name)} — {esc(lh.unit_name)}"),
        para(f"Tiếp nhận hồ sơ của: <b>{esc(slip.applicant)}</b>"),
        para(f"Địa chỉ: {esc(slip.address or DOTS)}"),
        para(
            f"Số điện thoại: {esc(slip.phone or '…………………')}&nbsp;&nbsp;&nbsp; "
            f"Thư điện tử: {esc(slip.email or '…………………')}"
        ),
    ]
    if slip.code:
        received = f", tiếp nhận {vn_date(slip.received_on)}" if slip.received_on else ""
        story.append(para(f"Mã hồ sơ: <b>{esc(slip.code)}</b>{received}."))
    story += [
        para(f"Nội dung yêu cầu giải quyết: {esc(slip.procedure)}"),
        para(
            "Qua xem xét, cơ quan, đơn vị giải quyết thông báo không tiếp nhận, giải quyết hồ sơ "
            "này với lý do cụ thể như sau:"
        ),
    ]
    reasons = slip.reasons or (DOTS * 2,)
    if len(reasons) == 1:
        story.append(para(f"<b>{esc(reasons[0])}</b>"))
    else:
        story += [para(f"{n}. <b>{esc(r)}</b>") for n, r in enumerate(reasons, start=1)]
    story += [
        para("Xin thông báo để Ông/Bà được biết và thực hiện./."),
        Spacer(1, 4 * mm),
        signature_table([None, Signature(("Người tiếp nhận hồ sơ",), slip.officer)], width),
    ]
    title = f"{lh.form_title} {slip.code}" if slip.code else f"{lh.form_title} {slip.applicant}"
    return build_pdf(story, title=title)
