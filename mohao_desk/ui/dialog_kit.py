"""Small pieces shared by the desk's dialogs: service calls (threaded or inline), the text of an
error (translated), the texts of moments, the inline error banner, and a row that takes scanned
files dropped on it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMimeData, QObject, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QFrame, QLabel, QWidget

from mohao_desk.domain.errors import CONTEXT as ERRORS_CONTEXT
from mohao_desk.domain.errors import DeskError, Phrase
from mohao_desk.ui import labels, worker

ERROR_STYLE = (
    "QLabel { background: #fdecea; border: 1px solid #e57373; border-radius: 4px;"
    " padding: 6px 8px; color: #8e1b1b; }"
)
WARNING_STYLE = (
    "QLabel { background: #fff4cc; border: 1px solid #e0b000; border-radius: 4px;"
    " padding: 6px 8px; color: #5a3d00; }"
)


def call_service(
    owner: QObject,
    synchronous: bool,
    fn: Callable[[], Any],
    done: Callable[[Any], None],
    error: Callable[[BaseException], None],
) -> None:
    """A service call: off the GUI thread with :func:`worker.run`, or inline when
    ``synchronous`` (tests). The relay is a child of ``owner``: a dialog deleted meanwhile never
    receives a late answer."""
    if synchronous:
        try:
            result = fn()
        except Exception as exc:
            error(exc)
            return
        done(result)
        return
    worker.run(fn, done, error, parent=owner)


def error_text(exc: BaseException) -> str:
    """The message to show for an exception, in the current language.

    A :class:`DeskError` carries a Vietnamese template and its parameters: the template is
    translated in the ``DeskError`` context (``resources/translations/errors_en.ts``), then
    filled; parameters that are phrases are translated the same way, and those that are domain
    labels (a status, an act) through :func:`labels.tr_label`. Without a translator (or when a
    translation does not fit its parameters) this is the Vietnamese message as it is."""
    if isinstance(exc, DeskError):
        return exc.render(_translate_error, _translate_label)
    return f"{type(exc).__name__}: {exc}"


_KNOWN_LABELS = frozenset(labels.LABELS)


def phrase_text(phrase: Phrase) -> str:
    """A Phrase (a message that is not an error) in the current language, as error_text."""
    return phrase.render(_translate_error, _translate_label)


def _translate_error(text: str) -> str:
    return QCoreApplication.translate(ERRORS_CONTEXT, text)


def _translate_label(text: str) -> str:
    return labels.tr_label(text) if text in _KNOWN_LABELS else text


def moment_text(moment: datetime | None) -> str:
    """ "26/04/2024 09:00" (the dialogs' date format); "" for no moment."""
    return moment.strftime("%d/%m/%Y %H:%M") if moment else ""


def appointment_text(moment: datetime) -> str:
    """ "17 giờ 00 phút, ngày 27/11/2026", as the receipt slip writes the return moment."""
    return (
        QCoreApplication.translate("DialogKit", "%1 giờ %2 phút, ngày %3")
        .replace("%1", f"{moment:%H}")
        .replace("%2", f"{moment:%M}")
        .replace("%3", f"{moment:%d/%m/%Y}")
    )


def local_files(mime: QMimeData | None) -> list[Path]:
    """The local files a drag carries (links and remote URLs are ignored)."""
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class MessageBanner(QLabel):
    """An inline message (error in red, warning in amber), hidden while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_error(self, text: str) -> None:
        self.setStyleSheet(ERROR_STYLE)
        self.setText(text)
        self.setVisible(bool(text))

    def show_warning(self, text: str) -> None:
        self.setStyleSheet(WARNING_STYLE)
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.setText("")
        self.hide()


class FileDropFrame(QFrame):
    """A frame that takes local files dropped on it (scans of a component or of the result).

    ``files_dropped`` carries the files; ``accepting`` says whether drops are taken now."""

    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accepting = True
        self.setAcceptDrops(True)
        self.setObjectName("dropFrame")
        self._hover = False
        self._restyle()

    def _restyle(self) -> None:
        if self._hover:
            self.setStyleSheet(
                "#dropFrame { background: #e3f2fd; border: 2px dashed #1e88e5;"
                " border-radius: 4px; }"
            )
        else:
            self.setStyleSheet(
                "#dropFrame { background: palette(base); border: 1px solid #d0d4da;"
                " border-radius: 4px; }"
            )

    def _set_hover(self, hover: bool) -> None:
        if hover != self._hover:
            self._hover = hover
            self._restyle()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.accepting and local_files(event.mimeData()):
            event.acceptProposedAction()
            self._set_hover(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self.accepting and local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: Any) -> None:
        self._set_hover(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_hover(False)
        files = local_files(event.mimeData()) if self.accepting else []
        if not files:
            event.ignore()
            return
        event.acceptProposedAction()
        self.files_dropped.emit(files)
