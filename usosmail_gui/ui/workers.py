"""The one way the Qt shell runs core calls off the GUI thread.

Why not superqt's ``thread_worker``: its ``WorkerBase.run`` swaps the *process-wide*
warning filters and ``warnings.showwarning`` inside every worker thread (not thread-safe
when two workers overlap, and it clobbers pytest's warning capture), and it defers the
start by a 1 ms timer, so the thread pool looks idle while work is still pending. This
module keeps superqt's good ideas (a plain function or a generator whose ``yield`` is a
progress report and a cancellation point; ``result/error/progress/finished`` signals)
in ~150 lines without those side effects.

How it is safe:

- The pool thread only ever emits signals of a private ``_Relay`` QObject that lives in
  the GUI thread and is owned by a module-level keeper, so it outlives the job.
- The relay is connected (queued, because it emits from another thread) to a ``Task``
  QObject owned by the widget that asked. When that widget is deleted, Qt deletes the
  Task and drops the connections: no callback ever reaches a deleted widget.
- ``active_task_count()`` counts jobs from ``run_in_background`` until their
  ``finished`` reached the GUI thread, so tests can ``qtbot.waitUntil`` on it.

Usage::

    task = run_in_background(store.load, url, parent=self,
                             on_result=self._show_credentials, on_error=self._show_problem)
    task.cancel()  # optional: result/error are then never delivered
"""

from __future__ import annotations

import contextvars
import inspect
import itertools
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

__all__ = ["Task", "active_task_count", "cancel_all", "run_in_background", "wait_for_all"]


class Cancelled(Exception):
    """Raised inside a generator job at a ``yield`` after ``Task.cancel()``."""


class Task(QObject):
    """Handle of one background job; every signal arrives in the GUI thread.

    Signals:
        progress(object): a value the job's generator yielded.
        succeeded(object): the job's return value (not after ``cancel()``).
        failed(object): the exception the job raised (not after ``cancel()``).
        finished(): always, last, once the job has ended (even when cancelled).
    """

    progress = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, name: str, cancel_event: threading.Event, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._cancel_event = cancel_event
        self._running = True

    def cancel(self) -> None:
        """Ask the job to stop: its result is dropped, a generator stops at its next yield."""
        self._cancel_event.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel_event.is_set()

    @property
    def running(self) -> bool:
        return self._running

    @Slot(object)
    def _deliver_progress(self, value: object) -> None:
        if not self.cancelled:
            self.progress.emit(value)

    @Slot(object)
    def _deliver_result(self, value: object) -> None:
        if not self.cancelled:
            self.succeeded.emit(value)

    @Slot(object)
    def _deliver_error(self, exc: object) -> None:
        if not self.cancelled:
            self.failed.emit(exc)

    @Slot()
    def _deliver_finished(self) -> None:
        self._running = False
        self.finished.emit()


class _Relay(QObject):
    """Emitted from the pool thread; lives in the GUI thread, owned by the keeper."""

    progress = Signal(object)
    result = Signal(object)
    error = Signal(object)
    finished = Signal(int)


class _Keeper(QObject):
    """Owns relays (and parentless tasks) until their job's end reaches the GUI thread."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("usosmail-worker-keeper")
        # key -> (relay, task, whether the keeper owns the task, the task's cancel flag)
        self.live: dict[int, tuple[_Relay, Task, bool, threading.Event]] = {}

    @Slot(int)
    def release(self, key: int) -> None:
        entry = self.live.pop(key, None)
        if entry is None:
            return
        relay, task, owned, _ = entry
        relay.deleteLater()
        if owned:  # a task with a widget parent goes with its widget, maybe already gone
            task.deleteLater()


_keeper: _Keeper | None = None
_keys = itertools.count(1)


def _the_keeper() -> _Keeper:
    global _keeper
    if _keeper is None:
        _keeper = _Keeper()
    return _keeper


def _run_job(
    fn: Callable[..., Any],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    relay: _Relay,
    cancel_event: threading.Event,
    key: int,
) -> None:
    """Body of the pool thread: call ``fn``, turn its yields/return/raise into signals."""
    try:
        if inspect.isgeneratorfunction(fn):
            gen = fn(*args, **kwargs)
            while True:
                if cancel_event.is_set():
                    try:
                        gen.throw(Cancelled())
                    except (Cancelled, StopIteration):
                        pass
                    break
                try:
                    value = next(gen)
                except StopIteration as stop:
                    relay.result.emit(stop.value)
                    break
                relay.progress.emit(value)
        else:
            value = fn(*args, **kwargs)
            if not cancel_event.is_set():
                relay.result.emit(value)
    except Exception as exc:  # every failure goes to the caller, in the GUI thread
        if not cancel_event.is_set():
            relay.error.emit(exc)
        else:
            log.debug("cancelled job %s ended with %s", getattr(fn, "__name__", fn), type(exc).__name__)
    finally:
        relay.finished.emit(key)


def run_in_background(
    fn: Callable[..., Any],
    *args: Any,
    parent: QObject | None = None,
    on_result: Callable[[Any], Any] | None = None,
    on_error: Callable[[Exception], Any] | None = None,
    on_progress: Callable[[Any], Any] | None = None,
    on_finished: Callable[[], Any] | None = None,
    **kwargs: Any,
) -> Task:
    """Run ``fn(*args, **kwargs)`` in the global QThreadPool; callbacks run in the GUI thread.

    Pass as ``parent`` the widget whose methods the callbacks are: when it is deleted, the
    task goes with it and no callback runs. ``fn`` may be a generator function: each
    ``yield`` is reported by ``on_progress`` and is the point where ``cancel()`` stops it.
    The job sees the caller's context variables as they were at this call.
    Call from the GUI thread only.
    """
    keeper = _the_keeper()
    key = next(_keys)
    cancel_event = threading.Event()
    task = Task(getattr(fn, "__name__", "job"), cancel_event, parent if parent is not None else keeper)
    relay = _Relay(keeper)
    relay.progress.connect(task._deliver_progress)
    relay.result.connect(task._deliver_result)
    relay.error.connect(task._deliver_error)
    relay.finished.connect(task._deliver_finished)
    relay.finished.connect(keeper.release)
    if on_progress is not None:
        task.progress.connect(on_progress)
    if on_result is not None:
        task.succeeded.connect(on_result)
    if on_error is not None:
        task.failed.connect(on_error)
    if on_finished is not None:
        task.finished.connect(on_finished)
    keeper.live[key] = (relay, task, parent is None, cancel_event)
    # the job runs in a copy of the caller's context: what was chosen for it when it was asked
    # for (the journal file, application.collaborators) stays its own
    context = contextvars.copy_context()
    QThreadPool.globalInstance().start(
        lambda: context.run(_run_job, fn, args, kwargs, relay, cancel_event, key)
    )
    return task


def active_task_count() -> int:
    """Jobs started here whose end has not yet been handled in the GUI thread."""
    return 0 if _keeper is None else len(_keeper.live)


def cancel_all() -> None:
    """Ask every running job to stop (on quit): no result of theirs will be delivered."""
    if _keeper is None:
        return
    for *_, cancel_event in list(_keeper.live.values()):
        cancel_event.set()


def wait_for_all(msecs: int = 5000) -> bool:
    """Block until the pool is idle; only for shutdown, after the window is gone."""
    return QThreadPool.globalInstance().waitForDone(msecs)
