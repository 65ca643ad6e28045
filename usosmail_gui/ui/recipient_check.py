"""The composer's check of every recipient, in a worker: started after a pause in typing,
cancelled by a change, only the newest check's result told.

The check's steps (``check_in_slices`` of ``application.preparing``, or
``check_letters_in_slices`` with derived columns) run in a worker, which also sorts and
counts their problems for the list (``listed_check``), so the GUI thread only shows them.
A part the ``ComposerPanel`` owns: what is checked, and what is shown of the result, is
the panel's.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Generator
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from usosmail_gui.application.letters import check_letters_in_slices
from usosmail_gui.application.preparing import CheckSteps, ListedCheck, check_in_slices, listed_check
from usosmail_gui.core.letters.derive import LetterList
from usosmail_gui.core.recipients.table import RecipientTable
from usosmail_gui.core.template import CheckProgress, CheckResult, CompiledTemplate

from .workers import Task, run_in_background

log = logging.getLogger(__name__)

__all__ = ["RecipientCheck"]


def _listed_steps(
    steps: Callable[[Any, Any], Generator[CheckProgress, None, CheckResult]], compiled: Any, source: Any
) -> Generator[CheckProgress, None, ListedCheck]:
    """The check, with its problems sorted and counted for the list (in the worker)."""
    return (yield from listed_check(steps(compiled, source)))


class RecipientCheck(QObject):
    """One check of every recipient at a time; ``timer`` waits ``delay_ms`` for the typing
    to pause (``later``), then says ``due``.

    Signals:
        due(): the pause is over: the owner starts the check (``start``) with the text of now.
        progress(int, int): rows checked so far, of how many (the newest check only).
        finished(object): the newest check's ``ListedCheck`` (never an outdated text's).
        failed(str): the newest check failed: what to tell the user.
    """

    due = Signal()
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(
        self, steps: CheckSteps = check_in_slices, *, delay_ms: int, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._steps = steps
        self._task: Task | None = None
        self._generation = 0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.due)

    @property
    def running(self) -> bool:
        """Whether a check runs in a worker now."""
        return self._task is not None

    @property
    def pending(self) -> bool:
        """Whether a check runs or waits for the typing to pause."""
        return self._task is not None or self.timer.isActive()

    def later(self) -> None:
        """The text changed: the running check is about a text that is gone; check again
        once the typing pauses."""
        self.cancel()
        self.timer.start()

    def cancel(self) -> None:
        """Forget the running check (its result is never told)."""
        task, self._task = self._task, None
        if task is not None:
            task.cancel()

    def stop(self) -> None:
        """No check runs or waits any more (the window is closing)."""
        self.cancel()
        self.timer.stop()

    def start(self, compiled: CompiledTemplate, source: RecipientTable | LetterList) -> None:
        """Check ``compiled`` against every row of ``source`` (a list with derived columns:
        each of its messages), in a worker; a check running or waiting is forgotten."""
        self.stop()
        self._generation += 1
        generation = self._generation
        steps = check_letters_in_slices if isinstance(source, LetterList) else self._steps
        self._task = run_in_background(
            _listed_steps,
            steps,
            compiled,
            source,
            parent=self,
            on_progress=lambda step: self._progress(generation, step),
            on_result=lambda listed: self._done(generation, listed),
            on_error=lambda exc: self._failed(generation, exc),
        )

    def _progress(self, generation: int, step: object) -> None:
        if generation == self._generation and isinstance(step, CheckProgress):
            self.progress.emit(step.done, step.total)

    def _done(self, generation: int, listed: ListedCheck) -> None:
        if generation != self._generation or self._task is None:
            return  # an outdated text's result
        self._task = None
        self.finished.emit(listed)

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self._task = None
        log.error("checking the recipients failed", exc_info=exc)
        self.failed.emit(
            self.tr("The recipients could not be checked ({error}).").format(error=type(exc).__name__)
        )
