"""Choosing the day or the range of a document before it is made: the daily list of any day,
the register book and the explanation report of any range (this month by default)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mohao_desk.ui.dialog_kit import MessageBanner

MAX_RANGE_DAYS = 366  # what the documents accept (services/reports.py)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date_edit(parent: QWidget, day: date, latest: date) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    edit.setMaximumDate(_qdate(latest))
    edit.setMinimumDate(QDate(2015, 1, 1))
    edit.setDate(_qdate(day))
    edit.setMinimumWidth(130)
    return edit


def _day(edit: QDateEdit) -> date:
    value = edit.date().toPython()
    assert isinstance(value, date)
    return value


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _view_buttons(dialog: QDialog) -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    """ "Xem" (the default) and "Hủy" under a document's day or range."""
    buttons = QDialogButtonBox(dialog)
    view = buttons.addButton(
        QCoreApplication.translate("ReportDialogs", "Xem"), QDialogButtonBox.ButtonRole.AcceptRole
    )
    cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    view.setDefault(True)
    return buttons, view, cancel


class DayDialog(QDialog):
    """One day, today by default ("Xem" makes the document)."""

    def __init__(self, parent: QWidget | None, title: str, day: date, latest: date) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.latest = latest
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.day_edit = _date_edit(self, day, latest)
        form.addRow(self.tr("Ngày:"), self.day_edit)
        layout.addLayout(form)
        quick = QHBoxLayout()
        self.today_button = QPushButton(self.tr("Hôm nay"), self)
        self.yesterday_button = QPushButton(self.tr("Hôm qua"), self)
        for button in (self.today_button, self.yesterday_button):
            button.setAutoDefault(False)
            quick.addWidget(button)
        quick.addStretch(1)
        self.today_button.clicked.connect(lambda: self.day_edit.setDate(_qdate(latest)))
        self.yesterday_button.clicked.connect(
            lambda: self.day_edit.setDate(_qdate(latest - timedelta(days=1)))
        )
        layout.addLayout(quick)
        note = QLabel(
            self.tr(
                "Danh sách của một ngày đã qua được tính đến cuối giờ làm việc ngày đó, với"
                " trạng thái hiện tại của hồ sơ."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6368;")
        layout.addWidget(note)
        self.buttons, self.ok_button, self.cancel_button = _view_buttons(self)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)

    def day(self) -> date:
        return _day(self.day_edit)


class RangeDialog(QDialog):
    """A range of days (at most a year): this month, last month, this year, or any two days."""

    def __init__(
        self, parent: QWidget | None, title: str, start: date, end: date, latest: date
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.latest = latest
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.start_edit = _date_edit(self, start, latest)
        self.end_edit = _date_edit(self, end, latest)
        form.addRow(self.tr("Từ ngày:"), self.start_edit)
        form.addRow(self.tr("Đến ngày:"), self.end_edit)
        layout.addLayout(form)
        quick = QHBoxLayout()
        this_month = _month_start(latest)
        last_month_end = this_month - timedelta(days=1)
        presets = (
            (self.tr("Tháng này"), this_month, latest),
            (self.tr("Tháng trước"), _month_start(last_month_end), last_month_end),
            (self.tr("Năm nay"), latest.replace(month=1, day=1), latest),
        )
        self.preset_buttons: list[QPushButton] = []
        for label, first, last in presets:
            button = QPushButton(label, self)
            button.setAutoDefault(False)
            button.clicked.connect(
                lambda _checked=False, a=first, b=last: self.set_range(a, b)  # type: ignore[misc]
            )
            quick.addWidget(button)
            self.preset_buttons.append(button)
        quick.addStretch(1)
        layout.addLayout(quick)
        self.error = MessageBanner(self)
        layout.addWidget(self.error)
        self.buttons, self.ok_button, self.cancel_button = _view_buttons(self)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def set_range(self, start: date, end: date) -> None:
        self.start_edit.setDate(_qdate(start))
        self.end_edit.setDate(_qdate(end))

    def chosen(self) -> tuple[date, date]:
        return _day(self.start_edit), _day(self.end_edit)

    def accept(self) -> None:
        start, end = self.chosen()
        if end < start:
            self.error.show_error(self.tr("Ngày kết thúc phải sau hoặc bằng ngày bắt đầu."))
            return
        if (end - start).days + 1 > MAX_RANGE_DAYS:
            self.error.show_error(self.tr("Mỗi lần lập cho tối đa 366 ngày."))
            return
        super().accept()


def ask_day(parent: QWidget | None, title: str, day: date, latest: date) -> date | None:
    """The day the user chose, or None when cancelled."""
    dialog = DayDialog(parent, title, day, latest)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.day()
    finally:
        dialog.deleteLater()


def ask_range(
    parent: QWidget | None, title: str, start: date, end: date, latest: date
) -> tuple[date, date] | None:
    """The range the user chose, or None when cancelled."""
    dialog = RangeDialog(parent, title, start, end, latest)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen()
    finally:
        dialog.deleteLater()
