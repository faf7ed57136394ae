"""Hostile or broken input through the real command line (issue 11): a file that is no file
(a device, a FIFO, a folder), a database with damaged pages, a catalog nested without end, a
file name that is not UTF-8, a full disk, invisible characters in names, formulas in a
spreadsheet's cells, an empty date. Each is refused with one Vietnamese line (exit 2) and
changes nothing; none is "lỗi không mong đợi"."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_cli import cli

UNIT = "000.17.22.H56"
# The address space a child gets: the program needs ~1 GiB mapped to start (Qt-free), so
# reading a whole device into memory fails at once instead of taking the PC's memory.
CHILD_MEMORY = 1536 * 2**20


@pytest.fixture
def desk_db(tmp_path: Path, capsys) -> Path:
    path = tmp_path / "desk.sqlite3"
    code, _, err = cli(
        capsys, "init", "--db", str(path), "--unit-code", UNIT, "--unit-name", "UBND xã Bình An"
    )
    assert code == 0, err
    return path


def bounded_run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The real program in a child with a memory ceiling and a time limit."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (CHILD_MEMORY, CHILD_MEMORY))

    return subprocess.run(
        [sys.executable, "-m", "mohao_desk", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=timeout,
        preexec_fn=limit,
    )


# ------------------------------------------------------------ 1. bounded reads


def test_a_link_to_dev_zero_is_refused_without_reading_it(desk_db: Path, tmp_path: Path) -> None:
    link = tmp_path / "danh-muc.json"
    link.symlink_to("/dev/zero")
    result = bounded_run("catalog", "import", str(link), "--db", str(desk_db), "--dry-run")
    assert result.returncode == 2, result.stderr
    assert "không mong đợi" not in result.stderr
    assert "không phải tệp thông thường" in result.stderr
    assert "danh-muc.json" in result.stderr


def test_a_fifo_is_refused_without_waiting_for_a_writer(desk_db: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "khoa.key.json"
    os.mkfifo(fifo)
    result = bounded_run("trust", str(fifo), "--db", str(desk_db), timeout=30)
    assert result.returncode == 2, result.stderr
    assert "không phải tệp thông thường" in result.stderr


def test_trust_of_a_link_to_dev_zero_is_refused(desk_db: Path, tmp_path: Path) -> None:
    link = tmp_path / "tinh.key.json"
    link.symlink_to("/dev/zero")
    result = bounded_run("trust", str(link), "--db", str(desk_db))
    assert result.returncode == 2, result.stderr
    assert "không phải tệp thông thường" in result.stderr


def test_catalog_import_of_a_folder_says_it_is_a_folder(
    desk_db: Path, tmp_path: Path, capsys
) -> None:
    folder = tmp_path / "danh-muc"
    folder.mkdir()
    code, _, err = cli(capsys, "catalog", "import", str(folder), "--db", str(desk_db), "--yes")
    assert code == 2
    assert err.strip() == f"mohao-desk: '{folder}' là một thư mục, không phải một tệp."
