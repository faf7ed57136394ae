"""Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03): applicant, procedure, the reasons for the
refusal, signed by the receiving officer."""

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
from mohao_desk.documents.data import DossierDocument


def render(doc: DossierDocument) -> bytes:
    lh, d = doc.letterhead, doc.dossier
    width = content_width()
    story = form_top(lh, width)
    story += [
        para(
            f"{esc(lh.desk_name)} — {esc(lh.unit_name)} đã tiếp nhận hồ sơ của: "
            f"<b>{esc(d.applicant)}</b>"
        ),
        para(f"Mã hồ sơ: <b>{esc(d.code)}</b>, tiếp nhận {vn_date(d.received_at)}."),
        para(f"Nội dung yêu cầu giải quyết: {esc(d.procedure)}"),
        para(
            "Qua xem xét, cơ quan giải quyết thông báo không tiếp nhận, giải quyết hồ sơ này với "
            "lý do cụ thể như sau:"
        ),
        para(f"<b>{esc(doc.reason)}</b>"),
        para("Xin thông báo để Ông/Bà được biết và thực hiện./."),
        Spacer(1, 4 * mm),
        signature_table([None, doc.signature], width),
    ]
    return build_pdf(story, title=f"{lh.form_title} {d.code}")
