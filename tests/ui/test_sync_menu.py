"""The desk window's sync actions: export a signed package, import the upstream's package."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from mohao_desk.services import sync
from mohao_desk.services.calendar import CalendarService
from mohao_desk.services.desk import Desk
from mohao_desk.services.setup import open_unit_database
from mohao_desk.ui.main_window import MainWindow
from tests.conftest import FakeClock


def test_export_then_import_upstream_config(qtbot, db, tmp_path: Path) -> None:
    desk = Desk(db, clock=FakeClock(datetime(2026, 11, 26, 9, 0)))
    desk.register(procedure_code="2.000815", applicant_name="Trần Văn Hải")
    window = MainWindow(desk, synchronous=True)
    qtbot.addWidget(window)
    window.show()

    outbox = tmp_path / "usb"
    outbox.mkdir()
    window.export_package(str(outbox))
    packages = sorted(outbox.glob("*.mhd"))
    assert [p.name for p in packages] == ["000.17.22.H56_000001.mhd"]
    assert "Đã xuất gói số 1 (1 hồ sơ)" in window.last_message

    # The upstream office trusts the desk, imports its package, sends a config package back.
    upstream = open_unit_database(tmp_path / "upstream.sqlite3")
    sync.init_upstream(upstream)
    sync.trust(upstream, sync.export_public_key(db, tmp_path / "desk.key").path)
    report = sync.import_packages(upstream, packages)
    assert report.dossiers_new == 1
    CalendarService(upstream).set_override(
        datetime(2026, 12, 31).date(), working=False, note="Nghỉ bổ sung"
    )
    config_dir = tmp_path / "config"
    config_dir.mkdir()
    config = sync.export_config_package(upstream, config_dir)
    sync.trust(db, sync.export_public_key(upstream, tmp_path / "upstream.key").path)

    window.import_packages([str(config.path)])
    assert window.last_message.startswith("Đã nhập 1 gói.")
    days = dict(CalendarService(db).year(2026))
    assert "Nghỉ bổ sung" in days[datetime(2026, 12, 31).date()]

    # A tampered package is refused with a message; nothing changes.
    bad = tmp_path / "bad.mhd"
    data = bytearray(config.path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    bad.write_bytes(bytes(data))
    shown: list[str] = []
    window.show_error = lambda exc: shown.append(str(exc))  # type: ignore[method-assign]
    window.import_packages([str(bad)])
    assert shown and "bad.mhd" in shown[0]
    window.close()
