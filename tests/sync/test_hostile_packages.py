"""Hostile packages and key files at the service itself (issue 11), not only through the
command line: a key file or a package that is no file (a FIFO, a link to ``/dev/zero``) is
refused without waiting or reading it whole; an unsigned zip bomb is refused on its signature
before anything is inflated. Each runs the real service in a child with a memory ceiling
and a time limit, so a regression fails the test instead of taking the machine."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from mohao_desk.domain import package as pk
from mohao_desk.domain.lifecycle import Status
from mohao_desk.domain.package import PackageError
from mohao_desk.services import sync
from mohao_desk.store.db import open_database

from .conftest import World, members, repack, sign

# The address space a child gets (as tests/cli/test_hostile_input.py): reading a device or a
# bomb into memory fails at once instead of taking the PC's memory.
CHILD_MEMORY = 1536 * 2**20

CHILD = """
import resource, sys
from pathlib import Path
from mohao_desk.domain.errors import DeskError
from mohao_desk.domain.package import PackageError
from mohao_desk.services import sync
from mohao_desk.store.db import open_database

act, target, *files = sys.argv[1:]
db = open_database(target)
try:
    if act == "trust":
        sync.trust(db, Path(files[0]))
    else:
        sync.import_packages(db, [Path(f) for f in files])
except PackageError as exc:
    print("check", exc.check)
    print("message", exc.message)
except DeskError as exc:
    print("message", exc.message)
else:
    print("accepted")
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
print("peak", peak // 1024)
"""


def run_service(act: str, target: Path | str, *files: Path, timeout: float = 60) -> dict[str, str]:
    """The service in a child: what it said (``check``, ``message``) and its peak memory (MiB)."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (CHILD_MEMORY, CHILD_MEMORY))

    result = subprocess.run(
        [sys.executable, "-c", CHILD, act, str(target), *map(str, files)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=timeout,
        preexec_fn=limit,
    )
    assert result.returncode == 0, result.stderr
    said: dict[str, str] = {}
    for line in result.stdout.splitlines():
        key, _, value = line.partition(" ")
        said[key] = value
    return said


@pytest.fixture
def upstream(tmp_path: Path) -> Path:
    path = tmp_path / "up.sqlite3"
    db = open_database(path)
    sync.init_upstream(db)
    db.close()
    return path


# ------------------------------------------------------------ 1. bounded reads


def test_trust_of_a_link_to_dev_zero_is_refused_by_the_service(
    upstream: Path, tmp_path: Path
) -> None:
    link = tmp_path / "xa.key.json"
    link.symlink_to("/dev/zero")
    said = run_service("trust", upstream, link)
    assert "không phải tệp thông thường" in said["message"], said
    assert "xa.key.json" in said["message"]


def test_trust_of_a_fifo_does_not_wait_for_a_writer(upstream: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "xa.key.json"
    os.mkfifo(fifo)
    said = run_service("trust", upstream, fifo, timeout=30)
    assert "không phải tệp thông thường" in said["message"], said


def test_import_of_a_fifo_does_not_wait_for_a_writer(upstream: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "000.31.22.H31_000001.mhd"
    os.mkfifo(fifo)
    said = run_service("import", upstream, fifo, timeout=30)
    assert "không phải tệp thông thường" in said["message"], said
    assert fifo.name in said["message"]


# ------------------------------------------------- 2. no inflating before the signature


def _bomb(world: World, source: Path, target: Path, size: int, *, pem: str | None) -> Path:
    """A package whose payload is ``size`` spaces (~1 MB compressed for 1 GiB), its manifest
    declaring that size. Without ``pem`` the original signature is kept (an unsigned bomb);
    with it the manifest is validly signed (the payload hash is not that of the spaces)."""
    parts = members(source)
    manifest = json.loads(parts["manifest.json"])
    manifest["payload_size"] = size
    manifest_bytes = json.dumps(manifest, ensure_ascii=False).encode()
    signature = (
        parts["signature.json"]
        if pem is None
        else sign(manifest_bytes, manifest["payload_sha256"], pem)
    )
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", manifest_bytes)
        with archive.open("payload.json", "w", force_zip64=True) as handle:
            block = b" " * 2**20
            for _ in range(size // len(block)):
                handle.write(block)
            handle.write(b" " * (size % len(block)))
        archive.writestr("signature.json", signature)
    return target


def test_an_unsigned_zip_bomb_is_refused_on_its_signature_before_inflating(
    world: World,
) -> None:
    bomb = _bomb(
        world, world.export(world.a), world.root / "bomb.mhd", pk.MAX_PAYLOAD_BYTES, pem=None
    )
    assert bomb.stat().st_size < 5 * 2**20
    before = world.dump()
    said = run_service("import", world.up.target, bomb)
    assert said.get("check") == "signature", said
    assert "bomb.mhd" in said["message"]
    # Measured: ~100 MiB for the program and the database; inflating the payload took 2.1 GB.
    assert int(said["peak"]) < 400, said
    assert world.dump() == before


def test_a_signed_package_declaring_more_than_the_limit_is_refused_before_inflating(
    world: World,
) -> None:
    source = world.export(world.a)
    bomb = _bomb(
        world,
        source,
        world.root / "big.mhd",
        pk.MAX_PAYLOAD_BYTES + 1,
        pem=world.private_pem(world.a),
    )
    said = run_service("import", world.up.target, bomb)
    assert said.get("check") == "size", said
    assert int(said["peak"]) < 400, said


# -------------------------------------- 3. validly signed, impossible dossier values

YEAR_2242 = 2**33 - 1  # the largest moment the column check let through


def _first(column: str, value: object) -> Callable[[dict[str, Any]], None]:
    def edit(data: dict[str, Any]) -> None:
        data["dossiers"][column][0] = value

    return edit


def _to_front(d: dict[str, list[Any]], at: int) -> None:
    """Row ``at`` first (the order of rows means nothing): the row a test edits."""
    for values in d.values():
        values[0], values[at] = values[at], values[0]


def _relative(column: str, to: str, seconds: int) -> Callable[[dict[str, Any]], None]:
    def edit(data: dict[str, Any]) -> None:
        d = data["dossiers"]
        _to_front(d, next(i for i, v in enumerate(d[column]) if v is not None))
        d[column][0] = d[to][0] + seconds

    return edit


def _open_but_returned(data: dict[str, Any]) -> None:
    """A returned dossier made open again ("processing"), its return time kept."""
    d = data["dossiers"]
    _to_front(d, d["status"].index(Status.RETURNED.value))
    d["status"][0] = Status.PROCESSING.value
    d["finished_at"][0] = None
    assert d["returned_at"][0] is not None


IMPOSSIBLE: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    ("due-before-receipt", _relative("due_at", "received_at", -86_400), "due_at"),
    ("finished-before-receipt", _relative("finished_at", "received_at", -3_600), "finished_at"),
    ("returned-while-open", _open_but_returned, "returned_at"),
    ("received-in-2242", _first("received_at", YEAR_2242), "received_at"),
    ("phone-the-desk-refuses", _first("applicant_phone", "gọi tôi đi"), "applicant_phone"),
    ("email-the-desk-refuses", _first("applicant_email", "a@@b"), "applicant_email"),
]


@pytest.mark.parametrize(
    ("edit", "column"), [c[1:] for c in IMPOSSIBLE], ids=[c[0] for c in IMPOSSIBLE]
)
def test_a_signed_package_with_impossible_values_is_refused_whole(
    world: World, edit: Callable[[dict[str, Any]], None], column: str
) -> None:
    sync.set_share_personal_data(world.a, True)
    source = world.export(world.a)
    code = json.loads(members(source)["payload.json"])["dossiers"]["code"]
    bad = repack(source, world.root / "bad.mhd", payload=edit, pem=world.private_pem(world.a))
    wanted = json.loads(members(bad)["payload.json"])["dossiers"]["code"][0]
    assert wanted in code
    good_b = world.export(world.b)
    before = world.dump()
    with pytest.raises(PackageError) as err:
        sync.import_packages(world.up, [good_b, bad])
    assert err.value.check == "payload", err.value.message
    assert "bad.mhd" in err.value.message
    assert f"hồ sơ {wanted}" in err.value.message, err.value.message
    assert f"'{column}'" in err.value.message, err.value.message
    assert world.dump() == before


def test_the_real_package_with_personal_data_is_still_accepted(world: World) -> None:
    sync.set_share_personal_data(world.a, True)
    report = sync.import_packages(world.up, [world.export(world.a)])
    assert report.dossiers_new == 400


# ------------------------------------- 4. desks never change the upstream catalog

FOREIGN = "9.999999"  # a procedure code the upstream office's catalog does not have


def _foreign_procedure(data: dict[str, Any]) -> None:
    """A procedure the upstream does not know (5,000 components, 3,650 working days) added to
    the payload and given to the first dossier; a known procedure's name and time changed."""
    known = data["procedures"][0]
    fake = {
        **known,
        "code": FOREIGN,
        "name": "Thủ tục lạ của xã",
        "time": {"value": 3650, "unit": "working_days", "cutoff": "15:00"},
        "components": [
            {"name": f"Giấy tờ {i}", "kind": "original", "count": 1} for i in range(5000)
        ],
    }
    known["name"] = "Tên đã bị sửa"
    known["time"] = {"value": 3650, "unit": "working_days", "cutoff": "15:00"}
    data["procedures"].append(fake)
    data["dossiers"]["procedure"][0] = FOREIGN


def _catalog(db: Any) -> dict[str, tuple[str, int, bool, int]]:
    from mohao_desk.store import queries as q

    with db.read() as conn:
        active = {p.code for _, p in q.list_procedures(conn)}
        return {
            p.code: (p.name, p.time.value, p.code in active, len(p.components))
            for _, p in q.list_procedures(conn, active_only=False)
        }


def test_a_desk_package_never_changes_the_upstream_catalog(world: World) -> None:
    source = world.export(world.a)
    real = json.loads(members(source)["payload.json"])
    known_code = real["procedures"][0]["code"]
    bad = repack(
        source,
        world.root / "catalog.mhd",
        payload=_foreign_procedure,
        pem=world.private_pem(world.a),
        manifest=lambda m: m["counts"].update(procedures=m["counts"]["procedures"] + 1),
    )
    before = _catalog(world.up)
    assert FOREIGN not in before
    sync.import_packages(world.up, [bad])
    after = _catalog(world.up)
    # The known procedure is exactly as the upstream office has it.
    assert after[known_code] == before[known_code]
    # The unknown one is a reference only: its name and code kept for display, not active,
    # without the components.
    assert after[FOREIGN][0] == "Thủ tục lạ của xã"
    assert after[FOREIGN][2:] == (False, 0)
    assert {c: v for c, v in after.items() if c != FOREIGN} == before
    # Configuration packages to every desk carry the upstream's own catalog only.
    config = sync.export_config_package(world.up, world.root / "cfg").path
    sent = json.loads(members(config)["payload.json"])["procedures"]
    codes = {p["code"] for p in sent}
    assert FOREIGN not in codes
    assert codes == {c for c, v in before.items() if v[2]}
    assert max(p["time"]["value"] for p in sent) < 3650
