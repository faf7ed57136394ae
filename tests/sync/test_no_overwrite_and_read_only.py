"""Issue 8: an export never overwrites a file already in the target folder (it is refused with
the folder, the file and what to do; nothing is written, no sequence number is used), and an
upstream office's database only reads: no act on a dossier is taken there."""

from __future__ import annotations

import json
import time
from datetime import datetime
from pathlib import Path

import pytest

from mohao_desk.cli import main
from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.lifecycle import Status
from mohao_desk.services import sync
from mohao_desk.services.desk import UPSTREAM_READ_ONLY, Desk
from mohao_desk.services.setup import init_unit
from mohao_desk.store import sync_queries as sq
from mohao_desk.store.db import open_database

from .conftest import UNIT_A, World, later, members


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """A command as the administrator (password "demo" on these demo databases)."""
    code = main([*argv, "--by", "quantri"])
    out, err = capsys.readouterr()
    return code, out, err


# -------------------------------------------------------------------- no overwrite


def test_desk_export_refuses_an_existing_file(world: World) -> None:
    target = world.out / f"{UNIT_A[0]}_000001.mhd"
    world.out.mkdir()
    target.write_bytes(b"the only copy of something")
    before = world.dump(world.a)
    with pytest.raises(DeskError) as refused:
        sync.export_desk_package(world.a, world.out, clock=later(1))
    assert refused.value.template == sync.EXPORT_FILE_EXISTS
    message = refused.value.message
    assert str(world.out) in message and target.name in message
    assert "chọn thư mục khác" in message and "chuyển tệp cũ" in message
    assert target.read_bytes() == b"the only copy of something"
    assert sorted(p.name for p in world.out.iterdir()) == [target.name]  # no temporary file left
    assert world.dump(world.a) == before
    # The sequence number was not used: moved away, the same package number goes out.
    target.rename(world.root / "kept.mhd")
    assert sync.export_desk_package(world.a, world.out, clock=later(1)).sequence == 1


def test_an_earlier_package_is_never_replaced(world: World) -> None:
    """A copy of the database (a backup restored) would export the same package number: the
    package already in the folder stays as it is."""
    copy = world.copy(world.a)
    first = sync.export_desk_package(world.a, world.out, clock=later(1)).path
    kept = first.read_bytes()
    try:
        before = sync.table_dump(copy)
        with pytest.raises(DeskError, match="không ghi đè"):
            sync.export_desk_package(copy, world.out, clock=later(2))
        assert sync.table_dump(copy) == before
        assert first.read_bytes() == kept
        other = sync.export_desk_package(copy, world.root / "elsewhere", clock=later(2))
        assert other.sequence == 1
    finally:
        copy.close()


def test_a_refused_first_export_keeps_no_new_key(tmp_path: Path, new_database) -> None:
    db = open_database(new_database())
    try:
        init_unit(db, code=UNIT_A[0], name=UNIT_A[1])
        out = tmp_path / "out"
        out.mkdir()
        (out / f"{UNIT_A[0]}_000001.mhd").write_bytes(b"x")
        before = sync.table_dump(db)
        with pytest.raises(DeskError, match="đã có tệp"):
            sync.export_desk_package(db, out)
        assert sync.table_dump(db) == before  # the key pair made on first need is rolled back
    finally:
        db.close()


def test_config_export_refuses_an_existing_file(world: World) -> None:
    name = f"{sync.DEFAULT_UPSTREAM_CODE}_000001.mhd"
    world.out.mkdir()
    (world.out / name).write_bytes(b"old")
    before = world.dump()
    with pytest.raises(DeskError) as refused:
        sync.export_config_package(world.up, world.out)
    assert refused.value.template == sync.EXPORT_FILE_EXISTS
    assert name in refused.value.message
    assert (world.out / name).read_bytes() == b"old"
    assert world.dump() == before
    assert sync.export_config_package(world.up, world.root / "other").sequence == 1


def test_cli_export_refuses_an_existing_file(world: World, capsys) -> None:
    world.out.mkdir()
    target = world.out / f"{UNIT_A[0]}_000001.mhd"
    target.write_bytes(b"old")
    before = world.dump(world.a)
    code, out, err = run(capsys, "export", "--out", str(world.out), "--db", str(world.a.target))
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1
    assert target.name in err and str(world.out) in err and "không ghi đè" in err
    assert target.read_bytes() == b"old"
    assert world.dump(world.a) == before
    code, out, err = run(
        capsys, "upstream", "export-config", "--out", str(world.out), "--db", str(world.up.target)
    )
    assert code == 0, err  # another unit's file name: no conflict


# ------------------------------------------------------------------ upstream reads only


@pytest.fixture
def upstream(world: World) -> Desk:
    """The upstream database with unit A's dossiers imported."""
    sync.import_packages(world.up, [world.export(world.a)])
    return Desk(world.up)


def _ready_one(desk: Desk) -> str:
    """An imported dossier whose result waits to be returned (the demo's others are done)."""
    return next(s.code for s in desk.list("all") if s.status is Status.RESULT_READY)


def test_the_read_only_property(world: World, upstream) -> None:
    desk = upstream
    assert desk.read_only is True
    assert Desk(world.a).read_only is False


def test_every_act_is_refused_on_the_upstream_database(
    world: World, upstream, tmp_path: Path
) -> None:
    desk = upstream
    code = _ready_one(desk)
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4")
    new_due = datetime(2030, 1, 7, 9, 0)
    acts = {
        "register": lambda: desk.register(procedure_code="1.004873", applicant_name="An"),
        "handover": lambda: desk.handover(code, body="Tư pháp"),
        "request_supplement": lambda: desk.request_supplement(code, missing=["CCCD"]),
        "receive_supplement": lambda: desk.receive_supplement(code),
        "resolve": lambda: desk.resolve(code),
        "return_result": lambda: desk.return_result(code),
        "refuse": lambda: desk.refuse(code, reason="x"),
        "withdraw": lambda: desk.withdraw(code),
        "stop": lambda: desk.stop(code, reason="x"),
        "apologize": lambda: desk.apologize(code, reason="x", new_due=new_due),
        "rate": lambda: desk.rate(code, rating="hai_long"),
        "digitize": lambda: desk.digitize(code, file=scan, component=1),
    }
    before = world.dump()
    for name, act in acts.items():
        with pytest.raises(DeskError) as refused:
            act()
        assert refused.value.template == UPSTREAM_READ_ONLY, name
    assert world.dump() == before
    assert not (world.up.files_dir / "attachments").exists()
    # Reading still works.
    assert desk.get(code).summary.code == code


def test_an_act_on_an_imported_dossier_does_not_crash(upstream, monkeypatch) -> None:
    """The root cause of the IndexError: an imported dossier carries the desk's event count but
    none of its events here; the last act's moment comes from the events that exist."""
    desk = upstream
    code = _ready_one(desk)
    assert desk.get(code).events == []
    monkeypatch.setattr(desk, "require_writable", lambda: None)  # the act itself, unguarded
    detail = desk.return_result(code)
    assert detail.summary.status is Status.RETURNED


def test_cli_refuses_acts_on_the_upstream_database(world: World, upstream, capsys) -> None:
    desk = upstream
    code = _ready_one(desk)
    before = world.dump()
    db = str(world.up.target)
    for argv in (
        ("return", "--dossier", code),
        ("register", "--procedure", "1.004873", "--name", "Nguyễn Văn An"),
        ("handover", "--dossier", code, "--to", "x"),
    ):
        exit_code, out, err = run(capsys, *argv, "--db", db)
        assert out == ""
        assert exit_code == 2, argv
        assert err.splitlines() == [f"mohao-desk: {DeskError(UPSTREAM_READ_ONLY).message}"]
    assert world.dump() == before


def test_an_export_does_not_block_the_desk_while_it_reads(world: World, monkeypatch) -> None:
    """Issue 10: the export reads one snapshot without the write lock. A registration made
    while it reads goes through at once (with the lock it waited 5 s and failed) and is in the
    next package, not this one."""
    from mohao_desk.services.desk import Desk

    desk = Desk(world.a)
    registered: list[str] = []
    reading = sq.changed_facts

    def register_meanwhile(*args, **kwargs):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        code = desk.register(procedure_code="2.000815", applicant_name="Người Đến Giữa").summary
        registered.append(code.code)
        assert time.perf_counter() - started < 2.0  # not kept waiting for a lock
        return reading(*args, **kwargs)

    monkeypatch.setattr(sq, "changed_facts", register_meanwhile)
    first = sync.export_desk_package(world.a, world.out)  # the real clock, as at a desk
    monkeypatch.setattr(sq, "changed_facts", reading)
    (code,) = registered
    assert code not in members_codes(first.path)
    second = sync.export_desk_package(world.a, world.out)
    assert code in members_codes(second.path)


def members_codes(path: Path) -> set[str]:
    return set(json.loads(members(path)["payload.json"])["dossiers"]["code"])
