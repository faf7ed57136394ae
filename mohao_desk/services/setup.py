"""Setting up a unit's database: the unit, its officers, the seed catalog and regime table."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from mohao_desk.domain.calendar import OfficeHours
from mohao_desk.domain.catalog import Procedure, parse_catalog, parse_regimes
from mohao_desk.domain.codes import check_agency_code
from mohao_desk.domain.errors import DeskError, template
from mohao_desk.domain.regimes import LegalRegime
from mohao_desk.domain.roles import Operation
from mohao_desk.domain.text import nfc
from mohao_desk.services import authority
from mohao_desk.store import queries as q
from mohao_desk.store.db import Database

# The CLI adds how to set the unit up ('mohao-desk init') when it shows this.
NO_UNIT = template("Cơ sở dữ liệu chưa được thiết lập đơn vị.")


def read_resource_json(*parts: str) -> Any:
    target = resources.files("mohao_desk.resources")
    for part in parts:
        target = target / part
    return json.loads(target.read_text(encoding="utf-8"))


def seed_catalog() -> list[Procedure]:
    return parse_catalog(read_resource_json("catalog", "procedures.json"))


def seed_regimes() -> list[LegalRegime]:
    return parse_regimes(read_resource_json("regimes", "legal_regimes.json"))


@dataclass(frozen=True)
class UnitInfo:
    id: int
    code: str
    name: str
    parent_name: str
    place_name: str
    timezone: str
    office_hours: str


def unit_info(row: Any) -> UnitInfo:
    return UnitInfo(
        row.id, row.code, row.name, row.parent_name, row.place_name, row.timezone, row.office_hours
    )


@dataclass(frozen=True)
class OfficerInput:
    username: str
    full_name: str
    title: str = ""
    phone: str = ""
    # Roles (values of domain.roles.Role); without a password the account cannot log in until
    # an administrator sets one.
    roles: tuple[str, ...] = ("tiep_nhan", "xu_ly")
    password: str | None = None


def init_unit(
    db: Database,
    *,
    code: str,
    name: str,
    parent_name: str = "",
    place_name: str = "",
    office_hours: str | None = None,
    officers: list[OfficerInput] | None = None,
    admin: OfficerInput | None = None,
) -> UnitInfo:
    """Create the desk's own unit with the seed catalog and regime table (one transaction),
    its officers' accounts and, given ``admin``, its administrator's (with a password)."""
    code = check_agency_code(code)
    name = nfc(name).strip()
    if not name:
        raise DeskError("Tên đơn vị không được để trống.")
    hours = OfficeHours.parse(office_hours).format() if office_hours else None
    catalog = seed_catalog()
    regimes = seed_regimes()
    with db.begin() as conn:
        if q.own_unit(conn) is not None:
            raise DeskError("Cơ sở dữ liệu này đã được thiết lập cho một đơn vị.")
        values: dict[str, Any] = {
            "code": code,
            "name": name,
            "parent_name": nfc(parent_name).strip(),
            "place_name": nfc(place_name).strip(),
            "is_own": True,
            "created_at": datetime.now(UTC),
        }
        if hours:
            values["office_hours"] = hours
        unit_id = q.insert_unit(conn, **values)
        q.replace_regimes(conn, regimes)
        q.upsert_procedures(conn, catalog)
        for o in officers or [OfficerInput("motcua", "Công chức Một cửa", "Công chức")]:
            add_officer_in(conn, unit_id, o)
        if admin is not None:
            if "quan_tri" not in admin.roles or admin.password is None:
                raise DeskError("Tài khoản quản trị cần vai trò quản trị và mật khẩu.")
            add_officer_in(conn, unit_id, admin)
        first = officers[0].username if officers else "motcua"
        q.put_setting(conn, "default_officer", first)
        row = q.own_unit(conn)
    assert row is not None
    return unit_info(row)


def add_officer_in(conn: Any, unit_id: int, o: OfficerInput) -> int:
    username = o.username.strip()
    if not username or len(username) > 64 or any(ch.isspace() for ch in username):
        raise DeskError(
            "Tên đăng nhập '{username}' không hợp lệ (không dấu cách, tối đa 64).",
            username=o.username,
        )
    if not nfc(o.full_name).strip():
        raise DeskError("Họ tên cán bộ không được để trống.")
    if q.officer_by_username(conn, unit_id, username) is not None:
        raise DeskError("Đã có cán bộ với tên đăng nhập '{username}'.", username=username)
    return q.insert_officer(
        conn,
        unit_id=unit_id,
        username=username,
        full_name=" ".join(nfc(o.full_name).split()),
        title=" ".join(nfc(o.title).split()),
        phone=o.phone.strip(),
        roles=roles_text(o.roles),
        password_hash=None if o.password is None else hash_password(o.password),
    )


def roles_text(roles: Any) -> str:
    """Roles as stored: known values, in the table's order, comma-separated."""
    from mohao_desk.domain.roles import Role

    chosen = {Role.parse(str(r)) for r in roles}
    return ",".join(r.value for r in Role if r in chosen)


def hash_password(password: str, *, weak: bool = False) -> str:
    """An Argon2id hash of a new password (argon2-cffi's defaults: 64 MiB, 3 passes). A
    password must have 8 characters at least; ``weak`` (demo accounts, password "demo") skips
    that rule and uses cheap parameters."""
    from argon2 import PasswordHasher

    if not weak and len(password) < MIN_PASSWORD:
        raise DeskError(PASSWORD_TOO_SHORT, minimum=MIN_PASSWORD)
    hasher = (
        PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1) if weak else (PasswordHasher())
    )
    return hasher.hash(password)


MIN_PASSWORD = 8
PASSWORD_TOO_SHORT = template("Mật khẩu phải có ít nhất {minimum} ký tự.")


# ``mode = upstream``: an upstream office's database (``upstream init``), which holds what the
# units sent rather than a desk's own dossiers.
MODE_SETTING = "mode"
MODE_UPSTREAM = "upstream"


def is_upstream(conn: Any) -> bool:
    return bool(q.get_setting(conn, MODE_SETTING) == MODE_UPSTREAM)


def require_unit(conn: Any) -> UnitInfo:
    row = q.own_unit(conn)
    if row is None:
        raise DeskError(NO_UNIT)
    return unit_info(row)


def import_catalog(db: Database, path: Path) -> int:
    """Add or update procedures from a catalog file (JSON, or a province's .xlsx list) without
    a preview; the whole file or nothing. Returns how many procedures were written."""
    authority.require(db, Operation.CATALOG)
    from mohao_desk.services.catalog_import import apply_catalog, preview_catalog

    return apply_catalog(db, preview_catalog(db, Path(path)))


def update_unit_settings(
    db: Database,
    *,
    name: str | None = None,
    parent_name: str | None = None,
    place_name: str | None = None,
    office_hours: str | None = None,
    head_signature: tuple[list[str] | None, str | None] | None = None,
    default_officer: str | None = None,
) -> UnitInfo:
    """Change the unit's names, office hours (they apply to dossiers registered later), the
    signature block of the head of the processing body (apology slips, stop notices) or the
    default officer (who acts when no officer is named); all in one transaction."""
    authority.require(db, Operation.UNIT_SETTINGS)
    values: dict[str, Any] = {}
    if name is not None:
        if not nfc(name).strip():
            raise DeskError("Tên đơn vị không được để trống.")
        values["name"] = nfc(name).strip()
    if parent_name is not None:
        values["parent_name"] = nfc(parent_name).strip()
    if place_name is not None:
        values["place_name"] = nfc(place_name).strip()
    if office_hours is not None:
        values["office_hours"] = OfficeHours.parse(office_hours).format()
    with db.begin() as conn:
        unit = require_unit(conn)
        if values:
            q.update_unit(conn, unit.id, **values)
        if head_signature is not None:
            lines, name = head_signature
            current = q.get_setting(
                conn, "head_signature", {"lines": ["TM. Ủy ban nhân dân", "Chủ tịch"], "name": ""}
            )
            if lines is not None:
                if not lines:
                    raise DeskError("Chức danh người ký phải có ít nhất một dòng.")
                if len(lines) > 4 or any(len(x) > 80 for x in lines):
                    raise DeskError("Chức danh người ký: tối đa 4 dòng, mỗi dòng 80 ký tự.")
                current["lines"] = [nfc(x) for x in lines]
            if name is not None:
                current["name"] = nfc(" ".join(name.split()))
            q.put_setting(conn, "head_signature", current)
        if default_officer is not None:
            officer = q.officer_by_username(conn, unit.id, default_officer.strip())
            if officer is None or not officer.active:
                raise DeskError("Cán bộ mặc định phải là một cán bộ đang làm việc của đơn vị.")
            q.put_setting(conn, "default_officer", officer.username)
        row = q.own_unit(conn)
    return unit_info(row)


def open_unit_database(path: Path | str, *, create: bool = True) -> Database:
    """Open (create, migrate) a unit's database: the UI's way in, without touching the store."""
    from mohao_desk.store.db import open_database

    return open_database(path, create=create)


def upgrade_pending(path: Path | str) -> bool:
    """Opening ``path`` will back it up and migrate its schema first (an older version's file)."""
    from mohao_desk.store.db import upgrade_pending as pending

    return pending(path)


def has_unit(db: Database) -> bool:
    with db.read() as conn:
        return q.own_unit(conn) is not None
