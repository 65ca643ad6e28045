"""The send loop: a campaign's pending recipients, batch by batch, through the journal.

For every request: the journal marks its recipients in flight and commits, the request
goes out, and its outcome is committed as soon as the answer (or the failure) arrives.
What each failure means, given that USOS has no idempotency key:

- the answer lists message IDs: enqueued. A ``false`` entry was *not* enqueued: that
  message is sent again alone (``send_simple_message``) to learn the reason (template
  mode: alone through ``send_simple_by_template``);
- HTTP 400 for a batch: the server refused the whole request and enqueued nothing, so
  each of its recipients is sent alone to find the culprit(s); 400 for one recipient
  alone: rejected, with the server's words;
- ``OutcomeUncertain`` (timeout, dropped connection, 5xx): the request may have been
  processed. Its recipients become *uncertain* and are never re-sent by this loop; the
  user decides (``choose_resend``). The loop goes on with the next batch, but stops after
  ``max_uncertain_in_a_row`` uncertain requests in a row (default 3): a server failing
  every request would otherwise turn the whole list into uncertain recipients the user
  must sort out by hand, while stopping leaves them pending and safe to resume;
- unreachable (nothing was sent), 401, 403, or any other refusal: the request's
  recipients go back to pending and the campaign stops, resumable, with the reason.

Cancelling is checked before every request, so a cancel never cuts a request in half.
``send_steps`` is a generator for a Qt worker (one ``SendProgress`` per request; close
it to cancel); ``send_campaign`` drives it with callbacks for the command line. The same
code path serves both. What a run reports (its progress, its result, why it stopped) is
``core.send_reports``, re-exported here.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Sequence
from typing import Protocol

from usosmail_gui.core.usos import wire
from usosmail_gui.core.usos.errors import (
    BadParameter,
    CredentialsRejected,
    NotAdministrative,
    OutcomeUncertain,
    Unreachable,
    UsosError,
)
from usosmail_gui.core.usos.models import (
    Enqueued,
    EnqueuedBatch,
    SimpleMessage,
    TemplateMessage,
    TemplateRecipient,
)

from .campaign import (
    PlannedBatch,
    SendMode,
    plan_batches,
    request_overhead,
    simple_message_of,
    template_message_of,
)
from .journal import (
    INTERRUPTED_REASON,
    BatchKind,
    CampaignClosed,
    CampaignRecord,
    CampaignState,
    CampaignSummary,
    Counts,
    Journal,
    JournalError,
    JournalFull,
    Outgoing,
    closed_words,
)
from .readiness import same_installation
from .send_reports import RequestReport, SendProgress, SendResult, SendResultJson, StopReason

__all__ = [
    "DEFAULT_MAX_UNCERTAIN_IN_A_ROW",
    "RequestReport",
    "SendProgress",
    "SendResult",
    "SendResultJson",
    "SendingClient",
    "StopReason",
    "interrupted_campaigns",
    "resend_uncertain",
    "send_campaign",
    "send_steps",
]

DEFAULT_MAX_UNCERTAIN_IN_A_ROW = 3


class SendingClient(Protocol):
    """The three send methods of ``MailingClient`` (a fake in tests)."""

    def send_simple_message(self, message: SimpleMessage) -> Enqueued: ...

    def send_simple_messages(self, messages: Sequence[SimpleMessage]) -> EnqueuedBatch: ...

    def send_simple_by_template(
        self, template: TemplateMessage, recipients: Sequence[TemplateRecipient]
    ) -> EnqueuedBatch: ...


class _Stop(Exception):
    """Ends the run after the current request; ``report``: what that request did."""

    def __init__(self, reason: StopReason, message: str, report: RequestReport | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.report = report


class _Run:
    """One sending session of one campaign (its lock held by the caller)."""

    def __init__(
        self,
        journal: Journal,
        client: SendingClient,
        campaign: CampaignRecord,
        clock: Callable[[], float],
        max_uncertain_in_a_row: int,
    ) -> None:
        self.journal = journal
        self.client = client
        # USOS's own user messages go into recorded reasons in the client's language
        lang = getattr(client, "lang", "en")
        self.lang = lang if isinstance(lang, str) else "en"
        self.campaign = campaign
        self.clock = clock
        self.max_uncertain = max(1, max_uncertain_in_a_row)
        self.started = clock()
        self.overhead = request_overhead(campaign.mode, campaign.template)
        self.counts = journal.counts(campaign.id)
        self.requests = 0
        self.batches_done = 0
        self.uncertain_in_a_row = 0
        self.finished_here = 0  # recipients given an outcome in this session (for the estimate)
        self.queue: deque[PlannedBatch] = deque()

    def plan(self) -> None:
        self.queue = deque(
            plan_batches(
                self.journal.pending_plan_items(self.campaign.id),
                batch_size=self.campaign.batch_size,
                max_body_bytes=self.campaign.max_body_bytes,
                overhead=self.overhead,
            )
        )

    def progress(self, last: RequestReport | None) -> SendProgress:
        elapsed = self.clock() - self.started
        remaining = None
        if self.finished_here:
            remaining = elapsed / self.finished_here * self.counts.not_sent
        return SendProgress(
            campaign=self.campaign.id,
            counts=self.counts,
            requests=self.requests,
            batches_done=self.batches_done,
            batches_total=self.batches_done + len(self.queue),
            elapsed=elapsed,
            remaining=remaining,
            last=last,
        )

    def _count(self, **delta: int) -> None:
        c = self.counts
        self.counts = Counts(
            pending=c.pending + delta.get("pending", 0),
            in_flight=c.in_flight + delta.get("in_flight", 0),
            enqueued=c.enqueued + delta.get("enqueued", 0),
            rejected=c.rejected + delta.get("rejected", 0),
            uncertain=c.uncertain + delta.get("uncertain", 0),
            undecided=c.undecided + delta.get("uncertain", 0),
        )

    # --- one request --------------------------------------------------------------------
    def send(self, batch: PlannedBatch) -> RequestReport:
        """Journal in flight, send, journal the outcome. Raises ``_Stop`` to end the run."""
        try:
            records = self.journal.outgoing(self.campaign.id, batch.seqs)
        except JournalError as exc:
            raise _Stop(*_journal_stop(exc, self.campaign.id, uncertain=0)) from None
        if not records:
            return RequestReport(BatchKind.BATCH, "", 0)
        mode = self.campaign.mode
        template = self.campaign.template
        alone = batch.solo or len(records) == 1
        kind = BatchKind.SINGLE if alone else BatchKind.BATCH
        request: Callable[[], Sequence[str | None]]
        if mode is SendMode.MESSAGES:
            messages = [self._simple(r) for r in records]
            if batch.solo:
                method = wire.SEND_SIMPLE_MESSAGE
                request = lambda: (self.client.send_simple_message(messages[0]).message_id,)  # noqa: E731
            else:
                method = wire.SEND_SIMPLE_MESSAGES
                request = lambda: self.client.send_simple_messages(messages).message_ids  # noqa: E731
        else:
            message = template_message_of(template)
            recipients = [TemplateRecipient(r.addresses[0], dict(r.params or {})) for r in records]
            method = wire.SEND_SIMPLE_BY_TEMPLATE
            request = lambda: self.client.send_simple_by_template(message, recipients).message_ids  # noqa: E731
        seqs = [r.seq for r in records]
        size = len(seqs)
        try:
            batch_id = self.journal.start_batch(
                self.campaign.id, seqs, kind=kind, method=method, body_bytes=batch.body_bytes
            )
        except JournalError as exc:  # not recorded, so not sent
            raise _Stop(*_journal_stop(exc, self.campaign.id, uncertain=0)) from None
        self._count(pending=-size, in_flight=size)
        self.requests += 1
        try:
            return self._outcome(batch_id, kind, method, records, request, alone)
        except JournalError as exc:
            # the request went out (or failed) and what became of it could not be recorded
            try:
                self.journal.batch_uncertain(batch_id, UNRECORDED_REASON)
            except JournalError:
                pass  # left in flight: the next open of the journal makes it uncertain
            self._count(in_flight=-size, uncertain=size)
            reason, words = _journal_stop(exc, self.campaign.id, uncertain=size)
            report = RequestReport(kind, method, size, uncertain=size, detail=str(exc))
            raise _Stop(reason, words, report) from None

    def _outcome(
        self,
        batch_id: int,
        kind: BatchKind,
        method: str,
        records: Sequence[Outgoing],
        request: Callable[[], Sequence[str | None]],
        alone: bool,
    ) -> RequestReport:
        """Send the request of batch ``batch_id`` (in flight) and record its outcome."""
        mode = self.campaign.mode
        seqs = [r.seq for r in records]
        size = len(seqs)
        try:
            ids = request()
        except OutcomeUncertain as exc:
            return self._uncertain(batch_id, kind, method, size, exc.described(self.lang))
        except BadParameter as exc:
            self.uncertain_in_a_row = 0
            why = exc.described(self.lang)
            if alone:
                self.journal.batch_rejected(batch_id, why)
                self._count(in_flight=-size, rejected=size)
                self.finished_here += size
                return RequestReport(kind, method, size, rejected=size, detail=why)
            self.journal.batch_not_sent(batch_id, why, refused=True)
            self._count(in_flight=-size, pending=size)
            self._alone_next(seqs, records)
            return RequestReport(kind, method, size, not_sent=size, detail=why)
        except (Unreachable, CredentialsRejected, NotAdministrative) as exc:
            reason = (
                StopReason.UNREACHABLE
                if isinstance(exc, Unreachable)
                else StopReason.CREDENTIALS_REJECTED
                if isinstance(exc, CredentialsRejected)
                else StopReason.NOT_ADMINISTRATIVE
            )
            raise self._not_sent(batch_id, kind, method, size, reason, exc.described(self.lang)) from None
        except UsosError as exc:
            why = exc.described(self.lang)
            if exc.http_status is not None and exc.http_status < 500:
                # refused before processing (a redirect, 404, 413, 429…): nothing enqueued
                raise self._not_sent(batch_id, kind, method, size, StopReason.REFUSED, why) from None
            return self._uncertain(batch_id, kind, method, size, why)
        except BaseException:
            # interrupted mid-request (Ctrl+C, a bug): it may have reached the server
            self.journal.batch_uncertain(batch_id, INTERRUPTED_REASON)
            self._count(in_flight=-size, uncertain=size)
            raise
        self.uncertain_in_a_row = 0
        # ``false`` from a request that was already alone and by template is the final
        # answer (nothing else tells the reason); otherwise that message is sent alone next
        final = alone and mode is SendMode.TEMPLATE
        not_enqueued = self.journal.batch_answered(
            batch_id, list(zip(seqs, ids, strict=True)), false_is_final=final
        )
        enqueued, missing = size - len(not_enqueued), len(not_enqueued)
        self.finished_here += enqueued
        if final:
            self._count(in_flight=-size, enqueued=enqueued, rejected=missing)
            self.finished_here += missing
            return RequestReport(kind, method, size, enqueued=enqueued, rejected=missing)
        self._count(in_flight=-size, enqueued=enqueued, pending=missing)
        self._alone_next(not_enqueued, records)
        return RequestReport(kind, method, size, enqueued=enqueued, not_sent=missing)

    def _simple(self, record: Outgoing) -> SimpleMessage:
        assert record.subject is not None and record.content is not None
        return simple_message_of(self.campaign.template, record.subject, record.content, record.addresses)

    def _alone_next(self, seqs: Sequence[int], records: Sequence[Outgoing]) -> None:
        """Send each of ``seqs`` alone, right after this request."""
        sizes = {r.seq: r.body_bytes for r in records}
        for seq in reversed(seqs):
            self.queue.appendleft(PlannedBatch((seq,), self.overhead + sizes[seq], solo=True))

    def _uncertain(
        self, batch_id: int, kind: BatchKind, method: str, size: int, reason: str
    ) -> RequestReport:
        self.journal.batch_uncertain(batch_id, reason)
        self._count(in_flight=-size, uncertain=size)
        self.finished_here += size
        self.uncertain_in_a_row += 1
        report = RequestReport(kind, method, size, uncertain=size, detail=reason)
        if self.uncertain_in_a_row >= self.max_uncertain:
            raise _Stop(
                StopReason.TOO_MANY_UNCERTAIN,
                f"{self.uncertain_in_a_row} requests in a row failed in a way that leaves their "
                f"messages uncertain (last: {reason}). Sending stopped so that no more messages "
                "become uncertain; the rest are kept and nothing was lost. Try again later with "
                f"`usosmail resume {self.campaign.id}`, and decide about the uncertain ones then.",
                report,
            )
        return report

    def _not_sent(
        self, batch_id: int, kind: BatchKind, method: str, size: int, reason: StopReason, detail: str
    ) -> _Stop:
        """Nothing was enqueued: back to pending; the ``_Stop`` to raise."""
        self.journal.batch_not_sent(batch_id, detail)
        self._count(in_flight=-size, pending=size)
        report = RequestReport(kind, method, size, not_sent=size, detail=detail)
        return _Stop(reason, _stop_words(reason, detail, self.campaign.id), report)


UNRECORDED_REASON = (
    "The journal could not record what USOS answered to this request (its disk was full, or it "
    "could not be written), so the message may or may not have been enqueued."
)


def _journal_stop(exc: JournalError, campaign: str, *, uncertain: int) -> tuple[StopReason, str]:
    """Why sending stops when the journal cannot record, in plain words."""
    resume = f"`usosmail resume {campaign}`"
    last = (
        f" The last request ({uncertain:,} message(s)) went out, but what USOS answered could not be "
        "recorded, so those messages are uncertain: they are never sent again by themselves."
        if uncertain
        else ""
    )
    if isinstance(exc, JournalFull):
        return StopReason.DISK_FULL, (
            f"The disk holding the journal is full, so sending stopped.{last} Nothing more was sent. "
            f"Free space on the disk, then resume with {resume}."
        )
    return StopReason.JOURNAL, (
        f"{exc} Sending stopped.{last} Nothing more was sent; once the journal can be used again, "
        f"{resume} sends the rest."
    )


def _stop_words(reason: StopReason, detail: str, campaign: str) -> str:
    resume = f"Nothing was lost: the rest waits, and `usosmail resume {campaign}` sends it."
    return {
        StopReason.UNREACHABLE: f"USOS could not be reached ({detail}). Check the network, then resume. "
        + resume,
        StopReason.CREDENTIALS_REJECTED: "USOS rejected the consumer key or secret. Check them (and "
        "this computer's clock), then resume. " + resume,
        StopReason.NOT_ADMINISTRATIVE: "This consumer key is not an Administrative Consumer Key, which "
        "sending mail requires. Ask your USOS API administrators for one, then resume. " + resume,
        StopReason.REFUSED: f"USOS refused the request ({detail}). " + resume,
    }.get(reason, detail)


def _final_words(reason: StopReason, counts: Counts, campaign: str) -> str:
    if reason is StopReason.CANCELLED:
        return (
            f"Sending was stopped before the end. {counts.not_sent:,} recipient(s) were not sent; "
            f"`usosmail resume {campaign}` sends them."
        )
    parts = [f"{counts.enqueued:,} of {counts.total:,} message(s) enqueued by USOS."]
    if counts.rejected:
        parts.append(f"{counts.rejected:,} refused by USOS (the reason is recorded for each).")
    if counts.uncertain:
        parts.append(
            f"{counts.uncertain:,} uncertain: their request may or may not have reached USOS, so "
            "they were not sent again. Check with the recipients or USOS, and send again only "
            "those you choose."
        )
    return " ".join(parts)


def send_steps(
    journal: Journal,
    client: SendingClient,
    campaign: str,
    *,
    cancelled: Callable[[], bool] | None = None,
    clock: Callable[[], float] = time.monotonic,
    max_uncertain_in_a_row: int = DEFAULT_MAX_UNCERTAIN_IN_A_ROW,
) -> Generator[SendProgress, None, SendResult]:
    """Send what ``campaign`` has pending; yields progress after every request and
    returns the ``SendResult``. Cancel with ``cancelled()`` (checked before each request)
    or by closing the generator between two steps: both leave the campaign resumable.

    Raises ``CampaignBusy`` when another sender holds the campaign, ``CampaignClosed`` when
    the user closed it, ``ValueError`` when ``client`` talks to another installation than
    the campaign's.
    """
    record = journal.campaign(campaign)
    client_url = getattr(client, "base_url", None)
    if isinstance(client_url, str) and not same_installation(client_url, record.installation):
        raise ValueError(
            f"Campaign {campaign} belongs to {record.installation}, but the connection is to "
            f"{client_url}. Connect to {record.installation} to send it."
        )
    lock = journal.lock_campaign(campaign)
    record = journal.campaign(campaign)  # as it is now that nobody else can close or send it
    if record.closed_at is not None:
        lock.release()
        raise CampaignClosed(closed_words(record))
    try:
        journal.recover_locked(campaign)  # a crash of an earlier sender, not yet recovered
        journal.set_campaign_state(campaign, CampaignState.SENDING)
        run = _Run(journal, client, record, clock, max_uncertain_in_a_row)
        ended: tuple[CampaignState, str | None] | None = None
        try:
            stop: _Stop | None = None
            while stop is None:
                try:
                    run.plan()
                except JournalError as exc:
                    stop = _Stop(*_journal_stop(exc, campaign, uncertain=0))
                    break
                if not run.queue:
                    break
                while run.queue:
                    if cancelled is not None and cancelled():
                        stop = _Stop(StopReason.CANCELLED, "")
                        break
                    batch = run.queue.popleft()
                    report: RequestReport | None
                    try:
                        report = run.send(batch)
                    except _Stop as raised:
                        stop, report = raised, raised.report
                    run.batches_done += 1
                    yield run.progress(report)
                    if stop is not None:
                        break
            final = stop.reason if stop is not None else StopReason.FINISHED
            try:
                counts = journal.counts(campaign)
            except JournalError:
                counts = run.counts  # what this session counted: the journal cannot be read now
            if counts.in_flight and final in (StopReason.DISK_FULL, StopReason.JOURNAL):
                counts = run.counts  # in flight in the file, uncertain in fact (see _journal_stop)
            words = (
                stop.message if stop is not None and stop.message else _final_words(final, counts, campaign)
            )
            ended = (
                (CampaignState.DONE, None) if final is StopReason.FINISHED else (CampaignState.STOPPED, words)
            )
            return SendResult(campaign, counts, final, words, run.requests, clock() - run.started)
        finally:
            try:
                if ended is None:  # closed between two steps (cancelled), or an error
                    words = _final_words(StopReason.CANCELLED, journal.counts(campaign), campaign)
                    journal.set_campaign_state(campaign, CampaignState.STOPPED, words)
                else:
                    journal.set_campaign_state(campaign, *ended)
            except JournalError:  # the journal itself failed (a full disk): the next open recovers
                pass
    finally:
        lock.release()


def send_campaign(
    journal: Journal,
    client: SendingClient,
    campaign: str,
    *,
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[SendProgress], None] | None = None,
    clock: Callable[[], float] = time.monotonic,
    max_uncertain_in_a_row: int = DEFAULT_MAX_UNCERTAIN_IN_A_ROW,
) -> SendResult:
    """``send_steps`` driven to the end, calling ``progress`` after every request."""
    steps = send_steps(
        journal,
        client,
        campaign,
        cancelled=cancelled,
        clock=clock,
        max_uncertain_in_a_row=max_uncertain_in_a_row,
    )
    while True:
        try:
            step = next(steps)
        except StopIteration as done:
            result: SendResult = done.value
            return result
        if progress is not None:
            progress(step)


def resend_uncertain(journal: Journal, campaign: str, seqs: Iterable[int]) -> int:
    """The user's explicit choice: these uncertain recipients are sent again (each alone)
    by the next ``send_campaign``. Returns how many were uncertain and now wait."""
    return journal.choose_resend(campaign, seqs)


def interrupted_campaigns(journal: Journal) -> list[CampaignSummary]:
    """Campaigns with recipients never sent, or uncertain ones with no decision; newest first."""
    return journal.interrupted()
