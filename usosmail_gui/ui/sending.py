"""Sending from the GUI: the session that runs one send in a worker and the non-modal
progress dialog; the words of sending (outcomes, failures, durations) are
``ui/sending_texts.py``'s, re-exported here.

The work itself is the application layer's (``application.sending``: ``send_job``,
``find_interrupted``, ``leave_uncertain``); each job opens its own journal and closes it,
so the GUI thread never waits on SQLite's fsync or on USOS. Stopping is the job's
``threading.Event``; ``Task.cancel()`` (used when the app quits) is never needed for
that, and would drop the result the summary needs. The progress dialog keeps what it was
told (the campaign, the last counts and progress, the outcome) and writes its texts from
that, so a language switch while it is open rewrites every line.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from usosmail_gui.application.sending import (
    CampaignStarted,
    PreflightFailed,
    SendOutcome,
    SendRequest,
    StoppedBeforeStart,
    send_job,
)
from usosmail_gui.core.campaign import CampaignError
from usosmail_gui.core.journal import CampaignRecord, Counts, JournalError
from usosmail_gui.core.send_reports import SendProgress, StopReason
from usosmail_gui.core.usos.errors import UsosError
from usosmail_gui.ui.numbers import counted, number

from . import texts
from .sending_texts import Sending, counts_text, duration_text, failure_text, local_time, outcome_text
from .workers import Task, run_in_background

log = logging.getLogger(__name__)

__all__ = [
    "SendProgressDialog",
    "SendSession",
    "Sending",
    "counts_text",
    "duration_text",
    "failure_text",
    "local_time",
    "outcome_text",
]


# --- the session --------------------------------------------------------------------------


class SendSession(QObject):
    """One run of ``send_job`` in a worker, stoppable between requests.

    Signals (GUI thread):
        started(object): ``CampaignStarted``, once the campaign is in the journal.
        progress(object): ``SendProgress`` after every request.
        succeeded(object): ``SendOutcome`` at the end (finished, stopped or cancelled).
        failed(object): the exception when the session could not run (see ``failure_text``).
        ended(): always, last, once the worker is done (no request is under way any more).
    """

    started = Signal(object)
    progress = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)
    ended = Signal()

    def __init__(self, request: SendRequest, *, is_test: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sendSession")
        self.request = request
        self.is_test = is_test
        self._stop = threading.Event()
        self._task: Task | None = None
        self.campaign: CampaignRecord | None = None
        self.last_progress: SendProgress | None = None
        self.outcome: SendOutcome | None = None
        self.error: Exception | None = None

    def start(self) -> None:
        if self._task is not None:
            return
        self._task = run_in_background(
            send_job,
            self.request,
            self._stop,
            parent=self,
            on_progress=self._on_step,
            on_result=self._on_result,
            on_error=self._on_error,
            on_finished=self._on_finished,
        )

    @property
    def running(self) -> bool:
        return self._task is not None and self._task.running

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    @Slot()
    def stop(self) -> None:
        """Stop before the next request; the one under way finishes and is recorded."""
        self._stop.set()

    def _on_step(self, step: object) -> None:
        if isinstance(step, CampaignStarted):
            self.campaign = step.campaign
            self.started.emit(step)
        elif isinstance(step, SendProgress):
            self.last_progress = step
            self.progress.emit(step)

    def _on_result(self, outcome: SendOutcome) -> None:
        self.outcome = outcome
        self.succeeded.emit(outcome)

    def _on_error(self, exc: Exception) -> None:
        expected = (
            PreflightFailed | StoppedBeforeStart | JournalError | CampaignError | UsosError | ValueError
        )
        if not isinstance(exc, expected):
            log.error("Sending failed", exc_info=exc)
        self.error = exc
        self.failed.emit(exc)

    def _on_finished(self) -> None:
        self.ended.emit()


# --- the progress dialog ------------------------------------------------------------------


class SendProgressDialog(QDialog):
    """Non-modal: counts, requests done, a bar and the time left while a session runs;
    Stop; then the summary with the refused and uncertain recipients.

    Signals:
        shownOutcome(object): the ``SendOutcome``, or the exception, once it is on screen.
    """

    shownOutcome = Signal(object)

    MAX_LISTED = 2000  # recipients listed per kind in the summary (the rest counted)

    def __init__(self, session: SendSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sendProgressDialog")
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.session = session
        # what the dialog was told, from which every text is written (again on a switch)
        self._heading: Callable[[], str] = lambda: self.tr(
            "Checking the connection and storing the campaign…"
        )
        self._counts: Counts | None = None
        self._progress_seen: SendProgress | None = None
        self._outcome: SendOutcome | None = None
        self._error: Exception | None = None
        self._build()
        self.retranslate()
        session.started.connect(self._started)
        session.progress.connect(self._progress)
        session.succeeded.connect(self._finished)
        session.failed.connect(self._failed)
        session.ended.connect(self._ended)

    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # it shows the subject
        self.heading.setWordWrap(True)
        self.counts_label = QLabel()
        self.batches_label = QLabel()
        self.time_label = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the campaign is stored
        self.form = QFormLayout()
        self.counts_title, self.batches_title, self.time_title = QLabel(), QLabel(), QLabel()
        self.form.addRow(self.counts_title, self.counts_label)
        self.form.addRow(self.batches_title, self.batches_label)
        self.form.addRow(self.time_title, self.time_label)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("sendSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_label.hide()
        self.details = QTreeWidget()
        self.details.setRootIsDecorated(True)
        self.details.hide()
        self.buttons = QDialogButtonBox()
        self.stop_button = QPushButton()
        self.stop_button.setAutoDefault(False)
        self.stop_button.clicked.connect(self.stop)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.accept)
        self.buttons.addButton(self.stop_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button.hide()  # after addButton, which shows it: only once sending is over
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.bar)
        layout.addLayout(self.form)
        layout.addWidget(self.note)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)
        self.resize(560, 260)

    def retranslate(self) -> None:
        """Every text in the language now installed, the changing ones written again from
        what the session said so far (the counts, the requests, the outcome)."""
        self.setWindowTitle(self.tr("Sending a test") if self.session.is_test else self.tr("Sending"))
        self.heading.setAccessibleName(self.tr("Sending state"))
        self.counts_label.setAccessibleName(self.tr("Counts"))
        self.batches_label.setAccessibleName(self.tr("Requests"))
        self.time_label.setAccessibleName(self.tr("Time left"))
        self.bar.setAccessibleName(self.tr("Sending progress"))
        self.counts_title.setText(self.tr("Messages:"))
        self.batches_title.setText(self.tr("Requests:"))
        self.time_title.setText(self.tr("Time:"))
        self.note.setText(
            self.tr(
                "Stop waits for the request under way (it is never cut in half); what was not sent "
                "stays in the journal and can be resumed later."
            )
        )
        self.summary_label.setAccessibleName(self.tr("Summary"))
        self.details.setAccessibleName(self.tr("Refused and uncertain recipients"))
        self.details.setHeaderLabels([self.tr("Row"), self.tr("Address"), self.tr("What happened")])
        self.stop_button.setText(self.tr("&Stop sending"))
        self.stop_button.setAccessibleName(self.tr("Stop sending"))
        self.stop_button.setToolTip(self.tr("Stop after the request under way; the rest can be resumed."))
        self.close_button.setText(self.tr("&Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        self.heading.setText(self._heading())
        if self._counts is not None:
            self.counts_label.setText(counts_text(self._counts))
        if self._progress_seen is not None:
            self._show_progress(self._progress_seen)
        elif self.session.campaign is not None:
            self.batches_label.setText(self.tr("starting…"))
            self.time_label.setText(self.tr("estimating…"))
        if self._outcome is not None:
            self._show_outcome(self._outcome)
        elif self._error is not None:
            self.summary_label.setText(failure_text(self._error))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def _say(self, heading: Callable[[], str]) -> None:
        """The heading, written now and again after a language switch."""
        self._heading = heading
        self.heading.setText(heading())

    # --- while sending ---------------------------------------------------------------
    @Slot()
    def stop(self) -> None:
        if not self.session.running:
            return
        self.session.stop()
        self.stop_button.setEnabled(False)
        self._say(lambda: self.tr("Stopping after the request under way…"))

    def show_closing(self) -> None:
        """The window waits for this session to stop before it closes."""
        self.stop_button.setEnabled(False)
        self._say(
            lambda: self.tr("Stopping after the request under way; the window closes then. Nothing is lost.")
        )

    def reject(self) -> None:
        """Escape or the title bar's close do nothing while sending: stopping is a choice
        (the Stop button), never a side effect of dismissing a window."""
        if self.session.running:
            return
        super().reject()

    def _started(self, started: CampaignStarted) -> None:
        campaign = started.campaign
        if not self.session.stopping:
            self._say(
                lambda: self.tr("Sending campaign {id}: “{subject}”").format(
                    id=campaign.id, subject=campaign.template.subject
                )
            )
        self._show_counts(started.counts)
        self.batches_label.setText(self.tr("starting…"))
        self.time_label.setText(self.tr("estimating…"))

    def _show_counts(self, counts: Counts) -> None:
        self._counts = counts
        total = counts.total
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(total - counts.not_sent)
        self.counts_label.setText(counts_text(counts))

    def _progress(self, progress: SendProgress) -> None:
        self._progress_seen = progress
        self._show_counts(progress.counts)
        self._show_progress(progress)

    def _show_progress(self, progress: SendProgress) -> None:
        self.batches_label.setText(
            self.tr("{done} of {total} done").format(
                done=number(progress.batches_done), total=number(progress.batches_total)
            )
        )
        elapsed = duration_text(progress.elapsed)
        if progress.remaining is None:
            self.time_label.setText(self.tr("{elapsed} so far").format(elapsed=elapsed))
        else:
            self.time_label.setText(
                self.tr("about {left} left ({elapsed} so far)").format(
                    left=duration_text(progress.remaining), elapsed=elapsed
                )
            )

    # --- at the end -----------------------------------------------------------------
    def _finished(self, outcome: SendOutcome) -> None:
        self._outcome = outcome
        result = outcome.result
        self._show_counts(result.counts)
        campaign = outcome.campaign.id
        if result.stop is StopReason.FINISHED:
            self._say(lambda: self.tr("Campaign {id}: sending finished.").format(id=campaign))
        else:
            self._say(lambda: self.tr("Campaign {id} stopped before the end.").format(id=campaign))
        self._show_outcome(outcome)
        self.summary_label.show()
        self.note.hide()
        self.shownOutcome.emit(outcome)

    def _show_outcome(self, outcome: SendOutcome) -> None:
        result = outcome.result
        self.time_label.setText(
            counted(self.tr("{elapsed}, %n request(s)", "", result.requests), result.requests).format(
                elapsed=duration_text(result.elapsed)
            )
        )
        text = outcome_text(outcome)
        if outcome.last_detail and result.stop not in (StopReason.FINISHED, StopReason.CANCELLED):
            text += "\n" + texts.details_line(outcome.last_detail)
        self.summary_label.setText(text)
        self._list(outcome)

    def _list(self, outcome: SendOutcome) -> None:
        scrolled = self.details.verticalScrollBar().value()
        self.details.clear()
        groups = (
            (
                counted(self.tr("Refused by USOS (%n)", "", len(outcome.rejected)), len(outcome.rejected)),
                outcome.rejected,
                True,
            ),
            (
                counted(
                    self.tr("Uncertain: may or may not have arrived (%n)", "", len(outcome.uncertain)),
                    len(outcome.uncertain),
                ),
                outcome.uncertain,
                False,
            ),
        )
        for title, records, with_reason in groups:
            if not records:
                continue
            group = QTreeWidgetItem(self.details, [title])
            group.setFirstColumnSpanned(True)
            for record in records[: self.MAX_LISTED]:
                reason = (record.error or "") if with_reason else self.tr("not sent again")
                QTreeWidgetItem(group, [str(record.row), ", ".join(record.addresses), reason])
            if len(records) > self.MAX_LISTED:
                more = QTreeWidgetItem(
                    group,
                    [
                        counted(
                            self.tr("… and %n more", "", len(records) - self.MAX_LISTED),
                            len(records) - self.MAX_LISTED,
                        )
                    ],
                )
                more.setFirstColumnSpanned(True)
            group.setExpanded(True)
        if self.details.topLevelItemCount():
            self.details.resizeColumnToContents(0)
            self.details.resizeColumnToContents(1)
            self.details.show()
            self.resize(self.width(), max(self.height(), 460))
            self.details.verticalScrollBar().setValue(scrolled)

    def _failed(self, exc: Exception) -> None:
        self._error = exc
        campaign = self.session.campaign
        if campaign is None:
            self._say(lambda: self.tr("Nothing was sent."))
        else:
            self._say(lambda: self.tr("Campaign {id} stopped before the end.").format(id=campaign.id))
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.summary_label.setText(failure_text(exc))
        self.summary_label.show()
        self.note.hide()
        self.shownOutcome.emit(exc)

    def _ended(self) -> None:
        self.stop_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)
