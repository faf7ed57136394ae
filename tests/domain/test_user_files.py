"""Reading a file the user named: a regular file only, never more than the limit plus one byte
(the size on disk is not trusted), every refusal a Vietnamese message."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from mohao_desk.domain.errors import DeskError, Phrase
from mohao_desk.domain.user_files import (
    chunks,
    open_user_file,
    read_user_file,
    refuse_non_regular,
)

WHAT = Phrase("danh mục")


def test_a_file_at_the_limit_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(b"x" * 1000)
    assert read_user_file(path, 1000, WHAT) == b"x" * 1000


def test_one_byte_over_the_limit_is_refused_with_its_size(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(b"x" * 1001)
    with pytest.raises(DeskError) as caught:
        read_user_file(path, 1000, WHAT)
    assert caught.value.message == (
        f"Tệp danh mục '{path}' quá lớn (1.001 byte, tối đa 1.000 byte)."
    )


def test_a_file_that_grows_after_it_was_judged_is_cut_at_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "growing.json"
    path.write_bytes(b"x" * 10)
    read: list[bytes] = []
    with (
        pytest.raises(DeskError, match=r"quá lớn \(hơn 1.000 byte\)"),
        open_user_file(path, 1000, WHAT) as (handle, size),
    ):
        assert size == 10
        with open(path, "ab") as writer:  # another program appends meanwhile
            writer.write(b"y" * 5000)
        for chunk in chunks(handle, path, 1000, WHAT):
            read.append(chunk)
    assert sum(map(len, read)) <= 1001


def test_a_device_is_refused_unread(tmp_path: Path) -> None:
    link = tmp_path / "zero.json"
    link.symlink_to("/dev/zero")
    for call in (lambda: read_user_file(link, 10**9, WHAT), lambda: refuse_non_regular(link)):
        with pytest.raises(DeskError) as caught:
            call()
        assert "không phải tệp thông thường" in caught.value.message


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)  # no writer: a plain open() would wait for ever
    with pytest.raises(DeskError, match="không phải tệp thông thường"):
        read_user_file(fifo, 1000, WHAT)


def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    try:
        with pytest.raises(DeskError, match="không phải tệp thông thường"):
            read_user_file(path, 1000, WHAT)
    finally:
        server.close()


def test_a_folder_is_named_a_folder(tmp_path: Path) -> None:
    with pytest.raises(DeskError) as caught:
        read_user_file(tmp_path, 1000, WHAT)
    assert caught.value.message == f"'{tmp_path}' là một thư mục, không phải một tệp."
    with pytest.raises(DeskError, match="là một thư mục"):
        refuse_non_regular(tmp_path)


def test_a_missing_file_is_told_in_vietnamese(tmp_path: Path) -> None:
    with pytest.raises(DeskError) as caught:
        read_user_file(tmp_path / "none.json", 1000, WHAT)
    assert "không có tệp hoặc thư mục này" in caught.value.message
    refuse_non_regular(tmp_path / "none.json")  # left to the reader's own message
