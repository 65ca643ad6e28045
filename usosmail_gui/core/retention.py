"""How long the journal keeps students' personal data (RODO / GDPR), and purging it.

A campaign's journal entry holds the students' names, addresses, every column the sheet
had, the rendered messages and USOS's answers. That is needed while the campaign is
being sent and followed (and a while after, for questions and the dean's report), not
for ever. So each campaign's personal data is purged ``retention_days`` after its *last
activity* — the last status the app collected, or the end of its sending —, 180 days
unless the user chose otherwise (the setting lives in the journal itself, so the window
and ``usosmail`` honour the same one). "Delete campaign" (``forget``) purges one at once.

Purging keeps what the office may keep: the campaign's dates, its template as written,
the sender, and its counts (per send state, per delivery status, rows left out). It is one
transaction (``Journal.purge``): a crash leaves the campaign whole or purged, never half.
The file is then compacted (VACUUM, and the WAL emptied), so what was deleted does not
linger in free pages. A campaign being sent (its lock held) is never purged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from .journal import CampaignBusy, Journal, JournalError
from .statuses import campaign_statuses, count_statuses

__all__ = [
    "DEFAULT_DAYS",
    "MAX_DAYS",
    "MIN_DAYS",
    "Forgotten",
    "forget",
    "kept_until",
    "purge_due",
    "retention_days",
    "set_retention_days",
]

DEFAULT_DAYS = 180
MIN_DAYS = 1
MAX_DAYS = 3650  # ten years: a limit, never "for ever"
SETTING = "retention_days"


def retention_days(journal: Journal) -> int:
    """Days a campaign's personal data is kept after its last activity."""
    stored = journal.setting(SETTING)
    try:
        days = int(stored) if stored is not None else DEFAULT_DAYS
    except ValueError:
        return DEFAULT_DAYS
    return min(MAX_DAYS, max(MIN_DAYS, days))


def set_retention_days(journal: Journal, days: int) -> None:
    if not MIN_DAYS <= days <= MAX_DAYS:
        raise ValueError(f"Personal data can be kept for {MIN_DAYS} to {MAX_DAYS} days, not {days}.")
    journal.set_setting(SETTING, str(days))


def _moment(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def kept_until(journal: Journal, campaign: str, *, days: int | None = None) -> datetime | None:
    """When ``campaign``'s personal data will be purged (aware, UTC); ``None`` once it is."""
    if journal.campaign(campaign).purged_at is not None:
        return None
    keep = retention_days(journal) if days is None else days
    return _moment(journal.last_activity(campaign)) + timedelta(days=keep)


def _summary(journal: Journal, campaign: str) -> dict[str, object]:
    """What a purged campaign keeps: its counts and dates, no person in them."""
    counts = journal.counts(campaign)
    statuses = count_statuses(campaign_statuses(journal, campaign))
    return {
        "counts": {
            "pending": counts.pending,
            "in_flight": counts.in_flight,
            "enqueued": counts.enqueued,
            "rejected": counts.rejected,
            "uncertain": counts.uncertain,
            "undecided": counts.undecided,
        },
        "statuses": statuses.as_json() | {"not_sent": statuses.not_sent},
        "excluded": statuses.excluded,
        "last_activity_at": journal.last_activity(campaign),
    }


def _purge(journal: Journal, campaign: str, now: datetime) -> bool:
    """Purge one campaign under its lock; raises ``CampaignBusy`` while it is being sent."""
    with journal.lock_campaign(campaign):
        return journal.purge(campaign, lambda: _summary(journal, campaign), now=now)


@dataclass(frozen=True, slots=True)
class Forgotten:
    """What ``forget`` did: ``purged_at`` (now, or earlier if ``already``); ``compacted``:
    the file was rewritten without the deleted data (False: it could not be now, e.g. a
    full disk; the data is deleted all the same and the next purge compacts it)."""

    campaign: str
    purged_at: str
    already: bool
    compacted: bool


def forget(journal: Journal, campaign: str, *, now: datetime | None = None) -> Forgotten:
    """Purge ``campaign``'s personal data now ("Delete campaign", ``usosmail forget``).
    Raises ``UnknownCampaign``, ``CampaignBusy`` (being sent), ``JournalError``."""
    moment = now or datetime.now(UTC)
    purged = _purge(journal, campaign, moment)
    compacted = True
    if purged:
        try:
            journal.compact()
        except JournalError:
            compacted = False
    record = journal.campaign(campaign)
    assert record.purged_at is not None
    return Forgotten(campaign, record.purged_at, not purged, compacted)


def purge_due(journal: Journal, *, now: datetime | None = None) -> list[str]:
    """Purge every campaign whose retention period is over (skipping one being sent);
    the campaigns purged. Nothing on a read-only journal."""
    if journal.read_only:
        return []
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    cutoff = moment - timedelta(days=retention_days(journal))
    purged = []
    for campaign in journal.unpurged_quiet_since(cutoff.isoformat(timespec="milliseconds")):
        if _moment(journal.last_activity(campaign)) > cutoff:
            continue
        try:
            if _purge(journal, campaign, moment):
                purged.append(campaign)
        except CampaignBusy:
            continue  # being sent right now: next time
    if purged:
        try:
            journal.compact()
        except JournalError:
            pass  # deleted all the same; the next purge compacts the file
    return purged
