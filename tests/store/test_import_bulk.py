"""The upstream import's bulk writers on both databases (issue 10): on PostgreSQL new dossiers
go in by ``COPY``, changed ones through a temporary table and one ``UPDATE … FROM``, the sync
log by an upsert from a temporary table, then ``ANALYZE``; on SQLite by ``executemany``. Both
must store exactly what the desks sent, update in place, and keep one row per dossier."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from mohao_desk.services import sync
from mohao_desk.services.demo import DEMO_OFFICERS, fill_demo
from mohao_desk.services.setup import init_unit
from mohao_desk.store.db import Database, open_database

UNITS = (("000.31.22.H31", "Ủy ban nhân dân phường Bần Yên Nhân", 300),
         ("000.32.22.H31", "Ủy ban nhân dân xã Phan Đình Phùng", 200))  # fmt: skip
# What COPY's text format must escape: a backslash before N (its NULL), a tab, quotes.
AWKWARD = 'Số 5\\N ngõ "Đá"\tthôn Bần, C:\\temp'
FIELDS = (
    "d.code, p.code, d.regime_code, d.channel, d.sets_count, d.verification, d.received_at, "
    "d.due_at, d.original_due_at, d.finished_at, d.returned_at, d.paused_at, d.status, "
    "o.username, d.supplement_count, d.apology_count, d.inputs_digitized, d.result_digitized, "
    "d.result_electronic, d.rating, d.event_count, d.applicant_name, d.applicant_address, "
    "d.applicant_phone"
)


def _rows(db: Database, unit_code: str) -> dict[str, tuple[Any, ...]]:
    with db.read() as conn:
        rows = conn.exec_driver_sql(
            f"SELECT {FIELDS} FROM dossier d JOIN procedure p ON p.id = d.procedure_id "
            "JOIN unit u ON u.id = d.unit_id LEFT JOIN officer o ON o.id = d.officer_id "
            f"WHERE u.code = '{unit_code}'"
        ).all()
    return {r[0]: tuple(bool(v) if i in (5, 16, 17, 18) else v for i, v in enumerate(r))
            for r in rows}  # fmt: skip


def _later(hours: float) -> Any:
    moment = datetime.now(UTC) + timedelta(hours=hours)
    return lambda: moment


@pytest.fixture
def desks(tmp_path: Path) -> Iterator[list[Database]]:
    made = []
    for n, (code, name, count) in enumerate(UNITS):
        db = open_database(tmp_path / f"desk{n}.sqlite3")
        init_unit(db, code=code, name=name, officers=DEMO_OFFICERS)
        fill_demo(db, dossiers=count, unit_code=code, seed=n + 3, now=datetime(2024, 5, 1))
        sync.set_share_personal_data(db, True)
        made.append(db)
    with made[0].begin() as conn:
        conn.exec_driver_sql("UPDATE dossier SET applicant_address = ? WHERE id = 1", (AWKWARD,))
    yield made
    for db in made:
        db.close()


def test_import_stores_what_the_desks_sent_then_updates_in_place(
    desks: list[Database], new_database: Any, tmp_path: Path, backend: str
) -> None:
    up = open_database(new_database("up"))
    sync.init_upstream(up)
    for n, desk in enumerate(desks):
        sync.trust(up, sync.export_public_key(desk, tmp_path / f"{n}.key.json").path)
    out = tmp_path / "out"
    first = [sync.export_desk_package(d, out, clock=_later(1)).path for d in desks]
    report = sync.import_packages(up, first)
    assert report.dossiers_new == sum(c for *_, c in UNITS) and report.dossiers_updated == 0
    for desk, (code, _, count) in zip(desks, UNITS, strict=True):
        there = _rows(up, code)
        assert len(there) == count and there == _rows(desk, code)
    assert any(r[22] == AWKWARD for r in _rows(up, UNITS[0][0]).values())

    # Package 2 of the first unit: ten dossiers changed (rating, name: a new search key).
    with desks[0].begin() as conn:
        moment = int((datetime.now(UTC) + timedelta(hours=2)).timestamp())
        conn.exec_driver_sql(
            "UPDATE dossier SET rating = 'khong_hai_long', applicant_name = 'Đặng Thị Ánh "
            "Tuyết', updated_at = ? WHERE id % 30 = 0",
            (moment,),
        )
    second = sync.export_desk_package(desks[0], out, clock=_later(3)).path
    report = sync.import_packages(up, [second])
    assert report.dossiers_new == 0 and report.dossiers_updated == 10
    assert _rows(up, UNITS[0][0]) == _rows(desks[0], UNITS[0][0])
    with up.read() as conn:
        sequences = conn.exec_driver_sql(
            "SELECT s.package_sequence, count(*) FROM synced_dossier s "
            "GROUP BY s.package_sequence ORDER BY 1"
        ).all()
        assert [tuple(r) for r in sequences] == [(1, 490), (2, 10)]
        assert conn.exec_driver_sql("SELECT count(*) FROM dossier").scalar() == 500
        found = conn.execute(
            text("SELECT count(*) FROM dossier WHERE search_key LIKE :words"),
            {"words": "%dang thi anh tuyet%"},
        ).scalar()
        assert found == 10
        if backend == "postgresql":  # the import analyzed the tables it grew
            tuples = conn.exec_driver_sql(
                "SELECT reltuples FROM pg_class WHERE relname = 'dossier'"
            ).scalar()
            assert tuples == 500
    up.close()
