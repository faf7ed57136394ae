"""The desk window on the unit's PostgreSQL server: the same board, the same dossier page."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime

import pytest
from sqlalchemy import text

from mohao_desk.services.desk import Desk
from mohao_desk.services.setup import init_unit
from mohao_desk.store.db import open_database
from mohao_desk.ui.dossier import DossierDialog
from mohao_desk.ui.main_window import MainWindow
from tests.accounts import demo_passwords
from tests.conftest import UNIT_CODE, FakeClock
from tests.ui.dialog_helpers import click_action, double_click_cell


def _codes(window: MainWindow) -> set[str]:
    model = window.model
    for row in range(model.rowCount()):
        model.data(model.index(row, 0))  # load the row as the view would
    return {model.summary_at(r).code for r in range(model.rowCount())}


@pytest.fixture(scope="module")
def backend() -> str:
    return "postgresql"


def test_the_board_and_a_dossier_page_on_a_server(qtbot, new_database) -> None:
    from mohao_desk.services.setup import OfficerInput

    url = new_database()
    db = open_database(url)
    try:
        init_unit(
            db,
            code=UNIT_CODE,
            name="Ủy ban nhân dân phường Bần Yên Nhân",
            officers=[OfficerInput("motcua", "Nguyễn Thị Hồng Nhung", "Công chức Một cửa")],
        )
        demo_passwords(db)  # the other PC logs in
        desk = Desk(db, clock=FakeClock(datetime(2025, 9, 1, 9, 0)))
        first = desk.register(procedure_code="1.004873", applicant_name="Nguyễn Văn An")
        window = MainWindow(desk, synchronous=True)
        qtbot.addWidget(window)
        window.show()
        second = desk.register(procedure_code="2.000815", applicant_name="Lê Thị Bình")
        click_action(qtbot, window, window.refresh_action)  # "Làm mới"
        assert _codes(window) == {first.summary.code, second.summary.code}
        # Another PC (here: another process) registers: LISTEN/NOTIFY brings it, no click.
        done = subprocess.run(
            [
                sys.executable, "-m", "mohao_desk", "--db", url, "register",
                "--procedure", "2.000815", "--name", "Phạm Văn Khác", "--received",
                "2025-09-01T08:30", "--format", "json",
            ],
            capture_output=True, text=True, encoding="utf-8", timeout=120, check=True,
        )  # fmt: skip
        theirs = json.loads(done.stdout)["code"]
        qtbot.waitUntil(lambda: theirs in _codes(window), timeout=5000)
        # The server drops the window's connections (a restart, a cable): the status bar says
        # so, the board stays, and the window reconnects by itself.
        watcher = window.watcher
        assert watcher is not None
        pid = watcher._conn.info.backend_pid
        with db.begin() as conn:
            conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        qtbot.waitUntil(lambda: window.offline_label is not None, timeout=5000)
        assert window.offline_label.text().startswith("Không kết nối được máy chủ dữ liệu")
        assert theirs in _codes(window)  # the last board stays on screen
        qtbot.waitUntil(lambda: window.offline_label is None, timeout=5000)
        double_click_cell(window.table, 0, 0)
        pages = [p for p in window.dossier_pages.values() if isinstance(p, DossierDialog)]
        assert len(pages) == 1 and pages[0].isVisible()
        pages[0].close()
        window.close()
    finally:
        db.close()
