"""Qt fixtures: offscreen (tests/conftest.py), no leaked top-level windows, worker threads done."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from mohao_desk.ui import worker


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
