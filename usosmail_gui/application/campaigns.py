"""The campaign history: every campaign in the journal with its status counts, whether
USOS can still tell about it, and until when its students' personal data is kept; the
retention period changed; one campaign's personal data deleted now.

Retrying a campaign's failed recipients is ``preparing.prepare_retry`` (a new campaign,
confirmed like any other).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from usosmail_gui.core.campaign import SendMode
from usosmail_gui.core.journal import CampaignRecord, Journal
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

__all__ = [
    "CampaignRow",
    "Listing",
    "close_campaign",
    "delete_campaign",
    "list_campaigns",
    "save_retention",
]


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
    installation: str = ""  # the base URL it was sent through
    sandbox: bool = False  # a practice campaign of the built-in sandbox (its own journal)
    closed_at: str | None = None  # when the user closed it: nothing more of it is sent
    interrupted: bool = False  # recipients left to send or uncertain ones to decide on
    first_subject: str | None = None  # what its first recipient's subject was (None: not known)


@dataclass(frozen=True, slots=True)
class Listing:
    """What the history shows: the campaigns, the retention period, and whether the
    journal can be changed (a read-only one is shown, its data cannot be deleted)."""

    rows: list[CampaignRow]
    retention_days: int
    read_only: bool
    sandbox: bool = False  # the built-in sandbox's own journal (practice campaigns only)


def list_campaigns(now: datetime | None = None, *, journals: JournalFactory = read_journal) -> Listing:
    """Every campaign in the journal, newest first, with its status counts
    (``now``: the moment that decides what is past USOS's 7 days and the retention period;
    default the real time). Campaigns past the retention period are purged first."""
    rows: list[CampaignRow] = []
    with journals() as journal:
        purge_due(journal, now=now)
        days = retention_days(journal)
        sandbox = journal.of_sandbox
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
                    installation=record.installation,
                    sandbox=sandbox,
                    closed_at=record.closed_at,
                    interrupted=summary.interrupted,
                    first_subject=_first_subject(journal, record),
                )
            )
        return Listing(rows, days, journal.read_only, sandbox)


def _first_subject(journal: Journal, record: CampaignRecord) -> str | None:
    """The subject its first recipient was sent (rendered as USOS renders a template)."""
    from usosmail_gui.core.template import RenderError, compile_template, render

    first = journal.first_recipient(record.id)
    if first is None:
        return None
    if record.mode is SendMode.MESSAGES or first.params is None:
        return first.subject
    try:
        return render(compile_template(record.template), first.params, row=first.row).subject
    except RenderError:
        return None


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


def close_campaign(campaign: str, *, journals: JournalFactory = open_journal) -> CampaignRecord:
    """Close the campaign ("Close campaign…", ``usosmail close``): nothing more of it will be
    sent; recipients never sent stay not sent, uncertain ones stay uncertain. Raises
    ``CampaignBusy`` while it is being sent."""
    with journals() as journal:
        return journal.close_campaign(campaign)
