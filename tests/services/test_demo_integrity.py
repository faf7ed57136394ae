"""Demo data must look like real data: the cached status and counters agree with the events."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from mohao_desk.domain.deadline import Band
from mohao_desk.services.demo import fill_demo
from mohao_desk.services.desk import Desk
from mohao_desk.store.db import open_database
from tests.conftest import FakeClock

NOW = datetime(2026, 11, 27, 10, 0)


@pytest.fixture(scope="module")
def demo(new_module_database):
    db = open_database(new_module_database("demo"))
    report = fill_demo(db, dossiers=4000, seed=16, now=NOW)
    yield db, report
    db.close()


def _scalar(db, sql: str) -> int:
    with db.read() as conn:
        return conn.execute(text(sql)).scalar_one()


def test_cached_status_is_the_last_events_status(demo) -> None:
    db, report = demo
    assert report.dossiers == 4000
    assert _scalar(db, "SELECT count(*) FROM event") == report.events
    mismatched = _scalar(
        db,
        "SELECT count(*) FROM dossier d JOIN event e ON e.dossier_id = d.id "
        "AND e.seq = d.event_count WHERE e.status_after != d.status",
    )
    assert mismatched == 0
    assert (
        _scalar(
            db,
            "SELECT count(*) FROM dossier d WHERE d.event_count != "
            "(SELECT count(*) FROM event e WHERE e.dossier_id = d.id)",
        )
        == 0
    )


def test_counters_agree_with_events_and_time_runs_forward(demo) -> None:
    db, _ = demo
    for act, column in (("supplement_request", "supplement_count"), ("apologize", "apology_count")):
        assert (
            _scalar(
                db,
                f"SELECT count(*) FROM dossier d WHERE d.{column} != (SELECT count(*) FROM event e "
                f"WHERE e.dossier_id = d.id AND e.act = '{act}')",
            )
            == 0
        )
    assert (
        _scalar(
            db,
            "SELECT count(*) FROM event a JOIN event b ON a.dossier_id = b.dossier_id "
            "AND b.seq = a.seq + 1 WHERE b.at < a.at",
        )
        == 0
    )
    anchor = int(datetime(2026, 11, 27, 3, 0, tzinfo=UTC).timestamp())  # 10:00 +07
    assert _scalar(db, f"SELECT count(*) FROM event WHERE at > {anchor} + 86400") == 0


def test_demo_board_has_every_band(demo) -> None:
    db, _ = demo
    desk = Desk(db, clock=FakeClock(NOW))
    bands = {d.band for d in desk.list("pending")}
    assert bands == {Band.ON_TRACK, Band.AT_RISK, Band.OVERDUE}
    assert desk.count("overdue") > 0
    assert any(d.paused for d in desk.list("pending"))
    codes = [d.code for d in desk.list("all")]
    assert len(codes) == len(set(codes)) == 4000


def test_overdue_list_and_overdue_band_are_the_same_rule(new_database) -> None:
    db = open_database(new_database("rule"))
    fill_demo(db, dossiers=3000, seed=5, now=NOW)
    desk = Desk(db, clock=FakeClock(NOW))
    # One open dossier overdue by rule only: two supplement requests, time still left.
    code = desk.register(procedure_code="1.001776", applicant_name="Hà Văn Sơn").summary.code
    desk.request_supplement(code, missing=["Tờ khai"])
    desk.receive_supplement(code)
    desk.request_supplement(code, missing=["Giấy xác nhận"], reason="Tờ khai sai mẫu")
    desk.receive_supplement(code)
    by_band = {d.code for d in desk.list("pending") if d.band is Band.OVERDUE}
    listed = {d.code for d in desk.list("overdue")}
    assert listed == by_band
    assert code in listed
    assert desk.count("overdue") == len(listed) > 1
