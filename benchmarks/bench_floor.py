"""Whole ``mohao-desk`` processes against their floors (issue 14, first step).

Each path is a whole ``mohao-desk`` process; its floor is the least a process must do for the
same result: ``python -c pass`` (the interpreter's start), or a small script or the ``sqlite3``
CLI doing the same SQL with nothing around it. Both are timed in the same run, alternating
(path, floor, path, floor, ...), so that the machine's noise falls on both; the first run of
each is a warm-up (the page cache, the ``.pyc`` files) and is dropped. The table gives the
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

Not in this first version (they take long): the window's start, the upstream import of
13 × 100,000 and the demo of 1,000,000 against their floors.

The desks are made with ``mohao-desk demo`` under ``--dir`` (default /tmp/bench-floor) and
reused if present. ``mohao-desk`` is the one beside the running interpreter (run this with the
project's venv: ``.venv/bin/python benchmarks/bench_floor.py``); the output names the
``mohao_desk`` package those processes import. ``--phases`` then times, in fresh processes, the
parts of a start that the table's paths share (the imports, the parser, the working calendar,
the Argon2 check).
"""

from __future__ import annotations

import argparse
import os
import platform
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
    floor: list[str]
    before: Callable[[], None] | None = None  # before each run of the path (not timed)
    path_times: list[float] = field(default_factory=list)
    floor_times: list[float] = field(default_factory=list)


def program() -> list[str]:
    script = Path(sys.executable).parent / "mohao-desk"
    return [str(script)] if script.exists() else [sys.executable, "-m", "mohao_desk"]


def run(command: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    seconds = time.perf_counter() - t0
    if done.returncode:
        raise SystemExit(f"{command} failed ({done.returncode}):\n{done.stderr.decode()}")
    return seconds


def desk(root: Path, dossiers: int, env: dict[str, str]) -> Path:
    """A demo desk of ``dossiers`` dossiers under ``root``, made once (a file being made has
    another name, so an interrupted demo is not reused)."""
    path = root / f"desk-{dossiers}.sqlite3"
    if path.exists():
        return path
    making = root / f"prep-{dossiers}.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{making}{suffix}").unlink(missing_ok=True)
    print(f"making a demo desk of {dossiers:,} dossiers …", flush=True)
    seconds = run([*program(), "demo", "--dossiers", str(dossiers), "--db", str(making)], env)
    making.rename(path)
    print(f"  {seconds:.0f} s: {path}", flush=True)
    return path


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


def build(names: set[str], root: Path, env: dict[str, str]) -> list[Case]:
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
    return paths


def main() -> None:
    all_names = ("due", "count", "json", "search", "export")
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", default="/tmp/bench-floor")
    parser.add_argument("--runs", type=int, default=7, help="per side; the first is dropped")
    parser.add_argument("--only", default=",".join(all_names), help=",".join(all_names))
    parser.add_argument("--phases", action="store_true", help="then time the start's phases")
    args = parser.parse_args()
    names = {n.strip() for n in args.only.split(",") if n.strip()}
    if unknown := names - set(all_names):
        parser.error(f"unknown: {', '.join(sorted(unknown))}")
    if args.runs < 2:
        parser.error("--runs must be at least 2 (the first is dropped)")
    root = Path(args.dir)
    root.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, **DEMO}
    paths = build(names, root, env)

    where = subprocess.run(
        [sys.executable, "-P", "-c", "import mohao_desk; print(mohao_desk.__file__)"],
        capture_output=True, text=True, env=env, check=True,
    ).stdout.strip()  # fmt: skip
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else "?"
    print(f"date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
    print(f"machine: {cpu_model()}; nproc {os.cpu_count()} (usable {affinity})")
    print(f"Python {platform.python_version()} ({sys.executable}); SQLite {sqlite3.sqlite_version}")
    print(f"mohao-desk: {' '.join(program())}; mohao_desk from {where}")
    print(f"runs: {args.runs} per side, alternating path/floor; the first of each dropped")
    before = load()
    print(f"load average before: {before}", flush=True)
    for p in paths:
        for _ in range(args.runs):
            if p.before:
                p.before()
            p.path_times.append(run(p.command, env))
            p.floor_times.append(run(p.floor, env))
        a, f = p.path_times[1:], p.floor_times[1:]
        print(
            f"  {p.name}: path {' '.join(f'{t:.3f}' for t in a)}; "
            f"floor {' '.join(f'{t:.3f}' for t in f)}  (load {load()})",
            flush=True,
        )
    after = load()
    print(f"load average after: {after}\n")
    print("| Path | Floor | Path median (min–max) | Floor median (min–max) | Ratio | Goal | Met |")
    print("|---|---|---|---|---|---|---|")
    for p in paths:
        a, f = p.path_times[1:], p.floor_times[1:]
        ratio = statistics.median(a) / statistics.median(f)
        print(
            f"| {p.label} | {p.floor_label} | {statistics.median(a):.3f} s "
            f"({min(a):.3f}–{max(a):.3f}) | {statistics.median(f):.3f} s "
            f"({min(f):.3f}–{max(f):.3f}) | {ratio:.1f}× | ≤ {p.goal:g}× | "
            f"{'yes' if ratio <= p.goal else 'no'} |"
        )
    print(
        "\nNot in this first version (they take long): the window's start, the upstream import "
        "of 13 × 100,000 and the demo of 1,000,000 against their floors."
    )
    if args.phases:
        phases(args.runs, desk(root, 100_000, env), env)


if __name__ == "__main__":
    main()
