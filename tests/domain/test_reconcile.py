"""Reading the electronic one-stop system's export and comparing it with the desk (issue 13):
header words under title rows, moments in every shape, status words, explicit columns, the
five lists."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from mohao_desk.domain.calendar import WorkCalendar
from mohao_desk.domain.deadline import Band
from mohao_desk.domain.errors import DeskError, Phrase
from mohao_desk.domain.lifecycle import Status
from mohao_desk.domain.reconcile import (
    BadMoment,
    DeskDossier,
    Role,
    SystemState,
    classify_status,
    column_index,
    column_letter,
    column_role,
    find_header,
    parse_columns,
    period_of,
    read_moment,
    read_system_list,
    reconcile,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("Mã hồ sơ", Role.CODE),
        ("SỐ HỒ SƠ", Role.CODE),
        ("Mã số", Role.CODE),
        ("Ngày tiếp nhận", Role.RECEIVED),
        ("Ngày nhận", Role.RECEIVED),
        ("Ngày nộp hồ sơ", Role.RECEIVED),
        ("Ngày hẹn trả", Role.DUE),
        ("Hạn xử lý", Role.DUE),
        ("Thời hạn giải quyết", Role.DUE),
        ("Ngày hoàn thành", Role.FINISHED),
        ("Ngày có kết quả", Role.FINISHED),
        ("Ngày trả kết quả", Role.FINISHED),
        ("Ngày xử lý xong", Role.FINISHED),
        ("Trạng thái", Role.STATUS),
        ("Tình trạng hồ sơ", Role.STATUS),
        ("Người tiếp nhận", None),
        ("Cán bộ tiếp nhận", None),
        ("Tên thủ tục", Role.PROCEDURE),
        ("Tên TTHC", Role.PROCEDURE),
        ("Người nộp", Role.APPLICANT),
        ("Chủ hồ sơ", Role.APPLICANT),
        ("Tổ chức, cá nhân", Role.APPLICANT),
        ("Ghi chú", None),
        ("", None),
    ],
)
def test_header_words(header: str, role: Role | None) -> None:
    assert column_role(header) is role


def test_columns_letters() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 51, 52)] == ["A", "Z", "AA", "AZ", "BA"]
    assert [column_index(x) for x in ("A", "z", "AA", "BA")] == [0, 25, 26, 52]
    assert parse_columns("code=B, received=E,due=6 ,status=aa") == {
        Role.CODE: 1,
        Role.RECEIVED: 4,
        Role.DUE: 5,
        Role.STATUS: 26,
    }
    with pytest.raises(DeskError, match="Cột 'ma' không có trong phép đối chiếu"):
        parse_columns("ma=B")
    with pytest.raises(DeskError, match="Cột 'B2' của 'code' không hợp lệ"):
        parse_columns("code=B2")
    with pytest.raises(DeskError, match="không hợp lệ"):
        parse_columns("code")


@pytest.mark.parametrize(
    ("value", "moment", "has_time"),
    [
        (datetime(2026, 11, 2, 8, 15, 0, 500), datetime(2026, 11, 2, 8, 15), True),
        (datetime(2026, 11, 2), datetime(2026, 11, 2), False),
        (date(2026, 11, 2), datetime(2026, 11, 2), False),
        ("02/11/2026", datetime(2026, 11, 2), False),
        ("2/11/2026", datetime(2026, 11, 2), False),
        ("02/11/2026 08:15", datetime(2026, 11, 2, 8, 15), True),
        ("02/11/2026 08:15:30", datetime(2026, 11, 2, 8, 15, 30), True),
        ("08:15 02/11/2026", datetime(2026, 11, 2, 8, 15), True),
        ("2026-11-02", datetime(2026, 11, 2), False),
        ("2026-11-02 08:15", datetime(2026, 11, 2, 8, 15), True),
        ("  ", None, None),
        (None, None, None),
    ],
)
def test_moments(value: object, moment: datetime | None, has_time: bool | None) -> None:
    read = read_moment(value)
    assert (read is None) == (moment is None)
    if read is not None:
        assert read == (moment, has_time)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("31/02/2026", "không phải một ngày có thật"),
        ("mai", "không phải ngày tháng đọc được"),
        ("11/2026", "không phải ngày tháng đọc được"),
        (46000, "là một con số"),
    ],
)
def test_moments_that_are_not(value: object, reason: str) -> None:
    with pytest.raises(BadMoment) as caught:
        read_moment(value)
    assert reason in caught.value.reason.render()


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Đã trả kết quả", SystemState.FINISHED),
        ("Đã có kết quả", SystemState.FINISHED),
        ("Hoàn thành", SystemState.FINISHED),
        ("Hoàn thành quá hạn", SystemState.FINISHED),
        ("Đã giải quyết", SystemState.FINISHED),
        ("Từ chối giải quyết", SystemState.FINISHED),
        ("Công dân rút hồ sơ", SystemState.FINISHED),
        ("Dừng xử lý", SystemState.FINISHED),
        ("Mới tiếp nhận", SystemState.OPEN),
        ("Đang xử lý", SystemState.OPEN),
        ("ĐANG GIẢI QUYẾT", SystemState.OPEN),
        ("Chờ bổ sung", SystemState.OPEN),
        ("Tạm dừng", SystemState.OPEN),
        ("Tạm dừng xử lý", SystemState.OPEN),
        ("Quá hạn", SystemState.OPEN),
        ("Đang xử lý - quá hạn", SystemState.OPEN),
        ("Chưa hoàn thành", SystemState.UNKNOWN),
        ("Đã tiếp nhận", SystemState.UNKNOWN),
        ("Đang xử lý, đã trả kết quả", SystemState.UNKNOWN),
        ("", SystemState.UNKNOWN),
    ],
)
def test_status_words(text: str, state: SystemState) -> None:
    assert classify_status(text) is state


def test_the_old_xls_fixture_header_is_found_under_its_title_rows() -> None:
    from mohao_desk.services.spreadsheet import Limits, read_sheets

    sheets = read_sheets(FIXTURES / "doi-chieu-mau.xls", Limits(2**20, 2**22), Phrase("x"))
    system = read_system_list(sheets)
    assert [r.code for r in system.rows] == [
        "000.17.22.H56-261102-0001",
        "000.17.22.H56-261102-0002",
        "000.17.22.H56-261103-0001",
    ]
    assert system.columns == {
        Role.CODE: 1,
        Role.PROCEDURE: 2,
        Role.RECEIVED: 3,
        Role.DUE: 4,
        Role.FINISHED: 5,
        Role.STATUS: 6,
    }
    first, second, third = system.rows
    assert (first.row, first.state, first.finished) == (
        6,
        SystemState.FINISHED,
        datetime(2026, 11, 2, 16, 0),
    )
    assert second.received == datetime(2026, 11, 2, 9, 30)  # text among date cells
    assert third.state is SystemState.OPEN
    assert system.due_has_times
    assert system.received_span() == (date(2026, 11, 2), date(2026, 11, 3))


def sheet(*rows: tuple[object, ...]) -> list[tuple[str, list[tuple[int, tuple[object, ...]]]]]:
    return [("Trang 1", [(n, r) for n, r in enumerate(rows, start=1) if any(rows)])]


def test_a_two_row_header_and_a_repeated_header() -> None:
    sheets = sheet(
        ("DANH SÁCH",),
        ("STT", "Số hồ sơ", "Thời gian", None, "Trạng thái"),
        (None, None, "Tiếp nhận", "Hẹn trả"),
        (1, "A-1", "01/11/2026", "03/11/2026", "Đang xử lý"),
        ("STT", "Số hồ sơ", "Thời gian", None, "Trạng thái"),
        (2, "A-2", "02/11/2026", "04/11/2026", "Hoàn thành"),
    )
    system = read_system_list(sheets)
    assert [r.code for r in system.rows] == ["A-1", "A-2"]
    assert system.rows[0].due == datetime(2026, 11, 3)
    assert not system.due_has_times


def test_explicit_columns_when_the_words_are_others() -> None:
    rows = sheet(
        ("Báo cáo",),
        ("TT", "Định danh", "Lúc nộp", "Kỳ hạn", "Kết cục"),
        (1, "A-1", "01/11/2026 08:00", "03/11/2026 17:00", "Đang xử lý"),
    )
    with pytest.raises(DeskError, match="Không tìm thấy dòng tiêu đề có cột mã hồ sơ trong 20"):
        read_system_list(rows)
    system = read_system_list(rows, parse_columns("code=B,received=C,due=D,status=E"))
    assert system.rows[0].due == datetime(2026, 11, 3, 17, 0)
    assert system.rows[0].state is SystemState.OPEN
    # no header at all: the data starts at the first code
    bare = sheet(("A-1", "01/11/2026"), ("A-2", "02/11/2026"))
    assert find_header(bare[0][1], {Role.CODE: 0, Role.RECEIVED: 1}) == (
        0,
        {Role.CODE: 0, Role.RECEIVED: 1},
    )


def test_a_date_that_cannot_be_read_refuses_the_file_naming_row_and_column() -> None:
    rows = sheet(
        ("Mã hồ sơ", "Ngày tiếp nhận", "Hạn giải quyết"),
        ("A-1", "01/11/2026", "03/11/2026"),
        ("A-2", "01/11/2026", "ngày mai"),
    )
    with pytest.raises(DeskError) as caught:
        read_system_list(rows)
    assert caught.value.message.startswith(
        "Dòng 3, cột C ('Hạn giải quyết'): 'ngày mai' không phải ngày tháng đọc được"
    )


def test_unknown_status_words_are_reported_and_a_finished_date_reads_without_status() -> None:
    system = read_system_list(
        sheet(
            ("Mã hồ sơ", "Ngày trả", "Tình trạng"),
            ("A-1", None, "Đã tiếp nhận"),
            ("A-2", None, "Đã tiếp nhận"),
            ("A-3", "02/11/2026", None),
            ("A-4", None, None),
            ("A-4", "03/11/2026", "Đã trả kết quả"),
        )
    )
    assert [(u.text, u.count, u.first_row) for u in system.unknown_statuses] == [
        ("Đã tiếp nhận", 2, 2)
    ]
    states = {r.code: r.state for r in system.rows}
    assert states == {
        "A-1": SystemState.UNKNOWN,
        "A-2": SystemState.UNKNOWN,
        "A-3": SystemState.FINISHED,
        "A-4": SystemState.FINISHED,  # the last row of a code wins
    }
    assert system.duplicate_codes == ("A-4",)


def dossier(n: int, status: Status, received: datetime, due: datetime) -> DeskDossier:
    return DeskDossier(n, f"X-{n}", status, received, due, "Khai sinh", "Nguyễn Văn A")


def test_the_five_lists(cal: WorkCalendar) -> None:
    nov = datetime(2026, 11, 2, 8, 0)  # Monday
    desk = [
        dossier(1, Status.RETURNED, nov, datetime(2026, 11, 4, 17, 0)),  # open there
        dossier(2, Status.RESULT_READY, nov, datetime(2026, 11, 3, 17, 0)),  # open there
        dossier(3, Status.PROCESSING, nov, datetime(2026, 11, 5, 17, 0)),  # finished there
        dossier(4, Status.PROCESSING, nov, datetime(2026, 11, 6, 17, 0)),  # not there
        dossier(5, Status.PROCESSING, nov, datetime(2026, 11, 6, 17, 0)),  # due differs
        dossier(6, Status.PROCESSING, datetime(2026, 10, 1, 8), datetime(2026, 10, 5, 17)),
        dossier(7, Status.PROCESSING, nov, datetime(2026, 11, 6, 17, 0)),  # same, date only
    ]
    system = read_system_list(
        sheet(
            ("Mã hồ sơ", "Ngày tiếp nhận", "Hạn xử lý", "Trạng thái"),
            ("X-1", "02/11/2026 08:00", "04/11/2026 17:00", "Đang xử lý"),
            ("x-2", "02/11/2026 08:00", "03/11/2026 17:00", "Chờ bổ sung"),
            ("X-3", "02/11/2026 08:00", "05/11/2026 17:00", "Đã trả kết quả"),
            ("X-5", "02/11/2026 08:00", "07/11/2026 11:00", "Đang xử lý"),
            ("X-7", "02/11/2026 08:00", "06/11/2026 17:00", "Đang xử lý"),
            ("X-9", "03/11/2026 08:00", "06/11/2026 17:00", "Đang xử lý"),
        )
    )
    period = period_of(system, None, None)
    assert period == (date(2026, 11, 2), date(2026, 11, 3))
    now = datetime(2026, 11, 3, 16, 0)
    result = reconcile("hs.xlsx", system, desk, period, cal, now)
    assert {k: [e.code for e in v] for k, v in result.lists().items()} == {
        "missing_in_system": ["X-4"],  # X-6 was received before the period
        "finished_here_open_there": ["X-2", "X-1"],  # by the system's due moment
        "open_here_finished_there": ["X-3"],
        "due_differs": ["X-5"],
        "unknown_here": ["X-9"],
    }
    late, soon = result.finished_here_open_there
    assert late.countdown is not None and late.countdown.band is Band.AT_RISK
    assert late.countdown.text() == "còn 1 giờ"
    assert soon.due_there == datetime(2026, 11, 4, 17, 0)
    assert result.counts()["unknown_here"] == 1
    assert result.desk_in_period == 6


def test_due_by_date_when_the_file_has_dates_only(cal: WorkCalendar) -> None:
    nov = datetime(2026, 11, 2, 8, 0)
    desk = [
        dossier(1, Status.PROCESSING, nov, datetime(2026, 11, 4, 17, 0)),
        dossier(2, Status.PROCESSING, nov, datetime(2026, 11, 4, 11, 0)),
    ]
    system = read_system_list(
        sheet(
            ("Mã hồ sơ", "Ngày nhận", "Hẹn trả"),
            ("X-1", "02/11/2026", "04/11/2026"),
            ("X-2", "02/11/2026", "05/11/2026"),
        )
    )
    result = reconcile("hs.csv", system, desk, (date(2026, 11, 2), date(2026, 11, 2)), cal, nov)
    assert [e.code for e in result.due_differs] == ["X-2"]


def test_the_period(cal: WorkCalendar) -> None:
    system = read_system_list(sheet(("Mã hồ sơ", "Trạng thái"), ("X-1", "Đang xử lý")))
    with pytest.raises(DeskError, match="hãy chỉ rõ khoảng thời gian"):
        period_of(system, None, None)
    assert period_of(system, date(2026, 1, 1), date(2026, 1, 31)) == (
        date(2026, 1, 1),
        date(2026, 1, 31),
    )
    with pytest.raises(DeskError, match="Khoảng đối chiếu sai"):
        period_of(system, date(2026, 2, 1), date(2026, 1, 31))


def test_the_files_applicant_and_procedure_are_kept_for_a_code_the_desk_lacks() -> None:
    """Fresh-eyes finding: a mistyped code is recognised by who filed it and for what."""
    rows = [
        (1, ("Mã hồ sơ", "Tên TTHC", "Người nộp", "Ngày tiếp nhận", "Trạng thái")),
        (2, ("000.17.22.H56-240422-0099", "Đăng ký khai sinh", "  Trần  Thị Bình ",
             "22/04/2024", "Đang xử lý")),
    ]  # fmt: skip
    (row,) = read_system_list([("DS", rows)]).rows
    assert (row.applicant, row.procedure) == ("Trần Thị Bình", "Đăng ký khai sinh")


def test_an_empty_file_is_called_empty() -> None:
    with pytest.raises(DeskError) as caught:
        read_system_list([("DS", [])])
    assert caught.value.message == "Tệp trống: không có dòng nào."
