"""Thông báo dừng giải quyết hồ sơ (regime B, Mẫu 05): the applicant, the dossier, the reason the
processing stops; signed by the head of the processing body."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table, TableStyle

from mohao_desk.documents.base import (
    INDENT,
    build_pdf,
    content_width,
    esc,
    form_top,
    para,
    recipients_block,
    signature_table,
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
    bottom = Table(
        [[recipients_block(doc.recipients), signature_table([doc.signature], width * 0.5)]],
        colWidths=[width * 0.5, width * 0.5],
    )
    bottom.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story.append(bottom)
    return build_pdf(story, title=f"{lh.form_title} {d.code}")
