"""A dossier's life (domain.md §1, §3, §4): transitions, apology rules, supplement requests."""

from __future__ import annotations

from datetime import datetime

import pytest

from mohao_desk.domain.calendar import WorkCalendar
from mohao_desk.domain.errors import DeskError, IllegalTransition, RuleViolation
from mohao_desk.domain.lifecycle import (
    TRANSITIONS,
    Act,
    ApologyRules,
    Channel,
    Status,
    check_apology,
    check_supplement_request,
    check_transition,
)

T = datetime
S = Status

# The expected table, written from domain.md §1 independently of lifecycle.TRANSITIONS:
# act → {state it may be done in: state after}.
EXPECTED: dict[Act, dict[Status, Status]] = {
    Act.HANDOVER: {S.RECEIVED: S.PROCESSING, S.PROCESSING: S.PROCESSING},
    Act.SUPPLEMENT_REQUEST: {
        S.RECEIVED: S.WAITING_SUPPLEMENT,
        S.PROCESSING: S.WAITING_SUPPLEMENT,
    },
    Act.SUPPLEMENT_RECEIVED: {S.WAITING_SUPPLEMENT: S.PROCESSING},
    Act.RESOLVE: {S.RECEIVED: S.RESULT_READY, S.PROCESSING: S.RESULT_READY},
    Act.RETURN: {S.RESULT_READY: S.RETURNED},
    Act.REFUSE: {s: S.REFUSED for s in (S.RECEIVED, S.PROCESSING, S.WAITING_SUPPLEMENT)},
    Act.WITHDRAW: {
        # Not after the result is ready: not collecting a result is not a withdrawal.
        s: S.WITHDRAWN
        for s in (S.RECEIVED, S.PROCESSING, S.WAITING_SUPPLEMENT)
    },
    Act.STOP: {s: S.STOPPED for s in (S.RECEIVED, S.PROCESSING, S.WAITING_SUPPLEMENT)},
    # no status change
    # not while waiting for a supplement: the clock is paused (issue 9)
    Act.APOLOGIZE: {s: s for s in (S.RECEIVED, S.PROCESSING)},
    Act.RATE: {S.RETURNED: S.RETURNED},
}

CASES = [(act, status) for act in EXPECTED for status in Status]


def test_the_table_covers_every_status_changing_act() -> None:
    assert set(TRANSITIONS) == set(EXPECTED)


@pytest.mark.parametrize(("act", "status"), CASES, ids=[f"{a}-{s}" for a, s in CASES])
def test_transition(act: Act, status: Status) -> None:
    allowed = EXPECTED[act]
    if status in allowed:
        assert check_transition(act, status) is allowed[status]
    else:
        with pytest.raises(IllegalTransition) as refused:
            check_transition(act, status)
        if act is Act.APOLOGIZE and status is Status.WAITING_SUPPLEMENT:
            assert refused.value.message.startswith("Hồ sơ đang chờ bổ sung: thời hạn giải")
        else:
            assert refused.value.message == (
                f"Không thể thực hiện '{act.label}' khi hồ sơ đang ở trạng thái '{status.label}'."
            )


def test_refusal_message_in_vietnamese() -> None:
    with pytest.raises(IllegalTransition) as refused:
        check_transition(Act.RETURN, Status.PROCESSING)
    assert str(refused.value) == (
        "Không thể thực hiện 'Trả kết quả' khi hồ sơ đang ở trạng thái 'Đang giải quyết'."
    )
    with pytest.raises(IllegalTransition, match=r"'Đánh giá mức độ hài lòng'.*'Đã rút hồ sơ'"):
        check_transition(Act.RATE, Status.WITHDRAWN)


def test_final_states_accept_nothing_but_a_rating() -> None:
    for status in (S.RETURNED, S.REFUSED, S.WITHDRAWN, S.STOPPED):
        assert status.is_final and not status.is_open
        for act in TRANSITIONS:
            if act is Act.RATE and status is S.RETURNED:
                continue
            with pytest.raises(IllegalTransition):
                check_transition(act, status)


def test_open_statuses() -> None:
    assert {s for s in Status if s.is_open} == {S.RECEIVED, S.PROCESSING, S.WAITING_SUPPLEMENT}
    assert not S.RESULT_READY.is_open and not S.RESULT_READY.is_final


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("1", Channel.DIRECT),
        (" Direct ", Channel.DIRECT),
        ("truc-tuyen", Channel.ONLINE),
        ("2", Channel.ONLINE),
        ("3", Channel.POSTAL),
        ("buu-chinh", Channel.POSTAL),
    ],
)
def test_channel_parse(text: str, channel: Channel) -> None:
    assert Channel.parse(text) is channel


def test_channel_parse_rejects_unknown() -> None:
    with pytest.raises(DeskError, match="Kênh tiếp nhận '4' không hợp lệ"):
        Channel.parse("4")
    assert Channel.POSTAL.label == "Bưu chính công ích"


# ---------------------------------------------------------------------------- apology

RULES = ApologyRules()  # 1 working day before, once only
DUE = T(2024, 5, 7, 9, 0)  # Tue 07/05/2024 09:00
NEW_DUE = T(2024, 5, 10, 9, 0)


def apologize(cal: WorkCalendar, **kwargs: object) -> list[str]:
    args: dict[str, object] = {
        "at": T(2024, 5, 6, 10, 0),
        "due": DUE,
        "new_due": NEW_DUE,
        "previous_apologies": 0,
        "override": None,
    }
    args.update(kwargs)
    return check_apology(cal, RULES, **args)  # type: ignore[arg-type]


def test_apology_in_time_breaks_nothing(cal: WorkCalendar) -> None:
    assert apologize(cal) == []
    # the latest apology day for a Tuesday due day is the Monday, until its end
    assert apologize(cal, at=T(2024, 5, 6, 23, 59)) == []
    assert apologize(cal, at=T(2024, 4, 26, 9, 0)) == []


def test_apology_on_the_due_day_is_too_late(cal: WorkCalendar) -> None:
    with pytest.raises(RuleViolation) as refused:
        apologize(cal, at=T(2024, 5, 7, 7, 30))
    message = refused.value.message
    assert "chậm nhất 1 ngày làm việc trước ngày hết hạn" in message
    assert "06/05/2024" in message
    assert message.endswith("Muốn vẫn ghi nhận, phải nêu lý do ngoại lệ.")
    assert "--" not in message  # the window's officer has no command-line options


def test_latest_apology_day_skips_the_holidays(cal: WorkCalendar) -> None:
    # due Thu 02/05/2024: the previous working day is Fri 26/04/2024 (29/04–01/05 off)
    due = T(2024, 5, 2, 9, 0)
    assert apologize(cal, at=T(2024, 4, 26, 16, 0), due=due) == []
    with pytest.raises(RuleViolation, match="26/04/2024"):
        apologize(cal, at=T(2024, 4, 27, 9, 0), due=due)
    with pytest.raises(RuleViolation, match="26/04/2024"):
        apologize(cal, at=T(2024, 4, 29, 9, 0), due=due)


def test_latest_apology_day_can_be_the_make_up_saturday(cal: WorkCalendar) -> None:
    due = T(2024, 5, 6, 9, 0)  # Mon 06/05/2024: the previous working day is Sat 04/05
    assert apologize(cal, at=T(2024, 5, 4, 16, 0), due=due) == []
    with pytest.raises(RuleViolation, match="04/05/2024"):
        apologize(cal, at=T(2024, 5, 5, 9, 0), due=due)


def test_apology_two_working_days_before(cal: WorkCalendar) -> None:
    rules = ApologyRules(working_days_before=2, once_only=True)

    def check(at: datetime) -> list[str]:
        return check_apology(
            cal, rules, at=at, due=DUE, new_due=NEW_DUE, previous_apologies=0, override=None
        )

    # due Tue 07/05/2024: two working days before is the make-up Saturday 04/05
    assert check(T(2024, 5, 4, 9, 0)) == []
    with pytest.raises(RuleViolation, match=r"2 ngày làm việc.*04/05/2024"):
        check(T(2024, 5, 6, 9, 0))


def test_apology_once_only(cal: WorkCalendar) -> None:
    with pytest.raises(RuleViolation, match="Chỉ được hẹn lại ngày trả kết quả một lần"):
        apologize(cal, previous_apologies=1)


def test_rules_switched_off(cal: WorkCalendar) -> None:
    rules = ApologyRules(working_days_before=0, once_only=False)
    broken = check_apology(
        cal,
        rules,
        at=T(2024, 5, 7, 10, 0),
        due=DUE,
        new_due=NEW_DUE,
        previous_apologies=3,
        override=None,
    )
    assert broken == []


def test_override_returns_the_broken_rules(cal: WorkCalendar) -> None:
    broken = apologize(
        cal, at=T(2024, 5, 7, 8, 0), previous_apologies=1, override="Chủ tịch UBND đồng ý"
    )
    assert broken == [
        "Chỉ được hẹn lại ngày trả kết quả một lần.",
        "Phiếu xin lỗi phải được gửi chậm nhất 1 ngày làm việc trước ngày hết hạn "
        "(hạn chót gửi: ngày 06/05/2024).",
    ]


def test_blank_override_is_no_override(cal: WorkCalendar) -> None:
    with pytest.raises(RuleViolation):
        apologize(cal, previous_apologies=1, override="   ")


@pytest.mark.parametrize(
    "new_due",
    [DUE, T(2024, 5, 6, 9, 0)],
    ids=["equal", "earlier"],
)
def test_new_due_must_be_after_the_current_due(cal: WorkCalendar, new_due: datetime) -> None:
    with pytest.raises(
        DeskError, match=r"phải sau (ngày hẹn hiện tại|thời điểm xin lỗi)"
    ) as refused:
        apologize(cal, new_due=new_due, override="lý do")
    assert type(refused.value) is DeskError


@pytest.mark.parametrize(
    "new_due",
    [
        T(2024, 5, 8, 12, 0),  # lunch break
        T(2024, 5, 8, 18, 0),  # evening
        T(2024, 5, 11, 9, 0),  # Saturday
        T(2024, 9, 2, 9, 0),  # holiday
    ],
)
def test_new_due_must_be_in_office_hours(cal: WorkCalendar, new_due: datetime) -> None:
    with pytest.raises(DeskError, match="không rơi vào giờ làm việc") as refused:
        apologize(cal, new_due=new_due, override="lý do")
    assert type(refused.value) is DeskError


@pytest.mark.parametrize(
    "new_due",
    [T(2024, 5, 8, 17, 0), T(2024, 5, 8, 11, 30), T(2024, 5, 8, 7, 30)],
)
def test_new_due_at_an_interval_boundary_is_accepted(cal: WorkCalendar, new_due: datetime) -> None:
    assert apologize(cal, new_due=new_due) == []


def test_new_due_on_a_make_up_saturday_is_accepted(cal: WorkCalendar) -> None:
    due = T(2024, 5, 3, 9, 0)
    assert apologize(cal, at=T(2024, 5, 2, 9, 0), due=due, new_due=T(2024, 5, 4, 9, 0)) == []


# ------------------------------------------------------------------- supplement request


def test_first_supplement_request_needs_no_reason() -> None:
    check_supplement_request(0, None)
    check_supplement_request(0, "")


@pytest.mark.parametrize("reason", [None, "", "  "])
def test_second_supplement_request_needs_a_reason(reason: str | None) -> None:
    with pytest.raises(RuleViolation) as refused:
        check_supplement_request(1, reason)
    assert "đã được yêu cầu bổ sung 1 lần" in refused.value.message
    assert "quá hạn" in refused.value.message
    with pytest.raises(RuleViolation, match="bổ sung 2 lần"):
        check_supplement_request(2, reason)


def test_second_supplement_request_with_a_reason() -> None:
    check_supplement_request(1, "Giấy tờ bổ sung lần trước bị mờ, không đọc được")
    check_supplement_request(3, "lý do")


def test_apology_latest_day_uses_dates_not_hours(cal: WorkCalendar) -> None:
    # due Tue 07/05 17:00: even at 07/05 07:30 (a full working day before the moment) it is late
    with pytest.raises(RuleViolation, match="06/05/2024"):
        apologize(cal, at=T(2024, 5, 7, 7, 30), due=T(2024, 5, 7, 17, 0))


@pytest.mark.parametrize("status", list(Status))
def test_digitization_is_allowed_in_every_state_and_registration_in_none(status) -> None:
    assert check_transition(Act.DIGITIZE, status) is status
    with pytest.raises(IllegalTransition, match="không thể tiếp nhận lại"):
        check_transition(Act.REGISTER, status)


def test_new_due_must_be_after_the_apology_itself(cal: WorkCalendar) -> None:
    # An apology recorded late (with an override) cannot promise a moment already past.
    with pytest.raises(DeskError, match="phải sau thời điểm xin lỗi"):
        apologize(cal, at=T(2024, 5, 20, 9, 0), new_due=T(2024, 5, 9, 9, 0), override="x")
