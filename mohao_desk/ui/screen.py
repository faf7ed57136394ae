"""Window sizes that follow the screen: an office PC often has a 1024×768 or 1366×768 monitor,
with a task bar. A window asks for the size it would like; it gets at most what the screen
it opens on has room for (minus a window frame), and opens centred on its parent or screen."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

# Room for the title bar and borders a window manager adds around a top-level window.
FRAME_WIDTH = 16
FRAME_HEIGHT = 40


def screen_of(widget: QWidget) -> QScreen:
    """The screen a widget is (or will be) shown on: its parent's, else the primary one."""
    parent = widget.parentWidget()
    for candidate in (widget, parent.window() if parent is not None else None):
        if candidate is None:
            continue
        handle = candidate.windowHandle()
        if handle is not None and handle.screen() is not None:
            return handle.screen()
        screen = candidate.screen()
        if screen is not None:
            return screen
    primary = QGuiApplication.primaryScreen()
    assert primary is not None
    return primary


def available_area(widget: QWidget) -> QRect:
    """The part of the widget's screen that windows may use (without the task bar)."""
    return screen_of(widget).availableGeometry()


def fitting_size(widget: QWidget, width: int, height: int) -> QSize:
    """``width`` × ``height``, shrunk to what fits the widget's screen with a window frame."""
    area = available_area(widget)
    return QSize(
        max(320, min(width, area.width() - FRAME_WIDTH)),
        max(240, min(height, area.height() - FRAME_HEIGHT)),
    )


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize a top-level window to its preferred size, or less on a small screen, and centre
    it on its parent window (or on the screen), wholly inside the screen's available area."""
    size = fitting_size(widget, width, height)
    widget.resize(size)
    area = available_area(widget)
    parent = widget.parentWidget()
    centre = parent.window().frameGeometry().center() if parent is not None else area.center()
    x = centre.x() - size.width() // 2
    y = centre.y() - size.height() // 2
    x = min(max(x, area.left()), area.right() - size.width() + 1 - FRAME_WIDTH // 2)
    y = min(max(y, area.top()), area.bottom() - size.height() + 1 - FRAME_HEIGHT + 8)
    widget.move(max(x, area.left()), max(y, area.top()))


def limit_to_screen(widget: QWidget) -> None:
    """Keep a window's minimum size within the screen (a layout's minimum can exceed it)."""
    limit = fitting_size(widget, 100_000, 100_000)
    minimum = widget.minimumSize()
    widget.setMinimumSize(
        min(minimum.width(), limit.width()), min(minimum.height(), limit.height())
    )
