"""The search of all dossiers, newest first, as the board asks it (the "all" view, the first
``limit`` matches). On PostgreSQL the store answers it in two steps (``queries._newest_matching``:
the newest ``WALK_ROWS`` dossiers checked one by one, then the trigram index for the older
ones); whatever the step that finds them, the ids must be those a plain scan finds, in receipt
order, newest first, ties by id — on both databases, with the walk shortened so that both steps
run on a small table, and with dossiers received at the same second across the step's edge."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select, text

from mohao_desk.domain.text import fold
from mohao_desk.services.demo import fill_demo
from mohao_desk.services.desk import Desk
from mohao_desk.store import queries
from mohao_desk.store.db import Database, open_database
from mohao_desk.store.schema import dossier
from tests.conftest import DatabaseFactory

NOW = datetime(2026, 11, 27, 10, 0)


class Clock:
    def __call__(self) -> datetime:
        return NOW


@pytest.fixture(scope="module")
def demo_db(new_module_database: DatabaseFactory) -> Database:
    db = open_database(new_module_database())
    fill_demo(db, dossiers=1500, seed=4, now=NOW)
    with db.begin() as conn:
        # Twenty dossiers received at one second, in the middle of the receipt order: the step
        # between the walk and the index can fall among them.
        ids = [r[0] for r in conn.execute(select(dossier.c.id).order_by(dossier.c.id))]
        middle = ids[len(ids) // 2 : len(ids) // 2 + 20]
        moment = conn.execute(
            select(dossier.c.received_at).where(dossier.c.id == middle[0])
        ).scalar_one()
        conn.execute(dossier.update().where(dossier.c.id.in_(middle)).values(received_at=moment))
        if db.dialect == "postgresql":
            conn.execute(text("ANALYZE dossier"))
    return db


def _scanned(db: Database, search: str, limit: int) -> list[int]:
    """What a plain look at every dossier finds, in the board's order: several words as one
    phrase first, and when the phrase is in fewer than ``limit`` dossiers, every word wherever
    it stands."""
    words = fold(search).split()
    with db.read() as conn:
        rows = conn.execute(select(dossier.c.id, dossier.c.received_at, dossier.c.search_key))
        keys = [(r.received_at, r.id, r.search_key) for r in rows]

    def newest(wanted: list[str]) -> list[int]:
        found = [(at, i) for at, i, key in keys if all(w in key for w in wanted)]
        return [i for _, i in sorted(found, reverse=True)][:limit]

    if len(words) > 1:
        phrase = newest([" ".join(words)])
        if len(phrase) >= limit:
            return phrase
    return newest(words)


@pytest.mark.parametrize(
    ("walk_rows", "bitmap_cost"),
    [
        (10**9, 35),  # the walk sees every dossier
        (700, 35),
        (300, 10**6),  # walking on always looks cheaper: step 2 whenever the walk found some
        (300, 0),  # never: step 3 whenever the walk found too few
        (40, 35),
        (1, 35),
    ],
)
def test_the_newest_matches_whichever_step_finds_them(
    demo_db: Database, walk_rows: int, bitmap_cost: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(queries, "WALK_ROWS", walk_rows)
    monkeypatch.setattr(queries, "BITMAP_MATCH_COST", bitmap_cost)
    desk = Desk(demo_db, clock=Clock())
    with demo_db.read() as conn:
        name = conn.execute(
            select(dossier.c.applicant_name).order_by(dossier.c.id).offset(100).limit(1)
        ).scalar_one()
    cases = [
        ("nguyen", 1000),  # common: the walk finds them
        ("nguyen van", 50),
        ("thi", 7),
        (name, 1000),  # rare: the index finds them
        (f"{name.split()[0]} {name.split()[-1]}", 1000),  # words apart: not a phrase
        ("0912", 1000),
        ("h31", 30),  # in every code
        ("xyzzy", 1000),  # nowhere
        ("a", 25),  # short: no trigram
    ]
    for search, limit in cases:
        expected = _scanned(demo_db, search, limit)
        assert desk.board_ids("all", search=search, limit=limit) == expected, (search, limit)
    assert _scanned(demo_db, "nguyen", 1000), "the demo has no Nguyễn: the case proves nothing"
    assert _scanned(demo_db, "xyzzy", 1000) == []
    apart = f"{name.split()[0]} {name.split()[-1]}"
    assert len(_scanned(demo_db, apart, 1000)) > len(_scanned(demo_db, name, 1000)), apart


def test_each_step_runs_where_it_should(
    demo_db: Database, backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On PostgreSQL: a common word is found by the first walk alone; a word the first walk finds
    too few of, walking on when that looks cheaper (step 2), the bitmap otherwise (step 3)."""
    if backend != "postgresql":
        pytest.skip("the steps are PostgreSQL's")
    from sqlalchemy import event

    statements: list[str] = []

    def note(conn, cursor, statement, *args) -> None:  # type: ignore[no-untyped-def]
        if "search_key LIKE" in statement:
            statements.append("walk" if "anon_1" in statement else "bitmap")

    desk = Desk(demo_db, clock=Clock())
    event.listen(demo_db.engine, "before_cursor_execute", note)
    try:
        monkeypatch.setattr(queries, "WALK_ROWS", 300)
        with demo_db.read() as conn:
            newest = conn.execute(
                select(dossier.c.search_key)
                .order_by(dossier.c.received_at.desc(), dossier.c.id.desc())
                .limit(300)
            ).all()
        there = sum("nguyen" in r.search_key for r in newest)
        assert there > 0
        found = desk.board_ids("all", search="nguyen", limit=there)
        assert (statements, len(found)) == (["walk"], there)
        statements.clear()
        monkeypatch.setattr(queries, "BITMAP_MATCH_COST", 10**6)
        desk.board_ids("all", search="nguyen", limit=1000)
        assert statements[:2] == ["walk", "walk"]
        statements.clear()
        monkeypatch.setattr(queries, "BITMAP_MATCH_COST", 0)
        desk.board_ids("all", search="nguyen", limit=1000)
        assert statements == ["walk", "bitmap"]
    finally:
        event.remove(demo_db.engine, "before_cursor_execute", note)
