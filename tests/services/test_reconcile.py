"""Reconciling a real desk (SQLite and PostgreSQL) with exports of the electronic one-stop
system in the shapes the provinces send: an .xlsx with title rows and merged cells, mixed date
cells, other header words, a .csv (issue 13)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.lifecycle import Status
from mohao_desk.services.desk import Desk
from mohao_desk.services.reconcile import last_reconciliation, reconcile_file
from mohao_desk.store import reconcile_queries as rq
from tests.conftest import FakeClock


def register(desk: Desk, at: datetime) -> str:
    return desk.register(
        procedure_code="1.004873", applicant_name="Nguyễn Văn An", received_at=at
    ).summary.code


@pytest.fixture
def dossiers(desk: Desk, clock: FakeClock) -> dict[str, str]:
    """Five dossiers of Monday 22/04/2024 (3 working days each, due Thu 25/04 at the same
    hour), and one of the week before. Now: Fri 26/04/2024 09:00."""
    clock.now = datetime(2024, 4, 22, 17, 0)
    codes = {
        name: register(desk, datetime(2024, 4, 22, 8 + i, 0))
        for i, name in enumerate(("returned", "ready", "open", "missing", "late_there"))
    }
    codes["older"] = register(desk, datetime(2024, 4, 15, 8, 0))
    clock.now = datetime(2024, 4, 24, 10, 0)
    desk.resolve(codes["returned"])
    desk.return_result(codes["returned"])
    desk.resolve(codes["ready"])
    clock.now = datetime(2024, 4, 26, 9, 0)
    return codes


def export_xlsx(path: Path, rows: list[tuple[object, ...]]) -> Path:
    """The shape of a provincial export: two merged title rows, an empty row, the header with
    the system's own words."""
    book = Workbook()
    sheet = book.active
    sheet.title = "DS hồ sơ"
    sheet.append(["ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN"])
    sheet.merge_cells("A1:F1")
    sheet.append(["DANH SÁCH HỒ SƠ TIẾP NHẬN"])
    sheet.merge_cells("A2:F2")
    sheet.append([])
    sheet.append(["STT", "Số hồ sơ", "Ngày nộp", "Hạn giải quyết", "Ngày có kết quả", "Tình trạng"])
    for i, row in enumerate(rows, start=1):
        sheet.append([i, *row])
    book.save(path)
    return path


def test_the_five_lists_from_an_xlsx_and_the_record(
    desk: Desk, dossiers: dict[str, str], tmp_path: Path
) -> None:
    c = dossiers
    path = export_xlsx(
        tmp_path / "hs-thang-4.xlsx",
        [
            (c["returned"], datetime(2024, 4, 22, 8), datetime(2024, 4, 25, 8), None, "Đang xử lý"),
            (c["ready"], "22/04/2024 09:00", "25/04/2024 09:00", None, "Đang giải quyết"),
            (
                c["open"],
                datetime(2024, 4, 22, 10),
                datetime(2024, 4, 25, 10),
                "24/04/2024 10:00",
                "Đã trả kết quả",
            ),
            (c["late_there"], datetime(2024, 4, 22, 12), "2024-04-26 12:00", None, "Đang xử lý"),
            (c["older"], "15/04/2024 08:00", "19/04/2024 08:00", None, "Đang xử lý"),
            ("000.00.00.H99-240422-0001", "22/04/2024 07:00", None, None, "Mới tiếp nhận"),
        ],
    )
    result = reconcile_file(desk, path)
    assert result.period == (date(2024, 4, 15), date(2024, 4, 22))
    assert {k: [e.code for e in v] for k, v in result.lists().items()} == {
        "missing_in_system": [c["missing"]],
        "finished_here_open_there": [c["returned"], c["ready"]],  # by the system's due moment
        "open_here_finished_there": [c["open"]],
        "due_differs": [c["late_there"]],
        "unknown_here": ["000.00.00.H99-240422-0001"],
    }
    first = result.finished_here_open_there[0]
    assert first.status is Status.RETURNED
    assert first.countdown is not None and first.countdown.overdue  # late there since Thursday
    assert first.due_there == datetime(2024, 4, 25, 8, 0)
    last = last_reconciliation(desk)
    assert last is not None
    assert (last.file_name, last.period, last.rows_read) == (
        "hs-thang-4.xlsx",
        (date(2024, 4, 15), date(2024, 4, 22)),
        6,
    )
    assert last.done_at == datetime(2024, 4, 26, 9, 0)
    assert last.officer == "Nguyễn Thị Hồng Nhung"
    assert last.counts["missing_in_system"] == 1
    ids = desk.board_ids("not-in-system")
    assert [s.code for s in desk.rows(ids)] == [c["missing"]]
    assert desk.board_counts()["not-in-system"] == 1


def test_a_csv_with_other_words_and_a_given_period(
    desk: Desk, dossiers: dict[str, str], tmp_path: Path
) -> None:
    c = dossiers
    lines = ["Danh sách hồ sơ;;;", "Mã số;Ngày tiếp nhận;Ngày hẹn trả;Trạng thái"]
    for name in ("returned", "ready", "open", "late_there"):
        lines.append(f"{c[name]};22/04/2024;25/04/2024;Đang xử lý")
    path = tmp_path / "hs.csv"
    path.write_bytes("\r\n".join(lines).encode("utf-8-sig"))
    result = reconcile_file(desk, path, low=date(2024, 4, 22), high=date(2024, 4, 22))
    assert [e.code for e in result.missing_in_system] == [c["missing"]]
    assert [e.code for e in result.finished_here_open_there] == [c["returned"], c["ready"]]
    assert result.due_differs == ()  # dates only: compared by date
    assert result.finished_here_open_there[0].due_there == datetime(2024, 4, 25)


def test_a_bad_date_refuses_the_file_and_stores_nothing(
    desk: Desk, dossiers: dict[str, str], tmp_path: Path
) -> None:
    c = dossiers
    path = export_xlsx(
        tmp_path / "sai.xlsx",
        [
            (c["returned"], datetime(2024, 4, 22, 8), datetime(2024, 4, 25, 8), None, "Đang xử lý"),
            (c["ready"], "22/04/2024 09:00", "25/4/24", None, "Đang xử lý"),
        ],
    )
    with pytest.raises(DeskError) as caught:
        reconcile_file(desk, path)
    assert (
        "sai.xlsx' không đối chiếu được: Dòng 6, cột D ('Hạn giải quyết'): '25/4/24' không "
        "phải ngày tháng đọc được" in caught.value.message
    )
    assert last_reconciliation(desk) is None
    with desk.db.read() as conn:
        assert rq.missing_count(conn) == 0


def test_not_a_workbook_is_refused(desk: Desk, tmp_path: Path) -> None:
    path = tmp_path / "hs.xlsx"
    path.write_bytes(b"PK\x03\x04" + bytes(100))
    with pytest.raises(DeskError, match=r"hs\.xlsx' bị hỏng, không đọc được"):
        reconcile_file(desk, path)
    words = tmp_path / "ghi-chu.csv"
    words.write_text("Không có gì ở đây\n", "utf-8")
    with pytest.raises(DeskError, match="không đối chiếu được: Không tìm thấy dòng tiêu đề"):
        reconcile_file(desk, words)


def test_the_next_reconciliation_replaces_the_board_view(
    desk: Desk, dossiers: dict[str, str], tmp_path: Path
) -> None:
    c = dossiers
    everything = [
        (c[n], datetime(2024, 4, 22, 8), None, None, "Đang xử lý")
        for n in ("returned", "ready", "open", "late_there")
    ]
    reconcile_file(desk, export_xlsx(tmp_path / "a.xlsx", everything))
    assert desk.board_counts()["not-in-system"] == 1
    everything.append((c["missing"], datetime(2024, 4, 22, 8), None, None, "Đang xử lý"))
    result = reconcile_file(desk, export_xlsx(tmp_path / "b.xlsx", everything))
    assert result.missing_in_system == ()
    assert desk.board_counts()["not-in-system"] == 0
    last = last_reconciliation(desk)
    assert last is not None and last.file_name == "b.xlsx"


def test_the_old_xls_fixture_against_a_desk(desk: Desk, clock: FakeClock) -> None:
    """tests/fixtures/doi-chieu-mau.xls (made once with xlwt: tests/fixtures/
    make_reconcile_xls.py): its three codes are the desk's first dossiers of 02 and 03/11/2026."""
    clock.now = datetime(2026, 11, 3, 17, 0)
    first = register(desk, datetime(2026, 11, 2, 8, 15))
    second = register(desk, datetime(2026, 11, 2, 9, 30))
    third = register(desk, datetime(2026, 11, 3, 14, 0))
    assert [first, second, third] == [
        "000.17.22.H56-261102-0001",
        "000.17.22.H56-261102-0002",
        "000.17.22.H56-261103-0001",
    ]
    clock.now = datetime(2026, 11, 4, 9, 0)
    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "doi-chieu-mau.xls"
    result = reconcile_file(desk, fixture)
    assert result.period == (date(2026, 11, 2), date(2026, 11, 3))
    assert result.missing_in_system == () and result.unknown_here == ()
    # the system says the first was returned the same day: open here
    assert [e.code for e in result.open_here_finished_there] == [first]
    # 3 working days here; the system wrote other due moments for the first two
    assert {e.code for e in result.due_differs} == {first, second}
    assert result.due_has_times


def test_a_file_that_matches_nothing_here_is_refused(
    desk: Desk, dossiers: dict[str, str], tmp_path: Path
) -> None:
    """Another unit's export (fresh-eyes finding: it was recorded, and the board listed every
    dossier of the period as not on the system)."""
    other = [
        (f"000.17.22.H55-240422-{n:04d}", datetime(2024, 4, 22, 8), None, None, "Đang xử lý")
        for n in range(1, 4)
    ]
    path = export_xlsx(tmp_path / "don-vi-khac.xlsx", other)
    with pytest.raises(DeskError) as caught:
        reconcile_file(desk, path)
    assert "Không mã hồ sơ nào trong tệp 'don-vi-khac.xlsx' (3 hồ sơ) có tại Bộ phận" in (
        caught.value.message
    )
    assert "có phải tệp của đơn vị khác" in caught.value.message
    assert last_reconciliation(desk) is None
    with desk.db.read() as conn:
        assert rq.missing_count(conn) == 0


def test_a_row_without_a_time_is_compared_by_date_in_a_file_with_times(
    desk: Desk, dossiers: dict[str, str], tmp_path: Path
) -> None:
    """Fresh-eyes finding: in a file where some due cells say the time, a row whose due is a
    date alone was compared by minute (its 00:00 against the legal 08:00) and listed."""
    c = dossiers
    path = export_xlsx(
        tmp_path / "tron.xlsx",
        [
            (c["open"], datetime(2024, 4, 22, 10), "25/04/2024 10:00", None, "Đang xử lý"),
            (c["missing"], datetime(2024, 4, 22, 11), "25/04/2024", None, "Đang xử lý"),
            (c["late_there"], datetime(2024, 4, 22, 12), "25/04/2024 13:00", None, "Đang xử lý"),
        ],
    )
    result = reconcile_file(desk, path, record=False)
    assert result.due_has_times
    assert [e.code for e in result.due_differs] == [c["late_there"]]
