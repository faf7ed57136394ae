"""`mohao-desk list --overdue --count` as a whole process, start-up included (target < 0.5 s)."""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time


def timed(args: list[str]) -> tuple[float, str]:
    t0 = time.perf_counter()
    result = subprocess.run(args, check=True, capture_output=True, text=True)
    return time.perf_counter() - t0, result.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    for view in ("--overdue", "--due-today", "--pending"):
        command = [sys.executable, "-m", "mohao_desk", "list", view, "--count", "--db", args.db]
        timed(command)  # warm the page cache
        runs = [timed(command) for _ in range(args.runs)]
        times = [t for t, _ in runs]
        print(
            f"list {view} --count = {runs[0][1]:>8}: median {statistics.median(times):.3f} s, "
            f"max {max(times):.3f} s ({args.runs} runs)"
        )
    command = [sys.executable, "-c", "pass"]
    bare = statistics.median(timed(command)[0] for _ in range(args.runs))
    print(f"(bare Python start-up: {bare:.3f} s)")


if __name__ == "__main__":
    main()
