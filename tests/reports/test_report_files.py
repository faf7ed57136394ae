"""``mohao-desk report kstt|indicators`` end to end: real files on disk, read back with openpyxl
(merged header cells, values, formulas evaluated, cached values) and pypdf, each showing the
same numbers as the JSON."""

from __future__ import annotations

import io
import json
import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pypdf
import pytest
from sqlalchemy import insert, text, update

from mohao_desk.cli import main
from mohao_desk.domain.statistics import KSTT_COLUMNS
from mohao_desk.services.demo import fill_demo
from mohao_desk.store.db import open_database
from mohao_desk.store.schema import dossier, unit

DEMO_NOW = datetime(2025, 3, 20, 10, 0)
OTHER_UNIT = "000.31.22.H32"


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse's usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def demo_db(new_module_database) -> Path | str:
    """A demo desk (2,500 dossiers over the year before 20/03/2025) with a quarter of its
    dossiers moved to a second unit, as in an upstream database."""
    path = new_module_database("demo")
    db = open_database(path)
    fill_demo(db, dossiers=2500, seed=3, now=DEMO_NOW, backlog=100)
    with db.begin() as conn:
        result = conn.execute(
            insert(unit).values(
                code=OTHER_UNIT,
                name="Ủy ban nhân dân phường Dị Sử",
                parent_name="Ủy ban nhân dân thị xã Mỹ Hào",
                place_name="Mỹ Hào",
                is_own=False,
                created_at=datetime.now(ZoneInfo("UTC")),
            )
        )
        other = int(result.inserted_primary_key[0])
        conn.execute(update(dossier).where(text("dossier.id % 4 = 0")).values(unit_id=other))
    db.close()
    return path


def report(capsys, db: Path | str, out: Path, kind: str, fmt: str, *period: str) -> dict | bytes:
    code, stdout, err = cli(capsys, "report", kind, *period, "--format", fmt, "--out", str(out),
                            "--db", str(db))  # fmt: skip
    assert code == 0, err
    assert str(out) in stdout
    if fmt == "json":
        return json.loads(out.read_text(encoding="utf-8"))
    return out.read_bytes()


CUTOFF_FEB = ("--period", "cutoff", "--year", "2025", "--number", "2")  # 15/01 – 14/02/2025


# --------------------------------------------------------------------- JSON


def test_json_contract_and_identities(capsys, demo_db: Path, tmp_path: Path) -> None:
    data = report(capsys, demo_db, tmp_path / "k.json", "kstt", "json", *CUTOFF_FEB)
    assert (data["from"], data["to"]) == ("2025-01-15", "2025-02-14")
    assert data["period"] == "Kỳ chốt số liệu tháng 2 năm 2025"
    assert data["rows"] and set(KSTT_COLUMNS) <= set(data["total"])
    for row in [*data["rows"], data["total"]]:
        assert (
            row["received_total"]
            == row["received_online"] + row["received_direct_postal"] + row["carried_over"]
            == row["resolved_total"] + row["pending_total"]
        )
        assert row["resolved_total"] == (
            row["resolved_early"] + row["resolved_on_time"] + row["resolved_late"]
        )
        assert row["pending_total"] == row["pending_within"] + row["pending_overdue"]
    for name in KSTT_COLUMNS:
        assert data["total"][name] == sum(r[name] for r in data["rows"])
    same = report(capsys, demo_db, tmp_path / "k2.json", "kstt", "json",
                  "--from", "2025-01-15", "--to", "2025-02-14")  # fmt: skip
    assert same["rows"] == data["rows"] and same["total"] == data["total"]


def test_units_add_up_in_json(capsys, demo_db: Path, tmp_path: Path) -> None:
    data = report(capsys, demo_db, tmp_path / "k.json", "kstt", "json", *CUTOFF_FEB, "--by-unit")
    assert [u["unit"] for u in data["units"]] == ["000.31.22.H31", OTHER_UNIT]
    for name in KSTT_COLUMNS:
        assert data["total"][name] == sum(u["total"][name] for u in data["units"])
    one = report(capsys, demo_db, tmp_path / "one.json", "kstt", "json", *CUTOFF_FEB,
                 "--unit", OTHER_UNIT)  # fmt: skip
    assert one["unit"] == OTHER_UNIT
    assert one["total"] == data["units"][1]["total"]
    assert one["rows"] == data["units"][1]["rows"]


# --------------------------------------------------------------------- XLSX


def _evaluate(ws, value: object) -> int:
    """The value a cell shows: a number, or a ``=SUM(X10:X12)`` evaluated over the sheet."""
    if isinstance(value, int):
        return value
    match = re.fullmatch(r"=SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)", str(value))
    assert match, value
    col, first, col2, last = match.groups()
    assert col == col2
    return sum(_evaluate(ws, ws[f"{col}{r}"].value) for r in range(int(first), int(last) + 1))


def test_xlsx_has_the_official_layout_and_the_json_numbers(
    capsys, demo_db: Path, tmp_path: Path
) -> None:
    data = report(capsys, demo_db, tmp_path / "k.json", "kstt", "json", *CUTOFF_FEB)
    path = tmp_path / "k.xlsx"
    report(capsys, demo_db, path, "kstt", "xlsx", *CUTOFF_FEB)
    ws = openpyxl.load_workbook(path).active
    texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    assert "Biểu số 06/VPCP/KSTT" in texts
    assert (
        "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT TTHC" in texts
    )
    assert "(Từ ngày 15/01/2025 đến ngày 14/02/2025)" in texts
    assert "Kỳ báo cáo: Kỳ chốt số liệu tháng 2 năm 2025" in texts
    assert "Đơn vị tính: Số hồ sơ TTHC" in texts
    assert "Đơn vị báo cáo: Ủy ban nhân dân phường Bần Yên Nhân" in texts
    assert "Đơn vị nhận báo cáo: Ủy ban nhân dân thị xã Mỹ Hào" in texts
    # Real merged cells: two header levels over the sub-columns, and the column numbers.
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A7:A8", "B7:B8", "C7:F7", "G7:J7", "K7:M7", "D1:J2"} <= merged
    assert (ws["A7"].value, ws["B7"].value) == ("STT", "Lĩnh vực giải quyết")
    assert [ws[f"{c}7"].value for c in "CGK"] == [
        "Số hồ sơ nhận giải quyết",
        "Số hồ sơ đã giải quyết",
        "Số hồ sơ đang giải quyết",
    ]
    assert [ws.cell(8, c).value for c in range(3, 14)][:4] == [
        "Tổng số",
        "Số mới tiếp nhận trực tuyến",
        "Số mới tiếp nhận trực tiếp và qua dịch vụ bưu chính công ích",
        "Số từ kỳ trước chuyển qua",
    ]
    assert [ws.cell(9, c).value for c in range(1, 14)] == [f"({n})" for n in range(1, 14)]
    # One row per field with the JSON's numbers, then the total row of SUM formulas.
    rows = data["rows"]
    for n, row in enumerate(rows):
        r = 10 + n
        assert ws.cell(r, 1).value == n + 1 and ws.cell(r, 2).value == row["field"]
        assert [ws.cell(r, 3 + k).value for k in range(11)] == [row[c] for c in KSTT_COLUMNS]
    total = 10 + len(rows)
    assert ws.cell(total, 1).value == "Tổng cộng" and f"A{total}:B{total}" in merged
    assert ws.cell(total, 3).value == f"=SUM(C10:C{total - 1})"
    assert [_evaluate(ws, ws.cell(total, 3 + k).value) for k in range(11)] == [
        data["total"][c] for c in KSTT_COLUMNS
    ]
    # The values are also cached in the file, for programs that do not calculate.
    cached = openpyxl.load_workbook(path, data_only=True).active
    assert [cached.cell(total, 3 + k).value for k in range(11)] == [
        data["total"][c] for c in KSTT_COLUMNS
    ]
    # Ruled, sized, printable.
    assert ws.cell(total, 13).border.right.style == "thin"
    assert ws["A7"].border.top.style == "thin"
    assert ws.column_dimensions["B"].width == 30
    assert ws.page_setup.orientation == "landscape"
    assert ws.print_title_rows == "$7:$9"
    assert ws.freeze_panes == "C10"
    assert ws.cell(10, 3).number_format == "#,##0"


def test_xlsx_by_unit_has_one_sheet_per_unit(capsys, demo_db: Path, tmp_path: Path) -> None:
    data = report(capsys, demo_db, tmp_path / "k.json", "kstt", "json", *CUTOFF_FEB, "--by-unit")
    path = tmp_path / "units.xlsx"
    report(capsys, demo_db, path, "kstt", "xlsx", *CUTOFF_FEB, "--by-unit")
    book = openpyxl.load_workbook(path, data_only=True)
    assert book.sheetnames == ["Tổng hợp", "000.31.22.H31", OTHER_UNIT]
    for ws, expected in zip(book.worksheets, [data, *data["units"]], strict=True):
        total = 10 + len(expected["rows"])
        assert [ws.cell(total, 3 + k).value for k in range(11)] == [
            expected["total"][c] for c in KSTT_COLUMNS
        ]
    assert "Ủy ban nhân dân phường Dị Sử" in str(book[OTHER_UNIT]["K1"].value)


def test_an_empty_period_still_makes_a_valid_form(capsys, demo_db: Path, tmp_path: Path) -> None:
    period = ("--from", "2020-01-01", "--to", "2020-01-31")
    data = report(capsys, demo_db, tmp_path / "e.json", "kstt", "json", *period)
    assert data["rows"] == [] and data["total"]["received_total"] == 0
    report(capsys, demo_db, tmp_path / "e.xlsx", "kstt", "xlsx", *period)
    ws = openpyxl.load_workbook(tmp_path / "e.xlsx").active
    assert ws["A10"].value == "Tổng cộng" and ws["C10"].value == 0
    assert ws["A11"].value == "Không có hồ sơ trong kỳ báo cáo."
    pdf = report(capsys, demo_db, tmp_path / "e.pdf", "kstt", "pdf", *period)
    assert "Không có hồ sơ trong kỳ báo cáo." in pdf_text(pdf)


# ---------------------------------------------------------------------- PDF


def pdf_text(pdf: bytes) -> str:
    assert pdf.startswith(b"%PDF")
    return "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def _vn(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def test_pdf_has_the_national_header_and_the_json_numbers(
    capsys, demo_db: Path, tmp_path: Path
) -> None:
    data = report(capsys, demo_db, tmp_path / "k.json", "kstt", "json", *CUTOFF_FEB)
    pdf = report(capsys, demo_db, tmp_path / "k.pdf", "kstt", "pdf", *CUTOFF_FEB)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape
    fonts = reader.pages[0]["/Resources"]["/Font"].get_object()
    assert any("Tinos" in str(f.get_object()["/BaseFont"]) for f in fonts.values())
    text = pdf_text(pdf)
    flat = " ".join(text.split())
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "ỦY BAN NHÂN DÂN PHƯỜNG BẦN YÊN NHÂN",
        "Biểu số 06/VPCP/KSTT",
        "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC TẠI CƠ QUAN,",
        "ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT TTHC",
        "(Từ ngày 15/01/2025 đến ngày 14/02/2025)",
        "Đơn vị tính: Số hồ sơ TTHC",
        "Số hồ sơ nhận giải quyết",
        "Số hồ sơ đang giải quyết",
        "NGƯỜI LẬP BIỂU",
    ):
        assert expected in flat, expected
    assert " ".join(f"({n})" for n in range(1, 14)) in flat
    for row in data["rows"]:
        numbers = " ".join(_vn(row[c]) for c in KSTT_COLUMNS)
        assert f"{row['field']} {numbers}" in flat
    total = " ".join(_vn(data["total"][c]) for c in KSTT_COLUMNS)
    assert f"Tổng cộng {total}" in flat


# --------------------------------------------------------------- indicators


def test_indicators_json_and_pdf(capsys, demo_db: Path, tmp_path: Path) -> None:
    kstt = report(capsys, demo_db, tmp_path / "k.json", "kstt", "json", *CUTOFF_FEB)
    data = report(capsys, demo_db, tmp_path / "i.json", "indicators", "json", *CUTOFF_FEB)
    items = {i["code"]: i for i in data["indicators"]}
    assert list(items) == ["2.1", "3.3", "4.1", "4.2", "4.3", "5.4"]
    t = kstt["total"]
    on_time = t["resolved_early"] + t["resolved_on_time"] + t["pending_within"]
    assert (items["2.1"]["numerator"], items["2.1"]["denominator"]) == (
        on_time,
        t["received_total"],
    )
    new = t["received_online"] + t["received_direct_postal"]
    assert (items["3.3"]["numerator"], items["3.3"]["denominator"]) == (t["received_online"], new)
    assert items["3.3"]["value"] == round(100 * t["received_online"] / new, 2)
    assert [items[c]["threshold"] for c in items] == [None, 50.0, None, 80.0, 80.0, 90.0]
    counts = data["counts"]
    overdue = 100 * (counts["handled"] - counts["handled_on_time"]) / counts["handled"]
    unhappy = 100 * counts["not_satisfied"] / counts["rated"]
    assert items["5.4"]["value"] == round(max(0.0, 100 - overdue - unhappy), 2)
    pdf = report(capsys, demo_db, tmp_path / "i.pdf", "indicators", "pdf", *CUTOFF_FEB,
                 "--by-unit")  # fmt: skip
    flat = " ".join(pdf_text(pdf).split())
    assert "Quyết định số 766/QĐ-TTg" in flat
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in flat
    for code, item in items.items():
        value = f"{item['value']:.2f}".replace(".", ",") + " %"
        assert code in flat and value in flat, (code, value)
    assert "Kết quả theo đơn vị" in flat and "Ủy ban nhân dân phường Dị Sử" in flat


# ------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--period", "month", "--number", "2"), "cần năm"),
        (("--period", "month", "--year", "2025"), "cần số tháng"),
        (("--period", "quarter", "--year", "2025", "--number", "5"), "Quý 5"),
        (("--period", "month", "--year", "2025", "--number", "1", "--from", "2025-01-01"),
         "không cả hai"),
        (("--from", "2025-01-01"), "Cần kỳ báo cáo"),
        (("--from", "2025-01-01", "--to", "2025-01-31", "--year", "2025"), "chỉ dùng cùng"),
        (("--from", "2025-02-01", "--to", "2025-01-01"), "trước ngày bắt đầu"),
        (("--from", "2025-01-01", "--to", "2025-01-31", "--unit", "X.Y"), "Không có đơn vị"),
        (("--from", "2099-01-01", "--to", "2099-01-31"), "tương lai"),
        (("--from", "2025-13-01", "--to", "2025-01-31"), "không hợp lệ"),
    ],
)  # fmt: skip
def test_bad_requests_write_nothing(capsys, demo_db: Path, tmp_path: Path, args, message) -> None:
    out = tmp_path / "bad.json"
    code, _, err = cli(capsys, "report", "kstt", *args, "--out", str(out), "--db", str(demo_db))
    assert code == 2, err
    assert message in err
    assert not out.exists()


def test_indicators_have_no_xlsx(capsys, demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "i.xlsx"
    code, _, err = cli(capsys, "report", "indicators", *CUTOFF_FEB, "--format", "xlsx",
                       "--out", str(out), "--db", str(demo_db))  # fmt: skip
    assert code == 2 and "json, pdf" in err and not out.exists()


def test_the_total_formulas_add_up_to_the_json_totals(
    capsys, demo_db: Path, tmp_path: Path
) -> None:
    """Every formula of the total row is a SUM over the field rows of its column; evaluated
    here (what a spreadsheet program does), it gives the JSON's totals."""
    import openpyxl
    from openpyxl.utils import range_boundaries

    data = report(capsys, demo_db, tmp_path / "k.json", "kstt", "json", *CUTOFF_FEB)
    report(capsys, demo_db, tmp_path / "k.xlsx", "kstt", "xlsx", *CUTOFF_FEB)
    sheet = openpyxl.load_workbook(tmp_path / "k.xlsx").active
    formulas = {}
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("=SUM("):
                formulas[cell.column] = cell.value
    assert len(formulas) == len(KSTT_COLUMNS)
    totals = []
    for column in sorted(formulas):
        low_col, low_row, high_col, high_row = range_boundaries(formulas[column][5:-1])
        assert low_col == high_col == column
        values = [sheet.cell(r, column).value for r in range(low_row, high_row + 1)]
        assert all(isinstance(v, int) for v in values)
        totals.append(sum(values))
    assert totals == [data["total"][c] for c in KSTT_COLUMNS]
