"""Cases found in review: pauses at the end, repeated supplements, re-appointments, races,
locks, odd paths, search and text hygiene."""

from __future__ import annotations

import sqlite3
import threading
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from mohao_desk.domain.deadline import Band, Timeliness
from mohao_desk.domain.errors import DeskError
from mohao_desk.services.desk import Desk
from mohao_desk.store import db as store_db
from mohao_desk.store.db import DatabaseError, open_database
from tests.conftest import FakeClock


def _register(desk: Desk, **kw):
    values = {"procedure_code": "1.004873", "applicant_name": "Nguyễn Văn An"}
    values.update(kw)
    return desk.register(**values)


def test_refusal_while_waiting_takes_the_pause_off(make_desk) -> None:
    desk = make_desk(datetime(2024, 7, 15, 10, 0))
    code = _register(desk, received_at=datetime(2024, 7, 1, 9, 0)).summary.code  # due 04/07 09:00
    desk.request_supplement(code, missing=["Bản sao CCCD"], at=datetime(2024, 7, 1, 10, 0))
    detail = desk.refuse(code, reason="Công dân không bổ sung hồ sơ")
    # One hour of processing used before the pause: the refusal is not late.
    assert detail.summary.timeliness is Timeliness.EARLY
    assert detail.summary.original_due_at == datetime(2024, 7, 18, 9, 0)  # + 10 working days


def test_repeated_supplements_are_overdue_on_the_board_and_in_the_list(make_desk) -> None:
    desk = make_desk(datetime(2024, 7, 1, 9, 0))
    code = _register(desk, received_at=datetime(2024, 7, 1, 8, 0)).summary.code
    desk.request_supplement(code, missing=["Tờ khai"])
    desk.receive_supplement(code)
    desk.request_supplement(code, missing=["Giấy tờ khác"], reason="Bổ sung lần trước sai")
    desk.receive_supplement(code)
    summary = desk.get(code).summary
    assert summary.band is Band.OVERDUE
    assert summary.countdown.text().startswith("quá hạn (bổ sung nhiều lần")
    assert [d.code for d in desk.list("overdue")] == [code]
    assert desk.count("overdue") == 1


def test_reappointed_dossier_shows_its_new_date(make_desk) -> None:
    desk = make_desk(datetime(2024, 5, 2, 9, 0))
    code = _register(desk, received_at=datetime(2024, 4, 26, 9, 0)).summary.code  # due 04/05
    desk.apologize(code, reason="Chờ xác minh", new_due=datetime(2024, 5, 8, 9, 0))
    on_new_day = make_desk(datetime(2024, 5, 8, 8, 0))
    summary = on_new_day.get(code).summary
    assert summary.band is Band.OVERDUE  # legally late since 04/05
    assert summary.appointment is not None
    assert summary.appointment.text() == "còn 1 giờ"
    assert [d.code for d in on_new_day.list("due-today")] == [code]
    assert summary.as_dict()["appointment_remaining"] == "còn 1 giờ"


def test_two_desks_registering_at_once_both_succeed(db, tmp_path: Path) -> None:
    clock = FakeClock(datetime(2024, 4, 26, 9, 0))
    desks = [Desk(open_database(db.target), clock=clock) for _ in range(2)]
    errors: list[BaseException] = []
    codes: list[str] = []
    barrier = threading.Barrier(2)

    def work(desk: Desk) -> None:
        barrier.wait()
        try:
            for _ in range(15):
                codes.append(_register(desk).summary.code)
        except BaseException as exc:  # pragma: no cover - the assertion below shows it
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(d,)) for d in desks]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(int(c[-4:]) for c in codes) == list(range(1, 31))


def test_a_locked_database_gives_a_clear_message(db, monkeypatch) -> None:
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_MS", 100)
    desk = Desk(open_database(db.target), clock=FakeClock(datetime(2024, 4, 26, 9, 0)))
    if db.dialect == "sqlite":
        other = sqlite3.connect(db.path)
        other.execute("BEGIN IMMEDIATE")
    else:  # another PC holding the day's sequence (lock_timeout is the busy timeout)
        other = db.engine.connect()
        other.exec_driver_sql("LOCK TABLE daily_sequence IN EXCLUSIVE MODE")
    try:
        with pytest.raises(DatabaseError, match="đang bị chương trình khác ghi"):
            _register(desk)
    finally:
        other.rollback()
        other.close()
    assert _register(desk).summary.code.endswith("-0001")


def test_database_path_with_url_characters(tmp_path: Path) -> None:
    for name in ("x?mode=ro.sqlite3", "100%25.sqlite3", "tên có dấu #1.sqlite3"):
        path = tmp_path / name
        open_database(path).close()
        assert path.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".sqlite3") == sorted(
        ["x?mode=ro.sqlite3", "100%25.sqlite3", "tên có dấu #1.sqlite3"]
    )


def test_empty_file_is_not_turned_into_a_database_by_a_read(tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    with pytest.raises(DatabaseError, match="chưa phải là cơ sở dữ liệu mohao_desk"):
        open_database(empty, create=False)
    assert empty.read_bytes() == b""


def test_search_ignores_phone_formatting_and_names_are_one_line(desk: Desk) -> None:
    detail = _register(desk, applicant_name="Trần\tThị \n Bình", phone="0912 345.678")
    assert detail.summary.applicant == "Trần Thị Bình"
    assert [d.applicant for d in desk.list("all", search="0912345678")] == ["Trần Thị Bình"]
    assert [d.applicant for d in desk.list("all", search="tran thi binh")] == ["Trần Thị Bình"]


def test_events_record_when_they_were_entered(make_desk) -> None:
    desk = make_desk(datetime(2024, 5, 3, 10, 0))
    code = _register(desk, received_at=datetime(2024, 4, 26, 9, 0, 42)).summary.code
    detail = desk.get(code)
    assert detail.summary.received_at == datetime(2024, 4, 26, 9, 0)  # to the minute
    with desk.db.read() as conn:
        at, recorded = conn.execute(text("SELECT at, recorded_at FROM event")).one()
    assert recorded > at  # entered now (real time), dated 26/04/2024
    with pytest.raises(DeskError, match="tương lai"):
        desk.handover(code, to="tuphap", at=datetime(2024, 5, 4, 10, 0))
