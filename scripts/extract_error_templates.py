"""Find every error message template of mohao_desk and update the English catalogue.

Usage, from the repository root::

    .venv/bin/python scripts/extract_error_templates.py          # update errors_en.ts
    .venv/bin/python scripts/extract_error_templates.py --check  # exit 1 if it would change

Messages are ``DeskError(template, **params)`` (and its subclasses), with pieces of messages
as ``Phrase(template, **params)`` (``Clause``, ``Capitalized``) and module-level constants as
``template("…")`` (see ``mohao_desk/domain/errors.py``). This script walks the AST of every
module of ``mohao_desk/`` and collects those string literals; ``PackageError(name, check,
detail, **params)`` takes its template (the detail) third. It then rewrites
``resources/translations/errors_en.ts`` (Qt Linguist, context ``DeskError``): new templates come
with an empty (unfinished) translation, obsolete ones are dropped, existing translations are
kept. Compile the result with ``pyside6-lrelease`` (see resources/translations/README.md).

Construction sites whose template is not a literal (an f-string, a variable) are *problems*:
they are listed, and ``tests/test_error_messages.py`` fails on them.
"""

from __future__ import annotations

import ast
import string
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree as ET
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "mohao_desk"
TS = ROOT / "resources" / "translations" / "errors_en.ts"
CONTEXT = "DeskError"
BASE_ERROR = "DeskError"
PHRASES = {"Phrase", "Clause", "Capitalized"}
MARKER = "template"
# Where the template is among the positional arguments (DeskError and the others: first).
TEMPLATE_POSITION = {"PackageError": 2}
# In the UI an error may carry text already translated with Qt (``self.tr(…)``).
QT_TRANSLATED = {"tr", "translate"}


@dataclass
class Site:
    """One construction of an error or phrase, or one ``template()`` constant."""

    path: str  # relative to the repository root
    line: int
    callee: str
    template: str | None  # None when it is not a literal (a problem)
    keywords: set[str] | None  # None when ``**params`` is passed on
    constant: str | None = None  # the constant's name, for ``NAME = template("…")``


@dataclass
class Catalogue:
    sites: list[Site] = field(default_factory=list)
    constants: dict[str, str] = field(default_factory=dict)  # NAME → template
    problems: list[str] = field(default_factory=list)

    @property
    def templates(self) -> dict[str, list[Site]]:
        """Every template, in order of first appearance, with where it appears."""
        found: dict[str, list[Site]] = {}
        for site in self.sites:
            if site.template is not None:
                found.setdefault(site.template, []).append(site)
        return found


def fields(text: str) -> list[tuple[str, str]]:
    """The ``(name, format spec)`` of each placeholder of a template."""
    return [
        (name, spec or "")
        for _, name, spec, _ in string.Formatter().parse(text)
        if name is not None
    ]


# The module that defines the machinery (Phrase.capitalized() copies a phrase, not a literal).
MACHINERY = PACKAGE / "domain" / "errors.py"


def _modules() -> Iterator[Path]:
    yield from sorted(PACKAGE.rglob("*.py"))


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def error_classes(trees: dict[Path, ast.Module]) -> set[str]:
    """DeskError and every class of the package derived from it (by name)."""
    bases: dict[str, set[str]] = {}
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = {n for n in map(_name, node.bases) if n}
    found = {BASE_ERROR}
    grew = True
    while grew:
        grew = False
        for name, parents in bases.items():
            if name not in found and parents & found:
                found.add(name)
                grew = True
    return found


class _Blank:
    """Formats as nothing, whatever the format spec (to try a template's syntax)."""

    def __format__(self, spec: str) -> str:
        return ""


def _inside_error_classes(tree: ast.Module, errors: set[str]) -> set[int]:
    """The calls inside the methods of an error class: the class composing its own message
    from pieces that are checked where it is raised (PackageError's label and detail)."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name in errors:
            for method in node.body:
                if isinstance(method, ast.FunctionDef):
                    inside.update(id(n) for n in ast.walk(method) if isinstance(n, ast.Call))
    return inside


def _is_qt_translated(node: ast.expr) -> bool:
    return any(isinstance(n, ast.Call) and _name(n.func) in QT_TRANSLATED for n in ast.walk(node))


def collect() -> Catalogue:
    trees = {path: ast.parse(path.read_text(encoding="utf-8"), str(path)) for path in _modules()}
    errors = error_classes(trees)
    catalogue = Catalogue()
    # First the constants, so that sites using them by name can be checked.
    for path, tree in trees.items():
        rel = path.relative_to(ROOT).as_posix()
        for node in tree.body:
            value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
            if not (isinstance(value, ast.Call) and _name(value.func) == MARKER):
                continue
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    text = _literal(value.args[0]) if value.args else None
                    if text is not None:
                        if catalogue.constants.get(target.id, text) != text:
                            catalogue.problems.append(
                                f"{rel}:{node.lineno}: {target.id} names two templates"
                            )
                        catalogue.constants[target.id] = text
    for path, tree in trees.items():
        if path == MACHINERY:
            continue
        rel = path.relative_to(ROOT).as_posix()
        in_ui = path.relative_to(PACKAGE).parts[0] == "ui"
        machinery = _inside_error_classes(tree, errors)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            callee = _name(node.func)
            if callee == MARKER:
                text = _literal(node.args[0]) if len(node.args) == 1 else None
                if text is None:
                    catalogue.problems.append(
                        f"{rel}:{node.lineno}: template() takes one string literal"
                    )
                catalogue.sites.append(Site(rel, node.lineno, callee, text, set()))
                continue
            if callee not in errors and callee not in PHRASES:
                continue
            position = TEMPLATE_POSITION.get(callee, 0)
            keywords: set[str] | None = {k.arg for k in node.keywords if k.arg is not None}
            if any(k.arg is None for k in node.keywords):
                keywords = None
            if len(node.args) <= position:
                if callee in TEMPLATE_POSITION:  # PackageError without detail
                    if keywords:
                        catalogue.problems.append(
                            f"{rel}:{node.lineno}: {callee} has parameters but no detail"
                        )
                    continue
                catalogue.problems.append(f"{rel}:{node.lineno}: {callee}() without a message")
                continue
            arg = node.args[position]
            text = _literal(arg)
            constant = None
            if text is None and isinstance(arg, ast.Name) and arg.id in catalogue.constants:
                constant = arg.id
                text = catalogue.constants[arg.id]
                catalogue.sites.append(Site(rel, node.lineno, callee, None, keywords, constant))
                _check_keywords(catalogue, rel, node.lineno, text, keywords)
                continue
            if text is None:
                if id(node) in machinery or (in_ui and _is_qt_translated(arg)):
                    continue  # already in the UI's language
                catalogue.problems.append(
                    f"{rel}:{node.lineno}: {callee}() message is not a string literal or a "
                    f"template() constant: {ast.unparse(arg)[:80]}"
                )
                continue
            catalogue.sites.append(Site(rel, node.lineno, callee, text, keywords))
            _check_keywords(catalogue, rel, node.lineno, text, keywords)
    for text, sites in catalogue.templates.items():
        where = f"{sites[0].path}:{sites[0].line}"
        names = [name for name, _ in fields(text)] if "{" in text or "}" in text else []
        try:
            text.format(**dict.fromkeys(names, _Blank()))
        except (ValueError, KeyError, IndexError, AttributeError):
            catalogue.problems.append(f"{where}: malformed template {text!r}")
            continue
        for name in names:
            if not name.isidentifier():
                catalogue.problems.append(f"{where}: placeholder {{{name}}} is not a plain name")
    return catalogue


def _literal(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _check_keywords(
    catalogue: Catalogue, rel: str, line: int, text: str, keywords: set[str] | None
) -> None:
    if keywords is None:
        return
    wanted = {name for name, _ in fields(text)}
    if wanted != keywords:
        catalogue.problems.append(
            f"{rel}:{line}: placeholders {sorted(wanted)} but parameters {sorted(keywords)}"
        )
    if not wanted and ("{" in text or "}" in text):
        catalogue.problems.append(f"{rel}:{line}: a template without parameters has braces")


# ---------------------------------------------------------------------------- .ts file


def read_translations(ts: Path = TS) -> dict[str, str]:
    """Source → translation of the catalogue's ``DeskError`` context ('' when unfinished)."""
    if not ts.exists():
        return {}
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        if context.findtext("name") != CONTEXT:
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            text = "" if translation is None else translation.text or ""
            if translation is not None and translation.get("type") == "unfinished":
                text = text if text.strip() else ""
            found[message.findtext("source", "")] = text
    return found


def ts_text(catalogue: Catalogue, translations: dict[str, str]) -> str:
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        '<TS version="2.1" language="en" sourcelanguage="vi">',
        "<context>",
        f"    <name>{CONTEXT}</name>",
    ]
    for source, sites in catalogue.templates.items():
        files = ", ".join(dict.fromkeys(site.path for site in sites))
        translation = translations.get(source, "")
        lines.append("    <message>")
        lines.append(f"        <extracomment>{escape(files)}</extracomment>")
        lines.append(f"        <source>{escape(source)}</source>")
        if translation:
            lines.append(f"        <translation>{escape(translation)}</translation>")
        else:
            lines.append('        <translation type="unfinished"></translation>')
        lines.append("    </message>")
    lines += ["</context>", "</TS>", ""]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    catalogue = collect()
    for problem in catalogue.problems:
        print(f"problem: {problem}", file=sys.stderr)
    old = TS.read_text(encoding="utf-8") if TS.exists() else ""
    translations = read_translations()
    new = ts_text(catalogue, translations)
    templates = catalogue.templates
    untranslated = [t for t in templates if not translations.get(t)]
    dropped = [t for t in translations if t not in templates]
    print(
        f"{len(templates)} templates, {len(untranslated)} without translation, "
        f"{len(dropped)} obsolete dropped",
        file=sys.stderr,
    )
    if "--check" in argv:
        return 1 if new != old or catalogue.problems else 0
    if new != old:
        TS.write_text(new, encoding="utf-8")
        print(f"wrote {TS.relative_to(ROOT)}", file=sys.stderr)
    return 1 if catalogue.problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
