"""The window when the unit's server goes out of reach and comes back (issue 10): the server
is reached over TCP through a port the test can cut (tests/net_proxy.py), as a cable pulled or
the server PC switched off. The status bar says so, the board stays, an act is refused with a
message that says the server is unreachable and changes nothing; when the cable is back the
window recovers by itself and the same act goes through."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.lifecycle import Act, Status
from mohao_desk.services.desk import Desk
from mohao_desk.services.setup import OfficerInput, init_unit
from mohao_desk.store.db import open_database
from mohao_desk.ui.dossier import DossierDialog
from mohao_desk.ui.main_window import MainWindow
from tests.conftest import UNIT_CODE, FakeClock
from tests.net_proxy import CablePort
from tests.pg_server import database_name
from tests.ui.dialog_helpers import close, double_click_cell


@pytest.fixture(scope="module")
def backend() -> str:
    return "postgresql"


@pytest.fixture
def cable(pg_cluster) -> Iterator[CablePort]:
    port = CablePort(pg_cluster.socket_dir / f".s.PGSQL.{pg_cluster.port}")
    yield port
    port.close()


def test_the_window_through_a_cable_that_is_pulled_and_put_back(qtbot, new_database, cable):
    url = cable.url(database_name(str(new_database())))
    db = open_database(url)
    try:
        init_unit(
            db,
            code=UNIT_CODE,
            name="Ủy ban nhân dân phường Bần Yên Nhân",
            officers=[OfficerInput("motcua", "Nguyễn Thị Hồng Nhung", "Công chức Một cửa")],
        )
        desk = Desk(db, clock=FakeClock(datetime(2025, 9, 1, 9, 0)))
        code = desk.register(procedure_code="1.004873", applicant_name="Nguyễn Văn An").summary.code
        window = MainWindow(desk, synchronous=True)
        qtbot.addWidget(window)
        window.show()
        double_click_cell(window.table, 0, 0)
        (page,) = [p for p in window.dossier_pages.values() if isinstance(p, DossierDialog)]
        assert page.code == code

        cable.cut()
        qtbot.waitUntil(lambda: window.offline_label is not None, timeout=8000)
        assert window.offline_label.text().startswith("Không kết nối được máy chủ dữ liệu")
        assert window.model.rowCount() == 1  # the last board stays on screen

        QTest.mouseClick(page.act_buttons[Act.RESOLVE], Qt.MouseButton.LeftButton)
        QTest.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
        shown = page.act_error.text()
        assert "Không kết nối được máy chủ cơ sở dữ liệu" in shown, shown
        assert "chưa được ghi" in shown
        assert page.confirm_button.isEnabled()  # the officer can try again
        with pytest.raises(DeskError, match="Không kết nối được máy chủ"):
            desk.get(code)  # the service says the same to the CLI

        cable.restore()
        qtbot.waitUntil(lambda: window.offline_label is None, timeout=8000)
        assert desk.get(code).summary.status is Status.RECEIVED  # the refused act left nothing
        QTest.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
        assert desk.get(code).summary.status is Status.RESULT_READY
        assert not page.act_error.isVisible() or not page.act_error.text()
        close(page)
        window.close()
    finally:
        db.close()


def test_a_connection_the_server_dropped_is_replaced_without_an_error(new_database) -> None:
    """A server restart kills every connection in the pool; the next act just works."""
    from sqlalchemy import text

    db = open_database(new_database())
    try:
        init_unit(db, code=UNIT_CODE, name="Ủy ban nhân dân phường Bần Yên Nhân")
        desk = Desk(db, clock=FakeClock(datetime(2025, 9, 1, 9, 0)))
        first = desk.register(procedure_code="1.004873", applicant_name="Nguyễn Văn An")
        with db.read() as conn:
            mine = conn.execute(text("SELECT pg_backend_pid()")).scalar_one()
        other = open_database(db.target)
        with other.begin() as conn:  # what a restart does to this PC's pooled connection
            killed = conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": mine})
            assert killed.scalar_one() is True
        other.close()
        second = desk.register(procedure_code="1.004873", applicant_name="Lê Thị Bình")
        assert second.summary.code != first.summary.code
        assert desk.get(first.summary.code).summary.code == first.summary.code
    finally:
        db.close()
