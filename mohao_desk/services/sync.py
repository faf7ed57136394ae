"""Sync by files (issue 5): unit keys, packages out of a desk, the upstream office's import,
and configuration packages back to the desks.

The format and every check of a package live in ``domain/package.py``; the SQL in
``store/sync_queries.py``. Here: the order of things and the transactions.

- An **export** reads what changed inside ``BEGIN IMMEDIATE`` (no act is half-way, so nothing
  committed later can carry an older ``updated_at``), builds the file outside any transaction,
  writes it, then records it; a concurrent export of the same sequence is refused.
- An **import** checks every file first (container, manifest, hashes, trusted key, signature,
  payload, sequence and chain against what was imported before and against the other files),
  then applies them all in one write transaction, in (unit, sequence) order. Any failure
  raises :class:`PackageError` naming the file and the check; nothing is written.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection

from mohao_desk.domain.audit import GENESIS
from mohao_desk.domain.calendar import OfficeHours
from mohao_desk.domain.errors import DeskError, Phrase, template
from mohao_desk.domain.lifecycle import OPEN_STATUSES
from mohao_desk.domain.os_errors import os_error
from mohao_desk.domain.package import (
    ANNOUNCEMENTS_COUNT,
    FACT_ACTS,
    KIND_CONFIG,
    KIND_DESK,
    MAX_KEY_FILE_BYTES,
    MAX_PACKAGE_BYTES,
    PACKAGE_SUFFIX,
    ROLE_DESK,
    ROLE_UPSTREAM,
    CalendarEntry,
    ChainHead,
    ConfigPayload,
    DeskPayload,
    Manifest,
    OpenedPackage,
    PackageError,
    build_package,
    check_key_passphrase,
    config_payload_bytes,
    desk_payload_bytes,
    dossier_columns,
    fingerprint,
    is_encrypted,
    key_file_bytes,
    load_private_key,
    missing_sequences,
    new_private_key_pem,
    open_package,
    parse_config_payload,
    parse_desk_payload,
    parse_key_file,
    payload_digest,
    pem_of,
    plain_pem,
    public_key_of,
    ranges_text,
    read_manifest,
    short_fingerprint,
    short_unit_name,
)
from mohao_desk.domain.roles import Operation
from mohao_desk.domain.text import group_digits
from mohao_desk.domain.user_files import open_user_file, read_user_file
from mohao_desk.services import authority
from mohao_desk.services.calendar import read_announcements, write_announcements
from mohao_desk.services.desk import clean_applicant, search_key
from mohao_desk.services.setup import (
    MODE_SETTING,
    MODE_UPSTREAM,
    OfficerInput,
    UnitInfo,
    init_unit,
    is_upstream,
    require_unit,
)
from mohao_desk.store import audit as chain_store
from mohao_desk.store import daily_counts
from mohao_desk.store import queries as q
from mohao_desk.store import sync_queries as sq
from mohao_desk.store.bulk import search_index_suspended
from mohao_desk.store.db import SCHEMA_HEAD, Database

SHARE_SETTING = "share_personal_data"
UPSTREAM_CALENDAR_SETTING = "upstream_calendar_days"
UPSTREAM_OFFICE_SETTING = "upstream_office"
# A desk database may be shared by several PCs whose clocks differ a little: each export also
# carries what changed in this margin before the previous one (resending is harmless).
EXPORT_OVERLAP = timedelta(minutes=10)
DEFAULT_UPSTREAM_CODE = "000.00.22.H31"
DEFAULT_UPSTREAM_NAME = "Ủy ban nhân dân thị xã Mỹ Hào"
PROGRAM = f"mohao-desk (lược đồ {SCHEMA_HEAD})"

Clock = Callable[[], datetime]

# Messages the CLI completes with its own commands or options when it shows them.
KEY_CHANGED = template(
    "Đơn vị {name} ({unit_code}) đã được đăng ký với khóa {trusted}, khác khóa trong tệp "
    "({offered}). Nếu đơn vị đã cài lại chương trình, hãy xác nhận dấu vân tay với đơn vị rồi "
    "thay bằng khóa mới."
)
UPSTREAM_EXPORTS_CONFIG = template(
    "Đây là cơ sở dữ liệu của cơ quan cấp trên: ở đây chỉ xuất gói cấu hình (danh mục, lịch) "
    "cho các đơn vị, không xuất gói hồ sơ."
)
CONFIG_EXPORT_UPSTREAM_ONLY = template(
    "Chỉ cơ sở dữ liệu của cơ quan cấp trên mới xuất được gói cấu hình."
)
EXPORT_FILE_EXISTS = template(
    "Thư mục '{folder}' đã có tệp '{file}': không ghi đè. Hãy chọn thư mục khác, hoặc chuyển "
    "tệp cũ ra chỗ khác rồi xuất lại."
)


def _now(clock: Clock | None) -> datetime:
    return (clock() if clock else datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)


def _epoch(moment: datetime) -> int:
    return int(moment.timestamp())


class KeyPassphraseNeeded(DeskError):
    """The unit's key is encrypted (or is to be made) and this session has no passphrase:
    the window asks for it once per session, the command line reads MOHAO_KEY_PASSPHRASE or
    asks. ``new``: no key yet, the passphrase given will encrypt the new one."""

    @property
    def new(self) -> bool:
        return self.template == NEW_KEY_PASSPHRASE_NEEDED


KEY_PASSPHRASE_NEEDED = template("Cần mật khẩu khóa ký của đơn vị để ký gói.")
NEW_KEY_PASSPHRASE_NEEDED = template(
    "Đơn vị chưa có khóa ký: cần đặt mật khẩu cho khóa ký mới (người quản trị giữ mật khẩu này)."
)
PUBLIC_KEY_SETTING = sq.PUBLIC_KEY_SETTING


def _signing_pem(conn: Connection, db: Database) -> str:
    """The unit's private key as signing takes it (decrypted in memory only), made on first
    need inside the caller's write transaction. Kept encrypted with the session's passphrase
    (``db.key_passphrase``, issue 11): a new key is never stored unencrypted; a key made before
    this version is, and is encrypted the first time a passphrase is given."""
    phrase = getattr(db, "key_passphrase", None)
    stored = q.get_setting(conn, sq.PRIVATE_KEY_SETTING)
    if not stored:
        if phrase is None:
            raise KeyPassphraseNeeded(NEW_KEY_PASSPHRASE_NEEDED)
        stored = new_private_key_pem(phrase)
        q.put_setting(conn, sq.PRIVATE_KEY_SETTING, stored)
    stored = str(stored)
    if is_encrypted(stored) and phrase is None:
        raise KeyPassphraseNeeded(KEY_PASSPHRASE_NEEDED)
    pem = plain_pem(stored, phrase)
    if not is_encrypted(stored) and phrase is not None:
        q.put_setting(conn, sq.PRIVATE_KEY_SETTING, new_private_key_pem_of(pem, phrase))
    if q.get_setting(conn, PUBLIC_KEY_SETTING) is None:
        q.put_setting(conn, PUBLIC_KEY_SETTING, base64.b64encode(public_key_of(pem)).decode())
    return pem


def new_private_key_pem_of(pem: str, passphrase: str | None) -> str:
    return pem_of(load_private_key(pem), passphrase)


def _public_raw(conn: Connection, db: Database) -> bytes:
    """The unit's public key: stored beside the encrypted private one, so that showing or
    sending it needs no passphrase."""
    stored = q.get_setting(conn, PUBLIC_KEY_SETTING)
    if stored:
        return base64.b64decode(str(stored))
    return public_key_of(_signing_pem(conn, db))


def set_key_passphrase(db: Database, current: str | None, new: str) -> None:
    """Đặt / đổi mật khẩu khóa ký: the administrator encrypts the unit's key anew."""
    authority.require(db, Operation.KEYS)
    check_key_passphrase(new)
    with db.begin() as conn:
        stored = q.get_setting(conn, sq.PRIVATE_KEY_SETTING)
        pem = plain_pem(str(stored), current) if stored else new_private_key_pem(None)
        q.put_setting(conn, sq.PRIVATE_KEY_SETTING, new_private_key_pem_of(pem, new))
        q.put_setting(conn, PUBLIC_KEY_SETTING, base64.b64encode(public_key_of(pem)).decode())
    db.key_passphrase = new


def _write_file(path: Path, data: bytes, *, overwrite: bool = True) -> None:
    """Write next to the target, then rename: a reader never sees half a file. Without
    ``overwrite``, an existing file of that name is refused (:func:`_new_package_path`)."""
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if not overwrite and path.exists():  # appeared while we wrote
            tmp.unlink(missing_ok=True)
            raise _file_exists(path)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):  # e.g. the folder is a file: no temp file either
            tmp.unlink(missing_ok=True)
        raise DeskError(
            "Không ghi được tệp '{path}': {error}.", path=path, error=os_error(exc)
        ) from None


def _file_exists(path: Path) -> DeskError:
    return DeskError(EXPORT_FILE_EXISTS, folder=path.parent, file=path.name)


def _new_package_path(out_dir: Path, unit_code: str, sequence: int) -> Path:
    """Where package ``sequence`` goes; a file already there is never overwritten (it may be
    the only copy of an earlier package, or another database's), and nothing is recorded."""
    path = out_dir / f"{unit_code}_{sequence:06d}{PACKAGE_SUFFIX}"
    if path.exists():
        raise _file_exists(path)
    return path


def _out_dir(out: Path) -> Path:
    out = Path(out).expanduser()
    if out.exists() and not out.is_dir():
        raise DeskError("'{out}' không phải là thư mục.", out=out)
    return out


# -------------------------------------------------------------------------- settings


def set_share_personal_data(db: Database, value: bool) -> None:
    """Whether the desk's packages carry applicants' personal data (Decree 13/2023: off)."""
    authority.require(db, Operation.UNIT_SETTINGS)
    with db.begin() as conn:
        require_unit(conn)
        q.put_setting(conn, SHARE_SETTING, bool(value))


def share_personal_data(db: Database) -> bool:
    with db.read() as conn:
        return bool(q.get_setting(conn, SHARE_SETTING, False))


# ------------------------------------------------------------------------------ keys


@dataclass(frozen=True)
class KeyExport:
    path: Path
    unit: UnitInfo
    role: str
    fingerprint: str


def export_public_key(db: Database, out: Path) -> KeyExport:
    """Write the unit's public key file (JSON); the key pair is made on first need."""
    with db.begin() as conn:
        unit = require_unit(conn)
        public = _public_raw(conn, db)
        role = ROLE_UPSTREAM if is_upstream(conn) else ROLE_DESK
    out = Path(out).expanduser()
    if out.is_dir():
        out = out / f"{unit.code}.key.json"
    _write_file(out, key_file_bytes(unit.code, unit.name, role, public))
    return KeyExport(out, unit, role, fingerprint(public))


@dataclass(frozen=True)
class TrustResult:
    unit_code: str
    unit_name: str
    role: str
    fingerprint: str
    state: str  # new | replaced | unchanged


def trust(db: Database, key_path: Path, *, replace: bool = False) -> TrustResult:
    """Register another unit's public key: a desk's at the upstream office, the upstream
    office's at a desk."""
    authority.require(db, Operation.KEYS)
    key_path = Path(key_path)
    # Bounded, and judged by the open descriptor: a FIFO, a device or a link to /dev/zero is
    # refused without waiting or reading it whole (issue 11).
    data = read_user_file(key_path, MAX_KEY_FILE_BYTES, Phrase("khóa"))
    key = parse_key_file(key_path.name, data)
    with db.begin() as conn:
        own = require_unit(conn)
        upstream = is_upstream(conn)
        wanted = ROLE_DESK if upstream else ROLE_UPSTREAM
        if key.role != wanted and upstream:
            raise DeskError(
                "Tệp khóa '{name}' là khóa của cơ quan cấp trên; cơ sở dữ liệu cơ quan cấp trên "
                "này chỉ đăng ký khóa của một Bộ phận Một cửa.",
                name=key_path.name,
            )
        if key.role != wanted:
            raise DeskError(
                "Tệp khóa '{name}' là khóa của Bộ phận Một cửa; cơ sở dữ liệu Bộ phận Một cửa "
                "này chỉ đăng ký khóa của cơ quan cấp trên.",
                name=key_path.name,
            )
        if key.unit_code == own.code:
            raise DeskError("Tệp khóa '{name}' là khóa của chính đơn vị này.", name=key_path.name)
        row = q.unit_by_code(conn, key.unit_code)
        state = "new"
        if row is None:
            unit_id = q.insert_unit(
                conn,
                code=key.unit_code,
                name=key.unit_name,
                is_own=False,
                created_at=datetime.now(UTC),
            )
        else:
            unit_id = int(row.id)
            existing = sq.trusted_key(conn, unit_id)
            if existing is not None:
                if existing.fingerprint == key.fingerprint:
                    return TrustResult(
                        key.unit_code, row.name, key.role, key.fingerprint, "unchanged"
                    )
                if not replace:
                    raise DeskError(
                        KEY_CHANGED,
                        name=row.name,
                        unit_code=key.unit_code,
                        trusted=short_fingerprint(existing.fingerprint),
                        offered=short_fingerprint(key.fingerprint),
                    )
                state = "replaced"
            q.update_unit(conn, unit_id, name=key.unit_name)
        sq.put_trusted_key(
            conn, unit_id, key.role, base64.b64encode(key.public_key).decode(), key.fingerprint
        )
    return TrustResult(key.unit_code, key.unit_name, key.role, key.fingerprint, state)


# ---------------------------------------------------------------------------- upstream


def init_upstream(
    db: Database,
    *,
    code: str | None = None,
    name: str | None = None,
    admin: OfficerInput | None = None,
) -> UnitInfo:
    """A new upstream-office database: its own unit, the seed catalog and regimes (as a desk
    gets), ``mode = upstream`` and its key pair."""
    info = init_unit(
        db, code=code or DEFAULT_UPSTREAM_CODE, name=name or DEFAULT_UPSTREAM_NAME, admin=admin
    )
    with db.begin() as conn:
        q.put_setting(conn, MODE_SETTING, MODE_UPSTREAM)
        _signing_pem(conn, db)
    return info


# ---------------------------------------------------------------------------- export


@dataclass(frozen=True)
class ExportResult:
    path: Path
    kind: str
    sequence: int
    items: int  # dossiers (desk) or procedures (config)
    since: datetime | None
    until: datetime
    sha256: str
    personal_data: bool
    bytes: int


def export_desk_package(db: Database, out_dir: Path, *, clock: Clock | None = None) -> ExportResult:
    """One package with every dossier changed since the previous export (all of them the
    first time) into ``out_dir``."""
    authority.require(db, Operation.EXPORT)
    out_dir = _out_dir(out_dir)
    with db.begin() as conn:  # short: the unit's key pair is made on first need
        unit = require_unit(conn)
        if is_upstream(conn):
            raise DeskError(UPSTREAM_EXPORTS_CONFIG)
        last = sq.last_export(conn, KIND_DESK)
        sequence = 1 if last is None else last.sequence + 1
        # Refused here, inside the transaction: a key pair made just now is rolled back too.
        path = _new_package_path(out_dir, unit.code, sequence)
        pem = _signing_pem(conn, db)
    # The reading is one snapshot that holds no lock: the desk goes on registering while a
    # million dossiers are read (a write lock here blocked every act for 13.7 s, issue 10). An
    # act committed after the snapshot, even with an earlier updated_at, is in the next package:
    # the next one starts EXPORT_OVERLAP before this one's end. Recording the sequence
    # (``_record``) takes the write lock again and refuses a concurrent export of that number.
    with db.read() as conn:
        personal = bool(q.get_setting(conn, SHARE_SETTING, False))
        until = _now(clock)
        since = None if last is None else min(last.until, until) - EXPORT_OVERLAP
        low, high = (0 if since is None else _epoch(since)), _epoch(until)
        rows = sq.changed_dossiers(conn, unit.id, low, high, personal)
        facts_rows = sq.changed_facts(conn, unit.id, low, high, FACT_ACTS)
        staff = sq.officers_by_username(conn, unit.id)
        catalog = {p.code: p for _, p in q.list_procedures(conn, active_only=False)}
        chain_head = _chain_head(conn, last)
    previous = None if last is None else last.sha256
    names = dossier_columns(personal)
    columns: dict[str, list[Any]] = {}
    transposed = list(zip(*rows, strict=True)) if rows else [() for _ in range(len(names) - 1)]
    at = 0
    for name in names:
        if name == "facts":
            facts: dict[str, list[list[Any]]] = {}
            for code, act, moment in facts_rows:
                facts.setdefault(code, []).append([act, moment])
            columns[name] = [facts.get(code) for code in columns["code"]]
            continue
        values = transposed[at]
        at += 1
        if name in ("verification", "inputs_digitized", "result_digitized", "result_electronic"):
            columns[name] = [bool(v) for v in values]
        else:
            columns[name] = list(values)
    used_officers = sorted({u for u in columns["officer"] + columns["receiver"] if u})
    officers = [(u, *staff[u]) for u in used_officers]
    procedures = [catalog[c] for c in sorted(set(columns["procedure"]))]
    payload = desk_payload_bytes(procedures, officers, columns)
    digest, size = payload_digest(payload)
    manifest = Manifest(
        kind=KIND_DESK,
        unit_code=unit.code,
        unit_name=unit.name,
        sequence=sequence,
        since=since,
        until=until,
        counts={"dossiers": len(rows), "procedures": len(procedures), "officers": len(officers)},
        previous_sha256=previous,
        payload_sha256=digest,
        payload_size=size,
        created_at=_now(clock),
        personal_data=personal,
        key_fingerprint=fingerprint(public_key_of(pem)),
        program=PROGRAM,
        audit=chain_head,
    )
    data, sha = build_package(manifest, payload, pem)
    _record(db, path, data, manifest, sha, len(rows))
    return ExportResult(
        path, KIND_DESK, sequence, len(rows), since, until, sha, personal, len(data)
    )


def _chain_head(conn: Connection, last: Any) -> ChainHead:
    """This database's audit chain for a package: its length and head, and what its link at
    the previous package's head is now (the receiver compares it with that package's head)."""
    length, head = chain_store.head(conn)
    previous_seq = None if last is None else last.audit_seq
    previous_hash = None
    if previous_seq == 0:
        previous_hash = GENESIS
    elif previous_seq is not None:
        found = chain_store.link_at(conn, previous_seq)
        previous_hash = None if found is None else found[0]
    return ChainHead(length, head, previous_seq, previous_hash)


def _record(
    db: Database, path: Path, data: bytes, manifest: Manifest, sha: str, items: int
) -> None:
    """Write the file, then record the export; a failure to record removes the file."""
    _write_file(path, data, overwrite=False)
    try:
        with db.begin() as conn:
            last = sq.last_export(conn, manifest.kind)
            if (0 if last is None else last.sequence) != manifest.sequence - 1:
                raise DeskError("Một lần xuất gói khác vừa chạy cùng lúc; hãy xuất lại.")
            sq.insert_export(
                conn,
                kind=manifest.kind,
                sequence=manifest.sequence,
                sha256=sha,
                previous_sha256=manifest.previous_sha256,
                since=manifest.since,
                until=manifest.until,
                items=items,
                file_name=path.name,
                created_at=manifest.created_at,
                audit_seq=None if manifest.audit is None else manifest.audit.length,
                audit_hash=None if manifest.audit is None else manifest.audit.head,
            )
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def export_config_package(
    db: Database,
    out_dir: Path,
    *,
    office_hours: str | None = None,
    clock: Clock | None = None,
) -> ExportResult:
    """Upstream → desks: the catalog, the upstream office's calendar overrides, its official
    calendar announcements and settings, signed with the upstream key. Full state each time: a
    desk applies only the newest. Without announcements the package is of schema version 1,
    which desks with an older program still read."""
    authority.require(db, Operation.EXPORT)
    out_dir = _out_dir(out_dir)
    settings: dict[str, str] = {}
    if office_hours:
        settings["office_hours"] = OfficeHours.parse(office_hours).format()
    with db.begin() as conn:
        unit = require_unit(conn)
        if not is_upstream(conn):
            raise DeskError(CONFIG_EXPORT_UPSTREAM_ONLY)
        pem = _signing_pem(conn, db)
        last = sq.last_export(conn, KIND_CONFIG)
        sequence = 1 if last is None else last.sequence + 1
        path = _new_package_path(out_dir, unit.code, sequence)
        procedures = [p for _, p in q.list_procedures(conn)]
        calendar = [
            CalendarEntry(datetime.strptime(r.day, "%Y-%m-%d").date(), bool(r.working), r.note)
            for r in q.list_overrides(conn, unit.id)
        ]
        announcements = read_announcements(conn)
        chain_head = _chain_head(conn, last)
    settings[UPSTREAM_OFFICE_SETTING] = unit.name
    until = _now(clock)
    payload = config_payload_bytes(procedures, calendar, settings, announcements)
    counts = {
        "procedures": len(procedures),
        "calendar_overrides": len(calendar),
        "settings": len(settings),
    }
    if announcements:
        counts[ANNOUNCEMENTS_COUNT] = len(announcements)
    digest, size = payload_digest(payload)
    manifest = Manifest(
        kind=KIND_CONFIG,
        unit_code=unit.code,
        unit_name=unit.name,
        sequence=sequence,
        since=None if last is None else min(last.until, until),
        until=until,
        counts=counts,
        previous_sha256=None if last is None else last.sha256,
        payload_sha256=digest,
        payload_size=size,
        created_at=until,
        personal_data=False,
        key_fingerprint=fingerprint(public_key_of(pem)),
        program=PROGRAM,
        audit=chain_head,
    )
    data, sha = build_package(manifest, payload, pem)
    _record(db, path, data, manifest, sha, len(procedures))
    return ExportResult(
        path, KIND_CONFIG, sequence, len(procedures), manifest.since, until, sha, False, len(data)
    )


# ---------------------------------------------------------------------------- import


@dataclass(frozen=True)
class PackageOutcome:
    name: str
    unit_code: str
    unit_name: str
    kind: str
    sequence: int
    items: int
    state: str  # imported | duplicate | superseded (an older config package)


@dataclass(frozen=True)
class Gap:
    unit_code: str
    unit_name: str
    missing: list[int]

    def text(self) -> str:
        name = short_unit_name(self.unit_name)
        return f"{name} ({self.unit_code}): thiếu gói số {ranges_text(self.missing)}"


@dataclass
class ImportReport:
    outcomes: list[PackageOutcome] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    dossiers_new: int = 0
    dossiers_updated: int = 0
    dossiers_kept: int = 0  # newer data already here (an older package arrived late)
    # A unit whose history already reported was rewritten (the package is imported all the
    # same, and marked): one line each, to show.
    warnings: list[Phrase] = field(default_factory=list)


@dataclass
class _Checked:
    path: Path
    data: bytes
    package: OpenedPackage
    unit_id: int
    fingerprint: str
    public_key: bytes
    duplicate: bool = False
    rewritten: Phrase | None = None  # this package says the history it follows was rewritten


def package_files(paths: Iterable[Path]) -> list[Path]:
    """Files as given; a folder stands for the packages (``*.mhd``) in it."""
    files: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix == PACKAGE_SUFFIX))
        else:
            files.append(path)
    if not files:
        raise DeskError("Không có gói nào để nhập.")
    return files


def _read(path: Path) -> bytes:
    """The package file, at most MAX_PACKAGE_BYTES, read from a descriptor judged a regular
    file (a FIFO must not hang the service, whoever calls it)."""
    try:
        # The size is judged here (a refused package names its check), not by open_user_file.
        with open_user_file(path, 2**62, Phrase("gói")) as (handle, size):
            if size > MAX_PACKAGE_BYTES:
                raise PackageError(
                    path.name,
                    "size",
                    "{size} byte, tối đa {limit}",
                    size=group_digits(size),
                    limit=group_digits(MAX_PACKAGE_BYTES),
                )
            data = handle.read(MAX_PACKAGE_BYTES + 1)
    except OSError as exc:
        raise DeskError(
            "Không đọc được tệp '{path}': {error}.", path=path, error=os_error(exc)
        ) from None
    if len(data) > MAX_PACKAGE_BYTES:
        raise PackageError(
            path.name, "size", "tối đa {limit} byte", limit=group_digits(MAX_PACKAGE_BYTES)
        )
    return data


def _verify(
    path: Path, data: bytes, kind: str, keys: dict[str, Any]
) -> tuple[OpenedPackage, ConfigPayload | None, Any]:
    """Every check of one file that needs no other file: container, manifest, hashes, the
    trusted key and signature, and a configuration package's payload. A desk package's payload
    (13 × 18 MiB of JSON upstream) is parsed and checked once, as it is applied
    (:func:`_desk_payload`); a refusal then names the file the checks in file order would."""
    manifest = read_manifest(path.name, data)  # nothing but the manifest inflated yet
    if manifest.kind != kind and kind == KIND_DESK:
        raise PackageError(
            path.name,
            "kind",
            "đây là gói cấu hình của cơ quan cấp trên, chỉ nhập tại Bộ phận Một cửa",
        )
    if manifest.kind != kind:
        raise PackageError(
            path.name, "kind", "đây là gói hồ sơ của Bộ phận Một cửa, chỉ nhập tại cơ quan cấp trên"
        )
    key = keys.get(manifest.unit_code)
    wanted_role = ROLE_DESK if kind == KIND_DESK else ROLE_UPSTREAM
    if key is None or key.role != wanted_role:
        raise PackageError(
            path.name,
            "unit",
            "{unit_name} ({unit_code}); hãy đăng ký tệp khóa công khai của đơn vị trước",
            unit_name=manifest.unit_name,
            unit_code=manifest.unit_code,
        )
    # The signature before the payload is inflated (an unsigned bomb costs nothing).
    package = open_package(path.name, data, base64.b64decode(key.public_key))
    if kind == KIND_DESK:
        return package, None, key
    return package, parse_config_payload(path.name, manifest, package.payload), key


def _desk_payload(name: str, package: OpenedPackage) -> DeskPayload:
    """A desk package's payload, parsed and checked (its columns, then the desk's rules)."""
    payload = parse_desk_payload(name, package.manifest, package.payload)
    check_dossier_values(name, package.manifest, payload)
    return payload


def _first_payload_refusal(checked: Iterable[_Checked]) -> None:
    """Raise the refusal of the first of ``checked`` (in file order) whose payload fails its
    checks, if any: with the payloads checked as they are applied, a refusal found later
    (another file's signature, the order of the packages, a payload applied earlier) gives way
    to it, as when every file was checked whole before the next one."""
    for c in checked:
        _desk_payload(c.path.name, _reopen(c))


# A moment of a dossier may be a little after the package was made (PCs sharing a database
# have clocks that differ; the desk allows FUTURE_TOLERANCE per act): a day, no more.
MOMENT_AHEAD = timedelta(days=1)


def _value_error(name: str, code: str, column: str, problem: Phrase) -> PackageError:
    return PackageError(
        name,
        "payload",
        "hồ sơ {code}, cột '{column}': {problem}",
        code=code,
        column=column,
        problem=problem,
    )


def check_dossier_values(name: str, manifest: Manifest, payload: DeskPayload) -> None:
    """The desk's own rules over a signed payload's values (a trusted key may be stolen, a desk
    program may be broken): receipt not after the package was made, deadlines and results not
    before receipt, no return time on a dossier still open, and the applicant's phone and
    e-mail as the desk accepts them (:func:`clean_applicant`). The first value broken refuses
    the package whole, naming the dossier and the column."""
    cols = payload.dossiers
    latest = _epoch(manifest.until + MOMENT_AHEAD)
    open_statuses = {s.value for s in OPEN_STATUSES}
    rows = zip(
        cols["code"], cols["status"], cols["received_at"], cols["due_at"],
        cols["original_due_at"], cols["finished_at"], cols["returned_at"], cols["updated_at"],
        strict=True,
    )  # fmt: skip
    for code, status, received, due, original, finished, returned, updated in rows:
        if received > latest:
            raise _value_error(name, code, "received_at", Phrase("tiếp nhận sau khi lập gói"))
        if due < received:
            raise _value_error(name, code, "due_at", Phrase("hạn giải quyết trước khi tiếp nhận"))
        if original < received:
            raise _value_error(
                name, code, "original_due_at", Phrase("hạn giải quyết trước khi tiếp nhận")
            )
        if finished is not None and (finished < received or finished > latest):
            raise _value_error(
                name,
                code,
                "finished_at",
                Phrase("có kết quả trước khi tiếp nhận hoặc sau khi lập gói"),
            )
        if returned is not None:
            if status in open_statuses:
                raise _value_error(
                    name,
                    code,
                    "returned_at",
                    Phrase("có thời điểm trả kết quả khi hồ sơ chưa xong"),
                )
            if (
                returned < received
                or returned > latest
                or (finished is not None and returned < finished)
            ):
                raise _value_error(
                    name,
                    code,
                    "returned_at",
                    Phrase(
                        "trả kết quả trước khi tiếp nhận, trước khi có kết quả hoặc sau khi lập gói"
                    ),
                )
        if updated > latest:
            raise _value_error(name, code, "updated_at", Phrase("cập nhật sau khi lập gói"))
    if not manifest.personal_data:
        return
    # Phone and e-mail as the desk's form checks them, each distinct value once (~0.4 s for
    # 100,000 dossiers that all have both).
    accepted: set[tuple[str, str]] = set()
    people = zip(cols["code"], cols["applicant_phone"], cols["applicant_email"], strict=True)
    for code, phone, email in people:
        for column, value, one in (
            ("applicant_phone", phone, ("-", phone, "", "")),
            ("applicant_email", email, ("-", "", email, "")),
        ):
            if not value or (column, value) in accepted:
                continue
            try:
                clean_applicant(*one)
            except DeskError as exc:
                raise _value_error(name, code, column, Phrase.of(exc)) from None
            accepted.add((column, value))


def _check_order(checked: list[_Checked], logs: dict[tuple[int, str], dict[int, Any]]) -> None:
    """Same sequence twice must be the same package; each package must follow the one before
    it (by hash) when both are known. Marks exact duplicates."""
    seen: dict[tuple[int, str, int], _Checked] = {}
    for c in checked:
        m = c.package.manifest
        key = (c.unit_id, m.kind, m.sequence)
        before = logs.get((c.unit_id, m.kind), {}).get(m.sequence)
        other = seen.get(key)
        if before is not None and before.sha256 != c.package.sha256:
            raise PackageError(
                c.path.name,
                "sequence",
                "gói số {sequence} của {unit_name} đã nhập trước đây",
                sequence=m.sequence,
                unit_name=m.unit_name,
            )
        if before is None and other is not None and other.package.sha256 != c.package.sha256:
            raise PackageError(
                c.path.name,
                "sequence",
                "gói số {sequence} của {unit_name} có trong tệp '{other}'",
                sequence=m.sequence,
                unit_name=m.unit_name,
                other=other.path.name,
            )
        if before is not None or other is not None:
            c.duplicate = True
            continue
        seen[key] = c
    hashes: dict[tuple[int, str, int], tuple[str, str | None, str]] = {}
    for (unit_id, kind), rows in logs.items():
        for seq, row in rows.items():
            hashes[(unit_id, kind, seq)] = (row.sha256, row.previous_sha256, "")
    for key, c in seen.items():
        m = c.package.manifest
        hashes[key] = (c.package.sha256, m.previous_sha256, c.path.name)
    for key, c in seen.items():
        unit_id, kind, seq = key
        m = c.package.manifest
        before_entry = hashes.get((unit_id, kind, seq - 1))
        if before_entry is not None and before_entry[0] != m.previous_sha256:
            raise PackageError(
                c.path.name,
                "chain",
                "gói số {sequence} của {unit_name} có mã băm khác",
                sequence=seq - 1,
                unit_name=m.unit_name,
            )
        after = hashes.get((unit_id, kind, seq + 1))
        if after is not None and after[1] != c.package.sha256:
            raise PackageError(
                c.path.name,
                "chain",
                "gói số {sequence} của {unit_name} không nối tiếp gói này",
                sequence=seq + 1,
                unit_name=m.unit_name,
            )


def import_packages(
    db: Database, paths: Sequence[Path], *, clock: Clock | None = None
) -> ImportReport:
    """Import packages (upstream: desk packages; desk: config packages), all or nothing."""
    authority.require(db, Operation.IMPORT)
    files = package_files(paths)
    with db.read() as conn:
        require_unit(conn)
        upstream = is_upstream(conn)
        keys = sq.trusted_keys_by_code(conn)
        kind = KIND_DESK if upstream else KIND_CONFIG
        logs = {(k.unit_id, kind): sq.imported(conn, k.unit_id, kind) for k in keys.values()}
    checked: list[_Checked] = []
    for path in files:
        try:
            data = _read(path)
            package, _, key = _verify(path, data, kind, keys)
        except DeskError:
            if kind == KIND_DESK:  # a payload before it in file order refused first
                _first_payload_refusal(checked)
            raise
        # Only the file's (compressed) bytes are kept, not the inflated payload: 13 packages
        # of 100,000 dossiers would hold ~250 MB of JSON text. The apply pass inflates and
        # re-hashes them again, and parses and checks a desk package's payload (once).
        light = replace(package, payload=b"")
        checked.append(
            _Checked(
                path,
                data,
                light,
                int(key.unit_id),
                key.fingerprint,
                base64.b64decode(key.public_key),
            )
        )
    in_file_order = list(checked)
    try:
        _check_order(checked, logs)
        later_rewritten = _chain_rewrites(checked, logs)
        report = ImportReport()
        now = _now(clock)
        checked.sort(key=lambda c: (c.package.manifest.unit_code, c.package.manifest.sequence))
        _import_checked(db, checked, kind, upstream, later_rewritten, report, now)
    except DeskError:
        if upstream:  # rolled back; the first payload in file order that fails refuses first
            _first_payload_refusal(in_file_order)
        raise
    return report


def _import_checked(
    db: Database,
    checked: list[_Checked],
    kind: str,
    upstream: bool,
    later_rewritten: list[tuple[int, Phrase]],
    report: ImportReport,
    now: datetime,
) -> None:
    with db.begin() as conn:
        current = sq.trusted_keys_by_code(conn)
        for c in checked:
            key = current.get(c.package.manifest.unit_code)
            if key is None or key.fingerprint != c.fingerprint:
                raise DeskError("Khóa tin cậy vừa bị thay đổi trong khi nhập gói; hãy nhập lại.")
            for seq in sq.imported(conn, c.unit_id, kind):
                if not c.duplicate and seq == c.package.manifest.sequence:
                    raise DeskError("Một lần nhập gói khác vừa chạy cùng lúc; hãy nhập lại.")
        if upstream:
            fresh = [c for c in checked if not c.duplicate]
            if fresh:  # one batch link of the audit chain for the whole import
                chain_store.batch(
                    conn,
                    "nhập gói "
                    + ", ".join(
                        f"{c.package.manifest.unit_code} số {c.package.manifest.sequence}"
                        for c in fresh[:20]
                    )
                    + (f" (+{len(fresh) - 20})" if len(fresh) > 20 else ""),
                )
            _apply_desk_packages(conn, checked, report, now)
        else:
            _apply_config_packages(conn, checked, report, now)
        for row_id, reason in later_rewritten:
            sq.mark_rewritten(conn, row_id)
            report.warnings.append(reason)
        report.warnings[:0] = [c.rewritten for c in checked if c.rewritten is not None]
        if upstream:
            for _unit_id, code, name, seqs, _last in sq.import_summary(conn, KIND_DESK):
                missing = missing_sequences(seqs)
                if missing:
                    report.gaps.append(Gap(code, name, missing))


REWRITTEN = template(
    "Lịch sử đã gửi của đơn vị {unit_name} ({unit_code}) đã bị sửa: gói số {sequence} cho biết "
    "mắt xích số {seq} của chuỗi lịch sử nay khác với lúc gửi gói số {previous}. Gói vẫn được "
    "nhập; hãy đề nghị đơn vị giải trình."
)
REWRITTEN_ELSEWHERE = template(
    "Lịch sử đã gửi của đơn vị {unit_name} ({unit_code}) đã bị sửa: gói số {previous} kết thúc "
    "ở mắt xích số {seq} của chuỗi lịch sử, gói số {sequence} lại nói gói trước kết thúc ở số "
    "{claimed}. Gói vẫn được nhập; hãy đề nghị đơn vị giải trình."
)


def _chain_rewrites(
    checked: list[_Checked], logs: dict[tuple[int, str], dict[int, Any]]
) -> list[tuple[int, Phrase]]:
    """Compare each new package's chain head with its neighbours' (the log's and the other
    files'): a package whose ``previous_hash`` differs from the head the package before it
    carried (or names another link, or a shorter chain) marks a rewrite. Sets
    ``_Checked.rewritten`` on the new packages; returns (log row id, reason) for packages
    imported before whose claim the new one contradicts.

    Decision: such a package is imported all the same. A province office wants the unit's
    figures (the reports are due either way) and wants the rewrite seen: the package is
    marked (``sync_import.audit_rewritten``), the import says so, ``sync-status`` keeps
    saying so. Refusing it would only stop the data, not the rewrite."""
    heads: dict[tuple[int, str, int], tuple[Any, ...]] = {}
    for (unit_id, kind), rows in logs.items():
        for seq, row in rows.items():
            if row.audit_seq is not None:
                heads[(unit_id, kind, seq)] = (
                    row.audit_seq, row.audit_hash, row.audit_previous_seq,
                    row.audit_previous_hash, row.id,
                )  # fmt: skip
    fresh = [c for c in checked if not c.duplicate and c.package.manifest.audit is not None]
    for c in fresh:
        m = c.package.manifest
        a = m.audit
        assert a is not None
        heads[(c.unit_id, m.kind, m.sequence)] = (
            a.length, a.head, a.previous_seq, a.previous_hash, None,
        )  # fmt: skip
    later: list[tuple[int, Phrase]] = []
    for c in fresh:
        m = c.package.manifest
        key = (c.unit_id, m.kind, m.sequence)
        before = heads.get((c.unit_id, m.kind, m.sequence - 1))
        if before is not None:
            c.rewritten = _contradiction(m, before, heads[key], m.sequence)
        after = heads.get((c.unit_id, m.kind, m.sequence + 1))
        if after is not None and after[4] is not None:  # imported earlier, made later
            reason = _contradiction(m, heads[key], after, m.sequence + 1)
            if reason is not None:
                later.append((int(after[4]), reason))
    return later


def _contradiction(
    m: Manifest, earlier: tuple[Any, ...], later: tuple[Any, ...], later_sequence: int
) -> Phrase | None:
    length, head = earlier[0], earlier[1]
    later_length, _, previous_seq, previous_hash, _ = later
    if previous_seq == length and previous_hash == head and later_length >= length:
        return None
    names = {
        "unit_name": m.unit_name,
        "unit_code": m.unit_code,
        "sequence": later_sequence,
        "previous": later_sequence - 1,
        "seq": group_digits(length),
    }
    if previous_seq != length:
        claimed = "—" if previous_seq is None else group_digits(previous_seq)
        return Phrase(REWRITTEN_ELSEWHERE, claimed=claimed, **names)
    return Phrase(REWRITTEN, **names)


def _log(conn: Connection, c: _Checked, items: int, now: datetime, applied: bool = True) -> None:
    m = c.package.manifest
    a = m.audit
    sq.insert_import(
        conn,
        unit_id=c.unit_id,
        kind=m.kind,
        sequence=m.sequence,
        sha256=c.package.sha256,
        previous_sha256=m.previous_sha256,
        since=m.since,
        until=m.until,
        items=items,
        personal_data=m.personal_data,
        file_name=c.path.name,
        created_at=m.created_at,
        imported_at=now,
        applied=applied,
        audit_seq=None if a is None else a.length,
        audit_hash=None if a is None else a.head,
        audit_previous_seq=None if a is None else a.previous_seq,
        audit_previous_hash=None if a is None else a.previous_hash,
        audit_rewritten=c.rewritten is not None,
    )


def _outcome(c: _Checked, items: int, state: str) -> PackageOutcome:
    m = c.package.manifest
    return PackageOutcome(c.path.name, m.unit_code, m.unit_name, m.kind, m.sequence, items, state)


def _reopen(c: _Checked) -> OpenedPackage:
    """The same bytes, opened and hashed again (cheap next to parsing)."""
    package = open_package(c.path.name, c.data, c.public_key)
    if package.sha256 != c.package.sha256:  # pragma: no cover - bytes are immutable
        raise PackageError(c.path.name, "integrity")
    return package


def _apply_desk_packages(
    conn: Connection, checked: list[_Checked], report: ImportReport, now: datetime
) -> None:
    procedure_ids = sq.procedure_ids(conn)
    regimes = sq.regime_codes(conn)
    first_id = sq.max_dossier_id(conn) + 1
    # The statistics' daily counts (store/daily_counts.py): the days this import touches are
    # counted again at its end; counts not kept yet (the first import after revision 0010, or
    # the unit's zone changed its offset) are counted whole.
    offset = _fixed_offset(require_unit(conn).timezone, now)
    kept = daily_counts.kept_offset(conn)
    touched = daily_counts.TouchedDays(offset) if offset is not None and kept == offset else None
    state = _UpsertState(first_id=first_id, next_id=first_id, touched=touched)
    with sq.large_cache(conn), search_index_suspended(conn, first_id):
        for c in checked:
            package = _reopen(c)
            payload = _desk_payload(c.path.name, package)  # the one parse of the payload
            if c.duplicate:  # checked as any other file, not applied
                report.outcomes.append(
                    _outcome(c, c.package.manifest.counts["dossiers"], "duplicate")
                )
                continue
            # A desk never changes the upstream catalog: a known code is left as it is, an
            # unknown one becomes a reference (inactive, no components, never in a config
            # package), so its dossiers still show the procedure's name.
            missing = [p for p in payload.procedures if p.code not in procedure_ids]
            if missing:
                sq.insert_procedure_references(conn, missing)
                procedure_ids = sq.procedure_ids(conn)
            unknown = set(payload.dossiers["regime"]) - regimes
            if unknown:
                raise PackageError(
                    c.path.name,
                    "payload",
                    "chế độ pháp lý không xác định: {regimes}",
                    regimes=str(sorted(unknown)),
                )
            officers = sq.upsert_officers(conn, c.unit_id, payload.officers)
            _upsert_dossiers(conn, c, payload, procedure_ids, officers, state, report)
            _log(conn, c, payload.count, now)
            report.outcomes.append(_outcome(c, payload.count, "imported"))
        # Rows that existed before this import and whose search key changed (a unit started
        # or stopped sharing personal data): the index still holds their old key.
        sq.reindex_search(
            conn, [(i, old, state.final_keys[i]) for i, old in state.indexed_keys.items()]
        )
        if len(state.digests) != 32 * (state.next_id - first_id):  # pragma: no cover
            raise AssertionError("one state digest per dossier inserted")
        sq.note_imported_states(conn, first_id, bytes(state.digests))
    if touched is not None:
        daily_counts.refresh(conn, touched)
    elif offset is not None:
        daily_counts.rebuild(conn, offset)
    elif kept is not None:
        daily_counts.forget(conn)
    # PostgreSQL: statistics for the grown tables before the first report is planned.
    sq.analyze_after_import(conn, report.dossiers_new)


def _fixed_offset(timezone: str, now: datetime) -> int | None:
    """The zone's UTC offset in seconds if it has no daylight saving this year (Vietnam's
    +07:00), else None: local days are then not a fixed cut of the epoch."""
    zone = ZoneInfo(timezone)
    offsets = {zone.utcoffset(datetime(now.year, month, 1)) for month in (1, 4, 7, 10)}
    found = offsets.pop() if len(offsets) == 1 else None
    return None if found is None else int(found.total_seconds())


@dataclass
class _UpsertState:
    first_id: int  # rows from here on are indexed for search when the import ends
    next_id: int
    units: dict[int, dict[str, list[Any]]] = field(default_factory=dict)  # the current one
    indexed_keys: dict[int, str] = field(default_factory=dict)  # id → key the index holds
    final_keys: dict[int, str] = field(default_factory=dict)
    touched: daily_counts.TouchedDays | None = None  # the days to count again
    # The audit chain's state digests of the rows from first_id on (32 bytes each, in id
    # order), kept as they are written: the seal reads none of them back.
    digests: bytearray = field(default_factory=bytearray)


def _upsert_dossiers(
    conn: Connection,
    c: _Checked,
    payload: DeskPayload,
    procedure_ids: dict[str, int],
    officers: dict[str, int],
    state: _UpsertState,
    report: ImportReport,
) -> None:
    manifest = c.package.manifest
    seq = manifest.sequence
    existing = state.units.get(c.unit_id)
    if existing is None:
        state.units.clear()  # packages come sorted by unit: the previous unit is done
        existing = state.units[c.unit_id] = sq.unit_dossiers(conn, c.unit_id, manifest.unit_code)
    cols = payload.dossiers
    n = payload.count
    blank = [""] * n
    personal = manifest.personal_data
    names = (
        [cols[k] for k in ("applicant_name", "applicant_address", "applicant_phone",
                           "applicant_email", "applicant_id_number")]
        if personal
        else [blank] * 5
    )  # fmt: skip
    facts = [None if f is None else json.dumps(f) for f in cols["facts"]]
    proc = [procedure_ids[p] for p in cols["procedure"]]
    officer = [None if u is None else officers[u] for u in cols["officer"]]
    receiver = [None if u is None else officers[u] for u in cols["receiver"]]
    if personal:
        keys = [
            search_key(name, phone, code)
            for name, phone, code in zip(names[0], names[2], cols["code"], strict=True)
        ]
    else:
        keys = [code.lower() for code in cols["code"]]  # = fold(code): codes are ASCII
    rows = zip(
        cols["code"], proc, cols["regime"], cols["channel"], cols["sets_count"],
        cols["verification"], cols["received_at"], cols["due_at"], cols["original_due_at"],
        cols["finished_at"], cols["returned_at"], cols["paused_at"], cols["status"], officer,
        receiver, cols["supplement_count"], cols["apology_count"], cols["inputs_digitized"],
        cols["result_digitized"], cols["result_electronic"], cols["rating"],
        cols["event_count"], cols["updated_at"], *names, keys, facts,
        strict=True,
    )  # fmt: skip
    inserts: list[tuple[Any, ...]] = []
    updates: list[tuple[Any, ...]] = []
    synced: list[tuple[int, int, str | None]] = []
    synced_new: list[tuple[int, int, str | None]] = []  # those of the inserts, in their order
    renewed: list[tuple[str, tuple[Any, ...]]] = []  # (code, update) of rows from first_id on
    renewed_facts: list[str | None] = []
    unit_id = c.unit_id
    first_id = state.first_id
    for row in rows:
        code = row[0]
        values = row[1:-1]
        known = existing.get(code)
        if known is None:
            dossier_id = state.next_id
            state.next_id += 1
            inserts.append((dossier_id, code, unit_id, *values))
            existing[code] = [dossier_id, values[-1], seq]
            synced_new.append((dossier_id, seq, row[-1]))
        else:
            dossier_id, key, last_seq = known
            if last_seq > seq:  # a newer package already brought this dossier
                report.dossiers_kept += 1
                continue
            if key != values[-1]:
                if dossier_id < first_id:
                    state.indexed_keys.setdefault(dossier_id, key)
                    state.final_keys[dossier_id] = values[-1]
                known[1] = values[-1]
            known[2] = seq
            updates.append((*values, dossier_id))
            if dossier_id >= first_id:
                renewed.append((code, updates[-1]))
                renewed_facts.append(row[-1])
        synced.append((dossier_id, seq, row[-1]))
    touched = state.touched
    if touched is not None:  # the days before (as stored) and after the import
        touched.add_stored(conn, [r[-1] for r in updates])
        at = [sq.IMPORT_COLUMNS.index(n) for n in ("received_at", "finished_at")]
        for r in inserts:
            touched.add(unit_id, r[1 + at[0]], r[1 + at[1]])
        for r in updates:
            touched.add(unit_id, r[at[0] - 2], r[at[1] - 2])
    by_id = {officer_id: username for username, officer_id in officers.items()}
    state.digests += sq.imported_state_digests(inserts, 1, by_id, seq, (s[2] for s in synced_new))
    again = [(existing_code, unit_id, *u[:-1]) for existing_code, u in renewed]
    if again:  # rows of this import that a later package of the unit brought again
        digests = sq.imported_state_digests(again, 0, by_id, seq, renewed_facts)
        view = memoryview(state.digests)
        for k, (_, u) in enumerate(renewed):
            at = 32 * (u[-1] - state.first_id)
            view[at : at + 32] = digests[32 * k : 32 * k + 32]
        view.release()
    sq.insert_dossiers(conn, inserts, hashed=True)
    sq.update_dossiers(conn, updates)
    sq.upsert_synced(conn, synced)
    report.dossiers_new += len(inserts)
    report.dossiers_updated += len(updates)


def _apply_config_packages(
    conn: Connection, checked: list[_Checked], report: ImportReport, now: datetime
) -> None:
    """At a desk: the newest configuration package wins; an older one arriving late is
    logged (so the sequence is known) but not applied."""
    own = require_unit(conn)
    for c in checked:
        m = c.package.manifest
        if c.duplicate:
            report.outcomes.append(_outcome(c, m.counts["procedures"], "duplicate"))
            continue
        applied = [
            seq for seq, row in sq.imported(conn, c.unit_id, KIND_CONFIG).items() if row.applied
        ]
        if applied and max(applied) > m.sequence:
            _log(conn, c, m.counts["procedures"], now, applied=False)
            report.outcomes.append(_outcome(c, m.counts["procedures"], "superseded"))
            continue
        package = _reopen(c)
        payload = parse_config_payload(c.path.name, m, package.payload)
        if payload.procedures:
            q.upsert_procedures(conn, payload.procedures)
        previous = set(q.get_setting(conn, UPSTREAM_CALENDAR_SETTING, []))
        days = {e.day.isoformat() for e in payload.calendar}
        for day in sorted(previous - days):
            q.delete_override(conn, own.id, datetime.strptime(day, "%Y-%m-%d").date())
        for entry in payload.calendar:
            q.put_override(conn, own.id, entry.day, entry.working, entry.note)
        q.put_setting(conn, UPSTREAM_CALENDAR_SETTING, sorted(days))
        # The upstream office's announcements, whole (none in a package of schema version 1).
        write_announcements(conn, payload.announcements)
        if UPSTREAM_OFFICE_SETTING in payload.settings:
            q.put_setting(conn, UPSTREAM_OFFICE_SETTING, payload.settings[UPSTREAM_OFFICE_SETTING])
        if "office_hours" in payload.settings:
            hours = OfficeHours.parse(payload.settings["office_hours"]).format()
            q.update_unit(conn, own.id, office_hours=hours)
        _log(conn, c, len(payload.procedures), now)
        report.outcomes.append(_outcome(c, len(payload.procedures), "imported"))


# ---------------------------------------------------------------------------- status


@dataclass(frozen=True)
class UnitSyncStatus:
    unit_code: str
    unit_name: str
    packages: int
    last_sequence: int
    last_imported_at: datetime | None
    missing: list[int]
    rewritten: list[int] = field(default_factory=list)  # packages saying the history changed


def sync_status(db: Database) -> list[UnitSyncStatus]:
    """Per trusted unit: packages imported, the last one, and the gaps."""
    with db.read() as conn:
        require_unit(conn)
        kind = KIND_DESK if is_upstream(conn) else KIND_CONFIG
        rows = sq.import_summary(conn, kind)
        rewritten = sq.rewritten_sequences(conn, kind)
    return [
        UnitSyncStatus(
            code,
            name,
            len(seqs),
            max(seqs, default=0),
            last,
            missing_sequences(seqs),
            rewritten.get(unit_id, []),
        )
        for unit_id, code, name, seqs, last in rows
    ]


def table_dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (tests: a refused import changes nothing)."""
    with db.read() as conn:
        return sq.table_dump(conn)


def database_is_upstream(db: Database) -> bool:
    """An upstream office's database (``upstream init``), rather than a desk's."""
    with db.read() as conn:
        return is_upstream(conn)
