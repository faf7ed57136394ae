"""Period statistics: Biểu số 06/VPCP/KSTT and the Decision 766 indicators (domain.md §7), at a
desk or upstream (an upstream database holds many units: every figure can be asked for one
unit, by its code, or for all of them).

The numbers come from one SQL aggregation each (``store/report_queries.py``), equal by test to
the reference definitions of ``domain/statistics.py`` computed dossier by dossier. Local days
("finished on a day before the due day") need the unit's UTC offset: Asia/Ho_Chi_Minh has had
one offset since 1975; a zone whose offset changes within the period is computed the reference
way (every dossier through the domain).

The period is measured at its end (the first moment after its last day), or now while that
day has not ended; statuses and pauses are the dossiers' current ones (see
``services/reports.py``: the store keeps no history of states).
"""

from __future__ import annotations

from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from mohao_desk.documents.data import Letterhead, Signature
from mohao_desk.domain.errors import DeskError, NotFound, template
from mohao_desk.domain.periods import ReportPeriod, custom_period, report_period
from mohao_desk.domain.regimes import regime_for
from mohao_desk.domain.statistics import (
    TOTAL_LABEL,
    DossierFact,
    Indicator,
    IndicatorCounts,
    KsttReport,
    KsttRow,
    assemble,
    indicator_counts,
    indicators,
    kstt,
)
from mohao_desk.domain.text import fold
from mohao_desk.store import report_queries as rq

if TYPE_CHECKING:
    from mohao_desk.documents.kstt import KsttDocument

MAX_PERIOD_DAYS = 3 * 366


@dataclass(frozen=True)
class UnitRef:
    """A unit a figure is computed for (``code`` None: every unit of the database)."""

    id: int | None
    code: str | None
    name: str
    parent_name: str = ""
    place_name: str = ""
    timezone: str = "Asia/Ho_Chi_Minh"


@dataclass
class IndicatorReport:
    """The Decision 766 indicators of a period, with the counts they come from."""

    first_day: date
    last_day: date
    as_of: datetime  # local: the end of the period, or now while it runs
    counts: IndicatorCounts
    items: tuple[Indicator, ...]
    label: str = ""
    unit_code: str | None = None
    units: list[tuple[UnitRef, IndicatorReport]] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "from": self.first_day.isoformat(),
            "to": self.last_day.isoformat(),
            "as_of": self.as_of.isoformat(timespec="seconds"),
        }
        if self.label:
            data["period"] = self.label
        if self.unit_code is not None:
            data["unit"] = self.unit_code
        data["counts"] = self.counts.as_dict()
        data["indicators"] = [i.as_dict() for i in self.items]
        if self.units:
            data["units"] = [{"unit": u.code, "name": u.name, **r.as_dict()} for u, r in self.units]
        return data


# How a period is asked for went wrong; the CLI adds its options (--period, --from/--to, --year,
# --number) when it shows these.
PERIOD_KIND_AND_DAYS = template(
    "Chọn kỳ báo cáo theo loại kỳ hoặc theo ngày bắt đầu và ngày kết thúc, không cả hai."
)
PERIOD_KIND_WITHOUT_YEAR = template("Kỳ báo cáo theo loại kỳ cần năm.")
PERIOD_YEAR_WITHOUT_KIND = template("Năm và số tháng hay quý chỉ dùng cùng loại kỳ báo cáo.")
PERIOD_MISSING = template("Cần kỳ báo cáo: ngày bắt đầu và ngày kết thúc, hoặc loại kỳ và năm.")


class StatisticsService:
    def __init__(self, desk: Any) -> None:
        self.desk = desk

    # ------------------------------------------------------------ periods
    @staticmethod
    def period(
        *,
        first: date | None = None,
        last: date | None = None,
        kind: str | None = None,
        year: int | None = None,
        number: int | None = None,
    ) -> ReportPeriod:
        """The period asked for: two days, or a kind (month, quarter, year, cutoff, …) of a
        year with its number."""
        if kind is not None:
            if first is not None or last is not None:
                raise DeskError(PERIOD_KIND_AND_DAYS)
            if year is None:
                raise DeskError(PERIOD_KIND_WITHOUT_YEAR)
            return report_period(kind, year, number)
        if year is not None or number is not None:
            raise DeskError(PERIOD_YEAR_WITHOUT_KIND)
        if first is None or last is None:
            raise DeskError(PERIOD_MISSING)
        return custom_period(first, last)

    def _check(self, period: ReportPeriod) -> None:
        if period.last < period.first:
            raise DeskError(
                "Ngày kết thúc kỳ báo cáo {last:%d/%m/%Y} trước ngày bắt đầu {first:%d/%m/%Y}.",
                last=period.last,
                first=period.first,
            )
        if period.days > MAX_PERIOD_DAYS:
            raise DeskError("Kỳ báo cáo dài tối đa 3 năm.")
        if period.first > self.desk.now().date():
            raise DeskError(
                "Ngày bắt đầu kỳ báo cáo {first:%d/%m/%Y} ở tương lai.", first=period.first
            )

    def bounds(self, period: ReportPeriod) -> tuple[datetime, datetime]:
        """Local ``[start, end)`` of a period: its first midnight, and the midnight after its
        last day or now while that day runs."""
        start = datetime.combine(period.first, time())
        end = datetime.combine(period.last + timedelta(days=1), time())
        return start, min(end, self.desk.now())

    # -------------------------------------------------------------- units
    def overdue_without_apology(self) -> dict[str, int]:
        """Per unit code, now: open dossiers overdue with no apology recorded (the seed
        letter's complaint), by the same rule as the overdue list."""
        now = self.desk.to_utc(self.desk.now())
        with self.desk.db.read() as conn:
            return rq.overdue_without_apology_by_unit(conn, now)

    def units(self) -> list[UnitRef]:
        """Every unit of the database (by code)."""
        with self.desk.db.read() as conn:
            rows = rq.units_by_id(conn)
        return [_unit_ref(r) for r in rows.values()]

    def unit(self, code: str | None) -> UnitRef:
        """The unit of ``code``; ``None``: every unit, named as the database's own unit."""
        if code is None:
            u = self.desk.unit
            return UnitRef(None, None, u.name, u.parent_name, u.place_name, u.timezone)
        with self.desk.db.read() as conn:
            rows = rq.units_by_id(conn)
        for row in rows.values():
            if row.code == code.strip():
                return _unit_ref(row)
        raise NotFound("Không có đơn vị mã '{code}' trong cơ sở dữ liệu.", code=code)

    def _utc(self, local: datetime, unit: UnitRef) -> datetime:
        return local.replace(tzinfo=ZoneInfo(unit.timezone))

    def _offset(self, unit: UnitRef, start: datetime, end: datetime) -> int | None:
        """The unit's UTC offset in seconds if it is the same over the whole period."""
        zone = ZoneInfo(unit.timezone)
        first, last = zone.utcoffset(start), zone.utcoffset(end)
        if first is None or first != last:
            return None
        # A change and a change back within the period: check every day (≤ 1,100 of them).
        moment = start
        while moment < end:
            if zone.utcoffset(moment) != first:
                return None
            moment += timedelta(days=1)
        return int(first.total_seconds())

    # ------------------------------------------------------------- KSTT
    def kstt(
        self,
        first_day: date,
        last_day: date,
        *,
        unit: str | None = None,
        label: str = "",
    ) -> KsttReport:
        """Biểu 06 for the days ``first_day`` … ``last_day`` (both included), of the unit of
        code ``unit`` or of every unit of the database."""
        period = ReportPeriod(first_day, last_day, label)
        self._check(period)
        ref = self.unit(unit)
        return self._kstt_many(period, ref, by_unit=False)[None]

    def kstt_by_unit(
        self, first_day: date, last_day: date, *, label: str = ""
    ) -> list[tuple[UnitRef, KsttReport]]:
        """Biểu 06 of every unit that has dossiers touching the period, computed in the same
        aggregation as the total (each unit's report equals :meth:`kstt` with its code)."""
        return self.kstt_with_units(first_day, last_day, label=label)[1]

    def kstt_with_units(
        self, first_day: date, last_day: date, *, label: str = ""
    ) -> tuple[KsttReport, list[tuple[UnitRef, KsttReport]]]:
        """Biểu 06 of the whole database (as :meth:`kstt` without a unit) and of each unit
        (as :meth:`kstt_by_unit`) from one aggregation: a report by unit scans the period
        once, not twice (10,000,000 dossiers at the upstream office)."""
        period = ReportPeriod(first_day, last_day, label)
        self._check(period)
        reports = self._kstt_many(period, self.unit(None), by_unit=True)
        refs = {u.id: u for u in self.units()}
        units = [
            (refs[unit_id], reports[unit_id])
            for unit_id in sorted(
                (k for k in reports if k is not None), key=lambda k: refs[k].code or ""
            )
        ]
        return reports[None], units

    def dashboard(
        self, first_day: date, last_day: date
    ) -> tuple[list[tuple[UnitRef, KsttReport]], IndicatorReport]:
        """The upstream dashboard's figures: Biểu 06 of each unit and the indicators of each
        unit, from one Biểu 06 aggregation (the indicators reuse it)."""
        period = ReportPeriod(first_day, last_day)
        self._check(period)
        ref = self.unit(None)
        # The indicators' own aggregation runs on a second connection while Biểu 06's runs on
        # this one: the server computes both at once, and this thread's Python work (building
        # and reading the statements) overlaps the server's. Each was its own read
        # transaction before as well.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="mohao-statistics") as pool:
            extra = pool.submit(self._indicator_extra, period, ref)
            reports = self._kstt_many(period, ref, by_unit=True)
            refs = {u.id: u for u in self.units()}
            extra_counts = extra.result()
        units = [
            (refs[unit_id], reports[unit_id])
            for unit_id in sorted(
                (k for k in reports if k is not None), key=lambda k: refs[k].code or ""
            )
        ]
        return units, self.indicators(
            first_day, last_day, by_unit=True, _kstt=reports, _extra=extra_counts
        )

    def _kstt_many(
        self, period: ReportPeriod, ref: UnitRef, *, by_unit: bool
    ) -> dict[int | None, KsttReport]:
        """The report of ``ref`` (key None) and, with ``by_unit``, each unit's (key: its id)."""
        start, end = self.bounds(period)
        offset = self._offset(ref, start, end)
        if offset is None:  # a zone with daylight saving: the reference path
            reports: dict[int | None, KsttReport] = {None: self._reference(period, ref)}
            if by_unit:
                for unit in self.units():
                    reports[unit.id] = self._reference(period, unit)
            return {k: v for k, v in reports.items() if k is None or v.rows}
        with self.desk.db.read() as conn:
            counts = rq.kstt_counts(
                conn, self._utc(start, ref), self._utc(end, ref), offset, ref.id
            )
            codes = {k: r.code for k, r in rq.units_by_id(conn).items()}
        per_unit: dict[int | None, dict[str, dict[str, int]]] = {None: {}}
        for unit_id, field_name, column, n in counts:
            for key in (None, unit_id) if by_unit else (None,):
                row = per_unit.setdefault(key, {}).setdefault(field_name, defaultdict(int))
                row[column] += n
        reports = {}
        for key, fields_ in per_unit.items():
            rows = [KsttRow.from_counts(name, **_kstt_counts(c)) for name, c in fields_.items()]
            report = assemble(rows, start, end)
            report.first_day, report.last_day = period.first, period.last
            report.label = period.label
            report.unit_code = ref.code if key is None else codes.get(key)
            reports[key] = report
        return reports

    def _reference(self, period: ReportPeriod, ref: UnitRef) -> KsttReport:
        report = self.kstt_reference(period.first, period.last, unit=ref.code)
        report.label = period.label
        return report

    def facts(
        self, first_day: date, last_day: date, *, unit: str | None = None
    ) -> list[DossierFact]:
        """Every dossier touching the period as the domain sees it (local moments)."""
        ref = self.unit(unit)
        start, end = self.bounds(ReportPeriod(first_day, last_day))
        zone = ZoneInfo(ref.timezone)

        def local(moment: datetime | None) -> datetime | None:
            return None if moment is None else moment.astimezone(zone).replace(tzinfo=None)

        with self.desk.db.read() as conn:
            rows = rq.report_facts(conn, self._utc(start, ref), self._utc(end, ref), ref.id)
        facts = []
        for r in rows:
            received, due = local(r.received_at), local(r.original_due_at)
            assert received is not None and due is not None
            facts.append(
                DossierFact(
                    field=r.field,
                    channel=r.channel,
                    received_at=received,
                    original_due_at=due,
                    finished_at=local(r.finished_at),
                    supplement_count=int(r.supplement_count),
                    paused_at=local(r.paused_at),
                    status=r.status,
                    inputs_digitized=bool(r.inputs_digitized),
                    result_digitized=bool(r.result_digitized),
                    result_electronic=bool(r.result_electronic),
                    has_components=bool(r.components),
                    reused=bool(r.reused),
                    rating=r.rating,
                )
            )
        return facts

    def kstt_reference(
        self, first_day: date, last_day: date, *, unit: str | None = None
    ) -> KsttReport:
        """Biểu 06 the reference way: every dossier through ``domain.statistics.kstt``."""
        period = ReportPeriod(first_day, last_day)
        start, end = self.bounds(period)
        report = kstt(self.facts(first_day, last_day, unit=unit), start, end)
        report.first_day, report.last_day, report.unit_code = first_day, last_day, unit
        return report

    # ------------------------------------------------------- indicators
    def indicators(
        self,
        first_day: date,
        last_day: date,
        *,
        unit: str | None = None,
        label: str = "",
        by_unit: bool = False,
        _kstt: dict[int | None, KsttReport] | None = None,
        _extra: dict[int, dict[str, int]] | None = None,
    ) -> IndicatorReport:
        """The Decision 766 indicators computable from desk data for the period (of one unit
        or of all); ``by_unit`` adds each unit's own."""
        period = ReportPeriod(first_day, last_day, label)
        self._check(period)
        ref = self.unit(unit)
        _start, end = self.bounds(period)
        extra = _extra if _extra is not None else self._indicator_extra(period, ref)
        if _kstt is not None:
            kstt_reports = _kstt
        elif by_unit and ref.id is None:
            kstt_reports = self._kstt_many(period, ref, by_unit=True)
        else:
            kstt_reports = self._kstt_many(period, ref, by_unit=False)
        total_extra = IndicatorCounts()
        for unit_extra in extra.values():
            total_extra = total_extra.add(IndicatorCounts(**unit_extra))
        counts = IndicatorCounts.combine(kstt_reports[None].total, total_extra)
        report = IndicatorReport(
            first_day, last_day, end, counts, indicators(counts), label, ref.code
        )
        if by_unit and ref.id is None:
            refs = {u.id: u for u in self.units()}
            for unit_id in sorted(set(extra) | {k for k in kstt_reports if k is not None},
                                  key=lambda i: refs[i].code or ""):  # fmt: skip
                total = kstt_reports.get(unit_id)
                unit_counts = IndicatorCounts.combine(
                    total.total if total else KsttRow(TOTAL_LABEL),
                    IndicatorCounts(**extra.get(unit_id, {})),
                )
                report.units.append(
                    (
                        refs[unit_id],
                        IndicatorReport(
                            first_day, last_day, end, unit_counts, indicators(unit_counts),
                            label, refs[unit_id].code,
                        ),
                    )
                )  # fmt: skip
        return report

    def _indicator_extra(self, period: ReportPeriod, ref: UnitRef) -> dict[int, dict[str, int]]:
        """Per unit id, the indicator counts beyond Biểu 06 (``rq.indicator_extra``)."""
        start, end = self.bounds(period)
        offset = self._offset(ref, start, end)
        with self.desk.db.read() as conn:
            return rq.indicator_extra(
                conn, self._utc(start, ref), self._utc(end, ref), ref.id, offset
            )

    def indicator_counts_reference(
        self, first_day: date, last_day: date, *, unit: str | None = None
    ) -> IndicatorCounts:
        """The indicator counts the reference way (``domain.statistics.indicator_counts``)."""
        start, end = self.bounds(ReportPeriod(first_day, last_day))
        return indicator_counts(self.facts(first_day, last_day, unit=unit), start, end)


def _unit_ref(row: Any) -> UnitRef:
    return UnitRef(int(row.id), row.code, row.name, row.parent_name, row.place_name, row.timezone)


def _kstt_counts(counts: dict[str, int]) -> dict[str, int]:
    names = (
        "received_online",
        "received_direct_postal",
        "carried_over",
        "resolved_early",
        "resolved_on_time",
        "resolved_late",
        "pending_within",
        "pending_overdue",
    )
    return {name: int(counts.get(name, 0)) for name in names}


# ------------------------------------------------------------------ documents


class StatisticsDocuments:
    """Biểu 06 and the indicator table as files (JSON, XLSX, PDF), from
    :class:`StatisticsService`'s numbers; the layouts live in ``documents/``."""

    def __init__(self, desk: Any) -> None:
        self.desk = desk
        self.stats = StatisticsService(desk)

    def _own_heads(self, ref: UnitRef, day: date) -> Any:
        """The database's own unit's letterhead under the regime in force on ``day`` (the
        parent body and upstream office of that regime, issue 9); ``None`` for another unit
        (an upstream office's report on one of its units prints what that unit sent)."""
        from mohao_desk.services.settings import regime_letterhead_in

        if ref.id is not None:
            return None
        try:
            regime = regime_for(day, self.desk.regimes)
        except DeskError:
            return None
        with self.desk.db.read() as conn:
            return regime_letterhead_in(conn, self.desk.unit, regime.code)

    def _letterhead(self, ref: UnitRef, day: date) -> Letterhead:
        heads = self._own_heads(ref, day)
        return Letterhead(
            parent_name=heads.parent_name if heads is not None else ref.parent_name,
            unit_name=ref.name,
            place_name=ref.place_name,
            issued_on=self.desk.now().date(),
        )

    def _receiving(self, ref: UnitRef, day: date) -> str:
        from mohao_desk.services.reports import _upstream

        try:
            regime = regime_for(day, self.desk.regimes)
        except DeskError:
            return ""
        if fold(ref.name).startswith(fold(regime.upstream)):
            return ""  # the upstream office's own report: its receiver is not recorded
        heads = self._own_heads(ref, day)
        if heads is not None and heads.upstream:
            return _upstream(regime, ref.parent_name, heads.upstream)
        return _upstream(regime, ref.parent_name)

    def _signatures(self) -> tuple[Signature, Signature]:
        from mohao_desk.services.documents import DocumentService
        from mohao_desk.store import queries as q

        head = DocumentService(self.desk).head_signature()
        with self.desk.db.read() as conn:
            username = q.get_setting(conn, "default_officer")
            name = rq.officer_name(conn, self.desk.unit.id, username) if username else None
        return head, Signature(("Người lập biểu",), name or "")

    def _as_of(self, period: ReportPeriod) -> datetime | None:
        _, end = self.stats.bounds(period)
        return end if end.date() <= period.last else None

    def kstt_document(
        self, period: ReportPeriod, *, unit: str | None = None, by_unit: bool = False
    ) -> KsttDocument:
        from mohao_desk.documents.kstt import KsttDocument, KsttSheet

        stats = self.stats
        ref = stats.unit(unit)
        units: list[tuple[UnitRef, KsttReport]] = []
        if by_unit and unit is None:
            report, units = stats.kstt_with_units(period.first, period.last, label=period.label)
        else:
            report = stats.kstt(period.first, period.last, unit=unit, label=period.label)
        last = period.last
        sheets = [
            KsttSheet(
                "Tổng hợp" if ref.code is None else ref.code,
                self._letterhead(ref, last),
                report,
                self._receiving(ref, last),
            )
        ]
        if by_unit and unit is None:
            for unit_ref, unit_report in units:
                sheets.append(
                    KsttSheet(
                        unit_ref.code or "",
                        self._letterhead(unit_ref, last),
                        unit_report,
                        self._receiving(unit_ref, last),
                    )
                )
        head, preparer = self._signatures()
        return KsttDocument(
            period=period,
            sheets=tuple(sheets),
            as_of=self._as_of(period),
            printed_at=self.desk.now(),
            signature=head,
            preparer=preparer,
        )

    def kstt(
        self, period: ReportPeriod, fmt: str, *, unit: str | None = None, by_unit: bool = False
    ) -> tuple[bytes, KsttReport]:
        """The file of Biểu 06 in ``fmt`` (json, xlsx, pdf) and the report it shows."""
        if fmt == "json":
            stats = self.stats
            if by_unit and unit is None:  # the total and the units from one aggregation
                report, units = stats.kstt_with_units(period.first, period.last, label=period.label)
                data = report.as_dict()
                data["units"] = [{"name": u.name, **r.as_dict()} for u, r in units]
                return _json(data), report
            report = stats.kstt(period.first, period.last, unit=unit, label=period.label)
            return _json(report.as_dict()), report
        from mohao_desk.documents import kstt as layout

        document = self.kstt_document(period, unit=unit, by_unit=by_unit)
        if fmt == "xlsx":
            return layout.render_xlsx(document), document.sheets[0].report
        if fmt == "pdf":
            return layout.render_pdf(document), document.sheets[0].report
        raise DeskError("Định dạng '{fmt}' không hỗ trợ (json, xlsx, pdf).", fmt=fmt)

    def indicators(
        self, period: ReportPeriod, fmt: str, *, unit: str | None = None, by_unit: bool = False
    ) -> tuple[bytes, IndicatorReport]:
        """The Decision 766 indicators of the period as JSON or PDF, and the report."""
        stats = self.stats
        report = stats.indicators(
            period.first, period.last, unit=unit, label=period.label, by_unit=by_unit
        )
        if fmt == "json":
            return _json(report.as_dict()), report
        if fmt != "pdf":
            raise DeskError("Định dạng '{fmt}' không hỗ trợ cho chỉ số (json, pdf).", fmt=fmt)
        from mohao_desk.documents.indicators import IndicatorDocument, render

        head, preparer = self._signatures()
        ref = stats.unit(unit)
        document = IndicatorDocument(
            letterhead=self._letterhead(ref, period.last),
            period=period,
            counts=report.counts,
            items=report.items,
            as_of=self._as_of(period),
            printed_at=self.desk.now(),
            signature=head,
            preparer=preparer,
            units=tuple((u.name, r.items) for u, r in report.units),
        )
        return render(document), report


def _json(data: dict[str, object]) -> bytes:
    import json

    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
