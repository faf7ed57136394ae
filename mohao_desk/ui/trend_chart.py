"""A small trend chart drawn with QPainter (no QtCharts: it is not in every PySide6 set we
ship): per month, the dossiers received and, inside each bar, those resolved late."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

RECEIVED = QColor("#90caf9")
LATE = QColor("#e57373")


class TrendChart(QWidget):
    """Bars of (label, received, late) points, with a legend and the unit's name."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.points: list[tuple[str, int, int]] = []
        self.setMinimumHeight(190)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_points(self, title: str, points: list[tuple[str, int, int]]) -> None:
        self.title = title
        self.points = points
        self.update()

    def paintEvent(self, event: Any) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        metrics = painter.fontMetrics()
        line = metrics.height()
        painter.setPen(QColor("#333333"))
        painter.drawText(8, line, self.title)
        legend_x = self.width() - 260
        for n, (color, text) in enumerate(
            ((RECEIVED, self.tr("Tiếp nhận")), (LATE, self.tr("Giải quyết trễ hạn")))
        ):
            x = legend_x + n * 120
            painter.fillRect(QRectF(x, line - 9, 10, 10), color)
            painter.drawText(x + 14, line, text)
        if not any(received or late for _, received, late in self.points):
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Chưa có số liệu"))
            return
        top, bottom = line + 12, self.height() - line - 8
        left, right = 40, self.width() - 10
        highest = max(max(r for _, r, _ in self.points), 1)
        painter.setPen(QPen(QColor("#bbbbbb")))
        painter.drawLine(left, bottom, right, bottom)
        painter.drawText(4, top + line // 2, str(highest))
        slot = (right - left) / len(self.points)
        bar = max(slot * 0.6, 2.0)
        for n, (label, received, late) in enumerate(self.points):
            x = left + n * slot + (slot - bar) / 2
            height = (bottom - top) * received / highest
            painter.fillRect(QRectF(x, bottom - height, bar, height), RECEIVED)
            late_height = (bottom - top) * late / highest
            painter.fillRect(QRectF(x, bottom - late_height, bar, late_height), LATE)
            painter.setPen(QColor("#333333"))
            painter.drawText(
                QRectF(left + n * slot, bottom + 2, slot, line),
                Qt.AlignmentFlag.AlignHCenter,
                label,
            )
        painter.end()
