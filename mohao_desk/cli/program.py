"""``mohao-desk``: the headless command line of the desk.

Bad input (unknown code, illegal act, malformed or impossible date, negative count, missing
field, a database that cannot be opened) prints one clear line on stderr and exits 2; nothing is
written. Heavy modules are imported inside the commands so that quick ones start fast. One
module per command group (``cli/dossiers.py``, ``due``, ``setup``, ``catalog``, ``calendar``,
``reports``, ``sync``, ``counter``, ``backup``, ``accounts``), each with its ``add_commands``;
the shared parsing and output in ``cli/base.py``."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from mohao_desk.cli.base import BY_HELP, EXIT_BAD_INPUT, _Parser
from mohao_desk.domain.errors import DeskError

# Annotations only (typing costs a quick command ~2 ms; mypy reads these).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# Every command: its name, the module of cli/ that declares it (``add_commands``), and its help
# (the line of ``mohao-desk --help``), in the order of ``--help``. Only the module of the
# command given is imported, and only that command is declared (tests/cli/test_lazy_parser.py
# checks this table against what the modules declare).
COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("overview", "dossiers", "tổng quan hồ sơ của đơn vị"),
    ("due", "due", "tính hạn trả kết quả"),
    ("list", "dossiers", "danh sách hồ sơ"),
    ("show", "dossiers", "xem chi tiết một hồ sơ"),
    ("register", "dossiers", "tiếp nhận hồ sơ mới"),
    ("handover", "dossiers", "chuyển hồ sơ"),
    ("supplement-request", "dossiers", "yêu cầu bổ sung hồ sơ (tạm dừng thời hạn)"),
    ("supplement-received", "dossiers", "nhận hồ sơ bổ sung (tiếp tục tính thời hạn)"),
    ("resolve", "dossiers", "có kết quả giải quyết"),
    ("return", "dossiers", "trả kết quả cho người nộp"),
    ("refuse", "dossiers", "từ chối giải quyết"),
    ("withdraw", "dossiers", "người nộp rút hồ sơ"),
    ("stop", "dossiers", "dừng giải quyết (Nghị định 118/2025)"),
    ("apologize", "dossiers", "xin lỗi và hẹn lại ngày trả kết quả"),
    ("digitize", "dossiers", "số hóa thành phần hồ sơ hoặc kết quả"),
    ("rate", "dossiers", "ghi nhận đánh giá mức độ hài lòng"),
    ("document", "dossiers", "lập văn bản của một hồ sơ (PDF)"),
    ("init", "setup", "thiết lập đơn vị cho cơ sở dữ liệu mới"),
    ("demo", "setup", "tạo dữ liệu mẫu"),
    ("officer", "setup", "cán bộ của đơn vị"),
    (
        "migrate-to",
        "setup",
        "chuyển toàn bộ dữ liệu của đơn vị từ tệp SQLite (--db) sang máy chủ PostgreSQL",
    ),
    ("unit", "setup", "xem hoặc sửa thông tin đơn vị, giờ làm việc"),
    ("catalog", "catalog", "danh mục thủ tục hành chính"),
    ("report", "reports", "báo cáo định kỳ (Biểu 06/VPCP/KSTT, chỉ số Quyết định 766)"),
    ("daily-list", "reports", "danh sách theo dõi hằng ngày cho lãnh đạo (PDF)"),
    ("register-book", "reports", "sổ theo dõi hồ sơ theo khoảng ngày tiếp nhận (PDF)"),
    ("explanation", "reports", "báo cáo giải trình hồ sơ trễ hạn (PDF)"),
    (
        "reconcile",
        "reconcile",
        "đối chiếu hồ sơ của Bộ phận với danh sách xuất từ hệ thống thông tin một cửa điện tử "
        "(.xlsx, .xls, .csv)",
    ),
    ("export", "sync", "xuất gói đồng bộ gửi cơ quan cấp trên (các thay đổi từ lần trước)"),
    ("keys", "sync", "khóa ký gói của đơn vị"),
    ("trust", "sync", "đăng ký khóa công khai của đơn vị khác"),
    ("import", "sync", "nhập gói đồng bộ (kiểm tra tất cả trước, nhập cả hoặc không)"),
    ("upstream", "sync", "cơ quan cấp trên"),
    ("sync-status", "sync", "các gói đã nhập theo đơn vị và gói còn thiếu"),
    ("share-personal-data", "sync", "gói xuất có kèm dữ liệu cá nhân của người nộp không"),
    (
        "counter-refuse",
        "counter",
        "từ chối tiếp nhận hồ sơ tại quầy (in Mẫu 03; không tạo hồ sơ, không tính vào thống kê)",
    ),
    ("counter-refusals", "counter", "danh sách các lượt từ chối tiếp nhận tại quầy"),
    ("counter-refusal-slip", "counter", "in lại phiếu từ chối tiếp nhận tại quầy (PDF)"),
    (
        "backup",
        "backup",
        "sao lưu cơ sở dữ liệu (đã kiểm tra); không có --out: vào thư mục backups/ bên cạnh, "
        "giữ 14 bản theo ngày và 12 bản theo tháng",
    ),
    ("restore", "backup", "phục hồi cơ sở dữ liệu từ một bản sao lưu (kiểm tra trước)"),
    ("audit", "audit", "kiểm tra chuỗi lịch sử (không ai sửa được mà không để lại dấu vết)"),
    ("user", "accounts", "tài khoản đăng nhập và vai trò"),
    ("calendar", "calendar", "lịch làm việc và điều chỉnh của đơn vị"),
)


class _Commands(dict[str, "argparse.ArgumentParser | None"]):
    """The sub-command parsers by name, for argparse: every name is known from the start (for
    ``--help``, the usage line and the "invalid choice" message), but a command's parser is
    declared only when argparse asks for it: its module is imported and its ``add_commands``
    run, the other commands it declares going to ``_Ignored``."""

    def __init__(self, sub: Any) -> None:
        super().__init__((name, None) for name, _module, _help in COMMANDS)
        self._sub = sub
        self._module = {name: module for name, module, _help in COMMANDS}

    def __getitem__(self, name: str) -> argparse.ArgumentParser:
        parser = dict.__getitem__(self, name)  # KeyError for an unknown name, as argparse expects
        if parser is None:
            self.declare(name)
            parser = dict.__getitem__(self, name)
            assert parser is not None, name
        return parser

    def get(self, name: str, default: Any = None) -> Any:
        if name not in self:
            return default
        return self[name]

    def values(self) -> Any:  # every parser, declared
        return [self[name] for name in self]

    def items(self) -> Any:
        return [(name, self[name]) for name in self]

    def declare(self, wanted: str) -> None:
        """Import the module of the command ``wanted`` and declare that command."""
        import importlib

        sub = self._sub

        def command(name: str, help_text: str) -> Any:
            if name != wanted:
                return _IGNORED
            # What ``sub.add_parser(name, help=help_text, description=help_text)`` makes; the
            # line of --help (the pseudo-action) is already there.
            p: argparse.ArgumentParser = sub._parser_class(
                prog=f"{sub._prog_prefix} {name}", description=help_text
            )
            p.add_argument("--db", help="tệp cơ sở dữ liệu", default=argparse.SUPPRESS)
            p.add_argument("--by", help=BY_HELP, default=argparse.SUPPRESS)
            dict.__setitem__(self, name, p)
            return p

        module = importlib.import_module(f"mohao_desk.cli.{self._module[wanted]}")
        module.add_commands(command)


class _Ignored:
    """Stands for the parser of a command not asked for: whatever is declared on it (arguments,
    groups, sub-commands, defaults) is dropped."""

    def __getattr__(self, name: str) -> Any:
        return self._drop

    def _drop(self, *args: Any, **kwargs: Any) -> _Ignored:
        return self


_IGNORED = _Ignored()


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
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
    # Hidden: the time to a usable window, then quit (ui/app.py measure_launch; installer/).
    parser.add_argument("--launch-probe", type=float, metavar="T0", help=argparse.SUPPRESS)
    # prog: what argparse would compute by formatting a usage line (the program's name, no
    # positional argument before the command), without formatting one.
    sub: Any = parser.add_subparsers(dest="command", parser_class=_Parser, prog="mohao-desk")
    # One module per command group, each adding its own commands (cli/dossiers.py, setup, …):
    # declared lazily, only the group of the command given (see ``_Commands``).
    commands = _Commands(sub)
    sub._name_parser_map = sub.choices = commands
    for name, _module, help_text in COMMANDS:
        sub._choices_actions.append(sub._ChoicesPseudoAction(name, (), help_text))
    return parser


def cli_message(exc: DeskError) -> str:
    """The one stderr line of a refused command: the message, and what to type for the remedy
    it speaks of ("…; phải nêu lý do ngoại lệ (dùng --override LÝ_DO để vẫn ghi nhận).")."""
    hint = cli_hint(exc)
    if not hint:
        return exc.message
    text = exc.message
    end = "." if text.endswith(".") else ""
    return f"{text.removesuffix('.')} ({hint}){end}"


def cli_hint(exc: DeskError) -> str:
    """The command-line remedy of a message, if it has one: the services' messages speak to
    the person in front of the window, never of options or commands."""
    from mohao_desk.cli import accounts as cli_accounts
    from mohao_desk.domain.lifecycle import APOLOGY_RULES_BROKEN, SUPPLEMENT_REASON_NEEDED
    from mohao_desk.domain.package import PackageError
    from mohao_desk.domain.roles import ROLE_NEEDED
    from mohao_desk.services import backup, desk, reports, setup, statistics, sync

    if isinstance(exc, PackageError) and exc.check == "unit":
        return "dùng 'mohao-desk trust TỆP_KHÓA' để đăng ký khóa của đơn vị"
    hints = {
        APOLOGY_RULES_BROKEN: "dùng --override LÝ_DO để vẫn ghi nhận",
        SUPPLEMENT_REASON_NEEDED: "dùng --reason LÝ_DO",
        desk.HANDOVER_NEEDS_RECEIVER: "dùng --to TÊN_ĐĂNG_NHẬP hoặc --body TÊN_CƠ_QUAN",
        desk.SUPPLEMENT_NEEDS_ITEMS: "dùng --missing, lặp lại cho từng giấy tờ",
        reports.EXPLANATION_NEEDS_UNIT: "dùng --unit MÃ_ĐƠN_VỊ",
        setup.NO_UNIT: "chạy 'mohao-desk init' hoặc 'mohao-desk demo' trước",
        statistics.PERIOD_KIND_AND_DAYS: "--period hoặc --from/--to",
        statistics.PERIOD_KIND_WITHOUT_YEAR: "thêm --year",
        statistics.PERIOD_YEAR_WITHOUT_KIND: "--year và --number chỉ dùng cùng --period",
        statistics.PERIOD_MISSING: "--from và --to, hoặc --period và --year",
        sync.KEY_CHANGED: "dùng --replace để thay khóa",
        sync.UPSTREAM_EXPORTS_CONFIG: "dùng 'mohao-desk upstream export-config'",
        sync.CONFIG_EXPORT_UPSTREAM_ONLY: "tạo bằng 'mohao-desk upstream init'",
        backup.RESTORE_REPLACES: "thêm --force để thay",
        cli_accounts.NO_DEFAULT_ACCOUNT: "dùng --by TÊN_ĐĂNG_NHẬP",
        cli_accounts.PASSWORD_NEEDED: "đặt biến môi trường MOHAO_PASSWORD, hoặc chạy lệnh ở "
        "cửa sổ dòng lệnh để được hỏi",
        cli_accounts.NEW_PASSWORD_NEEDED: "đặt biến môi trường MOHAO_NEW_PASSWORD, hoặc chạy "
        "lệnh ở cửa sổ dòng lệnh để được hỏi",
        ROLE_NEEDED: "dùng --by với tài khoản có vai trò đó",
        sync.KEY_PASSPHRASE_NEEDED: "đặt biến môi trường MOHAO_KEY_PASSPHRASE, hoặc chạy lệnh "
        "ở cửa sổ dòng lệnh để được hỏi",
        sync.NEW_KEY_PASSPHRASE_NEEDED: "đặt biến môi trường MOHAO_KEY_PASSPHRASE, hoặc chạy "
        "lệnh ở cửa sổ dòng lệnh để được hỏi",
    }
    return hints.get(exc.template, "")


def main(argv: list[str] | None = None) -> int:
    if hasattr(sys.stdout, "reconfigure") and (sys.stdout.encoding or "").lower() != "utf-8":
        sys.stdout.reconfigure(encoding="utf-8")
        sys.stderr.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "db"):
        args.db = None
    if not hasattr(args, "by"):
        args.by = None
    if args.command is None and args.launch_probe is not None:
        args.func = _launch_probe
    elif args.command is None:
        from mohao_desk.cli.dossiers import cmd_overview, cmd_window

        args.func = cmd_overview if args.headless else cmd_window
    try:
        return int(args.func(args))
    except DeskError as exc:
        print(f"mohao-desk: {cli_message(exc)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: one line for the user, the traceback in the log
        log = _log_crash()
        first = (str(exc).splitlines() or [""])[0][:200]
        print(
            f"mohao-desk: lỗi không mong đợi ({type(exc).__name__}: {first}); chi tiết ở {log}",
            file=sys.stderr,
        )
        return 1


def _launch_probe(args: argparse.Namespace) -> int:
    if not args.db:  # a hidden option's usage error, like argparse's own
        print("mohao-desk: lỗi cú pháp lệnh: --launch-probe cần --db TỆP", file=sys.stderr)
        return EXIT_BAD_INPUT
    from mohao_desk.ui.app import measure_launch

    return measure_launch(Path(args.db), args.launch_probe)


def _log_crash() -> Path:
    import traceback

    from mohao_desk.paths import data_dir

    path = data_dir() / "logs" / "errors.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(f"--- {datetime.now():%Y-%m-%d %H:%M:%S} {sys.argv}\n")
            handle.write(traceback.format_exc())
    except OSError:
        pass
    return path
