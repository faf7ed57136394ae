"""Has the database changed under us? Another process on the same PC (the CLI, a second
window) or another PC on a shared file committed something since the last look.

SQLite says so with ``PRAGMA data_version``: on one connection its value changes whenever
*another* connection committed. The watcher keeps a connection of its own, read-only, used for
nothing else, so every commit of the program itself counts too (harmless: a board that reloads
once more). Asking costs microseconds and reads no table, so the window asks every two seconds.
(A PostgreSQL server will say it with ``LISTEN/NOTIFY``; until then ``watch`` gives no watcher
for one.)
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from mohao_desk.store.db import Database


class ChangeWatcher:
    """``changed()`` is true once after each batch of commits made since the last call."""

    def __init__(self, db: Database) -> None:
        # SQLite's own read-only connection (never a plain open() of the file: see db._probe).
        self._conn = sqlite3.connect(
            Path(db.path).resolve().as_uri() + "?mode=ro", uri=True, check_same_thread=False
        )
        self._last = self._version()

    def _version(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def changed(self) -> bool:
        try:
            version = self._version()
        except sqlite3.Error:
            return False  # the file is busy or gone for a moment: ask again next time
        if version == self._last:
            return False
        self._last = version
        return True

    def close(self) -> None:
        self._conn.close()


def watch(db: Database) -> ChangeWatcher | None:
    """A watcher for ``db``, or ``None`` where this kind of database has none yet."""
    if db.dialect != "sqlite":
        return None
    try:
        return ChangeWatcher(db)
    except sqlite3.Error:
        return None
