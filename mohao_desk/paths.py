"""Where the desk keeps its data: the user's data folder from platformdirs.

``MOHAO_DESK_HOME`` overrides it (tests point it at a temporary folder so they never touch a
developer's real data).
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
