"""Running service calls off the GUI thread (like Anki's ``QueryOp``): the function runs in the
thread pool; its result or its error comes back to the GUI thread through a queued signal.

    run(lambda: desk.list("overdue"), on_done=model.set_rows, on_error=show_error)
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object, str)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.relay = relay
        self.setAutoDelete(True)

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # delivered to the GUI thread, never lost
            self.relay.failed.emit(exc, traceback.format_exc())
        else:
            self.relay.done.emit(result)


_pending: set[_Relay] = set()


def run(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
    parent: QObject | None = None,
) -> None:
    """Run ``fn`` in the global thread pool; call ``on_done(result)`` or ``on_error(exc)`` in
    the thread that called :func:`run` (the GUI thread)."""
    relay = _Relay(parent)
    _pending.add(relay)

    def finish() -> None:
        _pending.discard(relay)
        relay.deleteLater()

    def done(result: Any) -> None:
        try:
            on_done(result)
        finally:
            finish()

    def failed(exc: BaseException, trace: str) -> None:
        try:
            if on_error is not None:
                on_error(exc)
            else:  # pragma: no cover - every caller passes a handler
                raise exc
        finally:
            finish()

    relay.done.connect(done)
    relay.failed.connect(failed)
    QThreadPool.globalInstance().start(_Job(fn, relay))


def wait_all(timeout_ms: int = 10_000) -> bool:
    """Wait for running jobs (tests, shutdown)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
