"""The board's table model: ids only, rows fetched lazily in pages off the GUI thread, and one
ticking countdown column refreshed with a single ``dataChanged`` over the visible rows (the way
Anki's browser table works, ``qt/aqt/browser/table/model.py``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from mohao_desk.domain.deadline import Band
from mohao_desk.ui import worker
from mohao_desk.ui.labels import countdown_text, tr_label

PAGE = 200
_MISSING = object()
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.UserRole,
    }
)

Index = QModelIndex | QPersistentModelIndex

BAND_COLORS = {
    Band.ON_TRACK: QColor("#e8f5e9"),
    Band.AT_RISK: QColor("#fff4cc"),
    Band.OVERDUE: QColor("#fde2e1"),
}
BAND_TEXT = {
    Band.ON_TRACK: QColor("#1b5e20"),
    Band.AT_RISK: QColor("#8a5a00"),
    Band.OVERDUE: QColor("#b71c1c"),
}


class BoardModel(QAbstractTableModel):
    """Rows are dossier ids; a row's data is loaded when the view first asks for it."""

    COLUMNS = (
        ("code", QT_TRANSLATE_NOOP("BoardModel", "Mã hồ sơ")),
        ("countdown", QT_TRANSLATE_NOOP("BoardModel", "Thời hạn")),
        ("procedure", QT_TRANSLATE_NOOP("BoardModel", "Thủ tục")),
        ("applicant", QT_TRANSLATE_NOOP("BoardModel", "Người nộp")),
        ("due", QT_TRANSLATE_NOOP("BoardModel", "Hạn trả")),
        ("officer", QT_TRANSLATE_NOOP("BoardModel", "Cán bộ xử lý")),
        ("received", QT_TRANSLATE_NOOP("BoardModel", "Tiếp nhận")),
        ("status", QT_TRANSLATE_NOOP("BoardModel", "Trạng thái")),
    )
    # The countdown sits next to the code: it is what an officer looks at first.
    COUNTDOWN = 1
    PROCEDURE = 2
    APPLICANT = 3
    DUE = 4

    loaded = Signal()  # a page of rows arrived

    def __init__(
        self,
        fetch_rows: Callable[[Sequence[int]], list[Any]],
        countdown_of: Callable[[Any, datetime], Any],
        clock: Callable[[], datetime],
        parent: Any = None,
        *,
        synchronous: bool = False,
    ) -> None:
        super().__init__(parent)
        self._fetch_rows = fetch_rows
        self._countdown_of = countdown_of
        self._clock = clock
        self._ids: list[int] = []
        self._rows: dict[int, Any] = {}
        self._pending: set[int] = set()  # page numbers being fetched
        self._generation = 0
        self._now = clock()
        self._countdowns: dict[int, Any] = {}
        self._synchronous = synchronous
        self._headers = [self.tr(text) for _, text in self.COLUMNS]

    # ----------------------------------------------------------- contents
    def set_ids(self, ids: Sequence[int], first_rows: Sequence[Any] = ()) -> None:
        """Replace the rows (a new view or search); their data loads lazily, except the
        ``first_rows`` already fetched with the ids."""
        self.beginResetModel()
        self._generation += 1
        self._ids = list(ids)
        self._rows.clear()
        self._countdowns.clear()
        self._rows.update({summary.id: summary for summary in first_rows})
        self._pending.clear()
        self.endResetModel()

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def summary_at(self, row: int) -> Any | None:
        return self._rows.get(self._ids[row]) if 0 <= row < len(self._ids) else None

    def row_of_code(self, code: str) -> int | None:
        for row, dossier_id in enumerate(self._ids):
            summary = self._rows.get(dossier_id)
            if summary is not None and summary.code == code:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == self.DUE:
            return self.tr(
                "Hạn giải quyết theo quy định. Dấu → : đã xin lỗi và hẹn lại; đưa chuột vào ô"
                " để xem ngày hẹn mới."
            )
        return None

    def set_headers(self, labels: Sequence[str]) -> None:
        self._headers = list(labels)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers) - 1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None  # the many roles a view asks per cell, answered at once
        dossier_id = self._ids[index.row()]
        summary = self._rows.get(dossier_id)
        if summary is None:
            self._request(index.row())  # inline when synchronous, else arrives by signal
            summary = self._rows.get(dossier_id)
            if summary is None:
                return "…" if role == Qt.ItemDataRole.DisplayRole and index.column() == 0 else None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(summary, column)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            if column != self.COUNTDOWN:
                return None
            cd = self._countdown(summary)
            if cd is None:
                return None
            palette = BAND_COLORS if role == Qt.ItemDataRole.BackgroundRole else BAND_TEXT
            return QBrush(palette[cd.band])
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.DUE and summary.due_at != summary.original_due_at:
                return f"→ {summary.due_at:%H:%M %d/%m/%Y}"
            if column == self.COUNTDOWN:
                cd = self._countdown(summary)
                return tr_label(cd.band.label) if cd else None
            if column == self.PROCEDURE:
                return summary.procedure
        if role == Qt.ItemDataRole.UserRole:
            return summary.code
        return None

    def _display(self, s: Any, column: int) -> str:
        key = self.COLUMNS[column][0]
        if key == "code":
            return str(s.code)
        if key == "procedure":
            return str(s.procedure)
        if key == "applicant":
            return str(s.applicant)
        if key == "officer":
            return str(s.officer or "")
        if key == "received":
            return s.received_at.strftime("%H:%M %d/%m/%Y")
        if key == "due":
            # The legal due moment, the one the countdown counts to; a date promised after an
            # apology is marked with "→" and shown in the tooltip.
            due = s.original_due_at.strftime("%H:%M %d/%m/%Y")
            return f"{due} →" if s.due_at != s.original_due_at else due
        if key == "countdown":
            cd = self._countdown(s)
            if cd is not None:
                text = countdown_text(cd)
                return f"‖ {text}" if s.paused else text  # ‖: clock paused (supplement)
            return tr_label(s.timeliness.label) if s.timeliness else "—"  # e.g. withdrawn
        return tr_label(s.status.label)

    def _countdown(self, summary: Any) -> Any:
        """The countdown at the model's 'now', computed once per row per tick."""
        cached = self._countdowns.get(summary.id, _MISSING)
        if cached is _MISSING:
            cached = self._countdowns[summary.id] = self._countdown_of(summary, self._now)
        return cached

    # ------------------------------------------------------------ loading
    def _request(self, row: int) -> None:
        page = row // PAGE
        if page in self._pending:
            return
        self._pending.add(page)
        ids = self._ids[page * PAGE : (page + 1) * PAGE]
        generation = self._generation
        if self._synchronous:
            self._arrived(generation, page, self._fetch_rows(ids))
            return
        worker.run(
            lambda: self._fetch_rows(ids),
            lambda rows: self._arrived(generation, page, rows),
            lambda exc: self._pending.discard(page),
            parent=self,
        )

    def _arrived(self, generation: int, page: int, rows: list[Any]) -> None:
        if generation != self._generation:
            return  # a newer view replaced this one meanwhile
        self._pending.discard(page)
        self._rows.update({summary.id: summary for summary in rows})
        first = page * PAGE
        last = min(first + PAGE, len(self._ids)) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.COLUMNS) - 1))
        self.loaded.emit()

    def loaded_count(self) -> int:
        return len(self._rows)

    # ------------------------------------------------------------ ticking
    def tick(self, first_row: int, last_row: int) -> None:
        """New 'now': one dataChanged over the countdown column of the visible rows."""
        self._now = self._clock()
        self._countdowns.clear()
        if not self._ids:
            return
        first_row = max(first_row, 0)
        last_row = min(last_row, len(self._ids) - 1)
        if last_row < first_row:
            return
        self.dataChanged.emit(
            self.index(first_row, self.COUNTDOWN),
            self.index(last_row, self.COUNTDOWN),
            [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole],
        )
