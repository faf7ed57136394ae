"""Tiếp nhận hồ sơ (registration) from the keyboard: type part of the procedure's name (with or
without diacritics) or its code, fill in the applicant, tick the components received, see the
return moment before saving; Ctrl+S registers, previews the receipt slip and closes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QMouseEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mohao_desk.domain.catalog import ComponentSpec, Procedure
from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.lifecycle import Channel
from mohao_desk.domain.text import fold
from mohao_desk.ui.dialog_kit import (
    FileDropFrame,
    MessageBanner,
    appointment_text,
    call_service,
    error_text,
)
from mohao_desk.ui.labels import period_text, tr_label
from mohao_desk.ui.screen import fit_to_screen

PREVIEW_REFRESH_MS = 30_000  # the return moment follows the clock (the 15:00 cut-off)
SCAN_FILTER = QT_TRANSLATE_NOOP(
    "ComponentRow", "Bản quét (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;Mọi tệp (*)"
)


@dataclass
class Registered:
    """What a save produced: the code, the receipt slip and any scan that failed."""

    code: str
    receipt: bytes | None
    problems: list[str]


class _ClickLabel(QLabel):
    """A wrapped label that toggles its check box when clicked (QCheckBox cannot wrap)."""

    def __init__(self, text: str, box: QCheckBox, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.box = box
        self.setWordWrap(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.box.toggle()
        super().mousePressEvent(event)


class ComponentRow(FileDropFrame):
    """One component of the procedure: ticked when received; a scan may be attached (button or
    dropped file) and is digitized right after registration."""

    def __init__(self, spec: ComponentSpec, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.file: Path | None = None
        self.check = QCheckBox(self)
        self.check.setChecked(True)
        self.check.setAccessibleName(spec.name)
        self.name_label = _ClickLabel(f"{number}. {spec.name}", self.check, self)
        detail = (
            self.tr("%1 · %2 bản")
            .replace("%1", tr_label(spec.kind_label))
            .replace("%2", str(spec.count))
        )
        self.kind_label = QLabel(detail, self)
        self.kind_label.setStyleSheet("color: #5f6368;")
        self.file_label = QLabel(self)
        self.file_label.setStyleSheet("color: #1b5e20;")
        self.attach_button = QToolButton(self)
        self.attach_button.setText(self.tr("Đính kèm bản quét…"))
        self.attach_button.setToolTip(
            self.tr("Chọn tệp bản quét của giấy tờ này (hoặc kéo thả tệp vào dòng này)")
        )
        self.clear_button = QToolButton(self)
        self.clear_button.setText(self.tr("Bỏ tệp"))
        self.clear_button.hide()
        self.attach_button.clicked.connect(self.choose_file)
        self.clear_button.clicked.connect(lambda: self.set_file(None))
        self.files_dropped.connect(lambda files: self.set_file(files[0]))

        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.name_label)
        under = QHBoxLayout()
        under.setSpacing(16)
        under.addWidget(self.kind_label)
        under.addWidget(self.file_label, 1)
        text.addLayout(under)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.check, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(text, 1)
        buttons = QVBoxLayout()
        buttons.setSpacing(2)
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    @property
    def ticked(self) -> bool:
        return self.check.isChecked()

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Chọn bản quét: %1").replace("%1", self.spec.name),
            "",
            self.tr(SCAN_FILTER),
        )
        if path:
            self.set_file(Path(path))

    def set_file(self, file: Path | None) -> None:
        self.file = file
        if file is not None:
            self.check.setChecked(True)  # a scanned paper was received
            self.file_label.setText(self.tr("Tệp: %1").replace("%1", file.name))
            self.file_label.setToolTip(str(file))
            self.attach_button.setText(self.tr("Đổi tệp…"))
        else:
            self.file_label.setText("")
            self.file_label.setToolTip("")
            self.attach_button.setText(self.tr("Đính kèm bản quét…"))
        self.clear_button.setVisible(file is not None)


class RegisterDialog(QDialog):
    """Tiếp nhận hồ sơ — the registration form."""

    registered = Signal(str)
    due_previewed = Signal()  # the return moment on screen was recomputed (tests wait on it)
    procedures_loaded = Signal()

    def __init__(
        self,
        desk: Any,
        officer: str | None = None,
        parent: QWidget | None = None,
        *,
        synchronous: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.desk = desk
        self.officer = officer
        self.synchronous = synchronous
        self.procedures: list[Procedure] = []
        self.rows: list[ComponentRow] = []
        self.due: datetime | None = None
        self.receipt_preview: QDialog | None = None
        self._preview_generation = 0
        self._saving = False
        self.setWindowTitle(self.tr("Tiếp nhận hồ sơ"))
        self._build()
        fit_to_screen(self, 1040, 700)
        self.preview_timer = QTimer(self)
        self.preview_timer.setInterval(PREVIEW_REFRESH_MS)
        self.preview_timer.timeout.connect(self.update_due)
        self.preview_timer.start()
        call_service(
            self, self.synchronous, self.desk.procedures, self._procedures_arrived, self._failed
        )

    # ------------------------------------------------------------ layout
    def _build(self) -> None:
        # Procedure: a search line over a filtered list.
        self.procedure_search = QLineEdit(self)
        self.procedure_search.setPlaceholderText(
            self.tr("Gõ một phần tên thủ tục (có dấu hoặc không dấu) hoặc mã thủ tục…")
        )
        self.procedure_search.setClearButtonEnabled(True)
        self.procedure_search.textChanged.connect(self.filter_procedures)
        self.procedure_search.installEventFilter(self)
        self.procedure_list = QListWidget(self)
        self.procedure_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.procedure_list.setAlternatingRowColors(True)
        self.procedure_list.setFixedHeight(132)
        self.procedure_list.setWordWrap(True)
        self.procedure_list.currentRowChanged.connect(self._procedure_changed)
        self.procedure_list.itemActivated.connect(lambda _item: self.name_edit.setFocus())
        self.procedure_info = QLabel(self)
        self.procedure_info.setWordWrap(True)
        self.procedure_info.setStyleSheet("color: #37474f;")
        search_label = QLabel(self.tr("&Thủ tục:"), self)
        search_label.setBuddy(self.procedure_search)
        procedure_box = QVBoxLayout()
        procedure_box.addWidget(search_label)
        procedure_box.addWidget(self.procedure_search)
        procedure_box.addWidget(self.procedure_list, 1)
        procedure_box.addWidget(self.procedure_info)

        # Applicant and reception.
        applicant = QGroupBox(self.tr("Người nộp hồ sơ"), self)
        form = QFormLayout(applicant)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.name_edit = QLineEdit(applicant)
        self.name_edit.setPlaceholderText(self.tr("Bắt buộc"))
        self.address_edit = QLineEdit(applicant)
        self.phone_edit = QLineEdit(applicant)
        self.email_edit = QLineEdit(applicant)
        self.id_edit = QLineEdit(applicant)
        self.id_edit.setPlaceholderText(self.tr("CCCD / hộ chiếu"))
        self.channel_box = QComboBox(applicant)
        channels = {
            Channel.DIRECT: self.tr("Trực tiếp"),
            Channel.ONLINE: self.tr("Trực tuyến"),
            Channel.POSTAL: self.tr("Bưu chính công ích"),
        }
        for channel, label in channels.items():
            self.channel_box.addItem(label, channel.value)  # a StrEnum would come back a str
        self.sets_spin = QSpinBox(applicant)
        self.sets_spin.setRange(1, 99)
        self.sets_spin.setValue(1)
        self.sets_spin.setMaximumWidth(80)
        self.verification_check = QCheckBox(self.tr("Cần xác minh"), applicant)
        self.verification_check.hide()
        self.verification_check.toggled.connect(lambda _on: self.update_due())
        form.addRow(self.tr("&Họ và tên:"), self.name_edit)
        form.addRow(self.tr("Đị&a chỉ:"), self.address_edit)
        form.addRow(self.tr("Điện th&oại:"), self.phone_edit)
        form.addRow(self.tr("&Email:"), self.email_edit)
        form.addRow(self.tr("Số &giấy tờ:"), self.id_edit)
        form.addRow(self.tr("&Kênh nộp:"), self.channel_box)
        form.addRow(self.tr("Số &bộ hồ sơ:"), self.sets_spin)
        form.addRow("", self.verification_check)
        for edit in (
            self.name_edit,
            self.address_edit,
            self.phone_edit,
            self.email_edit,
            self.id_edit,
        ):
            # Enter moves on, like Tab: a form filled from the keyboard never saves by accident.
            edit.returnPressed.connect(self.focusNextChild)

        # Components of the chosen procedure.
        components = QGroupBox(self.tr("Thành phần hồ sơ đã nhận"), self)
        self.components_hint = QLabel(
            self.tr("Bỏ dấu ở giấy tờ chưa nhận. Kéo thả bản quét vào dòng để số hóa ngay."),
            components,
        )
        self.components_hint.setWordWrap(True)
        self.components_hint.setStyleSheet("color: #5f6368;")
        self.components_holder = QWidget(components)
        self.components_layout = QVBoxLayout(self.components_holder)
        self.components_layout.setContentsMargins(0, 0, 0, 0)
        self.components_layout.setSpacing(6)
        self.components_layout.addStretch(1)
        scroll = QScrollArea(components)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.components_holder)
        box = QVBoxLayout(components)
        box.addWidget(self.components_hint)
        box.addWidget(scroll, 1)

        middle = QHBoxLayout()
        middle.addWidget(applicant, 5)
        middle.addWidget(components, 6)

        # The return moment, before saving.
        self.due_label = QLabel(self)
        font = QFont(self.due_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.due_label.setFont(font)
        self.due_label.setStyleSheet(
            "QLabel { background: #e8f0fe; border: 1px solid #9fb9e8; border-radius: 4px;"
            " padding: 8px 10px; color: #123a7a; }"
        )
        self.error_label = MessageBanner(self)

        self.save_button = QPushButton(self.tr("Lưu và in giấy hẹn  (Ctrl+S)"), self)
        self.save_button.setMinimumHeight(34)
        self.cancel_button = QPushButton(self.tr("Hủy"), self)
        self.cancel_button.setMinimumHeight(34)
        for button in (self.save_button, self.cancel_button):
            button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.save_shortcut = QShortcut(QKeySequence("Ctrl+S"), self)
        self.save_shortcut.activated.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(10)
        layout.addLayout(procedure_box)
        layout.addLayout(middle, 1)
        layout.addWidget(self.due_label)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self._show_due(None)
        self.procedure_search.setFocus()

    # ------------------------------------------------------------ procedures
    def _procedures_arrived(self, procedures: list[Procedure]) -> None:
        self.procedures = list(procedures)
        self.procedure_list.clear()
        for procedure in self.procedures:
            item = QListWidgetItem(f"{procedure.name}   ({procedure.code})")
            item.setData(Qt.ItemDataRole.UserRole, procedure.code)
            item.setData(
                Qt.ItemDataRole.UserRole + 1,
                fold(f"{procedure.name} {procedure.code} {procedure.field}"),
            )
            item.setToolTip(f"{procedure.field} — {period_text(procedure.time)}")
            self.procedure_list.addItem(item)
        self.procedures_loaded.emit()
        self.filter_procedures(self.procedure_search.text())

    def filter_procedures(self, text: str) -> None:
        """Show the procedures whose folded name, code or field contains every typed word;
        the first match is selected, so that typing and Enter is enough."""
        words = fold(text).split()
        first = -1
        for row in range(self.procedure_list.count()):
            item = self.procedure_list.item(row)
            key = str(item.data(Qt.ItemDataRole.UserRole + 1))
            visible = all(word in key for word in words)
            item.setHidden(not visible)
            if visible and first < 0:
                first = row
        current = self.procedure_list.currentRow()
        if current < 0 or self.procedure_list.item(current).isHidden():
            self.procedure_list.setCurrentRow(first)

    def visible_procedures(self) -> list[str]:
        """Codes of the procedures the list shows now."""
        return [
            str(self.procedure_list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.procedure_list.count())
            if not self.procedure_list.item(row).isHidden()
        ]

    def current_procedure(self) -> Procedure | None:
        item = self.procedure_list.currentItem()
        if item is None or item.isHidden():
            return None
        code = item.data(Qt.ItemDataRole.UserRole)
        return next((p for p in self.procedures if p.code == code), None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up/Down in the search line move through the matches; Enter takes the match."""
        if watched is self.procedure_search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self._step_procedure(1 if key == Qt.Key.Key_Down else -1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.current_procedure() is not None:
                    self.name_edit.setFocus()
                return True
        return super().eventFilter(watched, event)

    def _step_procedure(self, step: int) -> None:
        rows = [
            r
            for r in range(self.procedure_list.count())
            if not self.procedure_list.item(r).isHidden()
        ]
        if not rows:
            return
        current = self.procedure_list.currentRow()
        if current not in rows:
            self.procedure_list.setCurrentRow(rows[0])
            return
        index = min(max(rows.index(current) + step, 0), len(rows) - 1)
        self.procedure_list.setCurrentRow(rows[index])

    def _procedure_changed(self, _row: int) -> None:
        procedure = self.current_procedure()
        self._fill_components(procedure)
        if procedure is None:
            self.procedure_info.setText("")
            self.verification_check.setChecked(False)
            self.verification_check.hide()
        else:
            self.procedure_info.setText(
                self.tr("Lĩnh vực: %1   ·   Thời hạn giải quyết: %2")
                .replace("%1", procedure.field)
                .replace("%2", period_text(procedure.time))
            )
            if procedure.verification_time is not None:
                self.verification_check.setText(
                    self.tr("Cần xác minh (thời hạn %1)").replace(
                        "%1", period_text(procedure.verification_time)
                    )
                )
                self.verification_check.show()
            else:
                self.verification_check.setChecked(False)
                self.verification_check.hide()
        self.update_due()

    def _fill_components(self, procedure: Procedure | None) -> None:
        for row in self.rows:
            self.components_layout.removeWidget(row)
            row.hide()
            row.deleteLater()
        self.rows = []
        if procedure is None:
            return
        for number, spec in enumerate(procedure.components, start=1):
            row = ComponentRow(spec, number, self.components_holder)
            self.components_layout.insertWidget(self.components_layout.count() - 1, row)
            self.rows.append(row)

    # ------------------------------------------------------------ due moment
    def update_due(self) -> None:
        """Recompute the return moment this registration would get, now."""
        procedure = self.current_procedure()
        self._preview_generation += 1
        generation = self._preview_generation
        if procedure is None:
            self._show_due(None)
            self.due_previewed.emit()
            return
        code, verification = procedure.code, self.verification_check.isChecked()
        call_service(
            self,
            self.synchronous,
            lambda: self.desk.preview_due(code, verification=verification),
            lambda due: self._due_arrived(generation, due),
            self._failed,
        )

    def _due_arrived(self, generation: int, due: datetime) -> None:
        if generation != self._preview_generation:
            return  # a newer choice replaced this one
        self._show_due(due)
        self.due_previewed.emit()

    def _show_due(self, due: datetime | None) -> None:
        self.due = due
        if due is None:
            self.due_label.setText(self.tr("Hẹn trả: (chọn thủ tục để tính ngày hẹn trả)"))
        else:
            self.due_label.setText(self.tr("Hẹn trả: %1").replace("%1", appointment_text(due)))

    # ------------------------------------------------------------ saving
    def ticked_components(self) -> list[ComponentSpec]:
        return [row.spec for row in self.rows if row.ticked]

    def save(self) -> None:
        """Register through the service; on success preview the receipt and close. A refused
        registration shows its message and keeps everything typed."""
        if self._saving:
            return
        procedure = self.current_procedure()
        if procedure is None:
            self._show_error(self.tr("Chưa chọn thủ tục hành chính."), self.procedure_search)
            return
        ticked = [row for row in self.rows if row.ticked]
        if self.rows and not ticked:
            self._show_error(self.tr("Chưa đánh dấu thành phần hồ sơ nào đã nhận."))
            return
        values = {
            "procedure_code": procedure.code,
            "applicant_name": self.name_edit.text(),
            "address": self.address_edit.text(),
            "phone": self.phone_edit.text(),
            "email": self.email_edit.text(),
            "id_number": self.id_edit.text(),
            "channel": Channel(self.channel_box.currentData()),
            "sets_count": self.sets_spin.value(),
            "components": [row.spec for row in ticked],
            "verification": self.verification_check.isChecked(),
            "by": self.officer,
        }
        # Positions of the registered components are 1..n over the ticked ones.
        scans = [(n, row.file) for n, row in enumerate(ticked, start=1) if row.file is not None]
        self._set_saving(True)
        self.error_label.clear_message()
        call_service(
            self,
            self.synchronous,
            lambda: self._register(values, scans),
            self._registered,
            self._save_failed,
        )

    def _register(self, values: dict[str, Any], scans: list[tuple[int, Path]]) -> Registered:
        """Worker side: register, digitize the attached scans, render the receipt slip."""
        from mohao_desk.services.documents import DocumentService

        code = self.desk.register(**values).summary.code
        problems = []
        for position, file in scans:
            try:
                self.desk.digitize(code, file=file, component=position, by=values["by"])
            except Exception as exc:
                problems.append(f"{file.name}: {error_text(exc)}")
        try:
            receipt: bytes | None = DocumentService(self.desk).render("receipt", code)
        except Exception as exc:
            receipt = None
            problems.append(error_text(exc))
        return Registered(code, receipt, problems)

    def _registered(self, result: Registered) -> None:
        self._set_saving(False)
        owner = self.parentWidget()
        self.accept()
        if result.receipt is not None:
            from mohao_desk.ui.pdf_preview import show_pdf

            self.receipt_preview = show_pdf(
                owner,
                result.receipt,
                self.tr("Giấy tiếp nhận hồ sơ và hẹn trả kết quả — %1").replace("%1", result.code),
                f"giay-tiep-nhan-{result.code}.pdf",
            )
        if result.problems:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Đã tiếp nhận hồ sơ %1").replace("%1", result.code),
                self.tr("Hồ sơ đã được tiếp nhận, nhưng:") + "\n" + "\n".join(result.problems),
                QMessageBox.StandardButton.Ok,
                owner,
            )
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
        self.registered.emit(result.code)

    def _save_failed(self, exc: BaseException) -> None:
        self._set_saving(False)
        message = error_text(exc)
        # Which field the message is about, from its Vietnamese templates (the same whatever
        # language the message is shown in).
        about = message
        if isinstance(exc, DeskError):
            parts = [
                exc.template,
                *(p.template for p in exc.params.values() if hasattr(p, "template")),
            ]
            about = " ".join(parts)
        focus = None
        if "họ tên" in about:
            focus = self.name_edit
        elif "điện thoại" in about:
            focus = self.phone_edit
        elif "thư điện tử" in about:
            focus = self.email_edit
        elif "giấy tờ tùy thân" in about:
            focus = self.id_edit
        self._show_error(message, focus)

    def _failed(self, exc: BaseException) -> None:
        self._show_error(error_text(exc))

    def _show_error(self, message: str, focus: QWidget | None = None) -> None:
        self.error_label.show_error(message)
        if focus is not None:
            focus.setFocus()

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.save_button.setEnabled(not saving)
        self.save_button.setText(
            self.tr("Đang lưu…") if saving else self.tr("Lưu và in giấy hẹn  (Ctrl+S)")
        )

    def reject(self) -> None:
        if self._saving:
            return  # the registration is being written: its answer must not be lost
        typed = any(
            edit.text().strip()
            for edit in (
                self.name_edit,
                self.address_edit,
                self.phone_edit,
                self.email_edit,
                self.id_edit,
            )
        ) or any(row.file is not None for row in self.rows)
        if typed:
            answer = QMessageBox.question(
                self,
                self.tr("Tiếp nhận hồ sơ"),
                self.tr("Bỏ hồ sơ đang nhập? Những gì đã gõ sẽ mất."),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()

    def done(self, result: int) -> None:
        self.preview_timer.stop()
        self.procedure_search.removeEventFilter(self)
        super().done(result)
