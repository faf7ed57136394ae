"""What every command shares: the parser that speaks Vietnamese, the parsing of moments, days
and counts, opening the database of ``--db`` (and logging the person in, cli/accounts.py), and
writing a produced file whole."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import date, datetime, time
from pathlib import Path

from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.os_errors import os_error

TYPE_CHECKING = False
if TYPE_CHECKING:  # annotations only: no typing import at run time
    from typing import Any, NoReturn


class _Formatter(argparse.HelpFormatter):
    """argparse's formatter, asking for the terminal's width (and importing shutil) only when
    it formats a help text: argparse makes one for every argument it declares."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        super().__init__(prog, indent_increment, max_help_position, 80 if width is None else width)
        self._asked = (indent_increment, max_help_position, width)

    def format_help(self) -> str:
        indent_increment, max_help_position, width = self._asked
        if width is None:  # what HelpFormatter.__init__ does
            import shutil

            width = shutil.get_terminal_size().columns
            width -= 2
            self._max_help_position = min(max_help_position, max(width - 20, indent_increment * 2))
            self._width = width
        return super().format_help()


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one Vietnamese line and exit code 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"mohao-desk: lỗi cú pháp lệnh: {message}\n")


EXIT_BAD_INPUT = 2

MAX_COUNT = 10**9

WEEKDAYS_VI = ("T2", "T3", "T4", "T5", "T6", "T7", "CN")  # thứ Hai … Chủ nhật


def parse_moment(text: str) -> datetime:
    """``2024-04-26T09:00``, ``2024-04-26 09:00`` or ``26/04/2024 09:00`` (local time)."""
    raw = text.strip()
    # The usual form without strptime (whose first use imports _strptime, calendar, locale);
    # anything else, or an impossible moment, goes the long way to the same answer.
    if len(raw) == 16 and raw[4] == "-" and raw[7] == "-" and raw[10] == "T" and raw[13] == ":":
        digits = (raw[0:4], raw[5:7], raw[8:10], raw[11:13], raw[14:16])
        if all(d.isascii() and d.isdigit() for d in digits):
            with suppress(ValueError):
                return datetime(*map(int, digits))
    formats = ("%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%d/%m/%Y %H:%M")
    for fmt in formats:
        try:
            return datetime.strptime(raw, fmt)
        except ValueError:
            continue
    raise DeskError(
        "Thời điểm '{text}' không hợp lệ (dạng YYYY-MM-DDTHH:MM, ví dụ 2024-04-26T09:00).",
        text=text,
    )


def parse_day(text: str) -> date:
    raw = text.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    raise DeskError("Ngày '{text}' không hợp lệ (dạng YYYY-MM-DD, ví dụ 2024-04-26).", text=text)


def parse_hhmm(text: str) -> time:
    try:
        return datetime.strptime(text.strip(), "%H:%M").time()
    except ValueError:
        raise DeskError("Giờ '{text}' không hợp lệ (dạng HH:MM).", text=text) from None


def subcommand(
    sub: argparse._SubParsersAction, name: str, help_text: str | None = None, **kw: Any
) -> argparse.ArgumentParser:
    """A command of a command group (``calendar add-off``, ``user add``): it takes ``--db`` and
    ``--by`` after its name, as every top-level command does."""
    if help_text is not None:
        kw["help"] = help_text
    p: argparse.ArgumentParser = sub.add_parser(name, **kw)
    p.add_argument("--db", default=argparse.SUPPRESS)
    p.add_argument("--by", default=argparse.SUPPRESS, help=BY_HELP)
    return p


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' không phải là số nguyên") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"số lượng không được âm: {value}")
    if value > MAX_COUNT:
        raise argparse.ArgumentTypeError(f"số quá lớn: {value}")
    return value


def _fmt(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M") if moment else ""


def _vn(moment: datetime | None) -> str:
    return moment.strftime("%H:%M %d/%m/%Y") if moment else ""


def _db_target(args: argparse.Namespace) -> Path | str:
    """``--db``: a SQLite file's path, or a PostgreSQL server's URL (``postgresql+psycopg://
    user:password@host:port/dbname``); the user's data folder's file when not given."""
    from mohao_desk.paths import default_db_path
    from mohao_desk.store.gate import is_server_url  # without SQLAlchemy (store/db.py's)

    if not args.db:
        return default_db_path()
    return args.db if is_server_url(args.db) else Path(args.db)


def _open(args: argparse.Namespace, *, create: bool = False, operation: Any = None) -> Any:
    """The database of ``--db``. With an ``operation`` (a command that changes data), the
    account of ``--by`` is logged in first with its password, and its role checked."""
    from mohao_desk.store.db import open_database

    db = open_database(_db_target(args), create=create)
    if operation is not None:
        from mohao_desk.cli.accounts import log_in
        from mohao_desk.domain.lifecycle import Act

        try:
            if isinstance(operation, Act):  # no act on an upstream database, whoever asks
                from mohao_desk.services.desk import UPSTREAM_READ_ONLY
                from mohao_desk.services.sync import database_is_upstream

                if database_is_upstream(db):
                    raise DeskError(UPSTREAM_READ_ONLY)
            log_in(args, db, operation)
        except BaseException:
            db.close()
            raise
    return db


@contextmanager
def _new_database(args: argparse.Namespace) -> Iterator[Any]:
    """The database of a command that sets one up (``init``, ``demo``): when the command fails,
    a file it created is removed with its WAL files and the folders made for it (a server's
    database is not ours to remove), so a refused command leaves nothing behind."""
    path = _db_target(args)
    made: list[Path] = []
    if isinstance(path, Path) and not path.exists():
        made = [path]
        folder = path.expanduser().parent
        while not folder.exists():
            made.append(folder)
            folder = folder.parent
    db = _open(args, create=True)
    try:
        yield db
    except BaseException:
        db.close()
        if made:
            for suffix in ("", "-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)
            for folder in made[1:]:
                with suppress(OSError):
                    folder.rmdir()
        raise


def _desk(args: argparse.Namespace, operation: Any = None) -> Any:
    from mohao_desk.services.desk import Desk

    return Desk(_open(args, operation=operation))


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _at(args: argparse.Namespace) -> datetime | None:
    return parse_moment(args.at) if args.at is not None else None


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def write_output(path_text: str, data: bytes) -> Path:
    """Write a produced file whole or not at all (a temporary file renamed into place)."""
    path = Path(path_text)
    if path.is_dir():
        raise DeskError("'{path}' là một thư mục; hãy chỉ rõ tên tệp cần ghi.", path=path)
    tmp = path.with_name(path.name + ".part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise DeskError(
            "Không ghi được tệp '{path}': {error}.", path=path, error=os_error(exc)
        ) from None
    return path


BY_HELP = (
    "tài khoản thực hiện việc ghi (mặc định: tài khoản mặc định của đơn vị); mật khẩu lấy "
    "từ biến môi trường MOHAO_PASSWORD hoặc được hỏi"
)
