"""The dossier's timeline (the control slip): one row an event, what each event says."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from mohao_desk.domain.lifecycle import Act
from mohao_desk.services.desk import EventView
from mohao_desk.ui.dialog_kit import moment_text
from mohao_desk.ui.labels import tr_label

translate = QCoreApplication.translate


class _TimelineTable(QTableWidget):
    """The timeline: rows grow with their wrapped text whenever the table's width changes (a
    handful of rows, so measuring them all is cheap)."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_rows()

    def fit_rows(self) -> None:
        for row in range(self.rowCount()):
            self.setRowHeight(row, max(28, self.sizeHintForRow(row) + 6))


class TimelineMixin:
    """The timeline's part of the dossier page (mixed into ``DossierDialog``, whose ``tr``
    context its texts keep)."""

    def _build_timeline(self) -> QGroupBox:
        """The timeline (the control slip)."""
        timeline_box = QGroupBox(translate("DossierDialog", "Quá trình giải quyết"), self)
        self.timeline = _TimelineTable(0, 4, timeline_box)
        self.timeline.setHorizontalHeaderLabels(
            [
                translate("DossierDialog", "Thời gian"),
                translate("DossierDialog", "Thao tác"),
                translate("DossierDialog", "Cán bộ"),
                translate("DossierDialog", "Nội dung"),
            ]
        )
        self.timeline.verticalHeader().setVisible(False)
        self.timeline.verticalHeader().setMinimumSectionSize(28)
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.setWordWrap(True)
        header_view = self.timeline.horizontalHeader()
        header_view.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((125, 150, 150)):
            header_view.resizeSection(column, width)
        header_view.setStretchLastSection(True)
        # Rows grow with their wrapped text whenever the columns change width.
        header_view.sectionResized.connect(lambda *_: self.timeline.fit_rows())
        QVBoxLayout(timeline_box).addWidget(self.timeline)
        return timeline_box

    def _show_timeline(self, events: list[EventView]) -> None:
        self.timeline.setRowCount(len(events))
        for row, event in enumerate(events):
            cells = (
                moment_text(event.at),
                tr_label(event.act.label),
                event.officer or "",
                self.event_note(event),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.timeline.setItem(row, column, item)
        self.timeline.fit_rows()
        self.timeline.scrollToBottom()

    def event_note(self, event: EventView) -> str:
        """What an event says, in a line."""
        d = event.data
        parts: list[str] = []
        if event.act is Act.REGISTER:
            due = d.get("due_at")
            if due:
                parts.append(
                    translate("DossierDialog", "Hẹn trả %1").replace(
                        "%1", moment_text(datetime.fromisoformat(due))
                    )
                )
        elif event.act is Act.HANDOVER:
            receiver = " — ".join(x for x in (d.get("to_name"), d.get("body")) if x)
            if receiver:
                parts.append(translate("DossierDialog", "Chuyển cho %1").replace("%1", receiver))
        elif event.act is Act.SUPPLEMENT_REQUEST:
            parts.append(
                translate("DossierDialog", "Cần bổ sung: %1").replace(
                    "%1", "; ".join(d.get("missing", []))
                )
            )
        elif event.act is Act.SUPPLEMENT_RECEIVED:
            pass
        elif event.act is Act.RESOLVE:
            timeliness = d.get("timeliness")
            labels = {"truoc_han": "trước hạn", "dung_han": "đúng hạn", "qua_han": "quá hạn"}
            if timeliness in labels:
                parts.append(
                    translate("DossierDialog", "Giải quyết %1").replace(
                        "%1", tr_label(labels[timeliness])
                    )
                )
        elif event.act is Act.APOLOGIZE:
            new_due = d.get("new_due_at")
            if new_due:
                parts.append(
                    translate("DossierDialog", "Hẹn lại %1").replace(
                        "%1", moment_text(datetime.fromisoformat(new_due))
                    )
                )
            if d.get("override"):
                parts.append(
                    translate("DossierDialog", "ngoại lệ: %1").replace("%1", d["override"])
                )
        elif event.act is Act.DIGITIZE:
            file = str(d.get("file") or "")
            if d.get("target") == "result":
                parts.append(
                    translate("DossierDialog", "Kết quả: %1").replace("%1", file) if file else ""
                )
            elif d.get("component"):
                text = translate("DossierDialog", "Thành phần %1").replace(
                    "%1", str(d["component"])
                )
                parts.append(f"{text}: {file}" if file else text)
        elif event.act is Act.RATE:
            parts.append(tr_label(d.get("rating_label", "")))
        for key in ("reason", "note"):
            if d.get(key):
                parts.append(str(d[key]))
        return "; ".join(p for p in parts if p)
