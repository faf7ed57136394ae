"""One dossier's life through the real window: register from the keyboard, see it count down on
the board, request a supplement (the clock pauses), resolve, return."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from mohao_desk.domain.lifecycle import Act, Status
from mohao_desk.services.desk import Desk
from mohao_desk.ui.board_model import BoardModel
from mohao_desk.ui.dossier import DossierDialog
from mohao_desk.ui.main_window import MainWindow
from mohao_desk.ui.register_dialog import RegisterDialog
from tests.conftest import FakeClock
from tests.ui.dialog_helpers import close, close_previews, type_text


def test_register_count_down_pause_resolve_return(qtbot, db) -> None:
    clock = FakeClock(datetime(2024, 4, 26, 9, 0))
    desk = Desk(db, clock=clock)
    window = MainWindow(desk, synchronous=True)
    qtbot.addWidget(window)
    window.show()

    # Register from the keyboard: F2, the procedure typed without diacritics, the applicant.
    window.register_action.trigger()
    dialog = window.findChild(RegisterDialog)
    assert dialog is not None
    qtbot.keyClicks(dialog.procedure_search, "giay xac nhan tinh trang hon nhan")
    type_text(dialog.name_edit, "Nguyễn Văn Bình")
    assert "04/05/2024" in dialog.due_label.text()  # shown before saving
    with qtbot.waitSignal(dialog.registered) as registered:
        # (Ctrl+S is covered by test_register_dialog.py)
        QTest.mouseClick(
            dialog.save_button, Qt.MouseButton.LeftButton
        )  # (Ctrl+S is covered by test_register_dialog.py)
    code = registered.args[0]
    close_previews()  # the receipt preview opened after saving

    # On the board, counting down: 3 working days across the 30/4–1/5 holidays.
    window.views.setCurrentRow([k for k, _ in MainWindow.VIEWS].index("pending"))
    row = window.model.row_of_code(code)
    assert row is not None
    countdown = window.model.index(row, BoardModel.COUNTDOWN)
    assert window.model.data(countdown) == "còn 3 ngày"

    # The dossier page: request a supplement, the clock pauses.
    window.open_dossier(code)
    page = window.findChild(DossierDialog)
    assert page is not None
    assert not page.act_buttons[Act.RETURN].isVisible()  # not allowed yet
    QTest.mouseClick(page.act_buttons[Act.SUPPLEMENT_REQUEST], Qt.MouseButton.LeftButton)
    page.supplement_missing.setPlainText("Bản sao trích lục bản án ly hôn")
    clock.now = datetime(2024, 5, 2, 9, 0)
    QTest.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    close_previews()
    assert desk.get(code).summary.status is Status.WAITING_SUPPLEMENT
    window.refresh()
    row = window.model.row_of_code(code)
    frozen = window.model.data(window.model.index(row, BoardModel.COUNTDOWN))
    assert frozen.startswith("‖ còn")
    clock.now = datetime(2024, 5, 6, 9, 0)  # days later: still the same frozen time left
    window.tick()
    assert window.model.data(window.model.index(row, BoardModel.COUNTDOWN)) == frozen

    # Supplement received, result ready, returned.
    QTest.mouseClick(page.act_buttons[Act.SUPPLEMENT_RECEIVED], Qt.MouseButton.LeftButton)
    QTest.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    clock.now = datetime(2024, 5, 6, 10, 0)
    QTest.mouseClick(page.act_buttons[Act.RESOLVE], Qt.MouseButton.LeftButton)
    QTest.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    clock.now = datetime(2024, 5, 6, 14, 0)
    QTest.mouseClick(page.act_buttons[Act.RETURN], Qt.MouseButton.LeftButton)
    QTest.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
    close_previews()
    detail = desk.get(code)
    assert detail.summary.status is Status.RETURNED
    assert [e.act for e in detail.events] == [
        Act.REGISTER,
        Act.SUPPLEMENT_REQUEST,
        Act.SUPPLEMENT_RECEIVED,
        Act.RESOLVE,
        Act.RETURN,
    ]
    assert detail.events[1].officer == "Nguyễn Thị Hồng Nhung"  # the window's officer
    window.refresh()
    assert window.model.row_of_code(code) is None  # no longer pending
    close(page)
    window.close()
