"""Hostile packages and key files at the service itself (issue 11), not only through the
command line: a key file or a package that is no file (a FIFO, a link to ``/dev/zero``) is
refused without waiting or reading it whole; an unsigned zip bomb is refused on its signature
before anything is inflated. Each runs the real service in a child with a memory ceiling
and a time limit, so a regression fails the test instead of taking the machine."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from mohao_desk.services import sync
from mohao_desk.store.db import open_database

# The address space a child gets (as tests/cli/test_hostile_input.py): reading a device or a
# bomb into memory fails at once instead of taking the PC's memory.
CHILD_MEMORY = 1536 * 2**20

CHILD = """
import resource, sys
from pathlib import Path
from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.package import PackageError
from mohao_desk.services import sync
from mohao_desk.store.db import open_database

act, target, *files = sys.argv[1:]
db = open_database(target)
try:
    if act == "trust":
        sync.trust(db, Path(files[0]))
    else:
        sync.import_packages(db, [Path(f) for f in files])
except PackageError as exc:
    print("check", exc.check)
    print("message", exc.message)
except DeskError as exc:
    print("message", exc.message)
else:
    print("accepted")
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
print("peak", peak // 1024)
"""


def run_service(act: str, target: Path | str, *files: Path, timeout: float = 60) -> dict[str, str]:
    """The service in a child: what it said (``check``, ``message``) and its peak memory (MiB)."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (CHILD_MEMORY, CHILD_MEMORY))

    result = subprocess.run(
        [sys.executable, "-c", CHILD, act, str(target), *map(str, files)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=timeout,
        preexec_fn=limit,
    )
    assert result.returncode == 0, result.stderr
    said: dict[str, str] = {}
    for line in result.stdout.splitlines():
        key, _, value = line.partition(" ")
        said[key] = value
    return said


@pytest.fixture
def upstream(tmp_path: Path) -> Path:
    path = tmp_path / "up.sqlite3"
    db = open_database(path)
    sync.init_upstream(db)
    db.close()
    return path


# ------------------------------------------------------------ 1. bounded reads


def test_trust_of_a_link_to_dev_zero_is_refused_by_the_service(
    upstream: Path, tmp_path: Path
) -> None:
    link = tmp_path / "xa.key.json"
    link.symlink_to("/dev/zero")
    said = run_service("trust", upstream, link)
    assert "không phải tệp thông thường" in said["message"], said
    assert "xa.key.json" in said["message"]


def test_trust_of_a_fifo_does_not_wait_for_a_writer(upstream: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "xa.key.json"
    os.mkfifo(fifo)
    said = run_service("trust", upstream, fifo, timeout=30)
    assert "không phải tệp thông thường" in said["message"], said


def test_import_of_a_fifo_does_not_wait_for_a_writer(upstream: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "000.31.22.H31_000001.mhd"
    os.mkfifo(fifo)
    said = run_service("import", upstream, fifo, timeout=30)
    assert "không phải tệp thông thường" in said["message"], said
    assert fifo.name in said["message"]
