"""Statistics of the period reports (domain.md §7).

**Biểu số 06/VPCP/KSTT** (Circular 01/2020/TT-VPCP): received (online; direct and postal;
carried over), resolved (early; on time; late), pending (within the deadline; overdue) — one
row per field (lĩnh vực), with the identities

    received = online + direct/postal + carried over = resolved + pending

and "next period's carried over = this period's pending". :func:`kstt` is the reference
definition, dossier by dossier through :func:`mohao_desk.domain.deadline.timeliness` (the one
definition of late); the store computes the same numbers with one SQL aggregation for speed
(``store/report_queries.kstt_rows``) and a test holds both equal.

**Decision 766/QĐ-TTg indicators** computable from desk data (2.1, 3.3, 4.1, 4.2, 4.3, 5.4):
:func:`indicator_counts` (reference, per dossier) gathers the counts, :func:`indicators` turns
counts into rates with the full-mark thresholds of domain.md §6–7.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime

from mohao_desk.domain.deadline import MAX_SUPPLEMENT_REQUESTS_ON_TIME, Timeliness, timeliness
from mohao_desk.domain.text import fold

KSTT_COLUMNS = (
    "received_total",
    "received_online",
    "received_direct_postal",
    "carried_over",
    "resolved_total",
    "resolved_early",
    "resolved_on_time",
    "resolved_late",
    "pending_total",
    "pending_within",
    "pending_overdue",
)
ONLINE_CHANNEL = "2"
RESULT_STATUSES = ("result_ready", "returned")  # processing ended with a result
NOT_SATISFIED = "khong_hai_long"
TOTAL_LABEL = "Tổng cộng"


@dataclass(frozen=True)
class DossierFact:
    """What the reports need of one dossier (no personal data): local naive moments."""

    field: str
    channel: str  # "1" direct, "2" online, "3" postal
    received_at: datetime
    original_due_at: datetime
    finished_at: datetime | None  # end of processing (result, refusal, stop, withdrawal)
    supplement_count: int = 0
    paused_at: datetime | None = None  # waiting for the applicant's supplement since
    status: str = ""
    inputs_digitized: bool = False
    result_digitized: bool = False
    result_electronic: bool = False
    has_components: bool = False  # component rows are recorded (a desk's own dossiers)
    reused: bool = False  # at least one component reuses already digitized data
    rating: str | None = None


@dataclass
class KsttRow:
    """One row of Biểu số 06/VPCP/KSTT (numbers of dossiers)."""

    field: str
    received_total: int = 0
    received_online: int = 0
    received_direct_postal: int = 0
    carried_over: int = 0
    resolved_total: int = 0
    resolved_early: int = 0
    resolved_on_time: int = 0
    resolved_late: int = 0
    pending_total: int = 0
    pending_within: int = 0
    pending_overdue: int = 0

    def add(self, other: KsttRow) -> None:
        for name in KSTT_COLUMNS:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def as_dict(self) -> dict[str, int | str]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def numbers(self) -> tuple[int, ...]:
        """The eleven numbers in the form's column order (columns 3 to 13)."""
        return tuple(getattr(self, name) for name in KSTT_COLUMNS)

    def identities_hold(self) -> bool:
        received = self.received_online + self.received_direct_postal + self.carried_over
        return (
            self.received_total == received == self.resolved_total + self.pending_total
            and self.resolved_total
            == self.resolved_early + self.resolved_on_time + self.resolved_late
            and self.pending_total == self.pending_within + self.pending_overdue
        )

    @classmethod
    def from_counts(
        cls,
        field: str,
        *,
        received_online: int,
        received_direct_postal: int,
        carried_over: int,
        resolved_early: int,
        resolved_on_time: int,
        resolved_late: int,
        pending_within: int,
        pending_overdue: int,
    ) -> KsttRow:
        """A row from its eight independent counts; the three totals follow."""
        resolved = resolved_early + resolved_on_time + resolved_late
        pending = pending_within + pending_overdue
        return cls(
            field,
            received_total=resolved + pending,
            received_online=received_online,
            received_direct_postal=received_direct_postal,
            carried_over=carried_over,
            resolved_total=resolved,
            resolved_early=resolved_early,
            resolved_on_time=resolved_on_time,
            resolved_late=resolved_late,
            pending_total=pending,
            pending_within=pending_within,
            pending_overdue=pending_overdue,
        )


@dataclass
class KsttReport:
    start: datetime  # the first moment of the period (local)
    end: datetime  # exclusive: the first moment after the period, or "now" while it runs
    rows: list[KsttRow] = field(default_factory=list)
    total: KsttRow = field(default_factory=lambda: KsttRow(TOTAL_LABEL))
    first_day: date | None = None  # the period as asked (both days included)
    last_day: date | None = None
    label: str = ""  # "Tháng 5 năm 2024", "Kỳ chốt số liệu tháng 5 năm 2024", or ""
    unit_code: str | None = None  # None: every unit of the database

    def as_dict(self) -> dict[str, object]:
        first = self.first_day or self.start.date()
        last = self.last_day or (self.end.date() if self.end.time() else _day_before(self.end))
        data: dict[str, object] = {
            "from": first.isoformat(),
            "to": last.isoformat(),
            "as_of": self.end.isoformat(timespec="seconds"),
        }
        if self.label:
            data["period"] = self.label
        if self.unit_code is not None:
            data["unit"] = self.unit_code
        data["rows"] = [r.as_dict() for r in self.rows]
        data["total"] = self.total.as_dict()
        return data


def _day_before(moment: datetime) -> date:
    return date.fromordinal(moment.date().toordinal() - 1)


def assemble(rows: Iterable[KsttRow], start: datetime, end: datetime) -> KsttReport:
    """A report from its field rows (in Vietnamese order of the field) with the total row."""
    report = KsttReport(start, end, sorted(rows, key=lambda r: (fold(r.field), r.field)))
    for row in report.rows:
        report.total.add(row)
    return report


def pending_overdue(fact: DossierFact, end: datetime) -> bool:
    """Whether a dossier still open at ``end`` (exclusive) counts as overdue then: its legal due
    moment had passed with the clock running, or it had more than one supplement request. A
    dossier waiting for a supplement has its clock frozen at the request (domain.md §3): it is
    overdue only when the request came after the due moment (``deadline.countdown`` measured
    at the pause, as the explanation report does)."""
    if fact.supplement_count > MAX_SUPPLEMENT_REQUESTS_ON_TIME:
        return True
    if fact.paused_at is not None and fact.paused_at < end:
        return fact.paused_at > fact.original_due_at
    return fact.original_due_at < end


def kstt(facts: Iterable[DossierFact], start: datetime, end: datetime) -> KsttReport:
    """Biểu 06 for the period ``[start, end)``: the reference definition.

    - received in the period: counted as online (channel 2) or direct/postal (1, 3);
    - carried over: received before ``start`` and not finished before ``start``;
    - resolved: processing ended in the period, classified early / on time / late against the
      legal (original) due moment, more than one supplement request counting as late;
    - pending: not finished at ``end``; overdue per :func:`pending_overdue`.
    Dossiers received after the period or finished before it do not appear.
    """
    rows: dict[str, KsttRow] = {}
    for f in facts:
        if f.received_at >= end or (f.finished_at is not None and f.finished_at < start):
            continue
        row = rows.get(f.field)
        if row is None:
            row = rows[f.field] = KsttRow(f.field)
        row.received_total += 1
        if f.received_at < start:
            row.carried_over += 1
        elif f.channel == ONLINE_CHANNEL:
            row.received_online += 1
        else:
            row.received_direct_postal += 1
        if f.finished_at is not None and f.finished_at < end:
            row.resolved_total += 1
            result = timeliness(f.finished_at, f.original_due_at, f.supplement_count)
            if result is Timeliness.EARLY:
                row.resolved_early += 1
            elif result is Timeliness.ON_TIME:
                row.resolved_on_time += 1
            else:
                row.resolved_late += 1
        else:
            row.pending_total += 1
            if pending_overdue(f, end):
                row.pending_overdue += 1
            else:
                row.pending_within += 1
    return assemble(rows.values(), start, end)


# ------------------------------------------------------ Decision 766 indicators


@dataclass(frozen=True)
class IndicatorCounts:
    """The counts the Decision 766 indicators are computed from, for one period.

    From Biểu 06: ``handled`` (received_total: new + carried over), ``handled_on_time``
    (resolved early or on time + pending within the deadline), ``received_new`` and
    ``received_online`` (new in the period). Beyond it, among the dossiers whose processing
    ended in the period with a result (``results``): with an electronic result, fully
    digitized (every component and the result); among the new ones whose components are
    recorded (``received_with_components``: a desk's own dossiers; an upstream database gets no
    components in the packages): reusing digitized data; among those resolved in the period:
    rated, rated "không hài lòng".
    """

    handled: int = 0
    handled_on_time: int = 0
    received_new: int = 0
    received_online: int = 0
    results: int = 0
    results_electronic: int = 0
    results_fully_digitized: int = 0
    received_with_components: int = 0
    received_reused: int = 0
    rated: int = 0
    not_satisfied: int = 0

    @property
    def handled_overdue(self) -> int:
        return self.handled - self.handled_on_time

    def add(self, other: IndicatorCounts) -> IndicatorCounts:
        return IndicatorCounts(
            **{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)}
        )

    def as_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def combine(cls, kstt_total: KsttRow, extra: IndicatorCounts) -> IndicatorCounts:
        """The Biểu 06 part from a KSTT total row, the rest from ``extra``."""
        t = kstt_total
        return cls(
            handled=t.received_total,
            handled_on_time=t.resolved_early + t.resolved_on_time + t.pending_within,
            received_new=t.received_online + t.received_direct_postal,
            received_online=t.received_online,
            results=extra.results,
            results_electronic=extra.results_electronic,
            results_fully_digitized=extra.results_fully_digitized,
            received_with_components=extra.received_with_components,
            received_reused=extra.received_reused,
            rated=extra.rated,
            not_satisfied=extra.not_satisfied,
        )


def indicator_counts(
    facts: Iterable[DossierFact], start: datetime, end: datetime
) -> IndicatorCounts:
    """The counts of :class:`IndicatorCounts` over ``[start, end)``, dossier by dossier (the
    reference the SQL of ``report_queries.indicator_rows`` is tested against)."""
    facts = list(facts)
    total = kstt(facts, start, end).total
    results = electronic = digitized = with_components = reused = rated = unhappy = 0
    for f in facts:
        if start <= f.received_at < end and f.has_components:
            with_components += 1
            reused += f.reused
        if f.finished_at is None or not start <= f.finished_at < end:
            continue
        if f.rating:
            rated += 1
            unhappy += f.rating == NOT_SATISFIED
        if f.status in RESULT_STATUSES:
            results += 1
            electronic += f.result_electronic
            digitized += f.inputs_digitized and (f.result_digitized or f.result_electronic)
    extra = IndicatorCounts(
        results=results,
        results_electronic=electronic,
        results_fully_digitized=digitized,
        received_with_components=with_components,
        received_reused=reused,
        rated=rated,
        not_satisfied=unhappy,
    )
    return IndicatorCounts.combine(total, extra)


@dataclass(frozen=True)
class Indicator:
    """One Decision 766 indicator of a period: a percentage (``None`` when nothing to measure),
    its full-mark threshold if domain.md gives one, and how it was computed."""

    code: str
    name: str
    value: float | None  # percent, unrounded
    threshold: float | None  # full marks at value >= threshold (percent)
    numerator: int | None
    denominator: int | None
    definition: str
    detail: str = ""

    @property
    def full_marks(self) -> bool | None:
        if self.value is None or self.threshold is None:
            return None
        return self.value >= self.threshold - 1e-9

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "name": self.name,
            "value": None if self.value is None else round(self.value, 2),
            "threshold": self.threshold,
            "full_marks": self.full_marks,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "definition": self.definition,
            "detail": self.detail,
        }


def percent(numerator: int, denominator: int) -> float | None:
    return None if denominator <= 0 else 100.0 * numerator / denominator


def format_percent(value: float | None) -> str:
    """ "87,50 %" (Vietnamese decimal comma); "—" when there is nothing to measure."""
    if value is None:
        return "—"
    return f"{value:.2f}".replace(".", ",") + " %"


def _ratio(code: str, name: str, num: int, den: int, threshold: float | None,
           definition: str) -> Indicator:  # fmt: skip
    return Indicator(code, name, percent(num, den), threshold, num, den, definition,
                     f"{num}/{den}")  # fmt: skip


INDICATOR_NAMES = {
    "2.1": "Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn",
    "3.3": "Tỷ lệ hồ sơ tiếp nhận trực tuyến",
    "4.1": "Tỷ lệ hồ sơ có kết quả giải quyết điện tử",
    "4.2": "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC",
    "4.3": "Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa",
    "5.4": "Mức độ hài lòng trong tiếp nhận, giải quyết TTHC",
}


def indicators(c: IndicatorCounts) -> tuple[Indicator, ...]:
    """Decision 766/QĐ-TTg indicators computable from desk data (domain.md §6–7):

    - 2.1: (resolved early or on time + pending within the deadline) ÷ handled (received in the
      period or carried over); supplement waits excluded, more than one request is overdue;
    - 3.3: received online ÷ newly received; full marks at ≥ 50 %;
    - 4.1: results issued electronically ÷ results of the period;
    - 4.2: results of the period with every component and the result digitized (an electronic
      result counts as digitized) ÷ results of the period; full marks at ≥ 80 %;
    - 4.3: newly received dossiers reusing digitized data ÷ newly received dossiers whose
      components are recorded (none upstream: no value there); full marks ≥ 80 %;
    - 5.4: 100 % − (overdue rate + share rated "không hài lòng" among the rated dossiers
      resolved in the period), not below 0; full marks at ≥ 90 %. The overdue rate is
      100 % − 2.1; complaints are not recorded at the desk and count as none.
    """
    on_time = _ratio(
        "2.1", INDICATOR_NAMES["2.1"], c.handled_on_time, c.handled, None,
        "(Số hồ sơ đã giải quyết trước hạn, đúng hạn + số hồ sơ đang giải quyết trong hạn) / "
        "tổng số hồ sơ nhận giải quyết trong kỳ (kể cả kỳ trước chuyển qua). Không tính thời "
        "gian chờ bổ sung; hồ sơ yêu cầu bổ sung quá một lần tính là quá hạn.",
    )  # fmt: skip
    online = _ratio(
        "3.3", INDICATOR_NAMES["3.3"], c.received_online, c.received_new, 50.0,
        "Số hồ sơ tiếp nhận trực tuyến / tổng số hồ sơ mới tiếp nhận trong kỳ.",
    )  # fmt: skip
    electronic = _ratio(
        "4.1", INDICATOR_NAMES["4.1"], c.results_electronic, c.results, None,
        "Số hồ sơ có kết quả giải quyết điện tử / số hồ sơ có kết quả giải quyết trong kỳ.",
    )  # fmt: skip
    digitized = _ratio(
        "4.2", INDICATOR_NAMES["4.2"], c.results_fully_digitized, c.results, 80.0,
        "Số hồ sơ có kết quả trong kỳ đã số hóa đủ thành phần hồ sơ và kết quả (kết quả điện tử "
        "tính là đã số hóa) / số hồ sơ có kết quả giải quyết trong kỳ.",
    )  # fmt: skip
    reuse = _ratio(
        "4.3", INDICATOR_NAMES["4.3"], c.received_reused, c.received_with_components, 80.0,
        "Số hồ sơ mới tiếp nhận có sử dụng lại dữ liệu đã số hóa / số hồ sơ mới tiếp nhận trong "
        "kỳ có ghi nhận thành phần hồ sơ.",
    )  # fmt: skip
    if c.received_with_components == 0 and c.received_new > 0:
        reuse = replace(reuse, detail="Không có dữ liệu thành phần hồ sơ")
    overdue_rate = percent(c.handled_overdue, c.handled)
    unhappy_rate = percent(c.not_satisfied, c.rated)
    satisfaction = None
    if overdue_rate is not None:
        satisfaction = max(0.0, 100.0 - (overdue_rate + (unhappy_rate or 0.0)))
    detail = (
        f"100 % − ({format_percent(overdue_rate)} quá hạn + "
        f"{format_percent(unhappy_rate or 0.0)} không hài lòng: {c.not_satisfied}/{c.rated} "
        f"lượt đánh giá)"
    )
    happy = Indicator(
        "5.4",
        INDICATOR_NAMES["5.4"],
        satisfaction,
        90.0,
        None,
        None,
        "100 % − (tỷ lệ hồ sơ quá hạn + tỷ lệ đánh giá không hài lòng trong số hồ sơ đã giải "
        "quyết trong kỳ có đánh giá). Phản ánh, kiến nghị không được ghi nhận tại Bộ phận Một "
        "cửa (tính bằng 0).",
        detail,
    )
    return (on_time, online, electronic, digitized, reuse, happy)
