"""The letterhead of each legal regime and the officers' phones, set in the settings window's
unit and officers tabs through their widgets, then read back from the forms the desk prints
(real PDFs) and from the services."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import datetime

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QWidget

from mohao_desk.services.desk import Desk
from mohao_desk.services.documents import DocumentService
from mohao_desk.services.settings import list_officers, unit_settings
from mohao_desk.ui.settings_dialog import SettingsDialog
from tests.ui.dialog_helpers import close, type_text

PROVINCE = "Ủy ban nhân dân tỉnh Hưng Yên"


@pytest.fixture
def dialog(qtbot, desk: Desk) -> Iterator[SettingsDialog]:
    dialog = SettingsDialog(desk, synchronous=True)
    with qtbot.waitActive(dialog):
        dialog.show()
    yield dialog
    close(dialog)


def click(qtbot, button: QAbstractButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def retype(widget: QWidget, text: str) -> None:
    widget.clear()  # type: ignore[attr-defined]
    type_text(widget, text)


def open_tab(qtbot, dialog: SettingsDialog, title: str) -> None:
    bar = dialog.tabs.tabBar()
    index = dialog.tab_titles().index(title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def flat(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


def test_unit_tab_sets_the_province_and_each_regimes_letterhead(
    qtbot, dialog: SettingsDialog, desk: Desk
) -> None:
    tab = dialog.unit_tab
    assert tab is not None
    open_tab(qtbot, dialog, "Đơn vị")
    assert sorted(tab.parent_edits) == ["A", "B"]
    # Defaults show greyed in empty fields: A the unit's parent body, B the province.
    assert tab.parent_edits["A"].text() == ""
    assert tab.parent_edits["A"].placeholderText() == "Ủy ban nhân dân thị xã Mỹ Hào"
    assert tab.upstream_edits["B"].placeholderText() == "Ủy ban nhân dân tỉnh"
    assert tab.province_edit.placeholderText().startswith("Ví dụ:")
    type_text(tab.province_edit, PROVINCE)
    type_text(tab.upstream_edits["B"], "Văn phòng UBND tỉnh Hưng Yên")
    click(qtbot, tab.save_button)
    assert tab.banner.text() == "Đã lưu thông tin đơn vị."
    settings = unit_settings(desk.db)
    assert (settings.province_name, settings.province_set) == (PROVINCE, True)
    b = settings.letterheads[1]
    assert (b.regime, b.parent_name, b.parent_set) == ("B", PROVINCE, False)
    assert (b.upstream, b.upstream_set) == ("Văn phòng UBND tỉnh Hưng Yên", True)
    assert tab.parent_edits["B"].placeholderText() == PROVINCE  # the new default shows
    # A regime-B dossier's receipt prints the province; a regime-A one the town.
    later = Desk(desk.db, clock=lambda: datetime(2025, 8, 4, 9, 0))
    code_b = later.register(procedure_code="1.004873", applicant_name="Lê Văn Hùng").summary.code
    code_a = desk.register(procedure_code="1.004873", applicant_name="Bùi Văn Long").summary.code
    service = DocumentService(later)
    assert "ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN" in flat(service.render("receipt", code_b))
    text_a = flat(service.render("receipt", code_a))
    assert "ỦY BAN NHÂN DÂN THỊ XÃ MỸ HÀO" in text_a and "TỈNH HƯNG YÊN" not in text_a


def test_unit_tab_refuses_a_long_name_and_saves_nothing(
    qtbot, dialog: SettingsDialog, desk: Desk
) -> None:
    tab = dialog.unit_tab
    assert tab is not None
    open_tab(qtbot, dialog, "Đơn vị")
    retype(tab.place_edit, "Nơi khác")
    tab.parent_edits["B"].setText("Ủy ban nhân dân " * 12)  # 192 characters
    click(qtbot, tab.save_button)
    assert "dài quá 150 ký tự" in tab.banner.text()
    settings = unit_settings(desk.db)
    assert settings.place_name == "Mỹ Hào" and not settings.letterheads[1].parent_set


def test_officers_tab_sets_the_phone_the_supplement_slip_prints(
    qtbot, dialog: SettingsDialog, desk: Desk, clock
) -> None:
    tab = dialog.officers_tab
    assert tab is not None
    open_tab(qtbot, dialog, "Cán bộ")
    type_text(tab.new_username, "vhxh")
    type_text(tab.new_name, "Phạm Thị Mai")
    type_text(tab.new_phone, "0221 3868 123")
    click(qtbot, tab.add_button)
    assert tab.table.item(2, 3).text() == "0221 3868 123"
    tab.table.selectRow(1)  # tuphap
    assert tab.edit_phone.text() == ""
    retype(tab.edit_phone, "09ab")
    click(qtbot, tab.update_button)
    assert tab.banner.text() == "Số điện thoại '09ab' không hợp lệ."
    retype(tab.edit_phone, "0912 345 678")
    click(qtbot, tab.update_button)
    assert [o.phone for o in list_officers(desk.db)] == ["", "0912 345 678", "0221 3868 123"]
    code = desk.register(procedure_code="1.004873", applicant_name="Nguyễn Văn Đức").summary.code
    clock.now = datetime(2024, 4, 26, 10, 0)
    desk.request_supplement(code, missing=["Tờ khai ký lại"], by="tuphap")
    text = flat(DocumentService(desk).render("supplement", code))
    assert "liên hệ với Trần Văn Đức, số điện thoại 0912 345 678 để được hướng dẫn" in text
