"""Plain data the documents are drawn from. The services fill these; the layout never queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class Letterhead:
    """Who issues a document and under which legal regime (from unit settings and the regime
    table, never literals in the layout)."""

    parent_name: str  # cơ quan chủ quản, e.g. "Ủy ban nhân dân thị xã Mỹ Hào"
    unit_name: str  # e.g. "Ủy ban nhân dân phường Bần Yên Nhân"
    place_name: str  # địa danh of the date line, e.g. "Mỹ Hào"
    issued_on: date
    regime: str = ""  # "A" / "B"
    form_number: str = ""  # "01"
    form_title: str = ""
    forms_circular: str = ""
    legal_basis: str = ""
    number: str = ""  # "Số: .../..." ; empty prints a blank to fill by hand
    desk_name: str = "Bộ phận Một cửa"


@dataclass(frozen=True)
class Signature:
    """A signature block: "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" and the name."""

    lines: tuple[str, ...]
    name: str = ""
    note: str = "(Ký và ghi rõ họ tên)"


@dataclass(frozen=True)
class ComponentLine:
    name: str
    kind_label: str
    count: int


@dataclass(frozen=True)
class SupplementLine:
    """One paper to supplement, with the counts per form (original / certified / photocopy)."""

    name: str
    original: int = 0
    certified: int = 0
    photocopy: int = 0


@dataclass(frozen=True)
class DossierFacts:
    """What every dossier form shows about the dossier."""

    code: str
    procedure: str
    procedure_code: str
    field: str
    applicant: str
    address: str
    phone: str
    email: str
    channel_label: str
    received_at: datetime
    due_at: datetime
    original_due_at: datetime
    processing_time: str  # "3 ngày làm việc"
    sets_count: int
    components: tuple[ComponentLine, ...]
    receiver: str  # the desk officer who received it (dossier.receiver_id)
    handler: str  # the officer who holds it now
    processing_body: str  # cơ quan (bộ phận) giải quyết
    book_volume: str = ""  # Sổ theo dõi hồ sơ: quyển số
    book_entry: str = ""  # số thứ tự
    # The moment the deadline counts from, when the dossier arrived outside office hours (online
    # at night, on a day off): the next opening. None when it is ``received_at`` itself.
    counted_from: datetime | None = None


@dataclass(frozen=True)
class ControlRow:
    """A row of the control slip: one hand-over (giao / nhận)."""

    giver: str
    receiver: str
    at: datetime
    result: str  # "Trước hạn" / "Đúng hạn" / "Quá hạn"
    note: str = ""


@dataclass(frozen=True)
class RefusalSlip:
    """Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03): plain data, with or without a dossier
    (a refusal at the counter creates no dossier, domain.md §1: ``code`` stays empty)."""

    letterhead: Letterhead  # the regime's form number and title; issued_on = the refusal's day
    applicant: str
    procedure: str
    reasons: tuple[str, ...]
    officer: str  # the receiving officer, who signs ("" leaves the name to be written by hand)
    address: str = ""
    phone: str = ""
    email: str = ""
    code: str = ""  # the dossier's code; "" for a refusal at the counter
    received_on: date | None = None  # the dossier's receipt day (a dossier only)


@dataclass(frozen=True)
class DossierDocument:
    """Everything a dossier form may need; each form takes what it shows."""

    letterhead: Letterhead
    dossier: DossierFacts
    signature: Signature
    reason: str = ""
    new_due_at: datetime | None = None
    supplement_items: tuple[SupplementLine, ...] = ()
    contact_name: str = ""
    contact_phone: str = ""
    control_rows: tuple[ControlRow, ...] = ()
    cooperating_bodies: str = ""
    recipients: tuple[str, ...] = ("Như trên", "Bộ phận Một cửa", "Lưu: VT")
    extra: dict[str, str] = field(default_factory=dict)
