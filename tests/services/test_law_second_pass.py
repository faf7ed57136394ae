"""Issue 9, deadlines and lifecycle on a real database, with the dates the issue gives: the 15:00
rule, a part-day pause at an opening, apologies and pauses, the regime of an out-of-hours
online dossier."""

from __future__ import annotations

from datetime import datetime

import pytest

from mohao_desk.domain.deadline import Timeliness
from mohao_desk.domain.errors import IllegalTransition
from mohao_desk.domain.lifecycle import Act, Channel, Status
from mohao_desk.services.desk import Desk


def _register(desk: Desk, **kw):
    values = {"procedure_code": "1.004873", "applicant_name": "Nguyễn Văn An"}  # 3 working days
    values.update(kw)
    return desk.register(**values)


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (datetime(2025, 3, 13, 15, 0), datetime(2025, 3, 13, 17, 0)),  # 15:00 sharp: same day
        (datetime(2025, 3, 13, 15, 1), datetime(2025, 3, 14, 17, 0)),  # "sau 15 giờ"
    ],
)
def test_same_day_procedure_at_fifteen_hundred(make_desk, received, due) -> None:
    desk = make_desk(datetime(2025, 3, 13, 16, 0))
    detail = _register(desk, procedure_code="2.000815", received_at=received)
    assert detail.summary.due_at == due


def test_a_pause_at_an_opening_moves_the_due_moment_by_office_time(make_desk) -> None:
    # Received Thu 13/03/2025 07:30, 3 working days → due Tue 18/03/2025 07:30. Supplement asked
    # at 07:30 and received at 11:30 the same day: 4 office hours paused → due 18/03 11:30.
    desk = make_desk(datetime(2025, 3, 18, 12, 0))
    code = _register(desk, received_at=datetime(2025, 3, 13, 7, 30)).summary.code
    assert desk.get(code).summary.due_at == datetime(2025, 3, 18, 7, 30)
    desk.request_supplement(code, missing=["Tờ khai"], at=datetime(2025, 3, 13, 7, 30))
    desk.receive_supplement(code, at=datetime(2025, 3, 13, 11, 30))
    summary = desk.get(code).summary
    assert summary.original_due_at == datetime(2025, 3, 18, 11, 30)
    assert summary.due_at == datetime(2025, 3, 18, 11, 30)
    # A result at 12:00 is after the due moment: late.
    detail = desk.resolve(code, at=datetime(2025, 3, 18, 12, 0))
    assert detail.summary.timeliness is Timeliness.LATE


def test_no_apology_while_the_clock_is_paused(make_desk) -> None:
    desk = make_desk(datetime(2025, 3, 14, 9, 0))
    code = _register(desk, received_at=datetime(2025, 3, 13, 9, 0)).summary.code
    desk.request_supplement(code, missing=["Tờ khai"], at=datetime(2025, 3, 14, 8, 0))
    before = desk.get(code)
    with pytest.raises(IllegalTransition, match="đang chờ bổ sung"):
        desk.apologize(code, reason="Chờ xác minh", new_due=datetime(2025, 3, 25, 9, 0))
    after = desk.get(code)
    assert after.summary.status is Status.WAITING_SUPPLEMENT
    assert [e.act for e in after.events] == [e.act for e in before.events]
    assert after.summary.due_at == before.summary.due_at


def test_a_date_promised_on_an_apology_slip_is_not_moved_by_a_later_pause(make_desk) -> None:
    desk = make_desk(datetime(2025, 3, 17, 15, 0))
    code = _register(desk, received_at=datetime(2025, 3, 13, 9, 0)).summary.code  # due 18/03
    promised = datetime(2025, 3, 21, 9, 0)
    desk.apologize(code, reason="Chờ xác minh", new_due=promised, at=datetime(2025, 3, 14, 9))
    desk.request_supplement(code, missing=["Tờ khai"], at=datetime(2025, 3, 17, 9, 0))
    detail = desk.receive_supplement(code, at=datetime(2025, 3, 17, 14, 0))  # 3 h paused
    assert detail.summary.due_at == promised  # exactly as printed on the apology slip
    assert detail.summary.original_due_at == datetime(2025, 3, 18, 14, 0)  # the law moves
    assert [e.act for e in detail.events][-1] is Act.SUPPLEMENT_RECEIVED


def test_the_regime_follows_the_moment_the_dossier_counts_from(make_desk) -> None:
    desk = make_desk(datetime(2025, 7, 1, 8, 0))
    late_online = _register(desk, channel=Channel.ONLINE, received_at=datetime(2025, 6, 30, 18, 0))
    assert late_online.regime == "B"  # counts from 01/07/2025 07:30
    assert late_online.summary.received_at == datetime(2025, 6, 30, 18, 0)  # arrival kept
    assert late_online.summary.due_at == datetime(2025, 7, 4, 7, 30)
    in_hours = _register(desk, received_at=datetime(2025, 6, 30, 16, 0))
    assert in_hours.regime == "A"
