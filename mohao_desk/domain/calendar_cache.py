"""The public calendar's days, kept in the user's cache folder so that a start costs nothing.

Computing Vietnam's days off for 2015–2040 means importing the ``holidays`` package (all its
countries, ~40 ms) and letting it work out every year (~60–200 ms), then parsing and applying
the official announcements (``domain/announcements.py``, ~15 ms). Their result is small: a few
hundred days off and a few make-up working days. So it is computed once and written to
``<cache folder>/calendar-<hash of the key>.bin``, and read back in well under a millisecond.

The key says everything the result depends on: this file's format, the span of years, the
version of ``holidays``, the bytes of the shipped announcements table and the upstream office's
announcements. The unit's overrides are not in it: they are applied over the public days in
memory (microseconds), so that an administrator's new day off never costs a rebuild.

A cache file is never trusted blindly: its magic, format, size, checksum and whole key are
checked, and its days must be sorted, distinct and inside the span. Anything else (truncated,
corrupt, another key, a folder or a pipe in its place) is ignored and the days are computed
again; a file is written whole (``.part``, then renamed) or not at all, and a folder that
cannot be written only means the days are computed in memory each time.

The file: ``MAGIC`` (8 bytes), then little-endian ``uint32``s: key length, number of days off,
number of extra working days; the key (UTF-8), the days off and the extra working days as
proleptic ordinals (``uint32``), and the CRC-32 of everything before it.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import struct
import zlib
from collections.abc import Callable
from datetime import date
from functools import cache

MAGIC = b"MOHAOCAL"
FORMAT = 1  # bump when the way the public days are computed changes
MAX_FILE = 1 << 20  # a calendar file is a few kilobytes; anything bigger is not ours
_HEADER = struct.Struct("<III")
# The official announcements shipped with the program (domain/announcements.py reads them).
ANNOUNCEMENTS_RESOURCE = ("calendar", "announcements.json")

Days = tuple[frozenset[date], frozenset[date]]


@cache
def shipped_table() -> bytes:
    """The bytes of the announcements table shipped with the program (read once): straight
    from the resources folder when it is one (a source tree, a frozen bundle's folder), else
    through ``importlib.resources``. Here, not in domain/announcements.py, so that a warm start
    needs neither that module nor the parsing of the table."""
    import mohao_desk

    # An installed program (a wheel, the frozen bundle) has its resources beside its code;
    # a source tree maps them from elsewhere (pyproject.toml): then the package says where.
    folders = [os.path.join(os.path.dirname(mohao_desk.__file__ or "."), "resources")]
    if not os.path.isfile(os.path.join(folders[0], *ANNOUNCEMENTS_RESOURCE)):
        import mohao_desk.resources as package

        folders = list(getattr(package, "__path__", ()))
    for folder in folders:
        try:
            with open(os.path.join(folder, *ANNOUNCEMENTS_RESOURCE), "rb") as handle:
                return handle.read()
        except OSError:
            continue
    from importlib import resources

    target = resources.files("mohao_desk.resources")
    for part in ANNOUNCEMENTS_RESOURCE:
        target = target / part
    return target.read_bytes()


def key_for(first_year: int, last_year: int, shipped: bytes, upstream: str) -> str:
    """The cache key: what the public days of the span depend on (see the module's doc)."""
    return (
        f"mohao-calendar/{FORMAT} years={first_year}-{last_year} "
        f"holidays={holidays_version()} shipped={_digest(shipped)} "
        f"upstream={_digest(upstream.encode('utf-8'))}"
    )


def _digest(data: bytes) -> str:
    # Change detection, not security (whoever can write the cache folder can write any file):
    # length, CRC-32 and Adler-32 of the bytes.
    return f"{len(data)}.{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


_VERSION: list[str] = []


def holidays_version() -> str:
    """The installed ``holidays`` package's version, read from its distribution's folder name
    (``holidays-0.109.dist-info``) without importing the package; importing it when that
    cannot be found (an unusual installation)."""
    if not _VERSION:
        _VERSION.append(_dist_info_version() or _imported_version())
    return _VERSION[0]


def _dist_info_version() -> str | None:
    from importlib.util import find_spec

    try:
        spec = find_spec("holidays")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = os.path.dirname(os.path.abspath(next(iter(spec.submodule_search_locations))))
    try:
        names = [
            n for n in os.listdir(folder) if n.startswith("holidays-") and n.endswith(".dist-info")
        ]
    except OSError:
        return None
    if len(names) != 1:  # none, or stale ones beside the real one: ask the package itself
        return None
    version = names[0][len("holidays-") : -len(".dist-info")]
    return version if version and all(c.isalnum() or c in ".+-_" for c in version) else None


def _imported_version() -> str:
    import holidays

    return str(holidays.__version__)


def cache_file(key: str) -> str | None:
    """Where the days of ``key`` are kept; None when there is no cache folder to be had."""
    from mohao_desk.paths import cache_dir

    try:
        folder = str(cache_dir())
    except Exception:
        return None
    return os.path.join(folder, f"calendar-{zlib.crc32(key.encode('utf-8')):08x}.bin")


def encode(key: str, days_off: list[int], working: list[int]) -> bytes:
    raw_key = key.encode("utf-8")
    body = (
        MAGIC
        + _HEADER.pack(len(raw_key), len(days_off), len(working))
        + raw_key
        + struct.pack(f"<{len(days_off) + len(working)}I", *days_off, *working)
    )
    return body + struct.pack("<I", zlib.crc32(body))


def decode(data: bytes, key: str, first: int, end: int) -> tuple[list[int], list[int]] | None:
    """The (days off, extra working days) ordinals of a cache file's bytes, or None if the
    bytes are not exactly a file of ``key`` whose days lie in ``[first, end)``."""
    head = len(MAGIC) + _HEADER.size
    if len(data) < head + 4 or not data.startswith(MAGIC):
        return None
    key_len, n_off, n_work = _HEADER.unpack_from(data, len(MAGIC))
    if len(data) != head + key_len + 4 * (n_off + n_work) + 4:
        return None
    (crc,) = struct.unpack_from("<I", data, len(data) - 4)
    if zlib.crc32(memoryview(data)[:-4]) != crc:
        return None
    try:
        if data[head : head + key_len].decode("utf-8") != key:
            return None
    except UnicodeDecodeError:
        return None
    ordinals = struct.unpack_from(f"<{n_off + n_work}I", data, head + key_len)
    days_off, working = list(ordinals[:n_off]), list(ordinals[n_off:])
    for days in (days_off, working):
        if days and not (first <= days[0] and days[-1] < end):
            return None
        if any(a >= b for a, b in itertools.pairwise(days)):
            return None
    if not set(days_off).isdisjoint(working):
        return None
    return days_off, working


def read(path: str, key: str, first: int, end: int) -> Days | None:
    """The days kept in ``path`` for ``key``, or None (no file, not a regular file, too big,
    unreadable or not valid: see ``decode``)."""
    import stat

    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE:
            return None
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE + 1)
    except (OSError, ValueError):
        return None
    found = decode(data, key, first, end)
    if found is None:
        return None
    return (
        frozenset(map(date.fromordinal, found[0])),
        frozenset(map(date.fromordinal, found[1])),
    )


def write(path: str, key: str, days: Days) -> bool:
    """Keep ``days`` under ``key`` in ``path``, whole or not at all; False if it could not be
    written (the folder is read-only, the disk full …): the caller has the days anyway."""
    data = encode(
        key, sorted(d.toordinal() for d in days[0]), sorted(d.toordinal() for d in days[1])
    )
    part = f"{path}.{os.getpid()}.part"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(part, "wb") as handle:
            handle.write(data)
        os.replace(part, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(part)
        return False
    return True


def public_days(
    first_year: int,
    last_year: int,
    shipped: bytes,
    upstream: str,
    build: Callable[[], Days],
) -> Days:
    """The public days of the span from the cache file of their key, or ``build()`` them and
    keep them there."""
    key = key_for(first_year, last_year, shipped, upstream)
    first = date(first_year, 1, 1).toordinal()
    end = date(last_year, 12, 31).toordinal() + 1
    path = cache_file(key)
    if path is not None:
        found = read(path, key, first, end)
        if found is not None:
            return found
    days = build()
    if path is not None:
        write(path, key, days)
    return days
