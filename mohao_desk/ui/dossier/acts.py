"""The acts on a dossier: which ones its state and the account allow, their buttons and
forms, the service call's arguments each form produces, the confirmations (a final act, the
apology's new date in words) and what follows an act recorded or refused."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mohao_desk.domain.errors import IllegalTransition, RuleViolation
from mohao_desk.domain.lifecycle import Act, check_transition
from mohao_desk.services.desk import RATINGS, DossierDetail
from mohao_desk.ui.dialog_kit import MessageBanner, error_text, moment_text
from mohao_desk.ui.dossier.slips import SLIP_OF_ACT

translate = QCoreApplication.translate

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


class ActsMixin:
    """The acts' part of the dossier page (mixed into ``DossierDialog``, whose ``tr``
    context its texts keep)."""

    def _build_acts(self) -> QGroupBox:
        box = QGroupBox(translate("DossierDialog", "Thao tác"), self)
        grid = QGridLayout(box)
        grid.setSpacing(6)
        self.act_buttons: dict[Act, QPushButton] = {}
        for act, label in ACTS:
            button = QPushButton(translate("DossierDialog", label), box)
            button.setAutoDefault(False)
            button.setMinimumHeight(30)
            button.clicked.connect(lambda _checked=False, a=act: self.open_act(a))
            button.hide()  # shown once the dossier's state is known
            self.act_buttons[act] = button
        self._acts_grid = grid
        self.no_act_label = QLabel(
            translate("DossierDialog", "Hồ sơ đã kết thúc: không còn thao tác nào."), box
        )
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
        self.handover_officer.addItem(translate("DossierDialog", "— Không chọn cán bộ —"), None)
        self.handover_body = QLineEdit(self.form_pages_of[Act.HANDOVER])
        self.handover_body.setPlaceholderText(
            translate("DossierDialog", "Ví dụ: Công chức Tư pháp - Hộ tịch")
        )
        form.addRow(translate("DossierDialog", "Chuyển cho cán bộ:"), self.handover_officer)
        form.addRow(translate("DossierDialog", "Cơ quan, bộ phận nhận:"), self.handover_body)
        note(Act.HANDOVER, form, translate("DossierDialog", "Ghi chú:"))

        form = page(Act.SUPPLEMENT_REQUEST)
        self.supplement_warning = MessageBanner(self.form_pages_of[Act.SUPPLEMENT_REQUEST])
        self.supplement_missing = QPlainTextEdit(self.form_pages_of[Act.SUPPLEMENT_REQUEST])
        self.supplement_missing.setPlaceholderText(
            translate(
                "DossierDialog",
                "Mỗi dòng một giấy tờ, ví dụ:\nBản sao CCCD của cha mẹ\n"
                "Tờ khai đăng ký khai sinh | bản chính | 2",
            )
        )
        self.supplement_missing.setTabChangesFocus(True)
        self.supplement_missing.setMinimumHeight(70)
        self.supplement_reason = QLineEdit(self.form_pages_of[Act.SUPPLEMENT_REQUEST])
        self.supplement_reason_label = QLabel(translate("DossierDialog", "Lý do:"))
        form.addRow(self.supplement_warning)
        form.addRow(translate("DossierDialog", "Giấy tờ cần bổ sung:"), self.supplement_missing)
        form.addRow(self.supplement_reason_label, self.supplement_reason)

        form = page(Act.SUPPLEMENT_RECEIVED)
        note(Act.SUPPLEMENT_RECEIVED, form, translate("DossierDialog", "Ghi chú:"))

        form = page(Act.RESOLVE)
        self.resolve_electronic = QCheckBox(
            translate("DossierDialog", "Kết quả điện tử"), self.form_pages_of[Act.RESOLVE]
        )
        form.addRow(self.resolve_electronic)
        note(Act.RESOLVE, form, translate("DossierDialog", "Ghi chú:"))

        form = page(Act.RETURN)
        note(Act.RETURN, form, translate("DossierDialog", "Ghi chú (người nhận, giấy tờ đã giao):"))

        form = page(Act.APOLOGIZE)
        owner = self.form_pages_of[Act.APOLOGIZE]
        self.apology_info = QLabel(owner)
        self.apology_info.setWordWrap(True)
        self.apology_reason = QPlainTextEdit(owner)
        self.apology_reason.setTabChangesFocus(True)
        self.apology_reason.setPlaceholderText(translate("DossierDialog", "Lý do chậm trễ"))
        self.apology_reason.setMinimumHeight(60)
        self.apology_reason.setMaximumHeight(80)
        self.apology_due = QDateTimeEdit(owner)
        self.apology_due.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.apology_due.setCalendarPopup(True)
        self.override_label = QLabel(
            translate("DossierDialog", "Lý do ngoại lệ (bắt buộc để vẫn ghi nhận):"), owner
        )
        self.override_label.setWordWrap(True)
        self.override_edit = QLineEdit(owner)
        self.override_edit.setPlaceholderText(
            translate("DossierDialog", "Ví dụ: Chủ tịch UBND đồng ý bằng văn bản")
        )
        form.addRow(self.apology_info)
        form.addRow(translate("DossierDialog", "Lý do:"), self.apology_reason)
        form.addRow(translate("DossierDialog", "Ngày giờ hẹn trả mới:"), self.apology_due)
        form.addRow(self.override_label, self.override_edit)
        self.override_label.hide()
        self.override_edit.hide()

        self.reason_edits: dict[Act, QPlainTextEdit] = {}
        for act, what in (
            (Act.REFUSE, translate("DossierDialog", "Lý do từ chối (bắt buộc):")),
            (Act.WITHDRAW, translate("DossierDialog", "Lý do rút hồ sơ:")),
            (Act.STOP, translate("DossierDialog", "Lý do dừng giải quyết (bắt buộc):")),
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
            radio = QRadioButton(
                translate("DossierDialog", RATING_TEXT[key]), self.form_pages_of[Act.RATE]
            )
            self.rating_group.addButton(radio)
            self.rating_buttons[key] = radio
            form.addRow(radio)
        self.rating_buttons["hai_long"].setChecked(True)

        self.confirm_button = QPushButton(translate("DossierDialog", "Ghi nhận"), self.form_box)
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
        self.cancel_act_button = QPushButton(translate("DossierDialog", "Hủy"), self.form_box)
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

    def _officers_arrived(self, officers: list[tuple[str, str]]) -> None:
        for username, full_name in officers:
            self.handover_officer.addItem(full_name, username)

    def open_act(self, act: Act) -> None:
        """Show the form of an act (its inputs, "Ghi nhận" and "Hủy")."""
        if self.detail is None or self.read_only:
            return
        self.current_act = act
        self.confirm_button.setEnabled(not self._busy)
        label = dict(ACTS)[act]
        self.form_box.setTitle(translate("DossierDialog", label))
        self.form_pages.setCurrentWidget(self.form_pages_of[act])
        self.act_error.clear_message()
        s = self.detail.summary
        if act is Act.SUPPLEMENT_REQUEST:
            if s.supplement_count >= 1:
                self.supplement_warning.show_warning(
                    translate(
                        "DossierDialog",
                        "Hồ sơ đã được yêu cầu bổ sung %1 lần. Yêu cầu thêm lần nữa sẽ khiến hồ "
                        "sơ bị tính là QUÁ HẠN; phải nêu lý do.",
                    ).replace("%1", str(s.supplement_count))
                )
                self.supplement_reason_label.setText(
                    translate("DossierDialog", "Lý do (bắt buộc):")
                )
            else:
                self.supplement_warning.clear_message()
                self.supplement_reason_label.setText(translate("DossierDialog", "Lý do:"))
        elif act is Act.APOLOGIZE:
            info = translate("DossierDialog", "Đang hẹn trả: %1").replace(
                "%1", moment_text(s.due_at)
            )
            if s.due_at != s.original_due_at:
                info += translate("DossierDialog", " (hạn ban đầu %1)").replace(
                    "%1", moment_text(s.original_due_at)
                )
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
                raise ValueError(
                    translate("DossierDialog", "Chọn cán bộ nhận hoặc ghi cơ quan, bộ phận nhận.")
                )
            return {"to": to, "body": body, "note": note, **by}
        if act is Act.SUPPLEMENT_REQUEST:
            missing = [
                line.strip()
                for line in self.supplement_missing.toPlainText().splitlines()
                if line.strip()
            ]
            if not missing:
                raise ValueError(
                    translate(
                        "DossierDialog", "Ghi ít nhất một giấy tờ cần bổ sung (mỗi dòng một)."
                    )
                )
            reason = self.supplement_reason.text().strip()
            if self.detail and self.detail.summary.supplement_count >= 1 and not reason:
                raise ValueError(
                    translate(
                        "DossierDialog",
                        "Yêu cầu bổ sung lần nữa sẽ bị tính là quá hạn: phải nêu lý do.",
                    )
                )
            return {"missing": missing, "reason": reason, **by}
        if act is Act.RESOLVE:
            return {"electronic": self.resolve_electronic.isChecked(), "note": note, **by}
        if act in (Act.SUPPLEMENT_RECEIVED, Act.RETURN):
            return {"note": note, **by}
        if act in (Act.REFUSE, Act.WITHDRAW, Act.STOP):
            reason = self.reason_edits[act].toPlainText().strip()
            if act is not Act.WITHDRAW and not reason:
                raise ValueError(translate("DossierDialog", "Phải nêu lý do."))
            return {"reason": reason, **by}
        if act is Act.APOLOGIZE:
            reason = self.apology_reason.toPlainText().strip()
            if not reason:
                raise ValueError(translate("DossierDialog", "Phải nêu lý do chậm trễ."))
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
        question = translate(
            "DossierDialog", "%1 hồ sơ %2? Hồ sơ sẽ kết thúc và không thể hoàn tác."
        )
        answer = QMessageBox.question(
            self,
            translate("DossierDialog", dict(ACTS)[act]),
            question.replace(
                "%1", translate("DossierDialog", dict(ACTS)[act]).removesuffix(" hồ sơ")
            ).replace("%2", self.code),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _appointment_confirmed(self, moment: datetime) -> bool:
        """The new date goes on the slip the citizen takes home: say it in words once more
        (a date field edited by typing can land on another day than the one meant)."""
        from mohao_desk.ui.dialog_kit import appointment_text

        weekday = translate("DossierDialog", WEEKDAY_NAMES[moment.weekday()])
        answer = QMessageBox.question(
            self,
            translate("DossierDialog", "Xin lỗi và hẹn lại"),
            translate(
                "DossierDialog", "Hẹn trả kết quả mới: %1 (%2). Ghi nhận và in phiếu xin lỗi?"
            )
            .replace("%1", appointment_text(moment))
            .replace("%2", weekday),
        )
        return answer == QMessageBox.StandardButton.Yes

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


def _qt_moment(moment: datetime) -> QDateTime:
    return QDateTime(
        QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
    )
