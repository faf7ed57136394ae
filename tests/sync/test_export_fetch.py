"""The export reads its rows with the driver's own cursor, at once (issue 14): the package it
writes must be byte for byte the one the rows read through SQLAlchemy gave, on a demo desk, with
and without personal data, on both databases."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Connection

from mohao_desk.services import sync
from mohao_desk.store import sync_queries as sq
from mohao_desk.store.dialect import driver_sql

from .conftest import DOSSIERS_A, World, later, members


def _through_sqlalchemy(conn: Connection, sql: str, params: Any) -> list[tuple[Any, ...]]:
    """The export's fetch before issue 14: SQLAlchemy's rows, one tuple each."""
    return [tuple(r) for r in conn.exec_driver_sql(driver_sql(conn, sql), tuple(params))]


@pytest.mark.parametrize("personal", [False, True], ids=["without", "with-personal-data"])
def test_export_payload_is_unchanged(
    world: World, monkeypatch: pytest.MonkeyPatch, personal: bool
) -> None:
    if personal:
        sync.set_share_personal_data(world.a, True)
    twin = world.copy(world.a)
    clock = later(1)
    fast = sync.export_desk_package(world.a, world.root / "fast", clock=clock)
    with monkeypatch.context() as patch:
        patch.setattr(sq, "_fetch_all", _through_sqlalchemy)
        slow = sync.export_desk_package(twin, world.root / "slow", clock=clock)
    twin.close()
    assert fast.items == slow.items == DOSSIERS_A
    new, old = members(fast.path), members(slow.path)
    assert new["payload.json"] == old["payload.json"]
    assert new["manifest.json"] == old["manifest.json"]
    assert (b'"applicant_name"' in new["payload.json"]) is personal
