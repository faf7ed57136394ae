"""Who is acting (issue 11): the account logged in on a database's session, and the check of
its roles before a service changes anything.

The window logs a person in before it shows the board and sets ``db.actor``; the command line
logs in the account of ``--by`` (or the unit's default account) with its password. Every
service that changes data calls :func:`require` first; a refusal names the roles it needs and
changes nothing. ``db.actor`` is ``None`` only for the program's own work on a database it has
just made or is filling (set-up, the demo generator, migrations, the automatic backup) and for
tests of the services themselves: no person acts then, and no role is asked.
"""

from __future__ import annotations

from typing import Any

from mohao_desk.domain.errors import DeskError, template
from mohao_desk.domain.lifecycle import Act
from mohao_desk.domain.roles import Operation
from mohao_desk.domain.roles import require as require_roles

ACTS_FOR_ANOTHER = template(
    "Đang đăng nhập bằng tài khoản {account}: không ghi nhận thay cho cán bộ {other} được."
)


def actor(db: Any) -> Any:
    """The logged-in account (``services.accounts.Account``) of ``db``'s session, if any."""
    return getattr(db, "actor", None)


def require(db: Any, operation: Act | Operation) -> None:
    """Refuse, before anything changes, when the logged-in account may not do ``operation``."""
    account = actor(db)
    if account is not None:
        require_roles(account.username, account.roles, operation)


def acting_username(db: Any, by: str | None) -> str | None:
    """Whom an act is recorded for: the logged-in account. ``by`` may only repeat its name;
    without an account (the program's own work), ``by`` or the unit's default officer."""
    account = actor(db)
    if account is None:
        return by
    if by is not None and by.strip() != account.username:
        raise DeskError(ACTS_FOR_ANOTHER, account=account.username, other=by)
    return str(account.username)
