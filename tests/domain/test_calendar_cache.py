"""The public calendar kept in the cache folder (domain/calendar_cache.py): the same days as
computed afresh, rebuilt when its key changes or its file is not exactly right, and never
needed to work."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from mohao_desk.domain import calendar as cal
from mohao_desk.domain import calendar_cache as cc
from mohao_desk.domain.announcements import Announcement, shipped_table
from mohao_desk.domain.calendar import (
    CalendarOverride,
    WorkCalendar,
    build_public_days,
    vietnam_calendar,
    vietnam_public_days,
)

ROOT = Path(__file__).resolve().parents[2]
FIRST, LAST = 2015, 2040
START, END = date(FIRST, 1, 1).toordinal(), date(LAST, 12, 31).toordinal() + 1

UPSTREAM = (
    Announcement(date(2031, 3, 3), False, "Ngày nghỉ thêm", "1/VPCP", date(2031, 1, 5)),
    Announcement(date(2031, 3, 8), True, "Làm bù", "1/VPCP", date(2031, 1, 5)),
)


@pytest.fixture(autouse=True)
def _fresh_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts with nothing remembered in the process: only the file can help."""
    monkeypatch.setattr(cal, "_PUBLIC_CACHE", {})


def _files() -> list[Path]:
    folder = Path(os.environ["MOHAO_DESK_CACHE"])
    return sorted(folder.glob("calendar-*.bin")) if folder.exists() else []


def _reference_working(days_off: frozenset[date], extra: frozenset[date], day: date) -> bool:
    """The day-by-day rule the calendar's tables encode."""
    if day in extra:
        return True
    if day in days_off:
        return False
    return day.weekday() < 5


def _every_day() -> list[date]:
    return [date.fromordinal(o) for o in range(START, END)]


@pytest.mark.parametrize("upstream", [(), UPSTREAM], ids=["shipped", "with-upstream"])
def test_cached_days_equal_the_fresh_ones_2015_2040(upstream: tuple[Announcement, ...]) -> None:
    fresh = build_public_days(FIRST, LAST, upstream)
    first = vietnam_public_days(FIRST, LAST, upstream)  # computes and writes the file
    assert len(_files()) == 1
    cal._PUBLIC_CACHE.clear()
    again = vietnam_public_days(FIRST, LAST, upstream)  # read from the file
    assert first == fresh
    assert again == fresh
    assert len(fresh[0]) > 300 and fresh[1]  # the real calendar, not an empty one


def test_cached_calendar_equals_the_fresh_one_every_day() -> None:
    overrides = [
        CalendarOverride(date(2027, 6, 7), False, "bão"),
        CalendarOverride(date(2027, 6, 12), True, "làm thêm"),
        CalendarOverride(date(2026, 1, 1), True, "trực"),  # a public day off, worked here
    ]
    vietnam_calendar(overrides)  # writes the file
    cal._PUBLIC_CACHE.clear()
    cached = vietnam_calendar(overrides)
    off, extra = build_public_days(FIRST, LAST)
    off = (off | {date(2027, 6, 7)}) - {date(2027, 6, 12), date(2026, 1, 1)}
    extra = (extra - {date(2027, 6, 7)}) | {date(2027, 6, 12), date(2026, 1, 1)}
    assert cached.days_off == off and cached.extra_working_days == extra
    count = 0
    for day in _every_day():
        working = _reference_working(off, extra, day)
        assert cached.is_working_day(day) is working, day
        count += working
        # The prefix counts and the k-th working day agree with the day-by-day rule.
        assert cached.working_days_between(date(FIRST, 1, 1), day) == count - (
            1 if _reference_working(off, extra, date(FIRST, 1, 1)) else 0
        )
    assert len(cached._work_ordinals) == count
    assert cached.next_working_day(date(2027, 6, 11)) == date(2027, 6, 12)
    assert not cached.is_working_day(date(2027, 6, 7))


def test_tables_match_the_day_by_day_rule_on_a_small_span() -> None:
    """The vectorised tables against a day-by-day loop, for a span starting on every weekday."""
    for first_year in range(2017, 2024):
        off = frozenset(
            {date(first_year, 1, 2), date(first_year, 1, 7), date(first_year + 1, 5, 1)}
        )
        extra = frozenset({date(first_year, 1, 7), date(first_year, 3, 4), date(1999, 1, 1)})
        c = WorkCalendar(days_off=off, extra_working_days=extra, first_year=first_year,
                         last_year=first_year + 1)  # fmt: skip
        is_work, cum, ordinals = [], [], []
        day = date(first_year, 1, 1)
        while day.year <= first_year + 1:
            w = _reference_working(off, extra, day)
            cum.append(len(ordinals))
            is_work.append(w)
            if w:
                ordinals.append(day.toordinal())
            day += timedelta(days=1)
        assert c._is_work == is_work
        assert c._cum == cum
        assert c._work_ordinals == ordinals


def test_a_warm_cache_does_not_import_holidays(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from mohao_desk.domain.calendar import vietnam_calendar\n"
        "from datetime import date\n"
        "c = vietnam_calendar()\n"
        "print(c.is_working_day(date(2026, 1, 2)), 'holidays' in sys.modules)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MOHAO_DESK_CACHE": str(tmp_path / "c")}
    run = [sys.executable, "-c", code]
    cold = subprocess.run(run, env=env, capture_output=True, text=True, check=True).stdout
    warm = subprocess.run(run, env=env, capture_output=True, text=True, check=True).stdout
    assert cold.split() == ["False", "True"]  # 02/01/2026: the announced New Year day off
    assert warm.split() == ["False", "False"]


class _Counting:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> cc.Days:
        self.calls += 1
        return build_public_days(FIRST, LAST)


def _days(upstream: str = "", shipped: bytes | None = None) -> tuple[cc.Days, int]:
    build = _Counting()
    days = cc.public_days(FIRST, LAST, shipped_table() if shipped is None else shipped,
                          upstream, build)  # fmt: skip
    return days, build.calls


def test_the_cache_is_used_and_a_changed_key_rebuilds(monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = build_public_days(FIRST, LAST)
    assert _days() == (fresh, 1)
    assert _days() == (fresh, 0)  # from the file
    # Another holidays version, another shipped table, other upstream announcements: each is
    # another key, computed again (and kept beside the first).
    monkeypatch.setattr(cc, "_VERSION", ["0.0-test"])
    assert _days() == (fresh, 1)
    assert _days() == (fresh, 0)
    assert _days(shipped=shipped_table() + b" ") == (fresh, 1)
    assert _days(upstream=repr(UPSTREAM)) == (fresh, 1)
    assert len(_files()) == 4
    # The key is in the file, not only in its name: a file of another key under this key's
    # name is not used.
    key = cc.key_for(FIRST, LAST, shipped_table(), "")
    path = cc.cache_file(key)
    assert path is not None
    other = cc.key_for(FIRST, LAST, shipped_table(), "other")
    Path(path).write_bytes(cc.encode(other, [START], [START + 5]))
    assert _days() == (fresh, 1)
    assert _days() == (fresh, 0)  # and it was written again, right


def test_the_holidays_version_is_found_without_importing_it() -> None:
    import holidays

    assert cc._dist_info_version() == holidays.__version__
    assert cc.holidays_version() == holidays.__version__


def _valid_file() -> tuple[Path, bytes]:
    _days()
    (path,) = _files()
    return path, path.read_bytes()


def _corruptions(data: bytes) -> dict[str, bytes]:
    head = len(cc.MAGIC) + 12
    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 0x40
    return {
        "empty": b"",
        "truncated": data[: len(data) // 2],
        "one byte short": data[:-1],
        "one byte more": data + b"\0",
        "flipped bit": bytes(flipped),
        "wrong magic": b"MOHAOCAX" + data[8:],
        "garbage": os.urandom(len(data)),
        "huge counts": data[:8] + b"\xff\xff\xff\x7f" * 3 + data[head:],
        "json": b'{"days_off": []}',
    }


@pytest.mark.parametrize("kind", list(_corruptions(b"x" * 64)))
def test_a_corrupt_file_is_ignored_and_rebuilt(kind: str) -> None:
    path, data = _valid_file()
    path.write_bytes(_corruptions(data)[kind])
    fresh = build_public_days(FIRST, LAST)
    assert _days() == (fresh, 1)
    assert path.read_bytes() == data  # written again, whole
    assert _days() == (fresh, 0)


def _crafted(days_off: list[int], working: list[int]) -> bytes:
    """A file with the right key and checksum whose days are wrong."""
    return cc.encode(cc.key_for(FIRST, LAST, shipped_table(), ""), days_off, working)


@pytest.mark.parametrize(
    ("days_off", "working"),
    [
        ([START - 1, START + 3], []),  # before the span
        ([START + 3], [END]),  # after it
        ([START + 9, START + 3], []),  # not sorted
        ([START + 3, START + 3], []),  # twice
        ([START + 3], [START + 3]),  # off and worked
    ],
)
def test_a_file_with_impossible_days_is_not_trusted(
    days_off: list[int], working: list[int]
) -> None:
    path, _ = _valid_file()
    path.write_bytes(_crafted(days_off, working))
    assert _days()[1] == 1


def test_a_well_formed_file_is_trusted() -> None:
    """The checks above are not what makes every file fail: a crafted file with the right key
    and plausible days is read as it is (the cache folder is the user's own)."""
    path, _ = _valid_file()
    path.write_bytes(_crafted([START + 3, START + 10], [START + 5]))
    (off, work), calls = _days()
    assert calls == 0
    assert off == {date.fromordinal(START + 3), date.fromordinal(START + 10)}
    assert work == {date.fromordinal(START + 5)}


def test_not_a_file_in_its_place(tmp_path: Path) -> None:
    path, _ = _valid_file()
    path.unlink()
    path.mkdir()  # a folder where the file should be: computed, nothing written, no error
    fresh = build_public_days(FIRST, LAST)
    assert _days() == (fresh, 1)
    assert _days() == (fresh, 1)
    assert path.is_dir()
    assert not list(path.parent.glob("*.part"))


def test_an_unwritable_cache_folder_still_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("MOHAO_DESK_CACHE", str(blocker / "cache"))
    c = vietnam_calendar()
    assert not c.is_working_day(date(2026, 1, 2))
    assert blocker.read_text() == "not a folder"
    fresh = build_public_days(FIRST, LAST)
    assert _days() == (fresh, 1)


def test_no_cache_folder_at_all(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_folder() -> Path:
        raise RuntimeError("no home")

    monkeypatch.setattr("mohao_desk.paths.cache_dir", no_folder)
    assert _days() == (build_public_days(FIRST, LAST), 1)


def test_written_whole_through_a_part_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """The file appears only by a rename of a complete ``.part``; a failed write leaves
    neither the file nor its ``.part``."""
    replaced: list[tuple[str, str]] = []
    real_replace = os.replace

    def replace(src: str, dst: str) -> None:
        replaced.append((src, dst))
        assert Path(src).read_bytes().startswith(cc.MAGIC)
        assert not Path(dst).exists()
        real_replace(src, dst)

    monkeypatch.setattr(cc.os, "replace", replace)
    _days()
    ((src, dst),) = replaced
    assert src.endswith(".part") and src.startswith(dst)
    assert [p.name for p in Path(dst).parent.iterdir()] == [Path(dst).name]

    def failing(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cc.os, "replace", failing)
    Path(dst).unlink()
    assert _days()[1] == 1
    assert list(Path(dst).parent.iterdir()) == []


def test_the_cache_folder_follows_platformdirs(monkeypatch: pytest.MonkeyPatch) -> None:
    from platformdirs import user_cache_dir

    from mohao_desk.paths import cache_dir

    monkeypatch.delenv("MOHAO_DESK_CACHE")
    assert cache_dir() == Path(user_cache_dir("mohao_desk", appauthor=False))


def test_the_shipped_table_is_what_importlib_resources_reads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from importlib import resources

    import mohao_desk.resources as package

    expected = (
        resources.files("mohao_desk.resources") / "calendar" / "announcements.json"
    ).read_bytes()
    assert shipped_table() == expected
    # Not a folder on disk (a zip, say): through importlib.resources.
    monkeypatch.setattr(package, "__path__", ["/nonexistent-folder"])
    cc.shipped_table.cache_clear()
    try:
        assert cc.shipped_table() == expected
    finally:
        cc.shipped_table.cache_clear()


def test_an_installed_program_reads_the_table_beside_its_code(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import mohao_desk

    table = tmp_path / "mohao_desk" / "resources" / "calendar" / "announcements.json"
    table.parent.mkdir(parents=True)
    table.write_bytes(b'{"installed": true}')
    monkeypatch.setattr(mohao_desk, "__file__", str(tmp_path / "mohao_desk" / "__init__.py"))
    cc.shipped_table.cache_clear()
    try:
        assert cc.shipped_table() == b'{"installed": true}'
    finally:
        cc.shipped_table.cache_clear()
