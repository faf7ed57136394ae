"""Desks → upstream with real files: two units, incremental packages, duplicates, packages in
any order, gaps, personal data."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import bindparam, text

from mohao_desk.domain.package import PackageError
from mohao_desk.services import sync
from mohao_desk.services.desk import Desk
from mohao_desk.store.db import Database

from .conftest import DOSSIERS_A, DOSSIERS_B, UNIT_A, UNIT_B, World, members

FACT_COLUMNS = (
    "d.code, p.code, p.name, p.field, d.regime_code, d.channel, d.sets_count, d.verification, "
    "d.received_at, d.due_at, d.original_due_at, d.finished_at, d.returned_at, d.paused_at, "
    "d.status, o.full_name, d.supplement_count, d.apology_count, d.inputs_digitized, "
    "d.result_digitized, d.result_electronic, d.rating, d.updated_at"
)


def facts(db: Database, unit_code: str) -> dict[str, tuple]:
    """What the upstream office must see of each dossier of a unit, by code."""
    with db.read() as conn:
        rows = conn.execute(
            text(
                f"SELECT {FACT_COLUMNS} FROM dossier d JOIN procedure p ON p.id = d.procedure_id "
                "LEFT JOIN officer o ON o.id = d.officer_id WHERE d.code LIKE :pattern"
            ),
            {"pattern": f"{unit_code}-%"},
        )
        return {r[0]: tuple(r) for r in rows}


def personal(db: Database, code: str) -> tuple:
    with db.read() as conn:
        return tuple(
            conn.execute(
                text(
                    "SELECT applicant_name, applicant_address, applicant_phone, applicant_email, "
                    "applicant_id_number FROM dossier WHERE code = :code"
                ),
                {"code": code},
            ).one()
        )


def touch(db: Database, count: int, hours: float, rating: str = "khong_hai_long") -> list[str]:
    """Simulate acts at the desk ``hours`` from now: ``count`` dossiers get a rating."""
    moment = int((datetime.now(UTC) + timedelta(hours=hours)).timestamp())
    with db.begin() as conn:
        codes = [
            r[0]
            for r in conn.execute(
                text(
                    "SELECT code FROM dossier WHERE rating IS NULL OR rating != :rating "
                    "ORDER BY id LIMIT :count"
                ),
                {"rating": rating, "count": count},
            )
        ]
        assert len(codes) == count
        conn.execute(
            text(
                "UPDATE dossier SET rating = :rating, updated_at = :moment WHERE code IN :codes"
            ).bindparams(bindparam("codes", expanding=True)),
            {"rating": rating, "moment": moment, "codes": codes},
        )
    return codes


def test_two_units_round_trip(world: World) -> None:
    pa, pb = world.export(world.a), world.export(world.b)
    assert pa.name == f"{UNIT_A[0]}_000001.mhd" and pb.name == f"{UNIT_B[0]}_000001.mhd"
    report = sync.import_packages(world.up, [pa, pb])
    assert [o.state for o in report.outcomes] == ["imported", "imported"]
    assert report.dossiers_new == DOSSIERS_A + DOSSIERS_B
    assert report.gaps == []
    for desk, unit in ((world.a, UNIT_A), (world.b, UNIT_B)):
        here, there = facts(desk, unit[0]), facts(world.up, unit[0])
        assert len(there) == len(here)
        assert there == here  # every fact of every dossier, officer names included
    # No personal data left the desks; the search still finds a dossier by its code.
    code = next(iter(facts(world.a, UNIT_A[0])))
    assert personal(world.up, code) == ("", "", "", "", "")
    with world.up.read() as conn:
        units = conn.exec_driver_sql(
            "SELECT u.code, count(*) FROM dossier d JOIN unit u ON u.id = d.unit_id "
            "GROUP BY u.code ORDER BY u.code"
        ).all()
        assert [tuple(u) for u in units] == [(UNIT_A[0], DOSSIERS_A), (UNIT_B[0], DOSSIERS_B)]
    # The window's search, on either database (FTS5 trigram on SQLite, pg_trgm on PostgreSQL).
    assert [s.code for s in Desk(world.up).list("all", search=code.lower())] == [code]


def test_supplement_and_apology_facts_travel(world: World) -> None:
    report = sync.import_packages(world.up, [world.export(world.a)])
    assert report.dossiers_new == DOSSIERS_A
    with world.a.read() as conn:
        expected = conn.exec_driver_sql(
            "SELECT d.code, count(*) FROM event e JOIN dossier d ON d.id = e.dossier_id "
            "WHERE e.act IN ('supplement_request', 'supplement_received', 'apologize') "
            "GROUP BY d.code"
        ).all()
    assert expected, "the demo should have supplements"
    with world.up.read() as conn:
        got = {
            code: len(json.loads(facts))
            for code, facts in conn.exec_driver_sql(
                "SELECT d.code, s.facts FROM synced_dossier s "
                "JOIN dossier d ON d.id = s.dossier_id WHERE s.facts IS NOT NULL"
            )
        }
    assert got == dict(expected)


def test_incremental_export_carries_only_changes(world: World) -> None:
    first = sync.export_desk_package(world.a, world.out, clock=later_hours(1))
    assert first.items == DOSSIERS_A and first.since is None
    changed = touch(world.a, 5, hours=2)
    second = sync.export_desk_package(world.a, world.out, clock=later_hours(3))
    assert second.sequence == 2 and second.items == 5
    manifest = members(second.path)["manifest.json"]
    assert first.sha256 in manifest.decode()  # chained to the previous package
    report = sync.import_packages(world.up, [first.path, second.path])
    assert report.dossiers_new == DOSSIERS_A and report.dossiers_updated == 5
    there = facts(world.up, UNIT_A[0])
    assert {there[c][21] for c in changed} == {"khong_hai_long"}
    assert there == facts(world.a, UNIT_A[0])


def test_same_package_twice_changes_nothing(world: World) -> None:
    package = world.export(world.a)
    sync.import_packages(world.up, [package])
    before = world.dump()
    again = sync.import_packages(world.up, [package, package])
    assert [o.state for o in again.outcomes] == ["duplicate", "duplicate"]
    assert world.dump() == before
    copy = shutil.copy(package, world.root / "renamed.mhd")
    assert sync.import_packages(world.up, [copy]).outcomes[0].state == "duplicate"
    assert world.dump() == before


def test_packages_in_any_order_older_never_overwrites(world: World) -> None:
    p1 = world.export(world.a, hours=1)
    changed = touch(world.a, 7, hours=2)
    p2 = world.export(world.a, hours=3)
    report = sync.import_packages(world.up, [p2])
    assert report.gaps[0].text() == "Phường Bần Yên Nhân (000.31.22.H31): thiếu gói số 1"
    late = sync.import_packages(world.up, [p1])
    assert late.dossiers_kept == 7  # package 1's older state of them is not applied
    assert late.gaps == []
    there = facts(world.up, UNIT_A[0])
    assert {there[c][21] for c in changed} == {"khong_hai_long"}
    assert there == facts(world.a, UNIT_A[0])


def test_reordered_in_one_import_same_result(world: World) -> None:
    p1 = world.export(world.a, hours=1)
    touch(world.a, 3, hours=2)
    p2 = world.export(world.a, hours=3)
    sync.import_packages(world.up, [p2, p1])
    assert facts(world.up, UNIT_A[0]) == facts(world.a, UNIT_A[0])


def test_missing_package_is_reported_until_it_arrives(world: World) -> None:
    p1 = world.export(world.a, hours=1)
    touch(world.a, 2, hours=2)
    p2 = world.export(world.a, hours=3)
    touch(world.a, 2, hours=4)
    p3 = world.export(world.a, hours=5)
    touch(world.a, 2, hours=6)
    p4 = world.export(world.a, hours=7)
    p5 = world.export(world.b, hours=7)
    report = sync.import_packages(world.up, [p1, p4, p5])
    assert [g.text() for g in report.gaps] == [
        "Phường Bần Yên Nhân (000.31.22.H31): thiếu gói số 2–3"
    ]
    status = {s.unit_code: s for s in sync.sync_status(world.up)}
    assert status[UNIT_A[0]].missing == [2, 3] and status[UNIT_B[0]].missing == []
    assert sync.import_packages(world.up, [p3]).gaps[0].missing == [2]
    assert sync.import_packages(world.up, [p2]).gaps == []
    assert facts(world.up, UNIT_A[0]) == facts(world.a, UNIT_A[0])


def test_personal_data_only_when_the_unit_shares_it(world: World) -> None:
    code = next(iter(facts(world.a, UNIT_A[0])))
    sync.set_share_personal_data(world.a, True)
    p1 = world.export(world.a, hours=1)
    sync.import_packages(world.up, [p1])
    assert personal(world.up, code) == personal(world.a, code) != ("", "", "", "", "")
    name = personal(world.a, code)[2]  # the phone number: the search key has its digits
    assert code in {s.code for s in Desk(world.up).list("all", search=name)}
    # Sharing turned off: the next package carries the dossier without them; they are erased.
    sync.set_share_personal_data(world.a, False)
    with world.a.begin() as conn:
        conn.execute(
            text("UPDATE dossier SET updated_at = :moment WHERE code = :code"),
            {"moment": int((datetime.now(UTC) + timedelta(hours=2)).timestamp()), "code": code},
        )
    p2 = world.export(world.a, hours=3)
    sync.import_packages(world.up, [p2])
    assert personal(world.up, code) == ("", "", "", "", "")
    assert code not in {s.code for s in Desk(world.up).list("all", search=name)}


def test_sequence_reused_with_other_content_is_refused(world: World, tmp_path) -> None:
    p1 = world.export(world.a, hours=1)
    sync.import_packages(world.up, [p1])
    # The desk restored an old backup and exported "package 1" again, differently.
    with world.a.begin() as conn:
        conn.exec_driver_sql("DELETE FROM sync_export")
    touch(world.a, 1, hours=0.5)
    other = sync.export_desk_package(world.a, tmp_path / "again", clock=lambda: datetime.now(UTC))
    assert other.sequence == 1
    before = world.dump()
    with pytest.raises(PackageError) as err:
        sync.import_packages(world.up, [other.path])
    assert err.value.check == "sequence"
    assert world.dump() == before


def test_export_twice_without_changes_still_chains(world: World) -> None:
    first = sync.export_desk_package(world.a, world.out, clock=later_hours(1))
    second = sync.export_desk_package(world.a, world.out, clock=later_hours(5))
    assert second.items == 0 and second.sequence == 2
    report = sync.import_packages(world.up, [first.path, second.path])
    assert report.dossiers_new == DOSSIERS_A


def later_hours(hours: float):
    moment = datetime.now(UTC) + timedelta(hours=hours)
    return lambda: moment
