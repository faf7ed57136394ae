"""The same numbers everywhere (issue 5): Biểu 06 of a unit computed at its desk equals the
one computed upstream from that unit's package, and upstream totals are the sum of the units.
Real files: two demo desks export, an upstream database imports both."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl

from tests.accounts import run_as_admin

PERIODS = [
    ("--period", "cutoff", "--year", "2025", "--number", "2"),
    ("--period", "month", "--year", "2025", "--number", "1"),
    ("--from", "2024-06-01", "--to", "2025-03-19"),
]


def run(capsys, *args: str) -> str:
    code, out, err = run_as_admin(capsys, *args)
    assert code == 0, err
    return out


def kstt(capsys, db: Path | str, out: Path, *extra: str) -> dict:
    run(capsys, "report", "kstt", *extra, "--format", "json", "--out", str(out), "--db", str(db))
    return json.loads(out.read_text(encoding="utf-8"))


def test_desk_and_upstream_agree(capsys, tmp_path: Path, new_database, monkeypatch) -> None:
    monkeypatch.setenv("MOHAO_PASSWORD", "demo")  # restored at the end
    units = {"000.31.22.H31": 1, "000.31.22.H32": 2}
    upstream = new_database("upstream", migrated=False)  # on a server: made empty by its owner
    run(capsys, "upstream", "init", "--db", str(upstream))
    desks = {}
    for code, seed in units.items():
        desk = desks[code] = new_database(code.replace(".", "_"), migrated=False)
        run(capsys, "demo", "--dossiers", "1500", "--unit", code, "--seed", str(seed),
            "--now", "2025-03-20T10:00", "--backlog", "60", "--db", str(desk))  # fmt: skip
        run(capsys, "keys", "export", "--out", str(tmp_path / f"{code}.key"), "--db", str(desk))
        run(capsys, "export", "--out", str(tmp_path / "packages"), "--db", str(desk))
        run(capsys, "trust", str(tmp_path / f"{code}.key"), "--db", str(upstream))
    packages = sorted(str(p) for p in (tmp_path / "packages").iterdir())
    run(capsys, "import", *packages, "--db", str(upstream))
    for n, period in enumerate(PERIODS):
        total = kstt(capsys, upstream, tmp_path / f"total{n}.json", *period, "--by-unit")
        assert [u["unit"] for u in total["units"]] == list(units)
        for k, code in enumerate(units):
            at_desk = kstt(capsys, desks[code], tmp_path / f"d{n}{k}.json",
                           *period)  # fmt: skip
            upstream_one = kstt(capsys, upstream, tmp_path / f"u{n}{k}.json", *period,
                                "--unit", code)  # fmt: skip
            assert at_desk["rows"] == upstream_one["rows"] == total["units"][k]["rows"]
            assert at_desk["total"] == upstream_one["total"] == total["units"][k]["total"]
        for name, value in total["total"].items():
            if name != "field":
                assert value == sum(u["total"][name] for u in total["units"])
    # The upstream office's own form leaves its receiver blank (not itself); a unit's names it.
    out = tmp_path / "upstream.xlsx"
    run(capsys, "report", "kstt", *PERIODS[0], "--by-unit", "--format", "xlsx", "--out",
        str(out), "--db", str(upstream))  # fmt: skip
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Tổng hợp", *units]
    assert book["Tổng hợp"]["K3"].value == "Đơn vị nhận báo cáo: ……………………"
    assert book["000.31.22.H31"]["K3"].value.startswith("Đơn vị nhận báo cáo: Ủy ban nhân dân")
