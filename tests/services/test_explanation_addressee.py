"""The explanation report is addressed to the upstream office by its full name: the one its
configuration package sent, else the unit's parent body when that is the office, else the
regime's generic name."""

from __future__ import annotations

from datetime import date, datetime

from mohao_desk.services.reports import ReportService
from mohao_desk.store import queries as q


def test_addressee_follows_the_upstream_offices_name(make_desk) -> None:
    desk = make_desk(datetime(2026, 11, 26, 9, 0))
    period = (date(2026, 11, 1), date(2026, 11, 26))
    # Regime B (after 07/2025): the province; the unit's parent is still the old town.
    assert ReportService(desk).explanation_data(*period).addressee == "Ủy ban nhân dân tỉnh"
    with desk.db.begin() as conn:
        q.put_setting(conn, "upstream_office", "Ủy ban nhân dân tỉnh Hưng Yên")
    assert (
        ReportService(desk).explanation_data(*period).addressee == "Ủy ban nhân dân tỉnh Hưng Yên"
    )
    # Regime A (before 07/2025): the town, named from the unit's parent body.
    spring = (date(2025, 3, 1), date(2025, 3, 31))
    assert ReportService(desk).explanation_data(*spring).addressee == (
        "Ủy ban nhân dân thị xã Mỹ Hào"
    )
