"""When the app is done with a message, and whether USOS can still tell about a campaign.

Two domain rules the Statuses panel, the campaign history and the command line share:

- a message is *final* once USOS (or the journal) is done with it — sent, failed, refused,
  expired, never sent, or finished with its details asked for or given up on; a status
  the app does not know is final only when USOS said the message is finished;
- a campaign is *trackable* while USOS may still know its statuses: it keeps them for
  ``RETENTION`` (7 days) after the send.
"""

from __future__ import annotations

from datetime import UTC, datetime

from .statuses import RETENTION, RecipientStatusView, Status

__all__ = ["FINAL_STATUSES", "is_final", "trackable"]

FINAL_STATUSES = frozenset(
    {
        Status.SENT,
        Status.FAILED,
        Status.REJECTED,
        Status.EXPIRED,
        Status.NOT_SENT,
        Status.DETAIL_PENDING,  # USOS has finished with it; only its details are being asked for
        Status.NO_DETAIL,
    }
)


def is_final(view: RecipientStatusView) -> bool:
    """USOS (or the journal) is done with it; a value the app does not know counts as
    final only when USOS said so."""
    if view.status is Status.UNKNOWN:
        return view.finished_at is not None
    return view.status in FINAL_STATUSES


def trackable(created_at: str, now: datetime | None = None) -> bool:
    """Whether USOS may still know the campaign's statuses (sent within 7 days); a time
    that cannot be read is not trackable, one without a zone is UTC (the journal's)."""
    try:
        created = datetime.fromisoformat(created_at)
    except ValueError:
        return False
    if created.tzinfo is None:
        created = created.replace(tzinfo=UTC)
    return (now or datetime.now(UTC)) - created < RETENTION
