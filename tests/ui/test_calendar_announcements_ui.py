"""Official calendar announcements in the window, clicked: the calendar tab names each day's
source, warns about the coming 90 days, lets the upstream office publish and withdraw an
announcement; the desk window says once, in its status bar, when the calendar rests only on the
package's rules."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtWidgets import QLabel, QMessageBox

from mohao_desk.services import sync
from mohao_desk.services.calendar import CalendarService
from mohao_desk.services.desk import Desk
from mohao_desk.store.db import open_database
from mohao_desk.ui.main_window import MainWindow
from mohao_desk.ui.settings_dialog import SettingsDialog
from tests.conftest import FakeClock
from tests.ui.dialog_helpers import close, type_text
from tests.ui.test_settings_dialog import cell_texts, click, click_row, open_tab, type_digits

TAB = "Ngày nghỉ, ngày làm bù"


def _dialog(qtbot, desk: Desk) -> SettingsDialog:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(desk, synchronous=True)
    with qtbot.waitActive(dialog):
        dialog.show()
    open_tab(qtbot, dialog, TAB)
    return dialog


def _row(tab, day: str) -> list[str]:  # type: ignore[no-untyped-def]
    row = cell_texts(tab.table, 0).index(day)
    return [tab.table.item(row, c).text() for c in range(tab.table.columnCount())]


def test_the_calendar_tab_names_each_days_source(qtbot, make_desk) -> None:
    dialog = _dialog(qtbot, make_desk(datetime(2026, 9, 1, 9, 0)))
    try:
        tab = dialog.calendar_tab
        assert tab.year_spin.value() == 2026
        assert _row(tab, "02/01/2026")[2:5] == [
            "Ngày nghỉ",
            "Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026)",
            "12729/VPCP-KGVX ngày 25/12/2025",
        ]
        assert _row(tab, "10/01/2026")[2] == "Ngày làm việc"
        assert _row(tab, "26/04/2026")[4] == "Quy tắc của gói holidays"
        culture = _row(tab, "24/11/2026")
        assert culture[2] == "Ngày làm việc" and culture[4].endswith("(chưa chắc chắn)")
        row = cell_texts(tab.table, 0).index("24/11/2026")
        assert "Nghị quyết 80-NQ/TW" in tab.table.item(row, 4).toolTip()
        # September 2026: 24/11 lies in the coming 90 days and no official text confirms it.
        assert tab.gaps_label.isVisible()
        assert "Ngày 24/11/2026 (Ngày Văn hóa Việt Nam" in tab.gaps_label.text()
        assert tab.remove_announcement_button is None  # a desk publishes nothing
        assert tab.announce_box is None
    finally:
        close(dialog)


def test_no_notice_when_every_coming_day_is_announced(qtbot, make_desk) -> None:
    dialog = _dialog(qtbot, make_desk(datetime(2025, 6, 2, 9, 0)))
    try:
        assert not dialog.calendar_tab.gaps_label.isVisible()
    finally:
        close(dialog)


def test_the_upstream_office_publishes_and_withdraws_an_announcement(
    qtbot, tmp_path: Path, message_boxes
) -> None:
    upstream = open_database(tmp_path / "tinh.sqlite3")
    sync.init_upstream(upstream)
    desk = Desk(upstream, clock=FakeClock(datetime(2026, 12, 2, 9, 0)))
    dialog = _dialog(qtbot, desk)
    try:
        tab = dialog.calendar_tab
        assert "Lịch nghỉ năm 2027 chưa có thông báo chính thức nào" in tab.gaps_label.text()
        type_digits(qtbot, tab.announce_date_edit, "11022027")
        type_text(tab.announce_name_edit, "Tết Nguyên đán (mùng 6 tháng Giêng)")
        type_text(tab.announce_document_edit, "9999/VPCP-KGVX")
        type_digits(qtbot, tab.announce_document_date_edit, "15102026")
        message_boxes.answer = QMessageBox.StandardButton.No
        click(qtbot, tab.announce_off_button)
        assert message_boxes.texts("question")[-1].startswith(
            "Công bố ngày nghỉ 11/02/2027 (Thứ Năm) theo văn bản 9999/VPCP-KGVX (15/10/2026)?"
        )
        assert CalendarService(upstream).announcements() == ()
        message_boxes.answer = QMessageBox.StandardButton.Yes
        click(qtbot, tab.announce_off_button)
        assert tab.banner.text() == "Đã thêm thông báo lịch ngày 11/02/2027."
        assert tab.year_spin.value() == 2027 and tab.selected_day() == date(2027, 2, 11)
        assert _row(tab, "11/02/2027")[2:5] == [
            "Ngày nghỉ",
            "Tết Nguyên đán (mùng 6 tháng Giêng)",
            "Cấp trên công bố: 9999/VPCP-KGVX ngày 15/10/2026",
        ]
        assert not desk.calendar.is_working_day(date(2027, 2, 11))  # the open desk follows
        assert not tab.gaps_label.isVisible()  # 2027 now has an announcement
        assert tab.announce_name_edit.text() == ""

        # Refused: no document; the message shows inline and nothing is stored.
        type_digits(qtbot, tab.announce_date_edit, "20022027")
        type_text(tab.announce_name_edit, "Làm bù")
        click(qtbot, tab.announce_work_button)
        assert "thiếu hoặc sai trường 'document'" in tab.banner.text()
        assert len(CalendarService(upstream).announcements()) == 1

        click_row(qtbot, tab.table, cell_texts(tab.table, 0).index("11/02/2027"))
        assert tab.remove_announcement_button is not None
        assert tab.remove_announcement_button.isEnabled() and not tab.remove_button.isEnabled()
        click(qtbot, tab.remove_announcement_button)
        assert tab.banner.text() == "Đã bỏ thông báo lịch ngày 11/02/2027."
        assert CalendarService(upstream).announcements() == ()
        assert desk.calendar.is_working_day(date(2027, 2, 11))
    finally:
        close(dialog)
        upstream.close()


def _calendar_notes(window: MainWindow) -> list[str]:
    return [
        label.text()
        for label in window.statusBar().findChildren(QLabel)
        if "hãy kiểm tra thông báo của Chính phủ" in label.text()
    ]


def test_the_desk_window_says_once_when_the_calendar_rests_on_the_package(qtbot, make_desk) -> None:
    window = MainWindow(make_desk(datetime(2026, 12, 2, 9, 0)), synchronous=True)
    qtbot.addWidget(window)
    window.show()
    notes = _calendar_notes(window)
    assert notes == [
        "Lịch nghỉ năm 2027 chưa có thông báo chính thức — hãy kiểm tra thông báo của Chính "
        "phủ (Thiết lập › Ngày nghỉ, ngày làm bù)."
    ]
    assert window.calendar_label is not None and window.calendar_label.isVisible()
    assert "quy tắc của gói holidays" in window.calendar_label.toolTip()
    window.refresh()
    window.check_notices()
    assert len(_calendar_notes(window)) == 1  # once per start
    window.close()

    quiet = MainWindow(make_desk(datetime(2025, 6, 2, 9, 0)), synchronous=True)
    qtbot.addWidget(quiet)
    quiet.show()
    assert _calendar_notes(quiet) == [] and quiet.calendar_label is None
    quiet.close()
