"""Has the database changed under us? Another process on the same PC (the CLI, a second
window) or another PC on a shared file committed something since the last look.

SQLite says so with ``PRAGMA data_version``: on one connection its value changes whenever
*another* connection committed. The watcher keeps a connection of its own, read-only, used for
nothing else, so every commit of the program itself counts too (harmless: a board that reloads
once more). Asking costs microseconds and reads no table, so the window asks every two seconds.
A PostgreSQL server says it with ``LISTEN/NOTIFY``: every write transaction notifies one
channel at commit, and a watcher listens on a connection of its own.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import Any

from mohao_desk.store.db import Database


class ChangeWatcher:
    """``changed()`` is true once after each batch of commits made since the last call."""

    reachable = True  # a file on this PC

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


class ServerChangeWatcher:
    """The same for a PostgreSQL server: a connection of its own, in autocommit, that
    ``LISTEN``s on the channel every write transaction notifies at commit (``db.begin``).
    Asking is one ``SELECT 1``: it reads what arrived. A lost connection (server restarted, cable)
    is opened again at the next question, and counts as a change: the board reloads."""

    def __init__(self, db: Database) -> None:
        self._engine = db.engine
        self._conn: Any = None
        self._pending = False  # heard during a query
        self.reachable = True  # False while the server cannot be reached
        self._listen()

    def _listen(self) -> None:
        from mohao_desk.store.db import CHANGES_CHANNEL

        raw = self._engine.raw_connection()
        driver = raw.driver_connection
        assert driver is not None
        driver.autocommit = True
        driver.add_notify_handler(self._heard)
        driver.execute(f"LISTEN {CHANGES_CHANNEL}")
        self._raw, self._conn = raw, driver

    def _heard(self, _notify: Any) -> None:
        self._pending = True

    def changed(self) -> bool:
        """Whether a notification arrived; may take up to the connect timeout while the server
        is out of reach, so the window asks off its GUI thread."""
        try:
            if self._conn is None:
                self._listen()
                self.reachable = True
                return True  # what happened while we were away: reload once
            # A query reads what the socket holds (the notifications go to ``_heard``) and
            # makes a dead connection (server restarted, cable pulled) fail here.
            self._conn.execute("SELECT 1")
            arrived, self._pending = self._pending, False
            self.reachable = True
            return arrived
        except Exception:  # the server is out of reach: ask again next time
            self._drop()
            self.reachable = False
            return False

    def _drop(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._raw.invalidate()
        self._conn = None

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.execute("UNLISTEN *")
                self._raw.close()
        self._conn = None


def watch(db: Database) -> ChangeWatcher | ServerChangeWatcher | None:
    """A watcher for ``db`` (``None`` if it cannot be watched now: the board then reloads
    only when asked)."""
    if db.dialect == "postgresql":
        try:
            return ServerChangeWatcher(db)
        except Exception:
            return None
    try:
        return ChangeWatcher(db)
    except sqlite3.Error:
        return None
