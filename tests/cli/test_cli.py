"""The command line contract: exact forms that scripts and acceptance checks call."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mohao_desk.cli import main
from tests.accounts import init_unit_cli

DEMO_NOW = "2026-11-27T10:00"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """The real program in a child process, as a script would call it."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "mohao_desk", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse's usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_db(tmp_path: Path, capsys) -> Path:
    path = tmp_path / "demo.sqlite3"
    code, out, _ = cli(
        capsys, "demo", "--dossiers", "400", "--db", str(path), "--seed", "7", "--now", DEMO_NOW
    )
    assert code == 0, out
    return path


def test_due_contract_first_line() -> None:
    result = run("due", "--received", "2024-04-26T09:00", "--days", "5")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "2024-05-07T09:00"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--hours", "8"), "2024-05-02T09:30"),
        (("--same-day",), "2024-04-26T17:00"),
        (("--calendar-days", "2"), "2024-05-02T17:00"),  # Sun 28/04 → next working day closing
    ],
)
def test_due_other_units(capsys, args, expected) -> None:
    code, out, _ = cli(capsys, "due", "--received", "2024-04-26T09:00", *args)
    assert code == 0
    assert out.splitlines()[0] == expected


def test_due_uses_the_units_overrides(tmp_path: Path, capsys, demo_db: Path) -> None:
    code, _, _ = cli(
        capsys,
        "calendar",
        "add-off",
        "--date",
        "2024-05-02",
        "--db",
        str(demo_db),
        "--by",
        "quantri",
    )
    assert code == 0
    code, out, _ = cli(
        capsys, "due", "--received", "2024-04-26T09:00", "--days", "5", "--db", str(demo_db)
    )
    assert out.splitlines()[0] == "2024-05-08T09:00"
    code, out, _ = cli(capsys, "due", "--received", "2024-04-26T09:00", "--days", "5")
    assert out.splitlines()[0] == "2024-05-07T09:00"


@pytest.mark.parametrize(
    "args",
    [
        ("due", "--received", "2024-02-30T09:00", "--days", "5"),
        ("due", "--received", "hôm qua", "--days", "5"),
        ("due", "--received", "2024-04-26T09:00", "--days", "-3"),
        ("due", "--received", "2024-04-26T09:00", "--days", "0"),
        ("due", "--received", "2024-04-26T09:00"),
        ("due", "--received", "2099-04-26T09:00", "--days", "5"),
        ("due", "--received", "2024-04-26T09:00", "--months", "100000"),
        ("due", "--received", "2024-04-26T09:00", "--calendar-days", "99999999"),
        ("list", "--all", "--limit", "99999999999999999999999"),
        ("demo", "--dossiers", "99999999999999"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("mohao-desk: ")
    assert "Traceback" not in result.stderr


def test_demo_is_deterministic(tmp_path: Path, capsys) -> None:
    outputs = []
    for name in ("a.sqlite3", "b.sqlite3"):
        path = tmp_path / name
        assert (
            cli(
                capsys,
                "demo",
                "--dossiers",
                "300",
                "--db",
                str(path),
                "--seed",
                "3",
                "--now",
                DEMO_NOW,
            )[0]
            == 0
        )
        _, out, _ = cli(capsys, "list", "--all", "--format", "json", "--db", str(path))
        outputs.append(json.loads(out))
    # The countdowns run with the wall clock during office hours: between the two runs they
    # move; everything the seed decides must be equal.
    live = {"remaining", "remaining_seconds", "appointment_remaining", "band", "band_label"}
    strip = [[{k: v for k, v in d.items() if k not in live} for d in o] for o in outputs]
    assert strip[0] == strip[1]
    assert len(strip[0]) == 300


def test_demo_has_the_realistic_mix(demo_db: Path, capsys) -> None:
    _, out, _ = cli(capsys, "list", "--all", "--format", "json", "--db", str(demo_db))
    items = json.loads(out)
    statuses = {d["status"] for d in items}
    assert {"returned", "processing", "result_ready"} <= statuses
    assert {d["channel"] for d in items} >= {"1", "2"}
    assert {d["timeliness"] for d in items} >= {"truoc_han", "dung_han", "qua_han"}
    assert any(d["apology_count"] for d in items)
    assert any(d["supplement_count"] for d in items)
    assert any(not d["inputs_digitized"] for d in items)
    assert len({d["procedure_code"] for d in items}) >= 6


def test_list_formats_and_counts_agree(demo_db: Path, capsys) -> None:
    for view in ("--overdue", "--due-today", "--pending", "--all"):
        _, count_out, _ = cli(capsys, "list", view, "--count", "--db", str(demo_db))
        _, json_out, _ = cli(capsys, "list", view, "--format", "json", "--db", str(demo_db))
        items = json.loads(json_out)
        assert int(count_out) == len(items)
        for item in items:
            for key in (
                "code",
                "procedure_code",
                "procedure",
                "applicant",
                "channel",
                "received_at",
                "due_at",
                "status",
                "band",
                "remaining",
            ):
                assert key in item
    _, csv_out, _ = cli(capsys, "list", "--pending", "--format", "csv", "--db", str(demo_db))
    assert csv_out.splitlines()[0].startswith("code,procedure_code,procedure")
    _, table_out, _ = cli(capsys, "list", "--pending", "--db", str(demo_db))
    assert "Mã hồ sơ" in table_out


def test_register_and_lifecycle_through_the_cli(tmp_path: Path, capsys, monkeypatch) -> None:
    path = str(tmp_path / "desk.sqlite3")
    init_unit_cli(
        monkeypatch, capsys, Path(path), "--unit-code", "000.17.22.H56",
        "--unit-name", "UBND phường Bần Yên Nhân", "--officer", "motcua:Nguyễn Thị Nhung",
        "--officer", "tuphap:Trần Văn Đức:Công chức Tư pháp",
    )  # fmt: skip
    code, out, err = cli(
        capsys,
        "register",
        "--procedure",
        "1.004873",
        "--name",
        "Nguyễn Văn An",
        "--received",
        "2024-04-26T09:00",
        "--db",
        path,
    )
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "000.17.22.H56-240426-0001"
    assert lines[1] == "2024-05-04T09:00"
    dossier = lines[0]
    steps = [
        ("handover", "--to", "tuphap", "--at", "2024-04-26T10:00"),
        ("supplement-request", "--missing", "Bản sao CCCD", "--at", "2024-05-02T09:00"),
        ("supplement-received", "--at", "2024-05-03T09:00"),
        (
            "apologize",
            "--reason",
            "Chờ xác minh",
            "--new-due",
            "2024-05-09T09:00",
            "--at",
            "2024-05-03T10:00",
        ),
        ("resolve", "--at", "2024-05-08T09:00"),
        ("return", "--at", "2024-05-08T10:00"),
    ]
    for step in steps:
        code, out, err = cli(capsys, step[0], "--dossier", dossier, *step[1:], "--db", path)
        assert code == 0, (step, err)
    code, out, _ = cli(capsys, "show", "--dossier", dossier, "--format", "json", "--db", path)
    data = json.loads(out)
    assert data["status"] == "returned"
    assert data["original_due_at"] == "2024-05-06T09:00"
    assert data["due_at"] == "2024-05-09T09:00"
    assert data["timeliness"] == "qua_han"
    assert [e["act"] for e in data["events"]] == [
        "register",
        "handover",
        "supplement_request",
        "supplement_received",
        "apologize",
        "resolve",
        "return",
    ]


def _stored(listing: str) -> list[dict]:
    """A JSON list without what the wall clock changes between two runs (the countdowns run
    during office hours)."""
    clock = {"remaining", "remaining_seconds", "appointment_remaining"}
    return [{k: v for k, v in d.items() if k not in clock} for d in json.loads(listing)]


def test_cli_refusals_write_nothing(tmp_path: Path, capsys, demo_db: Path) -> None:
    _, out, _ = cli(capsys, "list", "--all", "--format", "json", "--db", str(demo_db))
    snapshot = _stored(out)
    returned = next(d["code"] for d in snapshot if d["status"] == "returned")
    pending = next(d["code"] for d in snapshot if d["status"] == "processing")
    bad = [
        ("resolve", "--dossier", "000.31.22.H31-991231-0001"),
        ("refuse", "--dossier", returned, "--reason", "x"),
        ("apologize", "--dossier", pending, "--reason", "x", "--new-due", "2025-13-40T09:00"),
        ("handover", "--dossier", pending),
        ("register", "--procedure", "1.004873"),
        ("register", "--procedure", "1.004873", "--name", "A", "--sets", "-1"),
        ("resolve", "--dossier", pending, "--at", "2026-02-31T09:00"),
        ("digitize", "--dossier", pending, "--file", str(tmp_path / "no.pdf"), "--component", "1"),
    ]
    for args in bad:
        code, out, err = cli(capsys, *args, "--db", str(demo_db))
        assert code == 2, args
        assert len(err.strip().splitlines()) == 1, (args, err)
    _, out, _ = cli(capsys, "list", "--all", "--format", "json", "--db", str(demo_db))
    assert _stored(out) == snapshot


def test_database_that_cannot_be_opened(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("not a database")
    for path in (junk, tmp_path / "missing.sqlite3", tmp_path):
        result = run("list", "--overdue", "--count", "--db", str(path))
        assert result.returncode == 2
        assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "missing.sqlite3").exists()


def test_overview_creates_demo_data_on_first_run(tmp_path: Path) -> None:
    path = tmp_path / "first.sqlite3"
    result = run("--headless", "--demo-if-empty", "--db", str(path))
    assert result.returncode == 0, result.stderr
    assert "Quá hạn" in result.stdout
    assert path.exists()
    again = run("overview", "--db", str(path))
    assert again.returncode == 0
    assert "Đang giải quyết" in again.stdout


def test_failed_demo_leaves_no_database(tmp_path: Path) -> None:
    path = tmp_path / "never.sqlite3"
    result = run("demo", "--dossiers", "10", "--now", "2014-01-01T00:00", "--db", str(path))
    assert result.returncode == 2
    assert not path.exists()
    empty = run("demo", "--dossiers", "0", "--db", str(path))
    assert empty.returncode == 0, empty.stderr


def test_component_count_out_of_range(tmp_path: Path, capsys, demo_db: Path) -> None:
    code, _, err = cli(
        capsys,
        "register",
        "--procedure",
        "1.004873",
        "--name",
        "A",
        "--component",
        "Tờ khai|copy|99999999999999999999",
        "--db",
        str(demo_db),
    )
    assert code == 2
    assert "Thành phần hồ sơ" in err


def test_report_kstt_json(tmp_path: Path, capsys, demo_db: Path) -> None:
    out = tmp_path / "kstt.json"
    code, _, err = cli(capsys, "report", "kstt", "--from", "2026-06-01", "--to", "2026-10-31",
                       "--format", "json", "--out", str(out), "--db", str(demo_db))  # fmt: skip
    assert code == 0, err
    data = json.loads(out.read_text(encoding="utf-8"))
    keys = {"received_total", "received_online", "received_direct_postal", "carried_over",
            "resolved_total", "resolved_early", "resolved_on_time", "resolved_late",
            "pending_total", "pending_within", "pending_overdue"}  # fmt: skip
    assert data["rows"] and keys <= set(data["total"])
    for row in [*data["rows"], data["total"]]:
        assert keys <= set(row)
        assert (
            row["received_total"]
            == (row["received_online"] + row["received_direct_postal"] + row["carried_over"])
            == row["resolved_total"] + row["pending_total"]
        )
    assert data["total"]["received_total"] == sum(r["received_total"] for r in data["rows"])
    code, _, err = cli(capsys, "report", "kstt", "--from", "2026-10-31", "--to", "2026-06-01",
                       "--out", str(tmp_path / "bad.json"), "--db", str(demo_db))  # fmt: skip
    assert code == 2 and not (tmp_path / "bad.json").exists()


def test_counter_refusal_commands(tmp_path: Path, capsys, demo_db: Path) -> None:
    slip = tmp_path / "tu-choi.pdf"
    code, out, _ = cli(capsys, "--db", str(demo_db), "counter-refusals", "--format", "json")
    demo_refusals = json.loads(out)  # the demo's own, this month
    code, out, err = cli(
        capsys,
        "--db", str(demo_db), "counter-refuse", "--procedure", "2.000815",
        "--name", "Trần Văn Bình", "--reason", "Bản chính bị tẩy xóa",
        "--reason", "Không có bản chính để đối chiếu", "--out", str(slip),
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out.startswith("Đã ghi nhận từ chối tiếp nhận tại quầy số ")
    assert "Không tạo hồ sơ." in out and slip.read_bytes().startswith(b"%PDF")
    code, out, _ = cli(capsys, "--db", str(demo_db), "counter-refusals", "--format", "json")
    *earlier, listed = json.loads(out)
    assert earlier == demo_refusals
    assert listed["reason"] == "Bản chính bị tẩy xóa\nKhông có bản chính để đối chiếu"
    code, out, _ = cli(
        capsys, "--db", str(demo_db), "counter-refusal-slip", str(listed["id"]),
        "--out", str(tmp_path / "again.pdf"),
    )  # fmt: skip
    assert code == 0 and (tmp_path / "again.pdf").read_bytes().startswith(b"%PDF")
    code, out, err = cli(
        capsys, "--db", str(demo_db), "counter-refuse", "--procedure", "2.000815",
        "--name", "An", "--reason", " ",
    )  # fmt: skip
    assert (code, out, err.strip()) == (2, "", "mohao-desk: Thiếu lý do từ chối tiếp nhận.")
