"""Sync fixtures: two desk databases with demo data (different units), an upstream database
that trusts both, and helpers to take packages apart and put them back together (re-signed
with the unit's real key when a test needs a *validly signed* bad package)."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization

from mohao_desk.domain.package import SIGNED_CONTEXT
from mohao_desk.services import sync
from mohao_desk.services.demo import DEMO_OFFICERS, fill_demo
from mohao_desk.services.setup import init_unit
from mohao_desk.store import queries as q
from mohao_desk.store import sync_queries as sq
from mohao_desk.store.db import Database, open_database
from tests.accounts import demo_administrator
from tests.conftest import DatabaseFactory

UNIT_A = ("000.31.22.H31", "Ủy ban nhân dân phường Bần Yên Nhân")
UNIT_B = ("000.32.22.H31", "Ủy ban nhân dân xã Phan Đình Phùng")
DEMO_NOW = datetime(2024, 5, 1)
DOSSIERS_A, DOSSIERS_B = 400, 250


def _make_desk(target: Path | str, unit: tuple[str, str], dossiers: int, seed: int) -> None:
    db = open_database(target)
    init_unit(db, code=unit[0], name=unit[1], officers=DEMO_OFFICERS)
    fill_demo(db, dossiers=dossiers, unit_code=unit[0], seed=seed, now=DEMO_NOW)
    db.close()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    """The sync suite runs on both databases (tests/conftest.py)."""
    return str(request.param)


_TEMPLATES: dict[str, dict[str, Path | str]] = {}


@pytest.fixture
def templates(
    backend: str, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path | str]:
    """Desk databases made once per session and backend; tests get copies."""
    if backend not in _TEMPLATES:
        made: dict[str, Path | str]
        if backend == "sqlite":
            base = tmp_path_factory.mktemp("sync-templates")
            made = {"a": base / "a.sqlite3", "b": base / "b.sqlite3"}
        else:
            cluster = request.getfixturevalue("pg_cluster")
            made = {"a": cluster.create_database(), "b": cluster.create_database()}
        _make_desk(made["a"], UNIT_A, DOSSIERS_A, 1)
        _make_desk(made["b"], UNIT_B, DOSSIERS_B, 2)
        _TEMPLATES[backend] = made
    return _TEMPLATES[backend]


def later(hours: float) -> Callable[[], datetime]:
    """A clock ``hours`` after the real now (demo rows carry the real now as updated_at)."""
    moment = datetime.now(UTC) + timedelta(hours=hours)
    return lambda: moment


@dataclass
class World:
    root: Path
    a: Database
    b: Database
    up: Database
    out: Path
    databases: DatabaseFactory

    def export(self, db: Database, hours: float = 1.0) -> Path:
        return sync.export_desk_package(db, self.out, clock=later(hours)).path

    def dump(self, db: Database | None = None) -> dict[str, list[tuple[Any, ...]]]:
        """Every row but the account events: the log-in of a refused command is recorded
        (issue 11; five wrong passwords lock the account), and that is all it writes."""
        tables = sync.table_dump(db or self.up)
        for name in list(tables):  # the log-in's record, and its link in the audit chain
            if name == "account_event" or name.startswith("audit_"):
                tables.pop(name)
        return tables

    def private_pem(self, db: Database) -> str:
        """The unit's key, decrypted with the session's passphrase (as signing takes it)."""
        from mohao_desk.domain.package import plain_pem

        with db.read() as conn:
            return plain_pem(str(q.get_setting(conn, sq.PRIVATE_KEY_SETTING)), db.key_passphrase)

    def new_database(self) -> Path | str:
        """A fresh database on the suite's backend (not yet set up)."""
        return self.databases()

    def copy(self, db: Database) -> Database:
        """A copy of a database as it is now (a backup restored), opened."""
        db.engine.dispose()  # PostgreSQL copies a database nobody is connected to
        return open_database(self.databases.copy(db.target))

    def reopen_upstream(self) -> None:
        self.up.close()
        self.up = open_database(self.up.target)


@pytest.fixture
def world(
    tmp_path: Path, templates: dict[str, Path | str], new_database: DatabaseFactory
) -> Iterator[World]:
    a = open_database(new_database.copy(templates["a"], "a"))
    b = open_database(new_database.copy(templates["b"], "b"))
    up = open_database(new_database("up"))
    sync.init_upstream(up)
    demo_administrator(up)
    for desk, name in ((a, "a"), (b, "b")):
        key = sync.export_public_key(desk, tmp_path / f"{name}.key.json")
        sync.trust(up, key.path)
    w = World(tmp_path, a, b, up, tmp_path / "out", new_database)
    yield w
    for db in (w.a, w.b, w.up):
        db.close()


# ------------------------------------------------------------------ package surgery


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {i.filename: archive.read(i) for i in archive.infolist()}


def write_zip(path: Path, parts: list[tuple[str, bytes]]) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts:
            archive.writestr(name, data)
    path.write_bytes(buffer.getvalue())
    return path


def sign(manifest: bytes, payload_sha256: str, pem: str) -> bytes:
    key = serialization.load_pem_private_key(pem.encode(), password=None)
    message = SIGNED_CONTEXT + hashlib.sha256(manifest).digest() + bytes.fromhex(payload_sha256)
    signature = key.sign(message)  # type: ignore[union-attr,call-arg]
    return json.dumps(
        {"algorithm": "Ed25519", "signature": base64.b64encode(signature).decode()}
    ).encode()


def repack(
    source: Path,
    target: Path,
    *,
    manifest: Callable[[dict[str, Any]], None] | None = None,
    payload: Callable[[dict[str, Any]], None] | None = None,
    pem: str | None = None,
) -> Path:
    """A copy of a package with its manifest and/or payload changed. With ``pem`` the payload
    hash is brought up to date and the result is validly signed with that key; without it
    the original signature (and, for a payload change, the original manifest) is kept."""
    parts = members(source)
    man = json.loads(parts["manifest.json"])
    body = parts["payload.json"]
    if payload is not None:
        data = json.loads(body)
        payload(data)
        body = json.dumps(data, ensure_ascii=False).encode()
        if pem is not None:
            man["payload_sha256"] = hashlib.sha256(body).hexdigest()
            man["payload_size"] = len(body)
    if manifest is not None:
        manifest(man)
    man_bytes = (
        json.dumps(man, ensure_ascii=False).encode()
        if manifest is not None or pem is not None
        else parts["manifest.json"]
    )
    signature = (
        parts["signature.json"] if pem is None else sign(man_bytes, man["payload_sha256"], pem)
    )
    return write_zip(
        target,
        [("manifest.json", man_bytes), ("payload.json", body), ("signature.json", signature)],
    )
