"""Sync packages (issue 5): the file format, keys, signatures and every check, with no SQL.

A package (``{unit code}_{sequence:06d}.mhd``) is a zip archive with exactly three members,
in this order:

- ``manifest.json``: what the package is (format, schema version, kind, unit, sequence, time
  span, counts, SHA-256 of the previous package and of the payload, personal data or not).
- ``payload.json``: the data, columnar (one list per column), so that checking and loading
  100,000 dossiers is a few passes in C over lists rather than a loop per field.
- ``signature.json``: an Ed25519 signature by the sending unit's key over
  ``SIGNED_CONTEXT || SHA-256(manifest.json) || SHA-256(payload.json)``.

The *package hash* (what the next package's ``previous_sha256`` names) is the SHA-256 of the
manifest bytes; the manifest holds the payload's hash, so it pins the whole content, while zip
metadata that carries no data (timestamps of members) cannot break the chain.

Everything a file can get wrong raises :class:`PackageError`, whose ``check`` says which check
failed and whose message names the file in Vietnamese.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, ClassVar, TypeGuard

from mohao_desk.domain.announcements import Announcement, parse_entries
from mohao_desk.domain.calendar import OfficeHours
from mohao_desk.domain.catalog import Procedure, parse_catalog
from mohao_desk.domain.codes import AGENCY_CODE
from mohao_desk.domain.errors import Clause, DeskError, Phrase, template
from mohao_desk.domain.lifecycle import Channel, Status
from mohao_desk.domain.text import group_digits

if TYPE_CHECKING:  # imported where keys are used: a window that only lists units needs none
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

PACKAGE_FORMAT = "mohao-desk-package"
KEY_FORMAT = "mohao-desk-public-key"
SCHEMA_VERSION = 2  # of manifest + payload; a package with a higher one is refused
# Version 2 adds the official calendar announcements to configuration packages; a config package
# without announcements is still written as version 1, which older programs read.
ANNOUNCEMENTS_SCHEMA_VERSION = 2
PACKAGE_SUFFIX = ".mhd"
KIND_DESK = "desk"  # desk → upstream: dossier facts
KIND_CONFIG = "config"  # upstream → desks: catalog, calendar overrides and announcements, settings
ROLE_DESK = "desk"
ROLE_UPSTREAM = "upstream"

MAX_PACKAGE_BYTES = 200 * 2**20  # the file on disk
MAX_PAYLOAD_BYTES = 1024 * 2**20  # payload.json once inflated (zip bombs)
MAX_MANIFEST_BYTES = 64 * 2**10
MAX_SIGNATURE_BYTES = 4 * 2**10
MAX_KEY_FILE_BYTES = 64 * 2**10
_INFLATE_CHUNK = 2**20
MEMBERS = ("manifest.json", "payload.json", "signature.json")
SIGNED_CONTEXT = b"mohao-desk package v1\x00"
_ZIP_MAGIC = b"PK\x03\x04"
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_MAX_MOMENT = 2**33  # epoch seconds, year 2242
_MIN_MOMENT = 946_684_800  # 2000-01-01

# Config settings an upstream office may set at its desks, with their checks.
CONFIG_SETTINGS = ("upstream_office", "office_hours")


PACKAGE_REFUSED = template("Gói '{name}' bị từ chối: {reason}; cơ sở dữ liệu không thay đổi.")
PACKAGE_REFUSED_DETAIL = template(
    "Gói '{name}' bị từ chối: {reason} ({detail}); cơ sở dữ liệu không thay đổi."
)
KEY_REFUSED = template("Tệp khóa '{name}' bị từ chối: {reason}.")
KEY_REFUSED_DETAIL = template("Tệp khóa '{name}' bị từ chối: {reason} ({detail}).")


class PackageError(DeskError):
    """A package (or key file) failed a check; nothing was changed.

    ``PackageError(name, check, detail, **params)``: the file's name, which check failed (a key
    of :attr:`LABELS`), and optionally what exactly, as a template literal with its parameters
    (``"trường '{field}' không hợp lệ", field=field``)."""

    LABELS: ClassVar[dict[str, str]] = {
        "size": template("quá lớn"),
        "container": template("không phải gói đồng bộ mohao_desk"),
        "damaged": template("tệp bị hỏng hoặc bị cắt cụt"),
        "version": template("được tạo bởi phiên bản mới hơn"),
        "manifest": template("tệp kê khai không hợp lệ"),
        "integrity": template("nội dung đã bị thay đổi (mã băm không khớp)"),
        "unit": template("đơn vị gửi chưa được đăng ký tin cậy"),
        "signature": template("chữ ký không hợp lệ"),
        "payload": template("nội dung gói không hợp lệ"),
        "kind": template("loại gói không phù hợp"),
        "sequence": template("trùng số thứ tự gói với nội dung khác"),
        "chain": template("không khớp chuỗi gói trước"),
        "key": template("tệp khóa công khai không hợp lệ"),
    }

    def __init__(self, name: str, check: str, detail: str = "", /, **params: object) -> None:
        reason = Phrase(self.LABELS[check])
        if check == "key":
            message = KEY_REFUSED_DETAIL if detail else KEY_REFUSED
        else:
            message = PACKAGE_REFUSED_DETAIL if detail else PACKAGE_REFUSED
        if detail:
            super().__init__(message, name=name, reason=reason, detail=Phrase(detail, **params))
        else:
            super().__init__(message, name=name, reason=reason)
        self.name = name
        self.check = check


# ------------------------------------------------------------------------------ keys


WRONG_KEY_PASSPHRASE = template("Mật khẩu khóa ký của đơn vị không đúng.")
KEY_PASSPHRASE_TOO_SHORT = template("Mật khẩu khóa ký phải có ít nhất {minimum} ký tự.")
MIN_KEY_PASSPHRASE = 8  # as an account's password (the demo's "demo" is made weak on purpose)


def new_private_key_pem(passphrase: str | None = None) -> str:
    """A new Ed25519 key, PKCS#8 PEM: encrypted with ``passphrase`` (issue 11: the unit's key
    is kept encrypted; scrypt or PBKDF2 and AES-256 as ``BestAvailableEncryption`` chooses),
    unencrypted only for the program's own use (tests of the services)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return pem_of(Ed25519PrivateKey.generate(), passphrase)


def check_key_passphrase(passphrase: str) -> None:
    """A passphrase a person chooses for the unit's key: 8 characters at least (the demo's
    "demo" is set by the program, not chosen)."""
    if len(passphrase) < MIN_KEY_PASSPHRASE:
        raise DeskError(KEY_PASSPHRASE_TOO_SHORT, minimum=MIN_KEY_PASSPHRASE)


def pem_of(key: Ed25519PrivateKey, passphrase: str | None) -> str:
    from cryptography.hazmat.primitives import serialization

    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(passphrase.encode("utf-8"))
        if passphrase is not None
        else serialization.NoEncryption()
    )
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    ).decode("ascii")


def is_encrypted(pem: str) -> bool:
    return "-----BEGIN ENCRYPTED PRIVATE KEY-----" in pem


def load_private_key(pem: str, passphrase: str | None = None) -> Ed25519PrivateKey:
    """The unit's key from its PEM (with the passphrase when it is encrypted)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    password = passphrase.encode("utf-8") if is_encrypted(pem) and passphrase else None
    try:
        key = serialization.load_pem_private_key(pem.encode("ascii"), password=password)
    except (ValueError, TypeError):
        if is_encrypted(pem):
            raise DeskError(WRONG_KEY_PASSPHRASE) from None
        raise DeskError("Khóa riêng của đơn vị bị hỏng.") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise DeskError("Khóa riêng của đơn vị không phải khóa Ed25519.")
    return key


def plain_pem(pem: str, passphrase: str | None) -> str:
    """The key's PEM without encryption, in memory only (what signing takes)."""
    return pem if not is_encrypted(pem) else pem_of(load_private_key(pem, passphrase), None)


def _private_key(pem: str) -> Ed25519PrivateKey:
    return load_private_key(pem)


def public_key_of(pem: str) -> bytes:
    """The raw 32-byte public key of a private key PEM."""
    from cryptography.hazmat.primitives import serialization

    return (
        _private_key(pem)
        .public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )


def fingerprint(public_raw: bytes) -> str:
    """SHA-256 of the raw public key, hex: what two offices read to each other on the phone
    (the first 16 characters, :func:`short_fingerprint`) before trusting a key file."""
    return hashlib.sha256(public_raw).hexdigest()


def short_fingerprint(value: str) -> str:
    return " ".join(value[i : i + 4] for i in range(0, 16, 4))


@dataclass(frozen=True)
class KeyFile:
    unit_code: str
    unit_name: str
    role: str
    public_key: bytes
    fingerprint: str


def key_file_bytes(unit_code: str, unit_name: str, role: str, public_raw: bytes) -> bytes:
    data = {
        "format": KEY_FORMAT,
        "version": 1,
        "role": role,
        "unit_code": unit_code,
        "unit_name": unit_name,
        "algorithm": "Ed25519",
        "public_key": base64.b64encode(public_raw).decode("ascii"),
        "fingerprint": fingerprint(public_raw),
    }
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def parse_key_file(name: str, data: bytes) -> KeyFile:
    if len(data) > MAX_KEY_FILE_BYTES:
        raise PackageError(name, "key", "tệp quá lớn")
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise PackageError(name, "key", "không phải JSON UTF-8") from None
    except RecursionError:
        raise PackageError(name, "key", "JSON lồng nhau quá sâu") from None
    if not isinstance(raw, dict) or raw.get("format") != KEY_FORMAT:
        raise PackageError(name, "key", "thiếu 'format: {format}'", format=KEY_FORMAT)
    if raw.get("version") != 1 or raw.get("algorithm") != "Ed25519":
        raise PackageError(name, "key", "phiên bản hoặc thuật toán không được hỗ trợ")
    role = raw.get("role")
    if role not in (ROLE_DESK, ROLE_UPSTREAM):
        raise PackageError(name, "key", "vai trò phải là 'desk' hoặc 'upstream'")
    code, unit_name = raw.get("unit_code"), raw.get("unit_name")
    if not isinstance(code, str) or not AGENCY_CODE.match(code):
        raise PackageError(name, "key", "mã đơn vị không hợp lệ")
    if not isinstance(unit_name, str) or not unit_name.strip() or len(unit_name) > 300:
        raise PackageError(name, "key", "tên đơn vị không hợp lệ")
    try:
        public = base64.b64decode(str(raw.get("public_key")), validate=True)
    except ValueError:
        raise PackageError(name, "key", "khóa công khai không phải base64") from None
    if len(public) != 32:
        raise PackageError(name, "key", "khóa công khai phải dài 32 byte")
    if raw.get("fingerprint") != fingerprint(public):
        raise PackageError(name, "key", "dấu vân tay không khớp với khóa")
    return KeyFile(code, unit_name.strip(), str(role), public, fingerprint(public))


def _signed_message(manifest: bytes, payload_sha256: str) -> bytes:
    return SIGNED_CONTEXT + hashlib.sha256(manifest).digest() + bytes.fromhex(payload_sha256)


# -------------------------------------------------------------------------- manifest


@dataclass(frozen=True)
class ChainHead:
    """The sender's audit chain in a manifest (revision 0009; absent from older packages):
    its length and head hash, and the hash its link ``previous_seq`` (the head the previous
    package carried) has now. The receiver compares that with what the previous package said:
    a difference means the history already reported was rewritten."""

    length: int
    head: str
    previous_seq: int | None = None
    previous_hash: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "length": self.length,
            "head": self.head,
            "previous_seq": self.previous_seq,
            "previous_hash": self.previous_hash,
        }


@dataclass(frozen=True)
class Manifest:
    kind: str
    unit_code: str
    unit_name: str
    sequence: int
    since: datetime | None  # UTC; None for a first (complete) package
    until: datetime
    counts: dict[str, int]
    previous_sha256: str | None
    payload_sha256: str
    payload_size: int
    created_at: datetime
    personal_data: bool
    key_fingerprint: str
    program: str = ""
    audit: ChainHead | None = None

    def as_json(self) -> dict[str, Any]:
        chain = {} if self.audit is None else {"audit": self.audit.as_json()}
        return {
            "format": PACKAGE_FORMAT,
            "schema_version": (
                ANNOUNCEMENTS_SCHEMA_VERSION if ANNOUNCEMENTS_COUNT in self.counts else 1
            ),
            "kind": self.kind,
            "unit": {"code": self.unit_code, "name": self.unit_name},
            "sequence": self.sequence,
            "since": _utc_text(self.since),
            "until": _utc_text(self.until),
            "counts": self.counts,
            "previous_sha256": self.previous_sha256,
            "payload_sha256": self.payload_sha256,
            "payload_size": self.payload_size,
            "created_at": _utc_text(self.created_at),
            "personal_data": self.personal_data,
            "key_fingerprint": self.key_fingerprint,
            "program": self.program,
            **chain,
        }


def _utc_text(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse_utc(value: Any, field: str, name: str, *, nullable: bool = False) -> datetime | None:
    if value is None and nullable:
        return None
    if not isinstance(value, str) or not value.endswith("Z") or len(value) != 20:
        raise PackageError(name, "manifest", "trường '{field}' phải là thời điểm UTC", field=field)
    try:
        return datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        raise PackageError(name, "manifest", "trường '{field}' không hợp lệ", field=field) from None


def _int(value: Any, low: int, high: int) -> TypeGuard[int]:
    return type(value) is int and low <= value <= high


COUNT_KEYS = {
    KIND_DESK: ("dossiers", "procedures", "officers"),
    KIND_CONFIG: ("procedures", "calendar_overrides", "settings"),
}
ANNOUNCEMENTS_COUNT = "calendar_announcements"  # config packages of schema version 2


def parse_manifest(name: str, data: bytes) -> Manifest:
    """Check every field of a manifest. Format and version come first: a package from a newer
    program is refused as such, not as a pile of unknown fields."""
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise PackageError(name, "manifest", "không phải JSON UTF-8") from None
    except RecursionError:
        raise PackageError(name, "manifest", "JSON lồng nhau quá sâu") from None
    if not isinstance(raw, dict) or raw.get("format") != PACKAGE_FORMAT:
        raise PackageError(name, "container", "tệp kê khai không mang định dạng gói")
    version = raw.get("schema_version")
    if not _int(version, 1, 10**6):
        raise PackageError(name, "manifest", "trường 'schema_version' không hợp lệ")
    if version > SCHEMA_VERSION:
        raise PackageError(
            name,
            "version",
            "lược đồ gói {version}, chương trình này đọc đến {schema_version}",
            version=version,
            schema_version=SCHEMA_VERSION,
        )
    kind = raw.get("kind")
    if kind not in COUNT_KEYS:
        raise PackageError(name, "manifest", "trường 'kind' phải là 'desk' hoặc 'config'")
    unit = raw.get("unit")
    if not isinstance(unit, dict):
        raise PackageError(name, "manifest", "thiếu trường 'unit'")
    code, unit_name = unit.get("code"), unit.get("name")
    if not isinstance(code, str) or not AGENCY_CODE.match(code):
        raise PackageError(name, "manifest", "mã đơn vị không hợp lệ")
    if not isinstance(unit_name, str) or not unit_name.strip() or len(unit_name) > 300:
        raise PackageError(name, "manifest", "tên đơn vị không hợp lệ")
    sequence = raw.get("sequence")
    if not _int(sequence, 1, 10**9):
        raise PackageError(name, "manifest", "số thứ tự gói phải là số nguyên dương")
    since = _parse_utc(raw.get("since"), "since", name, nullable=True)
    until = _parse_utc(raw.get("until"), "until", name)
    created = _parse_utc(raw.get("created_at"), "created_at", name)
    assert until is not None and created is not None
    if since is not None and since > until:
        raise PackageError(name, "manifest", "thời điểm bắt đầu sau thời điểm kết thúc")
    counts = raw.get("counts")
    expected: tuple[str, ...] = COUNT_KEYS[kind]
    if kind == KIND_CONFIG and version >= ANNOUNCEMENTS_SCHEMA_VERSION:
        expected = (*expected, ANNOUNCEMENTS_COUNT)
    if (
        not isinstance(counts, dict)
        or set(counts) != set(expected)
        or not all(_int(counts[k], 0, 10**8) for k in expected)
    ):
        raise PackageError(
            name, "manifest", "trường 'counts' phải có {keys}", keys=", ".join(expected)
        )
    previous = raw.get("previous_sha256")
    if previous is not None and not (isinstance(previous, str) and _HEX64.match(previous)):
        raise PackageError(name, "manifest", "trường 'previous_sha256' không hợp lệ")
    if (previous is None) != (sequence == 1):
        raise PackageError(name, "manifest", "chỉ gói số 1 được thiếu mã băm của gói trước")
    payload_sha = raw.get("payload_sha256")
    if not isinstance(payload_sha, str) or not _HEX64.match(payload_sha):
        raise PackageError(name, "manifest", "trường 'payload_sha256' không hợp lệ")
    payload_size = raw.get("payload_size")
    if not _int(payload_size, 0, 2**40):
        raise PackageError(name, "manifest", "trường 'payload_size' không hợp lệ")
    personal = raw.get("personal_data")
    if not isinstance(personal, bool):
        raise PackageError(name, "manifest", "trường 'personal_data' phải là true hoặc false")
    key_fp = raw.get("key_fingerprint")
    if not isinstance(key_fp, str) or not _HEX64.match(key_fp):
        raise PackageError(name, "manifest", "trường 'key_fingerprint' không hợp lệ")
    program = raw.get("program", "")
    audit = _chain_head(name, raw.get("audit"))
    return Manifest(
        kind=str(kind),
        unit_code=code,
        unit_name=unit_name.strip(),
        sequence=sequence,
        since=since,
        until=until,
        counts={k: int(counts[k]) for k in expected},
        previous_sha256=previous,
        payload_sha256=payload_sha,
        payload_size=payload_size,
        created_at=created,
        personal_data=personal,
        key_fingerprint=key_fp,
        program=program if isinstance(program, str) else "",
        audit=audit,
    )


def _chain_head(name: str, raw: Any) -> ChainHead | None:
    """The manifest's optional ``audit`` (older packages have none)."""
    if raw is None:
        return None
    if not isinstance(raw, dict) or set(raw) != {
        "length",
        "head",
        "previous_seq",
        "previous_hash",
    }:
        raise PackageError(name, "manifest", "trường 'audit' không hợp lệ")
    length, head = raw["length"], raw["head"]
    previous_seq, previous_hash = raw["previous_seq"], raw["previous_hash"]
    if (
        not _int(length, 0, 2**40)
        or not (isinstance(head, str) and _HEX64.match(head))
        or not (previous_seq is None or _int(previous_seq, 0, 2**40))
        or not (
            previous_hash is None
            or (isinstance(previous_hash, str) and _HEX64.match(previous_hash))
        )
    ):
        raise PackageError(name, "manifest", "trường 'audit' không hợp lệ")
    return ChainHead(length, head, previous_seq, previous_hash)


# ------------------------------------------------------------------------- container


def _json_bytes(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def build_package(manifest: Manifest, payload: bytes, private_key_pem: str) -> tuple[bytes, str]:
    """The package file's bytes and its hash. ``manifest`` must already carry the payload's
    hash and size (:func:`payload_digest`)."""
    manifest_bytes = json.dumps(manifest.as_json(), ensure_ascii=False, indent=1).encode("utf-8")
    message = _signed_message(manifest_bytes, manifest.payload_sha256)
    signature = _private_key(private_key_pem).sign(message)
    signature_bytes = _json_bytes(
        {
            "algorithm": "Ed25519",
            "key_fingerprint": manifest.key_fingerprint,
            "signature": base64.b64encode(signature).decode("ascii"),
        }
    )
    out = io.BytesIO()
    moment = manifest.created_at.astimezone(UTC)
    stamp = (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)
    with zipfile.ZipFile(out, "w") as archive:
        for member, data, level in (
            (MEMBERS[0], manifest_bytes, 6),
            (MEMBERS[1], payload, 1),
            (MEMBERS[2], signature_bytes, 6),
        ):
            info = zipfile.ZipInfo(member, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data, compresslevel=level)
    return out.getvalue(), package_hash(manifest_bytes)


def payload_digest(payload: bytes) -> tuple[str, int]:
    return hashlib.sha256(payload).hexdigest(), len(payload)


def package_hash(manifest_bytes: bytes) -> str:
    return hashlib.sha256(manifest_bytes).hexdigest()


@dataclass(frozen=True)
class OpenedPackage:
    """A package whose container, manifest, signature (by the trusted key) and payload hash
    were checked, in that order: nothing is inflated past the manifest before the signature
    over the manifest (which carries the payload's hash and size) is known good."""

    name: str
    manifest: Manifest
    manifest_bytes: bytes
    payload: bytes
    signature: bytes
    sha256: str  # the package hash (of the manifest bytes)


def _too_big(name: str, member: str, limit: int) -> PackageError:
    return PackageError(
        name,
        "size",
        "thành phần {member} vượt {limit} byte",
        member=member,
        limit=group_digits(limit),
    )


def _damaged(name: str, member: str) -> PackageError:
    return PackageError(name, "damaged", "thành phần {member} không giải nén được", member=member)


def _inflate(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, name: str
) -> Iterator[bytes]:
    """One member in pieces, never more than ``limit + 1`` bytes inflated in all (the header's
    size may lie): past ``limit`` it is refused (``size``)."""
    if info.file_size > limit:
        raise _too_big(name, info.filename, limit)
    total = 0
    try:
        with archive.open(info) as handle:
            while True:
                chunk = handle.read(min(_INFLATE_CHUNK, limit + 1 - total))
                if not chunk:
                    return
                total += len(chunk)
                if total > limit:
                    raise _too_big(name, info.filename, limit)
                yield chunk
    except PackageError:
        raise
    except Exception:  # BadZipFile, zlib.error, EOFError… from a corrupted stream
        raise _damaged(name, info.filename) from None


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, name: str) -> bytes:
    """Read one small member (manifest, signature), never inflating more than ``limit``."""
    return b"".join(_inflate(archive, info, limit, name))


def _container(name: str, data: bytes) -> tuple[zipfile.ZipFile, list[zipfile.ZipInfo]]:
    """The archive and its three members, their declared sizes within the limits; nothing
    inflated yet."""
    if len(data) > MAX_PACKAGE_BYTES:
        raise PackageError(
            name,
            "size",
            "{size} byte, tối đa {limit}",
            size=group_digits(len(data)),
            limit=group_digits(MAX_PACKAGE_BYTES),
        )
    if not data.startswith(_ZIP_MAGIC):
        raise PackageError(name, "container")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except Exception:  # zipfile raises many kinds on a damaged directory
        raise PackageError(name, "damaged") from None
    names = tuple(i.filename for i in infos)
    if names != MEMBERS:
        if set(MEMBERS) - set(names):
            raise PackageError(
                name, "container", "thành phần: {members}", members=", ".join(names) or "không có"
            )
        raise PackageError(
            name, "damaged", "thành phần thừa hoặc lặp: {members}", members=", ".join(names)
        )
    limits = (MAX_MANIFEST_BYTES, MAX_PAYLOAD_BYTES, MAX_SIGNATURE_BYTES)
    for info, limit in zip(infos, limits, strict=True):  # before inflating anything
        if info.file_size > limit:
            raise _too_big(name, info.filename, limit)
    return archive, infos


def _manifest_of(
    name: str, archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo]
) -> tuple[Manifest, bytes]:
    manifest_bytes = _read_member(archive, infos[0], MAX_MANIFEST_BYTES, name)
    manifest = parse_manifest(name, manifest_bytes)
    if manifest.payload_size > MAX_PAYLOAD_BYTES:  # the declared size itself is capped
        raise _too_big(name, infos[1].filename, MAX_PAYLOAD_BYTES)
    if infos[1].file_size != manifest.payload_size:
        raise PackageError(name, "integrity", "kích thước nội dung khác tệp kê khai")
    return manifest, manifest_bytes


def read_manifest(name: str, data: bytes) -> Manifest:
    """The checked manifest of a package (to find the key it must be signed with); only the
    manifest is inflated. Raises :class:`PackageError`."""
    archive, infos = _container(name, data)
    return _manifest_of(name, archive, infos)[0]


def open_package(name: str, data: bytes, public_raw: bytes) -> OpenedPackage:
    """Container, manifest, the signature by ``public_raw`` (the key trusted for its unit),
    and only then the payload: inflated in pieces up to its declared size (one byte more is
    refused) and hashed as it comes. An unsigned package costs the manifest's 64 KiB at most,
    whatever its payload claims to inflate to. Raises :class:`PackageError`."""
    archive, infos = _container(name, data)
    manifest, manifest_bytes = _manifest_of(name, archive, infos)
    signature_bytes = _read_member(archive, infos[2], MAX_SIGNATURE_BYTES, name)
    try:
        sig = json.loads(signature_bytes.decode("utf-8"))
        signature = base64.b64decode(sig["signature"], validate=True)
        if sig.get("algorithm") != "Ed25519" or len(signature) != 64:
            raise ValueError
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, RecursionError):
        raise PackageError(name, "signature", "tệp chữ ký hỏng") from None
    _check_signature(name, manifest, manifest_bytes, signature, public_raw)
    digest = hashlib.sha256()
    pieces: list[bytes] = []
    for chunk in _inflate(archive, infos[1], manifest.payload_size, name):
        digest.update(chunk)
        pieces.append(chunk)
    payload = b"".join(pieces)
    del pieces
    if (digest.hexdigest(), len(payload)) != (manifest.payload_sha256, manifest.payload_size):
        raise PackageError(name, "integrity")
    return OpenedPackage(
        name, manifest, manifest_bytes, payload, signature, package_hash(manifest_bytes)
    )


def _check_signature(
    name: str, manifest: Manifest, manifest_bytes: bytes, signature: bytes, public_raw: bytes
) -> None:
    """The manifest was signed by the holder of ``public_raw`` (the key trusted for its unit)."""
    if manifest.key_fingerprint != fingerprint(public_raw):
        raise PackageError(
            name,
            "signature",
            "ký bằng khóa {signed}, khác khóa đã đăng ký {trusted}",
            signed=short_fingerprint(manifest.key_fingerprint),
            trusted=short_fingerprint(fingerprint(public_raw)),
        )
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    message = _signed_message(manifest_bytes, manifest.payload_sha256)
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(signature, message)
    except (InvalidSignature, ValueError):
        raise PackageError(name, "signature", "chữ ký không khớp với nội dung") from None


# --------------------------------------------------------------------------- payload

# The dossier columns of a desk package, and what each may hold.
DOSSIER_FIELDS: tuple[tuple[str, str], ...] = (
    ("code", "code"),
    ("procedure", "procedure"),
    ("regime", "regime"),
    ("channel", "channel"),
    ("sets_count", "count"),
    ("verification", "bool"),
    ("received_at", "moment"),
    ("due_at", "moment"),
    ("original_due_at", "moment"),
    ("finished_at", "moment?"),
    ("returned_at", "moment?"),
    ("paused_at", "moment?"),
    ("status", "status"),
    ("officer", "officer?"),
    ("receiver", "officer?"),
    ("supplement_count", "count"),
    ("apology_count", "count"),
    ("inputs_digitized", "bool"),
    ("result_digitized", "bool"),
    ("result_electronic", "bool"),
    ("rating", "rating?"),
    ("event_count", "count"),
    ("updated_at", "moment"),
    # supplement and apology facts: [[act, epoch seconds], ...] in order, or null
    ("facts", "facts?"),
)
PERSONAL_FIELDS: tuple[tuple[str, str], ...] = (
    ("applicant_name", "text"),
    ("applicant_address", "text"),
    ("applicant_phone", "text"),
    ("applicant_email", "text"),
    ("applicant_id_number", "text"),
)
FACT_ACTS = ("supplement_request", "supplement_received", "apologize")
RATINGS = ("rat_hai_long", "hai_long", "khong_hai_long")


def dossier_columns(personal: bool) -> tuple[str, ...]:
    fields = DOSSIER_FIELDS + (PERSONAL_FIELDS if personal else ())
    return tuple(name for name, _ in fields)


def procedure_entry(p: Procedure) -> dict[str, Any]:
    """A procedure in the catalog file's format (``parse_catalog`` reads it back)."""
    entry: dict[str, Any] = {
        "code": p.code,
        "name": p.name,
        "field": p.field,
        "time": {
            "value": p.time.value,
            "unit": p.time.unit.value,
            "cutoff": p.time.cutoff.strftime("%H:%M"),
        },
        "basis": p.basis,
        "note": p.note,
        "components": [{"name": c.name, "kind": c.kind, "count": c.count} for c in p.components],
    }
    if p.verification_time is not None:
        entry["verification_time"] = {
            "value": p.verification_time.value,
            "unit": p.verification_time.unit.value,
            "cutoff": p.verification_time.cutoff.strftime("%H:%M"),
        }
    return entry


def desk_payload_bytes(
    procedures: Sequence[Procedure],
    officers: Sequence[tuple[str, str, str]],
    columns: dict[str, list[Any]],
) -> bytes:
    """``columns``: one list per name of :func:`dossier_columns`, all the same length."""
    return _json_bytes(
        {
            "procedures": [procedure_entry(p) for p in procedures],
            "officers": [{"username": u, "full_name": n, "title": t} for u, n, t in officers],
            "dossiers": columns,
        }
    )


@dataclass(frozen=True)
class DeskPayload:
    procedures: list[Procedure]
    officers: list[tuple[str, str, str]]  # username, full name, title
    dossiers: dict[str, list[Any]]  # checked columns
    count: int


def _load_payload(name: str, payload: bytes) -> dict[str, Any]:
    try:
        raw = json.loads(payload)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise PackageError(name, "payload", "không phải JSON UTF-8") from None
    if not isinstance(raw, dict):
        raise PackageError(name, "payload", "phải là một đối tượng JSON")
    return raw


def _procedures(name: str, raw: Any) -> list[Procedure]:
    if not isinstance(raw, list):
        raise PackageError(name, "payload", "'procedures' phải là một danh sách")
    if not raw:
        return []
    try:
        return parse_catalog({"format": "mohao-catalog", "procedures": raw})
    except DeskError as exc:
        raise PackageError(name, "payload", "{error}", error=Clause.of(exc)) from None


def _check_column(
    name: str, column: str, kind: str, values: list[Any], ctx: dict[str, Any]
) -> None:
    """One column, in a few passes in C (``map``, ``set``, ``min``/``max``, one regular
    expression over all codes) rather than a Python loop per value: 100,000 rows in ms."""
    nullable = kind.endswith("?")
    base = kind.rstrip("?")
    types = set(map(type, values))
    if nullable:
        types.discard(type(None))
        present = [v for v in values if v is not None] if None in values else values
    else:
        present = values
    wanted = _TYPES[base]
    if not types <= {wanted}:
        if type(None) in types:
            raise PackageError(name, "payload", "cột '{column}' có giá trị trống", column=column)
        raise PackageError(
            name, "payload", "cột '{column}' có giá trị không đúng kiểu", column=column
        )
    ok = True
    if not present:
        return
    if base == "moment":
        ok = min(present) >= _MIN_MOMENT and max(present) <= _MAX_MOMENT
    elif base == "count":
        ok = min(present) >= 0 and max(present) <= 10**6
    elif base == "text":
        ok = max(map(len, present)) <= 500
    elif base in _ALLOWED:
        ok = set(present) <= _ALLOWED[base]
    elif base in ("procedure", "officer"):
        ok = set(present) <= ctx[base + "s"]
    elif base == "regime":
        ok = min(map(len, present)) > 0 and max(map(len, present)) <= 8
    elif base == "code":
        prefix = re.escape(ctx["unit_code"] + "-")
        pattern = re.compile(rf"(?:{prefix}\d{{6}}-\d{{4,6}}\n)*")
        ok = pattern.fullmatch("\n".join(present) + "\n") is not None
        if ok and len(set(present)) != len(present):
            raise PackageError(name, "payload", "mã hồ sơ bị trùng")
    elif base == "facts":
        ok = all(_facts_ok(v) for v in present)
    if not ok:
        raise PackageError(name, "payload", "cột '{column}' có giá trị không hợp lệ", column=column)


_TYPES: dict[str, type] = {
    "moment": int,
    "count": int,
    "bool": bool,
    "text": str,
    "status": str,
    "channel": str,
    "rating": str,
    "procedure": str,
    "officer": str,
    "regime": str,
    "code": str,
    "facts": list,
}
_ALLOWED: dict[str, frozenset[str]] = {
    "status": frozenset(s.value for s in Status),
    "channel": frozenset(c.value for c in Channel),
    "rating": frozenset(RATINGS),
}


def _facts_ok(value: Any) -> bool:
    if type(value) is not list or not value or len(value) > 200:
        return False
    return all(
        type(f) is list
        and len(f) == 2
        and f[0] in FACT_ACTS
        and type(f[1]) is int
        and _MIN_MOMENT <= f[1] <= _MAX_MOMENT
        for f in value
    )


def parse_desk_payload(
    name: str, manifest: Manifest, payload: bytes, *, check: bool = True
) -> DeskPayload:
    """Check a desk package's payload against its manifest; all or nothing. ``check=False``
    skips the per-column checks (for bytes already checked once)."""
    raw = _load_payload(name, payload)
    if set(raw) != {"procedures", "officers", "dossiers"}:
        raise PackageError(name, "payload", "phải có đúng 'procedures', 'officers', 'dossiers'")
    procedures = _procedures(name, raw["procedures"])
    officers_raw = raw["officers"]
    if not isinstance(officers_raw, list):
        raise PackageError(name, "payload", "'officers' phải là một danh sách")
    officers: list[tuple[str, str, str]] = []
    for o in officers_raw:
        if not isinstance(o, dict) or not all(
            type(o.get(k)) is str and len(o[k]) <= 200 for k in ("username", "full_name", "title")
        ):
            raise PackageError(name, "payload", "cán bộ không hợp lệ")
        if not o["username"] or any(ch.isspace() for ch in o["username"]) or not o["full_name"]:
            raise PackageError(
                name, "payload", "cán bộ '{username}' không hợp lệ", username=o["username"]
            )
        officers.append((o["username"], o["full_name"], o["title"]))
    usernames = {o[0] for o in officers}
    if len(usernames) != len(officers):
        raise PackageError(name, "payload", "cán bộ bị trùng")
    dossiers = raw["dossiers"]
    expected = dossier_columns(manifest.personal_data)
    if not isinstance(dossiers, dict) or tuple(dossiers) != expected:
        if isinstance(dossiers, dict) and set(dossiers) - set(expected):
            raise PackageError(name, "payload", "có dữ liệu cá nhân mà tệp kê khai không khai báo")
        raise PackageError(name, "payload", "các cột hồ sơ không đúng")
    lengths = {len(v) if isinstance(v, list) else -1 for v in dossiers.values()}
    if len(lengths) != 1 or -1 in lengths:
        raise PackageError(name, "payload", "các cột hồ sơ không cùng độ dài")
    count = lengths.pop()
    codes = {p.code for p in procedures}
    if len(codes) != len(procedures):
        raise PackageError(name, "payload", "thủ tục bị trùng")
    ctx = {"procedures": codes, "officers": usernames, "unit_code": manifest.unit_code}
    if not check:  # the same bytes were checked before (their hash was checked again)
        return DeskPayload(procedures, officers, dossiers, count)
    kinds = dict(DOSSIER_FIELDS + PERSONAL_FIELDS)
    for column in expected:
        _check_column(name, column, kinds[column], dossiers[column], ctx)
    got = {"dossiers": count, "procedures": len(procedures), "officers": len(officers)}
    if got != manifest.counts:
        raise PackageError(
            name,
            "payload",
            "số lượng {got} khác tệp kê khai {counts}",
            got=got,
            counts=manifest.counts,
        )
    return DeskPayload(procedures, officers, dossiers, count)


@dataclass(frozen=True)
class CalendarEntry:
    day: date
    working: bool
    note: str


@dataclass(frozen=True)
class ConfigPayload:
    procedures: list[Procedure]
    calendar: list[CalendarEntry]
    settings: dict[str, str]
    announcements: tuple[Announcement, ...] = ()  # the upstream office's, whole


def config_payload_bytes(
    procedures: Sequence[Procedure],
    calendar: Iterable[CalendarEntry],
    settings: dict[str, str],
    announcements: Sequence[Announcement] = (),
) -> bytes:
    """The payload; ``calendar_announcements`` only when there are some (schema version 2:
    the manifest's counts then name them too)."""
    data: dict[str, Any] = {
        "procedures": [procedure_entry(p) for p in procedures],
        "calendar_overrides": [
            {"day": c.day.isoformat(), "working": c.working, "note": c.note} for c in calendar
        ],
        "settings": settings,
    }
    if announcements:
        data[ANNOUNCEMENTS_COUNT] = [a.as_entry() for a in announcements]
    return _json_bytes(data)


def parse_config_payload(name: str, manifest: Manifest, payload: bytes) -> ConfigPayload:
    raw = _load_payload(name, payload)
    with_announcements = ANNOUNCEMENTS_COUNT in manifest.counts
    if with_announcements:
        if set(raw) != {"procedures", "calendar_overrides", "settings", ANNOUNCEMENTS_COUNT}:
            raise PackageError(
                name,
                "payload",
                "phải có đúng 'procedures', 'calendar_overrides', 'settings', "
                "'calendar_announcements'",
            )
    elif set(raw) != {"procedures", "calendar_overrides", "settings"}:
        raise PackageError(
            name, "payload", "phải có đúng 'procedures', 'calendar_overrides', 'settings'"
        )
    procedures = _procedures(name, raw["procedures"])
    entries = raw["calendar_overrides"]
    if not isinstance(entries, list):
        raise PackageError(name, "payload", "'calendar_overrides' phải là một danh sách")
    calendar: list[CalendarEntry] = []
    for e in entries:
        try:
            day = date.fromisoformat(e["day"])
            working, note = e["working"], e.get("note", "")
            if not isinstance(working, bool) or not isinstance(note, str) or len(note) > 300:
                raise ValueError
        except (TypeError, KeyError, ValueError):
            raise PackageError(name, "payload", "ngày điều chỉnh lịch không hợp lệ") from None
        if not 2015 <= day.year <= 2040:
            raise PackageError(
                name, "payload", "ngày {day:%d/%m/%Y} ngoài phạm vi lịch 2015–2040", day=day
            )
        calendar.append(CalendarEntry(day, working, note))
    if len({c.day for c in calendar}) != len(calendar):
        raise PackageError(name, "payload", "ngày điều chỉnh lịch bị trùng")
    settings = raw["settings"]
    if not isinstance(settings, dict) or set(settings) - set(CONFIG_SETTINGS):
        raise PackageError(
            name,
            "payload",
            "chỉ được đặt các thiết lập {settings}",
            settings=", ".join(CONFIG_SETTINGS),
        )
    for key, value in settings.items():
        if not isinstance(value, str) or not value.strip() or len(value) > 300:
            raise PackageError(name, "payload", "thiết lập '{key}' không hợp lệ", key=key)
    if "office_hours" in settings:
        try:
            OfficeHours.parse(settings["office_hours"])
        except DeskError as exc:
            raise PackageError(name, "payload", "{error}", error=Clause.of(exc)) from None
    announcements: tuple[Announcement, ...] = ()
    if with_announcements:
        try:
            announcements = parse_entries(raw[ANNOUNCEMENTS_COUNT])
        except DeskError as exc:
            raise PackageError(
                name, "payload", "thông báo lịch: {error}", error=Clause.of(exc)
            ) from None
    got = {
        "procedures": len(procedures),
        "calendar_overrides": len(calendar),
        "settings": len(settings),
    }
    if with_announcements:
        got[ANNOUNCEMENTS_COUNT] = len(announcements)
    if got != manifest.counts:
        raise PackageError(
            name,
            "payload",
            "số lượng {got} khác tệp kê khai {counts}",
            got=got,
            counts=manifest.counts,
        )
    return ConfigPayload(procedures, calendar, dict(settings), announcements)


# ------------------------------------------------------------------------------ gaps


def missing_sequences(received: Iterable[int]) -> list[int]:
    """Sequence numbers below the highest received that never arrived."""
    have = set(received)
    if not have:
        return []
    return [n for n in range(1, max(have)) if n not in have]


def ranges_text(numbers: Sequence[int]) -> str:
    """``[3, 5, 6, 7]`` → ``"3, 5–7"``."""
    parts: list[str] = []
    start = prev = None
    for n in [*numbers, None]:
        if n is not None and prev is not None and n == prev + 1:
            prev = n
            continue
        if start is not None:
            parts.append(str(start) if start == prev else f"{start}–{prev}")
        start = prev = n
    return ", ".join(parts)


def short_unit_name(name: str) -> str:
    """ "Ủy ban nhân dân phường Bần Yên Nhân" → "Phường Bần Yên Nhân" (for one-line notices)."""
    for prefix in ("Ủy ban nhân dân ", "Uỷ ban nhân dân ", "UBND "):
        if name.startswith(prefix) and len(name) > len(prefix):
            rest = name[len(prefix) :]
            return rest[0].upper() + rest[1:]
    return name
