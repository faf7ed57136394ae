"""A dossier's life (domain.md §1, §3, §4): states, acts, and the rules that refuse an act."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from mohao_desk.domain.calendar import WorkCalendar
from mohao_desk.domain.errors import DeskError, IllegalTransition, Phrase, RuleViolation, template

# Rules that an exception reason lets the officer pass; the CLI adds how to give that reason
# (its --override / --reason option) when it shows them.
APOLOGY_RULES_BROKEN = template("{rules} Muốn vẫn ghi nhận, phải nêu lý do ngoại lệ.")
SUPPLEMENT_REASON_NEEDED = template(
    "Hồ sơ đã được yêu cầu bổ sung {previous_requests} lần. Yêu cầu bổ sung thêm lần nữa sẽ "
    "khiến hồ sơ bị tính là quá hạn; phải nêu lý do."
)


class Channel(StrEnum):
    """Kênh tiếp nhận, with the national portal's codes."""

    DIRECT = "1"  # trực tiếp
    ONLINE = "2"  # trực tuyến
    POSTAL = "3"  # bưu chính công ích

    @property
    def label(self) -> str:
        return _CHANNEL_LABELS[self._value_]

    @classmethod
    def parse(cls, text: str) -> Channel:
        key = text.strip().lower()
        aliases = {
            "1": cls.DIRECT,
            "direct": cls.DIRECT,
            "truc-tiep": cls.DIRECT,
            "2": cls.ONLINE,
            "online": cls.ONLINE,
            "truc-tuyen": cls.ONLINE,
            "3": cls.POSTAL,
            "postal": cls.POSTAL,
            "buu-chinh": cls.POSTAL,
        }
        if key not in aliases:
            raise DeskError(
                "Kênh tiếp nhận '{text}' không hợp lệ (1 = trực tiếp, 2 = trực tuyến, "
                "3 = bưu chính công ích).",
                text=text,
            )
        return aliases[key]


_CHANNEL_LABELS = {"1": "Trực tiếp", "2": "Trực tuyến", "3": "Bưu chính công ích"}


class Status(StrEnum):
    """Trạng thái hồ sơ."""

    RECEIVED = "received"  # đã tiếp nhận
    PROCESSING = "processing"  # đang giải quyết
    WAITING_SUPPLEMENT = "waiting_supplement"  # chờ bổ sung
    RESULT_READY = "result_ready"  # đã có kết quả, chờ trả
    RETURNED = "returned"  # đã trả kết quả
    REFUSED = "refused"  # từ chối giải quyết
    WITHDRAWN = "withdrawn"  # công dân rút hồ sơ
    STOPPED = "stopped"  # dừng giải quyết (chế độ B)

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]

    @property
    def is_open(self) -> bool:
        """Still being processed: the deadline clock matters."""
        return self in OPEN_STATUSES

    @property
    def is_final(self) -> bool:
        return self in FINAL_STATUSES


_STATUS_LABELS = {
    Status.RECEIVED: "Đã tiếp nhận",
    Status.PROCESSING: "Đang giải quyết",
    Status.WAITING_SUPPLEMENT: "Chờ bổ sung",
    Status.RESULT_READY: "Có kết quả, chờ trả",
    Status.RETURNED: "Đã trả kết quả",
    Status.REFUSED: "Từ chối giải quyết",
    Status.WITHDRAWN: "Đã rút hồ sơ",
    Status.STOPPED: "Dừng giải quyết",
}

# Processing not finished (the clock runs, except while waiting for a supplement).
OPEN_STATUSES = frozenset({Status.RECEIVED, Status.PROCESSING, Status.WAITING_SUPPLEMENT})
# The clock runs: these can become overdue.
RUNNING_STATUSES = frozenset({Status.RECEIVED, Status.PROCESSING})
FINAL_STATUSES = frozenset({Status.RETURNED, Status.REFUSED, Status.WITHDRAWN, Status.STOPPED})


class Act(StrEnum):
    """The acts of a dossier's life; each one is an event row."""

    REGISTER = "register"
    HANDOVER = "handover"
    SUPPLEMENT_REQUEST = "supplement_request"
    SUPPLEMENT_RECEIVED = "supplement_received"
    RESOLVE = "resolve"
    RETURN = "return"
    REFUSE = "refuse"
    WITHDRAW = "withdraw"
    STOP = "stop"
    DIGITIZE = "digitize"
    APOLOGIZE = "apologize"
    RATE = "rate"

    @property
    def label(self) -> str:
        return _ACT_LABELS[self]


_ACT_LABELS = {
    Act.REGISTER: "Tiếp nhận hồ sơ",
    Act.HANDOVER: "Chuyển xử lý",
    Act.SUPPLEMENT_REQUEST: "Yêu cầu bổ sung hồ sơ",
    Act.SUPPLEMENT_RECEIVED: "Nhận hồ sơ bổ sung",
    Act.RESOLVE: "Có kết quả giải quyết",
    Act.RETURN: "Trả kết quả",
    Act.REFUSE: "Từ chối giải quyết",
    Act.WITHDRAW: "Rút hồ sơ",
    Act.STOP: "Dừng giải quyết",
    Act.DIGITIZE: "Số hóa",
    Act.APOLOGIZE: "Xin lỗi và hẹn lại ngày trả kết quả",
    Act.RATE: "Đánh giá mức độ hài lòng",
}

# Which state each status-changing act leads to, from which states.
TRANSITIONS: dict[Act, tuple[frozenset[Status], Status | None]] = {
    Act.HANDOVER: (frozenset({Status.RECEIVED, Status.PROCESSING}), Status.PROCESSING),
    Act.SUPPLEMENT_REQUEST: (
        frozenset({Status.RECEIVED, Status.PROCESSING}),
        Status.WAITING_SUPPLEMENT,
    ),
    Act.SUPPLEMENT_RECEIVED: (frozenset({Status.WAITING_SUPPLEMENT}), Status.PROCESSING),
    Act.RESOLVE: (frozenset({Status.RECEIVED, Status.PROCESSING}), Status.RESULT_READY),
    Act.RETURN: (frozenset({Status.RESULT_READY}), Status.RETURNED),
    Act.REFUSE: (OPEN_STATUSES, Status.REFUSED),
    Act.WITHDRAW: (OPEN_STATUSES, Status.WITHDRAWN),
    Act.STOP: (OPEN_STATUSES, Status.STOPPED),
    # Acts that do not change the status, allowed in these states. No apology while the dossier
    # waits for a supplement: its clock is paused, and the new date the slip promises would be
    # moved by the pause when the supplement arrives (a printed date is never moved).
    Act.APOLOGIZE: (RUNNING_STATUSES, None),
    Act.RATE: (frozenset({Status.RETURNED}), None),
}


def check_transition(act: Act, status: Status) -> Status:
    """The status after ``act``; raises :class:`IllegalTransition` with a Vietnamese message.

    Acts absent from :data:`TRANSITIONS` (digitization) are allowed in every state and keep it;
    registration only ever creates a dossier."""
    if act is Act.REGISTER:
        raise IllegalTransition("Hồ sơ đã được tiếp nhận; không thể tiếp nhận lại.")
    if act not in TRANSITIONS:
        return status
    allowed, target = TRANSITIONS[act]
    if act is Act.APOLOGIZE and status is Status.WAITING_SUPPLEMENT:
        raise IllegalTransition(
            "Hồ sơ đang chờ bổ sung: thời hạn giải quyết đang tạm dừng nên chưa lập phiếu xin "
            "lỗi. Sau khi nhận đủ hồ sơ bổ sung, thời hạn được tính lại; khi đó nếu vẫn không "
            "kịp hạn thì lập phiếu xin lỗi với ngày hẹn mới."
        )
    if status not in allowed:
        raise IllegalTransition(
            "Không thể thực hiện '{act}' khi hồ sơ đang ở trạng thái '{status}'.",
            act=act.label,
            status=status.label,
        )
    return target if target is not None else status


@dataclass(frozen=True)
class ApologyRules:
    """The apology rules of a legal regime (domain.md §4), as settings."""

    working_days_before: int = 1  # at the latest N working days before the due day
    once_only: bool = True


def check_apology(
    calendar: WorkCalendar,
    rules: ApologyRules,
    *,
    at: datetime,
    due: datetime,
    new_due: datetime,
    previous_apologies: int,
    override: str | None,
) -> list[str]:
    """Check an apology against the regime's rules.

    Returns the list of rules broken (in Vietnamese). If any is broken and there is no override
    reason, raises :class:`RuleViolation`; with an override the caller records the broken rules.
    Whatever the override, the new return date must be a real moment after the current due one,
    inside office hours of a working day.
    """
    if new_due <= at:
        raise DeskError(
            "Ngày hẹn trả mới ({new_due:%H:%M %d/%m/%Y}) phải sau thời điểm xin lỗi "
            "({at:%H:%M %d/%m/%Y}).",
            new_due=new_due,
            at=at,
        )
    if new_due <= due:
        raise DeskError(
            "Ngày hẹn trả mới ({new_due:%H:%M %d/%m/%Y}) phải sau ngày hẹn hiện tại "
            "({due:%H:%M %d/%m/%Y}).",
            new_due=new_due,
            due=due,
        )
    if not calendar.is_open(new_due):
        raise DeskError(
            "Ngày hẹn trả mới ({new_due:%H:%M %d/%m/%Y}) không rơi vào giờ làm việc của một "
            "ngày làm việc.",
            new_due=new_due,
        )
    broken: list[Phrase] = []
    if rules.once_only and previous_apologies >= 1:
        broken.append(Phrase("Chỉ được hẹn lại ngày trả kết quả một lần."))
    if rules.working_days_before > 0:
        latest_day = due.date()
        for _ in range(rules.working_days_before):
            latest_day = calendar.previous_working_day(latest_day)
        if at.date() > latest_day:
            broken.append(
                Phrase(
                    "Phiếu xin lỗi phải được gửi chậm nhất {days} ngày làm việc trước ngày hết "
                    "hạn (hạn chót gửi: ngày {latest_day:%d/%m/%Y}).",
                    days=rules.working_days_before,
                    latest_day=latest_day,
                )
            )
    if broken and not (override and override.strip()):
        raise RuleViolation(APOLOGY_RULES_BROKEN, rules=tuple(broken))
    return [str(rule) for rule in broken]


def check_supplement_request(previous_requests: int, reason: str | None) -> None:
    """A second (or later) supplement request needs a reason: it makes the dossier count as
    overdue in the national index (domain.md §3)."""
    if previous_requests >= 1 and not (reason and reason.strip()):
        raise RuleViolation(SUPPLEMENT_REASON_NEEDED, previous_requests=previous_requests)
