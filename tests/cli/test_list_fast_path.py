"""``mohao-desk list`` on a SQLite desk reads through the store's plain ``sqlite3`` path
(services/listing.py, store/plain.py) instead of SQLAlchemy: its output must be the old path's
(``Desk.count`` / ``Desk.list``), byte for byte, for the same database and the same moment.

Each comparison runs the command twice in this process on a real demo desk at a fixed clock:
once as it runs (the plain path, checked to be taken), once with the plain path refused (the
``Desk`` path, as before). PostgreSQL keeps the ``Desk`` path: the same demo on the private
cluster must list what the SQLite file lists. Databases that the old path refuses, migrates or
fails on must give the same message (or migration) as before."""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from mohao_desk.cli import main
from mohao_desk.cli.dossiers import write_json_list
from mohao_desk.domain.deadline import Band
from mohao_desk.domain.lifecycle import Channel, Status
from mohao_desk.services import listing as listing_module
from mohao_desk.services.demo import fill_demo
from mohao_desk.services.desk import Desk
from mohao_desk.services.listing import Listing
from mohao_desk.store.db import SCHEMA_HEAD, open_database
from tests.conftest import downgrade_sqlite

DEMO_NOW = datetime(2026, 11, 27, 10, 0)  # a Friday, in office hours
# The moments the lists are taken at: office hours, the lunch break, the evening, a Saturday,
# days later (more overdue), a public holiday, a minute before closing.
MOMENTS = [
    datetime(2026, 11, 27, 10, 0, 17),
    datetime(2026, 11, 27, 12, 15),
    datetime(2026, 11, 27, 21, 40, 5),
    datetime(2026, 11, 28, 9, 0),
    datetime(2026, 12, 3, 16, 59, 59),
    datetime(2027, 1, 1, 9, 30),
]
VIEWS = ["--overdue", "--due-today", "--pending", "--all"]
FORMATS = [[], ["--format", "json"], ["--format", "csv"]]
SEARCHES = [
    "nguyen van",
    "Nguyễn",
    "an",  # short words: LIKE, not the FTS5 index
    "thi an 09",
    "0912",
    "h31-2611",
    '"quoted" 50%_/x',
    "zzzz không có ai",  # nothing found
    "   ",
]
# Applicants the demo does not have: text JSON and CSV must escape or guard.
ODD_NAMES = [
    'Lê "Bé" \\ Út',
    "=HYPERLINK(1)",
    "+84 Trần 😀 Ly",
    "Ngô <b>&amp;</b> Ánh/\\u00e9",
]


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _fill(target: Path | str) -> None:
    """The same demo on either database: a year of dossiers with a backlog, the odd names, a
    unit's day off."""
    db = open_database(target)
    fill_demo(db, dossiers=1500, seed=11, now=DEMO_NOW, backlog=120)
    desk = Desk(db, clock=lambda: DEMO_NOW)
    codes = [
        desk.register(
            procedure_code="1.004873",
            applicant_name=name,
            phone=f"0912 345 67{n}",
            received_at=datetime(2026, 11, 20, 9, 10 + n),
        ).summary.code
        for n, name in enumerate(ODD_NAMES)
    ]
    # Paused after its due moment had passed; paused before it; asked twice (overdue by rule);
    # and an apology with a new date.
    desk.request_supplement(codes[0], missing=["Bản sao CCCD"], at=datetime(2026, 11, 26, 14, 0))
    desk.request_supplement(codes[1], missing=["Tờ khai"], at=datetime(2026, 11, 23, 8, 0))
    desk.request_supplement(codes[2], missing=["Tờ khai"], at=datetime(2026, 11, 20, 10, 0))
    desk.receive_supplement(codes[2], at=datetime(2026, 11, 23, 9, 0))
    desk.request_supplement(
        codes[2], missing=["Giấy hẹn"], reason="Thiếu giấy tờ", at=datetime(2026, 11, 24, 9, 0)
    )
    desk.apologize(
        codes[3],
        reason="Chờ xác minh",
        new_due=datetime(2026, 12, 4, 9, 0),
        override="Thử nghiệm",
        at=datetime(2026, 11, 25, 9, 0),
    )
    db.close()
    code = main(
        ["calendar", "add-off", "--date", "2026-12-02", "--db", str(target), "--by", "quantri"]
    )
    assert code == 0


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("home")
    saved = {k: os.environ.get(k) for k in ("MOHAO_DESK_HOME", "MOHAO_PASSWORD")}
    os.environ.update(MOHAO_DESK_HOME=str(home), MOHAO_PASSWORD="demo")
    try:
        path = tmp_path_factory.mktemp("listing") / "demo.sqlite3"
        _fill(path)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return path


@pytest.fixture
def demo_db(demo_file: Path, tmp_path: Path) -> Path:
    """A copy of the module's demo desk (a test may change its copy)."""
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_file, path)
    return path


class Paths:
    """Runs ``list`` on the plain path or on the ``Desk`` path, at a fixed moment."""

    def __init__(self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
        self.capsys = capsys
        self.monkeypatch = monkeypatch
        self.taken: list[bool] = []
        real = listing_module.open_listing

        def spy(target: Path | str, **kw: object) -> Listing | None:
            found = real(target, **kw)  # type: ignore[arg-type]
            self.taken.append(found is not None)
            return found

        monkeypatch.setattr(listing_module, "open_listing", spy)

    def at(self, moment: datetime) -> None:
        self.monkeypatch.setattr(Desk, "now", lambda self: moment)
        self.monkeypatch.setattr(Listing, "now", lambda self: moment)

    def new(self, *args: str) -> tuple[int, str, str]:
        self.taken.clear()
        result = cli(self.capsys, "list", *args)
        assert self.taken == [True], "the plain path was not taken"
        return result

    def old(self, *args: str) -> tuple[int, str, str]:
        with self.monkeypatch.context() as m:
            m.setattr(listing_module, "open_listing", lambda target, **kw: None)
            return cli(self.capsys, "list", *args)

    def same(self, *args: str) -> str:
        new = self.new(*args)
        old = self.old(*args)
        assert new == old, args
        return new[1]


@pytest.fixture
def paths(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Paths:
    return Paths(capsys, monkeypatch)


@pytest.mark.parametrize("moment", MOMENTS, ids=lambda m: f"{m:%Y%m%d-%H%M%S}")
def test_every_view_and_format_is_the_old_output(
    paths: Paths, demo_file: Path, moment: datetime
) -> None:
    paths.at(moment)
    db = ["--db", str(demo_file)]
    seen = set()
    for view in VIEWS:
        count = paths.same(view, "--count", *db)
        for fmt in FORMATS:
            out = paths.same(view, *fmt, *db)
            seen.add(out)
            if fmt == ["--format", "json"]:  # as many rows as the count says
                assert len(json.loads(out)) == int(count)
    # Not all empty: the views differ (nothing is due on a day off, the other three have rows).
    assert len(seen) >= 3 * len(FORMATS)


def test_the_lists_hold_what_the_comparison_needs(paths: Paths, demo_file: Path) -> None:
    """The demo's lists have the rows whose fields differ most: countdowns, appointments after
    an apology, paused dossiers, repeated supplements, every ending, the odd names."""
    paths.at(MOMENTS[0])
    items = json.loads(paths.same("--all", "--format", "json", "--db", str(demo_file)))
    assert len(items) == 1500 + len(ODD_NAMES)
    assert {d["band"] for d in items} >= {"trong_han", "sap_den_han", "qua_han"}
    assert {d["timeliness"] for d in items} >= {"truoc_han", "dung_han", "qua_han"}
    assert any(d["appointment_remaining"] for d in items)
    assert any(d["paused"] and d["remaining"] for d in items)
    assert any("bổ sung nhiều lần" in (d["remaining"] or "") for d in items)
    assert {d["status"] for d in items} >= {"returned", "processing", "waiting_supplement"}
    assert {d["applicant"] for d in items} >= set(ODD_NAMES)
    overdue = json.loads(paths.same("--overdue", "--format", "json", "--db", str(demo_file)))
    assert len(overdue) > 20
    today = json.loads(paths.same("--due-today", "--format", "json", "--db", str(demo_file)))
    assert today


@pytest.mark.parametrize("search", SEARCHES)
def test_searches_limits_and_counts_are_the_old_output(
    paths: Paths, demo_file: Path, search: str
) -> None:
    paths.at(MOMENTS[0])
    db = ["--db", str(demo_file)]
    for view in ("--all", "--pending", "--overdue"):
        paths.same(view, "--search", search, "--count", *db)
        for fmt in FORMATS:
            paths.same(view, "--search", search, *fmt, *db)
        paths.same(view, "--search", search, "--limit", "3", "--format", "json", *db)


def test_limits_and_empty_results(paths: Paths, demo_file: Path) -> None:
    paths.at(MOMENTS[0])
    db = ["--db", str(demo_file)]
    for limit in ("0", "1", "57"):
        for fmt in FORMATS:
            paths.same("--all", "--limit", limit, *fmt, *db)
    for fmt in FORMATS:
        out = paths.same("--all", "--search", "zzzz", *fmt, *db)
    assert out == "code\r\n"  # the CSV of nothing: its one header
    assert paths.same("--all", "--search", "zzzz", "--format", "json", *db) == "[]\n"
    assert paths.same("--all", "--search", "zzzz", *db).endswith("Tổng: 0 hồ sơ\n")


def test_the_same_sql_is_sent(paths: Paths, demo_file: Path, monkeypatch) -> None:
    """The plain path sends the very statements (with their parameters) that SQLAlchemy sends
    for the same views, counts and searches."""
    paths.at(MOMENTS[4])
    sent: list[str] = []
    real = sqlite3.connect

    def traced(*args: object, **kw: object) -> sqlite3.Connection:
        conn = real(*args, **kw)  # type: ignore[arg-type]
        conn.set_trace_callback(sent.append)
        return conn

    monkeypatch.setattr(sqlite3, "connect", traced)
    monkeypatch.setattr(sqlite3.dbapi2, "connect", traced)
    db = ["--db", str(demo_file)]
    runs = [
        *([view, "--count"] for view in VIEWS),
        *([view, "--limit", "5"] for view in VIEWS),
        ["--all", "--search", "nguyen van 09"],
        ["--overdue", "--search", 'thi "a" %_/'],
        ["--overdue", "--search", "an", "--limit", "4"],
        ["--pending", "--search", "x y"],
        ["--due-today", "--search", "an", "--count"],
    ]
    for args in runs:
        statements = {}
        for name, run in (("new", paths.new), ("old", paths.old)):
            sent.clear()
            assert run(*args, *db)[0] == 0
            # The counts and lists (not FTS5's own statements, nor the check for its table,
            # which the old path remembers for the whole process).
            statements[name] = [s for s in sent if s.startswith("SELECT") and "\nFROM dossier" in s]
        assert statements["new"] == statements["old"], args
        assert statements["new"], args


def test_postgresql_lists_what_the_sqlite_file_lists(
    paths: Paths, demo_file: Path, pg_cluster
) -> None:
    """The server keeps the ``Desk`` path (the plain one is not taken) and its output: the same
    demo there gives the same bytes as the file here."""
    url = pg_cluster.create_database()
    try:
        _fill(url)
        paths.capsys.readouterr()
        paths.at(MOMENTS[0])
        for args in (
            ["--overdue", "--count"],
            ["--overdue", "--format", "json"],
            ["--due-today"],
            ["--pending", "--format", "csv"],
            ["--all", "--search", "nguyen van", "--format", "json"],
            ["--all", "--search", "an 09", "--limit", "20"],
            ["--all", "--search", "zzzz", "--format", "csv"],
        ):
            paths.taken.clear()
            server = cli(paths.capsys, "list", *args, "--db", url)
            assert paths.taken == [False]
            assert server == paths.new(*args, "--db", str(demo_file)), args
    finally:
        pg_cluster.drop_database(url)


def test_without_the_search_index(paths: Paths, demo_db: Path) -> None:
    """A SQLite built without FTS5 has no ``dossier_fts`` (revision 0002 skips it): every word
    is then a LIKE, on both paths."""
    with sqlite3.connect(demo_db) as conn:
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'dossier_fts%'"
        ).fetchall():
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("DROP TABLE dossier_fts")
    conn.close()
    paths.at(MOMENTS[0])
    db = ["--db", str(demo_db)]
    for search in ("nguyen van", "an 09", "Nguyễn"):
        paths.same("--all", "--search", search, "--format", "json", *db)
        paths.same("--overdue", "--search", search, *db)


# ---------------------------------------------------------------- what the old path says


def _same_refusal(paths: Paths, target: Path, *args: str, copy: bool = True) -> str:
    """Both runs (the plain path allowed, then refused) on two identical copies of a file
    (``copy``: else on the file itself): the same exit code, output and message."""
    twin = target.with_name(target.name + "-twin")
    if copy and target.is_file():
        shutil.copyfile(target, twin)
    else:  # a folder, a missing file: nothing to change
        twin = target
    paths.at(MOMENTS[0])
    new = cli(paths.capsys, "list", *args, "--db", str(target))
    old = paths.old(*args, "--db", str(twin))
    assert new[0] == old[0]
    assert new[1] == old[1]
    assert new[2] == old[2].replace(str(twin), str(target))
    return new[2]


def test_files_that_are_no_desk_get_the_same_message(paths: Paths, tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("not a database at all, but long enough to be read as one" * 30)
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    foreign = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    conn.close()
    no_unit = tmp_path / "no-unit.sqlite3"
    open_database(no_unit).close()
    for target in (junk, empty, foreign, no_unit, tmp_path / "missing.sqlite3", tmp_path):
        err = _same_refusal(paths, target, "--overdue", "--count")
        assert err.startswith("mohao-desk: ") and len(err.splitlines()) == 1, (target, err)
    assert not (tmp_path / "missing.sqlite3").exists()


def _set_revision(path: Path, revision: str, user_version: int | None = None) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        if user_version is not None:
            conn.execute(f"PRAGMA user_version={user_version}")
    conn.close()


def test_a_newer_database_is_refused_the_same_way(paths: Paths, demo_db: Path) -> None:
    newer = demo_db.with_name("newer.sqlite3")
    shutil.copyfile(demo_db, newer)
    _set_revision(newer, "0099")
    err = _same_refusal(paths, newer, "--all", "--count")
    assert "mới hơn" in err
    _set_revision(demo_db, SCHEMA_HEAD, user_version=999)
    assert "mới hơn" in _same_refusal(paths, demo_db, "--overdue", "--format", "json")


def _older(path: Path, revision: str) -> None:
    downgrade_sqlite(path, revision)


def test_an_older_database_is_backed_up_and_migrated_as_before(
    paths: Paths, tmp_path: Path, demo_file: Path
) -> None:
    """The plain path is not taken: the ``Desk`` path copies the file into backups/ and
    migrates it, then lists, as it always did."""
    results = []
    for name in ("new", "old"):
        folder = tmp_path / name
        folder.mkdir()
        path = folder / "desk.sqlite3"
        shutil.copyfile(demo_file, path)
        _older(path, "0010")
        paths.at(MOMENTS[0])
        paths.taken.clear()
        run = cli if name == "new" else None
        if run is not None:
            result = run(paths.capsys, "list", "--overdue", "--format", "json", "--db", str(path))
            assert paths.taken == [False]
        else:
            result = paths.old("--overdue", "--format", "json", "--db", str(path))
        with sqlite3.connect(path) as conn:
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        conn.close()
        backups = [p.name.split("-truoc-")[0] for p in (folder / "backups").glob("*.sqlite3")]
        results.append((result, revision, backups))
    assert results[0] == results[1]
    assert results[0][1] == SCHEMA_HEAD and results[0][2] == ["desk"]
    assert results[0][0][0] == 0 and json.loads(results[0][0][1])


def test_a_locked_file_gets_the_same_message(paths: Paths, demo_db: Path) -> None:
    holder = sqlite3.connect(demo_db, isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode=EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("UPDATE setting SET value = value")
        err = _same_refusal(paths, demo_db, "--overdue", "--count", copy=False)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "locked" in err or "đang bị chương trình khác ghi" in err


def test_stored_settings_that_the_desk_refuses(paths: Paths, demo_db: Path) -> None:
    """Announcements the desk cannot read, a day override that is no date, a time zone that
    does not exist: the plain path is not taken, and the old path says what it said."""
    cases: list[Callable[[sqlite3.Connection], object]] = [
        lambda c: c.execute(
            "INSERT OR REPLACE INTO setting (key, value) VALUES ('calendar_announcements', ?)",
            (json.dumps({"not": "a list"}),),
        ),
        lambda c: c.execute("UPDATE calendar_override SET day = '2026-13-45'"),
        lambda c: c.execute("UPDATE unit SET timezone = 'Asia/Nowhere'"),
        lambda c: c.execute("UPDATE unit SET office_hours = '25:00-26:00'"),
    ]
    for n, change in enumerate(cases):
        path = demo_db.with_name(f"case{n}.sqlite3")
        shutil.copyfile(demo_db, path)
        with sqlite3.connect(path) as conn:
            change(conn)
        conn.close()
        _same_refusal(paths, path, "--overdue", "--count")
        _same_refusal(paths, path, "--overdue", "--format", "json")


def test_damaged_rows_get_the_same_message(paths: Paths, demo_db: Path) -> None:
    with sqlite3.connect(demo_db) as conn:
        conn.execute(
            "UPDATE dossier SET applicant_name = CAST(X'C3FF41' AS TEXT) WHERE id = "
            "(SELECT min(id) FROM dossier)"
        )
    conn.close()
    err = _same_refusal(paths, demo_db, "--all", "--limit", "5")
    assert err.startswith("mohao-desk: ")
    _same_refusal(paths, demo_db, "--all", "--count")


# ---------------------------------------------------------------- whole processes


def _process(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "mohao_desk", *args],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
    )


def test_a_whole_process_imports_no_sqlalchemy(demo_file: Path) -> None:
    probe = (
        "import sys\n"
        "from mohao_desk.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "assert 'sqlalchemy' not in sys.modules, 'sqlalchemy imported'\n"
        "raise SystemExit(code)\n"
    )
    for args in (
        ["list", "--overdue", "--count"],
        ["list", "--overdue", "--format", "json"],
        ["list", "--all", "--search", "nguyen van"],
        ["list", "--pending", "--format", "csv"],
    ):
        done = subprocess.run(
            [sys.executable, "-c", probe, *args, "--db", str(demo_file)],
            capture_output=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr.decode()


def test_whole_process_bytes(paths: Paths, demo_file: Path) -> None:
    """The bytes a script reads from a real process: the oldest dossiers (all finished: no
    countdown that moves with the clock) in the three formats, and the counts, as the
    ``Desk`` path gives them in this process."""
    db = ["--db", str(demo_file)]
    for args in (
        ["--all", "--limit", "40"],
        ["--all", "--limit", "40", "--format", "json"],
        ["--all", "--limit", "40", "--format", "csv"],
        ["--all", "--count"],
        ["--all", "--search", "nguyen", "--count"],
    ):
        done = _process("list", *args, *db)
        assert done.returncode == 0, done.stderr.decode()
        old = paths.old(*args, *db)
        assert done.stdout.decode("utf-8") == old[1].replace("\n", os.linesep), args


def test_the_listing_reads_the_wall_clock_as_the_desk(demo_file: Path) -> None:
    listing = listing_module.open_listing(demo_file)
    assert listing is not None
    db = open_database(demo_file, create=False)
    try:
        desk = Desk(db)
        before = desk.now()
        mine = listing.now()
        after = desk.now()
        assert before <= mine <= after
        assert listing.tz == desk.tz
        assert listing.calendar.days_off == desk.calendar.days_off
        assert listing.calendar.extra_working_days == desk.calendar.extra_working_days
        assert listing.calendar.office_hours == desk.calendar.office_hours
    finally:
        db.close()
        listing.close()


# ---------------------------------------------------------------- the JSON writer

JSON_ROWS = [
    {"a": "x", "b": 1, "c": None, "d": True, "e": False, "f": -7, "g": 10**30},
    {"text": 'q"uo\\te\n\t\u2028\x00 é 😀 \ud800', "": ""},
    {"float": 1.5, "nan": float("nan"), "list": [1, {"x": [2]}], "nested": {"k": "v"}},
    {},
    {"enum": Status.RECEIVED, "channel": Channel.DIRECT, "band": Band.OVERDUE},
    {1: "int key", None: "none key", 2.5: "float key", False: "bool"},
    {"int subclass": True, "big": -(2**70)},
]


@pytest.mark.parametrize("count", [0, 1, 2, 7, 600, 1300])
def test_the_json_writer_is_json_dump(count: int) -> None:
    rows = [JSON_ROWS[n % len(JSON_ROWS)] for n in range(count)]
    expected = io.StringIO()
    json.dump(rows, expected, ensure_ascii=False, indent=1)
    written = io.StringIO()
    write_json_list(iter(rows), written)
    assert written.getvalue() == expected.getvalue()
