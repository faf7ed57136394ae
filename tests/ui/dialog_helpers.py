"""Helpers of the dialog tests: dropping files, finding and closing previews."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

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
