"""Từ chối tiếp nhận tại quầy: the officer refuses a request at the counter (no dossier is
created) and prints Mẫu 03; and the list of those refusals for a range of days."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mohao_desk.domain.catalog import Procedure
from mohao_desk.domain.text import fold
from mohao_desk.ui.dialog_kit import MessageBanner, call_service, error_text
from mohao_desk.ui.screen import fit_to_screen


class CounterRefusalDialog(QDialog):
    """The refusal form: procedure, applicant, reasons (one per line)."""

    refused = Signal(int)  # the refusal's id: print its slip

    def __init__(self, desk: Any, parent: QWidget | None = None, *, synchronous: bool = False):
        super().__init__(parent)
        from mohao_desk.services.counter import CounterService

        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.service = CounterService(desk)
        self.synchronous = synchronous
        self.setWindowTitle(self.tr("Từ chối tiếp nhận hồ sơ tại quầy"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Hồ sơ không đủ điều kiện tiếp nhận: ghi lý do và in Phiếu từ chối tiếp nhận "
                "(Mẫu 03) cho người nộp. Không tạo hồ sơ, không tính vào số hồ sơ tiếp nhận."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.procedure_search = QLineEdit(self)
        self.procedure_search.setPlaceholderText(
            self.tr("Gõ một phần tên thủ tục (có dấu hoặc không dấu) hoặc mã thủ tục…")
        )
        self.procedure_search.setClearButtonEnabled(True)
        self.procedure_search.textChanged.connect(self.filter_procedures)
        self.procedure_list = QListWidget(self)
        self.procedure_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.procedure_list.setFixedHeight(110)
        search_label = QLabel(self.tr("&Thủ tục:"), self)
        search_label.setBuddy(self.procedure_search)
        layout.addWidget(search_label)
        layout.addWidget(self.procedure_search)
        layout.addWidget(self.procedure_list)
        form = QFormLayout()
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("Bắt buộc"))
        self.address_edit = QLineEdit(self)
        self.phone_edit = QLineEdit(self)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setPlaceholderText(self.tr("Mỗi lý do một dòng (bắt buộc)"))
        self.reason_edit.setTabChangesFocus(True)
        # An error shown for a missing field goes once the officer types.
        for edit in (self.name_edit, self.address_edit, self.phone_edit):
            edit.textChanged.connect(lambda _text: self.banner.clear_message())
        self.reason_edit.textChanged.connect(lambda: self.banner.clear_message())
        self.procedure_search.textChanged.connect(lambda _text: self.banner.clear_message())
        form.addRow(self.tr("&Họ và tên:"), self.name_edit)
        form.addRow(self.tr("Đị&a chỉ:"), self.address_edit)
        form.addRow(self.tr("Điện th&oại:"), self.phone_edit)
        form.addRow(self.tr("&Lý do từ chối:"), self.reason_edit)
        layout.addLayout(form, 1)
        self.banner = MessageBanner(self)
        layout.addWidget(self.banner)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("Ghi nhận và in phiếu"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(lambda _checked=False: self.save())
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.procedures: list[Procedure] = []
        fit_to_screen(self, 640, 560)
        call_service(self, synchronous, desk.procedures, self._arrived, self._failed)

    def _arrived(self, procedures: list[Procedure]) -> None:
        self.procedures = list(procedures)
        self.procedure_list.clear()
        for procedure in self.procedures:
            item = QListWidgetItem(f"{procedure.name}   ({procedure.code})")
            item.setData(Qt.ItemDataRole.UserRole, procedure.code)
            item.setData(Qt.ItemDataRole.UserRole + 1, fold(f"{procedure.name} {procedure.code}"))
            self.procedure_list.addItem(item)
        self.filter_procedures(self.procedure_search.text())

    def filter_procedures(self, text: str) -> None:
        words = fold(text).split()
        first = -1
        for row in range(self.procedure_list.count()):
            item = self.procedure_list.item(row)
            visible = all(w in str(item.data(Qt.ItemDataRole.UserRole + 1)) for w in words)
            item.setHidden(not visible)
            if visible and first < 0:
                first = row
        current = self.procedure_list.currentRow()
        if current < 0 or self.procedure_list.item(current).isHidden():
            self.procedure_list.setCurrentRow(first)

    def current_code(self) -> str | None:
        item = self.procedure_list.currentItem()
        if item is None or item.isHidden():
            return None
        return str(item.data(Qt.ItemDataRole.UserRole))

    def save(self) -> None:
        code = self.current_code()
        if code is None:
            self.banner.show_error(self.tr("Chọn thủ tục người nộp yêu cầu."))
            self.procedure_search.setFocus()
            return
        values = {
            "procedure_code": code,
            "applicant_name": self.name_edit.text(),
            "address": self.address_edit.text(),
            "phone": self.phone_edit.text(),
            "reason": self.reason_edit.toPlainText(),
        }
        self.save_button.setEnabled(False)
        call_service(
            self,
            self.synchronous,
            lambda: self.service.refuse(**values),
            self._saved,
            self._save_failed,
        )

    def _saved(self, refusal: Any) -> None:
        self.refused.emit(refusal.id)
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.banner.show_error(error_text(exc))

    def _failed(self, exc: BaseException) -> None:
        self.banner.show_error(error_text(exc))


class CounterRefusalList(QDialog):
    """The refusals at the counter of a range of days, with their count; a slip can be printed
    again (double-click or "In lại phiếu")."""

    reprint = Signal(int)

    def __init__(
        self,
        desk: Any,
        start: date,
        end: date,
        parent: QWidget | None = None,
        *,
        synchronous: bool = False,
    ):
        super().__init__(parent)
        from mohao_desk.services.counter import CounterService

        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.service = CounterService(desk)
        self.setWindowTitle(
            self.tr("Từ chối tiếp nhận tại quầy từ %1 đến %2")
            .replace("%1", f"{start:%d/%m/%Y}")
            .replace("%2", f"{end:%d/%m/%Y}")
        )
        layout = QVBoxLayout(self)
        self.count_label = QLabel(self)
        self.count_label.setWordWrap(True)
        layout.addWidget(self.count_label)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Số phiếu"),
                self.tr("Thời điểm"),
                self.tr("Thủ tục"),
                self.tr("Người nộp"),
                self.tr("Cán bộ"),
                self.tr("Lý do"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.print_selected())
        layout.addWidget(self.table, 1)
        self.banner = MessageBanner(self)
        layout.addWidget(self.banner)
        buttons = QDialogButtonBox(self)
        self.print_button = QPushButton(self.tr("In lại phiếu"), self)
        self.print_button.clicked.connect(lambda _checked=False: self.print_selected())
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.tr("Đóng"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.ids: list[int] = []
        fit_to_screen(self, 900, 480)
        call_service(
            self, synchronous, lambda: self.service.between(start, end), self._arrived, self._failed
        )

    def _arrived(self, refusals: list[Any]) -> None:
        self.count_label.setText(
            self.tr(
                "%n lượt từ chối tiếp nhận tại quầy (không phải hồ sơ: không tính vào số hồ sơ "
                "tiếp nhận, giải quyết trong báo cáo).",
                "",
                len(refusals),
            )
        )
        self.ids = [r.id for r in refusals]
        self.table.setRowCount(len(refusals))
        for row, r in enumerate(refusals):
            cells = [
                r.reference,
                f"{r.at:%d/%m/%Y %H:%M}",
                f"{r.procedure} ({r.procedure_code})",
                r.applicant,
                r.officer,
                r.reason.replace("\n", "; "),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        for column, widest in ((2, 220), (3, 160), (4, 160)):  # the reasons get the room
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), widest))
        self.print_button.setEnabled(bool(refusals))
        if refusals:
            self.table.selectRow(0)

    def print_selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.ids):
            self.reprint.emit(self.ids[row])

    def _failed(self, exc: BaseException) -> None:
        self.banner.show_error(error_text(exc))
