"""The CLI contract of issue 5, with real files: keys export, upstream init, trust, export,
import (gaps, duplicates, refusals), upstream export-config, sync-status."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mohao_desk.services import sync
from mohao_desk.store.db import open_database
from tests.accounts import run_as_admin

from .conftest import UNIT_A, UNIT_B


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    return run_as_admin(capsys, *argv)


def test_cli_round_trip(
    tmp_path: Path, templates: dict[str, Path | str], new_database, capsys, monkeypatch
) -> None:
    monkeypatch.setenv("MOHAO_PASSWORD", "demo")  # restored at the end
    a, b = new_database.copy(templates["a"], "a"), new_database.copy(templates["b"], "b")
    # On a server the IT person has created an empty database; `upstream init` sets it up.
    up, out = new_database("up", migrated=False), tmp_path / "out"
    code, text, _ = run(capsys, "upstream", "init", "--db", str(up))
    assert code == 0 and "000.00.22.H31" in text
    for db, name in ((a, "a"), (b, "b")):
        key = tmp_path / f"{name}.key.json"
        code, text, _ = run(capsys, "keys", "export", "--out", str(key), "--db", str(db))
        assert code == 0 and "Dấu vân tay" in text
        data = json.loads(key.read_text(encoding="utf-8"))
        assert {"unit_code", "unit_name", "public_key", "fingerprint"} <= set(data)
        code, text, _ = run(capsys, "trust", str(key), "--db", str(up))
        assert code == 0 and text.startswith("Đã đăng ký")
    code, text, _ = run(capsys, "export", "--out", str(out), "--db", str(a))
    assert code == 0 and "gói số 1" in text and "không có dữ liệu cá nhân" in text
    first_a = out / f"{UNIT_A[0]}_000001.mhd"
    assert first_a.exists()
    db_a = open_database(a)
    second_a = sync.export_desk_package(db_a, out, clock=_later(2)).path
    third_a = sync.export_desk_package(db_a, out, clock=_later(3)).path
    db_a.close()
    code, text, _ = run(capsys, "export", "--out", str(out), "--db", str(b))
    assert code == 0
    first_b = out / f"{UNIT_B[0]}_000001.mhd"
    code, text, err = run(
        capsys, "import", str(first_a), str(third_a), str(first_b), "--db", str(up)
    )
    assert code == 0, err
    assert "Phường Bần Yên Nhân (000.31.22.H31): thiếu gói số 2" in text.splitlines()
    code, text, _ = run(capsys, "import", str(out), "--db", str(up))  # a whole folder
    assert code == 0
    assert "đã nhập trước đó, bỏ qua" in text and "thiếu gói" not in text
    code, text, _ = run(capsys, "sync-status", "--db", str(up))
    assert "thiếu" not in text and "3 gói" in text
    assert second_a.exists()
    # Upstream → desk.
    code, text, _ = run(
        capsys, "keys", "export", "--out", str(tmp_path / "up.key.json"), "--db", str(up)
    )
    assert code == 0
    code, text, _ = run(
        capsys, "upstream", "export-config", "--out", str(tmp_path / "cfg"), "--db", str(up)
    )
    assert code == 0 and "gói cấu hình số 1" in text
    config = next((tmp_path / "cfg").glob("*.mhd"))
    code, _, err = run(capsys, "import", str(config), "--db", str(a))
    assert code == 2 and "chưa được đăng ký tin cậy" in err
    assert run(capsys, "trust", str(tmp_path / "up.key.json"), "--db", str(a))[0] == 0
    code, text, _ = run(capsys, "import", str(config), "--db", str(a))
    assert code == 0 and "đã nhập" in text
    code, text, _ = run(capsys, "share-personal-data", "on", "--db", str(a))
    assert code == 0
    code, text, _ = run(capsys, "export", "--out", str(out), "--db", str(a))
    assert "có dữ liệu cá nhân" in text


def test_cli_refusals_are_one_line(tmp_path: Path, new_database, capsys, monkeypatch) -> None:
    monkeypatch.setenv("MOHAO_PASSWORD", "demo")  # restored at the end
    up = new_database("up", migrated=False)
    run(
        capsys,
        "upstream",
        "init",
        "--db",
        str(up),
        "--code",
        "000.00.33.H31",
        "--name",
        "Sở Nội vụ",
    )
    junk = tmp_path / "junk.mhd"
    junk.write_bytes(b"\x00" * 100)
    code, out, err = run(capsys, "import", str(junk), "--db", str(up))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "junk.mhd" in err and "không phải gói" in err
    code, _, err = run(capsys, "upstream", "init", "--db", str(up))
    assert code == 2 and "đã được thiết lập" in err
    code, _, err = run(capsys, "trust", str(junk), "--db", str(up))
    assert code == 2 and err.count("\n") == 1


def _later(hours: float):
    from datetime import UTC, datetime, timedelta

    moment = datetime.now(UTC) + timedelta(hours=hours)
    return lambda: moment
