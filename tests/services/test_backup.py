"""Backups (issue 11): a checked copy made while the desk works, automatic ones kept 14 daily
and 12 monthly, scans copied once, a broken backup never trusted, and a restore that never
destroys the database it replaces."""

from __future__ import annotations

import hashlib
import os
import stat
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from mohao_desk.cli import main
from mohao_desk.domain.errors import DeskError
from mohao_desk.services import backup
from mohao_desk.services.desk import Desk
from mohao_desk.store import files
from mohao_desk.store.db import Database, open_database
from tests.accounts import demo_passwords
from tests.conftest import FakeClock


@pytest.fixture(scope="module")
def backend() -> str:
    return "sqlite"  # the server's backup is pg_dump: tested below on the private cluster


def _register(desk: Desk, name: str) -> str:
    return desk.register(procedure_code="2.000815", applicant_name=name).summary.code


def test_a_backup_is_a_checked_private_copy_with_the_scans(
    desk: Desk, db: Database, tmp_path: Path
) -> None:
    code = _register(desk, "Nguyễn Văn An")
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 a scan")
    desk.digitize(code, file=scan, component=1)
    result = backup.make_backup(db, now=datetime(2026, 12, 2, 17, 5))
    assert result.path == db.files_dir / "backups" / "desk-20261202-170500.sqlite3"
    assert result.dossiers == 1 and result.files_copied == 1
    assert stat.S_IMODE(os.stat(result.path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(result.path.parent).st_mode) == 0o700
    copy = open_database(result.path, create=False)
    try:
        assert Desk(copy).get(code).summary.applicant == "Nguyễn Văn An"
    finally:
        copy.close()
    # The desk keeps working while and after it is copied; the next backup has the new one.
    later = _register(desk, "Lê Thị Bình")
    second = backup.make_backup(db, now=datetime(2026, 12, 2, 17, 6))
    assert second.dossiers == 2 and second.files_copied == 0  # the scan is there already
    with pytest.raises(DeskError, match="không ghi đè"):
        backup.make_backup(db, second.path)
    assert later


def test_retention_keeps_14_daily_and_12_monthly(db: Database) -> None:
    folder = backup.backup_folder(db)
    folder.mkdir()
    start = datetime(2025, 1, 1, 8, 0)
    made = []
    for day in range(400):  # a backup every morning and evening for 400 days
        for hour in (0, 9):
            path = folder / f"desk-{start + timedelta(days=day, hours=hour):%Y%m%d-%H%M%S}.sqlite3"
            path.write_bytes(b"x")
            made.append(path)
    (folder / "notes.txt").write_text("not a backup")
    before_restore = folder / "desk-truoc-phuc-hoi-20250101-080000.sqlite3"  # a restore's
    before_restore.write_bytes(b"x")  # safety copy: kept until someone deletes it
    removed = backup.prune(folder, "desk")
    assert before_restore.exists()
    kept = sorted(p.name for p in folder.glob("desk-2*.sqlite3"))
    newest_days = {f"desk-{start + timedelta(days=d, hours=9):%Y%m%d-%H%M%S}.sqlite3"
                   for d in range(386, 400)}  # fmt: skip
    assert newest_days <= set(kept)
    # The last day is 04/02/2026: its 14 days (22/01–04/02) hold the newest of January and
    # February 2026; the ten months before keep their last evening.
    months = sorted({name[5:11] for name in kept})
    assert months == [f"2025{m:02d}" for m in range(3, 13)] + ["202601", "202602"]
    assert len(kept) == 14 + 10
    assert "desk-20250331-170000.sqlite3" in kept and "desk-20250330-170000.sqlite3" not in kept
    assert len(removed) == len(made) - len(kept)
    assert (folder / "notes.txt").exists()


def test_automatic_backups_once_a_day_and_on_closing_after_a_change(
    desk: Desk, db: Database
) -> None:
    morning = datetime(2026, 12, 2, 8, 0)
    assert backup.auto_backup(db, now=morning) is not None
    assert backup.auto_backup(db, now=morning + timedelta(hours=2)) is None  # done today
    assert backup.auto_backup(db, now=morning + timedelta(hours=3), closing=True) is None
    os.utime(db.path, (0, datetime.now().timestamp() + 60))  # written since the backup
    assert backup.auto_backup(db, now=morning + timedelta(hours=9), closing=True) is not None
    assert backup.auto_backup(db, now=morning + timedelta(days=1)) is not None  # a new day


def test_a_broken_backup_is_refused_and_restores_nothing(db: Database, tmp_path: Path) -> None:
    good = backup.make_backup(db, tmp_path / "good.sqlite3").path
    broken = tmp_path / "broken.sqlite3"
    data = bytearray(good.read_bytes())
    data[len(data) // 2 :] = b"\x00" * (len(data) - len(data) // 2)  # its second half lost
    broken.write_bytes(bytes(data))
    target = tmp_path / "restored.sqlite3"
    for bad, problem in ((broken, ""), (tmp_path / "missing.sqlite3", "Không tìm thấy")):
        with pytest.raises(DeskError, match=problem or "không phải bản sao lưu dùng được"):
            backup.restore(bad, target)
        assert not target.exists()
    text = tmp_path / "notes.sqlite3"
    text.write_text("hello")
    with pytest.raises(DeskError, match="không phải bản sao lưu dùng được"):
        backup.restore(text, target)


def test_restore_needs_force_and_keeps_what_it_replaces(
    desk: Desk, db: Database, tmp_path: Path
) -> None:
    first = _register(desk, "Nguyễn Văn An")
    saved = backup.make_backup(db, tmp_path / "saved" / "mohao.sqlite3").path
    second = _register(desk, "Lê Thị Bình")  # after the backup
    db.close()
    target = Path(db.path)
    with pytest.raises(DeskError, match="xác nhận thay thế"):
        backup.restore(saved, target)
    result = backup.restore(saved, target, force=True, now=datetime(2026, 12, 2, 9, 30))
    assert result.kept_aside == target.with_name(f"{target.name}.truoc-phuc-hoi-20261202-093000")
    back = open_database(target, create=False)
    try:
        desk = Desk(back, clock=FakeClock(datetime(2024, 4, 26, 10, 0)))
        assert desk.get(first).summary.code == first
        assert second not in {s.code for s in desk.list("all")}
    finally:
        back.close()
    aside = open_database(result.kept_aside, create=False)  # nothing was lost
    try:
        assert second in {s.code for s in Desk(aside).list("all")}
    finally:
        aside.close()


def test_the_commands(db: Database, tmp_path: Path, capsys) -> None:
    demo_passwords(db)
    db.close()
    out = tmp_path / "usb" / "sao-luu.sqlite3"
    assert main(["backup", "--out", str(out), "--db", str(db.path)]) == 2  # an administrator's
    assert "'Quản trị' (quan_tri)" in capsys.readouterr().err and not out.exists()
    assert main(["backup", "--out", str(out), "--db", str(db.path), "--by", "quantri"]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith(f"Đã sao lưu và kiểm tra: {out}")
    target = tmp_path / "may-moi" / "mohao_desk.sqlite3"
    assert main(["restore", str(out), "--db", str(target)]) == 0
    assert "Đã phục hồi 0 hồ sơ" in capsys.readouterr().out
    assert main(["restore", str(out), "--db", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--force" in err


def test_the_audit_chain_of_every_backup_is_verified_before_pruning(
    desk: Desk, db: Database, capsys
) -> None:
    """A backup's check includes the audit chain of the copy (issue 11): a whole chain lets
    the old copies be pruned; a broken one keeps the new backup (a faithful copy of what is
    there) and prunes nothing: the older copies may hold the history before the edit."""
    from sqlalchemy import text

    from mohao_desk.services import audit

    code = _register(desk, "Nguyễn Văn An")
    folder = backup.backup_folder(db)
    folder.mkdir()
    for day in range(1, 20):  # older automatic backups, one a day
        (folder / f"desk-202611{day:02d}-090000.sqlite3").write_bytes(b"x")
    done = backup.make_backup(db, now=datetime(2026, 12, 2, 8, 0))
    assert done.audit is not None and done.audit.whole and done.audit.from_seq == 0
    assert done.audit.dossiers == 1 and len(done.pruned) == 19 - 13
    # A second backup of the day goes on from the checkpoint the window's check saved.
    assert audit.verify(db, save_checkpoint=True).checkpoint_saved
    _register(desk, "Lê Thị Bình")
    os.utime(db.path, (0, datetime.now().timestamp() + 60))
    quick = backup.auto_backup(db, now=datetime(2026, 12, 2, 17, 0), closing=True)
    assert quick is not None and quick.audit is not None
    assert quick.audit.whole and quick.audit.from_seq > 0
    with db.engine.begin() as conn:  # the receipt moved three days earlier, behind our back
        conn.execute(
            text("UPDATE dossier SET received_at = received_at - 259200 WHERE code = :c"),
            {"c": code},
        )
    kept = sorted(p.name for p in folder.glob("desk-*.sqlite3"))
    broken = backup.make_backup(db, now=datetime(2026, 12, 3, 8, 0))
    assert broken.path.exists() and broken.pruned == []
    assert broken.audit is not None and not broken.audit.whole
    assert broken.audit.first is not None and broken.audit.first.code == code
    assert set(kept) <= {p.name for p in folder.glob("desk-*.sqlite3")}
    demo_passwords(db)  # the command is an administrator's
    db.close()
    capsys.readouterr()
    assert main(["backup", "--db", str(db.path), "--by", "quantri"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[-2].startswith(f"  Lịch sử không còn nguyên vẹn: Hồ sơ {code}: dữ liệu")
    assert out[-1] == "  Bản sao lưu vẫn được giữ; không xóa bản sao lưu cũ nào."


def test_a_server_is_backed_up_with_pg_dump(request, tmp_path: Path) -> None:
    from mohao_desk.services.setup import init_unit

    cluster = request.getfixturevalue("pg_cluster")
    url = cluster.create_database()
    db = open_database(url)
    try:
        init_unit(db, code="000.17.22.H56", name="Ủy ban nhân dân phường Bần Yên Nhân")
        _register(Desk(db), "Nguyễn Văn An")
        result = backup.make_backup(db, tmp_path / "may-chu.dump")
        assert result.path.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
        assert stat.S_IMODE(os.stat(result.path).st_mode) == 0o600
        with pytest.raises(DeskError, match="máy chủ"):
            backup.restore_into(db, result.path)
    finally:
        db.close()
        cluster.drop_database(url)


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_a_scan_on_a_desk_is_private_to_its_owner(desk: Desk, db: Database, tmp_path: Path) -> None:
    """Issue 11: scans are personal data (they were 0644 in 0755 folders)."""
    import stat

    code = desk.register(procedure_code="2.000815", applicant_name="Nguyễn Văn An").summary.code
    scan = tmp_path / "cccd.pdf"  # on a server the scans are in the database (test_attachments)
    scan.write_bytes(b"%PDF-1.4 a card")
    desk.digitize(code, file=scan, component=1)
    stored = files.folder_path(db, hashlib.sha256(scan.read_bytes()).hexdigest())
    assert stat.S_IMODE(os.stat(stored).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(stored.parent).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(stored.parent.parent).st_mode) == 0o700
