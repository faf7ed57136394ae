"""The dossier page: only the allowed acts, the whole life of a dossier through its buttons,
the apology rules, digitization by dropping scans, slips, errors that change nothing."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, QMimeData, QPoint, Qt, QTime, QUrl
from PySide6.QtGui import QDragEnterEvent
from PySide6.QtTest import QTest

from mohao_desk.domain.lifecycle import Act, Channel, Status
from mohao_desk.services.desk import Desk
from mohao_desk.ui import worker
from mohao_desk.ui.dossier import DossierDialog
from tests.ui.dialog_helpers import close, close_previews, drop_files, open_previews, type_text


def _register(desk: Desk, **kw) -> str:
    values = {
        "procedure_code": "1.004873",  # 3 working days: due Sat 04/05/2024 09:00 (make-up day)
        "applicant_name": "Nguyễn Văn An",
        "phone": "0912345678",
        "address": "Khu phố Bần, phường Bần Yên Nhân",
        "received_at": datetime(2024, 4, 26, 9, 0),
    }
    values.update(kw)
    return desk.register(**values).summary.code


@pytest.fixture
def open_dialog(qtbot) -> Iterator[Callable[..., DossierDialog]]:
    opened: list[DossierDialog] = []

    def make(desk: Desk, code: str, officer: str | None = "motcua", **kw) -> DossierDialog:
        kw.setdefault("synchronous", True)
        dialog = DossierDialog(desk, code, officer=officer, **kw)
        dialog.show()
        opened.append(dialog)
        return dialog

    yield make
    for dialog in opened:
        close(dialog)


def _visible_acts(dialog: DossierDialog) -> set[Act]:
    return {
        act
        for act, button in dialog.act_buttons.items()
        if not button.isHidden() and button.isEnabled()
    }


def _act(dialog: DossierDialog, act: Act) -> None:
    """Click the act's button, then "Ghi nhận"."""
    QTest.mouseClick(dialog.act_buttons[act], Qt.MouseButton.LeftButton)
    assert dialog.form_box.isVisible() and dialog.current_act is act
    QTest.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)


def _slip_buttons(dialog: DossierDialog) -> list[str]:
    """The texts of the slip buttons the page shows beyond the receipt and the control slip."""
    return [
        button.text()
        for kind, button in dialog.print_buttons.items()
        if kind not in ("receipt", "control") and not button.isHidden()
    ]


def test_shows_everything_about_the_dossier(open_dialog, desk: Desk) -> None:
    code = _register(desk, email="an@example.vn")
    dialog = open_dialog(desk, code)
    assert dialog.code_label.text() == code
    assert dialog.windowTitle() == f"Hồ sơ {code} — Nguyễn Văn An"
    f = dialog.fields
    assert f["procedure"].text() == "Cấp Giấy xác nhận tình trạng hôn nhân (1.004873)"
    assert f["applicant"].text() == "Nguyễn Văn An"
    assert f["phone"].text() == "0912345678"
    assert f["address"].text() == "Khu phố Bần, phường Bần Yên Nhân"
    assert f["channel"].text() == "Trực tiếp · 1 bộ"
    assert f["received"].text() == "26/04/2024 09:00"
    assert f["due"].text() == "04/05/2024 09:00"
    assert f["original_due"].isHidden()  # not re-appointed
    assert f["officer"].text() == "Nguyễn Thị Hồng Nhung"
    assert f["counts"].text() == "0 lần bổ sung · 0 lần xin lỗi"
    assert dialog.status_label.text() == "Đã tiếp nhận"
    # Fri 09:00 → Sat 04/05 09:00: 3 working days left, on track, in the band's green.
    assert dialog.countdown_label.text() == "còn 3 ngày (trong hạn)"
    assert "#1b5e20" in dialog.countdown_label.styleSheet()
    assert [r.title.text() for r in dialog.component_rows] == [
        "1. Tờ khai cấp Giấy xác nhận tình trạng hôn nhân  (Bản chính, 1)",
        "2. Giấy tờ chứng minh đã ly hôn hoặc người kia đã chết (nếu có)  (Bản sao, 1)",
    ]
    assert [r.state.text() for r in dialog.component_rows] == ["Chưa số hóa", "Chưa số hóa"]
    assert dialog.result_row.state.text() == "Chưa có kết quả"
    assert not dialog.result_row.accepting
    assert dialog.timeline.rowCount() == 1
    assert [dialog.timeline.item(0, c).text() for c in range(4)] == [
        "26/04/2024 09:00",
        "Tiếp nhận hồ sơ",
        "Nguyễn Thị Hồng Nhung",
        "Hẹn trả 04/05/2024 09:00",
    ]


def test_only_the_acts_the_state_allows(open_dialog, desk: Desk) -> None:
    code = _register(desk)
    dialog = open_dialog(desk, code)
    assert _visible_acts(dialog) == {
        Act.HANDOVER,
        Act.SUPPLEMENT_REQUEST,
        Act.RESOLVE,
        Act.APOLOGIZE,
        Act.REFUSE,
        Act.WITHDRAW,
    }  # regime A (2024): no "dừng giải quyết"
    for act in (Act.RETURN, Act.SUPPLEMENT_RECEIVED, Act.STOP, Act.RATE):
        assert dialog.act_buttons[act].isHidden()
        assert not dialog.act_buttons[act].isEnabled()
    _act(dialog, Act.RESOLVE)
    assert _visible_acts(dialog) == {Act.RETURN}
    _act(dialog, Act.RETURN)
    assert _visible_acts(dialog) == {Act.RATE}
    QTest.mouseClick(dialog.act_buttons[Act.RATE], Qt.MouseButton.LeftButton)
    QTest.mouseClick(
        dialog.rating_buttons["rat_hai_long"],
        Qt.MouseButton.LeftButton,
        pos=QPoint(8, dialog.rating_buttons["rat_hai_long"].height() // 2),
    )
    QTest.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert desk.get(code).events[-1].data["rating_label"] == "Rất hài lòng"
    assert dialog.timeline.item(dialog.timeline.rowCount() - 1, 3).text() == "Rất hài lòng"


def test_stop_is_offered_for_regime_b_only(open_dialog, make_desk) -> None:
    desk = make_desk(datetime(2025, 7, 2, 9, 0))
    code = _register(desk, received_at=None)
    dialog = open_dialog(desk, code)
    assert Act.STOP in _visible_acts(dialog)
    QTest.mouseClick(dialog.act_buttons[Act.STOP], Qt.MouseButton.LeftButton)
    QTest.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)  # a reason is required
    assert dialog.act_error.text() == "Phải nêu lý do."
    assert desk.get(code).summary.status is Status.RECEIVED
    type_text(dialog.reason_edits[Act.STOP], "Người nộp không bổ sung theo yêu cầu")
    QTest.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert dialog.status_label.text() == "Dừng giải quyết"
    assert _visible_acts(dialog) == set()
    assert dialog.no_act_label.isVisible()
    # The stop notice was previewed at once and can be printed again.
    assert [p.windowTitle() for p in open_previews()] == [
        f"Thông báo dừng giải quyết hồ sơ — {code}"
    ]
    assert _slip_buttons(dialog) == ["Thông báo dừng"]


def test_supplement_request_pauses_and_supplement_received_resumes(
    qtbot, open_dialog, desk: Desk
) -> None:
    code = _register(desk)
    dialog = open_dialog(desk, code)
    QTest.mouseClick(dialog.act_buttons[Act.SUPPLEMENT_REQUEST], Qt.MouseButton.LeftButton)
    assert dialog.supplement_warning.isHidden()  # first request: no warning
    type_text(dialog.supplement_missing, "Giấy xác nhận cư trú\nBản sao CCCD|copy|2")
    type_text(dialog.supplement_reason, "Hồ sơ chưa đủ giấy tờ")
    with qtbot.waitSignal(dialog.changed):
        QTest.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert dialog.status_label.text() == "Chờ bổ sung"
    assert dialog.countdown_label.text().startswith("Tạm dừng chờ bổ sung — còn 3 ngày")
    assert dialog.form_box.isHidden()
    # No apology while the clock is paused (issue 9).
    assert _visible_acts(dialog) == {Act.SUPPLEMENT_RECEIVED, Act.REFUSE, Act.WITHDRAW}
    detail = desk.get(code)
    assert detail.summary.paused and detail.summary.supplement_count == 1
    assert detail.events[-1].data["items"][1] == {
        "name": "Bản sao CCCD",
        "kind": "copy",
        "count": 2,
    }
    last = dialog.timeline.rowCount() - 1
    assert dialog.timeline.item(last, 1).text() == "Yêu cầu bổ sung hồ sơ"
    assert "Giấy xác nhận cư trú; Bản sao CCCD" in dialog.timeline.item(last, 3).text()
    # The supplement slip was previewed and stays printable.
    assert [p.windowTitle() for p in open_previews()] == [
        f"Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ — {code}"
    ]
    assert _slip_buttons(dialog) == ["Phiếu bổ sung"]
    close_previews()

    with qtbot.waitSignal(dialog.changed):
        _act(dialog, Act.SUPPLEMENT_RECEIVED)
    assert dialog.status_label.text() == "Đang giải quyết"
    assert not desk.get(code).summary.paused
    assert not dialog.countdown_label.text().startswith("Tạm dừng")


def test_second_supplement_request_warns_and_needs_a_reason(open_dialog, desk: Desk) -> None:
    code = _register(desk)
    desk.request_supplement(code, missing=["Giấy xác nhận cư trú"])
    desk.receive_supplement(code)
    dialog = open_dialog(desk, code)
    QTest.mouseClick(dialog.act_buttons[Act.SUPPLEMENT_REQUEST], Qt.MouseButton.LeftButton)
    assert dialog.supplement_warning.isVisible()
    assert "QUÁ HẠN" in dialog.supplement_warning.text()
    assert dialog.supplement_reason_label.text() == "Lý do (bắt buộc):"
    type_text(dialog.supplement_missing, "Tờ khai (bản sửa)")
    QTest.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert dialog.act_error.isVisible()
    assert "phải nêu lý do" in dialog.act_error.text()
    assert desk.get(code).summary.supplement_count == 1  # nothing changed
    assert dialog.supplement_missing.toPlainText() == "Tờ khai (bản sửa)"  # nothing lost
    type_text(dialog.supplement_reason, "Tờ khai ghi sai năm sinh")
    QTest.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert desk.get(code).summary.supplement_count == 2
    assert dialog.fields["counts"].text() == "2 lần bổ sung · 0 lần xin lỗi"


def test_resolve_then_return(qtbot, open_dialog, desk: Desk) -> None:
    code = _register(desk)
    dialog = open_dialog(desk, code)
    with qtbot.waitSignal(dialog.changed):
        _act(dialog, Act.RESOLVE)
    assert dialog.status_label.text() == "Có kết quả, chờ trả"
    assert dialog.countdown_label.text() == "Giải quyết trước hạn"
    assert dialog.fields["finished"].text() == "26/04/2024 09:00, trước hạn"
    assert dialog.result_row.accepting
    assert dialog.result_row.state.text() == "Đã có kết quả, chưa số hóa"
    QTest.mouseClick(dialog.act_buttons[Act.RETURN], Qt.MouseButton.LeftButton)
    type_text(dialog.note_edits[Act.RETURN], "Ông An nhận, đã ký sổ")
    with qtbot.waitSignal(dialog.changed):
        QTest.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert dialog.status_label.text() == "Đã trả kết quả"
    detail = desk.get(code)
    assert detail.summary.status is Status.RETURNED
    assert detail.events[-1].data["note"] == "Ông An nhận, đã ký sổ"


def test_handover_to_an_officer(open_dialog, desk: Desk) -> None:
    code = _register(desk)
    dialog = open_dialog(desk, code)
    QTest.mouseClick(dialog.act_buttons[Act.HANDOVER], Qt.MouseButton.LeftButton)
    QTest.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert dialog.act_error.text() == "Chọn cán bộ nhận hoặc ghi cơ quan, bộ phận nhận."
    box = dialog.handover_officer
    box.setCurrentIndex(box.findData("tuphap"))
    type_text(dialog.handover_body, "Công chức Tư pháp - Hộ tịch")
    QTest.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert dialog.status_label.text() == "Đang giải quyết"
    assert dialog.fields["officer"].text() == "Trần Văn Đức"
    last = desk.get(code).events[-1]
    assert (last.act, last.officer, last.data["to"]) == (
        Act.HANDOVER,
        "Nguyễn Thị Hồng Nhung",
        "tuphap",
    )
    assert dialog.timeline.item(1, 3).text() == (
        "Chuyển cho Trần Văn Đức — Công chức Tư pháp - Hộ tịch"
    )


def _set_new_due(dialog: DossierDialog, moment: datetime) -> None:
    dialog.apology_due.setDateTime(
        QDateTime(QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute))
    )


def test_apology_refuses_a_second_reappointment_without_an_override(
    open_dialog, desk: Desk
) -> None:
    code = _register(desk)
    dialog = open_dialog(desk, code)
    QTest.mouseClick(dialog.act_buttons[Act.APOLOGIZE], Qt.MouseButton.LeftButton)
    assert dialog.apology_due.displayFormat() == "dd/MM/yyyy HH:mm"
    assert dialog.override_edit.isHidden()
    type_text(dialog.apology_reason, "Chờ xác minh của Công an")
    _set_new_due(dialog, datetime(2024, 5, 8, 9, 0))
    QTest.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    s = desk.get(code).summary
    assert (s.apology_count, s.due_at) == (1, datetime(2024, 5, 8, 9, 0))
    assert dialog.fields["due"].text() == "08/05/2024 09:00"
    assert dialog.fields["original_due"].text() == "04/05/2024 09:00"
    assert not dialog.fields["original_due"].isHidden()
    assert dialog.appointment_label.text().startswith("Hẹn lại: còn")
    assert [p.windowTitle() for p in open_previews()] == [
        f"Phiếu xin lỗi và hẹn lại ngày trả kết quả — {code}"
    ]
    close_previews()

    # A second re-appointment: the rule's message, the override field, nothing recorded.
    QTest.mouseClick(dialog.act_buttons[Act.APOLOGIZE], Qt.MouseButton.LeftButton)
    assert dialog.override_edit.isHidden()
    type_text(dialog.apology_reason, "Lần hai")
    _set_new_due(dialog, datetime(2024, 5, 10, 9, 0))
    QTest.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert dialog.act_error.isVisible()
    assert "Chỉ được hẹn lại ngày trả kết quả một lần." in dialog.act_error.text()
    assert dialog.override_edit.isVisible()
    assert desk.get(code).summary.apology_count == 1
    # Still refused while the override reason is empty.
    QTest.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert desk.get(code).summary.apology_count == 1
    assert dialog.apology_reason.toPlainText() == "Lần hai"  # nothing typed is lost
    type_text(dialog.override_edit, "Chủ tịch UBND đồng ý bằng văn bản")
    QTest.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    detail = desk.get(code)
    assert detail.summary.apology_count == 2
    assert detail.summary.due_at == datetime(2024, 5, 10, 9, 0)
    assert detail.events[-1].data["override"] == "Chủ tịch UBND đồng ý bằng văn bản"
    assert detail.events[-1].data["broken_rules"] == ["Chỉ được hẹn lại ngày trả kết quả một lần."]
    assert dialog.act_error.isHidden() and dialog.form_box.isHidden()


def test_drop_a_scan_on_a_component_records_its_sha256(
    qtbot, open_dialog, desk: Desk, tmp_path: Path
) -> None:
    code = _register(desk)
    dialog = open_dialog(desk, code)
    scan = tmp_path / "to-khai.pdf"
    scan.write_bytes(b"%PDF-1.4 ban quet to khai")
    row = dialog.component_rows[0]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(scan))])
    enter = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    row.dragEnterEvent(enter)
    assert enter.isAccepted()
    with qtbot.waitSignal(dialog.changed):
        event = drop_files(row, [scan])
    assert event.isAccepted()
    component = desk.get(code).components[0]
    assert component.sha256 == hashlib.sha256(scan.read_bytes()).hexdigest()
    assert component.file_name == "to-khai.pdf"
    assert dialog.component_rows[0].state.text() == "✔ Đã số hóa 26/04/2024 09:00 — to-khai.pdf"
    assert dialog.component_rows[1].state.text() == "Chưa số hóa"
    assert dialog.timeline.item(1, 3).text() == "Thành phần 1: to-khai.pdf"


def test_result_takes_scans_only_once_it_exists(open_dialog, desk: Desk, tmp_path: Path) -> None:
    code = _register(desk)
    dialog = open_dialog(desk, code)
    scan = tmp_path / "giay-xac-nhan.pdf"
    scan.write_bytes(b"%PDF-1.4 ket qua")
    event = drop_files(dialog.result_row, [scan])
    assert not event.isAccepted()
    assert not desk.get(code).summary.result_digitized
    _act(dialog, Act.RESOLVE)
    drop_files(dialog.result_row, [scan])
    assert desk.get(code).summary.result_digitized
    assert dialog.result_row.state.text().startswith("✔ Đã số hóa 26/04/2024 09:00")


def test_a_refused_act_shows_the_message_and_changes_nothing(open_dialog, desk: Desk) -> None:
    code = _register(desk)
    dialog = open_dialog(desk, code)
    desk.resolve(code)  # another desk acted meanwhile; this page still offers a refusal
    QTest.mouseClick(dialog.act_buttons[Act.REFUSE], Qt.MouseButton.LeftButton)
    type_text(dialog.reason_edits[Act.REFUSE], "Không đủ điều kiện")
    QTest.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert dialog.act_error.text() == (
        "Không thể thực hiện 'Từ chối giải quyết' khi hồ sơ đang ở trạng thái "
        "'Có kết quả, chờ trả'."
    )
    assert dialog.form_box.isVisible()
    assert dialog.reason_edits[Act.REFUSE].toPlainText() == "Không đủ điều kiện"
    assert desk.get(code).summary.status is Status.RESULT_READY
    assert open_previews() == []
    # The page now shows the dossier as it is: result ready, "return" offered, refusal not.
    assert dialog.act_buttons[Act.RETURN].isVisible()
    assert not dialog.act_buttons[Act.REFUSE].isVisible()
    assert not dialog.confirm_button.isEnabled()


def test_print_receipt_and_control_slip(open_dialog, desk: Desk) -> None:
    code = _register(desk)
    dialog = open_dialog(desk, code)
    assert _slip_buttons(dialog) == []  # no supplement/apology/refusal yet
    QTest.mouseClick(dialog.print_buttons["receipt"], Qt.MouseButton.LeftButton)
    QTest.mouseClick(dialog.print_buttons["control"], Qt.MouseButton.LeftButton)
    previews = open_previews()
    assert sorted(p.windowTitle() for p in previews) == [
        f"Giấy tiếp nhận hồ sơ và hẹn trả kết quả — {code}",
        f"Phiếu kiểm soát quá trình giải quyết hồ sơ — {code}",
    ]
    assert all(p.document.pageCount() > 0 for p in previews)
    # Closing the dossier page closes its previews.
    dialog.close()
    assert open_previews() == []


def test_refusal_prints_its_slip(open_dialog, desk: Desk) -> None:
    code = _register(desk)
    dialog = open_dialog(desk, code)
    QTest.mouseClick(dialog.act_buttons[Act.REFUSE], Qt.MouseButton.LeftButton)
    type_text(dialog.reason_edits[Act.REFUSE], "Không thuộc thẩm quyền")
    QTest.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert dialog.status_label.text() == "Từ chối giải quyết"
    assert _slip_buttons(dialog) == ["Phiếu từ chối"]
    assert [p.windowTitle() for p in open_previews()] == [
        f"Phiếu từ chối tiếp nhận giải quyết hồ sơ — {code}"
    ]


def test_unknown_code_shows_the_message(open_dialog, desk: Desk) -> None:
    dialog = open_dialog(desk, "KHONG-CO")
    assert dialog.error_label.text() == "Không tìm thấy hồ sơ mã 'KHONG-CO'."
    assert all(button.isHidden() for button in dialog.act_buttons.values())


def test_threaded_acts(qtbot, open_dialog, desk: Desk) -> None:
    """The real path: loading and acts in the worker pool, answers back on the GUI thread."""
    code = _register(desk)
    dialog = open_dialog(desk, code, officer="tuphap", synchronous=False)
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=5000)
    qtbot.waitUntil(lambda: dialog.handover_officer.count() == 3, timeout=5000)
    QTest.mouseClick(dialog.act_buttons[Act.SUPPLEMENT_REQUEST], Qt.MouseButton.LeftButton)
    type_text(dialog.supplement_missing, "Giấy xác nhận cư trú")
    with qtbot.waitSignal(dialog.changed, timeout=10_000):
        QTest.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert dialog.status_label.text() == "Chờ bổ sung"
    assert desk.get(code).events[-1].officer == "Trần Văn Đức"
    qtbot.waitUntil(lambda: len(open_previews()) == 1, timeout=5000)
    worker.wait_all()


def test_every_slip_made_stays_printable(qtbot, open_dialog, desk: Desk) -> None:
    """After an apology the supplement slip can still be printed (and the apology slip)."""
    code = _register(desk)
    desk.request_supplement(code, missing=["Bản sao CCCD"], by="motcua")
    desk.receive_supplement(code, by="motcua")
    desk.apologize(code, reason="Chờ xác minh", new_due=datetime(2024, 5, 8, 9, 0), by="motcua")
    dialog = open_dialog(desk, code)
    assert _slip_buttons(dialog) == ["Phiếu bổ sung", "Phiếu xin lỗi"]
    qtbot.mouseClick(dialog.print_buttons["supplement"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.print_buttons["apology"], Qt.MouseButton.LeftButton)
    assert sorted(p.windowTitle() for p in open_previews()) == [
        f"Phiếu xin lỗi và hẹn lại ngày trả kết quả — {code}",
        f"Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ — {code}",
    ]
    close_previews()


def test_an_out_of_hours_dossier_shows_when_its_deadline_counts_from(
    open_dialog, make_desk
) -> None:
    desk = make_desk(datetime(2025, 7, 1, 9, 0))
    late = _register(desk, received_at=datetime(2025, 6, 30, 18, 0), channel=Channel.ONLINE)
    dialog = open_dialog(desk, late)
    assert dialog.fields["received"].text() == "30/06/2025 18:00 (tính hạn từ 01/07/2025 07:30)"
    in_hours = _register(desk, received_at=datetime(2025, 7, 1, 8, 0))
    assert open_dialog(desk, in_hours).fields["received"].text() == "01/07/2025 08:00"
