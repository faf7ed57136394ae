"""The upstream office's dashboard (UBND thị xã / tỉnh): one row per unit for a period, from the
packages the units sent — Biểu 06 figures, Decision 766 rates, the last package and the gaps —
with drill-down to the dossiers behind a row."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.periods import report_period
from mohao_desk.domain.text import group_digits
from mohao_desk.ui import worker
from mohao_desk.ui.dialog_kit import error_text
from mohao_desk.ui.packages import choose_package_files, import_summary
from mohao_desk.ui.screen import fit_to_screen
from mohao_desk.ui.trend_chart import TrendChart

PERIODS = (
    ("month", QT_TRANSLATE_NOOP("UpstreamWindow", "Tháng này")),
    ("cutoff", QT_TRANSLATE_NOOP("UpstreamWindow", "Kỳ báo cáo (15 tháng trước – 14)")),
    ("quarter", QT_TRANSLATE_NOOP("UpstreamWindow", "Quý này")),
    ("year", QT_TRANSLATE_NOOP("UpstreamWindow", "Năm nay")),
)
COLUMNS = (
    ("unit", QT_TRANSLATE_NOOP("UpstreamWindow", "Đơn vị")),
    ("last", QT_TRANSLATE_NOOP("UpstreamWindow", "Gói gần nhất")),
    ("gaps", QT_TRANSLATE_NOOP("UpstreamWindow", "Gói còn thiếu")),
    ("received", QT_TRANSLATE_NOOP("UpstreamWindow", "Tiếp nhận")),
    ("early", QT_TRANSLATE_NOOP("UpstreamWindow", "Trước hạn")),
    ("on_time", QT_TRANSLATE_NOOP("UpstreamWindow", "Đúng hạn")),
    ("late", QT_TRANSLATE_NOOP("UpstreamWindow", "Trễ hạn")),
    ("within", QT_TRANSLATE_NOOP("UpstreamWindow", "Đang trong hạn")),
    ("overdue", QT_TRANSLATE_NOOP("UpstreamWindow", "Đang quá hạn")),
    ("no_apology", QT_TRANSLATE_NOOP("UpstreamWindow", "Quá hạn chưa xin lỗi (hiện tại)")),
    ("online", QT_TRANSLATE_NOOP("UpstreamWindow", "Trực tuyến (3.3)")),
    ("on_time_rate", QT_TRANSLATE_NOOP("UpstreamWindow", "Đúng hạn (2.1)")),
    ("digitized", QT_TRANSLATE_NOOP("UpstreamWindow", "Số hóa (4.2)")),
    ("electronic", QT_TRANSLATE_NOOP("UpstreamWindow", "Kết quả điện tử (4.1)")),
    ("satisfaction", QT_TRANSLATE_NOOP("UpstreamWindow", "Hài lòng (5.4)")),
)
# What the Decision 766 columns measure (header tooltips).
COLUMN_TIPS = {
    "online": QT_TRANSLATE_NOOP(
        "UpstreamWindow", "Chỉ số 3.3 (Quyết định 766): tỷ lệ hồ sơ nộp trực tuyến"
    ),
    "on_time_rate": QT_TRANSLATE_NOOP(
        "UpstreamWindow", "Chỉ số 2.1 (Quyết định 766): tỷ lệ hồ sơ giải quyết đúng hạn"
    ),
    "digitized": QT_TRANSLATE_NOOP(
        "UpstreamWindow", "Chỉ số 4.2 (Quyết định 766): tỷ lệ số hóa hồ sơ và kết quả"
    ),
    "electronic": QT_TRANSLATE_NOOP(
        "UpstreamWindow", "Chỉ số 4.1 (Quyết định 766): tỷ lệ kết quả điện tử"
    ),
    "satisfaction": QT_TRANSLATE_NOOP(
        "UpstreamWindow", "Chỉ số 5.4 (Quyết định 766): mức độ hài lòng"
    ),
    "gaps": QT_TRANSLATE_NOOP(
        "UpstreamWindow", "Số thứ tự các gói chưa nhận được (gói sau đã đến)"
    ),
}
# Which board view a double-click on a column opens for the unit.
DRILL_VIEWS = {
    "overdue": "overdue",
    "no_apology": "overdue-no-apology",
    "within": "pending",
    "late": "all",
    "received": "all",
}


def monthly_trend(desk: Any, unit_code: str, today: date) -> list[tuple[str, int, int]]:
    """(mm/yy, received, resolved late) of the twelve months up to ``today`` for one unit."""
    from mohao_desk.services.statistics import StatisticsService

    stats = StatisticsService(desk)
    points = []
    year, month = today.year, today.month
    months = []
    for _ in range(12):
        months.append((year, month))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    for year, month in reversed(months):
        period = report_period("month", year, month)
        last = min(period.last, today)
        try:
            total = stats.kstt(period.first, last, unit=unit_code).total
        except DeskError:
            continue
        received = total.received_online + total.received_direct_postal
        points.append((f"{month:02d}/{year % 100:02d}", received, total.resolved_late))
    return points


def current_period(kind: str, today: date) -> tuple[date, date, str]:
    """The period of a kind that contains ``today`` (a cut-off month runs from the 15th)."""
    if kind == "month":
        p = report_period("month", today.year, today.month)
    elif kind == "cutoff":
        month, year = today.month, today.year
        if today.day >= 15:
            month += 1
            if month == 13:
                month, year = 1, year + 1
        p = report_period("cutoff", year, month)
    elif kind == "quarter":
        p = report_period("quarter", today.year, (today.month - 1) // 3 + 1)
    else:
        p = report_period("year", today.year)
    return p.first, min(p.last, today), p.label


class UpstreamWindow(QMainWindow):
    """Bảng tổng hợp của cơ quan cấp trên."""

    loaded = Signal()

    def __init__(self, desk: Any, *, synchronous: bool = False) -> None:
        super().__init__()
        self.desk = desk
        self.synchronous = synchronous
        self._closing = False
        self.rows: list[dict[str, Any]] = []
        self.children_windows: list[QWidget] = []
        self.setWindowTitle(self.tr("Tổng hợp các đơn vị — %1").replace("%1", desk.unit.name))
        fit_to_screen(self, 1280, 720)
        bar = QToolBar(self.tr("Thao tác"), self)
        bar.setMovable(False)
        bar.toggleViewAction().setEnabled(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        self.addToolBar(bar)
        bar.addWidget(QLabel(self.tr("Kỳ: ")))
        self.period_box = QComboBox(self)
        for key, label in PERIODS:
            self.period_box.addItem(self.tr(label), key)
        self.period_box.currentIndexChanged.connect(lambda _i: self.refresh())
        bar.addWidget(self.period_box)
        # Slots without parameters: triggered passes ``checked`` (a bool) to any that has one.
        self.import_action = QAction(self.tr("Nhập gói của các đơn vị"), self)
        self.import_action.triggered.connect(lambda _checked=False: self.import_packages())
        bar.addAction(self.import_action)
        self.refresh_action = QAction(self.tr("Làm mới"), self)
        self.refresh_action.setShortcut(QKeySequence("F5"))
        self.refresh_action.triggered.connect(lambda _checked=False: self.refresh())
        bar.addAction(self.refresh_action)
        bar.addSeparator()
        self.settings_action = QAction(self.tr("Thiết lập"), self)
        self.settings_action.setToolTip(
            self.tr("Danh mục thủ tục và ngày nghỉ gửi xuống các đơn vị")
        )
        self.settings_action.triggered.connect(lambda _checked=False: self.open_settings())
        bar.addAction(self.settings_action)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.heading)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels([self.tr(label) for _, label in COLUMNS])
        for column, (key, _label) in enumerate(COLUMNS):
            tip = self.tr(COLUMN_TIPS[key]) if key in COLUMN_TIPS else ""
            header_item = self.table.horizontalHeaderItem(column)
            if header_item is not None and tip:
                header_item.setToolTip(tip)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        header.setMinimumHeight(46)  # two lines: the long titles wrap instead of being cut
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        widths = (300, 125, 95, 75, 75, 75, 65, 100, 95, 120, 100, 100, 95, 115, 95)
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)
        self.table.cellDoubleClicked.connect(self.drill_down)
        self.table.currentCellChanged.connect(lambda row, *_: self.show_trend(row))
        layout.addWidget(self.table, 1)
        self.chart = TrendChart(self)
        layout.addWidget(self.chart)
        self.setCentralWidget(central)
        self.refresh()

    # -------------------------------------------------------------- data
    def _call(self, fn: Callable[[], Any], done: Callable[[Any], None]) -> None:
        if self._closing:
            return
        if self.synchronous:
            try:
                result = fn()
            except Exception as exc:
                self.show_error(exc)
                return
            done(result)
            return
        worker.run(
            fn,
            lambda r: None if self._closing else done(r),
            lambda e: None if self._closing else self.show_error(e),
            parent=self,
        )

    def refresh(self) -> None:
        kind = str(self.period_box.currentData())
        first, last, label = current_period(kind, self.desk.now().date())
        self.heading.setText(
            self.tr("%1: từ %2 đến %3")
            .replace("%1", label)
            .replace("%2", f"{first:%d/%m/%Y}")
            .replace("%3", f"{last:%d/%m/%Y}")
        )
        self._call(lambda: self._gather(first, last), self._show)

    def _after_show(self) -> None:
        if self.rows and self.table.currentRow() < 0:
            self.table.setCurrentCell(0, 0)  # draws that unit's trend
        elif self.rows:
            self.show_trend(self.table.currentRow())  # new packages: the trend changed too

    def _gather(self, first: date, last: date) -> list[dict[str, Any]]:
        """Everything the table shows, off the GUI thread."""
        from concurrent.futures import ThreadPoolExecutor

        from mohao_desk.services.statistics import StatisticsService

        stats = StatisticsService(self.desk)
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="mohao-dashboard") as pool:
            # The units' packages and today's overdue dossiers, on another connection while
            # the period's figures are computed (the table waits for the slowest, not the sum).
            side = pool.submit(self._units_now, stats)
            by_unit, indicators = stats.dashboard(first, last)  # one Biểu 06 aggregation
            statuses, no_apology = side.result()
        kstt = {ref.code: report.total for ref, report in by_unit}
        rates = {
            ref.code: {i.code: i.value for i in report.items} for ref, report in indicators.units
        }
        rows = []
        for status in statuses:
            total = kstt.get(status.unit_code)
            unit_rates = rates.get(status.unit_code, {})
            rows.append(
                {
                    "code": status.unit_code,
                    "unit": status.unit_name,
                    "last": status.last_imported_at,
                    "gaps": status.missing,
                    "received": total.received_total if total else 0,
                    "early": total.resolved_early if total else 0,
                    "on_time": total.resolved_on_time if total else 0,
                    "late": total.resolved_late if total else 0,
                    "within": total.pending_within if total else 0,
                    "overdue": total.pending_overdue if total else 0,
                    "online": unit_rates.get("3.3"),
                    "on_time_rate": unit_rates.get("2.1"),
                    "digitized": unit_rates.get("4.2"),
                    "electronic": unit_rates.get("4.1"),
                    "satisfaction": unit_rates.get("5.4"),
                    "no_apology": no_apology.get(status.unit_code, 0),
                }
            )
        return rows

    def _units_now(self, stats: Any) -> tuple[list[Any], dict[str, int]]:
        """The sync status of every unit, and each unit's overdue dossiers without apology."""
        from mohao_desk.services.sync import sync_status

        return sync_status(self.desk.db), stats.overdue_without_apology()

    def _show(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, (key, _label) in enumerate(COLUMNS):
                item = QTableWidgetItem(self._text(key, row))
                if key not in ("unit", "last", "gaps"):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if key == "gaps" and row["gaps"]:
                    item.setForeground(QColor("#b71c1c"))
                if key in ("overdue", "late", "no_apology") and row[key]:
                    item.setForeground(QColor("#b71c1c"))
                self.table.setItem(r, c, item)
        self._after_show()
        self.loaded.emit()

    def _text(self, key: str, row: dict[str, Any]) -> str:
        value = row[key]
        if key == "last":  # stored in UTC; shown in the office's time, like everything else
            local = self.desk.to_local(value)
            return local.strftime("%d/%m/%Y %H:%M") if local else self.tr("chưa có")
        if key == "gaps":
            return ", ".join(str(n) for n in value[:6]) + ("…" if len(value) > 6 else "")
        if key in ("online", "on_time_rate", "digitized", "electronic", "satisfaction"):
            return "—" if value is None else f"{value:.1f} %".replace(".", ",")
        if key == "unit":
            return f"{value} ({row['code']})"
        if isinstance(value, int):
            return group_digits(value)  # as the board's count_text writes counts
        return str(value)

    def show_trend(self, row: int) -> None:
        """The last twelve months of the unit in ``row``: received and resolved late."""
        if not 0 <= row < len(self.rows):
            return
        code, name = self.rows[row]["code"], self.rows[row]["unit"]
        today = self.desk.now().date()
        self._call(
            lambda: monthly_trend(self.desk, code, today),
            lambda points: self.chart.set_points(f"{name} ({code})", points),
        )

    # ----------------------------------------------------------- actions
    def drill_down(self, row: int, column: int) -> None:
        """The dossiers of a unit behind a cell: a read-only board of that unit, on the view
        the column is about. One board per unit: a second double-click raises it."""
        from mohao_desk.ui.main_window import MainWindow

        if not 0 <= row < len(self.rows):
            return
        code, name = self.rows[row]["code"], self.rows[row]["unit"]
        view = DRILL_VIEWS.get(COLUMNS[column][0], "pending")
        self.children_windows = [w for w in self.children_windows if shiboken6.isValid(w)]
        window = next(
            (
                w
                for w in self.children_windows
                if isinstance(w, MainWindow) and w.unit_scope == (code, name) and w.isVisible()
            ),
            None,
        )
        if window is None:
            window = MainWindow(self.desk, synchronous=self.synchronous, unit=(code, name))
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.children_windows.append(window)
        window.select_view(view)
        window.show()
        window.raise_()
        window.activateWindow()

    def open_settings(self) -> None:
        from mohao_desk.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.desk, parent=self, synchronous=self.synchronous)
        dialog.open()

    def import_packages(self) -> None:
        """Ask for the units' package files, then import them."""
        paths = choose_package_files(self)
        if paths:
            self.import_package_files(paths)

    def import_package_files(self, paths: list[Path]) -> None:
        """Import packages of the units: all or nothing, with a summary of what came in."""
        from mohao_desk.services.sync import import_packages

        def done(report: Any) -> None:
            self.last_message = import_summary(report)
            QMessageBox.information(self, self.tr("Tổng hợp các đơn vị"), self.last_message)
            self.refresh()

        self._call(lambda: import_packages(self.desk.db, paths), done)

    last_message = ""

    def show_error(self, exc: BaseException) -> None:
        message = error_text(exc)
        self.last_message = message
        QMessageBox.warning(self, self.tr("Không thực hiện được"), message)

    def closeEvent(self, event: Any) -> None:
        self._closing = True
        for window in self.children_windows:
            if shiboken6.isValid(window):
                window.close()
        super().closeEvent(event)
