"""The SQL aggregations of the period statistics (``report_queries.kstt_counts``,
``indicator_extra``) equal the reference definitions of the domain (``statistics.kstt``,
``indicator_counts``), dossier by dossier: on crafted edge cases with the class each one must
get, and on a demo database split over several units, for many periods."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import insert, select, text, update

from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.periods import report_period
from mohao_desk.domain.statistics import (
    KSTT_COLUMNS,
    DossierFact,
    IndicatorCounts,
    KsttRow,
    kstt,
)
from mohao_desk.services.demo import fill_demo
from mohao_desk.services.desk import Desk
from mohao_desk.services.statistics import StatisticsService
from mohao_desk.store import queries as q
from mohao_desk.store import report_queries as rq
from mohao_desk.store.db import Database, open_database
from mohao_desk.store.schema import component, dossier, unit
from tests.conftest import FakeClock

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
T = datetime
MAY = (date(2024, 5, 1), date(2024, 5, 31))
START, END = T(2024, 5, 1), T(2024, 6, 1)


def rows_of(report) -> list[dict]:
    return [r.as_dict() for r in report.rows]


def assert_same(fast, reference) -> None:
    assert rows_of(fast) == rows_of(reference)
    assert fast.total.as_dict() == reference.total.as_dict()
    assert all(r.identities_hold() for r in [*fast.rows, fast.total])


# ------------------------------------------------------------- crafted cases


@dataclass(frozen=True)
class Case:
    name: str
    received: datetime
    due: datetime
    finished: datetime | None = None
    expected: tuple[str, str] | None = None  # (origin, outcome); None: outside the period
    channel: str = "1"
    supplements: int = 0
    paused: datetime | None = None
    status: str = ""

    def fact(self) -> DossierFact:
        status = self.status or ("returned" if self.finished else "processing")
        return DossierFact("Hộ tịch", self.channel, self.received, self.due, self.finished,
                           self.supplements, paused_at=self.paused, status=status)  # fmt: skip


ON, DIRECT, CARRIED = "received_online", "received_direct_postal", "carried_over"
EARLY, ON_TIME, LATE = "resolved_early", "resolved_on_time", "resolved_late"
WITHIN, OVERDUE = "pending_within", "pending_overdue"
R = T(2024, 5, 6, 9)  # received, a Monday
DUE = T(2024, 5, 10, 9)  # Friday 09:00

CASES = [
    Case("finished exactly at the due moment", R, DUE, DUE, (DIRECT, ON_TIME)),
    Case("on the due day, a second after the due moment", R, DUE, DUE + timedelta(seconds=1),
         (DIRECT, LATE)),
    Case("on the due day, a minute after", R, DUE, T(2024, 5, 10, 9, 1), (DIRECT, LATE)),
    Case("the day before at 23:59 local", R, DUE, T(2024, 5, 9, 23, 59), (ON, EARLY), "2"),
    Case("the day before at 23:59:59 local", R, DUE, T(2024, 5, 9, 23, 59, 59), (DIRECT, EARLY)),
    # 00:30 local on the due day is 17:30 UTC the day before: by UTC days it would be early.
    Case("due day just after local midnight", R, DUE, T(2024, 5, 10, 0, 30), (DIRECT, ON_TIME)),
    # Due 06:00 local (23:00 UTC the day before); finished 08:00 local the day before (01:00
    # UTC the same UTC day as the due moment): early by local days, on time by UTC days.
    Case("early by local days, not by UTC days", R, T(2024, 5, 10, 6), T(2024, 5, 9, 8),
         (DIRECT, EARLY), "3"),
    Case("two supplement requests, finished early", R, DUE, T(2024, 5, 8, 9), (DIRECT, LATE),
         supplements=2),
    Case("one supplement request, finished early", R, DUE, T(2024, 5, 8, 9), (DIRECT, EARLY),
         supplements=1),
    Case("two supplement requests, pending before due", T(2024, 5, 27, 9), T(2024, 6, 5, 9),
         None, (DIRECT, OVERDUE), supplements=2),
    Case("carried over, finished in the period", T(2024, 4, 25, 9), T(2024, 5, 2, 9),
         T(2024, 5, 2, 8), (CARRIED, ON_TIME)),
    Case("carried over, still pending, overdue", T(2024, 4, 25, 9), T(2024, 5, 2, 9), None,
         (CARRIED, OVERDUE), "2"),
    Case("carried over, finished after the period", T(2024, 4, 29, 9), T(2024, 6, 3, 9),
         T(2024, 6, 2, 9), (CARRIED, WITHIN)),
    Case("pending, due at the last second of the period", T(2024, 5, 27, 9),
         T(2024, 5, 31, 23, 59, 59), None, (DIRECT, OVERDUE)),
    Case("pending, due at the first moment after the period", T(2024, 5, 27, 9),
         T(2024, 6, 1), None, (ON, WITHIN), "2"),
    Case("received at the first second of the period", T(2024, 5, 1), T(2024, 5, 3, 17), None,
         (DIRECT, OVERDUE)),
    Case("received at the last second before it", T(2024, 4, 30, 23, 59, 59),
         T(2024, 5, 3, 17), T(2024, 5, 1), (CARRIED, EARLY)),
    Case("received at the first moment after it", T(2024, 6, 1), T(2024, 6, 4, 17)),
    Case("finished at the last second before it", T(2024, 4, 20, 9), T(2024, 5, 3, 9),
         T(2024, 4, 30, 23, 59, 59)),
    Case("finished at the first second of the period", T(2024, 4, 20, 9), T(2024, 5, 3, 9),
         T(2024, 5, 1), (CARRIED, EARLY)),
    Case("finished at the last second of the period", T(2024, 5, 29, 9), T(2024, 6, 3, 9),
         T(2024, 5, 31, 23, 59, 59), (DIRECT, EARLY)),
    Case("finished at the first moment after it", T(2024, 5, 29, 9), T(2024, 6, 3, 9),
         T(2024, 6, 1), (DIRECT, WITHIN)),
    Case("waiting for a supplement since before the due moment", R, DUE, None, (DIRECT, WITHIN),
         supplements=1, paused=T(2024, 5, 8, 10), status="waiting_supplement"),
    Case("waiting for a supplement asked after the due moment", R, DUE, None, (DIRECT, OVERDUE),
         supplements=1, paused=T(2024, 5, 13, 10), status="waiting_supplement"),
    Case("waiting since after the period: running at its end", T(2024, 5, 27, 9),
         T(2024, 5, 30, 9), None, (DIRECT, OVERDUE), supplements=1, paused=T(2024, 6, 3, 8),
         status="waiting_supplement"),
    Case("withdrawn in the period, before the due day", R, DUE, T(2024, 5, 7, 9),
         (DIRECT, EARLY), status="withdrawn"),
    Case("refused in the period, after the due moment", R, DUE, T(2024, 5, 14, 9),
         (DIRECT, LATE), status="refused"),
]  # fmt: skip


def _insert(db: Database, cases: list[Case], unit_id: int | None = None) -> list[int]:
    with db.begin() as conn:
        own = q.own_unit(conn)
        procedure_id = next(pid for pid, p in q.list_procedures(conn) if p.field == "Hộ tịch")
        ids = []
        for n, c in enumerate(cases):
            aware = {k: (v.replace(tzinfo=ZONE) if v else None) for k, v in {
                "received_at": c.received, "due_at": c.due, "original_due_at": c.due,
                "finished_at": c.finished, "paused_at": c.paused}.items()}  # fmt: skip
            result = conn.execute(
                insert(dossier).values(
                    code=f"CASE-{unit_id or 0}-{n:03d}",
                    unit_id=unit_id or own.id,
                    procedure_id=procedure_id,
                    regime_code="A",
                    applicant_name="Nguyễn Văn An",
                    search_key="nguyen van an",
                    channel=c.channel,
                    status=c.fact().status,
                    supplement_count=c.supplements,
                    updated_at=datetime.now(ZONE),
                    **aware,
                )
            )
            ids.append(int(result.inserted_primary_key[0]))
    return ids


def _sql_class(db: Database, dossier_id: int) -> tuple[str, str] | None:
    s = int(START.replace(tzinfo=ZONE).timestamp())
    e = int(END.replace(tzinfo=ZONE).timestamp())
    with db.read() as conn:
        touching = conn.execute(
            select(dossier.c.id).where(dossier.c.id == dossier_id, *rq._touching(s, e, None))
        ).first()
        if touching is None:
            return None
        klass = conn.execute(
            select(rq.kstt_class(s, e, 7 * 3600)).where(dossier.c.id == dossier_id)
        ).scalar_one()
    return rq.decode_class(int(klass))


def _reference_class(case: Case) -> tuple[str, str] | None:
    report = kstt([case.fact()], START, END)
    if not report.rows:
        return None
    found = [name for name in KSTT_COLUMNS if getattr(report.total, name) == 1]
    origin = next(n for n in found if n in (ON, DIRECT, CARRIED))
    outcome = next(n for n in found if n in (EARLY, ON_TIME, LATE, WITHIN, OVERDUE))
    return origin, outcome


@pytest.fixture
def crafted(db: Database) -> tuple[Desk, list[int]]:
    ids = _insert(db, CASES)
    return Desk(db, clock=FakeClock(T(2024, 6, 20, 9))), ids


@pytest.mark.parametrize("n", range(len(CASES)), ids=[c.name for c in CASES])
def test_each_crafted_case_gets_its_class_in_sql_and_in_the_domain(crafted, n: int) -> None:
    desk, ids = crafted
    case = CASES[n]
    assert _reference_class(case) == case.expected
    assert _sql_class(desk.db, ids[n]) == case.expected


def test_crafted_cases_add_up_the_same(crafted) -> None:
    desk, _ = crafted
    stats = StatisticsService(desk)
    fast = stats.kstt(*MAY)
    assert_same(fast, stats.kstt_reference(*MAY))
    expected = KsttRow("Hộ tịch")
    for case in CASES:
        if case.expected:
            for name in case.expected:
                setattr(expected, name, getattr(expected, name) + 1)
    assert fast.rows[0].numbers()[1:4] == (expected.received_online,
                                           expected.received_direct_postal,
                                           expected.carried_over)  # fmt: skip
    by_outcome = fast.rows[0]
    for name in (EARLY, ON_TIME, LATE, WITHIN, OVERDUE):
        assert getattr(by_outcome, name) == getattr(expected, name), name
    counts = stats.indicators(*MAY).counts
    assert counts == stats.indicator_counts_reference(*MAY)
    # No component rows (as in an upstream database): reuse is not measured, not 0 %.
    assert counts.received_with_components == 0 and counts.received_new > 0
    assert stats.indicators(*MAY).items[4].value is None
    # A period still running is measured now: a dossier due later today is not yet overdue.
    running = Desk(desk.db, clock=FakeClock(T(2024, 5, 31, 12)))
    stats = StatisticsService(running)
    now_report = stats.kstt(*MAY)
    assert now_report.end == T(2024, 5, 31, 12)
    assert_same(now_report, stats.kstt_reference(*MAY))
    assert now_report.as_dict()["to"] == "2024-05-31"


def test_a_period_starting_in_the_future_or_too_long_is_refused(crafted) -> None:
    desk, _ = crafted
    stats = StatisticsService(desk)
    with pytest.raises(DeskError, match="tương lai"):
        stats.kstt(date(2024, 7, 1), date(2024, 7, 31))
    with pytest.raises(DeskError, match="tối đa 3 năm"):
        stats.kstt(date(2020, 1, 1), date(2024, 1, 1))
    with pytest.raises(DeskError, match="trước ngày bắt đầu"):
        stats.kstt(date(2024, 5, 31), date(2024, 5, 1))
    with pytest.raises(DeskError, match="Không có đơn vị"):
        stats.kstt(*MAY, unit="000.00.00.X99")


def test_a_zone_with_daylight_saving_is_computed_the_reference_way(db: Database) -> None:
    _insert(db, CASES)
    with db.begin() as conn:
        conn.execute(update(unit).values(timezone="Europe/Paris"))
    desk = Desk(db, clock=FakeClock(T(2024, 6, 20, 9)))
    stats = StatisticsService(desk)
    # March 2024 has Paris's change to summer time: no single offset.
    assert stats._offset(stats.unit(None), T(2024, 3, 1), T(2024, 4, 1)) is None
    assert stats._offset(stats.unit(None), START, END) == 7200
    march = stats.kstt(date(2024, 3, 1), date(2024, 5, 31))
    assert_same(march, stats.kstt_reference(date(2024, 3, 1), date(2024, 5, 31)))
    assert_same(stats.kstt(*MAY), stats.kstt_reference(*MAY))


# -------------------------------------------------------- a demo, many units

NOW = T(2024, 11, 20, 14, 30)
SECOND_UNIT, THIRD_UNIT = "000.31.22.H32", "000.31.22.H33"


@pytest.fixture(scope="module")
def upstream(new_module_database):
    """A demo desk whose dossiers are then split over three units, as in an upstream office's
    database (every third dossier to a second unit, every seventh to a third)."""
    db = open_database(new_module_database("units"))
    fill_demo(db, dossiers=6000, seed=11, now=NOW, backlog=300)
    with db.begin() as conn:
        ids = []
        for code, name in ((SECOND_UNIT, "Ủy ban nhân dân phường Dị Sử"),
                           (THIRD_UNIT, "Ủy ban nhân dân phường Phùng Chí Kiên")):  # fmt: skip
            result = conn.execute(
                insert(unit).values(
                    code=code,
                    name=name,
                    parent_name="Ủy ban nhân dân thị xã Mỹ Hào",
                    place_name="Mỹ Hào",
                    is_own=False,
                    created_at=datetime.now(ZONE),
                )
            )
            ids.append(int(result.inserted_primary_key[0]))
        conn.execute(update(dossier).where(text("dossier.id % 3 = 0")).values(unit_id=ids[0]))
        conn.execute(update(dossier).where(text("dossier.id % 7 = 0")).values(unit_id=ids[1]))
        # Some reuse of digitized data among the recent dossiers.
        conn.execute(update(component).where(text("component.id % 5 = 0")).values(reused=True))
    yield Desk(db, clock=FakeClock(NOW))
    db.close()


def _periods() -> list[tuple[date, date]]:
    months = [report_period("month", 2024, n) for n in range(1, 12)]
    months += [report_period("month", 2023, n) for n in (11, 12)]
    cutoffs = [report_period("cutoff", 2024, n) for n in (1, 6, 11)]
    others = [report_period("quarter", 2024, 2), report_period("cutoff-year", 2024),
              report_period("year", 2024)]  # fmt: skip
    spans = [(p.first, p.last) for p in [*months, *cutoffs, *others]]
    return [*spans, (date(2024, 11, 20), date(2024, 11, 20)), (date(2023, 11, 1), NOW.date())]


@pytest.mark.parametrize("unit_code", [None, "000.31.22.H31", SECOND_UNIT, THIRD_UNIT])
def test_sql_equals_the_reference_on_demo_data(upstream: Desk, unit_code: str | None) -> None:
    stats = StatisticsService(upstream)
    for first, last in _periods():
        fast = stats.kstt(first, last, unit=unit_code)
        assert_same(fast, stats.kstt_reference(first, last, unit=unit_code))
        assert fast.unit_code == unit_code
        counts = stats.indicators(first, last, unit=unit_code).counts
        assert counts == stats.indicator_counts_reference(first, last, unit=unit_code)


def test_the_demo_has_every_kind_of_dossier(upstream: Desk) -> None:
    """The equality above means something: each column is used."""
    report = StatisticsService(upstream).kstt(date(2024, 10, 15), date(2024, 11, 14))
    assert all(getattr(report.total, name) > 0 for name in KSTT_COLUMNS)
    counts = StatisticsService(upstream).indicators(date(2024, 1, 1), date(2024, 10, 31)).counts
    assert all(value > 0 for value in counts.as_dict().values())


def test_units_add_up_to_the_total(upstream: Desk) -> None:
    stats = StatisticsService(upstream)
    for first, last in _periods()[::3]:
        total = stats.kstt(first, last)
        by_unit = stats.kstt_by_unit(first, last)
        assert {u.code for u, _ in by_unit} <= {"000.31.22.H31", SECOND_UNIT, THIRD_UNIT}
        summed: dict[str, KsttRow] = {}
        grand = KsttRow("Tổng cộng")
        for ref, report in by_unit:
            assert_same(report, stats.kstt(first, last, unit=ref.code))
            for row in report.rows:
                summed.setdefault(row.field, KsttRow(row.field)).add(row)
            grand.add(report.total)
        assert [summed[r.field].as_dict() for r in total.rows] == rows_of(total)
        assert grand.as_dict() == total.total.as_dict()
        indicators = stats.indicators(first, last, by_unit=True)
        unit_sum = IndicatorCounts()
        for _, unit_report in indicators.units:
            unit_sum = unit_sum.add(unit_report.counts)
        assert unit_sum == indicators.counts


def test_the_dashboard_equals_its_parts(upstream: Desk) -> None:
    """The upstream dashboard's figures (its two aggregations on two connections at once)
    are Biểu 06 by unit and the indicators by unit as asked for one by one."""
    stats = StatisticsService(upstream)
    for first, last in _periods()[::4]:
        by_unit, indicators = stats.dashboard(first, last)
        expected = stats.kstt_by_unit(first, last)
        assert [u for u, _ in by_unit] == [u for u, _ in expected]
        for (_, got), (_, want) in zip(by_unit, expected, strict=True):
            assert_same(got, want)
        alone = stats.indicators(first, last, by_unit=True)
        assert indicators.counts == alone.counts
        assert indicators.items == alone.items
        assert [(u, r.counts, r.items) for u, r in indicators.units] == [
            (u, r.counts, r.items) for u, r in alone.units
        ]
        assert indicators.units  # the comparison is of something


def test_next_periods_carried_over_is_this_periods_pending(upstream: Desk) -> None:
    stats = StatisticsService(upstream)
    months = [report_period("cutoff", 2024, n) for n in range(1, 12)]
    for a, b in itertools.pairwise(months):
        first, second = stats.kstt(a.first, a.last), stats.kstt(b.first, b.last)
        assert second.total.carried_over == first.total.pending_total
        pending = {r.field: r.pending_total for r in first.rows}
        assert {r.field: r.carried_over for r in second.rows if r.carried_over} == {
            f: n for f, n in pending.items() if n
        }


def test_facts_need_no_personal_data(upstream: Desk) -> None:
    facts: Callable = StatisticsService(upstream).facts
    sample = facts(date(2024, 11, 1), date(2024, 11, 20))[0]
    assert not any("applicant" in name for name in sample.__dataclass_fields__)
