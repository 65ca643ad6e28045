"""Sending a campaign: a new one (its draft made in the worker), the rest of an
interrupted one, or a test; finding interrupted campaigns; leaving uncertain recipients
as they are.

``send_job`` is the core's ``send_steps`` (the same loop ``usosmail send`` runs) wrapped
with the pre-flight check, the campaign's creation (or, for a resume, the user's choice of
uncertain recipients) and, at the end, the lists the summary shows. Stopping is a
``threading.Event`` passed to ``send_steps`` as ``cancelled``: the loop looks at it before
every request, so a stop never cuts a request in half and the campaign stays resumable.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass

from usosmail_gui.core.campaign import CampaignDraft
from usosmail_gui.core.credentials import Credentials
from usosmail_gui.core.journal import CampaignRecord, CampaignSummary, Counts, RecipientRecord, RecipientState
from usosmail_gui.core.send_reports import SendProgress, SendResult
from usosmail_gui.core.sending import interrupted_campaigns, resend_uncertain, send_steps
from usosmail_gui.core.usos.connection import ConnectionReport

from .collaborators import ClientFactory, JournalFactory, mailing_client, open_journal, read_journal

__all__ = [
    "CampaignStarted",
    "Check",
    "Interrupted",
    "PreflightFailed",
    "SendOutcome",
    "SendRequest",
    "StoppedBeforeStart",
    "find_interrupted",
    "leave_uncertain",
    "send_job",
]

Check = Callable[[str, str, str], ConnectionReport]
"""``check_connection(base_url, consumer_key, consumer_secret)``: the pre-flight check."""



# --- what the use cases take and give ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class SendRequest:
    """One sending session: a new campaign (``draft``, built in the worker) or an existing
    one (``campaign``), sent with ``credentials`` to ``base_url``.

    ``resend``: seqs of uncertain recipients the user explicitly chose to send again;
    ``check``: the pre-flight connection check (None: skip it). Its repr never shows the
    secret (``Credentials`` hides it).
    """

    base_url: str
    credentials: Credentials
    draft: Callable[[], CampaignDraft] | None = None
    campaign: str | None = None
    resend: tuple[int, ...] = ()
    check: Check | None = None
    lang: str = "en"  # the UI's: USOS's own user messages are recorded in it

    def __post_init__(self) -> None:
        if (self.draft is None) == (self.campaign is None):
            raise ValueError("A send request needs exactly one of draft and campaign.")


@dataclass(frozen=True, slots=True)
class CampaignStarted:
    """Yielded once the campaign is in the journal, before its first request."""

    campaign: CampaignRecord
    counts: Counts


@dataclass(frozen=True, slots=True)
class SendOutcome:
    """How a session ended; ``rejected``/``uncertain``: the recipients the summary lists
    (uncertain ones only if no decision was taken about them)."""

    campaign: CampaignRecord
    result: SendResult
    rejected: tuple[RecipientRecord, ...]
    uncertain: tuple[RecipientRecord, ...]
    last_detail: str = ""  # the last request's own words (why it stopped), for "Details"


@dataclass(frozen=True, slots=True)
class Interrupted:
    """An interrupted campaign and its uncertain recipients nobody decided about yet."""

    summary: CampaignSummary
    uncertain: tuple[RecipientRecord, ...]

    @property
    def campaign(self) -> CampaignRecord:
        return self.summary.campaign

    @property
    def counts(self) -> Counts:
        return self.summary.counts


class PreflightFailed(Exception):
    """The connection check before sending failed: nothing was stored or sent."""

    def __init__(self, report: ConnectionReport) -> None:
        super().__init__(report.explanation())
        self.report = report


class StoppedBeforeStart(Exception):
    """The user stopped before the campaign was stored: nothing was stored or sent."""


# --- the use cases (the GUI runs them in workers) ----------------------------------------


def send_job(
    request: SendRequest,
    stop: threading.Event,
    *,
    journals: JournalFactory = open_journal,
    clients: ClientFactory = mailing_client,
) -> Generator[CampaignStarted | SendProgress, None, SendOutcome]:
    """Check the connection, store the campaign (or take the user's resend choice), then
    ``send_steps`` until done or ``stop``; returns what the summary shows.

    Raises ``PreflightFailed``, ``StoppedBeforeStart``, ``CampaignBusy``, ``JournalError``,
    ``CampaignError`` (a draft that cannot be made) or ``ValueError`` (another installation).
    """
    key, secret = request.credentials.consumer_key, request.credentials.consumer_secret
    if request.check is not None:
        report = request.check(request.base_url, key, secret)
        if not report.ok:
            raise PreflightFailed(report)
    if stop.is_set():
        raise StoppedBeforeStart()
    with journals() as journal:
        if request.draft is not None:
            draft = request.draft()
            if stop.is_set():
                raise StoppedBeforeStart()
            record = journal.create_campaign(draft)
        else:
            assert request.campaign is not None
            record = journal.campaign(request.campaign)
            journal.lock_campaign(record.id).release()  # CampaignBusy before anything changes
            if request.resend:
                resend_uncertain(journal, record.id, request.resend)
        yield CampaignStarted(record, journal.counts(record.id))
        last_detail = ""
        with clients(request.base_url, key, secret, lang=request.lang) as client:
            steps = send_steps(journal, client, record.id, cancelled=stop.is_set)
            try:
                while True:
                    try:
                        step = next(steps)
                    except StopIteration as done:
                        result: SendResult = done.value
                        break
                    if step.last is not None and step.last.detail:
                        last_detail = step.last.detail
                    yield step  # a quit (Task.cancel) lands here: between two requests
            finally:
                steps.close()  # stopped, lock released, while the journal is still open
        rejected = tuple(journal.recipients(record.id, [RecipientState.REJECTED]))
        uncertain = tuple(
            r for r in journal.recipients(record.id, [RecipientState.UNCERTAIN]) if r.decision is None
        )
        return SendOutcome(journal.campaign(record.id), result, rejected, uncertain, last_detail)


def find_interrupted(*, journals: JournalFactory = read_journal) -> list[Interrupted]:
    """Interrupted campaigns, newest first, with their undecided uncertain recipients (from
    a journal that cannot be written too: they are shown, and resuming then says why not)."""
    from usosmail_gui.core.retention import purge_due

    with journals() as journal:
        purge_due(journal)  # the retention period, honoured at every start
        found = []
        for summary in interrupted_campaigns(journal):
            uncertain = tuple(
                r
                for r in journal.recipients(summary.campaign.id, [RecipientState.UNCERTAIN])
                if r.decision is None
            )
            found.append(Interrupted(summary, uncertain))
        return found


def leave_uncertain(campaign: str, seqs: Sequence[int], *, journals: JournalFactory = open_journal) -> int:
    """The user's choice: these uncertain recipients stay as they are (not sent again)."""
    with journals() as journal:
        return journal.leave_uncertain(campaign, seqs)
