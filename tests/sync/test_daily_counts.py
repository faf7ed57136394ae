"""The upstream office's daily counts (revision 0010, ``store/daily_counts.py``): kept by every
import exactly as a count from scratch would make them, and the statistics computed from them
equal to the reference definitions, for whole and partial periods, after imports that add
dossiers, finish open ones, move finishing days and bring a dossier finished before it was
received (both databases)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, select, text

from mohao_desk.services import sync
from mohao_desk.services.desk import Desk
from mohao_desk.services.statistics import StatisticsService
from mohao_desk.store import daily_counts
from mohao_desk.store.db import Database
from mohao_desk.store.schema import daily_count
from tests.conftest import FakeClock

from .conftest import DEMO_NOW, World, later

OFFSET = 7 * 3600
DAY = 86_400


def table(db: Database) -> list[tuple[Any, ...]]:
    with db.read() as conn:
        rows = conn.execute(select(daily_count)).all()
    return sorted(tuple(r) for r in rows if any(r[3:]))


def rebuilt(db: Database) -> list[tuple[Any, ...]]:
    """The counts made from scratch (in a transaction rolled back afterwards)."""
    with db.engine.connect() as conn, conn.begin() as transaction:
        daily_counts.rebuild(conn, OFFSET)
        rows = conn.execute(select(daily_count)).all()
        transaction.rollback()
    return sorted(tuple(r) for r in rows if any(r[3:]))


def change_desk(db: Database, hours: float) -> None:
    """Acts at the desk, by hand, on its newest dossiers: some open again (a result taken
    back), some finish on another day with a rating."""
    moment = int((datetime.now(UTC) + timedelta(hours=hours)).timestamp())
    with db.begin() as conn:
        ids = [r[0] for r in conn.execute(text(
            "SELECT id FROM dossier WHERE finished_at IS NOT NULL ORDER BY id DESC LIMIT 12"
        ))]  # fmt: skip
        assert len(ids) == 12

        def update(sql: str, chosen: list[int]) -> None:
            conn.execute(
                text(f"UPDATE dossier SET {sql}, updated_at = :m WHERE id IN :ids").bindparams(
                    bindparam("ids", expanding=True)
                ),
                {"m": moment, "ids": chosen},
            )

        update("finished_at = NULL, returned_at = NULL, status = 'processing'", ids[1:6])
        ids = ids[1:]
        update(
            "finished_at = finished_at + 2 * 86400 + 3600, returned_at = NULL, "
            "status = 'result_ready', rating = 'khong_hai_long'",
            ids[6:],
        )


def assert_statistics_are_the_reference(up: Database, now: datetime) -> None:
    stats = StatisticsService(Desk(up, clock=FakeClock(now)))
    periods = [
        (date(2024, 4, 1), date(2024, 4, 30)),
        (date(2024, 3, 1), date(2024, 3, 31)),
        (date(2024, 1, 1), date(2024, 3, 31)),
        (date(2023, 6, 1), now.date()),  # ends now, inside a day
        (now.date(), now.date()),  # one day, not whole
        (date(2024, 4, 15), date(2024, 4, 15)),
    ]
    for first, last in periods:
        for unit in (None, *(u.code for u in stats.units())):
            fast = stats.kstt(first, last, unit=unit)
            reference = stats.kstt_reference(first, last, unit=unit)
            assert [r.as_dict() for r in fast.rows] == [r.as_dict() for r in reference.rows]
            assert fast.total.as_dict() == reference.total.as_dict()
            counts = stats.indicators(first, last, unit=unit).counts
            assert counts == stats.indicator_counts_reference(first, last, unit=unit)
        by_unit, _indicators = stats.dashboard(first, last)
        assert [(u.code, r.total.as_dict()) for u, r in by_unit] == [
            (u.code, r.total.as_dict()) for u, r in stats.kstt_by_unit(first, last)
        ]


def test_imports_keep_the_counts_as_a_count_from_scratch(world: World) -> None:
    first = [world.export(world.a), world.export(world.b)]
    sync.import_packages(world.up, first)
    with world.up.read() as conn:
        assert daily_counts.kept_offset(conn) == OFFSET
    counts = table(world.up)
    assert counts and counts == rebuilt(world.up)
    received = sum(r[3] + r[4] for r in counts)
    with world.up.read() as conn:
        assert received == conn.exec_driver_sql("SELECT count(*) FROM dossier").scalar()
    now = DEMO_NOW + timedelta(hours=15, minutes=20)
    assert_statistics_are_the_reference(world.up, now)

    change_desk(world.a, hours=2)
    change_desk(world.b, hours=2)
    report = sync.import_packages(
        world.up,
        [
            sync.export_desk_package(world.a, world.out, clock=later(3)).path,
            sync.export_desk_package(world.b, world.out, clock=later(3)).path,
        ],
    )
    assert report.dossiers_updated == 2 * 10
    after = table(world.up)
    assert after != counts  # the import changed them
    assert after == rebuilt(world.up)
    assert_statistics_are_the_reference(world.up, now + timedelta(days=3))
    # A dossier finished before it was received (an import refuses such data; an older
    # database may hold it): left out of the counts, counted one by one.
    with world.up.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE dossier SET finished_at = received_at - 86400 WHERE id = "
            "(SELECT max(id) FROM dossier WHERE finished_at IS NOT NULL)"
        )
        daily_counts.rebuild(conn, OFFSET)
    assert_statistics_are_the_reference(world.up, now + timedelta(days=3))


def test_a_database_without_kept_counts_is_counted_whole_at_its_next_import(
    world: World,
) -> None:
    sync.import_packages(world.up, [world.export(world.a)])
    with world.up.begin() as conn:  # as after the upgrade to revision 0010
        daily_counts.forget(conn)
    with world.up.read() as conn:
        assert daily_counts.kept_offset(conn) is None
    # Not kept: the statistics read the dossiers (the same figures).
    assert_statistics_are_the_reference(world.up, DEMO_NOW + timedelta(hours=10))
    sync.import_packages(world.up, [world.export(world.b)])
    with world.up.read() as conn:
        assert daily_counts.kept_offset(conn) == OFFSET
    assert table(world.up) == rebuilt(world.up) != []
