"""The house rules of design.md, checked by walking the imports of every module."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "mohao_desk"


def _imports(path: Path) -> set[str]:
    """Absolute names of every module a file imports (relative imports resolved)."""
    parts = ["mohao_desk", *path.relative_to(PACKAGE).with_suffix("").parts]
    package = parts[:-1]  # for __init__.py the package is the folder itself
    return _imports_of(path.read_text(encoding="utf-8"), package)


def _imports_of(source: str, package: list[str]) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def _modules(sub: str) -> list[Path]:
    return sorted((PACKAGE / sub).rglob("*.py"))


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        ("domain", ("PySide6", "sqlalchemy", "alembic", "mohao_desk.store", "mohao_desk.services")),
        ("store", ("PySide6", "mohao_desk.services", "mohao_desk.ui")),
        ("services", ("PySide6", "mohao_desk.ui")),
    ],
)
def test_layer_does_not_import(package: str, forbidden: tuple[str, ...]) -> None:
    modules = _modules(package)
    assert modules, f"no modules found in {package}"
    offenders = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in modules
        for name in _imports(path)
        if any(name == f or name.startswith(f + ".") for f in forbidden)
    ]
    assert offenders == []


def test_ui_calls_services_only() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in _modules("ui")
        for name in _imports(path)
        if name.startswith(("sqlalchemy", "mohao_desk.store"))
    ]
    assert offenders == []


def test_checker_sees_a_forbidden_import() -> None:
    source = "from sqlalchemy import select\nimport PySide6.QtCore\nfrom ..store import queries\n"
    found = _imports_of(source, ["mohao_desk", "domain"])
    assert {"sqlalchemy", "PySide6.QtCore", "mohao_desk.store.queries"} <= found
