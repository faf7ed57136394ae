"""A province's published list read from its cells (domain/catalog_sheet.py): the free-text
processing times, the header under title rows, field section rows, every refusal with its row,
and the comparison with the catalog."""

from __future__ import annotations

from datetime import time
from typing import Any

import pytest

from mohao_desk.domain.catalog import ComponentSpec, Procedure
from mohao_desk.domain.catalog_sheet import (
    catalog_changes,
    code_text,
    describe_value,
    merge,
    parse_time_text,
    read_sheets,
)
from mohao_desk.domain.deadline import ProcessingTime, TimeUnit
from mohao_desk.domain.errors import DeskError

WD, CD, WH, MO, SD = (
    TimeUnit.WORKING_DAYS, TimeUnit.CALENDAR_DAYS, TimeUnit.WORKING_HOURS, TimeUnit.MONTHS,
    TimeUnit.SAME_DAY,
)  # fmt: skip


def pt(value: int, unit: TimeUnit, cutoff: time = time(15, 0)) -> ProcessingTime:
    return ProcessingTime(value, unit, cutoff)


# ------------------------------------------------------------------ processing-time text


@pytest.mark.parametrize(
    ("text", "period", "verification"),
    [
        ("03 ngày làm việc", pt(3, WD), None),
        ("Trong ngày", pt(0, SD), None),
        (
            "Ngay trong ngày làm việc; trường hợp nhận hồ sơ sau 15 giờ thì trả kết quả trong "
            "ngày làm việc tiếp theo",
            pt(0, SD),
            None,
        ),
        ("05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", pt(5, WD), None),
        ("10 ngày", pt(10, CD), None),
        ("1 tháng", pt(1, MO), None),
        ("04 giờ làm việc", pt(4, WH), None),
        ("20 Ngày làm việc", pt(20, WD), None),
        ("Không quá 45 ngày", pt(45, CD), None),
        ("Trong thời hạn 30 ngày, kể từ ngày nhận đơn", pt(30, CD), None),
        # the cut-off hour as the texts write it
        ("Trong ngày; nếu nhận sau 16 giờ thì trả ngày hôm sau", pt(0, SD, time(16)), None),
        (
            "Trong ngày làm việc, nếu nhận hồ sơ sau 03 giờ chiều thì việc chứng thực được "
            "thực hiện trong ngày làm việc tiếp theo.",
            pt(0, SD),
            None,
        ),
        ("Trong ngày (tiếp nhận sau 15 giờ 30: ngày hôm sau)", pt(0, SD), None),
        ("Trong ngày; nhận sau 14h thì trả ngày làm việc tiếp theo", pt(0, SD, time(14)), None),
        # verification: a total, or "kéo dài thêm" added to the main time
        (
            "03 ngày làm việc; trường hợp phải xác minh thì thời hạn giải quyết không quá 08 "
            "ngày làm việc",
            pt(3, WD),
            pt(8, WD),
        ),
        (
            "- 03 ngày làm việc, kể từ ngày nhận đủ hồ sơ hợp lệ;\n- Trường hợp cần phải xác "
            "minh thì thời hạn giải quyết không quá 08 ngày làm việc.",
            pt(3, WD),
            pt(8, WD),
        ),
        (
            "Trong thời hạn 03 ngày làm việc; trường hợp cần xác minh, thời hạn được kéo dài "
            "thêm không quá 05 ngày làm việc",
            pt(3, WD),
            pt(8, WD),
        ),
        (
            "Ngay trong ngày tiếp nhận yêu cầu; trường hợp cần xác minh thì không quá 05 ngày "
            "làm việc",
            pt(0, SD),
            pt(5, WD),
        ),
        # chứng thực bản sao (Decree 23/2015 art. 7): the extension for many pages
        (
            "Trong ngày cơ quan, tổ chức tiếp nhận yêu cầu hoặc trong ngày làm việc tiếp theo, "
            "nếu tiếp nhận yêu cầu sau 15 giờ. Đối với trường hợp cùng một lúc yêu cầu chứng "
            "thực bản sao từ nhiều loại bản chính giấy tờ, văn bản thì thời hạn chứng thực được "
            "kéo dài thêm không quá 02 (hai) ngày làm việc",
            pt(0, SD),
            pt(2, WD),
        ),
        ("Ngay trong ngày", pt(0, SD), None),
        ("  Trong ngày  ", pt(0, SD), None),
        ("03 NGÀY LÀM VIỆC", pt(3, WD), None),
        ("03 ngay lam viec", pt(3, WD), None),
    ],
)  # fmt: skip
def test_processing_times_as_the_decisions_write_them(
    text: str, period: ProcessingTime, verification: ProcessingTime | None
) -> None:
    assert parse_time_text(text) == (period, verification)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Thiếu thời hạn giải quyết"),
        ("Theo quy định", "Không hiểu thời hạn giải quyết 'Theo quy định'"),
        ("3", "Không hiểu thời hạn giải quyết '3'"),
        ("2 tuần", "Không hiểu thời hạn giải quyết '2 tuần'"),
        ("Giải quyết ngay", "Không hiểu"),
        ("104 ngày; 2 ngày", "có nhiều thời hạn khác nhau"),
        ("Tại UBND cấp xã: 02 ngày; tại cấp huyện: 03 ngày", "có nhiều thời hạn khác nhau"),
        ("Trong ngày; 03 ngày làm việc đối với hồ sơ phức tạp", "có nhiều thời hạn khác nhau"),
        ("0,5 ngày", "không phải một số nguyên dương"),
        ("1/2 ngày làm việc", "không phải một số nguyên dương"),
        ("-3 ngày làm việc", "không phải một số nguyên dương"),
        ("05-07 ngày", "không phải một số nguyên dương"),
        ("0 ngày làm việc", "phải là số dương"),
        ("4000 ngày", "quá lớn"),
        ("Trong ngày, nhận sau 25 giờ thì hôm sau", "không hợp lệ"),
    ],
)
def test_times_that_say_no_one_time_are_refused(text: str, message: str) -> None:
    with pytest.raises(DeskError, match=message):
        parse_time_text(text)


# ------------------------------------------------------------------ sheets

HEADER = ("STT", "Mã TTHC", "Tên thủ tục hành chính", "Thời hạn giải quyết", "Phí, lệ phí",
          "Căn cứ pháp lý")  # fmt: skip


def sheet(*rows: tuple[Any, ...], title: str = "Danh mục", start: int = 1) -> tuple[str, list]:
    """A sheet as the service hands it over: (Excel row number, cells) of its non-empty rows."""
    numbered = [(start + i, tuple(r)) for i, r in enumerate(rows)]
    return title, [(n, cells) for n, cells in numbered if any(c is not None for c in cells)]


TITLES = (
    ("ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN", None, None, None, None, None),
    ("DANH MỤC THỦ TỤC HÀNH CHÍNH CẤP XÃ", None, None, None, None, None),
    ("(Kèm theo Quyết định số 1234/QĐ-UBND ngày 15/7/2025)", None, None, None, None, None),
    (None,) * 6,
)


def decision(*body: tuple[Any, ...]) -> tuple[str, list]:
    """Title rows 1–4, the header in row 5, the column numbers in row 6, ``body`` from row 7."""
    numbers = tuple(f"({i})" for i in range(1, 7))
    return sheet(*TITLES, HEADER, numbers, *body)


def test_header_under_title_rows_and_field_section_rows() -> None:
    rows = read_sheets(
        [
            decision(
                ("I. LĨNH VỰC HỘ TỊCH", None, None, None, None, None),  # merged: first cell only
                (1, "1.001193", "Đăng ký khai sinh", "Trong ngày", "Miễn", "Luật Hộ tịch 2014"),
                (2, "1.004873", "Cấp Giấy xác nhận tình trạng hôn nhân", "03 ngày làm việc",
                 "5.000 đồng", None),
                ("II", None, "Lĩnh vực Chứng thực (02 thủ tục)", None, None, None),
                (3, "2.000815", "Chứng thực bản sao từ bản chính", "Trong ngày", None, None),
                ("B. THỦ TỤC HÀNH CHÍNH CẤP XÃ (LIÊN THÔNG)", None, None, None, None, None),
                ("1", None, "Lĩnh vực Bảo trợ xã hội", None, None, None),
                (4, "1.001653", "Đổi, cấp lại Giấy xác nhận khuyết tật", "05 ngày làm việc",
                 None, None),
            )
        ]
    )  # fmt: skip
    assert [(r.row, r.code, r.field) for r in rows] == [
        (8, "1.001193", "Hộ tịch"),
        (9, "1.004873", "Hộ tịch"),
        (11, "2.000815", "Chứng thực"),
        (14, "1.001653", "Bảo trợ xã hội"),
    ]
    birth, status = rows[0], rows[1]
    assert birth.time == pt(0, SD)
    assert birth.note == "Phí, lệ phí: Miễn" and birth.basis == "Luật Hộ tịch 2014"
    assert status.basis is None  # an empty cell: the catalog keeps its own
    assert rows[2].note is None


def test_field_column_wins_and_a_unit_column_completes_the_time() -> None:
    header = ("TT", "Mã số", "Tên TTHC", "Lĩnh vực", "Thời hạn giải quyết", "Đơn vị tính",
              "Ghi chú")  # fmt: skip
    rows = read_sheets(
        [
            sheet(
                ("DANH MỤC", None, None, None, None, None, None),
                header,
                ("I. LĨNH VỰC NỘI VỤ", None, None, None, None, None, None),
                (1, "1.999001", "Thủ tục A", "Thi đua, khen thưởng", 10, "Ngày làm việc", "Mới"),
                (2, "1.999002", "Thủ tục B", None, "3", "ngày", None),
            )
        ]
    )  # fmt: skip
    assert [(r.field, r.time, r.note) for r in rows] == [
        ("Thi đua, khen thưởng", pt(10, WD), "Mới"),
        ("Nội vụ", pt(3, CD), None),
    ]


def test_codes_as_excel_and_the_provinces_write_them() -> None:
    assert code_text(2.00063) == "2.000630"  # a code typed as a number lost its last zero
    assert code_text(1.001193) == "1.001193"
    assert code_text("1.001193.000.00.00.H37") == "1.001193"  # the province's full symbol
    assert code_text(" XA.CTHDGD ") == "XA.CTHDGD"
    assert code_text(12) == "12"


def test_header_words_without_diacritics_and_a_second_header_row() -> None:
    rows = read_sheets(
        [
            sheet(
                ("So TT", "Ma thu tuc", "Ten thu tuc", "Noi dung", None),
                (None, None, None, "Thoi han giai quyet", "Linh vuc"),
                (1, "1.999001", "Thủ tục A", "02 ngày làm việc", "Nội vụ"),
            )
        ]
    )
    assert [(r.code, r.field, r.time) for r in rows] == [("1.999001", "Nội vụ", pt(2, WD))]


def where(sheets: list[tuple[str, list]]) -> str:
    with pytest.raises(DeskError) as caught:
        read_sheets(sheets)
    return caught.value.message


GOOD = (1, "1.001193", "Đăng ký khai sinh", "Trong ngày", None, None)
SECTION = ("I. LĨNH VỰC HỘ TỊCH", None, None, None, None, None)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ((SECTION, GOOD, (2, None, "Đăng ký kết hôn", "Trong ngày", None, None)),
         "Dòng 9: thiếu mã của thủ tục 'Đăng ký kết hôn'."),
        ((SECTION, GOOD, (2, None, "Đăng ký kết hôn", None, None, None)),
         "Dòng 9: thiếu mã của thủ tục 'Đăng ký kết hôn'."),
        ((SECTION, GOOD, (2, "1.000894", None, "Trong ngày", None, None)),
         "Dòng 9: thiếu tên thủ tục (mã 1.000894)."),
        ((SECTION, GOOD, (2, "1.000894", "Đăng ký kết hôn", None, None, None)),
         "Dòng 9: Thiếu thời hạn giải quyết."),
        ((SECTION, GOOD, (2, "1.001193", "Đăng ký khai sinh (trùng)", "Trong ngày", None, None)),
         "Dòng 9: mã thủ tục 1.001193 trùng với Dòng 8."),
        ((SECTION, GOOD, (2, "1.000894", "Đăng ký kết hôn", "Theo quy định", None, None)),
         "Dòng 9: Không hiểu thời hạn giải quyết 'Theo quy định'"),
        ((GOOD,), "Dòng 7: không rõ lĩnh vực của thủ tục 1.001193"),
        ((SECTION, (1, "1 001193", "Đăng ký khai sinh", "Trong ngày", None, None)),
         "Dòng 8: mã thủ tục '1 001193' không hợp lệ."),
        ((SECTION, (1, "1.001193", "x" * 4001, "Trong ngày", None, None)),
         "Dòng 8: ô 'Tên thủ tục' quá dài."),
        ((SECTION,), "không có thủ tục nào dưới dòng tiêu đề"),
    ],
)  # fmt: skip
def test_a_wrong_row_refuses_the_list_and_names_the_row(body: tuple, message: str) -> None:
    assert message in where([decision(*body)])


def test_no_header_is_refused() -> None:
    message = where([sheet(("Danh mục",), ("1.001193", "Đăng ký khai sinh", "Trong ngày"))])
    assert "Không tìm thấy dòng tiêu đề của danh mục trong 30 dòng đầu" in message


def test_the_header_is_looked_for_in_the_first_30_rows_only() -> None:
    late = sheet(*[("tiêu đề",)] * 30, HEADER, SECTION, GOOD)
    assert "Không tìm thấy dòng tiêu đề" in where([late])
    in_time = sheet(*[("tiêu đề",)] * 29, HEADER, SECTION, GOOD)
    assert [r.row for r in read_sheets([in_time])] == [32]


def test_several_sheets_name_the_sheet_and_share_the_codes() -> None:
    cover = sheet(("QUYẾT ĐỊNH",), ("Về việc công bố danh mục",), title="Quyết định")
    first = sheet(HEADER, SECTION, GOOD, title="Cấp xã")
    second = sheet(HEADER, SECTION, GOOD, title="Liên thông")
    assert "Trang 'Liên thông', dòng 3: mã thủ tục 1.001193 trùng với Trang 'Cấp xã', dòng 3" in (
        where([cover, first, second])
    )
    other = sheet(HEADER, SECTION, (1, "1.000894", "Đăng ký kết hôn", "Trong ngày"), title="B")
    assert [r.sheet for r in read_sheets([cover, first, other])] == ["Cấp xã", "B"]


# ------------------------------------------------------------------ merge and changes

MARRIAGE = Procedure(
    code="1.000894",
    name="Đăng ký kết hôn",
    field="Hộ tịch",
    time=pt(0, SD),
    basis="Luật Hộ tịch 2014, Điều 18",
    verification_time=pt(5, WD),
    note="",
    components=(ComponentSpec("Tờ khai đăng ký kết hôn"),),
)


def row(**changes: Any) -> Any:
    (listed,) = read_sheets(
        [decision(SECTION, (1, "1.000894", "Đăng ký kết hôn", "Trong ngày", None, None))]
    )
    return type(listed)(**{**listed.__dict__, **changes})


def test_a_list_row_keeps_the_catalogs_components_basis_and_note() -> None:
    merged = merge(MARRIAGE, row())
    assert merged.components == MARRIAGE.components
    assert merged.basis == MARRIAGE.basis and merged.note == ""
    assert merged.verification_time is None  # the list's time says no verification
    with_fees = merge(MARRIAGE, row(note="Phí, lệ phí: Miễn lệ phí", basis="Luật Hộ tịch"))
    assert (with_fees.note, with_fees.basis) == ("Phí, lệ phí: Miễn lệ phí", "Luật Hộ tịch")
    new = merge(None, row(code="1.999009"))
    assert (new.code, new.components, new.basis, new.note) == ("1.999009", (), "", "")


def test_changes_name_every_field_that_differs() -> None:
    other = Procedure("1.001193", "Đăng ký khai sinh", "Hộ tịch", pt(0, SD))
    later = merge(MARRIAGE, row(time=pt(3, WD), note="Phí, lệ phí: Miễn"))
    new = Procedure("1.999009", "Thủ tục mới", "Nội vụ", pt(2, WD))
    changes = catalog_changes({p.code: p for p in (MARRIAGE, other)}, [new, later, other])
    assert changes.added == (new,)
    assert changes.unchanged == (other,)
    (change,) = changes.changed
    assert [(f.key, f.label) for f in change.fields] == [
        ("time", "Thời hạn giải quyết"),
        ("verification_time", "Thời hạn khi cần xác minh"),
        ("note", "Ghi chú, phí, lệ phí"),
    ]
    assert [describe_value(f.key, f.before) for f in change.fields] == [
        "Trong ngày (tiếp nhận đến 15 giờ 00)",
        "5 ngày làm việc",
        "(trống)",
    ]
    assert [describe_value(f.key, f.after) for f in change.fields] == [
        "3 ngày làm việc",
        "(không có)",
        "Phí, lệ phí: Miễn",
    ]
    assert changes.writes == (new, later) and not changes.empty
    assert catalog_changes({other.code: other}, [other]).empty
