"""Rendering the long documents (targets: a daily list of 5,000 rows and a Sổ theo dõi hồ sơ
of 20,000 rows, each in under 5 s).

By default the rows are synthetic but realistic (demo names, addresses, catalog procedures,
unique codes and phones), so the figure is the layout's alone. With ``--dossiers N`` the
benchmark also fills a demo database (or reuses ``--db``) and times the whole path, queries
included: the daily list of the demo's last day and the register book of its last 30 days.
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from mohao_desk.documents import daily_list, register_book
from mohao_desk.documents.data import Letterhead, Signature
from mohao_desk.documents.listdata import (
    BookEntry,
    DailyList,
    DailyRow,
    DailySection,
    OfficerCounts,
    OfficerGroup,
    RegisterBook,
)
from mohao_desk.documents.listing import clear_caches
from mohao_desk.services import demo
from mohao_desk.services.reports import SECTIONS
from mohao_desk.services.setup import seed_catalog

DAY = date(2024, 5, 7)
NOW = datetime(2024, 5, 7, 10, 15)
OFFICERS = ["Trần Văn Đức", "Lê Thị Thu Hà", "Phạm Minh Tuấn", "Đỗ Quang Huy"]
STATES = ["quá 3 ngày 2 giờ", "còn 4 giờ 45 phút", "Chờ bổ sung từ 03/05/2024; còn 2 ngày",
          "Thành phần hồ sơ: đã số hóa 1/3", "quá 1 ngày 6 giờ; đã xin lỗi"]  # fmt: skip


def _letterhead(form: str = "", title: str = "") -> Letterhead:
    return Letterhead(
        demo.DEMO_PARENT,
        demo.DEMO_UNIT_NAME,
        demo.DEMO_PLACE,
        DAY,
        "A",
        form,
        title,
        "Thông tư số 01/2018/TT-VPCP ngày 23 tháng 11 năm 2018 của Văn phòng Chính phủ",
    )


def _people(rng: random.Random) -> tuple[str, str, str]:
    name = f"{rng.choice(demo.FAMILY)} {rng.choice(demo.MIDDLE)} {rng.choice(demo.GIVEN)}"
    address = f"{rng.choice(demo.STREETS)}, phường Bần Yên Nhân, thị xã Mỹ Hào, tỉnh Hưng Yên"
    return name, address, f"09{rng.randrange(10**8):08d}"


def synthetic_daily_list(rows: int, seed: int = 1) -> DailyList:
    rng = random.Random(seed)
    procedures = [p.name for p in seed_catalog()]
    per_group = rows // (len(SECTIONS) * len(OFFICERS))
    sections = []
    n = 0
    for key, title in SECTIONS:
        groups = []
        for officer in OFFICERS:
            items = []
            for _ in range(per_group):
                n += 1
                name, _, phone = _people(rng)
                received = NOW - timedelta(hours=rng.randrange(1, 400))
                due = received + timedelta(days=3)
                items.append(
                    DailyRow(
                        f"{demo.DEMO_UNIT_CODE}-{received:%y%m%d}-{n % 10000:04d}",
                        rng.choice(procedures),
                        name,
                        phone,
                        received,
                        due,
                        due + timedelta(days=2) if rng.random() < 0.2 else None,
                        rng.choice(STATES),
                    )
                )
            groups.append(OfficerGroup(officer, tuple(items)))
        sections.append(DailySection(key, title, tuple(groups)))
    counts = tuple(OfficerCounts(o, (per_group,) * len(SECTIONS)) for o in OFFICERS)
    return DailyList(_letterhead(), "Danh sách theo dõi hồ sơ hằng ngày", DAY, NOW, NOW,
                     tuple(sections), counts, Signature(("TM. Ủy ban nhân dân", "Chủ tịch")),
                     Signature(("Người lập",), "Nguyễn Thị Hồng Nhung"))  # fmt: skip


def synthetic_book(rows: int, seed: int = 1) -> RegisterBook:
    rng = random.Random(seed)
    procedures = [p.name for p in seed_catalog()]
    start = DAY - timedelta(days=30)
    entries = []
    for n in range(1, rows + 1):
        name, address, phone = _people(rng)
        received = datetime.combine(start, datetime.min.time()) + timedelta(
            seconds=30 * 86400 * n // rows
        )
        due = received + timedelta(days=rng.choice((0, 0, 1, 3)))
        result = due - timedelta(hours=rng.randrange(0, 8)) if rng.random() < 0.9 else None
        entries.append(
            BookEntry(
                received.year,
                4000 + n,
                f"{demo.DEMO_UNIT_CODE}-{received:%y%m%d}-{n % 10000:04d}",
                rng.choice(procedures),
                1,
                name,
                address,
                phone,
                demo.DEMO_UNIT_NAME,
                received,
                due,
                received + timedelta(minutes=30),
                result,
                result + timedelta(days=1) if result else None,
                "Trực tuyến" if rng.random() < 0.3 else "",
            )
        )
    return RegisterBook(_letterhead("06", "Sổ theo dõi hồ sơ"), start, DAY, NOW, entries)


def timed(make: Callable[[], bytes], runs: int) -> tuple[float, float, bytes]:
    times = []
    pdf = b""
    for _ in range(runs):
        clear_caches()  # each run starts cold, like a fresh process
        t0 = time.perf_counter()
        pdf = make()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), max(times), pdf


def pages(pdf: bytes) -> int:
    import pypdf

    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def report(what: str, rows: int, median: float, worst: float, pdf: bytes, runs: int) -> None:
    verdict = "OK" if worst < 5 else "TOO SLOW"
    print(
        f"{what:<42} {rows:>7,} rows  {pages(pdf):>5} pages  {len(pdf) / 2**20:6.1f} MiB  "
        f"median {median:.2f} s, max {worst:.2f} s ({runs} runs)  [{verdict}: < 5 s]"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--daily-rows", type=int, default=5000)
    parser.add_argument("--book-rows", type=int, default=20000)
    parser.add_argument("--dossiers", type=int, default=0, help="also time a demo database")
    parser.add_argument("--db", help="demo database file (made if missing)")
    parser.add_argument("--book-days", type=int, default=34, help="days of the demo's book")
    args = parser.parse_args()

    data = synthetic_daily_list(args.daily_rows)
    rows = sum(s.count for s in data.sections)
    median, worst, pdf = timed(lambda: daily_list.render(data), args.runs)
    report("daily list, render (synthetic rows)", rows, median, worst, pdf, args.runs)
    book = synthetic_book(args.book_rows)
    median, worst, pdf = timed(lambda: register_book.render(book), args.runs)
    report("register book, render (synthetic rows)", len(book.entries), median, worst, pdf,
           args.runs)  # fmt: skip

    if args.dossiers or args.db:
        _demo(args)


def _demo(args: argparse.Namespace) -> None:
    from mohao_desk.services.desk import Desk
    from mohao_desk.services.reports import ReportService
    from mohao_desk.store.db import open_database

    folder = tempfile.mkdtemp(prefix="mohao-bench-")
    path = Path(args.db) if args.db else Path(folder) / "bench.sqlite3"
    fresh = not path.exists()
    db = open_database(path)
    anchor = datetime(2024, 5, 7, 10, 15)
    if fresh:
        t0 = time.perf_counter()
        demo.fill_demo(db, dossiers=args.dossiers, seed=1, now=anchor)
        print(f"(demo database of {args.dossiers:,} dossiers made in "
              f"{time.perf_counter() - t0:.1f} s: {path})")  # fmt: skip
    reports = ReportService(Desk(db, clock=lambda: anchor))
    day = anchor.date()
    data = reports.daily_list_data(day)
    rows = sum(s.count for s in data.sections)
    median, worst, pdf = timed(lambda: reports.daily_list(day), args.runs)
    report("daily list, queries + render (demo)", rows, median, worst, pdf, args.runs)
    start = day - timedelta(days=args.book_days - 1)
    count = len(reports.register_book_data(start, day).entries)
    median, worst, pdf = timed(lambda: reports.register_book(start, day), args.runs)
    what = f"register book {args.book_days} days, queries + render"
    report(what, count, median, worst, pdf, args.runs)
    start = day - timedelta(days=29)
    median, worst, pdf = timed(lambda: reports.explanation(start, day), args.runs)
    late = len(reports.explanation_data(start, day).entries)
    report("explanation 30 days, queries + render", late, median, worst, pdf, args.runs)
    db.close()


if __name__ == "__main__":
    main()
