"""Sending again: a new campaign of an earlier one's recipients USOS failed to deliver to
(and, if asked, those whose send is uncertain), exactly as the journal stored them.

The choice of who qualifies is the rule; ``campaign.build_retry_campaign`` makes the
draft (same template, sender, rendered text or values, addresses), the journal only
reads what was stored.
"""

from __future__ import annotations

from collections.abc import Iterable

from .campaign import CampaignDraft, other_installation
from .drafts import build_retry_campaign
from .journal import Journal, RecipientRecord, RecipientState

__all__ = ["retry_draft", "retry_recipients"]


def retry_recipients(
    recipients: Iterable[RecipientRecord], *, include_uncertain: bool = False
) -> list[RecipientRecord]:
    """Who a retry sends to, in order: those USOS said it failed to deliver to, and (if
    asked) those whose send is uncertain."""
    return [
        r
        for r in recipients
        if (r.state is RecipientState.ENQUEUED and r.status == "failed")
        or (include_uncertain and r.state is RecipientState.UNCERTAIN)
    ]


def retry_draft(
    journal: Journal,
    campaign: str,
    *,
    installation: str,
    key_fingerprint: str,
    include_uncertain: bool = False,
) -> CampaignDraft:
    """A new campaign of ``campaign``'s failed recipients (and uncertain ones if asked),
    with the same template and sender, through the campaign's own ``installation`` only.
    Raises ``CampaignError``: ``OtherInstallation`` when ``installation`` is another one (a
    practice campaign of the sandbox retried through the real USOS would send real mail);
    when nobody qualifies or a message lacks what its mode needs. ``UnknownCampaign`` for an
    id the journal lacks."""
    record = journal.campaign(campaign)
    refusal = other_installation(record.id, record.installation, installation)
    if refusal is not None:
        raise refusal
    return build_retry_campaign(
        record.template,
        retry_recipients(journal.recipients(campaign), include_uncertain=include_uncertain),
        mode=record.mode,
        installation=installation,
        key_fingerprint=key_fingerprint,
        columns=record.columns,
        email_column=record.email_column,
        source_path=record.source_path,
        source_sheet=record.source_sheet,
        batch_size=record.batch_size,
        max_body_bytes=record.max_body_bytes,
    )
