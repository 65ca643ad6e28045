"""The status poller: asks USOS about a campaign's messages off the GUI thread.

It is a single-shot ``QTimer`` in the GUI thread; each timeout starts one worker job
(never two at once): ``application.statuses`` reads the journal, or polls USOS and reads
it back, and ``with_changes`` (Qt-free, it runs in the worker) finds the rows that changed
since the batch before, so the views touch only those.
"""

from __future__ import annotations

import operator
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QLocale, QObject, QTimer, Signal

from usosmail_gui.application.collaborators import Clock, utc_now
from usosmail_gui.application.statuses import StatusSnapshot, poll_statuses, read_statuses
from usosmail_gui.core.journal import JournalError
from usosmail_gui.ui.problem_texts import journal_error_text
from usosmail_gui.ui.row_spans import changed_numbers, changed_places
from usosmail_gui.ui.workers import Task, run_in_background

__all__ = ["Connection", "StatusBatch", "StatusPoller", "with_changes"]


Connection = Callable[[], "tuple[str, str, str] | None"]  # (base URL, key, secret) or None


@dataclass(frozen=True)
class StatusBatch:
    """A snapshot as the poller hands it to the views, with what changed since
    ``previous`` (the snapshot delivered before, of the same campaign), found in the
    worker so that the GUI thread touches only those rows: ``changed``, their row
    numbers; ``places``, their places in ``snapshot.views`` when both snapshots list the
    same rows in the same order. None: not known (the views compare for themselves)."""

    snapshot: StatusSnapshot
    previous: StatusSnapshot | None = None
    changed: frozenset[int] | None = None
    places: tuple[int, ...] | None = None


_ROW = operator.attrgetter("row")


def with_changes(
    previous: StatusSnapshot | None, read: Callable[..., StatusSnapshot], *args: object
) -> StatusBatch:
    """In the worker: ``read(*args)``, and which rows changed since ``previous``."""
    snapshot = read(*args)
    if previous is None or previous.campaign != snapshot.campaign:
        return StatusBatch(snapshot)
    old, new = previous.views, snapshot.views
    if len(old) == len(new) and list(map(_ROW, old)) == list(map(_ROW, new)):
        places = changed_places(old, new)
        return StatusBatch(snapshot, previous, frozenset(new[p].row for p in places), tuple(places))
    changed = frozenset(changed_numbers(previous.row_statuses(), snapshot.row_statuses()))
    return StatusBatch(snapshot, previous, changed)


class StatusPoller(QObject):
    """Polls one campaign's statuses on a single-shot timer; one worker job at a time.

    Signals (GUI thread):
        snapshotReady(object): a ``StatusSnapshot`` read in the worker.
        batchReady(object): the same as a ``StatusBatch`` (with the rows that changed).
        queueRead(object): the ``SystemStatus`` read with a poll (at most every
            ``QUEUE_EVERY_S`` seconds): the queue, and whether USOS's mail daemon runs.
        updated(str): the campaign whose statuses were just read.
        stateChanged(str): the polling state in plain words.
    """

    snapshotReady = Signal(object)
    batchReady = Signal(object)
    queueRead = Signal(object)
    updated = Signal(str)

    QUEUE_EVERY_S = 30.0
    stateChanged = Signal(str)

    def __init__(
        self, connection: Connection, parent: QObject | None = None, *, clock: Clock = utc_now
    ) -> None:
        super().__init__(parent)
        self._connection = connection
        self.clock = clock  # what "now" is for expiry (tests inject theirs)
        self.lang = "pl" if QLocale().name().startswith("pl") else "en"  # of USOS's own texts
        self._queue_read_at: float | None = None  # monotonic time of the last queue read
        self._campaign: str | None = None
        self._last: StatusSnapshot | None = None  # delivered last (the next batch's ``previous``)
        self._interval: float | None = None
        self._task: Task | None = None
        self._due = False
        self._polling = False
        self._last_queue_read = False  # the one more poll that reads the queue at the end
        self.state = ""
        self.timer = QTimer(self)
        self.timer.setObjectName("statusPollTimer")
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._poll)

    @property
    def campaign(self) -> str | None:
        return self._campaign

    @property
    def polling(self) -> bool:
        """Whether polling goes on (a timer waits or a job runs)."""
        return self._polling

    @property
    def busy(self) -> bool:
        return self._task is not None

    def start(self, campaign: str) -> None:
        """Poll ``campaign`` now and then as its hints say, until all are finished."""
        self.stop()
        self._campaign = campaign
        self._interval = None
        self._polling = True
        self._last_queue_read = False
        self._set_state(self.tr("Checking statuses…"))
        self.timer.start(0)

    def show_only(self, campaign: str) -> None:
        """Read ``campaign``'s statuses once from the journal, without asking USOS."""
        self.stop()
        self._campaign = campaign
        self._set_state(
            self.tr("Expired: USOS keeps statuses for 7 days only; the last ones seen are shown.")
        )
        self.timer.start(0)

    def refresh(self) -> None:
        """Poll now (the user asked); restarts polling of the campaign shown."""
        if self._campaign is None:
            return
        self._polling = True
        self._interval = None
        self.timer.start(0)

    def stop(self) -> None:
        """Stop polling: no timer runs, and the job under way delivers nothing."""
        self.timer.stop()
        self._polling = False
        self._due = False
        if self._task is not None:
            self._task.cancel()  # kept until its end: never two jobs at once

    def _set_state(self, text: str) -> None:
        self.state = text
        self.stateChanged.emit(text)

    def _poll(self) -> None:
        campaign = self._campaign
        if campaign is None:
            return
        if self._task is not None:
            self._due = True  # run once the job under way has ended
            return
        if not self._polling:
            task = run_in_background(
                with_changes,
                self._previous(campaign),
                read_statuses,
                campaign,
                self.clock(),
                parent=self,
                on_result=self._read,
            )
        else:
            conn = self._connection()
            if conn is None:
                self._polling = False
                self._set_state(self.tr("Statuses cannot be checked: connect to the installation first."))
                return
            base_url, key, secret = conn
            moment = time.monotonic()
            read_queue = self._queue_read_at is None or moment - self._queue_read_at >= self.QUEUE_EVERY_S
            if read_queue:
                self._queue_read_at = moment
            task = run_in_background(
                with_changes,
                self._previous(campaign),
                poll_statuses,
                campaign,
                base_url,
                key,
                secret,
                self._interval,
                self.clock(),
                read_queue,
                self.lang,
                parent=self,
                on_result=self._polled,
            )
        task.failed.connect(self._failed)
        task.finished.connect(lambda: self._job_ended(task))
        self._task = task

    def _job_ended(self, task: Task) -> None:
        if task is self._task:
            self._task = None
        task.deleteLater()
        if self._due:
            self._due = False
            self.timer.start(0)

    def _previous(self, campaign: str) -> StatusSnapshot | None:
        last = self._last
        return last if last is not None and last.campaign == campaign else None

    def _read(self, batch: StatusBatch) -> None:
        snapshot = batch.snapshot
        if snapshot.campaign != self._campaign:
            return
        if batch.previous is not None and batch.previous is not self._last:
            batch = StatusBatch(snapshot)  # another batch came between: compare in the views
        self._last = snapshot
        self.batchReady.emit(batch)
        self.snapshotReady.emit(snapshot)
        self.updated.emit(snapshot.campaign)

    def _polled(self, batch: StatusBatch) -> None:
        self._read(batch)
        snapshot = batch.snapshot
        if snapshot.queue is not None and snapshot.campaign == self._campaign:
            self.queueRead.emit(snapshot.queue)
        result = snapshot.poll
        if result is None or snapshot.campaign != self._campaign or not self._polling:
            return
        if result.stop_reason is not None:
            self._polling = False
            reason = journal_error_text(snapshot.read_only) if snapshot.read_only else result.stop_reason
            self._set_state(self.tr("Polling stopped: %1").replace("%1", reason))
            return
        hint = result.next_interval_hint
        if hint is None and snapshot.queue is None and not self._last_queue_read:
            # every status is final: the queue shown beside them is read once more, so the
            # status bar does not keep "4,918 unsent" from the middle of the send
            self._last_queue_read = True
            self._queue_read_at = None
            self.timer.start(0)
            return
        if hint is None:
            self._last_queue_read = False
            self._polling = False
            self._set_state(self.tr("All statuses are final; polling stopped."))
            return
        self._interval = hint
        seconds = max(1, round(hint))
        if result.offline:
            self._set_state(self.tr("offline — retrying in %n s", "", seconds))
        else:
            self._set_state(self.tr("Next check in %n s", "", seconds))
        self.timer.start(int(hint * 1000))

    def _failed(self, exc: Exception) -> None:
        self._polling = False
        error = journal_error_text(exc) if isinstance(exc, JournalError) else str(exc) or type(exc).__name__
        self._set_state(self.tr("Statuses cannot be read: %1").replace("%1", error))
