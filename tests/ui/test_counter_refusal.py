"""Từ chối tiếp nhận tại quầy in the window: the Hồ sơ menu opens the form, the officer types and
clicks, Mẫu 03 opens in the preview; the Báo cáo menu lists the refusals; no dossier appears."""

from __future__ import annotations

import io
from datetime import datetime

import pypdf
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from mohao_desk.services.counter import CounterService
from mohao_desk.services.desk import Desk
from mohao_desk.ui.counter_dialog import CounterRefusalDialog, CounterRefusalList
from mohao_desk.ui.main_window import MainWindow
from tests.ui.dialog_helpers import answer_next_dialog, close_previews, open_previews, type_text


def _menu(window: MainWindow, title: str) -> QMenu:
    (menu,) = [m for m in window.menuBar().findChildren(QMenu) if m.title() == title]
    return menu


def _click_menu(window: MainWindow, title: str, action) -> None:  # type: ignore[no-untyped-def]
    menu = _menu(window, title)
    menu.popup(window.mapToGlobal(window.rect().center()))
    QTest.qWaitForWindowExposed(menu)
    QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def _dialogs(kind: type) -> list[QWidget]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, kind) and shiboken6.isValid(w) and w.isVisible()
    ]


def test_refusal_at_the_counter_from_the_menu(qtbot, desk: Desk) -> None:
    window = MainWindow(desk, synchronous=True)
    qtbot.addWidget(window)
    window.show()
    dossiers_before = desk.count("all")
    _click_menu(window, "&Hồ sơ", window.counter_refusal_action)
    (dialog,) = _dialogs(CounterRefusalDialog)
    assert isinstance(dialog, CounterRefusalDialog)
    type_text(dialog.procedure_search, "chung thuc ban sao")  # without diacritics
    assert dialog.current_code() == "2.000815"
    # Without a reason: refused inline, nothing recorded.
    type_text(dialog.name_edit, "Trần Văn Bình")
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.banner.text() == "Thiếu lý do từ chối tiếp nhận."
    service = CounterService(desk)
    assert service.count(desk.now().date(), desk.now().date()) == 0
    type_text(dialog.reason_edit, "Bản chính bị tẩy xóa, sửa chữa")
    assert dialog.banner.isHidden()  # the error goes once the officer types
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()
    (preview,) = open_previews()
    assert preview.windowTitle() == "Phiếu từ chối tiếp nhận tại quầy"
    text = " ".join(
        " ".join(
            page.extract_text() for page in pypdf.PdfReader(io.BytesIO(preview.pdf)).pages
        ).split()
    )
    assert "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" in text
    assert "Trần Văn Bình" in text and "Bản chính bị tẩy xóa, sửa chữa" in text
    assert "Số: 1/2024" in text
    close_previews()
    # No dossier was created.
    assert desk.count("all") == dossiers_before

    # The list, from the Báo cáo menu, this month by default.
    answer_next_dialog(lambda d: QTest.mouseClick(d.ok_button, Qt.MouseButton.LeftButton))
    _click_menu(window, "&Báo cáo", window.counter_list_action)
    (listing,) = _dialogs(CounterRefusalList)
    assert isinstance(listing, CounterRefusalList)
    assert listing.count_label.text().startswith("1 lượt từ chối tiếp nhận tại quầy")
    assert listing.table.item(0, 3).text() == "Trần Văn Bình"
    QTest.mouseClick(listing.print_button, Qt.MouseButton.LeftButton)
    (preview,) = open_previews()
    assert preview.windowTitle() == "Phiếu từ chối tiếp nhận tại quầy"
    close_previews()
    listing.close()


def test_a_read_only_board_offers_no_counter_refusal(qtbot, desk: Desk) -> None:
    window = MainWindow(desk, synchronous=True, unit=(desk.unit.code, desk.unit.name))
    qtbot.addWidget(window)
    assert window.counter_refusal_action not in _menu(window, "&Hồ sơ").actions()


def test_counter_refusal_time_is_the_desk_clock(desk: Desk) -> None:
    refusal = CounterService(desk).refuse(
        procedure_code="2.000815", applicant_name="Lê Thị Hoa", reason="Thiếu bản chính"
    )
    assert refusal.at == datetime(2024, 4, 26, 9, 0)
