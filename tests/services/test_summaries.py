"""The bulk conversions of services/summaries.py against the one-by-one ones they replace."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mohao_desk.domain.deadline import Band, Countdown, Timeliness
from mohao_desk.domain.lifecycle import Channel, Status
from mohao_desk.services.summaries import DossierSummary, LocalTimes, _iso, _summary

ZONES = [
    "Asia/Ho_Chi_Minh",
    "Europe/Berlin",
    "America/New_York",
    "Australia/Lord_Howe",  # half-hour daylight saving
    "Pacific/Apia",  # skipped 30/12/2011
    "Asia/Kathmandu",  # +05:45
    "Europe/Dublin",  # negative daylight saving in the zone database
]


def _old(seconds: int, zone: ZoneInfo) -> datetime:
    return datetime.fromtimestamp(seconds, UTC).astimezone(zone).replace(tzinfo=None)


def _changes(zone: ZoneInfo, first: int, last: int) -> list[int]:
    """The UTC days of the years ``first``–``last`` on which the zone's offset changes."""
    days = []
    day = datetime(first, 1, 1, tzinfo=UTC)
    end = datetime(last + 1, 1, 1, tzinfo=UTC)
    before = day.astimezone(zone).utcoffset()
    while day < end:
        after = (day + timedelta(days=1)).astimezone(zone).utcoffset()
        if after != before:
            days.append(int(day.timestamp()) // 86400)
        before = after
        day += timedelta(days=1)
    return days


@pytest.mark.parametrize("name", ZONES)
def test_every_minute_around_every_change_of_the_clocks(name: str) -> None:
    """Every minute of the days around each change of the zone's offset since 1970 (and some
    days before), in one ``LocalTimes`` (its per-day cache shared, as in a list)."""
    zone = ZoneInfo(name)
    local = LocalTimes(zone)
    moments = []
    for day in _changes(zone, 1960, 2040):
        start = (day - 1) * 86400
        moments.extend(range(start, start + 3 * 86400, 60))
    assert moments or name == "Asia/Ho_Chi_Minh"
    assert local.column(moments) == [_old(s, zone) for s in moments]


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(ZONES),
    st.lists(
        st.one_of(st.none(), st.integers(-2_208_988_800, 4_102_444_800)), max_size=40
    ),  # 1900 to 2100
)
def test_any_moments(name: str, moments: list[int | None]) -> None:
    zone = ZoneInfo(name)
    local = LocalTimes(zone)
    expected = [None if s is None else _old(s, zone) for s in moments]
    assert local.column(moments) == expected
    assert [local(s) for s in moments] == expected  # the same again, from the cache


def test_iso_is_strftime() -> None:
    for moment in (
        datetime(2026, 12, 2, 9, 5, 59, 999999),
        datetime(1000, 1, 1),
        datetime(999, 12, 31, 23, 59),
        datetime(1, 1, 1),
        datetime(9999, 12, 31, 23, 59, 59),
        datetime(2026, 1, 1, tzinfo=UTC),
    ):
        assert _iso(moment) == moment.strftime("%Y-%m-%dT%H:%M")
    assert _iso(None) is None


def test_the_fast_summary_is_the_dataclass() -> None:
    values = {
        "code": "X-1",
        "procedure_code": "1.1",
        "procedure": "P",
        "field": "F",
        "applicant": "A",
        "phone": "",
        "channel": Channel.ONLINE,
        "received_at": datetime(2026, 1, 2, 9),
        "due_at": datetime(2026, 1, 9, 9),
        "original_due_at": datetime(2026, 1, 8, 9),
        "finished_at": None,
        "returned_at": None,
        "status": Status.PROCESSING,
        "officer": None,
        "supplement_count": 2,
        "apology_count": 1,
        "inputs_digitized": True,
        "result_digitized": False,
        "paused": False,
        "countdown": Countdown(-60, Band.OVERDUE, 28800),
        "timeliness": None,
        "appointment": Countdown(3600, Band.AT_RISK, 28800),
        "id": 7,
    }
    assert set(values) == {f.name for f in dataclasses.fields(DossierSummary)}
    fast, slow = _summary(**values), DossierSummary(**values)
    assert fast == slow and hash(fast) == hash(slow)
    assert fast.as_dict() == slow.as_dict()
    assert vars(fast) == vars(slow)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.code = "Y"  # type: ignore[misc]
    done = dataclasses.replace(slow, countdown=None, appointment=None, timeliness=Timeliness.LATE)
    assert done.as_dict()["timeliness"] == "qua_han" and done.as_dict()["band"] is None
