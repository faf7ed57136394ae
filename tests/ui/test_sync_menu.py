"""The desk window's sync actions, clicked: export a signed package into the folder the officer
chooses, import the upstream office's package, refuse a tampered one with a message."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from mohao_desk.services import sync
from mohao_desk.services.calendar import CalendarService
from mohao_desk.services.desk import Desk
from mohao_desk.services.setup import open_unit_database
from mohao_desk.ui.main_window import MainWindow
from tests.conftest import FakeClock
from tests.ui.dialog_helpers import click_action


def test_export_then_import_upstream_config(
    qtbot, db, tmp_path: Path, monkeypatch, message_boxes
) -> None:
    desk = Desk(db, clock=FakeClock(datetime(2026, 11, 26, 9, 0)))
    desk.register(procedure_code="2.000815", applicant_name="Trần Văn Hải")
    window = MainWindow(desk, synchronous=True)
    qtbot.addWidget(window)
    window.show()

    outbox = tmp_path / "usb"
    outbox.mkdir()
    asked: list[str] = []

    def choose_folder(parent, caption, *args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(caption)
        return str(outbox)

    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getExistingDirectory", choose_folder)
    click_action(qtbot, window, window.export_action)
    assert asked == ["Chọn thư mục lưu gói gửi cấp trên"]
    packages = sorted(outbox.glob("*.mhd"))
    assert [p.name for p in packages] == ["000.17.22.H56_000001.mhd"]
    assert "Đã xuất gói số 1 (1 hồ sơ)" in message_boxes.texts("information")[-1]

    # A file of the next package's name already there (a desk restored from a backup): the
    # export refuses, says so, and leaves the file alone.
    taken = outbox / "000.17.22.H56_000002.mhd"
    taken.write_bytes(b"someone else's package")
    click_action(qtbot, window, window.export_action)
    assert "000.17.22.H56_000002.mhd" in message_boxes.texts("warning")[-1]
    assert taken.read_bytes() == b"someone else's package"
    taken.unlink()
    message_boxes.shown.clear()

    # Cancelling the folder chooser exports nothing.
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getExistingDirectory", lambda *a, **k: "")
    click_action(qtbot, window, window.export_action)
    assert sorted(outbox.glob("*.mhd")) == packages

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

    def choose_files(path: Path):  # type: ignore[no-untyped-def]
        return lambda *args, **kwargs: ([str(path)], "Gói mohao_desk (*.mhd)")

    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileNames", choose_files(config.path))
    click_action(qtbot, window, window.import_action)
    assert message_boxes.texts("information")[-1].startswith("Đã nhập 1 gói.")
    days = dict(CalendarService(db).year(2026))
    assert "Nghỉ bổ sung" in days[datetime(2026, 12, 31).date()]
    # The open desk counts with the new day off at once (no restart).
    assert not desk.calendar.is_working_day(datetime(2026, 12, 31).date())

    # A tampered package is refused with a message that names the file; nothing changes.
    bad = tmp_path / "bad.mhd"
    data = bytearray(config.path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    bad.write_bytes(bytes(data))
    before = sync.table_dump(db)
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileNames", choose_files(bad))
    click_action(qtbot, window, window.import_action)
    warnings = message_boxes.texts("warning")
    assert len(warnings) == 1 and "bad.mhd" in warnings[0]
    assert sync.table_dump(db) == before
    window.close()


def test_the_first_export_asks_for_a_new_key_passphrase_once(
    qtbot, db, tmp_path: Path, monkeypatch, message_boxes
) -> None:
    """Issue 11: the unit's key is made encrypted with a passphrase typed twice; the session
    keeps it, so the next export does not ask again."""
    from mohao_desk.domain.package import is_encrypted
    from mohao_desk.store import queries as q
    from mohao_desk.store import sync_queries as sq
    from mohao_desk.ui.login_dialog import KeyPassphraseDialog
    from tests.ui.dialog_helpers import answer_next_dialog

    db.key_passphrase = None  # this session has not given it
    desk = Desk(db, clock=FakeClock(datetime(2026, 11, 26, 9, 0)))
    desk.register(procedure_code="2.000815", applicant_name="Trần Văn Hải")
    window = MainWindow(desk, synchronous=True)
    qtbot.addWidget(window)
    window.show()
    outbox = tmp_path / "usb"
    outbox.mkdir()
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getExistingDirectory", lambda *a, **k: str(outbox)
    )
    seen: list[str] = []

    def type_passphrase(dialog) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(dialog, KeyPassphraseDialog) and dialog.new
        seen.append(dialog.windowTitle())
        qtbot.keyClicks(dialog.first, "khoa-cua-xa")
        qtbot.keyClicks(dialog.repeat, "khoa-cua-xa")
        dialog.accept()

    answer_next_dialog(type_passphrase)
    click_action(qtbot, window, window.export_action)
    assert seen == ["Mật khẩu khóa ký"]
    assert [p.name for p in outbox.glob("*.mhd")] == ["000.17.22.H56_000001.mhd"]
    with db.read() as conn:
        assert is_encrypted(str(q.get_setting(conn, sq.PRIVATE_KEY_SETTING)))
    desk.register(procedure_code="2.000815", applicant_name="Lê Thị Hà")
    click_action(qtbot, window, window.export_action)  # no dialog: the session has it
    assert len(list(outbox.glob("*.mhd"))) == 2
