"""Passwords of the units that tests make with ``init`` (issue 11). ``init_unit_cli`` sets up a
unit through the command line as an administrator would: the administrator ``quantri`` and the
default officer ``motcua`` (desk and processing roles) both get ``PASSWORD``, which the
environment then holds (``MOHAO_PASSWORD``), so that the commands of a test log in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from mohao_desk.cli import main

ADMIN = "quantri"
PASSWORD = "matkhau-thu-nghiem"


def init_unit_cli(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], path: Path, *args: str
) -> None:
    monkeypatch.setenv("MOHAO_PASSWORD", PASSWORD)
    assert main(["init", "--db", str(path), *args]) == 0, capsys.readouterr().err
    monkeypatch.setenv("MOHAO_NEW_PASSWORD", PASSWORD)
    code = main(["user", "passwd", "motcua", "--db", str(path), "--by", ADMIN])
    assert code == 0, capsys.readouterr().err
    monkeypatch.delenv("MOHAO_NEW_PASSWORD")
    capsys.readouterr()


def use_password(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line's password for a test's units made by ``init`` (their administrator)."""
    monkeypatch.setenv("MOHAO_PASSWORD", PASSWORD)


def add_account(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    path: Path | str,
    username: str,
    name: str,
    roles: str,
) -> None:
    """One more account (with ``PASSWORD``), added by the administrator through the CLI."""
    monkeypatch.setenv("MOHAO_PASSWORD", PASSWORD)
    monkeypatch.setenv("MOHAO_NEW_PASSWORD", PASSWORD)
    args = ["user", "add", username, "--name", name, "--roles", roles, "--db", str(path)]
    code = main([*args, "--by", ADMIN])
    monkeypatch.delenv("MOHAO_NEW_PASSWORD")
    assert code == 0, capsys.readouterr().err
    capsys.readouterr()


def demo_administrator(db: Any) -> None:
    """The upstream database of a test made by the services: its administrator ``quantri``
    with the demo accounts' password ("demo"), so that CLI calls log in as on demo desks."""
    from mohao_desk.services.setup import OfficerInput, add_officer_in, hash_password
    from mohao_desk.store import queries as q

    with db.begin() as conn:
        unit = q.own_unit(conn)
        officer_id = add_officer_in(
            conn, unit.id, OfficerInput(ADMIN, "Quản trị", roles=("quan_tri",))
        )
        q.update_officer(conn, officer_id, password_hash=hash_password("demo", weak=True))


_UPSTREAMS: set[str] = set()  # databases made by `upstream init` in tests (their password)


def run_as_admin(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """A command as the administrator ``quantri``: of a demo desk (password "demo"), or of an
    upstream database that `upstream init` made in the test (``PASSWORD``)."""
    import os

    target = argv[argv.index("--db") + 1] if "--db" in argv else ""
    upstream = target in _UPSTREAMS or argv[:2] == ("upstream", "init")
    os.environ["MOHAO_PASSWORD"] = PASSWORD if upstream else "demo"
    code = main([*argv, "--by", ADMIN])
    out, err = capsys.readouterr()
    if argv[:2] == ("upstream", "init") and code == 0:
        _UPSTREAMS.add(target)
    return code, out, err


def demo_passwords(db: Any) -> None:
    """A unit the tests made with ``init_unit`` (officers without passwords): every officer gets
    the demo password ("demo", what the environment of the tests holds) and the unit an
    administrator ``quantri``, so that the command line logs in as on demo data."""
    from mohao_desk.services.setup import hash_password
    from mohao_desk.store import queries as q

    secret = hash_password("demo", weak=True)
    with db.begin() as conn:
        unit = q.own_unit(conn)
        for officer in q.list_officers(conn, unit.id):
            q.update_officer(conn, officer.id, password_hash=secret)
    if not any(o.username == ADMIN for o in _officers(db)):
        demo_administrator(db)


def _officers(db: Any) -> list[Any]:
    from mohao_desk.store import queries as q

    with db.read() as conn:
        unit = q.own_unit(conn)
        return list(q.list_officers(conn, unit.id))
