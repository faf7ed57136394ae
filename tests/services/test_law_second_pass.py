"""Issue 9, deadlines and lifecycle on a real database, with the dates the issue gives: the 15:00
rule, a part-day pause at an opening, apologies and pauses, the regime of an out-of-hours
online dossier."""

from __future__ import annotations

from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path

import pytest

from mohao_desk.domain.deadline import Timeliness
from mohao_desk.domain.errors import IllegalTransition
from mohao_desk.domain.lifecycle import Act, Channel, Status
from mohao_desk.services.desk import Desk
from mohao_desk.services.documents import DocumentService
from mohao_desk.services.reports import ReportService


def _register(desk: Desk, **kw):
    values = {"procedure_code": "1.004873", "applicant_name": "Nguyễn Văn An"}  # 3 working days
    values.update(kw)
    return desk.register(**values)


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (datetime(2025, 3, 13, 15, 0), datetime(2025, 3, 13, 17, 0)),  # 15:00 sharp: same day
        (datetime(2025, 3, 13, 15, 1), datetime(2025, 3, 14, 17, 0)),  # "sau 15 giờ"
    ],
)
def test_same_day_procedure_at_fifteen_hundred(make_desk, received, due) -> None:
    desk = make_desk(datetime(2025, 3, 13, 16, 0))
    detail = _register(desk, procedure_code="2.000815", received_at=received)
    assert detail.summary.due_at == due


def test_a_pause_at_an_opening_moves_the_due_moment_by_office_time(make_desk) -> None:
    # Received Thu 13/03/2025 07:30, 3 working days → due Tue 18/03/2025 07:30. Supplement asked
    # at 07:30 and received at 11:30 the same day: 4 office hours paused → due 18/03 11:30.
    desk = make_desk(datetime(2025, 3, 18, 12, 0))
    code = _register(desk, received_at=datetime(2025, 3, 13, 7, 30)).summary.code
    assert desk.get(code).summary.due_at == datetime(2025, 3, 18, 7, 30)
    desk.request_supplement(code, missing=["Tờ khai"], at=datetime(2025, 3, 13, 7, 30))
    desk.receive_supplement(code, at=datetime(2025, 3, 13, 11, 30))
    summary = desk.get(code).summary
    assert summary.original_due_at == datetime(2025, 3, 18, 11, 30)
    assert summary.due_at == datetime(2025, 3, 18, 11, 30)
    # A result at 12:00 is after the due moment: late.
    detail = desk.resolve(code, at=datetime(2025, 3, 18, 12, 0))
    assert detail.summary.timeliness is Timeliness.LATE


def test_no_apology_while_the_clock_is_paused(make_desk) -> None:
    desk = make_desk(datetime(2025, 3, 14, 9, 0))
    code = _register(desk, received_at=datetime(2025, 3, 13, 9, 0)).summary.code
    desk.request_supplement(code, missing=["Tờ khai"], at=datetime(2025, 3, 14, 8, 0))
    before = desk.get(code)
    with pytest.raises(IllegalTransition, match="đang chờ bổ sung"):
        desk.apologize(code, reason="Chờ xác minh", new_due=datetime(2025, 3, 25, 9, 0))
    after = desk.get(code)
    assert after.summary.status is Status.WAITING_SUPPLEMENT
    assert [e.act for e in after.events] == [e.act for e in before.events]
    assert after.summary.due_at == before.summary.due_at


def test_a_date_promised_on_an_apology_slip_is_not_moved_by_a_later_pause(make_desk) -> None:
    desk = make_desk(datetime(2025, 3, 17, 15, 0))
    code = _register(desk, received_at=datetime(2025, 3, 13, 9, 0)).summary.code  # due 18/03
    promised = datetime(2025, 3, 21, 9, 0)
    desk.apologize(code, reason="Chờ xác minh", new_due=promised, at=datetime(2025, 3, 14, 9))
    desk.request_supplement(code, missing=["Tờ khai"], at=datetime(2025, 3, 17, 9, 0))
    detail = desk.receive_supplement(code, at=datetime(2025, 3, 17, 14, 0))  # 3 h paused
    assert detail.summary.due_at == promised  # exactly as printed on the apology slip
    assert detail.summary.original_due_at == datetime(2025, 3, 18, 14, 0)  # the law moves
    assert [e.act for e in detail.events][-1] is Act.SUPPLEMENT_RECEIVED


def test_the_regime_follows_the_moment_the_dossier_counts_from(make_desk) -> None:
    desk = make_desk(datetime(2025, 7, 1, 8, 0))
    late_online = _register(desk, channel=Channel.ONLINE, received_at=datetime(2025, 6, 30, 18, 0))
    assert late_online.regime == "B"  # counts from 01/07/2025 07:30
    assert late_online.summary.received_at == datetime(2025, 6, 30, 18, 0)  # arrival kept
    assert late_online.summary.due_at == datetime(2025, 7, 4, 7, 30)
    in_hours = _register(desk, received_at=datetime(2025, 6, 30, 16, 0))
    assert in_hours.regime == "A"


# ------------------------------------------------ register book numbers (revision 0005)


def _receipt_entry(desk: Desk, code: str) -> str:
    from tests.documents.test_forms import flat

    text = flat(DocumentService(desk).render("receipt", code))
    return text.split("Số thứ tự:")[1].split()[0]


def test_a_back_dated_registration_never_renumbers_printed_receipts(make_desk) -> None:
    desk = make_desk(datetime(2025, 3, 10, 10, 0))
    first = _register(desk, received_at=datetime(2025, 3, 10, 9, 0)).summary.code
    assert _receipt_entry(desk, first) == "1"
    # A paper dossier received on 05/03 is entered afterwards: it gets the next number, and the
    # receipt already printed for the first one keeps saying 1.
    late_entry = _register(desk, received_at=datetime(2025, 3, 5, 9, 0)).summary.code
    assert (_receipt_entry(desk, first), _receipt_entry(desk, late_entry)) == ("1", "2")
    book = ReportService(desk).register_book_data(date(2025, 3, 1), date(2025, 3, 31))
    assert [(e.code, e.volume, e.number) for e in book.entries] == [
        (first, 2025, 1),
        (late_entry, 2025, 2),
    ]
    # A new year starts a new volume.
    next_year = make_desk(datetime(2026, 1, 5, 10, 0))
    code = _register(next_year, received_at=datetime(2026, 1, 5, 9, 0)).summary.code
    assert _receipt_entry(next_year, code) == "1"


def test_migration_numbers_existing_dossiers_as_their_receipts_printed(tmp_path: Path) -> None:
    """A database at revision 0004 gets each dossier numbered per year in receipt order, the
    numbers its receipts printed before; a later registration continues from there."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine, text

    from mohao_desk.store import db as store_db

    path = tmp_path / "old.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    config = Config()
    config.set_main_option(
        "script_location", str(resources.files("mohao_desk.store") / "migrations")
    )
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0004")
        conn.exec_driver_sql("PRAGMA user_version=4")
    engine.dispose()
    # The rows a desk of revision 0004 wrote (its code is gone): the columns that matter.
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO unit (id, code, name, is_own, created_at, timezone) "
                "VALUES (1, 'X.1', 'UBND xã Thử', 1, 0, 'Asia/Ho_Chi_Minh')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO legal_regime VALUES "
                "('A', 'A', '2018-08-21', NULL, '', '', '', 1, 1, '{}')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO procedure (id, code, name, name_folded, field, time_value, time_unit)"
                " VALUES (1, 'P', 'Thủ tục', 'thu tuc', 'F', 3, 'working_days')"
            )
        )
        # Receipt moments in UTC; the year that counts is the unit's local (UTC+7) one.
        moments = {
            1: datetime(2024, 12, 31, 16, 30, tzinfo=UTC),  # local 31/12/2024 23:30
            2: datetime(2024, 12, 30, 2, 0, tzinfo=UTC),  # local 30/12/2024 09:00
            3: datetime(2024, 12, 31, 17, 30, tzinfo=UTC),  # local 01/01/2025 00:30
            4: datetime(2025, 1, 2, 2, 0, tzinfo=UTC),  # local 02/01/2025 09:00
        }
        for dossier_id, moment in moments.items():
            stamp = int(moment.timestamp())
            conn.execute(
                text(
                    "INSERT INTO dossier (id, code, unit_id, procedure_id, regime_code, "
                    "applicant_name, search_key, channel, received_at, due_at, original_due_at, "
                    "status, updated_at) VALUES (:id, :code, 1, 1, 'A', 'An', 'an', '1', :t, :t, "
                    ":t, 'received', :t)"
                ),
                {"id": dossier_id, "code": f"C{dossier_id}", "t": stamp},
            )
    engine.dispose()
    db = store_db.open_database(path)
    with db.read() as conn:
        rows = conn.execute(
            text("SELECT id, book_year, book_number FROM dossier ORDER BY id")
        ).all()
        last = conn.execute(
            text("SELECT year, last FROM yearly_sequence WHERE kind = 'book' ORDER BY year")
        ).all()
    assert [tuple(r) for r in rows] == [(1, 2024, 2), (2, 2024, 1), (3, 2025, 1), (4, 2025, 2)]
    assert [tuple(r) for r in last] == [(2024, 2), (2025, 2)]
    db.engine.dispose()


# ------------------------------------------------------- refusals at the counter (§1)


def test_a_refusal_at_the_counter_is_never_a_dossier(make_desk) -> None:
    from mohao_desk.services.counter import CounterService
    from mohao_desk.services.statistics import StatisticsService
    from tests.documents.test_forms import flat

    desk = make_desk(datetime(2025, 8, 12, 10, 0))
    _register(desk, received_at=datetime(2025, 8, 12, 8, 0))
    stats = StatisticsService(desk)
    before_kstt = stats.kstt(date(2025, 8, 1), date(2025, 8, 12)).total.numbers()
    before_indicators = stats.indicators(date(2025, 8, 1), date(2025, 8, 12)).counts
    service = CounterService(desk)
    refusal = service.refuse(
        procedure_code="2.000815",
        applicant_name="Trần Văn Bình",
        address="Thôn Nhân Vực",
        reason="Bản chính bị tẩy xóa, sửa chữa\n\n  Không xuất trình được bản chính ",
        at=datetime(2025, 8, 12, 9, 30),
        by="motcua",
    )
    assert (refusal.reference, refusal.regime, refusal.officer) == (
        "1/2025",
        "B",
        "Nguyễn Thị Hồng Nhung",
    )
    assert refusal.reason == "Bản chính bị tẩy xóa, sửa chữa\nKhông xuất trình được bản chính"
    second = service.refuse(
        procedure_code="1.001193", applicant_name="Lê Thị Hoa", reason="Ngoài thẩm quyền"
    )
    assert second.number == 2
    # Not received, not resolved, not pending: no dossier statistic moves.
    assert desk.count("all") == 1
    assert stats.kstt(date(2025, 8, 1), date(2025, 8, 12)).total.numbers() == before_kstt
    assert stats.indicators(date(2025, 8, 1), date(2025, 8, 12)).counts == before_indicators
    # Listed and counted on their own.
    assert [r.reference for r in service.between(date(2025, 8, 1), date(2025, 8, 31))] == [
        "1/2025",
        "2/2025",
    ]
    assert service.count(date(2025, 8, 12), date(2025, 8, 12)) == 2
    assert service.count(date(2025, 8, 13), date(2025, 8, 31)) == 0
    # Mẫu 03 of regime B, signed by the officer who refused at the counter.
    text = flat(service.slip(refusal.id))
    assert "Mẫu số 03" in text and "03/2025/TT-VPCP" in text
    assert "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" in text
    assert "Số: 1/2025" in text and "Trần Văn Bình" in text
    assert "1. Bản chính bị tẩy xóa, sửa chữa" in text
    assert "2. Không xuất trình được bản chính" in text
    assert "NGƯỜI TIẾP NHẬN HỒ SƠ" in text and "Nguyễn Thị Hồng Nhung" in text


def test_a_bad_counter_refusal_records_nothing(make_desk) -> None:
    from mohao_desk.domain.errors import DeskError
    from mohao_desk.services.counter import CounterService

    desk = make_desk(datetime(2025, 8, 12, 10, 0))
    service = CounterService(desk)
    cases = [
        ({"reason": "  \n "}, "Thiếu lý do từ chối tiếp nhận."),
        ({"procedure_code": "9.999"}, "Không có thủ tục mã '9.999' trong danh mục."),
        ({"applicant_name": " "}, "Thiếu họ tên người nộp."),
        ({"phone": "abc"}, "Số điện thoại 'abc' không hợp lệ."),
        ({"reason": "x" * 2001}, "Lý do từ chối quá dài (tối đa 2000 ký tự)."),
        ({"at": datetime(2025, 8, 13, 9, 0)}, "Thời điểm 09:00 13/08/2025 ở tương lai."),
        ({"by": "khong_co"}, "Không có cán bộ với tên đăng nhập 'khong_co'."),
    ]
    for change, message in cases:
        values = {"procedure_code": "2.000815", "applicant_name": "An", "reason": "Thiếu"}
        values.update(change)
        with pytest.raises(DeskError) as refused:
            service.refuse(**values)
        assert refused.value.message == message
    assert service.count(date(2025, 8, 1), date(2025, 8, 31)) == 0
    # The yearly number did not move either: the next real refusal is number 1.
    ok = service.refuse(procedure_code="2.000815", applicant_name="An", reason="Thiếu")
    assert ok.number == 1


def test_bieu_06_prints_the_letterhead_of_its_regime(make_desk) -> None:
    from mohao_desk.services.settings import update_letterheads
    from mohao_desk.services.statistics import StatisticsDocuments
    from tests.documents.test_forms import flat

    desk = make_desk(datetime(2025, 9, 1, 9, 0))
    _register(desk, received_at=datetime(2025, 3, 10, 9, 0))
    _register(desk, received_at=datetime(2025, 8, 11, 9, 0))
    update_letterheads(desk.db, province_name="Ủy ban nhân dân tỉnh Hưng Yên")
    docs = StatisticsDocuments(make_desk(datetime(2025, 9, 1, 9, 0)))

    def first_lines(first: date, last: date) -> str:
        period = docs.stats.period(first=first, last=last)
        return flat(docs.kstt(period, "pdf")[0])[:900]

    august = first_lines(date(2025, 8, 1), date(2025, 8, 31))  # regime B
    assert "ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN" in august and "THỊ XÃ" not in august
    assert "Đơn vị nhận báo cáo: Ủy ban nhân dân tỉnh Hưng Yên" in august
    march = first_lines(date(2025, 3, 1), date(2025, 3, 31))  # regime A: the town
    assert "ỦY BAN NHÂN DÂN THỊ XÃ MỸ HÀO" in march


def test_the_abolished_district_level_is_refused_above_a_regime_b_unit(make_desk) -> None:
    from mohao_desk.domain.errors import DeskError
    from mohao_desk.services.settings import unit_settings, update_letterheads

    desk = make_desk(datetime(2025, 9, 1, 9, 0))
    before = unit_settings(desk.db)
    for change in (
        {"parents": {"B": "Ủy ban nhân dân thị xã Mỹ Hào"}},
        {"upstreams": {"b": "UBND huyện Văn Lâm"}},
        {"province_name": "Ủy ban nhân dân quận 1"},
    ):
        with pytest.raises(DeskError, match="cơ quan cấp huyện, đã kết thúc hoạt động"):
            update_letterheads(desk.db, **change)
    assert unit_settings(desk.db) == before
    # Regime A's parent body is the town, as it was; a province-level city is accepted.
    update_letterheads(desk.db, parents={"A": "Ủy ban nhân dân thị xã Mỹ Hào"})
    update_letterheads(desk.db, parents={"B": "Ủy ban nhân dân thành phố Hà Nội"})
