"""The command line declares only the command given (cli/program.py ``COMMANDS``): every
``--help``, usage error and parsed command is the same as with every command declared up
front (the parser as it was built before, kept here), and a quick command imports little."""

from __future__ import annotations

import argparse
import importlib
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from mohao_desk.cli.base import BY_HELP, _Parser
from mohao_desk.cli.program import COMMANDS, build_parser
from mohao_desk.domain.errors import DeskError

ROOT = Path(__file__).resolve().parents[2]
GROUPS = (
    "dossiers", "due", "setup", "catalog", "reports", "reconcile", "sync", "counter", "backup",
    "audit", "accounts", "calendar",
)  # fmt: skip


class _OldParser(_Parser):
    """``_Parser`` as it was: argparse's own formatter (asking for the terminal's width at
    once)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", argparse.HelpFormatter)
        super().__init__(*args, **kwargs)


def eager_parser() -> argparse.ArgumentParser:
    """``build_parser`` as it was before issue 14: every module imported, every command
    declared."""
    parser = _OldParser(
        prog="mohao-desk",
        description="Bộ phận Một cửa: tiếp nhận, theo dõi thời hạn, xin lỗi, số hóa hồ sơ TTHC.",
    )
    parser.add_argument("--db", help="tệp cơ sở dữ liệu (mặc định: thư mục dữ liệu người dùng)")
    parser.add_argument("--by", help=BY_HELP)
    parser.add_argument(
        "--demo-if-empty", action="store_true", help="tạo dữ liệu mẫu nếu chưa có cơ sở dữ liệu"
    )
    parser.add_argument(
        "--headless", action="store_true", help="không mở cửa sổ: in tổng quan ra màn hình"
    )
    parser.add_argument("--launch-probe", type=float, metavar="T0", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", parser_class=_OldParser)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--db", help="tệp cơ sở dữ liệu", default=argparse.SUPPRESS)
        p.add_argument("--by", help=BY_HELP, default=argparse.SUPPRESS)
        return p

    due = importlib.import_module("mohao_desk.cli.due")

    def in_old_place(name: str, help_text: str) -> argparse.ArgumentParser:
        # ``due`` was declared by cli/dossiers.py, right after ``overview``.
        if name == "list":
            due.add_commands(command)
        return command(name, help_text)

    for group in GROUPS:
        if group != "due":
            declare = in_old_place if group == "dossiers" else command
            importlib.import_module(f"mohao_desk.cli.{group}").add_commands(declare)
    return parser


def _command_paths(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> list:
    paths = [prefix]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                paths += _command_paths(sub, (*prefix, name))
    return paths


ALL_PATHS = _command_paths(eager_parser())


def _run(parser: argparse.ArgumentParser, argv: list[str], capsys) -> tuple[object, str, str]:
    try:
        result: object = vars(parser.parse_args(argv))
    except SystemExit as exc:
        result = ("exit", exc.code)
    out, err = capsys.readouterr()
    return result, out, err


@pytest.fixture(params=["100", "57", "9", None], ids=["100", "57", "9", "terminal"])
def _width(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if request.param is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", request.param)


def test_every_command_is_found() -> None:
    assert len(ALL_PATHS) > 60  # the top level, 43 commands and their sub-commands
    assert {p[0] for p in ALL_PATHS if p} == {name for name, _m, _h in COMMANDS}


@pytest.mark.usefixtures("_width")
@pytest.mark.parametrize("path", ALL_PATHS, ids=lambda p: " ".join(p) or "mohao-desk")
def test_help_is_the_same(path: tuple[str, ...], capsys) -> None:
    before = _run(eager_parser(), [*path, "--help"], capsys)
    after = _run(build_parser(), [*path, "--help"], capsys)
    assert before[0] == ("exit", 0)
    assert after == before
    assert before[1].startswith("usage: mohao-desk")


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["nope"],
        ["due"],
        ["due", "--received", "2024-04-26T09:00"],
        ["due", "--received", "2024-04-26T09:00", "--days", "5", "--hours", "2"],
        ["due", "--received", "2024-04-26T09:00", "--days", "abc"],
        ["due", "--received", "2024-04-26T09:00", "--days", "5", "--extra"],
        ["due", "--received", "2024-04-26T09:00", "--days", "5"],
        ["--db", "x.sqlite3", "due", "--received", "2024-04-26T09:00", "--same-day"],
        ["due", "--received", "2024-04-26T09:00", "--days", "5", "--db", "x", "--by", "a"],
        ["--db"],
        ["--headless"],
        ["--launch-probe", "1.5", "--db", "x"],
        ["calendar"],
        ["calendar", "nope"],
        ["calendar", "show", "--year", "2026"],
        ["calendar", "add-off", "--date", "2026-05-05", "--db", "x"],
        ["list", "--format", "xml"],
        ["list", "--overdue", "--all"],
        ["list", "--overdue", "--count"],
        ["user", "add"],
        ["upstream"],
        ["export", "--by", "quantri"],
        ["Due"],
        ["-h", "due"],
    ],
)
@pytest.mark.usefixtures("_width")
def test_parsing_and_usage_errors_are_the_same(argv: list[str], capsys) -> None:
    assert _run(build_parser(), argv, capsys) == _run(eager_parser(), argv, capsys)


def test_the_table_is_what_the_modules_declare() -> None:
    declared: list[tuple[str, str, str]] = []
    for group in GROUPS:

        def command(name: str, help_text: str, group: str = group) -> argparse.ArgumentParser:
            declared.append((name, group, help_text))
            return argparse.ArgumentParser()

        importlib.import_module(f"mohao_desk.cli.{group}").add_commands(command)
    # The same entries (the order of --help is the old parser's: test_help_is_the_same).
    assert sorted(declared) == sorted(COMMANDS)
    assert len(set(declared)) == len(declared)


def test_only_the_module_of_the_command_is_declared() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    parser.parse_args(["calendar", "show", "--year", "2026"])
    declared = {name for name in sub.choices if dict.__getitem__(sub.choices, name) is not None}
    assert declared == {"calendar"}
    parser.parse_args(["due", "--received", "2024-04-26T09:00", "--days", "5"])
    declared = {name for name in sub.choices if dict.__getitem__(sub.choices, name) is not None}
    assert declared == {"calendar", "due"}
    parser.parse_args(["list", "--overdue"])  # another command of the same module
    declared = {name for name in sub.choices if dict.__getitem__(sub.choices, name) is not None}
    assert declared == {"calendar", "due", "list"}
    # Asked for all of them (as some argparse versions do for suggestions), all come.
    assert len(sub.choices.values()) == len(COMMANDS)
    assert all(p is not None for _n, p in sub.choices.items())


def _imported(argv: list[str], cache: Path) -> tuple[str, set[str]]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MOHAO_DESK_CACHE": str(cache)}
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *argv],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    modules = {
        line.rsplit("|", 1)[1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    return done.stdout, modules


@pytest.mark.parametrize(
    "start",
    [["-m", "mohao_desk"], ["-c", "import sys; from mohao_desk.cli import main; sys.exit(main())"]],
    ids=["python -m mohao_desk", "console script"],
)
def test_due_imports_only_what_it_uses(start: list[str], tmp_path: Path) -> None:
    due = ["due", "--received", "2024-04-26T09:00", "--days", "5"]
    cold_out, cold = _imported([*start, *due], tmp_path)
    warm_out, warm = _imported([*start, *due], tmp_path)
    assert cold_out == warm_out
    assert warm_out.splitlines()[0] == "2024-05-07T09:00"
    assert "holidays" in cold  # the first time, the calendar is computed (and kept)
    heavy = {"holidays", "sqlalchemy", "multiprocessing", "mohao_desk.services", "PySide6"}
    assert not heavy & warm
    others = {f"mohao_desk.cli.{g}" for g in GROUPS} - {"mohao_desk.cli.due"}
    assert not others & warm
    # What the listings need (their output formats, the search's text folding, annotations).
    assert not {"csv", "json", "typing", "unicodedata", "gc"} & warm


def _old_parse_moment(text: str) -> object:
    formats = ("%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%d/%m/%Y %H:%M")
    for fmt in formats:
        try:
            return datetime.strptime(text.strip(), fmt)
        except ValueError:
            continue
    return "refused"


@pytest.mark.parametrize(
    "text",
    [
        "2024-04-26T09:00", " 2024-04-26T09:00 ", "2024-02-29T23:59", "2023-02-29T09:00",
        "2024-04-26T24:00", "2024-04-26T09:60", "2024-13-01T09:00", "2024-00-10T09:00",
        "0000-01-01T00:00", "0001-01-01T00:00", "9999-12-31T23:59", "2024-4-26T09:00",
        "2024-04-26T9:00", "2024-04-26 09:00", "2024-04-26T09:00:30", "26/04/2024 09:00",
        "2024-04-26t09:00", "2024-04-26T0９:00", "２０24-04-26T09:00", "+024-04-26T09:00",
        "2024-04-26T-9:00", "2024-04-26T09:0 ", "2024-04-26X09:00", "", "hôm qua",
    ],
)  # fmt: skip
def test_parse_moment_is_what_strptime_says(text: str) -> None:
    from mohao_desk.cli.base import parse_moment

    try:
        got: object = parse_moment(text)
    except DeskError:
        got = "refused"
    assert got == _old_parse_moment(text)
