"""The cache folder found without platformdirs is platformdirs' own (paths.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from mohao_desk import paths


@pytest.mark.parametrize(
    ("xdg", "home"),
    [
        (None, "/home/lan"),
        (None, "/home/lan/"),
        (None, "/"),
        ("", "/home/lan"),
        ("/var/tmp/xdg", "/home/lan"),
        ("/var/tmp/xdg/", "/home/lan"),
        ("relative/xdg", "/home/lan"),  # not absolute: platformdirs ignores it
        ("  ", "/home/lan"),
    ],
)
def test_the_cache_folder_is_platformdirs_own(
    monkeypatch: pytest.MonkeyPatch, xdg: str | None, home: str
) -> None:
    monkeypatch.delenv("MOHAO_DESK_CACHE")
    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    monkeypatch.setenv("HOME", home)
    expected = Path(paths._platformdirs_cache_dir())
    assert paths.cache_dir() == expected
    if sys.platform.startswith("linux"):
        assert paths._linux_cache_dir() is not None  # found without platformdirs here


def test_unusual_homes_ask_platformdirs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", "relative-home")
    assert paths._linux_cache_dir() is None
    monkeypatch.delenv("HOME")
    assert paths._linux_cache_dir() is None
    monkeypatch.setenv("HOME", "/home/lan")
    monkeypatch.setenv("ANDROID_DATA", "/data")
    assert paths._linux_cache_dir() is None


def test_the_override_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MOHAO_DESK_CACHE", str(tmp_path / "c"))
    assert paths.cache_dir() == tmp_path / "c"
