"""Every kind of bad package is rejected whole, says which check failed, and leaves the
database exactly as it was (a dump of every table compared before and after)."""

from __future__ import annotations

import base64
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from mohao_desk.cli import main
from mohao_desk.domain import package as pk
from mohao_desk.domain.package import PackageError
from mohao_desk.services import sync
from mohao_desk.store.db import open_database

from .conftest import UNIT_A, World, members, repack, write_zip

Case = Callable[[World, Path], Path]


def _valid(world: World) -> Path:
    return world.export(world.a)


def not_a_package(world: World, p: Path) -> Path:
    target = world.root / "note.mhd"
    target.write_text("Báo cáo tháng 5\n", encoding="utf-8")
    return target


def other_zip(world: World, p: Path) -> Path:
    return write_zip(world.root / "photos.mhd", [("IMG_0001.jpg", b"\xff\xd8\xff")])


def empty_file(world: World, p: Path) -> Path:
    target = world.root / "empty.mhd"
    target.write_bytes(b"")
    return target


def truncated(world: World, p: Path) -> Path:
    target = world.root / "cut.mhd"
    target.write_bytes(p.read_bytes()[: p.stat().st_size * 2 // 3])
    return target


def truncated_tail(world: World, p: Path) -> Path:
    target = world.root / "cut-tail.mhd"
    target.write_bytes(p.read_bytes()[:-10])
    return target


def too_large(world: World, p: Path) -> Path:
    target = world.root / "huge.mhd"
    with open(target, "wb") as handle:  # sparse: costs no disk
        handle.write(p.read_bytes())
        handle.truncate(pk.MAX_PACKAGE_BYTES + 1)
    return target


def payload_changed(world: World, p: Path) -> Path:
    def edit(data: dict[str, Any]) -> None:
        data["dossiers"]["status"][0] = (
            "returned" if data["dossiers"]["status"][0] != "returned" else "refused"
        )

    return repack(p, world.root / "payload.mhd", payload=edit)


def manifest_changed(world: World, p: Path) -> Path:
    def edit(m: dict[str, Any]) -> None:
        m["unit"]["name"] = "Ủy ban nhân dân phường Giả Mạo"

    return repack(p, world.root / "manifest.mhd", manifest=edit)


def signature_swapped(world: World, p: Path) -> Path:
    other = world.export(world.b)
    parts = members(p)
    parts["signature.json"] = members(other)["signature.json"]
    return write_zip(world.root / "swapped.mhd", list(parts.items()))


def signed_by_other_unit(world: World, p: Path) -> Path:
    """Content of unit A, signed (validly) with unit B's key: the wrong key."""

    def edit(m: dict[str, Any]) -> None:
        m["key_fingerprint"] = pk.fingerprint(pk.public_key_of(world.private_pem(world.b)))

    return repack(p, world.root / "wrong-key.mhd", manifest=edit, pem=world.private_pem(world.b))


def signed_by_claimed_key(world: World, p: Path) -> Path:
    """Signed with B's key but still claiming A's key fingerprint."""
    return repack(
        p, world.root / "claims.mhd", manifest=lambda m: None, pem=world.private_pem(world.b)
    )


def unknown_unit(world: World, p: Path) -> Path:
    db = open_database(world.new_database())
    from mohao_desk.services.setup import init_unit

    init_unit(db, code="000.99.22.H31", name="Ủy ban nhân dân xã Lạ")
    path = sync.export_desk_package(db, world.root / "c-out").path
    db.close()
    return path


def future_schema(world: World, p: Path) -> Path:
    def edit(m: dict[str, Any]) -> None:
        m["schema_version"] = pk.SCHEMA_VERSION + 1
        m["new_field"] = {"something": "new"}

    return repack(p, world.root / "future.mhd", manifest=edit, pem=world.private_pem(world.a))


def _bad_manifest(field: str, value: Any) -> Case:
    def case(world: World, p: Path) -> Path:
        def edit(m: dict[str, Any]) -> None:
            if value is KeyError:
                del m[field]
            else:
                m[field] = value

        target = world.root / f"manifest-{field}.mhd"
        return repack(p, target, manifest=edit, pem=world.private_pem(world.a))

    case.__name__ = f"manifest_{field}_{value!r}"[:40]
    return case


def _bad_payload(edit: Callable[[dict[str, Any]], None], name: str) -> Case:
    def case(world: World, p: Path) -> Path:
        return repack(p, world.root / f"{name}.mhd", payload=edit, pem=world.private_pem(world.a))

    case.__name__ = name
    return case


def _set(column: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def edit(data: dict[str, Any]) -> None:
        data["dossiers"][column][0] = value

    return edit


def _personal_undeclared(data: dict[str, Any]) -> None:
    n = len(data["dossiers"]["code"])
    data["dossiers"]["applicant_name"] = ["Nguyễn Văn A"] * n


def _drop_row(data: dict[str, Any]) -> None:
    for values in data["dossiers"].values():
        values.pop()


def extra_member(world: World, p: Path) -> Path:
    parts = [*members(p).items(), ("readme.txt", b"hello")]
    return write_zip(world.root / "extra.mhd", parts)


def zip_bomb(world: World, p: Path) -> Path:
    """A payload that inflates past the limit (the limit is lowered for the test)."""
    parts = members(p)
    parts["payload.json"] = b" " * (pk.MAX_PAYLOAD_BYTES + 10)
    return write_zip(world.root / "bomb.mhd", list(parts.items()))


def config_at_upstream(world: World, p: Path) -> Path:
    return sync.export_config_package(world.up, world.root / "cfg").path


CASES: list[tuple[Case, str]] = [
    (not_a_package, "container"),
    (other_zip, "container"),
    (empty_file, "container"),
    (truncated, "damaged"),
    (truncated_tail, "damaged"),
    (too_large, "size"),
    (extra_member, "damaged"),
    (payload_changed, "integrity"),
    (manifest_changed, "signature"),
    (signature_swapped, "signature"),
    (signed_by_other_unit, "signature"),
    (signed_by_claimed_key, "signature"),
    (unknown_unit, "unit"),
    (future_schema, "version"),
    (_bad_manifest("sequence", 0), "manifest"),
    (_bad_manifest("sequence", "1"), "manifest"),
    (_bad_manifest("counts", KeyError), "manifest"),
    (_bad_manifest("counts", {"dossiers": -1, "procedures": 0, "officers": 0}), "manifest"),
    (_bad_manifest("since", "2030-01-01T00:00:00Z"), "manifest"),
    (_bad_manifest("created_at", "hôm qua"), "manifest"),
    (_bad_manifest("personal_data", "no"), "manifest"),
    (_bad_manifest("unit", {"code": "not a code", "name": "X"}), "manifest"),
    (_bad_manifest("previous_sha256", "ab" * 32), "manifest"),
    (_bad_manifest("kind", "photos"), "manifest"),
    (_bad_payload(_set("status", "lost"), "payload-status"), "payload"),
    (_bad_payload(_set("received_at", "yesterday"), "payload-moment"), "payload"),
    (_bad_payload(_set("code", "000.99.22.H31-240501-0001"), "payload-foreign-code"), "payload"),
    (_bad_payload(_set("procedure", "9.999999"), "payload-procedure"), "payload"),
    (_bad_payload(_set("regime", "Z"), "payload-regime"), "payload"),
    (_bad_payload(_set("facts", [["teleport", 1714000000]]), "payload-facts"), "payload"),
    (_bad_payload(_personal_undeclared, "payload-personal"), "payload"),
    (_bad_payload(_drop_row, "payload-count"), "payload"),
    (config_at_upstream, "kind"),
]


@pytest.mark.parametrize(("case", "check"), CASES, ids=[c.__name__ for c, _ in CASES])
def test_bad_package_is_rejected_whole(
    world: World, case: Case, check: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if case is zip_bomb:
        monkeypatch.setattr(pk, "MAX_PAYLOAD_BYTES", 10_000)
    good_b = world.export(world.b)
    bad = case(world, _valid(world))
    before = world.dump()
    with pytest.raises(PackageError) as err:
        # the good package of unit B is not imported either
        sync.import_packages(world.up, [good_b, bad])
    assert err.value.check == check, err.value.message
    assert bad.name in err.value.message
    assert "cơ sở dữ liệu không thay đổi" in err.value.message
    assert world.dump() == before


def test_zip_bomb_is_refused_before_inflating(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pk, "MAX_PAYLOAD_BYTES", 10_000)
    bad = zip_bomb(world, _valid(world))
    before = world.dump()
    with pytest.raises(PackageError) as err:
        sync.import_packages(world.up, [bad])
    assert err.value.check == "size"
    assert world.dump() == before


def test_broken_chain_is_refused(world: World) -> None:
    p1 = world.export(world.a, hours=1)
    p2 = world.export(world.a, hours=2)
    sync.import_packages(world.up, [p1])
    forged = repack(
        p2,
        world.root / "forged.mhd",
        manifest=lambda m: m.update(previous_sha256="cd" * 32),
        pem=world.private_pem(world.a),
    )
    before = world.dump()
    with pytest.raises(PackageError) as err:
        sync.import_packages(world.up, [forged])
    assert err.value.check == "chain"
    assert world.dump() == before


def test_two_files_same_sequence_different_content(world: World) -> None:
    p1 = world.export(world.a)
    twin = repack(
        p1,
        world.root / "twin.mhd",
        payload=_set("rating", "hai_long"),
        pem=world.private_pem(world.a),
    )
    with pytest.raises(PackageError) as err:
        sync.import_packages(world.up, [p1, twin])
    assert err.value.check == "sequence"


def test_desk_package_at_a_desk_is_refused(world: World) -> None:
    p = world.export(world.b)
    before = world.dump(world.a)
    with pytest.raises(PackageError) as err:
        sync.import_packages(world.a, [p])
    assert err.value.check == "kind"
    assert world.dump(world.a) == before


def test_cli_one_line_exit_2_and_nothing_changed(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    good = world.export(world.a)
    bad = truncated(world, good)
    before = world.dump()
    world.up.close()
    code = main(["import", str(good), str(bad), "--db", str(world.up.target), "--by", "quantri"])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert "cut.mhd" in lines[0] and "bị hỏng hoặc bị cắt cụt" in lines[0]
    world.up = open_database(world.up.target)
    assert world.dump() == before


def test_key_files_are_checked(world: World) -> None:
    key = json.loads((world.root / "a.key.json").read_text(encoding="utf-8"))
    bad = dict(key, public_key=base64.b64encode(b"\x01" * 32).decode())
    path = world.root / "bad.key.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(PackageError) as err:
        sync.trust(world.up, path)
    assert err.value.check == "key"
    assert "dấu vân tay" in err.value.message
    path.write_text("không phải khóa", encoding="utf-8")
    with pytest.raises(PackageError):
        sync.trust(world.up, path)


def test_trusting_another_key_for_a_known_unit_needs_replace(world: World) -> None:
    from mohao_desk.domain.errors import DeskError

    pem = pk.new_private_key_pem()
    path = world.root / "new.key.json"
    path.write_bytes(pk.key_file_bytes(UNIT_A[0], UNIT_A[1], pk.ROLE_DESK, pk.public_key_of(pem)))
    before = world.dump()
    with pytest.raises(DeskError, match="thay bằng khóa mới") as refused:
        sync.trust(world.up, path)
    assert refused.value.template == sync.KEY_CHANGED
    assert world.dump() == before
    assert sync.trust(world.up, path, replace=True).state == "replaced"
    # The old key's packages are now refused as signed with the wrong key.
    with pytest.raises(PackageError) as err:
        sync.import_packages(world.up, [world.export(world.a)])
    assert err.value.check == "signature"
    assert sync.trust(world.up, path).state == "unchanged"


def test_a_desk_does_not_trust_a_desk_key(world: World) -> None:
    from mohao_desk.domain.errors import DeskError

    with pytest.raises(DeskError, match="cơ quan cấp trên"):
        sync.trust(world.a, world.root / "b.key.json")


def test_member_names_and_order_are_fixed(world: World) -> None:
    p = _valid(world)
    parts = members(p)
    reordered = write_zip(
        world.root / "reordered.mhd",
        [(n, parts[n]) for n in ("payload.json", "manifest.json", "signature.json")],
    )
    with pytest.raises(PackageError):
        sync.import_packages(world.up, [reordered])
    with zipfile.ZipFile(p) as archive:
        assert [i.filename for i in archive.infolist()] == list(pk.MEMBERS)
