"""The search of all dossiers, newest first, as the board asks it (the "all" view, the first
``limit`` matches). On PostgreSQL the store answers it in two steps (``queries._newest_matching``:
the newest ``WALK_ROWS`` dossiers checked one by one, then the trigram index for the older
ones); whatever the step that finds them, the ids must be those a plain scan finds, in receipt
order, newest first, ties by id — on both databases, with the walk shortened so that both steps
run on a small table, and with dossiers received at the same second across the step's edge."""

from __future__ import annotations

import re
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


def test_the_patterns_are_in_the_words() -> None:
    """Every pattern the index may be asked for stands literally in a word (so every key that
    holds the words matches it), and they are the trigrams pg_trgm would draw."""
    patterns = queries._patterns(["duong huu ha"])
    assert {p.text: (p.tests, p.regex) for p in patterns} == {
        "duo": (("duo",), False),
        "uon": (("uon",), False),
        "ong": (("ong",), False),
        "huu": (("huu",), False),
        "ng ": (("ng ",), False),
        " hu": ((" hu",), True),  # ~ ' hu': pg_trgm draws `` hu`` alone, not ``  h`` too
        "uu ": (("uu ",), False),
        " ha": ((" ha",), True),
    }
    assert {p.text: p.tests for p in queries._patterns(["000.45"])} == {
        "000": ("000",),
        "00.": ("00 ",),
        ".45": (" 4", " 45"),  # LIKE '%.45%': ``  4`` and `` 45``
    }
    for words in (["000.45.22.h31", "duong"], ["31-250331"], ["0912"], ["a b"], ["x"]):
        for p in queries._patterns(words):
            assert any(p.text in w for w in words), (words, p)
            assert not p.regex or re.fullmatch("[0-9a-z ]+", p.text), p
    assert queries._patterns(["ho"]) == []  # no trigram: the index's own way


@pytest.mark.parametrize(
    ("posting_cost", "row_cost"),
    [
        (6e-9, 3e-6),  # as measured
        (0.0, 3e-6),  # reading is free: every pattern
        (1.0, 3e-6),  # reading is dear: one pattern
        (6e-9, 0.0),  # rows are free: one pattern
    ],
)
def test_the_index_asked_for_some_trigrams_finds_the_same(
    demo_db: Database,
    backend: str,
    posting_cost: float,
    row_cost: float,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """On PostgreSQL, with the search's sample of keys taken: the bitmap of the patterns the
    costs choose (whichever they are) finds the same dossiers as a plain scan; and the choice
    follows the costs."""
    if backend != "postgresql":
        pytest.skip("the trigram index is PostgreSQL's")
    from mohao_desk.store import search_sample

    with demo_db.begin() as conn:
        assert search_sample.take(conn) == 1500  # a small table: every key
    try:
        monkeypatch.setattr(queries, "WALK_ROWS", 1)  # the bitmap for everything
        monkeypatch.setattr(queries, "POSTING_COST", posting_cost)
        monkeypatch.setattr(queries, "ROW_COST", row_cost)
        monkeypatch.setattr(queries, "_samples", type(queries._samples)())
        desk = Desk(demo_db, clock=Clock())
        with demo_db.read() as conn:
            names = [
                r[0]
                for r in conn.execute(
                    select(dossier.c.applicant_name).order_by(dossier.c.id).limit(400)
                )
            ][::40]
        cases = [*names, "nguyen van", "thi hieu", "0912", "h31", "31-2", "xyzzy", "a"]
        for search in cases:
            expected = _scanned(demo_db, search, 1000)
            assert desk.board_ids("all", search=search, limit=1000) == expected, search
        with demo_db.read() as conn:
            chosen = queries._index_patterns(conn, ["duong huu ha"])
        assert chosen
        if posting_cost == 0.0:
            assert len(chosen) >= 4  # free to read: taken while each lowers the rows left
        if posting_cost == 1.0 or row_cost == 0.0:
            assert len(chosen) == 1
    finally:
        with demo_db.begin() as conn:
            conn.execute(search_sample.search_sample.delete())
