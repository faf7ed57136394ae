"""English as the second language (resources/translations/mohao_desk_en.ts → .qm): the window
speaks English with the translator installed and Vietnamese without it; every message of the
.ts is translated, the .ts knows every string of the UI, and the .qm is the compiled .ts."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from mohao_desk.domain.catalog import COMPONENT_KINDS
from mohao_desk.domain.deadline import (
    Band,
    Countdown,
    ProcessingTime,
    Timeliness,
    TimeUnit,
)
from mohao_desk.domain.lifecycle import Act, Channel, Status
from mohao_desk.services.desk import RATING_LABELS, Desk
from mohao_desk.ui import labels
from mohao_desk.ui.app import install_translations
from mohao_desk.ui.board_model import BoardModel
from mohao_desk.ui.dossier import DossierDialog
from mohao_desk.ui.main_window import MainWindow
from tests.ui.dialog_helpers import close

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "resources" / "translations"
TS = FOLDER / "mohao_desk_en.ts"
QM = FOLDER / "mohao_desk_en.qm"
UI = ROOT / "mohao_desk" / "ui"
NOW = datetime(2024, 4, 26, 9, 0)  # the `desk` fixture's clock
DAY = 8 * 3600  # office seconds in a working day


def _remove(app: QApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
        translator.deleteLater()


@pytest.fixture
def english(qapp: QApplication) -> Iterator[list[QTranslator]]:
    translators = install_translations(qapp, "en")
    assert translators, "mohao_desk_en.qm did not load"
    yield translators
    _remove(qapp, translators)
    assert QCoreApplication.translate("MainWindow", "Đến hạn hôm nay") == "Đến hạn hôm nay"


@pytest.fixture
def board_desk(desk: Desk) -> Desk:
    """One dossier on time (received now: 3 working days left) and one overdue."""
    for received in (NOW, datetime(2024, 4, 15, 9, 0)):
        desk.register(
            procedure_code="1.004873",
            applicant_name="Nguyễn Văn An",
            phone="0912345678",
            received_at=received,
        )
    return desk


def _window(qtbot, desk: Desk) -> MainWindow:
    window = MainWindow(desk, synchronous=True)
    qtbot.addWidget(window)
    window.show()
    window.views.setCurrentRow([key for key, _ in MainWindow.VIEWS].index("pending"))
    return window


def _board(window: MainWindow) -> dict[str, object]:
    model = window.model
    rows = range(model.rowCount())
    countdown, status = BoardModel.COUNTDOWN, BoardModel.COLUMNS.index(("status", "Trạng thái"))
    return {
        "toolbar": [
            a.text()
            for a in (
                window.register_action,
                window.refresh_action,
                window.daily_action,
                window.book_action,
            )
        ],
        "views": [window.views.item(r).text().split("  (")[0] for r in range(window.views.count())],
        "headers": [
            model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())
        ],
        "countdowns": sorted(str(model.data(model.index(r, countdown))) for r in rows),
        "tooltips": sorted(
            str(model.data(model.index(r, countdown), Qt.ItemDataRole.ToolTipRole)) for r in rows
        ),
        "statuses": sorted(str(model.data(model.index(r, status))) for r in rows),
    }


def test_main_window_in_english(english, qtbot, board_desk: Desk) -> None:
    window = _window(qtbot, board_desk)
    board = _board(window)
    assert board["toolbar"] == ["Register dossier", "Refresh", "Daily list", "Register book"]
    assert board["views"] == [
        "Due today",
        "Overdue",
        "Overdue without apology",
        "Awaiting supplement",
        "Not digitized",
        "Not in the system",
        "My dossiers",
        "In progress",
        "All dossiers",
    ]
    assert board["headers"] == [
        "Dossier code",
        "Time left",
        "Procedure",
        "Applicant",
        "Due",
        "Officer in charge",
        "Received",
        "Status",
    ]
    assert board["countdowns"] == ["3 d left", "5 d overdue"]
    assert board["tooltips"] == ["on track", "overdue"]
    assert board["statuses"] == ["Received", "Received"]
    # The unit's name; Qt adds the application's name to the title bar itself.
    assert window.windowTitle() == "Ủy ban nhân dân phường Bần Yên Nhân"
    assert window.search.placeholderText().startswith("Search in “In progress”: code, name, phone")
    assert window.count_label.text() == "dossiers: 2"
    window.close()


@pytest.mark.parametrize("language", [None, "vi"])
def test_main_window_stays_vietnamese(qapp, qtbot, board_desk: Desk, language) -> None:
    locale = QLocale()
    installed = install_translations(qapp, language) if language else []
    try:
        # Vietnamese loads only Qt's standard texts (qt_vi.qm): our UI is written in Vietnamese.
        assert [Path(t.filePath()).name for t in installed] == (["qt_vi.qm"] if language else [])
        window = _window(qtbot, board_desk)
        board = _board(window)
        window.close()
    finally:
        _remove(qapp, installed)
        QLocale.setDefault(locale)
    assert board["toolbar"] == [
        "Tiếp nhận hồ sơ",
        "Làm mới",
        "Danh sách hằng ngày",
        "Sổ theo dõi",
    ]
    assert board["views"] == [label for _, label in MainWindow.VIEWS]
    assert board["views"][2] == "Quá hạn chưa xin lỗi"
    assert board["headers"] == [label for _, label in BoardModel.COLUMNS]
    assert board["countdowns"] == ["còn 3 ngày", "quá 5 ngày"]
    assert board["tooltips"] == ["quá hạn", "trong hạn"]
    assert board["statuses"] == ["Đã tiếp nhận", "Đã tiếp nhận"]


def test_dossier_page_in_english(english, qtbot, desk: Desk) -> None:
    code = desk.register(
        procedure_code="1.004873", applicant_name="Nguyễn Văn An", received_at=NOW
    ).summary.code
    dialog = DossierDialog(desk, code, officer="motcua", synchronous=True)
    dialog.show()
    try:
        assert dialog.windowTitle() == f"Dossier {code} — Nguyễn Văn An"
        assert dialog.status_label.text() == "Received"
        assert dialog.countdown_label.text() == "3 d left (on track)"
        assert dialog.timeline.item(0, 1).text() == "Registered"
        assert dialog.timeline.item(0, 3).text() == "Return due 04/05/2024 09:00"
        assert dialog.fields["channel"].text() == "In person · sets: 1"
        assert dialog.act_buttons[Act.HANDOVER].text() == "Hand over"
    finally:
        close(dialog)


def test_countdowns_and_periods_are_the_domains_without_a_translator() -> None:
    """labels.py recomposes the domain's texts; with no translator they are identical."""
    amounts = [0, 30, 59, 60, 61, 3599, 3600, 3660, DAY - 60, DAY, DAY + 60, DAY + 3 * 3600]
    amounts += [5 * DAY + 7 * 3600 + 59 * 60, 40 * DAY]
    for seconds in amounts:
        for cd in (
            Countdown(seconds, Band.ON_TRACK if seconds > DAY else Band.AT_RISK, DAY),
            Countdown(-seconds, Band.OVERDUE, DAY),
            Countdown(seconds, Band.OVERDUE, DAY, repeated_supplements=True),
        ):
            assert labels.countdown_text(cd) == cd.text()
    periods = [ProcessingTime(0, TimeUnit.SAME_DAY), ProcessingTime(1, TimeUnit.SAME_DAY)]
    periods.append(ProcessingTime(0, TimeUnit.SAME_DAY, cutoff=time(16, 30)))
    periods += [
        ProcessingTime(n, unit)
        for unit in TimeUnit
        if unit is not TimeUnit.SAME_DAY
        for n in (1, 20)
    ]
    for period in periods:
        assert labels.period_text(period) == period.describe()


def test_english_countdowns_and_periods(english) -> None:
    assert labels.countdown_text(Countdown(2 * DAY + 3 * 3600, Band.ON_TRACK, DAY)) == (
        "2 d 3 h left"
    )
    assert labels.countdown_text(Countdown(-(DAY + 2 * 3600), Band.OVERDUE, DAY)) == (
        "1 d 2 h overdue"
    )
    assert labels.countdown_text(Countdown(45 * 60, Band.AT_RISK, DAY)) == "45 min left"
    assert labels.countdown_text(Countdown(-30, Band.OVERDUE, DAY)) == "overdue"
    assert labels.countdown_text(Countdown(2 * 3600, Band.OVERDUE, DAY, True)) == (
        "overdue (repeated supplements; 2 h left)"
    )
    assert labels.period_text(ProcessingTime(1, TimeUnit.WORKING_DAYS)) == "1 working day"
    assert labels.period_text(ProcessingTime(5, TimeUnit.WORKING_DAYS)) == "5 working days"
    assert labels.period_text(ProcessingTime(0, TimeUnit.SAME_DAY)) == (
        "Same day (if received by 15:00)"
    )
    assert labels.tr_label(Status.WAITING_SUPPLEMENT.label) == "Awaiting supplement"
    assert labels.tr_label(Band.AT_RISK.label) == "due soon"


def test_every_domain_label_is_in_the_table() -> None:
    shown = [
        *(s.label for s in Status),
        *(a.label for a in Act),
        *(b.label for b in Band),
        *(t.label for t in Timeliness),
        *(c.label for c in Channel),
        *COMPONENT_KINDS.values(),
        *RATING_LABELS.values(),
    ]
    assert sorted(set(shown) - set(labels.LABELS)) == []


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            found[(name, message.findtext("source", ""))] = message
    return found


def _placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"%[0-9n]", text))


def test_every_message_is_translated() -> None:
    messages = _messages(TS)
    assert len(messages) > 200
    for (context, source), message in messages.items():
        translation = message.find("translation")
        assert translation is not None
        where = f"{context}: {source!r}"
        assert translation.get("type") is None, f"{where} is {translation.get('type')}"
        forms = (
            [form.text or "" for form in translation.iter("numerusform")]
            if message.get("numerus") == "yes"
            else [translation.text or ""]
        )
        assert forms and all(form.strip() for form in forms), f"{where} has no translation"
        for form in forms:
            assert _placeholders(form) == _placeholders(source), f"{where} → {form!r}"
            assert form.count("&") == source.count("&"), f"{where}: mnemonic lost"


def test_qm_is_the_compiled_ts() -> None:
    translator = QTranslator()
    assert translator.load(str(QM))
    assert translator.language() == "en"
    for (context, source), message in _messages(TS).items():
        translation = message.find("translation")
        assert translation is not None
        if message.get("numerus") == "yes":
            forms = [form.text for form in translation.iter("numerusform")]
            assert translator.translate(context, source, None, 1) == forms[0]
            assert translator.translate(context, source, None, 2) == forms[1]
        else:
            assert translator.translate(context, source) == translation.text, (context, source)


def _lupdate() -> Path | None:
    bin_dir = Path(sys.executable).parent
    for candidate in (bin_dir / "pyside6-lupdate", bin_dir / "pyside6-lupdate.exe"):
        if candidate.exists():
            return candidate
    found = shutil.which("pyside6-lupdate")
    return Path(found) if found else None


def test_ts_knows_every_string_of_the_ui(tmp_path: Path) -> None:
    """lupdate over mohao_desk/ui finds nothing the .ts lacks (and nothing it no longer has)."""
    lupdate = _lupdate()
    assert lupdate is not None, "pyside6-lupdate ships with PySide6 and must be found"
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in UI.rglob("*.py"))
    subprocess.run(
        [str(lupdate), "-source-language", "vi", "-target-language", "en", *sources, "-ts", fresh],
        check=True,
        capture_output=True,
    )
    assert sorted(_messages(fresh)) == sorted(_messages(TS))
