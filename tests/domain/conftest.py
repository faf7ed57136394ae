"""Fixtures of the domain tests: the Vietnamese working-day calendar, built once per module."""

from __future__ import annotations

import pytest

from mohao_desk.domain.calendar import WorkCalendar, vietnam_calendar


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    """The public calendar of Vietnam (holidays VN), default office hours, 2015–2040."""
    return vietnam_calendar()
