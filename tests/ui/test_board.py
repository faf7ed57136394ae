"""The board: a lazy model over ids with one ticking column, views, search, scanner, notices."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from mohao_desk.domain.deadline import Band
from mohao_desk.services.demo import fill_demo
from mohao_desk.services.desk import Desk
from mohao_desk.ui.board_model import PAGE, BoardModel
from mohao_desk.ui.main_window import MainWindow
from tests.conftest import FakeClock

NOW = datetime(2026, 11, 27, 10, 0)


@pytest.fixture
def demo_desk(db):
    fill_demo(db, dossiers=1500, seed=4, now=NOW)
    return Desk(db, clock=FakeClock(NOW))


@pytest.fixture
def window(qtbot, demo_desk):
    win = MainWindow(demo_desk, synchronous=True)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


def test_model_passes_qtmodeltester(qtmodeltester, demo_desk) -> None:
    model = BoardModel(demo_desk.rows, demo_desk.live_countdown, demo_desk.now, synchronous=True)
    model.set_ids(demo_desk.board_ids("all"))
    assert model.rowCount() == 1500
    qtmodeltester.check(model)


def test_rows_load_lazily_a_page_at_a_time(demo_desk) -> None:
    calls: list[int] = []

    def fetch(ids):
        calls.append(len(ids))
        return demo_desk.rows(ids)

    model = BoardModel(fetch, demo_desk.live_countdown, demo_desk.now, synchronous=True)
    model.set_ids(demo_desk.board_ids("all"))
    assert model.loaded_count() == 0
    model.data(model.index(0, 0))
    assert calls == [PAGE]
    model.data(model.index(PAGE - 1, 3))
    assert calls == [PAGE]  # same page: no second fetch
    model.data(model.index(PAGE + 5, 0))
    assert calls == [PAGE, PAGE]


def test_views_and_counts(window, demo_desk) -> None:
    for row, (view, _label) in enumerate(MainWindow.VIEWS):
        window.views.setCurrentRow(row)
        assert window.model.rowCount() == len(demo_desk.board_ids(view, officer=window.officer))
    window.views.setCurrentRow(1)  # overdue
    overdue = window.model.rowCount()
    assert overdue == demo_desk.count("overdue") > 0
    assert f"({overdue:,})".replace(",", ".") in window.views.item(1).text()
    index = window.model.index(0, BoardModel.COUNTDOWN)
    assert window.model.data(index).startswith("quá")
    background = window.model.data(index, Qt.ItemDataRole.BackgroundRole)
    assert background.color().name() == "#fde2e1"


def test_search_without_diacritics(window, demo_desk, qtbot) -> None:
    window.views.setCurrentRow(len(MainWindow.VIEWS) - 1)  # all
    code = demo_desk.register(procedure_code="2.000815", applicant_name="Đặng Thị Ánh Tuyết",
                              phone="0977111222").summary.code  # fmt: skip
    qtbot.keyClicks(window.search, "dang thi anh tuyet")
    assert window.model.rowCount() == 1
    assert window.model.data(window.model.index(0, 0)) == code
    window.search.clear()
    assert window.model.rowCount() == 1501


def test_registered_dossier_counts_down_and_ticks(window, demo_desk, qtbot) -> None:
    clock = demo_desk._clock
    code = demo_desk.register(procedure_code="1.004873", applicant_name="Lò Văn Pá").summary.code
    window.views.setCurrentRow(len(MainWindow.VIEWS) - 2)  # pending
    window.search.setText(code)
    assert window.model.rowCount() == 1
    index = window.model.index(0, BoardModel.COUNTDOWN)
    assert window.model.data(index) == "còn 3 ngày"
    changes = []
    window.model.dataChanged.connect(
        lambda a, b, roles: changes.append((a.row(), b.row(), a.column(), b.column()))
    )
    clock.now = datetime(2026, 12, 2, 9, 0)  # an hour before the due moment, Tue 02/12 10:00
    window.tick()
    assert changes == [(0, 0, BoardModel.COUNTDOWN, BoardModel.COUNTDOWN)]  # one dataChanged
    assert window.model.data(index) == "còn 1 giờ"
    clock.now = datetime(2026, 12, 2, 11, 0)
    window.tick()
    assert window.model.data(index) == "quá 1 giờ"


def test_band_changes_show_a_notice(window, demo_desk, qtbot) -> None:
    code = demo_desk.register(procedure_code="2.000815", applicant_name="Vi Thị Hoa").summary.code
    clock = demo_desk._clock
    since = clock.now
    clock.now = datetime(2026, 11, 27, 17, 30)
    changes = demo_desk.band_changes(since, clock.now)
    assert (code, Band.OVERDUE) in changes
    with qtbot.waitSignal(window.notice_shown) as blocker:
        window.show_band_changes(changes)
    assert code in blocker.args[0]
    assert window.notice.isVisible()


def test_scanner_opens_the_dossier(window, demo_desk, qtbot, monkeypatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(window, "open_dossier", opened.append)
    code = demo_desk.list("pending")[0].code
    qtbot.keyClicks(window.search, code)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert opened == [code]
    window.search.setText("không có mã này")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert opened == [code]
