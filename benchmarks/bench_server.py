"""The program on a PostgreSQL server (issue 10): counters registering at once, the upstream
office at province scale, and the SQLite desk figures that must not get worse.

Every PostgreSQL figure is made on a private cluster (``tests/pg_server.PrivateCluster``: a
Unix socket, no network) started **durable**: ``fsync``, ``synchronous_commit`` and
``full_page_writes`` on, as a real server keeps them (the tests turn them off). Other server
settings are PostgreSQL's defaults unless given with ``--pg-setting name=value``.

    .venv/bin/python benchmarks/bench_server.py register --processes 8 --seconds 60
    .venv/bin/python benchmarks/bench_server.py upstream --dir /tmp/bench-server \\
        --dossiers 100000 --steps 10,100
    .venv/bin/python benchmarks/bench_server.py sqlite --db /tmp/ui.sqlite3

``register``: one process per counter (spawned, each with its own connection), each calling
``Desk.register`` in a loop for ``--seconds`` on a unit made by ``init_unit``, all on one
day (the day's sequence row is the one they contend for). Checked afterwards: no failure, no
two equal codes, the day's numbers 1…N and the register book's 1…N without a gap.

``upstream``: as ``bench_sync.py``, one demo desk of ``--dossiers`` (a year up to
01/05/2025, applicants' personal data shared so that names can be searched) is exported by a
whole ``mohao-desk export`` process; its package is re-labelled and re-signed for every other
unit. ``upstream init`` on the server, every unit's key trusted, then the packages imported by
whole ``mohao-desk import`` processes of ``--batch`` units each, until each step of
``--steps`` (units) is reached; at each step: the upstream window's dashboard of April 2025
(a whole process: offscreen window, process start → table filled, then the trend chart),
``report kstt --period quarter --by-unit`` for Q1 2025 (whole process), and the board's search
over all dossiers (``Desk.board_page("all", search=…, limit=1000)``, as the window calls it).
The cluster lives under ``--dir`` and is deleted at the end (``--keep`` keeps it running).

``sqlite``: ``bench_ui.py``'s "launch → window usable" and ``bench_list.py``'s
``list --overdue --count`` on a 1,000,000-dossier demo file (see docs/performance.md).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from bench_sync import BASE_CODE, relabel  # noqa: E402

from tests.pg_server import PrivateCluster, find_bindir  # noqa: E402

DAY = datetime(2026, 12, 1, 9, 0)  # a Tuesday: every counter registers on this day
UNIT_CODE = "000.17.22.H56"
PROCEDURES = ("1.001193", "1.004873", "2.000815", "2.000884", "1.003583", "1.001776")


# Accounts (issue 11): the writing commands run as ADMIN. The demo desk's accounts and key have
# the password "demo"; the upstream database's administrator and key (made by `upstream init`,
# which wants 8 characters at least) have UPSTREAM's.
ADMIN = "quantri"
DEMO = {"MOHAO_PASSWORD": "demo", "MOHAO_KEY_PASSPHRASE": "demo"}
UPSTREAM = {"MOHAO_PASSWORD": "cap-tren-demo", "MOHAO_KEY_PASSPHRASE": "cap-tren-demo"}


def mohao(*args: str, quiet: bool = True, credentials: dict[str, str] = DEMO) -> float:
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mohao_desk", *args],
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
        env={**os.environ, **credentials},
    )
    return time.perf_counter() - t0


def start_cluster(parent: Path | None, settings: list[str]) -> PrivateCluster:
    bindir = find_bindir()
    if bindir is None:
        raise SystemExit("PostgreSQL server binaries not found (apt-get install postgresql)")
    extra = dict(s.split("=", 1) for s in settings)
    cluster = PrivateCluster(bindir, durable=True, parent=parent, settings=extra)
    cluster.start()
    return cluster


def server_facts(url: str) -> str:
    import psycopg
    from sqlalchemy import make_url

    u = make_url(url)
    with psycopg.connect(
        host=u.query["host"], port=int(u.query["port"]), user=u.username, dbname=u.database
    ) as conn:
        names = ("server_version", "fsync", "synchronous_commit", "full_page_writes",
                 "shared_buffers", "work_mem", "max_wal_size")  # fmt: skip
        values = [conn.execute(f"SHOW {n}").fetchone()[0] for n in names]  # type: ignore[index]
    return ", ".join(f"{n}={v}" for n, v in zip(names, values, strict=True))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


# ---------------------------------------------------------------------- register


class FixedClock:
    """The counter's wall clock on :data:`DAY`, running from 09:00 (picklable)."""

    def __init__(self, start: float) -> None:
        self.start = start

    def __call__(self) -> datetime:
        from datetime import timedelta

        return DAY + timedelta(seconds=time.monotonic() - self.start)


def _counter(url: str, number: int, seconds: float, pace: float, barrier: Any, out: str) -> None:
    """One counter's process: its own connection, Desk.register in a loop until the end
    (back to back, or one every ``pace`` seconds)."""
    from mohao_desk.domain.errors import DeskError
    from mohao_desk.services.desk import Desk
    from mohao_desk.store import queries
    from mohao_desk.store.db import open_database

    waits: list[float] = []  # of the day's number: the row lock held by another counter
    take = queries.next_sequence

    def timed_take(*a: Any, **k: Any) -> int:
        t = time.perf_counter()
        number = take(*a, **k)
        waits.append(time.perf_counter() - t)
        return number

    queries.next_sequence = timed_take  # type: ignore[assignment]
    latencies: list[float] = []
    codes: list[str] = []
    failures: list[str] = []
    rng = random.Random(number)
    db = open_database(url)
    desk = Desk(db, clock=FixedClock(time.monotonic()))
    desk.calendar  # noqa: B018 - built before the clock starts, as in a window already open
    barrier.wait()
    cpu = time.process_time()
    end = time.perf_counter() + seconds
    i = 0
    while time.perf_counter() < end:
        i += 1
        t0 = time.perf_counter()
        try:
            detail = desk.register(
                procedure_code=rng.choice(PROCEDURES),
                applicant_name=f"Nguyễn Văn Quầy{number} Số{i}",
                phone=f"09{number:02d}{i:06d}",
                address="Thôn Bần, phường Bần Yên Nhân",
                by="motcua",
            )
            codes.append(detail.summary.code)
        except DeskError as exc:
            failures.append(exc.message)
        except Exception as exc:  # reported, never hidden
            failures.append(repr(exc))
        latencies.append(time.perf_counter() - t0)
        if pace:
            time.sleep(max(0.0, t0 + pace * rng.uniform(0.5, 1.5) - time.perf_counter()))
    cpu = time.process_time() - cpu
    db.close()
    Path(out).write_text(
        json.dumps(
            {
                "latencies": latencies,
                "codes": codes,
                "failures": failures,
                "cpu": cpu,
                "waits": waits,
            }
        )
    )


def bench_register(args: argparse.Namespace) -> None:
    from mohao_desk.services.setup import OfficerInput, init_unit
    from mohao_desk.store.db import open_database

    cluster = start_cluster(Path(args.dir) if args.dir else None, args.pg_setting)
    try:
        url = cluster.create_database()
        print(f"server: {server_facts(url)}")
        db = open_database(url)
        init_unit(
            db, code=UNIT_CODE, name="Ủy ban nhân dân phường Bần Yên Nhân",
            officers=[OfficerInput("motcua", "Nguyễn Thị Hồng Nhung", "Công chức Một cửa")],
        )  # fmt: skip
        db.close()
        context = multiprocessing.get_context("spawn")  # fresh processes, no shared sockets
        barrier = context.Barrier(args.processes)
        folder = Path(tempfile.mkdtemp(prefix="bench-register-"))
        outs = [str(folder / f"{n}.json") for n in range(args.processes)]
        processes = [
            context.Process(
                target=_counter, args=(url, n, args.seconds, args.pace, barrier, outs[n])
            )
            for n in range(args.processes)
        ]
        for p in processes:
            p.start()
        for p in processes:
            p.join()
        results = [json.loads(Path(o).read_text()) for o in outs]
        shutil.rmtree(folder)
        latencies = [t * 1000 for r in results for t in r["latencies"]]
        codes = [c for r in results for c in r["codes"]]
        failures = [f for r in results for f in r["failures"]]
        db = open_database(url)
        with db.read() as conn:
            stored = conn.exec_driver_sql("SELECT count(*) FROM dossier").scalar_one()
            books = [r[0] for r in conn.exec_driver_sql("SELECT book_number FROM dossier")]
            last = conn.exec_driver_sql("SELECT last FROM daily_sequence").scalar_one()
        db.close()
        numbers = sorted(int(c.rsplit("-", 1)[1]) for c in codes)
        how = f"one every {args.pace:g} s each" if args.pace else "back to back"
        print(f"({load()} at the end)")
        print(
            f"{args.processes} processes × {args.seconds:.0f} s, {how}: {len(codes):,} "
            f"registered ({len(codes) / args.seconds:,.1f}/s), {len(failures)} failed"
            + (f" (first: {failures[0]})" if failures else "")
        )
        print(
            f"one registration: median {statistics.median(latencies):.1f} ms, 95th percentile "
            f"{percentile(latencies, 95):.1f} ms, 99th {percentile(latencies, 99):.1f} ms, "
            f"max {max(latencies):.1f} ms"
        )
        per_process = [len(r["codes"]) for r in results]
        cpu = sum(r["cpu"] for r in results) / max(len(latencies), 1) * 1000
        print(f"per process: {per_process}; client CPU {cpu:.1f} ms a registration")
        waits = [t * 1000 for r in results for t in r["waits"]]
        print(
            f"taking the day's number (waits for the counter holding it): median "
            f"{statistics.median(waits):.1f} ms, 95th percentile {percentile(waits, 95):.1f} ms"
        )
        checks = {
            "codes unique": len(set(codes)) == len(codes),
            "stored = registered": stored == len(codes),
            "daily sequence 1…N": numbers == list(range(1, len(codes) + 1)) and last == len(codes),
            "book numbers 1…N": sorted(books) == list(range(1, len(codes) + 1)),
            "no failure": not failures,
        }
        print("checks: " + ", ".join(f"{k} {'ok' if v else 'FAILED'}" for k, v in checks.items()))
        if not all(checks.values()):
            raise SystemExit(1)
    finally:
        cluster.stop()


# ---------------------------------------------------------------------- upstream

DASHBOARD = r"""
import os, sys, time
t0 = float(sys.argv[3])
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from datetime import datetime
from PySide6.QtWidgets import QApplication
from mohao_desk.services.desk import Desk
from mohao_desk.services.setup import open_unit_database
from mohao_desk.ui.upstream_window import UpstreamWindow
app = QApplication([])
now = datetime.fromisoformat(sys.argv[2])
desk = Desk(open_unit_database(sys.argv[1], create=False), clock=lambda: now)
window = UpstreamWindow(desk)
loaded, trend = [], []
window.loaded.connect(lambda: loaded.append(time.time()))
chart_set = window.chart.set_points
def recorded(title, points):
    chart_set(title, points)
    trend.append(time.time())
window.chart.set_points = recorded
window.show()
def wait(what):
    while not what:
        app.processEvents()
        time.sleep(0.001)
        if time.time() - t0 > 600:
            raise SystemExit("no dashboard after 600 s")
wait(loaded)
wait(trend)
first, chart = loaded[0] - t0, trend[0] - loaded[0]
again = []
for _ in range(3):  # F5
    loaded.clear()
    t = time.time()
    window.refresh()
    wait(loaded)
    again.append(loaded[0] - t)
print(first, chart, min(again), max(again), window.table.rowCount())
window.close()
"""

SEARCH = r"""
import json, statistics, sys, time
from mohao_desk.services.desk import Desk
from mohao_desk.store.db import open_database
desk = Desk(open_database(sys.argv[1], create=False))
out = []
for text in json.loads(sys.argv[2]):
    times = []
    for _ in range(6):
        t = time.perf_counter()
        ids, rows = desk.board_page("all", search=text, limit=1000)
        times.append((time.perf_counter() - t) * 1000)
    out.append((text, len(ids), times[0], statistics.median(times[1:]), max(times[1:])))
print(json.dumps(out))
"""


def unit_code(n: int) -> str:
    return f"000.{40 + n % 60}.{22 + n // 60}.H31"


def prepare_packages(root: Path, dossiers: int, units: int) -> list[tuple[Path, Path]]:
    desk = root / "desk.sqlite3"
    packages = root / "packages"
    if not desk.exists():
        seconds = mohao(
            "demo", "--dossiers", str(dossiers), "--unit", BASE_CODE, "--db", str(desk),
            "--now", "2025-05-01T00:00",
        )  # fmt: skip
        print(f"demo desk of {dossiers:,} dossiers: {seconds:.1f} s")
        mohao("share-personal-data", "on", "--db", str(desk), "--by", ADMIN)
    shutil.rmtree(root / "out", ignore_errors=True)
    conn = sqlite3.connect(desk)
    conn.execute("DELETE FROM sync_export")
    conn.commit()
    conn.close()
    seconds = mohao("export", "--out", str(root / "out"), "--db", str(desk), "--by", ADMIN)
    package = next((root / "out").glob("*.mhd"))
    with zipfile.ZipFile(package) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    print(
        f"export of the desk (whole process): {seconds:.1f} s, {package.stat().st_size / 2**20:.1f}"
        f" MiB, {manifest['counts']['dossiers']:,} dossiers, personal data "
        f"{manifest['personal_data']}"
    )
    shutil.rmtree(packages, ignore_errors=True)
    packages.mkdir()
    t0 = time.perf_counter()
    made = [
        relabel(package, packages, unit_code(n), f"Ủy ban nhân dân xã Số {n + 1}")
        for n in range(units)
    ]
    print(f"{units} units' packages re-labelled and signed: {time.perf_counter() - t0:.1f} s")
    return made


TRUST = r"""
import sys
from pathlib import Path
from mohao_desk.store.db import open_database
from mohao_desk.services.sync import trust
db = open_database(sys.argv[1], create=False)
for key in sys.argv[2:]:
    trust(db, Path(key))
"""


def load() -> str:
    """The machine's load average (the benchmark shares two vCPUs with other work)."""
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def measure_upstream(url: str, root: Path, units: int, total: int) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    print(f"  ({load()} before the measurements)")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    # The dashboard of April 2025 as the upstream window shows it on its last day.
    runs = []
    for _ in range(2):
        out = subprocess.run(
            [sys.executable, "-c", DASHBOARD, url, "2025-04-30T16:00", str(time.time())],
            check=True, capture_output=True, text=True, env=env,
        ).stdout.split()  # fmt: skip
        runs.append([float(x) for x in out[:4]] + [int(out[4])])
    best = min(runs, key=lambda r: r[0])
    print(
        f"  dashboard of 04/2025, whole process to the table filled: "
        f"{', '.join(f'{r[0]:.2f}' for r in runs)} s ({best[4]} units); the trend chart "
        f"after it {best[1]:.2f} s; F5 {best[2]:.2f}–{best[3]:.2f} s"
    )
    figures["dashboard"] = runs
    out_file = root / "kstt.json"
    command = [
        "report", "kstt", "--period", "quarter", "--year", "2025", "--number", "1",
        "--by-unit", "--db", url, "--out", str(out_file),
    ]  # fmt: skip
    times = [mohao(*command) for _ in range(3)]
    report = json.loads(out_file.read_text())
    print(
        f"  report kstt Q1/2025 --by-unit (whole process): {', '.join(f'{t:.2f}' for t in times)}"
        f" s; {len(report.get('units', []))} units in the file"
    )
    figures["kstt"] = times
    from mohao_desk.store.db import open_database

    db = open_database(url, create=False)
    with db.read() as conn:
        code = conn.exec_driver_sql(
            "SELECT code FROM dossier WHERE code LIKE %s ORDER BY code DESC LIMIT 1",
            (unit_code(units // 2) + "-2503%",),
        ).scalar_one()
        name = conn.exec_driver_sql(
            "SELECT applicant_name FROM dossier WHERE id = (SELECT max(id) / 2 FROM dossier)"
        ).scalar_one()
    db.close()
    words = [code, code.rsplit("-", 1)[0][-9:], name, "nguyen van", "tuyet", "0912"]
    out = subprocess.run(
        [sys.executable, "-c", SEARCH, url, json.dumps(words)],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    for text, found, first, median, worst in json.loads(out):
        print(
            f"  search '{text}': {found:,} ids; first {first:.0f} ms, then median {median:.0f} ms,"
            f" max {worst:.0f} ms"
        )
    figures["search"] = json.loads(out)
    return figures


def cluster_sql(cluster: PrivateCluster, database: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(
        host=str(cluster.socket_dir), port=cluster.port, user="postgres", dbname=database,
        autocommit=True,
    ) as conn:  # fmt: skip
        conn.execute(sql)  # type: ignore[arg-type]


def database_size(url: str) -> str:
    from mohao_desk.store.db import open_database

    db = open_database(url, create=False)
    with db.read() as conn:
        size = conn.exec_driver_sql(
            "SELECT pg_size_pretty(pg_database_size(current_database()))"
        ).scalar_one()
    db.close()
    return str(size)


def bench_upstream(args: argparse.Namespace) -> None:
    root = Path(args.dir)
    root.mkdir(parents=True, exist_ok=True)
    print(shutil.disk_usage(root))
    steps = [int(s) for s in args.steps.split(",")]
    made = prepare_packages(root, args.dossiers, max(steps))
    cluster = start_cluster(root, args.pg_setting)
    try:
        cluster.admin("CREATE DATABASE upstream")
        url = cluster.url("upstream")
        print(f"server: {server_facts(url)}")
        mohao("upstream", "init", "--db", url, credentials=UPSTREAM)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", TRUST, url, *(str(k) for _, k in made)], check=True)
        print(f"{len(made)} keys trusted: {time.perf_counter() - t0:.1f} s")
        done = 0
        for step in steps:
            while done < step:
                batch = made[done : min(step, done + args.batch)]
                seconds = mohao(
                    "import", *(str(p) for p, _ in batch), "--db", url, "--by", ADMIN,
                    credentials=UPSTREAM,
                )  # fmt: skip
                n = len(batch) * args.dossiers
                done += len(batch)
                print(
                    f"import units {done - len(batch) + 1}–{done} ({n:,} dossiers, one "
                    f"process): {seconds:.1f} s ({n / seconds:,.0f} dossiers/s); database now "
                    f"{database_size(url)}",
                    flush=True,
                )
            print(f"at {done} units = {done * args.dossiers:,} dossiers:")
            measure_upstream(url, root, done, done * args.dossiers)
        if args.keep:
            print(f"kept: {url}")
            return
    finally:
        if not args.keep:
            cluster.stop()


# ------------------------------------------------------------------------ sqlite


def bench_sqlite(args: argparse.Namespace) -> None:
    import bench_list
    import bench_ui

    runs = [bench_ui.launch(args.db) for _ in range(args.runs)]
    times = [r[0] for r in runs]
    print(
        f"launch → window usable: median {statistics.median(times):.2f} s, max {max(times):.2f} s"
        f" ({args.runs} runs, {runs[0][1]:,} rows in the first view)"
    )
    command = [sys.executable, "-m", "mohao_desk", "list", "--overdue", "--count", "--db", args.db]
    bench_list.timed(command)
    listed = [bench_list.timed(command) for _ in range(7)]
    times = [t for t, _ in listed]
    print(
        f"list --overdue --count = {listed[0][1]}: median {statistics.median(times):.3f} s, max "
        f"{max(times):.3f} s (7 runs)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="what", required=True)
    p = sub.add_parser("register")
    p.add_argument("--processes", type=int, default=8)
    p.add_argument("--seconds", type=float, default=60)
    p.add_argument(
        "--pace",
        type=float,
        default=0,
        help="seconds between one counter's registrations (on average; default 0: back to back)",
    )
    p.add_argument("--dir", help="where the cluster's folder goes (default: the temp folder)")
    p.add_argument("--pg-setting", action="append", default=[], metavar="NAME=VALUE")
    p.set_defaults(func=bench_register)
    p = sub.add_parser("upstream")
    p.add_argument("--dir", default="/tmp/bench-server")
    p.add_argument("--dossiers", type=int, default=100_000, help="per unit")
    p.add_argument("--steps", default="10,100", help="units at which to measure")
    p.add_argument("--batch", type=int, default=10, help="units per import process")
    p.add_argument("--keep", action="store_true", help="leave the cluster running")
    p.add_argument("--pg-setting", action="append", default=[], metavar="NAME=VALUE")
    p.set_defaults(func=bench_upstream)
    p = sub.add_parser("sqlite")
    p.add_argument("--db", required=True)
    p.add_argument("--runs", type=int, default=5)
    p.set_defaults(func=bench_sqlite)
    args = parser.parse_args()
    print(f"{date.today():%d/%m/%Y}, nproc {os.cpu_count()}, Python {sys.version.split()[0]}")
    args.func(args)


if __name__ == "__main__":
    main()
