"""The window's start-up check of the audit chain (issue 11): ``services.audit.verify`` from the
last verified checkpoint, in a child process. It is pure Python over every dossier's row (about
1.7 s at 100,000 dossiers from a checkpoint, estimated ~17 s at 1,000,000): in a thread it would
hold the interpreter's lock that long and the board would stutter; a spawned process (the only
start method that is safe under Qt, and the one Windows has) leaves the window free. The result
comes back through a timer that polls the future, on the GUI thread."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal


def _verify(target: Path | str) -> Any:
    from mohao_desk.services.audit import verify_target

    return verify_target(target, from_checkpoint=True, save_checkpoint=True)


class HistoryCheck(QObject):
    """One check of the chain of ``target`` (a SQLite file or a server URL)."""

    finished = Signal(object)  # the AuditReport
    failed = Signal(object)  # the exception (a check that could not run says so, no more)

    def __init__(self, target: Path | str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.target = target
        self._pool: ProcessPoolExecutor | None = None
        self._future: Future[Any] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self._poll)

    def start(self) -> None:
        self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
        self._future = self._pool.submit(_verify, self.target)
        self._timer.start()

    @property
    def running(self) -> bool:
        return self._future is not None and not self._future.done()

    def _poll(self) -> None:
        future = self._future
        if future is None or not future.done():
            return
        self._timer.stop()
        self._future = None
        self._close_pool()
        try:
            report = future.result()
        except Exception as exc:  # the child could not run it: said, never fatal
            self.failed.emit(exc)
            return
        self.finished.emit(report)

    def stop(self) -> None:
        """The window closes: the child is left to end by itself (it only reads, and writes
        its checkpoint in one short transaction)."""
        self._timer.stop()
        self._close_pool()

    def _close_pool(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
