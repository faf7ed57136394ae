"""The search's sample of keys at a PostgreSQL upstream office (revision 0013,
``store/search_sample.py``): taken by the import that brings a new office its first
dossiers, and again only when an import adds a twentieth of the table; never on SQLite."""

from __future__ import annotations

from sqlalchemy import func, select

from mohao_desk.services import sync
from mohao_desk.store.schema import dossier, search_sample

from .conftest import World


def _sample(world: World) -> list[str]:
    with world.up.read() as conn:
        return [r[0] for r in conn.execute(select(search_sample.c.words))]


def test_the_import_takes_the_sample_as_the_table_grows(world: World, backend: str) -> None:
    assert _sample(world) == []
    sync.import_packages(world.up, [world.export(world.a)])
    with world.up.read() as conn:
        keys = [r[0] for r in conn.execute(select(dossier.c.search_key))]
    sample = _sample(world)
    if backend != "postgresql":
        assert sample == []  # the desk's FTS5 needs none
        return
    # A small table: every key, its separators made spaces, a space at each end.
    assert sorted(sample) == sorted(" " + k.replace(".", " ").replace("-", " ") + " " for k in keys)
    sync.import_packages(world.up, [world.export(world.b)])  # as many again: taken again
    with world.up.read() as conn:
        total = conn.execute(select(func.count()).select_from(dossier)).scalar_one()
    assert len(_sample(world)) == total > len(keys)
