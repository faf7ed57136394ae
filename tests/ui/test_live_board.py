"""What another process records on the same database appears on the board within seconds,
without "Làm mới"; the officer's selected row stays selected."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from mohao_desk.services.desk import Desk
from mohao_desk.ui.main_window import WATCH_MS, MainWindow
from tests.accounts import demo_passwords


def _board_codes(window: MainWindow) -> list[str]:
    model = window.model
    codes = []
    for row in range(model.rowCount()):
        summary = model.summary_at(row)
        if summary is None:
            model.data(model.index(row, 0))  # load the row as the view would
            summary = model.summary_at(row)
        if summary is not None:
            codes.append(summary.code)
    return codes


def test_a_registration_at_another_counter_appears_by_itself(
    qtbot, desk: Desk, db_path: Path
) -> None:
    demo_passwords(desk.db)  # the other counter logs in
    mine = desk.register(procedure_code="1.004873", applicant_name="Nguyễn Văn An").summary.code
    window = MainWindow(desk, synchronous=True)
    qtbot.addWidget(window)
    window.show()
    window.table.selectRow(0)
    assert _board_codes(window) == [mine]
    done = subprocess.run(
        [
            sys.executable, "-m", "mohao_desk", "--db", str(db_path), "register",
            "--procedure", "1.004873", "--name", "Phạm Thị Bên", "--received",
            "2024-04-26T08:30", "--format", "json",
        ],
        capture_output=True, text=True, encoding="utf-8", timeout=120, check=True,
    )  # fmt: skip
    theirs = json.loads(done.stdout)["code"]
    assert WATCH_MS <= 2000
    qtbot.waitUntil(lambda: theirs in _board_codes(window), timeout=5000)
    assert window._selected_code() == mine  # the officer's place is kept
