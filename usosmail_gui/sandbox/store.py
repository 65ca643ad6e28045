"""The sandbox's queue and memory of messages: what is waiting, what became of the rest.

One lock guards everything, so request threads and the delivery thread never see a half
updated message. Time comes from an injected clock, so a test can make a week pass.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from usosmail_gui.core.usos import wire
from usosmail_gui.core.usos.models import DeliveryStatus

from .validation import Mail

RETENTION_SECONDS = wire.RETENTION_DAYS * 24 * 3600

Outcome = tuple[DeliveryStatus, str | None]


@dataclass(slots=True)
class StoredMessage:
    """One queued message; ``outcomes`` run parallel to ``mail.recipients``."""

    message_id: str
    consumer_key: str
    created: float
    due: float
    mail: Mail
    outcomes: list[Outcome] = field(default_factory=list)
    pending: bool = True  # still counted as undelivered (queued or being delivered)

    @property
    def finished(self) -> bool:
        return all(status is not DeliveryStatus.WAITING for status, _ in self.outcomes)


@dataclass(frozen=True, slots=True)
class MessageView:
    """A copy of a message's state, safe to read outside the lock (B3)."""

    finished: bool
    recipients: tuple[tuple[str, DeliveryStatus, str | None], ...]


class MessageStore:
    """Queued and remembered messages, visible only to the consumer key that sent them."""

    def __init__(self, clock: Callable[[], float], delay: float) -> None:
        self._clock = clock
        self.delay = delay
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._messages: dict[str, StoredMessage] = {}  # insertion (= creation) order
        self._queue: deque[StoredMessage] = deque()
        self._next_id = 1
        self._undelivered = 0  # messages queued or being delivered
        self._unsent = 0  # their recipients still waiting (B4)

    # --- requests --------------------------------------------------------------
    def enqueue(self, consumer_key: str, mails: Iterable[Mail]) -> list[str]:
        """Queue every mail at once (all or nothing for the caller); their new IDs."""
        now = self._clock()
        ids: list[str] = []
        with self._lock:
            for mail in mails:
                message_id = str(self._next_id)
                self._next_id += 1
                message = StoredMessage(
                    message_id=message_id,
                    consumer_key=consumer_key,
                    created=now,
                    due=now + self.delay,
                    mail=mail,
                    outcomes=[(DeliveryStatus.WAITING, None)] * len(mail.recipients),
                )
                self._messages[message_id] = message
                self._queue.append(message)
                self._undelivered += 1
                self._unsent += len(mail.recipients)
                ids.append(message_id)
        return ids

    def view(self, consumer_key: str, message_id: str) -> MessageView | None:
        """The message's state, or ``None`` if unknown, expired or another consumer's."""
        now = self._clock()
        with self._lock:
            self._purge_locked(now)
            return self._view_locked(consumer_key, message_id, now)

    def views(self, consumer_key: str, message_ids: Sequence[str]) -> dict[str, MessageView | None]:
        now = self._clock()
        with self._lock:
            self._purge_locked(now)
            return {m: self._view_locked(consumer_key, m, now) for m in message_ids}

    def unsent_count(self, consumer_key: str | None = None) -> int:
        """Recipients still waiting across the whole queue (D2 total), or of one consumer."""
        now = self._clock()
        with self._lock:
            self._purge_locked(now)
            if consumer_key is None:
                return self._unsent
            return sum(
                len(m.mail.recipients)
                for m in self._messages.values()
                if m.pending and m.consumer_key == consumer_key
            )

    # --- delivery ----------------------------------------------------------------
    def take_due(self, limit: int) -> list[StoredMessage]:
        """Up to ``limit`` messages whose delay has passed, taken off the queue (their
        recipients stay ``waiting`` until ``record``)."""
        now = self._clock()
        taken: list[StoredMessage] = []
        with self._lock:
            self._purge_locked(now)
            while self._queue and self._queue[0].due <= now and len(taken) < limit:
                message = self._queue.popleft()
                if message.pending:
                    taken.append(message)
        return taken

    def record(self, message: StoredMessage, outcomes: Sequence[Outcome]) -> None:
        """What delivery did for each recipient of ``message``."""
        with self._lock:
            message.outcomes = list(outcomes)
            if message.pending:
                message.pending = False
                self._undelivered -= 1
                self._unsent -= len(message.mail.recipients)
            self._changed.notify_all()

    def purge(self) -> None:
        now = self._clock()
        with self._lock:
            self._purge_locked(now)

    def wait_idle(self, timeout: float) -> bool:
        """Block until nothing is queued or being delivered; ``False`` on timeout."""
        with self._changed:
            return self._changed.wait_for(lambda: self._undelivered == 0, timeout)

    def waiting_messages(self) -> int:
        with self._lock:
            return self._undelivered

    # --- internals ---------------------------------------------------------------
    def _expired(self, message: StoredMessage, now: float) -> bool:
        return now - message.created >= RETENTION_SECONDS

    def _view_locked(self, consumer_key: str, message_id: str, now: float) -> MessageView | None:
        message = self._messages.get(message_id)
        if message is None or message.consumer_key != consumer_key or self._expired(message, now):
            return None
        return MessageView(
            finished=message.finished,
            recipients=tuple(
                (address.given, status, error)
                for address, (status, error) in zip(message.mail.recipients, message.outcomes, strict=True)
            ),
        )

    def _purge_locked(self, now: float) -> None:
        """Forget messages past the retention period (oldest first, stop at a young one)."""
        changed = False
        while self._messages:
            message = next(iter(self._messages.values()))
            if not self._expired(message, now):
                break
            del self._messages[message.message_id]
            if message.pending:  # never delivered in a week: it simply stops counting
                message.pending = False
                self._undelivered -= 1
                self._unsent -= len(message.mail.recipients)
            changed = True
        if changed:
            self._changed.notify_all()
