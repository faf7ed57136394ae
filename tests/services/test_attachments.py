"""Digitized files (issue 10): on a unit's server their content is in the database, so another
PC of the unit opens the scan this PC made; on a SQLite desk they are files beside it. Either
way the content comes back exactly, a file that is not the dossier's is refused, a stored copy
that no longer matches its hash is refused, and a file too large is refused before it is read."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

import pytest

from mohao_desk.domain.errors import DeskError
from mohao_desk.services.desk import MAX_ATTACHMENT_BYTES, Desk
from mohao_desk.store import files
from mohao_desk.store.db import Database, open_database
from tests.conftest import FakeClock


def _scan(folder: Path, name: str, content: bytes) -> Path:
    path = folder / name
    path.write_bytes(content)
    return path


def test_another_pc_opens_the_scan_this_pc_made(
    desk: Desk, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = desk.register(procedure_code="2.000815", applicant_name="Nguyễn Văn Quét").summary.code
    content = b"%PDF-1.4 " + bytes(range(256)) * 64
    scan = _scan(tmp_path, "Giấy đề nghị.pdf", content)
    desk.digitize(code, file=scan, component=1)
    sha = hashlib.sha256(content).hexdigest()
    scan.unlink()  # the officer's own copy is gone: the unit's copy remains
    # Another PC: its own data folder (nothing of this PC's), the same database.
    monkeypatch.setenv("MOHAO_DESK_HOME", str(tmp_path / "other-pc"))
    other = open_database(db.target)
    try:
        there = Desk(other, clock=FakeClock(datetime(2024, 4, 26, 10, 0)))
        assert there.attachment(code, sha) == ("Giấy đề nghị.pdf", content)
        if db.dialect == "postgresql":
            assert not (other.files_dir / "attachments").exists()  # nothing on the PCs
            with other.read() as conn:
                assert files.stored_hashes(conn) == {sha}
        # A hash the dossier never had is refused, even if the unit holds that file.
        second = there.register(procedure_code="2.000815", applicant_name="Lê Thị Khác")
        with pytest.raises(DeskError, match="không có tệp số hóa này"):
            there.attachment(second.summary.code, sha)
    finally:
        other.close()


def test_the_same_file_twice_is_stored_once(desk: Desk, db: Database, tmp_path: Path) -> None:
    first = desk.register(procedure_code="2.000815", applicant_name="Nguyễn Văn Một").summary.code
    again = desk.register(procedure_code="2.000815", applicant_name="Nguyễn Văn Hai").summary.code
    scan = _scan(tmp_path, "cccd.pdf", b"%PDF-1.4 the same card")
    desk.digitize(first, file=scan, component=1)
    desk.digitize(again, file=scan, component=1, reused=True)
    sha = hashlib.sha256(scan.read_bytes()).hexdigest()
    assert desk.attachment(again, sha)[1] == desk.attachment(first, sha)[1]
    if db.dialect == "postgresql":
        with db.read() as conn:
            assert files.stored_hashes(conn) == {sha}


def test_a_changed_stored_copy_is_refused(desk: Desk, db: Database, tmp_path: Path) -> None:
    from sqlalchemy import update

    from mohao_desk.store.schema import stored_file

    code = desk.register(procedure_code="2.000815", applicant_name="Nguyễn Văn An").summary.code
    scan = _scan(tmp_path, "scan.pdf", b"%PDF-1.4 original")
    desk.digitize(code, file=scan, component=1)
    sha = hashlib.sha256(b"%PDF-1.4 original").hexdigest()
    if db.dialect == "sqlite":
        files.folder_path(db, sha).write_bytes(b"%PDF-1.4 altered")
    else:
        with db.begin() as conn:
            conn.execute(update(stored_file).values(content=b"%PDF-1.4 altered"))
    with pytest.raises(DeskError, match="đã bị thay đổi"):
        desk.attachment(code, sha)


def test_a_file_too_large_is_refused_before_it_is_stored(
    desk: Desk, db: Database, tmp_path: Path
) -> None:
    code = desk.register(procedure_code="2.000815", applicant_name="Nguyễn Văn An").summary.code
    big = tmp_path / "video.mp4"
    with open(big, "wb") as handle:  # sparse: no real disk used
        handle.truncate(MAX_ATTACHMENT_BYTES + 1)
    before = desk.get(code)
    with pytest.raises(DeskError, match="lớn quá"):
        desk.digitize(code, file=big, component=1)
    after = desk.get(code)
    assert after.components == before.components and after.events == before.events
