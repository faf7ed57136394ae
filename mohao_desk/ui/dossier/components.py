"""The dossier's components and result: their digitization state, and digitization of the
scans dropped on a row or chosen with "Chọn tệp…"; a digitized file opened again."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mohao_desk.domain.catalog import COMPONENT_KINDS
from mohao_desk.domain.lifecycle import Act, Status
from mohao_desk.services.desk import DossierDetail
from mohao_desk.ui.dialog_kit import FileDropFrame, moment_text
from mohao_desk.ui.dossier.slips import alive
from mohao_desk.ui.labels import tr_label

translate = QCoreApplication.translate

SCAN_FILTER = QT_TRANSLATE_NOOP(
    "DossierDialog", "Bản quét (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;Mọi tệp (*)"
)


class ComponentDropRow(FileDropFrame):
    """A component (or the result) of the dossier: its digitization state; scans dropped on it
    or chosen with "Chọn tệp…" are digitized."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(title, self)
        self.title.setWordWrap(True)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Chọn tệp…"), self)
        self.choose_button.setAutoDefault(False)
        self.choose_button.setToolTip(self.tr("Chọn tệp bản quét (hoặc kéo thả tệp vào dòng này)"))
        # The file digitized last for this row (its SHA-256), opened from the unit's data on
        # any PC of the unit.
        self.sha256: str | None = None
        self.open_button = QPushButton(self.tr("Mở tệp"), self)
        self.open_button.setAutoDefault(False)
        self.open_button.setToolTip(self.tr("Xem tệp đã số hóa"))
        self.open_button.hide()
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title)
        text.addWidget(self.state)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 5, 8, 5)
        layout.addLayout(text, 1)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignVCenter)

    def set_file(self, sha256: str | None) -> None:
        self.sha256 = sha256
        self.open_button.setVisible(sha256 is not None)

    def set_state(self, text: str, done: bool, enabled: bool = True) -> None:
        self.state.setText(text)
        self.state.setStyleSheet("color: #1b5e20;" if done else "color: #8a5a00;")
        self.accepting = enabled
        self.choose_button.setEnabled(enabled)


class ComponentsMixin:
    """The components' part of the dossier page (mixed into ``DossierDialog``, whose ``tr``
    context its texts keep)."""

    def _build_files(self) -> QGroupBox:
        """The components and the result, with drop targets."""
        files = QGroupBox(
            translate("DossierDialog", "Thành phần hồ sơ và kết quả")
            if self.read_only
            else translate(
                "DossierDialog", "Thành phần hồ sơ và kết quả — kéo thả bản quét vào dòng"
            ),
            self,
        )
        self.components_holder = QWidget(files)
        self.components_layout = QVBoxLayout(self.components_holder)
        self.components_layout.setContentsMargins(0, 0, 0, 0)
        self.components_layout.setSpacing(5)
        self.components_layout.addStretch(1)
        self.component_rows: list[ComponentDropRow] = []
        scroll = QScrollArea(files)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.components_holder)
        self.result_row = ComponentDropRow(translate("DossierDialog", "Kết quả giải quyết"), files)
        self.result_row.title.setStyleSheet("font-weight: bold;")
        self.result_row.files_dropped.connect(lambda paths: self.digitize(paths, result=True))
        self.result_row.choose_button.clicked.connect(lambda: self._choose(result=True))
        self.result_row.open_button.clicked.connect(
            lambda _checked=False: self.open_file(self.result_row)
        )
        files_box = QVBoxLayout(files)
        files_box.addWidget(scroll, 1)
        files_box.addWidget(self.result_row)
        return files

    def _show_components(self, detail: DossierDetail) -> None:
        while len(self.component_rows) > len(detail.components):
            row = self.component_rows.pop()
            self.components_layout.removeWidget(row)
            row.hide()
            row.deleteLater()
        while len(self.component_rows) < len(detail.components):
            number = len(self.component_rows) + 1
            row = ComponentDropRow("", self.components_holder)
            row.files_dropped.connect(lambda paths, n=number: self.digitize(paths, component=n))
            row.choose_button.clicked.connect(lambda _checked=False, n=number: self._choose(n))
            row.open_button.clicked.connect(lambda _checked=False, r=row: self.open_file(r))
            self.components_layout.insertWidget(self.components_layout.count() - 1, row)
            self.component_rows.append(row)
        for row, c in zip(self.component_rows, detail.components, strict=True):
            kind = tr_label(COMPONENT_KINDS.get(c.kind, c.kind))
            row.title.setText(f"{c.position}. {c.name}  ({kind}, {c.count})")
            if c.digitized_at is not None:
                state = (
                    translate("DossierDialog", "✔ Đã số hóa %1 — %2")
                    .replace("%1", moment_text(c.digitized_at))
                    .replace("%2", c.file_name or "")
                )
                if c.reused:
                    state += translate("DossierDialog", " (tái sử dụng)")
                row.set_state(state, True)
                row.setToolTip(f"SHA-256: {c.sha256}")
                row.set_file(c.sha256)
            else:
                row.set_state(translate("DossierDialog", "Chưa số hóa"), False)
                row.setToolTip("")
                row.set_file(None)
        s = detail.summary
        if s.status in (Status.RESULT_READY, Status.RETURNED):
            if s.result_digitized:
                event = next(
                    (
                        e
                        for e in reversed(detail.events)
                        if e.act is Act.DIGITIZE and e.data.get("target") == "result"
                    ),
                    None,
                )
                text = translate("DossierDialog", "✔ Đã số hóa")
                if event is not None:
                    text += f" {moment_text(event.at)} — {event.data.get('file', '')}"
                self.result_row.set_state(text, True)
                self.result_row.set_file(None if event is None else event.data.get("sha256"))
            else:
                self.result_row.set_state(
                    translate("DossierDialog", "Đã có kết quả, chưa số hóa"), False
                )
                self.result_row.set_file(None)
        else:
            self.result_row.set_state(
                translate("DossierDialog", "Chưa có kết quả"), False, enabled=False
            )
            self.result_row.set_file(None)
            self.result_row.state.setStyleSheet("color: #5f6368;")
        if self.read_only:
            for row in (*self.component_rows, self.result_row):
                row.accepting = False
                row.choose_button.hide()
                row.open_button.hide()  # the units' scans stay at the units

    def _choose(self, component: int | None = None, *, result: bool = False) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            translate("DossierDialog", "Chọn bản quét"),
            "",
            translate("DossierDialog", SCAN_FILTER),
        )
        if paths:
            self.digitize([Path(p) for p in paths], component=component, result=result)

    def digitize(
        self, files: list[Path], *, component: int | None = None, result: bool = False
    ) -> None:
        """Mark a component (by number) or the result digitized with the given scans."""
        if not files or self._busy or self.read_only:
            return
        code, by = self.code, self.officer

        def work() -> DossierDetail:
            detail = None
            for file in files:
                detail = self.desk.digitize(
                    code, file=Path(file), component=component, result=result, by=by
                )
            assert detail is not None
            return detail

        def done(detail: DossierDetail) -> None:
            self._set_busy(False)
            self.error_label.clear_message()
            self.show_detail(detail)
            self.changed.emit()

        self._set_busy(True)
        self._call(work, done)

    def open_file(self, row: ComponentDropRow) -> None:
        """Show the file digitized for a row: a PDF in the program's own preview, another kind
        (a photo) with the PC's viewer. The content comes from the unit's data (the server on a
        multi-counter unit), so the scan another PC made opens here too."""
        sha, code = row.sha256, self.code
        if sha is None:
            return
        self._call(lambda: self.desk.attachment(code, sha), self._show_file)

    def _show_file(self, found: tuple[str, bytes]) -> None:
        name, data = found
        if data.startswith(b"%PDF"):
            from mohao_desk.ui.pdf_preview import show_pdf

            preview = show_pdf(self, data, f"{name} — {self.code}", name)
            self.previews = [p for p in self.previews if alive(p)]
            self.previews.append(preview)
            return
        folder = Path(tempfile.mkdtemp(prefix="mohao-tep-"))
        path = folder / (Path(name).name or "tep")
        path.write_bytes(data)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.error_label.show_error(
                translate(
                    "DossierDialog", "Máy này chưa có chương trình để mở tệp %1 (đã lưu tại %2)."
                )
                .replace("%1", name)
                .replace("%2", str(path))
            )
