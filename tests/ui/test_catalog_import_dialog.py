"""The catalog tab imports a province's .xlsx list through a preview: the dialog lists what is
new, what changes (each field before → after) and what stays; "Hủy" leaves the catalog as it
was, "Áp dụng" writes it. Driven with real clicks on the real widgets, read back through the
services."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QFileDialog

from mohao_desk.services.desk import Desk
from mohao_desk.ui.catalog_preview import CatalogPreviewDialog
from mohao_desk.ui.settings_dialog import SettingsDialog
from tests.catalog_workbook import SECTIONS, province_workbook
from tests.ui.dialog_helpers import answer_next_dialog, close, type_text


@pytest.fixture
def dialog(qtbot, desk: Desk) -> Iterator[SettingsDialog]:
    dialog = SettingsDialog(desk, synchronous=True)
    with qtbot.waitActive(dialog):
        dialog.show()
    bar = dialog.tabs.tabBar()
    index = dialog.tab_titles().index("Thủ tục")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    yield dialog
    close(dialog)


@pytest.fixture
def changes(dialog: SettingsDialog) -> list[str]:
    seen: list[str] = []
    dialog.changed.connect(seen.append)
    return seen


def click(qtbot, button: QAbstractButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def choose(monkeypatch: pytest.MonkeyPatch, path: Path, filters: list[str]) -> None:
    def answer(parent, caption, folder, shown):  # type: ignore[no-untyped-def]
        filters.append(shown)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", answer)


def test_cancel_in_the_preview_changes_nothing(
    qtbot, dialog: SettingsDialog, desk: Desk, tmp_path: Path, monkeypatch, changes: list[str]
) -> None:
    tab = dialog.catalog_tab
    before = desk.procedures()
    filters: list[str] = []
    choose(monkeypatch, province_workbook(tmp_path / "danh-muc.xlsx"), filters)
    seen: dict[str, object] = {}

    def look_and_cancel(preview: CatalogPreviewDialog) -> None:
        assert isinstance(preview, CatalogPreviewDialog)
        seen["title"] = preview.windowTitle()
        seen["summary"] = preview.summary.text()
        seen["added"] = preview.rows(0)
        seen["changed"] = preview.rows(1)
        seen["default"] = preview.cancel_button.isDefault()
        preview.grab().save(str(tmp_path / "preview.png"))
        click(qtbot, preview.cancel_button)

    answer_next_dialog(look_and_cancel)
    click(qtbot, tab.import_button)
    assert "*.xlsx" in filters[0] and "*.json" in filters[0]
    assert seen["title"] == "Xem trước thay đổi danh mục thủ tục"
    assert seen["summary"] == (
        "Tệp danh-muc.xlsx: 2 thủ tục mới, 5 thủ tục thay đổi, 0 thủ tục không đổi."
    )
    assert seen["added"] == [
        ["1.999100", "Hỗ trợ thử nghiệm của tỉnh", "Bảo trợ xã hội · 1 tháng"],
        ["1.999101", "Xác nhận thử nghiệm của tỉnh", "Bảo trợ xã hội · 10 ngày"],
    ]
    changed = seen["changed"]
    assert [
        "1.004873",
        "Cấp Giấy xác nhận tình trạng hôn nhân",
        "Căn cứ pháp lý, Ghi chú, phí, lệ phí",
    ] in changed
    # Before and after each on a row of its own (a long old value never hides the new one).
    note = changed.index(["", "Ghi chú, phí, lệ phí", "Trước: (trống)"])
    assert changed[note + 1] == ["", "", "Sau: Phí, lệ phí: 15.000 đồng/trường hợp"]
    basis = changed.index(["", "Căn cứ pháp lý", "Trước: Nghị định 123/2015/NĐ-CP, Điều 22"])
    assert changed[basis + 1] == ["", "", "Sau: Nghị định số 123/2015/NĐ-CP"]
    assert seen["default"] is True  # Enter cancels
    assert tab.banner.text() == "Chưa áp dụng tệp danh-muc.xlsx: danh mục giữ nguyên."
    assert desk.procedures() == before
    assert changes == []


def test_apply_writes_the_list_and_the_tab_shows_it(
    qtbot, dialog: SettingsDialog, desk: Desk, tmp_path: Path, monkeypatch, changes: list[str]
) -> None:
    tab = dialog.catalog_tab
    total = len(desk.procedures())
    workbook = province_workbook(tmp_path / "danh-muc.xlsx")
    choose(monkeypatch, workbook, [])
    answer_next_dialog(lambda preview: click(qtbot, preview.apply_button))
    click(qtbot, tab.import_button)
    assert tab.banner.text() == "Đã cập nhật 7 thủ tục từ tệp danh-muc.xlsx."
    assert changes == ["catalog"]
    assert len(tab.procedures) == total + 2
    type_text(tab.search, "tinh trang hon nhan")
    assert tab.visible_codes() == ["1.004873"]
    detail = tab.detail.toPlainText()
    assert "Phí, lệ phí: Lệ phí: 5.000 đồng/trường hợp" in detail
    assert "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân" in detail  # components kept
    # the same file again: nothing to apply, no preview
    click(qtbot, tab.import_button)
    assert (
        tab.banner.text()
        == "Tệp danh-muc.xlsx không thay đổi gì trong danh mục (7 thủ tục như cũ)."
    )
    assert changes == ["catalog"]


def test_a_wrong_row_is_refused_without_a_preview(
    qtbot, dialog: SettingsDialog, desk: Desk, tmp_path: Path, monkeypatch, changes: list[str]
) -> None:
    tab = dialog.catalog_tab
    before = desk.procedures()
    title, rows = SECTIONS[0]
    bad = [(title, [*rows, (None, "Đăng ký kết hôn", "Trong ngày", "", "")])]
    choose(monkeypatch, province_workbook(tmp_path / "sai.xlsx", bad), [])
    click(qtbot, tab.import_button)
    assert tab.banner.text() == "Dòng 12: thiếu mã của thủ tục 'Đăng ký kết hôn'."
    assert desk.procedures() == before and changes == []
    hostile = tmp_path / "hong.xlsx"
    hostile.write_bytes(b"PK\x03\x04 not really a zip")
    choose(monkeypatch, hostile, [])
    click(qtbot, tab.import_button)
    assert tab.banner.text() == f"Tệp Excel '{hostile}' bị hỏng, không đọc được."
    assert desk.procedures() == before and changes == []
