"""The calendar on the command line: the 2026 New Year swap in `due`, each day's source and the
gentle notice in `calendar show`, and an upstream office publishing an announcement that reaches
a desk through a real configuration package."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.accounts import ADMIN, use_password
from tests.cli.test_cli import cli, run


def test_due_counts_the_2026_new_year_swap() -> None:
    """The real program: Wed 31/12/2025 10:00 + 1 working day skips Thu 01/01 (Tết Dương lịch)
    and Fri 02/01/2026 (swapped for Sat 10/01, 12729/VPCP-KGVX)."""
    result = run("due", "--received", "2025-12-31T10:00", "--days", "1")
    assert result.returncode == 0, result.stderr
    first, second = result.stdout.splitlines()[:2]
    assert first == "2026-01-05T10:00"
    assert second == "Tính từ 10:00 31/12/2025 (1 ngày làm việc): hạn trả 10:00 05/01/2026"
    result = run("due", "--received", "2026-01-10T09:00", "--days", "1")
    assert result.stdout.splitlines()[:2] == [
        "2026-01-12T09:00",
        "Tính từ 09:00 10/01/2026 (1 ngày làm việc): hạn trả 09:00 12/01/2026",
    ]


def _init_desk(capsys: pytest.CaptureFixture[str], path: Path) -> None:
    """A unit made by ``init``; the commands then act as its administrator (``--by``)."""
    code, _, err = cli(
        capsys, "init", "--db", str(path), "--unit-code", "000.17.22.H56",
        "--unit-name", "Ủy ban nhân dân phường Bần Yên Nhân",
    )  # fmt: skip
    assert code == 0, err


def test_calendar_show_names_each_days_source(capsys, tmp_path: Path, monkeypatch) -> None:
    use_password(monkeypatch)
    desk = tmp_path / "desk.sqlite3"
    _init_desk(capsys, desk)
    code, _, _ = cli(capsys, "--by", ADMIN, "calendar", "add-off", "--date", "2026-01-09",
                     "--db", str(desk),
                     "--note", "Lễ hội địa phương")  # fmt: skip
    assert code == 0
    code, out, _ = cli(capsys, "calendar", "show", "--year", "2026", "--db", str(desk))
    assert code == 0
    lines = {line[:10]: line for line in out.splitlines() if line[:2].isdigit()}
    assert lines["02/01/2026"] == (
        "02/01/2026 T6  nghỉ: Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026) — "
        "căn cứ: 12729/VPCP-KGVX ngày 25/12/2025"
    )
    assert lines["10/01/2026"].startswith("10/01/2026 T7  làm bù: Làm bù cho thứ Sáu 02/01/2026")
    assert lines["09/01/2026"] == "09/01/2026 T6  điều chỉnh của đơn vị — nghỉ: Lễ hội địa phương"
    assert "theo quy tắc của gói holidays" in lines["26/04/2026"]
    assert lines["24/11/2026"].startswith("24/11/2026 T3  làm việc: Ngày Văn hóa Việt Nam")
    assert "chưa chắc chắn" in lines["24/11/2026"]
    # The notice (about the coming 90 days from today) is one line at most, at the end.
    notes = [line for line in out.splitlines() if not line[:2].isdigit()]
    assert len(notes) <= 1 and all(n.startswith("Lưu ý (90 ngày tới): ") for n in notes)
    # A year without any announcement says so, once.
    code, out, _ = cli(capsys, "calendar", "show", "--year", "2031", "--db", str(desk))
    assert out.count("Năm 2031 chưa có thông báo lịch nghỉ chính thức nào") == 1


def test_an_upstream_announcement_reaches_the_desk(capsys, tmp_path: Path, monkeypatch) -> None:
    use_password(monkeypatch)
    up, desk, out = tmp_path / "tinh.sqlite3", tmp_path / "desk.sqlite3", tmp_path / "cfg"
    _init_desk(capsys, desk)
    assert cli(capsys, "upstream", "init", "--db", str(up))[0] == 0
    announce = ("--date", "2027-02-11", "--name", "Tết Nguyên đán (mùng 6 tháng Giêng)",
                "--document", "9999/VPCP-KGVX", "--document-date", "15/10/2026")  # fmt: skip
    code, _, err = cli(
        capsys, "--by", ADMIN, "calendar", "announce-off", *announce, "--db", str(desk)
    )
    assert code == 2 and "Chỉ cơ quan cấp trên mới thêm hoặc bỏ thông báo lịch" in err
    code, text, err = cli(
        capsys, "--by", ADMIN, "calendar", "announce-off", *announce, "--db", str(up)
    )
    assert code == 0, err
    assert text.startswith(
        "Đã thêm thông báo ngày nghỉ 11/02/2027 (9999/VPCP-KGVX ngày 15/10/2026)"
    )
    code, _, err = cli(
        capsys, "--by", ADMIN, "calendar", "announce-off", *announce, "--db", str(up)
    )
    assert code == 2 and "đã có thông báo lịch" in err
    code, _, err = cli(capsys, "--by", ADMIN, "calendar", "announce-work", "--date", "2027-02-20",
                       "--name", "",
                       "--document", "9999/VPCP-KGVX", "--document-date", "2026-10-15",
                       "--db", str(up))  # fmt: skip
    assert code == 2 and "thiếu hoặc sai trường 'name'" in err

    key = tmp_path / "up.key.json"
    assert cli(capsys, "keys", "export", "--out", str(key), "--db", str(up))[0] == 0
    assert cli(capsys, "--by", ADMIN, "trust", str(key), "--db", str(desk))[0] == 0
    assert (
        cli(capsys, "--by", ADMIN, "upstream", "export-config", "--out", str(out), "--db", str(up))[
            0
        ]
        == 0
    )
    (package,) = out.glob("*.mhd")
    code, _, err = cli(capsys, "--by", ADMIN, "import", str(package), "--db", str(desk))
    assert code == 0, err
    code, out_text, _ = cli(capsys, "calendar", "show", "--year", "2027", "--db", str(desk))
    line = next(x for x in out_text.splitlines() if x.startswith("11/02/2027"))
    assert line == (
        "11/02/2027 T5  nghỉ: Tết Nguyên đán (mùng 6 tháng Giêng) — căn cứ (cấp trên công bố): "
        "9999/VPCP-KGVX ngày 15/10/2026"
    )
    assert "Năm 2027 chưa có thông báo" not in out_text
    code, text, _ = cli(
        capsys, "due", "--received", "2027-02-10T09:00", "--days", "1", "--db", str(desk)
    )
    # Wed 10/02/2027 is the package's last day of Tết, Thu 11/02 the announced one: counted
    # from Fri 12/02 07:30 (without the announcement: from Thu 11/02, due Fri 12/02).
    assert text.splitlines()[:2] == [
        "2027-02-15T07:30",
        "Tính từ 07:30 12/02/2027 (1 ngày làm việc): hạn trả 07:30 15/02/2027",
    ]
    code, text, _ = cli(capsys, "--by", ADMIN, "calendar", "remove-announcement",
                        "--date", "2027-02-11",
                        "--db", str(up))  # fmt: skip
    assert code == 0 and text.startswith("Đã bỏ thông báo lịch ngày 11/02/2027")
