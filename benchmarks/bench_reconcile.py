"""Reconciling a 100,000-row export of the electronic one-stop system with a 1,000,000-dossier
desk (issue 13; target < 10 s).

Needs a demo desk: ``mohao-desk demo --dossiers 1000000 --db /tmp/rec-1m.sqlite3`` (~4 min).
The export is made from the desk's newest dossiers, in a province's shape (title rows merged
above the header, receipt and due moments as Excel date cells, one in fifty as text, the
system's status words), with differences planted: 1 % of the period's dossiers left out (not
yet entered), 1 % of the finished ones still open there, 1 % with another due moment, 0.5 %
codes the desk does not have. Prints the time of each part, then of the whole
``services.reconcile.reconcile_file`` (record included), and checks the planted counts.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select

OPEN_WORDS = {"received": "Mới tiếp nhận", "processing": "Đang xử lý",
              "waiting_supplement": "Chờ bổ sung"}  # fmt: skip
FINISHED_WORDS = {"result_ready": "Đã có kết quả", "returned": "Đã trả kết quả",
                  "refused": "Từ chối", "withdrawn": "Rút hồ sơ",
                  "stopped": "Dừng xử lý"}  # fmt: skip


def make_export(db_path: str, out: Path, rows: int, seed: int = 13) -> dict[str, int]:
    """Write the export; return the planted differences."""
    from openpyxl import Workbook

    from mohao_desk.store.db import open_database
    from mohao_desk.store.schema import dossier, unit

    rng = random.Random(seed)
    db = open_database(db_path, create=False)
    with db.read() as conn:
        zone = ZoneInfo(conn.execute(select(unit.c.timezone).limit(1)).scalar_one())
        found = conn.execute(
            select(
                dossier.c.code, dossier.c.status, dossier.c.received_at, dossier.c.original_due_at
            )
            .order_by(dossier.c.received_at.desc())
            .limit(rows)
        ).all()
    db.close()
    # The period is whole days: drop the oldest day's dossiers, which may be cut by the limit.
    first_day = found[-1].received_at.astimezone(zone).date()
    found = [r for r in found if r.received_at.astimezone(zone).date() > first_day]
    planted = {"missing_in_system": 0, "finished_here_open_there": 0, "due_differs": 0,
               "unknown_here": 0}  # fmt: skip
    # Not write_only: that mode writes inline strings and no <dimension>, which real exports
    # (Excel, and the libraries the systems use) do not, and openpyxl reads both slowly (it
    # parses the whole sheet once more to find the missing dimension).
    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách hồ sơ"
    sheet.append(["ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN"])
    sheet.append(["DANH SÁCH HỒ SƠ TIẾP NHẬN TRÊN HỆ THỐNG MỘT CỬA ĐIỆN TỬ"])
    sheet.append([])
    sheet.append(["STT", "Số hồ sơ", "Thủ tục", "Ngày nộp", "Hạn giải quyết", "Tình trạng",
                  "Ghi chú"])  # fmt: skip
    n = 0
    for r in reversed(found):
        if rng.random() < 0.01:
            planted["missing_in_system"] += 1
            continue
        received = r.received_at.astimezone(zone).replace(tzinfo=None)
        due = r.original_due_at.astimezone(zone).replace(tzinfo=None)
        if rng.random() < 0.01:
            due += timedelta(days=1)
            planted["due_differs"] += 1
        if r.status in FINISHED_WORDS:
            if rng.random() < 0.01:
                word = "Đang xử lý"
                planted["finished_here_open_there"] += 1
            else:
                word = FINISHED_WORDS[r.status]
        else:
            word = OPEN_WORDS[r.status]
        n += 1
        shown: object = received if n % 50 else f"{received:%d/%m/%Y %H:%M}"
        sheet.append([n, r.code, "Thủ tục", shown, due, word, None])
        if rng.random() < 0.005:
            n += 1
            planted["unknown_here"] += 1
            sheet.append([n, f"{r.code}9", "Thủ tục", received, due, "Đang xử lý", None])
    book.save(out)
    planted["rows"] = n
    return planted


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True, help="a demo desk (mohao-desk demo)")
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--file", default="/tmp/bench-reconcile.xlsx")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--reuse", action="store_true", help="keep the export of a former run")
    args = parser.parse_args()

    from mohao_desk.domain.reconcile import read_system_list
    from mohao_desk.services import reconcile, spreadsheet
    from mohao_desk.services.desk import Desk
    from mohao_desk.store.db import open_database

    path = Path(args.file)
    t0 = time.perf_counter()
    if args.reuse and path.exists():
        planted = json.loads(path.with_suffix(".json").read_text())
    else:
        planted = make_export(args.db, path, args.rows)
        path.with_suffix(".json").write_text(json.dumps(planted))
    print(
        f"export written: {planted['rows']:,} rows, {path.stat().st_size / 2**20:.1f} MB "
        f"in {time.perf_counter() - t0:.1f} s; planted {planted}"
    )
    t0 = time.perf_counter()
    sheets = spreadsheet.read_sheets(path, reconcile.LIMITS, reconcile.WHAT)
    t1 = time.perf_counter()
    read_system_list(sheets)
    t2 = time.perf_counter()
    print(f"read the workbook (zip checks + streamed XML): {t1 - t0:.2f} s; "
          f"header, moments, status words: {t2 - t1:.2f} s")  # fmt: skip
    db = open_database(args.db, create=False)
    desk = Desk(db)
    assert desk.calendar is not None  # built once per desk (the window's desk has it already)
    times = []
    result = None
    for _ in range(args.runs):
        t0 = time.perf_counter()
        result = reconcile.reconcile_file(desk, path)
        times.append(time.perf_counter() - t0)
    assert result is not None
    counts = result.counts()
    print(
        f"reconcile_file ({args.runs} runs): median {statistics.median(times):.2f} s, "
        f"max {max(times):.2f} s; {result.desk_in_period:,} dossiers of the desk in the period "
        f"{result.period[0]:%d/%m/%Y}–{result.period[1]:%d/%m/%Y}; counts {counts}"
    )
    t0 = time.perf_counter()
    pdf = reconcile.render(desk, result, "pdf")
    t1 = time.perf_counter()
    xlsx = reconcile.render(desk, result, "xlsx")
    t2 = time.perf_counter()
    print(f"PDF {len(pdf) / 2**10:.0f} KB in {t1 - t0:.2f} s; XLSX {len(xlsx) / 2**10:.0f} KB "
          f"in {t2 - t1:.2f} s")  # fmt: skip
    for key in ("missing_in_system", "finished_here_open_there", "due_differs", "unknown_here"):
        assert counts[key] == planted[key], (key, counts[key], planted[key])
    print(f"planted differences found exactly ({datetime.now(UTC):%Y-%m-%d %H:%M} UTC)")
    db.close()


if __name__ == "__main__":
    main()
