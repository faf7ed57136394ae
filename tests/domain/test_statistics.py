"""Biểu số 06/VPCP/KSTT: classification and the report identities (domain.md §7)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from mohao_desk.domain.statistics import (
    DossierFact,
    IndicatorCounts,
    KsttRow,
    format_percent,
    indicator_counts,
    indicators,
    kstt,
    pending_overdue,
)

T = datetime
START, END = T(2024, 5, 1), T(2024, 6, 1)


def fact(received, due, finished=None, channel="1", field="Hộ tịch", supplements=0):
    return DossierFact(field, channel, received, due, finished, supplements)


def test_each_kind_of_dossier_lands_in_its_column() -> None:
    facts = [
        fact(T(2024, 5, 6, 9), T(2024, 5, 9, 9), T(2024, 5, 8, 10), channel="2"),  # early
        fact(T(2024, 5, 6, 9), T(2024, 5, 9, 9), T(2024, 5, 9, 8, 59)),  # on time (due day)
        fact(T(2024, 5, 6, 9), T(2024, 5, 9, 9), T(2024, 5, 9, 9, 1), channel="3"),  # late
        fact(T(2024, 5, 6, 9), T(2024, 5, 20, 9), T(2024, 5, 8), supplements=2),  # late (2 req.)
        fact(T(2024, 4, 25, 9), T(2024, 5, 7, 9)),  # carried over, pending overdue
        fact(T(2024, 5, 27, 9), T(2024, 6, 3, 9)),  # pending within
        fact(T(2024, 5, 27, 9), T(2024, 6, 3, 9), T(2024, 6, 2)),  # finished after: pending
        fact(T(2024, 4, 1, 9), T(2024, 4, 4, 9), T(2024, 4, 30)),  # finished before: absent
        fact(T(2024, 6, 1, 0), T(2024, 6, 4, 9)),  # received after: absent
        fact(T(2024, 5, 2, 9), T(2024, 5, 5, 9), field="Chứng thực"),  # other field, overdue
    ]
    report = kstt(facts, START, END)
    assert [r.field for r in report.rows] == ["Chứng thực", "Hộ tịch"]
    h = report.rows[1]
    assert (h.received_total, h.received_online, h.received_direct_postal, h.carried_over) == (
        7, 1, 5, 1,
    )  # fmt: skip
    assert (h.resolved_total, h.resolved_early, h.resolved_on_time, h.resolved_late) == (
        4, 1, 1, 2,
    )  # fmt: skip
    assert (h.pending_total, h.pending_within, h.pending_overdue) == (3, 2, 1)
    assert report.total.received_total == 8
    assert report.total.pending_overdue == 2
    assert all(r.identities_hold() for r in [*report.rows, report.total])


def test_identities_and_carry_over_on_random_data() -> None:
    rng = random.Random(5)
    facts = []
    for _ in range(3000):
        received = T(2024, 1, 1) + timedelta(minutes=rng.randrange(0, 300 * 24 * 60))
        due = received + timedelta(hours=rng.randrange(1, 400))
        finished = None
        if rng.random() < 0.85:
            finished = received + timedelta(hours=rng.randrange(1, 600))
        facts.append(
            fact(received, due, finished, channel=rng.choice("123"),
                 field=rng.choice(["Hộ tịch", "Chứng thực", "Bảo trợ xã hội"]),
                 supplements=rng.choice([0, 0, 0, 1, 2]))
        )  # fmt: skip
    months = [T(2024, m, 1) for m in range(2, 11)]
    for a, b, c in zip(months, months[1:], months[2:], strict=False):
        first, second = kstt(facts, a, b), kstt(facts, b, c)
        assert all(r.identities_hold() for r in [*first.rows, first.total])
        # Next period's carried over = this period's pending.
        assert second.total.carried_over == first.total.pending_total
        by_field = {r.field: r.pending_total for r in first.rows}
        for row in second.rows:
            assert row.carried_over == by_field.get(row.field, 0)


# ------------------------------------------------- supplement pause at the end


def test_a_dossier_waiting_for_a_supplement_is_judged_at_its_pause() -> None:
    """The clock stops while the applicant supplements (domain.md §3): a dossier still
    waiting at the end of the period is overdue only if the request came after its due."""
    due = T(2024, 5, 10, 9)
    waiting_before_due = DossierFact("Hộ tịch", "1", T(2024, 5, 6, 9), due, None, 1,
                                     paused_at=T(2024, 5, 8, 10))  # fmt: skip
    waiting_after_due = DossierFact("Hộ tịch", "1", T(2024, 5, 6, 9), due, None, 1,
                                    paused_at=T(2024, 5, 13, 10))  # fmt: skip
    paused_after_the_period = DossierFact("Hộ tịch", "1", T(2024, 5, 6, 9), due, None, 1,
                                          paused_at=T(2024, 6, 3, 8))  # fmt: skip
    running = DossierFact("Hộ tịch", "1", T(2024, 5, 6, 9), due, None, 1)
    twice = DossierFact("Hộ tịch", "1", T(2024, 5, 6, 9), T(2024, 6, 20, 9), None, 2,
                        paused_at=T(2024, 5, 8, 10))  # fmt: skip
    assert not pending_overdue(waiting_before_due, END)
    assert pending_overdue(waiting_after_due, END)
    assert pending_overdue(paused_after_the_period, END)  # running at the end, past due
    assert pending_overdue(running, END)
    assert pending_overdue(twice, END)  # more than one request: overdue whatever the clock
    row = kstt([waiting_before_due, waiting_after_due, running], START, END).rows[0]
    assert (row.pending_total, row.pending_within, row.pending_overdue) == (3, 1, 2)


def test_row_from_counts_fills_the_totals() -> None:
    row = KsttRow.from_counts(
        "Hộ tịch", received_online=3, received_direct_postal=5, carried_over=2,
        resolved_early=1, resolved_on_time=4, resolved_late=2, pending_within=2,
        pending_overdue=1,
    )  # fmt: skip
    assert (row.received_total, row.resolved_total, row.pending_total) == (10, 7, 3)
    assert row.identities_hold()
    assert row.numbers() == (10, 3, 5, 2, 7, 1, 4, 2, 3, 2, 1)


# ------------------------------------------------------ Decision 766 indicators


def _by_code(items):
    return {i.code: i for i in items}


def test_indicators_with_concrete_numbers() -> None:
    counts = IndicatorCounts(
        handled=200, handled_on_time=180, received_new=150, received_online=90, results=120,
        results_electronic=30, results_fully_digitized=100, received_with_components=150,
        received_reused=60, rated=40, not_satisfied=2,
    )  # fmt: skip
    got = _by_code(indicators(counts))
    assert list(got) == ["2.1", "3.3", "4.1", "4.2", "4.3", "5.4"]
    assert got["2.1"].value == 90.0 and got["2.1"].full_marks is None
    assert (got["2.1"].numerator, got["2.1"].denominator) == (180, 200)
    assert got["3.3"].value == 60.0 and got["3.3"].threshold == 50.0 and got["3.3"].full_marks
    assert got["4.1"].value == 25.0 and got["4.1"].full_marks is None
    assert round(got["4.2"].value, 4) == 83.3333 and got["4.2"].full_marks
    assert got["4.3"].value == 40.0 and got["4.3"].full_marks is False
    # 5.4 = 100 % − (10 % overdue + 5 % "không hài lòng" of the rated) = 85 %: below 90 %.
    assert got["5.4"].value == 85.0 and got["5.4"].threshold == 90.0
    assert got["5.4"].full_marks is False
    assert "10,00 %" in got["5.4"].detail and "5,00 %" in got["5.4"].detail
    assert format_percent(got["4.2"].value) == "83,33 %"


def test_indicator_thresholds_are_inclusive_and_empty_periods_have_no_value() -> None:
    got = _by_code(indicators(IndicatorCounts(
        handled=100, handled_on_time=96, received_new=100, received_online=50, results=10,
        results_fully_digitized=8, received_with_components=100, received_reused=80, rated=25,
        not_satisfied=1,
    )))  # fmt: skip
    assert got["3.3"].value == 50.0 and got["3.3"].full_marks  # ≥ 50 %
    assert got["4.2"].value == 80.0 and got["4.2"].full_marks  # ≥ 80 %
    assert got["4.3"].value == 80.0 and got["4.3"].full_marks
    assert got["5.4"].value == 100 - (4 + 4) and got["5.4"].full_marks  # 92 % ≥ 90 %
    empty = _by_code(indicators(IndicatorCounts()))
    assert all(i.value is None and i.full_marks is None for i in empty.values())
    assert format_percent(None) == "—"
    # Nobody rated: only the overdue rate counts; never below 0 %.
    late = _by_code(indicators(IndicatorCounts(handled=10, handled_on_time=0, rated=4,
                                               not_satisfied=4)))  # fmt: skip
    assert late["5.4"].value == 0.0
    unrated = _by_code(indicators(IndicatorCounts(handled=10, handled_on_time=9)))
    assert unrated["5.4"].value == 90.0 and unrated["5.4"].full_marks
    # Upstream: the packages carry no components, so reuse cannot be measured (not 0 %).
    upstream = _by_code(indicators(IndicatorCounts(handled=10, received_new=10)))
    assert upstream["4.3"].value is None
    assert upstream["4.3"].detail == "Không có dữ liệu thành phần hồ sơ"


def test_indicator_counts_dossier_by_dossier() -> None:
    def f(received, due, finished=None, **kw):
        return DossierFact("Hộ tịch", kw.pop("channel", "1"), received, due, finished, **kw)

    facts = [
        # Result in the period, electronic and fully digitized; rated "rất hài lòng".
        f(T(2024, 5, 6, 9), T(2024, 5, 9, 9), T(2024, 5, 8, 10), status="returned",
          inputs_digitized=True, result_electronic=True, rating="rat_hai_long", channel="2",
          has_components=True, reused=True),
        # Result in the period, inputs digitized but the result not: not fully digitized.
        f(T(2024, 5, 6, 9), T(2024, 5, 9, 9), T(2024, 5, 10, 10), status="result_ready",
          inputs_digitized=True, rating="khong_hai_long", has_components=True),
        # Refused in the period: no result (not in 4.1/4.2), its rating still counts.
        f(T(2024, 5, 6, 9), T(2024, 5, 9, 9), T(2024, 5, 7, 10), status="refused",
          rating="hai_long"),
        # Carried over and pending: not new (3.3, 4.3), overdue (2.1).
        f(T(2024, 4, 20, 9), T(2024, 4, 25, 9), status="processing", has_components=True,
          reused=True),
        # Finished before the period: not counted at all.
        f(T(2024, 4, 1, 9), T(2024, 4, 4, 9), T(2024, 4, 3), status="returned",
          rating="khong_hai_long", result_electronic=True),
    ]  # fmt: skip
    c = indicator_counts(facts, START, END)
    assert (c.handled, c.handled_on_time, c.received_new, c.received_online) == (4, 2, 3, 1)
    assert (c.results, c.results_electronic, c.results_fully_digitized) == (2, 1, 1)
    assert (c.received_with_components, c.received_reused) == (2, 1)  # the refused: none
    assert (c.rated, c.not_satisfied) == (3, 1)
    assert c.handled_overdue == 2
