"""The desk window at town scale (issue 4 targets), offscreen.

    .venv/bin/mohao-desk demo --dossiers 1000000 --backlog 50000 --db /tmp/ui.sqlite3
    .venv/bin/python benchmarks/bench_ui.py --db /tmp/ui.sqlite3

Measures: launch to a usable window (process start → the first rows of the board on screen),
the GUI-thread cost of one countdown refresh, search keystrokes (text typed → rows shown), and
the longest GUI-thread block while scrolling the whole "pending" board page by page.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

LAUNCH = r"""
import os, sys, time
t0 = float(sys.argv[2])
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
from mohao_desk.services.desk import Desk
from mohao_desk.services.setup import open_unit_database
from mohao_desk.ui.main_window import MainWindow
app = QApplication([])
window = MainWindow(Desk(open_unit_database(sys.argv[1], create=False)))
refreshed = []
window.board_refreshed.connect(lambda: refreshed.append(1))
window.show()
def first_rows():
    model = window.model
    if not refreshed:
        return False
    if model.rowCount() == 0:
        return True
    model.data(model.index(0, 0))  # what the view asks first
    return model.loaded_count() > 0
while not first_rows():
    app.processEvents()
    if time.time() - t0 > 30:
        raise SystemExit("not usable after 30 s")
print(f"{time.time() - t0:.3f} {window.model.rowCount()}")
"""


def launch(db: str) -> tuple[float, int]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", LAUNCH, db, str(time.time())],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout.split()
    return float(out[0]), int(out[1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    args = parser.parse_args()
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

    runs = [launch(args.db) for _ in range(3)]
    print(
        f"launch → first board rows: median {statistics.median(r[0] for r in runs):.2f} s, "
        f"max {max(r[0] for r in runs):.2f} s ({runs[0][1]:,} rows in the first view)"
    )

    from PySide6.QtWidgets import QApplication

    from mohao_desk.services.desk import Desk
    from mohao_desk.services.setup import open_unit_database
    from mohao_desk.ui import worker
    from mohao_desk.ui.main_window import MainWindow

    app = QApplication([])
    desk = Desk(open_unit_database(args.db, create=False))
    window = MainWindow(desk)
    window.resize(1366, 768)
    window.show()

    def settle(condition: object, limit: float = 30.0) -> None:
        start = time.perf_counter()
        while not condition():  # type: ignore[operator]
            app.processEvents()
            if time.perf_counter() - start > limit:
                raise SystemExit("timed out")

    pending_row = [k for k, _ in MainWindow.VIEWS].index("pending")
    window.views.setCurrentRow(pending_row)
    settle(lambda: window.model.rowCount() > 1000 and window.model.loaded_count() > 0)
    print(f"pending board: {window.model.rowCount():,} open dossiers")

    app.processEvents()
    ticks = []
    for _ in range(50):
        t = time.perf_counter()
        window.tick()  # one dataChanged over the visible countdown cells
        app.processEvents()  # ... and the repaint of just those cells
        ticks.append((time.perf_counter() - t) * 1000)
    print(
        f"countdown refresh (tick + repaint of the changed cells): median "
        f"{statistics.median(ticks):.2f} ms, max {max(ticks):.2f} ms"
    )

    all_row = [k for k, _ in MainWindow.VIEWS].index("all")
    window.views.setCurrentRow(all_row)
    settle(lambda: window.model.loaded_count() > 0)
    for text in ("n", "ng", "ngu", "nguy", "nguyen", "nguyen v", "nguyen van", "0912", "h31-26"):
        start = time.perf_counter()
        refreshed: list[int] = []
        window.board_refreshed.connect(lambda: refreshed.append(1))  # noqa: B023
        window.search.setText(text)
        settle(
            lambda: (
                refreshed  # noqa: B023 - read at once, in this iteration
                and (window.model.rowCount() == 0 or window.model.data(window.model.index(0, 0)))
                and (window.model.rowCount() == 0 or window.model.loaded_count() > 0)
            )
        )
        app.processEvents()
        window.board_refreshed.disconnect()
        elapsed = (time.perf_counter() - start) * 1000
        print(f"search '{text}': {elapsed:.0f} ms → {window.model.rowCount():,} rows")
    window.search.clear()

    window.views.setCurrentRow(pending_row)
    settle(lambda: window.model.rowCount() > 1000 and window.model.loaded_count() > 0)
    app.processEvents()
    bar = window.table.verticalScrollBar()
    step = max(bar.pageStep(), 1)
    blocks = []
    for value in range(0, bar.maximum() + 1, step):
        t = time.perf_counter()
        bar.setValue(value)
        app.processEvents()  # paint the page, deliver arrived rows
        blocks.append((time.perf_counter() - t) * 1000)
    worker.wait_all()
    blocks.sort()
    print(
        f"scrolling {window.model.rowCount():,} rows ({len(blocks):,} steps of {step} rows): GUI "
        f"block median {statistics.median(blocks):.1f} ms, 99th percentile "
        f"{blocks[int(len(blocks) * 0.99)]:.1f} ms, longest {blocks[-1]:.1f} ms"
    )
    window.close()


if __name__ == "__main__":
    main()
