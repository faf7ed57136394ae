"""Rebuild docs/screenshots/registration.png and docs/screenshots/dossier.png from scratch.

    .venv/bin/python scripts/screenshot_dialogs.py [OUT_DIR]

A throwaway database in a temporary folder, a fixed clock, offscreen Qt: the pictures come out
the same on any machine that has the fonts (DejaVu Sans is what Qt picks on Debian).
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from screen_setup import picture, setup  # noqa: E402

SCREEN = setup(__file__)
if SCREEN is None:
    sys.exit(0)
SIZE, ARGS = SCREEN

from PySide6.QtWidgets import QApplication  # noqa: E402

from mohao_desk.services.desk import Desk  # noqa: E402
from mohao_desk.services.setup import OfficerInput, init_unit  # noqa: E402
from mohao_desk.store.db import open_database  # noqa: E402


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def main(out: Path) -> None:
    app = QApplication.instance() or QApplication([])
    from mohao_desk.ui.dossier import DossierDialog
    from mohao_desk.ui.register_dialog import RegisterDialog

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
        clock = Clock(datetime(2024, 5, 2, 8, 15))
        desk = Desk(db, clock=clock)
        scan = home / "to-khai-ket-hon.pdf"
        scan.write_bytes(b"%PDF-1.4 scan")

        # Registration: typed without diacritics, applicant filled, a scan attached.
        dialog = RegisterDialog(desk, officer="motcua", synchronous=True)
        dialog.show()
        dialog.procedure_search.setText("dang ky ket hon")
        dialog.name_edit.setText("Phạm Quang Huy")
        dialog.address_edit.setText("Thôn Nguyễn Xá, phường Bần Yên Nhân, thị xã Mỹ Hào")
        dialog.phone_edit.setText("0986 123 456")
        dialog.id_edit.setText("033095004321")
        dialog.verification_check.setChecked(True)
        dialog.rows[0].set_file(scan)
        dialog.name_edit.setFocus()
        app.processEvents()
        dialog.grab().save(str(picture(out, "registration", SIZE)))
        dialog.done(0)  # close() would ask whether to discard what was typed

        # A dossier in its life: handed over, scanned, a supplement asked and received, now
        # less than a working day from its due moment (amber).
        code = desk.register(
            procedure_code="1.004873",
            applicant_name="Nguyễn Văn An",
            phone="0912 345 678",
            address="Khu phố Bần, phường Bần Yên Nhân, thị xã Mỹ Hào",
            by="motcua",
        ).summary.code
        desk.digitize(code, file=scan, component=1, by="motcua")
        clock.now = datetime(2024, 5, 2, 9, 30)
        desk.handover(code, to="tuphap", body="Công chức Tư pháp - Hộ tịch", by="motcua")
        clock.now = datetime(2024, 5, 2, 14, 0)
        desk.request_supplement(
            code,
            missing=["Giấy xác nhận nơi cư trú", "Bản sao trích lục ghi chú ly hôn|copy|1"],
            reason="Chưa có giấy tờ chứng minh nơi cư trú",
            by="tuphap",
        )
        clock.now = datetime(2024, 5, 3, 8, 0)
        desk.receive_supplement(code, note="Ông An nộp bổ sung tại Bộ phận Một cửa", by="motcua")
        clock.now = datetime(2024, 5, 6, 10, 0)
        dialog = DossierDialog(desk, code, officer="tuphap", synchronous=True)
        dialog.show()
        app.processEvents()
        dialog.grab().save(str(picture(out, "dossier", SIZE)))
        dialog.close()
        app.processEvents()
        db.close()


if __name__ == "__main__":
    main(Path(ARGS[0]) if ARGS else ROOT / "docs" / "screenshots")
