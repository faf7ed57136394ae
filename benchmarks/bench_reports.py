"""The period reports over a big database (target: Biểu 06/VPCP/KSTT over 1,300,000 dossiers in
under 3 s, as a whole ``mohao-desk report kstt … --format json`` process).

Make the database first (about 2 minutes), then run the benchmark on it::

    .venv/bin/mohao-desk demo --dossiers 1300000 --db /tmp/k.db --now 2025-06-01T00:00
    .venv/bin/python benchmarks/bench_reports.py --db /tmp/k.db [--check] [--cold]

Every figure is a whole process (Python start, imports, opening the database, the query, the
file written), best of ``--runs``. ``--cold`` first evicts the database file from the page
cache (``posix_fadvise DONTNEED``, this file only) and times one run. ``--check`` also computes
the whole span the reference way (every dossier through ``domain.statistics.kstt``, ~30 s) and
checks the numbers are the same.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 3.0


def _program() -> list[str]:
    script = Path(sys.executable).parent / "mohao-desk"
    return [str(script)] if script.exists() else [sys.executable, "-m", "mohao_desk"]


def _span(db: Path) -> tuple[date, date, int]:
    with sqlite3.connect(db) as conn:
        low, high, count = conn.execute(
            "SELECT min(received_at), max(received_at), count(*) FROM dossier"
        ).fetchone()
    zone = ZoneInfo("Asia/Ho_Chi_Minh")
    first = datetime.fromtimestamp(low, UTC).astimezone(zone).date()
    last = datetime.fromtimestamp(high, UTC).astimezone(zone).date()
    return first, last, int(count)


def _evict(db: Path) -> None:
    for path in (db, db.with_name(db.name + "-wal")):
        if path.exists():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def _run(args: list[str], runs: int) -> tuple[float, str]:
    best = float("inf")
    out = ""
    for _ in range(runs):
        started = time.perf_counter()
        result = subprocess.run(args, capture_output=True, text=True, encoding="utf-8")
        elapsed = time.perf_counter() - started
        if result.returncode != 0:
            raise SystemExit(f"failed: {' '.join(args)}\n{result.stderr}")
        best = min(best, elapsed)
        out = result.stdout.strip()
    return best, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cold", action="store_true")
    parser.add_argument("--check", action="store_true")
    options = parser.parse_args()
    db: Path = options.db
    first, last, count = _span(db)
    size = db.stat().st_size / 2**20
    print(f"database {db}: {count:,} dossiers received {first} … {last}, {size:,.0f} MiB")
    program = _program()
    month_end = last.replace(day=14) if last.day >= 14 else last
    month_start = (month_end.replace(day=1) - timedelta(days=1)).replace(day=15)
    cases = [
        ("kstt", "json", "whole span", ("--from", str(first), "--to", str(last))),
        ("kstt", "json", "cut-off month", ("--from", str(month_start), "--to", str(month_end))),
        ("kstt", "xlsx", "whole span", ("--from", str(first), "--to", str(last))),
        ("kstt", "pdf", "whole span", ("--from", str(first), "--to", str(last))),
        ("kstt", "xlsx", "cut-off month", ("--from", str(month_start), "--to", str(month_end))),
        ("indicators", "json", "whole span", ("--from", str(first), "--to", str(last))),
        ("indicators", "json", "cut-off month",
         ("--from", str(month_start), "--to", str(month_end))),
        ("indicators", "pdf", "cut-off month",
         ("--from", str(month_start), "--to", str(month_end))),
    ]  # fmt: skip
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        out_json = Path(tmp) / "whole.json"
        if options.cold:
            _evict(db)
            args = [*program, "report", "kstt", "--from", str(first), "--to", str(last),
                    "--format", "json", "--out", str(out_json), "--db", str(db)]  # fmt: skip
            seconds, _ = _run(args, 1)
            rows.append(("kstt", "json", "whole span, cold page cache", seconds))
        # One untimed run warms the page cache (the figures are of a desk in use).
        for kind, fmt, what, period in cases:
            out = Path(tmp) / f"{kind}-{what.replace(' ', '-')}.{fmt}"
            args = [*program, "report", kind, *period, "--format", fmt, "--out", str(out),
                    "--db", str(db)]  # fmt: skip
            if not rows or rows[-1][2] != what:
                _run(args, 1)
            seconds, _ = _run(args, options.runs)
            rows.append((kind, fmt, what, seconds))
            if kind == "kstt" and fmt == "json" and what == "whole span":
                out_json.write_bytes(out.read_bytes())
        data = json.loads(out_json.read_text(encoding="utf-8"))
    print(f"whole span total: {data['total']}")
    print(f"{'report':<11} {'format':<6} {'period':<30} {'seconds':>8}")
    for kind, fmt, what, seconds in rows:
        print(f"{kind:<11} {fmt:<6} {what:<30} {seconds:8.2f}")
    whole = next(s for k, f, w, s in rows if (k, f, w) == ("kstt", "json", "whole span"))
    verdict = "OK" if whole < TARGET_SECONDS else "TOO SLOW"
    print(
        f"target: KSTT json over {count:,} dossiers < {TARGET_SECONDS} s: {whole:.2f} s {verdict}"
    )
    if options.check:
        sys.path.insert(0, str(ROOT))
        from mohao_desk.services.desk import Desk
        from mohao_desk.services.statistics import StatisticsService
        from mohao_desk.store.db import open_database

        stats = StatisticsService(Desk(open_database(db)))
        started = time.perf_counter()
        reference = stats.kstt_reference(first, last)
        seconds = time.perf_counter() - started
        same = (
            reference.total.as_dict() == data["total"]
            and [r.as_dict() for r in reference.rows] == data["rows"]
        )
        print(f"reference (dossier by dossier): {seconds:.1f} s, same numbers: {same}")
        if not same:
            raise SystemExit(1)


if __name__ == "__main__":
    main()
