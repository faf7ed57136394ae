"""The desk window: the board of dossiers counting down, views, search and scanner, notices."""

from __future__ import annotations

import gc
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QStyle,
    QSystemTrayIcon,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from mohao_desk.domain.deadline import Band
from mohao_desk.domain.package import WRONG_KEY_PASSPHRASE
from mohao_desk.domain.text import fold, group_digits
from mohao_desk.ui import worker
from mohao_desk.ui.board_model import BoardModel
from mohao_desk.ui.dialog_kit import error_text, phrase_text
from mohao_desk.ui.packages import choose_package_files, import_summary
from mohao_desk.ui.screen import fit_to_screen

TICK_MS = 30_000  # the countdown column refreshes every 30 s
SEARCH_LIMIT = 1000  # a search shows the first matches in board order; typing more narrows it
SEARCH_MIN = 2  # one letter matches nearly everything: search from two characters on
SEARCH_DELAY_MS = 25  # wait for a pause in typing (a scanner types a whole code at once)
ALL_LIMIT = 5000  # "all dossiers" without a search: the newest ones (a town holds millions)
NOTICE_MS = 60_000  # band changes are looked for every minute
WATCH_MS = 2_000  # how often the window asks whether another PC or process wrote
BACKUP_CHECK_MS = 3_600_000  # once an hour: is there a backup of today yet?
FIRST_BACKUP_MS = 60_000  # the first look a minute after start, not during it


def count_text(n: int) -> str:
    """ "5.000": counts as the CLI and the documents write them (``group_digits``)."""
    return group_digits(n)


class MainWindow(QMainWindow):
    """Bộ phận Một cửa — the officer's all-day window.

    With ``unit`` (code, name) it is the upstream office's read-only look at the dossiers one
    unit sent: the board of that unit only, no registration, no acts, no packages."""

    VIEWS = (
        ("due-today", QT_TRANSLATE_NOOP("MainWindow", "Đến hạn hôm nay")),
        ("overdue", QT_TRANSLATE_NOOP("MainWindow", "Quá hạn")),
        ("overdue-no-apology", QT_TRANSLATE_NOOP("MainWindow", "Quá hạn chưa xin lỗi")),
        ("waiting", QT_TRANSLATE_NOOP("MainWindow", "Chờ bổ sung")),
        ("not-digitized", QT_TRANSLATE_NOOP("MainWindow", "Chưa số hóa")),
        # issue 13: the dossiers the last export of the electronic system did not have
        ("not-in-system", QT_TRANSLATE_NOOP("MainWindow", "Chưa có trên hệ thống")),
        ("mine", QT_TRANSLATE_NOOP("MainWindow", "Hồ sơ của tôi")),
        ("pending", QT_TRANSLATE_NOOP("MainWindow", "Đang giải quyết")),
        ("all", QT_TRANSLATE_NOOP("MainWindow", "Tất cả hồ sơ")),
    )

    board_refreshed = Signal()  # the ids of the current view arrived (tests wait on it)
    notice_shown = Signal(str)
    dossier_opened = Signal(str)  # a dossier page opened or was raised (its code)

    def __init__(
        self,
        desk: Any,
        *,
        synchronous: bool = False,
        unit: tuple[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.desk = desk
        self.synchronous = synchronous  # tests and benchmarks may run service calls inline
        self.unit_scope = unit
        self.read_only = unit is not None or bool(getattr(desk, "read_only", False))
        self.officer: str | None = None
        self._search_generation = 0
        self._first_counts = not self.read_only
        self._closing = False
        self._fitted_width = -1
        self.last_message = ""
        self.last_folder = ""
        self.dossier_pages: dict[str, QWidget] = {}
        self._veiled_windows: list[QWidget] = []  # hidden by the lock, shown again after it
        self.history_check: Any = None  # the start-up check of the audit chain
        self.history_report: Any = None
        self.history_label: QLabel | None = None
        self._history_told = False
        self.counter_list: QWidget | None = None  # the open list of refusals at the counter
        self.reconcile_dialog: QWidget | None = None  # Đối chiếu với hệ thống điện tử
        self._keep_scroll: int | None = None
        self._watching = False  # a change check is in flight
        self.offline_label: QLabel | None = None
        self._last_notice_check = desk.now()
        self._first_rows_shown = False  # see after_first_rows
        self._waiting_for_rows: list[Callable[[], None]] = []
        if unit is not None:
            self.setWindowTitle(
                self.tr("%1 (%2) — hồ sơ đơn vị gửi lên, chỉ xem")
                .replace("%1", unit[1])
                .replace("%2", unit[0])
            )
        else:
            # Qt adds the application's name ("Bộ phận Một cửa") to every window title itself.
            self.setWindowTitle(desk.unit.name)
        fit_to_screen(self, 1280, 760)
        account = desk.account
        self.officer = account.username if account is not None else desk.default_officer()
        # The first view's rows are asked for now, while the window is being built.
        self._early_page: tuple[tuple[Any, ...], dict[str, Any]] | None = None
        if not synchronous and unit is None:
            self._ask_first_page()

        self.model = BoardModel(
            desk.rows, desk.live_countdown, desk.now, self, synchronous=synchronous
        )
        self.model.set_headers([self.model.tr(label) for _, label in BoardModel.COLUMNS])
        self._build_actions()
        from mohao_desk.services.settings import idle_lock_minutes
        from mohao_desk.ui.session import Session

        # The person at the PC (issue 11): the tool bar's button, the idle lock, the roles.
        self.session = Session(self, idle_minutes=idle_lock_minutes(desk.db))
        self.session.changed.connect(self._person_changed)
        self._build_menus()
        self._build_toolbar()
        self._build_body()
        self._show_default_status()

        self.tick_timer = QTimer(self)
        self.tick_timer.setInterval(TICK_MS)
        self.tick_timer.timeout.connect(self.tick)
        self.tick_timer.start()
        self.notice_timer = QTimer(self)
        self.notice_timer.setInterval(NOTICE_MS)
        self.notice_timer.timeout.connect(self.check_notices)
        # What another PC or process records shows here within seconds, without "Làm mới".
        self.watcher = desk.change_watcher()
        self.watch_timer = QTimer(self)
        self.watch_timer.setInterval(WATCH_MS)
        self.watch_timer.timeout.connect(self.check_changes)
        if self.watcher is not None:
            self.watch_timer.start()
        # The daily automatic backup of a SQLite desk (and one more when the window closes).
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(BACKUP_CHECK_MS)
        self.backup_timer.timeout.connect(self.daily_backup)
        if not self.read_only and desk.db.dialect == "sqlite":
            self.backup_timer.start()
            QTimer.singleShot(FIRST_BACKUP_MS, self, self.daily_backup)
        self.tray: QSystemTrayIcon | None = None
        if not self.read_only:
            self.notice_timer.start()
            if QSystemTrayIcon.isSystemTrayAvailable():
                self.tray = QSystemTrayIcon(
                    self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning), self
                )
                self.tray.show()
        self.views.setCurrentRow(0)
        self.calendar_label: QLabel | None = None
        if not self.read_only:
            self.after_first_rows(self.check_calendar)

    # ------------------------------------------------------------ layout
    def _action(
        self,
        text: str,
        slot: Callable[[], None],
        *,
        shortcut: str | QKeySequence.StandardKey | None = None,
        icon: QStyle.StandardPixmap | None = None,
        tip: str = "",
    ) -> QAction:
        """An action whose slot takes no argument: ``triggered`` passes ``checked`` (a bool),
        which a slot with a default parameter would take for its argument."""
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        pixmap = QStyle.StandardPixmap
        self.register_action = self._action(
            self.tr("Tiếp nhận hồ sơ"),
            self.open_register,
            shortcut="F2",
            icon=pixmap.SP_FileDialogNewFolder,
            tip=self.tr("Tiếp nhận một hồ sơ mới và in giấy hẹn (F2)"),
        )
        self.counter_refusal_action = self._action(
            self.tr("Từ chối tiếp nhận tại quầy…"),
            self.open_counter_refusal,
            shortcut="Shift+F2",
            tip=self.tr(
                "Hồ sơ không đủ điều kiện: ghi lý do, in Phiếu từ chối (Mẫu 03); không tạo hồ sơ"
            ),
        )
        self.counter_list_action = self._action(
            self.tr("Từ chối tại quầy"),
            self.open_counter_refusals,
            tip=self.tr("Các lượt từ chối tiếp nhận tại quầy của một khoảng thời gian"),
        )
        self.refresh_action = self._action(
            self.tr("Làm mới"),
            self.refresh_all,
            shortcut="F5",
            icon=pixmap.SP_BrowserReload,
            tip=self.tr("Tải lại danh sách hồ sơ (F5)"),
        )
        self.daily_action = self._action(
            self.tr("Danh sách hằng ngày"),
            self.open_daily_list,
            icon=pixmap.SP_FileDialogDetailedView,
            tip=self.tr("Danh sách theo dõi hồ sơ của một ngày, để lãnh đạo ký"),
        )
        self.book_action = self._action(
            self.tr("Sổ theo dõi"),
            self.open_register_book,
            icon=pixmap.SP_FileDialogContentsView,
            tip=self.tr("Sổ theo dõi hồ sơ của một khoảng thời gian"),
        )
        self.explanation_action = self._action(
            self.tr("Báo cáo giải trình"),
            self.open_explanation,
            tip=self.tr("Báo cáo giải trình hồ sơ quá hạn của một khoảng thời gian"),
        )
        self.reconcile_action = self._action(
            self.tr("Đối chiếu với hệ thống điện tử…"),
            self.open_reconcile,
            icon=pixmap.SP_FileDialogListView,
            tip=self.tr(
                "So hồ sơ của Bộ phận với danh sách xuất từ hệ thống thông tin một cửa điện tử "
                "của tỉnh: hồ sơ chưa nhập, đã xong mà còn mở, hạn khác nhau"
            ),
        )
        self.reconcile_action.setIconText(self.tr("Đối chiếu"))
        self.export_action = self._action(
            self.tr("Xuất gói"),
            self.export_package,
            icon=pixmap.SP_DialogSaveButton,
            tip=self.tr("Xuất gói số liệu gửi cơ quan cấp trên (ra USB hoặc thư mục)"),
        )
        self.import_action = self._action(
            self.tr("Nhập gói"),
            self.import_packages,
            icon=pixmap.SP_DialogOpenButton,
            tip=self.tr("Nhập gói danh mục, lịch nghỉ của cơ quan cấp trên"),
        )
        self.settings_action = self._action(
            self.tr("Thiết lập"),
            self.open_settings,
            tip=self.tr("Đơn vị, cán bộ, danh mục thủ tục, giờ làm việc, ngày nghỉ"),
        )
        self.backup_action = self._action(
            self.tr("Sao lưu ngay"),
            self.backup_now,
            tip=self.tr(
                "Sao lưu cơ sở dữ liệu (đã kiểm tra) vào thư mục backups; chương trình cũng tự sao "
                "lưu mỗi ngày và khi đóng"
            ),
        )
        self.restore_action = self._action(
            self.tr("Phục hồi từ bản sao lưu…"),
            self.restore_backup,
            tip=self.tr(
                "Thay dữ liệu hiện tại bằng một bản sao lưu (dữ liệu hiện tại được sao lưu trước)"
            ),
        )
        self.close_action = self._action(
            self.tr("Thoát"), self.close, shortcut=QKeySequence.StandardKey.Quit
        )

    def role_actions(self) -> list[tuple[QAction, Any]]:
        """The actions and what each needs of the person's roles (domain/roles.py)."""
        from mohao_desk.domain.lifecycle import Act
        from mohao_desk.domain.roles import Operation

        return [
            (self.register_action, Act.REGISTER),
            (self.counter_refusal_action, Operation.COUNTER_REFUSAL),
            (self.reconcile_action, Operation.RECONCILE),
            (self.export_action, Operation.EXPORT),
            (self.import_action, Operation.IMPORT),
            (self.settings_action, Operation.UNIT_SETTINGS),
            (self.backup_action, Operation.BACKUP),
            (self.restore_action, Operation.BACKUP),
        ]

    def writing_actions(self) -> list[QAction]:
        """The actions a read-only board does not offer."""
        return [
            self.register_action,
            self.counter_refusal_action,
            self.reconcile_action,
            self.export_action,
            self.import_action,
            self.settings_action,
        ]

    def _build_menus(self) -> None:
        bar = self.menuBar()
        dossiers = bar.addMenu(self.tr("&Hồ sơ"))
        dossiers.addAction(self.register_action)
        dossiers.addAction(self.counter_refusal_action)
        dossiers.addAction(self.refresh_action)
        dossiers.addSeparator()
        dossiers.addAction(self.close_action)
        reports = bar.addMenu(self.tr("&Báo cáo"))
        if self.unit_scope is None:
            reports.addAction(self.daily_action)
            reports.addAction(self.book_action)
            reports.addAction(self.counter_list_action)
        # Seen from the upstream office, a unit's explanation report equals the unit's own; the
        # daily list and the register book are the desk's working papers.
        reports.addAction(self.explanation_action)
        if not self.read_only:
            reports.addSeparator()
            reports.addAction(self.reconcile_action)
            packages = bar.addMenu(self.tr("&Gửi, nhận"))
            packages.addAction(self.export_action)
            packages.addAction(self.import_action)
            system = bar.addMenu(self.tr("H&ệ thống"))
            system.addAction(self.session.switch_action)
            system.addAction(self.session.password_action)
            system.addAction(self.session.lock_action)
            system.addSeparator()
            system.addAction(self.settings_action)
            if self.desk.db.dialect == "sqlite":  # a server is backed up on the server
                system.addSeparator()
                system.addAction(self.backup_action)
                system.addAction(self.restore_action)
        else:
            dossiers.removeAction(self.register_action)
            dossiers.removeAction(self.counter_refusal_action)

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Thao tác"), self)
        bar.setObjectName("desk_toolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        # A right-click would offer to hide the tool bar, with no way back but a restart.
        bar.toggleViewAction().setEnabled(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        self.toolbar = bar
        self.addToolBar(bar)
        if not self.read_only:
            bar.addAction(self.register_action)
        bar.addAction(self.refresh_action)
        bar.addSeparator()
        if self.unit_scope is not None:
            bar.addAction(self.explanation_action)
        else:
            bar.addAction(self.daily_action)
            bar.addAction(self.book_action)
            if not self.read_only:
                bar.addAction(self.reconcile_action)
                bar.addSeparator()
                bar.addAction(self.export_action)
                bar.addAction(self.import_action)
        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addWidget(self.session.button)

    def _person_changed(self) -> None:
        """Another person logged in (Đổi người dùng, or at the lock): their board."""
        account = self.desk.account
        self.officer = account.username if account is not None else self.desk.default_officer()
        self.refresh()
        self._tell_about_history()

    # ------------------------------------------------------------ the audit chain
    def start_history_check(self) -> None:
        """At start, in a child process: is the history as the program wrote it (issue 11)?
        The administrator is told when it is not; everyone sees it in the status bar."""
        from mohao_desk.ui.history_check import HistoryCheck

        if self.read_only or self.history_check is not None:
            return
        self.history_check = HistoryCheck(self.desk.db.target, self)
        self.history_check.finished.connect(self._history_checked)
        self.history_check.failed.connect(lambda _exc: None)  # a check that could not run
        self.history_check.start()

    def _history_checked(self, report: Any) -> None:
        self.history_report = report
        if report.whole:
            return
        label = QLabel(self.tr("⚠ Lịch sử hồ sơ đã bị sửa ngoài chương trình — báo quản trị"))
        label.setStyleSheet("color: #b71c1c; font-weight: bold;")
        label.setToolTip(phrase_text(report.first.text) if report.first is not None else "")
        self.statusBar().addPermanentWidget(label)
        self.history_label = label
        self._tell_about_history()

    def _tell_about_history(self) -> None:
        """The administrator (now, or when one logs in) reads what was found, once."""
        from mohao_desk.domain.roles import Role

        report, account = self.history_report, self.desk.account
        if report is None or report.whole or self._history_told:
            return
        if account is None or Role.ADMIN not in account.roles:
            return
        self._history_told = True
        first = phrase_text(report.first.text) if report.first is not None else ""
        more = report.problem_count - 1
        text = self.tr(
            "Kiểm tra chuỗi lịch sử khi mở chương trình: dữ liệu đã bị sửa ngoài chương "
            "trình.\n\n%1"
        ).replace("%1", first)
        if more > 0:
            text += "\n" + self.tr("(và %1 chỗ khác)").replace("%1", count_text(more))
        text += "\n\n" + self.tr(
            "Hãy báo lãnh đạo; các bản sao lưu cũ còn giữ lịch sử trước khi bị sửa."
        )
        QMessageBox.warning(self, self.tr("Lịch sử hồ sơ đã bị sửa"), text)

    def _other_windows(self) -> list[QWidget]:
        """Every other window of the program now shown: dossier pages, dialogs, previews (the
        log-in box excepted)."""
        from PySide6.QtWidgets import QApplication

        from mohao_desk.ui.login_dialog import LoginDialog

        return [
            w
            for w in QApplication.topLevelWidgets()
            if w is not self
            and shiboken6.isValid(w)
            and w.isVisible()
            and not isinstance(w, LoginDialog)
        ]

    def close_person_windows(self) -> None:
        """What the person who left had open (another person's work is not theirs): dossier
        pages, a half-typed registration, the settings, previews; hidden by a lock or not."""
        for window in [*self._other_windows(), *self._veiled_windows]:
            if shiboken6.isValid(window):
                window.close()
        self._veiled_windows = []

    def set_veiled(self, veiled: bool) -> None:
        """Locked: nothing of the board, and no other window of the program, shows until the
        password opens it again."""
        central = self.centralWidget()
        if central is not None:
            central.setVisible(not veiled)
        self.menuBar().setEnabled(not veiled)
        self.toolbar.setEnabled(not veiled)
        if veiled:
            self._veiled_windows = self._other_windows()
            for window in self._veiled_windows:
                window.hide()
        else:
            for window in self._veiled_windows:
                if shiboken6.isValid(window):
                    window.show()
            self._veiled_windows = []

    def _build_body(self) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 8, 8, 4)
        self.notice = QLabel(central)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(
            "QLabel { background: #fff4cc; border: 1px solid #e0b000; border-radius: 4px;"
            " padding: 6px; color: #5a3d00; }"
        )
        self.notice.hide()
        # Demo data says so on every board, so that nobody mistakes it for the unit's own.
        self.demo_banner = QLabel(
            self.tr(
                "DỮ LIỆU MẪU — hồ sơ và người nộp ở đây là giả, chỉ để tập sử dụng; không dùng "
                "cho công việc thật."
            ),
            central,
        )
        self.demo_banner.setWordWrap(True)
        self.demo_banner.setStyleSheet(
            "QLabel { background: #fde2e1; border: 1px solid #c62828; border-radius: 4px;"
            " padding: 4px 6px; color: #8e1b1b; font-weight: bold; }"
        )
        self.demo_banner.setVisible(self.desk.is_demo())
        layout.addWidget(self.demo_banner)
        layout.addWidget(self.notice)
        search_row = QHBoxLayout()
        self.search = QLineEdit(central)
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(lambda: self.refresh(counts=False))
        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self._search_entered)
        self.search.installEventFilter(self)
        self.search.setToolTip(
            self.tr(
                'Gõ mã hồ sơ, họ tên hoặc số điện thoại, không cần dấu ("nguyen van an");'
                " máy quét mã: quét rồi Enter để mở hồ sơ. Ctrl+Enter: tìm trong tất cả hồ sơ."
            )
        )
        search_row.addWidget(self.search, 3)
        # Where the search looks: the selected view, or every dossier (Ctrl+Enter).
        self.search_all = QCheckBox(self.tr("Tìm trong &tất cả hồ sơ (Ctrl+Enter)"), central)
        self.search_all.setToolTip(
            self.tr("Tìm trong mọi hồ sơ thay vì chỉ danh sách đang chọn (Ctrl+Enter)")
        )
        self.search_all.toggled.connect(lambda _on: self._scope_changed())
        search_row.addWidget(self.search_all)
        self.count_label = ElidedLabel(central)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        # A long count ("… — Ctrl+Enter: tìm trong tất cả") must not squeeze the search box.
        self.count_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.count_label.setMinimumWidth(120)
        search_row.addWidget(self.count_label, 1)
        layout.addLayout(search_row)
        # The last reconciliation with the electronic system (issue 13), when there was one.
        self.reconcile_label = QLabel(central)
        self.reconcile_label.setWordWrap(True)
        self.reconcile_label.setTextFormat(Qt.TextFormat.RichText)
        self.reconcile_label.setStyleSheet("QLabel { color: #3c4043; padding: 2px 0; }")
        self.reconcile_label.linkActivated.connect(lambda _link: self.select_view("not-in-system"))
        self.reconcile_label.hide()
        layout.addWidget(self.reconcile_label)
        QShortcut(QKeySequence("Ctrl+F"), self, lambda: self.search.setFocus())

        self.splitter = QSplitter(Qt.Orientation.Horizontal, central)
        self.views = QListWidget(self.splitter)
        for key, label in self.VIEWS:
            if self.read_only and key == "mine":
                continue
            item = QListWidgetItem(self.tr(label))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.views.addItem(item)
        self.views.setMinimumWidth(150)
        self.views.setMaximumWidth(240)
        self.views.currentRowChanged.connect(lambda _row: self._view_changed())
        self.table = QTableView(self.splitter)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(60)
        # A double-click emits both doubleClicked and activated: listen to one (activated also
        # answers Enter on a row).
        self.table.activated.connect(self._open_index)
        self.splitter.addWidget(self.views)
        self.splitter.addWidget(self.table)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self._size_views()
        self._update_search_hint()

    def _size_views(self) -> None:
        """The view list as wide as its longest label with a count, within 150–240 px."""
        metrics = self.views.fontMetrics()
        widest = max(
            metrics.horizontalAdvance(f"{self.views.item(r).text()}  (99.999)")
            for r in range(self.views.count())
        )
        width = max(150, min(240, widest + 28))
        self.splitter.setSizes([width, max(400, self.width() - width)])

    def fit_columns(self) -> None:
        """Column widths for the table's width: code, countdown, procedure, applicant and due
        always fit side by side (a 1024-pixel screen included); officer, received and status
        follow, the last one stretching."""
        width = self.table.viewport().width()
        if width <= 0 or width == self._fitted_width:
            return
        self._fitted_width = width
        metrics = self.table.fontMetrics()
        pad = 18
        code = metrics.horizontalAdvance("000.00.00.H00-000000-0000") + pad
        countdown = metrics.horizontalAdvance("‖ quá 123 ngày 7 giờ") + pad
        due = metrics.horizontalAdvance("00:00 00/00/0000 →") + pad
        rest = width - code - countdown - due
        procedure = max(120, min(300, int(rest * 0.58)))
        applicant = max(100, min(200, rest - procedure))
        header = self.table.horizontalHeader()
        widths = (code, countdown, procedure, applicant, due, 150, 125)
        for column, size in enumerate(widths):
            header.resizeSection(column, size)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self._fit_after_resize)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.fit_columns()

    def _fit_after_resize(self) -> None:
        if not self._closing and shiboken6.isValid(self):
            self.fit_columns()

    def _show_default_status(self) -> None:
        """Which unit and which database, always at the right of the status bar (a permanent
        widget: passing messages do not wipe it)."""
        if self.unit_scope is not None:
            text = self.tr("Dữ liệu đơn vị gửi lên cơ quan cấp trên: chỉ xem, không ghi được.")
        else:
            text = f"{self.desk.unit.name} ({self.desk.unit.code}) — {self.desk.db.path}"
        self.where_label = QLabel(text, self)
        self.where_label.setTextFormat(Qt.TextFormat.PlainText)
        self.where_label.setStyleSheet("color: #5f6368;")
        self.statusBar().addPermanentWidget(self.where_label)

    # ------------------------------------------------------------ data
    def current_view(self) -> str:
        item = self.views.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else "due-today"

    def select_view(self, key: str) -> None:
        for row in range(self.views.count()):
            if self.views.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.views.setCurrentRow(row)
                return

    def current_view_label(self) -> str:
        key = self.current_view()
        return self.tr(dict(self.VIEWS).get(key, ""))

    def search_scope(self) -> str:
        """The view a search looks in: the selected one, or all dossiers."""
        return "all" if self.search_all.isChecked() else self.current_view()

    def _call(
        self,
        fn: Callable[[], Any],
        done: Callable[[Any], None],
        error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """A service call: off the GUI thread (or inline when ``synchronous``)."""
        on_error = error or self.show_error
        if self._closing:
            return
        if self.synchronous:
            try:
                result = fn()
            except Exception as exc:
                on_error(exc)
                return
            done(result)
            return

        def deliver(result: Any) -> None:
            if not self._closing:  # a result arriving while the window closes is dropped
                done(result)

        def fail(exc: BaseException) -> None:
            if not self._closing:
                on_error(exc)

        worker.run(fn, deliver, fail, parent=self)

    def check_changes(self) -> None:
        """Ask, off the GUI thread, whether the database changed; reload the board (keeping
        the officer's place) when it did. While a server is out of reach the status bar says
        so, the last board stays on screen, and the window reconnects by itself."""
        watcher = self.watcher
        if watcher is None or self._watching:
            return
        self._watching = True
        self._call(watcher.changed, self._changes_arrived, self._changes_failed)

    def _changes_arrived(self, changed: bool) -> None:
        self._watching = False
        reachable = bool(getattr(self.watcher, "reachable", True))
        if not reachable and self.offline_label is None:
            since = self.desk.now()
            label = QLabel(
                self.tr(
                    "Không kết nối được máy chủ dữ liệu từ %1: bảng đang hiện dữ liệu lần cập "
                    "nhật cuối; chương trình tự kết nối lại."
                ).replace("%1", f"{since:%H:%M}"),
                self,
            )
            label.setStyleSheet("color: #8e1b1b; font-weight: bold;")
            self.statusBar().addPermanentWidget(label)
            self.offline_label = label
        elif reachable and self.offline_label is not None:
            self.statusBar().removeWidget(self.offline_label)
            self.offline_label.deleteLater()
            self.offline_label = None
        if changed:
            self._keep_scroll = self.table.verticalScrollBar().value()
            self.refresh()

    def _changes_failed(self, _exc: BaseException) -> None:
        self._watching = False

    def refresh_all(self) -> None:
        """F5: the view and its counts."""
        self.refresh()

    def refresh(self, *, counts: bool = True) -> None:
        """Reload the ids of the current view (and the view counts)."""
        self._search_generation += 1
        generation = self._search_generation
        text, officer = self.search.text().strip(), self.officer
        searching = len(text) >= SEARCH_MIN
        view = self.search_scope() if searching else self.current_view()
        limit = SEARCH_LIMIT if searching else (ALL_LIMIT if view == "all" else None)
        search = text if searching else None
        if self.unit_scope is not None:
            # The upstream office holds many units: the unit's code narrows every view.
            code = self.unit_scope[0]
            if searching and fold(text).startswith(fold(code)):
                search = text  # a code of this unit: it narrows by itself
            elif searching:
                search = f"{code} {text}"
            else:
                search = code
            limit = SEARCH_LIMIT if searching else ALL_LIMIT
        if not self._adopt_first_page((view, search, officer, limit), generation, searching):
            self._call(
                lambda: self.desk.board_page(view, search=search, officer=officer, limit=limit),
                lambda page: self._ids_arrived(generation, page, limit, searching, view),
            )
        if counts and self.unit_scope is None:
            # At the start, the counts wait for the first rows (their queries would share the
            # two cores with them); later they come with every refresh.
            self.after_first_rows(self.check_counts)
            if not self.read_only:
                self.after_first_rows(self.check_reconciliation)

    def check_counts(self) -> None:
        """The badges of the view selector (read off the GUI thread)."""
        officer = self.officer
        self._call(lambda: self.desk.board_counts(officer), self._counts_arrived)

    def _ask_first_page(self) -> None:
        """The first view's ids and rows, asked for at the start of ``__init__``: what its
        first ``refresh`` will want (the first view, no search; ``_adopt_first_page``)."""
        view = self.VIEWS[0][0]
        key = (view, None, self.officer, ALL_LIMIT if view == "all" else None)
        holder: dict[str, Any] = {}
        self._early_page = (key, holder)
        desk = self.desk

        def arrived(page: Any) -> None:
            holder["page"] = page
            if "adopted" in holder:
                self._ids_arrived(*holder["adopted"](page))

        def failed(exc: BaseException) -> None:
            holder["failed"] = exc
            if "adopted" in holder:
                self.show_error(exc)

        self._call(
            lambda: desk.board_page(key[0], search=key[1], officer=key[2], limit=key[3]),
            arrived,
            failed,
        )

    def _adopt_first_page(self, key: tuple[Any, ...], generation: int, searching: bool) -> bool:
        """Whether the first refresh takes the page asked for at the start (same view, search,
        officer and limit, and it has not failed): then its rows are shown when they come."""
        if self._early_page is None:
            return False
        (asked, holder), self._early_page = self._early_page, None
        if asked != key or "failed" in holder:
            return False
        view, _search, _officer, limit = key

        def args(page: Any) -> tuple[Any, ...]:
            return (generation, page, limit, searching, view)

        holder["adopted"] = args
        if "page" in holder:
            self._ids_arrived(*args(holder["page"]))
        return True

    def check_reconciliation(self) -> None:
        """The last reconciliation's line above the board (read off the GUI thread)."""

        def last() -> Any:
            from mohao_desk.services.reconcile import last_reconciliation

            return last_reconciliation(self.desk)

        self._call(last, self._reconciliation_arrived)

    def after_first_rows(self, task: Callable[[], None]) -> None:
        """Run ``task`` once the board's first rows are on screen (at once after that): what
        the start needs besides them (the reconciliation line, the calendar notice, and their
        imports) does not hold them up. Each task is queued once."""
        if self._first_rows_shown:
            task()
        elif task not in self._waiting_for_rows:
            self._waiting_for_rows.append(task)

    def _first_rows_arrived(self) -> None:
        self._first_rows_shown = True
        waiting, self._waiting_for_rows = self._waiting_for_rows, []
        for task in waiting:
            task()

    def _ids_arrived(
        self,
        generation: int,
        page: tuple[list[int], list[Any]],
        limit: int | None,
        searching: bool,
        view: str,
    ) -> None:
        if generation != self._search_generation:
            return  # a newer keystroke or view replaced this request
        ids, first_rows = page
        selected = self._selected_code()
        self.model.set_ids(ids, first_rows)
        if self._keep_scroll is not None:  # a reload nobody asked for keeps the place
            self.table.verticalScrollBar().setValue(self._keep_scroll)
            self._keep_scroll = None
        if self.unit_scope is not None:
            # Units send no applicant names unless they chose to share personal data.
            named = any(str(r.applicant).strip() for r in first_rows)
            self.table.setColumnHidden(BoardModel.APPLICANT, not named)
        if selected is not None:  # keep the officer's place after a refresh or a notice
            row = self.model.row_of_code(selected)
            if row is not None:
                self.table.selectRow(row)
        # What is alive now (ids, rows) lives long: keep the cyclic GC from walking it again
        # and again, which showed as 50–100 ms pauses while scrolling a large board.
        gc.freeze()
        shown = count_text(len(ids))
        where = self.tr(dict(self.VIEWS)[view]) if view in dict(self.VIEWS) else ""
        if limit is not None and len(ids) >= limit and searching:
            text = self.tr("%1+ hồ sơ trong «%2» — gõ thêm để thu hẹp")
        elif searching:
            text = self.tr("%1 hồ sơ trong «%2»")
        elif limit is not None and len(ids) >= limit:
            text = self.tr("%1 hồ sơ mới nhất — gõ để tìm trong tất cả")
        else:
            text = self.tr("%1 hồ sơ")
        self.count_label.setText(text.replace("%1", shown).replace("%2", where))
        self.count_label.setToolTip(self.count_label.text())
        self.board_refreshed.emit()
        if not self._first_rows_shown:
            if self.synchronous:
                self._first_rows_arrived()
            else:  # after the rows are painted
                QTimer.singleShot(0, self, self._first_rows_arrived)

    def _selected_code(self) -> str | None:
        selection = self.table.selectionModel()
        rows = selection.selectedRows() if selection is not None else []
        if not rows:
            return None
        summary = self.model.summary_at(rows[0].row())
        return summary.code if summary is not None else None

    def _counts_arrived(self, counts: dict[str, int]) -> None:
        if self._first_counts:
            self._first_counts = False
            if counts.get("due-today", 0) == 0 and self.current_view() == "due-today":
                # Nothing due today: open on the dossiers in progress, most urgent first.
                self.select_view("pending")
        labels = dict(self.VIEWS)
        for row in range(self.views.count()):
            item = self.views.item(row)
            key = str(item.data(Qt.ItemDataRole.UserRole))
            item.setText(f"{self.tr(labels[key])}  ({count_text(counts.get(key, 0))})")

    def _reconciliation_arrived(self, last: Any) -> None:
        """The last reconciliation on the board: when, which file, the counts; its missing
        dossiers open the view "Chưa có trên hệ thống"."""
        if last is None:
            self.reconcile_label.hide()
            return
        from html import escape

        counts = last.counts
        text = (
            self.tr(
                "Đối chiếu gần nhất với hệ thống điện tử: %1, tệp %2 (hồ sơ tiếp nhận từ %3 đến "
                '%4) — <a href="not-in-system">chưa có trên hệ thống: %5</a>; đã xong tại Bộ '
                "phận, còn mở trên hệ thống: %6; còn mở tại Bộ phận, đã xong trên hệ thống: %7; "
                "hạn khác nhau: %8; không có tại Bộ phận: %9."
            )
            .replace("%1", f"{last.done_at:%H:%M %d/%m/%Y}")
            .replace("%2", escape(last.file_name))
            .replace("%3", f"{last.period[0]:%d/%m/%Y}")
            .replace("%4", f"{last.period[1]:%d/%m/%Y}")
            .replace("%5", count_text(counts["missing_in_system"]))
            .replace("%6", count_text(counts["finished_here_open_there"]))
            .replace("%7", count_text(counts["open_here_finished_there"]))
            .replace("%8", count_text(counts["due_differs"]))
            .replace("%9", count_text(counts["unknown_here"]))
        )
        self.reconcile_label.setText(text)
        self.reconcile_label.show()

    def open_reconcile(self) -> None:
        """Đối chiếu với hệ thống điện tử: one window, raised when it is open already."""
        from mohao_desk.ui.reconcile_window import ReconcileDialog

        dialog = self.reconcile_dialog
        if dialog is not None and shiboken6.isValid(dialog) and dialog.isVisible():
            dialog.raise_()
            dialog.activateWindow()
            return
        dialog = ReconcileDialog(self.desk, self, synchronous=self.synchronous)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.reconcile_dialog = dialog
        dialog.show()

    def reconciliation_changed(self) -> None:
        """A reconciliation was recorded: the board's counts and its last-reconciliation line."""
        self.refresh()

    def _view_changed(self) -> None:
        # Choosing a view is choosing where to look: the search follows it.
        if self.search_all.isChecked():
            self.search_all.blockSignals(True)
            self.search_all.setChecked(False)
            self.search_all.blockSignals(False)
        self._update_search_hint()
        self.refresh()

    def _scope_changed(self) -> None:
        # The list on the left shows where the search looks: no view is highlighted while it
        # looks in every dossier.
        current = self.views.currentItem()
        if self.search_all.isChecked():
            self.views.clearSelection()
        elif current is not None:
            current.setSelected(True)
        self._update_search_hint()
        if len(self.search.text().strip()) >= SEARCH_MIN:
            self.refresh(counts=False)

    def _update_search_hint(self) -> None:
        if self.unit_scope is not None:  # the units send no names or phones by default
            hint = self.tr("Tìm trong «%1» theo mã hồ sơ").replace("%1", self.current_view_label())
        elif self.search_all.isChecked():
            hint = self.tr("Tìm trong tất cả hồ sơ: mã hồ sơ, họ tên, điện thoại")
        else:
            hint = self.tr("Tìm trong «%1»: mã hồ sơ, họ tên, điện thoại").replace(
                "%1", self.current_view_label()
            )
        if not self.read_only:
            hint += self.tr(" — hoặc quét mã")
        self.search.setPlaceholderText(hint)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Enter in the search box: search every dossier, not just the selected view."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
                event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                self.search_all.setChecked(not self.search_all.isChecked())
                return True
        return super().eventFilter(watched, event)

    def _search_changed(self, _text: str) -> None:
        if self.synchronous:
            self.refresh(counts=False)
        else:
            self._search_timer.start()

    def _search_entered(self) -> None:
        """A scanner types the code and Enter: open that dossier straight away."""
        text = self.search.text().strip()
        if not text or self.read_only:
            return
        self._call(lambda: self.desk.find_code(text), self._code_found, lambda exc: None)

    def _code_found(self, code: str | None) -> None:
        if code is not None:
            self.open_dossier(code)

    # ------------------------------------------------------------ ticking
    def visible_rows(self) -> tuple[int, int]:
        top = self.table.rowAt(0)
        bottom = self.table.rowAt(self.table.viewport().height() - 1)
        if top < 0:
            return 0, -1
        if bottom < 0:
            bottom = self.model.rowCount() - 1
        return top, bottom

    def tick(self) -> None:
        """One dataChanged over the countdown column of the visible rows."""
        first, last = self.visible_rows()
        self.model.tick(first, last)

    def check_calendar(self) -> None:
        """Once per start: a gentle line in the status bar when the working days of the coming
        90 days rest only on the ``holidays`` package's rules (no official announcement for that
        year yet) or on an announcement no official text confirms (services/calendar.py)."""
        from mohao_desk.services.calendar import CalendarService

        service, today = CalendarService(self.desk.db), self.desk.now().date()
        self._call(lambda: service.gaps(today), self.show_calendar_gaps)

    def show_calendar_gaps(self, gaps: Any) -> None:
        if not gaps:
            return
        parts = []
        if gaps.unannounced_years:
            years = ", ".join(str(y) for y in gaps.unannounced_years)
            parts.append(
                self.tr("Lịch nghỉ năm %1 chưa có thông báo chính thức").replace("%1", years)
            )
        if gaps.unsure:
            days = ", ".join(f"{a.day:%d/%m/%Y}" for a in gaps.unsure)
            parts.append(
                self.tr("ngày %1 chưa có văn bản chính thức khẳng định").replace("%1", days)
            )
        text = (
            "; ".join(parts)
            + " — "
            + self.tr("hãy kiểm tra thông báo của Chính phủ (Thiết lập › Ngày nghỉ, ngày làm bù).")
        )
        details = [
            self.tr("Các ngày nghỉ đang tính theo quy tắc của gói holidays.")
            if gaps.unannounced_years
            else ""
        ]
        details += [f"{a.day:%d/%m/%Y}: {a.name} — {a.note or a.source_text}" for a in gaps.unsure]
        # One line that ends in "…" at 1024 px; the whole notice and its details in the tooltip.
        label = ElidedLabel(text[:1].upper() + text[1:], self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        label.setMinimumWidth(120)
        label.setToolTip("\n".join(d for d in [label.text(), *details] if d))
        label.setStyleSheet("color: #5a3d00;")
        self.statusBar().addWidget(label, 1)
        self.calendar_label = label

    def check_notices(self) -> None:
        since, now = self._last_notice_check, self.desk.now()
        self._last_notice_check = now
        self._call(lambda: self.desk.band_changes(since, now), self.show_band_changes)

    def show_band_changes(self, changes: list[tuple[str, Band]]) -> None:
        if not changes:
            return
        overdue = [code for code, band in changes if band is Band.OVERDUE]
        at_risk = [code for code, band in changes if band is Band.AT_RISK]
        parts = []
        if overdue:
            parts.append(self.tr("%n hồ sơ vừa quá hạn", "", len(overdue)).replace(
                "%n", str(len(overdue))) + ": " + ", ".join(overdue[:5]))  # fmt: skip
        if at_risk:
            parts.append(self.tr("%n hồ sơ sắp đến hạn", "", len(at_risk)).replace(
                "%n", str(len(at_risk))) + ": " + ", ".join(at_risk[:5]))  # fmt: skip
        text = "; ".join(parts)
        self.notice.setText("⚠ " + text)
        self.notice.show()
        if self.tray is not None:
            self.tray.showMessage(
                self.tr("Bộ phận Một cửa"), text, QSystemTrayIcon.MessageIcon.Warning, 10_000
            )
        self.notice_shown.emit(text)
        self.refresh()

    # ------------------------------------------------------------ actions
    def _open_index(self, index: QModelIndex) -> None:
        summary = self.model.summary_at(index.row())
        if summary is not None:
            self.open_dossier(summary.code)

    def open_dossier(self, code: str) -> None:
        """The dossier's page; one page per dossier: a second request raises the open one."""
        from mohao_desk.ui.dossier import DossierDialog

        self.dossier_pages = {c: d for c, d in self.dossier_pages.items() if _visible(d)}
        page = self.dossier_pages.get(code)
        if page is not None:
            page.raise_()
            page.activateWindow()
            self.dossier_opened.emit(code)
            return
        dialog = DossierDialog(
            self.desk,
            code,
            officer=self.officer,
            parent=self,
            synchronous=self.synchronous,
            read_only=self.read_only,
        )
        dialog.changed.connect(self.refresh)
        self.dossier_pages[code] = dialog
        dialog.finished.connect(lambda _result, c=code: self.dossier_pages.pop(c, None))
        # Not modal: the officer keeps the board (search, scanner, another dossier) while a
        # page is open, and may keep several pages side by side.
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        self._cascade(dialog)
        dialog.show()
        self.dossier_opened.emit(code)

    def _cascade(self, page: QWidget) -> None:
        """A new page a little below and right of the last one open, so none hides another."""
        others = [p for p in self.dossier_pages.values() if p is not page and _visible(p)]
        if not others:
            return
        step = 32
        last = others[-1].pos()
        area = page.screen().availableGeometry()
        x, y = last.x() + step, last.y() + step
        if x + page.width() > area.right() or y + page.height() > area.bottom():
            x, y = area.left() + step * (len(others) % 5), area.top() + step * (len(others) % 5)
        page.move(x, y)

    def open_register(self) -> None:
        from mohao_desk.ui.register_dialog import RegisterDialog

        if self.read_only:
            return
        dialog = RegisterDialog(
            self.desk, officer=self.officer, parent=self, synchronous=self.synchronous
        )
        dialog.registered.connect(lambda _code: self.refresh())
        dialog.open()

    def open_counter_refusal(self) -> None:
        """Từ chối tiếp nhận tại quầy: the form, then the preview of its Mẫu 03."""
        from mohao_desk.ui.counter_dialog import CounterRefusalDialog

        if self.read_only:
            return
        dialog = CounterRefusalDialog(self.desk, parent=self, synchronous=self.synchronous)
        dialog.refused.connect(self.show_counter_slip)
        dialog.open()

    def open_counter_refusals(self) -> None:
        """Ask for the range (this month by default), then list its refusals at the counter."""
        from mohao_desk.ui.counter_dialog import CounterRefusalList
        from mohao_desk.ui.report_dialogs import ask_range

        today = self.desk.now().date()
        chosen = ask_range(
            self,
            self.tr("Từ chối tiếp nhận tại quầy"),
            date(today.year, today.month, 1),
            today,
            today,
        )
        if chosen is None:
            return
        listing = CounterRefusalList(self.desk, *chosen, parent=self, synchronous=self.synchronous)
        listing.reprint.connect(self.show_counter_slip)
        self.counter_list = listing
        listing.open()

    def show_counter_slip(self, refusal_id: int) -> None:
        from mohao_desk.services.counter import CounterService

        service = CounterService(self.desk)
        self._show_pdf(
            lambda: service.slip(refusal_id),
            self.tr("Phiếu từ chối tiếp nhận tại quầy"),
            f"tu-choi-tai-quay-{refusal_id}.pdf",
        )

    def _report_service(self) -> Any:
        from mohao_desk.services.reports import ReportService

        if self.unit_scope is not None:
            return ReportService(self.desk, unit=self.unit_scope[0])
        return ReportService(self.desk)

    def open_daily_list(self) -> None:
        """Ask which day (today by default), then preview that day's list."""
        from mohao_desk.ui.report_dialogs import ask_day

        today = self.desk.now().date()
        day = ask_day(self, self.tr("Danh sách theo dõi hồ sơ hằng ngày"), today, today)
        if day is None:
            return
        service = self._report_service()
        self._show_pdf(
            lambda: service.daily_list(day),
            self.tr("Danh sách theo dõi hồ sơ ngày %1").replace("%1", f"{day:%d/%m/%Y}"),
            f"danh-sach-{day:%Y%m%d}.pdf",
        )

    def open_register_book(self) -> None:
        """Ask for the range (this month by default), then preview the register book."""
        from mohao_desk.ui.report_dialogs import ask_range

        today = self.desk.now().date()
        chosen = ask_range(
            self, self.tr("Sổ theo dõi hồ sơ"), date(today.year, today.month, 1), today, today
        )
        if chosen is None:
            return
        start, end = chosen
        service = self._report_service()
        self._show_pdf(
            lambda: service.register_book(start, end),
            self.tr("Sổ theo dõi hồ sơ từ %1 đến %2")
            .replace("%1", f"{start:%d/%m/%Y}")
            .replace("%2", f"{end:%d/%m/%Y}"),
            f"so-theo-doi-{start:%Y%m%d}-{end:%Y%m%d}.pdf",
        )

    def open_explanation(self) -> None:
        """Ask for the range (this month by default), then preview the explanation report."""
        from mohao_desk.ui.report_dialogs import ask_range

        today = self.desk.now().date()
        chosen = ask_range(
            self,
            self.tr("Báo cáo giải trình hồ sơ quá hạn"),
            date(today.year, today.month, 1),
            today,
            today,
        )
        if chosen is None:
            return
        start, end = chosen
        service = self._report_service()
        self._show_pdf(
            lambda: service.explanation(start, end),
            self.tr("Báo cáo giải trình từ %1 đến %2")
            .replace("%1", f"{start:%d/%m/%Y}")
            .replace("%2", f"{end:%d/%m/%Y}"),
            f"bao-cao-giai-trinh-{start:%Y%m%d}-{end:%Y%m%d}.pdf",
        )

    def open_settings(self) -> None:
        from mohao_desk.ui.settings_dialog import SettingsDialog

        if self.read_only:
            return
        dialog = SettingsDialog(self.desk, parent=self, synchronous=self.synchronous)
        dialog.changed.connect(self._settings_changed)
        dialog.open()

    def _settings_changed(self, subject: str) -> None:
        if subject == "lock":
            self.session.set_idle_minutes(int(self.desk_idle_minutes()))
            return
        if subject == "officers":
            self.session.refresh_account()
        self.refresh_all()

    def desk_idle_minutes(self) -> int:
        from mohao_desk.services.settings import idle_lock_minutes

        return idle_lock_minutes(self.desk.db)

    def export_package(self) -> None:
        """Ask for a folder (a USB stick, an e-mail attachment folder), then export."""
        if self.read_only:
            return
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Chọn thư mục lưu gói gửi cấp trên"), self.last_folder
        )
        if folder:
            self.last_folder = folder  # the USB stick again next time
            self.export_package_to(Path(folder))

    def export_package_to(self, folder: Path) -> None:
        """One signed package with everything changed since the last export, into ``folder``."""
        from mohao_desk.services.sync import KeyPassphraseNeeded, export_desk_package

        def failed(exc: BaseException) -> None:
            # The unit's key is encrypted (issue 11): its passphrase, once per session; a
            # wrong one is asked again, for the same folder.
            wrong = getattr(exc, "template", None) == WRONG_KEY_PASSPHRASE
            if isinstance(exc, KeyPassphraseNeeded) or wrong:
                from mohao_desk.ui.login_dialog import KeyPassphraseDialog

                self.desk.db.key_passphrase = None
                dialog = KeyPassphraseDialog(self, new=getattr(exc, "new", False))
                if wrong:
                    dialog.error.setText(error_text(exc))
                if dialog.exec() == KeyPassphraseDialog.DialogCode.Accepted:
                    self.desk.db.key_passphrase = dialog.passphrase()
                    self.export_package_to(folder)
                else:
                    self.statusBar().clearMessage()
                return
            self.show_error(exc)

        self.statusBar().showMessage(self.tr("Đang xuất gói …"))
        self._call(
            lambda: export_desk_package(self.desk.db, folder),
            lambda result: self._message(
                self.tr("Đã xuất gói số %1 (%2 hồ sơ): %3")
                .replace("%1", str(result.sequence))
                .replace("%2", count_text(result.items))
                .replace("%3", str(result.path))
            ),
            failed,
        )

    def import_packages(self) -> None:
        """Ask for package files from the upstream office, then import them."""
        if self.read_only:
            return
        paths = choose_package_files(self)
        if paths:
            self.import_package_files(paths)

    def import_package_files(self, paths: list[Path]) -> None:
        """Packages from the upstream office (catalog, calendar, settings): all or nothing."""
        from mohao_desk.services.sync import import_packages

        def done(report: Any) -> None:
            self._message(import_summary(report))
            self.refresh()

        def work() -> Any:
            report = import_packages(self.desk.db, paths)
            self.desk.reload()  # a config package may bring office hours and days off
            return report

        self.statusBar().showMessage(self.tr("Đang nhập gói …"))
        self._call(work, done)

    def _message(self, text: str) -> None:
        self.statusBar().showMessage(text.splitlines()[0], 15_000)
        self.last_message = text
        QMessageBox.information(self, self.tr("Bộ phận Một cửa"), text)

    def _show_pdf(self, make: Callable[[], bytes], title: str, file_name: str) -> None:
        from mohao_desk.ui.pdf_preview import show_pdf

        self.statusBar().showMessage(self.tr("Đang lập %1 …").replace("%1", title))

        def arrived(pdf: bytes) -> None:
            self.statusBar().clearMessage()
            show_pdf(self, pdf, title, file_name)

        self._call(make, arrived)

    def show_error(self, exc: BaseException) -> None:
        self.statusBar().clearMessage()
        message = error_text(exc)
        self.last_message = message
        QMessageBox.warning(self, self.tr("Không thực hiện được"), message)

    # ------------------------------------------------------------ backups
    def backup_now(self) -> None:
        from mohao_desk.services.backup import make_backup

        self.statusBar().showMessage(self.tr("Đang sao lưu…"))

        def done(result: Any) -> None:
            text = self.tr("Đã sao lưu và kiểm tra: %1").replace("%1", str(result.path))
            self.statusBar().showMessage(text, 15000)
            self.last_message = text
            QMessageBox.information(self, self.tr("Sao lưu"), text)

        self._call(lambda: make_backup(self.desk.db), done)

    def restore_backup(self) -> None:
        from mohao_desk.services.backup import backup_folder, restore_into

        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Chọn bản sao lưu"),
            str(backup_folder(self.desk.db)),
            self.tr("Bản sao lưu (*.sqlite3)"),
        )
        if not path:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Phục hồi từ bản sao lưu"),
            self.tr(
                "Thay toàn bộ dữ liệu hiện tại bằng bản sao lưu %1? Dữ liệu hiện tại được sao lưu "
                "trước, nên vẫn lấy lại được."
            ).replace("%1", Path(path).name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return

        def done(result: Any) -> None:
            text = (
                self.tr("Đã phục hồi %1 hồ sơ. Dữ liệu trước khi phục hồi: %2")
                .replace("%1", group_digits(result.dossiers))
                .replace("%2", str(result.kept_aside))
            )
            self.last_message = text
            self.refresh_all()
            QMessageBox.information(self, self.tr("Phục hồi"), text)

        self._call(lambda: restore_into(self.desk.db, Path(path)), done)

    def daily_backup(self) -> None:
        """Off the GUI thread: today's backup if none was made yet (silent unless it fails)."""
        from mohao_desk.services.backup import auto_backup

        if self._closing:
            return

        def failed(exc: BaseException) -> None:
            self.statusBar().showMessage(
                self.tr("Chưa sao lưu được: %1").replace("%1", error_text(exc))
            )

        self._call(lambda: auto_backup(self.desk.db), lambda _result: None, failed)

    def _backup_on_close(self) -> None:
        """The automatic backup as the window closes (a SQLite desk whose data changed since
        the last backup, or none made today); a failure is said, the window still closes."""
        from mohao_desk.services.backup import auto_backup

        if self.read_only or self.desk.db.dialect != "sqlite":
            return
        self.statusBar().showMessage(self.tr("Đang sao lưu…"))
        try:
            auto_backup(self.desk.db, closing=True)
        except Exception as exc:
            QMessageBox.warning(self, self.tr("Chưa sao lưu được"), error_text(exc))

    def closeEvent(self, event: Any) -> None:
        self._backup_on_close()
        self._closing = True
        self.tick_timer.stop()
        self.notice_timer.stop()
        self.watch_timer.stop()
        self.backup_timer.stop()
        self.session.close()
        if self.history_check is not None:
            self.history_check.stop()
        if self.tray is not None:
            self.tray.hide()
        worker.wait_all(5000)
        if self.watcher is not None:  # after the last check in flight
            self.watcher.close()
        super().closeEvent(event)


class ElidedLabel(QLabel):
    """A one-line label that ends in "…" when it is narrower than its text (the full text is
    in the tooltip), instead of cutting a word in half."""

    def paintEvent(self, event: Any) -> None:
        from PySide6.QtGui import QPainter

        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))  # the style sheet's colour
        text = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width()
        )
        painter.drawText(
            self.contentsRect(),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            text,
        )
        painter.end()


def _visible(widget: QWidget) -> bool:
    return bool(shiboken6.isValid(widget)) and widget.isVisible()


def now_text(moment: datetime) -> str:
    return moment.strftime("%H:%M %d/%m/%Y")
