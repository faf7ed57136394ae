"""Đăng nhập (issue 11): who sits at the keyboard. The window starts with a log-in; "Đổi người
dùng" switches the person at a shared counter PC; after the idle time the window locks, and
the same dialog unlocks it (the same person's password) or lets another person log in.

A database made before accounts existed has no administrator: :class:`AdministratorDialog`
creates one first (the only thing done without a log-in, and only while there is none).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.text import fold
from mohao_desk.ui.dialog_kit import error_text

LAST_USER_KEY = "login/last_username"


def error_and_buttons(dialog: QDialog, layout: QVBoxLayout) -> QLabel:
    """The red line that says what is wrong, then OK and Cancel: the dialogs of this module
    end the same way."""
    error = QLabel(dialog)
    error.setStyleSheet("color: #b71c1c;")
    error.setWordWrap(True)
    layout.addWidget(error)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return error


def password_field(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(256)
    return edit


class LoginDialog(QDialog):
    """The person's account and password. ``locked_for`` (a username): the window is locked;
    that person unlocks it, or "Đổi người dùng" lets another person log in instead."""

    def __init__(
        self,
        db: Any,
        parent: QWidget | None = None,
        *,
        unit_name: str = "",
        demo: bool = False,
        locked_for: str | None = None,
        switching: bool = False,
        idle: bool = True,
    ) -> None:
        super().__init__(parent)
        from mohao_desk.services.accounts import AccountService

        self.service = AccountService(db)
        self.account: Any = None
        self.locked_for = locked_for
        self.setWindowTitle(self.tr("Màn hình đã khóa") if locked_for else self.tr("Đăng nhập"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        # The box grows with an error message instead of squeezing its fields.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        title = QLabel(unit_name or self.tr("Bộ phận Một cửa"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        title.setFont(font)
        title.setWordWrap(True)
        layout.addWidget(title)
        if locked_for:
            note = QLabel(
                self.tr(
                    "Chương trình đã khóa vì lâu không dùng. Nhập mật khẩu để tiếp tục, hoặc "
                    "đổi sang người dùng khác."
                )
                if idle
                else self.tr(
                    "Màn hình đã khóa. Nhập mật khẩu để tiếp tục, hoặc đổi sang người dùng khác."
                ),
                self,
            )
            note.setWordWrap(True)
            layout.addWidget(note)
        form = QFormLayout()
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b71c1c;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.username = QComboBox(self)
        self.username.setEditable(False)
        self.username.setMinimumContentsLength(28)
        for account in sorted(self._accounts(), key=lambda a: (fold(a.full_name), a.username)):
            self.username.addItem(f"{account.full_name} ({account.username})", account.username)
        # The person who logged in last at this PC, first (a counter PC has its regular).
        last = locked_for or QSettings().value(LAST_USER_KEY)
        found = self.username.findData(last) if last else -1
        if found >= 0:
            self.username.setCurrentIndex(found)
        if locked_for:
            self.username.setEnabled(False)
        form.addRow(self.tr("&Người dùng:"), self.username)
        # A message about one person (locked, wrong password) goes when another is picked.
        self.username.currentIndexChanged.connect(lambda _index: self.error.hide())
        self.password = password_field(self)
        form.addRow(self.tr("&Mật khẩu:"), self.password)
        layout.addLayout(form)
        layout.addWidget(self.error)
        if demo:
            hint = QLabel(
                self.tr("Dữ liệu mẫu: mọi tài khoản có mật khẩu “demo”."),
                self,
            )
            hint.setStyleSheet("color: #7a4f01;")
            layout.addWidget(hint)
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(
            self.tr("Mở khóa") if locked_for else self.tr("Đăng nhập"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.ok.setDefault(True)
        self.switch_button: QPushButton | None = None
        if locked_for:
            self.switch_button = self.buttons.addButton(
                self.tr("Đổi người dùng"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.switch_button.clicked.connect(self.switch_person)
        else:
            cancel = self.tr("Hủy") if switching else self.tr("Thoát")
            self.buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def _accounts(self) -> list[Any]:
        try:
            return [a for a in self.service.accounts() if a.active and a.has_password]
        except DeskError:
            return []

    def switch_person(self) -> None:
        """From the lock: another person logs in (the one who left is logged out)."""
        self.locked_for = None
        self.setWindowTitle(self.tr("Đăng nhập"))
        self.username.setEnabled(True)
        self.password.clear()
        self.error.hide()
        if self.switch_button is not None:
            self.switch_button.hide()
        self.ok.setText(self.tr("Đăng nhập"))
        self.username.setFocus(Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:
        username = self.username.currentData()
        if not username:
            self._fail(self.tr("Chưa có tài khoản nào để đăng nhập."))
            return
        try:
            self.account = self.service.log_in(str(username), self.password.text())
        except DeskError as exc:
            self._fail(error_text(exc))
            return
        QSettings().setValue(LAST_USER_KEY, self.account.username)
        super().accept()

    def reject(self) -> None:
        if self.locked_for:  # a locked window stays locked: Escape does not open it
            return
        super().reject()

    def _fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.password.clear()
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)


class AdministratorDialog(QDialog):
    """The unit's first administrator: a database made before accounts existed has none."""

    def __init__(self, db: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from mohao_desk.services.accounts import AccountService

        self.service = AccountService(db)
        self.account: Any = None
        self.setWindowTitle(self.tr("Tạo tài khoản quản trị"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Đơn vị chưa có tài khoản quản trị. Người quản trị đặt mật khẩu cho các cán bộ, "
                "danh mục, lịch, sao lưu. Hãy tạo tài khoản quản trị trước khi dùng chương trình."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.fields = AdministratorFields(self)
        layout.addWidget(self.fields)
        self.error = error_and_buttons(self, layout)

    def accept(self) -> None:
        problems = self.fields.problems()
        if problems:
            self.error.setText("\n".join(problems))
            return
        try:
            self.account = self.service.create_administrator(self.fields.officer())
        except DeskError as exc:
            self.error.setText(error_text(exc))
            return
        super().accept()


class AdministratorFields(QWidget):
    """The administrator's account: username, full name, password twice, and whether the same
    person also registers and processes dossiers (a small commune's one officer)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.username = QLineEdit("quantri", self)
        self.username.setMaxLength(64)
        self.full_name = QLineEdit(self)
        self.full_name.setPlaceholderText(self.tr("Ví dụ: %1").replace("%1", "Hoàng Thị Mai"))
        self.password = password_field(self)
        self.password.setPlaceholderText(self.tr("Ít nhất 8 ký tự"))
        self.repeat = password_field(self)
        self.also_desk = QCheckBox(
            self.tr("Người này cũng tiếp nhận và xử lý hồ sơ (đơn vị chỉ có một cán bộ)"), self
        )
        form.addRow(self.tr("Tên đăng nhập quản trị:"), self.username)
        form.addRow(self.tr("Họ tên người quản trị:"), self.full_name)
        form.addRow(self.tr("Mật khẩu:"), self.password)
        form.addRow(self.tr("Nhập lại mật khẩu:"), self.repeat)
        form.addRow("", self.also_desk)

    def problems(self) -> list[str]:
        from mohao_desk.services.setup import MIN_PASSWORD

        found = []
        if not self.username.text().strip() or any(c.isspace() for c in self.username.text()):
            found.append(self.tr("Tên đăng nhập quản trị không được trống hay có dấu cách."))
        if not self.full_name.text().strip():
            found.append(self.tr("Chưa nhập họ tên người quản trị."))
        if len(self.password.text()) < MIN_PASSWORD:
            found.append(
                self.tr("Mật khẩu phải có ít nhất %1 ký tự.").replace("%1", str(MIN_PASSWORD))
            )
        elif self.password.text() != self.repeat.text():
            found.append(self.tr("Hai lần nhập mật khẩu không giống nhau."))
        return found

    def officer(self) -> Any:
        from mohao_desk.services.setup import OfficerInput

        roles = ("tiep_nhan", "xu_ly", "quan_tri") if self.also_desk.isChecked() else ("quan_tri",)
        return OfficerInput(
            self.username.text().strip(),
            self.full_name.text().strip(),
            self.tr("Quản trị"),
            roles=roles,
            password=self.password.text(),
        )


class PasswordDialog(QDialog):
    """Đổi mật khẩu (one's own: the current one first) or, for an administrator, Đặt mật khẩu
    of another account (no current password)."""

    def __init__(
        self, db: Any, username: str, parent: QWidget | None = None, *, own: bool = True
    ) -> None:
        super().__init__(parent)
        from mohao_desk.services.accounts import AccountService

        self.service = AccountService(db)
        self.username = username
        self.own = own
        self.setWindowTitle(
            self.tr("Đổi mật khẩu")
            if own
            else self.tr("Đặt mật khẩu cho %1").replace("%1", username)
        )
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.current = password_field(self)
        if own:
            form.addRow(self.tr("Mật khẩu hiện tại:"), self.current)
        else:
            self.current.hide()
        self.new = password_field(self)
        self.new.setPlaceholderText(self.tr("Ít nhất 8 ký tự"))
        self.repeat = password_field(self)
        form.addRow(self.tr("Mật khẩu mới:"), self.new)
        form.addRow(self.tr("Nhập lại mật khẩu mới:"), self.repeat)
        layout.addLayout(form)
        self.error = error_and_buttons(self, layout)

    def accept(self) -> None:
        if self.new.text() != self.repeat.text():
            self.error.setText(self.tr("Hai lần nhập mật khẩu mới không giống nhau."))
            return
        try:
            if self.own:
                self.service.change_own_password(
                    self.username, self.current.text(), self.new.text()
                )
            else:
                self.service.set_password(self.username, self.new.text())
        except DeskError as exc:
            self.error.setText(error_text(exc))
            return
        super().accept()


class KeyPassphraseDialog(QDialog):
    """The unit's signing-key passphrase (issue 11), asked once per session at the first
    export; ``new``: the unit has no key yet, the passphrase typed twice encrypts the new one."""

    def __init__(self, parent: QWidget | None = None, *, new: bool = False) -> None:
        super().__init__(parent)
        self.new = new
        self.setWindowTitle(self.tr("Mật khẩu khóa ký"))
        layout = QVBoxLayout(self)
        text = (
            self.tr(
                "Đơn vị chưa có khóa ký gói. Đặt mật khẩu cho khóa ký mới: người quản trị giữ "
                "mật khẩu này; mỗi lần xuất gói (một lần mỗi phiên làm việc) cần nhập."
            )
            if new
            else self.tr("Gói gửi cấp trên được ký bằng khóa của đơn vị: nhập mật khẩu khóa ký.")
        )
        intro = QLabel(text, self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.first = password_field(self)
        self.repeat = password_field(self)
        form.addRow(self.tr("Mật khẩu khóa ký:"), self.first)
        if new:
            form.addRow(self.tr("Nhập lại:"), self.repeat)
        else:
            self.repeat.hide()
        layout.addLayout(form)
        self.error = error_and_buttons(self, layout)
        self.setMinimumWidth(460)

    def passphrase(self) -> str:
        return self.first.text()

    def accept(self) -> None:
        from mohao_desk.domain.package import MIN_KEY_PASSPHRASE

        if self.new and len(self.first.text()) < MIN_KEY_PASSPHRASE:
            self.error.setText(
                self.tr("Mật khẩu khóa ký phải có ít nhất %1 ký tự.").replace(
                    "%1", str(MIN_KEY_PASSPHRASE)
                )
            )
            return
        if self.new and self.first.text() != self.repeat.text():
            self.error.setText(self.tr("Hai lần nhập không giống nhau."))
            return
        super().accept()
