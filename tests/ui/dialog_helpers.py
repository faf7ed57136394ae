"""Helpers of the dialog tests: dropping files, finding and closing previews."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDropEvent, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QToolBar,
    QToolButton,
    QWidget,
)

from mohao_desk.ui.pdf_preview import PdfPreviewDialog


def drop_files(widget: QWidget, paths: Iterable[Path]) -> QDropEvent:
    """Drop local files on ``widget`` as a file manager would: a real QDropEvent handed to the
    widget's drop handler (QApplication.sendEvent drops a Drop that no drag started)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    widget.dropEvent(event)  # type: ignore[attr-defined]
    return event


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` key by key, Vietnamese letters included (QTest.keyClicks only knows
    ASCII: an input method delivers these as key events carrying the text)."""
    for ch in text:
        key = Qt.Key.Key_Return if ch == "\n" else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))


def open_previews() -> list[PdfPreviewDialog]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, PdfPreviewDialog) and shiboken6.isValid(w) and w.isVisible()
    ]


def close_previews() -> None:
    for preview in open_previews():
        preview.close()


def close(widget: QWidget) -> None:
    """Close a dialog (they delete themselves on close) and any preview it opened."""
    if shiboken6.isValid(widget):
        widget.close()
    close_previews()


def action_button(window: QWidget, action: QAction) -> QToolButton:
    """The tool button a tool bar of ``window`` shows for ``action``."""
    for bar in window.findChildren(QToolBar):
        widget = bar.widgetForAction(action)
        if isinstance(widget, QToolButton):
            return widget
    raise AssertionError(f"no tool button for {action.text()!r}")


def click_action(qtbot, window: QWidget, action: QAction) -> None:  # type: ignore[no-untyped-def]
    """Click the tool button of ``action`` with the mouse, as an officer does."""
    button = action_button(window, action)
    assert button.isVisible() and button.isEnabled(), action.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def answer_next_dialog(handle: Callable[[QWidget], None]) -> None:
    """Run ``handle`` on the next modal dialog once it is open (its exec() blocks the test)."""

    def attempt(tries: int = 50) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None and tries > 0:
            QTimer.singleShot(20, lambda: attempt(tries - 1))
            return
        assert dialog is not None, "no modal dialog opened"
        handle(dialog)

    QTimer.singleShot(0, attempt)


def double_click_cell(view: QAbstractItemView, row: int, column: int) -> None:
    """A real double-click on a cell: press, release, double-click, release (QTest.mouseDClick
    alone does nothing on an item view)."""
    model = view.model()
    rect = view.visualRect(model.index(row, column))
    assert rect.isValid(), f"cell {row}, {column} is not on screen"
    point = rect.center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
