"""Where the desk keeps its data: the user's data folder from platformdirs; and what it can
compute again (the calendar's tables, domain/calendar_cache.py): the user's cache folder.

``MOHAO_DESK_HOME`` overrides the first, ``MOHAO_DESK_CACHE`` the second (tests point both at
temporary folders so they never touch a developer's real data).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "mohao_desk"
DB_FILE = "mohao_desk.sqlite3"


def data_dir() -> Path:
    override = os.environ.get("MOHAO_DESK_HOME")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / DB_FILE


def cache_dir() -> Path:
    """The user's cache folder of the program, ``platformdirs.user_cache_dir`` (``~/.cache/
    mohao_desk`` on Linux, ``%LOCALAPPDATA%\\mohao_desk\\Cache`` on Windows): files the program
    can always make again. ``MOHAO_DESK_CACHE`` overrides it."""
    override = os.environ.get("MOHAO_DESK_CACHE")
    if override:
        return Path(override)
    return Path(_linux_cache_dir() or _platformdirs_cache_dir())


def _platformdirs_cache_dir() -> str:
    from platformdirs import user_cache_dir

    return str(user_cache_dir(APP_NAME, appauthor=False))


def _linux_cache_dir() -> str | None:
    """platformdirs' answer on an ordinary Linux, found without importing it (its import, with
    tempfile and random, costs a quick command like ``due`` half as much as Python's own
    start): ``$XDG_CACHE_HOME/mohao_desk`` if that is an absolute path, else
    ``$HOME/.cache/mohao_desk``. None where platformdirs must be asked (another system,
    Android, no absolute ``$HOME``); tests/test_paths.py compares the two."""
    if not sys.platform.startswith("linux") or hasattr(sys, "getandroidapilevel"):
        return None
    if os.environ.get("ANDROID_DATA") or os.environ.get("ANDROID_ROOT"):
        return None
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if xdg.startswith("/"):
        return os.path.join(xdg, APP_NAME)
    home = os.environ.get("HOME", "")
    if not home.startswith("/"):
        return None
    return os.path.join(home.rstrip("/") + "/.cache", APP_NAME)
