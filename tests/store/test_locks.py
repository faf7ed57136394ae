"""Opening a database a second time in one process must not drop the first connection's locks:
another process closing its connection would then take it for the last one, checkpoint, and
delete the WAL that this process goes on writing into (what was written is lost)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from mohao_desk.store.db import open_database

READER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
print(conn.execute("SELECT count(*) FROM setting WHERE key LIKE 'probe-%'").fetchone()[0])
conn.close()
"""


def _count_elsewhere(path: Path) -> int:
    """What another process reads (and, closing, whether it thinks it was the last one)."""
    out = subprocess.run(
        [sys.executable, "-c", READER, str(path)], capture_output=True, text=True, check=True
    )
    return int(out.stdout)


def _put(db, key: str) -> None:  # type: ignore[no-untyped-def]
    with db.begin() as conn:
        conn.execute(text("INSERT INTO setting (key, value) VALUES (:k, '1')"), {"k": key})


def test_a_second_open_keeps_the_first_connections_wal(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    first = open_database(path)
    _put(first, "probe-1")
    second = open_database(path)  # e.g. the window reopening after the demo data was made
    second.close()
    assert _count_elsewhere(path) == 1
    _put(first, "probe-2")
    assert Path(f"{path}-wal").exists()
    # The other process must see the second write: it went to the live WAL, not a deleted one.
    assert _count_elsewhere(path) == 2
    first.close()
    assert _count_elsewhere(path) == 2
