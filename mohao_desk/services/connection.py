"""Which database this PC works on: its own file ("this PC alone") or the unit's PostgreSQL
server. The choice is a small file in the user's data folder (``connection.json``: host, port,
database, user, never the password); the password is kept in the operating system's credential
store through ``keyring`` (Windows Credential Manager, the macOS keychain, the Secret Service on
Linux), never in a plain file. A server is tried (connected, migrated) before it is saved.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from mohao_desk.domain.errors import DeskError, Phrase
from mohao_desk.domain.user_files import read_user_file
from mohao_desk.paths import data_dir

SERVICE = "mohao_desk"
CONNECTION_FILE = "connection.json"
MAX_FILE_BYTES = 4096
_NAME = re.compile(r"^[A-Za-z0-9_.\-]{1,63}$")
_HOST = re.compile(r"^(/[^\0]{0,200}|[A-Za-z0-9.\-:\[\]]{1,253})$")


@dataclass(frozen=True)
class ServerSettings:
    host: str
    port: int
    database: str
    user: str

    @property
    def key(self) -> str:
        """The credential store's entry name for this server's password."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    def url(self, password: str | None) -> str:
        from mohao_desk.store.db import server_url

        return server_url(self.host, self.port, self.database, self.user, password)

    def shown(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.database}"


def check_server(host: str, port: int | str, database: str, user: str) -> ServerSettings:
    """The server's settings as typed, checked (one clear message for the first wrong one)."""
    host, database, user = host.strip(), database.strip(), user.strip()
    if not host or not _HOST.match(host):
        raise DeskError("Tên hoặc địa chỉ máy chủ '{host}' không hợp lệ.", host=host)
    try:
        number = int(str(port).strip())
    except ValueError:
        raise DeskError("Cổng '{port}' phải là một số từ 1 đến 65535.", port=port) from None
    if not 1 <= number <= 65535:
        raise DeskError("Cổng '{port}' phải là một số từ 1 đến 65535.", port=port)
    if not _NAME.match(database):
        raise DeskError(
            "Tên cơ sở dữ liệu '{name}' không hợp lệ (chữ không dấu, số, '_', '.', '-').",
            name=database,
        )
    if not _NAME.match(user):
        raise DeskError(
            "Tên người dùng '{name}' không hợp lệ (chữ không dấu, số, '_', '.', '-').", name=user
        )
    return ServerSettings(host, number, database, user)


def _file() -> Path:
    return data_dir() / CONNECTION_FILE


def saved_server() -> ServerSettings | None:
    """The server this PC was set to work on, or ``None`` (its own file). A damaged file is
    refused with a message, never half-read."""
    path = _file()
    if not path.exists():
        return None
    try:
        raw = json.loads(read_user_file(path, MAX_FILE_BYTES, Phrase("thiết lập kết nối")))
        if not isinstance(raw, dict) or raw.get("kind") != "server":
            raise ValueError("not a server")
        return check_server(raw["host"], raw["port"], raw["database"], raw["user"])
    except (OSError, ValueError, KeyError, TypeError, RecursionError, DeskError):
        raise DeskError(
            "Tệp thiết lập kết nối '{path}' bị hỏng: xóa tệp đó rồi mở lại chương trình để "
            "chọn lại cơ sở dữ liệu.",
            path=path,
        ) from None


def server_password(settings: ServerSettings) -> str | None:
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(SERVICE, settings.key)
    except KeyringError:
        return None


def try_server(settings: ServerSettings, password: str) -> None:
    """Connect to the server (creating the tables on a new database): any failure is the
    store's clear message, and nothing is saved."""
    from mohao_desk.store.db import open_database

    open_database(settings.url(password)).close()


def save_server(settings: ServerSettings, password: str) -> None:
    """Try the server, keep its password in the credential store, then write the choice."""
    import keyring
    from keyring.errors import KeyringError

    try_server(settings, password)
    try:
        keyring.set_password(SERVICE, settings.key, password)
    except KeyringError as exc:
        raise DeskError(
            "Không cất được mật khẩu vào kho mật khẩu của hệ điều hành ({error}): chưa lưu "
            "kết nối.",
            error=type(exc).__name__,
        ) from None
    path = _file()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(json.dumps({"kind": "server", **asdict(settings)}, indent=2), "utf-8")
    os.replace(tmp, path)


def saved_server_url() -> str | None:
    """The URL (with the stored password) of the saved server; ``None`` without one. A server
    whose password is not in the credential store any more is refused with a message."""
    settings = saved_server()
    if settings is None:
        return None
    password = server_password(settings)
    if password is None:
        raise DeskError(
            "Không tìm thấy mật khẩu của máy chủ {server} trong kho mật khẩu của hệ điều hành: "
            "xóa tệp '{path}' rồi mở lại chương trình để nhập lại.",
            server=settings.shown(),
            path=_file(),
        )
    return settings.url(password)
