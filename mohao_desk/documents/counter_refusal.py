"""Mẫu 03 for a refusal at the counter: the same Phiếu từ chối tiếp nhận giải quyết hồ sơ, for
a request that never became a dossier (no code, no receipt date; the moment of the refusal and
the slip's own number instead)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from mohao_desk.documents.base import (
    build_pdf,
    content_width,
    esc,
    form_top,
    para,
    signature_table,
    vn_moment,
)
from mohao_desk.documents.data import Letterhead, Signature


@dataclass(frozen=True)
class CounterRefusalDocument:
    letterhead: Letterhead  # its ``number`` is the slip's "12/2025"
    applicant: str
    address: str
    phone: str
    procedure: str
    reasons: tuple[str, ...]
    at: datetime
    signature: Signature  # the receiving officer


def render(doc: CounterRefusalDocument) -> bytes:
    lh = doc.letterhead
    width = content_width()
    story = form_top(lh, width)
    story.append(
        para(
            f"{esc(lh.desk_name)} — {esc(lh.unit_name)} tiếp nhận hồ sơ của: "
            f"<b>{esc(doc.applicant)}</b>"
        )
    )
    if doc.address:
        story.append(para(f"Địa chỉ: {esc(doc.address)}"))
    if doc.phone:
        story.append(para(f"Số điện thoại: {esc(doc.phone)}"))
    story += [
        para(f"Nội dung yêu cầu giải quyết: {esc(doc.procedure)}"),
        para(
            f"Vào lúc {vn_moment(doc.at)}, sau khi xem xét, đối chiếu các thành phần hồ sơ, "
            f"{esc(lh.desk_name)} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ "
            "thể như sau:"
        ),
    ]
    for n, reason in enumerate(doc.reasons, start=1):
        prefix = f"{n}. " if len(doc.reasons) > 1 else ""
        story.append(para(f"<b>{prefix}{esc(reason)}</b>"))
    story += [
        para("Xin thông báo để Ông/Bà được biết và thực hiện./."),
        Spacer(1, 4 * mm),
        signature_table([None, doc.signature], width),
    ]
    return build_pdf(story, title=f"{lh.form_title} {lh.number}")
