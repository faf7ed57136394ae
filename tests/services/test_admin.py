"""Administration: catalog files, calendar overrides, unit settings; bad input changes nothing."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from mohao_desk.domain.errors import DeskError
from mohao_desk.services.calendar import CalendarService
from mohao_desk.services.desk import Desk
from mohao_desk.services.setup import (
    import_catalog,
    init_unit,
    seed_catalog,
    update_unit_settings,
)
from tests.conftest import FakeClock

NEW_PROCEDURE = {
    "code": "1.999001",
    "name": "Thủ tục thử nghiệm của tỉnh",
    "field": "Nội vụ",
    "time": {"value": 4, "unit": "working_days"},
    "components": [{"name": "Đơn đề nghị", "kind": "original", "count": 1}],
}


def _write(path: Path, data) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_catalog_import_adds_and_updates(db, tmp_path: Path) -> None:
    changed = {"code": "1.004873", "name": "Cấp Giấy xác nhận tình trạng hôn nhân",
               "field": "Hộ tịch", "time": {"value": 2, "unit": "working_days"}}  # fmt: skip
    path = _write(
        tmp_path / "c.json",
        {"format": "mohao-catalog", "version": 1, "procedures": [NEW_PROCEDURE, changed]},
    )
    assert import_catalog(db, path) == 2
    desk = Desk(db, clock=FakeClock(datetime(2024, 4, 26, 9)))
    procedures = {p.code: p for p in desk.procedures()}
    assert procedures["1.999001"].time.value == 4
    assert procedures["1.004873"].time.value == 2
    assert len(procedures) == len(seed_catalog()) + 1
    detail = desk.register(procedure_code="1.999001", applicant_name="Lê Văn Tám")
    assert detail.summary.due_at == datetime(
        2024, 5, 6, 9, 0
    )  # Thu 2, Fri 3, Sat 4 (make-up), Mon 6


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe not utf-8", "không phải văn bản UTF-8"),
        (b"{ broken json", r"không đúng định dạng JSON \(lỗi ở dòng 1, cột 3\)"),
        (b'{"format": "other"}', "không đúng định dạng"),
        (
            json.dumps({"format": "mohao-catalog", "procedures": [
                NEW_PROCEDURE, {**NEW_PROCEDURE, "code": "1.999002", "time": {"value": -1,
                "unit": "working_days"}}]}).encode(),
            "không hợp lệ",
        ),
        (
            json.dumps({"format": "mohao-catalog", "procedures": [NEW_PROCEDURE, NEW_PROCEDURE]})
            .encode(),
            "trùng",
        ),
    ],
)  # fmt: skip
def test_broken_catalog_is_rejected_whole(db, tmp_path: Path, content: bytes, message) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(DeskError, match=message):
        import_catalog(db, path)
    desk = Desk(db)
    assert "1.999001" not in {p.code for p in desk.procedures()}


def test_calendar_overrides_change_new_deadlines(db) -> None:
    service = CalendarService(db)
    # The government adds a day off on Thu 02/05/2024; a unit also works Sun 05/05/2024.
    service.set_override(date(2024, 5, 2), working=False, note="Nghỉ bổ sung")
    service.set_override(date(2024, 5, 5), working=True, note="Làm việc chủ nhật")
    desk = Desk(db, clock=FakeClock(datetime(2024, 4, 26, 9)))
    # 3 working days after Fri 26/04: Fri 03/05, Sat 04/05 (make-up), Sun 05/05 (override).
    detail = desk.register(procedure_code="1.004873", applicant_name="Ngô Thị Lan")
    assert detail.summary.due_at == datetime(2024, 5, 5, 9, 0)
    year = dict(service.year(2024))
    assert "Nghỉ bổ sung" in year[date(2024, 5, 2)]
    assert year[date(2024, 5, 4)].startswith("làm bù")
    assert year[date(2024, 2, 10)].startswith("nghỉ: ")
    service.remove_override(date(2024, 5, 5))
    with pytest.raises(DeskError, match="không có điều chỉnh"):
        service.remove_override(date(2024, 5, 5))
    with pytest.raises(DeskError, match="ngoài lịch"):
        service.set_override(date(2099, 1, 1), working=False)


def test_unit_settings_and_office_hours(db) -> None:
    info = update_unit_settings(db, office_hours="07:00-11:30, 13:00-16:30", place_name="Mỹ Hào")
    assert info.office_hours == "07:00-11:30,13:00-16:30"
    desk = Desk(db, clock=FakeClock(datetime(2024, 4, 26, 16, 45)))
    # Received after the new 16:30 closing: counts from Thu 02/05 07:00 (same-day procedure).
    detail = desk.register(procedure_code="2.000815", applicant_name="Phan Văn Hải")
    assert detail.summary.due_at == datetime(2024, 5, 2, 16, 30)
    with pytest.raises(DeskError, match="Giờ làm việc"):
        update_unit_settings(db, office_hours="8h-17h")
    with pytest.raises(DeskError, match="không được để trống"):
        update_unit_settings(db, name="  ")
    assert Desk(db).unit.office_hours == "07:00-11:30,13:00-16:30"


def test_init_refuses_twice_and_bad_agency_code(db, new_database) -> None:
    with pytest.raises(DeskError, match="đã được thiết lập"):
        init_unit(db, code="000.17.22.H57", name="Khác")
    from mohao_desk.store.db import open_database

    other = open_database(new_database("other"))
    with pytest.raises(DeskError, match="Mã cơ quan"):
        init_unit(other, code="ABC DEF", name="Xã A")
    with pytest.raises(DeskError, match="chưa được thiết lập"):
        Desk(other)
