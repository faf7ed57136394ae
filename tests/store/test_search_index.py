"""The FTS5 trigram search index: same answers as a plain LIKE scan, kept in step by triggers,
built by the 0002 migration for databases made before it."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from mohao_desk.services.demo import fill_demo
from mohao_desk.services.desk import Desk
from mohao_desk.store.db import SCHEMA_HEAD, open_database
from tests.conftest import FakeClock, downgrade_sqlite

NOW = datetime(2026, 11, 27, 10, 0)


def _like_codes(path: Path, words: list[str]) -> set[str]:
    conn = sqlite3.connect(path)
    where = " AND ".join("search_key LIKE ?" for _ in words)
    rows = conn.execute(f"SELECT code FROM dossier WHERE {where}", [f"%{w}%" for w in words])
    found = {r[0] for r in rows}
    conn.close()
    return found


def test_index_answers_like_a_scan(tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite3"
    db = open_database(path)
    fill_demo(db, dossiers=2000, seed=9, now=NOW)
    desk = Desk(db, clock=FakeClock(NOW))
    added = desk.register(procedure_code="2.000815", applicant_name="Đặng Thị Ánh Tuyết",
                          phone="0977 111 222").summary.code  # fmt: skip
    for query, words in [
        ("nguyen van", ["nguyen", "van"]),
        ("Đặng Ánh", ["dang", "anh"]),
        ("0977111", ["0977111"]),
        ("h31-2611", ["h31-2611"]),
        ("thi a", ["thi", "a"]),
    ]:
        found = {d.code for d in desk.list("all", search=query)}
        assert found == _like_codes(path, words), query
    assert [d.code for d in desk.list("all", search="dang thi anh tuyet")] == [added]
    with sqlite3.connect(path) as conn:
        triggers = {
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")
        }
    assert {"dossier_fts_insert", "dossier_fts_delete", "dossier_fts_update"} <= triggers


def test_migration_from_0001_indexes_existing_dossiers(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    db = open_database(path)
    fill_demo(db, dossiers=300, seed=1, now=NOW)
    db.close()
    # Take the database back to revision 0001 (no search index), as an older program left it.
    downgrade_sqlite(path, "0001")
    with sqlite3.connect(path) as conn:
        assert conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE name='dossier_fts'"
        ).fetchone() == (0,)
    db = open_database(path)  # start-up migrates 0001 → head and indexes the 300 dossiers
    with db.read() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == (
            SCHEMA_HEAD
        )
    desk = Desk(db, clock=FakeClock(NOW))
    for summary in desk.list("all")[:20]:
        assert [d.code for d in desk.list("all", search=summary.code)] == [summary.code]
