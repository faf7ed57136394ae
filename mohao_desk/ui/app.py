"""Starting the desk window: the Qt application, translations, the database, first-run set-up."""

from __future__ import annotations

import contextlib
import sys
from importlib import resources
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from mohao_desk.domain.errors import DeskError
from mohao_desk.ui.dialog_kit import error_text


def install_translations(app: QApplication, language: str | None = None) -> list[QTranslator]:
    """Load every translation of ``language`` (the system's by default) that we ship.

    Vietnamese is the source language of our own texts; ``resources/translations`` holds one
    ``.qm`` per catalogue and language (``mohao_desk_en.qm`` for the UI, ``qt_vi.qm`` for Qt's
    own standard texts in Vietnamese, which Qt itself does not ship). A language we have no UI
    catalogue for shows the Vietnamese UI, so it gets Vietnamese Qt texts too, and Vietnamese
    gets the Vietnamese locale (calendar month and day names, ``1.234,5``); another language
    gets Qt's own translation of its dialogs when Qt has one."""
    lang = language or QLocale.system().name().split("_")[0]
    folder = resources.files("mohao_desk.resources") / "translations"
    entries = sorted(
        (entry for entry in folder.iterdir() if entry.is_file()), key=lambda entry: entry.name
    )
    if not any(entry.name == f"mohao_desk_{lang}.qm" for entry in entries):
        lang = "vi"
    installed: list[QTranslator] = []
    for candidate in entries:
        if not candidate.name.endswith(f"_{lang}.qm"):
            continue
        translator = QTranslator(app)
        with resources.as_file(candidate) as path:
            if translator.load(str(path)):
                app.installTranslator(translator)
                installed.append(translator)
    if lang == "vi":
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        return installed
    qt_translator = QTranslator(app)
    qt_path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_translator.load(f"qtbase_{lang}", qt_path):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    return installed


class SetupDialog(QDialog):
    """First run: the unit's name, agency code, place name and officers; demo data on request."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Thiết lập đơn vị"))
        self.setMinimumWidth(680)  # the examples in the fields show whole
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Chào mừng đến với phần mềm Bộ phận Một cửa. Hãy nhập thông tin đơn vị một lần;"
                " có thể sửa lại sau."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        # Examples say "Ví dụ:": grey text alone looks like a value already filled in.
        example = self.tr("Ví dụ: %1")
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(example.replace("%1", "Ủy ban nhân dân phường Bần Yên Nhân"))
        self.code = QLineEdit(self)
        self.code.setPlaceholderText(example.replace("%1", "000.17.22.H56"))
        self.code.setToolTip(self.tr("Mã định danh điện tử của đơn vị, do tỉnh cấp"))
        self.parent_name = QLineEdit(self)
        self.parent_name.setPlaceholderText(example.replace("%1", "Ủy ban nhân dân tỉnh Hưng Yên"))
        self.place = QLineEdit(self)
        self.place.setPlaceholderText(example.replace("%1", "Mỹ Hào"))
        self.officers = QPlainTextEdit(self)
        self.officers.setPlaceholderText(
            example.replace("%1", "\nmotcua: Nguyễn Thị Nhung: Công chức Một cửa")
            + "\ntuphap: Trần Văn Đức: Công chức Tư pháp"
        )
        self.officers.setMinimumHeight(90)
        self.officers.setTabChangesFocus(True)
        form.addRow(self.tr("Tên đơn vị:"), self.name)
        form.addRow(self.tr("Mã định danh điện tử:"), self.code)
        form.addRow(self.tr("Cơ quan cấp trên:"), self.parent_name)
        form.addRow(self.tr("Địa danh ghi trên văn bản:"), self.place)
        form.addRow(self.tr("Cán bộ (mỗi dòng: tên đăng nhập: họ tên: chức danh):"), self.officers)
        layout.addLayout(form)
        from mohao_desk.ui.login_dialog import AdministratorFields

        # The first account (issue 11): the administrator, who gives the officers passwords.
        self.admin = AdministratorFields(self)
        admin_box = QGroupBox(self.tr("Tài khoản quản trị"), self)
        QVBoxLayout(admin_box).addWidget(self.admin)
        layout.addWidget(admin_box)
        self.demo = QCheckBox(self.tr("Dùng dữ liệu mẫu để làm quen (không nhập thông tin trên)"))
        self.demo.toggled.connect(self._demo_toggled)
        layout.addWidget(self.demo)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b71c1c;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _demo_toggled(self, on: bool) -> None:
        for widget in (self.name, self.code, self.parent_name, self.place, self.officers):
            widget.setEnabled(not on)
        self.admin.setEnabled(not on)

    def problems(self) -> list[str]:
        """Everything missing or wrong in the form, all at once (empty when it can be saved)."""
        if self.demo.isChecked():
            return []
        from mohao_desk.domain.codes import check_agency_code

        found = []
        required = (
            (self.name, self.tr("tên đơn vị")),
            (self.code, self.tr("mã định danh điện tử")),
            (self.parent_name, self.tr("cơ quan cấp trên")),
            (self.place, self.tr("địa danh ghi trên văn bản")),
        )
        missing = [label for edit, label in required if not edit.text().strip()]
        if missing:
            found.append(self.tr("Chưa nhập: %1.").replace("%1", ", ".join(missing)))
        if self.code.text().strip():
            try:
                check_agency_code(self.code.text())
            except DeskError:
                found.append(
                    self.tr(
                        "Mã định danh điện tử '%1' không đúng định dạng (ví dụ 000.17.22.H56)."
                    ).replace("%1", self.code.text().strip())
                )
        for line in self.officers.toPlainText().splitlines():
            parts = [p.strip() for p in line.split(":")]
            if line.strip() and (len(parts) < 2 or not parts[0] or not parts[1]):
                found.append(
                    self.tr("Dòng cán bộ '%1' phải có dạng tên đăng nhập: họ tên.").replace(
                        "%1", line.strip()
                    )
                )
        found.extend(self.admin.problems())
        return found

    def apply(self, db: Any) -> None:
        """Create the unit (or the demo data) in ``db``; raises DeskError on bad input."""
        if self.demo.isChecked():
            from mohao_desk.services.demo import fill_demo

            fill_demo(db, dossiers=3000)
            return
        from mohao_desk.services.setup import OfficerInput, init_unit

        officers = []
        for line in self.officers.toPlainText().splitlines():
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split(":")]
            if len(parts) < 2:
                raise DeskError(
                    self.tr("Dòng cán bộ '%1' phải có dạng tên đăng nhập: họ tên.").replace(
                        "%1", line
                    )
                )
            officers.append(OfficerInput(parts[0], parts[1], parts[2] if len(parts) > 2 else ""))
        init_unit(
            db,
            code=self.code.text(),
            name=self.name.text(),
            parent_name=self.parent_name.text(),
            place_name=self.place.text(),
            officers=officers or None,
            admin=self.admin.officer(),
        )

    def accept(self) -> None:
        problems = self.problems()
        if problems:
            self.error.setText("\n".join(problems))
            return
        self.error.clear()
        super().accept()


def set_window_icon(app: QApplication) -> None:
    """The program's icon (resources/icons, the one of the installer and the .desktop entry)
    on every window; the desktop entry's name, so that a Linux desktop matches the two."""
    from PySide6.QtGui import QIcon, QPixmap

    pixmap = QPixmap()
    data = (resources.files("mohao_desk.resources") / "icons" / "mohao_desk.png").read_bytes()
    if pixmap.loadFromData(data):
        app.setWindowIcon(QIcon(pixmap))
    app.setDesktopFileName("mohao-desk")


def _upgrade_notice(app: QApplication) -> QWidget:
    """A window that says why nothing else shows yet: the first start of a newer version copies
    the database into backups/ before it migrates it (seconds for a large desk)."""
    from PySide6.QtWidgets import QLabel

    label = QLabel(
        QCoreApplication.translate(
            "MainWindow",
            "Phiên bản mới: đang sao lưu cơ sở dữ liệu rồi nâng cấp. Với dữ liệu lớn việc này "
            "có thể mất một phút; xin đừng tắt máy.",
        )
    )
    label.setWindowTitle(QCoreApplication.translate("MainWindow", "Bộ phận Một cửa"))
    label.setWordWrap(True)
    label.setMargin(24)
    label.setMinimumWidth(420)
    label.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint)
    label.show()
    for _ in range(3):  # painted before the work blocks the event loop
        app.processEvents()
    return label


def remove_database_files(path: Path) -> None:
    """Remove a database file we created (and SQLite's -wal and -shm beside it)."""
    for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        with contextlib.suppress(FileNotFoundError):
            candidate.unlink()


def run_gui(db_path: Path | str | None = None, *, demo_if_empty: bool = False) -> int:
    """Open the desk window on a database (a SQLite file, created on first run, or the unit's
    PostgreSQL server given as a URL); returns the exit code."""
    from mohao_desk.paths import default_db_path
    from mohao_desk.services.setup import open_unit_database as open_database

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("mohao_desk")
    app.setApplicationDisplayName("Bộ phận Một cửa")
    set_window_icon(app)
    app.setAttribute(Qt.ApplicationAttribute.AA_DontShowIconsInMenus, False)
    # Qt's own file dialogs (translated by qt_vi.qm), not the system's in the system's language.
    app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    install_translations(app)
    # Qt adds this name to every window title: in the language of the UI.
    app.setApplicationDisplayName(QCoreApplication.translate("MainWindow", "Bộ phận Một cửa"))
    if isinstance(db_path, str):  # the unit's server: it exists; the set-up may still be due
        return _run_window(app, db_path, created=False)
    if db_path is None:
        from mohao_desk.services.connection import saved_server_url

        try:
            url = saved_server_url()
        except DeskError as exc:
            QMessageBox.critical(
                None, QCoreApplication.translate("MainWindow", "Bộ phận Một cửa"), error_text(exc)
            )
            return 2
        if url is not None:
            return _run_window(app, url, created=False)
        if not default_db_path().exists() and not demo_if_empty:
            # First run: this PC alone, or the unit's server?
            from mohao_desk.ui.server_dialog import ConnectionDialog

            choice = ConnectionDialog()
            if choice.exec() != QDialog.DialogCode.Accepted:
                return 1
            if choice.server_url is not None:
                return _run_window(app, choice.server_url, created=False)
    path = db_path or default_db_path()
    try:
        if not path.exists() and demo_if_empty:
            from mohao_desk.services.demo import fill_demo

            demo = open_database(path)
            fill_demo(demo, dossiers=3000)
            demo.close()
        created = not path.exists()
    except DeskError as exc:
        QMessageBox.critical(
            None, QCoreApplication.translate("MainWindow", "Bộ phận Một cửa"), error_text(exc)
        )
        return 2
    return _run_window(app, path, created=created)


def log_in(desk: Any) -> bool:
    """The person at the PC logs in (issue 11); a database made before accounts first gets
    its administrator. False when the person gives up (the program closes)."""
    from mohao_desk.services.accounts import AccountService
    from mohao_desk.ui.login_dialog import AdministratorDialog, LoginDialog

    if AccountService(desk.db).needs_administrator():
        first = AdministratorDialog(desk.db)
        if first.exec() != QDialog.DialogCode.Accepted:
            return False
    dialog = LoginDialog(desk.db, unit_name=desk.unit.name, demo=desk.is_demo())
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    desk.db.actor = dialog.account
    return True


def _run_window(app: QApplication, path: Path | str, *, created: bool) -> int:
    from mohao_desk.services.desk import Desk
    from mohao_desk.services.setup import has_unit, upgrade_pending
    from mohao_desk.services.setup import open_unit_database as open_database

    try:
        notice = _upgrade_notice(app) if upgrade_pending(path) else None
        try:
            db = open_database(path)
        finally:
            if notice is not None:
                notice.close()
        dialog = SetupDialog()
        while not has_unit(db):
            if dialog.exec() != QDialog.DialogCode.Accepted:
                # Nothing was set up: leave no empty database behind to be found next time.
                db.close()
                if created and isinstance(path, Path):
                    remove_database_files(path)
                return 1
            try:
                dialog.apply(db)
            except DeskError as exc:  # the same dialog again, with what was typed and why
                dialog.error.setText(
                    QCoreApplication.translate("SetupDialog", "Chưa thiết lập được")
                    + ": "
                    + error_text(exc)
                )
        desk = Desk(db)
        if not log_in(desk):
            db.close()
            return 1
    except DeskError as exc:
        QMessageBox.critical(
            None, QCoreApplication.translate("MainWindow", "Bộ phận Một cửa"), error_text(exc)
        )
        return 2
    from mohao_desk.services.sync import database_is_upstream

    window: QWidget
    if database_is_upstream(db):
        from mohao_desk.ui.upstream_window import UpstreamWindow

        window = UpstreamWindow(desk)
    else:
        from mohao_desk.ui.main_window import MainWindow

        window = MainWindow(desk)
    window.showMaximized()
    if isinstance(window, MainWindow):
        window.start_history_check()
    return int(app.exec())


def measure_launch(db_path: Path, started: float) -> int:
    """``mohao-desk --db FILE --launch-probe T0`` (hidden): the time from ``T0`` (the caller's
    ``time.time()`` just before it started the program) to a usable window, measured as
    benchmarks/bench_ui.py measures it (the board's window on an existing database, offscreen,
    until the first rows of its first view are on screen), printed as ``<seconds> <rows>``;
    then the program quits. It lets the frozen program (installer/, issue 12) be measured and
    smoke-tested the same way as the source tree. No log-in: the window quits before anyone
    can use it."""
    import time

    from mohao_desk.services.desk import Desk
    from mohao_desk.services.setup import open_unit_database
    from mohao_desk.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    set_window_icon(app)
    install_translations(app)
    window = MainWindow(Desk(open_unit_database(db_path, create=False)))
    refreshed: list[int] = []
    window.board_refreshed.connect(lambda: refreshed.append(1))
    window.show()

    def first_rows() -> bool:
        model = window.model
        if not refreshed:
            return False
        if model.rowCount() == 0:
            return True
        model.data(model.index(0, 0))  # what the view asks first
        return bool(model.loaded_count() > 0)

    while not first_rows():
        app.processEvents()
        if time.time() - started > 60:
            print("mohao-desk: the window was not usable after 60 s", file=sys.stderr)
            return 1
    print(f"{time.time() - started:.3f} {window.model.rowCount()}", flush=True)
    # Not close(): closing the window backs the database up (MainWindow.closeEvent), which a
    # measurement must not do. Hidden, its background work finished, the window is deleted.
    from PySide6.QtCore import QEvent

    from mohao_desk.ui import worker

    window.hide()
    worker.wait_all(5000)
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return 0
