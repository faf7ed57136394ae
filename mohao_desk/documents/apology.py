"""The apology slip of the dossier's regime (Mẫu 04): regime A "Phiếu xin lỗi và hẹn lại ngày
trả kết quả", regime B "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết". Addressed to the
applicant; the original and the new return date; the reason; "Nơi nhận"; signed by the head of the
processing body (not the desk officer)."""

from __future__ import annotations

from datetime import datetime

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
    vn_moment,
)
from mohao_desk.documents.data import DossierDocument


def render(doc: DossierDocument) -> bytes:
    lh, d = doc.letterhead, doc.dossier
    width = content_width()
    original_text = doc.extra.get("original_due_at")
    original = datetime.fromisoformat(original_text) if original_text else d.original_due_at
    new_due = doc.new_due_at or d.due_at
    extension = lh.regime == "B"
    story = form_top(lh, width)
    story += [
        para(f"Kính gửi: Ông/Bà <b>{esc(d.applicant)}</b>", INDENT),
        para(
            f"{vn_date(d.received_at).capitalize()}, {esc(lh.unit_name)} tiếp nhận giải quyết "
            f"hồ sơ của Ông/Bà đề nghị giải quyết thủ tục <b>{esc(d.procedure)}</b>. "
            f"Mã hồ sơ: <b>{esc(d.code)}</b>.",
            INDENT,
        ),
        para(
            f"Thời gian hẹn trả kết quả giải quyết hồ sơ: {vn_moment(original)}.",
            INDENT,
        ),
        para(
            f"Tuy nhiên đến nay, {esc(lh.unit_name)} chưa trả kết quả giải quyết hồ sơ của Ông/Bà "
            "đúng hạn ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả."
            if not extension
            else f"Tuy nhiên, {esc(lh.unit_name)} chưa thể giải quyết hồ sơ của Ông/Bà trong thời "
            "hạn đã hẹn.",
            INDENT,
        ),
        para(f"Lý do: {esc(doc.reason)}.", INDENT),
    ]
    if extension:
        story.append(
            para(
                f"{esc(lh.unit_name)} xin lỗi Ông/Bà vì sự chậm trễ này và đề nghị gia hạn thời "
                f"gian giải quyết hồ sơ đến <b>{vn_moment(new_due)}</b>.",
                INDENT,
            )
        )
    else:
        story.append(
            para(
                "Sự chậm trễ này đã gây phiền hà, tốn kém chi phí đi lại của Ông/Bà. "
                f"{esc(lh.unit_name)} xin lỗi Ông/Bà và xin hẹn lại thời gian trả kết quả vào "
                f"<b>{vn_moment(new_due)}</b>.",
                INDENT,
            )
        )
    story += [
        para("Xin trân trọng cảm ơn./.", INDENT),
        Spacer(1, 4 * mm),
    ]
    story.append(recipients_and_signature(doc.recipients, doc.signature, width))
    return build_pdf(story, title=f"{lh.form_title} {d.code}")
