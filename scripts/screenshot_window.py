"""Rebuild docs/screenshots/main-window.png, daily-list-preview.png and upstream.png (and their
-1024 versions, at 1024×768) from scratch.

    .venv/bin/python scripts/screenshot_window.py [OUT_DIR]

A year of demo data seen from a fixed moment, offscreen Qt, the real window and preview, on a
1366×768 and a 1024×768 screen (scripts/screen_setup.py).
(scripts/screenshot_dialogs.py makes registration.png and dossier.png.)
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from screen_setup import picture, setup  # noqa: E402

SCREEN = setup(__file__)
if SCREEN is None:
    sys.exit(0)
SIZE, ARGS = SCREEN

from PySide6.QtWidgets import QApplication  # noqa: E402

from mohao_desk.domain.deadline import Band  # noqa: E402
from mohao_desk.services.demo import fill_demo  # noqa: E402
from mohao_desk.services.desk import Desk  # noqa: E402
from mohao_desk.services.reports import ReportService  # noqa: E402
from mohao_desk.store.db import open_database  # noqa: E402
from mohao_desk.ui.upstream_window import COLUMNS  # noqa: E402

NOW = datetime(2026, 11, 26, 9, 40)


def _wait(app: QApplication, ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main(out: Path) -> None:
    app = QApplication.instance() or QApplication([])
    from mohao_desk.ui import worker
    from mohao_desk.ui.main_window import MainWindow
    from mohao_desk.ui.pdf_preview import show_pdf

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["MOHAO_DESK_HOME"] = str(Path(folder) / "home")
        db = open_database(Path(folder) / "desk.sqlite3")
        fill_demo(db, dossiers=20_000, seed=7, now=NOW)
        desk = Desk(db, clock=lambda: NOW)
        from mohao_desk.services.accounts import AccountService

        db.actor = AccountService(db).log_in("motcua", "demo")  # the person at the desk
        window = MainWindow(desk, synchronous=True)
        window.showMaximized()
        window.select_view("pending")
        changes = [(s.code, Band.OVERDUE) for s in desk.list("overdue", limit=2)]
        window.show_band_changes(changes)
        window.table.selectRow(2)
        app.processEvents()
        _save(window, picture(out, "main-window", SIZE))
        pdf = ReportService(desk).daily_list(NOW.date())
        preview = show_pdf(window, pdf, "Danh sách theo dõi hồ sơ ngày 26/11/2026", "x.pdf")
        worker.wait_all()
        _wait(app, 2000)  # QPdfView renders its pages in the background
        _save(preview, picture(out, "daily-list-preview", SIZE))
        preview.close()
        window.close()
        db.close()
        upstream_dashboard(app, Path(folder), out)


def _save(widget: Any, path: Path) -> None:
    widget.grab().save(str(path))
    print(path)


def upstream_dashboard(app: QApplication, folder: Path, out: Path) -> None:
    """Three communes' packages at the province, the dashboard and one unit's drill-down."""
    from mohao_desk.services import sync
    from mohao_desk.services.setup import open_unit_database, update_unit_settings
    from mohao_desk.ui.upstream_window import UpstreamWindow

    upstream = open_unit_database(folder / "tinh.sqlite3")
    upstream.key_passphrase = "demo"  # the session's passphrase for the upstream's new key
    sync.init_upstream(upstream)
    packages = []
    units = (
        ("000.31.22.H31", "Ủy ban nhân dân phường Bần Yên Nhân"),
        ("000.31.22.H32", "Ủy ban nhân dân phường Phùng Chí Kiên"),
        ("000.31.22.H33", "Ủy ban nhân dân xã Hòa Phong"),
    )
    for n, (code, name) in enumerate(units):
        desk_db = open_database(folder / f"desk{n}.sqlite3")
        fill_demo(desk_db, dossiers=3000, unit_code=code, seed=n + 1, now=NOW)
        desk_db.key_passphrase = "demo"  # the demo key's
        update_unit_settings(desk_db, name=name)
        sync.trust(upstream, sync.export_public_key(desk_db, folder / f"{n}.key").path)
        box = folder / f"out{n}"
        box.mkdir()
        packages.append(sync.export_desk_package(desk_db, box).path)
        desk_db.close()
    sync.import_packages(upstream, packages)
    desk = Desk(upstream, clock=lambda: NOW)
    window = UpstreamWindow(desk, synchronous=True)
    window.showMaximized()
    window.table.setCurrentCell(0, 0)
    app.processEvents()
    _save(window, picture(out, "upstream", SIZE))
    window.drill_down(0, [k for k, _ in COLUMNS].index("overdue"))
    board = window.children_windows[-1]
    board.showMaximized()
    app.processEvents()
    _save(board, picture(out, "upstream-unit", SIZE))
    window.close()
    upstream.close()


if __name__ == "__main__":
    main(Path(ARGS[0]) if ARGS else ROOT / "docs" / "screenshots")
