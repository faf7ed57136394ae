"""The PDF preview: pages load, "Lưu PDF" writes the same bytes, "In" prints every page."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest

from mohao_desk.services.desk import Desk
from mohao_desk.services.documents import DocumentService
from mohao_desk.ui.pdf_preview import PdfPreviewDialog, show_pdf
from tests.ui.dialog_helpers import close


@pytest.fixture
def receipt(desk: Desk) -> bytes:
    code = desk.register(
        procedure_code="1.004873",
        applicant_name="Nguyễn Văn An",
        received_at=datetime(2024, 4, 26, 9, 0),
    ).summary.code
    return DocumentService(desk).render("receipt", code)


def test_preview_loads_pages_and_is_not_modal(qtbot, receipt: bytes) -> None:
    dialog = show_pdf(None, receipt, "Giấy tiếp nhận hồ sơ", "giay-tiep-nhan.pdf")
    try:
        assert isinstance(dialog, PdfPreviewDialog)
        assert dialog.isVisible() and not dialog.isModal()
        assert dialog.document.status() is QPdfDocument.Status.Ready
        assert dialog.document.pageCount() > 0
        assert dialog.view.document() is dialog.document
        assert dialog.windowTitle() == "Giấy tiếp nhận hồ sơ"
        assert [
            b.text() for b in (dialog.print_button, dialog.save_button, dialog.close_button)
        ] == [
            "In…",
            "Lưu PDF…",
            "Đóng",
        ]
    finally:
        close(dialog)


def test_save_to_writes_identical_bytes(qtbot, receipt: bytes, tmp_path: Path) -> None:
    dialog = show_pdf(None, receipt, "Giấy tiếp nhận", "giay.pdf")
    try:
        target = tmp_path / "giay-tiep-nhan.pdf"
        dialog.save_to(target)
        assert target.read_bytes() == receipt
    finally:
        close(dialog)


def test_save_button_asks_for_a_name_with_the_default_file_name(
    qtbot, receipt: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = {}

    def fake_dialog(parent, caption, start, filters):
        asked["start"] = start
        return str(tmp_path / "chon"), filters  # no extension typed: .pdf is added

    monkeypatch.setattr("mohao_desk.ui.pdf_preview.QFileDialog.getSaveFileName", fake_dialog)
    dialog = show_pdf(None, receipt, "Giấy tiếp nhận", "giay-tiep-nhan-X.pdf")
    try:
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert asked["start"].endswith("giay-tiep-nhan-X.pdf")
        assert (tmp_path / "chon.pdf").read_bytes() == receipt
    finally:
        close(dialog)


def test_print_to_a_pdf_printer_renders_every_page(qtbot, receipt: bytes, tmp_path: Path) -> None:
    dialog = show_pdf(None, receipt, "Giấy tiếp nhận", "giay.pdf")
    try:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        output = tmp_path / "printed.pdf"
        printer.setOutputFileName(str(output))
        printed = dialog.print_to(printer)
        assert printed == dialog.document.pageCount()
        data = output.read_bytes()
        assert data.startswith(b"%PDF")
        assert len(pypdf.PdfReader(output).pages) == printed
        # The page is really drawn: a rasterised A4 page is far bigger than an empty one.
        assert len(data) > 20_000
    finally:
        close(dialog)


def test_close_button_closes_the_preview(qtbot, receipt: bytes) -> None:
    dialog = show_pdf(None, receipt, "Giấy tiếp nhận", "giay.pdf")
    QTest.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
