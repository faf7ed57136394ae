"""Issue 12: the installer's pieces that can be checked without building the bundle (CI builds
and smoke-tests the bundle itself in .ci/run)."""

from __future__ import annotations

import shutil
import subprocess
from importlib import resources
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NSI = ROOT / "installer" / "windows" / "mohao_desk.nsi"
ICONS = resources.files("mohao_desk.resources") / "icons"


def test_the_icon_ships_as_svg_png_and_ico() -> None:
    png = (ICONS / "mohao_desk.png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    ico = (ICONS / "mohao_desk.ico").read_bytes()
    assert ico[:4] == b"\x00\x00\x01\x00"  # an icon resource
    count = int.from_bytes(ico[4:6], "little")
    sides = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sides
    assert (ICONS / "mohao_desk.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_the_window_gets_the_icon(qapp) -> None:
    from mohao_desk.ui.app import set_window_icon

    set_window_icon(qapp)
    assert not qapp.windowIcon().isNull()
    assert qapp.desktopFileName() == "mohao-desk"


def test_the_nsis_script_says_what_the_issue_asks() -> None:
    raw = NSI.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM: makensis reads it right anywhere
    text = raw.decode("utf-8-sig")
    assert "RequestExecutionLevel user" in text
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APP_ID}"' in text
    languages = [line.split('"')[1] for line in text.splitlines() if "MUI_LANGUAGE " in line]
    assert languages == ["Vietnamese", "English"]  # Vietnamese first: the default
    assert "Xoá cả dữ liệu" in text and "Also delete data" in text
    assert "HKCU" in text and "CurrentVersion\\Uninstall" in text
    # The data folder is platformdirs' user data folder of the program (paths.py).
    assert '!define DATA_DIR "$LOCALAPPDATA\\${APP_ID}"' in text
    assert '!define APP_ID "mohao_desk"' in text


def test_the_windows_data_folder_is_the_one_the_uninstaller_deletes() -> None:
    """platformdirs on Windows: %LOCALAPPDATA%\\<appname> when appauthor is False and the folder
    is not roaming, as mohao_desk/paths.py asks."""
    import inspect

    from mohao_desk import paths

    source = inspect.getsource(paths.data_dir)
    assert "user_data_dir(APP_NAME, appauthor=False)" in source
    assert paths.APP_NAME == "mohao_desk"


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis (Debian: nsis) missing")
def test_the_nsis_script_compiles(tmp_path: Path) -> None:
    """Against a stand-in bundle (CI compiles it against the real Linux bundle too)."""
    bundle = tmp_path / "bundle"
    icons = bundle / "_internal" / "mohao_desk" / "resources" / "icons"
    icons.mkdir(parents=True)
    (icons / "mohao_desk.ico").write_bytes((ICONS / "mohao_desk.ico").read_bytes())
    (bundle / "mohao_desk.exe").write_bytes(b"MZ stand-in")
    (bundle / "mohao-desk.exe").write_bytes(b"MZ stand-in")
    out = tmp_path / "mohao_desk-setup-1.2.3.exe"
    done = subprocess.run(
        [
            "makensis",
            "-V2",
            "-WX",  # a warning fails the build
            f"-DBUNDLE={bundle}",
            f"-DOUTFILE={out}",
            "-DVERSION=1.2.3",
            str(NSI),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert out.read_bytes()[:2] == b"MZ"


def test_the_build_scripts_parse() -> None:
    assert subprocess.run(["bash", "-n", str(ROOT / "installer" / "build.sh")]).returncode == 0
    assert subprocess.run(["bash", "-n", str(ROOT / ".ci" / "run")]).returncode == 0


def test_the_launch_probe_needs_a_database(capsys) -> None:
    from mohao_desk.cli import main

    assert main(["--launch-probe", "1"]) == 2
    assert "--launch-probe cần --db" in capsys.readouterr().err


def test_the_launch_probe_shows_the_board_then_quits(qapp, tmp_path: Path, capsys) -> None:
    """What the smoke test and docs/performance.md run on the frozen program."""
    import time

    from mohao_desk.cli import main
    from mohao_desk.services.demo import fill_demo
    from mohao_desk.store.db import open_database

    path = tmp_path / "desk.sqlite3"
    db = open_database(path)
    fill_demo(db, dossiers=30, seed=2)
    db.close()
    assert main(["--db", str(path), "--launch-probe", str(time.time())]) == 0
    seconds, rows = capsys.readouterr().out.split()
    assert 0 < float(seconds) < 60
    assert int(rows) >= 0
    assert not (tmp_path / "backups").exists()  # the window was not closed (no backup)
