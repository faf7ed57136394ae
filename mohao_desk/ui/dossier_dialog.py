"""The dossier page: everything about one dossier, its timeline (the control slip), the acts its
state allows, digitization by dropping scans on a component or on the result, and its slips."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QDate,
    QDateTime,
    Qt,
    QTime,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QDesktopServices,
    QFont,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
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
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mohao_desk.domain.catalog import COMPONENT_KINDS
from mohao_desk.domain.deadline import Band, Countdown, countdown
from mohao_desk.domain.errors import IllegalTransition, RuleViolation
from mohao_desk.domain.lifecycle import Act, Status, check_transition
from mohao_desk.services.desk import RATINGS, DossierDetail, EventView
from mohao_desk.ui.board_model import BAND_COLORS, BAND_TEXT
from mohao_desk.ui.dialog_kit import (
    FileDropFrame,
    MessageBanner,
    call_service,
    error_text,
    moment_text,
)
from mohao_desk.ui.labels import countdown_text, tr_label
from mohao_desk.ui.screen import fit_to_screen

TICK_MS = 30_000
SCAN_FILTER = QT_TRANSLATE_NOOP(
    "DossierDialog", "Bản quét (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;Mọi tệp (*)"
)

# The acts offered on the page, in the order of a dossier's life.
ACTS: tuple[tuple[Act, str], ...] = (
    (Act.HANDOVER, QT_TRANSLATE_NOOP("DossierDialog", "Chuyển xử lý")),
    (Act.SUPPLEMENT_REQUEST, QT_TRANSLATE_NOOP("DossierDialog", "Yêu cầu bổ sung")),
    (Act.SUPPLEMENT_RECEIVED, QT_TRANSLATE_NOOP("DossierDialog", "Nhận bổ sung")),
    (Act.RESOLVE, QT_TRANSLATE_NOOP("DossierDialog", "Có kết quả")),
    (Act.RETURN, QT_TRANSLATE_NOOP("DossierDialog", "Trả kết quả")),
    (Act.APOLOGIZE, QT_TRANSLATE_NOOP("DossierDialog", "Xin lỗi và hẹn lại")),
    (Act.REFUSE, QT_TRANSLATE_NOOP("DossierDialog", "Từ chối")),
    (Act.WITHDRAW, QT_TRANSLATE_NOOP("DossierDialog", "Rút hồ sơ")),
    (Act.STOP, QT_TRANSLATE_NOOP("DossierDialog", "Dừng giải quyết")),
    (Act.RATE, QT_TRANSLATE_NOOP("DossierDialog", "Đánh giá")),
)
RATING_TEXT = {
    "rat_hai_long": QT_TRANSLATE_NOOP("DossierDialog", "Rất hài lòng"),
    "hai_long": QT_TRANSLATE_NOOP("DossierDialog", "Hài lòng"),
    "khong_hai_long": QT_TRANSLATE_NOOP("DossierDialog", "Không hài lòng"),
}
# The slip each act leaves, printed right after it and from the "last slip" button.
SLIP_OF_ACT = {
    Act.SUPPLEMENT_REQUEST: "supplement",
    Act.APOLOGIZE: "apology",
    Act.REFUSE: "refusal",
    Act.STOP: "stop",
}
WEEKDAY_NAMES = (
    QT_TRANSLATE_NOOP("DossierDialog", "thứ Hai"),
    QT_TRANSLATE_NOOP("DossierDialog", "thứ Ba"),
    QT_TRANSLATE_NOOP("DossierDialog", "thứ Tư"),
    QT_TRANSLATE_NOOP("DossierDialog", "thứ Năm"),
    QT_TRANSLATE_NOOP("DossierDialog", "thứ Sáu"),
    QT_TRANSLATE_NOOP("DossierDialog", "thứ Bảy"),
    QT_TRANSLATE_NOOP("DossierDialog", "Chủ nhật"),
)
# Acts after which the dossier is closed for good: confirmed before they are recorded.
FINAL_ACTS = frozenset({Act.REFUSE, Act.WITHDRAW, Act.STOP})
SLIP_TITLES = {
    "receipt": QT_TRANSLATE_NOOP("DossierDialog", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
    "control": QT_TRANSLATE_NOOP("DossierDialog", "Phiếu kiểm soát quá trình giải quyết hồ sơ"),
    "supplement": QT_TRANSLATE_NOOP("DossierDialog", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"),
    "apology": QT_TRANSLATE_NOOP("DossierDialog", "Phiếu xin lỗi và hẹn lại ngày trả kết quả"),
    "refusal": QT_TRANSLATE_NOOP("DossierDialog", "Phiếu từ chối tiếp nhận giải quyết hồ sơ"),
    "stop": QT_TRANSLATE_NOOP("DossierDialog", "Thông báo dừng giải quyết hồ sơ"),
}
# Short names for the buttons (two a row); the tooltip gives the form's full title.
SLIP_BUTTONS = {
    "supplement": QT_TRANSLATE_NOOP("DossierDialog", "Phiếu bổ sung"),
    "apology": QT_TRANSLATE_NOOP("DossierDialog", "Phiếu xin lỗi"),
    "refusal": QT_TRANSLATE_NOOP("DossierDialog", "Phiếu từ chối"),
    "stop": QT_TRANSLATE_NOOP("DossierDialog", "Thông báo dừng"),
}
SLIP_FILES = {
    "receipt": "giay-tiep-nhan",
    "control": "phieu-kiem-soat",
    "supplement": "phieu-yeu-cau-bo-sung",
    "apology": "phieu-xin-loi",
    "refusal": "phieu-tu-choi",
    "stop": "thong-bao-dung",
}
STATUS_COLORS = {
    Status.RECEIVED: ("#e3f2fd", "#0d47a1"),
    Status.PROCESSING: ("#e3f2fd", "#0d47a1"),
    Status.WAITING_SUPPLEMENT: ("#fff4cc", "#5a3d00"),
    Status.RESULT_READY: ("#e8f5e9", "#1b5e20"),
    Status.RETURNED: ("#eceff1", "#263238"),
    Status.REFUSED: ("#fde2e1", "#8e1b1b"),
    Status.WITHDRAWN: ("#eceff1", "#263238"),
    Status.STOPPED: ("#fde2e1", "#8e1b1b"),
}


def allowed_acts(
    detail: DossierDetail, can: Callable[[Act], bool] = lambda _act: True
) -> list[Act]:
    """The acts the dossier's state allows (lifecycle rules; ``stop`` only for regime B) and
    the logged-in account's roles (``can``: issue 11)."""
    allowed = []
    for act, _label in ACTS:
        if act is Act.STOP and detail.regime != "B":
            continue
        if not can(act):
            continue
        try:
            check_transition(act, detail.summary.status)
        except IllegalTransition:
            continue
        allowed.append(act)
    return allowed


def printable_slips(detail: DossierDetail) -> list[str]:
    """The slips the dossier's acts made that can still be printed, in the order of its life:
    the supplement slip once one was requested, the apology slip once one was recorded (both
    stay printable whatever came after), the refusal slip of a refused dossier, the stop notice
    of a stopped one."""
    made = {SLIP_OF_ACT[e.act] for e in detail.events if e.act in SLIP_OF_ACT}
    status = detail.summary.status
    if status is not Status.REFUSED:
        made.discard("refusal")
    if status is not Status.STOPPED:
        made.discard("stop")
    return [kind for kind in SLIP_BUTTONS if kind in made]


def _chip(label: QLabel, background: str, color: str) -> None:
    label.setStyleSheet(
        f"QLabel {{ background: {background}; color: {color}; border: 1px solid {color};"
        " border-radius: 10px; padding: 3px 10px; font-weight: bold; }"
    )


class _TimelineTable(QTableWidget):
    """The timeline: rows grow with their wrapped text whenever the table's width changes (a
    handful of rows, so measuring them all is cheap)."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_rows()

    def fit_rows(self) -> None:
        for row in range(self.rowCount()):
            self.setRowHeight(row, max(28, self.sizeHintForRow(row) + 6))


class ComponentDropRow(FileDropFrame):
    """A component (or the result) of the dossier: its digitization state; scans dropped on it
    or chosen with "Chọn tệp…" are digitized."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(title, self)
        self.title.setWordWrap(True)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Chọn tệp…"), self)
        self.choose_button.setAutoDefault(False)
        self.choose_button.setToolTip(self.tr("Chọn tệp bản quét (hoặc kéo thả tệp vào dòng này)"))
        # The file digitized last for this row (its SHA-256), opened from the unit's data on
        # any PC of the unit.
        self.sha256: str | None = None
        self.open_button = QPushButton(self.tr("Mở tệp"), self)
        self.open_button.setAutoDefault(False)
        self.open_button.setToolTip(self.tr("Xem tệp đã số hóa"))
        self.open_button.hide()
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title)
        text.addWidget(self.state)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 5, 8, 5)
        layout.addLayout(text, 1)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignVCenter)

    def set_file(self, sha256: str | None) -> None:
        self.sha256 = sha256
        self.open_button.setVisible(sha256 is not None)

    def set_state(self, text: str, done: bool, enabled: bool = True) -> None:
        self.state.setText(text)
        self.state.setStyleSheet("color: #1b5e20;" if done else "color: #8a5a00;")
        self.accepting = enabled
        self.choose_button.setEnabled(enabled)


class DossierDialog(QDialog):
    """Trang hồ sơ — one dossier, its life and its acts."""

    changed = Signal()  # an act was recorded
    loaded = Signal()  # the dossier on screen was (re)loaded
    slip_shown = Signal(str)  # a slip preview opened (its kind)

    def __init__(
        self,
        desk: Any,
        code: str,
        officer: str | None = None,
        parent: QWidget | None = None,
        *,
        synchronous: bool = False,
        read_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.desk = desk
        self.code = code
        self.officer = officer
        self.synchronous = synchronous
        # Read-only: the upstream office looks at what a unit sent; no act, no scan, no slip.
        self.read_only = read_only
        self.detail: DossierDetail | None = None
        self.current_act: Act | None = None
        self.previews: list[QDialog] = []
        self._busy = False
        self._keep_form = False
        self.setWindowTitle(self.tr("Hồ sơ %1").replace("%1", code))
        self._build()
        fit_to_screen(self, 1180, 700)
        self.tick_timer = QTimer(self)
        self.tick_timer.setInterval(TICK_MS)
        self.tick_timer.timeout.connect(self._tick)
        self.tick_timer.start()
        call_service(self, synchronous, desk.officers, self._officers_arrived, self._failed)
        self.reload()

    # ------------------------------------------------------------ layout
    def _build(self) -> None:
        # Header: code, status, countdown.
        self.code_label = QLabel(self.code, self)
        font = QFont(self.code_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.code_label.setFont(font)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel(self)
        self.countdown_label = QLabel(self)
        self.appointment_label = QLabel(self)
        header = QHBoxLayout()
        header.addWidget(self.code_label)
        header.addSpacing(12)
        header.addWidget(self.status_label)
        header.addWidget(self.countdown_label)
        header.addWidget(self.appointment_label)
        header.addStretch(1)
        self.error_label = MessageBanner(self)

        # Facts of the dossier.
        info = QGroupBox(self.tr("Thông tin hồ sơ"), self)
        grid = QGridLayout(info)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(5)
        self.fields: dict[str, QLabel] = {}
        self.field_names: dict[str, QLabel] = {}
        rows = (
            ("procedure", self.tr("Thủ tục:")),
            ("applicant", self.tr("Người nộp:")),
            ("phone", self.tr("Điện thoại:")),
            ("address", self.tr("Địa chỉ:")),
            ("channel", self.tr("Kênh nộp:")),
            ("received", self.tr("Tiếp nhận:")),
            ("due", self.tr("Hẹn trả:")),
            ("original_due", self.tr("Hạn ban đầu:")),
            ("officer", self.tr("Cán bộ xử lý:")),
            ("finished", self.tr("Kết thúc:")),
            ("counts", self.tr("Bổ sung / xin lỗi:")),
        )
        for row, (key, name) in enumerate(rows):
            name_label = QLabel(name, info)
            name_label.setStyleSheet("color: #5f6368;")
            name_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            value = QLabel(info)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(name_label, row, 0)
            grid.addWidget(value, row, 1)
            self.fields[key] = value
            self.field_names[key] = name_label
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(len(rows), 1)

        # Components and result, with drop targets.
        files = QGroupBox(
            self.tr("Thành phần hồ sơ và kết quả")
            if self.read_only
            else self.tr("Thành phần hồ sơ và kết quả — kéo thả bản quét vào dòng"),
            self,
        )
        self.components_holder = QWidget(files)
        self.components_layout = QVBoxLayout(self.components_holder)
        self.components_layout.setContentsMargins(0, 0, 0, 0)
        self.components_layout.setSpacing(5)
        self.components_layout.addStretch(1)
        self.component_rows: list[ComponentDropRow] = []
        scroll = QScrollArea(files)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.components_holder)
        self.result_row = ComponentDropRow(self.tr("Kết quả giải quyết"), files)
        self.result_row.title.setStyleSheet("font-weight: bold;")
        self.result_row.files_dropped.connect(lambda paths: self.digitize(paths, result=True))
        self.result_row.choose_button.clicked.connect(lambda: self._choose(result=True))
        self.result_row.open_button.clicked.connect(
            lambda _checked=False: self.open_file(self.result_row)
        )
        files_box = QVBoxLayout(files)
        files_box.addWidget(scroll, 1)
        files_box.addWidget(self.result_row)

        top = QHBoxLayout()
        top.addWidget(info, 5)
        top.addWidget(files, 6)

        # Timeline (the control slip).
        timeline_box = QGroupBox(self.tr("Quá trình giải quyết"), self)
        self.timeline = _TimelineTable(0, 4, timeline_box)
        self.timeline.setHorizontalHeaderLabels(
            [self.tr("Thời gian"), self.tr("Thao tác"), self.tr("Cán bộ"), self.tr("Nội dung")]
        )
        self.timeline.verticalHeader().setVisible(False)
        self.timeline.verticalHeader().setMinimumSectionSize(28)
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.setWordWrap(True)
        header_view = self.timeline.horizontalHeader()
        header_view.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((125, 150, 150)):
            header_view.resizeSection(column, width)
        header_view.setStretchLastSection(True)
        # Rows grow with their wrapped text whenever the columns change width.
        header_view.sectionResized.connect(lambda *_: self.timeline.fit_rows())
        QVBoxLayout(timeline_box).addWidget(self.timeline)

        left = QVBoxLayout()
        left.addLayout(top, 4)
        left.addWidget(timeline_box, 5)

        # The acts, the open act's form and the slips: a column that scrolls when a long form
        # meets a short screen, with "Đóng" always visible under it.
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 4, 0)
        self.acts_box = self._build_acts()
        right.addWidget(self.acts_box)
        right.addWidget(self._build_form())
        right.addWidget(self._build_prints())
        right.addStretch(1)
        right_widget = QWidget(self)
        right_widget.setLayout(right)
        self.side_scroll = QScrollArea(self)
        self.side_scroll.setWidgetResizable(True)
        self.side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side_scroll.setWidget(right_widget)
        self.side_scroll.setFixedWidth(320)
        self.close_button = QPushButton(self.tr("Đóng"), self)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.close)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        side = QVBoxLayout()
        side.addWidget(self.side_scroll, 1)
        side.addWidget(self.close_button)
        if self.read_only:
            self.acts_box.hide()
            self.prints_box.hide()
            self.read_only_label = QLabel(
                self.tr(
                    "Hồ sơ do đơn vị gửi lên: chỉ xem. Gói gửi lên mang các mốc thời gian, trạng"
                    " thái và số hóa của hồ sơ, không mang từng giấy tờ, quá trình xử lý chi tiết"
                    " hay thông tin cá nhân của người dân. Thao tác, số hóa và in phiếu được thực"
                    " hiện tại Bộ phận Một cửa của đơn vị."
                ),
                self,
            )
            self.read_only_label.setWordWrap(True)
            self.read_only_label.setStyleSheet("color: #5f6368;")
            right.insertWidget(0, self.read_only_label)

        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.addLayout(header)
        layout.addWidget(self.error_label)
        layout.addLayout(body, 1)

    def _build_acts(self) -> QGroupBox:
        box = QGroupBox(self.tr("Thao tác"), self)
        grid = QGridLayout(box)
        grid.setSpacing(6)
        self.act_buttons: dict[Act, QPushButton] = {}
        for act, label in ACTS:
            button = QPushButton(self.tr(label), box)
            button.setAutoDefault(False)
            button.setMinimumHeight(30)
            button.clicked.connect(lambda _checked=False, a=act: self.open_act(a))
            button.hide()  # shown once the dossier's state is known
            self.act_buttons[act] = button
        self._acts_grid = grid
        self.no_act_label = QLabel(self.tr("Hồ sơ đã kết thúc: không còn thao tác nào."), box)
        self.no_act_label.setWordWrap(True)
        self.no_act_label.setStyleSheet("color: #5f6368;")
        self.no_act_label.hide()
        return box

    def _layout_act_buttons(self, allowed: list[Act]) -> None:
        """Only the allowed acts, two a row, in the order of a dossier's life."""
        grid = self._acts_grid
        while grid.count():
            grid.takeAt(0)
        for act, button in self.act_buttons.items():
            button.setEnabled(act in allowed and not self._busy)
            button.setVisible(act in allowed)
        for n, act in enumerate(allowed):
            grid.addWidget(self.act_buttons[act], n // 2, n % 2)
        self.no_act_label.setVisible(not allowed)
        if not allowed:
            grid.addWidget(self.no_act_label, 0, 0, 1, 2)

    def _build_form(self) -> QGroupBox:
        self.form_box = QGroupBox(self)
        self.form_pages = QStackedWidget(self.form_box)
        self.act_error = MessageBanner(self.form_box)
        self.form_pages_of: dict[Act, QWidget] = {}
        self.note_edits: dict[Act, QLineEdit] = {}

        def page(act: Act) -> QFormLayout:
            widget = QWidget(self.form_pages)
            form = QFormLayout(widget)
            form.setContentsMargins(0, 0, 0, 0)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
            self.form_pages.addWidget(widget)
            self.form_pages_of[act] = widget
            return form

        def note(act: Act, form: QFormLayout, label: str) -> None:
            edit = QLineEdit(self.form_pages_of[act])
            form.addRow(label, edit)
            self.note_edits[act] = edit

        form = page(Act.HANDOVER)
        self.handover_officer = QComboBox(self.form_pages_of[Act.HANDOVER])
        self.handover_officer.addItem(self.tr("— Không chọn cán bộ —"), None)
        self.handover_body = QLineEdit(self.form_pages_of[Act.HANDOVER])
        self.handover_body.setPlaceholderText(self.tr("Ví dụ: Công chức Tư pháp - Hộ tịch"))
        form.addRow(self.tr("Chuyển cho cán bộ:"), self.handover_officer)
        form.addRow(self.tr("Cơ quan, bộ phận nhận:"), self.handover_body)
        note(Act.HANDOVER, form, self.tr("Ghi chú:"))

        form = page(Act.SUPPLEMENT_REQUEST)
        self.supplement_warning = MessageBanner(self.form_pages_of[Act.SUPPLEMENT_REQUEST])
        self.supplement_missing = QPlainTextEdit(self.form_pages_of[Act.SUPPLEMENT_REQUEST])
        self.supplement_missing.setPlaceholderText(
            self.tr(
                "Mỗi dòng một giấy tờ, ví dụ:\nBản sao CCCD của cha mẹ\n"
                "Tờ khai đăng ký khai sinh | bản chính | 2"
            )
        )
        self.supplement_missing.setTabChangesFocus(True)
        self.supplement_missing.setMinimumHeight(70)
        self.supplement_reason = QLineEdit(self.form_pages_of[Act.SUPPLEMENT_REQUEST])
        self.supplement_reason_label = QLabel(self.tr("Lý do:"))
        form.addRow(self.supplement_warning)
        form.addRow(self.tr("Giấy tờ cần bổ sung:"), self.supplement_missing)
        form.addRow(self.supplement_reason_label, self.supplement_reason)

        form = page(Act.SUPPLEMENT_RECEIVED)
        note(Act.SUPPLEMENT_RECEIVED, form, self.tr("Ghi chú:"))

        form = page(Act.RESOLVE)
        self.resolve_electronic = QCheckBox(
            self.tr("Kết quả điện tử"), self.form_pages_of[Act.RESOLVE]
        )
        form.addRow(self.resolve_electronic)
        note(Act.RESOLVE, form, self.tr("Ghi chú:"))

        form = page(Act.RETURN)
        note(Act.RETURN, form, self.tr("Ghi chú (người nhận, giấy tờ đã giao):"))

        form = page(Act.APOLOGIZE)
        owner = self.form_pages_of[Act.APOLOGIZE]
        self.apology_info = QLabel(owner)
        self.apology_info.setWordWrap(True)
        self.apology_reason = QPlainTextEdit(owner)
        self.apology_reason.setTabChangesFocus(True)
        self.apology_reason.setPlaceholderText(self.tr("Lý do chậm trễ"))
        self.apology_reason.setMinimumHeight(60)
        self.apology_reason.setMaximumHeight(80)
        self.apology_due = QDateTimeEdit(owner)
        self.apology_due.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.apology_due.setCalendarPopup(True)
        self.override_label = QLabel(self.tr("Lý do ngoại lệ (bắt buộc để vẫn ghi nhận):"), owner)
        self.override_label.setWordWrap(True)
        self.override_edit = QLineEdit(owner)
        self.override_edit.setPlaceholderText(self.tr("Ví dụ: Chủ tịch UBND đồng ý bằng văn bản"))
        form.addRow(self.apology_info)
        form.addRow(self.tr("Lý do:"), self.apology_reason)
        form.addRow(self.tr("Ngày giờ hẹn trả mới:"), self.apology_due)
        form.addRow(self.override_label, self.override_edit)
        self.override_label.hide()
        self.override_edit.hide()

        self.reason_edits: dict[Act, QPlainTextEdit] = {}
        for act, what in (
            (Act.REFUSE, self.tr("Lý do từ chối (bắt buộc):")),
            (Act.WITHDRAW, self.tr("Lý do rút hồ sơ:")),
            (Act.STOP, self.tr("Lý do dừng giải quyết (bắt buộc):")),
        ):
            form = page(act)
            edit = QPlainTextEdit(self.form_pages_of[act])
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(60)
            edit.setMaximumHeight(90)
            form.addRow(what, edit)
            self.reason_edits[act] = edit

        form = page(Act.RATE)
        self.rating_group = QButtonGroup(self)
        self.rating_buttons: dict[str, QRadioButton] = {}
        for key in RATINGS:
            radio = QRadioButton(self.tr(RATING_TEXT[key]), self.form_pages_of[Act.RATE])
            self.rating_group.addButton(radio)
            self.rating_buttons[key] = radio
            form.addRow(radio)
        self.rating_buttons["hai_long"].setChecked(True)

        self.confirm_button = QPushButton(self.tr("Ghi nhận"), self.form_box)
        self.confirm_button.setMinimumHeight(30)
        self.confirm_button.setAutoDefault(False)
        self.confirm_button.clicked.connect(self.confirm_act)
        # Enter in a one-line field of the form records the act, as "Ghi nhận" does.
        for edit in (
            *self.note_edits.values(),
            self.handover_body,
            self.supplement_reason,
            self.override_edit,
        ):
            edit.returnPressed.connect(self.confirm_act)
        self.cancel_act_button = QPushButton(self.tr("Hủy"), self.form_box)
        self.cancel_act_button.setAutoDefault(False)
        self.cancel_act_button.clicked.connect(self.close_act)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.cancel_act_button)
        box = QVBoxLayout(self.form_box)
        box.addWidget(self.form_pages)
        box.addLayout(buttons)  # "Ghi nhận" stays where it was when a message appears under it
        box.addWidget(self.act_error)
        self.form_box.hide()
        return self.form_box

    def _build_prints(self) -> QGroupBox:
        box = QGroupBox(self.tr("In phiếu"), self)
        self.prints_box = box
        layout = QGridLayout(box)
        layout.setSpacing(6)
        self.print_buttons: dict[str, QPushButton] = {}
        labels = {
            "receipt": self.tr("Giấy tiếp nhận"),
            "control": self.tr("Phiếu kiểm soát"),
            **{kind: self.tr(text) for kind, text in SLIP_BUTTONS.items()},
        }
        for kind, label in labels.items():
            button = QPushButton(label, box)
            button.setAutoDefault(False)
            button.setToolTip(self.tr(SLIP_TITLES[kind]))
            button.clicked.connect(lambda _checked=False, k=kind: self.print_slip(k))
            layout.addWidget(button, len(self.print_buttons) // 2, len(self.print_buttons) % 2)
            self.print_buttons[kind] = button
            if kind in SLIP_BUTTONS:
                button.hide()  # shown once the dossier has such a slip
        return box

    # ------------------------------------------------------------ data
    def _call(
        self,
        fn: Callable[[], Any],
        done: Callable[[Any], None],
        error: Callable[[BaseException], None] | None = None,
    ) -> None:
        call_service(self, self.synchronous, fn, done, error or self._failed)

    def reload(self) -> None:
        self._call(lambda: self.desk.get(self.code), self.show_detail)

    def _officers_arrived(self, officers: list[tuple[str, str]]) -> None:
        for username, full_name in officers:
            self.handover_officer.addItem(full_name, username)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.error_label.show_error(error_text(exc))

    def show_detail(self, detail: DossierDetail) -> None:
        """Put a dossier on screen (after loading or after an act)."""
        self.detail = detail
        s = detail.summary
        self.code = s.code
        if s.applicant.strip():
            self.setWindowTitle(
                self.tr("Hồ sơ %1 — %2").replace("%1", s.code).replace("%2", s.applicant)
            )
        else:  # dossiers a unit sent without personal data
            self.setWindowTitle(self.tr("Hồ sơ %1").replace("%1", s.code))
        self.code_label.setText(s.code)
        background, color = STATUS_COLORS[s.status]
        self.status_label.setText(tr_label(s.status.label))
        _chip(self.status_label, background, color)
        self._show_countdown()

        f = self.fields
        f["procedure"].setText(f"{s.procedure} ({s.procedure_code})")
        f["applicant"].setText(s.applicant)
        f["phone"].setText(s.phone or "—")
        f["address"].setText(detail.address or "—")
        sets = self.tr("%1 bộ").replace("%1", str(detail.sets_count))
        f["channel"].setText(f"{tr_label(s.channel.label)} · {sets}")
        received = moment_text(s.received_at)
        counted = self.desk.calendar.normalize(s.received_at)
        if counted != s.received_at.replace(second=0, microsecond=0):
            # Arrived outside office hours: the deadline counts from the next opening.
            received = (
                self.tr("%1 (tính hạn từ %2)")
                .replace("%1", received)
                .replace("%2", moment_text(counted))
            )
        f["received"].setText(received)
        f["due"].setText(moment_text(s.due_at))
        reappointed = s.apology_count > 0 and s.due_at != s.original_due_at
        f["original_due"].setText(moment_text(s.original_due_at))
        f["original_due"].setVisible(reappointed)
        self.field_names["original_due"].setVisible(reappointed)
        f["officer"].setText(s.officer or self.tr("Chưa phân công"))
        finished = []
        if s.finished_at:
            finished.append(moment_text(s.finished_at))
            if s.timeliness is not None:
                finished.append(tr_label(s.timeliness.label))
        if s.returned_at:
            finished.append(self.tr("trả ngày %1").replace("%1", moment_text(s.returned_at)))
        f["finished"].setText(", ".join(finished))
        f["finished"].setVisible(bool(finished))
        self.field_names["finished"].setVisible(bool(finished))
        f["counts"].setText(
            self.tr("%1 lần bổ sung · %2 lần xin lỗi")
            .replace("%1", str(s.supplement_count))
            .replace("%2", str(s.apology_count))
        )

        self._show_components(detail)
        self._show_timeline(detail.events)
        allowed = allowed_acts(detail, self.desk.can)
        self._layout_act_buttons(allowed)
        if self.current_act is not None and self.current_act not in allowed:
            if self._keep_form:
                # Refused because someone else acted meanwhile: keep what was typed on screen,
                # with the reason; the officer closes the form.
                self.confirm_button.setEnabled(False)
            else:
                self.close_act()
        slips = printable_slips(detail)
        for kind in SLIP_BUTTONS:
            self.print_buttons[kind].setVisible(kind in slips)
        self.loaded.emit()

    def _show_countdown(self) -> None:
        s = self.detail.summary if self.detail else None
        self.appointment_label.hide()
        if s is None:
            return
        if s.countdown is not None:
            cd: Countdown = s.countdown
            if not s.paused:
                cd = self.desk.live_countdown(s, self.desk.now()) or cd
            text = countdown_text(cd)
            if s.paused:
                text = self.tr("Tạm dừng chờ bổ sung — %1").replace("%1", text)
            elif s.appointment is not None:  # beside "Hẹn lại: …", say which date this is
                text = (
                    self.tr("Hạn theo quy định: %1 (%2)")
                    .replace("%1", text)
                    .replace("%2", tr_label(cd.band.label))
                )
            elif cd.band is not Band.OVERDUE:  # "quá 9 ngày" says it already
                text = f"{text} ({tr_label(cd.band.label)})"
            self.countdown_label.setText(text)
            _chip(self.countdown_label, BAND_COLORS[cd.band].name(), BAND_TEXT[cd.band].name())
            if s.appointment is not None:
                moment = s.appointment
                if not s.paused:
                    moment = countdown(self.desk.calendar, s.due_at, self.desk.now())
                self.appointment_label.setText(
                    self.tr("Hẹn lại: %1").replace("%1", countdown_text(moment))
                )
                _chip(
                    self.appointment_label,
                    BAND_COLORS[moment.band].name(),
                    BAND_TEXT[moment.band].name(),
                )
                self.appointment_label.show()
        elif s.timeliness is not None:
            band = {
                "truoc_han": Band.ON_TRACK,
                "dung_han": Band.ON_TRACK,
                "qua_han": Band.OVERDUE,
            }[s.timeliness.value]
            self.countdown_label.setText(
                self.tr("Giải quyết %1").replace("%1", tr_label(s.timeliness.label))
            )
            _chip(self.countdown_label, BAND_COLORS[band].name(), BAND_TEXT[band].name())
        else:
            self.countdown_label.setText("")
            self.countdown_label.setStyleSheet("")
        self.countdown_label.setVisible(bool(self.countdown_label.text()))

    def _tick(self) -> None:
        if self.detail is not None:
            self._show_countdown()

    def _show_components(self, detail: DossierDetail) -> None:
        while len(self.component_rows) > len(detail.components):
            row = self.component_rows.pop()
            self.components_layout.removeWidget(row)
            row.hide()
            row.deleteLater()
        while len(self.component_rows) < len(detail.components):
            number = len(self.component_rows) + 1
            row = ComponentDropRow("", self.components_holder)
            row.files_dropped.connect(lambda paths, n=number: self.digitize(paths, component=n))
            row.choose_button.clicked.connect(lambda _checked=False, n=number: self._choose(n))
            row.open_button.clicked.connect(lambda _checked=False, r=row: self.open_file(r))
            self.components_layout.insertWidget(self.components_layout.count() - 1, row)
            self.component_rows.append(row)
        for row, c in zip(self.component_rows, detail.components, strict=True):
            kind = tr_label(COMPONENT_KINDS.get(c.kind, c.kind))
            row.title.setText(f"{c.position}. {c.name}  ({kind}, {c.count})")
            if c.digitized_at is not None:
                state = (
                    self.tr("✔ Đã số hóa %1 — %2")
                    .replace("%1", moment_text(c.digitized_at))
                    .replace("%2", c.file_name or "")
                )
                if c.reused:
                    state += self.tr(" (tái sử dụng)")
                row.set_state(state, True)
                row.setToolTip(f"SHA-256: {c.sha256}")
                row.set_file(c.sha256)
            else:
                row.set_state(self.tr("Chưa số hóa"), False)
                row.setToolTip("")
                row.set_file(None)
        s = detail.summary
        if s.status in (Status.RESULT_READY, Status.RETURNED):
            if s.result_digitized:
                event = next(
                    (
                        e
                        for e in reversed(detail.events)
                        if e.act is Act.DIGITIZE and e.data.get("target") == "result"
                    ),
                    None,
                )
                text = self.tr("✔ Đã số hóa")
                if event is not None:
                    text += f" {moment_text(event.at)} — {event.data.get('file', '')}"
                self.result_row.set_state(text, True)
                self.result_row.set_file(None if event is None else event.data.get("sha256"))
            else:
                self.result_row.set_state(self.tr("Đã có kết quả, chưa số hóa"), False)
                self.result_row.set_file(None)
        else:
            self.result_row.set_state(self.tr("Chưa có kết quả"), False, enabled=False)
            self.result_row.set_file(None)
            self.result_row.state.setStyleSheet("color: #5f6368;")
        if self.read_only:
            for row in (*self.component_rows, self.result_row):
                row.accepting = False
                row.choose_button.hide()
                row.open_button.hide()  # the units' scans stay at the units

    def _show_timeline(self, events: list[EventView]) -> None:
        self.timeline.setRowCount(len(events))
        for row, event in enumerate(events):
            cells = (
                moment_text(event.at),
                tr_label(event.act.label),
                event.officer or "",
                self.event_note(event),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.timeline.setItem(row, column, item)
        self.timeline.fit_rows()
        self.timeline.scrollToBottom()

    def event_note(self, event: EventView) -> str:
        """What an event says, in a line."""
        d = event.data
        parts: list[str] = []
        if event.act is Act.REGISTER:
            due = d.get("due_at")
            if due:
                parts.append(
                    self.tr("Hẹn trả %1").replace("%1", moment_text(datetime.fromisoformat(due)))
                )
        elif event.act is Act.HANDOVER:
            receiver = " — ".join(x for x in (d.get("to_name"), d.get("body")) if x)
            if receiver:
                parts.append(self.tr("Chuyển cho %1").replace("%1", receiver))
        elif event.act is Act.SUPPLEMENT_REQUEST:
            parts.append(self.tr("Cần bổ sung: %1").replace("%1", "; ".join(d.get("missing", []))))
        elif event.act is Act.SUPPLEMENT_RECEIVED:
            pass
        elif event.act is Act.RESOLVE:
            timeliness = d.get("timeliness")
            labels = {"truoc_han": "trước hạn", "dung_han": "đúng hạn", "qua_han": "quá hạn"}
            if timeliness in labels:
                parts.append(self.tr("Giải quyết %1").replace("%1", tr_label(labels[timeliness])))
        elif event.act is Act.APOLOGIZE:
            new_due = d.get("new_due_at")
            if new_due:
                parts.append(
                    self.tr("Hẹn lại %1").replace(
                        "%1", moment_text(datetime.fromisoformat(new_due))
                    )
                )
            if d.get("override"):
                parts.append(self.tr("ngoại lệ: %1").replace("%1", d["override"]))
        elif event.act is Act.DIGITIZE:
            file = str(d.get("file") or "")
            if d.get("target") == "result":
                parts.append(self.tr("Kết quả: %1").replace("%1", file) if file else "")
            elif d.get("component"):
                text = self.tr("Thành phần %1").replace("%1", str(d["component"]))
                parts.append(f"{text}: {file}" if file else text)
        elif event.act is Act.RATE:
            parts.append(tr_label(d.get("rating_label", "")))
        for key in ("reason", "note"):
            if d.get(key):
                parts.append(str(d[key]))
        return "; ".join(p for p in parts if p)

    # ------------------------------------------------------------ acts
    def open_act(self, act: Act) -> None:
        """Show the form of an act (its inputs, "Ghi nhận" and "Hủy")."""
        if self.detail is None or self.read_only:
            return
        self.current_act = act
        self.confirm_button.setEnabled(not self._busy)
        label = dict(ACTS)[act]
        self.form_box.setTitle(self.tr(label))
        self.form_pages.setCurrentWidget(self.form_pages_of[act])
        self.act_error.clear_message()
        s = self.detail.summary
        if act is Act.SUPPLEMENT_REQUEST:
            if s.supplement_count >= 1:
                self.supplement_warning.show_warning(
                    self.tr(
                        "Hồ sơ đã được yêu cầu bổ sung %1 lần. Yêu cầu thêm lần nữa sẽ khiến hồ "
                        "sơ bị tính là QUÁ HẠN; phải nêu lý do."
                    ).replace("%1", str(s.supplement_count))
                )
                self.supplement_reason_label.setText(self.tr("Lý do (bắt buộc):"))
            else:
                self.supplement_warning.clear_message()
                self.supplement_reason_label.setText(self.tr("Lý do:"))
        elif act is Act.APOLOGIZE:
            info = self.tr("Đang hẹn trả: %1").replace("%1", moment_text(s.due_at))
            if s.due_at != s.original_due_at:
                info += self.tr(" (hạn ban đầu %1)").replace("%1", moment_text(s.original_due_at))
            self.apology_info.setText(info)
            # One working day after the current appointment, or after now if that has passed.
            suggestion = self.desk.calendar.add_working_days(max(s.due_at, self.desk.now()), 1)
            self.apology_due.setDateTime(_qt_moment(suggestion))
            self.apology_due.setMinimumDateTime(_qt_moment(s.received_at))
            self.override_label.hide()
            self.override_edit.hide()
            self.override_edit.clear()
        self.form_box.show()
        first = {
            Act.HANDOVER: self.handover_officer,
            Act.SUPPLEMENT_REQUEST: self.supplement_missing,
            Act.APOLOGIZE: self.apology_reason,
            Act.RATE: self.rating_buttons["hai_long"],
            **self.reason_edits,
        }.get(act) or self.note_edits.get(act)
        if first is not None:
            first.setFocus()

    def close_act(self) -> None:
        self.current_act = None
        self.act_error.clear_message()
        self.form_box.hide()

    def _clear_forms(self) -> None:
        for edit in self.note_edits.values():
            edit.clear()
        for edit in (self.supplement_missing, self.apology_reason, *self.reason_edits.values()):
            edit.clear()
        self.supplement_reason.clear()
        self.handover_body.clear()
        self.handover_officer.setCurrentIndex(0)
        self.override_edit.clear()
        self.resolve_electronic.setChecked(False)

    def act_arguments(self, act: Act) -> dict[str, Any]:
        """The service call's keyword arguments, read from the act's form (raises ValueError
        with a message for the user when something required is missing)."""
        by = {"by": self.officer}
        note = self.note_edits[act].text() if act in self.note_edits else ""
        if act is Act.HANDOVER:
            to, body = self.handover_officer.currentData(), self.handover_body.text().strip()
            if not to and not body:
                raise ValueError(self.tr("Chọn cán bộ nhận hoặc ghi cơ quan, bộ phận nhận."))
            return {"to": to, "body": body, "note": note, **by}
        if act is Act.SUPPLEMENT_REQUEST:
            missing = [
                line.strip()
                for line in self.supplement_missing.toPlainText().splitlines()
                if line.strip()
            ]
            if not missing:
                raise ValueError(self.tr("Ghi ít nhất một giấy tờ cần bổ sung (mỗi dòng một)."))
            reason = self.supplement_reason.text().strip()
            if self.detail and self.detail.summary.supplement_count >= 1 and not reason:
                raise ValueError(
                    self.tr("Yêu cầu bổ sung lần nữa sẽ bị tính là quá hạn: phải nêu lý do.")
                )
            return {"missing": missing, "reason": reason, **by}
        if act is Act.RESOLVE:
            return {"electronic": self.resolve_electronic.isChecked(), "note": note, **by}
        if act in (Act.SUPPLEMENT_RECEIVED, Act.RETURN):
            return {"note": note, **by}
        if act in (Act.REFUSE, Act.WITHDRAW, Act.STOP):
            reason = self.reason_edits[act].toPlainText().strip()
            if act is not Act.WITHDRAW and not reason:
                raise ValueError(self.tr("Phải nêu lý do."))
            return {"reason": reason, **by}
        if act is Act.APOLOGIZE:
            reason = self.apology_reason.toPlainText().strip()
            if not reason:
                raise ValueError(self.tr("Phải nêu lý do chậm trễ."))
            moment = self.apology_due.dateTime().toPython()
            assert isinstance(moment, datetime)
            override = self.override_edit.text().strip() if self.override_edit.isVisible() else ""
            return {
                "reason": reason,
                "new_due": moment.replace(second=0, microsecond=0),
                "override": override or None,
                **by,
            }
        if act is Act.RATE:
            rating = next(k for k, b in self.rating_buttons.items() if b.isChecked())
            return {"rating": rating, **by}
        raise AssertionError(act)  # pragma: no cover

    def confirm_act(self) -> None:
        """Record the open act through the service."""
        act = self.current_act
        if act is None or self._busy:
            return
        try:
            kwargs = self.act_arguments(act)
        except ValueError as exc:
            self.act_error.show_error(str(exc))
            return
        if act in FINAL_ACTS and not self._confirmed(act):
            return
        if act is Act.APOLOGIZE and not self._appointment_confirmed(kwargs["new_due"]):
            return
        method = {
            Act.HANDOVER: self.desk.handover,
            Act.SUPPLEMENT_REQUEST: self.desk.request_supplement,
            Act.SUPPLEMENT_RECEIVED: self.desk.receive_supplement,
            Act.RESOLVE: self.desk.resolve,
            Act.RETURN: self.desk.return_result,
            Act.REFUSE: self.desk.refuse,
            Act.WITHDRAW: self.desk.withdraw,
            Act.STOP: self.desk.stop,
            Act.APOLOGIZE: self.desk.apologize,
            Act.RATE: self.desk.rate,
        }[act]
        code, slip = self.code, SLIP_OF_ACT.get(act)

        def work() -> tuple[DossierDetail, bytes | None]:
            detail = method(code, **kwargs)
            return detail, self._render(slip, code) if slip else None

        self._set_busy(True)
        self.act_error.clear_message()
        self._call(work, lambda result: self._act_done(act, slip, result), self._act_failed)

    def _confirmed(self, act: Act) -> bool:
        """Acts that end the dossier for good are asked once more."""
        question = self.tr("%1 hồ sơ %2? Hồ sơ sẽ kết thúc và không thể hoàn tác.")
        answer = QMessageBox.question(
            self,
            self.tr(dict(ACTS)[act]),
            question.replace("%1", self.tr(dict(ACTS)[act]).removesuffix(" hồ sơ")).replace(
                "%2", self.code
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _appointment_confirmed(self, moment: datetime) -> bool:
        """The new date goes on the slip the citizen takes home: say it in words once more
        (a date field edited by typing can land on another day than the one meant)."""
        from mohao_desk.ui.dialog_kit import appointment_text

        weekday = self.tr(WEEKDAY_NAMES[moment.weekday()])
        answer = QMessageBox.question(
            self,
            self.tr("Xin lỗi và hẹn lại"),
            self.tr("Hẹn trả kết quả mới: %1 (%2). Ghi nhận và in phiếu xin lỗi?")
            .replace("%1", appointment_text(moment))
            .replace("%2", weekday),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _render(self, kind: str, code: str) -> bytes | None:
        """Worker side: a slip's PDF; a slip that cannot be made must not hide the act."""
        from mohao_desk.services.documents import DocumentService

        try:
            return DocumentService(self.desk).render(kind, code)
        except Exception:
            return None

    def _act_done(
        self, act: Act, slip: str | None, result: tuple[DossierDetail, bytes | None]
    ) -> None:
        detail, pdf = result
        self._set_busy(False)
        self.error_label.clear_message()
        self.close_act()
        self._clear_forms()
        self.show_detail(detail)
        self.changed.emit()
        if slip and pdf:
            self._preview(slip, pdf)

    def _act_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.act_error.show_error(error_text(exc))
        if isinstance(exc, IllegalTransition):
            # Someone else acted on the dossier meanwhile: show its state and allowed acts now,
            # keeping the open form, its text and the message.
            message = error_text(exc)

            def refreshed(detail: DossierDetail) -> None:
                self._keep_form = True
                try:
                    self.show_detail(detail)
                finally:
                    self._keep_form = False
                self.act_error.show_error(message)

            self._call(lambda: self.desk.get(self.code), refreshed)
        if self.current_act is Act.APOLOGIZE and isinstance(exc, RuleViolation):
            # The rules refuse it; the officer may still record it with an override reason.
            self.override_label.show()
            self.override_edit.show()
            self.override_edit.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.confirm_button.setEnabled(not busy)
        self.confirm_button.setText(self.tr("Đang ghi…") if busy else self.tr("Ghi nhận"))
        allowed = allowed_acts(self.detail, self.desk.can) if self.detail else []
        for act, button in self.act_buttons.items():
            button.setEnabled(act in allowed and not busy)
        self.result_row.choose_button.setEnabled(not busy and self.result_row.accepting)
        for row in self.component_rows:
            row.choose_button.setEnabled(not busy)

    # ------------------------------------------------------------ digitization
    def _choose(self, component: int | None = None, *, result: bool = False) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Chọn bản quét"), "", self.tr(SCAN_FILTER)
        )
        if paths:
            self.digitize([Path(p) for p in paths], component=component, result=result)

    def digitize(
        self, files: list[Path], *, component: int | None = None, result: bool = False
    ) -> None:
        """Mark a component (by number) or the result digitized with the given scans."""
        if not files or self._busy or self.read_only:
            return
        code, by = self.code, self.officer

        def work() -> DossierDetail:
            detail = None
            for file in files:
                detail = self.desk.digitize(
                    code, file=Path(file), component=component, result=result, by=by
                )
            assert detail is not None
            return detail

        def done(detail: DossierDetail) -> None:
            self._set_busy(False)
            self.error_label.clear_message()
            self.show_detail(detail)
            self.changed.emit()

        self._set_busy(True)
        self._call(work, done)

    def open_file(self, row: ComponentDropRow) -> None:
        """Show the file digitized for a row: a PDF in the program's own preview, another kind
        (a photo) with the PC's viewer. The content comes from the unit's data (the server on a
        multi-counter unit), so the scan another PC made opens here too."""
        sha, code = row.sha256, self.code
        if sha is None:
            return
        self._call(lambda: self.desk.attachment(code, sha), self._show_file)

    def _show_file(self, found: tuple[str, bytes]) -> None:
        name, data = found
        if data.startswith(b"%PDF"):
            from mohao_desk.ui.pdf_preview import show_pdf

            preview = show_pdf(self, data, f"{name} — {self.code}", name)
            self.previews = [p for p in self.previews if _alive(p)]
            self.previews.append(preview)
            return
        folder = Path(tempfile.mkdtemp(prefix="mohao-tep-"))
        path = folder / (Path(name).name or "tep")
        path.write_bytes(data)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.error_label.show_error(
                self.tr("Máy này chưa có chương trình để mở tệp %1 (đã lưu tại %2).")
                .replace("%1", name)
                .replace("%2", str(path))
            )

    # ------------------------------------------------------------ printing
    def print_slip(self, kind: str) -> None:
        code = self.code
        from mohao_desk.services.documents import DocumentService

        self._call(
            lambda: DocumentService(self.desk).render(kind, code),
            lambda pdf: self._preview(kind, pdf),
        )

    def _preview(self, kind: str, pdf: bytes) -> None:
        from mohao_desk.ui.pdf_preview import show_pdf

        title = f"{self.tr(SLIP_TITLES[kind])} — {self.code}"
        preview = show_pdf(self, pdf, title, f"{SLIP_FILES[kind]}-{self.code}.pdf")
        self.previews = [p for p in self.previews if _alive(p)]
        self.previews.append(preview)
        self.slip_shown.emit(kind)

    def reject(self) -> None:
        if self._busy:
            return  # an act is being written: its answer (and its slip) must not be lost
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            event.key() == Qt.Key.Key_Escape
            and self.current_act is not None
            and self.form_box.isVisible()
        ):
            # Esc closes the open form first (what was typed stays for when it is reopened);
            # a second Esc closes the page.
            self.close_act()
            event.accept()
            return
        super().keyPressEvent(event)

    def done(self, result: int) -> None:
        self.tick_timer.stop()
        for preview in self.previews:
            if _alive(preview):
                preview.close()
        self.previews = []
        super().done(result)


def _alive(widget: QWidget) -> bool:
    return bool(shiboken6.isValid(widget))


def _qt_moment(moment: datetime) -> QDateTime:
    return QDateTime(
        QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
    )
