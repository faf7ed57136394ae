"""File errors are told in Vietnamese (the system's strerror is English on most office PCs),
and a damaged package is described without the zip library's English."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.os_errors import os_error
from mohao_desk.services import sync


@pytest.mark.parametrize(
    ("code", "text"),
    [
        (errno.ENOENT, "không có tệp hoặc thư mục này"),
        (errno.EACCES, "không có quyền truy cập"),
        (errno.ENOSPC, "ổ đĩa đã đầy"),
        (errno.EIO, f"lỗi hệ thống, mã {errno.EIO}"),
    ],
)
def test_os_error_in_our_words(code: int, text: str) -> None:
    phrase = os_error(OSError(code, "English words"))
    assert phrase.template.format(**phrase.params) == text


def test_export_into_a_folder_that_cannot_be_made_says_so_in_vietnamese(db, tmp_path: Path) -> None:
    blocker = tmp_path / "usb.txt"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(DeskError) as caught:
        sync.export_desk_package(db, blocker / "goi")
    message = caught.value.message
    assert "directory" not in message.lower() and "file exists" not in message.lower()
    assert "usb.txt" in message


def test_a_truncated_package_is_described_without_english(db, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    package = sync.export_desk_package(db, out).path
    truncated = tmp_path / "cut.mhd"
    truncated.write_bytes(package.read_bytes()[:200])
    upstream_db_path = tmp_path / "tinh.sqlite3"
    from mohao_desk.services.setup import open_unit_database

    upstream = open_unit_database(upstream_db_path)
    sync.init_upstream(upstream)
    with pytest.raises(DeskError) as caught:
        sync.import_packages(upstream, [truncated])
    message = caught.value.message
    assert "cut.mhd" in message and "zip" not in message.lower()
