"""Launch → usable window, frozen bundle against the source tree (docs/performance.md, issue 12).

    python installer/bench_launch.py --db /tmp/inst-1m.sqlite3 \\
        --bundle build/installer/bundle/mohao_desk [--runs 5]

Each run starts a new process, offscreen, with ``--launch-probe`` (mohao_desk/ui/app.py
``measure_launch``: the window of benchmarks/bench_ui.py, timed from just before the process is
started until the first rows of the board are on screen). The frozen program runs from the
bundle with a bare environment (``env -i``, as CI's smoke test); the source tree runs with this
Python (``-m mohao_desk``). The two alternate, so that the machine's load falls on both alike;
the first run of each (cold file cache) is reported apart.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    out = subprocess.run(
        [*command, str(time.time())], capture_output=True, text=True, env=env, check=False
    )
    if out.returncode != 0:
        raise SystemExit(f"{command[0]} failed ({out.returncode}):\n{out.stderr}")
    seconds, rows = out.stdout.split()
    return float(seconds), int(rows)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--bundle", required=True, help="the bundle folder (with mohao_desk)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="mohao-bench-home.")
    frozen_env = {"HOME": home, "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"}
    source_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MOHAO_DESK_HOME": home}
    frozen = [str(Path(args.bundle) / "mohao_desk"), "--db", args.db, "--launch-probe"]
    source = [sys.executable, "-m", "mohao_desk", "--db", args.db, "--launch-probe"]
    results: dict[str, list[float]] = {"frozen": [], "source": []}
    rows = 0
    for _ in range(args.runs + 1):
        for name, command, env in (
            ("frozen", frozen, frozen_env),
            ("source", source, source_env),
        ):
            seconds, rows = run(command, env)
            results[name].append(seconds)
    for name, times in results.items():
        warm = times[1:]
        print(
            f"{name}: first {times[0]:.2f} s; then median {statistics.median(warm):.2f} s, "
            f"min {min(warm):.2f} s, max {max(warm):.2f} s ({len(warm)} runs; {rows:,} rows "
            "in the first view)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
