"""Qt fixtures: offscreen (tests/conftest.py), no leaked top-level windows, worker threads done,
message boxes answered and checked.

Exceptions that reach the Qt event loop (a slot that raises) fail the test: pytest-qt replaces
``sys.excepthook`` while each test runs (``qt_no_exception_capture`` is left off), and
``test_exception_in_a_slot_fails_the_test`` in tests/ui/test_window_clicks.py proves it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from mohao_desk.ui import worker

# A Python exception's name in a message shown to the user: a bug reached the window.
EXCEPTION_TEXT = re.compile(r"\b[A-Z]\w*(Error|Exception)\b|Traceback")


@pytest.fixture(autouse=True)
def _no_leaked_windows(qapp: QApplication) -> Iterator[None]:
    """Fail a test that leaves a visible top-level widget behind (napari's check)."""
    before = {id(w) for w in QApplication.topLevelWidgets()}
    yield
    worker.wait_all(10_000)
    QApplication.processEvents()
    leaked = [
        w
        for w in QApplication.topLevelWidgets()
        if id(w) not in before and w.isVisible() and not w.objectName().startswith("qt_")
    ]
    for widget in leaked:
        widget.close()
        widget.deleteLater()
    assert not leaked, f"top-level widgets left open: {[type(w).__name__ for w in leaked]}"


@dataclass
class MessageBoxes:
    """The static QMessageBox calls a test made: (kind, title, text) each, and the answer the
    next ``question`` gets."""

    shown: list[tuple[str, str, str]] = field(default_factory=list)
    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes

    def texts(self, kind: str | None = None) -> list[str]:
        return [text for k, _title, text in self.shown if kind is None or k == kind]


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> Iterator[MessageBoxes]:
    """Answer QMessageBox.information/warning/critical/question at once (they would block an
    offscreen test) and record them; a box carrying an exception's text fails the test."""
    boxes = MessageBoxes()

    def recorder(kind: str):  # type: ignore[no-untyped-def]
        def show(_parent, title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
            boxes.shown.append((kind, str(title), str(text)))
            if kind == "question":
                return boxes.answer
            return QMessageBox.StandardButton.Ok

        return staticmethod(show)

    for kind in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, recorder(kind))
    yield boxes
    bad = [text for _kind, _title, text in boxes.shown if EXCEPTION_TEXT.search(text)]
    assert not bad, f"a message box showed an exception to the user: {bad}"
