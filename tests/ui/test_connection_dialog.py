"""First run on a PC of a unit with a server: "Máy chủ của đơn vị", the server's details, a
connection test, and the choice saved without the password (which goes to the credential
store). The real private PostgreSQL cluster; keyring with an in-memory backend (the machine
has no credential store), and with the machine's own failing backend."""

from __future__ import annotations

import json
from collections.abc import Iterator

import keyring
import keyring.backend
import pytest
from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import make_url

from mohao_desk.domain.errors import DeskError
from mohao_desk.paths import data_dir
from mohao_desk.services import connection
from mohao_desk.store.db import open_database
from mohao_desk.ui.server_dialog import ConnectionDialog
from tests.ui.dialog_helpers import type_text


class MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.saved: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, username: str, password: str) -> None:
        self.saved[(service, username)] = password

    def get_password(self, service: str, username: str) -> str | None:
        return self.saved.get((service, username))

    def delete_password(self, service: str, username: str) -> None:
        self.saved.pop((service, username), None)


@pytest.fixture(scope="module")
def backend() -> str:
    return "postgresql"


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    store = MemoryKeyring()
    keyring.set_keyring(store)
    yield store
    keyring.set_keyring(before)


def _fill(dialog: ConnectionDialog, url: str, database: str | None = None) -> None:
    parts = make_url(url)
    QTest.mouseClick(dialog.server, Qt.MouseButton.LeftButton)
    assert dialog.server_box.isEnabled()
    dialog.host_edit.clear()
    type_text(dialog.host_edit, str(parts.query["host"]))
    dialog.port_spin.setValue(int(str(parts.query["port"])))
    dialog.database_edit.clear()
    type_text(dialog.database_edit, database or str(parts.database))
    type_text(dialog.user_edit, str(parts.username))
    type_text(dialog.password_edit, "mat-khau-thu")


def test_the_unit_server_is_tried_then_saved_without_its_password(
    qtbot, new_database, memory_keyring: MemoryKeyring
) -> None:
    url = new_database(migrated=False)  # as the ward's IT person created it: empty
    dialog = ConnectionDialog(synchronous=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.server_box.isEnabled()  # "this PC alone" by default
    _fill(dialog, url)
    QTest.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert dialog.banner.text() == "Kết nối được máy chủ."
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == ConnectionDialog.DialogCode.Accepted
    assert dialog.server_url is not None
    saved = json.loads((data_dir() / "connection.json").read_text(encoding="utf-8"))
    assert "mat-khau-thu" not in json.dumps(saved) and saved["kind"] == "server"
    assert list(memory_keyring.saved.values()) == ["mat-khau-thu"]
    # Next start: the saved server, with the password from the credential store.
    again = connection.saved_server_url()
    assert again == dialog.server_url
    open_database(again).close()


def test_a_wrong_database_is_refused_and_nothing_is_saved(
    qtbot, new_database, memory_keyring: MemoryKeyring
) -> None:
    url = new_database()
    dialog = ConnectionDialog(synchronous=True)
    qtbot.addWidget(dialog)
    dialog.show()
    _fill(dialog, url, database="khong_co_csdl_nay")
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.banner.text()
    assert "khong_co_csdl_nay" in dialog.banner.text()
    assert not (data_dir() / "connection.json").exists() and not memory_keyring.saved
    dialog.close()


def test_without_a_credential_store_nothing_is_saved(qtbot, new_database) -> None:
    # keyring's backend when the system has no credential store (this machine's own).
    from keyring.backends import fail

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        _refused_without_store(qtbot, new_database())
    finally:
        keyring.set_keyring(before)


def _refused_without_store(qtbot, url: str) -> None:  # type: ignore[no-untyped-def]
    dialog = ConnectionDialog(synchronous=True)
    qtbot.addWidget(dialog)
    dialog.show()
    _fill(dialog, url)
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.banner.text().startswith("Không cất được mật khẩu vào kho mật khẩu")
    assert not (data_dir() / "connection.json").exists()
    dialog.close()


def test_a_damaged_connection_file_is_refused_with_a_message() -> None:
    path = data_dir() / "connection.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    for content in ('{"kind": "server", "host": "x"}', "không phải JSON", '{"kind": "server", '
                    '"host": "h", "port": 99999, "database": "d", "user": "u"}'):  # fmt: skip
        path.write_text(content, encoding="utf-8")
        with pytest.raises(DeskError, match="bị hỏng"):
            connection.saved_server()


def test_first_run_asks_where_the_data_lives(qtbot, monkeypatch) -> None:
    """No data file and no saved server: the choice comes first; "Máy này dùng riêng" goes on
    to the unit set-up on this PC's own file (cancelled here: nothing is left behind)."""
    from PySide6.QtWidgets import QDialog

    from mohao_desk.paths import default_db_path
    from mohao_desk.ui import app
    from tests.ui.dialog_helpers import answer_next_dialog

    asked: list[str] = []

    def alone(dialog) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(dialog, ConnectionDialog)
        asked.append(dialog.windowTitle())
        QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    monkeypatch.setattr(app.SetupDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    locale, names = QLocale(), (qapp.applicationName(), qapp.applicationDisplayName())
    native = qapp.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    answer_next_dialog(alone)
    try:
        assert app.run_gui() == 1
    finally:  # run_gui set up the application: leave it as the other tests expect
        for translator in qapp.findChildren(QTranslator):
            qapp.removeTranslator(translator)
            translator.deleteLater()
        QLocale.setDefault(locale)
        qapp.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, native)
        qapp.setApplicationName(names[0])
        qapp.setApplicationDisplayName(names[1])
    assert asked == ["Chọn nơi lưu dữ liệu"]
    assert not default_db_path().exists()
