"""Thông báo dừng giải quyết hồ sơ (regime B, Mẫu 05): the applicant, the dossier, the reason the
processing stops; signed by the head of the processing body."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from mohao_desk.documents.base import (
    INDENT,
    build_pdf,
    content_width,
    esc,
    form_top,
    para,
    recipients_and_signature,
    vn_date,
)
from mohao_desk.documents.data import DossierDocument


def render(doc: DossierDocument) -> bytes:
    lh, d = doc.letterhead, doc.dossier
    width = content_width()
    story = form_top(lh, width)
    story += [
        para(f"Kính gửi: Ông/Bà <b>{esc(d.applicant)}</b>", INDENT),
        para(
            f"{vn_date(d.received_at).capitalize()}, {esc(lh.unit_name)} tiếp nhận hồ sơ của "
            f"Ông/Bà đề nghị giải quyết thủ tục <b>{esc(d.procedure)}</b>. Mã hồ sơ: "
            f"<b>{esc(d.code)}</b>.",
            INDENT,
        ),
        para(
            f"{esc(lh.unit_name)} thông báo dừng giải quyết hồ sơ nêu trên. Lý do: "
            f"<b>{esc(doc.reason)}</b>.",
            INDENT,
        ),
        para("Xin thông báo để Ông/Bà được biết./.", INDENT),
        Spacer(1, 4 * mm),
    ]
    story.append(recipients_and_signature(doc.recipients, doc.signature, width))
    return build_pdf(story, title=f"{lh.form_title} {d.code}")
