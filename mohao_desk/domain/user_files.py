"""Reading a file the user named (a catalog, a key, a scan, a settings file): hostile input
until read.

The size on disk is no bound: a link to ``/dev/zero`` or a FIFO has size 0 and never ends, a
file can grow between ``stat`` and ``read``. So the file is opened without blocking (a FIFO
with no writer would wait for ever), judged by what the *open descriptor* is (a regular file,
not a folder, a device, a FIFO or a socket), and read to at most ``limit + 1`` bytes: one more
than allowed says "too big" without reading the rest. Every failure is a :class:`DeskError` in
Vietnamese; nothing here knows Qt or SQL.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from mohao_desk.domain.errors import DeskError, Phrase
from mohao_desk.domain.os_errors import os_error
from mohao_desk.domain.text import group_digits

_CHUNK = 1 << 20
# POSIX: an open that never waits (a FIFO without a writer); no effect on a regular file.
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation


def too_big(path: Path | str, what: Phrase, limit: int, size: int | None = None) -> DeskError:
    """The message of a file over ``limit`` bytes (``size`` when it is known)."""
    if size is None:
        return DeskError(
            "Tệp {what} '{path}' quá lớn (hơn {limit} byte).",
            what=what,
            path=path,
            limit=group_digits(limit),
        )
    return DeskError(
        "Tệp {what} '{path}' quá lớn ({size} byte, tối đa {limit} byte).",
        what=what,
        path=path,
        size=group_digits(size),
        limit=group_digits(limit),
    )


def _kind_error(path: Path | str, mode: int) -> DeskError | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return DeskError("'{path}' là một thư mục, không phải một tệp.", path=path)
    return DeskError(
        "'{path}' không phải tệp thông thường (mà là thiết bị, ống dẫn hoặc socket): chương "
        "trình không đọc.",
        path=path,
    )


def refuse_non_regular(path: Path | str) -> None:
    """Refuse ``path`` if it is a folder, a device, a FIFO or a socket (links followed), before
    a reader that trusts the size on disk opens it. Opens nothing; a missing or unreadable file
    is left to the reader's own message."""
    try:
        info = os.stat(path)
    except OSError:
        return
    error = _kind_error(path, info.st_mode)
    if error is not None:
        raise error


@contextmanager
def open_user_file(path: Path | str, limit: int, what: Phrase) -> Iterator[tuple[BinaryIO, int]]:
    """The open file and its size at opening, after the checks above on the descriptor itself
    (what was opened is what was judged). The reader must still stop at ``limit + 1`` bytes:
    the file may grow."""
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | _BINARY)
    except OSError as exc:
        refuse_non_regular(path)  # a folder, a socket (ENXIO): say what it is
        raise DeskError(
            "Không đọc được tệp {what} '{path}': {error}.",
            what=what,
            path=path,
            error=os_error(exc),
        ) from None
    try:
        info = os.fstat(fd)
        error = _kind_error(path, info.st_mode)
        if error is not None:
            raise error
        if info.st_size > limit:
            raise too_big(path, what, limit, info.st_size)
        if _NONBLOCK:
            os.set_blocking(fd, True)
        handle = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with handle:
        yield handle, info.st_size


def read_user_file(path: Path | str, limit: int, what: Phrase) -> bytes:
    """The whole content of ``path``, at most ``limit`` bytes, or a clear message: not a regular
    file, too big (counted as read, not trusted from the disk), or unreadable. ``what`` names
    the file in messages ("danh mục", "khóa")."""
    with open_user_file(path, limit, what) as (handle, _size):
        return b"".join(chunks(handle, path, limit, what))


def chunks(handle: BinaryIO, path: Path | str, limit: int, what: Phrase) -> Iterator[bytes]:
    """The content of an opened user file in pieces, refused (too big) as soon as it passes
    ``limit`` bytes, however it grows after it was judged."""
    total = 0
    while True:
        try:
            chunk = handle.read(min(_CHUNK, limit + 1 - total))
        except OSError as exc:
            raise DeskError(
                "Không đọc được tệp {what} '{path}': {error}.",
                what=what,
                path=path,
                error=os_error(exc),
            ) from None
        if not chunk:
            return
        total += len(chunk)
        if total > limit:
            raise too_big(path, what, limit)
        yield chunk
