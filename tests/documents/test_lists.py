"""The date-range documents (daily list, Sổ theo dõi hồ sơ, báo cáo giải trình) on real SQLite
files, rendered to real PDFs and read back with pypdf: titles, codes, and the numbers agree
with the database (``Desk.count`` / ``Desk.list`` and independent SQL)."""

from __future__ import annotations

import io
import re
from datetime import date, datetime
from pathlib import Path

import pypdf
import pytest
from sqlalchemy import text

from mohao_desk.documents import daily_list, explanation, register_book
from mohao_desk.documents.base import FONT, build_pdf
from mohao_desk.documents.data import Letterhead, Signature
from mohao_desk.documents.listdata import (
    BookEntry,
    DailyList,
    DailyRow,
    DailySection,
    OfficerGroup,
    RegisterBook,
)
from mohao_desk.documents.listing import Band, Column, FastGrid, wrap_lines
from mohao_desk.domain.catalog import ComponentSpec
from mohao_desk.domain.errors import DeskError
from mohao_desk.services.demo import fill_demo
from mohao_desk.services.desk import Desk
from mohao_desk.services.reports import SECTIONS, ReportService
from mohao_desk.store import queries as q
from mohao_desk.store.db import open_database
from tests.conftest import UNIT_CODE, FakeClock

NOW = datetime(2024, 5, 7, 10, 15)  # a Tuesday, after the 30/4–1/5 holidays


def pdf_pages(pdf: bytes) -> list[str]:
    assert pdf.startswith(b"%PDF")
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def pdf_text(pdf: bytes) -> str:
    """All pages' text, with a code cut over two lines ("…H56-" / "240422-0001") joined."""
    return re.sub(r"(\.[0-9A-Z]+-)\s+(\d{6}-\d{4})", r"\1\2", "\n".join(pdf_pages(pdf)))


def flat(text_: str) -> str:
    return " ".join(text_.split())


def _scalar(desk: Desk, sql: str, **params) -> int:
    with desk.db.read() as conn:
        return int(conn.execute(text(sql), params).scalar_one())


def _utc_seconds(desk: Desk, local: datetime) -> int:
    return int(desk.to_utc(local).timestamp())


# --------------------------------------------------------------- demo data


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):
    path: Path = tmp_path_factory.mktemp("lists") / "demo.sqlite3"
    db = open_database(path)
    fill_demo(db, dossiers=3000, seed=5, now=NOW)
    yield Desk(db, clock=FakeClock(NOW))
    db.close()


def test_daily_list_numbers_agree_with_the_desk(demo: Desk) -> None:
    reports = ReportService(demo)
    data = reports.daily_list_data(NOW.date())
    assert data.as_of == NOW
    sections = {s.key: s for s in data.sections}
    assert [s.key for s in data.sections] == [k for k, _ in SECTIONS]
    # The same views as the desk's lists, measured at the same moment.
    assert sections["due_today"].count == demo.count("due-today") > 0
    assert sections["overdue"].count == demo.count("overdue") > 0
    overdue = demo.list("overdue")
    assert sections["overdue_no_apology"].count == sum(1 for s in overdue if not s.apology_count)
    assert {r.code for g in sections["overdue"].groups for r in g.rows} == {s.code for s in overdue}
    assert sections["waiting_supplement"].count == _scalar(
        demo, "SELECT count(*) FROM dossier WHERE status = 'waiting_supplement'"
    )
    day_start = _utc_seconds(demo, datetime(2024, 5, 7))
    not_digitized = _scalar(
        demo,
        """SELECT count(*) FROM dossier d WHERE
             (d.status IN ('received', 'processing', 'waiting_supplement') AND EXISTS
               (SELECT 1 FROM component c WHERE c.dossier_id = d.id AND c.digitized_at IS NULL))
          OR (d.status IN ('result_ready', 'returned') AND d.result_digitized = 0
              AND (d.status = 'result_ready' OR d.finished_at >= :start))""",
        start=day_start,
    )
    assert sections["not_digitized"].count == not_digitized > 0
    # Grouped by the dossier's current handler; the summary rows add up to the sections.
    for section in data.sections:
        for group in section.groups:
            assert group.rows
    for n, section in enumerate(data.sections):
        assert sum(line.counts[n] for line in data.counts) == section.count
    by_officer = {s.officer: 0 for s in overdue}
    for s in overdue:
        by_officer[s.officer] += 1
    overdue_groups = {g.officer: len(g.rows) for g in sections["overdue"].groups}
    assert overdue_groups == by_officer

    pdf = daily_list.render(data)
    pages = pdf_pages(pdf)
    whole = flat("\n".join(pages))
    assert "DANH SÁCH THEO DÕI HỒ SƠ HẰNG NGÀY" in whole
    assert "Ngày 07 tháng 5 năm 2024 — số liệu tính đến 10 giờ 15 phút" in whole
    assert "In lúc 10:15 ngày 07/05/2024" in pages[-1]
    assert f"Trang 1/{len(pages)}" in pages[0] and f"Trang {len(pages)}/{len(pages)}" in pages[-1]
    assert "TM. ỦY BAN NHÂN DÂN" in pages[-1]
    # The summary table's totals row and each section's caption carry the database's numbers.
    totals = " ".join(str(s.count) for s in data.sections)
    assert f"Tổng cộng {totals}" in flat(pages[0])
    for n, (_, title) in enumerate(SECTIONS, start=1):
        count = next(s.count for s in data.sections if s.title == title)
        assert f"{n}. {title.upper()}: {count} hồ sơ" in whole
    for s in overdue:
        assert s.code in whole
    for group in sections["overdue"].groups:
        assert f"Cán bộ giải quyết: {group.officer} ({len(group.rows)} hồ sơ)" in whole


def test_daily_list_of_a_past_day_measures_at_closing_time(demo: Desk) -> None:
    day = date(2024, 5, 3)
    data = ReportService(demo).daily_list_data(day)
    closing = datetime(2024, 5, 3, 17, 0)
    assert data.as_of == closing
    as_of = _utc_seconds(demo, closing)
    # Independent SQL of the overdue rule at that moment, with the current statuses.
    overdue = _scalar(
        demo,
        """SELECT count(*) FROM dossier WHERE received_at <= :t AND (
             (status IN ('received', 'processing') AND original_due_at < :t)
          OR (status = 'waiting_supplement' AND paused_at > original_due_at)
          OR (status IN ('received', 'processing', 'waiting_supplement')
              AND supplement_count > 1))""",
        t=as_of,
    )
    sections = {s.key: s for s in data.sections}
    assert sections["overdue"].count == overdue > 0
    received_later = {
        r.code for s in data.sections for g in s.groups for r in g.rows if r.received_at > closing
    }
    assert received_later == set()
    whole = flat(pdf_text(daily_list.render(data)))
    assert "Danh sách lập lại cho ngày đã qua" in whole
    assert "số liệu tính đến 17 giờ 00 phút" in whole


def test_register_book_lists_every_dossier_received_in_the_range(demo: Desk) -> None:
    reports = ReportService(demo)
    book = reports.register_book_data(date(2024, 4, 1), date(2024, 4, 30))
    start, end = _utc_seconds(demo, datetime(2024, 4, 1)), _utc_seconds(demo, datetime(2024, 5, 1))
    expected = _scalar(
        demo,
        "SELECT count(*) FROM dossier WHERE received_at >= :a AND received_at < :b",
        a=start,
        b=end,
    )
    assert len(book.entries) == expected > 0
    assert [e.received_at for e in book.entries] == sorted(e.received_at for e in book.entries)
    # Numbered like the receipt slips: the entry number of the volume (year).
    first = book.entries[0]
    with demo.db.read() as conn:
        row = q.dossier_by_code(conn, first.code)
        assert row is not None
        slip_number = q.count_received_between(
            conn,
            demo.unit.id,
            demo.to_utc(datetime(2024, 1, 1)),
            demo.to_utc(datetime(2024, 12, 31, 23, 59, 59)),
            row.id,
        )
    assert (first.volume, first.number) == (2024, slip_number)
    assert [e.number for e in book.entries] == list(range(slip_number, slip_number + expected))
    assert book.letterhead.form_number == "06"

    pdf = register_book.render(book)
    pages = pdf_pages(pdf)
    whole = pdf_text(pdf)
    assert "SỔ THEO DÕI HỒ SƠ" in pages[0]
    assert "Mẫu số 06" in pages[0]
    assert "Từ ngày 01 tháng 4 năm 2024 đến ngày 30 tháng 4 năm 2024" in flat(pages[0])
    assert f"Trang {len(pages)}/{len(pages)}" in pages[-1]
    for e in [*book.entries[:: max(1, len(book.entries) // 40)], book.entries[-1]]:
        assert e.code in whole
    assert "Ký nhận" in pages[-1] and "Ghi chú" in pages[-1]  # the header repeats


def test_explanation_numbers_agree_with_the_database(demo: Desk) -> None:
    """A period ending today: the open part is exactly the desk's overdue list."""
    reports = ReportService(demo)
    start, end = date(2024, 4, 8), NOW.date()
    report = reports.explanation_data(start, end)
    assert report.as_of == NOW
    finished = _scalar(
        demo,
        """SELECT count(*) FROM dossier WHERE finished_at >= :a AND finished_at <= :b
           AND status != 'withdrawn'
           AND (finished_at > original_due_at OR supplement_count > 1)""",
        a=_utc_seconds(demo, datetime(2024, 4, 8)),
        b=_utc_seconds(demo, NOW),
    )
    overdue = demo.list("overdue")
    total = report.total
    assert total.finished_late == finished > 0
    assert total.open_overdue == len(overdue) == demo.count("overdue")
    assert total.late == len(report.entries) == finished + len(overdue)
    codes = {e.code for e in report.entries}
    with_apology = _scalar(
        demo,
        f"""SELECT count(*) FROM dossier WHERE apology_count > 0 AND code IN
            ({", ".join(f"'{c}'" for c in codes)})""",
    )
    assert total.with_apology == with_apology > 0
    assert total.without_apology == total.late - with_apology
    for tallies in (report.by_field, report.by_officer):
        assert sum(t.late for t in tallies) == total.late
        assert sum(t.with_apology for t in tallies) == total.with_apology
        assert sum(t.finished_late for t in tallies) == total.finished_late
    assert sum(r.count for r in report.reasons) == total.late
    assert report.addressee == "Ủy ban nhân dân thị xã Mỹ Hào"

    pdf = explanation.render(report)
    pages = pdf_pages(pdf)
    first = flat(pages[0])
    assert "BÁO CÁO GIẢI TRÌNH" in first
    assert "Kính gửi: Ủy ban nhân dân thị xã Mỹ Hào." in first
    assert "Căn cứ Nghị định số 61/2018/NĐ-CP" in first
    assert (
        f"Trong kỳ có {total.late} hồ sơ quá hạn, trong đó: {total.finished_late} hồ sơ đã "
        f"giải quyết nhưng quá hạn; {total.open_overdue} hồ sơ đến 10 giờ 15 phút, ngày 07 "
        f"tháng 5 năm 2024 chưa giải quyết, đã quá hạn."
    ) in first
    assert (
        f"Tổng cộng {total.late} {total.finished_late} {total.open_overdue} "
        f"{total.with_apology} {total.without_apology}"
    ) in first
    whole = pdf_text(pdf)
    assert "PHỤ LỤC" in whole
    for code in codes:
        assert code in whole


def test_explanation_of_a_past_period_judges_at_its_end(demo: Desk) -> None:
    report = ReportService(demo).explanation_data(date(2024, 4, 1), date(2024, 4, 30))
    end = datetime(2024, 4, 30, 23, 59, 59)
    assert report.as_of == end
    t = _utc_seconds(demo, end)
    finished = _scalar(
        demo,
        """SELECT count(*) FROM dossier WHERE finished_at >= :a AND finished_at <= :t
           AND status != 'withdrawn'
           AND (finished_at > original_due_at OR supplement_count > 1)""",
        a=_utc_seconds(demo, datetime(2024, 4, 1)),
        t=t,
    )
    assert report.total.finished_late == finished > 0
    # Open at the end of April: not finished by then (some were finished in May).
    open_entries = [e for e in report.entries if not e.finished_late]
    assert open_entries
    assert all(e.received_at <= end for e in open_entries)
    # Overdue by time, or by the rule of repeated supplement requests (domain.md §3).
    assert all(e.due_at < end or "bổ sung" in e.late_by for e in open_entries)
    assert any(e.state.startswith("Chưa giải quyết (sau kỳ") for e in open_entries)


# ------------------------------------------------------ acts through the desk


@pytest.fixture
def scenario(db, tmp_path: Path):
    """Eight dossiers registered and acted on through the desk, seen on Tue 07/05/2024 10:15."""
    desk = Desk(db, clock=FakeClock(NOW))

    def reg(at: datetime, procedure: str = "1.004873", **kw):
        values = {"procedure_code": procedure, "applicant_name": "Nguyễn Văn An",
                  "phone": "0912345678", "received_at": at}  # fmt: skip
        values.update(kw)
        return desk.register(**values).summary.code

    codes = {}
    codes["overdue"] = reg(datetime(2024, 4, 22, 9, 0), applicant_name="Lê Văn Quá")
    desk.handover(codes["overdue"], to="tuphap", at=datetime(2024, 4, 22, 10, 0))
    codes["apologized"] = reg(datetime(2024, 4, 22, 9, 30), applicant_name="Phạm Thị Xin")
    desk.handover(codes["apologized"], to="tuphap", at=datetime(2024, 4, 22, 10, 0))
    desk.apologize(
        codes["apologized"],
        reason="Cần xác minh thêm với nơi cư trú trước đây",
        new_due=datetime(2024, 4, 26, 15, 0),
        at=datetime(2024, 4, 23, 15, 0),
    )
    codes["late"] = reg(datetime(2024, 4, 15, 8, 0), applicant_name="Trần Thị Trễ")
    desk.handover(codes["late"], to="tuphap", at=datetime(2024, 4, 15, 9, 0))
    desk.resolve(codes["late"], at=datetime(2024, 4, 24, 10, 0))
    desk.return_result(codes["late"], at=datetime(2024, 4, 24, 14, 0))
    codes["refused"] = reg(datetime(2024, 4, 2, 9, 0), "XA.CTHDGD", applicant_name="Đỗ Văn Từ")
    desk.refuse(
        codes["refused"], reason="Hợp đồng chưa có chữ ký của bên bán", at=datetime(2024, 4, 10, 9)
    )
    codes["due_today"] = reg(datetime(2024, 5, 3, 11, 0), applicant_name="Vũ Thị Hạn")
    codes["waiting"] = reg(datetime(2024, 5, 6, 8, 0), applicant_name="Hoàng Văn Chờ")
    desk.request_supplement(
        codes["waiting"], missing=["Tờ khai có xác nhận"], at=datetime(2024, 5, 6, 9, 0)
    )
    codes["result"] = reg(datetime(2024, 5, 7, 8, 0), "2.000815", applicant_name="Bùi Văn Quả")
    desk.resolve(codes["result"], at=datetime(2024, 5, 7, 9, 0))
    codes["digitized"] = reg(
        datetime(2024, 5, 7, 8, 30),
        "1.001193",
        applicant_name="Ngô Thị Số",
        components=[ComponentSpec("Tờ khai đăng ký khai sinh", "original", 1)],
    )
    scan = tmp_path / "to-khai.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    desk.digitize(codes["digitized"], file=scan, component=1, at=datetime(2024, 5, 7, 8, 40))
    return desk, codes


def _section_codes(data: DailyList) -> dict[str, set[str]]:
    return {s.key: {r.code for g in s.groups for r in g.rows} for s in data.sections}


def test_daily_list_sections_of_known_dossiers(scenario) -> None:
    desk, c = scenario
    data = ReportService(desk).daily_list_data(NOW.date())
    found = _section_codes(data)
    assert found["due_today"] == {c["due_today"], c["digitized"]}  # 3 days; same day
    assert found["overdue"] == {c["overdue"], c["apologized"]}
    assert found["overdue_no_apology"] == {c["overdue"]}
    assert found["waiting_supplement"] == {c["waiting"]}
    # Open with a component not scanned, and today's result not digitized; not the one whose
    # only component was scanned, nor results returned on earlier days, nor refusals.
    assert found["not_digitized"] == {
        c["overdue"], c["apologized"], c["due_today"], c["waiting"], c["result"]
    }  # fmt: skip
    overdue = next(s for s in data.sections if s.key == "overdue")
    assert [g.officer for g in overdue.groups] == ["Trần Văn Đức"]
    assert data.preparer is not None and data.preparer.name == "Nguyễn Thị Hồng Nhung"
    apologized = next(r for g in overdue.groups for r in g.rows if r.code == c["apologized"])
    assert apologized.appointment_at == datetime(2024, 4, 26, 15, 0)
    assert apologized.state.startswith("quá ") and apologized.state.endswith("đã xin lỗi")
    due = next(s for s in data.sections if s.key == "due_today").groups[0].rows[0]
    assert (due.due_at, due.state) == (datetime(2024, 5, 7, 11, 0), "còn 45 phút")

    whole = flat(pdf_text(daily_list.render(data)))
    assert "Cán bộ giải quyết: Trần Văn Đức (2 hồ sơ)" in whole
    assert "Cán bộ giải quyết: Nguyễn Thị Hồng Nhung (2 hồ sơ)" in whole
    assert "Lê Văn Quá" in whole and "Hoàng Văn Chờ" in whole
    assert "Chờ bổ sung từ 06/05/2024" in whole
    assert "Kết quả chưa số hóa (chưa trả)" in whole
    assert "Thành phần hồ sơ: đã số hóa 0/2" in whole
    assert c["refused"] not in whole


def test_daily_list_of_a_past_day_leaves_out_later_dossiers(scenario) -> None:
    desk, c = scenario
    data = ReportService(desk).daily_list_data(date(2024, 4, 25))  # Thursday: D1 and D2 due
    found = _section_codes(data)
    assert found["due_today"] == {c["overdue"], c["apologized"]}
    assert found["overdue"] == {c["overdue"], c["apologized"]}  # due 09:00 and 09:30, at 17:00
    assert found["waiting_supplement"] == set()  # received in May
    assert found["not_digitized"] == {c["overdue"], c["apologized"]}


def test_register_book_of_known_dossiers(scenario) -> None:
    desk, c = scenario
    book = ReportService(desk).register_book_data(date(2024, 4, 1), date(2024, 5, 7))
    # In the order of the numbers given at registration (the scenario back-dates "late" and
    # "refused" after two others were registered): numbers are never recomputed (issue 9).
    assert [e.code for e in book.entries] == [
        c["overdue"], c["apologized"], c["late"], c["refused"], c["due_today"], c["waiting"],
        c["result"], c["digitized"],
    ]  # fmt: skip
    assert [e.number for e in book.entries] == list(range(1, 9))
    entry = {e.code: e for e in book.entries}
    late = entry[c["late"]]
    assert late.transferred_at == datetime(2024, 4, 15, 9, 0)
    assert late.result_at == datetime(2024, 4, 24, 10, 0)
    assert late.returned_at == datetime(2024, 4, 24, 14, 0)
    assert late.processing_body == "Ủy ban nhân dân phường Bần Yên Nhân"
    assert "Quá hạn" in late.note
    assert entry[c["apologized"]].note == "Hẹn lại 26/04/2024; Quá hạn"
    assert entry[c["refused"]].note == "Từ chối giải quyết: Hợp đồng chưa có chữ ký của bên bán"
    assert entry[c["waiting"]].note == "Bổ sung 1 lần; Đang chờ bổ sung"

    whole = flat(pdf_text(register_book.render(book)))
    for code in c.values():
        assert code in whole
    assert "Trần Thị Trễ" in whole and "24/04/2024" in whole
    assert "Hợp đồng chưa có chữ ký" in whole


def test_explanation_of_known_dossiers(scenario) -> None:
    desk, c = scenario
    report = ReportService(desk).explanation_data(date(2024, 4, 1), date(2024, 4, 30))
    entries = {e.code: e for e in report.entries}
    assert set(entries) == {c["late"], c["refused"], c["overdue"], c["apologized"]}
    assert entries[c["late"]].finished_late and entries[c["refused"]].finished_late
    assert not entries[c["overdue"]].finished_late
    apologized = entries[c["apologized"]]
    assert apologized.apology_at == datetime(2024, 4, 23, 15, 0)
    assert apologized.new_due_at == datetime(2024, 4, 26, 15, 0)
    assert apologized.reason == "Cần xác minh thêm với nơi cư trú trước đây"
    assert entries[c["refused"]].reason == "Hợp đồng chưa có chữ ký của bên bán"
    assert entries[c["refused"]].state == "Từ chối 10/04/2024"
    t = report.total
    assert (t.late, t.finished_late, t.open_overdue, t.with_apology, t.without_apology) == (
        4, 2, 2, 1, 3,
    )  # fmt: skip
    officers = {x.label: x.late for x in report.by_officer}
    assert officers == {"Trần Văn Đức": 3, "Nguyễn Thị Hồng Nhung": 1}
    fields = {x.label: x.late for x in report.by_field}
    assert fields == {"Hộ tịch": 3, "Chứng thực": 1}

    whole = flat(pdf_text(explanation.render(report)))
    for code in entries:
        assert code in whole
    assert "Cần xác minh thêm với nơi cư trú trước đây" in whole
    assert "Ngày 23/04/2024; hẹn lại 26/04/2024" in whole
    assert "Tổng cộng 4 2 2 1 3" in whole


def test_late_by_is_office_time(scenario) -> None:
    desk, c = scenario
    report = ReportService(desk).explanation_data(date(2024, 4, 1), date(2024, 4, 30))
    overdue = next(e for e in report.entries if e.code == c["overdue"])
    # Due Thu 25/04 09:00, still open at the end of April (Tue 30/04 23:59:59). Office time:
    # Thu from 09:00 (6 h) + Fri 26/04 (7 h 30); Sat 27/04 is no make-up day in 2024, Mon 29/04
    # (swapped) and Tue 30/04 are days off → 13 h 30 = 1 working day (7 h 30) and 6 h.
    expected = desk.calendar.office_seconds_between(
        datetime(2024, 4, 25, 9, 0), datetime(2024, 4, 30, 23, 59, 59)
    )
    assert overdue.late_seconds == expected
    assert overdue.late_by == "1 ngày 6 giờ"


# --------------------------------------------------------------- edges


def test_bad_ranges_are_clear_errors(scenario) -> None:
    desk, _ = scenario
    reports = ReportService(desk)
    with pytest.raises(DeskError, match="trước ngày bắt đầu"):
        reports.register_book_data(date(2024, 5, 2), date(2024, 5, 1))
    with pytest.raises(DeskError, match="quá giới hạn 366 ngày"):
        reports.register_book_data(date(2023, 1, 1), date(2024, 5, 1))
    with pytest.raises(DeskError, match="quá giới hạn 366 ngày"):
        reports.explanation_data(date(2023, 1, 1), date(2024, 5, 1))
    with pytest.raises(DeskError, match="ở tương lai"):
        reports.explanation_data(date(2024, 5, 8), date(2024, 5, 9))
    with pytest.raises(DeskError, match="chưa đến"):
        reports.daily_list_data(date(2024, 5, 8))
    with pytest.raises(DeskError, match="ngoài lịch làm việc"):
        reports.daily_list_data(date(2001, 1, 1))


def test_empty_documents_still_render(db) -> None:
    desk = Desk(db, clock=FakeClock(NOW))
    reports = ReportService(desk)
    whole = flat(pdf_text(reports.daily_list(NOW.date())))
    assert "1. ĐẾN HẠN HÔM NAY: 0 hồ sơ" in whole and "Tổng cộng 0 0 0 0 0" in whole
    whole = flat(pdf_text(reports.register_book(date(2024, 4, 1), date(2024, 4, 30))))
    assert "Không có hồ sơ nào được tiếp nhận trong khoảng thời gian này." in whole
    pages = pdf_pages(reports.explanation(date(2024, 4, 1), date(2024, 4, 30)))
    assert "Trong kỳ không có hồ sơ quá hạn" in flat(pages[0])
    assert len(pages) == 1


def test_regime_b_book_and_report_use_the_province(make_desk) -> None:
    desk = make_desk(datetime(2025, 7, 10, 9, 0))
    code = desk.register(
        procedure_code="1.004873", applicant_name="Lý Thị Bê", received_at=datetime(2025, 7, 1, 8)
    ).summary.code
    reports = ReportService(desk)
    book = reports.register_book_data(date(2025, 6, 20), date(2025, 7, 10))
    assert book.letterhead.form_number == "07"
    assert [e.code for e in book.entries] == [code]
    report = reports.explanation_data(date(2025, 6, 20), date(2025, 7, 10))
    assert report.addressee == "Ủy ban nhân dân tỉnh"
    assert [e.code for e in report.entries] == [code]
    # Both regimes were in force during the period: both legal bases are cited.
    assert len(report.legal_basis) == 2
    text_ = flat(pdf_text(explanation.render(report)))
    assert "Kính gửi: Ủy ban nhân dân tỉnh." in text_
    assert "Nghị định số 118/2025/NĐ-CP" in text_ and "Nghị định số 61/2018/NĐ-CP" in text_


def test_titles_and_addressee_come_from_the_unit_settings(scenario) -> None:
    desk, _ = scenario
    with desk.db.begin() as conn:
        q.put_setting(
            conn,
            "reports",
            {"explanation_title": "Báo cáo", "explanation_addressee": "Văn phòng HĐND-UBND"},
        )
    report = ReportService(desk).explanation_data(date(2024, 4, 1), date(2024, 4, 30))
    assert (report.title, report.addressee) == ("Báo cáo", "Văn phòng HĐND-UBND")
    assert report.subject == "Về việc giải quyết hồ sơ thủ tục hành chính quá hạn"


# ------------------------------------------------------------ the grid


def test_wrap_lines_keeps_words_and_breaks_only_what_cannot_fit() -> None:
    lines = wrap_lines("Chứng thực chữ ký trong các giấy tờ, văn bản", FONT, 10, 80)
    assert len(lines) > 1 and " ".join(lines) == "Chứng thực chữ ký trong các giấy tờ, văn bản"
    long = wrap_lines("000.17.22.H56-240422-0001", FONT, 10, 40)
    assert "".join(long) == "000.17.22.H56-240422-0001" and len(long) > 1
    assert wrap_lines("a\nb", FONT, 10, 100) == ("a", "b")
    decomposed = "Nguye\u0302\u0303n"  # NFD: drawn wrong unless normalised
    assert wrap_lines(decomposed, FONT, 10, 100) == ("Nguyễn",)


def test_fast_grid_repeats_its_header_and_keeps_bands_with_their_rows() -> None:
    columns = [Column("STT", 40, "C"), Column("Họ và tên", 200), Column("Số", 60, "R")]
    rows: list = []
    for group in range(8):
        rows.append(Band(f"Nhóm {group}"))
        rows += [(str(n), f"Nguyễn Văn Đức {group}-{n}", str(n * 7)) for n in range(15)]
    grid = FastGrid(columns, rows, caption="DANH SÁCH THỬ")
    pdf = build_pdf([grid], title="thử", page_numbers=True)
    pages = pdf_pages(pdf)
    assert len(pages) > 2
    assert pages[0].count("DANH SÁCH THỬ") == 1 and "DANH SÁCH THỬ" not in pages[1]
    for page in pages:
        assert "STT Họ và tên Số" in page
        body = [line for line in page.splitlines() if line.strip()]
        assert not body[-2].startswith("Nhóm")  # a band never ends a page
    whole = "\n".join(pages)
    for group in range(8):
        assert f"Nguyễn Văn Đức {group}-14 98" in whole


def test_forms_render_from_plain_data_alone() -> None:
    """The layouts need no database: plain data in, PDF out."""
    lh = Letterhead("Ủy ban nhân dân thị xã Mỹ Hào", "Ủy ban nhân dân phường Bần Yên Nhân",
                    "Mỹ Hào", date(2024, 5, 7), form_number="06",
                    form_title="Sổ theo dõi hồ sơ")  # fmt: skip
    moment = datetime(2024, 5, 7, 9, 0)
    row = DailyRow(f"{UNIT_CODE}-240507-0001", "Đăng ký khai sinh", "Nguyễn Văn An", "",
                   moment, moment, None, "còn 2 giờ")  # fmt: skip
    data = DailyList(
        lh, "Danh sách", date(2024, 5, 7), moment, moment,
        (DailySection("due_today", "Đến hạn hôm nay", (OfficerGroup("A", (row,)),)),),
        (), Signature(("Chủ tịch",)),
    )  # fmt: skip
    assert f"{UNIT_CODE}-240507-0001" in pdf_text(daily_list.render(data))
    entry = BookEntry(2024, 1, row.code, row.procedure, 1, row.applicant, "", "", "UBND",
                      moment, moment, None, None, None)  # fmt: skip
    book = RegisterBook(lh, date(2024, 5, 7), date(2024, 5, 7), moment, [entry])
    assert row.code in pdf_text(register_book.render(book))
