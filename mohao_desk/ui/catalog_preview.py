"""Xem trước: what importing a catalog file would change, shown before anything is written —
the new procedures, the changed ones with each field before and after, the unchanged ones —
with Áp dụng / Hủy (the settings window's catalog tab opens it)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mohao_desk.services.catalog_import import CatalogPreview
from mohao_desk.ui.labels import period_text
from mohao_desk.ui.screen import fit_to_screen

PREFERRED_SIZE = (900, 600)
FIELD_LABELS = {
    "name": QT_TRANSLATE_NOOP("CatalogPreviewDialog", "Tên thủ tục"),
    "field": QT_TRANSLATE_NOOP("CatalogPreviewDialog", "Lĩnh vực"),
    "time": QT_TRANSLATE_NOOP("CatalogPreviewDialog", "Thời hạn giải quyết"),
    "verification_time": QT_TRANSLATE_NOOP("CatalogPreviewDialog", "Thời hạn khi cần xác minh"),
    "basis": QT_TRANSLATE_NOOP("CatalogPreviewDialog", "Căn cứ pháp lý"),
    "note": QT_TRANSLATE_NOOP("CatalogPreviewDialog", "Ghi chú, phí, lệ phí"),
    "components": QT_TRANSLATE_NOOP("CatalogPreviewDialog", "Thành phần hồ sơ"),
}
SHORT = 120  # characters of a long text shown in a cell (the whole text is its tooltip)


class CatalogPreviewDialog(QDialog):
    """The changes of one catalog file; ``exec()`` returns Accepted when "Áp dụng" is chosen.

    ``groups`` are the three top-level rows (new, changed, unchanged) of :attr:`tree`."""

    def __init__(self, preview: CatalogPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        changes = preview.changes
        self.setWindowTitle(self.tr("Xem trước thay đổi danh mục thủ tục"))
        self.summary = QLabel(
            self.tr("Tệp %1: %2 thủ tục mới, %3 thủ tục thay đổi, %4 thủ tục không đổi.")
            .replace("%1", preview.file_name)
            .replace("%2", str(len(changes.added)))
            .replace("%3", str(len(changes.changed)))
            .replace("%4", str(len(changes.unchanged))),
            self,
        )
        self.summary.setWordWrap(True)
        hint = QLabel(
            self.tr(
                "Chưa có gì được ghi. “Áp dụng” ghi toàn bộ các thay đổi dưới đây trong một lần; "
                "“Hủy” để danh mục giữ nguyên. Thủ tục có trong danh mục mà không có trong tệp "
                "được giữ nguyên."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")

        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(
            [self.tr("Mã"), self.tr("Thủ tục / nội dung"), self.tr("Thay đổi")]
        )
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.tree.setColumnWidth(0, 150)
        self.tree.setColumnWidth(1, 330)

        added = self._group(self.tr("Thêm mới (%1)").replace("%1", str(len(changes.added))))
        for p in changes.added:
            self._row(added, p.code, p.name, f"{p.field} · {period_text(p.time)}")
        changed = self._group(self.tr("Thay đổi (%1)").replace("%1", str(len(changes.changed))))
        for change in changes.changed:
            names = ", ".join(self.tr(FIELD_LABELS[f.key]) for f in change.fields)
            item = self._row(changed, change.after.code, change.after.name, names)
            for f in change.fields:
                # Before and after on rows of their own: a long old note never hides the new.
                before = self.tr("Trước: %1").replace("%1", self._value(f.key, f.before))
                after = self.tr("Sau: %1").replace("%1", self._value(f.key, f.after))
                self._row(item, "", self.tr(FIELD_LABELS[f.key]), before)
                self._row(item, "", "", after)
            item.setExpanded(True)
        same = self._group(
            self.tr("Không đổi (%1)").replace("%1", str(len(changes.unchanged))), expand=False
        )
        for p in changes.unchanged:
            self._row(same, p.code, p.name, "")
        self.groups = [added, changed, same]

        buttons = QDialogButtonBox(self)
        self.apply_button = buttons.addButton(
            self.tr("Áp dụng"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = buttons.addButton(
            self.tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.apply_button.setEnabled(not changes.empty)
        self.cancel_button.setDefault(True)  # Enter does not write by accident
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(hint)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, *PREFERRED_SIZE)

    def _group(self, title: str, expand: bool = True) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.tree, [title])
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        item.setFirstColumnSpanned(True)
        item.setExpanded(expand)
        return item

    @staticmethod
    def _row(parent: QTreeWidgetItem, *texts: str) -> QTreeWidgetItem:
        shown = [t if len(t) <= SHORT else t[: SHORT - 1].rstrip() + "…" for t in texts]
        item = QTreeWidgetItem(parent, shown)
        for column, text in enumerate(texts):
            if text != shown[column] or (column == 2 and len(text) > 40):
                item.setToolTip(column, text)  # the column may be too narrow for it
            item.setData(column, Qt.ItemDataRole.UserRole, text)
        return item

    def _value(self, key: str, value: Any) -> str:
        if value is None:
            return self.tr("(không có)")
        if key in ("time", "verification_time"):
            return period_text(value)
        if key == "components":
            return self.tr("%1 thành phần").replace("%1", str(len(value)))
        text = " ".join(str(value).split())
        return text or self.tr("(trống)")

    def rows(self, group: int) -> list[list[str]]:
        """The full texts of a group's rows (and of their field rows, indented by one item)."""
        result = []
        parent = self.groups[group]
        for i in range(parent.childCount()):
            child = parent.child(i)
            result.append([str(child.data(c, Qt.ItemDataRole.UserRole)) for c in range(3)])
            for j in range(child.childCount()):
                field = child.child(j)
                result.append([str(field.data(c, Qt.ItemDataRole.UserRole)) for c in range(3)])
        return result
