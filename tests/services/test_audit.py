"""The tamper-evident history (issue 11), on a real SQLite file and on the private PostgreSQL
cluster: every act, setting, procedure, calendar day and account is chained; an edit made
with raw SQL behind the program's back is named by ``verify`` (dossier code and event number,
or the setting, procedure, account); the chain itself cannot be cut or edited unseen; demo
data and a database sealed by revision 0009 verify; the check goes on from a checkpoint."""

from __future__ import annotations

import multiprocessing
from datetime import date, datetime, timedelta
from importlib import resources
from typing import Any

import pytest
from sqlalchemy import text

from mohao_desk.services import audit
from mohao_desk.services.accounts import AccountService
from mohao_desk.services.calendar import CalendarService
from mohao_desk.services.counter import CounterService
from mohao_desk.services.demo import fill_demo
from mohao_desk.services.desk import Desk
from mohao_desk.services.settings import set_office_hours
from mohao_desk.services.setup import OfficerInput, init_unit, update_unit_settings
from mohao_desk.store import audit as chain_store
from mohao_desk.store.db import Database, open_database
from tests.conftest import UNIT_CODE, DatabaseFactory, FakeClock

DEMO_NOW = datetime(2025, 6, 1)


def tamper(db: Database, sql: str, **params: Any) -> None:
    """An edit behind the program's back: raw SQL on its own connection, outside every
    service (nothing is chained)."""
    with db.engine.begin() as conn:
        conn.execute(text(sql), params)


def scalar(db: Database, sql: str, **params: Any) -> Any:
    with db.engine.connect() as conn:
        return conn.execute(text(sql), params).scalar()


def first(db: Database) -> audit.AuditProblem:
    report = audit.verify(db)
    assert not report.whole
    assert report.first is not None
    return report.first


def history(desk: Desk, clock: FakeClock) -> str:
    """A dossier registered, handed over, resolved and returned (events 1–4)."""
    code = desk.register(procedure_code="2.000815", applicant_name="Nguyễn Văn An").summary.code
    clock.now += timedelta(minutes=30)
    desk.handover(code, to="tuphap", by="motcua")
    clock.now += timedelta(hours=2)
    desk.resolve(code, by="tuphap")
    clock.now += timedelta(hours=1)
    desk.return_result(code, by="motcua")
    return code


def test_a_clean_history_is_whole(desk: Desk, db: Database, clock: FakeClock) -> None:
    code = history(desk, clock)
    report = audit.verify(db)
    assert report.whole, [p.message for p in report.problems]
    assert report.problem_count == 0 and report.first is None
    assert report.dossiers == 1 and report.events == 4
    # init_unit (officers, catalog, settings) and one link per act.
    kinds = [r[0] for r in _links(db)]
    assert kinds[-4:] == ["event"] * 4
    assert {"account", "catalog", "settings"} <= set(kinds)
    assert report.length == len(kinds) == scalar(db, "SELECT seq FROM audit_head")
    assert _links(db)[-1][1] == f"{code} #4"
    assert report.summary().render().startswith("Lịch sử nguyên vẹn: ")


def _links(db: Database) -> list[tuple[str, str]]:
    with db.engine.connect() as conn:
        return [
            (r[0], r[1])
            for r in conn.execute(text("SELECT kind, ref FROM audit_link ORDER BY seq"))
        ]


# ------------------------------------------------------- the three tamper cases


def test_an_event_given_to_another_officer_is_named(
    desk: Desk, db: Database, clock: FakeClock
) -> None:
    code = history(desk, clock)
    tamper(
        db,
        "UPDATE event SET officer_id = (SELECT id FROM officer WHERE username = 'motcua') "
        "WHERE seq = 3",
    )
    problem = first(db)
    assert problem.code == code and problem.event == 3
    assert problem.message == f"Hồ sơ {code}: sự kiện số 3 (Có kết quả giải quyết) đã bị sửa."


def test_a_result_moved_three_days_earlier_is_named(
    desk: Desk, db: Database, clock: FakeClock
) -> None:
    code = history(desk, clock)
    tamper(db, "UPDATE dossier SET finished_at = finished_at - 3 * 86400")
    problem = first(db)
    assert problem.code == code
    assert problem.message.startswith(f"Hồ sơ {code}: dữ liệu của hồ sơ")
    assert "(sự kiện số 4)" in problem.message


def test_the_deleted_registration_event_is_named(
    desk: Desk, db: Database, clock: FakeClock
) -> None:
    code = history(desk, clock)
    other = desk.register(procedure_code="2.000815", applicant_name="Lê Thị Bình").summary.code
    tamper(db, "DELETE FROM event WHERE seq = 1 AND dossier_id = (SELECT id FROM dossier "
           "WHERE code = :code)", code=code)  # fmt: skip
    report = audit.verify(db)
    assert report.problem_count == 1
    assert report.first is not None
    assert report.first.message == f"Hồ sơ {code}: sự kiện số 1 đã bị xóa."
    assert other not in report.first.message


def test_the_first_broken_link_is_named_first(desk: Desk, db: Database, clock: FakeClock) -> None:
    early = history(desk, clock)
    late = desk.register(procedure_code="2.000815", applicant_name="Lê Thị Bình").summary.code
    tamper(db, "UPDATE dossier SET applicant_name = 'X' WHERE code = :code", code=late)
    tamper(db, "UPDATE event SET at = at - 60 WHERE seq = 2")  # the earlier dossier's handover
    report = audit.verify(db)
    assert report.problem_count == 2
    assert [p.code for p in report.problems] == [early, late]
    assert report.problems[0].seq is not None and report.problems[1].seq is not None
    assert report.problems[0].seq < report.problems[1].seq
    assert report.summary().render().startswith("Lịch sử không còn nguyên vẹn (2 chỗ), chỗ đầu")


def test_rows_added_behind_the_programs_back_are_named(
    desk: Desk, db: Database, clock: FakeClock
) -> None:
    code = history(desk, clock)
    tamper(
        db,
        "INSERT INTO event (dossier_id, seq, act, at, officer_id, status_before, status_after, "
        "data, recorded_at) SELECT dossier_id, 5, 'rate', at, officer_id, status_after, "
        "status_after, '{}', recorded_at FROM event WHERE seq = 4",
    )
    problem = first(db)
    assert problem.seq is None and problem.event == 5
    assert "không có trong chuỗi lịch sử" in problem.message and code in problem.message


# ------------------------------------------------------------------ settings and friends


def test_settings_catalog_calendar_and_accounts_are_chained(db: Database, clock: FakeClock) -> None:
    update_unit_settings(db, name="Ủy ban nhân dân phường Mới")
    set_office_hours(db, [(datetime(2024, 1, 1, 7).time(), datetime(2024, 1, 1, 11).time())])
    CalendarService(db).set_override(date(2024, 5, 4), working=True, note="làm bù")
    accounts = AccountService(db)
    accounts.set_password("tuphap", "mat-khau-dai", by="motcua")
    accounts.set_roles("tuphap", ["xu_ly", "lanh_dao"], by="motcua")
    with pytest.raises(Exception, match="không đúng"):
        accounts.log_in("tuphap", "sai")
    CounterService(Desk(db, clock=clock)).refuse(
        procedure_code="2.000815", applicant_name="Trần Văn Cường", reason="Thiếu giấy tờ"
    )
    assert audit.verify(db).whole
    kinds = {r[0] for r in _links(db)}
    assert {"settings", "calendar", "account", "counter"} <= kinds
    cases = [
        ("UPDATE setting SET value = '\"tuphap\"' WHERE key = 'default_officer'",
         "Cài đặt 'default_officer' đã bị sửa ngoài chương trình."),
        ("UPDATE unit SET office_hours = '07:00-17:00'", "Thông tin đơn vị (số 1) đã bị sửa"),
        ("UPDATE procedure SET time_value = 30 WHERE code = '2.000815'",
         "Thủ tục 2.000815 đã bị sửa ngoài chương trình."),
        ("UPDATE procedure_component SET quantity = 9 WHERE id = (SELECT min(id) FROM "
         "procedure_component)", "Thủ tục"),
        ("DELETE FROM calendar_override", "Điều chỉnh lịch ngày 04/05/2024 đã bị xóa"),
        ("UPDATE officer SET roles = 'quan_tri' WHERE username = 'motcua'",
         "Tài khoản motcua đã bị sửa ngoài chương trình."),
        ("UPDATE officer SET password_hash = NULL WHERE username = 'tuphap'",
         "Tài khoản tuphap đã bị sửa"),
        ("DELETE FROM account_event WHERE kind = 'login_failed'", "Nhật ký tài khoản số"),
        ("UPDATE counter_refusal SET reason = 'khác'", "Bản ghi từ chối tiếp nhận tại quầy số"),
        ("UPDATE legal_regime SET apology_days_before = 0 WHERE code = 'A'",
         "Chế độ pháp lý A đã bị sửa"),
        ("INSERT INTO setting (key, value) VALUES ('x', '1')",
         "Cài đặt 'x' không có trong chuỗi lịch sử"),
    ]  # fmt: skip
    for sql, message in cases:
        with db.engine.connect() as conn:  # each case on its own: undone after
            transaction = conn.begin()
            conn.execute(text(sql))
            # Verified inside the edit's own transaction (it sees the edit), then undone.
            report = audit.verify_in(conn)
            transaction.rollback()
        assert not report.whole, sql
        assert report.first is not None
        assert message in report.first.message, (sql, report.first.message)
    assert audit.verify(db).whole  # everything was rolled back


# ----------------------------------------------------------------------- the chain itself


def test_the_chain_cannot_be_cut_or_edited_unseen(
    desk: Desk, db: Database, clock: FakeClock
) -> None:
    history(desk, clock)
    length = audit.head(db)[0]
    cases = [
        ("UPDATE audit_state SET state_sha = events_sha WHERE seq = :s", length, "Mắt xích số"),
        ("DELETE FROM audit_link WHERE seq = :s", length - 2, "Thiếu mắt xích số"),
        ("UPDATE audit_link SET ref = 'khác' WHERE seq = :s", length - 1, "đã bị sửa"),
        ("DELETE FROM audit_link WHERE seq >= :s", length - 1, "Đầu chuỗi lịch sử"),
        ("UPDATE audit_head SET seq = :s", length - 1, "Đầu chuỗi lịch sử"),
    ]
    for sql, seq, message in cases:
        with db.engine.connect() as conn:
            transaction = conn.begin()
            conn.execute(text(sql), {"s": seq})
            report = audit.verify_in(conn)
            transaction.rollback()
        assert report.first is not None, sql
        assert message in report.first.message, (sql, report.first.message)
    assert audit.verify(db).whole


def test_a_chain_recomputed_locally_verifies_and_only_an_exported_head_shows_it(
    desk: Desk, db: Database, clock: FakeClock
) -> None:
    """What the chain does not prevent (docs/architecture.md): someone with the file and this
    program's code edits a row and computes the chain again. Locally it verifies; the head
    differs from the one that left the unit (a package, a checkpoint)."""
    history(desk, clock)
    before = audit.verify(db, save_checkpoint=True)
    assert before.whole and before.checkpoint_saved
    tamper(db, "UPDATE dossier SET finished_at = finished_at - 3 * 86400")
    with db.engine.begin() as conn:
        for table in ("audit_state", "audit_object", "audit_link", "audit_head"):
            conn.exec_driver_sql(f"DELETE FROM {table}")
        chain_store.seal_everything(conn, "viết lại")
    after = audit.verify(db)
    assert after.whole and after.head != before.head
    # The checkpoint kept in the database (if left alone) sees it; so would the upstream office.
    report = audit.verify(db, from_checkpoint=True)
    assert not report.whole
    assert report.first is not None
    assert "ít hơn lần kiểm tra" in report.first.message or "viết lại" in report.first.message


# ----------------------------------------------------------------- checkpoint, demo data


def test_demo_data_verifies_and_the_check_goes_on_from_a_checkpoint(
    new_database: DatabaseFactory,
) -> None:
    db = open_database(new_database())
    try:
        fill_demo(db, dossiers=600, now=DEMO_NOW)
        assert [k for k, _ in _links(db)].count("batch") == 1
        full = audit.verify(db, save_checkpoint=True)
        assert full.whole, [p.message for p in full.problems]
        assert full.dossiers == 600 and full.events > 2000 and full.checkpoint_saved
        desk = Desk(db, clock=FakeClock(DEMO_NOW))
        code = desk.register(procedure_code="2.000815", applicant_name="Phạm Thị Dung").summary.code
        quick = audit.verify(db, from_checkpoint=True)
        assert quick.whole and quick.from_seq == full.length and quick.links == 1
        assert quick.events == 1 and quick.dossiers == 601
        # From the checkpoint: a dossier's current row is still compared with its state, and
        # the new link's events are re-hashed ...
        old = scalar(db, "SELECT code FROM dossier WHERE finished_at IS NOT NULL ORDER BY id")
        tamper(db, "UPDATE dossier SET finished_at = finished_at - 259200 WHERE code = :c", c=old)
        assert audit.verify(db, from_checkpoint=True).first.code == old  # type: ignore[union-attr]
        tamper(db, "UPDATE dossier SET finished_at = finished_at + 259200 WHERE code = :c", c=old)
        tamper(db, "UPDATE event SET data = '{}' WHERE dossier_id = (SELECT id FROM dossier "
               "WHERE code = :c)", c=code)  # fmt: skip
        assert audit.verify(db, from_checkpoint=True).first.code == code  # type: ignore[union-attr]
        # ... but an old event's edit is found by the full check only (the backups run it).
        tamper(
            db,
            "UPDATE event SET officer_id = NULL WHERE seq = 2 AND dossier_id = (SELECT id FROM "
            "dossier WHERE code = :c)",
            c=old,
        )
        assert audit.verify(db, from_checkpoint=True).first.code == code  # type: ignore[union-attr]
        problems = audit.verify(db).problems
        assert {p.code for p in problems} == {old, code}
        assert (
            "một trong các sự kiện số 1 đến" in next(p for p in problems if p.code == old).message
        )
    finally:
        db.close()


def test_an_event_deleted_behind_the_checkpoint_sends_the_check_back_to_full(
    new_database: DatabaseFactory,
) -> None:
    db = open_database(new_database())
    try:
        fill_demo(db, dossiers=200, now=DEMO_NOW)
        assert audit.verify(db, save_checkpoint=True).whole
        code = scalar(db, "SELECT code FROM dossier WHERE event_count > 2 ORDER BY id")
        tamper(db, "DELETE FROM event WHERE seq = 1 AND dossier_id = (SELECT id FROM dossier "
               "WHERE code = :c)", c=code)  # fmt: skip
        report = audit.verify(db, from_checkpoint=True)
        assert report.from_seq == 0  # the counts disagreed
        assert report.first is not None
        assert report.first.message == f"Hồ sơ {code}: sự kiện số 1 đã bị xóa."
    finally:
        db.close()


# ------------------------------------------------------------ revision 0009 seals the past


def test_a_database_migrated_from_0008_is_sealed_and_verifies(
    new_database: DatabaseFactory, backend: str
) -> None:
    from alembic import command
    from alembic.config import Config

    target = new_database()
    db = open_database(target)
    fill_demo(db, dossiers=150, now=DEMO_NOW)
    desk = Desk(db, clock=FakeClock(DEMO_NOW))
    code = desk.register(procedure_code="2.000815", applicant_name="Đỗ Văn Em").summary.code
    desk.handover(code, to="tuphap")
    config = Config()
    config.set_main_option(
        "script_location", str(resources.files("mohao_desk.store") / "migrations")
    )
    with db.engine.begin() as conn:  # back to revision 0008, as a desk of last month was
        config.attributes["connection"] = conn
        command.downgrade(config, "0008")
        if backend == "sqlite":
            conn.exec_driver_sql("PRAGMA user_version=8")
    db.close()
    db = open_database(target)  # revision 0009 runs at start-up
    try:
        links = _links(db)
        assert [k for k, _ in links] == ["batch"]
        assert links[0][1] == "niêm phong dữ liệu có trước phiên bản 0009"
        report = audit.verify(db)
        assert report.whole, [p.message for p in report.problems]
        assert report.dossiers == 151
        Desk(db, clock=FakeClock(DEMO_NOW)).resolve(code)
        assert audit.verify(db).whole
        tamper(db, "UPDATE dossier SET status = 'returned' WHERE code = :c", c=code)
        assert first(db).code == code
    finally:
        db.close()


def test_an_empty_database_holds_no_chain_row(new_database: DatabaseFactory) -> None:
    """``migrate-to`` wants an empty target: revision 0009 writes nothing into an empty
    database, and the chain's head comes with the first link."""
    db = open_database(new_database())
    try:
        assert scalar(db, "SELECT count(*) FROM audit_head") == 0
        assert audit.head(db) == (0, "0" * 64)
        report = audit.verify(db)
        assert report.whole and report.length == 0
        init_unit(db, code=UNIT_CODE, name="Ủy ban nhân dân phường Bần Yên Nhân",
                  officers=[OfficerInput("motcua", "Nguyễn Thị Hồng Nhung")])  # fmt: skip
        assert audit.head(db)[0] == 3 and audit.verify(db).whole
    finally:
        db.close()


# ----------------------------------------------------- two processes appending at once


WORKERS = 3
EACH = 8


def _append_many(url: str, worker: int, barrier: Any, results: Any) -> None:
    try:
        db = open_database(url)
        desk = Desk(db, clock=FakeClock(datetime(2026, 12, 1, 9, 0)))
        barrier.wait()
        for i in range(EACH):
            code = desk.register(
                procedure_code="2.000815", applicant_name=f"Người nộp {worker}-{i}"
            ).summary.code
            desk.handover(code, to="tuphap")
            CalendarService(db).set_override(
                date(2026, 12, 5 + worker), working=bool(i % 2), note=f"{i}"
            )
        db.close()
        results.put(("ok", worker))
    except BaseException as exc:  # the parent shows it
        results.put(("error", repr(exc)))


def test_processes_appending_at_once_keep_one_unbroken_chain(
    backend: str, db_target: Any, db: Database
) -> None:
    if backend != "postgresql":
        pytest.skip("SQLite writers take the whole file in turn: nothing runs side by side")
    before = audit.head(db)[0]
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(WORKERS), context.Queue()
    processes = [
        context.Process(target=_append_many, args=(db_target, w, barrier, results))
        for w in range(WORKERS)
    ]
    for p in processes:
        p.start()
    outcomes = [results.get(timeout=240) for _ in processes]
    for p in processes:
        p.join(timeout=60)
    assert [o for o in outcomes if o[0] != "ok"] == []
    report = audit.verify(db)
    assert report.whole, [p.message for p in report.problems]
    assert report.length == before + WORKERS * EACH * 3
    with db.engine.connect() as conn:
        seqs = [r[0] for r in conn.exec_driver_sql("SELECT seq FROM audit_link")]
    assert sorted(seqs) == list(range(1, report.length + 1))
    assert report.events == WORKERS * EACH * 2


def test_a_unit_moved_to_a_server_keeps_its_chain(
    backend: str, tmp_path: Any, new_database: DatabaseFactory
) -> None:
    """``migrate-to`` copies the chain's tables with everything else (ids kept): the server
    verifies the unit's history as the file did, and goes on from it."""
    if backend != "postgresql":
        pytest.skip("the target of migrate-to is a server")
    from mohao_desk.services.migrate import migrate_to

    source = tmp_path / "don-vi.sqlite3"
    db = open_database(source)
    fill_demo(db, dossiers=120, seed=3, now=DEMO_NOW)
    Desk(db, clock=FakeClock(DEMO_NOW)).register(procedure_code="2.000815", applicant_name="An")
    before = audit.verify(db)
    db.close()
    url = new_database()
    migrate_to(source, url)
    server = open_database(url)
    try:
        report = audit.verify(server)
        assert report.whole, [p.message for p in report.problems]
        assert (report.length, report.head) == (before.length, before.head)
        Desk(server, clock=FakeClock(DEMO_NOW)).register(
            procedure_code="2.000815", applicant_name="Bình"
        )
        assert audit.verify(server).whole
    finally:
        server.close()
