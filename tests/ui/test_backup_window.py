"""Backups in the window (issue 11): "Sao lưu ngay" and "Phục hồi từ bản sao lưu…" in the
Hệ thống menu, clicked; an automatic backup when the window closes; the demo banner."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu

from mohao_desk.services import backup
from mohao_desk.services.desk import Desk
from mohao_desk.ui.main_window import MainWindow


def _click_menu(window: MainWindow, title: str, action) -> None:  # type: ignore[no-untyped-def]
    (menu,) = [m for m in window.menuBar().findChildren(QMenu) if m.title() == title]
    menu.popup(window.mapToGlobal(window.rect().center()))
    QTest.qWaitForWindowExposed(menu)
    assert action in menu.actions() and action.isEnabled()
    QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def test_back_up_then_restore_from_the_menu(
    qtbot, desk: Desk, message_boxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = desk.register(procedure_code="2.000815", applicant_name="Nguyễn Văn An").summary.code
    window = MainWindow(desk, synchronous=True)
    qtbot.addWidget(window)
    window.show()
    _click_menu(window, "H&ệ thống", window.backup_action)
    (made,) = backup.backup_folder(desk.db).glob("*.sqlite3")
    assert message_boxes.texts("information")[-1] == f"Đã sao lưu và kiểm tra: {made}"

    later = desk.register(procedure_code="2.000815", applicant_name="Lê Thị Sau").summary.code
    monkeypatch.setattr(
        "PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *a, **k: (str(made), "")
    )
    _click_menu(window, "H&ệ thống", window.restore_action)
    question = message_boxes.texts("question")[-1]
    assert made.name in question and "sao lưu trước" in question
    done = message_boxes.texts("information")[-1]
    assert done.startswith("Đã phục hồi 1 hồ sơ. Dữ liệu trước khi phục hồi: ")
    codes = {s.code for s in desk.list("all")}
    assert kept in codes and later not in codes  # the database is the backup's again
    safety = Path(done.rsplit(": ", 1)[1])  # what was there before is in a backup
    assert safety.exists() and later in {s.code for s in Desk(_open(safety)).list("all")}
    assert window.model.rowCount() == 1  # the board shows the restored data
    window.close()


def test_closing_the_window_makes_the_days_backup(qtbot, desk: Desk) -> None:
    window = MainWindow(desk, synchronous=True)
    qtbot.addWidget(window)
    window.show()
    assert not backup.backup_folder(desk.db).exists()
    window.close()
    (made,) = backup.backup_folder(desk.db).glob("*.sqlite3")
    assert backup.snapshot.check_file(made).ok


def _open(path: Path):  # type: ignore[no-untyped-def]
    from mohao_desk.store.db import open_database

    return open_database(path, create=False)


def test_demo_data_says_so_on_the_board(qtbot, desk: Desk, new_database) -> None:
    from mohao_desk.services.demo import fill_demo
    from mohao_desk.store.db import open_database

    own = MainWindow(desk, synchronous=True)
    qtbot.addWidget(own)
    own.show()
    assert not own.demo_banner.isVisible()  # the unit's own data: no banner
    own.close()
    demo_db = open_database(new_database("demo"))
    try:
        fill_demo(demo_db, dossiers=20, seed=1)
        window = MainWindow(Desk(demo_db), synchronous=True)
        qtbot.addWidget(window)
        window.show()
        assert window.demo_banner.isVisible()
        assert window.demo_banner.text().startswith("DỮ LIỆU MẪU")
        window.close()
    finally:
        demo_db.close()
