"""Every package of the program is listed in pyproject.toml: a folder the list forgets is left
out of a normal (not editable) install and of the installer's bundle, though the editable
install of the tests never notices (mohao_desk/cli/ was missed once)."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_folder_is_listed() -> None:
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"][
            "packages"
        ]
    )
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "mohao_desk").rglob("__init__.py")
    }
    assert found - listed == set()
