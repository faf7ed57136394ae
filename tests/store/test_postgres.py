"""The store on a real PostgreSQL server (the private cluster of tests/conftest.py): migrations
and the schema gate, the trigram search index, and several processes registering and acting
at once."""

from __future__ import annotations

import multiprocessing
from datetime import UTC, datetime
from importlib import resources
from typing import Any

import pytest
from sqlalchemy import create_engine, select, text

from mohao_desk.services.demo import fill_demo
from mohao_desk.services.desk import Desk
from mohao_desk.services.setup import OfficerInput, init_unit
from mohao_desk.store import queries as q
from mohao_desk.store.db import SCHEMA_HEAD, Database, DatabaseError, open_database
from mohao_desk.store.queries import search_conditions
from mohao_desk.store.schema import dossier
from tests.pg_server import PrivateCluster

NOW = datetime(2026, 11, 27, 10, 0)


@pytest.fixture
def cluster(pg_cluster: PrivateCluster) -> PrivateCluster:
    return pg_cluster


@pytest.fixture
def empty_url(cluster: PrivateCluster):
    """A database as its owner creates it on the server: empty, no table of ours."""
    url = cluster.create_database(migrated=False)
    yield url
    cluster.drop_database(url)


@pytest.fixture
def new_url(cluster: PrivateCluster):
    """A factory of fresh databases migrated to the head, dropped after the test."""
    made: list[str] = []

    def make() -> str:
        made.append(cluster.create_database())
        return made[-1]

    yield make
    for url in made:
        cluster.drop_database(url)


def _scalar(db: Database, sql: str, **params: Any) -> Any:
    with db.read() as conn:
        return conn.execute(text(sql), params).scalar()


# ------------------------------------------------------------ migrations and the gate


def test_an_empty_server_database_is_migrated_with_the_postgresql_equals(empty_url) -> None:
    db = open_database(empty_url)
    assert db.dialect == "postgresql"
    assert _scalar(db, "SELECT version_num FROM alembic_version") == SCHEMA_HEAD
    assert _scalar(db, "SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'") == "pg_trgm"
    index = _scalar(
        db, "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_dossier_search_trgm'"
    )
    assert "gin (search_key gin_trgm_ops)" in index
    partial = _scalar(db, "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_dossier_open_due'")
    assert partial.endswith("WHERE (finished_at IS NULL)")
    # Moments are epoch seconds: BIGINT, past 2038; booleans are booleans with their defaults.
    types = dict(
        db.engine.connect()
        .exec_driver_sql(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_name = 'dossier'"
        )
        .all()
    )
    assert types["received_at"] == types["due_at"] == "bigint"
    assert types["verification"] == "boolean"
    db.close()
    open_database(empty_url).close()  # reopening a current database migrates nothing


def test_migrations_build_the_declared_schema_on_postgresql(empty_url) -> None:
    """Alembic's comparison finds nothing but the server's own indexes: the trigram index (raw
    SQL of revision 0002), the per-unit ones (0008), the receipt index that carries the
    search key (0011: same name, other columns) and the open spans' GiST index (0014)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from mohao_desk.store.schema import metadata

    db = open_database(empty_url)
    with db.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), metadata)
    db.close()
    server_only = {
        "ix_dossier_search_trgm",
        "ix_dossier_unit_received",
        "ix_dossier_unit_finished",
        "ix_dossier_open_span",
    }
    left = [d for d in diffs if not (d[0] == "remove_index" and d[1].name in server_only)]
    changed = [d for d in left if d[0] in ("add_index", "remove_index")]
    assert {(d[0], d[1].name) for d in changed} == {
        ("add_index", "ix_dossier_received"),
        ("remove_index", "ix_dossier_received"),
    }
    assert [d for d in left if d not in changed] == []
    with db.engine.connect() as conn:  # the server-only indexes are there (revisions 0002, 0008)
        names = {r[0] for r in conn.exec_driver_sql("SELECT indexname FROM pg_indexes")}
        received = conn.exec_driver_sql(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_dossier_received'"
        ).scalar_one()
    assert server_only <= names
    assert "(received_at, id) INCLUDE (search_key)" in received


def test_the_gate_on_a_server(empty_url, cluster: PrivateCluster) -> None:
    with pytest.raises(DatabaseError, match="còn trống"):
        open_database(empty_url, create=False)
    db = open_database(empty_url)
    with db.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    db.close()
    with pytest.raises(DatabaseError, match="phiên bản mohao_desk mới hơn"):
        open_database(empty_url)
    foreign = cluster.create_database(migrated=False)
    try:
        engine = create_engine(foreign)
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE customers (id INTEGER)")
        engine.dispose()
        with pytest.raises(DatabaseError, match="chương trình khác"):
            open_database(foreign)
    finally:
        cluster.drop_database(foreign)
    with pytest.raises(DatabaseError, match="không hợp lệ"):
        open_database("postgresql+asyncpg://u@h/db")
    with pytest.raises(DatabaseError, match="không hợp lệ"):
        open_database("postgresql://u@h/")
    # No server there (a socket folder without a server): a clear message, not a traceback.
    nowhere = cluster.url("x").replace(f"port={cluster.port}", f"port={cluster.port + 1}")
    with pytest.raises(DatabaseError, match="Không kết nối được máy chủ cơ sở dữ liệu"):
        open_database(nowhere)
    with pytest.raises(DatabaseError, match="Không tìm thấy cơ sở dữ liệu"):
        open_database(cluster.url("no_such_database"))


def test_revision_0005_numbers_existing_dossiers_on_postgresql(empty_url) -> None:
    """A server database left at 0004 gets its dossiers numbered per local year in receipt
    order (the own unit found through a boolean, not SQLite's 1)."""
    from alembic import command
    from alembic.config import Config

    engine = create_engine(empty_url)
    config = Config()
    config.set_main_option(
        "script_location", str(resources.files("mohao_desk.store") / "migrations")
    )
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0004")
    moments = [
        datetime(2024, 12, 31, 16, 30, tzinfo=UTC),  # local 31/12/2024 23:30
        datetime(2024, 12, 30, 2, 0, tzinfo=UTC),
        datetime(2024, 12, 31, 17, 30, tzinfo=UTC),  # local 01/01/2025 00:30
    ]
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO unit (id, code, name, is_own, created_at) VALUES (1, 'X.1', 'Xã', true, 0)"
        )
        conn.exec_driver_sql(
            "INSERT INTO legal_regime VALUES "
            "('A', 'A', '2018-08-21', NULL, '', '', '', 1, true, '{}')"
        )
        conn.exec_driver_sql(
            "INSERT INTO procedure (id, code, name, name_folded, field, time_value, time_unit) "
            "VALUES (1, 'P', 'Thủ tục', 'thu tuc', 'F', 3, 'working_days')"
        )
        for n, moment in enumerate(moments, start=1):
            at = int(moment.timestamp())
            conn.execute(
                text(
                    "INSERT INTO dossier (id, code, unit_id, procedure_id, regime_code, "
                    "applicant_name, search_key, channel, received_at, due_at, original_due_at, "
                    "status, updated_at) VALUES (:id, :code, 1, 1, 'A', 'A', 'a', 'T', :at, :at, "
                    ":at, 'received', :at)"
                ),
                {"id": n, "code": f"X.1-{n}", "at": at},
            )
    engine.dispose()
    db = open_database(empty_url)
    with db.read() as conn:
        numbers = conn.exec_driver_sql(
            "SELECT id, book_year, book_number FROM dossier ORDER BY id"
        ).all()
        last = dict(conn.exec_driver_sql("SELECT year, last FROM yearly_sequence").all())
    db.close()
    assert [tuple(r) for r in numbers] == [(1, 2024, 2), (2, 2024, 1), (3, 2025, 1)]
    assert last == {2024: 2, 2025: 1}


# ------------------------------------------------------------------------ search


def test_search_uses_the_trigram_index_and_answers_like_a_scan(new_url) -> None:
    db = open_database(new_url())
    fill_demo(db, dossiers=2000, seed=9, now=NOW)
    desk = Desk(db, clock=FakeClockAt(NOW))
    added = desk.register(
        procedure_code="2.000815", applicant_name="Đặng Thị Ánh Tuyết", phone="0977 111 222"
    ).summary.code
    with db.begin() as conn:
        conn.exec_driver_sql("ANALYZE dossier")
    for query, words in [
        ("nguyen van", ["nguyen", "van"]),
        ("Đặng Ánh", ["dang", "anh"]),
        ("0977111", ["0977111"]),
        ("thi a", ["thi", "a"]),
    ]:
        found = {d.code for d in desk.list("all", search=query)}
        where = " AND ".join(f"search_key LIKE '%%{w}%%'" for w in words)
        with db.read() as conn:
            scanned = {
                r[0] for r in conn.exec_driver_sql(f"SELECT code FROM dossier WHERE {where}")
            }
        assert found == scanned and found, query
    assert [d.code for d in desk.list("all", search="dang thi anh tuyet")] == [added]
    # The query the store builds, planned with its parameters as the program sends them: the
    # GIN trigram index answers it (a scan is ruled out to show the index can, whatever the
    # table's size makes the planner prefer; so is a bitmap of the whole receipt index, which
    # holds the search key since revision 0011 and is the cheaper read of 2,000 rows).
    with db.engine.connect() as conn:
        statement = select(dossier.c.id).where(*search_conditions(conn, "tuyet"))
        compiled = statement.compile(dialect=conn.dialect)
        conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
        conn.exec_driver_sql("DROP INDEX ix_dossier_received")  # undone below
        plan = "\n".join(r[0] for r in conn.exec_driver_sql(f"EXPLAIN {compiled}", compiled.params))
        conn.rollback()
    assert "ix_dossier_search_trgm" in plan, plan
    assert "LIKE" in str(compiled) and "ILIKE" not in str(compiled)
    db.close()


def test_the_dossiers_open_at_a_moment_come_from_the_span_index(new_url) -> None:
    """Biểu 06's "open at the period's end" on the server (revision 0014): the span condition
    the store adds is answered by ``ix_dossier_open_span``, and selects exactly the dossiers
    received before the moment and not finished before it (open ones, finished at it or
    after; one finished before it was received is never open)."""
    from sqlalchemy import BigInteger, func, literal, or_

    from mohao_desk.store.report_queries import open_span

    db = open_database(new_url())
    fill_demo(db, dossiers=1500, seed=5, now=NOW)
    with db.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE dossier SET finished_at = received_at - 3600 WHERE id = (SELECT min(id)"
            " FROM dossier WHERE finished_at IS NOT NULL)"
        )
        moments = conn.exec_driver_sql(
            "SELECT finished_at FROM dossier WHERE finished_at IS NOT NULL ORDER BY id LIMIT 40"
        ).scalars()
        d = dossier.c
        for e in [int(NOW.timestamp()), *moments]:
            spanned = select(func.count()).where(open_span().op("@>")(literal(e, BigInteger)))
            plain = select(func.count()).where(
                d.received_at < datetime.fromtimestamp(e, UTC),
                or_(d.finished_at.is_(None), d.finished_at >= datetime.fromtimestamp(e, UTC)),
            )
            assert conn.execute(spanned).scalar_one() == conn.execute(plain).scalar_one(), e
        conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
        compiled = spanned.compile(dialect=conn.dialect)
        plan = "\n".join(r[0] for r in conn.exec_driver_sql(f"EXPLAIN {compiled}", compiled.params))
    assert "ix_dossier_open_span" in plan, plan
    db.close()


class FakeClockAt:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


# --------------------------------------------------------------- concurrency


WORKERS = 4
EACH = 12


def _set_up(url: str) -> None:
    db = open_database(url)
    init_unit(
        db,
        code="000.17.22.H56",
        name="Ủy ban nhân dân phường Bần Yên Nhân",
        officers=[OfficerInput("motcua", "Nguyễn Thị Hồng Nhung", "Công chức Một cửa")],
    )
    db.close()


def _register_many(url: str, barrier: Any, results: Any) -> None:
    """One counter's process: wait for the others, then register EACH dossiers."""
    try:
        db = open_database(url)
        desk = Desk(db, clock=FakeClockAt(datetime(2026, 12, 1, 9, 0)))
        barrier.wait()
        codes = [
            desk.register(procedure_code="1.004873", applicant_name=f"Người nộp {i}").summary.code
            for i in range(EACH)
        ]
        db.close()
        results.put(("ok", codes))
    except BaseException as exc:  # the parent shows it
        results.put(("error", repr(exc)))


def _hand_over_many(url: str, code: str, barrier: Any, results: Any) -> None:
    """One officer's process: hand the same dossier over EACH times."""
    try:
        db = open_database(url)
        desk = Desk(db, clock=FakeClockAt(datetime(2026, 12, 1, 10, 0)))
        barrier.wait()
        for i in range(EACH):
            desk.handover(code, to="motcua", note=f"lần {i}")
        db.close()
        results.put(("ok", []))
    except BaseException as exc:
        results.put(("error", repr(exc)))


def _run(target: Any, *args: Any) -> list[Any]:
    context = multiprocessing.get_context("spawn")  # fresh processes, no inherited sockets
    barrier = context.Barrier(WORKERS)
    results = context.Queue()
    processes = [
        context.Process(target=target, args=(*args, barrier, results)) for _ in range(WORKERS)
    ]
    for p in processes:
        p.start()
    outcomes = [results.get(timeout=180) for _ in processes]
    for p in processes:
        p.join(timeout=60)
    assert [o for o in outcomes if o[0] != "ok"] == []
    return [code for _, codes in outcomes for code in codes]


def test_processes_registering_at_once_never_share_a_code_and_leave_no_gap(new_url) -> None:
    url = new_url()
    _set_up(url)
    codes = _run(_register_many, url)
    total = WORKERS * EACH
    assert len(codes) == len(set(codes)) == total
    assert sorted(int(c[-4:]) for c in codes) == list(range(1, total + 1))
    db = open_database(url)
    with db.read() as conn:
        assert conn.exec_driver_sql("SELECT last FROM daily_sequence").scalar() == total
        books = [r[0] for r in conn.exec_driver_sql("SELECT book_number FROM dossier ORDER BY 1")]
        assert books == list(range(1, total + 1))
        assert conn.exec_driver_sql("SELECT last FROM yearly_sequence").scalar() == total
    # A registration that fails after taking its number gives the number back: still no gap.
    desk = Desk(db, clock=FakeClockAt(datetime(2026, 12, 1, 11, 0)))
    with pytest.raises(RuntimeError), db.begin() as conn:
        assert q.next_sequence(conn, desk.unit.id, datetime(2026, 12, 1).date()) == total + 1
        raise RuntimeError("any failure after the number was taken: all rolled back")
    assert desk.register(procedure_code="1.004873", applicant_name="Sau").summary.code.endswith(
        f"-{total + 1:04d}"
    )
    db.close()


def test_processes_acting_on_one_dossier_at_once_record_every_act_once(new_url) -> None:
    url = new_url()
    _set_up(url)
    db = open_database(url)
    desk = Desk(db, clock=FakeClockAt(datetime(2026, 12, 1, 9, 0)))
    code = desk.register(procedure_code="1.004873", applicant_name="Nguyễn Văn An").summary.code
    db.close()
    _run(_hand_over_many, url, code)
    db = open_database(url)
    with db.read() as conn:
        count = conn.exec_driver_sql("SELECT event_count FROM dossier").scalar()
        seqs = [r[0] for r in conn.exec_driver_sql("SELECT seq FROM event ORDER BY seq")]
    db.close()
    assert count == 1 + WORKERS * EACH
    assert seqs == list(range(1, count + 1))


def _resolve_once(url: str, code: str, barrier: Any, results: Any) -> None:
    """One officer's process: record the result of the dossier, once."""
    from mohao_desk.domain.errors import IllegalTransition

    try:
        db = open_database(url)
        desk = Desk(db, clock=FakeClockAt(datetime(2026, 12, 1, 10, 0)))
        barrier.wait()
        try:
            desk.resolve(code)
            results.put(("ok", ""))
        except IllegalTransition as exc:
            results.put(("refused", exc.message))
        db.close()
    except BaseException as exc:
        results.put(("error", repr(exc)))


def test_the_acts_that_lost_a_race_are_refused_and_change_nothing(new_url) -> None:
    """Four PCs press "Có kết quả" on one dossier at the same moment: the first is recorded;
    the others waited on its row lock, then read the new state and were refused with the
    lifecycle's message: one event, not four."""
    url = new_url()
    _set_up(url)
    db = open_database(url)
    desk = Desk(db, clock=FakeClockAt(datetime(2026, 12, 1, 9, 0)))
    code = desk.register(procedure_code="1.004873", applicant_name="Nguyễn Văn An").summary.code
    db.close()
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(WORKERS), context.Queue()
    processes = [
        context.Process(target=_resolve_once, args=(url, code, barrier, results))
        for _ in range(WORKERS)
    ]
    for p in processes:
        p.start()
    outcomes = sorted(results.get(timeout=180) for _ in processes)
    for p in processes:
        p.join(timeout=60)
    assert [kind for kind, _ in outcomes] == ["ok"] + ["refused"] * (WORKERS - 1), outcomes
    for _, message in outcomes[1:]:
        assert "Có kết quả, chờ trả" in message, message  # says the state it found
    db = open_database(url)
    with db.read() as conn:
        acts = [r[0] for r in conn.exec_driver_sql("SELECT act FROM event ORDER BY seq")]
    db.close()
    assert acts == ["register", "resolve"]
