"""Every window and dialog fits a 1024×768 office screen (tests/conftest.py gives the offscreen
platform that screen): each visible button lies inside the screen's available area, or inside a
scroll area that does; the board shows code, countdown, procedure, applicant and due side by
side without scrolling."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QScrollArea,
    QWidget,
)

from mohao_desk.domain.lifecycle import Act
from mohao_desk.services import sync
from mohao_desk.services.demo import fill_demo
from mohao_desk.services.desk import Desk
from mohao_desk.services.documents import DocumentService
from mohao_desk.services.setup import open_unit_database
from mohao_desk.ui.app import SetupDialog
from mohao_desk.ui.dossier import DossierDialog
from mohao_desk.ui.main_window import MainWindow
from mohao_desk.ui.pdf_preview import PdfPreviewDialog
from mohao_desk.ui.register_dialog import RegisterDialog
from mohao_desk.ui.report_dialogs import DayDialog, RangeDialog
from mohao_desk.ui.upstream_window import UpstreamWindow
from tests.conftest import FakeClock

NOW = datetime(2024, 4, 26, 9, 0)


def _global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())


def assert_fits(window: QWidget) -> None:
    """The window and every visible button are inside the screen's available area (a button in
    a scroll area may be scrolled to: its scroll area must be inside instead)."""
    QApplication.processEvents()
    area = window.screen().availableGeometry()
    assert area.size().toTuple() == (1024, 768)
    frame = window.frameGeometry()
    assert area.contains(frame), f"{type(window).__name__} {frame} outside {area}"
    buttons = [b for b in window.findChildren(QAbstractButton) if b.isVisibleTo(window)]
    assert buttons, type(window).__name__
    for button in buttons:
        holder: QWidget = button
        parent = button.parentWidget()
        while parent is not None and parent is not window:
            if isinstance(parent, QScrollArea):
                holder = parent.viewport()
                break
            parent = parent.parentWidget()
        rect = _global_rect(holder)
        label = button.text() or button.toolTip() or type(button).__name__
        assert area.contains(rect), f"{type(window).__name__}: '{label}' at {rect}"
        if holder is button:
            # Not clipped by its window either (a layout squeezed beyond its minimum).
            assert _global_rect(window).contains(rect), f"'{label}' cut off at {rect}"


@pytest.fixture
def demo_desk(tmp_path: Path) -> Desk:
    db = open_unit_database(tmp_path / "demo.sqlite3")
    fill_demo(db, dossiers=300, seed=3, now=datetime(2026, 11, 26, 9, 40))
    return Desk(db, clock=FakeClock(datetime(2026, 11, 26, 9, 40)))


def test_main_window_maximized(qtbot, demo_desk: Desk) -> None:
    window = MainWindow(demo_desk, synchronous=True)
    qtbot.addWidget(window)
    window.showMaximized()
    window.select_view("pending")
    assert_fits(window)
    header = window.table.horizontalHeader()
    due = window.model.DUE
    right = header.sectionViewportPosition(due) + header.sectionSize(due)
    assert right <= window.table.viewport().width()
    for column in range(due + 1):
        assert header.sectionSize(column) >= 90
    # Every tool button in view, none hidden behind the tool bar's overflow arrow.
    for bar_action in window.toolbar.actions():
        widget = window.toolbar.widgetForAction(bar_action)
        if widget is not None and not bar_action.isSeparator():
            assert widget.isVisible(), bar_action.text()
    window.close()


def test_main_window_not_maximized(qtbot, demo_desk: Desk) -> None:
    window = MainWindow(demo_desk, synchronous=True)
    qtbot.addWidget(window)
    window.show()
    assert_fits(window)
    window.close()


def test_dossier_page_with_its_longest_form(qtbot, demo_desk: Desk) -> None:
    code = demo_desk.register(
        procedure_code="1.000894", applicant_name="Nguyễn Văn An", phone="0912345678"
    ).summary.code
    page = DossierDialog(demo_desk, code, officer="motcua", synchronous=True)
    qtbot.addWidget(page)
    page.show()
    assert_fits(page)
    for act in (Act.SUPPLEMENT_REQUEST, Act.APOLOGIZE, Act.HANDOVER, Act.REFUSE):
        page.open_act(act)
        page.override_label.show()
        page.override_edit.show()
        assert_fits(page)
    page.close()


def test_registration_dialog(qtbot, demo_desk: Desk) -> None:
    dialog = RegisterDialog(demo_desk, officer="motcua", synchronous=True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.procedure_search.setText("ket hon")
    assert_fits(dialog)
    dialog.close()


def test_pdf_preview(qtbot, demo_desk: Desk) -> None:
    code = demo_desk.list("all")[0].code
    pdf = DocumentService(demo_desk).render("control", code)
    preview = PdfPreviewDialog(pdf, "Phiếu kiểm soát", "x.pdf")
    qtbot.addWidget(preview)
    preview.show()
    assert_fits(preview)
    preview.close()


def test_small_dialogs(qtbot, demo_desk: Desk) -> None:
    from mohao_desk.ui.login_dialog import (
        AdministratorDialog,
        KeyPassphraseDialog,
        LoginDialog,
        PasswordDialog,
    )

    day = date(2026, 11, 26)
    db = demo_desk.db
    for dialog in (
        SetupDialog(),
        DayDialog(None, "Danh sách", day, day),
        RangeDialog(None, "Sổ", day.replace(day=1), day, day),
        LoginDialog(db, unit_name=demo_desk.unit.name, demo=True),
        LoginDialog(db, unit_name=demo_desk.unit.name, locked_for="motcua"),
        AdministratorDialog(db),
        PasswordDialog(db, "motcua"),
        KeyPassphraseDialog(None, new=True),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        assert_fits(dialog)
        dialog.done(0)  # a locked log-in refuses close() and Escape


def test_upstream_dashboard_and_drill_down(qtbot, tmp_path: Path) -> None:
    now = datetime(2026, 11, 26, 10, 0)
    upstream = open_unit_database(tmp_path / "tinh.sqlite3")
    sync.init_upstream(upstream)
    desk_db = open_unit_database(tmp_path / "desk.sqlite3")
    fill_demo(desk_db, dossiers=200, unit_code="000.31.22.H31", seed=2, now=now)
    sync.trust(upstream, sync.export_public_key(desk_db, tmp_path / "k.key").path)
    out = tmp_path / "out"
    out.mkdir()
    sync.import_packages(upstream, [sync.export_desk_package(desk_db, out).path])
    desk = Desk(upstream, clock=FakeClock(now))
    window = UpstreamWindow(desk, synchronous=True)
    qtbot.addWidget(window)
    window.showMaximized()
    assert_fits(window)
    window.drill_down(0, 0)
    (board,) = window.children_windows
    board.showMaximized()
    assert_fits(board)
    window.close()


def test_the_check_sees_a_window_too_tall_or_a_button_cut_off(qtbot) -> None:
    from PySide6.QtWidgets import QDialog, QPushButton, QVBoxLayout

    tall = QDialog()
    qtbot.addWidget(tall)
    layout = QVBoxLayout(tall)
    layout.addStretch(1)
    layout.addWidget(QPushButton("In…", tall))
    tall.resize(860, 980)  # the old fixed size of the PDF preview
    tall.show()
    with pytest.raises(AssertionError):
        assert_fits(tall)
    tall.close()
    narrow = QDialog()
    qtbot.addWidget(narrow)
    QPushButton("Đóng", narrow).move(600, 10)
    narrow.resize(500, 300)
    narrow.show()
    with pytest.raises(AssertionError):
        assert_fits(narrow)
    narrow.close()


def test_counter_refusal_dialogs(qtbot, demo_desk: Desk) -> None:
    from datetime import date

    from mohao_desk.ui.counter_dialog import CounterRefusalDialog, CounterRefusalList

    form = CounterRefusalDialog(demo_desk, synchronous=True)
    qtbot.addWidget(form)
    form.show()
    assert_fits(form)
    listing = CounterRefusalList(demo_desk, date(2024, 4, 1), date(2024, 4, 30), synchronous=True)
    qtbot.addWidget(listing)
    listing.show()
    assert_fits(listing)


def test_connection_dialog(qtbot) -> None:
    from mohao_desk.ui.server_dialog import ConnectionDialog

    dialog = ConnectionDialog(synchronous=True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.server.setChecked(True)
    assert_fits(dialog)
