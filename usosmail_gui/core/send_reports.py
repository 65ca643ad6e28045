"""What a send run reports: why it stopped (``StopReason``), what each request did
(``RequestReport``), the counts after each request (``SendProgress``, with an estimate of the
time left) and the outcome of the run (``SendResult``, also as ``usosmail send --json``).
The send loop that makes them is ``core.sending``."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TypedDict

from .journal import BatchKind, Counts

__all__ = ["RequestReport", "SendProgress", "SendResult", "SendResultJson", "StopReason"]


class StopReason(StrEnum):
    FINISHED = "finished"  # nothing left to send
    CANCELLED = "cancelled"
    UNREACHABLE = "unreachable"
    CREDENTIALS_REJECTED = "credentials_rejected"
    NOT_ADMINISTRATIVE = "not_administrative"
    REFUSED = "refused"  # the server refused a request for a reason that is not a message's
    TOO_MANY_UNCERTAIN = "too_many_uncertain"
    DISK_FULL = "disk_full"  # the journal's disk is full: nothing more could be recorded
    JOURNAL = "journal"  # the journal could not be written (or read) any more


@dataclass(frozen=True, slots=True)
class RequestReport:
    """What one request did."""

    kind: BatchKind
    method: str
    size: int
    enqueued: int = 0
    rejected: int = 0
    uncertain: int = 0
    not_sent: int = 0  # back to pending (to be sent alone, or after a stop)
    detail: str = ""


@dataclass(frozen=True, slots=True)
class SendProgress:
    """Counts after one request; ``remaining`` seconds is an estimate (None: not yet)."""

    campaign: str
    counts: Counts
    requests: int
    batches_done: int
    batches_total: int
    elapsed: float
    remaining: float | None
    last: RequestReport | None

    def text(self) -> str:
        c = self.counts
        left = "" if self.remaining is None else f", about {_duration(self.remaining)} left"
        return (
            f"batch {self.batches_done}/{self.batches_total}: {c.enqueued:,} enqueued · "
            f"{c.rejected:,} rejected · {c.uncertain:,} uncertain · {c.not_sent:,} to send · "
            f"{_duration(self.elapsed)} elapsed{left}"
        )


class SendResultJson(TypedDict):
    campaign: str
    enqueued: int
    rejected: int
    uncertain: int
    not_sent: int


@dataclass(frozen=True, slots=True)
class SendResult:
    campaign: str
    counts: Counts
    stop: StopReason
    message: str  # plain words: what happened, what to do
    requests: int
    elapsed: float

    def to_json(self) -> SendResultJson:
        """The ``usosmail send/resume --json`` shape of docs/cli.md."""
        c = self.counts
        return {
            "campaign": self.campaign,
            "enqueued": c.enqueued,
            "rejected": c.rejected,
            "uncertain": c.uncertain,
            "not_sent": c.not_sent,
        }


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.0f} s" if seconds >= 10 else f"{seconds:.1f} s"
    minutes, secs = divmod(int(seconds + 0.5), 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"
