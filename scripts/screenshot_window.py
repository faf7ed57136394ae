"""Rebuild docs/screenshots/main-window.png and daily-list-preview.png from scratch.

    .venv/bin/python scripts/screenshot_window.py [OUT_DIR]

A year of demo data seen from a fixed moment, offscreen Qt, the real window and preview.
(scripts/screenshot_dialogs.py makes registration.png and dossier.png.)
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from mohao_desk.domain.deadline import Band  # noqa: E402
from mohao_desk.services.demo import fill_demo  # noqa: E402
from mohao_desk.services.desk import Desk  # noqa: E402
from mohao_desk.services.reports import ReportService  # noqa: E402
from mohao_desk.store.db import open_database  # noqa: E402

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
        window = MainWindow(desk, synchronous=True)
        window.resize(1366, 768)
        window.show()
        pending = [key for key, _ in MainWindow.VIEWS].index("pending")
        window.views.setCurrentRow(pending)
        changes = [(s.code, Band.OVERDUE) for s in desk.list("overdue", limit=2)]
        window.show_band_changes(changes)
        window.table.selectRow(2)
        app.processEvents()
        window.grab().save(str(out / "main-window.png"))
        print(out / "main-window.png")
        pdf = ReportService(desk).daily_list(NOW.date())
        preview = show_pdf(window, pdf, "Danh sách theo dõi hồ sơ ngày 26/11/2026", "x.pdf")
        preview.resize(1100, 760)
        worker.wait_all()
        _wait(app, 2000)  # QPdfView renders its pages in the background
        preview.grab().save(str(out / "daily-list-preview.png"))
        print(out / "daily-list-preview.png")
        preview.close()
        window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
