"""Đối chiếu với hệ thống điện tử, driven by clicks (issue 13): the tool button opens the
window, "Chọn tệp…" reconciles, the tabs show the five lists with their counts, a double-click
opens the dossier, the PDF preview and the XLSX file, the last reconciliation on the board and
its view "Chưa có trên hệ thống"."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
import shiboken6
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from mohao_desk.services.desk import Desk
from mohao_desk.ui.main_window import MainWindow
from mohao_desk.ui.reconcile_window import ReconcileDialog
from tests.ui.dialog_helpers import click_action, close, double_click_cell, open_previews

NOW = datetime(2024, 4, 26, 9, 0)  # the `desk` fixture's clock (a Friday)


@pytest.fixture
def codes(desk: Desk) -> list[str]:
    """Three dossiers received on Monday 22/04/2024; the first returned on Wednesday."""
    found = [
        desk.register(
            procedure_code="1.004873",
            applicant_name=name,
            received_at=datetime(2024, 4, 22, 8 + i),
        ).summary.code
        for i, name in enumerate(("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"))
    ]
    desk.resolve(found[0], at=datetime(2024, 4, 24, 9, 0))
    desk.return_result(found[0], at=datetime(2024, 4, 24, 10, 0))
    return found


def export(path: Path, codes: list[str]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["UBND TỈNH HƯNG YÊN"])
    sheet.merge_cells("A1:E1")
    sheet.append(["DANH SÁCH HỒ SƠ"])
    sheet.merge_cells("A2:E2")
    sheet.append(["STT", "Mã hồ sơ", "Ngày tiếp nhận", "Hạn giải quyết", "Trạng thái"])
    sheet.append([1, codes[0], datetime(2024, 4, 22, 8), datetime(2024, 4, 25, 8), "Đang xử lý"])
    sheet.append([2, codes[1], "22/04/2024 09:00", "25/04/2024 09:00", "Đang xử lý"])
    sheet.append([3, "000.17.22.H56-240422-0042", "22/04/2024 10:00", None, "Mới tiếp nhận"])
    book.save(path)
    return path


@pytest.fixture
def window(qtbot, desk: Desk, codes: list[str]) -> MainWindow:
    win = MainWindow(desk, synchronous=True)
    qtbot.addWidget(win)
    win.show()
    return win


def test_reconcile_by_clicks(
    qtbot, window: MainWindow, codes: list[str], tmp_path: Path, monkeypatch
) -> None:
    path = export(tmp_path / "he-thong.xlsx", codes)
    asked: list[str] = []

    def open_name(_parent, _title, _folder, filters, *args, **kwargs):
        asked.append(filters)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_name)
    assert not window.reconcile_label.isVisible()
    click_action(qtbot, window, window.reconcile_action)
    dialog = window.reconcile_dialog
    assert isinstance(dialog, ReconcileDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "Đối chiếu với hệ thống điện tử"
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert "*.xlsx *.xls *.csv" in asked[0]
    tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert tabs == [
        "Chưa có trên hệ thống (1)",
        "Xong ở đây, mở trên đó (1)",
        "Mở ở đây, xong trên đó (0)",
        "Hạn khác nhau (0)",
        "Không có tại Bộ phận (1)",
    ]
    assert dialog.tabs.tabToolTip(1) == "Đã xong tại Bộ phận, còn mở trên hệ thống"
    assert dialog.tabs.currentIndex() == 0
    assert dialog.summary.text().startswith("Tệp he-thong.xlsx: 3 hồ sơ; tại Bộ phận 3 hồ sơ")
    late = dialog.models["finished_here_open_there"].rows[0]
    assert (late[0], late[6], late[7]) == (codes[0], "Đã trả kết quả", "Đang xử lý")
    assert late[8].startswith("Trên hệ thống: quá ")
    dialog.grab().save(str(tmp_path / "doi-chieu.png"))
    dialog.tabs.setCurrentIndex(1)
    dialog.grab().save(str(tmp_path / "doi-chieu-2.png"))
    dialog.tabs.setCurrentIndex(0)

    # a double-click opens the dossier; a row the desk does not have opens nothing
    opened: list[str] = []
    window.dossier_opened.connect(opened.append)
    double_click_cell(dialog.tables["missing_in_system"], 0, 0)
    assert opened == [codes[2]]
    dialog.tabs.setCurrentIndex(4)
    double_click_cell(dialog.tables["unknown_here"], 0, 0)
    assert opened == [codes[2]]
    for page in list(window.dossier_pages.values()):
        close(page)

    # print / save PDF, save XLSX
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    previews = open_previews()
    assert [p.windowTitle() for p in previews] == ["Kết quả đối chiếu với hệ thống điện tử"]
    assert previews[0].file_name == "doi-chieu-20240422-20240422.pdf"
    target = tmp_path / "ket-qua"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    qtbot.mouseClick(dialog.xlsx_button, Qt.MouseButton.LeftButton)
    book = load_workbook(tmp_path / "ket-qua.xlsx", read_only=True)
    assert book.sheetnames[0] == "Tổng hợp"
    book.close()

    # the board: the last reconciliation, and its view
    assert window.reconcile_label.isVisible()
    assert "tệp he-thong.xlsx" in window.reconcile_label.text()
    assert "chưa có trên hệ thống: 1</a>" in window.reconcile_label.text()
    window.reconcile_label.linkActivated.emit("not-in-system")
    assert window.current_view() == "not-in-system"
    assert window.views.currentItem().text() == "Chưa có trên hệ thống  (1)"
    assert [window.model.summary_at(r).code for r in range(window.model.rowCount())] == [codes[2]]
    window.grab().save(str(tmp_path / "bang.png"))
    close(dialog)
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()


def test_a_refused_file_says_why_in_the_window(
    qtbot, window: MainWindow, codes: list[str], tmp_path: Path, monkeypatch
) -> None:
    bad = tmp_path / "sai.csv"
    bad.write_text(f"Mã hồ sơ;Ngày nộp\n{codes[0]};hôm qua\n", "utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(bad), ""))
    click_action(qtbot, window, window.reconcile_action)
    dialog = window.reconcile_dialog
    assert isinstance(dialog, ReconcileDialog)
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.banner.isVisible()
    assert "Dòng 2, cột B ('Ngày nộp'): 'hôm qua' không phải ngày tháng" in dialog.banner.text()
    assert dialog.result is None and not dialog.pdf_button.isEnabled()
    assert not window.reconcile_label.isVisible()
    close(dialog)


def test_a_failed_run_after_a_good_one_leaves_nothing_to_print_and_no_bad_columns(
    qtbot, window: MainWindow, codes: list[str], tmp_path: Path, monkeypatch
) -> None:
    """Fresh-eyes finding: after a good file, a run with a wrong "Cột" failed but left the good
    file's lists printable and remembered the wrong columns, which then spoiled the next file."""
    path = export(tmp_path / "he-thong.xlsx", codes)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))
    click_action(qtbot, window, window.reconcile_action)
    dialog = window.reconcile_dialog
    assert isinstance(dialog, ReconcileDialog)
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.pdf_button.isEnabled() and dialog.models["unknown_here"].rows
    # the file's own period is shown in the boxes (not a month back from today)
    assert dialog.low_edit.date().toString("dd/MM/yyyy") == "22/04/2024"
    # the note column is right after the code
    header = dialog.tables["finished_here_open_there"].horizontalHeader()
    assert header.logicalIndex(1) == 8
    dialog.columns_edit.setText("code=Z,due=Q")
    qtbot.mouseClick(dialog.reconcile_button, Qt.MouseButton.LeftButton)
    assert dialog.banner.isVisible()
    assert dialog.result is None
    assert not dialog.pdf_button.isEnabled() and not dialog.xlsx_button.isEnabled()
    assert all(not m.rows for m in dialog.models.values())
    assert dialog.tabs.tabText(0) == "Chưa có trên hệ thống"
    close(dialog)
    # reopened: the wrong columns were not remembered, the file reconciles again
    click_action(qtbot, window, window.reconcile_action)
    again = window.reconcile_dialog
    assert isinstance(again, ReconcileDialog)
    assert again.columns_edit.text() == ""
    qtbot.mouseClick(again.choose_button, Qt.MouseButton.LeftButton)
    assert again.result is not None and not again.banner.isVisible()
    close(again)
