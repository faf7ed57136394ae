"""Shared fixtures. Every test runs with its data folder in a temporary directory, so no test
ever reads or writes a developer's real data (platformdirs is bypassed by MOHAO_DESK_HOME).

Databases: ``db`` (a unit set up on a fresh database) and ``new_database`` (a factory of fresh
databases) follow the ``backend`` fixture: "sqlite" (a real file) everywhere; tests/store and
tests/services override it with the parameter ("sqlite", "postgresql"), the second on a private
PostgreSQL cluster that the session starts when the first PostgreSQL test needs it (see
tests/pg_server.py) and stops at its end, failed or not. Without PostgreSQL's binaries those
variants are skipped, or fail when ``MOHAO_REQUIRE_POSTGRES=1`` (CI)."""

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
from tests.pg_server import PrivateCluster, find_bindir

UNIT_CODE = "000.17.22.H56"


@pytest.fixture(autouse=True)
def _qt_translations_restored() -> Iterator[None]:
    """``run_gui`` installs the program's translators on the test process's one QApplication
    and sets Vietnamese as the default locale, as it must for a real start: a test that calls it
    would leave Vietnamese Qt texts ("Hủy" for Cancel) to every test after it. Translators added
    during a test are removed after it, and the default locale is put back."""
    import sys

    def application() -> object | None:
        widgets = sys.modules.get("PySide6.QtWidgets")
        return None if widgets is None else widgets.QApplication.instance()

    app = application()
    core = sys.modules.get("PySide6.QtCore")
    before = set(app.findChildren(core.QTranslator)) if app is not None and core else set()
    locale = core.QLocale() if core is not None else None
    yield
    app = application()
    core = sys.modules.get("PySide6.QtCore")
    if app is None or core is None:
        return
    added = [t for t in app.findChildren(core.QTranslator) if t not in before]
    for translator in added:
        app.removeTranslator(translator)
        translator.setParent(None)
        translator.deleteLater()
    if added:
        core.QLocale.setDefault(locale if locale is not None else core.QLocale.system())


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("MOHAO_DESK_HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg"))
    # The cache folder (the calendar's tables, domain/calendar_cache.py) too.
    monkeypatch.setenv("MOHAO_DESK_CACHE", str(home / "cache"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "xdg-cache"))
    # The command line's password (issue 11): the demo accounts' ("demo"). Tests of a unit
    # made by ``init`` set its administrator's own (tests/accounts.py).
    monkeypatch.setenv("MOHAO_PASSWORD", "demo")
    monkeypatch.setenv("MOHAO_KEY_PASSPHRASE", "demo")  # the demo key's passphrase too
    # In the tests' own process every session has given that passphrase (a test of the
    # passphrase itself sets ``db.key_passphrase = None`` on its database).
    monkeypatch.setattr(Database, "key_passphrase", "demo")
    monkeypatch.delenv("MOHAO_NEW_PASSWORD", raising=False)
    return home


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PrivateCluster]:
    """The session's private PostgreSQL cluster, started on first use."""
    bindir = find_bindir()
    if bindir is None:
        reason = (
            "PostgreSQL server not installed (no initdb/pg_ctl; set MOHAO_PG_BINDIR or "
            "install the 'postgresql' package): PostgreSQL variants not run"
        )
        if os.environ.get("MOHAO_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"{reason}, but MOHAO_REQUIRE_POSTGRES=1 requires them")
        pytest.skip(reason)
    cluster = PrivateCluster(bindir)
    try:
        cluster.start()
    except Exception:
        cluster.stop()
        raise
    yield cluster
    cluster.stop()


@pytest.fixture(scope="module")
def backend() -> str:
    """Which database the tests of this directory run on (overridden in tests/store and
    tests/services by a parameter: both)."""
    return "sqlite"


class DatabaseFactory:
    """Fresh databases on one backend: SQLite files in a folder, or databases on the
    private cluster (dropped by :meth:`drop_all`)."""

    def __init__(self, backend: str, folder: Path, cluster: PrivateCluster | None) -> None:
        self.backend = backend
        self.folder = folder
        self.cluster = cluster
        self.created: list[str] = []
        self._n = 0

    def __call__(self, name: str = "desk", *, migrated: bool = True) -> Path | str:
        """A new database's target for ``open_database``. SQLite: a file not yet created (it
        is migrated when opened); PostgreSQL: an existing database, already migrated to the
        head unless ``migrated`` is False (then empty, as its owner creates it)."""
        if self.cluster is None:
            self._n += 1
            return self.folder / (f"{name}.sqlite3" if self._n == 1 else f"{name}{self._n}.sqlite3")
        url = self.cluster.create_database(migrated=migrated)
        self.created.append(url)
        return url

    def copy(self, source: Path | str, name: str = "copy") -> Path | str:
        """A new database with the content of ``source`` (nobody may be connected to it: close
        or dispose its ``Database`` first). SQLite: a copy of the file; PostgreSQL: a database
        made with the source as its template."""
        if self.cluster is None:
            import shutil

            self._n += 1
            target = self.folder / f"{name}{self._n}.sqlite3"
            shutil.copy(source, target)
            return target
        url = self.cluster.create_database(copy_of=str(source))
        self.created.append(url)
        return url

    def drop_all(self) -> None:
        assert self.cluster is not None or not self.created
        for url in self.created:
            self.cluster.drop_database(url)  # type: ignore[union-attr]
        self.created.clear()


def _factory(request: pytest.FixtureRequest, backend: str, folder: Path) -> DatabaseFactory:
    if backend == "sqlite":
        return DatabaseFactory(backend, folder, None)
    assert backend == "postgresql", backend
    return DatabaseFactory(backend, folder, request.getfixturevalue("pg_cluster"))


@pytest.fixture
def new_database(
    request: pytest.FixtureRequest, backend: str, tmp_path: Path
) -> Iterator[DatabaseFactory]:
    """A factory of fresh databases on the test's backend, dropped after the test."""
    factory = _factory(request, backend, tmp_path)
    yield factory
    factory.drop_all()


@pytest.fixture(scope="module")
def new_module_database(
    request: pytest.FixtureRequest, backend: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[DatabaseFactory]:
    """The same, for module-scoped fixtures (dropped after the module)."""
    factory = _factory(request, backend, tmp_path_factory.mktemp("module-db"))
    yield factory
    factory.drop_all()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "desk.sqlite3"


@pytest.fixture
def db_target(backend: str, db_path: Path, new_database: DatabaseFactory) -> Path | str:
    """Where the ``db`` fixture's database is: ``db_path`` on SQLite, a fresh database on the
    private PostgreSQL cluster otherwise."""
    return db_path if backend == "sqlite" else new_database()


@pytest.fixture
def db(db_target: Path | str) -> Iterator[Database]:
    database = open_database(db_target)
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


def downgrade_sqlite(path: Path, revision: str) -> None:
    """Take a SQLite database back to ``revision`` with Alembic, as an older program left it
    (its ``user_version`` too). installer/make_old_database.py does the same for the bundle's
    smoke test, which cannot import tests/."""
    from importlib import resources

    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{path}")
    config = Config()
    config.set_main_option(
        "script_location", str(resources.files("mohao_desk.store") / "migrations")
    )
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision)
        conn.exec_driver_sql(f"PRAGMA user_version={int(revision)}")
    engine.dispose()
