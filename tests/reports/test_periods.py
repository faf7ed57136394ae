"""Reporting periods (domain.md §7; Decree 09/2019/NĐ-CP art. 12): pure date arithmetic."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.periods import PeriodKind, custom_period, report_period

D = date


@pytest.mark.parametrize(
    ("kind", "year", "number", "first", "last", "label"),
    [
        ("month", 2024, 2, D(2024, 2, 1), D(2024, 2, 29), "Tháng 2 năm 2024"),  # leap year
        ("month", 2023, 2, D(2023, 2, 1), D(2023, 2, 28), "Tháng 2 năm 2023"),
        ("month", 2024, 12, D(2024, 12, 1), D(2024, 12, 31), "Tháng 12 năm 2024"),
        ("quarter", 2024, 1, D(2024, 1, 1), D(2024, 3, 31), "Quý I năm 2024"),
        ("quarter", 2024, 4, D(2024, 10, 1), D(2024, 12, 31), "Quý IV năm 2024"),
        ("year", 2025, None, D(2025, 1, 1), D(2025, 12, 31), "Năm 2025"),
        # The cut-off month: 15th of the previous month to the 14th.
        ("cutoff", 2024, 5, D(2024, 4, 15), D(2024, 5, 14), "Kỳ chốt số liệu tháng 5 năm 2024"),
        ("cutoff", 2024, 1, D(2023, 12, 15), D(2024, 1, 14), "Kỳ chốt số liệu tháng 1 năm 2024"),
        ("cutoff", 2024, 3, D(2024, 2, 15), D(2024, 3, 14), "Kỳ chốt số liệu tháng 3 năm 2024"),
        # Quarter: 15th of the month before the quarter to the 14th of its last month.
        ("cutoff-quarter", 2024, 1, D(2023, 12, 15), D(2024, 3, 14),
         "Kỳ chốt số liệu quý I năm 2024"),
        ("cutoff-quarter", 2024, 3, D(2024, 6, 15), D(2024, 9, 14),
         "Kỳ chốt số liệu quý III năm 2024"),
        # Year: 15 December of the previous year to 14 December.
        ("cutoff-year", 2024, None, D(2023, 12, 15), D(2024, 12, 14), "Kỳ chốt số liệu năm 2024"),
    ],
)  # fmt: skip
def test_periods(kind, year, number, first, last, label) -> None:
    period = report_period(kind, year, number)
    assert (period.first, period.last, period.label) == (first, last, label)
    assert period.days == (last - first).days + 1


def test_span_text() -> None:
    assert report_period("cutoff", 2024, 1).span_text == "Từ ngày 15/12/2023 đến ngày 14/01/2024"


@pytest.mark.parametrize(
    ("kind", "year", "number", "message"),
    [
        ("month", 2024, None, "cần số tháng"),
        ("quarter", 2024, None, "cần số quý"),
        ("month", 2024, 13, "Tháng 13 không hợp lệ"),
        ("cutoff", 2024, 0, "Tháng 0 không hợp lệ"),
        ("quarter", 2024, 5, "Quý 5 không hợp lệ"),
        ("year", 2024, 3, "không nhận số"),
        ("week", 2024, 1, "không hợp lệ"),
        ("month", 1999, 1, "Năm báo cáo 1999"),
    ],
)
def test_bad_periods_are_refused(kind, year, number, message) -> None:
    with pytest.raises(DeskError, match=message):
        report_period(kind, year, number)


def test_custom_period() -> None:
    period = custom_period(D(2024, 5, 1), D(2024, 5, 31))
    assert period.days == 31 and period.label == ""
    with pytest.raises(DeskError, match="trước ngày bắt đầu"):
        custom_period(D(2024, 5, 31), D(2024, 5, 1))


@given(st.integers(2001, 2099))
def test_twelve_cutoff_months_tile_the_cutoff_year(year: int) -> None:
    """Consecutive cut-off months join without gap or overlap and make up the cut-off year;
    the calendar months make up the calendar year and the quarters."""
    months = [report_period(PeriodKind.CUTOFF, year, n) for n in range(1, 13)]
    whole = report_period(PeriodKind.CUTOFF_YEAR, year)
    assert months[0].first == whole.first and months[-1].last == whole.last
    for a, b in itertools.pairwise(months):
        assert b.first == a.last + timedelta(days=1)
        assert a.first.day == 15 and a.last.day == 14
    quarters = [report_period(PeriodKind.CUTOFF_QUARTER, year, n) for n in range(1, 5)]
    assert [q.first for q in quarters] == [months[0].first, months[3].first, months[6].first,
                                           months[9].first]  # fmt: skip
    calendar = [report_period(PeriodKind.MONTH, year, n) for n in range(1, 13)]
    assert sum(m.days for m in calendar) == report_period(PeriodKind.YEAR, year).days
    assert sum(m.days for m in months) == whole.days
