"""The dossier page: everything about one dossier, its timeline (the control slip), the acts its
state allows, digitization by dropping scans on a component or on the result, and its slips.

The parts live beside it (acts.py, timeline.py, components.py, slips.py) as mixins; their texts
keep the ``DossierDialog`` translation context."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mohao_desk.domain.deadline import Band, Countdown, countdown
from mohao_desk.domain.lifecycle import Act, Status
from mohao_desk.services.desk import DossierDetail
from mohao_desk.ui.board_model import BAND_COLORS, BAND_TEXT
from mohao_desk.ui.dialog_kit import MessageBanner, call_service, error_text, moment_text
from mohao_desk.ui.dossier.acts import ActsMixin, allowed_acts
from mohao_desk.ui.dossier.components import ComponentsMixin
from mohao_desk.ui.dossier.slips import SLIP_BUTTONS, SlipsMixin, alive, printable_slips
from mohao_desk.ui.dossier.timeline import TimelineMixin
from mohao_desk.ui.labels import countdown_text, tr_label
from mohao_desk.ui.screen import fit_to_screen

TICK_MS = 30_000
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


def _chip(label: QLabel, background: str, color: str) -> None:
    label.setStyleSheet(
        f"QLabel {{ background: {background}; color: {color}; border: 1px solid {color};"
        " border-radius: 10px; padding: 3px 10px; font-weight: bold; }"
    )


class DossierDialog(ActsMixin, ComponentsMixin, TimelineMixin, SlipsMixin, QDialog):
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

        files = self._build_files()

        top = QHBoxLayout()
        top.addWidget(info, 5)
        top.addWidget(files, 6)

        timeline_box = self._build_timeline()

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
            if alive(preview):
                preview.close()
        self.previews = []
        super().done(result)
