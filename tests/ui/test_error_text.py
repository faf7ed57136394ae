"""The window shows a refused act in its own language (issue 8): ``error_text`` translates the
service's template (errors_en.qm, installed with the UI's catalogue) and the domain labels in
it; without the translator the text is the service's Vietnamese message."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from mohao_desk.domain.errors import DeskError, IllegalTransition, RuleViolation
from mohao_desk.services.desk import Desk
from mohao_desk.ui.app import install_translations
from mohao_desk.ui.dialog_kit import error_text

NOW = datetime(2024, 4, 26, 9, 0)  # the `desk` fixture's clock


@pytest.fixture
def english(qapp: QApplication) -> Iterator[list[QTranslator]]:
    translators = install_translations(qapp, "en")
    assert any("errors_en" in t.filePath() for t in translators), "errors_en.qm did not load"
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)
        translator.deleteLater()


def _refused(desk: Desk) -> DeskError:
    code = desk.register(
        procedure_code="1.004873", applicant_name="Nguyễn Văn An", received_at=NOW
    ).summary.code
    with pytest.raises(IllegalTransition) as refused:
        desk.return_result(code)  # no result yet
    return refused.value


def test_a_refused_act_in_english(english, desk: Desk) -> None:
    exc = _refused(desk)
    assert error_text(exc) == "Cannot record 'Result returned' while the dossier is 'Received'."
    assert exc.message == (
        "Không thể thực hiện 'Trả kết quả' khi hồ sơ đang ở trạng thái 'Đã tiếp nhận'."
    )


def test_a_refused_act_in_vietnamese_without_the_translator(qapp, desk: Desk) -> None:
    exc = _refused(desk)
    assert error_text(exc) == exc.message
    assert error_text(exc).startswith("Không thể thực hiện 'Trả kết quả'")


def test_phrases_inside_a_message_are_translated(english, desk: Desk) -> None:
    with pytest.raises(DeskError) as missing:
        desk.register(procedure_code="1.004873", applicant_name="  ")
    assert error_text(missing.value) == "Missing applicant's full name."
    with pytest.raises(DeskError) as long_name:
        desk.register(procedure_code="1.004873", applicant_name="A" * 201)
    assert error_text(long_name.value) == (
        "Applicant's full name is too long (at most 200 characters)."
    )


def test_a_broken_apology_rule_in_english(english, desk: Desk) -> None:
    code = desk.register(
        procedure_code="1.004873", applicant_name="Nguyễn Văn An", received_at=NOW
    ).summary.code
    desk.apologize(code, reason="Chờ xác minh", new_due=datetime(2024, 5, 10, 9, 0))
    with pytest.raises(RuleViolation) as refused:
        desk.apologize(code, reason="Chờ xác minh", new_due=datetime(2024, 5, 15, 9, 0))
    assert error_text(refused.value) == (
        "The return date may be re-appointed only once. To record it anyway, give a reason for "
        "the exception."
    )


def test_other_exceptions_show_their_type(qapp) -> None:
    assert error_text(ValueError("x")) == "ValueError: x"
