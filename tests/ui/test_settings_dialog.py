"""Thiết lập: the administrator's window, driven through its widgets, with what the database holds
afterwards read back through the services. A refused change shows the service's message and
changes nothing; a saved one reaches the open desk (``desk.calendar``, ``desk.unit``)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QWidget

from mohao_desk.services import sync
from mohao_desk.services.desk import Desk
from mohao_desk.services.settings import list_officers, unit_settings
from mohao_desk.services.setup import update_unit_settings
from mohao_desk.store.db import open_database
from mohao_desk.ui.screen import available_area
from mohao_desk.ui.settings_dialog import SettingsDialog
from tests.conftest import FakeClock
from tests.ui.dialog_helpers import answer_next_dialog, close, type_text

TABS = ["Đơn vị", "Cán bộ", "Thủ tục", "Giờ làm việc", "Ngày nghỉ, ngày làm bù"]
NEW_PROCEDURE = {
    "code": "1.999001",
    "name": "Thủ tục thử nghiệm của tỉnh",
    "field": "Nội vụ",
    "time": {"value": 4, "unit": "working_days"},
    "basis": "Quyết định 1/2024/QĐ-UBND",
    "components": [{"name": "Đơn đề nghị", "kind": "original", "count": 1}],
}


@pytest.fixture
def dialog(qtbot, desk: Desk) -> Iterator[SettingsDialog]:
    dialog = SettingsDialog(desk, synchronous=True)
    with qtbot.waitActive(dialog):
        dialog.show()
    yield dialog
    close(dialog)


@pytest.fixture
def changes(dialog: SettingsDialog) -> list[str]:
    seen: list[str] = []
    dialog.changed.connect(seen.append)
    return seen


def open_tab(qtbot, dialog: SettingsDialog, title: str) -> None:
    bar = dialog.tabs.tabBar()
    index = dialog.tab_titles().index(title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert dialog.tabs.currentIndex() == index


def click(qtbot, button: QAbstractButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def retype(widget: QWidget, text: str) -> None:
    widget.clear()  # type: ignore[attr-defined]
    type_text(widget, text)


def type_digits(qtbot, edit: QWidget, digits: str) -> None:
    """Tab into a time or date field (its first section is selected) and type digits."""
    edit.clearFocus()
    edit.setFocus(Qt.FocusReason.TabFocusReason)
    for ch in digits:
        qtbot.keyClick(edit, Qt.Key(ord(ch)))


def click_row(qtbot, table, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def cell_texts(table, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())]


def _global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())


# ---------------------------------------------------------------------- the window


def test_every_tab_and_button_fits_a_1024x768_screen(qtbot, dialog: SettingsDialog) -> None:
    assert dialog.windowTitle() == "Thiết lập"
    assert dialog.tab_titles() == TABS
    area = available_area(dialog)
    assert (area.width(), area.height()) == (1024, 768)
    assert area.contains(dialog.frameGeometry())
    for title in TABS:
        open_tab(qtbot, dialog, title)
        QApplication.processEvents()
        buttons = [b for b in dialog.findChildren(QAbstractButton) if b.isVisible()]
        assert len(buttons) >= 2
        for button in buttons:
            assert area.contains(_global_rect(button)), (title, button.text())
        page = dialog.tabs.currentWidget()
        # Nothing needs scrolling at 1024×768: the page fits its scroll area.
        assert page.page.minimumSizeHint().height() <= page.height(), title


# ---------------------------------------------------------------------- Đơn vị


def test_unit_tab_saves_names_signature_and_default_officer(
    qtbot, dialog: SettingsDialog, desk: Desk, changes: list[str]
) -> None:
    tab = dialog.unit_tab
    open_tab(qtbot, dialog, "Đơn vị")
    assert tab.code_label.text() == "000.17.22.H56"
    assert tab.name_edit.text() == "Ủy ban nhân dân phường Bần Yên Nhân"
    assert tab.default_box.currentData() == "motcua"
    retype(tab.name_edit, "Ủy ban nhân dân phường Phùng Chí Kiên")
    retype(tab.place_edit, "Hưng Yên")
    retype(tab.head_lines_edit, "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")
    retype(tab.head_name_edit, "Lê Văn Bình")
    tab.default_box.setFocus()
    qtbot.keyClick(tab.default_box, Qt.Key.Key_Down)
    assert tab.default_box.currentData() == "tuphap"
    click(qtbot, tab.save_button)
    settings = unit_settings(desk.db)
    assert settings.name == "Ủy ban nhân dân phường Phùng Chí Kiên"
    assert settings.place_name == "Hưng Yên"
    assert settings.head_lines == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    assert settings.head_name == "Lê Văn Bình"
    assert desk.default_officer() == "tuphap"
    assert desk.unit.name == "Ủy ban nhân dân phường Phùng Chí Kiên"  # the open desk follows
    assert changes == ["unit"]
    assert tab.banner.text() == "Đã lưu thông tin đơn vị."


def test_unit_tab_refuses_an_empty_name_and_saves_nothing(
    qtbot, dialog: SettingsDialog, desk: Desk, changes: list[str]
) -> None:
    tab = dialog.unit_tab
    open_tab(qtbot, dialog, "Đơn vị")
    retype(tab.place_edit, "Nơi khác")
    tab.name_edit.clear()
    click(qtbot, tab.save_button)
    assert tab.banner.isVisible()
    assert tab.banner.text() == "Tên đơn vị không được để trống."
    assert unit_settings(desk.db).place_name == "Mỹ Hào"
    assert tab.place_edit.text() == "Nơi khác"  # what was typed stays
    tab.head_lines_edit.clear()
    retype(tab.name_edit, "Ủy ban nhân dân phường Bần Yên Nhân")
    click(qtbot, tab.save_button)
    assert "Chức danh người ký" in tab.banner.text()
    assert unit_settings(desk.db).place_name == "Mỹ Hào"
    assert changes == []


# ---------------------------------------------------------------------- Cán bộ


def test_officers_tab_adds_edits_deactivates_and_reactivates(
    qtbot, dialog: SettingsDialog, desk: Desk, changes: list[str]
) -> None:
    tab = dialog.officers_tab
    open_tab(qtbot, dialog, "Cán bộ")
    assert cell_texts(tab.table, 0) == ["motcua", "tuphap"]
    type_text(tab.new_username, "vanhoa")
    type_text(tab.new_name, "Phạm Thị Mai")
    type_text(tab.new_title, "Công chức Văn hóa - Xã hội")
    click(qtbot, tab.add_button)
    assert ("vanhoa", "Phạm Thị Mai") in desk.officers()
    assert tab.banner.text() == "Đã thêm cán bộ Phạm Thị Mai (vanhoa)."
    assert tab.new_username.text() == ""
    assert tab.selected_username() == "vanhoa"
    units = dialog.unit_tab.default_box
    assert units.findData("vanhoa") >= 0  # the default officer can be the new one

    click_row(qtbot, tab.table, 1)
    assert tab.selected_username() == "tuphap"
    assert tab.edit_name.text() == "Trần Văn Đức"
    retype(tab.edit_title, "Công chức Tư pháp")
    click(qtbot, tab.update_button)
    assert [o.title for o in list_officers(desk.db) if o.username == "tuphap"] == [
        "Công chức Tư pháp"
    ]

    assert tab.active_button.text() == "Ngừng hoạt động"
    click(qtbot, tab.active_button)
    assert "tuphap" not in dict(desk.officers())
    assert tab.table.item(1, 4).text() == "Tiếp nhận, trả kết quả, Xử lý hồ sơ"  # the roles
    assert tab.table.item(1, 5).text() == "Ngừng hoạt động"
    assert tab.active_button.text() == "Cho hoạt động lại"
    assert units.findData("tuphap") < 0
    click(qtbot, tab.active_button)
    assert "tuphap" in dict(desk.officers())
    assert changes == ["officers"] * 4


def test_officers_tab_shows_the_refusals_of_the_cli(
    qtbot, dialog: SettingsDialog, desk: Desk, changes: list[str]
) -> None:
    tab = dialog.officers_tab
    open_tab(qtbot, dialog, "Cán bộ")
    type_text(tab.new_username, "tuphap")
    type_text(tab.new_name, "Người Trùng Tên")
    click(qtbot, tab.add_button)
    assert tab.banner.text() == "Đã có cán bộ với tên đăng nhập 'tuphap'."
    assert tab.new_name.text() == "Người Trùng Tên"  # kept for correcting
    retype(tab.new_username, "van hoa")
    click(qtbot, tab.add_button)
    assert "không hợp lệ" in tab.banner.text()
    click_row(qtbot, tab.table, 0)  # motcua, the default officer
    click(qtbot, tab.active_button)
    assert "cán bộ mặc định" in tab.banner.text()
    tab.edit_name.clear()
    click(qtbot, tab.update_button)
    assert tab.banner.text() == "Họ tên cán bộ không được để trống."
    assert [(o.username, o.full_name, o.active) for o in list_officers(desk.db)] == [
        ("motcua", "Nguyễn Thị Hồng Nhung", True),
        ("tuphap", "Trần Văn Đức", True),
    ]
    assert changes == []


# ---------------------------------------------------------------------- Thủ tục


def test_catalog_tab_searches_without_diacritics_and_shows_the_details(
    qtbot, dialog: SettingsDialog, desk: Desk
) -> None:
    tab = dialog.catalog_tab
    open_tab(qtbot, dialog, "Thủ tục")
    total = len(desk.procedures())
    assert len(tab.visible_codes()) == total > 5
    assert tab.count_label.text() == f"{total} / {total} thủ tục"
    row = cell_texts(tab.table, 0).index("1.004873")
    assert tab.table.item(row, 3).text() == "3 ngày làm việc"
    type_text(tab.search, "chung thuc")
    assert set(tab.visible_codes()) == {"2.000815", "2.000884", "XA.CTHDGD"}
    retype(tab.search, "khai sinh")
    assert tab.visible_codes() == ["1.001193", "1.003583"]  # and "… lưu động"
    assert tab.current_procedure().code == "1.001193"
    detail = tab.detail.toPlainText()
    assert "Đăng ký khai sinh" in detail and "Thành phần hồ sơ" in detail
    for component in tab.current_procedure().components:
        assert component.name in detail
    retype(tab.search, "1.001776")
    assert "Căn cứ pháp lý" in tab.detail.toPlainText()
    retype(tab.search, "khong co thu tuc nay")
    assert tab.visible_codes() == [] and tab.current_procedure() is None
    assert tab.count_label.text() == f"0 / {total} thủ tục"


def test_a_broken_catalog_file_is_refused_whole(
    qtbot, dialog: SettingsDialog, desk: Desk, tmp_path: Path, monkeypatch, changes: list[str]
) -> None:
    tab = dialog.catalog_tab
    open_tab(qtbot, dialog, "Thủ tục")
    before = desk.procedures()
    bad = tmp_path / "bad.json"
    broken = {**NEW_PROCEDURE, "code": "1.999002", "time": {"value": -1, "unit": "working_days"}}
    bad.write_text(
        json.dumps({"format": "mohao-catalog", "procedures": [NEW_PROCEDURE, broken]}), "utf-8"
    )
    asked: list[str] = []

    def answer(parent, caption, folder, filters):
        asked.append(filters)
        return str(bad), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", answer)
    click(qtbot, tab.import_button)
    assert asked and "*.json" in asked[0]
    assert tab.banner.text() == "Thủ tục 1.999002: số lượng thời hạn '-1' không hợp lệ."
    assert desk.procedures() == before  # the good first entry was not imported either
    assert "1.999001" not in cell_texts(tab.table, 0)
    bad.write_bytes(b"{ not json")
    click(qtbot, tab.import_button)
    assert "không đúng định dạng JSON (lỗi ở dòng 1, cột" in tab.banner.text()
    assert "Expecting" not in tab.banner.text()  # not the parser's English
    assert desk.procedures() == before
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: ("", ""))  # cancelled
    click(qtbot, tab.import_button)
    assert changes == []


def test_a_good_catalog_file_adds_the_procedure(
    qtbot, dialog: SettingsDialog, desk: Desk, tmp_path: Path, monkeypatch, changes: list[str]
) -> None:
    tab = dialog.catalog_tab
    open_tab(qtbot, dialog, "Thủ tục")
    good = tmp_path / "danh-muc.json"
    good.write_text(json.dumps({"format": "mohao-catalog", "procedures": [NEW_PROCEDURE]}), "utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(good), ""))
    answer_next_dialog(lambda preview: click(qtbot, preview.apply_button))  # the preview
    click(qtbot, tab.import_button)
    assert tab.banner.text() == "Đã cập nhật 1 thủ tục từ tệp danh-muc.json."
    assert "1.999001" in {p.code for p in desk.procedures()}
    type_text(tab.search, "thu nghiem cua tinh")
    assert tab.visible_codes() == ["1.999001"]
    assert "Quyết định 1/2024/QĐ-UBND" in tab.detail.toPlainText()
    assert changes == ["catalog"]
    detail = desk.register(procedure_code="1.999001", applicant_name="Lê Văn Tám")
    assert detail.summary.procedure == "Thủ tục thử nghiệm của tỉnh"


# ---------------------------------------------------------------------- Giờ làm việc


def test_office_hours_are_saved_and_the_desk_follows(
    qtbot, dialog: SettingsDialog, desk: Desk, changes: list[str]
) -> None:
    tab = dialog.hours_tab
    open_tab(qtbot, dialog, "Giờ làm việc")
    assert tab.morning_start.text() == "07:30" and tab.afternoon_end.text() == "17:00"
    assert "07:30–11:30, 13:30–17:00" in tab.current_label.text()
    type_digits(qtbot, tab.morning_start, "0700")
    type_digits(qtbot, tab.afternoon_start, "1300")
    type_digits(qtbot, tab.afternoon_end, "1630")
    click(qtbot, tab.save_button)
    assert unit_settings(desk.db).office_hours == "07:00-11:30,13:00-16:30"
    assert desk.calendar.office_hours.format() == "07:00-11:30,13:00-16:30"
    assert "07:00–11:30, 13:00–16:30" in tab.current_label.text()
    assert "từ nay" in tab.banner.text()
    # Continuous hours: the afternoon unticked.
    tab.afternoon.setFocus()
    qtbot.keyClick(tab.afternoon, Qt.Key.Key_Space)
    assert not tab.afternoon.isChecked()
    type_digits(qtbot, tab.morning_end, "1600")
    click(qtbot, tab.save_button)
    assert desk.calendar.office_hours.format() == "07:00-16:00"
    assert changes == ["hours", "hours"]


def test_wrong_office_hours_are_refused_with_a_clear_message(
    qtbot, dialog: SettingsDialog, desk: Desk, changes: list[str]
) -> None:
    tab = dialog.hours_tab
    open_tab(qtbot, dialog, "Giờ làm việc")
    type_digits(qtbot, tab.afternoon_start, "1100")
    click(qtbot, tab.save_button)
    assert tab.banner.text() == (
        "Buổi chiều phải bắt đầu sau giờ kết thúc buổi sáng "
        "(làm việc liên tục thì chỉ dùng một buổi)."
    )
    type_digits(qtbot, tab.afternoon_start, "1330")
    type_digits(qtbot, tab.morning_end, "0700")
    click(qtbot, tab.save_button)
    assert tab.banner.text() == "Buổi sáng: giờ bắt đầu phải trước giờ kết thúc."
    assert unit_settings(desk.db).office_hours == "07:30-11:30,13:30-17:00"
    assert desk.calendar.office_hours.format() == "07:30-11:30,13:30-17:00"
    assert tab.sessions()[0] == (time(7, 30), time(7, 0))  # what was typed stays
    assert changes == []


def test_more_than_two_sessions_set_by_the_cli_are_not_dropped_silently(qtbot, desk: Desk) -> None:
    update_unit_settings(desk.db, office_hours="07:00-09:00,09:30-11:30,13:30-17:00")
    dialog = SettingsDialog(desk, synchronous=True)
    with qtbot.waitActive(dialog):
        dialog.show()
    try:
        open_tab(qtbot, dialog, "Giờ làm việc")
        assert "nhiều hơn hai buổi" in dialog.hours_tab.banner.text()
        assert dialog.hours_tab.banner.isVisible()
    finally:
        close(dialog)


# ---------------------------------------------------------- Ngày nghỉ, ngày làm bù


def test_calendar_tab_shows_the_year_as_the_calendar_sees_it(qtbot, dialog: SettingsDialog) -> None:
    tab = dialog.calendar_tab
    open_tab(qtbot, dialog, "Ngày nghỉ, ngày làm bù")
    assert tab.year_spin.value() == 2024  # the desk's clock
    days = cell_texts(tab.table, 0)
    assert {"01/01/2024", "30/04/2024", "01/05/2024", "02/09/2024"} <= set(days)
    row = days.index("04/05/2024")
    assert tab.table.item(row, 1).text() == "Thứ Bảy"
    assert tab.table.item(row, 2).text() == "Ngày làm việc"
    assert tab.table.item(row, 3).text() == "Làm bù cho thứ Hai 29/04/2024"
    assert tab.table.item(row, 4).text() == "2450/VPCP-KGVX ngày 12/04/2024"  # its source
    row = days.index("10/02/2024")  # Tết on a Saturday: the package's day, not announced
    assert tab.table.item(row, 4).text() == "Quy tắc của gói holidays"
    click_row(qtbot, tab.table, days.index("30/04/2024"))
    assert not tab.remove_button.isEnabled()  # a public holiday is no override
    tab.year_spin.setFocus()
    qtbot.keyClick(tab.year_spin, Qt.Key.Key_Up)
    assert tab.year_spin.value() == 2025
    assert "26/04/2025" in cell_texts(tab.table, 0)  # Sat worked for Fri 02/05/2025


def test_days_off_and_working_days_reach_the_open_desk(
    qtbot, dialog: SettingsDialog, desk: Desk, changes: list[str], message_boxes
) -> None:
    from PySide6.QtWidgets import QMessageBox

    tab = dialog.calendar_tab
    open_tab(qtbot, dialog, "Ngày nghỉ, ngày làm bù")
    off, sunday = date(2024, 5, 2), date(2024, 5, 5)
    assert desk.calendar.is_working_day(off) and not desk.calendar.is_working_day(sunday)
    type_digits(qtbot, tab.date_edit, "02052024")
    assert tab.date_edit.text() == "02/05/2024"
    type_text(tab.note_edit, "Nghỉ bổ sung theo thông báo của tỉnh")
    # Asked first; "No" changes nothing.
    message_boxes.answer = QMessageBox.StandardButton.No
    click(qtbot, tab.add_off_button)
    assert message_boxes.texts("question")[-1].startswith("Thêm ngày nghỉ 02/05/2024 (Thứ Năm)?")
    assert desk.calendar.is_working_day(off) and changes == []
    message_boxes.answer = QMessageBox.StandardButton.Yes
    click(qtbot, tab.add_off_button)
    assert not desk.calendar.is_working_day(off)
    assert tab.banner.text() == "Đã thêm ngày nghỉ 02/05/2024."
    row = cell_texts(tab.table, 0).index("02/05/2024")
    assert [tab.table.item(row, c).text() for c in (2, 5, 6)] == [
        "Ngày nghỉ",
        "Của đơn vị",
        "Nghỉ bổ sung theo thông báo của tỉnh",
    ]
    assert tab.note_edit.text() == ""
    type_digits(qtbot, tab.date_edit, "05052024")
    click(qtbot, tab.add_work_button)
    assert desk.calendar.is_working_day(sunday)
    # Due moments computed from now on use the new days (3 working days from Fri 26/04):
    # Fri 03/05, Sat 04/05 (make-up), Sun 05/05 (the unit's working day).
    detail = desk.register(procedure_code="1.004873", applicant_name="Ngô Thị Lan")
    assert detail.summary.due_at.date() == sunday

    click_row(qtbot, tab.table, cell_texts(tab.table, 0).index("02/05/2024"))
    click(qtbot, tab.remove_button)
    assert desk.calendar.is_working_day(off)
    assert tab.banner.text() == "Đã bỏ điều chỉnh ngày 02/05/2024."
    assert "02/05/2024" not in cell_texts(tab.table, 0)
    assert changes == ["calendar"] * 3


def test_a_day_of_another_year_shows_that_year(qtbot, dialog: SettingsDialog, desk: Desk) -> None:
    tab = dialog.calendar_tab
    open_tab(qtbot, dialog, "Ngày nghỉ, ngày làm bù")
    type_digits(qtbot, tab.date_edit, "24112026")
    click(qtbot, tab.add_off_button)
    assert tab.year_spin.value() == 2026
    assert tab.selected_day() == date(2026, 11, 24)
    assert not desk.calendar.is_working_day(date(2026, 11, 24))


# ---------------------------------------------------------------------- upstream, threads


def test_an_upstream_database_shows_only_the_catalog_and_the_calendar(
    qtbot, tmp_path: Path
) -> None:
    upstream = open_database(tmp_path / "tinh.sqlite3")
    sync.init_upstream(upstream)
    desk = Desk(upstream, clock=FakeClock(datetime(2026, 3, 2, 9, 0)))
    dialog = SettingsDialog(desk, synchronous=True)
    with qtbot.waitActive(dialog):
        dialog.show()
    try:
        assert dialog.tab_titles() == ["Thủ tục", "Ngày nghỉ, ngày làm bù"]
        assert dialog.unit_tab is None and dialog.officers_tab is None and dialog.hours_tab is None
        tab = dialog.calendar_tab
        open_tab(qtbot, dialog, "Ngày nghỉ, ngày làm bù")
        type_digits(qtbot, tab.date_edit, "03092026")
        click(qtbot, tab.add_off_button)
        assert tab.banner.text() == "Đã thêm ngày nghỉ 03/09/2026.", tab.date_edit.text()
        assert not desk.calendar.is_working_day(date(2026, 9, 3))
    finally:
        close(dialog)
        upstream.close()


def test_the_window_works_off_the_gui_thread(qtbot, desk: Desk) -> None:
    dialog = SettingsDialog(desk)
    with qtbot.waitActive(dialog):
        dialog.show()
    try:
        tab = dialog.calendar_tab
        open_tab(qtbot, dialog, "Ngày nghỉ, ngày làm bù")
        qtbot.waitUntil(lambda: tab.table.rowCount() > 0 and bool(dialog.catalog_tab.procedures))
        type_digits(qtbot, tab.date_edit, "02052024")
        with qtbot.waitSignal(dialog.changed) as blocker:
            click(qtbot, tab.add_off_button)
        assert blocker.args == ["calendar"]
        assert not desk.calendar.is_working_day(date(2024, 5, 2))
        assert tab.add_off_button.isEnabled()
    finally:
        close(dialog)
