"""Reporting periods (domain.md §7): calendar month, quarter and year, and the cut-off periods
of Decree 09/2019/NĐ-CP art. 12 ("thời gian chốt số liệu báo cáo"):

- monthly: from the 15th of the previous month to the 14th of the reported month;
- quarterly: from the 15th of the month before the quarter to the 14th of its last month;
- yearly: from 15 December of the previous year to 14 December of the reported year.

Pure: dates in, dates out. Both days of a period are included.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from mohao_desk.domain.errors import DeskError

CUTOFF_DAY = 15  # the cut-off period starts on the 15th and ends on the 14th
MIN_YEAR, MAX_YEAR = 2000, 2100
ROMAN = ("I", "II", "III", "IV")


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    CUTOFF = "cutoff"  # monthly cut-off, 15th of the previous month – 14th
    CUTOFF_QUARTER = "cutoff-quarter"
    CUTOFF_YEAR = "cutoff-year"

    @property
    def needs_number(self) -> bool:
        return self not in (PeriodKind.YEAR, PeriodKind.CUTOFF_YEAR)

    @property
    def numbers(self) -> int:
        """How many periods of this kind a year has (the valid ``number`` is 1 … this)."""
        return 4 if self in (PeriodKind.QUARTER, PeriodKind.CUTOFF_QUARTER) else 12


@dataclass(frozen=True)
class ReportPeriod:
    """A reporting period: its first and last day (both included) and how forms name it."""

    first: date
    last: date
    label: str = ""  # "Tháng 5 năm 2024", "Quý II năm 2024", "Kỳ chốt số liệu tháng 5 năm 2024"

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def span_text(self) -> str:
        """ "Từ ngày 15/04/2024 đến ngày 14/05/2024" (the line under a report's title)."""
        return f"Từ ngày {self.first:%d/%m/%Y} đến ngày {self.last:%d/%m/%Y}"


def _month_start(year: int, month: int) -> date:
    """The first day of ``month`` of ``year``; months outside 1–12 roll over the year."""
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    return date(year, month, 1)


def _cutoff(year: int, first_month: int, last_month: int) -> tuple[date, date]:
    """15th of the month before ``first_month`` to the 14th of ``last_month`` (of ``year``)."""
    start = _month_start(year, first_month - 1).replace(day=CUTOFF_DAY)
    end = _month_start(year, last_month).replace(day=CUTOFF_DAY - 1)
    return start, end


def report_period(kind: PeriodKind | str, year: int, number: int | None = None) -> ReportPeriod:
    """The period of ``kind`` numbered ``number`` (month 1–12 or quarter 1–4) of ``year``.

    >>> report_period("cutoff", 2024, 1).span_text
    'Từ ngày 15/12/2023 đến ngày 14/01/2024'
    """
    try:
        kind = PeriodKind(kind)
    except ValueError:
        names = ", ".join(k.value for k in PeriodKind)
        raise DeskError(
            "Loại kỳ báo cáo '{kind}' không hợp lệ ({names}).", kind=kind, names=names
        ) from None
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DeskError(
            "Năm báo cáo {year} không hợp lệ ({min_year}–{max_year}).",
            year=year,
            min_year=MIN_YEAR,
            max_year=MAX_YEAR,
        )
    if kind.needs_number:
        quarters = kind.numbers == 4
        if number is None and quarters:
            raise DeskError("Kỳ báo cáo '{kind}' cần số quý (1–4).", kind=kind.value)
        if number is None:
            raise DeskError("Kỳ báo cáo '{kind}' cần số tháng (1–12).", kind=kind.value)
        if not 1 <= number <= kind.numbers and quarters:
            raise DeskError("Quý {number} không hợp lệ (1–4).", number=number)
        if not 1 <= number <= kind.numbers:
            raise DeskError("Tháng {number} không hợp lệ (1–12).", number=number)
    elif number is not None:
        raise DeskError(
            "Kỳ báo cáo '{kind}' (cả năm) không nhận số tháng hay quý.", kind=kind.value
        )
    n = number or 0
    if kind is PeriodKind.MONTH:
        first = date(year, n, 1)
        last = _month_start(year, n + 1) - timedelta(days=1)
        return ReportPeriod(first, last, f"Tháng {n} năm {year}")
    if kind is PeriodKind.QUARTER:
        first = date(year, 3 * n - 2, 1)
        last = _month_start(year, 3 * n + 1) - timedelta(days=1)
        return ReportPeriod(first, last, f"Quý {ROMAN[n - 1]} năm {year}")
    if kind is PeriodKind.YEAR:
        return ReportPeriod(date(year, 1, 1), date(year, 12, 31), f"Năm {year}")
    if kind is PeriodKind.CUTOFF:
        first, last = _cutoff(year, n, n)
        return ReportPeriod(first, last, f"Kỳ chốt số liệu tháng {n} năm {year}")
    if kind is PeriodKind.CUTOFF_QUARTER:
        first, last = _cutoff(year, 3 * n - 2, 3 * n)
        return ReportPeriod(first, last, f"Kỳ chốt số liệu quý {ROMAN[n - 1]} năm {year}")
    first, last = _cutoff(year, 1, 12)
    return ReportPeriod(first, last, f"Kỳ chốt số liệu năm {year}")


def custom_period(first: date, last: date) -> ReportPeriod:
    """A period given by its two days (``--from`` / ``--to``)."""
    if last < first:
        raise DeskError(
            "Ngày kết thúc kỳ báo cáo {last:%d/%m/%Y} trước ngày bắt đầu {first:%d/%m/%Y}.",
            last=last,
            first=first,
        )
    return ReportPeriod(first, last, "")
