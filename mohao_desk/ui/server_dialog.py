"""First run: does this PC work alone (its own data file) or on the unit's PostgreSQL server?
The server is tried before anything is saved; its password goes to the operating system's
credential store (services/connection.py)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mohao_desk.ui.dialog_kit import MessageBanner, call_service, error_text
from mohao_desk.ui.screen import fit_to_screen


class ConnectionDialog(QDialog):
    """``server_url`` is the chosen server's URL after *Tiếp tục*, ``None`` for this PC alone."""

    def __init__(self, parent: QWidget | None = None, *, synchronous: bool = False) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self.server_url: str | None = None
        self.setWindowTitle(self.tr("Chọn nơi lưu dữ liệu"))
        layout = QVBoxLayout(self)
        self.alone = QRadioButton(self.tr("Máy này dùng riêng (dữ liệu lưu trên máy này)"), self)
        self.server = QRadioButton(
            self.tr("Máy chủ của đơn vị (nhiều quầy dùng chung một cơ sở dữ liệu PostgreSQL)"), self
        )
        self.alone.setChecked(True)
        layout.addWidget(self.alone)
        layout.addWidget(self.server)
        self.server_box = QGroupBox(self.tr("Máy chủ PostgreSQL"), self)
        form = QFormLayout(self.server_box)
        self.host_edit = QLineEdit(self.server_box)
        self.host_edit.setPlaceholderText(self.tr("ví dụ 192.168.1.10 hoặc may-chu-phuong"))
        self.port_spin = QSpinBox(self.server_box)
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(5432)
        self.database_edit = QLineEdit("mohao_desk", self.server_box)
        self.user_edit = QLineEdit(self.server_box)
        self.password_edit = QLineEdit(self.server_box)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Máy chủ:"), self.host_edit)
        form.addRow(self.tr("&Cổng:"), self.port_spin)
        form.addRow(self.tr("&Cơ sở dữ liệu:"), self.database_edit)
        form.addRow(self.tr("&Người dùng:"), self.user_edit)
        form.addRow(self.tr("Mật &khẩu:"), self.password_edit)
        hint = QLabel(
            self.tr(
                "Mật khẩu được cất trong kho mật khẩu của hệ điều hành, không ghi ra tệp. Cách "
                "cài máy chủ: tài liệu docs/multi-seat.md."
            ),
            self.server_box,
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        self.test_button = QPushButton(self.tr("&Kiểm tra kết nối"), self.server_box)
        self.test_button.clicked.connect(lambda _checked=False: self.test_connection())
        form.addRow("", self.test_button)
        layout.addWidget(self.server_box)
        self.banner = MessageBanner(self)
        layout.addWidget(self.banner)
        layout.addStretch(1)  # the message keeps its own height
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(
            self.tr("Tiếp tục"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.clicked.connect(lambda _checked=False: self.proceed())
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.server.toggled.connect(self._toggled)
        self._toggled(False)
        fit_to_screen(self, 560, 460)

    def _toggled(self, on: bool) -> None:
        self.server_box.setEnabled(on)
        self.banner.clear_message()

    def _settings(self) -> Any:
        from mohao_desk.services.connection import check_server

        return check_server(
            self.host_edit.text(),
            self.port_spin.value(),
            self.database_edit.text(),
            self.user_edit.text(),
        )

    def test_connection(self) -> None:
        from mohao_desk.services.connection import try_server

        password = self.password_edit.text()
        self._busy(True)
        call_service(
            self,
            self.synchronous,
            lambda: try_server(self._settings(), password),
            lambda _none: self._tested(),
            self._failed,
        )

    def _tested(self) -> None:
        self._busy(False)
        self.banner.setStyleSheet("QLabel { color: #1b5e20; }")
        self.banner.setText(self.tr("Kết nối được máy chủ."))
        self.banner.show()

    def proceed(self) -> None:
        if self.alone.isChecked():
            self.server_url = None
            self.accept()
            return
        from mohao_desk.services.connection import save_server

        password = self.password_edit.text()

        def save() -> str:
            settings = self._settings()
            save_server(settings, password)
            return str(settings.url(password))

        self._busy(True)
        call_service(self, self.synchronous, save, self._saved, self._failed)

    def _saved(self, url: str) -> None:
        self._busy(False)
        self.server_url = url
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.banner.show_error(error_text(exc))

    def _busy(self, busy: bool) -> None:
        self.ok_button.setEnabled(not busy)
        self.test_button.setEnabled(not busy)
        self.setCursor(Qt.CursorShape.WaitCursor if busy else Qt.CursorShape.ArrowCursor)
