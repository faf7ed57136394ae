"""The screen the screenshot scripts draw on: an offscreen Qt screen of a given size.

    python scripts/screenshot_window.py            # both sizes, one process each
    python scripts/screenshot_window.py --screen 1024x768 [OUT_DIR]

Office PCs have 1366×768 or 1024×768 screens; pictures are made at both. The size of a Qt
screen is fixed when the application starts, so each size runs in its own process. A file is
named ``NAME.png`` at 1366×768 and ``NAME-1024.png`` at 1024×768."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

SIZES = ((1366, 768), (1024, 768))


def setup(script: str) -> tuple[tuple[int, int], list[str]] | None:
    """Before Qt is imported: with ``--screen WxH`` configure that screen and return the size
    and the other arguments; without it run ``script`` once per size and return None."""
    args = sys.argv[1:]
    if "--screen" not in args:
        for width, height in SIZES:
            subprocess.run(
                [sys.executable, script, "--screen", f"{width}x{height}", *args], check=True
            )
        return None
    at = args.index("--screen")
    width, height = (int(n) for n in args[at + 1].split("x"))
    rest = args[:at] + args[at + 2 :]
    config = Path(tempfile.mkdtemp(prefix="mohao-screen-")) / "screen.json"
    screen = {"name": "office", "x": 0, "y": 0, "width": width, "height": height}
    config.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96, "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    return (width, height), rest


def picture(out: Path, name: str, size: tuple[int, int]) -> Path:
    """``out/NAME.png`` at the first size, ``out/NAME-1024.png`` at 1024 wide."""
    suffix = "" if size == SIZES[0] else f"-{size[0]}"
    return out / f"{name}{suffix}.png"
