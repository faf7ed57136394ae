"""The desk window as an officer drives it: every tool button clicked with the mouse, rows
double-clicked, the search scope, the day and range pickers, the first-run set-up. File dialogs
and message boxes are answered by monkeypatching their static calls (tests/ui/conftest.py)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QMenu,
    QPushButton,
    QWidget,
)

from mohao_desk.domain.lifecycle import Act
from mohao_desk.services.desk import Desk
from mohao_desk.ui.dossier import DossierDialog
from mohao_desk.ui.main_window import MainWindow
from mohao_desk.ui.register_dialog import RegisterDialog
from mohao_desk.ui.report_dialogs import DayDialog, RangeDialog
from tests.ui.dialog_helpers import (
    answer_next_dialog,
    click_action,
    close_previews,
    double_click_cell,
    open_previews,
    type_text,
)

NOW = datetime(2024, 4, 26, 9, 0)  # the `desk` fixture's clock (a Friday)


@pytest.fixture
def busy_desk(desk: Desk) -> Desk:
    """Three Nguyễn Văn … dossiers, one of them due today (a same-day procedure)."""
    desk.register(procedure_code="2.000815", applicant_name="Nguyễn Văn Bình", received_at=NOW)
    for name in ("Nguyễn Văn An", "Nguyễn Văn Cường", "Trần Thị Dung"):
        desk.register(procedure_code="1.004873", applicant_name=name, received_at=NOW)
    return desk


@pytest.fixture
def window(qtbot, busy_desk: Desk) -> MainWindow:
    win = MainWindow(busy_desk, synchronous=True)
    qtbot.addWidget(win)
    win.show()
    return win


def _pages() -> list[DossierDialog]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, DossierDialog) and shiboken6.isValid(w) and w.isVisible()
    ]


def test_exception_in_a_slot_is_caught(qtbot) -> None:
    """pytest-qt hooks sys.excepthook: an exception raised in a slot reaches it (and, outside
    this context manager, fails the test)."""
    button = QPushButton("x")
    qtbot.addWidget(button)

    def broken() -> None:
        raise TypeError("boom")

    button.clicked.connect(broken)
    with qtbot.captureExceptions() as caught:
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert [type(e[1]) for e in caught] == [TypeError]


def test_title_does_not_repeat_the_program_name(window: MainWindow) -> None:
    # Qt appends the application's display name ("Bộ phận Một cửa") to window titles.
    assert window.windowTitle() == "Ủy ban nhân dân phường Bần Yên Nhân"


def test_register_button_opens_one_registration_dialog(qtbot, window: MainWindow) -> None:
    click_action(qtbot, window, window.register_action)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, RegisterDialog)]
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    QTest.mouseClick(dialogs[0].cancel_button, Qt.MouseButton.LeftButton)
    assert not dialogs[0].isVisible() if shiboken6.isValid(dialogs[0]) else True


def test_refresh_button_reloads_the_board(qtbot, window: MainWindow, busy_desk: Desk) -> None:
    window.select_view("pending")
    assert window.model.rowCount() == 4
    busy_desk.register(procedure_code="1.004873", applicant_name="Lê Văn Em", received_at=NOW)
    with qtbot.waitSignal(window.board_refreshed):
        click_action(qtbot, window, window.refresh_action)
    assert window.model.rowCount() == 5


def test_double_click_opens_one_dossier_page(qtbot, window: MainWindow) -> None:
    window.select_view("pending")
    code = window.model.summary_at(0).code
    double_click_cell(window.table, 0, 0)
    assert [p.code for p in _pages()] == [code]
    # Again on the same row: the open page is raised, no second copy.
    double_click_cell(window.table, 0, 2)
    assert [p.code for p in _pages()] == [code]
    # Enter on the selected row opens (raises) it too.
    QTest.keyClick(window.table, Qt.Key.Key_Return)
    assert len(_pages()) == 1
    # Esc closes it; nothing stale stays behind.
    page = _pages()[0]
    QTest.keyClick(page, Qt.Key.Key_Escape)
    assert _pages() == []
    # Another row opens its own page; the board stays usable while pages are open (not modal).
    double_click_cell(window.table, 1, 0)
    assert [p.code for p in _pages()] == [window.model.summary_at(1).code]
    assert not _pages()[0].isModal()
    double_click_cell(window.table, 2, 0)
    assert sorted(p.code for p in _pages()) == sorted(
        window.model.summary_at(r).code for r in (1, 2)
    )
    for page in _pages():
        page.close()


def test_search_says_where_it_looks_and_ctrl_enter_searches_all(qtbot, window: MainWindow) -> None:
    window.select_view("due-today")
    assert window.search.placeholderText().startswith("Tìm trong «Đến hạn hôm nay»:")
    type_text(window.search, "nguyen van")
    assert window.model.rowCount() == 1
    assert window.count_label.text() == "1 hồ sơ trong «Đến hạn hôm nay»"
    assert window.search_all.text() == "Tìm trong &tất cả hồ sơ (Ctrl+Enter)"
    # One keystroke: Ctrl+Enter in the search box searches every dossier.
    QTest.keyClick(window.search, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.search_all.isChecked()
    assert window.model.rowCount() == 3
    assert window.count_label.text() == "3 hồ sơ trong «Tất cả hồ sơ»"
    assert window.search.placeholderText().startswith("Tìm trong tất cả hồ sơ:")
    assert _pages() == []  # Ctrl+Enter is not the scanner's Enter
    # The check box does the same with the mouse; choosing a view searches that view again.
    QTest.mouseClick(window.search_all, Qt.MouseButton.LeftButton)
    assert not window.search_all.isChecked() and window.model.rowCount() == 1
    QTest.mouseClick(window.search_all, Qt.MouseButton.LeftButton)
    assert window.model.rowCount() == 3
    window.select_view("pending")
    assert not window.search_all.isChecked()
    assert window.count_label.text().startswith("3 hồ sơ trong «Đang giải quyết»")


def test_scanner_enter_opens_the_dossier(qtbot, window: MainWindow, busy_desk: Desk) -> None:
    code = busy_desk.list("all")[0].code
    type_text(window.search, code)
    QTest.keyClick(window.search, Qt.Key.Key_Return)
    assert [p.code for p in _pages()] == [code]
    _pages()[0].close()


def _status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def test_daily_list_asks_for_the_day(qtbot, window: MainWindow) -> None:
    # Cancel: nothing is made.
    answer_next_dialog(lambda d: QTest.mouseClick(d.cancel_button, Qt.MouseButton.LeftButton))
    click_action(qtbot, window, window.daily_action)
    assert open_previews() == []

    def yesterday(dialog: QWidget) -> None:
        assert isinstance(dialog, DayDialog)
        assert dialog.day() == NOW.date()  # today by default
        QTest.mouseClick(dialog.yesterday_button, Qt.MouseButton.LeftButton)
        QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    answer_next_dialog(yesterday)
    click_action(qtbot, window, window.daily_action)
    (preview,) = open_previews()
    assert preview.windowTitle() == "Danh sách theo dõi hồ sơ ngày 25/04/2024"
    assert preview.document.pageCount() >= 1
    assert _status(window) == ""  # "Đang lập …" is gone once the preview is there
    close_previews()


def test_register_book_asks_for_the_range(qtbot, window: MainWindow) -> None:
    def last_month(dialog: QWidget) -> None:
        assert isinstance(dialog, RangeDialog)
        assert dialog.chosen() == (date(2024, 4, 1), NOW.date())  # this month by default
        QTest.mouseClick(dialog.preset_buttons[1], Qt.MouseButton.LeftButton)  # Tháng trước
        QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    answer_next_dialog(last_month)
    click_action(qtbot, window, window.book_action)
    (preview,) = open_previews()
    assert preview.windowTitle() == "Sổ theo dõi hồ sơ từ 01/03/2024 đến 31/03/2024"
    assert _status(window) == ""
    close_previews()


def test_range_dialog_refuses_a_reversed_range(qtbot) -> None:
    dialog = RangeDialog(None, "Sổ", date(2024, 4, 1), date(2024, 4, 26), date(2024, 4, 26))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_range(date(2024, 4, 20), date(2024, 4, 2))
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error.text() == "Ngày kết thúc phải sau hoặc bằng ngày bắt đầu."
    dialog.set_range(date(2023, 1, 1), date(2024, 4, 2))
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "Mỗi lần lập cho tối đa 366 ngày."
    dialog.close()


def test_explanation_report_from_the_reports_menu(qtbot, window: MainWindow) -> None:
    (menu,) = [m for m in window.menuBar().findChildren(QMenu) if m.title() == "&Báo cáo"]
    answer_next_dialog(lambda d: QTest.mouseClick(d.ok_button, Qt.MouseButton.LeftButton))
    menu.popup(window.mapToGlobal(window.rect().center()))
    QTest.qWaitForWindowExposed(menu)
    QTest.mouseClick(
        menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(window.explanation_action).center()
    )
    (preview,) = open_previews()
    assert preview.windowTitle() == "Báo cáo giải trình từ 01/04/2024 đến 26/04/2024"
    close_previews()


def test_menus_hold_every_action(window: MainWindow) -> None:
    in_menus = {a for m in window.menuBar().findChildren(QMenu) for a in m.actions()}
    for action in (
        window.register_action,
        window.refresh_action,
        window.daily_action,
        window.book_action,
        window.explanation_action,
        window.export_action,
        window.import_action,
    ):
        assert action in in_menus, action.text()


def test_export_never_passes_checked_as_the_folder(qtbot, window: MainWindow, monkeypatch):
    """QAction.triggered passes checked=False: the export must still ask for a folder."""
    asked: list[bool] = []

    def cancel(*args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(True)
        return ""

    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getExistingDirectory", cancel)
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileNames", lambda *a, **k: ([], ""))
    window.export_action.trigger()
    window.import_action.trigger()
    click_action(qtbot, window, window.export_action)
    assert asked == [True, True]


def test_apology_override_field_keeps_its_size(qtbot, busy_desk: Desk) -> None:
    """Refused by the apology rules (due today: too late), the exception field appears; the
    reason box keeps several lines and every label shows whole."""
    code = busy_desk.list("due-today")[0].code
    page = DossierDialog(busy_desk, code, officer="motcua", synchronous=True)
    qtbot.addWidget(page)
    page.show()
    QTest.mouseClick(page.act_buttons[Act.APOLOGIZE], Qt.MouseButton.LeftButton)
    type_text(page.apology_reason, "Chờ xác minh của Công an")
    QTest.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    assert page.override_edit.isVisible()
    QApplication.processEvents()
    assert page.apology_reason.height() >= 56
    label = page.override_label
    assert label.height() >= label.heightForWidth(label.width())
    assert page.act_error.isVisible() and "--" not in page.act_error.text()
    page.close()


def test_escape_in_the_search_box_does_not_leave_a_page(qtbot, window: MainWindow) -> None:
    event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window.search, event)
    assert _pages() == []


# ------------------------------------------------------------------ first-run set-up
def test_setup_dialog_lists_every_missing_field(qtbot) -> None:
    from mohao_desk.ui.app import SetupDialog

    dialog = SetupDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    for edit in (dialog.name, dialog.code, dialog.parent_name, dialog.place):
        assert edit.placeholderText().startswith("Ví dụ: ")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    QTest.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error.text().splitlines() == [
        "Chưa nhập: tên đơn vị, mã định danh điện tử, cơ quan cấp trên, địa danh ghi trên văn bản.",
        "Chưa nhập họ tên người quản trị.",
        "Mật khẩu phải có ít nhất 8 ký tự.",
    ]
    type_text(dialog.name, "Ủy ban nhân dân xã Hòa Phong")
    type_text(dialog.code, "H56")
    type_text(dialog.officers, "motcua Nguyễn Thị Nhung")
    type_text(dialog.admin.full_name, "Hoàng Thị Mai")
    type_text(dialog.admin.password, "mat-khau-dai")
    type_text(dialog.admin.repeat, "mat-khau-khac")
    QTest.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.error.text().splitlines() == [
        "Chưa nhập: cơ quan cấp trên, địa danh ghi trên văn bản.",
        "Mã định danh điện tử 'H56' không đúng định dạng (ví dụ 000.17.22.H56).",
        "Dòng cán bộ 'motcua Nguyễn Thị Nhung' phải có dạng tên đăng nhập: họ tên.",
        "Hai lần nhập mật khẩu không giống nhau.",
    ]
    dialog.close()


def test_cancelling_first_run_leaves_no_database(qtbot, tmp_path: Path, monkeypatch) -> None:
    from mohao_desk.ui import app

    monkeypatch.setattr(app.SetupDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    path = tmp_path / "new" / "mohao_desk.sqlite3"
    path.parent.mkdir()
    assert app.run_gui(path) == 1
    assert list(path.parent.iterdir()) == []


def test_settings_button_opens_the_settings_window(qtbot, window: MainWindow) -> None:
    from mohao_desk.ui.settings_dialog import SettingsDialog

    (system,) = [m for m in window.menuBar().findChildren(QMenu) if m.title() == "H&ệ thống"]
    assert window.settings_action in system.actions()
    window.settings_action.trigger()
    (dialog,) = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, SettingsDialog) and w.isVisible()
    ]
    assert dialog.windowTitle() == "Thiết lập"
    dialog.close()


def test_escape_closes_the_open_form_before_the_page(qtbot, busy_desk: Desk) -> None:
    code = busy_desk.list("pending")[0].code
    page = DossierDialog(busy_desk, code, officer="motcua", synchronous=True)
    qtbot.addWidget(page)
    page.show()
    QTest.mouseClick(page.act_buttons[Act.REFUSE], Qt.MouseButton.LeftButton)
    type_text(page.reason_edits[Act.REFUSE], "Không thuộc thẩm quyền")
    QTest.keyClick(page, Qt.Key.Key_Escape)
    assert page.isVisible() and not page.form_box.isVisible()
    # Reopened, the form still holds what was typed.
    QTest.mouseClick(page.act_buttons[Act.REFUSE], Qt.MouseButton.LeftButton)
    assert page.reason_edits[Act.REFUSE].toPlainText() == "Không thuộc thẩm quyền"
    QTest.keyClick(page, Qt.Key.Key_Escape)
    QTest.keyClick(page, Qt.Key.Key_Escape)
    assert not page.isVisible()


def test_final_acts_are_confirmed(qtbot, busy_desk: Desk, message_boxes) -> None:
    from PySide6.QtWidgets import QMessageBox

    from mohao_desk.domain.lifecycle import Status

    code = busy_desk.list("pending")[0].code
    page = DossierDialog(busy_desk, code, officer="motcua", synchronous=True)
    qtbot.addWidget(page)
    page.show()
    QTest.mouseClick(page.act_buttons[Act.REFUSE], Qt.MouseButton.LeftButton)
    type_text(page.reason_edits[Act.REFUSE], "Không thuộc thẩm quyền")
    message_boxes.answer = QMessageBox.StandardButton.No
    QTest.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    assert message_boxes.texts("question") == [
        f"Từ chối hồ sơ {code}? Hồ sơ sẽ kết thúc và không thể hoàn tác."
    ]
    assert busy_desk.get(code).summary.status is not Status.REFUSED
    message_boxes.answer = QMessageBox.StandardButton.Yes
    QTest.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    assert busy_desk.get(code).summary.status is Status.REFUSED
    page.close()
    close_previews()


def test_apology_date_is_confirmed_in_words(qtbot, busy_desk: Desk, message_boxes) -> None:
    from PySide6.QtCore import QDate, QDateTime, QTime
    from PySide6.QtWidgets import QMessageBox

    code = next(s for s in busy_desk.list("pending") if s.applicant == "Nguyễn Văn An").code
    page = DossierDialog(busy_desk, code, officer="motcua", synchronous=True)
    qtbot.addWidget(page)
    page.show()
    QTest.mouseClick(page.act_buttons[Act.APOLOGIZE], Qt.MouseButton.LeftButton)
    type_text(page.apology_reason, "Chờ xác minh")
    page.apology_due.setDateTime(QDateTime(QDate(2024, 5, 8), QTime(9, 0)))
    message_boxes.answer = QMessageBox.StandardButton.No
    QTest.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    assert message_boxes.texts("question") == [
        "Hẹn trả kết quả mới: 09 giờ 00 phút, ngày 08/05/2024 (thứ Tư)."
        " Ghi nhận và in phiếu xin lỗi?"
    ]
    assert busy_desk.get(code).summary.apology_count == 0
    message_boxes.answer = QMessageBox.StandardButton.Yes
    QTest.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    assert busy_desk.get(code).summary.apology_count == 1
    page.close()
    close_previews()


def test_one_preview_per_document(qtbot, window: MainWindow) -> None:
    for _ in range(2):
        answer_next_dialog(lambda d: QTest.mouseClick(d.ok_button, Qt.MouseButton.LeftButton))
        click_action(qtbot, window, window.daily_action)
    assert [p.windowTitle() for p in open_previews()] == [
        "Danh sách theo dõi hồ sơ ngày 26/04/2024"
    ]
    close_previews()


def test_cancelling_a_filled_registration_asks_first(
    qtbot, window: MainWindow, message_boxes
) -> None:
    from PySide6.QtWidgets import QMessageBox

    click_action(qtbot, window, window.register_action)
    (dialog,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, RegisterDialog)]
    type_text(dialog.name_edit, "Phạm Quang Huy")
    message_boxes.answer = QMessageBox.StandardButton.No
    QTest.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.name_edit.text() == "Phạm Quang Huy"
    assert message_boxes.texts("question") == ["Bỏ hồ sơ đang nhập? Những gì đã gõ sẽ mất."]
    message_boxes.answer = QMessageBox.StandardButton.Yes
    QTest.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not (shiboken6.isValid(dialog) and dialog.isVisible())
