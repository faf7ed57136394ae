"""Đối chiếu với hệ thống điện tử — the reconciliation window (issue 13): choose the export of
the province's electronic one-stop system, see the five lists (one tab each, with its count),
open a dossier with a double-click, print or save the result as PDF, save it as XLSX.

The work (reading 100,000 rows, reading the desk) runs off the GUI thread through
``services.reconcile``; the tables keep only the texts of their cells."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mohao_desk.domain.reconcile import LISTS
from mohao_desk.domain.text import group_digits
from mohao_desk.ui.dialog_kit import MessageBanner, call_service, error_text
from mohao_desk.ui.screen import fit_to_screen

TITLES = {
    "missing_in_system": QT_TRANSLATE_NOOP("ReconcileDialog", "Chưa có trên hệ thống"),
    "finished_here_open_there": QT_TRANSLATE_NOOP(
        "ReconcileDialog", "Đã xong tại Bộ phận, còn mở trên hệ thống"
    ),
    "open_here_finished_there": QT_TRANSLATE_NOOP(
        "ReconcileDialog", "Còn mở tại Bộ phận, đã xong trên hệ thống"
    ),
    "due_differs": QT_TRANSLATE_NOOP("ReconcileDialog", "Hạn giải quyết khác nhau"),
    "unknown_here": QT_TRANSLATE_NOOP("ReconcileDialog", "Có trên hệ thống, không có tại Bộ phận"),
}
# The tabs' short names; the tool tip says the list's whole name.
TABS = {
    "missing_in_system": QT_TRANSLATE_NOOP("ReconcileDialog", "Chưa có trên hệ thống"),
    "finished_here_open_there": QT_TRANSLATE_NOOP("ReconcileDialog", "Xong ở đây, mở trên đó"),
    "open_here_finished_there": QT_TRANSLATE_NOOP("ReconcileDialog", "Mở ở đây, xong trên đó"),
    "due_differs": QT_TRANSLATE_NOOP("ReconcileDialog", "Hạn khác nhau"),
    "unknown_here": QT_TRANSLATE_NOOP("ReconcileDialog", "Không có tại Bộ phận"),
}
HEADERS = (
    QT_TRANSLATE_NOOP("ReconcileDialog", "Mã hồ sơ"),
    QT_TRANSLATE_NOOP("ReconcileDialog", "Thủ tục"),
    QT_TRANSLATE_NOOP("ReconcileDialog", "Người nộp"),
    QT_TRANSLATE_NOOP("ReconcileDialog", "Tiếp nhận"),
    QT_TRANSLATE_NOOP("ReconcileDialog", "Hạn tại Bộ phận"),
    QT_TRANSLATE_NOOP("ReconcileDialog", "Hạn trên hệ thống"),
    QT_TRANSLATE_NOOP("ReconcileDialog", "Tình trạng tại Bộ phận"),
    QT_TRANSLATE_NOOP("ReconcileDialog", "Tình trạng trên hệ thống"),
    QT_TRANSLATE_NOOP("ReconcileDialog", "Ghi chú"),
)
FILE_FILTER = QT_TRANSLATE_NOOP(
    "ReconcileDialog", "Danh sách hồ sơ của hệ thống (*.xlsx *.xls *.csv);;Mọi tệp (*)"
)


class EntriesModel(QAbstractTableModel):
    """One list: the cells' texts (services.reconcile.entry_cells) and each row's code and
    whether the desk has the dossier."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, ...]] = []
        self.here: list[bool] = []

    def set_rows(self, rows: list[tuple[str, ...]], here: list[bool]) -> None:
        self.beginResetModel()
        self.rows, self.here = rows, here
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == 0:
                if self.here[index.row()]:
                    return self.tr("Nhấp đúp để mở hồ sơ")
                return self.tr("Hồ sơ không có tại Bộ phận")
            return self.rows[index.row()][index.column()] or None  # a cut cell, whole
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(HEADERS[section])
        return None


class ReconcileDialog(QDialog):
    """Đối chiếu với hệ thống điện tử."""

    reconciled = Signal()  # the lists arrived (tests wait on it)

    def __init__(
        self, desk: Any, parent: QWidget | None = None, *, synchronous: bool = False
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.synchronous = synchronous
        self.result: Any = None
        self.path: Path | None = None
        self.setWindowTitle(self.tr("Đối chiếu với hệ thống điện tử"))
        self.banner = MessageBanner(self)
        intro = QLabel(
            self.tr(
                "Xuất danh sách hồ sơ của đơn vị từ hệ thống thông tin một cửa điện tử của tỉnh "
                "(Excel .xlsx, .xls hoặc .csv), rồi chọn tệp đó: chương trình so với hồ sơ tại "
                "Bộ phận và chỉ ra những chỗ khác nhau."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Chọn tệp…"), self)
        self.choose_button.clicked.connect(lambda _checked=False: self.choose_file())
        self.file_label = QLabel(self.tr("Chưa chọn tệp"), self)
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        self.period_box = QCheckBox(self.tr("Kỳ của danh sách “Chưa có trên hệ thống”: từ"), self)
        self.period_box.setToolTip(
            self.tr(
                "Hồ sơ tiếp nhận tại Bộ phận trong kỳ này mà tệp không có. Không đánh dấu: từ "
                "ngày tiếp nhận sớm nhất đến muộn nhất trong tệp. Các danh sách khác so mọi hồ "
                "sơ có trong tệp."
            )
        )
        now = desk.now().date()
        today = QDate(now.year, now.month, now.day)
        self.low_edit = QDateEdit(today.addMonths(-1), self)
        self.high_edit = QDateEdit(today, self)
        for edit in (self.low_edit, self.high_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setEnabled(False)
        self.period_box.toggled.connect(self.low_edit.setEnabled)
        self.period_box.toggled.connect(self.high_edit.setEnabled)
        self.columns_edit = QLineEdit(self)
        self.columns_edit.setPlaceholderText(self.tr("ví dụ: code=B,received=E,due=F,status=H"))
        self.columns_edit.setToolTip(
            self.tr(
                "Chỉ cần khi tệp ghi tiêu đề cột khác thường: cột mã hồ sơ (code), ngày tiếp "
                "nhận (received), hạn giải quyết (due), ngày hoàn thành (finished), trạng thái "
                "(status). Chương trình nhớ cho lần sau."
            )
        )
        self.reconcile_button = QPushButton(self.tr("Đối chiếu"), self)
        self.reconcile_button.setEnabled(False)
        self.reconcile_button.clicked.connect(lambda _checked=False: self.run())
        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)
        period = QHBoxLayout()
        period.addWidget(self.period_box)
        period.addWidget(self.low_edit)
        period.addWidget(QLabel(self.tr("đến"), self))
        period.addWidget(self.high_edit)
        period.addSpacing(16)
        period.addWidget(QLabel(self.tr("Cột:"), self))
        period.addWidget(self.columns_edit, 1)
        period.addWidget(self.reconcile_button)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.tabs = QTabWidget(self)
        self.models: dict[str, EntriesModel] = {}
        self.tables: dict[str, QTableView] = {}
        for key in LISTS:
            model = EntriesModel(self)
            table = QTableView(self.tabs)
            table.setModel(model)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            table.setAlternatingRowColors(True)
            table.setWordWrap(False)
            table.verticalHeader().setVisible(False)
            header = table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            header.setStretchLastSection(True)
            metrics = table.fontMetrics()
            samples = ("000.00.00.H00-000000-0000", "Cấp Giấy xác nhận tình trạng", "Nguyễn Văn An",
                       "00/00/0000 00:00", "00/00/0000 00:00", "00/00/0000 00:00",
                       "Có kết quả, chờ trả", "Đang xử lý",
                       "Trên hệ thống: quá 228 ngày 7 giờ (theo ngày làm việc)")  # fmt: skip
            for column, sample in enumerate(samples):
                wide = max(sample, self.tr(HEADERS[column]), key=metrics.horizontalAdvance)
                header.resizeSection(column, metrics.horizontalAdvance(wide) + 18)
            # The note (the system's countdown, the file's row, when the system says it
            # finished) is what a leader acts on: right after the code, never off-screen, in
            # the lists that have one.
            if key in ("finished_here_open_there", "open_here_finished_there", "unknown_here"):
                header.moveSection(len(HEADERS) - 1, 1)
            # A double-click emits doubleClicked and activated: listen to one (Enter too).
            table.activated.connect(lambda index, k=key: self.open_row(k, index.row()))
            self.models[key], self.tables[key] = model, table
            self.tabs.addTab(table, self.tr(TABS[key]))
            self.tabs.setTabToolTip(self.tabs.count() - 1, self.tr(TITLES[key]))
        self.pdf_button = QPushButton(self.tr("Xem, in PDF…"), self)
        self.pdf_button.setToolTip(self.tr("Xem bản in của kết quả đối chiếu, in hoặc lưu PDF"))
        self.xlsx_button = QPushButton(self.tr("Lưu XLSX…"), self)
        self.close_button = QPushButton(self.tr("Đóng"), self)
        self.pdf_button.clicked.connect(lambda _checked=False: self.show_pdf())
        self.xlsx_button.clicked.connect(lambda _checked=False: self.save_xlsx())
        self.close_button.clicked.connect(lambda _checked=False: self.close())
        for button in (self.pdf_button, self.xlsx_button):
            button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.xlsx_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.banner)
        layout.addLayout(top)
        layout.addLayout(period)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self._call(self._saved_columns, self.columns_edit.setText)
        fit_to_screen(self, 1180, 720)

    # ------------------------------------------------------------ work
    def _call(self, fn: Any, done: Any) -> None:
        call_service(self, self.synchronous, fn, done, self._failed)

    def _saved_columns(self) -> str:
        from mohao_desk.services.reconcile import saved_columns

        return saved_columns(self.desk)

    def _failed(self, exc: BaseException) -> None:
        """A refused file or reading: the last lists go (they are not this file's), so nothing
        of an earlier run can be printed as if it were this one."""
        self.reconcile_button.setEnabled(self.path is not None)
        self.result = None
        for index, key in enumerate(LISTS):
            self.models[key].set_rows([], [])
            self.tabs.setTabText(index, self.tr(TABS[key]))
        self.summary.setText("")
        self.pdf_button.setEnabled(False)
        self.xlsx_button.setEnabled(False)
        self.banner.show_error(error_text(exc))

    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Chọn danh sách hồ sơ của hệ thống"), "", self.tr(FILE_FILTER)
        )
        if not name:
            return
        self.path = Path(name)
        self.file_label.setText(self.path.name)
        self.file_label.setToolTip(str(self.path))
        self.reconcile_button.setEnabled(True)
        self.run()

    def period(self) -> tuple[date | None, date | None]:
        if not self.period_box.isChecked():
            return None, None
        return self.low_edit.date().toPython(), self.high_edit.date().toPython()

    def run(self) -> None:
        """Reconcile the chosen file (off the GUI thread); the lists replace the last ones."""
        if self.path is None:
            return
        from mohao_desk.services import reconcile

        path, (low, high) = self.path, self.period()
        columns = self.columns_edit.text().strip()
        desk = self.desk

        def work() -> Any:
            result = reconcile.reconcile_file(
                desk, path, low=low, high=high, columns=columns or None
            )
            # Remembered once it worked: a wrong one would spoil the next file.
            if columns != reconcile.saved_columns(desk):
                reconcile.save_columns(desk, columns)
            return result

        self.banner.clear_message()
        self.reconcile_button.setEnabled(False)
        self.summary.setText(self.tr("Đang đối chiếu %1 …").replace("%1", path.name))
        self._call(work, self._arrived)

    def _arrived(self, result: Any) -> None:
        from mohao_desk.services import reconcile

        self.result = result
        self.reconcile_button.setEnabled(True)
        for index, (key, entries) in enumerate(result.lists().items()):
            rows = [reconcile.entry_cells(key, e, result.due_has_times) for e in entries]
            self.models[key].set_rows(rows, [e.dossier_id is not None for e in entries])
            title = self.tr(TABS[key])
            self.tabs.setTabText(index, f"{title} ({group_digits(len(entries))})")
        low, high = result.period
        if not self.period_box.isChecked():  # show the period the file gave
            self.low_edit.setDate(QDate(low.year, low.month, low.day))
            self.high_edit.setDate(QDate(high.year, high.month, high.day))
        text = (
            self.tr(
                "Tệp %1: %2 hồ sơ; tại Bộ phận %3 hồ sơ tiếp nhận từ %4 đến %5. Nhấp đúp một "
                "dòng để mở hồ sơ."
            )
            .replace("%1", result.file_name)
            .replace("%2", group_digits(result.rows_read))
            .replace("%3", group_digits(result.desk_in_period))
            .replace("%4", f"{low:%d/%m/%Y}")
            .replace("%5", f"{high:%d/%m/%Y}")
        )
        notes = reconcile.notes(result)
        if notes:
            self.banner.show_warning("\n".join(notes))
        self.summary.setText(text)
        self.pdf_button.setEnabled(True)
        self.xlsx_button.setEnabled(True)
        first = next((i for i, k in enumerate(LISTS) if self.models[k].rows), 0)
        self.tabs.setCurrentIndex(first)
        parent = self.parent()
        if parent is not None and hasattr(parent, "reconciliation_changed"):
            parent.reconciliation_changed()
        self.reconciled.emit()

    # ------------------------------------------------------------ rows, files
    def open_row(self, key: str, row: int) -> None:
        model = self.models[key]
        if not 0 <= row < len(model.rows) or not model.here[row]:
            return
        parent = self.parent()
        if parent is not None and hasattr(parent, "open_dossier"):
            parent.open_dossier(model.rows[row][0])

    def _file_stem(self) -> str:
        low, high = self.result.period
        return f"doi-chieu-{low:%Y%m%d}-{high:%Y%m%d}"

    def show_pdf(self) -> None:
        if self.result is None:
            return
        from mohao_desk.services import reconcile
        from mohao_desk.ui.pdf_preview import show_pdf

        result, desk = self.result, self.desk
        title = self.tr("Kết quả đối chiếu với hệ thống điện tử")
        self._call(
            lambda: reconcile.render(desk, result, "pdf"),
            lambda pdf: show_pdf(self, pdf, title, self._file_stem() + ".pdf"),
        )

    def save_xlsx(self) -> None:
        if self.result is None:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Lưu kết quả đối chiếu"),
            self._file_stem() + ".xlsx",
            self.tr("Bảng tính Excel (*.xlsx)"),
        )
        if not name:
            return
        path = Path(name) if name.lower().endswith(".xlsx") else Path(name + ".xlsx")
        from mohao_desk.services import reconcile

        result, desk = self.result, self.desk

        def saved(written: Path) -> None:
            self.summary.setText(self.tr("Đã lưu %1").replace("%1", str(written)))

        self._call(lambda: reconcile.save(desk, result, "xlsx", path), saved)
