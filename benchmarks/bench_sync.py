"""Sync by files (issue 5): export a desk's package, import many units' packages upstream.

Targets: exporting 100,000 dossiers < 10 s; importing 13 units × 100,000 dossiers < 60 s.

One desk database with ``--dossiers`` demo dossiers is made (or reused with ``--reuse``) and
exported as a whole process (``mohao-desk export``). The other units' packages are that
package re-labelled (unit code in the manifest and in every dossier code) and re-signed with
their own new keys, so that 13 realistic packages exist without 13 demo databases. The upstream
import of all of them is then one ``mohao-desk import`` process.

    .venv/bin/python benchmarks/bench_sync.py --dossiers 100000 --units 13 --dir /tmp/bench-sync
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import shutil
import subprocess
import sys
import time
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from mohao_desk.domain import package as pk

BASE_CODE = "000.31.22.H31"


def mohao(*args: str) -> float:
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mohao_desk", *args], check=True, stdout=subprocess.DEVNULL
    )
    return time.perf_counter() - t0


def relabel(source: Path, target_dir: Path, code: str, name: str) -> tuple[Path, Path]:
    """The package of another unit: same dossiers under ``code``, signed with a new key."""
    with zipfile.ZipFile(source) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        payload = archive.read("payload.json")
    payload = payload.replace(f'"{BASE_CODE}-'.encode(), f'"{code}-'.encode())
    pem = pk.new_private_key_pem()
    public = pk.public_key_of(pem)
    digest, size = pk.payload_digest(payload)
    m = pk.Manifest(
        kind=pk.KIND_DESK,
        unit_code=code,
        unit_name=name,
        sequence=1,
        since=None,
        until=datetime.now(UTC).replace(microsecond=0),
        counts=manifest["counts"],
        previous_sha256=None,
        payload_sha256=digest,
        payload_size=size,
        created_at=datetime.now(UTC).replace(microsecond=0),
        personal_data=manifest["personal_data"],
        key_fingerprint=pk.fingerprint(public),
    )
    data, _ = pk.build_package(m, payload, pem)
    path = target_dir / f"{code}_000001.mhd"
    path.write_bytes(data)
    key = target_dir / f"{code}.key.json"
    key.write_bytes(pk.key_file_bytes(code, name, pk.ROLE_DESK, public))
    return path, key


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossiers", type=int, default=100_000)
    parser.add_argument("--units", type=int, default=13)
    parser.add_argument("--dir", default="/tmp/bench-sync")
    parser.add_argument("--reuse", action="store_true", help="keep the desk database")
    args = parser.parse_args()
    root = Path(args.dir)
    desk = root / "desk.sqlite3"
    if not (args.reuse and desk.exists()):
        shutil.rmtree(root, ignore_errors=True)
        root.mkdir(parents=True)
        seconds = mohao(
            "demo", "--dossiers", str(args.dossiers), "--unit", BASE_CODE, "--db", str(desk),
            "--now", "2025-05-01T00:00",
        )  # fmt: skip
        print(f"demo {args.dossiers:,} dossiers: {seconds:.1f} s")
    for sub in ("out", "packages"):
        shutil.rmtree(root / sub, ignore_errors=True)
    (root / "packages").mkdir()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{root / 'up.sqlite3'}{suffix}").unlink(missing_ok=True)
    # A fresh export history each run.
    import sqlite3

    conn = sqlite3.connect(desk)
    if _has(conn, "sync_export"):
        conn.execute("DELETE FROM sync_export")
    # The demo stamps every row with the time it was made: age them a day, so that the
    # incremental export below is not inside the previous export's overlap margin.
    conn.execute("UPDATE dossier SET updated_at = updated_at - 86400")
    conn.commit()
    conn.close()

    seconds = mohao("export", "--out", str(root / "out"), "--db", str(desk))
    package = next((root / "out").glob("*.mhd"))
    size = package.stat().st_size
    with zipfile.ZipFile(package) as archive:
        inflated = archive.getinfo("payload.json").file_size
    print(
        f"export {args.dossiers:,} dossiers (whole process): {seconds:.2f} s; file "
        f"{size / 2**20:.1f} MiB (payload {inflated / 2**20:.1f} MiB)"
    )
    conn = sqlite3.connect(desk)
    moment = int(time.time()) + 3600
    conn.execute(
        "UPDATE dossier SET updated_at = ? WHERE id % 100 = 0", (moment,)
    )  # 1 % changed an hour from now
    conn.commit()
    conn.close()
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c",
         "import sys; from datetime import UTC, datetime, timedelta; "
         "from mohao_desk.store.db import open_database; "
         "from mohao_desk.services.sync import export_desk_package; "
         "r = export_desk_package(open_database(sys.argv[1]), sys.argv[2], "
         "clock=lambda: datetime.now(UTC) + timedelta(hours=2)); print(r.items)",
         str(desk), str(root / "out")],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    print(f"incremental export (1 % changed, whole process): {time.perf_counter() - t0:.2f} s")

    up = root / "up.sqlite3"
    mohao("upstream", "init", "--db", str(up))
    t0 = time.perf_counter()
    packages = []
    for n in range(args.units):
        code = f"000.{40 + n}.22.H31"
        path, key = relabel(package, root / "packages", code, f"Ủy ban nhân dân phường Số {n + 1}")
        packages.append(path)
        mohao("trust", str(key), "--db", str(up))
    print(f"prepared {args.units} units' packages: {time.perf_counter() - t0:.1f} s")
    seconds = mohao("import", *map(str, packages), "--db", str(up))
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    total = args.units * args.dossiers
    print(
        f"import {args.units} × {args.dossiers:,} = {total:,} dossiers (one process, one "
        f"transaction): {seconds:.1f} s ({total / seconds:,.0f} dossiers/s); upstream database "
        f"{up.stat().st_size / 2**20:,.0f} MiB; peak memory of the largest child so far "
        f"{peak:,.0f} MiB"
    )
    seconds = mohao("import", *map(str, packages), "--db", str(up))
    print(f"the same {args.units} packages again (all duplicates): {seconds:.1f} s")
    digest = hashlib.sha256(package.read_bytes()).hexdigest()[:12]
    print(f"(package {package.name} sha256 {digest}…)")


def _has(conn: object, table: str) -> bool:
    import sqlite3

    assert isinstance(conn, sqlite3.Connection)
    return bool(conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (table,)).fetchone())


if __name__ == "__main__":
    main()
