"""Running service calls off the GUI thread (like Anki's ``QueryOp``): the function runs in a
small thread pool; its result or its error comes back to the GUI thread.

    run(lambda: desk.list("overdue"), on_done=model.set_rows, on_error=show_error)

No Qt call crosses threads: the workers put a delivery into a thread-safe queue and a GUI-thread
timer, running only while jobs are out, drains it every 10 ms (at most 10 ms of added latency;
nothing of Qt is touched outside the GUI thread).
"""

from __future__ import annotations

import queue
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any

from PySide6.QtCore import QObject, QTimer

POLL_MS = 10
_EXECUTOR = ThreadPoolExecutor(max_workers=2, thread_name_prefix="mohao-worker")
_running: set[Future[Any]] = set()
_results: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()


class _Pump(QObject):
    """Lives in the GUI thread; runs the delivered callbacks there."""

    def __init__(self) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.drain)

    def drain(self) -> None:
        while True:
            try:
                deliver = _results.get_nowait()
            except queue.Empty:
                break
            deliver()
        if not _running and _results.empty():
            self.timer.stop()


_pump: _Pump | None = None


def _get_pump() -> _Pump:
    global _pump
    if _pump is None:
        _pump = _Pump()
    return _pump


def run(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
    parent: QObject | None = None,
) -> None:
    """Run ``fn`` in the pool; call ``on_done(result)`` or ``on_error(exc)`` later in the GUI
    thread (the caller's). If ``parent`` is destroyed meanwhile, nothing is called."""
    pump = _get_pump()
    alive = [True]
    if parent is not None:
        parent.destroyed.connect(lambda *_: alive.__setitem__(0, False))

    def job() -> None:
        try:
            result = fn()
        except Exception as exc:  # delivered to the GUI thread, never lost
            error = exc

            def deliver() -> None:
                if alive[0] and on_error is not None:
                    on_error(error)

        else:

            def deliver() -> None:
                if alive[0]:
                    on_done(result)

        _results.put(deliver)

    future = _EXECUTOR.submit(job)
    _running.add(future)
    future.add_done_callback(_running.discard)
    if not pump.timer.isActive():
        pump.timer.start()


def wait_all(timeout_ms: int = 10_000) -> bool:
    """Wait for running jobs (tests, shutdown), then deliver their results."""
    _done, pending = wait(list(_running), timeout=timeout_ms / 1000)
    if _pump is not None:
        _pump.drain()
    return not pending
