"""`mohao-desk demo --dossiers N` as a whole process (target: 1,000,000 in < 2 minutes)."""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossiers", type=int, default=1_000_000)
    parser.add_argument("--db", required=True)
    args = parser.parse_args()
    path = Path(args.db)
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mohao_desk", "demo", "--dossiers", str(args.dossiers),
         "--db", str(path), "--seed", "1"],
        check=True,
    )  # fmt: skip
    elapsed = time.perf_counter() - t0
    size = path.stat().st_size / 2**20
    print(f"demo --dossiers {args.dossiers:,}: {elapsed:.1f} s, database {size:,.0f} MiB")


if __name__ == "__main__":
    main()
