"""Shared fixtures. Every test runs with its data folder in a temporary directory, so no test
ever reads or writes a developer's real data (platformdirs is bypassed by MOHAO_DESK_HOME)."""

from __future__ import annotations

import os
from pathlib import Path

# Qt must start offscreen in tests (set before anything imports Qt), on the screen of a common
# office PC: 1024×768 at 96 dpi (the offscreen platform's own default is 800×600).
# Qt keeps its own settings (the file dialog's recent places…) under XDG_CONFIG_HOME: tests
# must not write into the developer's (set before Qt starts, like the screen below).
os.environ["XDG_CONFIG_HOME"] = __import__("tempfile").mkdtemp(prefix="mohao-qtconfig-")
if "QT_QPA_PLATFORM" not in os.environ:
    import json
    import tempfile

    OFFICE_SCREEN = {"name": "office", "x": 0, "y": 0, "width": 1024, "height": 768}
    _screen_file = Path(tempfile.mkdtemp(prefix="mohao-screen-")) / "screen.json"
    _screen_file.write_text(
        json.dumps({"screens": [{**OFFICE_SCREEN, "logicalDpi": 96, "dpr": 1}]}), "utf-8"
    )
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen_file}"

from collections.abc import Callable, Iterator
from datetime import datetime

import pytest

from mohao_desk.services.desk import Desk
from mohao_desk.services.setup import OfficerInput, init_unit
from mohao_desk.store.db import Database, open_database

UNIT_CODE = "000.17.22.H56"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("MOHAO_DESK_HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg"))
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "desk.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
    init_unit(
        database,
        code=UNIT_CODE,
        name="Ủy ban nhân dân phường Bần Yên Nhân",
        parent_name="Ủy ban nhân dân thị xã Mỹ Hào",
        place_name="Mỹ Hào",
        officers=[
            OfficerInput("motcua", "Nguyễn Thị Hồng Nhung", "Công chức Một cửa"),
            OfficerInput("tuphap", "Trần Văn Đức", "Công chức Tư pháp - Hộ tịch"),
        ],
    )
    yield database
    database.close()


class FakeClock:
    """A settable wall clock (local time) for the services."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2024, 4, 26, 9, 0))


@pytest.fixture
def desk(db: Database, clock: FakeClock) -> Desk:
    return Desk(db, clock=clock)


@pytest.fixture
def make_desk(db: Database) -> Callable[[datetime], Desk]:
    def make(now: datetime) -> Desk:
        return Desk(db, clock=FakeClock(now))

    return make
