"""Rebuild docs/screenshots/settings.png (the catalog tab of the settings window) on a 1024×768
offscreen screen, the smallest office screen the window must fit.

    .venv/bin/python scripts/screenshot_settings.py [OUT_DIR] [--all-tabs]

With ``--all-tabs`` every tab is saved as settings-<n>.png as well (to look at them all).
A throwaway database in a temporary folder, a fixed clock: the pictures come out the same on any
machine that has the fonts.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OFFICE_SCREEN = {"name": "office", "x": 0, "y": 0, "width": 1024, "height": 768}
if "QT_QPA_PLATFORM" not in os.environ:
    _screen = Path(tempfile.mkdtemp(prefix="mohao-screen-")) / "screen.json"
    _config = {"screens": [{**OFFICE_SCREEN, "logicalDpi": 96, "dpr": 1}]}
    _screen.write_text(json.dumps(_config), "utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"

from PySide6.QtWidgets import QApplication  # noqa: E402

from mohao_desk.services.calendar import CalendarService  # noqa: E402
from mohao_desk.services.desk import Desk  # noqa: E402
from mohao_desk.services.setup import OfficerInput, init_unit  # noqa: E402
from mohao_desk.store.db import open_database  # noqa: E402


def main(out: Path, all_tabs: bool) -> None:
    app = QApplication.instance() or QApplication([])
    from mohao_desk.ui.settings_dialog import SettingsDialog

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        os.environ["MOHAO_DESK_HOME"] = str(home / "home")
        db = open_database(home / "desk.sqlite3")
        init_unit(
            db,
            code="000.17.22.H56",
            name="Ủy ban nhân dân phường Bần Yên Nhân",
            parent_name="Ủy ban nhân dân thị xã Mỹ Hào",
            place_name="Mỹ Hào",
            officers=[
                OfficerInput("motcua", "Nguyễn Thị Hồng Nhung", "Công chức Một cửa"),
                OfficerInput("tuphap", "Trần Văn Đức", "Công chức Tư pháp - Hộ tịch"),
            ],
        )
        CalendarService(db).set_override(
            date(2024, 5, 2), working=False, note="Nghỉ bổ sung theo thông báo của tỉnh"
        )
        desk = Desk(db, clock=lambda: datetime(2024, 4, 26, 9, 0))
        dialog = SettingsDialog(desk, synchronous=True)
        dialog.show()
        app.processEvents()
        for index in range(dialog.tabs.count()):
            dialog.tabs.setCurrentIndex(index)
            app.processEvents()
            if all_tabs:
                dialog.grab().save(str(out / f"settings-{index + 1}.png"))
            if dialog.tabs.widget(index) is dialog.catalog_tab:
                dialog.grab().save(str(out / "settings.png"))
        dialog.close()
        db.close()


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(Path(args[0]) if args else ROOT / "docs" / "screenshots", "--all-tabs" in sys.argv)
