"""Delivery statuses in plain terms: the statuses a recipient can have, what each
recipient's status is by the journal alone, and how many have each.

USOS keeps a message's status for 7 days only, so the app collects statuses while it can
(core/polling.py) and keeps them in the journal; the GUI and the CLI read the journal,
never USOS directly. A message older than 7 days that USOS had not finished with is shown
as expired even before a poll marks it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from .campaign import Excluded
from .journal import Journal, RecipientRecord, RecipientState
from .sentences import Sentence
from .usos.wire import RETENTION_DAYS

__all__ = [
    "RETENTION",
    "RecipientStatusView",
    "Status",
    "StatusCounts",
    "campaign_counts",
    "campaign_statuses",
    "count_statuses",
    "parse_time",
    "status_of",
]

RETENTION = timedelta(days=RETENTION_DAYS)
RAW_PREFIX = "raw:"  # journal form of a status value this app does not know: "raw:bounced"

EXPIRED_ERROR = (
    f"USOS no longer knows this message: it keeps statuses for {RETENTION_DAYS} days only "
    "(and shows them only to the consumer key that sent it). The last status seen is lost."
)

NO_DETAIL_ERROR = (
    "USOS has finished with this message but gave no details of its delivery (neither "
    "check_messages_status nor check_message_status said whether it was sent)."
)
DETAIL_PENDING_ERROR = "USOS has finished with this message; the app is asking it for the details."


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
    DETAIL_PENDING = "detail_pending"  # USOS finished with it; its details are being asked for
    NO_DETAIL = "no_detail"  # USOS finished with it and said no more (final)
    UNKNOWN = "unknown"  # a status value this app does not know, kept raw


# a time the journal wrote (ISO 8601) as an aware UTC time (no docstring: mutmut numbers its mutants)
def parse_time(text: str | None) -> datetime | None:
    if not text:
        return None
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


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
    raw_status: str | None = None  # for ``unknown``: the value USOS gave, as it gave it
    # the error as translatable sentences (core/sentences.py) when the app wrote it, e.g. why
    # a row was left out; empty for USOS's own words
    sentences: tuple[Sentence, ...] = field(default=(), compare=False)
    seq: int | None = None  # the journal recipient (one message) this view is of

    @property
    def email(self) -> str:
        return ", ".join(self.addresses)

    @property
    def shown_status(self) -> str:
        """The status as the CLI and reports name it: ``unknown`` shows USOS's own value."""
        if self.status is Status.UNKNOWN and self.raw_status is not None:
            return f"unknown ({self.raw_status})"
        return str(self.status)


def status_of(value: str | None) -> tuple[Status, str | None]:
    """The journal's status column as a ``Status`` and, for ``unknown``, USOS's raw value.

    Anything that is not a known value (``raw:…``, or a value a newer version wrote) is
    ``unknown``, never ``waiting``; no value yet is ``waiting`` (enqueued, not checked)."""
    if not value:
        return Status.WAITING, None
    if value.startswith(RAW_PREFIX):
        return Status.UNKNOWN, value[len(RAW_PREFIX) :]
    try:
        return Status(value), None
    except ValueError:
        return Status.UNKNOWN, value


def _view(record: RecipientRecord, moment: datetime) -> RecipientStatusView:
    error = record.error
    raw: str | None = None
    if record.state is RecipientState.REJECTED:
        status = Status.REJECTED
    elif record.state is RecipientState.UNCERTAIN:
        status = Status.UNCERTAIN
    elif record.state is not RecipientState.ENQUEUED:
        status, error = Status.NOT_SENT, None
    else:
        error = record.status_error
        status, raw = status_of(record.status)
        enqueued = parse_time(record.enqueued_at)
        if (
            status in (Status.WAITING, Status.DETAIL_PENDING)
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
        raw_status=raw,
        seq=record.seq,
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
    detail_pending: int = 0
    no_detail: int = 0
    unknown: int = 0

    @property
    def messages(self) -> int:
        """Recipients a message was meant for (left-out rows not counted)."""
        finished = self.sent + self.failed + self.rejected + self.expired + self.no_detail
        pending = self.waiting + self.uncertain + self.not_sent + self.detail_pending
        return finished + pending + self.unknown

    def as_json(self) -> dict[str, int]:
        """The counts of ``usosmail status --json`` (docs/cli.md: keys are only added)."""
        return {
            "waiting": self.waiting,
            "sent": self.sent,
            "failed": self.failed,
            "uncertain": self.uncertain,
            "rejected": self.rejected,
            "expired": self.expired,
            "excluded": self.excluded,
            "detail_pending": self.detail_pending,
            "no_detail": self.no_detail,
            "unknown": self.unknown,
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
