"""Issue 12: a newer program opening an older program's SQLite database copies it into
``backups/`` before it migrates the schema; when the copy cannot be made, it does not migrate."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from mohao_desk.services import backup
from mohao_desk.services.demo import fill_demo
from mohao_desk.store import db as store_db
from mohao_desk.store import snapshot
from mohao_desk.store.db import SCHEMA_HEAD, DatabaseError, open_database
from tests.conftest import downgrade_sqlite

NOW = datetime(2026, 11, 27, 10, 0)


def _old_database(path: Path, revision: str, dossiers: int = 40) -> None:
    """A database as an older program left it: filled, then taken back to ``revision``."""
    db = open_database(path)
    fill_demo(db, dossiers=dossiers, seed=3, now=NOW)
    db.close()
    downgrade_sqlite(path, revision)


def _revision(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def _upgrade_backups(folder: Path) -> list[Path]:
    return sorted(folder.glob("*-truoc-nang-cap-tu-*.sqlite3"))


@pytest.mark.parametrize("revision", ["0001", "0009"])
def test_an_older_database_is_backed_up_then_migrated(tmp_path: Path, revision: str) -> None:
    path = tmp_path / "desk.sqlite3"
    _old_database(path, revision)
    assert _revision(path) == revision

    db = open_database(path)
    db.close()

    assert _revision(path) == SCHEMA_HEAD
    copies = _upgrade_backups(tmp_path / "backups")
    assert len(copies) == 1
    copy = copies[0]
    # The name says what it is and from which revision; the copy is that revision, whole.
    assert copy.name.startswith(f"desk-truoc-nang-cap-tu-{revision}-")
    check = snapshot.check_file(copy)
    assert check.ok, check.problem
    assert check.revision == revision
    assert check.dossiers == 40
    assert not list((tmp_path / "backups").glob("*.part"))

    # At head now: opening it again takes no second copy.
    open_database(path).close()
    assert _upgrade_backups(tmp_path / "backups") == copies


def test_a_new_or_current_database_takes_no_copy(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    db = open_database(path)
    fill_demo(db, dossiers=5, seed=1, now=NOW)
    db.close()
    open_database(path).close()
    assert not (tmp_path / "backups").exists()


def test_the_daily_pruning_keeps_the_upgrade_copy(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    _old_database(path, "0009", dossiers=5)
    open_database(path).close()
    folder = tmp_path / "backups"
    (copy,) = _upgrade_backups(folder)
    # Thirty automatic backups of other days: the pruning deletes old ones, never this copy.
    for day in range(1, 31):
        (folder / f"desk-202601{day:02d}-120000.sqlite3").write_bytes(b"")
    removed = backup.prune(folder, "desk")
    assert removed
    assert copy.exists()
    assert copy not in removed


def test_no_migration_when_the_backup_cannot_be_written(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    _old_database(path, "0009", dossiers=5)
    (tmp_path / "backups").write_text("a file where the backups folder should be")

    with pytest.raises(DatabaseError) as caught:
        open_database(path)

    message = caught.value.message
    assert "Không sao lưu được cơ sở dữ liệu" in message
    assert "trước khi nâng cấp lược đồ (từ 0009)" in message
    assert "Chưa nâng cấp; dữ liệu không bị thay đổi." in message
    assert _revision(path) == "0009"


def test_no_migration_when_the_copy_fails_its_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "desk.sqlite3"
    _old_database(path, "0009", dossiers=5)
    monkeypatch.setattr(
        snapshot,
        "check_file",
        lambda _path: snapshot.CopyCheck(False, "database disk image is malformed", None, 0, 0),
    )

    with pytest.raises(DatabaseError) as caught:
        open_database(path)

    assert "không đạt kiểm tra (database disk image is malformed)" in caught.value.message
    assert _revision(path) == "0009"
    assert not list((tmp_path / "backups").iterdir())  # no half-made copy left behind


def test_two_upgrades_within_a_second_keep_both_copies(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    _old_database(path, "0009", dossiers=5)
    first = store_db.backup_before_upgrade(path, "0009", now=NOW)
    second = store_db.backup_before_upgrade(path, "0009", now=NOW)
    assert first != second
    assert first.exists() and second.exists()


def test_the_upgrade_copy_is_not_the_latest_automatic_backup(tmp_path: Path) -> None:
    """The copy sorts after the dated backups by name; the day's automatic backup is still made
    (the copy is not taken for it), and the latest backup is the automatic one."""
    path = tmp_path / "desk.sqlite3"
    _old_database(path, "0009", dossiers=5)
    db = open_database(path)
    try:
        (copy,) = _upgrade_backups(tmp_path / "backups")
        assert backup.latest_backup(db) is None
        made = backup.auto_backup(db, now=datetime.now())
        assert made is not None
        latest = backup.latest_backup(db)
        assert latest is not None and latest != copy and "truoc" not in latest.name
    finally:
        db.close()


def test_upgrade_pending_says_when_opening_will_copy_and_migrate(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    assert not store_db.upgrade_pending(path)  # no file yet
    _old_database(path, "0009", dossiers=5)
    assert store_db.upgrade_pending(path)
    assert not store_db.upgrade_pending(str(path))  # a URL (server) is never copied
    open_database(path).close()
    assert not store_db.upgrade_pending(path)  # at head now
    (tmp_path / "not.sqlite3").write_bytes(b"not a database at all")
    assert not store_db.upgrade_pending(tmp_path / "not.sqlite3")


def test_the_window_says_it_is_backing_up_before_the_upgrade(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    """The first start of a newer version on a large desk copies it for seconds before any
    window: a notice says why, and goes when the database is open."""
    from PySide6.QtWidgets import QDialog

    from mohao_desk.ui import app
    from mohao_desk.ui.login_dialog import LoginDialog

    path = tmp_path / "desk.sqlite3"
    _old_database(path, "0009", dossiers=5)
    shown: list[tuple[str, bool]] = []
    made = app._upgrade_notice

    def notice(qapp):  # type: ignore[no-untyped-def]
        label = made(qapp)
        shown.append((label.text(), label.isVisible()))
        return label

    monkeypatch.setattr(app, "_upgrade_notice", notice)
    monkeypatch.setattr(LoginDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert app.run_gui(path) == 1  # the log-in cancelled
    assert shown == [
        (
            "Phiên bản mới: đang sao lưu cơ sở dữ liệu rồi nâng cấp. Với dữ liệu lớn việc này có "
            "thể mất một phút; xin đừng tắt máy.",
            True,
        )
    ]
    assert _upgrade_backups(tmp_path / "backups")
    assert _revision(path) == SCHEMA_HEAD
    shown.clear()
    assert app.run_gui(path) == 1  # current now: no notice
    assert shown == []
