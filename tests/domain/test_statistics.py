"""Biểu số 06/VPCP/KSTT: classification and the report identities (domain.md §7)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from mohao_desk.domain.statistics import DossierFact, kstt

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
