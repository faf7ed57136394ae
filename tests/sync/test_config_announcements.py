"""Official calendar announcements travel from the upstream office to the desks in a real
configuration package (signed, applied whole or not at all); packages without announcements are
still of schema version 1, as older programs wrote and read them."""

from __future__ import annotations

import json
from datetime import date

import pytest

from mohao_desk.domain.package import PackageError
from mohao_desk.services import sync
from mohao_desk.services.calendar import CalendarService
from mohao_desk.services.desk import Desk

from .conftest import World, later, members, repack

# Test data: a province publishing a (made-up) Tết 2027 schedule the package does not know.
EXTRA_DAY = date(2027, 2, 11)  # Thu, "mùng 6": off
MAKE_UP = date(2027, 2, 20)  # Sat: worked


def _trust_upstream(world: World) -> None:
    sync.trust(world.a, sync.export_public_key(world.up, world.root / "up.key.json").path)


def _announce(world: World) -> CalendarService:
    service = CalendarService(world.up)
    service.add_announcement(
        EXTRA_DAY,
        working=False,
        name="Tết Nguyên đán (mùng 6 tháng Giêng)",
        document="9999/VPCP-KGVX",
        document_date=date(2026, 10, 15),
    )
    service.add_announcement(
        MAKE_UP,
        working=True,
        name="Làm bù cho thứ Năm 11/02/2027",
        document="9999/VPCP-KGVX",
        document_date=date(2026, 10, 15),
        certain=False,
        note="Chờ thông báo của Bộ Nội vụ",
    )
    return service


def test_announcements_travel_in_a_config_package(world: World) -> None:
    _trust_upstream(world)
    _announce(world)
    CalendarService(world.up).set_override(date(2027, 2, 12), working=False, note="Nghỉ thêm")
    path = sync.export_config_package(world.up, world.out, clock=later(1)).path
    parts = members(path)
    manifest, payload = json.loads(parts["manifest.json"]), json.loads(parts["payload.json"])
    assert manifest["schema_version"] == 2
    assert manifest["counts"]["calendar_announcements"] == 2
    assert [e["date"] for e in payload["calendar_announcements"]] == ["2027-02-11", "2027-02-20"]

    before = Desk(world.a).calendar
    assert before.is_working_day(EXTRA_DAY) and not before.is_working_day(MAKE_UP)
    assert CalendarService(world.a).gaps(date(2026, 12, 2)).unannounced_years == (2027,)
    report = sync.import_packages(world.a, [path])
    assert [o.state for o in report.outcomes] == ["imported"]
    desk = Desk(world.a)
    assert not desk.calendar.is_working_day(EXTRA_DAY)
    assert desk.calendar.is_working_day(MAKE_UP)
    assert not desk.calendar.is_working_day(date(2027, 2, 12))  # the override came too
    service = CalendarService(world.a)
    days = {d.day: d for d in service.days(2027)}
    assert (days[EXTRA_DAY].source, days[EXTRA_DAY].document) == (
        "upstream",
        "9999/VPCP-KGVX ngày 15/10/2026",
    )
    assert days[MAKE_UP].certain is False and days[MAKE_UP].announcement_note
    assert dict(service.year(2027))[EXTRA_DAY].endswith(
        "căn cứ (cấp trên công bố): 9999/VPCP-KGVX ngày 15/10/2026"
    )
    # 2027 now rests on an announcement; the unsure make-up day is named instead.
    gaps = service.gaps(date(2026, 12, 2))
    assert gaps.unannounced_years == () and [a.day for a in gaps.unsure] == [MAKE_UP]
    # Same package again: nothing changes.
    dump = world.dump(world.a)
    assert sync.import_packages(world.a, [path]).outcomes[0].state == "duplicate"
    assert world.dump(world.a) == dump


def test_a_package_without_announcements_is_version_1_and_withdraws_them(world: World) -> None:
    _trust_upstream(world)
    service = _announce(world)
    first = sync.export_config_package(world.up, world.out, clock=later(1)).path
    sync.import_packages(world.a, [first])
    assert not Desk(world.a).calendar.is_working_day(EXTRA_DAY)
    service.remove_announcement(EXTRA_DAY)
    service.remove_announcement(MAKE_UP)
    second = sync.export_config_package(world.up, world.out, clock=later(2)).path
    parts = members(second)
    manifest, payload = json.loads(parts["manifest.json"]), json.loads(parts["payload.json"])
    # Exactly the format of the packages before announcements existed.
    assert manifest["schema_version"] == 1
    assert set(manifest["counts"]) == {"procedures", "calendar_overrides", "settings"}
    assert set(payload) == {"procedures", "calendar_overrides", "settings"}
    assert [o.state for o in sync.import_packages(world.a, [second]).outcomes] == ["imported"]
    desk = Desk(world.a)
    assert desk.calendar.is_working_day(EXTRA_DAY)  # full state: withdrawn upstream
    assert CalendarService(world.a).announcements() == ()
    # The shipped table still applies.
    assert not desk.calendar.is_working_day(date(2026, 1, 2))


def test_a_broken_announcement_refuses_the_whole_package(world: World) -> None:
    _trust_upstream(world)
    _announce(world)
    CalendarService(world.up).set_override(date(2027, 2, 12), working=False, note="Nghỉ thêm")
    good = sync.export_config_package(world.up, world.out, clock=later(1)).path
    pem = world.private_pem(world.up)

    def bad_kind(data: dict) -> None:
        data["calendar_announcements"][1]["kind"] = "làm bù"

    def twice(data: dict) -> None:
        data["calendar_announcements"][1]["date"] = "2027-02-11"

    def without(data: dict) -> None:
        del data["calendar_announcements"]

    cases = {
        "t1.mhd": (bad_kind, None, "thông báo lịch: thông báo ngày 20/02/2027: 'kind'"),
        "t2.mhd": (twice, None, "thông báo lịch: ngày 11/02/2027 có hai thông báo lịch"),
        "t3.mhd": (without, None, "'calendar_announcements'"),
        # A version-1 manifest cannot carry announcements (an older program would not see them).
        "t4.mhd": (None, lambda m: m.update(schema_version=1), "trường 'counts' phải có"),
    }
    before = world.dump(world.a)
    for name, (payload, manifest, reason) in cases.items():
        path = repack(good, world.root / name, payload=payload, manifest=manifest, pem=pem)
        with pytest.raises(PackageError) as refused:
            sync.import_packages(world.a, [path])
        assert refused.value.check in ("payload", "manifest"), name
        assert reason in refused.value.message, refused.value.message
        assert refused.value.message.endswith("cơ sở dữ liệu không thay đổi.")
        assert world.dump(world.a) == before  # neither the catalog, the override nor a day
    assert Desk(world.a).calendar.is_working_day(EXTRA_DAY)
