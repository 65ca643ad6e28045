"""The campaign history: every campaign in the journal with its status counts, whether
USOS can still tell about it, and until when its students' personal data is kept; the
retention period changed; one campaign's personal data deleted now.

Retrying a campaign's failed recipients is ``preparing.prepare_retry`` (a new campaign,
confirmed like any other).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from usosmail_gui.core.retention import (
    Forgotten,
    forget,
    kept_until,
    purge_due,
    retention_days,
    set_retention_days,
)
from usosmail_gui.core.statuses import StatusCounts, campaign_counts, campaign_statuses
from usosmail_gui.core.tracking import trackable

from .collaborators import JournalFactory, open_journal, read_journal

__all__ = ["CampaignRow", "Listing", "delete_campaign", "list_campaigns", "save_retention"]


@dataclass(frozen=True, slots=True)
class CampaignRow:
    """One campaign as the history lists it."""

    id: str
    created_at: str
    subject: str
    total: int
    counts: StatusCounts
    trackable: bool
    is_test: bool
    purged_at: str | None = None  # when its personal data was deleted
    kept_until: datetime | None = None  # when it will be (None once it is)


@dataclass(frozen=True, slots=True)
class Listing:
    """What the history shows: the campaigns, the retention period, and whether the
    journal can be changed (a read-only one is shown, its data cannot be deleted)."""

    rows: list[CampaignRow]
    retention_days: int
    read_only: bool


def list_campaigns(now: datetime | None = None, *, journals: JournalFactory = read_journal) -> Listing:
    """Every campaign in the journal, newest first, with its status counts
    (``now``: the moment that decides what is past USOS's 7 days and the retention period;
    default the real time). Campaigns past the retention period are purged first."""
    rows: list[CampaignRow] = []
    with journals() as journal:
        purge_due(journal, now=now)
        days = retention_days(journal)
        for summary in journal.campaigns():
            record = summary.campaign
            counts = campaign_counts(journal, record.id, campaign_statuses(journal, record.id, now=now))
            rows.append(
                CampaignRow(
                    record.id,
                    record.created_at,
                    record.template.subject,
                    counts.messages,
                    counts,
                    trackable(record.created_at, now),
                    record.is_test,
                    record.purged_at,
                    kept_until(journal, record.id, days=days),
                )
            )
        return Listing(rows, days, journal.read_only)


def delete_campaign(campaign: str, *, journals: JournalFactory = open_journal) -> Forgotten:
    """Purge the campaign's personal data now ("Delete campaign")."""
    with journals() as journal:
        return forget(journal, campaign)


def save_retention(days: int, *, journals: JournalFactory = open_journal) -> list[str]:
    """Keep personal data ``days`` days after a campaign's last status from now
    on; purges what that makes due. The campaigns purged."""
    with journals() as journal:
        set_retention_days(journal, days)
        return purge_due(journal)
