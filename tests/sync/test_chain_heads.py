"""Packages carry the sender's audit chain head (issue 11): its length, its head hash, and the
hash its link at the previous package's head has now. The upstream office keeps each unit's
heads and sees when a unit's history already reported was rewritten: the package is imported
all the same (the figures are still due) and marked, the import says so and sync-status keeps
saying so. Old packages without a head still import."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

from sqlalchemy import text

from mohao_desk.cli import main
from mohao_desk.services import audit, sync
from mohao_desk.services.desk import Desk
from mohao_desk.store import audit as chain_store
from mohao_desk.store.db import Database
from tests.conftest import FakeClock

from .conftest import UNIT_A, World, members, repack


def manifest(path) -> dict:
    return json.loads(members(path)["manifest.json"])


def act(db: Database) -> str:
    """An act at the desk (through the services: chained)."""
    desk = Desk(db, clock=FakeClock(datetime(2024, 5, 1, 9, 0)))
    code = desk.register(procedure_code="2.000815", applicant_name="Hà Văn Giang").summary.code
    return code


def rewrite(db: Database) -> None:
    """Someone with the file edits a dossier and computes the whole chain again (locally it
    then verifies: docs/architecture.md, what the chain does not prevent)."""
    with db.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE dossier SET finished_at = finished_at - 259200 "
            "WHERE id = (SELECT min(id) FROM dossier WHERE finished_at IS NOT NULL)"
        )
        for table in ("audit_state", "audit_object", "audit_link", "audit_head"):
            conn.exec_driver_sql(f"DELETE FROM {table}")
        chain_store.seal_everything(conn, "viết lại")


def imported_heads(up: Database) -> list[tuple]:
    with up.engine.connect() as conn:
        return [
            tuple(r)
            for r in conn.execute(
                text(
                    "SELECT sequence, audit_seq, audit_hash, audit_previous_seq, "
                    "audit_previous_hash, audit_rewritten FROM sync_import ORDER BY sequence"
                )
            )
        ]


def test_packages_carry_the_chain_head_and_the_upstream_keeps_it(world: World) -> None:
    first = world.export(world.a, 1)
    length, head = audit.head(world.a)
    assert manifest(first)["audit"] == {
        "length": length,
        "head": head,
        "previous_seq": None,
        "previous_hash": None,
    }
    act(world.a)
    second = world.export(world.a, 2)
    chained = manifest(second)["audit"]
    assert chained["length"] == length + 1  # the registration
    assert chained["previous_seq"] == length and chained["previous_hash"] == head
    report = sync.import_packages(world.up, [first, second])
    assert report.warnings == []
    rows = imported_heads(world.up)
    assert [(r[0], r[1], r[2], r[5]) for r in rows] == [
        (1, length, head, False),
        (2, chained["length"], chained["head"], False),
    ]
    assert all(r.rewritten == [] for r in sync.sync_status(world.up))
    # The upstream's own chain covers the imports (one batch link each) and verifies.
    up = audit.verify(world.up)
    assert up.whole, [p.message for p in up.problems]
    assert audit.verify(world.a).whole


def test_a_rewritten_history_is_imported_and_marked(world: World, capsys) -> None:
    first = world.export(world.a, 1)
    sync.import_packages(world.up, [first])
    reported = audit.head(world.a)
    rewrite(world.a)
    assert audit.verify(world.a).whole  # locally nothing shows
    second = world.export(world.a, 2)
    assert manifest(second)["audit"]["previous_seq"] == reported[0]
    copy = world.copy(world.up)  # the same import from the command line, on a copy
    try:
        capsys.readouterr()
        assert main(["import", str(second), "--db", str(copy.target), "--by", "quantri"]) == 0
        out = capsys.readouterr().out
        assert f"CẢNH BÁO: Lịch sử đã gửi của đơn vị {UNIT_A[1]}" in out
    finally:
        copy.close()
    report = sync.import_packages(world.up, [second])
    assert [o.state for o in report.outcomes] == ["imported"]  # the data still matters
    assert [w.render() for w in report.warnings] == [
        f"Lịch sử đã gửi của đơn vị {UNIT_A[1]} ({UNIT_A[0]}) đã bị sửa: gói số 2 cho biết mắt "
        f"xích số {reported[0]} của chuỗi lịch sử nay khác với lúc gửi gói số 1. Gói vẫn được "
        "nhập; hãy đề nghị đơn vị giải trình."
    ]
    assert [r[5] for r in imported_heads(world.up)] == [False, True]
    status = {s.unit_code: s for s in sync.sync_status(world.up)}
    assert status[UNIT_A[0]].rewritten == [2]
    capsys.readouterr()
    assert main(["sync-status", "--db", str(world.up.target)]) == 0
    assert "LỊCH SỬ ĐÃ BỊ SỬA (gói số 2)" in capsys.readouterr().out
    # The mark is in the upstream's own chain: clearing it behind the program's back shows.
    assert audit.verify(world.up).whole
    with world.up.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE sync_import SET audit_rewritten = false")
    problem = audit.verify(world.up).first
    assert problem is not None and problem.message.startswith("Bản ghi nhập gói số ")


def test_packages_arriving_out_of_order_are_checked_both_ways(world: World) -> None:
    first = world.export(world.a, 1)
    rewrite(world.a)
    second = world.export(world.a, 2)
    assert sync.import_packages(world.up, [second]).warnings == []  # nothing to compare yet
    report = sync.import_packages(world.up, [first])
    assert len(report.warnings) == 1 and "gói số 2 cho biết" in report.warnings[0].render()
    assert [r[5] for r in imported_heads(world.up)] == [False, True]  # package 2 is marked


def test_a_previous_head_the_desk_misremembers_is_marked(world: World) -> None:
    first = world.export(world.a, 1)
    with world.a.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE sync_export SET audit_seq = 1")
    second = world.export(world.a, 2)
    report = sync.import_packages(world.up, [first, second])
    assert len(report.warnings) == 1
    assert "gói số 2 lại nói gói trước kết thúc ở số 1" in report.warnings[0].render()


def test_old_packages_without_a_head_still_import(world: World) -> None:
    first = world.export(world.a, 1)
    pem = world.private_pem(world.a)
    old = repack(first, world.root / "old.mhd", manifest=lambda m: m.pop("audit"), pem=pem)
    assert "audit" not in manifest(old)
    report = sync.import_packages(world.up, [old])
    assert [o.state for o in report.outcomes] == ["imported"] and report.warnings == []
    assert imported_heads(world.up)[0][1:] == (None, None, None, None, False)
    # The next package, with its head, has nothing to be compared with: no warning either.
    act(world.a)
    previous = hashlib.sha256(members(old)["manifest.json"]).hexdigest()
    second = repack(
        world.export(world.a, 2),
        world.root / "second.mhd",
        manifest=lambda m: m.update(previous_sha256=previous),
        pem=pem,
    )
    report = sync.import_packages(world.up, [second])
    assert [o.state for o in report.outcomes] == ["imported"] and report.warnings == []


def test_config_packages_carry_the_upstreams_head(world: World, tmp_path) -> None:
    config = sync.export_config_package(world.up, tmp_path / "cfg")
    length, head = audit.head(world.up)
    assert manifest(config.path)["audit"] == {
        "length": length,
        "head": head,
        "previous_seq": None,
        "previous_hash": None,
    }
    key = sync.export_public_key(world.up, tmp_path / "up.key.json")
    sync.trust(world.a, key.path)
    report = sync.import_packages(world.a, [config.path])
    assert [o.state for o in report.outcomes] == ["imported"] and report.warnings == []
    assert audit.verify(world.a).whole
