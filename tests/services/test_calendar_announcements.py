"""The unit's calendar with the official announcements, on a real database: dossiers registered
around the 2026 New Year swap, local overrides that still win, each day's source, the upstream
office's own announcements and the notice about the coming 90 days."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from mohao_desk.domain.errors import DeskError
from mohao_desk.services import sync
from mohao_desk.services.calendar import (
    ANNOUNCE_UPSTREAM_ONLY,
    ANNOUNCEMENTS_SETTING,
    CalendarService,
    gaps_text,
)
from mohao_desk.services.desk import Desk
from mohao_desk.store import queries as q
from mohao_desk.store.db import open_database
from tests.conftest import FakeClock

CERTIFICATE = "1.004873"  # Cấp Giấy xác nhận tình trạng hôn nhân: 3 working days


def test_a_dossier_received_on_the_make_up_saturday_counts_from_that_moment(db) -> None:
    desk = Desk(db, clock=FakeClock(datetime(2026, 1, 10, 9, 0)))
    detail = desk.register(procedure_code=CERTIFICATE, applicant_name="Đỗ Thị Mai")
    assert detail.summary.received_at == datetime(2026, 1, 10, 9, 0)
    # Mon 12/01, Tue 13/01, Wed 14/01.
    assert detail.summary.due_at == datetime(2026, 1, 14, 9, 0)


def test_a_deadline_spanning_the_swapped_day_off_skips_it(db) -> None:
    desk = Desk(db, clock=FakeClock(datetime(2025, 12, 31, 10, 0)))
    detail = desk.register(procedure_code=CERTIFICATE, applicant_name="Vũ Văn Nam")
    # Thu 01/01 and Fri 02/01/2026 off: Mon 05/01, Tue 06/01, Wed 07/01.
    assert detail.summary.due_at == datetime(2026, 1, 7, 10, 0)
    # An online dossier arriving on Fri 02/01 counts from Mon 05/01 07:30.
    desk = Desk(db, clock=FakeClock(datetime(2026, 1, 2, 20, 0)))
    online = desk.register(procedure_code=CERTIFICATE, applicant_name="Lý Thị Hoa")
    assert online.summary.due_at == datetime(2026, 1, 8, 7, 30)


def test_a_local_override_still_wins_over_an_announcement(db) -> None:
    service = CalendarService(db)
    service.set_override(date(2026, 1, 10), working=False, note="Đơn vị không làm bù")
    service.set_override(date(2026, 1, 2), working=True, note="Trực tiếp nhận hồ sơ")
    desk = Desk(db, clock=FakeClock(datetime(2025, 12, 31, 10, 0)))
    assert desk.calendar.is_working_day(date(2026, 1, 2))
    assert not desk.calendar.is_working_day(date(2026, 1, 10))
    detail = desk.register(procedure_code=CERTIFICATE, applicant_name="Phạm Văn Hùng")
    # Fri 02/01 (the unit's working day), Mon 05/01, Tue 06/01.
    assert detail.summary.due_at == datetime(2026, 1, 6, 10, 0)
    days = {d.day: d for d in service.days(2026)}
    saturday = days[date(2026, 1, 10)]
    assert (saturday.working, saturday.override, saturday.public_working) == (False, True, True)
    assert saturday.source == "announcement"
    assert saturday.document == "12729/VPCP-KGVX ngày 25/12/2025"
    label = dict(service.year(2026))[date(2026, 1, 10)]
    assert label.startswith("điều chỉnh của đơn vị — nghỉ: Đơn vị không làm bù")
    assert "thay cho lịch nhà nước: làm bù: Làm bù cho thứ Sáu 02/01/2026" in label
    assert all(desk.calendar.is_working_day(d.day) == d.working for d in days.values())


def test_each_day_says_where_it_comes_from(db) -> None:
    service = CalendarService(db)
    days = {d.day: d for d in service.days(2026)}
    swap = days[date(2026, 1, 2)]
    assert (swap.working, swap.source, swap.certain) == (False, "announcement", True)
    assert swap.public_name.startswith("Nghỉ hoán đổi dịp Tết Dương lịch")
    giong_to = days[date(2026, 4, 26)]  # Sunday: the package's day, the table lists Monday
    assert (giong_to.source, giong_to.document) == ("package", "")
    culture = days[date(2026, 11, 24)]
    assert (culture.working, culture.certain, culture.source) == (True, False, "announcement")
    lines = dict(service.year(2026))
    assert lines[date(2026, 1, 2)] == (
        "nghỉ: Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026) — căn cứ: "
        "12729/VPCP-KGVX ngày 25/12/2025"
    )
    assert (
        lines[date(2026, 4, 26)] == "nghỉ: Ngày Giỗ Tổ Hùng Vương — theo quy tắc của gói holidays"
    )
    assert lines[date(2026, 11, 24)].endswith(
        "(chưa chắc chắn: chưa có văn bản chính thức khẳng định)"
    )
    assert service.announced(2026) and not service.announced(2027)


def test_the_notice_of_the_coming_90_days(db) -> None:
    service = CalendarService(db)
    text = gaps_text(service.gaps(date(2026, 12, 2)))
    assert text.startswith("Lưu ý (90 ngày tới): lịch nghỉ năm 2027 chưa có thông báo chính thức")
    text = gaps_text(service.gaps(date(2026, 9, 1)))
    assert "ngày 24/11/2026 (Ngày Văn hóa Việt Nam) đang được tính là ngày làm việc nhưng" in text
    assert gaps_text(service.gaps(date(2025, 3, 3))) == ""


def test_only_the_upstream_office_announces(db, new_database) -> None:
    with pytest.raises(DeskError) as refused:
        CalendarService(db).add_announcement(
            date(2027, 2, 5),
            working=False,
            name="Tết Nguyên đán",
            document="1/VPCP-KGVX",
            document_date=date(2026, 10, 1),
        )
    assert refused.value.template == ANNOUNCE_UPSTREAM_ONLY
    with db.read() as conn:
        assert q.get_setting(conn, ANNOUNCEMENTS_SETTING) is None

    upstream = open_database(new_database("tinh"))
    sync.init_upstream(upstream)
    service = CalendarService(upstream)
    added = service.add_announcement(
        date(2027, 2, 11),
        working=False,
        name="  Tết Nguyên đán  (mùng 6) ",
        document=" 1/VPCP-KGVX ",
        document_date=date(2026, 10, 1),
        note="Thử nghiệm",
    )
    assert (added.name, added.source_text) == (
        "Tết Nguyên đán (mùng 6)",
        "1/VPCP-KGVX ngày 01/10/2026",
    )
    assert service.announcements() == (added,)
    assert not Desk(upstream).calendar.is_working_day(date(2027, 2, 11))
    day = {d.day: d for d in service.days(2027)}[date(2027, 2, 11)]
    assert (day.source, day.announced) == ("upstream", True)
    with pytest.raises(DeskError, match="đã có thông báo lịch; hãy bỏ thông báo cũ"):
        service.add_announcement(
            date(2027, 2, 11), working=True, name="x", document="y", document_date=date(2026, 1, 1)
        )
    with pytest.raises(DeskError, match="thiếu hoặc sai trường 'document'"):
        service.add_announcement(
            date(2027, 2, 12), working=False, name="x", document=" ", document_date=date(2026, 1, 1)
        )
    assert service.announcements() == (added,)  # nothing half-applied
    service.remove_announcement(date(2027, 2, 11))
    assert service.announcements() == ()
    with pytest.raises(DeskError, match="không có thông báo lịch nào"):
        service.remove_announcement(date(2027, 2, 11))
    upstream.close()


def test_broken_stored_announcements_are_refused_with_a_clear_message(db) -> None:
    with db.begin() as conn:
        q.put_setting(conn, ANNOUNCEMENTS_SETTING, [{"date": "2026-01-02", "kind": "nghỉ"}])
    with pytest.raises(DeskError, match="Thông báo lịch của cấp trên lưu trong cơ sở dữ liệu"):
        Desk(db)
