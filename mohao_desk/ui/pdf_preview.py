"""On-screen preview of a PDF (slips, daily list, register book) with print and save.

The preview is non-modal: an officer may keep a slip open while serving the next person."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QKeySequence, QPageLayout, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.os_errors import os_error
from mohao_desk.ui.dialog_kit import error_text
from mohao_desk.ui.screen import fit_to_screen

# Pages are rasterised for printing; above this resolution an A4 page image would cost more
# memory than a modest office PC should spend on it (A4 at 300 dpi is ~35 MB).
MAX_PRINT_DPI = 300


class PdfPreviewDialog(QDialog):
    """A PDF on screen, with "In…", "Lưu PDF…" and "Đóng"."""

    def __init__(
        self, pdf: bytes, title: str, file_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(title)
        self.pdf = bytes(pdf)
        self.file_name = file_name

        # QPdfDocument reads from the device as it needs: the buffer lives as long as we do.
        self._bytes = QByteArray(self.pdf)
        self._buffer = QBuffer(self)
        self._buffer.setData(self._bytes)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)

        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)

        self.pages_label = QLabel(self)
        count = self.document.pageCount()
        self.pages_label.setText(self.tr("%n trang", "", count).replace("%n", str(count)))
        self.print_button = QPushButton(self.tr("In…"), self)
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.setToolTip(self.tr("In ra máy in (Ctrl+P)"))
        self.save_button = QPushButton(self.tr("Lưu PDF…"), self)
        self.save_button.setToolTip(self.tr("Lưu thành tệp PDF (Ctrl+S)"))
        QShortcut(QKeySequence.StandardKey.Save, self, self.ask_save)
        self.close_button = QPushButton(self.tr("Đóng"), self)
        for button in (self.print_button, self.save_button, self.close_button):
            button.setAutoDefault(False)
            button.setMinimumWidth(110)
        self.print_button.clicked.connect(self.ask_print)
        self.save_button.clicked.connect(self.ask_save)
        self.close_button.clicked.connect(self.close)

        buttons = QHBoxLayout()
        buttons.addWidget(self.pages_label)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.print_button.setFocus()
        fit_to_screen(self, 860, 980)

    # ------------------------------------------------------------ printing
    def ask_print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        # The print-to-file name Qt suggests is the document's name: the slip's file name
        # (its dots would be taken for an extension), not the window title.
        printer.setDocName(Path(self.file_name).stem.replace(".", "-"))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("In %1").replace("%1", self.windowTitle()))
        dialog.setMinMax(1, max(1, self.document.pageCount()))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Print every page (or the range chosen in the print dialog); returns pages printed.

        Each page is rendered at the printer's resolution (at most :data:`MAX_PRINT_DPI`) and
        drawn to fill the printable page, in the page's own orientation."""
        count = self.document.pageCount()
        first, last = 0, count - 1
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first = max(0, printer.fromPage() - 1)
            last = min(count - 1, (printer.toPage() or count) - 1)
        pages = list(range(first, last + 1))
        if not pages:
            return 0
        self._orient(printer, pages[0])
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(
                self, self.tr("Không in được"), self.tr("Không mở được máy in đã chọn.")
            )
            return 0
        try:
            for n, page in enumerate(pages):
                if n:
                    self._orient(printer, page)
                    printer.newPage()
                self._draw_page(painter, printer, page)
        finally:
            painter.end()
        return len(pages)

    def _orient(self, printer: QPrinter, page: int) -> None:
        size = self.document.pagePointSize(page)
        landscape = size.width() > size.height()
        printer.setPageOrientation(
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        )

    def _draw_page(self, painter: QPainter, printer: QPrinter, page: int) -> None:
        points = self.document.pagePointSize(page)
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        pixels = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
        rendered = self.document.render(page, pixels)
        # QtPdf renders on a transparent background: put the page on white paper.
        image = QImage(pixels, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        with_page = QPainter(image)
        with_page.drawImage(0, 0, rendered)
        with_page.end()
        target = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
        target.moveTo(0, 0)
        scale = min(target.width() / pixels.width(), target.height() / pixels.height())
        width, height = pixels.width() * scale, pixels.height() * scale
        painter.drawImage(
            QRectF(target.x() + (target.width() - width) / 2, target.y(), width, height), image
        )

    # -------------------------------------------------------------- saving
    last_folder: str = ""  # where the officer saved the last PDF (this session)

    def ask_save(self) -> None:
        start = str(Path(PdfPreviewDialog.last_folder or Path.home()) / self.file_name)
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Lưu PDF"), start, self.tr("Tệp PDF (*.pdf)")
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            self.save_to(Path(path))
            PdfPreviewDialog.last_folder = str(Path(path).parent)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Không lưu được"),
                error_text(
                    DeskError(
                        "Không lưu được tệp '{path}': {error}.", path=path, error=os_error(exc)
                    )
                ),
            )

    def save_to(self, path: Path | str) -> None:
        """Write the PDF's bytes, unchanged, to ``path``."""
        Path(path).write_bytes(self.pdf)


def show_pdf(parent: QWidget | None, pdf: bytes, title: str, file_name: str) -> PdfPreviewDialog:
    """Show ``pdf`` in a non-modal preview window and return it (it deletes itself on close).

    One preview per document: a preview of the same title already open is replaced, in its
    place, by the fresh one (no second copy stacked on the first)."""
    from PySide6.QtWidgets import QApplication

    old = next(
        (
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, PdfPreviewDialog) and w.isVisible() and w.windowTitle() == title
        ),
        None,
    )
    dialog = PdfPreviewDialog(pdf, title, file_name, parent)
    if old is not None:
        dialog.setGeometry(old.geometry())
        old.close()
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
