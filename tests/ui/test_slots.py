"""No slot connected by name takes a parameter with a default: ``QAction.triggered`` and
``QAbstractButton.clicked`` pass ``checked`` (a bool), which such a slot takes for its argument
(the export once got ``False`` as its folder). Connect a lambda, or a slot without one."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "mohao_desk" / "ui"


def _methods(tree: ast.Module) -> dict[str, ast.FunctionDef]:
    return {
        node.name: node
        for cls in tree.body
        if isinstance(cls, ast.ClassDef)
        for node in cls.body
        if isinstance(node, ast.FunctionDef)
    }


def test_no_slot_with_a_defaulted_positional_parameter() -> None:
    found = []
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        methods = _methods(tree)
        if path.parent != UI:  # a package's parts (mixins) make one dialog: slots cross modules
            for part in sorted(path.parent.glob("*.py")):
                methods = _methods(ast.parse(part.read_text("utf-8"))) | methods
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "connect"
                and node.args
            ):
                continue
            target = node.args[0]
            if not (
                isinstance(target, ast.Attribute)
                and isinstance(target.value, ast.Name)
                and target.value.id == "self"
                and target.attr in methods
            ):
                continue
            args = methods[target.attr].args
            positional = args.posonlyargs + args.args
            if args.defaults and len(positional) > 1:
                found.append(f"{path.relative_to(UI)}:{node.lineno} {target.attr}")
    assert not found, f"slots that would take `checked` for a defaulted argument: {found}"
