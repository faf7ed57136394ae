"""The change watcher sees what another process commits to the same SQLite file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mohao_desk.services.desk import Desk
from mohao_desk.store.changes import ChangeWatcher, watch
from mohao_desk.store.db import Database
from tests.accounts import demo_passwords


@pytest.fixture(scope="module")
def backend() -> str:
    """PRAGMA data_version is SQLite's; a server will say it with LISTEN/NOTIFY (not yet)."""
    return "sqlite"


def _register_in_another_process(path: Path, name: str) -> str:
    done = subprocess.run(
        [
            sys.executable, "-m", "mohao_desk", "--db", str(path), "register",
            "--procedure", "2.000815", "--name", name, "--format", "json",
        ],
        capture_output=True, text=True, encoding="utf-8", timeout=120, check=True,
    )  # fmt: skip
    import json

    return str(json.loads(done.stdout)["code"])


def test_a_commit_by_another_process_is_seen_once(db: Database, db_path: Path) -> None:
    demo_passwords(db)  # the other process logs in
    watcher = watch(db)
    assert isinstance(watcher, ChangeWatcher)
    assert not watcher.changed()
    _register_in_another_process(db_path, "Lê Văn Khác")
    assert watcher.changed()
    assert not watcher.changed()  # once per batch of commits
    # The program's own commits count too: the board reloads once more, nothing is missed.
    Desk(db).register(procedure_code="2.000815", applicant_name="Trần Thị Mình")
    assert watcher.changed()
    watcher.close()


def test_a_path_with_url_characters(tmp_path: Path) -> None:
    from mohao_desk.store.db import open_database

    odd = open_database(tmp_path / "đơn vị ?#%.sqlite")
    watcher = watch(odd)
    assert watcher is not None and not watcher.changed()
    watcher.close()
    odd.engine.dispose()
