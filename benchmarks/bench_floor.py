"""Whole ``mohao-desk`` processes against their floors (issue 14, first step).

Each path is a whole ``mohao-desk`` process; its floor is the least a process must do for the
same result: ``python -c pass`` (the interpreter's start), or a small script or the ``sqlite3``
CLI doing the same SQL with nothing around it. Both are timed in the same run, alternating
(path, floor, path, floor, ...), so that the machine's noise falls on both; the first run of
each is a warm-up (the page cache) and is dropped; the package's ``.pyc`` files are written
first (``compileall``), as a user's first start or an install writes them. The table gives the
medians and the ratio path ÷ floor against the issue's goal.

The paths and their floors:

- ``due --received … --days 5`` (no database: the built-in calendar) against ``python -c pass``.
- ``list --overdue --count`` on a 200,000-dossier demo desk against ``python -c pass``.
- ``list --overdue --format json`` (200,000) against a Python ``sqlite3`` + ``json`` script:
  the program's listing SELECT (the same columns, joins, WHERE and ORDER BY, read from the
  program's own SQL), its moments formatted in SQL as the program's ISO minutes, dumped as
  ``json.dump(..., ensure_ascii=False, indent=1)``. The program's derived fields (the labels,
  the countdown against the working calendar) have no SQL equivalent and are not in the floor.
- ``list --all --search "nguyen van"`` on a 1,000,000-dossier desk against the ``sqlite3`` CLI
  running the program's FTS5 listing query (``dossier.id IN (SELECT rowid FROM dossier_fts
  WHERE dossier_fts MATCH '"nguyen" AND "van"')``, same columns, joins, ORDER BY) printing the
  rows; Python's ``sqlite3`` if the CLI is missing (the output says which).
- ``export`` of a 100,000-dossier desk (``--by quantri``: an Argon2 login) against a Python
  script that runs the export's two SELECTs (dossiers and their facts, same columns and WHERE),
  transposes them into the package's columns, dumps them as compact JSON and writes a zip
  (deflate level 1, as the package's payload) through a temporary file, ``fsync`` and rename,
  as the program writes its package. Not a copy of the database file: the file (~160 MB for
  100,000 dossiers, events and indexes included) is not the work the export does (~19 MB of
  JSON, 2.3 MB zipped). Before each export the desk's export history is emptied (not timed), so
  that every run exports everything.

- ``import`` of 13 packages of 100,000 dossiers each (``import``: the 100,000-dossier desk's
  first package, without personal data, re-labelled for 13 units and re-signed with their own
  keys, as ``bench_sync.py`` makes them) into a fresh upstream database (``upstream init``,
  the 13 keys trusted: a copy of it is put in place before each run, not timed), against a
  Python ``sqlite3`` script that writes the same rows into another fresh copy of that same
  database (same schema, same indexes): it attaches the database one import produced (made
  once, the first time, by the path itself) and, in one transaction with the import's
  256 MiB page cache, drops the search-index triggers, runs ``INSERT INTO t SELECT * FROM
  src.t`` for each table the import fills (``dossier``, ``synced_dossier``, ``audit_state``,
  ``daily_count``), indexes the search column in one statement (``INSERT INTO
  dossier_fts(rowid, search_key) SELECT id, search_key FROM dossier``), puts the triggers back
  and commits (WAL, ``synchronous=NORMAL``, as the program). It does not read, verify or
  parse the packages, check values, compute the audit chain's hashes or the daily counts:
  it is the cost of writing the rows and their indexes, nothing else.
- ``demo --dossiers 1000000`` into a new file, against the issue's goal of 60 s (no floor:
  the work is the program's own; ``--long-runs`` runs, the first dropped unless there is one).
- The window's start on a 1,000,000-dossier desk (``demo --dossiers 1000000 --backlog 50000``,
  as ``bench_ui.py``): ``bench_ui.py``'s launch snippet (process start → the board's first
  rows on screen, offscreen Qt), its own printed time, against the goal of 0.5 s (no floor).

The desks are made with ``mohao-desk demo`` under ``--dir`` (default /tmp/bench-floor) and
reused if present. ``mohao-desk`` is the one beside the running interpreter (run this with the
project's venv: ``.venv/bin/python benchmarks/bench_floor.py``); with ``--python-path DIR``
it is ``sys.executable -m mohao_desk`` with ``PYTHONPATH=DIR`` instead (a worktree's code:
``--python-path /work/wt-x``); the output names the ``mohao_desk`` package those processes
import. ``--phases`` then times, in fresh processes, the
parts of a start that the table's paths share (the imports, the parser, the working calendar,
the Argon2 check).
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

# The demo desk's accounts and signing key have the password "demo" (see bench_server.py).
DEMO = {"MOHAO_PASSWORD": "demo", "MOHAO_KEY_PASSPHRASE": "demo"}
ADMIN = "quantri"  # export needs the administrator's (or the leader's) role

# The program's listing SELECT (store/queries.py: LIST_COLUMNS, listing_select) with its
# moments as the JSON shows them (services/desk.py: _iso of the unit's local time; the demo
# unit is Asia/Ho_Chi_Minh, UTC+7 all year).
LOCAL = "'unixepoch', '+7 hours'"
LISTING = f"""SELECT d.id, d.code, p.code AS procedure_code, p.name AS procedure,
 p.field AS field, d.applicant_name AS applicant, d.applicant_phone AS phone, d.channel,
 strftime('%Y-%m-%dT%H:%M', d.received_at, {LOCAL}) AS received_at,
 strftime('%Y-%m-%dT%H:%M', d.due_at, {LOCAL}) AS due_at,
 strftime('%Y-%m-%dT%H:%M', d.original_due_at, {LOCAL}) AS original_due_at,
 strftime('%Y-%m-%dT%H:%M', d.finished_at, {LOCAL}) AS finished_at,
 strftime('%Y-%m-%dT%H:%M', d.returned_at, {LOCAL}) AS returned_at,
 d.paused_at IS NOT NULL AS paused, d.status, d.supplement_count, d.apology_count,
 d.inputs_digitized, d.result_digitized, o.full_name AS officer
FROM dossier d JOIN procedure p ON p.id = d.procedure_id
LEFT OUTER JOIN officer o ON o.id = d.officer_id"""
# queries._overdue_parts, as the program sends it (MAX_SUPPLEMENT_REQUESTS_ON_TIME = 1).
OVERDUE = """WHERE d.status IN ('received', 'processing') AND d.original_due_at < :now
 OR d.status = 'waiting_supplement' AND d.paused_at > d.original_due_at
 OR d.status IN ('received', 'waiting_supplement', 'processing') AND d.supplement_count > 1"""
ORDER = "ORDER BY d.original_due_at, d.id"
SEARCH_WHERE = """WHERE d.id IN (SELECT rowid FROM dossier_fts
 WHERE dossier_fts MATCH '"nguyen" AND "van"')"""

FLOOR_JSON = f"""
import json, sqlite3, sys, time
conn = sqlite3.connect(f"file:{{sys.argv[1]}}?mode=ro", uri=True)
conn.row_factory = sqlite3.Row
rows = conn.execute({LISTING + " " + OVERDUE + " " + ORDER!r}, {{"now": int(time.time())}})
json.dump([dict(r) for r in rows], sys.stdout, ensure_ascii=False, indent=1)
sys.stdout.write("\\n")
"""

FLOOR_SEARCH_PY = f"""
import sqlite3, sys
conn = sqlite3.connect(f"file:{{sys.argv[1]}}?mode=ro", uri=True)
w = sys.stdout.write
for row in conn.execute({LISTING + " " + SEARCH_WHERE + " " + ORDER!r}):
    w("|".join("" if v is None else str(v) for v in row) + "\\n")
"""

# services/sync.py export_desk_package, store/sync_queries.py changed_dossiers/changed_facts
# (without personal data: the demo desk's default), domain/package.py build_package.
FLOOR_EXPORT = """
import json, os, sqlite3, sys, time, zipfile
db, out = sys.argv[1], sys.argv[2]
conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
unit = conn.execute("SELECT id, code FROM unit WHERE is_own IS 1").fetchone()
low, high = 0, int(time.time())
rows = conn.execute(
    "SELECT d.code, p.code, d.regime_code, d.channel, d.sets_count, d.verification,"
    " d.received_at, d.due_at, d.original_due_at, d.finished_at, d.returned_at, d.paused_at,"
    " d.status, o.username, r.username, d.supplement_count, d.apology_count,"
    " d.inputs_digitized, d.result_digitized, d.result_electronic, d.rating, d.event_count,"
    " d.updated_at FROM dossier d JOIN procedure p ON p.id = d.procedure_id"
    " LEFT JOIN officer o ON o.id = d.officer_id LEFT JOIN officer r ON r.id = d.receiver_id"
    " WHERE d.unit_id = ? AND d.updated_at >= ? AND d.updated_at <= ? ORDER BY d.id",
    (unit[0], low, high),
).fetchall()
facts_rows = conn.execute(
    "SELECT d.code, e.act, e.at FROM event e JOIN dossier d ON d.id = e.dossier_id"
    " WHERE e.act IN ('supplement_request', 'supplement_received', 'apologize')"
    " AND d.unit_id = ? AND d.updated_at >= ? AND d.updated_at <= ? ORDER BY e.dossier_id, e.seq",
    (unit[0], low, high),
).fetchall()
names = ["code", "procedure", "regime", "channel", "sets", "verification", "received_at",
         "due_at", "original_due_at", "finished_at", "returned_at", "paused_at", "status",
         "officer", "receiver", "supplement_count", "apology_count", "inputs_digitized",
         "result_digitized", "result_electronic", "rating", "event_count", "updated_at"]
columns = {n: list(v) for n, v in zip(names, zip(*rows))}
facts = {}
for code, act, at in facts_rows:
    facts.setdefault(code, []).append([act, at])
columns["facts"] = [facts.get(c) for c in columns["code"]]
payload = json.dumps({"dossiers": columns}, ensure_ascii=False, separators=(",", ":")).encode()
os.makedirs(out, exist_ok=True)
path = os.path.join(out, unit[1] + "_000001.mhd")
with open(path + ".tmp", "wb") as handle:
    with zipfile.ZipFile(handle, "w") as archive:
        archive.writestr("payload.json", payload, zipfile.ZIP_DEFLATED, compresslevel=1)
    handle.flush()
    os.fsync(handle.fileno())
os.replace(path + ".tmp", path)
"""

# The import's floor: the same rows into a fresh copy of the same database (the docstring).
FLOOR_IMPORT = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode=WAL")
conn.execute("PRAGMA synchronous=NORMAL")
conn.execute("PRAGMA cache_size=-262144")
conn.execute("ATTACH ? AS src", (sys.argv[2],))
conn.execute("BEGIN IMMEDIATE")
triggers = conn.execute(
    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'dossier_fts_%'"
).fetchall()
for name, _ in triggers:
    conn.execute(f'DROP TRIGGER "{name}"')
for table in ("dossier", "synced_dossier", "audit_state", "daily_count"):
    conn.execute(f"INSERT INTO main.{table} SELECT * FROM src.{table}")
conn.execute("INSERT INTO dossier_fts(rowid, search_key) SELECT id, search_key FROM dossier")
for _, sql in triggers:
    conn.execute(sql)
conn.execute("COMMIT")
conn.close()
"""
IMPORT_UNITS = 13
UPSTREAM_ENV = {"MOHAO_PASSWORD": "demodemo", "MOHAO_KEY_PASSPHRASE": "demodemo"}  # 8+ letters


# --phases: what a process spends where, each in a fresh process (the part after "|" is timed).
PHASES = {
    "import sqlalchemy": "|import sqlalchemy",
    "import holidays": "|import holidays",
    "import mohao_desk.services.desk (with sqlalchemy)": "|import mohao_desk.services.desk",
    "build_parser() (with the CLI's imports)": (
        "|from mohao_desk.cli.program import build_parser; build_parser()"
    ),
    "vietnam_calendar() (with import holidays)": (
        "from mohao_desk.domain.calendar import vietnam_calendar|vietnam_calendar()"
    ),
    "Argon2 verify of the demo's stored hash": (
        "import sqlite3, sys, argon2; ph = argon2.PasswordHasher(); h = sqlite3.connect("
        "sys.argv[1]).execute(\"SELECT password_hash FROM officer WHERE username = 'quantri'\")"
        ".fetchone()[0]|ph.verify(h, 'demo')"
    ),
}
PHASE = "import time\n{0}\nt = time.perf_counter()\n{1}\nprint(time.perf_counter() - t)"


def phases(runs: int, db: Path, env: dict[str, str]) -> None:
    """Fresh processes (``-P``: not the current directory's code), alternating the phases."""
    times: dict[str, list[float]] = {name: [] for name in PHASES}
    for _ in range(runs):
        for name, snippet in PHASES.items():
            done = subprocess.run(
                [sys.executable, "-P", "-c", PHASE.format(*snippet.split("|", 1)), str(db)],
                capture_output=True, text=True, env=env, check=True,
            )  # fmt: skip
            times[name].append(float(done.stdout))
    print(f"\nPhases (fresh processes, median of {runs - 1} after a warm-up, load {load()}):")
    for name, values in times.items():
        kept = values[1:]
        print(
            f"  {name}: {1000 * statistics.median(kept):.0f} ms "
            f"({1000 * min(kept):.0f}–{1000 * max(kept):.0f})"
        )


@dataclass
class Case:
    name: str  # for --only
    label: str  # the table's first column
    floor_label: str
    goal: float
    command: list[str]
    floor: list[str] | None  # None: against the goal alone (seconds)
    before: Callable[[], None] | None = None  # before each run of the path (not timed)
    before_floor: Callable[[], None] | None = None
    env: dict[str, str] | None = None  # instead of the run's
    printed: bool = False  # the process prints its own time (the window's start)
    long: bool = False  # --long-runs, not --runs
    path_times: list[float] = field(default_factory=list)
    floor_times: list[float] = field(default_factory=list)
    path_cpu: list[float] = field(default_factory=list)  # user + system seconds
    floor_cpu: list[float] = field(default_factory=list)


PYTHON_PATH: str | None = None  # --python-path


def program() -> list[str]:
    script = Path(sys.executable).parent / "mohao-desk"
    if script.exists() and PYTHON_PATH is None:
        return [str(script)]
    return [sys.executable, "-m", "mohao_desk"]


CPU: list[float] = []  # the CPU seconds (user + system) of each process run() waited for


def run(command: list[str], env: dict[str, str], printed: bool = False) -> float:
    if printed:  # the snippet is given its start moment and prints its own time
        command = [*command, str(time.time())]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(
        command, stdout=subprocess.PIPE if printed else subprocess.DEVNULL,
        stderr=subprocess.PIPE, env=env,
    )  # fmt: skip
    seconds = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    if done.returncode:
        raise SystemExit(f"{command} failed ({done.returncode}):\n{done.stderr.decode()}")
    return float(done.stdout.split()[0]) if printed else seconds


def desk(root: Path, dossiers: int, env: dict[str, str], backlog: int = 0) -> Path:
    """A demo desk of ``dossiers`` dossiers under ``root``, made once (a file being made has
    another name, so an interrupted demo is not reused)."""
    tail = f"-backlog{backlog}" if backlog else ""
    path = root / f"desk-{dossiers}{tail}.sqlite3"
    if path.exists():
        return path
    making = root / f"prep-{dossiers}{tail}.sqlite3"
    remove_db(making)
    print(f"making a demo desk of {dossiers:,} dossiers …", flush=True)
    extra = ["--backlog", str(backlog)] if backlog else []
    seconds = run(
        [*program(), "demo", "--dossiers", str(dossiers), *extra, "--db", str(making)], env
    )
    making.rename(path)
    print(f"  {seconds:.0f} s: {path}", flush=True)
    return path


def remove_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def copy_db(source: Path, target: Path) -> None:
    remove_db(target)
    shutil.copyfile(source, target)


def upstream_packages(root: Path, env: dict[str, str]) -> tuple[Path, list[Path]]:
    """The empty upstream database (its 13 desks' keys trusted) and the 13 packages, made once
    from the 100,000-dossier desk's first package (``bench_sync.py``'s re-labelling)."""
    base = root / "import"
    empty, packages = base / "empty-upstream.sqlite3", base / "packages"
    done = base / "ready"
    if done.exists():
        return empty, sorted(packages.glob("*.mhd"))
    shutil.rmtree(base, ignore_errors=True)
    packages.mkdir(parents=True)
    source = desk(root, 100_000, env)
    work = base / "desk.sqlite3"
    copy_db(source, work)
    out = base / "desk-out"
    print(f"making {IMPORT_UNITS} packages of 100,000 dossiers …", flush=True)
    run([*program(), "export", "--by", ADMIN, "--out", str(out), "--db", str(work)], env)
    package = next(out.glob("*.mhd"))
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_sync import relabel  # the project's domain.package, from this interpreter

    up_env = {**env, **UPSTREAM_ENV}
    run([*program(), "upstream", "init", "--db", str(empty)], up_env)
    for n in range(IMPORT_UNITS):
        code = f"000.{40 + n}.22.H31"
        _, key = relabel(package, packages, code, f"Ủy ban nhân dân phường Số {n + 1}")
        run([*program(), "trust", str(key), "--by", ADMIN, "--db", str(empty)], up_env)
    remove_db(work)
    done.touch()
    return empty, sorted(packages.glob("*.mhd"))


def kept(times: list[float]) -> list[float]:
    """The runs counted: all but the first (a warm-up), unless there is only one."""
    return times[1:] if len(times) > 1 else times


def load() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def build(names: set[str], root: Path, env: dict[str, str], big: int) -> list[Case]:
    mohao = program()
    py = sys.executable
    paths: list[Case] = []
    if "due" in names:
        paths.append(Case(
            "due", "`due --received 2026-04-27T09:00 --days 5`", "`python -c pass`", 2,
            [*mohao, "due", "--received", "2026-04-27T09:00", "--days", "5"], [py, "-c", "pass"],
        ))  # fmt: skip
    if names & {"count", "json"}:
        db = str(desk(root, 200_000, env))
        if "count" in names:
            paths.append(Case(
                "count", "`list --overdue --count` (200k)", "`python -c pass`", 4,
                [*mohao, "list", "--overdue", "--count", "--db", db], [py, "-c", "pass"],
            ))  # fmt: skip
        if "json" in names:
            paths.append(Case(
                "json", "`list --overdue --format json` (200k)", "sqlite3 + json script", 5,
                [*mohao, "list", "--overdue", "--format", "json", "--db", db],
                [py, "-c", FLOOR_JSON, db],
            ))  # fmt: skip
    if "search" in names:
        db = str(desk(root, 1_000_000, env))
        cli = shutil.which("sqlite3")
        query = f"{LISTING} {SEARCH_WHERE} {ORDER};"
        floor = [cli, "-readonly", db, query] if cli else [py, "-c", FLOOR_SEARCH_PY, db]
        paths.append(Case(
            "search", '`list --all --search "nguyen van"` (1M)',
            "`sqlite3` CLI, same FTS query" if cli else "Python sqlite3, same FTS query (no CLI)",
            5, [*mohao, "list", "--all", "--search", "nguyen van", "--db", db], floor,
        ))  # fmt: skip
    if "export" in names:
        work = root / "export-100000.sqlite3"  # the export writes its history: a copy
        if not work.exists():
            shutil.copyfile(desk(root, 100_000, env), work)
        out, floor_out = root / "export-out", root / "export-floor-out"

        def fresh() -> None:
            shutil.rmtree(out, ignore_errors=True)
            shutil.rmtree(floor_out, ignore_errors=True)
            conn = sqlite3.connect(work)
            conn.execute("DELETE FROM sync_export")
            conn.commit()
            conn.close()

        paths.append(Case(
            "export", "`export --by quantri` (100k)", "sqlite3 + json + zipfile script", 3,
            [*mohao, "export", "--by", ADMIN, "--out", str(out), "--db", str(work)],
            [py, "-c", FLOOR_EXPORT, str(work), str(floor_out)], before=fresh,
        ))  # fmt: skip
    if "import" in names:
        empty, packages = upstream_packages(root, env)
        up_env = {**env, **UPSTREAM_ENV}
        base = root / "import"
        target, floor_target, result = base / "up.sqlite3", base / "floor.sqlite3", base / "src"
        source = result / "imported.sqlite3"
        command = [*mohao, "import", *map(str, packages), "--by", ADMIN, "--db", str(target)]
        if not source.exists():  # the rows the floor copies: one import's result, made once
            result.mkdir(exist_ok=True)
            copy_db(empty, source)
            print(f"importing {IMPORT_UNITS} × 100,000 once (the floor's rows) …", flush=True)
            run([*command[:-1], str(source)], up_env)
            conn = sqlite3.connect(source)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.close()
        paths.append(Case(
            "import", f"`import` {IMPORT_UNITS} × 100,000 (upstream)",
            "INSERT … SELECT of the same rows, same indexes", 1.5, command,
            [py, "-c", FLOOR_IMPORT, str(floor_target), str(source)],
            before=lambda: copy_db(empty, target),
            before_floor=lambda: copy_db(empty, floor_target), env=up_env, long=True,
        ))  # fmt: skip
    if "demo" in names:
        made = root / "demo-run.sqlite3"
        paths.append(Case(
            "demo", f"`demo --dossiers {big}`", "—", 60,
            [*mohao, "demo", "--dossiers", str(big), "--db", str(made)], None,
            before=lambda: remove_db(made), long=True,
        ))  # fmt: skip
    if "window" in names:
        db = str(desk(root, big, env, backlog=50_000 * big // 1_000_000))
        sys.path.insert(0, str(Path(__file__).parent))
        from bench_ui import LAUNCH

        paths.append(Case(
            "window", f"window usable ({big:,}, backlog {50_000 * big // 1_000_000:,})", "—", 0.5,
            [py, "-c", LAUNCH, db], None,
            env={**env, "QT_QPA_PLATFORM": "offscreen"}, printed=True,
        ))  # fmt: skip
    return paths


def main() -> None:
    global PYTHON_PATH
    all_names = ("due", "count", "json", "search", "export", "import", "demo", "window")
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", default="/tmp/bench-floor")
    parser.add_argument("--runs", type=int, default=7, help="per side; the first is dropped")
    parser.add_argument(
        "--long-runs", type=int, default=3,
        help="runs of the import and the demo (minutes each); the first is dropped if > 1",
    )  # fmt: skip
    parser.add_argument(
        "--big", type=int, default=1_000_000,
        help="dossiers of the demo and of the window's desk (smaller: to try the script)",
    )  # fmt: skip
    parser.add_argument("--only", default=",".join(all_names), help=",".join(all_names))
    parser.add_argument("--phases", action="store_true", help="then time the start's phases")
    parser.add_argument(
        "--python-path", metavar="DIR",
        help="time DIR's mohao_desk (sys.executable -m mohao_desk, PYTHONPATH=DIR)",
    )  # fmt: skip
    args = parser.parse_args()
    names = {n.strip() for n in args.only.split(",") if n.strip()}
    if unknown := names - set(all_names):
        parser.error(f"unknown: {', '.join(sorted(unknown))}")
    if args.runs < 2:
        parser.error("--runs must be at least 2 (the first is dropped)")
    root = Path(args.dir)
    root.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, **DEMO}
    if args.python_path:
        PYTHON_PATH = str(Path(args.python_path).resolve())
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (PYTHON_PATH, os.environ.get("PYTHONPATH")) if p
        )
    paths = build(names, root, env, args.big)

    where = subprocess.run(
        [sys.executable, "-P", "-c", "import mohao_desk; print(mohao_desk.__file__)"],
        capture_output=True, text=True, env=env, check=True,
    ).stdout.strip()  # fmt: skip
    # The .pyc files of that package written now: a user's first start writes them (a frozen
    # bundle or a normal install has them), but PYTHONDONTWRITEBYTECODE (set on this machine
    # image) would make every timed process compile what changed since they were last written.
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(Path(where).parent)], env=env, check=True
    )
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else "?"
    print(f"date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
    print(f"machine: {cpu_model()}; nproc {os.cpu_count()} (usable {affinity})")
    print(f"Python {platform.python_version()} ({sys.executable}); SQLite {sqlite3.sqlite_version}")
    print(f"mohao-desk: {' '.join(program())}; mohao_desk from {where}")
    print(
        f"runs: {args.runs} per side ({args.long_runs} for the import and the demo), "
        "alternating path/floor; the first of each dropped (unless there is one)"
    )
    before = load()
    print(f"load average before: {before}", flush=True)
    for p in paths:
        runs = args.long_runs if p.long else args.runs
        for _ in range(runs):
            if p.before:
                p.before()
            p.path_times.append(run(p.command, p.env or env, p.printed))
            p.path_cpu.append(CPU[-1])
            if p.floor is not None:
                if p.before_floor:
                    p.before_floor()
                p.floor_times.append(run(p.floor, p.env or env))
                p.floor_cpu.append(CPU[-1])
        a, f = kept(p.path_times), kept(p.floor_times)
        ac, fc = kept(p.path_cpu), kept(p.floor_cpu)
        print(
            f"  {p.name}: path {' '.join(f'{t:.3f}' for t in a)} (CPU "
            f"{' '.join(f'{t:.2f}' for t in ac)}); floor {' '.join(f'{t:.3f}' for t in f) or '—'}"
            f" (CPU {' '.join(f'{t:.2f}' for t in fc) or '—'})  (load {load()})",
            flush=True,
        )
    after = load()
    print(f"load average after: {after}\n")
    print(
        "| Path | Floor | Path median (min–max) | Floor median (min–max) | Ratio | CPU ratio "
        "| Goal | Met |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for p in paths:
        a, f = kept(p.path_times), kept(p.floor_times)
        spread = f"{statistics.median(a):.3f} s ({min(a):.3f}–{max(a):.3f})"
        cpu = f"CPU {statistics.median(kept(p.path_cpu)):.2f} s"
        if not f:  # against the goal in seconds
            met = statistics.median(a) < p.goal
            yes = "yes" if met else "no"
            print(f"| {p.label} | — | {spread} | — | — | {cpu} | < {p.goal:g} s | {yes} |")
            continue
        ratio = statistics.median(a) / statistics.median(f)
        cpu_ratio = statistics.median(kept(p.path_cpu)) / statistics.median(kept(p.floor_cpu))
        print(
            f"| {p.label} | {p.floor_label} | {spread} | {statistics.median(f):.3f} s "
            f"({min(f):.3f}–{max(f):.3f}) | {ratio:.2f}× | {cpu_ratio:.2f}× | ≤ {p.goal:g}× | "
            f"{'yes' if ratio <= p.goal else 'no'} |"
        )
    print(
        "\nRatio: of the wall-clock medians (the goal's); CPU ratio: of the medians of the "
        "processes' user + system seconds (less moved by the machine's load; the window's "
        "start: the CPU of its whole process, which runs on after the time it prints)."
    )
    if args.phases:
        phases(args.runs, desk(root, 100_000, env), env)


if __name__ == "__main__":
    main()
