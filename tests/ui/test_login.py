"""Log-in, "Đổi người dùng" and the idle lock (issue 11), clicked as the person at the counter
does: the window's person is the logged-in account, its acts carry that account, the actions
its roles do not allow are not offered, and the locked window shows nothing of the board."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mohao_desk.services.accounts import AccountService
from mohao_desk.services.demo import DEMO_PASSWORD, fill_demo
from mohao_desk.services.desk import Desk
from mohao_desk.services.setup import open_unit_database
from mohao_desk.ui.login_dialog import AdministratorDialog, LoginDialog
from mohao_desk.ui.main_window import MainWindow
from tests.conftest import FakeClock
from tests.ui.dialog_helpers import action_button

NOW = datetime(2026, 11, 26, 9, 40)


@pytest.fixture
def demo_desk(tmp_path: Path) -> Desk:
    db = open_unit_database(tmp_path / "demo.sqlite3")
    fill_demo(db, dossiers=200, seed=3, now=NOW)
    return Desk(db, clock=FakeClock(NOW))


def log_in_with(qtbot, dialog: LoginDialog, username: str, password: str) -> None:  # type: ignore[no-untyped-def]
    index = dialog.username.findData(username)
    assert index >= 0, username
    dialog.username.setCurrentIndex(index)
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)


def test_the_log_in_dialog_refuses_a_wrong_password(qtbot, demo_desk: Desk) -> None:
    dialog = LoginDialog(demo_desk.db, unit_name=demo_desk.unit.name, demo=True)
    qtbot.addWidget(dialog)
    dialog.show()
    names = [dialog.username.itemData(i) for i in range(dialog.username.count())]
    assert set(names) == {"motcua", "tuphap", "tuphap2", "vhxh", "diachinh", "chutich", "quantri"}
    log_in_with(qtbot, dialog, "motcua", "sai")
    assert dialog.isVisible() and dialog.account is None
    assert dialog.error.text() == "Tên đăng nhập hoặc mật khẩu không đúng."
    assert dialog.password.text() == ""
    log_in_with(qtbot, dialog, "motcua", DEMO_PASSWORD)
    assert not dialog.isVisible()
    assert dialog.account.username == "motcua"


def window_as(qtbot, desk: Desk, username: str) -> MainWindow:  # type: ignore[no-untyped-def]
    desk.db.actor = AccountService(desk.db).log_in(username, DEMO_PASSWORD)
    window = MainWindow(desk, synchronous=True)
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_window_offers_what_the_roles_allow(qtbot, demo_desk: Desk) -> None:
    window = window_as(qtbot, demo_desk, "tuphap")  # processing officer only
    assert window.session.button.text() == f"Người dùng: {demo_desk.account.full_name}"
    assert "Xử lý hồ sơ" in window.session.button.toolTip()
    assert window.officer == "tuphap"
    assert not window.register_action.isEnabled()
    assert not action_button(window, window.register_action).isEnabled()
    assert not window.settings_action.isEnabled()
    assert not window.export_action.isEnabled()
    window.close()
    window = window_as(qtbot, demo_desk, "chutich")
    assert window.export_action.isEnabled() and not window.settings_action.isEnabled()
    window.close()
    window = window_as(qtbot, demo_desk, "quantri")
    assert window.settings_action.isEnabled() and not window.register_action.isEnabled()
    window.close()


def test_switch_user_records_the_next_act_as_the_new_person(qtbot, demo_desk: Desk) -> None:
    window = window_as(qtbot, demo_desk, "tuphap")
    window.session.switch_action.trigger()
    dialog = window.session.dialog
    assert isinstance(dialog, LoginDialog) and dialog.isVisible()
    log_in_with(qtbot, dialog, "motcua", DEMO_PASSWORD)
    assert demo_desk.account.username == "motcua" and window.officer == "motcua"
    assert window.register_action.isEnabled()
    detail = demo_desk.register(procedure_code="2.000815", applicant_name="Trần Văn Cường")
    assert detail.events[0].officer == demo_desk.account.full_name
    window.close()


def test_the_idle_lock_hides_the_board_until_the_password(qtbot, demo_desk: Desk) -> None:
    window = window_as(qtbot, demo_desk, "motcua")
    window.session.set_idle_minutes(1)
    window.session.idle.setInterval(100)  # a minute, shortened for the test
    window.session.idle.start()
    with qtbot.waitSignal(window.session.locked, timeout=3000):
        pass
    assert not window.centralWidget().isVisible()
    dialog = window.session.dialog
    assert dialog is not None and dialog.windowTitle() == "Màn hình đã khóa"
    assert not dialog.username.isEnabled()  # the same person unlocks
    dialog.reject()  # Escape does not open a locked window
    assert dialog.isVisible()
    log_in_with(qtbot, dialog, "motcua", "sai")
    assert not window.centralWidget().isVisible() and dialog.isVisible()
    log_in_with(qtbot, dialog, "motcua", DEMO_PASSWORD)
    assert window.centralWidget().isVisible() and not window.session.is_locked
    window.close()


def test_the_same_person_gets_their_pages_back(qtbot, demo_desk: Desk) -> None:
    window = window_as(qtbot, demo_desk, "motcua")
    code = demo_desk.list("all", limit=1)[0].code
    window.open_dossier(code)
    page = window.dossier_pages[code]
    window.session.lock_action.trigger()
    assert not page.isVisible()
    log_in_with(qtbot, window.session.dialog, "motcua", DEMO_PASSWORD)
    assert page.isVisible()
    page.close()
    window.close()


def test_another_person_logs_in_at_the_lock(qtbot, demo_desk: Desk) -> None:
    from mohao_desk.ui.dossier import DossierDialog

    window = window_as(qtbot, demo_desk, "motcua")
    code = demo_desk.list("all", limit=1)[0].code
    window.open_dossier(code)
    page = window.dossier_pages[code]
    assert isinstance(page, DossierDialog) and page.isVisible()
    window.session.lock_action.trigger()
    assert not page.isVisible()  # the lock hides every window of the program
    dialog = window.session.dialog
    assert dialog is not None and dialog.switch_button is not None
    qtbot.mouseClick(dialog.switch_button, Qt.MouseButton.LeftButton)
    assert dialog.username.isEnabled()
    log_in_with(qtbot, dialog, "chutich", DEMO_PASSWORD)
    assert demo_desk.account.username == "chutich"
    assert window.centralWidget().isVisible()
    # The previous person's page is not the next person's: closed, not shown again.
    qtbot.waitUntil(lambda: not window._other_windows(), timeout=2000)
    assert window.session.button.text() == f"Người dùng: {demo_desk.account.full_name}"
    window.close()


def test_an_older_database_gets_its_administrator_first(qtbot, db) -> None:
    dialog = AdministratorDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.fields.full_name.setText("Hoàng Thị Mai")
    qtbot.keyClicks(dialog.fields.password, "mat-khau-dai")
    qtbot.keyClicks(dialog.fields.repeat, "mat-khau-khac")
    dialog.accept()
    assert dialog.isVisible() and "không giống nhau" in dialog.error.text()
    dialog.fields.repeat.clear()
    qtbot.keyClicks(dialog.fields.repeat, "mat-khau-dai")
    dialog.accept()
    assert not dialog.isVisible()
    assert AccountService(db).log_in("quantri", "mat-khau-dai").username == "quantri"
    assert not AccountService(db).needs_administrator()
    assert QApplication.activeModalWidget() is None


def test_the_administrator_is_told_when_the_history_was_rewritten(
    qtbot, demo_desk: Desk, message_boxes
) -> None:
    """The start-up check runs in a child process; a dossier edited behind the program's back
    is named to the administrator (and in the status bar for everyone)."""
    from sqlalchemy import text

    code = demo_desk.list("all", limit=1)[0].code
    with demo_desk.db.engine.begin() as conn:  # the result moved three days, outside
        conn.execute(
            text("UPDATE dossier SET received_at = received_at - 259200 WHERE code = :c"),
            {"c": code},
        )
    window = window_as(qtbot, demo_desk, "motcua")
    window.start_history_check()
    qtbot.waitUntil(lambda: window.history_report is not None, timeout=60_000)
    assert not window.history_report.whole
    assert window.history_label is not None and window.history_label.isVisible()
    assert message_boxes.texts("warning") == []  # not the desk officer's to act on
    window.session.switch_action.trigger()
    log_in_with(qtbot, window.session.dialog, "quantri", DEMO_PASSWORD)
    (warning,) = message_boxes.texts("warning")
    assert "dữ liệu đã bị sửa ngoài chương trình" in warning and code in warning
    window.close()


def test_a_whole_history_says_nothing(qtbot, demo_desk: Desk, message_boxes) -> None:
    window = window_as(qtbot, demo_desk, "quantri")
    window.start_history_check()
    qtbot.waitUntil(lambda: window.history_report is not None, timeout=60_000)
    assert window.history_report.whole and window.history_label is None
    assert message_boxes.texts("warning") == []
    window.close()
