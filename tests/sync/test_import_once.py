"""The upstream import does its per-row work once (issue 14): each payload is parsed and
checked once, as it is applied, and the audit chain is given the state digests of the dossiers
the import inserts (store/sync_queries.py ``imported_state_digests``) instead of reading them
back. The digests must be the very ones the seal and the verifier compute from the rows, and a
refusal must name the file that the checks file by file, before anything was applied, named."""

from __future__ import annotations

import pytest

from mohao_desk.domain.package import PackageError
from mohao_desk.services import audit, sync
from mohao_desk.store import audit as chain_store

from .conftest import DOSSIERS_A, DOSSIERS_B, World, repack
from .test_bad_packages import _set, truncated
from .test_round_trip import touch


def _batch_states(world: World) -> dict[int, str]:
    """dossier id → state digest of the last batch link (the import's)."""
    with world.up.read() as conn:
        seq = conn.exec_driver_sql(
            "SELECT max(seq) FROM audit_link WHERE kind = 'batch'"
        ).scalar_one()
        rows = conn.exec_driver_sql(
            f"SELECT dossier_id, state_sha FROM audit_state WHERE seq = {int(seq)}"
        ).all()
    return {int(i): str(s) for i, s in rows}


def _read_back(world: World) -> dict[int, str]:
    """The states as the seal computes them from the rows (every dossier)."""
    with world.up.read() as conn:
        names = chain_store.usernames(conn)
        return {
            d.id: d.state_sha
            for d in chain_store.dossiers(conn, chain_store.Scope(), names, events=False)
        }


def test_imported_states_are_the_rows_states(world: World) -> None:
    first_a, b = world.export(world.a), world.export(world.b)
    changed = touch(world.a, 30, hours=2)
    second_a = world.export(world.a, hours=3)
    # Both of A's packages in one import: the second brings again 30 rows the first inserted.
    report = sync.import_packages(world.up, [second_a, b, first_a])
    assert report.dossiers_new == DOSSIERS_A + DOSSIERS_B
    assert report.dossiers_updated == len(changed)
    states = _batch_states(world)
    assert len(states) == DOSSIERS_A + DOSSIERS_B
    assert states == _read_back(world)
    checked = audit.verify(world.up)
    assert checked.whole and checked.problem_count == 0


def test_updates_of_earlier_imports_are_read_back(world: World) -> None:
    sync.import_packages(world.up, [world.export(world.a)])
    changed = touch(world.a, 25, hours=2, rating="hai_long")
    report = sync.import_packages(world.up, [world.export(world.a, hours=3), world.export(world.b)])
    assert (report.dossiers_new, report.dossiers_updated) == (DOSSIERS_B, len(changed))
    states = _batch_states(world)
    assert len(states) == DOSSIERS_B + len(changed)  # the updated ones too, read back
    every = _read_back(world)
    assert states == {i: every[i] for i in states}
    assert audit.verify(world.up).whole


def _refused(world: World, files: list) -> PackageError:
    before = world.dump()
    with pytest.raises(PackageError) as err:
        sync.import_packages(world.up, files)
    assert world.dump() == before
    return err.value


def test_a_payload_refused_before_a_later_file_s_container(world: World) -> None:
    bad = repack(
        world.export(world.b), world.root / "bad-b.mhd",
        payload=_set("status", "lost"), pem=world.private_pem(world.b),
    )  # fmt: skip
    cut = truncated(world, world.export(world.a))
    err = _refused(world, [bad, cut])
    assert err.check == "payload"
    assert "bad-b.mhd" in err.message and "cut.mhd" not in err.message
    assert _refused(world, [cut, bad]).check == "damaged"  # the other way round


def test_a_payload_refused_before_the_order_of_the_packages(world: World) -> None:
    p1 = world.export(world.a)
    twin = repack(
        p1, world.root / "twin.mhd", payload=_set("status", "lost"),
        pem=world.private_pem(world.a),
    )  # fmt: skip
    err = _refused(world, [p1, twin])
    assert err.check == "payload" and "twin.mhd" in err.message


def test_the_first_bad_payload_in_file_order_is_named(world: World) -> None:
    """Applied in unit order (A before B), checked in file order (B's file first)."""
    bad_b = repack(
        world.export(world.b), world.root / "bad-b.mhd",
        payload=_set("received_at", "yesterday"), pem=world.private_pem(world.b),
    )  # fmt: skip
    bad_a = repack(
        world.export(world.a), world.root / "bad-a.mhd",
        payload=_set("status", "lost"), pem=world.private_pem(world.a),
    )  # fmt: skip
    err = _refused(world, [bad_b, bad_a])
    assert "bad-b.mhd" in err.message and "bad-a.mhd" not in err.message
    err = _refused(world, [bad_a, bad_b])
    assert "bad-a.mhd" in err.message and "bad-b.mhd" not in err.message


def test_a_search_right_after_the_import_finds_every_dossier(world: World) -> None:
    from mohao_desk.services.desk import Desk

    sync.import_packages(world.up, [world.export(world.a), world.export(world.b)])
    with world.up.read() as conn:
        codes = [str(c) for (c,) in conn.exec_driver_sql("SELECT code FROM dossier ORDER BY id")]
    assert len(codes) == DOSSIERS_A + DOSSIERS_B
    desk = Desk(world.up)
    for code in codes[:: max(1, len(codes) // 40)]:  # across both units and both packages
        assert [s.code for s in desk.list("all", search=code.lower())] == [code]
