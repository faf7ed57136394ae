"""Registration from the keyboard: find the procedure without diacritics, see the return moment
before saving, save the ticked components (and a scan) — and lose nothing on bad input."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from mohao_desk.domain.lifecycle import Channel, Status
from mohao_desk.services.desk import Desk
from mohao_desk.ui import worker
from mohao_desk.ui.register_dialog import RegisterDialog
from tests.ui.dialog_helpers import close, drop_files, open_previews, type_text


@pytest.fixture
def dialog(qtbot, desk: Desk) -> Iterator[RegisterDialog]:
    dialog = RegisterDialog(desk, officer="motcua", synchronous=True)
    dialog.show()
    qtbot.waitExposed(dialog)
    yield dialog
    close(dialog)


def _type_procedure(qtbot, dialog: RegisterDialog, text: str) -> None:
    dialog.procedure_search.clear()
    type_text(dialog.procedure_search, text)


def test_typing_without_diacritics_finds_the_procedure(qtbot, dialog: RegisterDialog) -> None:
    assert len(dialog.visible_procedures()) == len(dialog.procedures) > 5
    _type_procedure(qtbot, dialog, "chung thuc ban sao")
    assert dialog.visible_procedures() == ["2.000815"]
    assert dialog.current_procedure().name == "Chứng thực bản sao từ bản chính"
    # With diacritics, several words in any order, and by code.
    _type_procedure(qtbot, dialog, "Chứng thực")
    assert set(dialog.visible_procedures()) == {"2.000815", "2.000884", "XA.CTHDGD"}
    _type_procedure(qtbot, dialog, "hon nhan xac nhan")
    assert dialog.visible_procedures() == ["1.004873"]
    _type_procedure(qtbot, dialog, "1.000894")
    assert dialog.current_procedure().name == "Đăng ký kết hôn"
    _type_procedure(qtbot, dialog, "khong co thu tuc nay")
    assert dialog.visible_procedures() == []
    assert dialog.current_procedure() is None
    assert dialog.rows == []


def test_arrow_keys_pick_among_matches_and_enter_moves_to_the_name(
    qtbot, dialog: RegisterDialog
) -> None:
    _type_procedure(qtbot, dialog, "chung thuc")
    first = dialog.current_procedure().code
    qtbot.keyClick(dialog.procedure_search, Qt.Key.Key_Down)
    second = dialog.current_procedure().code
    assert second != first and second in dialog.visible_procedures()
    qtbot.keyClick(dialog.procedure_search, Qt.Key.Key_Up)
    assert dialog.current_procedure().code == first
    dialog.procedure_search.setFocus()
    qtbot.keyClick(dialog.procedure_search, Qt.Key.Key_Return)
    assert dialog.focusWidget() is dialog.name_edit
    assert dialog.isVisible()  # Enter never saves


def test_return_moment_is_shown_before_saving_and_follows_choices(
    qtbot, dialog: RegisterDialog, desk: Desk
) -> None:
    # Fri 26/04/2024 09:00; 3 working days across the 30/4–1/5 holidays.
    _type_procedure(qtbot, dialog, "tinh trang hon nhan")
    assert dialog.due_label.text() == "Hẹn trả: 09 giờ 00 phút, ngày 04/05/2024"
    assert dialog.verification_check.isHidden()  # no verification time for this one
    _type_procedure(qtbot, dialog, "ket hon")
    assert dialog.due_label.text() == "Hẹn trả: 17 giờ 00 phút, ngày 26/04/2024"
    assert not dialog.verification_check.isHidden()
    with qtbot.waitSignal(dialog.due_previewed):
        dialog.verification_check.setChecked(True)  # 5 working days
    assert dialog.due_label.text() == "Hẹn trả: 09 giờ 00 phút, ngày 07/05/2024"
    assert desk.list("all") == []  # nothing saved by looking


def test_register_from_the_keyboard_with_ticked_components_and_a_scan(
    qtbot, dialog: RegisterDialog, desk: Desk, tmp_path: Path
) -> None:
    scan = tmp_path / "to-khai.pdf"
    scan.write_bytes(b"%PDF-1.4 to khai ket hon")
    _type_procedure(qtbot, dialog, "dang ky ket hon")
    qtbot.keyClick(dialog.procedure_search, Qt.Key.Key_Return)
    assert dialog.focusWidget() is dialog.name_edit
    type_text(dialog.name_edit, "Nguyễn Văn An")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)  # Enter moves on like Tab
    assert dialog.focusWidget() is dialog.address_edit
    type_text(dialog.address_edit, "Khu phố Bần, phường Bần Yên Nhân")
    type_text(dialog.phone_edit, "0912 345 678")
    type_text(dialog.id_edit, "033090001234")
    dialog.channel_box.setCurrentIndex(dialog.channel_box.findData(Channel.POSTAL.value))
    dialog.sets_spin.setValue(2)
    assert [r.ticked for r in dialog.rows] == [True, True, True]  # all ticked by default
    dialog.rows[1].check.setFocus()
    qtbot.keyClick(dialog.rows[1].check, Qt.Key.Key_Space)  # not received
    assert [r.ticked for r in dialog.rows] == [True, False, True]
    drop_files(dialog.rows[2], [scan])  # the scanned ID paper, attached at once
    assert dialog.rows[2].file == scan

    with qtbot.waitSignal(dialog.registered) as blocker:
        qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    code = blocker.args[0]
    assert not dialog.isVisible()

    detail = desk.get(code)
    s = detail.summary
    assert (s.procedure_code, s.applicant, s.phone) == ("1.000894", "Nguyễn Văn An", "0912 345 678")
    assert s.channel is Channel.POSTAL and s.status is Status.RECEIVED
    assert detail.address == "Khu phố Bần, phường Bần Yên Nhân"
    assert (detail.id_number, detail.sets_count) == ("033090001234", 2)
    assert [c.name for c in detail.components] == [
        "Tờ khai đăng ký kết hôn",
        "Giấy tờ tùy thân của hai bên nam, nữ",
    ]
    assert detail.components[0].sha256 is None
    assert detail.components[1].sha256 == hashlib.sha256(scan.read_bytes()).hexdigest()
    assert detail.events[0].officer == "Nguyễn Thị Hồng Nhung"

    previews = open_previews()
    assert len(previews) == 1
    assert code in previews[0].windowTitle()
    assert previews[0].document.pageCount() > 0


def test_empty_name_shows_the_message_and_keeps_everything_typed(
    qtbot, dialog: RegisterDialog, desk: Desk
) -> None:
    _type_procedure(qtbot, dialog, "tinh trang hon nhan")
    type_text(dialog.address_edit, "Thôn Bần, phường Bần Yên Nhân")
    type_text(dialog.phone_edit, "0912345678")
    dialog.rows[1].check.setChecked(False)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == "Thiếu họ tên người nộp."
    assert dialog.focusWidget() is dialog.name_edit
    assert dialog.address_edit.text() == "Thôn Bần, phường Bần Yên Nhân"
    assert dialog.phone_edit.text() == "0912345678"
    assert dialog.current_procedure().code == "1.004873"
    assert [r.ticked for r in dialog.rows] == [True, False]
    assert desk.list("all") == []

    # Corrected, it saves; the message goes away with the dialog.
    type_text(dialog.name_edit, "Trần Thị Bình")
    with qtbot.waitSignal(dialog.registered) as blocker:
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert len(desk.get(blocker.args[0]).components) == 1


def test_bad_phone_and_no_procedure_are_refused_inline(
    qtbot, dialog: RegisterDialog, desk: Desk
) -> None:
    _type_procedure(qtbot, dialog, "xyz")
    type_text(dialog.name_edit, "Nguyễn Văn An")
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == "Chưa chọn thủ tục hành chính."
    _type_procedure(qtbot, dialog, "khai tu")
    type_text(dialog.phone_edit, "goi sau")
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == "Số điện thoại 'goi sau' không hợp lệ."
    assert dialog.focusWidget() is dialog.phone_edit
    assert dialog.name_edit.text() == "Nguyễn Văn An"
    for row in dialog.rows:
        row.check.setChecked(False)
    dialog.phone_edit.clear()
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == "Chưa đánh dấu thành phần hồ sơ nào đã nhận."
    assert desk.list("all") == []


def test_attaching_a_scan_ticks_the_component(qtbot, dialog: RegisterDialog, tmp_path) -> None:
    _type_procedure(qtbot, dialog, "khai sinh")
    row = dialog.rows[0]
    row.check.setChecked(False)
    scan = tmp_path / "giay-chung-sinh.jpg"
    scan.write_bytes(b"jpeg")
    drop_files(row, [scan])
    assert row.ticked and row.file == scan
    assert "giay-chung-sinh.jpg" in row.file_label.text()
    QTest.mouseClick(row.clear_button, Qt.MouseButton.LeftButton)
    assert row.file is None


def test_threaded_registration(qtbot, desk: Desk) -> None:
    """The real path: every service call in the worker pool, answers by signal."""
    dialog = RegisterDialog(desk, officer="tuphap")
    try:
        dialog.show()
        qtbot.waitUntil(lambda: len(dialog.procedures) > 0)
        with qtbot.waitSignal(dialog.due_previewed, timeout=5000):
            type_text(dialog.procedure_search, "trich luc")
        qtbot.waitUntil(lambda: "ngày 26/04/2024" in dialog.due_label.text())
        type_text(dialog.name_edit, "Lê Thị Cúc")
        with qtbot.waitSignal(dialog.registered, timeout=10_000) as blocker:
            QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        worker.wait_all()
        detail = desk.get(blocker.args[0])
        assert detail.summary.procedure_code == "2.000635"
        assert detail.events[0].officer == "Trần Văn Đức"
        qtbot.waitUntil(lambda: len(open_previews()) == 1)
    finally:
        close(dialog)


def test_receipt_moment_uses_the_desk_clock(qtbot, make_desk) -> None:
    """After the 15:00 cut-off a same-day procedure is due the next working day."""
    desk = make_desk(datetime(2024, 4, 26, 15, 30))
    dialog = RegisterDialog(desk, synchronous=True)
    try:
        dialog.show()
        type_text(dialog.procedure_search, "chung thuc ban sao")
        assert dialog.due_label.text() == "Hẹn trả: 17 giờ 00 phút, ngày 02/05/2024"
    finally:
        close(dialog)
