"""The table of roles (issue 11): complete, refusals that name the role, and the same table in
docs/architecture.md as in the code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.lifecycle import Act
from mohao_desk.domain.roles import PERMISSIONS, Operation, Role, allowed, permission_table, require

DOC = Path(__file__).parents[2] / "docs" / "architecture.md"


def test_every_act_and_operation_has_its_roles() -> None:
    assert set(PERMISSIONS) == set(Act) | set(Operation)
    assert all(PERMISSIONS.values())


def test_the_leaders_decisions_and_the_administrators_work() -> None:
    assert allowed({Role.LEADER}, Act.STOP) and not allowed({Role.DESK, Role.PROCESSING}, Act.STOP)
    assert not allowed({Role.DESK, Role.PROCESSING}, Operation.APOLOGY_EXCEPTION)
    for op in (Operation.CATALOG, Operation.CALENDAR, Operation.ACCOUNTS, Operation.BACKUP):
        assert allowed({Role.ADMIN}, op) and not allowed({Role.LEADER, Role.DESK}, op)
    assert not allowed({Role.ADMIN}, Act.REGISTER)  # no role includes another


def test_a_refusal_names_the_roles_needed() -> None:
    with pytest.raises(DeskError) as refused:
        require("motcua", {Role.DESK}, Act.STOP)
    assert refused.value.message == (
        "Việc 'Dừng giải quyết' cần vai trò 'Lãnh đạo' (lanh_dao); tài khoản motcua không có "
        "vai trò đó."
    )
    require("chutich", {Role.LEADER}, Act.STOP)  # allowed: nothing raised
    with pytest.raises(DeskError, match="Vai trò 'giam_doc' không có"):
        Role.parse("giam_doc")


def test_the_documented_table_is_the_codes() -> None:
    text = DOC.read_text(encoding="utf-8")
    section = text.split("## Roles: who may do what", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")][1:]
    documented = []
    for line in rows:
        cells = [c.strip() for c in line.strip("|").split("|")]
        documented.append(
            (cells[0], [r.value for r, c in zip(Role, cells[1:], strict=True) if c == "✔"])
        )
    assert documented == permission_table()
    assert re.search(r"Tiếp nhận, trả kết quả \(`tiep_nhan`\)", section)
