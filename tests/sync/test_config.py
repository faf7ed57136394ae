"""Upstream → desks: a configuration package (catalog, calendar overrides, settings) signed
with the upstream key and applied atomically at the desk."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.package import PackageError
from mohao_desk.services import sync
from mohao_desk.services.calendar import CalendarService
from mohao_desk.services.desk import Desk
from mohao_desk.services.setup import import_catalog
from mohao_desk.store import queries as q

from .conftest import World, later, repack

NEW_PROCEDURE = {
    "code": "2.002999",
    "name": "Thủ tục thử nghiệm của tỉnh",
    "field": "Thử nghiệm",
    "time": {"value": 3, "unit": "working_days"},
    "components": [{"name": "Tờ khai", "kind": "original", "count": 1}],
}


def _trust_upstream(world: World) -> None:
    key = sync.export_public_key(world.up, world.root / "up.key.json")
    assert key.role == "upstream"
    sync.trust(world.a, key.path)


def _catalog(path: Path, *entries: dict) -> Path:
    path.write_text(
        json.dumps({"format": "mohao-catalog", "procedures": list(entries)}, ensure_ascii=False),
        encoding="utf-8",
    )
    return path


def test_config_package_applies_catalog_calendar_and_settings(world: World) -> None:
    _trust_upstream(world)
    import_catalog(world.up, _catalog(world.root / "cat.json", NEW_PROCEDURE))
    CalendarService(world.up).set_override(date(2026, 9, 3), working=False, note="Nghỉ lễ thêm")
    result = sync.export_config_package(
        world.up, world.out, office_hours="07:00-11:30,13:30-17:00", clock=later(1)
    )
    before = Desk(world.a).calendar.is_working_day(date(2026, 9, 3))
    report = sync.import_packages(world.a, [result.path])
    assert [o.state for o in report.outcomes] == ["imported"]
    desk = Desk(world.a)
    assert before is True and desk.calendar.is_working_day(date(2026, 9, 3)) is False
    assert "2.002999" in {p.code for p in desk.procedures()}
    assert desk.unit.office_hours == "07:00-11:30,13:30-17:00"
    with world.a.read() as conn:
        assert q.get_setting(conn, sync.UPSTREAM_OFFICE_SETTING) == "Ủy ban nhân dân thị xã Mỹ Hào"
    # Same package again: nothing changes.
    dump = world.dump(world.a)
    assert sync.import_packages(world.a, [result.path]).outcomes[0].state == "duplicate"
    assert world.dump(world.a) == dump


def test_newer_config_wins_and_removes_withdrawn_days(world: World) -> None:
    _trust_upstream(world)
    calendar = CalendarService(world.up)
    calendar.set_override(date(2026, 9, 3), working=False, note="Nghỉ lễ thêm")
    first = sync.export_config_package(world.up, world.out, clock=later(1)).path
    calendar.remove_override(date(2026, 9, 3))
    calendar.set_override(date(2026, 9, 4), working=False, note="Nghỉ bù")
    second = sync.export_config_package(world.up, world.out, clock=later(2)).path
    sync.import_packages(world.a, [first])
    sync.import_packages(world.a, [second])
    desk = Desk(world.a)
    assert desk.calendar.is_working_day(date(2026, 9, 3)) is True
    assert desk.calendar.is_working_day(date(2026, 9, 4)) is False
    # The older one arriving late is recorded but not applied.
    sync.trust(world.b, world.root / "up.key.json")
    sync.import_packages(world.b, [second])
    report = sync.import_packages(world.b, [first])
    assert report.outcomes[0].state == "superseded"
    assert Desk(world.b).calendar.is_working_day(date(2026, 9, 4)) is False


def test_config_from_an_untrusted_upstream_is_refused(world: World) -> None:
    path = sync.export_config_package(world.up, world.out).path
    before = world.dump(world.a)
    with pytest.raises(PackageError) as err:
        sync.import_packages(world.a, [path])
    assert err.value.check == "unit"
    assert world.dump(world.a) == before


def test_tampered_or_bad_config_is_refused_whole(world: World) -> None:
    _trust_upstream(world)
    good = sync.export_config_package(world.up, world.out, clock=later(1)).path
    pem = world.private_pem(world.up)

    def extra_day(data: dict) -> None:
        data["calendar_overrides"].append({"day": "2026-01-02", "working": False})

    def evil_setting(data: dict) -> None:
        data["settings"]["share_personal_data"] = "on"

    cases = {
        "integrity": repack(good, world.root / "t1.mhd", payload=extra_day),
        "payload": repack(
            good,
            world.root / "t2.mhd",
            payload=evil_setting,
            manifest=lambda m: m["counts"].update(settings=2),
            pem=pem,
        ),
    }
    before = world.dump(world.a)
    for check, path in cases.items():
        with pytest.raises(PackageError) as err:
            sync.import_packages(world.a, [path])
        assert err.value.check == check
        assert world.dump(world.a) == before


def test_only_an_upstream_database_exports_config(world: World) -> None:
    with pytest.raises(DeskError, match="cấp trên"):
        sync.export_config_package(world.a, world.out)
    with pytest.raises(DeskError, match="chỉ xuất gói cấu hình") as refused:
        sync.export_desk_package(world.up, world.out)
    assert refused.value.template == sync.UPSTREAM_EXPORTS_CONFIG
