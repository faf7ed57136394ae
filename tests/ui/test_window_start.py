"""The window's start (issue 14): its first rows wait neither for the ``holidays`` package (the
calendar comes from the cache folder) nor for the work the start does besides them (the
reconciliation line, the calendar notice)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

from mohao_desk.services.demo import fill_demo
from mohao_desk.services.desk import Desk
from mohao_desk.services.setup import open_unit_database
from mohao_desk.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 26, 9, 40)

# The launch of benchmarks/bench_ui.py, telling also whether holidays was imported.
LAUNCH = r"""
import sys
from PySide6.QtWidgets import QApplication
from mohao_desk.services.desk import Desk
from mohao_desk.services.setup import open_unit_database
from mohao_desk.ui.main_window import MainWindow
app = QApplication([])
window = MainWindow(Desk(open_unit_database(sys.argv[1], create=False)))
refreshed = []
window.board_refreshed.connect(lambda: refreshed.append(1))
window.show()
while not (refreshed and window.model.rowCount() and window.model.loaded_count()):
    app.processEvents()
print(window.model.rowCount(), "holidays" in sys.modules)
window.hide()
from mohao_desk.ui import worker
worker.wait_all(5000)
"""


def test_the_first_rows_do_not_wait_for_holidays(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    db = open_unit_database(path)
    fill_demo(db, dossiers=300, seed=3)
    db.close()
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "MOHAO_DESK_CACHE": str(tmp_path / "cache"),
    }
    runs = []
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-c", LAUNCH, str(path)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
        runs.append(done.stdout.split())
    (rows, cold), (rows_again, warm) = runs
    assert int(rows) > 0 and rows_again == rows
    assert cold == "True"  # the first start computed the calendar (and kept it)
    assert warm == "False"


def test_the_start_work_comes_after_the_first_rows(qtbot, tmp_path: Path) -> None:
    db = open_unit_database(tmp_path / "desk.sqlite3")
    fill_demo(db, dossiers=300, seed=3, now=NOW)
    desk = Desk(db)
    pages: list[str] = []
    board_page = desk.board_page

    def counted(view: str, **kw: object) -> object:
        pages.append(view)
        return board_page(view, **kw)  # type: ignore[arg-type]

    desk.board_page = counted  # type: ignore[method-assign]
    window = MainWindow(desk)  # off the GUI thread, as in use
    qtbot.addWidget(window)
    order: list[str] = []
    window.board_refreshed.connect(lambda: order.append("rows"))
    real_check = window._reconciliation_arrived

    def reconciliation(last: object) -> None:
        order.append("reconciliation")
        real_check(last)

    window._reconciliation_arrived = reconciliation  # type: ignore[method-assign]
    assert window._waiting_for_rows == [
        window.check_counts,
        window.check_reconciliation,
        window.check_calendar,
    ]
    window.show()
    qtbot.waitUntil(lambda: "reconciliation" in order, timeout=20000)
    assert order[0] == "rows"
    assert window._first_rows_shown and window._waiting_for_rows == []
    # The page asked for at the start of __init__ was the first refresh's: asked once.
    # (Nothing is due today here: once the counts say so, the window opens "pending".)
    assert pages[0] == "due-today" and pages.count("due-today") == 1
    qtbot.waitUntil(lambda: not window._first_counts, timeout=20000)  # the counts came
    assert all("(" in window.views.item(i).text() for i in range(window.views.count()))
    # From then on, a refresh asks at once again.
    qtbot.wait(200)
    asked = order.count("reconciliation")
    started = time.monotonic()
    window.refresh()
    qtbot.waitUntil(lambda: order.count("reconciliation") > asked, timeout=20000)
    assert time.monotonic() - started < 20
    window.close()
