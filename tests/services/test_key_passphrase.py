"""The unit's signing key is kept encrypted (issue 11): a new key is made with the session's
passphrase and never stored in the clear; an export without the passphrase asks for it (and
changes nothing); a wrong one is refused; a key made before this version is encrypted the
first time a passphrase is given; the public key is shown and sent with no passphrase."""

from __future__ import annotations

from pathlib import Path

import pytest

from mohao_desk.cli import main
from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.package import WRONG_KEY_PASSPHRASE, is_encrypted, new_private_key_pem
from mohao_desk.services import sync
from mohao_desk.store import queries as q
from mohao_desk.store import sync_queries as sq
from mohao_desk.store.db import Database


def stored_key(db: Database) -> str | None:
    with db.read() as conn:
        value = q.get_setting(conn, sq.PRIVATE_KEY_SETTING)
    return None if value is None else str(value)


def test_a_new_key_is_encrypted_and_asks_for_its_passphrase(db: Database, tmp_path: Path) -> None:
    db.key_passphrase = None
    with pytest.raises(sync.KeyPassphraseNeeded) as need:
        sync.export_desk_package(db, tmp_path / "out")
    assert need.value.new and stored_key(db) is None  # nothing was made
    db.key_passphrase = "mat-khau-khoa"
    first = sync.export_desk_package(db, tmp_path / "out")
    pem = stored_key(db)
    assert pem is not None and is_encrypted(pem) and "PRIVATE KEY" in pem
    db.key_passphrase = None  # another session
    with pytest.raises(sync.KeyPassphraseNeeded) as need:
        sync.export_desk_package(db, tmp_path / "out")
    assert not need.value.new
    db.key_passphrase = "sai"
    with pytest.raises(DeskError) as wrong:
        sync.export_desk_package(db, tmp_path / "out")
    assert wrong.value.template == WRONG_KEY_PASSPHRASE
    assert [p.name for p in (tmp_path / "out").iterdir()] == [first.path.name]
    # The public key needs no passphrase.
    key = sync.export_public_key(db, tmp_path / "khoa.json")
    assert len(key.fingerprint) == 64 and key.path.exists()


def test_an_older_plain_key_is_encrypted_by_the_first_passphrase(
    db: Database, tmp_path: Path
) -> None:
    with db.begin() as conn:
        q.put_setting(conn, sq.PRIVATE_KEY_SETTING, new_private_key_pem(None))
    db.key_passphrase = None
    sync.export_desk_package(db, tmp_path / "a")  # a plain key signs as before
    assert not is_encrypted(stored_key(db) or "")
    db.key_passphrase = "mat-khau-khoa"
    sync.export_desk_package(db, tmp_path / "b")
    assert is_encrypted(stored_key(db) or "")


def test_the_administrator_changes_the_passphrase(db: Database, tmp_path: Path) -> None:
    db.key_passphrase = "cu-mat-khau"
    sync.export_desk_package(db, tmp_path / "a")
    sync.set_key_passphrase(db, "cu-mat-khau", "moi-mat-khau")
    db.key_passphrase = "cu-mat-khau"
    with pytest.raises(DeskError, match="không đúng"):
        sync.export_desk_package(db, tmp_path / "b")
    db.key_passphrase = "moi-mat-khau"
    assert sync.export_desk_package(db, tmp_path / "b").sequence == 2


def test_the_cli_reads_the_passphrase_or_says_how(tmp_path: Path, capsys, monkeypatch) -> None:
    path = tmp_path / "demo.sqlite3"
    assert main(["demo", "--dossiers", "50", "--db", str(path)]) == 0
    assert "mật khẩu khóa ký gói cũng là 'demo'" in capsys.readouterr().out
    monkeypatch.delenv("MOHAO_KEY_PASSPHRASE")
    monkeypatch.setattr(Database, "key_passphrase", None)  # a session that has not given it
    out = tmp_path / "out"
    code = main(["export", "--out", str(out), "--db", str(path), "--by", "quantri"])
    assert code == 2
    assert capsys.readouterr().err.splitlines() == [
        "mohao-desk: Cần mật khẩu khóa ký của đơn vị để ký gói (đặt biến môi trường "
        "MOHAO_KEY_PASSPHRASE, hoặc chạy lệnh ở cửa sổ dòng lệnh để được hỏi)."
    ]
    assert not out.exists() or list(out.iterdir()) == []
    monkeypatch.setenv("MOHAO_KEY_PASSPHRASE", "sai")
    assert main(["export", "--out", str(out), "--db", str(path), "--by", "quantri"]) == 2
    assert "Mật khẩu khóa ký của đơn vị không đúng." in capsys.readouterr().err
    monkeypatch.setenv("MOHAO_KEY_PASSPHRASE", "demo")
    assert main(["export", "--out", str(out), "--db", str(path), "--by", "quantri"]) == 0


def test_keys_passphrase_on_the_command_line(tmp_path: Path, capsys, monkeypatch) -> None:
    path = tmp_path / "demo.sqlite3"
    assert main(["demo", "--dossiers", "20", "--db", str(path)]) == 0
    capsys.readouterr()
    monkeypatch.setenv("MOHAO_NEW_KEY_PASSPHRASE", "khoa-moi-cua-xa")
    args = ["keys", "passphrase", "--db", str(path)]
    assert main([*args, "--by", "motcua"]) == 2  # an administrator's
    capsys.readouterr()
    assert main([*args, "--by", "quantri"]) == 0
    assert capsys.readouterr().out.strip() == "Đã đặt mật khẩu mới cho khóa ký của đơn vị."
    monkeypatch.setattr(Database, "key_passphrase", None)
    out = ["export", "--out", str(tmp_path / "out"), "--db", str(path), "--by", "quantri"]
    assert main(out) == 2  # the environment still holds the old one, "demo"
    monkeypatch.setenv("MOHAO_KEY_PASSPHRASE", "khoa-moi-cua-xa")
    assert main(out) == 0
