"""What the command line prints (issue 8): counts with the Vietnamese thousands separator, like
the window ("1.200", never "1,200"); a refusal whose remedy is an option says which, on the same
single stderr line, while the service's message itself speaks to the person at the window."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mohao_desk.cli import cli_message
from mohao_desk.domain.errors import DeskError, Phrase, RuleViolation
from mohao_desk.domain.lifecycle import APOLOGY_RULES_BROKEN, SUPPLEMENT_REASON_NEEDED
from mohao_desk.domain.package import PackageError
from mohao_desk.services import desk, reports, setup, statistics, sync
from tests.accounts import add_account, init_unit_cli

from .test_cli import DEMO_NOW, cli

UNIT = ("--unit-code", "000.17.22.H56", "--unit-name", "UBND phường Bần Yên Nhân")
GROUPED = re.compile(r"\b\d{1,3}(?:\.\d{3})+\b")


def test_counts_use_the_vietnamese_thousands_separator(tmp_path: Path, capsys) -> None:
    path = str(tmp_path / "big.sqlite3")
    code, out, err = cli(
        capsys, "demo", "--dossiers", "1200", "--db", path, "--seed", "7", "--now", DEMO_NOW
    )
    assert code == 0, err
    assert out.startswith("Đã tạo 1.200 hồ sơ mẫu (")
    assert GROUPED.search(out.split("(")[1])  # the events: thousands too
    _, out, _ = cli(capsys, "list", "--all", "--db", path)
    assert out.splitlines()[-1] == "Tổng: 1.200 hồ sơ"
    _, out, _ = cli(capsys, "list", "--all", "--count", "--db", path)
    assert out.strip() == "1200"  # a bare number for scripts, as before
    code, out, err = cli(
        capsys, "export", "--out", str(tmp_path / "out"), "--db", path, "--by", "quantri"
    )
    assert code == 0, err
    assert "1.200 hồ sơ" in out and re.search(r"\d{1,3}(?:\.\d{3})+ byte", out), out
    assert not re.search(r"\d,\d{3}", out)


def _desk(tmp_path: Path, capsys, monkeypatch) -> tuple[str, str]:
    path = str(tmp_path / "desk.sqlite3")
    init_unit_cli(monkeypatch, capsys, Path(path), *UNIT, "--officer", "motcua:Nguyễn Thị Nhung")
    code, out, err = cli(
        capsys,
        "register",
        "--procedure",
        "1.004873",
        "--name",
        "Nguyễn Văn An",
        "--received",
        "2024-04-26T09:00",
        "--db",
        path,
    )
    assert code == 0, err
    return path, out.splitlines()[0]


def test_a_broken_apology_rule_names_the_override_option(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    path, dossier = _desk(tmp_path, capsys, monkeypatch)
    apologize = ("apologize", "--dossier", dossier, "--reason", "Chờ xác minh")
    code, _, err = cli(
        capsys,
        *apologize,
        "--new-due",
        "2024-05-09T09:00",
        "--at",
        "2024-05-02T09:00",
        "--db",
        path,
    )
    assert code == 0, err
    again = (*apologize, "--new-due", "2024-05-10T09:00", "--at", "2024-05-02T10:00")
    code, out, err = cli(capsys, *again, "--db", path)
    assert code == 2 and out == ""
    assert err.splitlines() == [
        "mohao-desk: Chỉ được hẹn lại ngày trả kết quả một lần. Muốn vẫn ghi nhận, phải nêu lý "
        "do ngoại lệ (dùng --override LÝ_DO để vẫn ghi nhận)."
    ]
    # An exception to the rules is the leader's decision (issue 11): refused for the desk.
    code, _, err = cli(capsys, *again, "--override", "Chủ tịch đồng ý", "--db", path)
    assert code == 2 and "cần vai trò 'Lãnh đạo' (lanh_dao); tài khoản motcua" in err
    add_account(monkeypatch, capsys, path, "chutich", "Lãnh đạo", "lanh_dao")
    code, _, err = cli(
        capsys, *again, "--override", "Chủ tịch đồng ý", "--db", path, "--by", "chutich"
    )
    assert code == 0, err


def test_a_second_supplement_request_names_the_reason_option(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    path, dossier = _desk(tmp_path, capsys, monkeypatch)
    request = ("supplement-request", "--dossier", dossier, "--missing", "Bản sao CCCD")
    assert cli(capsys, *request, "--at", "2024-04-26T10:00", "--db", path)[0] == 0
    assert cli(capsys, "supplement-received", "--dossier", dossier, "--db", path)[0] == 0
    code, _, err = cli(capsys, *request, "--db", path)
    assert code == 2
    assert len(err.splitlines()) == 1
    assert err.strip().endswith("phải nêu lý do (dùng --reason LÝ_DO).")


def test_a_handover_without_receiver_names_the_options(tmp_path: Path, capsys, monkeypatch) -> None:
    path, dossier = _desk(tmp_path, capsys, monkeypatch)
    code, _, err = cli(capsys, "handover", "--dossier", dossier, "--db", path)
    assert code == 2
    assert err.splitlines() == [
        "mohao-desk: Phải chỉ rõ người nhận hoặc cơ quan nhận (dùng --to TÊN_ĐĂNG_NHẬP hoặc "
        "--body TÊN_CƠ_QUAN)."
    ]


@pytest.mark.parametrize(
    "template",
    [
        APOLOGY_RULES_BROKEN,
        SUPPLEMENT_REASON_NEEDED,
        desk.HANDOVER_NEEDS_RECEIVER,
        desk.SUPPLEMENT_NEEDS_ITEMS,
        reports.EXPLANATION_NEEDS_UNIT,
        setup.NO_UNIT,
        statistics.PERIOD_KIND_AND_DAYS,
        statistics.PERIOD_KIND_WITHOUT_YEAR,
        statistics.PERIOD_YEAR_WITHOUT_KIND,
        statistics.PERIOD_MISSING,
        sync.KEY_CHANGED,
        sync.UPSTREAM_EXPORTS_CONFIG,
        sync.CONFIG_EXPORT_UPSTREAM_ONLY,
    ],
)
def test_every_option_is_the_clis_own_hint(template: str) -> None:
    params = {
        "rules": (Phrase("Chỉ được hẹn lại ngày trả kết quả một lần."),),
        "previous_requests": 1,
        "name": "UBND",
        "unit_code": "000.17.22.H56",
        "trusted": "aaaa",
        "offered": "bbbb",
    }
    fields = {name for name in re.findall(r"{(\w+)", template)}
    exc = DeskError(template, **{k: v for k, v in params.items() if k in fields})
    line = cli_message(exc)
    assert "--" not in exc.message and "mohao-desk" not in exc.message
    assert line.startswith(exc.message.removesuffix("."))
    assert line.endswith(").") and ". (" not in line


def test_an_untrusted_unit_names_the_trust_command() -> None:
    exc = PackageError(
        "a.mhd",
        "unit",
        "{unit_name} ({unit_code}); hãy đăng ký tệp khóa công khai của đơn vị trước",
        unit_name="UBND",
        unit_code="000.17.22.H56",
    )
    assert "mohao-desk trust" not in exc.message
    assert cli_message(exc).endswith(
        "(dùng 'mohao-desk trust TỆP_KHÓA' để đăng ký khóa của đơn vị)."
    )


def test_a_message_without_hint_is_left_as_it_is() -> None:
    exc = RuleViolation("Không tìm thấy hồ sơ mã '{code}'.", code="X")
    assert cli_message(exc) == exc.message
