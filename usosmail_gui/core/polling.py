"""Polling USOS for delivery statuses and keeping them in the journal (what each
recipient's status then is in plain terms: core/statuses.py).

USOS keeps a message's status for 7 days only, so the app collects statuses while it can
and keeps them in the journal; the GUI and the CLI read the journal, never USOS directly.

``poll_once`` is one poll cycle, written so that a QTimer-driven worker can call it once
per tick off the GUI thread (and ``watch`` loops it for ``usosmail status --watch``):

- it asks only about enqueued messages USOS has not finished with and that are not known
  to be expired, ``max_ids_per_request`` IDs per POST (10,000 messages → 20 requests);
- every answer is written to the journal as soon as its request returns, so a network
  failure half-way loses nothing already learnt;
- one message sent to several addresses gets one status: ``failed`` if any address
  failed (with every address's error), ``sent`` when all were sent, ``waiting`` while
  USOS says it waits;
- nothing is ever folded into "waiting" (D5): a message USOS has finished with but for
  which ``check_messages_status`` gives no per-recipient detail the app understands is
  asked about once with ``check_message_status`` (its "detailed status"; at most
  ``max_detail_requests`` per cycle, ``max_in_flight`` at a time, the rest next cycle);
  when neither says more it is "finished — USOS gave no details" (``no_detail``), and a
  status value the app does not know is kept raw (``unknown``), shown as such;
- an ID USOS answers ``null`` for is ``expired``: USOS forgets a message after 7 days, and
  a message the server does not know (any more) can never be checked again. A strict
  installation refuses the whole request over one such ID instead: the chunk is split in
  halves until the others have their statuses and only the stale one (confirmed by the
  singular method) is expired, within ``max_split_requests`` extra requests a cycle. A
  message older than 7 days by the injected clock is marked expired without any request;
- only what changed is written: a 10,000-message cycle in which nothing moved costs the
  journal nothing.

``next_interval`` is the pure polling policy: quick at first, backing off while nothing
changes, at once on a refresh, backing off further while offline, and ``None`` (stop)
once every message is finished or expired.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from .journal import Journal, StatusUpdate
from .statuses import (
    DETAIL_PENDING_ERROR,
    EXPIRED_ERROR,
    NO_DETAIL_ERROR,
    RAW_PREFIX,
    RETENTION,
    Status,
    parse_time,
)
from .usos.errors import (
    BadParameter,
    CredentialsRejected,
    NotAdministrative,
    NotFound,
    ProtocolError,
    ServerError,
    Unreachable,
    UsosError,
)
from .usos.models import DeliveryStatus, MessageStatus
from .usos.wire import P_MESSAGE_IDS

__all__ = [
    "DEFAULT_MAX_IDS",
    "IntervalPolicy",
    "PollResult",
    "StatusClient",
    "combine",
    "next_interval",
    "poll_once",
    "watch",
]

DEFAULT_MAX_IDS = 500  # IDs per check_messages_status POST: keeps each request small
DEFAULT_MAX_DETAIL = 250  # check_message_status requests a cycle, for messages with no detail
DEFAULT_IN_FLIGHT = 4  # of those, at most this many at a time
DEFAULT_MAX_SPLIT = 64  # extra requests a cycle to isolate IDs a strict installation refuses

CREDENTIALS_STOP = (
    "USOS rejected the consumer key or secret, so statuses cannot be checked. Check the "
    "key and secret in Connection… (they must be the ones the campaign was sent with)."
)
NOT_ADMIN_STOP = (
    "This consumer key is not an administrative key, so USOS does not let it check "
    "statuses. Use the administrative key the campaign was sent with."
)


class StatusClient(Protocol):
    """What the poller needs of ``MailingClient``."""

    def check_messages_status(self, message_ids: Sequence[str]) -> dict[str, MessageStatus | None]: ...

    def check_message_status(self, message_id: str) -> MessageStatus: ...


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
    detail_requests: int = 0  # of ``requests``: check_message_status for finished messages
    split_requests: int = 0  # of ``requests``: extra ones to isolate IDs a strict server refused


_UNDERSTOOD = frozenset({DeliveryStatus.WAITING, DeliveryStatus.SENT, DeliveryStatus.FAILED})


def needs_detail(status: MessageStatus) -> bool:
    """USOS has finished with the message but said nothing per recipient that the app
    understands: ask the singular method (D5) before calling it anything."""
    return status.finished and not any(r.status in _UNDERSTOOD for r in status.recipients)


def combine(message_id: str, status: MessageStatus) -> StatusUpdate:
    """One status for a message to one or more addresses: failed if any address failed
    (with the errors), sent when all were sent, waiting while USOS says so; a value the
    app does not know stays raw (``raw:…``), and a finished message with no detail is
    ``no_detail``. Never "waiting" for a message USOS has finished with."""
    recipients = status.recipients
    if len(recipients) == 1:  # the common case, kept quick: a cycle combines 10,000
        only = recipients[0].status
        if only is DeliveryStatus.SENT:
            return StatusUpdate(message_id, Status.SENT, None, status.finished)
        if only is DeliveryStatus.WAITING:
            return StatusUpdate(message_id, Status.WAITING, None, status.finished)
    several = len(recipients) > 1
    failed = [r for r in recipients if r.status is DeliveryStatus.FAILED]
    if failed:
        errors = [
            f"{r.email}: {r.error or 'failed (no reason given)'}" if several else (r.error or "")
            for r in failed
        ]
        text = "; ".join(e for e in errors if e) or "USOS reports the message as failed (no reason given)."
        return StatusUpdate(message_id, Status.FAILED, text, status.finished)
    unknown = [r for r in recipients if r.status not in _UNDERSTOOD]
    if unknown:
        raw = ", ".join(dict.fromkeys(r.raw_status or "(none)" for r in unknown))
        errors = [f"{r.email}: {r.error}" if several else r.error for r in unknown if r.error]
        error = "; ".join(e for e in errors if e) or None
        return StatusUpdate(message_id, RAW_PREFIX + raw, error, status.finished)
    if recipients and all(r.status is DeliveryStatus.SENT for r in recipients):
        return StatusUpdate(message_id, Status.SENT, None, status.finished)
    if status.finished and not recipients:
        return StatusUpdate(message_id, Status.NO_DETAIL, NO_DETAIL_ERROR, True)
    return StatusUpdate(message_id, Status.WAITING, None, status.finished)


class _Cycle:
    """One poll cycle's requests and what they taught; ``poll_once`` is its driver."""

    def __init__(
        self,
        client: StatusClient,
        *,
        max_detail: int,
        in_flight: int,
        max_split: int,
    ) -> None:
        self.client = client
        self.max_detail = max_detail
        self.in_flight = max(1, in_flight)
        self.split_left = max_split
        self.requests = 0
        self.detail_requests = 0
        self.split_requests = 0
        self.offline_error: str | None = None
        self.stop_reason: str | None = None
        self.unresolved: list[str] = []  # refused IDs left for the next cycle
        self.from_singular: set[str] = set()  # answered by check_message_status already
        self._lock = threading.Lock()  # detail requests run on a few threads at once

    # --- the plural method, split when a strict server refuses a chunk --------------------
    def statuses(self, ids: Sequence[str], *, split: bool = False) -> dict[str, MessageStatus | None]:
        self.requests += 1
        if split:
            self.split_requests += 1
        try:
            return self.client.check_messages_status(ids)
        except (Unreachable, ServerError, ProtocolError) as exc:
            self.offline_error = str(exc)
        except CredentialsRejected:
            self.stop_reason = CREDENTIALS_STOP
        except NotAdministrative:
            self.stop_reason = NOT_ADMIN_STOP
        except (NotFound, BadParameter) as exc:
            if isinstance(exc, BadParameter) and exc.param_name not in (None, P_MESSAGE_IDS):
                self.stop_reason = f"USOS refused to tell the statuses: {exc}"
            else:
                return self._split(ids)
        except UsosError as exc:
            self.stop_reason = f"USOS refused to tell the statuses: {exc}"
        return {}

    def _split(self, ids: Sequence[str]) -> dict[str, MessageStatus | None]:
        """The whole request was refused over an unknown ID (a strict installation)."""
        if len(ids) == 1:
            try:
                status = self.detail(ids[0], split=True)
            except _Unresolved:
                return {}
            self.from_singular.add(ids[0])
            return {ids[0]: status}
        if self.split_left < 2:
            self.unresolved.extend(ids)
            return {}
        self.split_left -= 2
        middle = len(ids) // 2
        found: dict[str, MessageStatus | None] = {}
        for half in (ids[:middle], ids[middle:]):
            if self.blocked:
                self.unresolved.extend(half)
                continue
            found.update(self.statuses(half, split=True))
        return found

    @property
    def blocked(self) -> bool:
        return self.offline_error is not None or self.stop_reason is not None

    # --- the singular method --------------------------------------------------------------
    def detail(self, message_id: str, *, split: bool = False) -> MessageStatus | None:
        """``check_message_status``: the status, or ``None`` when USOS does not know the ID."""
        with self._lock:
            self.requests += 1
            if split:
                self.split_requests += 1
            else:
                self.detail_requests += 1
        try:
            return self.client.check_message_status(message_id)
        except NotFound:
            return None
        except UsosError as exc:
            with self._lock:
                if isinstance(exc, (Unreachable, ServerError, ProtocolError)):
                    self.offline_error = str(exc)
                elif isinstance(exc, CredentialsRejected):
                    self.stop_reason = CREDENTIALS_STOP
                elif isinstance(exc, NotAdministrative):
                    self.stop_reason = NOT_ADMIN_STOP
                else:
                    self.stop_reason = f"USOS refused to tell the status of message {message_id}: {exc}"
                self.unresolved.append(message_id)
        raise _Unresolved

    def details(self, message_ids: Sequence[str]) -> dict[str, MessageStatus | None]:
        """The detailed status of each, ``in_flight`` at a time; those that could not be
        asked (the network went, the budget ran out) are left out."""
        wanted = list(message_ids[: max(0, self.max_detail)])
        found: dict[str, MessageStatus | None] = {}

        def one(message_id: str) -> tuple[str, MessageStatus | None] | None:
            if self.blocked:
                return None
            try:
                return message_id, self.detail(message_id)
            except _Unresolved:
                return None

        if self.in_flight == 1 or len(wanted) < 2:
            results: Iterable[tuple[str, MessageStatus | None] | None] = map(one, wanted)
        else:
            with ThreadPoolExecutor(self.in_flight, thread_name_prefix="usos-status-detail") as pool:
                results = list(pool.map(one, wanted))
        for item in results:
            if item is not None:
                found[item[0]] = item[1]
        return found


def _one_ahead(
    cycle: _Cycle, chunks: Sequence[Sequence[str]]
) -> Iterator[tuple[Sequence[str], dict[str, MessageStatus | None]]]:
    """Each chunk with its answer, the next request already under way while the caller
    writes this one's: the server's and the network's time overlap the app's own. Stops
    asking once the cycle is blocked (offline, refused)."""
    if not chunks:
        return
    with ThreadPoolExecutor(1, thread_name_prefix="usos-status-ahead") as pool:
        future = pool.submit(cycle.statuses, chunks[0])
        for index, chunk in enumerate(chunks):
            answer = future.result()
            if index + 1 < len(chunks) and not cycle.blocked:
                future = pool.submit(cycle.statuses, chunks[index + 1])
            yield chunk, answer
            if cycle.blocked:
                return


_NOT_ASKED = MessageStatus(False)  # a marker: the answer did not include this ID
_WAITING_KNOWN = (Status.WAITING.value, None)


class _Unresolved(Exception):
    """A singular request failed; its ID stays as it was for the next cycle."""


def poll_once(
    journal: Journal,
    client: StatusClient,
    campaign: str,
    *,
    now: datetime | None = None,
    max_ids_per_request: int = DEFAULT_MAX_IDS,
    previous_interval: float | None = None,
    policy: IntervalPolicy = IntervalPolicy(),
    max_detail_requests: int = DEFAULT_MAX_DETAIL,
    max_in_flight: int = DEFAULT_IN_FLIGHT,
    max_split_requests: int = DEFAULT_MAX_SPLIT,
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
    awaiting: list[str] = []  # finished, their details still to be asked for
    old: dict[str | None, bool] = {}  # per enqueue time (a batch's messages share one)
    for message_id, enqueued_at, stored, _ in open_messages:
        past = old.get(enqueued_at)
        if past is None:
            enqueued = parse_time(enqueued_at)
            past = old[enqueued_at] = enqueued is not None and moment - enqueued >= RETENTION
        if past:
            too_old.append(StatusUpdate(message_id, Status.EXPIRED, EXPIRED_ERROR, False))
        elif stored == Status.DETAIL_PENDING:
            awaiting.append(message_id)
        else:
            to_ask.append(message_id)
    checked = len(to_ask) + len(awaiting)

    changed = 0
    expired = len(too_old)
    unfinished = 0

    def write(updates: Sequence[StatusUpdate]) -> None:
        """Only what changed, or what is final (it then leaves the set polled)."""
        nonlocal changed
        news = [u for u in updates if u.finished or known.get(u.message_id) != (u.status, u.error)]
        if news:
            journal.record_statuses(campaign, news)  # at once: nothing learnt is lost
            changed += len(news)

    write(too_old)
    cycle = _Cycle(
        client, max_detail=max_detail_requests, in_flight=max_in_flight, max_split=max_split_requests
    )
    chunks = [to_ask[i : i + max_ids_per_request] for i in range(0, len(to_ask), max_ids_per_request)]
    asked = 0
    known_get = known.get
    for chunk, answer in _one_ahead(cycle, chunks):
        asked += len(chunk)
        updates: list[StatusUpdate] = []
        answer_get = answer.get
        for message_id in chunk:
            status = answer_get(message_id, _NOT_ASKED)
            if status is _NOT_ASKED:
                unfinished += 1  # not asked (refused, offline, split budget spent)
                continue
            if status is not None and not status.finished:
                # the common case of a busy queue, kept quick: still waiting, nothing to write
                recipients = status.recipients
                if (
                    len(recipients) == 1
                    and recipients[0].status is DeliveryStatus.WAITING
                    and known_get(message_id) == _WAITING_KNOWN
                ):
                    unfinished += 1
                    continue
            if status is None:
                updates.append(StatusUpdate(message_id, Status.EXPIRED, EXPIRED_ERROR, False))
                expired += 1
            elif needs_detail(status) and message_id not in cycle.from_singular:
                awaiting.append(message_id)
            else:
                update = combine(message_id, status)
                if not update.finished:
                    unfinished += 1
                updates.append(update)
        write(updates)
    unfinished += len(to_ask) - asked  # chunks never asked: the network went, or a stop

    if awaiting and not cycle.blocked:
        found = cycle.details(awaiting)
        updates = []
        for message_id in awaiting:
            if message_id not in found:
                unfinished += 1
                updates.append(StatusUpdate(message_id, Status.DETAIL_PENDING, DETAIL_PENDING_ERROR, False))
                continue
            status = found[message_id]
            if status is None:
                updates.append(StatusUpdate(message_id, Status.EXPIRED, EXPIRED_ERROR, False))
                expired += 1
                continue
            update = combine(message_id, status)
            if not status.finished:  # the singular method says it waits after all
                unfinished += 1
            elif not update.finished:
                update = StatusUpdate(update.message_id, update.status, update.error, True)
            updates.append(update)
        write(updates)
    elif awaiting:
        unfinished += len(awaiting)
        write([StatusUpdate(m, Status.DETAIL_PENDING, DETAIL_PENDING_ERROR, False) for m in awaiting])

    offline = cycle.offline_error is not None
    stop_reason = cycle.stop_reason
    all_finished = unfinished == 0 and not cycle.unresolved and stop_reason is None and not offline
    error = cycle.offline_error
    if error is None and cycle.unresolved and stop_reason is None:
        error = (
            f"USOS refused to tell the statuses of {len(cycle.unresolved)} message(s) in this "
            "cycle; they are asked about again in the next one."
        )
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
        checked=checked,
        changed=changed,
        expired=expired,
        requests=cycle.requests,
        all_finished=all_finished,
        offline=offline,
        error=error,
        stop_reason=stop_reason,
        next_interval_hint=hint,
        detail_requests=cycle.detail_requests,
        split_requests=cycle.split_requests,
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
