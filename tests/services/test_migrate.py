"""``migrate-to``: a unit's SQLite file moves to a PostgreSQL server, checked; an interrupted
move leaves the server empty and can run again; a server that already holds data is refused."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from mohao_desk.domain.errors import DeskError
from mohao_desk.services.demo import fill_demo
from mohao_desk.services.desk import Desk
from mohao_desk.services.migrate import migrate_to
from mohao_desk.store import transfer
from mohao_desk.store.db import open_database
from tests.conftest import FakeClock


@pytest.fixture(scope="module")
def backend() -> str:
    """The target is a server; the source is always a SQLite file (made in the test)."""
    return "postgresql"


def _source(tmp_path: Path) -> Path:
    path = tmp_path / "don-vi.sqlite3"
    db = open_database(path)
    fill_demo(db, dossiers=300, seed=3, now=datetime(2025, 9, 1))
    desk = Desk(db, clock=FakeClock(datetime(2025, 9, 1, 9, 0)))
    code = desk.register(procedure_code="2.000815", applicant_name="Nguyễn Văn Quét").summary.code
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 a scan")
    desk.digitize(code, file=scan, component=1)
    db.close()
    return path


def test_a_unit_moves_to_the_server_whole(tmp_path: Path, new_database) -> None:
    source = _source(tmp_path)
    url = new_database()
    report = migrate_to(source, url)
    src, dst = open_database(source), open_database(url)
    try:
        with src.read() as a, dst.read() as b:
            assert transfer.counts(a) == report.rows
            # The scan beside the file is now in the server's database: one row more.
            assert transfer.counts(b) == {**report.rows, "stored_file": 1}
            assert transfer.events_digest(a) == transfer.events_digest(b)
            (sha,) = transfer.attachment_files(b)
        assert report.rows["dossier"] == 301 and report.files == 1
        # Any PC of the unit opens the scan the old desk made (not from this PC's folder).
        (scanned,) = [d.code for d in Desk(dst).list("all", search="nguyen van quet")]
        assert Desk(dst).attachment(scanned, sha) == ("scan.pdf", b"%PDF-1.4 a scan")
        # The server works as the desk did: the next registration continues the sequences.
        desk = Desk(dst, clock=FakeClock(datetime(2025, 9, 1, 10, 0)))
        next_code = desk.register(procedure_code="2.000815", applicant_name="Trần Thị Sau")
        assert next_code.summary.code.endswith("-0002")
        assert desk.get(next_code.summary.code).summary.applicant == "Trần Thị Sau"
        assert [d.code for d in desk.list("all", search="nguyen van quet")]
    finally:
        src.close()
        dst.close()


def test_an_interrupted_move_leaves_the_server_empty(
    tmp_path: Path, new_database, monkeypatch
) -> None:
    source = _source(tmp_path)
    url = new_database()
    copy_all = transfer.copy_all

    def interrupted(src, dst):  # type: ignore[no-untyped-def]
        for name, rows in copy_all(src, dst):
            yield name, rows
            if name == "event":
                raise KeyboardInterrupt  # the power cut, the Ctrl+C

    monkeypatch.setattr(transfer, "copy_all", interrupted)
    with pytest.raises(KeyboardInterrupt):
        migrate_to(source, url)
    monkeypatch.setattr(transfer, "copy_all", copy_all)
    server = open_database(url)
    with server.read() as conn:
        assert not any(transfer.counts(conn).values())
    server.close()
    assert migrate_to(source, url).rows["dossier"] == 301  # simply run again


def test_a_server_with_data_is_refused_untouched(tmp_path: Path, new_database) -> None:
    source = _source(tmp_path)
    url = new_database()
    migrate_to(source, url)
    server = open_database(url)
    with server.read() as conn:
        before = transfer.counts(conn)
    server.close()
    with pytest.raises(DeskError, match="đã có dữ liệu"):
        migrate_to(source, url)
    server = open_database(url)
    with server.read() as conn:
        assert transfer.counts(conn) == before
        assert conn.execute(text("SELECT count(*) FROM unit")).scalar_one() == 1
    server.close()


def test_the_command(tmp_path: Path, new_database) -> None:
    source = _source(tmp_path)
    url = new_database()
    done = subprocess.run(
        [sys.executable, "-m", "mohao_desk", "--db", str(source), "--by", "quantri",
         "migrate-to", "--to", url],
        capture_output=True, text=True, encoding="utf-8", timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "301 hồ sơ" in done.stdout and "đã đối chiếu khớp" in done.stdout
    again = subprocess.run(
        [sys.executable, "-m", "mohao_desk", "--db", str(source), "--by", "quantri",
         "migrate-to", "--to", url],
        capture_output=True, text=True, encoding="utf-8", timeout=300,
    )  # fmt: skip
    assert again.returncode == 2 and "đã có dữ liệu" in again.stderr
