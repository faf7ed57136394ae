"""The upstream office's dashboard: one row per unit from the packages it sent, drill-down."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolBar

from mohao_desk.services import sync
from mohao_desk.services.demo import fill_demo
from mohao_desk.services.desk import Desk
from mohao_desk.services.setup import open_unit_database
from mohao_desk.services.statistics import StatisticsService
from mohao_desk.ui.main_window import MainWindow
from mohao_desk.ui.upstream_window import COLUMNS, UpstreamWindow, current_period
from tests.conftest import FakeClock
from tests.ui.dialog_helpers import click_action, double_click_cell

NOW = datetime(2026, 11, 26, 10, 0)


def test_current_periods() -> None:
    today = NOW.date()
    assert current_period("month", today)[:2] == (today.replace(day=1), today)
    first, last, _ = current_period("cutoff", today)  # 15/11 – 14/12, so far
    assert (first, last) == (today.replace(day=15), today)
    assert current_period("quarter", today)[0] == today.replace(month=10, day=1)
    assert current_period("year", today)[0] == today.replace(month=1, day=1)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    """The upstream office's database: a file, or the province's PostgreSQL server (the
    units' desks stay SQLite files)."""
    return str(request.param)


def test_dashboard_rows_drill_down_and_import(
    qtbot, tmp_path: Path, monkeypatch, message_boxes, new_database
) -> None:
    upstream = open_unit_database(new_database("tinh"))
    sync.init_upstream(upstream)
    packages = []
    for n, code in enumerate(("000.31.22.H31", "000.31.22.H32")):
        desk_db = open_unit_database(tmp_path / f"desk{n}.sqlite3")
        fill_demo(desk_db, dossiers=400, unit_code=code, seed=n + 5, now=NOW)
        sync.trust(upstream, sync.export_public_key(desk_db, tmp_path / f"{n}.key").path)
        out = tmp_path / f"out{n}"
        out.mkdir()
        packages.append(sync.export_desk_package(desk_db, out).path)
    sync.import_packages(upstream, packages[:1])
    desk = Desk(upstream, clock=FakeClock(NOW))
    window = UpstreamWindow(desk, synchronous=True)
    qtbot.addWidget(window)
    window.show()
    assert [r["code"] for r in window.rows] == ["000.31.22.H31", "000.31.22.H32"]
    first, last, _ = current_period("month", NOW.date())
    ((_unit, report),) = StatisticsService(desk).kstt_by_unit(first, last)
    row = window.rows[0]
    assert row["received"] == report.total.received_total
    assert row["overdue"] == report.total.pending_overdue
    no_apology = desk.board_ids("overdue-no-apology", search="000.31.22.H31")
    assert row["no_apology"] == len(no_apology) > 0
    assert row["satisfaction"] is not None and 0 <= row["satisfaction"] <= 100
    received = [k for k, _ in COLUMNS].index("received")
    assert window.table.item(0, received).text() == f"{row['received']:,}".replace(",", ".")
    assert window.table.item(1, received).text() == "0"  # nothing imported yet from H32

    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getOpenFileNames",
        lambda *args, **kwargs: ([str(packages[1])], ""),
    )
    click_action(qtbot, window, window.import_action)
    assert message_boxes.texts("information")[-1].startswith("Đã nhập 1 gói.")
    assert window.rows[1]["received"] > 0
    last = [k for k, _ in COLUMNS].index("last")
    imported = sync.sync_status(upstream)[0].last_imported_at
    assert imported is not None  # stored in UTC, shown in Vietnam time (UTC+7)
    shown = window.table.item(0, last).text()
    assert shown == desk.to_local(imported).strftime("%d/%m/%Y %H:%M")

    # A double-click on a unit's "overdue" cell opens that unit's board, read-only.
    overdue = [k for k, _ in COLUMNS].index("overdue")
    double_click_cell(window.table, 0, overdue)
    (board,) = [w for w in window.children_windows if w.isVisible()]
    assert isinstance(board, MainWindow) and board.read_only
    assert board.windowTitle().startswith(f"{window.rows[0]['unit']} (000.31.22.H31) — ")
    assert board.current_view() == "overdue"
    codes = [board.model.data(board.model.index(r, 0)) for r in range(board.model.rowCount())]
    assert codes and all(c.startswith("000.31.22.H31-") for c in codes)
    # Nothing that writes: no registration, no packages, no settings, no officer picker.
    shown_actions = {a.text() for bar in board.findChildren(QToolBar) for a in bar.actions()}
    for action in board.writing_actions():
        assert action.text() not in shown_actions
    qtbot.keyClick(board, Qt.Key.Key_F2)
    assert not [w for w in QApplication.topLevelWidgets() if type(w).__name__ == "RegisterDialog"]
    # A second double-click raises the same board instead of opening another.
    double_click_cell(window.table, 0, overdue)
    assert len([w for w in window.children_windows if w.isVisible()]) == 1

    # Searching the unit's board by a dossier code finds it.
    board.search.setText(codes[-1])
    assert [board.model.data(board.model.index(r, 0)) for r in range(board.model.rowCount())] == [
        codes[-1]
    ]
    board.search.clear()
    # A dossier opens read-only: no act, no scan, no slip.
    double_click_cell(board.table, 0, 0)
    page = board.dossier_pages[codes[0]]
    assert page.read_only and page.isVisible()
    assert not [b for b in page.act_buttons.values() if b.isVisible()]
    assert not page.prints_box.isVisible()
    assert not page.result_row.choose_button.isVisible()
    assert page.windowTitle() == f"Hồ sơ {codes[0]}"  # sent without personal data
    page.close()

    # The upstream office's settings: the catalog and the calendar it sends to the units.
    from mohao_desk.ui.settings_dialog import SettingsDialog

    click_action(qtbot, window, window.settings_action)
    (settings,) = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, SettingsDialog) and w.isVisible()
    ]
    assert [settings.tabs.tabText(i) for i in range(settings.tabs.count())] == [
        "Thủ tục",
        "Ngày nghỉ, ngày làm bù",
    ]
    settings.close()
    window.close()


def test_monthly_trend_matches_the_monthly_reports(tmp_path: Path, new_database) -> None:
    from mohao_desk.domain.periods import report_period
    from mohao_desk.ui.upstream_window import monthly_trend

    upstream = open_unit_database(new_database("tinh"))
    sync.init_upstream(upstream)
    desk_db = open_unit_database(tmp_path / "desk.sqlite3")
    fill_demo(desk_db, dossiers=600, unit_code="000.31.22.H31", seed=9, now=NOW)
    sync.trust(upstream, sync.export_public_key(desk_db, tmp_path / "k.key").path)
    out = tmp_path / "out"
    out.mkdir()
    sync.import_packages(upstream, [sync.export_desk_package(desk_db, out).path])
    desk = Desk(upstream, clock=FakeClock(NOW))
    points = monthly_trend(desk, "000.31.22.H31", NOW.date())
    assert [p[0] for p in points][-2:] == ["10/26", "11/26"]
    october = report_period("month", 2026, 10)
    total = StatisticsService(desk).kstt(october.first, october.last, unit="000.31.22.H31").total
    assert points[-2][1:] == (
        total.received_online + total.received_direct_postal,
        total.resolved_late,
    )
    assert sum(p[1] for p in points) > 0


def test_explanation_report_of_one_unit_at_the_upstream_office(
    tmp_path: Path, new_database
) -> None:
    from datetime import date

    from mohao_desk.domain.errors import DeskError
    from mohao_desk.services.reports import ReportService

    upstream = open_unit_database(new_database("tinh"))
    sync.init_upstream(upstream)
    desk_db = open_unit_database(tmp_path / "desk.sqlite3")
    fill_demo(desk_db, dossiers=800, unit_code="000.31.22.H31", seed=4, now=NOW)
    sync.trust(upstream, sync.export_public_key(desk_db, tmp_path / "k.key").path)
    out = tmp_path / "out"
    out.mkdir()
    sync.import_packages(upstream, [sync.export_desk_package(desk_db, out).path])
    period = (date(2026, 10, 1), date(2026, 10, 31))
    at_desk = ReportService(Desk(desk_db, clock=FakeClock(NOW))).explanation_data(*period)
    upstream_desk = Desk(upstream, clock=FakeClock(NOW))
    at_upstream = ReportService(upstream_desk, unit="000.31.22.H31").explanation_data(*period)
    assert [e.code for e in at_upstream.entries] == [e.code for e in at_desk.entries]
    assert at_upstream.entries
    assert at_upstream.subject.endswith("của Ủy ban nhân dân phường Bần Yên Nhân")
    with pytest.raises(DeskError, match="chọn đơn vị"):  # which unit's report?
        ReportService(upstream_desk).explanation_data(*period)
    with pytest.raises(DeskError, match="Không có đơn vị"):
        ReportService(upstream_desk, unit="000.99.99.H99")
