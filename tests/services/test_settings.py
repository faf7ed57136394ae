"""The settings an administrator edits (services/settings.py, the additions to
update_unit_settings, CalendarService.days, Desk.reload): the CLI's rules, clear messages, and a
refused change changes nothing."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest

from mohao_desk.domain.errors import DeskError, NotFound
from mohao_desk.services import sync
from mohao_desk.services.calendar import CalendarService
from mohao_desk.services.desk import Desk
from mohao_desk.services.documents import DocumentService
from mohao_desk.services.settings import (
    add_officer,
    list_officers,
    set_office_hours,
    set_officer_active,
    unit_settings,
    update_officer,
)
from mohao_desk.services.setup import OfficerInput, update_unit_settings
from mohao_desk.store.db import open_database
from tests.conftest import FakeClock


def _usernames(db) -> list[str]:
    return [o.username for o in list_officers(db)]


def test_unit_settings_read_what_the_cli_sets(db) -> None:
    update_unit_settings(
        db,
        office_hours="07:00-11:30,13:00-16:30",
        head_signature=(["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Lê Văn  Bình"),
    )
    settings = unit_settings(db)
    assert settings.code == "000.17.22.H56"
    assert settings.name == "Ủy ban nhân dân phường Bần Yên Nhân"
    assert settings.place_name == "Mỹ Hào"
    assert settings.sessions == ((time(7, 0), time(11, 30)), (time(13, 0), time(16, 30)))
    assert settings.head_lines == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    assert settings.head_name == "Lê Văn Bình"
    assert settings.default_officer == "motcua"


def test_default_officer_is_set_with_the_other_unit_settings(db) -> None:
    update_unit_settings(db, name="UBND phường Mới", default_officer="tuphap")
    assert unit_settings(db).default_officer == "tuphap"
    assert Desk(db).default_officer() == "tuphap"
    # Unknown or inactive: refused, and the name given in the same call is not saved either.
    add_officer(db, OfficerInput("cu", "Cán bộ Cũ"))
    set_officer_active(db, "cu", False)
    for username in ("khongco", "cu"):
        with pytest.raises(DeskError, match="Cán bộ mặc định phải là một cán bộ đang làm việc"):
            update_unit_settings(db, name="Tên khác", default_officer=username)
    assert unit_settings(db).name == "UBND phường Mới"
    assert unit_settings(db).default_officer == "tuphap"


def test_head_signature_needs_a_title_line(db) -> None:
    with pytest.raises(DeskError, match="ít nhất một dòng"):
        update_unit_settings(db, place_name="Nơi khác", head_signature=([], "Lê Văn Bình"))
    assert unit_settings(db).place_name == "Mỹ Hào"
    assert unit_settings(db).head_name == ""
    with pytest.raises(DeskError, match="tối đa 4 dòng"):
        update_unit_settings(db, head_signature=(["a", "b", "c", "d", "e"], None))


def test_add_officer_has_the_rules_of_the_cli(db) -> None:
    added = add_officer(db, OfficerInput("vanhoa", "Phạm Thị  Mai", "Công chức Văn hóa"))
    assert added.username == "vanhoa" and added.active
    assert _usernames(db) == ["motcua", "tuphap", "vanhoa"]
    for officer, message in (
        (OfficerInput("van hoa", "Ai đó"), "không hợp lệ"),
        (OfficerInput("", "Ai đó"), "không hợp lệ"),
        (OfficerInput("moi", "  "), "Họ tên cán bộ không được để trống"),
        (OfficerInput("tuphap", "Trùng tên"), "Đã có cán bộ với tên đăng nhập 'tuphap'"),
    ):
        with pytest.raises(DeskError, match=message):
            add_officer(db, officer)
    assert _usernames(db) == ["motcua", "tuphap", "vanhoa"]


def test_update_officer_changes_name_and_title_only(db) -> None:
    changed = update_officer(db, "tuphap", full_name="  Trần  Văn Đức ", title="Tư pháp")
    assert (changed.username, changed.full_name, changed.title) == (
        "tuphap",
        "Trần Văn Đức",
        "Tư pháp",
    )
    with pytest.raises(DeskError, match="Họ tên cán bộ không được để trống"):
        update_officer(db, "tuphap", full_name=" ", title="Khác")
    with pytest.raises(NotFound, match="Không có cán bộ"):
        update_officer(db, "khongco", full_name="Ai đó", title="")
    assert list_officers(db)[1].title == "Tư pháp"


def test_deactivated_officers_leave_the_lists_but_not_the_records(db, clock) -> None:
    desk = Desk(db, clock=clock)
    detail = desk.register(procedure_code="1.004873", applicant_name="Lê Văn Tám", by="tuphap")
    officer = set_officer_active(db, "tuphap", False)
    assert not officer.active
    assert desk.officers() == [("motcua", "Nguyễn Thị Hồng Nhung")]
    assert [o.active for o in list_officers(db)] == [True, False]
    assert desk.get(detail.summary.code).events[0].officer == "Trần Văn Đức"
    set_officer_active(db, "tuphap", True)
    assert [u for u, _ in desk.officers()] == ["motcua", "tuphap"]


def test_the_default_officer_cannot_be_deactivated(db) -> None:
    with pytest.raises(DeskError, match="cán bộ mặc định"):
        set_officer_active(db, "motcua", False)
    assert all(o.active for o in list_officers(db))
    update_unit_settings(db, default_officer="tuphap")
    set_officer_active(db, "motcua", False)


@pytest.mark.parametrize(
    ("sessions", "message"),
    [
        ([], "ít nhất một buổi"),
        ([(time(11, 30), time(7, 30))], "Buổi sáng: giờ bắt đầu phải trước giờ kết thúc"),
        ([(time(7, 30), time(7, 30))], "Buổi sáng: giờ bắt đầu phải trước giờ kết thúc"),
        (
            [(time(7, 30), time(11, 30)), (time(17, 0), time(13, 30))],
            "Buổi chiều: giờ bắt đầu phải trước giờ kết thúc",
        ),
        (
            [(time(7, 30), time(11, 30)), (time(11, 0), time(17, 0))],
            "Buổi chiều phải bắt đầu sau giờ kết thúc buổi sáng",
        ),
        (
            [(time(7, 30), time(11, 30)), (time(11, 30), time(17, 0))],
            "Buổi chiều phải bắt đầu sau giờ kết thúc buổi sáng",
        ),
        (
            [(time(7, 0), time(9, 0)), (time(10, 0), time(12, 0)), (time(13, 0), time(17, 0))],
            "nhiều nhất hai buổi",
        ),
    ],
)
def test_wrong_office_hours_are_refused_with_the_reason(db, sessions, message) -> None:
    with pytest.raises(DeskError, match=message):
        set_office_hours(db, sessions)
    assert unit_settings(db).office_hours == "07:30-11:30,13:30-17:00"


def test_office_hours_apply_to_what_the_desk_computes_after_reload(db) -> None:
    desk = Desk(db, clock=FakeClock(datetime(2024, 4, 26, 16, 45)))
    settings = set_office_hours(db, [(time(7, 0), time(11, 30)), (time(13, 0), time(16, 30))])
    assert settings.office_hours == "07:00-11:30,13:00-16:30"
    assert desk.calendar.is_open(datetime(2024, 4, 26, 16, 45))  # the old hours, until reload
    desk.reload()
    assert not desk.calendar.is_open(datetime(2024, 4, 26, 16, 45))
    assert desk.unit.office_hours == "07:00-11:30,13:00-16:30"
    # Received after the new 16:30 closing: counts from Thu 02/05 07:00 (same-day procedure).
    detail = desk.register(procedure_code="2.000815", applicant_name="Phan Văn Hải")
    assert detail.summary.due_at == datetime(2024, 5, 2, 16, 30)
    continuous = set_office_hours(db, [(time(7, 0), time(16, 0))])
    assert continuous.sessions == ((time(7, 0), time(16, 0)),)


def test_reload_follows_calendar_overrides_and_unit_names(db, clock) -> None:
    desk = Desk(db, clock=clock)
    day = date(2024, 5, 2)
    assert desk.calendar.is_working_day(day)
    CalendarService(db).set_override(day, working=False, note="Nghỉ bổ sung")
    update_unit_settings(db, name="Ủy ban nhân dân phường Mới")
    assert desk.calendar.is_working_day(day)  # the desk keeps what it read
    desk.reload()
    assert not desk.calendar.is_working_day(day)
    assert desk.unit.name == "Ủy ban nhân dân phường Mới"
    assert DocumentService(desk).letterhead("A", None, day).unit_name == desk.unit.name


def test_calendar_days_as_data(db) -> None:
    service = CalendarService(db)
    service.set_override(date(2024, 5, 2), working=False, note="Nghỉ bổ sung")
    service.set_override(date(2024, 5, 4), working=False, note="Không làm bù")
    days = {d.day: d for d in service.days(2024)}
    assert [d.day for d in service.days(2024)] == sorted(days)
    assert {d.year for d in days} == {2024}
    tet = days[date(2024, 2, 10)]
    assert (tet.working, tet.override, tet.make_up) == (False, False, False)
    assert "Tết" in tet.holiday
    assert days[date(2024, 4, 29)].holiday  # the weekday off swapped for Sat 04/05
    added = days[date(2024, 5, 2)]
    assert (added.working, added.override, added.from_upstream, added.note) == (
        False,
        True,
        False,
        "Nghỉ bổ sung",
    )
    cancelled = days[date(2024, 5, 4)]  # a public make-up Saturday the unit does not work
    assert (cancelled.working, cancelled.make_up, cancelled.override) == (False, True, True)
    # The same days as the CLI's `calendar show`, and the same answers as the desk's calendar.
    assert set(days) == {d for d, _ in service.year(2024)}
    calendar = Desk(db).calendar
    assert all(calendar.is_working_day(d.day) == d.working for d in days.values())
    with pytest.raises(DeskError, match="ngoài lịch"):
        service.days(2099)


def test_calendar_days_say_which_overrides_came_from_upstream(db, tmp_path: Path) -> None:
    upstream = open_database(tmp_path / "tinh.sqlite3")
    sync.init_upstream(upstream)
    CalendarService(upstream).set_override(date(2026, 9, 3), working=False, note="Nghỉ lễ thêm")
    key = sync.export_public_key(upstream, tmp_path / "up.key.json")
    sync.trust(db, key.path)
    out = tmp_path / "out"
    out.mkdir()
    sync.import_packages(db, [sync.export_config_package(upstream, out).path])
    CalendarService(db).set_override(date(2026, 9, 5), working=True, note="Làm việc thứ Bảy")
    days = {d.day: d for d in CalendarService(db).days(2026)}
    assert days[date(2026, 9, 3)].from_upstream and days[date(2026, 9, 3)].override
    assert days[date(2026, 9, 5)].override and not days[date(2026, 9, 5)].from_upstream
    upstream.close()
