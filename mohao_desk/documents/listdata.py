"""Plain data of the date-range documents (lists and reports). ``services/reports.py`` fills
these; ``daily_list.py``, ``register_book.py`` and ``explanation.py`` draw them without a query.

Moments are naive local wall-clock datetimes of the unit, like everywhere in the documents.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from mohao_desk.documents.data import Letterhead, Signature

# ------------------------------------------------------------ daily list


@dataclass(frozen=True)
class DailyRow:
    """One dossier on the supervisor's daily list."""

    code: str
    procedure: str
    applicant: str
    phone: str
    received_at: datetime
    due_at: datetime  # the legal (original) due moment: the one "late" is measured against
    appointment_at: datetime | None  # the new return date promised after an apology
    state: str  # "quá 1 ngày 2 giờ", "Chờ bổ sung từ 03/05/2024", "Kết quả chưa số hóa", …


@dataclass(frozen=True)
class OfficerGroup:
    """The dossiers of one section held by one officer (the dossier's current handler)."""

    officer: str
    rows: tuple[DailyRow, ...]


@dataclass(frozen=True)
class DailySection:
    """A section of the daily list: "Đến hạn hôm nay", "Quá hạn chưa giải quyết", …"""

    key: str  # due_today | overdue | overdue_no_apology | waiting_supplement | not_digitized
    title: str
    groups: tuple[OfficerGroup, ...]

    @property
    def count(self) -> int:
        return sum(len(g.rows) for g in self.groups)


@dataclass(frozen=True)
class OfficerCounts:
    """A row of the summary table: one officer's count in each section (section order)."""

    officer: str
    counts: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class DailyList:
    """Danh sách theo dõi hồ sơ hằng ngày (the supervisor's daily list)."""

    letterhead: Letterhead
    title: str
    day: date
    as_of: datetime  # the moment deadlines are measured at
    printed_at: datetime
    sections: tuple[DailySection, ...]
    counts: tuple[OfficerCounts, ...]  # by officer; the totals row is the sections' counts
    signature: Signature  # the leader (head_signature)
    preparer: Signature | None = None  # "Người lập"
    note: str = ""  # what the as-of moment means (e.g. a list redone for a past day)


# ---------------------------------------------------------- register book


@dataclass(frozen=True)
class BookEntry:
    """One line of the Sổ theo dõi hồ sơ."""

    volume: int  # quyển số: the year of receipt
    number: int  # số thứ tự in that volume: the entry number printed on the receipt slip
    code: str
    procedure: str
    sets_count: int
    applicant: str
    address: str
    phone: str
    processing_body: str  # cơ quan giải quyết
    received_at: datetime
    due_at: datetime  # ngày hẹn trả (legal due moment)
    transferred_at: datetime | None  # ngày chuyển (first hand-over)
    result_at: datetime | None  # ngày nhận kết quả (result ready at the desk)
    returned_at: datetime | None  # ngày trả kết quả
    note: str = ""


@dataclass(frozen=True)
class RegisterBook:
    """Sổ theo dõi hồ sơ for a range of receipt dates."""

    letterhead: Letterhead
    start: date
    end: date
    printed_at: datetime
    entries: Sequence[BookEntry]


# ------------------------------------------------------ explanation report


@dataclass(frozen=True)
class LateEntry:
    """A dossier that was or is late, with what the town asks to see."""

    code: str
    procedure: str
    field: str
    applicant: str
    officer: str
    received_at: datetime
    due_at: datetime  # legal due moment (a re-appointment never moves it)
    finished_at: datetime | None  # end of processing; None while still open at the period end
    state: str  # "Có kết quả 12/05/2024", "Chưa giải quyết", "Từ chối 12/05/2024", …
    late_by: str  # office time past the due moment in working days and hours, "2 ngày 3 giờ"
    late_seconds: int
    apology_at: datetime | None
    new_due_at: datetime | None
    reason: str  # the apology's reason, or the refusal/stop reason; "" when none recorded

    @property
    def finished_late(self) -> bool:
        return self.finished_at is not None


@dataclass(frozen=True)
class LateTally:
    """Counts of a summary row (a field, an officer, or the total)."""

    label: str
    late: int
    finished_late: int
    open_overdue: int
    with_apology: int
    without_apology: int


@dataclass(frozen=True)
class ReasonCount:
    reason: str
    count: int


@dataclass(frozen=True)
class ExplanationReport:
    """Báo cáo giải trình: every dossier of the period that was or is late."""

    letterhead: Letterhead
    title: str  # "Báo cáo giải trình"
    subject: str  # "Về việc giải quyết hồ sơ thủ tục hành chính quá hạn"
    addressee: str  # the upstream office, after "Kính gửi: "
    legal_basis: tuple[str, ...]  # "Căn cứ …" of each regime in force during the period
    start: date
    end: date
    as_of: datetime  # the end of the period ("open and overdue" is measured here)
    printed_at: datetime
    entries: tuple[LateEntry, ...]
    by_field: tuple[LateTally, ...]
    by_officer: tuple[LateTally, ...]
    total: LateTally
    reasons: tuple[ReasonCount, ...]
    signature: Signature
    recipients: tuple[str, ...] = ("Như trên", "Lưu: VT")
    working_day: str = ""  # one working day in office time, "7 giờ 30 phút" (late_by's "ngày")
