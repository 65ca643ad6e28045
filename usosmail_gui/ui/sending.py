"""Sending from the GUI: the session that runs one send in a worker, the non-modal
progress dialog, and the words of sending (outcomes, failures, durations).

The work itself is the application layer's (``application.sending``: ``send_job``,
``find_interrupted``, ``leave_uncertain``); each job opens its own journal and closes it,
so the GUI thread never waits on SQLite's fsync or on USOS. Stopping is the job's
``threading.Event``; ``Task.cancel()`` (used when the app quits) is never needed for
that, and would drop the result the summary needs.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
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
from usosmail_gui.core.journal import (
    CampaignBusy,
    CampaignClosed,
    CampaignRecord,
    Counts,
    JournalError,
    UnknownCampaign,
)
from usosmail_gui.core.sending import SendProgress, StopReason
from usosmail_gui.core.usos.errors import UsosError
from usosmail_gui.ui.numbers import counted, number

from . import texts
from .plurals import TextContext
from .problem_texts import campaign_error_text, journal_error_text
from .workers import Task, run_in_background

log = logging.getLogger(__name__)

__all__ = [
    "SendProgressDialog",
    "SendSession",
    "counts_text",
    "duration_text",
    "failure_text",
    "local_time",
    "outcome_text",
]


translate = QCoreApplication.translate


class Sending(TextContext):
    """The translation context of this module's counted texts (see ``TextContext``)."""


# --- words ----------------------------------------------------------------------------------


def duration_text(seconds: float) -> str:
    """ "45 seconds", "3 min 05 s", "1 h 20 min"."""
    whole = int(seconds + 0.5)
    if whole < 60:
        return counted(Sending.tr("%n second(s)", "", whole), whole)
    minutes, secs = divmod(whole, 60)
    if minutes < 60:
        return translate("Sending", "{m} min {s:02d} s").format(m=minutes, s=secs)
    hours, minutes = divmod(minutes, 60)
    return translate("Sending", "{h} h {m:02d} min").format(h=hours, m=minutes)


def local_time(iso: str) -> str:
    """A journal time (ISO, UTC) in this computer's time zone, to the minute."""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso[:16].replace("T", " ")


def counts_text(counts: Counts) -> str:
    """ "37 accepted · 2 refused · 1 uncertain · 0 still to send"."""
    return " · ".join(
        (
            counted(Sending.tr("%Ln accepted", "", counts.enqueued), counts.enqueued),
            counted(Sending.tr("%Ln refused", "", counts.rejected), counts.rejected),
            counted(Sending.tr("%Ln uncertain", "", counts.uncertain), counts.uncertain),
            counted(Sending.tr("%Ln still to send", "", counts.not_sent), counts.not_sent),
        )
    )


def _stop_text(reason: StopReason, counts: Counts) -> str:
    hint = translate(
        "Sending",
        "Nothing is lost: Send ▸ Interrupted campaigns… sends the rest (the app also offers it at start).",
    )
    if reason is StopReason.CANCELLED:
        return (
            counted(
                Sending.tr("Sending was stopped. %Ln message(s) were not sent yet.", "", counts.not_sent),
                counts.not_sent,
            )
            + " "
            + hint
        )
    if reason is StopReason.UNREACHABLE:
        return (
            translate("Sending", "USOS could not be reached. Check the network connection, then resume.")
            + " "
            + hint
        )
    if reason is StopReason.CREDENTIALS_REJECTED:
        return (
            translate(
                "Sending",
                "USOS rejected the consumer key or secret. Check them (Connection ▸ Connect…) and "
                "this computer's clock, then resume.",
            )
            + " "
            + hint
        )
    if reason is StopReason.NOT_ADMINISTRATIVE:
        return (
            translate(
                "Sending",
                "This key is not an administrative key, which sending mail requires. Ask your "
                "university's USOS API administrators for one, then resume.",
            )
            + " "
            + hint
        )
    if reason is StopReason.REFUSED:
        return (
            translate("Sending", "USOS refused a request, so sending stopped. Try again later.") + " " + hint
        )
    if reason is StopReason.DISK_FULL:
        return (
            translate(
                "Sending",
                "The disk holding the journal of sent messages is full, so sending stopped: nothing "
                "more was sent. Free space on the disk, then resume.",
            )
            + " "
            + hint
        )
    if reason is StopReason.JOURNAL:
        return (
            translate(
                "Sending",
                "The journal of sent messages could no longer be written, so sending stopped: nothing "
                "more was sent. Once it can be used again, resume.",
            )
            + " "
            + hint
        )
    if reason is StopReason.TOO_MANY_UNCERTAIN:
        return (
            translate(
                "Sending",
                "Several requests in a row failed in a way that leaves their messages uncertain, "
                "so sending stopped before more became uncertain. Try again later.",
            )
            + " "
            + hint
        )
    return ""


def outcome_text(outcome: SendOutcome) -> str:
    """The end of a session in plain words: what happened and what to do."""
    result, counts = outcome.result, outcome.result.counts
    parts: list[str] = []
    if result.stop is not StopReason.FINISHED:
        parts.append(_stop_text(result.stop, counts))
    elif counts.all_enqueued:
        parts.append(
            counted(
                Sending.tr("All %Ln message(s) were accepted by USOS for delivery.", "", counts.enqueued),
                counts.enqueued,
            )
        )
    else:
        parts.append(
            counted(
                Sending.tr(
                    "%Ln of the campaign's messages were accepted by USOS for delivery.", "", counts.enqueued
                ),
                counts.enqueued,
            )
        )
    if counts.rejected:
        parts.append(
            counted(
                Sending.tr(
                    "%Ln message(s) were refused by USOS: those recipients get nothing. The reasons are "
                    "listed below; correct the addresses and send to them again.",
                    "",
                    counts.rejected,
                ),
                counts.rejected,
            )
        )
    if outcome.uncertain:
        parts.append(
            counted(
                Sending.tr(
                    "%Ln message(s) are uncertain: the connection failed while their request was under "
                    "way, so USOS may or may not have them. They were not sent again, so nobody gets a "
                    "message twice. Ask a few of those recipients (listed below) or the USOS "
                    "administrators; to send some again, tick them in Send ▸ Interrupted campaigns….",
                    "",
                    len(outcome.uncertain),
                ),
                len(outcome.uncertain),
            )
        )
    return "\n\n".join(parts)


def failure_text(exc: BaseException) -> str:
    """Why a session could not run, in plain words (the campaign, if stored, stays resumable)."""
    if isinstance(exc, PreflightFailed):
        return (
            texts.verdict_explanation(exc.report) + " " + translate("Sending", "Nothing was stored or sent.")
        )
    if isinstance(exc, StoppedBeforeStart):
        return translate("Sending", "Stopped before anything was stored or sent.")
    if isinstance(exc, CampaignBusy):
        return translate(
            "Sending",
            "This campaign is being sent right now elsewhere (another window or a usosmail command). "
            "Nothing was changed here. Wait until it finishes, then look at Send ▸ Interrupted "
            "campaigns… again.",
        )
    if isinstance(exc, UnknownCampaign):
        return translate("Sending", "This campaign is no longer in the journal. Nothing was sent.")
    if isinstance(exc, CampaignClosed):
        return translate(
            "Sending",
            "This campaign was closed (here, in another window or with usosmail close): nothing "
            "more of it is sent, and its uncertain recipients stay uncertain. Nothing was sent. To "
            "write to its students again, send a new campaign.",
        )
    if isinstance(exc, JournalError):
        return (
            translate("Sending", "The journal of sent messages cannot be used, so nothing was sent.")
            + " "
            + journal_error_text(exc)
        )
    if isinstance(exc, CampaignError):
        return (
            translate("Sending", "The message cannot be made, so nothing was sent.")
            + " "
            + campaign_error_text(exc)
        )
    if isinstance(exc, UsosError):
        return translate("Sending", "USOS cannot be used from here, so nothing was sent.") + " " + str(exc)
    if isinstance(exc, ValueError):  # send_steps: the campaign is another installation's
        return (
            translate(
                "Sending",
                "This campaign belongs to another USOS installation than the one connected. Connect "
                "to its installation, then resume. Nothing was sent.",
            )
            + "\n"
            + texts.details_line(str(exc))
        )
    return translate(
        "Sending",
        "Sending stopped because of an unexpected error. Whatever was sent is recorded in the "
        "journal; Send ▸ Interrupted campaigns… shows what is left.",
    )


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
        self.setWindowTitle(self.tr("Sending a test") if session.is_test else self.tr("Sending"))
        self._build()
        session.started.connect(self._started)
        session.progress.connect(self._progress)
        session.succeeded.connect(self._finished)
        session.failed.connect(self._failed)
        session.ended.connect(self._ended)

    def _build(self) -> None:
        self.heading = QLabel(self.tr("Checking the connection and storing the campaign…"))
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # it shows the subject
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName(self.tr("Sending state"))
        self.counts_label = QLabel()
        self.counts_label.setAccessibleName(self.tr("Counts"))
        self.batches_label = QLabel()
        self.batches_label.setAccessibleName(self.tr("Requests"))
        self.time_label = QLabel()
        self.time_label.setAccessibleName(self.tr("Time left"))
        self.bar = QProgressBar()
        self.bar.setAccessibleName(self.tr("Sending progress"))
        self.bar.setRange(0, 0)  # busy until the campaign is stored
        form = QFormLayout()
        form.addRow(self.tr("Messages:"), self.counts_label)
        form.addRow(self.tr("Requests:"), self.batches_label)
        form.addRow(self.tr("Time:"), self.time_label)
        self.note = QLabel(
            self.tr(
                "Stop waits for the request under way (it is never cut in half); what was not sent "
                "stays in the journal and can be resumed later."
            )
        )
        self.note.setWordWrap(True)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("sendSummary")
        self.summary_label.setAccessibleName(self.tr("Summary"))
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_label.hide()
        self.details = QTreeWidget()
        self.details.setAccessibleName(self.tr("Refused and uncertain recipients"))
        self.details.setHeaderLabels([self.tr("Row"), self.tr("Address"), self.tr("What happened")])
        self.details.setRootIsDecorated(True)
        self.details.hide()
        self.buttons = QDialogButtonBox()
        self.stop_button = QPushButton(self.tr("&Stop sending"))
        self.stop_button.setAccessibleName(self.tr("Stop sending"))
        self.stop_button.setToolTip(self.tr("Stop after the request under way; the rest can be resumed."))
        self.stop_button.setAutoDefault(False)
        self.stop_button.clicked.connect(self.stop)
        self.close_button = QPushButton(self.tr("&Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        self.buttons.addButton(self.stop_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button.hide()  # after addButton, which shows it: only once sending is over
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.bar)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)
        self.resize(560, 260)

    # --- while sending ---------------------------------------------------------------
    @Slot()
    def stop(self) -> None:
        if not self.session.running:
            return
        self.session.stop()
        self.stop_button.setEnabled(False)
        self.heading.setText(self.tr("Stopping after the request under way…"))

    def show_closing(self) -> None:
        """The window waits for this session to stop before it closes."""
        self.stop_button.setEnabled(False)
        self.heading.setText(
            self.tr("Stopping after the request under way; the window closes then. Nothing is lost.")
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
            self.heading.setText(
                self.tr("Sending campaign {id}: “{subject}”").format(
                    id=campaign.id, subject=campaign.template.subject
                )
            )
        self._show_counts(started.counts)
        self.batches_label.setText(self.tr("starting…"))
        self.time_label.setText(self.tr("estimating…"))

    def _show_counts(self, counts: Counts) -> None:
        total = counts.total
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(total - counts.not_sent)
        self.counts_label.setText(counts_text(counts))

    def _progress(self, progress: SendProgress) -> None:
        self._show_counts(progress.counts)
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
        result = outcome.result
        self._show_counts(result.counts)
        if result.stop is StopReason.FINISHED:
            self.heading.setText(self.tr("Campaign {id}: sending finished.").format(id=outcome.campaign.id))
        else:
            self.heading.setText(
                self.tr("Campaign {id} stopped before the end.").format(id=outcome.campaign.id)
            )
        self.time_label.setText(
            counted(self.tr("{elapsed}, %n request(s)", "", result.requests), result.requests).format(
                elapsed=duration_text(result.elapsed)
            )
        )
        text = outcome_text(outcome)
        if outcome.last_detail and result.stop not in (StopReason.FINISHED, StopReason.CANCELLED):
            text += "\n" + texts.details_line(outcome.last_detail)
        self.summary_label.setText(text)
        self.summary_label.show()
        self.note.hide()
        self._list(outcome)
        self.shownOutcome.emit(outcome)

    def _list(self, outcome: SendOutcome) -> None:
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

    def _failed(self, exc: Exception) -> None:
        if self.session.campaign is None:
            self.heading.setText(self.tr("Nothing was sent."))
        else:
            self.heading.setText(
                self.tr("Campaign {id} stopped before the end.").format(id=self.session.campaign.id)
            )
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
