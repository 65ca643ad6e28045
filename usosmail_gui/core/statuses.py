"""Delivery statuses: polling USOS for them, keeping them in the journal, and what each
recipient's status is in plain terms.

USOS keeps a message's status for 7 days only, so the app collects statuses while it can
and keeps them in the journal; the GUI and the CLI read the journal, never USOS directly.

``poll_once`` is one poll cycle, written so that a QTimer-driven worker can call it once
per tick off the GUI thread (and ``watch`` loops it for ``usosmail status --watch``):

- it asks only about enqueued messages USOS has not finished with and that are not known
  to be expired, ``max_ids_per_request`` IDs per POST (10,000 messages → 20 requests);
- every answer is written to the journal as soon as its request returns, so a network
  failure half-way loses nothing already learnt;
- one message sent to several addresses gets one status: ``failed`` if any address
  failed (with every address's error), ``sent`` when all were sent, ``waiting`` otherwise;
- an ID USOS answers ``null`` for is ``expired``: USOS forgets a message after 7 days, and
  a message the server does not know (any more) can never be checked again. A message
  older than 7 days by the injected clock is marked expired without any request.

``next_interval`` is the pure polling policy: quick at first, backing off while nothing
changes, at once on a refresh, backing off further while offline, and ``None`` (stop)
once every message is finished or expired.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Protocol

from .campaign import Excluded
from .journal import Journal, RecipientRecord, RecipientState, StatusUpdate
from .sentences import Sentence
from .usos.errors import (
    CredentialsRejected,
    NotAdministrative,
    ProtocolError,
    ServerError,
    Unreachable,
    UsosError,
)
from .usos.models import DeliveryStatus, MessageStatus
from .usos.wire import RETENTION_DAYS

__all__ = [
    "DEFAULT_MAX_IDS",
    "RETENTION",
    "IntervalPolicy",
    "PollResult",
    "RecipientStatusView",
    "Status",
    "StatusClient",
    "StatusCounts",
    "campaign_counts",
    "campaign_statuses",
    "combine",
    "count_statuses",
    "next_interval",
    "poll_once",
    "watch",
]

DEFAULT_MAX_IDS = 500  # IDs per check_messages_status POST: keeps each request small
RETENTION = timedelta(days=RETENTION_DAYS)

EXPIRED_ERROR = (
    f"USOS no longer knows this message: it keeps statuses for {RETENTION_DAYS} days only "
    "(and shows them only to the consumer key that sent it). The last status seen is lost."
)
CREDENTIALS_STOP = (
    "USOS rejected the consumer key or secret, so statuses cannot be checked. Check the "
    "key and secret in Connection… (they must be the ones the campaign was sent with)."
)
NOT_ADMIN_STOP = (
    "This consumer key is not an administrative key, so USOS does not let it check "
    "statuses. Use the administrative key the campaign was sent with."
)


class Status(StrEnum):
    """One recipient's status as shown to staff and in reports."""

    WAITING = "waiting"  # enqueued; USOS has not sent it yet (or not checked yet)
    SENT = "sent"
    FAILED = "failed"  # with the reason
    UNCERTAIN = "uncertain"  # its send request's outcome is unknown (journal)
    REJECTED = "rejected"  # USOS refused it when sending (journal)
    EXPIRED = "expired"  # USOS forgot it (7 days) before it was finished
    NOT_SENT = "not_sent"  # never put in flight (interrupted campaign)
    EXCLUDED = "excluded"  # a row of the list left out (invalid or repeated address…): got nothing


class StatusClient(Protocol):
    """What the poller needs of ``MailingClient`` (a fake is enough in tests)."""

    def check_messages_status(self, message_ids: Sequence[str]) -> dict[str, MessageStatus | None]: ...


# --- the interval policy ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IntervalPolicy:
    """Seconds between polls: ``first`` after a change, times ``factor`` while nothing
    changes up to ``maximum``; offline, up to ``offline_maximum``."""

    first: float = 2.0
    factor: float = 2.0
    maximum: float = 60.0
    offline_maximum: float = 300.0


def next_interval(
    previous: float | None,
    *,
    changed: bool,
    all_finished: bool = False,
    offline: bool = False,
    refresh: bool = False,
    policy: IntervalPolicy = IntervalPolicy(),
) -> float | None:
    """Seconds until the next poll, or ``None``: stop, nothing is left to learn.

    A refresh (the user asked) is immediate; a change brings polling back to quick;
    no change, or no network, doubles the wait up to the cap.
    """
    if all_finished:
        return None
    if refresh:
        return 0.0
    if previous is None or (changed and not offline):
        return policy.first
    cap = policy.offline_maximum if offline else policy.maximum
    return min(cap, max(previous, policy.first) * policy.factor)


# --- one poll cycle -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PollResult:
    """What one poll cycle did.

    ``offline``: the server could not be reached (or answered 5xx): what was learnt before
    is kept, polling should go on with backoff. ``stop_reason``: plain words why polling
    cannot go on (credentials rejected, key not administrative); ``None`` otherwise.
    ``next_interval_hint``: seconds to the next poll by ``next_interval``; ``None``: stop.
    """

    checked: int
    changed: int
    expired: int
    requests: int
    all_finished: bool
    offline: bool = False
    error: str | None = None
    stop_reason: str | None = None
    next_interval_hint: float | None = None


def combine(message_id: str, status: MessageStatus) -> StatusUpdate:
    """One status for a message to one or more addresses: failed if any address failed
    (with the errors), sent when all were sent, waiting otherwise."""
    recipients = status.recipients
    failed = [r for r in recipients if r.status is DeliveryStatus.FAILED]
    if failed:
        errors = [f"{r.email}: {r.error}" if len(recipients) > 1 else (r.error or "") for r in failed]
        text = "; ".join(e for e in errors if e) or "USOS reports the message as failed (no reason given)."
        return StatusUpdate(message_id, Status.FAILED, text, status.finished)
    if recipients and all(r.status is DeliveryStatus.SENT for r in recipients):
        return StatusUpdate(message_id, Status.SENT, None, status.finished)
    return StatusUpdate(message_id, Status.WAITING, None, status.finished)


def _parse_time(text: str | None) -> datetime | None:
    if not text:
        return None
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def poll_once(
    journal: Journal,
    client: StatusClient,
    campaign: str,
    *,
    now: datetime | None = None,
    max_ids_per_request: int = DEFAULT_MAX_IDS,
    previous_interval: float | None = None,
    policy: IntervalPolicy = IntervalPolicy(),
) -> PollResult:
    """Ask USOS about every message of ``campaign`` still open and write what changed.

    ``now`` (aware; default: the current time) decides which messages are past USOS's
    7-day retention: those are marked expired without a request. ``previous_interval``
    feeds the hint for the next poll.
    """
    if max_ids_per_request < 1:
        raise ValueError("max_ids_per_request must be at least 1")
    moment = now or datetime.now(UTC)
    open_messages = journal.messages_to_poll(campaign)
    known = {mid: (status, error) for mid, _, status, error in open_messages}

    too_old: list[StatusUpdate] = []
    to_ask: list[str] = []
    for message_id, enqueued_at, _, _ in open_messages:
        enqueued = _parse_time(enqueued_at)
        if enqueued is not None and moment - enqueued >= RETENTION:
            too_old.append(StatusUpdate(message_id, Status.EXPIRED, EXPIRED_ERROR, False))
        else:
            to_ask.append(message_id)
    if too_old:
        journal.record_statuses(campaign, too_old)

    changed = len(too_old)
    expired = len(too_old)
    requests = 0
    offline = False
    error: str | None = None
    stop_reason: str | None = None
    unfinished = 0
    for start in range(0, len(to_ask), max_ids_per_request):
        chunk = to_ask[start : start + max_ids_per_request]
        requests += 1
        try:
            answer = client.check_messages_status(chunk)
        except (Unreachable, ServerError, ProtocolError) as exc:
            offline, error = True, str(exc)
            unfinished += len(to_ask) - start
            break
        except CredentialsRejected:
            stop_reason = CREDENTIALS_STOP
        except NotAdministrative:
            stop_reason = NOT_ADMIN_STOP
        except UsosError as exc:
            stop_reason = f"USOS refused to tell the statuses: {exc}"
        if stop_reason is not None:
            unfinished += len(to_ask) - start
            break
        updates: list[StatusUpdate] = []
        for message_id in chunk:
            status = answer.get(message_id)
            if status is None:
                update = StatusUpdate(message_id, Status.EXPIRED, EXPIRED_ERROR, False)
                expired += 1
            else:
                update = combine(message_id, status)
                if not update.finished:
                    unfinished += 1
            if known.get(message_id) != (update.status, update.error) or update.finished:
                changed += 1
            updates.append(update)
        journal.record_statuses(campaign, updates)  # at once: nothing learnt is lost

    all_finished = unfinished == 0 and stop_reason is None and not offline
    hint = None
    if stop_reason is None:
        hint = next_interval(
            previous_interval,
            changed=changed > 0,
            all_finished=all_finished,
            offline=offline,
            policy=policy,
        )
    return PollResult(
        checked=len(to_ask),
        changed=changed,
        expired=expired,
        requests=requests,
        all_finished=all_finished,
        offline=offline,
        error=error,
        stop_reason=stop_reason,
        next_interval_hint=hint,
    )


def watch(
    journal: Journal,
    client: StatusClient,
    campaign: str,
    *,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    on_result: Callable[[PollResult], None] | None = None,
    should_stop: Callable[[], bool] = lambda: False,
    max_ids_per_request: int = DEFAULT_MAX_IDS,
    policy: IntervalPolicy = IntervalPolicy(),
) -> PollResult:
    """Poll until every message is finished or expired (``usosmail status --watch``),
    sleeping the policy's intervals through ``sleep``; returns the last cycle's result.
    Stops early on a ``stop_reason`` or when ``should_stop()`` says so."""
    interval: float | None = None
    while True:
        result = poll_once(
            journal,
            client,
            campaign,
            now=clock(),
            max_ids_per_request=max_ids_per_request,
            previous_interval=interval,
            policy=policy,
        )
        if on_result is not None:
            on_result(result)
        interval = result.next_interval_hint
        if interval is None or should_stop():
            return result
        sleep(interval)
        if should_stop():
            return result


# --- what each recipient's status is --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RecipientStatusView:
    """One recipient as the status table and the reports show it."""

    row: int
    addresses: tuple[str, ...]
    values: dict[str, str]
    message_id: str | None
    status: Status
    error: str | None
    enqueued_at: str | None
    finished_at: str | None
    # the error as translatable sentences (core/sentences.py) when the app wrote it, e.g. why
    # a row was left out; empty for USOS's own words
    sentences: tuple[Sentence, ...] = field(default=(), compare=False)

    @property
    def email(self) -> str:
        return ", ".join(self.addresses)


def _view(record: RecipientRecord, moment: datetime) -> RecipientStatusView:
    error = record.error
    if record.state is RecipientState.REJECTED:
        status = Status.REJECTED
    elif record.state is RecipientState.UNCERTAIN:
        status = Status.UNCERTAIN
    elif record.state is not RecipientState.ENQUEUED:
        status, error = Status.NOT_SENT, None
    else:
        error = record.status_error
        try:
            status = Status(record.status) if record.status else Status.WAITING
        except ValueError:  # "unknown" or a value this version does not know
            status = Status.WAITING
        enqueued = _parse_time(record.enqueued_at)
        if (
            status is Status.WAITING
            and record.finished_at is None
            and enqueued is not None
            and moment - enqueued >= RETENTION
        ):  # too old to ask: shown as expired even before a poll marks it
            status, error = Status.EXPIRED, EXPIRED_ERROR
    return RecipientStatusView(
        row=record.row,
        addresses=record.addresses,
        values=dict(record.record),
        message_id=record.message_id,
        status=status,
        error=error,
        enqueued_at=record.enqueued_at,
        finished_at=record.finished_at,
    )


def _excluded_view(item: Excluded, email_column: str | None) -> RecipientStatusView:
    written = item.record.get(email_column, "").strip() if email_column else ""
    return RecipientStatusView(
        row=item.row,
        # the address as the list has it, even when it is not one (that may be the reason)
        addresses=item.addresses or ((written,) if written else ()),
        values=dict(item.record),
        message_id=None,
        status=Status.EXCLUDED,
        error=item.reason,
        enqueued_at=None,
        finished_at=None,
        sentences=item.sentences,
    )


def campaign_statuses(
    journal: Journal, campaign: str, *, now: datetime | None = None, excluded: bool = True
) -> list[RecipientStatusView]:
    """Every recipient of ``campaign`` with its status, from the journal alone, and (unless
    ``excluded`` is False) every row the campaign left out, in the sheet's row order."""
    moment = now or datetime.now(UTC)
    views = [_view(r, moment) for r in journal.recipients(campaign)]
    if excluded:
        left_out = journal.excluded(campaign)
        if left_out:
            email_column = journal.campaign(campaign).email_column
            views += (_excluded_view(item, email_column) for item in left_out)
            views.sort(key=lambda v: v.row)
    return views


@dataclass(frozen=True, slots=True)
class StatusCounts:
    waiting: int = 0
    sent: int = 0
    failed: int = 0
    uncertain: int = 0
    rejected: int = 0
    expired: int = 0
    not_sent: int = 0
    excluded: int = 0  # rows left out: not messages

    @property
    def messages(self) -> int:
        """Recipients a message was meant for (left-out rows not counted)."""
        finished = self.sent + self.failed + self.rejected + self.expired
        return finished + self.waiting + self.uncertain + self.not_sent

    def as_json(self) -> dict[str, int]:
        """The counts of ``usosmail status --json`` (docs/cli.md)."""
        return {
            "waiting": self.waiting,
            "sent": self.sent,
            "failed": self.failed,
            "uncertain": self.uncertain,
            "rejected": self.rejected,
            "expired": self.expired,
            "excluded": self.excluded,
        }


def campaign_counts(journal: Journal, campaign: str, views: Sequence[RecipientStatusView]) -> StatusCounts:
    """The counts of ``campaign``: of its ``views``, or, once its personal data is purged
    (no views are left), as kept then (core/retention.py)."""
    kept = journal.kept(campaign)
    if kept is None:
        return count_statuses(views)
    stored = kept.get("statuses")
    if not isinstance(stored, dict):
        return StatusCounts()
    known = {f.name for f in fields(StatusCounts)}
    return StatusCounts(**{k: v for k, v in stored.items() if k in known and isinstance(v, int)})


def count_statuses(views: Sequence[RecipientStatusView]) -> StatusCounts:
    numbers = {str(s): 0 for s in Status}
    for view in views:
        numbers[view.status] += 1
    return StatusCounts(**numbers)
