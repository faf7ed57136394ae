"""The desk services on a real SQLite file: registration, the whole lifecycle, events, rules."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from mohao_desk.domain.catalog import ComponentSpec
from mohao_desk.domain.deadline import Band, Timeliness
from mohao_desk.domain.errors import DeskError, IllegalTransition, NotFound, RuleViolation
from mohao_desk.domain.lifecycle import Act, Channel, Status
from mohao_desk.services.desk import Desk
from mohao_desk.store import queries as q
from tests.conftest import UNIT_CODE, FakeClock


def _register(desk: Desk, **kw):
    values = {
        "procedure_code": "1.004873",  # 3 working days
        "applicant_name": "Nguyễn Văn An",
        "phone": "0912345678",
        "address": "Khu phố Bần, phường Bần Yên Nhân",
    }
    values.update(kw)
    return desk.register(**values)


def _db_rows(desk: Desk, sql: str, **params):
    with desk.db.read() as conn:
        return conn.execute(text(sql), params).all()


def test_register_gives_code_due_moment_components_and_event(desk: Desk) -> None:
    detail = _register(desk, received_at=datetime(2024, 4, 26, 9, 0))
    s = detail.summary
    assert s.code == f"{UNIT_CODE}-240426-0001"
    # 3 working days after Fri 26/04/2024 across 29/04-01/05 off: Thu 2, Fri 3, Sat 4 (make-up).
    assert s.due_at == datetime(2024, 5, 4, 9, 0)
    assert s.original_due_at == s.due_at
    assert s.status is Status.RECEIVED
    assert detail.regime == "A"
    assert [c.name for c in detail.components] == [
        "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân",
        "Giấy tờ chứng minh đã ly hôn hoặc người kia đã chết (nếu có)",
    ]
    assert [(c.count, c.kind) for c in detail.components] == [(1, "original"), (1, "copy")]
    assert [e.act for e in detail.events] == [Act.REGISTER]
    assert detail.events[0].officer == "Nguyễn Thị Hồng Nhung"
    second = _register(desk, received_at=datetime(2024, 4, 26, 9, 5))
    assert second.summary.code == f"{UNIT_CODE}-240426-0002"


@pytest.mark.parametrize(
    "kw",
    [
        {},
        {"by": "tuphap", "channel": Channel.ONLINE, "email": "an@example.vn", "note": "Gấp"},
        {"procedure_code": "1.000894", "verification": True, "id_number": "034090001234"},
        {"components": [ComponentSpec("Đơn đề nghị", "original", 2)], "sets_count": 3},
        {"components": [], "received_at": datetime(2024, 4, 25, 16, 59)},
        {"procedure_code": "2.000815", "received_at": datetime(2024, 4, 22, 8, 0)},  # overdue
    ],
)
def test_the_detail_register_returns_is_what_get_reads(desk: Desk, clock: FakeClock, kw) -> None:
    """``register`` builds its detail from what it wrote (no second transaction): it is the
    detail ``get`` reads back, field by field, then and later."""
    detail = _register(desk, **kw)
    assert detail == desk.get(detail.summary.code)
    clock.now = datetime(2024, 4, 26, 15, 30)
    assert detail.events == desk.get(detail.summary.code).events


def test_the_detail_without_any_officer_is_what_get_reads(desk: Desk) -> None:
    with desk.db.begin() as conn:
        q.put_setting(conn, "default_officer", None)
    detail = _register(desk)
    assert detail.summary.officer is None and detail.events[0].officer is None
    assert detail == desk.get(detail.summary.code)


def test_regime_follows_the_receipt_day(make_desk) -> None:
    desk = make_desk(datetime(2025, 7, 1, 8, 0))
    before = _register(desk, received_at=datetime(2025, 6, 30, 16, 0))
    after = _register(desk, received_at=datetime(2025, 7, 1, 7, 45))
    assert (before.regime, after.regime) == ("A", "B")


def test_same_day_procedure_and_verification_time(make_desk) -> None:
    desk = make_desk(datetime(2024, 4, 26, 16, 0))
    early = _register(desk, procedure_code="2.000815", received_at=datetime(2024, 4, 26, 9))
    late = _register(desk, procedure_code="2.000815", received_at=datetime(2024, 4, 26, 15, 30))
    assert early.summary.due_at == datetime(2024, 4, 26, 17, 0)
    assert late.summary.due_at == datetime(2024, 5, 2, 17, 0)  # next working day after 30/4
    marriage = _register(
        desk, procedure_code="1.000894", verification=True, received_at=datetime(2024, 4, 26, 9)
    )
    assert marriage.summary.due_at == datetime(2024, 5, 7, 9, 0)  # 5 working days
    assert [c.count for c in marriage.components] == [1, 1, 2]
    with pytest.raises(DeskError, match="không có thời hạn xác minh"):
        _register(desk, procedure_code="2.000815", verification=True)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("applicant_name", "   ", "Thiếu họ tên"),
        ("phone", "abc", "Số điện thoại"),
        ("email", "no-at-sign", "thư điện tử"),
        ("procedure_code", "9.999999", "Không có thủ tục"),
        ("sets_count", 0, "Số bộ hồ sơ"),
        ("received_at", datetime(2024, 4, 27, 9, 0), "tương lai"),
    ],
)
def test_register_rejects_bad_input_and_writes_nothing(desk, field, value, message) -> None:
    with pytest.raises(DeskError, match=message):
        _register(desk, **{field: value})
    assert _db_rows(desk, "SELECT count(*) FROM dossier")[0][0] == 0
    assert _db_rows(desk, "SELECT count(*) FROM event")[0][0] == 0
    assert _db_rows(desk, "SELECT count(*) FROM daily_sequence")[0][0] == 0


def test_whole_life_with_supplement_pause(make_desk, clock: FakeClock, db) -> None:
    desk = Desk(db, clock=clock)
    code = _register(desk, received_at=datetime(2024, 4, 26, 9, 0)).summary.code
    clock.now = datetime(2024, 4, 26, 10, 0)
    desk.handover(code, to="tuphap", body="Công chức Tư pháp - Hộ tịch")
    # Paused Thu 02/05 09:00, resumed Fri 03/05 09:00: one working day of office time (7.5 h).
    clock.now = datetime(2024, 5, 2, 9, 0)
    before = desk.get(code).summary.countdown
    detail = desk.request_supplement(code, missing=["Bản sao giấy khai sinh"])
    assert detail.summary.status is Status.WAITING_SUPPLEMENT
    assert detail.summary.paused
    clock.now = datetime(2024, 5, 3, 9, 0)
    frozen = desk.get(code).summary.countdown
    assert frozen.seconds == before.seconds  # the clock does not run while waiting
    detail = desk.receive_supplement(code)
    assert detail.summary.status is Status.PROCESSING
    assert detail.summary.due_at == datetime(2024, 5, 6, 9, 0)  # 04/05 09:00 + 7.5 h office
    assert detail.summary.original_due_at == datetime(2024, 5, 6, 9, 0)
    assert detail.summary.countdown.seconds == before.seconds
    clock.now = datetime(2024, 5, 6, 8, 0)
    detail = desk.resolve(code)
    assert detail.summary.status is Status.RESULT_READY
    assert detail.summary.timeliness is Timeliness.ON_TIME
    clock.now = datetime(2024, 5, 6, 14, 0)
    detail = desk.return_result(code)
    assert detail.summary.status is Status.RETURNED
    assert detail.summary.returned_at == datetime(2024, 5, 6, 14, 0)
    acts = [e.act for e in detail.events]
    assert acts == [
        Act.REGISTER,
        Act.HANDOVER,
        Act.SUPPLEMENT_REQUEST,
        Act.SUPPLEMENT_RECEIVED,
        Act.RESOLVE,
        Act.RETURN,
    ]
    resumed = detail.events[3]
    assert resumed.data["paused_office_seconds"] == 27000
    assert resumed.data["before"]["due_at"] == "2024-05-04T09:00"
    assert resumed.data["after"]["due_at"] == "2024-05-06T09:00"
    assert detail.events[1].data["to_name"] == "Trần Văn Đức"
    assert [e.status_after for e in detail.events][-1] is Status.RETURNED
    # Status is cached in the same transaction as the events.
    row = _db_rows(desk, "SELECT status, event_count FROM dossier WHERE code=:c", c=code)[0]
    assert tuple(row) == ("returned", 6)


@pytest.mark.parametrize(
    ("act", "kwargs"),
    [
        ("return_result", {}),
        ("receive_supplement", {}),
        ("rate", {"rating": "hai_long"}),
    ],
)
def test_forbidden_acts_are_refused_and_change_nothing(desk: Desk, act, kwargs) -> None:
    code = _register(desk).summary.code
    with pytest.raises(IllegalTransition, match="Không thể thực hiện"):
        getattr(desk, act)(code, **kwargs)
    detail = desk.get(code)
    assert detail.summary.status is Status.RECEIVED
    assert len(detail.events) == 1


def test_final_states_refuse_everything(desk: Desk, clock: FakeClock) -> None:
    code = _register(desk).summary.code
    desk.refuse(code, reason="Hồ sơ giả mạo giấy tờ")
    for act, kwargs in [
        ("handover", {"to": "tuphap"}),
        ("resolve", {}),
        ("withdraw", {}),
        ("request_supplement", {"missing": ["x"]}),
    ]:
        with pytest.raises(IllegalTransition):
            getattr(desk, act)(code, **kwargs)
    summary = desk.get(code).summary
    assert summary.status is Status.REFUSED
    assert summary.finished_at == clock.now


def test_unknown_code_and_unknown_officer(desk: Desk) -> None:
    with pytest.raises(NotFound, match="Không tìm thấy hồ sơ"):
        desk.resolve("000.17.22.H56-240426-9999")
    code = _register(desk).summary.code
    with pytest.raises(NotFound, match="Không có cán bộ"):
        desk.handover(code, to="khongco")
    assert len(desk.get(code).events) == 1


def test_act_before_the_last_event_is_refused(desk: Desk) -> None:
    code = _register(desk, received_at=datetime(2024, 4, 26, 9)).summary.code
    with pytest.raises(DeskError, match="trước thao tác gần nhất"):
        desk.handover(code, to="tuphap", at=datetime(2024, 4, 26, 8))


def test_second_supplement_request_needs_a_reason_and_counts_late(desk, clock) -> None:
    code = _register(desk, received_at=datetime(2024, 4, 26, 9)).summary.code
    desk.request_supplement(code, missing=["Tờ khai"])
    desk.receive_supplement(code)
    with pytest.raises(RuleViolation, match="phải nêu lý do"):
        desk.request_supplement(code, missing=["Giấy tờ khác"])
    desk.request_supplement(code, missing=["Giấy tờ khác"], reason="Tờ khai bổ sung sai")
    desk.receive_supplement(code)
    detail = desk.resolve(code)
    # Finished long before the due moment, yet late: more than one supplement request.
    assert detail.summary.timeliness is Timeliness.LATE
    assert detail.summary.supplement_count == 2


def test_apology_rules_of_regime_a(make_desk) -> None:
    desk = make_desk(datetime(2024, 5, 2, 9, 0))
    code = _register(desk, received_at=datetime(2024, 4, 26, 9, 0)).summary.code
    # Due Sat 04/05/2024 09:00 (make-up working Saturday): the latest apology day is Fri 03/05.
    detail = desk.apologize(
        code, reason="Chờ xác minh của Công an", new_due=datetime(2024, 5, 8, 9, 0)
    )
    assert detail.summary.due_at == datetime(2024, 5, 8, 9, 0)
    assert detail.summary.original_due_at == datetime(2024, 5, 4, 9, 0)
    assert detail.summary.apology_count == 1
    # Once only.
    with pytest.raises(RuleViolation, match="một lần"):
        desk.apologize(code, reason="Lần hai", new_due=datetime(2024, 5, 10, 9, 0))
    assert desk.get(code).summary.due_at == datetime(2024, 5, 8, 9, 0)
    # With an explicit override it is recorded, with the broken rule.
    detail = desk.apologize(
        code,
        reason="Lần hai",
        new_due=datetime(2024, 5, 10, 9, 0),
        override="Chủ tịch UBND đồng ý bằng văn bản",
    )
    last = detail.events[-1]
    assert last.act is Act.APOLOGIZE
    assert last.data["broken_rules"] == ["Chỉ được hẹn lại ngày trả kết quả một lần."]
    assert last.data["override"] == "Chủ tịch UBND đồng ý bằng văn bản"
    assert last.data["original_due_at"] == "2024-05-04T09:00"
    # Still late in statistics: resolved after the original due moment, before the new one.
    later = Desk(desk.db, clock=FakeClock(datetime(2024, 5, 7, 9, 0)))
    assert later.resolve(code).summary.timeliness is Timeliness.LATE


def test_apology_too_late_needs_override(make_desk) -> None:
    desk = make_desk(datetime(2024, 5, 4, 8, 0))  # the due day itself
    code = _register(desk, received_at=datetime(2024, 4, 26, 9, 0)).summary.code
    with pytest.raises(RuleViolation, match="chậm nhất 1 ngày làm việc"):
        desk.apologize(code, reason="Chậm", new_due=datetime(2024, 5, 8, 9, 0))
    with pytest.raises(DeskError, match="không rơi vào giờ làm việc"):
        desk.apologize(code, reason="Chậm", new_due=datetime(2024, 5, 5, 9, 0), override="x")
    with pytest.raises(DeskError, match="phải sau thời điểm xin lỗi"):
        desk.apologize(code, reason="Chậm", new_due=datetime(2024, 5, 3, 9, 0), override="x")
    assert desk.get(code).summary.apology_count == 0


def test_countdown_bands_on_the_board(make_desk) -> None:
    desk = make_desk(datetime(2024, 5, 2, 9, 0))
    code = _register(desk, received_at=datetime(2024, 4, 26, 9, 0)).summary.code  # due 04/05 09:00
    s = desk.get(code).summary
    assert s.band is Band.ON_TRACK
    assert s.countdown.text() == "còn 2 ngày"
    at_risk = make_desk(datetime(2024, 5, 3, 10, 0)).get(code).summary
    assert at_risk.band is Band.AT_RISK
    assert at_risk.countdown.text() == "còn 6 giờ 30 phút"
    late = make_desk(datetime(2024, 5, 6, 10, 30)).get(code).summary
    assert late.band is Band.OVERDUE
    assert late.countdown.text() == "quá 1 ngày 1 giờ"


def test_lists_counts_and_search(make_desk) -> None:
    desk = make_desk(datetime(2024, 5, 3, 10, 0))
    due_today = _register(
        desk, procedure_code="2.000815", applicant_name="Đặng Thị Hoa", phone="0987000111"
    )
    overdue = _register(
        desk, applicant_name="Nguyễn Văn A", received_at=datetime(2024, 4, 23, 9, 0)
    )  # 3 working days → 26/04 09:00
    finished = _register(desk, applicant_name="Trần Đức Bình")
    desk.resolve(finished.summary.code)
    assert desk.count("overdue") == 1
    assert [d.code for d in desk.list("overdue")] == [overdue.summary.code]
    assert [d.code for d in desk.list("due-today")] == [due_today.summary.code]
    assert desk.count("pending") == 2
    assert desk.count("all") == 3
    assert [d.applicant for d in desk.list("all", search="nguyen van a")] == ["Nguyễn Văn A"]
    assert [d.applicant for d in desk.list("all", search="dang thi hoa")] == ["Đặng Thị Hoa"]
    assert [d.applicant for d in desk.list("all", search="ĐẶNG")] == ["Đặng Thị Hoa"]
    assert [d.applicant for d in desk.list("all", search="0987000")] == ["Đặng Thị Hoa"]
    assert [d.code for d in desk.list("all", search=overdue.summary.code)] == [overdue.summary.code]
    assert desk.list("all", search="100%_") == []


def test_digitize_components_and_result(desk: Desk, tmp_path: Path) -> None:
    code = _register(desk).summary.code
    scan = tmp_path / "to-khai.pdf"
    scan.write_bytes(b"%PDF-1.4 scanned page")
    detail = desk.digitize(code, file=scan, component=1)
    first = detail.components[0]
    assert first.sha256 == hashlib.sha256(b"%PDF-1.4 scanned page").hexdigest()
    assert first.digitized_at == desk.now()
    assert not detail.summary.inputs_digitized
    detail = desk.digitize(code, file=scan, component=2, reused=True)
    assert detail.summary.inputs_digitized
    assert detail.components[1].reused
    # The unit keeps the content (beside the file; in the server's database).
    assert desk.attachment(code, first.sha256) == (scan.name, scan.read_bytes())
    if desk.db.dialect == "sqlite":
        stored = desk.db.files_dir / "attachments" / first.sha256[:2] / first.sha256
        assert stored.read_bytes() == scan.read_bytes()
    with pytest.raises(DeskError, match="không có thành phần số 5"):
        desk.digitize(code, file=scan, component=5)
    with pytest.raises(DeskError, match="đã có kết quả"):
        desk.digitize(code, file=scan, result=True)
    desk.resolve(code)
    detail = desk.digitize(code, file=scan, result=True, electronic=True)
    assert detail.summary.result_digitized
    event = detail.events[-1]
    assert event.act is Act.DIGITIZE
    assert event.data["target"] == "result"
    assert event.officer == "Nguyễn Thị Hồng Nhung"
    with pytest.raises(DeskError, match="Không tìm thấy tệp"):
        desk.digitize(code, file=tmp_path / "missing.pdf", component=1)


def test_withdraw_stop_and_rating(make_desk) -> None:
    desk_a = make_desk(datetime(2024, 5, 2, 9, 0))
    code_a = _register(desk_a, received_at=datetime(2024, 4, 26, 9)).summary.code
    with pytest.raises(DeskError, match="118/2025"):
        desk_a.stop(code_a, reason="Không đủ điều kiện")
    desk_a.withdraw(code_a, reason="Công dân xin rút")
    assert desk_a.get(code_a).summary.status is Status.WITHDRAWN
    desk_b = make_desk(datetime(2025, 8, 4, 9, 0))
    code_b = _register(desk_b, channel=Channel.ONLINE).summary.code
    assert desk_b.stop(code_b, reason="Đối tượng không thuộc diện").summary.status is Status.STOPPED
    code_c = _register(desk_b).summary.code
    desk_b.resolve(code_c)
    desk_b.return_result(code_c)
    rated = desk_b.rate(code_c, rating="rat_hai_long")
    assert rated.events[-1].data["after"] == {"rating": "rat_hai_long"}
    with pytest.raises(DeskError, match="Mức đánh giá"):
        desk_b.rate(code_c, rating="5 sao")


def test_event_rows_hold_who_when_what_before_after(desk: Desk) -> None:
    code = _register(desk).summary.code
    desk.handover(code, to="tuphap")
    rows = _db_rows(
        desk,
        "SELECT e.act, e.at, o.username, e.status_before, e.status_after, e.data FROM event e "
        "JOIN dossier d ON d.id = e.dossier_id LEFT JOIN officer o ON o.id = e.officer_id "
        "WHERE d.code = :c ORDER BY e.seq",
        c=code,
    )
    assert [(r[0], r[2], r[3], r[4]) for r in rows] == [
        ("register", "motcua", None, "received"),
        ("handover", "motcua", "received", "processing"),
    ]
    assert rows[1][1] == int(datetime(2024, 4, 26, 2, 0, tzinfo=UTC).timestamp())  # 09:00 +07
    data = json.loads(rows[1][5])
    assert data["before"]["officer_id"] != data["after"]["officer_id"]
