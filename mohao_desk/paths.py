"""Where the desk keeps its data: the user's data folder from platformdirs; and what it can
compute again (the calendar's tables, domain/calendar_cache.py): the user's cache folder.

``MOHAO_DESK_HOME`` overrides the first, ``MOHAO_DESK_CACHE`` the second (tests point both at
temporary folders so they never touch a developer's real data).
"""

from __future__ import annotations

import os
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
    """The user's cache folder of the program (``~/.cache/mohao_desk`` on Linux,
    ``%LOCALAPPDATA%\\mohao_desk\\Cache`` on Windows): files the program can always make again."""
    override = os.environ.get("MOHAO_DESK_CACHE")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME, appauthor=False))
