"""Issue 8: an export never overwrites a file already in the target folder (it is refused with
the folder, the file and what to do; nothing is written, no sequence number is used)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mohao_desk.cli import main
from mohao_desk.domain.errors import DeskError
from mohao_desk.services import sync
from mohao_desk.services.setup import init_unit
from mohao_desk.store.db import open_database

from .conftest import UNIT_A, World, later


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
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


def test_an_earlier_package_is_never_replaced(world: World, tmp_path: Path) -> None:
    """A copy of the database (a backup restored) would export the same package number: the
    package already in the folder stays as it is."""
    copy_path = tmp_path / "copy.sqlite3"
    shutil.copy(world.a.path, copy_path)
    first = sync.export_desk_package(world.a, world.out, clock=later(1)).path
    kept = first.read_bytes()
    copy = open_database(copy_path)
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


def test_a_refused_first_export_keeps_no_new_key(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.sqlite3")
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
    code, out, err = run(capsys, "export", "--out", str(world.out), "--db", str(world.a.path))
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1
    assert target.name in err and str(world.out) in err and "không ghi đè" in err
    assert target.read_bytes() == b"old"
    assert world.dump(world.a) == before
    code, out, err = run(
        capsys, "upstream", "export-config", "--out", str(world.out), "--db", str(world.up.path)
    )
    assert code == 0, err  # another unit's file name: no conflict
