"""A digitized file opens from the dossier page (issue 10): on a unit's server, the processing
officer's PC opens the scan the counter's PC made. A PDF opens in the program's own preview;
another kind (a photo) with the PC's viewer."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest

from mohao_desk.domain.lifecycle import Act
from mohao_desk.services.desk import Desk
from mohao_desk.services.documents import DocumentService
from mohao_desk.store.db import Database, open_database
from mohao_desk.ui.dossier import DossierDialog
from tests.conftest import FakeClock
from tests.ui.dialog_helpers import close, close_previews, drop_files, open_previews


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_the_scan_one_pc_made_opens_on_another(
    qtbot, desk: Desk, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = desk.register(procedure_code="1.004873", applicant_name="Nguyễn Văn An").summary.code
    scan = tmp_path / "don-de-nghi.pdf"
    scan.write_bytes(DocumentService(desk).render("receipt", code))  # a real PDF
    counter = DossierDialog(desk, code, officer="motcua", synchronous=True)
    counter.show()
    row = counter.component_rows[0]
    assert row.open_button.isHidden()  # nothing to open yet
    drop_files(row, [scan])
    assert not row.open_button.isHidden()
    close(counter)
    scan.unlink()

    # The processing officer's PC: its own data folder, the same database.
    monkeypatch.setenv("MOHAO_DESK_HOME", str(tmp_path / "other-pc"))
    other = open_database(db.target)
    try:
        there = Desk(other, clock=FakeClock(datetime(2024, 4, 26, 10, 0)))
        page = DossierDialog(there, code, officer="tuphap", synchronous=True)
        page.show()
        button = page.component_rows[0].open_button
        assert button.isVisible() and button.text() == "Mở tệp"
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        (preview,) = open_previews()
        assert preview.windowTitle() == f"don-de-nghi.pdf — {code}"
        close_previews()

        # A photo of the result opens with the PC's viewer (asked through Qt).
        QTest.mouseClick(page.act_buttons[Act.RESOLVE], Qt.MouseButton.LeftButton)
        QTest.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
        photo = tmp_path / "ket-qua.jpg"
        photo.write_bytes(b"\xff\xd8\xff\xe0 a photo of the result")
        drop_files(page.result_row, [photo])
        opened: list[str] = []
        monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
        QTest.mouseClick(page.result_row.open_button, Qt.MouseButton.LeftButton)
        (url,) = opened
        written = Path(url.toLocalFile())
        assert written.name == "ket-qua.jpg"
        assert written.read_bytes() == photo.read_bytes()
        close(page)
    finally:
        other.close()
