"""Opening databases: migrations at start-up, the gate against newer or foreign files."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory

from mohao_desk.store.db import (
    SCHEMA_HEAD,
    SCHEMA_REVISIONS,
    USER_VERSION,
    DatabaseError,
    open_database,
)


def test_revision_list_matches_alembic_scripts() -> None:
    from importlib import resources

    config = Config()
    config.set_main_option(
        "script_location", str(resources.files("mohao_desk.store") / "migrations")
    )
    script = ScriptDirectory.from_config(config)
    ordered = [r.revision for r in reversed(list(script.walk_revisions()))]
    assert tuple(ordered) == SCHEMA_REVISIONS
    assert script.get_current_head() == SCHEMA_HEAD


def test_new_database_is_migrated_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    db = open_database(tmp_path / "a" / "desk.sqlite3")
    with db.read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA user_version").scalar() == USER_VERSION
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == (
            SCHEMA_HEAD
        )
        tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
    assert {"dossier", "event", "component", "procedure", "calendar_override"} <= tables
    db.close()
    # Reopening a current database is a no-op.
    open_database(tmp_path / "a" / "desk.sqlite3").close()


def test_newer_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="phiên bản mohao_desk mới hơn"):
        open_database(path)
    assert path.read_bytes() == before


def test_higher_user_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version={USER_VERSION + 1}")
    conn.close()
    with pytest.raises(DatabaseError, match="mới hơn"):
        open_database(path)


def test_not_a_database_and_foreign_database(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is a text file, not SQLite")
    with pytest.raises(DatabaseError, match="không phải là cơ sở dữ liệu SQLite"):
        open_database(junk)
    assert junk.read_bytes() == b"this is a text file, not SQLite"
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.close()
    with pytest.raises(DatabaseError, match="chương trình khác"):
        open_database(other)
    with pytest.raises(DatabaseError, match="thư mục"):
        open_database(tmp_path)
    with pytest.raises(DatabaseError, match="Không tìm thấy"):
        open_database(tmp_path / "missing.sqlite3", create=False)
    assert not (tmp_path / "missing.sqlite3").exists()


def test_migrations_build_exactly_the_schema_the_code_declares(tmp_path: Path) -> None:
    """Alembic's comparison of the migrated file with ``schema.metadata`` finds nothing but the
    full-text search tables (created by revision 0002 as raw SQL, not declared)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from mohao_desk.store.schema import metadata

    db = open_database(tmp_path / "schema.sqlite")
    with db.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), metadata)
    db.engine.dispose()
    left = [
        d for d in diffs if not (d[0] == "remove_table" and d[1].name.startswith("dossier_fts"))
    ]
    assert left == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_a_new_database_is_private_to_its_owner(tmp_path: Path) -> None:
    """Issue 11: the file holds personal data and the unit's signing key (it was 0644)."""
    import stat

    from mohao_desk.services.setup import init_unit

    path = tmp_path / "new-folder" / "mohao_desk.sqlite3"
    db = open_database(path)
    try:
        init_unit(db, code="000.17.22.H56", name="Ủy ban nhân dân phường Bần Yên Nhân")
        modes = {
            p.name: stat.S_IMODE(os.stat(p).st_mode)
            for p in path.parent.iterdir()
            if p.name.startswith("mohao_desk.sqlite3")
        }
        assert modes["mohao_desk.sqlite3"] == 0o600
        assert modes.get("mohao_desk.sqlite3-wal", 0o600) == 0o600
        assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700
    finally:
        db.close()
