"""Official calendar announcements (domain.md §2): the table shipped in resources/calendar, its
claims against the ``holidays`` package, the real dates of 2024–2026 it fixes, its validation
(a broken table is refused whole) and the gaps an administrator is told about."""

from __future__ import annotations

import json
from datetime import date, datetime
from importlib import resources
from pathlib import Path

import holidays
import pytest

from mohao_desk.domain.announcements import (
    Announcement,
    calendar_gaps,
    parse_announcement_file,
    shipped_announcements,
)
from mohao_desk.domain.calendar import (
    CalendarOverride,
    WorkCalendar,
    package_public_days,
    vietnam_calendar,
)
from mohao_desk.domain.deadline import ProcessingTime, TimeUnit, due_moment
from mohao_desk.domain.errors import DeskError

D, T = date, datetime
FILE = Path(__file__).resolve().parents[2] / "resources" / "calendar" / "announcements.json"
DAYS = ProcessingTime(1, TimeUnit.WORKING_DAYS)


def raw_file() -> dict:
    return json.loads(FILE.read_text(encoding="utf-8"))


def package_calendar() -> WorkCalendar:
    """What the program computed before the table: the package's rules alone."""
    off, make_up = package_public_days(2015, 2040)
    return WorkCalendar(days_off=off - make_up, extra_working_days=make_up)


# ------------------------------------------------------------------ the shipped table


def test_the_table_is_read_through_importlib_resources() -> None:
    shipped = resources.files("mohao_desk.resources") / "calendar" / "announcements.json"
    assert shipped.is_file()
    table = shipped_announcements()
    assert table == parse_announcement_file(FILE.read_bytes(), "announcements.json")
    assert [a.day for a in table] == sorted(a.day for a in table)


def test_every_year_we_serve_is_announced_with_its_sources() -> None:
    table = shipped_announcements()
    by_year = {y: [a for a in table if a.day.year == y] for y in (2024, 2025, 2026)}
    for year, entries in by_year.items():
        assert entries, year
        assert all(a.document and a.name and a.document_date <= a.day for a in entries), year
    documents = {a.day: a.document for a in table}
    assert documents[D(2026, 1, 2)] == documents[D(2026, 1, 10)] == "12729/VPCP-KGVX"
    assert {a.document_date for a in table if a.document == "12729/VPCP-KGVX"} == {D(2025, 12, 25)}
    assert documents[D(2024, 4, 29)] == documents[D(2024, 5, 4)] == "2450/VPCP-KGVX"
    assert documents[D(2025, 5, 2)] == documents[D(2025, 4, 26)] == "8726/VPCP-KGVX"
    # Only one entry lacks an official text: 24/11/2026 (Ngày Văn hóa Việt Nam).
    assert [a.day for a in table if not a.certain] == [D(2026, 11, 24)]


def test_the_files_claims_about_the_package_hold() -> None:
    """Each entry says whether ``holidays`` (the version the file names) agrees with it; the
    differences are exactly the three the issue found."""
    data = raw_file()
    checked = data["checked_against"]
    if checked != f"holidays {holidays.__version__}":
        pytest.skip(f"the table was checked against {checked}, not {holidays.__version__}")
    off, make_up = package_public_days(2024, 2026)
    differs = set()
    for a in shipped_announcements():
        package_working = a.day in make_up or (a.day.weekday() < 5 and a.day not in off)
        assert (package_working == a.working) == (a.package == "same"), a
        if a.package == "differs":
            differs.add(a.day)
    assert differs == {D(2026, 1, 2), D(2026, 1, 10), D(2026, 11, 24)}


# -------------------------------------------------------------------- the real dates


def test_new_year_2026_swap() -> None:
    """12729/VPCP-KGVX of 25/12/2025: Fri 02/01/2026 off, Sat 10/01/2026 worked."""
    cal, before = vietnam_calendar(), package_calendar()
    received = T(2025, 12, 31, 10, 0)
    assert due_moment(before, received, DAYS) == T(2026, 1, 2, 10, 0)  # what holidays gives
    assert due_moment(cal, received, DAYS) == T(2026, 1, 5, 10, 0)
    # A deadline spanning 02/01/2026 skips it, in days and in office hours.
    assert due_moment(cal, T(2025, 12, 30, 10, 0), ProcessingTime(2, TimeUnit.WORKING_DAYS)) == (
        T(2026, 1, 5, 10, 0)
    )
    hours = ProcessingTime(4, TimeUnit.WORKING_HOURS)
    assert due_moment(cal, T(2025, 12, 31, 16, 0), hours) == T(2026, 1, 5, 10, 30)
    # Received on the make-up Saturday: counts from that moment (the package: from Monday).
    saturday = T(2026, 1, 10, 9, 0)
    assert before.normalize(saturday) == T(2026, 1, 12, 7, 30)
    assert cal.normalize(saturday) == saturday
    assert due_moment(cal, saturday, DAYS) == T(2026, 1, 12, 9, 0)
    assert due_moment(cal, T(2026, 1, 9, 9, 0), DAYS) == saturday
    # The working week around it: Mon 05/01 … Sat 10/01 are six working days.
    assert cal.working_days_between(D(2026, 1, 4), D(2026, 1, 10)) == 6


def test_24_11_2026_is_worked_until_a_text_makes_it_a_day_off() -> None:
    cal = vietnam_calendar()
    assert package_calendar().is_working_day(D(2026, 11, 24)) is False
    assert cal.is_working_day(D(2026, 11, 24)) is True
    assert due_moment(cal, T(2026, 11, 23, 10, 0), DAYS) == T(2026, 11, 24, 10, 0)


def test_the_package_days_the_table_confirms_are_kept() -> None:
    cal = vietnam_calendar()
    for day in (D(2024, 2, 8), D(2025, 1, 27), D(2026, 2, 16), D(2026, 8, 31), D(2026, 4, 27)):
        assert not cal.is_working_day(day), day
    for day in (D(2024, 5, 4), D(2025, 4, 26), D(2026, 8, 22)):
        assert cal.is_working_day(day), day


def test_upstream_announcements_win_over_the_table_and_overrides_over_both() -> None:
    culture_day = Announcement(
        D(2026, 11, 24), False, "Ngày Văn hóa Việt Nam", "Luật thử nghiệm", D(2026, 6, 1)
    )
    assert not vietnam_calendar(announcements=[culture_day]).is_working_day(D(2026, 11, 24))
    local = vietnam_calendar(
        [
            CalendarOverride(D(2026, 1, 2), working=True, note="Đơn vị trực"),
            CalendarOverride(D(2026, 1, 10), working=False),
            CalendarOverride(D(2026, 11, 24), working=True),
        ],
        announcements=[culture_day],
    )
    assert local.is_working_day(D(2026, 1, 2)) and not local.is_working_day(D(2026, 1, 10))
    assert local.is_working_day(D(2026, 11, 24))
    assert due_moment(local, T(2025, 12, 31, 10, 0), DAYS) == T(2026, 1, 2, 10, 0)


# ------------------------------------------------------------------------- validation


def _broken(change) -> bytes:  # type: ignore[no-untyped-def]
    data = raw_file()
    change(data)
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (
            lambda d: d.update(format="something-else"),
            "thiếu 'format: mohao-calendar-announcements'",
        ),
        (lambda d: d.update(version=2), "tệp có phiên bản 2, chương trình này đọc đến 1"),
        (lambda d: d.update(announcements={}), "danh sách thông báo lịch phải là một danh sách"),
        (lambda d: d["announcements"][27].update(kind="nghỉ"), "thông báo ngày 02/01/2026: 'kind'"),
        (
            lambda d: d["announcements"][27].update(date="2026-1-2"),
            "thông báo thứ 28: trường 'date' phải là một ngày",
        ),
        (
            lambda d: d["announcements"][27].update(date="2026-02-30"),
            "thông báo thứ 28: trường 'date' phải là một ngày",
        ),
        (
            lambda d: d["announcements"][27].pop("document"),
            "thông báo ngày 02/01/2026: thiếu hoặc sai trường 'document'",
        ),
        (
            lambda d: d["announcements"][27].update(name="  "),
            "thông báo ngày 02/01/2026: thiếu hoặc sai trường 'name'",
        ),
        (
            lambda d: d["announcements"][27].update(certain="yes"),
            "'certain' phải là true hoặc false",
        ),
        (
            lambda d: d["announcements"][27].update(dat="2026-01-02"),
            "thông báo thứ 28: trường 'dat' không được biết đến",
        ),
        (
            lambda d: d["announcements"][27].update(date="2041-01-02"),
            "ngoài phạm vi lịch 2015–2040",
        ),
        (
            lambda d: d["announcements"].append(d["announcements"][27]),
            "ngày 02/01/2026 có hai thông báo lịch",
        ),
        (lambda d: d["announcements"].append("2026-12-31"), "phải là một đối tượng"),
    ],
)
def test_a_broken_table_is_refused_whole(change, reason: str) -> None:  # type: ignore[no-untyped-def]
    data = _broken(change)
    with pytest.raises(DeskError) as refused:
        parse_announcement_file(data, "calendar/announcements.json")
    message = refused.value.message
    assert message.startswith("Tệp thông báo lịch 'calendar/announcements.json' bị từ chối: ")
    assert reason in message, message
    assert message.endswith("; không áp dụng thông báo nào.")


def test_a_table_that_is_not_json_is_refused() -> None:
    for data in (b"\xff\xfe{", FILE.read_bytes()[:-40]):
        with pytest.raises(DeskError, match="không phải JSON UTF-8; không áp dụng"):
            parse_announcement_file(data, "announcements.json")


def test_text_is_normalised_to_nfc() -> None:
    data = raw_file()
    data["announcements"] = [dict(data["announcements"][0], name="Te\u0302\u0301t  Dương lịch")]
    (entry,) = parse_announcement_file(json.dumps(data).encode(), "x.json")
    assert entry.name == "Tết Dương lịch"


# ---------------------------------------------------------------------------- gaps


def test_gaps_of_the_coming_90_days() -> None:
    # December 2026: the coming 90 days reach into 2027, which has no announcement yet.
    gaps = calendar_gaps(D(2026, 12, 2))
    assert gaps and gaps.unannounced_years == (2027,) and gaps.unsure == ()
    # September 2026: nothing of 2027 yet, but 24/11/2026 is not confirmed by an official text.
    gaps = calendar_gaps(D(2026, 9, 1))
    assert gaps.unannounced_years == () and [a.day for a in gaps.unsure] == [D(2026, 11, 24)]
    # Mid-2025: every day rests on an official announcement.
    assert not calendar_gaps(D(2025, 6, 2))
    # The upstream office publishes Tết 2027: the year is announced.
    tet = Announcement(D(2027, 2, 5), False, "Tết Nguyên đán", "1/VPCP-KGVX", D(2026, 10, 1))
    assert calendar_gaps(D(2026, 12, 2), [tet]).unannounced_years == ()
    unsure = Announcement(tet.day, False, tet.name, tet.document, tet.document_date, False)
    gaps = calendar_gaps(D(2026, 12, 2), [unsure])
    assert gaps.unannounced_years == (2027,) and gaps.unsure == (unsure,)
