"""Thiết lập: the administrator's window for what the CLI's ``unit``, ``officer``, ``catalog`` and
``calendar`` commands set — the unit and its head's signature, the officers, the procedure
catalog, the office hours, the days off and make-up working days.

Every change goes through one service call (one transaction) with the CLI's rules: a refused
change shows the service's message inline and changes nothing. After a saved change the desk
re-reads its unit and calendar (``Desk.reload``) and :attr:`SettingsDialog.changed` says what
changed, so that the window that opened this one can refresh what it shows. On an upstream
office's database only the catalog and the calendar are shown: they are what the upstream office
sends to the desks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, QTime, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from mohao_desk.domain.calendar import DEFAULT_FIRST_YEAR, DEFAULT_LAST_YEAR
from mohao_desk.domain.catalog import Procedure
from mohao_desk.domain.text import fold
from mohao_desk.ui.dialog_kit import WARNING_STYLE, MessageBanner, call_service, error_text
from mohao_desk.ui.labels import period_text, tr_label
from mohao_desk.ui.screen import fit_to_screen, limit_to_screen

PREFERRED_SIZE = (1000, 700)
INFO_STYLE = (
    "QLabel { background: #e8f5e9; border: 1px solid #81c784; border-radius: 4px;"
    " padding: 6px 8px; color: #1b5e20; }"
)
HINT_STYLE = "color: #5f6368;"
INACTIVE = QColor("#80868b")
CATALOG_FILTER = QT_TRANSLATE_NOOP(
    "CatalogTab", "Danh mục thủ tục (*.xlsx *.json);;Bảng tính Excel (*.xlsx);;Mọi tệp (*)"
)
WEEKDAYS = (
    QT_TRANSLATE_NOOP("CalendarTab", "Thứ Hai"),
    QT_TRANSLATE_NOOP("CalendarTab", "Thứ Ba"),
    QT_TRANSLATE_NOOP("CalendarTab", "Thứ Tư"),
    QT_TRANSLATE_NOOP("CalendarTab", "Thứ Năm"),
    QT_TRANSLATE_NOOP("CalendarTab", "Thứ Sáu"),
    QT_TRANSLATE_NOOP("CalendarTab", "Thứ Bảy"),
    QT_TRANSLATE_NOOP("CalendarTab", "Chủ nhật"),
)


def _hint(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


def _item(text: str, data: Any = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


def _table(parent: QWidget, headers: list[str], stretch: int) -> QTableWidget:
    """A read-only table of whole rows; column ``stretch`` takes the room left."""
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setHighlightSections(False)
    table.setMinimumHeight(140)
    return table


class Banner(MessageBanner):
    """The inline message of a tab: the service's refusal in red, a saved change in green."""

    def show_info(self, text: str) -> None:
        self.setStyleSheet(INFO_STYLE)
        self.setText(text)
        self.setVisible(bool(text))


class _Tab(QWidget):
    """One subject of the settings window: its page scrolls when the screen is too small, its
    service calls run off the GUI thread, its message shows under the page."""

    subject = ""

    def __init__(self, dialog: SettingsDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.desk = dialog.desk
        self.page = QWidget(self)
        self.banner = Banner(self.page)
        self.buttons: list[QPushButton] = []  # disabled while a call is out
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self.page)
        button.setAutoDefault(False)
        button.clicked.connect(lambda: slot())  # clicked passes `checked`
        self.buttons.append(button)
        return button

    def call(self, fn: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self.set_busy(True)

        def finished(result: Any) -> None:
            self.set_busy(False)
            done(result)

        call_service(self, self.dialog.synchronous, fn, finished, self.failed)

    def save(self, fn: Callable[[], Any], done: Callable[[Any], None]) -> None:
        """A change: ``fn`` saves (and returns what the tab shows next); the desk re-reads its
        settings; ``done`` shows the result; then :attr:`SettingsDialog.changed` is emitted."""
        self.banner.clear_message()

        def work() -> Any:
            result = fn()
            self.desk.reload()
            return result

        def saved(result: Any) -> None:
            done(result)
            self.dialog.changed.emit(self.subject)

        self.call(work, saved)

    def failed(self, exc: BaseException) -> None:
        self.set_busy(False)
        self.banner.show_error(error_text(exc))

    def set_busy(self, busy: bool) -> None:
        for button in self.buttons:
            button.setEnabled(not busy)
        if not busy:
            self.update_buttons()

    def update_buttons(self) -> None:
        """Enable the buttons that make sense for the current selection (tabs override)."""

    def load(self) -> None:
        raise NotImplementedError


# --------------------------------------------------------------------- Đơn vị


class UnitTab(_Tab):
    """Đơn vị: names, place name, the letterhead of each legal regime (the parent body printed
    on the forms, the upstream office reports go to, the province's name), the head's
    signature and the default officer."""

    subject = "unit"

    def __init__(self, dialog: SettingsDialog) -> None:
        super().__init__(dialog)
        page = self.page
        self.code_label = QLabel(page)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setStyleSheet("font-weight: bold;")
        self.name_edit = QLineEdit(page)
        self.name_edit.setPlaceholderText(self.tr("Ủy ban nhân dân phường Bần Yên Nhân"))
        self.parent_edit = QLineEdit(page)
        self.parent_edit.setPlaceholderText(self.tr("Ủy ban nhân dân thị xã Mỹ Hào"))
        self.place_edit = QLineEdit(page)
        self.place_edit.setPlaceholderText(self.tr("Mỹ Hào"))
        unit_box = QGroupBox(self.tr("Đơn vị"), page)
        form = QFormLayout(unit_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        code_row = QHBoxLayout()
        code_row.addWidget(self.code_label)
        code_row.addSpacing(12)
        code_row.addWidget(_hint(self.tr("(có trong mọi mã hồ sơ; không sửa được)"), unit_box), 1)
        form.addRow(self.tr("Mã định danh điện tử:"), code_row)
        form.addRow(self.tr("&Tên đơn vị:"), self.name_edit)
        form.addRow(self.tr("&Cơ quan cấp trên:"), self.parent_edit)
        form.addRow(self.tr("Địa &danh ghi trên văn bản:"), self.place_edit)

        letter_box = QGroupBox(self.tr("Tiêu đề văn bản theo chế độ pháp lý"), page)
        letter = QGridLayout(letter_box)
        self.province_edit = QLineEdit(letter_box)
        self.province_example = self.tr("Ví dụ: %1").replace("%1", "Ủy ban nhân dân tỉnh Hưng Yên")
        self.province_edit.setPlaceholderText(self.province_example)
        province_label = QLabel(self.tr("Tỉnh (&UBND tỉnh):"), letter_box)
        province_label.setBuddy(self.province_edit)
        letter.addWidget(province_label, 0, 0)
        letter.addWidget(self.province_edit, 0, 1, 1, 2)
        letter.addWidget(QLabel(self.tr("Cơ quan chủ quản in trên văn bản:"), letter_box), 2, 0)
        letter.addWidget(QLabel(self.tr("Nơi nhận báo cáo (Kính gửi):"), letter_box), 3, 0)
        self.parent_edits: dict[str, QLineEdit] = {}
        self.upstream_edits: dict[str, QLineEdit] = {}
        for column, regime in enumerate(self.desk.regimes, start=1):
            if regime.valid_to is not None:
                period = self.tr("Chế độ %1 (đến %2)").replace("%2", f"{regime.valid_to:%d/%m/%Y}")
            else:
                period = self.tr("Chế độ %1 (từ %2)").replace("%2", f"{regime.valid_from:%d/%m/%Y}")
            heading = QLabel(period.replace("%1", regime.code), letter_box)
            heading.setToolTip(regime.name)
            heading.setStyleSheet("font-weight: bold;")
            letter.addWidget(heading, 1, column)
            self.parent_edits[regime.code] = QLineEdit(letter_box)
            self.upstream_edits[regime.code] = QLineEdit(letter_box)
            letter.addWidget(self.parent_edits[regime.code], 2, column)
            letter.addWidget(self.upstream_edits[regime.code], 3, column)
            letter.setColumnStretch(column, 1)
        letter.addWidget(
            _hint(
                self.tr(
                    "Ô để trống dùng giá trị mặc định (chữ mờ trong ô): chế độ trước 01/07/2025 "
                    "theo cơ quan cấp trên của đơn vị, chế độ từ 01/07/2025 theo tỉnh."
                ),
                letter_box,
            ),
            4,
            0,
            1,
            3,
        )

        head_box = QGroupBox(self.tr("Người ký phiếu xin lỗi và thông báo dừng giải quyết"), page)
        self.head_lines_edit = QPlainTextEdit(head_box)
        self.head_lines_edit.setTabChangesFocus(True)
        self.head_lines_edit.setPlaceholderText(self.tr("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"))
        line_height = self.head_lines_edit.fontMetrics().lineSpacing()
        self.head_lines_edit.setFixedHeight(line_height * 4 + 16)
        self.head_name_edit = QLineEdit(head_box)
        head_form = QFormLayout(head_box)
        head_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        head_form.addRow(self.tr("Chức da&nh:"), self.head_lines_edit)
        head_form.addRow(
            "",
            _hint(
                self.tr(
                    "Mỗi dòng ghi một dòng của khối chức danh (ví dụ KT. CHỦ TỊCH), tối đa 4 dòng."
                ),
                head_box,
            ),
        )
        head_form.addRow(self.tr("&Họ và tên:"), self.head_name_edit)

        officer_box = QGroupBox(self.tr("Cán bộ mặc định"), page)
        self.default_box = QComboBox(officer_box)
        self.default_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        officer_form = QFormLayout(officer_box)
        officer_form.addRow(self.tr("Chọn cán &bộ:"), self.default_box)
        officer_form.addRow(
            "",
            _hint(
                self.tr(
                    "Tài khoản mà dòng lệnh dùng khi lệnh không nêu --by (cửa sổ luôn ghi tên "
                    "người đã đăng nhập)."
                ),
                officer_box,
            ),
        )

        self.save_button = self.button(self.tr("Lưu thông tin đơn vị"), self.save_unit)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        below = QHBoxLayout()
        below.addWidget(head_box, 1)
        below.addWidget(officer_box, 1)
        layout = QVBoxLayout(page)
        layout.addWidget(unit_box)
        layout.addWidget(letter_box)
        layout.addLayout(below)
        layout.addWidget(self.banner)
        layout.addLayout(row)
        layout.addStretch(1)

    def load(self) -> None:
        from mohao_desk.services.settings import list_officers, unit_settings

        db = self.desk.db
        self.call(lambda: (unit_settings(db), list_officers(db)), self._arrived)

    def _arrived(self, answer: tuple[Any, list[Any]]) -> None:
        settings, officers = answer
        self.show_settings(settings)
        self.set_officers(officers, settings.default_officer)
        self.dialog.loaded.emit(self.subject)

    def show_settings(self, settings: Any) -> None:
        self.code_label.setText(settings.code)
        self.name_edit.setText(settings.name)
        self.parent_edit.setText(settings.parent_name)
        self.place_edit.setText(settings.place_name)
        self.head_lines_edit.setPlainText("\n".join(settings.head_lines))
        self.head_name_edit.setText(settings.head_name)
        self.province_edit.setText(settings.province_name if settings.province_set else "")
        self.province_edit.setPlaceholderText(
            settings.province_name
            if settings.province_name and not settings.province_set
            else self.province_example
        )
        for lh in settings.letterheads:
            for edit, value, default, own in (
                (self.parent_edits.get(lh.regime), lh.parent_name, lh.parent_default,
                 lh.parent_set),
                (self.upstream_edits.get(lh.regime), lh.upstream, lh.upstream_default,
                 lh.upstream_set),
            ):  # fmt: skip
                if edit is None:
                    continue
                edit.setText(value if own else "")
                edit.setPlaceholderText(default or self.tr("(chưa có: nhập tên tỉnh ở trên)"))

    def set_officers(self, officers: list[Any], default: str | None = None) -> None:
        """The active officers to choose the default from (kept chosen across a refresh)."""
        chosen = default if default is not None else self.default_box.currentData()
        self.default_box.clear()
        active = [o for o in officers if o.active]
        if chosen not in {o.username for o in active}:
            self.default_box.addItem(self.tr("(chưa chọn)"), None)
        for o in active:
            self.default_box.addItem(f"{o.full_name} ({o.username})", o.username)
        index = self.default_box.findData(chosen)
        self.default_box.setCurrentIndex(max(index, 0))

    def save_unit(self) -> None:
        from mohao_desk.services.settings import check_letterheads, save_letterheads
        from mohao_desk.services.setup import update_unit_settings

        lines = [x.strip() for x in self.head_lines_edit.toPlainText().splitlines() if x.strip()]
        values = {
            "name": self.name_edit.text(),
            "parent_name": self.parent_edit.text(),
            "place_name": self.place_edit.text(),
            "head_signature": (lines, self.head_name_edit.text()),
            "default_officer": self.default_box.currentData(),
        }
        letterheads = {
            "province_name": self.province_edit.text(),
            "parents": {code: edit.text() for code, edit in self.parent_edits.items()},
            "upstreams": {code: edit.text() for code, edit in self.upstream_edits.items()},
        }
        db = self.desk.db

        def work() -> Any:
            # Everything is checked before anything is saved: a refusal saves nothing.
            change = check_letterheads(db, **letterheads)
            update_unit_settings(db, **values)
            return save_letterheads(db, change)

        def done(settings: Any) -> None:
            self.show_settings(settings)
            self.banner.show_info(self.tr("Đã lưu thông tin đơn vị."))

        self.save(work, done)


# --------------------------------------------------------------------- Cán bộ


class OfficersTab(_Tab):
    """Cán bộ: the list; add one; edit the selected one's name, title and phone (the phone the
    supplement slip gives for the contact officer); deactivate or reactivate it."""

    subject = "officers"

    def __init__(self, dialog: SettingsDialog) -> None:
        super().__init__(dialog)
        page = self.page
        self.officers: list[Any] = []
        self.table = _table(
            page,
            [self.tr("Tên đăng nhập"), self.tr("Họ và tên"), self.tr("Chức danh"),
             self.tr("Số điện thoại"), self.tr("Vai trò"), self.tr("Trạng thái")],
            1,
        )  # fmt: skip
        self.table.setColumnWidth(0, 110)
        self.table.setColumnWidth(2, 190)
        self.table.setColumnWidth(3, 110)
        self.table.setColumnWidth(4, 190)
        self.table.setColumnWidth(5, 150)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        edit_box = QGroupBox(self.tr("Cán bộ đã chọn"), page)
        self.selected_label = QLabel(edit_box)
        self.edit_name = QLineEdit(edit_box)
        self.edit_title = QLineEdit(edit_box)
        self.edit_phone = QLineEdit(edit_box)
        from mohao_desk.domain.roles import Role

        # Roles (issue 11): what the account may do; the table is in docs/architecture.md.
        self.role_boxes: dict[str, QCheckBox] = {}
        roles_row = QHBoxLayout()
        for role in Role:
            box = QCheckBox(tr_label(role.label), edit_box)
            self.role_boxes[role.value] = box
            roles_row.addWidget(box)
        roles_row.addStretch(1)
        self.update_button = self.button(self.tr("Lưu sửa đổi"), self.update_selected)
        self.password_button = self.button(self.tr("Đặt mật khẩu…"), self.set_password)
        self.active_button = self.button(self.tr("Ngừng hoạt động"), self.toggle_active)
        edit_form = QFormLayout(edit_box)
        edit_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        edit_form.addRow(self.tr("Tên đăng nhập:"), self.selected_label)
        edit_form.addRow(self.tr("Họ và tên:"), self.edit_name)
        edit_form.addRow(self.tr("Chức danh:"), self.edit_title)
        edit_form.addRow(self.tr("Số điện thoại:"), self.edit_phone)
        edit_form.addRow(self.tr("Vai trò:"), roles_row)
        edit_buttons = QHBoxLayout()
        edit_buttons.addStretch(1)
        edit_buttons.addWidget(self.update_button)
        edit_buttons.addWidget(self.password_button)
        edit_buttons.addWidget(self.active_button)
        edit_form.addRow(edit_buttons)

        add_box = QGroupBox(self.tr("Thêm cán bộ"), page)
        self.new_username = QLineEdit(add_box)
        self.new_username.setPlaceholderText(self.tr("không dấu cách, ví dụ tuphap"))
        self.new_name = QLineEdit(add_box)
        self.new_title = QLineEdit(add_box)
        self.new_title.setPlaceholderText(self.tr("Công chức Tư pháp - Hộ tịch"))
        self.new_phone = QLineEdit(add_box)
        self.new_phone.setPlaceholderText(self.tr("Ví dụ: %1").replace("%1", "0221 3868 123"))
        phone_tip = self.tr("In trên phiếu yêu cầu bổ sung hồ sơ, cho người nộp liên hệ.")
        self.new_phone.setToolTip(phone_tip)
        self.edit_phone.setToolTip(phone_tip)
        self.add_button = self.button(self.tr("Thêm cán bộ"), self.add_officer)
        add_form = QFormLayout(add_box)
        add_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add_form.addRow(self.tr("Tên đăng &nhập:"), self.new_username)
        add_form.addRow(self.tr("Họ và &tên:"), self.new_name)
        add_form.addRow(self.tr("Chức &danh:"), self.new_title)
        add_form.addRow(self.tr("Số điện t&hoại:"), self.new_phone)
        add_buttons = QHBoxLayout()
        add_buttons.addStretch(1)
        add_buttons.addWidget(self.add_button)
        add_form.addRow(add_buttons)
        for edit in (self.new_username, self.new_name, self.new_title, self.new_phone):
            edit.returnPressed.connect(self.add_officer)

        boxes = QHBoxLayout()
        boxes.addWidget(edit_box, 1)
        boxes.addWidget(add_box, 1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.table, 1)
        layout.addWidget(
            _hint(
                self.tr(
                    "Cán bộ ngừng hoạt động vẫn còn tên trong hồ sơ và quá trình xử lý đã ghi, "
                    "nhưng không đăng nhập được nữa. Cán bộ mới có vai trò Tiếp nhận và Xử lý; "
                    "chọn cán bộ để đổi vai trò, đặt mật khẩu (cũng mở khóa tài khoản bị khóa "
                    "vì nhập sai mật khẩu)."
                ),
                page,
            )
        )
        layout.addLayout(boxes)
        layout.addWidget(self.banner)
        self.update_buttons()

    def load(self) -> None:
        from mohao_desk.services.settings import list_officers

        db = self.desk.db

        def arrived(officers: list[Any]) -> None:
            self.show_officers(officers)
            self.dialog.loaded.emit(self.subject)

        self.call(lambda: list_officers(db), arrived)

    def show_officers(self, officers: list[Any], select: str | None = None) -> None:
        current = select or self.selected_username()
        self.officers = list(officers)
        self.table.setRowCount(len(officers))
        for row, o in enumerate(officers):
            status = self.tr("Đang làm việc") if o.active else self.tr("Ngừng hoạt động")
            if o.active and not o.has_password:
                status = self.tr("Chưa có mật khẩu")
            cells = (o.username, o.full_name, o.title, o.phone, _roles_text(o.roles), status)
            for column, text in enumerate(cells):
                item = _item(text, o.username)
                if not o.active:
                    item.setForeground(QBrush(INACTIVE))
                self.table.setItem(row, column, item)
        usernames = [o.username for o in officers]
        if current in usernames:
            self.table.selectRow(usernames.index(current))
        elif usernames:
            self.table.selectRow(0)
        else:
            self.table.clearSelection()
        self._selection_changed()
        self.dialog.officers_changed(self.officers)

    def selected_username(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return str(self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole))

    def selected(self) -> Any:
        username = self.selected_username()
        return next((o for o in self.officers if o.username == username), None)

    def _selection_changed(self) -> None:
        officer = self.selected()
        self.selected_label.setText(officer.username if officer else self.tr("(chưa chọn)"))
        self.edit_name.setText(officer.full_name if officer else "")
        self.edit_title.setText(officer.title if officer else "")
        self.edit_phone.setText(officer.phone if officer else "")
        for value, box in self.role_boxes.items():
            box.setChecked(officer is not None and value in officer.roles)
        self.update_buttons()

    def update_buttons(self) -> None:
        officer = self.selected()
        for widget in (
            self.edit_name,
            self.edit_title,
            self.edit_phone,
            *self.role_boxes.values(),
            self.update_button,
            self.password_button,
            self.active_button,
        ):
            widget.setEnabled(officer is not None)
        if officer is not None and not officer.active:
            self.active_button.setText(self.tr("Cho hoạt động lại"))
        else:
            self.active_button.setText(self.tr("Ngừng hoạt động"))

    def _saved(self, officer: Any, message: str) -> Callable[[Any], None]:
        def done(officers: list[Any]) -> None:
            self.show_officers(officers, select=officer)
            self.banner.show_info(message)

        return done

    def add_officer(self) -> None:
        from mohao_desk.services.settings import add_officer, list_officers
        from mohao_desk.services.setup import OfficerInput

        new = OfficerInput(
            self.new_username.text(),
            self.new_name.text(),
            self.new_title.text(),
            self.new_phone.text(),
        )
        db = self.desk.db

        def work() -> list[Any]:
            add_officer(db, new)
            return list_officers(db)

        username = new.username.strip()
        message = (
            self.tr("Đã thêm cán bộ %1 (%2).")
            .replace("%1", " ".join(new.full_name.split()))
            .replace("%2", username)
        )

        def done(officers: list[Any]) -> None:
            self._saved(username, message)(officers)
            for edit in (self.new_username, self.new_name, self.new_title, self.new_phone):
                edit.clear()

        self.save(work, done)

    def update_selected(self) -> None:
        from mohao_desk.services.settings import list_officers, update_officer

        officer = self.selected()
        if officer is None:
            return
        from mohao_desk.services.accounts import AccountService

        name, title, phone = self.edit_name.text(), self.edit_title.text(), self.edit_phone.text()
        roles = tuple(value for value, box in self.role_boxes.items() if box.isChecked())
        db = self.desk.db

        def work() -> list[Any]:
            if set(roles) != set(officer.roles):  # first: a refused change of roles saves nothing
                AccountService(db).set_roles(officer.username, roles)
            update_officer(db, officer.username, full_name=name, title=title, phone=phone)
            return list_officers(db)

        message = self.tr("Đã lưu sửa đổi của cán bộ %1.").replace("%1", officer.username)
        self.save(work, self._saved(officer.username, message))

    def set_password(self) -> None:
        """Đặt mật khẩu: the administrator gives (or resets) the selected account's password;
        it also lifts a lock after five wrong passwords."""
        from mohao_desk.ui.login_dialog import PasswordDialog

        officer = self.selected()
        if officer is None:
            return
        dialog = PasswordDialog(self.desk.db, officer.username, self, own=False)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.banner.show_info(
                self.tr("Đã đặt mật khẩu mới cho %1.").replace("%1", officer.username)
            )
            self.load()

    def toggle_active(self) -> None:
        from mohao_desk.services.settings import list_officers, set_officer_active

        officer = self.selected()
        if officer is None:
            return
        active, db = not officer.active, self.desk.db

        def work() -> list[Any]:
            set_officer_active(db, officer.username, active)
            return list_officers(db)

        if active:
            message = self.tr("Cán bộ %1 đã hoạt động lại.")
        else:
            message = self.tr("Cán bộ %1 đã ngừng hoạt động.")
        self.save(work, self._saved(officer.username, message.replace("%1", officer.username)))


def _roles_text(roles: tuple[str, ...]) -> str:
    from mohao_desk.domain.roles import Role

    return ", ".join(tr_label(r.label) for r in Role if r.value in roles)


# --------------------------------------------------------------------- Thủ tục


class CatalogTab(_Tab):
    """Thủ tục: the catalog with a diacritic-free search, the selected procedure's details, and
    the import of a catalog file (all or nothing, like ``mohao-desk catalog import``)."""

    subject = "catalog"

    def __init__(self, dialog: SettingsDialog) -> None:
        super().__init__(dialog)
        page = self.page
        self.procedures: list[Procedure] = []
        self.search = QLineEdit(page)
        self.search.setPlaceholderText(
            self.tr("Tìm theo tên, mã hoặc lĩnh vực (có dấu hoặc không dấu)…")
        )
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self.filter())
        self.count_label = QLabel(page)
        self.count_label.setStyleSheet(HINT_STYLE)
        self.import_button = self.button(self.tr("Nhập danh mục từ tệp…"), self.import_file)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        top.addWidget(self.import_button)

        self.table = _table(
            page,
            [self.tr("Mã"), self.tr("Tên thủ tục"), self.tr("Lĩnh vực"),
             self.tr("Thời hạn giải quyết"), self.tr("Thành phần")],
            1,
        )  # fmt: skip
        self.table.setColumnWidth(0, 90)
        self.table.setColumnWidth(2, 130)
        self.table.setColumnWidth(3, 280)
        self.table.setColumnWidth(4, 85)
        self.table.itemSelectionChanged.connect(self._show_detail)
        self.detail = QTextBrowser(page)
        self.detail.setOpenLinks(False)
        self.detail.setMinimumHeight(120)
        splitter = QSplitter(Qt.Orientation.Vertical, page)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        if dialog.upstream:
            hint = self.tr(
                "Danh mục ở đây được gửi đến các đơn vị trong gói cấu hình. Tệp danh mục (JSON, "
                "hoặc danh mục Excel .xlsx kèm quyết định công bố của tỉnh) thêm hoặc cập nhật "
                "thủ tục theo mã, sau khi xem trước các thay đổi; tệp có lỗi bị từ chối toàn bộ."
            )
        else:
            hint = self.tr(
                "Danh mục do cơ quan cấp trên ban hành. Tệp danh mục (JSON, hoặc danh mục Excel "
                ".xlsx kèm quyết định công bố của tỉnh) thêm hoặc cập nhật thủ tục theo mã, sau "
                "khi xem trước các thay đổi; tệp có lỗi bị từ chối toàn bộ, danh mục giữ nguyên."
            )
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(_hint(hint, page))
        layout.addWidget(self.banner)

    def load(self) -> None:
        def arrived(procedures: list[Procedure]) -> None:
            self.show_procedures(procedures)
            self.dialog.loaded.emit(self.subject)

        self.call(self.desk.procedures, arrived)

    def show_procedures(self, procedures: list[Procedure]) -> None:
        current = self.current_procedure()
        self.procedures = list(procedures)
        self.table.setRowCount(len(procedures))
        for row, p in enumerate(procedures):
            name = _item(p.name, fold(f"{p.code} {p.name} {p.field}"))
            name.setToolTip(p.name)
            cells = (
                _item(p.code, p.code),
                name,
                _item(p.field),
                _item(period_text(p.time)),
                _item(str(len(p.components))),
            )
            cells[4].setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            for column, item in enumerate(cells):
                self.table.setItem(row, column, item)
        self.filter(select=current.code if current else None)

    def filter(self, select: str | None = None) -> None:
        """Show the procedures whose folded code, name or field holds every typed word."""
        words = fold(self.search.text()).split()
        shown = []
        for row in range(self.table.rowCount()):
            key = str(self.table.item(row, 1).data(Qt.ItemDataRole.UserRole))
            visible = all(word in key for word in words)
            self.table.setRowHidden(row, not visible)
            if visible:
                shown.append(row)
        self.count_label.setText(
            self.tr("%1 / %2 thủ tục")
            .replace("%1", str(len(shown)))
            .replace("%2", str(len(self.procedures)))
        )
        codes = [self.procedures[row].code for row in shown]
        current = select or (self.current_procedure().code if self.current_procedure() else None)
        if current in codes:
            self.table.selectRow(shown[codes.index(current)])
        elif shown:
            self.table.selectRow(shown[0])
        else:
            self.table.clearSelection()
        self._show_detail()

    def visible_codes(self) -> list[str]:
        return [
            self.procedures[row].code
            for row in range(self.table.rowCount())
            if not self.table.isRowHidden(row)
        ]

    def current_procedure(self) -> Procedure | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.table.isRowHidden(rows[0].row()):
            return None
        code = self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        return next((p for p in self.procedures if p.code == code), None)

    def _show_detail(self) -> None:
        p = self.current_procedure()
        if p is None:
            self.detail.setHtml("")
            return
        facts = [
            (self.tr("Mã thủ tục"), p.code),
            (self.tr("Lĩnh vực"), p.field),
            (self.tr("Thời hạn giải quyết"), period_text(p.time)),
        ]
        if p.verification_time is not None:
            facts.append((self.tr("Thời hạn khi cần xác minh"), period_text(p.verification_time)))
        if p.basis:
            facts.append((self.tr("Căn cứ pháp lý"), p.basis))
        if p.note:
            facts.append((self.tr("Ghi chú"), p.note))
        html = [f"<p><b>{escape(p.name)}</b></p>", "<table cellspacing='0' cellpadding='2'>"]
        for label, value in facts:
            html.append(
                f"<tr><td style='color:#5f6368; padding-right:12px'>{escape(label)}</td>"
                f"<td>{escape(value).replace(chr(10), '<br>')}</td></tr>"
            )
        html.append("</table>")
        html.append(f"<p><b>{escape(self.tr('Thành phần hồ sơ'))}</b></p>")
        if p.components:
            html.append("<ol style='margin-top:0'>")
            for c in p.components:
                detail = (
                    self.tr("%1 · %2 bản")
                    .replace("%1", tr_label(c.kind_label))
                    .replace("%2", str(c.count))
                )
                html.append(
                    f"<li>{escape(c.name)} <span style='color:#5f6368'>({escape(detail)})"
                    "</span></li>"
                )
            html.append("</ol>")
        else:
            html.append(f"<p>{escape(self.tr('(không có thành phần nào)'))}</p>")
        self.detail.setHtml("".join(html))

    def import_file(self) -> None:
        """Choose a catalog file (JSON or a province's .xlsx list), read and check it off the
        GUI thread, show what it would change; "Áp dụng" writes it, "Hủy" changes nothing."""
        from mohao_desk.services.catalog_import import preview_catalog

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Chọn tệp danh mục thủ tục"), "", self.tr(CATALOG_FILTER)
        )
        if not path:
            return
        file, db = Path(path), self.desk.db
        self.banner.clear_message()
        self.call(lambda: preview_catalog(db, file), self.review)

    def review(self, preview: Any) -> None:
        """The preview of a file: nothing to do, or the changes to apply or cancel."""
        from mohao_desk.services.catalog_import import apply_catalog
        from mohao_desk.ui.catalog_preview import CatalogPreviewDialog

        if preview.changes.empty:
            self.banner.show_info(
                self.tr("Tệp %1 không thay đổi gì trong danh mục (%2 thủ tục như cũ).")
                .replace("%1", preview.file_name)
                .replace("%2", str(len(preview.changes.unchanged)))
            )
            return
        dialog = CatalogPreviewDialog(preview, self)
        self.preview_dialog = dialog  # tests look at it
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted:
            self.banner.show_info(
                self.tr("Chưa áp dụng tệp %1: danh mục giữ nguyên.").replace(
                    "%1", preview.file_name
                )
            )
            return
        desk = self.desk

        def work() -> tuple[int, list[Procedure]]:
            return apply_catalog(desk.db, preview), desk.procedures()

        def done(answer: tuple[int, list[Procedure]]) -> None:
            count, procedures = answer
            self.show_procedures(procedures)
            self.banner.show_info(
                self.tr("Đã cập nhật %1 thủ tục từ tệp %2.")
                .replace("%1", str(count))
                .replace("%2", preview.file_name)
            )

        self.save(work, done)


# --------------------------------------------------------------- Giờ làm việc


class HoursTab(_Tab):
    """Giờ làm việc: the morning and the afternoon sessions of every working day."""

    subject = "hours"

    def __init__(self, dialog: SettingsDialog) -> None:
        super().__init__(dialog)
        page = self.page

        def clock() -> QTimeEdit:
            edit = QTimeEdit(page)
            edit.setDisplayFormat("HH:mm")
            edit.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            return edit

        self.morning_start, self.morning_end = clock(), clock()
        self.afternoon_start, self.afternoon_end = clock(), clock()
        morning = QGroupBox(self.tr("Buổi sáng"), page)
        morning_row = QHBoxLayout(morning)
        self.afternoon = QGroupBox(self.tr("Buổi chiều"), page)
        self.afternoon.setCheckable(True)
        self.afternoon.setToolTip(self.tr("Bỏ chọn nếu đơn vị làm việc liên tục, không nghỉ trưa."))
        afternoon_row = QHBoxLayout(self.afternoon)
        for row, start, end in (
            (morning_row, self.morning_start, self.morning_end),
            (afternoon_row, self.afternoon_start, self.afternoon_end),
        ):
            row.addWidget(QLabel(self.tr("Từ"), page))
            row.addWidget(start)
            row.addSpacing(12)
            row.addWidget(QLabel(self.tr("đến"), page))
            row.addWidget(end)
            row.addStretch(1)
        self.current_label = QLabel(page)
        self.current_label.setWordWrap(True)
        self.save_button = self.button(self.tr("Lưu giờ làm việc"), self.save_hours)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.current_label)
        layout.addWidget(morning)
        layout.addWidget(self.afternoon)
        layout.addWidget(
            _hint(
                self.tr(
                    "Giờ làm việc áp dụng cho mọi ngày làm việc, kể cả thứ Bảy làm bù. Hồ sơ "
                    "đến ngoài giờ làm việc được tính là tiếp nhận vào giờ mở cửa kế tiếp."
                ),
                page,
            )
        )
        layout.addWidget(
            _hint(
                self.tr(
                    "Giờ làm việc mới áp dụng cho hồ sơ tiếp nhận từ nay: hạn trả của hồ sơ đã "
                    "tiếp nhận giữ nguyên; thời gian còn lại của chúng được tính theo giờ mới."
                ),
                page,
            )
        )
        lock = QGroupBox(self.tr("Khóa màn hình"), page)
        self.idle_spin = QSpinBox(lock)
        self.idle_spin.setRange(0, 240)
        self.idle_spin.setSuffix(self.tr(" phút"))
        self.idle_spin.setSpecialValueText(self.tr("không khóa"))
        self.idle_button = self.button(self.tr("Lưu"), self.save_idle)
        lock_row = QHBoxLayout(lock)
        lock_row.addWidget(QLabel(self.tr("Tự khóa khi không dùng trong"), lock))
        lock_row.addWidget(self.idle_spin)
        lock_row.addStretch(1)
        lock_row.addWidget(self.idle_button)
        layout.addWidget(self.banner)
        layout.addLayout(buttons)
        layout.addWidget(lock)
        layout.addWidget(
            _hint(
                self.tr(
                    "Màn hình khóa sau thời gian này nếu không ai gõ phím hay bấm chuột; mở lại "
                    "bằng mật khẩu của người đang dùng, hoặc đổi người dùng. Áp dụng cho mọi máy "
                    "của đơn vị."
                ),
                page,
            )
        )
        layout.addStretch(1)

    def save_idle(self) -> None:
        from mohao_desk.services.settings import idle_lock_minutes, set_idle_lock_minutes

        minutes, db = self.idle_spin.value(), self.desk.db

        def work() -> int:
            set_idle_lock_minutes(db, minutes)
            return idle_lock_minutes(db)

        def done(saved: int) -> None:
            self.idle_spin.setValue(saved)
            self.banner.show_info(self.tr("Đã lưu thời gian tự khóa màn hình."))
            self.dialog.changed.emit("lock")

        self.call(work, done)

    def load(self) -> None:
        from mohao_desk.services.settings import idle_lock_minutes, unit_settings

        db = self.desk.db

        def arrived(answer: tuple[Any, int]) -> None:
            self.show_settings(answer[0])
            self.idle_spin.setValue(answer[1])
            self.dialog.loaded.emit(self.subject)

        self.call(lambda: (unit_settings(db), idle_lock_minutes(db)), arrived)

    def show_settings(self, settings: Any) -> None:
        sessions = settings.sessions
        (ms, me) = sessions[0]
        self.morning_start.setTime(QTime(ms.hour, ms.minute))
        self.morning_end.setTime(QTime(me.hour, me.minute))
        self.afternoon.setChecked(len(sessions) > 1)
        if len(sessions) > 1:
            (a_start, a_end) = sessions[1]
            self.afternoon_start.setTime(QTime(a_start.hour, a_start.minute))
            self.afternoon_end.setTime(QTime(a_end.hour, a_end.minute))
        if len(sessions) > 2:  # the CLI takes any number of intervals; this tab shows two
            self.banner.show_warning(
                self.tr(
                    "Giờ làm việc đang dùng có nhiều hơn hai buổi; lưu ở đây sẽ chỉ giữ buổi sáng "
                    "và buổi chiều như trên."
                )
            )
        text = ", ".join(f"{a:%H:%M}–{b:%H:%M}" for a, b in sessions)
        self.current_label.setText(
            self.tr("Giờ làm việc đang dùng: %1 (múi giờ %2).")
            .replace("%1", text)
            .replace(
                "%2",
                self.tr("Việt Nam, UTC+7")
                if settings.timezone == "Asia/Ho_Chi_Minh"
                else settings.timezone,
            )
        )

    @staticmethod
    def _time(edit: QTimeEdit) -> time:
        value = edit.time()
        return time(value.hour(), value.minute())

    def sessions(self) -> list[tuple[time, time]]:
        sessions = [(self._time(self.morning_start), self._time(self.morning_end))]
        if self.afternoon.isChecked():
            sessions.append((self._time(self.afternoon_start), self._time(self.afternoon_end)))
        return sessions

    def save_hours(self) -> None:
        from mohao_desk.services.settings import set_office_hours

        sessions, db = self.sessions(), self.desk.db

        def done(settings: Any) -> None:
            self.show_settings(settings)
            self.banner.show_info(
                self.tr("Đã lưu giờ làm việc; áp dụng cho hồ sơ tiếp nhận từ nay.")
            )

        self.save(lambda: set_office_hours(db, sessions), done)


# ---------------------------------------------------- Ngày nghỉ, ngày làm bù


class CalendarTab(_Tab):
    """Ngày nghỉ, ngày làm bù: a year's days off and make-up working days as the calendar sees
    them, each with where it comes from (the package's rules, an official announcement and its
    document, the upstream office, an override); add a day off or a working day; remove an
    override (``mohao-desk calendar``). At the upstream office, also the official announcements
    it sends to the desks (``calendar announce-off`` …). A one-line notice says when the coming
    90 days rest only on the package's rules or on an announcement not yet confirmed."""

    subject = "calendar"

    def __init__(self, dialog: SettingsDialog) -> None:
        super().__init__(dialog)
        page = self.page
        self.days: list[Any] = []
        self.year_spin = QSpinBox(page)
        self.year_spin.setRange(DEFAULT_FIRST_YEAR, DEFAULT_LAST_YEAR)
        self.year_spin.setValue(
            min(max(self.desk.now().year, DEFAULT_FIRST_YEAR), DEFAULT_LAST_YEAR)
        )
        self.year_spin.valueChanged.connect(lambda _year: self.load())
        year_label = QLabel(self.tr("&Năm:"), page)
        year_label.setBuddy(self.year_spin)
        self.remove_button = self.button(self.tr("Bỏ điều chỉnh đã chọn"), self.remove_selected)
        self.remove_announcement_button: QPushButton | None = None
        top = QHBoxLayout()
        top.addWidget(year_label)
        top.addWidget(self.year_spin)
        top.addStretch(1)
        if dialog.upstream:
            self.remove_announcement_button = self.button(
                self.tr("Bỏ thông báo đã chọn"), self.remove_selected_announcement
            )
            top.addWidget(self.remove_announcement_button)
        top.addWidget(self.remove_button)

        self.gaps_label = QLabel(page)
        self.gaps_label.setWordWrap(True)
        self.gaps_label.setStyleSheet(WARNING_STYLE)
        self.gaps_label.hide()

        self.table = _table(
            page,
            [self.tr("Ngày"), self.tr("Thứ"), self.tr("Lịch của đơn vị"),
             self.tr("Theo lịch nhà nước"), self.tr("Căn cứ"), self.tr("Điều chỉnh"),
             self.tr("Ghi chú")],
            6,
        )  # fmt: skip
        for column, width in enumerate((90, 70, 110, 240, 200, 100)):
            self.table.setColumnWidth(column, width)
        self.table.itemSelectionChanged.connect(self.update_buttons)

        add_box = QGroupBox(self.tr("Thêm điều chỉnh của đơn vị"), page)
        self.date_edit = self._date_edit(add_box)
        today = self.desk.now().date()
        self.note_edit = QLineEdit(add_box)
        self.note_edit.setPlaceholderText(
            self.tr("ví dụ: Công văn 12729/VPCP-KGVX ngày 25/12/2025")
        )
        self.add_off_button = self.button(self.tr("Thêm ngày nghỉ"), lambda: self.add(False))
        self.add_work_button = self.button(self.tr("Thêm ngày làm việc"), lambda: self.add(True))
        add_form = QFormLayout(add_box)
        add_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add_form.addRow(self.tr("N&gày:"), self.date_edit)
        add_form.addRow(self.tr("Ghi &chú:"), self.note_edit)
        add_buttons = QHBoxLayout()
        add_buttons.addStretch(1)
        add_buttons.addWidget(self.add_off_button)
        add_buttons.addWidget(self.add_work_button)
        add_form.addRow(add_buttons)

        self.announce_box: QGroupBox | None = None
        if dialog.upstream:
            self.announce_box = self._announce_box(page, today)
            hint = self.tr(
                "Thông báo chính thức và điều chỉnh ở đây được gửi đến các đơn vị trong gói cấu "
                "hình. Thông báo chính thức ghi văn bản của Chính phủ (số, ngày); thông báo lịch "
                "đi kèm chương trình đã có sẵn ở các đơn vị."
            )
        else:
            hint = self.tr(
                "Lịch nhà nước: quy tắc của gói holidays, được sửa theo thông báo chính thức (đi "
                "kèm chương trình hoặc do cấp trên gửi). Điều chỉnh (của đơn vị hoặc do cấp trên "
                "gửi) thay cho lịch nhà nước ở ngày đó. Điều chỉnh mới áp dụng cho hồ sơ tiếp "
                "nhận từ nay; hạn trả đã tính của hồ sơ đã tiếp nhận giữ nguyên."
            )
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.gaps_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(_hint(hint, page))
        if self.announce_box is not None:
            layout.addWidget(self.announce_box)
        layout.addWidget(add_box)
        layout.addWidget(self.banner)
        self.update_buttons()

    def _date_edit(self, parent: QWidget) -> QDateEdit:
        edit = QDateEdit(parent)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setDateRange(QDate(DEFAULT_FIRST_YEAR, 1, 1), QDate(DEFAULT_LAST_YEAR, 12, 31))
        today = self.desk.now().date()
        edit.setDate(QDate(today.year, today.month, today.day))
        edit.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        return edit

    def _announce_box(self, page: QWidget, today: date) -> QGroupBox:
        box = QGroupBox(self.tr("Thêm thông báo lịch chính thức (gửi đến các đơn vị)"), page)
        self.announce_date_edit = self._date_edit(box)
        self.announce_name_edit = QLineEdit(box)
        self.announce_name_edit.setPlaceholderText(self.tr("ví dụ: Tết Nguyên đán (mùng 1)"))
        self.announce_document_edit = QLineEdit(box)
        self.announce_document_edit.setPlaceholderText(self.tr("ví dụ: 12729/VPCP-KGVX"))
        self.announce_document_date_edit = self._date_edit(box)
        self.announce_unsure_box = QCheckBox(
            self.tr("Chưa chắc chắn (chưa có văn bản chính thức khẳng định)"), box
        )
        self.announce_note_edit = QLineEdit(box)
        self.announce_off_button = self.button(
            self.tr("Công bố ngày nghỉ"), lambda: self.announce(False)
        )
        self.announce_work_button = self.button(
            self.tr("Công bố ngày làm việc"), lambda: self.announce(True)
        )
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        document_row = QHBoxLayout()
        document_row.addWidget(self.announce_document_edit, 1)
        document_row.addWidget(QLabel(self.tr("ngày"), box))
        document_row.addWidget(self.announce_document_date_edit)
        form.addRow(self.tr("Ngà&y:"), self.announce_date_edit)
        form.addRow(self.tr("&Tên ngày:"), self.announce_name_edit)
        document_label = QLabel(self.tr("&Văn bản:"), box)
        document_label.setBuddy(self.announce_document_edit)
        form.addRow(document_label, document_row)
        form.addRow(self.tr("Gh&i chú:"), self.announce_note_edit)
        form.addRow(self.announce_unsure_box)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.announce_off_button)
        buttons.addWidget(self.announce_work_button)
        form.addRow(buttons)
        return box

    def _service(self) -> Any:
        from mohao_desk.services.calendar import CalendarService

        return CalendarService(self.desk.db)

    def _state(self, service: Any, year: int) -> tuple[list[Any], Any]:
        """What the tab shows: the year's days and the gaps of the coming 90 days."""
        return service.days(year), service.gaps(self.desk.now().date())

    def load(self) -> None:
        year, service = self.year_spin.value(), self._service()

        def arrived(state: tuple[list[Any], Any]) -> None:
            if year == self.year_spin.value():  # not an answer for a year left meanwhile
                self.show_state(state)
                self.dialog.loaded.emit(self.subject)

        self.call(lambda: self._state(service, year), arrived)

    def show_state(self, state: tuple[list[Any], Any], select: date | None = None) -> None:
        days, gaps = state
        self.show_gaps(gaps)
        self.show_days(days, select)

    def show_gaps(self, gaps: Any) -> None:
        """The gentle notice: years without any official announcement, unsure days."""
        parts = []
        if gaps.unannounced_years:
            years = ", ".join(str(y) for y in gaps.unannounced_years)
            parts.append(
                self.tr(
                    "Lịch nghỉ năm %1 chưa có thông báo chính thức nào, đang tính theo quy tắc "
                    "của gói holidays."
                ).replace("%1", years)
            )
        for a in gaps.unsure:
            unsure = (
                self.tr(
                    "Ngày %1 (%2) đang được tính là ngày làm việc; chưa có văn bản chính thức "
                    "khẳng định."
                )
                if a.working
                else self.tr(
                    "Ngày %1 (%2) đang được tính là ngày nghỉ; chưa có văn bản chính thức "
                    "khẳng định."
                )
            )
            parts.append(unsure.replace("%1", f"{a.day:%d/%m/%Y}").replace("%2", a.name))
        if parts:
            parts.append(self.tr("Hãy kiểm tra thông báo của Chính phủ về lịch nghỉ."))
        self.gaps_label.setText(" ".join(parts))
        self.gaps_label.setVisible(bool(parts))

    def source_text(self, d: Any) -> str:
        """Where the public calendar's answer for a day comes from."""
        if d.source == "package":
            return self.tr("Quy tắc của gói holidays")
        if not d.source:
            return ""
        text = d.document
        if d.source == "upstream":
            text = self.tr("Cấp trên công bố: %1").replace("%1", d.document)
        if not d.certain:
            text += " " + self.tr("(chưa chắc chắn)")
        return text

    def show_days(self, days: list[Any], select: date | None = None) -> None:
        current = select or self.selected_day()
        self.days = list(days)
        self.table.setRowCount(len(days))
        for row, d in enumerate(days):
            kind = self.tr("Ngày làm việc") if d.working else self.tr("Ngày nghỉ")
            if d.public_name:
                public = d.public_name
            elif d.make_up:
                public = self.tr("Làm bù (thứ Bảy làm việc)")
            else:
                public = "—"
            if not d.override:
                override = ""
            elif d.from_upstream:
                override = self.tr("Do cấp trên gửi")
            else:
                override = self.tr("Của đơn vị")
            cells = (
                f"{d.day:%d/%m/%Y}",
                self.tr(WEEKDAYS[d.day.weekday()]),
                kind,
                public,
                self.source_text(d),
                override,
                d.note,
            )
            for column, text in enumerate(cells):
                item = _item(text, d.day.isoformat())
                if column == 2:
                    item.setForeground(QBrush(QColor("#1b5e20" if d.working else "#b71c1c")))
                if column == 4 and d.announcement_note:
                    item.setToolTip(f"{text}\n{d.announcement_note}")
                elif text and column in (3, 4, 6):
                    item.setToolTip(text)
                self.table.setItem(row, column, item)
        shown = [d.day for d in days]
        if current in shown:
            self.table.selectRow(shown.index(current))
            self.table.scrollTo(self.table.model().index(shown.index(current), 0))
        else:
            self.table.clearSelection()
        self.update_buttons()

    def selected_day(self) -> date | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return date.fromisoformat(
            str(self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole))
        )

    def selected(self) -> Any:
        day = self.selected_day()
        return next((d for d in self.days if d.day == day), None)

    def update_buttons(self) -> None:
        selected = self.selected()
        self.remove_button.setEnabled(selected is not None and selected.override)
        if self.remove_announcement_button is not None:
            self.remove_announcement_button.setEnabled(selected is not None and selected.announced)

    def _after_change(
        self, year: int, select: date, message: str
    ) -> Callable[[tuple[list[Any], Any]], None]:
        def done(state: tuple[list[Any], Any]) -> None:
            self.year_spin.blockSignals(True)
            self.year_spin.setValue(year)
            self.year_spin.blockSignals(False)
            self.show_state(state, select=select)
            self.banner.show_info(message)

        return done

    def add(self, working: bool) -> None:
        value = self.date_edit.date()
        day = date(value.year(), value.month(), value.day())
        note, service = self.note_edit.text(), self._service()
        question = (
            (
                self.tr("Thêm ngày làm việc %1 (%2)?")
                if working
                else self.tr("Thêm ngày nghỉ %1 (%2)?")
            )
            .replace("%1", f"{day:%d/%m/%Y}")
            .replace("%2", self.tr(WEEKDAYS[day.weekday()]))
        )
        answer = QMessageBox.question(
            self,
            self.tr("Ngày nghỉ, ngày làm bù"),
            question
            + "\n"
            + self.tr("Hạn trả của hồ sơ tiếp nhận từ nay được tính theo lịch mới."),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return

        def work() -> tuple[list[Any], Any]:
            service.set_override(day, working=working, note=note)
            return self._state(service, day.year)

        if working:
            message = self.tr("Đã thêm ngày làm việc %1.")
        else:
            message = self.tr("Đã thêm ngày nghỉ %1.")
        done = self._after_change(day.year, day, message.replace("%1", f"{day:%d/%m/%Y}"))

        def saved(state: tuple[list[Any], Any]) -> None:
            done(state)
            self.note_edit.clear()

        self.save(work, saved)

    def announce(self, working: bool) -> None:
        """At the upstream office: an official announcement for the desks."""
        value = self.announce_date_edit.date()
        day = date(value.year(), value.month(), value.day())
        when = self.announce_document_date_edit.date()
        document_date = date(when.year(), when.month(), when.day())
        name, document = self.announce_name_edit.text(), self.announce_document_edit.text()
        note, certain = self.announce_note_edit.text(), not self.announce_unsure_box.isChecked()
        service = self._service()
        question = (
            (
                self.tr("Công bố ngày làm việc %1 (%2) theo văn bản %3?")
                if working
                else self.tr("Công bố ngày nghỉ %1 (%2) theo văn bản %3?")
            )
            .replace("%1", f"{day:%d/%m/%Y}")
            .replace("%2", self.tr(WEEKDAYS[day.weekday()]))
            .replace("%3", f"{document.strip()} ({document_date:%d/%m/%Y})")
        )
        answer = QMessageBox.question(
            self,
            self.tr("Thông báo lịch chính thức"),
            question + "\n" + self.tr("Thông báo được gửi đến các đơn vị trong gói cấu hình."),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return

        def work() -> tuple[list[Any], Any]:
            service.add_announcement(
                day,
                working=working,
                name=name,
                document=document,
                document_date=document_date,
                certain=certain,
                note=note,
            )
            return self._state(service, day.year)

        message = self.tr("Đã thêm thông báo lịch ngày %1.").replace("%1", f"{day:%d/%m/%Y}")
        done = self._after_change(day.year, day, message)

        def saved(state: tuple[list[Any], Any]) -> None:
            done(state)
            for edit in (
                self.announce_name_edit,
                self.announce_document_edit,
                self.announce_note_edit,
            ):
                edit.clear()
            self.announce_unsure_box.setChecked(False)

        self.save(work, saved)

    def remove_selected(self) -> None:
        selected = self.selected()
        if selected is None:
            return
        day, service = selected.day, self._service()

        def work() -> tuple[list[Any], Any]:
            service.remove_override(day)
            return self._state(service, day.year)

        message = self.tr("Đã bỏ điều chỉnh ngày %1.").replace("%1", f"{day:%d/%m/%Y}")
        self.save(work, self._after_change(day.year, day, message))

    def remove_selected_announcement(self) -> None:
        selected = self.selected()
        if selected is None:
            return
        day, service = selected.day, self._service()

        def work() -> tuple[list[Any], Any]:
            service.remove_announcement(day)
            return self._state(service, day.year)

        message = self.tr("Đã bỏ thông báo lịch ngày %1.").replace("%1", f"{day:%d/%m/%Y}")
        self.save(work, self._after_change(day.year, day, message))


# --------------------------------------------------------------------- window


class SettingsDialog(QDialog):
    """Thiết lập — the settings window of an administrator.

    ``changed(subject)`` is emitted after every saved change, once the desk has re-read its
    settings (``desk.unit``, ``desk.calendar`` follow it); ``subject`` is one of ``"unit"``,
    ``"officers"``, ``"catalog"``, ``"hours"``, ``"calendar"``. ``loaded(subject)`` says that a
    tab's data arrived."""

    changed = Signal(str)
    loaded = Signal(str)

    def __init__(
        self, desk: Any, parent: QWidget | None = None, *, synchronous: bool = False
    ) -> None:
        from mohao_desk.services.sync import database_is_upstream

        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.desk = desk
        self.synchronous = synchronous  # tests run the service calls inline
        self.upstream = database_is_upstream(desk.db)  # one setting row
        self.setWindowTitle(self.tr("Thiết lập"))
        self.tabs = QTabWidget(self)
        self.unit_tab: UnitTab | None = None
        self.officers_tab: OfficersTab | None = None
        self.hours_tab: HoursTab | None = None
        pages: list[tuple[_Tab, str]] = []
        if not self.upstream:
            self.unit_tab = UnitTab(self)
            self.officers_tab = OfficersTab(self)
            pages += [(self.unit_tab, self.tr("Đơn vị")), (self.officers_tab, self.tr("Cán bộ"))]
        self.catalog_tab = CatalogTab(self)
        pages.append((self.catalog_tab, self.tr("Thủ tục")))
        if not self.upstream:
            self.hours_tab = HoursTab(self)
            pages.append((self.hours_tab, self.tr("Giờ làm việc")))
        self.calendar_tab = CalendarTab(self)
        pages.append((self.calendar_tab, self.tr("Ngày nghỉ, ngày làm bù")))
        for page, title in pages:
            self.tabs.addTab(page, title)
        self.pages = [page for page, _ in pages]

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Đóng"))
        self.close_button.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, *PREFERRED_SIZE)
        limit_to_screen(self)
        for page in self.pages:
            page.load()

    def officers_changed(self, officers: list[Any]) -> None:
        """The officers tab changed the list: the default-officer choice follows it."""
        if self.unit_tab is not None:
            self.unit_tab.set_officers(officers)

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]
