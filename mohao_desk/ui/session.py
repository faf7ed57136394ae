"""Who is at the desk window (issue 11): the logged-in person's button on the tool bar
("Đổi người dùng", "Đổi mật khẩu", "Khóa màn hình"), the lock after the unit's idle time, and
the actions offered by the person's roles. The services refuse what the roles do not allow;
the window does not offer it in the first place."""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QToolButton

from mohao_desk.domain.roles import Role
from mohao_desk.ui.labels import tr_label
from mohao_desk.ui.login_dialog import LoginDialog, PasswordDialog

# Input that says someone is at the PC (a moving mouse too: someone reading the board).
_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
}


class Session(QObject):
    """The window's person: shown, switched, locked."""

    changed = Signal()  # another person logged in (or the same one unlocked)
    locked = Signal()

    def __init__(self, window: Any, *, idle_minutes: int = 0) -> None:
        super().__init__(window)
        self.window = window
        self.desk = window.desk
        self.is_locked = False
        self.dialog: LoginDialog | None = None
        self.switch_action = QAction(self.tr("Đổi người dùng…"), window)
        self.switch_action.setShortcut(QKeySequence("Ctrl+Shift+U"))
        self.switch_action.triggered.connect(lambda _checked=False: self.switch_user())
        self.password_action = QAction(self.tr("Đổi mật khẩu…"), window)
        self.password_action.triggered.connect(lambda _checked=False: self.change_password())
        self.lock_action = QAction(self.tr("Khóa màn hình"), window)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(lambda _checked=False: self.lock())
        self.button = QToolButton(window)
        self.button.setObjectName("user_button")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setStyleSheet("QToolButton#user_button { padding: 2px 16px 2px 6px; }")
        menu = QMenu(self.button)
        menu.addAction(self.switch_action)
        menu.addAction(self.password_action)
        menu.addAction(self.lock_action)
        self.button.setMenu(menu)
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(lambda: self.lock(idle=True))
        self.set_idle_minutes(idle_minutes)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.show_account()

    # ------------------------------------------------------------------ the person
    @property
    def account(self) -> Any:
        return self.desk.account

    def show_account(self) -> None:
        account = self.account
        if account is None:  # the program's own use (tests of the board)
            self.button.setText(self.tr("(chưa đăng nhập)"))
            self.button.setToolTip("")
        else:
            roles = ", ".join(tr_label(r.label) for r in Role if r in account.roles)
            self.button.setText(self.tr("Người dùng: %1").replace("%1", account.full_name))
            self.button.setToolTip(
                self.tr("%1 (%2) — vai trò: %3")
                .replace("%1", account.full_name)
                .replace("%2", account.username)
                .replace("%3", roles)
            )
        for action in (self.password_action, self.lock_action):
            action.setEnabled(account is not None)
        self.apply_roles()

    def apply_roles(self) -> None:
        """Offer the window's actions the person's roles allow; one that is not says which
        role it needs (its tooltip and the status bar's tip)."""
        from mohao_desk.domain.roles import PERMISSIONS

        for action, operation in self.window.role_actions():
            allowed = self.desk.can(operation)
            action.setEnabled(allowed)
            tip = action.property("role_free_tip")
            if tip is None:
                tip = action.toolTip()
                action.setProperty("role_free_tip", tip)
            if not allowed:
                needed = ", ".join(tr_label(r.label) for r in Role if r in PERMISSIONS[operation])
                tip = self.tr("%1 — cần vai trò: %2").replace("%1", tip).replace("%2", needed)
            action.setToolTip(tip)
            action.setStatusTip(tip)

    def refresh_account(self) -> None:
        """After the administrator changed accounts: the person's own roles as now stored."""
        from mohao_desk.domain.errors import DeskError
        from mohao_desk.services.accounts import AccountService

        account = self.account
        if account is None:
            return
        try:
            self.desk.db.actor = AccountService(self.desk.db).get(account.username)
        except DeskError:
            return
        self.show_account()

    def _log_in(self, account: Any) -> None:
        previous = self.account
        self.desk.db.actor = account
        if previous is None or previous.username != account.username:
            self.window.close_person_windows()
            self.desk.db.key_passphrase = None  # the signing key's passphrase was theirs
        self.show_account()
        self.changed.emit()

    def switch_user(self) -> None:
        """Đổi người dùng: another person logs in at this PC (a few seconds)."""
        if self.dialog is not None:
            return
        dialog = LoginDialog(
            self.desk.db,
            self.window,
            unit_name=self.desk.unit.name,
            demo=self.desk.is_demo(),
            switching=True,
        )
        self._open(dialog)

    def change_password(self) -> None:
        account = self.account
        if account is None:
            return
        dialog = PasswordDialog(self.desk.db, account.username, self.window)
        dialog.setModal(True)
        dialog.accepted.connect(
            lambda: self.window.statusBar().showMessage(self.tr("Đã đổi mật khẩu."), 8000)
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    # ------------------------------------------------------------------ the lock
    def set_idle_minutes(self, minutes: int) -> None:
        self.idle_minutes = max(0, minutes)
        if self.idle_minutes:
            self.idle.setInterval(self.idle_minutes * 60_000)
            self.idle.start()
        else:
            self.idle.stop()

    def lock(self, *, idle: bool = False) -> None:
        """The window locks: the board and every other window of the program are hidden until
        the person's password (or another person's log-in) opens it again."""
        if self.is_locked or self.account is None or not shiboken6.isValid(self.window):
            return
        self.is_locked = True
        self.idle.stop()
        self.window.set_veiled(True)
        dialog = LoginDialog(
            self.desk.db,
            self.window,
            unit_name=self.desk.unit.name,
            demo=self.desk.is_demo(),
            locked_for=self.account.username,
            idle=idle,
        )
        self._open(dialog)
        self.locked.emit()

    def _open(self, dialog: LoginDialog) -> None:
        self.dialog = dialog
        dialog.setModal(True)
        dialog.accepted.connect(lambda: self._logged_in(dialog))
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()

    def _logged_in(self, dialog: LoginDialog) -> None:
        self._log_in(dialog.account)

    def _closed(self, dialog: LoginDialog) -> None:
        self.dialog = None
        dialog.deleteLater()
        if self.is_locked:
            self.is_locked = False
            self.window.set_veiled(False)
        if self.idle_minutes:
            self.idle.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self.idle_minutes and not self.is_locked:
            self.idle.start()  # restarts the countdown
        return False

    def close(self) -> None:
        self.idle.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
