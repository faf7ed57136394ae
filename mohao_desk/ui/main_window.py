"""The desk window: the board of dossiers counting down, views, search and scanner, notices."""

from __future__ import annotations

import gc
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStyle,
    QSystemTrayIcon,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from mohao_desk.domain.deadline import Band
from mohao_desk.domain.errors import DeskError
from mohao_desk.ui import worker
from mohao_desk.ui.board_model import BoardModel
from mohao_desk.ui.packages import choose_package_files, import_summary

TICK_MS = 30_000  # the countdown column refreshes every 30 s
SEARCH_LIMIT = 1000  # a search shows the first matches in board order; typing more narrows it
SEARCH_MIN = 2  # one letter matches nearly everything: search from two characters on
SEARCH_DELAY_MS = 25  # wait for a pause in typing (a scanner types a whole code at once)
ALL_LIMIT = 5000  # "all dossiers" without a search: the newest ones (a town holds millions)
NOTICE_MS = 60_000  # band changes are looked for every minute


class MainWindow(QMainWindow):
    """Bộ phận Một cửa — the officer's all-day window."""

    VIEWS = (
        ("due-today", QT_TRANSLATE_NOOP("MainWindow", "Đến hạn hôm nay")),
        ("overdue", QT_TRANSLATE_NOOP("MainWindow", "Quá hạn")),
        ("overdue-no-apology", QT_TRANSLATE_NOOP("MainWindow", "Quá hạn chưa xin lỗi")),
        ("waiting", QT_TRANSLATE_NOOP("MainWindow", "Chờ bổ sung")),
        ("not-digitized", QT_TRANSLATE_NOOP("MainWindow", "Chưa số hóa")),
        ("mine", QT_TRANSLATE_NOOP("MainWindow", "Hồ sơ của tôi")),
        ("pending", QT_TRANSLATE_NOOP("MainWindow", "Đang giải quyết")),
        ("all", QT_TRANSLATE_NOOP("MainWindow", "Tất cả hồ sơ")),
    )

    board_refreshed = Signal()  # the ids of the current view arrived (tests wait on it)
    notice_shown = Signal(str)

    def __init__(self, desk: Any, *, synchronous: bool = False) -> None:
        super().__init__()
        self.desk = desk
        self.synchronous = synchronous  # tests and benchmarks may run service calls inline
        self.officer: str | None = None
        self._search_generation = 0
        self._first_counts = True
        self._closing = False
        self.last_message = ""
        self._last_notice_check = desk.now()
        self.setWindowTitle(self.tr("Bộ phận Một cửa — %1").replace("%1", desk.unit.name))
        self.resize(1280, 760)

        self.model = BoardModel(
            desk.rows, desk.live_countdown, desk.now, self, synchronous=synchronous
        )
        self.model.set_headers([self.model.tr(label) for _, label in BoardModel.COLUMNS])
        self._build_toolbar()
        self._build_body()
        self.statusBar().showMessage(f"{desk.unit.name} ({desk.unit.code}) — {desk.db.path}")

        self.tick_timer = QTimer(self)
        self.tick_timer.setInterval(TICK_MS)
        self.tick_timer.timeout.connect(self.tick)
        self.tick_timer.start()
        self.notice_timer = QTimer(self)
        self.notice_timer.setInterval(NOTICE_MS)
        self.notice_timer.timeout.connect(self.check_notices)
        self.notice_timer.start()
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(
                self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning), self
            )
            self.tray.show()
        self.views.setCurrentRow(0)

    # ------------------------------------------------------------ layout
    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Thao tác"), self)
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(bar)
        self.register_action = QAction(self.tr("Tiếp nhận hồ sơ"), self)
        self.register_action.setShortcut(QKeySequence("F2"))
        self.register_action.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogNewFolder)
        )
        self.register_action.triggered.connect(self.open_register)
        bar.addAction(self.register_action)
        self.refresh_action = QAction(self.tr("Làm mới"), self)
        self.refresh_action.setShortcut(QKeySequence("F5"))
        self.refresh_action.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_BrowserReload)
        )
        self.refresh_action.triggered.connect(self.refresh)
        bar.addAction(self.refresh_action)
        bar.addSeparator()
        self.daily_action = QAction(self.tr("Danh sách hằng ngày"), self)
        self.daily_action.triggered.connect(self.open_daily_list)
        bar.addAction(self.daily_action)
        self.book_action = QAction(self.tr("Sổ theo dõi hồ sơ"), self)
        self.book_action.triggered.connect(self.open_register_book)
        bar.addAction(self.book_action)
        bar.addSeparator()
        self.export_action = QAction(self.tr("Xuất gói gửi cấp trên"), self)
        self.export_action.triggered.connect(self.export_package)
        bar.addAction(self.export_action)
        self.import_action = QAction(self.tr("Nhập gói"), self)
        self.import_action.triggered.connect(self.import_packages)
        bar.addAction(self.import_action)
        bar.addSeparator()
        bar.addWidget(QLabel(self.tr("Cán bộ: ")))
        self.officer_box = QComboBox(self)
        for username, full_name in self.desk.officers():
            self.officer_box.addItem(full_name, username)
        default = self.desk.default_officer()
        if default is not None:
            found = self.officer_box.findData(default)
            if found >= 0:
                self.officer_box.setCurrentIndex(found)
        self.officer = self.officer_box.currentData()
        self.officer_box.currentIndexChanged.connect(self._officer_changed)
        bar.addWidget(self.officer_box)

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
        layout.addWidget(self.notice)
        search_row = QHBoxLayout()
        self.search = QLineEdit(central)
        self.search.setPlaceholderText(
            self.tr("Tìm theo mã hồ sơ, họ tên, số điện thoại (không cần dấu) — hoặc quét mã")
        )
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(lambda: self.refresh(counts=False))
        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self._search_entered)
        search_row.addWidget(self.search)
        self.count_label = QLabel(central)
        search_row.addWidget(self.count_label)
        layout.addLayout(search_row)

        splitter = QSplitter(Qt.Orientation.Horizontal, central)
        self.views = QListWidget(splitter)
        for key, label in self.VIEWS:
            item = QListWidgetItem(self.tr(label))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.views.addItem(item)
        self.views.setMinimumWidth(190)
        self.views.setMaximumWidth(240)
        self.views.currentRowChanged.connect(lambda _row: self.refresh())
        self.table = QTableView(splitter)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # code, countdown, procedure, applicant, due, officer, received (status stretches)
        for column, width in enumerate((195, 175, 235, 160, 138, 150, 118)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)
        splitter.addWidget(self.views)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

    # ------------------------------------------------------------ data
    def current_view(self) -> str:
        item = self.views.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else "due-today"

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

    def refresh(self, *, counts: bool = True) -> None:
        """Reload the ids of the current view (and the view counts)."""
        self._search_generation += 1
        generation = self._search_generation
        view, text, officer = self.current_view(), self.search.text().strip(), self.officer
        searching = len(text) >= SEARCH_MIN
        limit = SEARCH_LIMIT if searching else (ALL_LIMIT if view == "all" else None)
        self._call(
            lambda: self.desk.board_page(
                view, search=text if searching else None, officer=officer, limit=limit
            ),
            lambda page: self._ids_arrived(generation, page, limit, searching),
        )
        if counts:
            self._call(lambda: self.desk.board_counts(officer), self._counts_arrived)

    def _ids_arrived(
        self, generation: int, page: tuple[list[int], list[Any]], limit: int | None, searching: bool
    ) -> None:
        if generation != self._search_generation:
            return  # a newer keystroke or view replaced this request
        ids, first_rows = page
        selected = self._selected_code()
        self.model.set_ids(ids, first_rows)
        if selected is not None:  # keep the officer's place after a refresh or a notice
            row = self.model.row_of_code(selected)
            if row is not None:
                self.table.selectRow(row)
        # What is alive now (ids, rows) lives long: keep the cyclic GC from walking it again
        # and again, which showed as 50–100 ms pauses while scrolling a large board.
        gc.freeze()
        shown = f"{len(ids):,}".replace(",", ".")
        if limit is not None and len(ids) >= limit and searching:
            text = self.tr("%1+ hồ sơ — gõ thêm để thu hẹp").replace("%1", shown)
        elif limit is not None and len(ids) >= limit:
            text = self.tr("%1 hồ sơ mới nhất — gõ để tìm trong tất cả").replace("%1", shown)
        else:
            text = self.tr("%1 hồ sơ").replace("%1", shown)
        self.count_label.setText(text)
        self.board_refreshed.emit()

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
                self.views.setCurrentRow([k for k, _ in self.VIEWS].index("pending"))
        for row, (key, label) in enumerate(self.VIEWS):
            item = self.views.item(row)
            if item is not None:
                count = f"{counts.get(key, 0):,}".replace(",", ".")
                item.setText(f"{self.tr(label)}  ({count})")

    def _search_changed(self, _text: str) -> None:
        if self.synchronous:
            self.refresh(counts=False)
        else:
            self._search_timer.start()

    def _search_entered(self) -> None:
        """A scanner types the code and Enter: open that dossier straight away."""
        text = self.search.text().strip()
        if not text:
            return
        self._call(lambda: self.desk.find_code(text), self._code_found, lambda exc: None)

    def _code_found(self, code: str | None) -> None:
        if code is not None:
            self.open_dossier(code)

    def _officer_changed(self, _index: int) -> None:
        self.officer = self.officer_box.currentData()
        if self.current_view() == "mine":
            self.refresh()

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
        from mohao_desk.ui.dossier_dialog import DossierDialog

        dialog = DossierDialog(
            self.desk, code, officer=self.officer, parent=self, synchronous=self.synchronous
        )
        dialog.changed.connect(self.refresh)
        dialog.open()

    def open_register(self) -> None:
        from mohao_desk.ui.register_dialog import RegisterDialog

        dialog = RegisterDialog(
            self.desk, officer=self.officer, parent=self, synchronous=self.synchronous
        )
        dialog.registered.connect(lambda _code: self.refresh())
        dialog.open()

    def open_daily_list(self) -> None:
        from mohao_desk.services.reports import ReportService

        today = self.desk.now().date()
        self._show_pdf(
            lambda: ReportService(self.desk).daily_list(today),
            self.tr("Danh sách theo dõi hồ sơ ngày %1").replace("%1", f"{today:%d/%m/%Y}"),
            f"danh-sach-{today:%Y%m%d}.pdf",
        )

    def open_register_book(self) -> None:
        from mohao_desk.services.reports import ReportService

        today = self.desk.now().date()
        start = date(today.year, today.month, 1)
        self._show_pdf(
            lambda: ReportService(self.desk).register_book(start, today),
            self.tr("Sổ theo dõi hồ sơ tháng %1").replace("%1", f"{today:%m/%Y}"),
            f"so-theo-doi-{today:%Y%m}.pdf",
        )

    def export_package(self, folder: str | None = None) -> None:
        """One signed package with everything changed since the last export, into a folder
        (a USB stick, an e-mail attachment folder)."""
        from mohao_desk.services.sync import export_desk_package

        if folder is None:
            folder = QFileDialog.getExistingDirectory(
                self, self.tr("Chọn thư mục lưu gói gửi cấp trên")
            )
            if not folder:
                return
        self._call(
            lambda: export_desk_package(self.desk.db, Path(folder)),
            lambda result: self._message(
                self.tr("Đã xuất gói số %1 (%2 hồ sơ): %3")
                .replace("%1", str(result.sequence))
                .replace("%2", str(result.items))
                .replace("%3", str(result.path))
            ),
        )

    def import_packages(self, files: list[str] | None = None) -> None:
        """Packages from the upstream office (catalog, calendar, settings): all or nothing."""
        from mohao_desk.services.sync import import_packages

        paths = [Path(f) for f in files] if files is not None else choose_package_files(self)
        if not paths:
            return

        def done(report: Any) -> None:
            self._message(import_summary(report))
            self.refresh()

        self._call(lambda: import_packages(self.desk.db, paths), done)

    def _message(self, text: str) -> None:
        self.statusBar().showMessage(text.splitlines()[0], 15_000)
        self.last_message = text
        if not self.synchronous:
            QMessageBox.information(self, self.tr("Bộ phận Một cửa"), text)

    def _show_pdf(self, make: Callable[[], bytes], title: str, file_name: str) -> None:
        from mohao_desk.ui.pdf_preview import show_pdf

        self.statusBar().showMessage(self.tr("Đang lập %1 …").replace("%1", title))
        self._call(make, lambda pdf: show_pdf(self, pdf, title, file_name))

    def show_error(self, exc: BaseException) -> None:
        message = exc.message if isinstance(exc, DeskError) else f"{type(exc).__name__}: {exc}"
        QMessageBox.warning(self, self.tr("Không thực hiện được"), message)

    def closeEvent(self, event: Any) -> None:
        self._closing = True
        self.tick_timer.stop()
        self.notice_timer.stop()
        if self.tray is not None:
            self.tray.hide()
        worker.wait_all(5000)
        super().closeEvent(event)


def now_text(moment: datetime) -> str:
    return moment.strftime("%H:%M %d/%m/%Y")
